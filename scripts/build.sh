#!/usr/bin/env bash
# Release build of the wasm package into www/pkg, shrunk by wasm-opt from the npm `binaryen` package.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack --log-level warn build --release --target web --out-dir www/pkg --no-pack
wasm=www/pkg/green_delivery_bg.wasm
js=www/pkg/green_delivery.js
printf '[build] %s: %s bytes, %s gzipped; %s: %s bytes, %s gzipped\n' \
  "$wasm" "$(wc -c <"$wasm")" "$(gzip -9c "$wasm" | wc -c)" "$js" "$(wc -c <"$js")" "$(gzip -9c "$js" | wc -c)"
