#!/usr/bin/env bash
# Release builds of the wasm packages, shrunk by wasm-opt from the npm `binaryen` package:
#   www/pkg         everything, for the page
#   www/widget-pkg  only what the checkout widget needs (no default features), to keep shoppers' downloads small
# then writes .br and .gz beside every text and wasm asset in www/ (scripts/compress.mjs).
# A build is reused (so `npm pack` right after `npm run build` does not build again) only when the stamp it left,
# www/pkg/.build-stamp, still matches: the hash of every input (src/, Cargo.toml, Cargo.lock, .cargo/ with the wasm
# target's flags, this script, scripts/api-types.mjs, RUSTFLAGS, and the versions of rustc, wasm-pack, wasm-bindgen
# and wasm-opt) and the hash of every output. Any edit, a half-finished build or a touched output builds again.
# `bash scripts/build.sh --force` always builds; `--check` only says (exit status 0) whether it would reuse the build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
STAMP=www/pkg/.build-stamp

# By content, not by date: a checkout or a copy can give an old file a new date and the other way round.
stamp() {
  {
    echo "RUSTFLAGS=${RUSTFLAGS:-}"
    # (a tool missing is one more difference, not an error: the build says what is missing)
    for tool in 'rustc -V' 'wasm-pack --version' 'wasm-bindgen --version' 'wasm-opt --version'; do $tool 2>&1 || true; done
    find src Cargo.toml Cargo.lock .cargo scripts/build.sh scripts/api-types.mjs -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum
  } | sha256sum
  find www/pkg www/widget-pkg -type f ! -name '*.br' ! -name '*.gz' ! -name '.build-stamp' -print0 2>/dev/null |
    LC_ALL=C sort -z | xargs -0 -r sha256sum
}

up_to_date() { [ -f "$STAMP" ] && [ -f www/widget-pkg/green_delivery_bg.wasm ] && [ "$(stamp)" = "$(cat "$STAMP")" ]; }
if [ "${1:-}" = "--check" ]; then
  up_to_date # exit status 0: a build would be reused; 1: it would build
  exit
fi
if [ "${1:-}" != "--force" ] && up_to_date; then
  echo "[build] www/pkg and www/widget-pkg are up to date with src/ (scripts/build.sh --force builds anyway)"
else
  # Start from empty folders: a snippet folder's name hashes the crate's version, so old ones would linger (and be
  # packed); and without the stamp, a build that fails half-way is not taken for a finished one.
  rm -rf www/pkg www/widget-pkg
  wasm-pack --log-level warn build --release --target web --out-dir www/pkg --no-pack
  wasm-pack --log-level warn build --release --target web --out-dir www/widget-pkg --no-pack -- --no-default-features
  # wasm-pack writes a `*` .gitignore into each package; /.gitignore already ignores them, and npm pack would obey it.
  rm -f www/pkg/.gitignore www/widget-pkg/.gitignore
  # The API's types apart from init()'s DOM types, for the Node entry (lib/node.d.ts).
  node scripts/api-types.mjs
  stamp >"$STAMP"
fi
# The widget as one classic script (www/green-delivery-widget.js) for pages without modules, from the modules and the
# widget's glue: always, since the modules are not in the stamp (it takes about a second).
node scripts/build-classic.mjs
# .br and .gz beside every text and wasm asset, and the compressed payloads of the page and the widget (the
# widget's counts the binding's JS half, src/wasm/boundary.js, shipped as a wasm-bindgen snippet); it writes them
# to target/sizes.json too.
node scripts/compress.mjs
