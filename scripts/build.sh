#!/usr/bin/env bash
# Release builds of the wasm packages, shrunk by wasm-opt from the npm `binaryen` package:
#   www/pkg         everything, for the page
#   www/widget-pkg  only what the checkout widget needs (no default features), to keep shoppers' downloads small
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack --log-level warn build --release --target web --out-dir www/pkg --no-pack
wasm-pack --log-level warn build --release --target web --out-dir www/widget-pkg --no-pack -- --no-default-features
gz() { gzip -9c "$1" | wc -c; }
for pkg in www/pkg www/widget-pkg; do
  wasm=$pkg/green_delivery_bg.wasm js=$pkg/green_delivery.js
  printf '[build] %s: %s bytes, %s gzipped; %s: %s bytes, %s gzipped\n' \
    "$wasm" "$(wc -c <"$wasm")" "$(gz "$wasm")" "$js" "$(wc -c <"$js")" "$(gz "$js")"
done
# The binding's JS half (src/wasm/boundary.js) ships as a wasm-bindgen snippet beside the glue.
widget=(www/widget.js www/green-delivery-options.js www/wasm.js www/errors.js www/format.js www/widget-pkg/green_delivery.js
  www/widget-pkg/green_delivery_bg.wasm www/widget-pkg/snippets/*/src/wasm/boundary.js)
total=0
for f in "${widget[@]}"; do total=$((total + $(gz "$f"))); done
printf '[build] widget payload (%s files, gzipped each): %s bytes\n' "${#widget[@]}" "$total"
