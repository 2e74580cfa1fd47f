#!/usr/bin/env bash
# Release builds of the wasm packages, shrunk by wasm-opt from the npm `binaryen` package:
#   www/pkg         everything, for the page
#   www/widget-pkg  only what the checkout widget needs (no default features), to keep shoppers' downloads small
# then writes .br and .gz beside every text and wasm asset in www/ (scripts/compress.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
# Start from empty folders: a snippet folder's name hashes the crate's version, so old ones would linger (and be packed).
rm -rf www/pkg www/widget-pkg
wasm-pack --log-level warn build --release --target web --out-dir www/pkg --no-pack
wasm-pack --log-level warn build --release --target web --out-dir www/widget-pkg --no-pack -- --no-default-features
# wasm-pack writes a `*` .gitignore into each package; /.gitignore already ignores them, and npm pack would obey it.
rm -f www/pkg/.gitignore www/widget-pkg/.gitignore
# The widget as one classic script (www/green-delivery-widget.js) for pages without modules, from the modules and the
# widget's glue just built.
node scripts/build-classic.mjs
# .br and .gz beside every text and wasm asset, and the compressed payloads of the page and the widget (the
# widget's counts the binding's JS half, src/wasm/boundary.js, shipped as a wasm-bindgen snippet).
node scripts/compress.mjs
