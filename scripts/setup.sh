#!/usr/bin/env bash
# Installs whatever is missing, and nothing else, so a second run takes seconds.
# Everything comes from crates.io, the npm registry or Debian's packages; no prebuilt binary is downloaded.
#   scripts/setup.sh             toolchain + npm packages (what `npm start` needs)
#   scripts/setup.sh --browsers  also Chromium and ChromeDriver (what `npm test` needs)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
say() { printf '[setup] %s\n' "$*"; }

if ! command -v cargo >/dev/null || ! command -v rustup >/dev/null; then
  say "Rust is missing: install it with rustup (https://rustup.rs), then run this again."
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-pack >/dev/null; then
  say "installing wasm-pack from crates.io (about 4 minutes, once)"
  cargo install wasm-pack --version 0.15.1
fi

# wasm-pack uses the wasm-bindgen on PATH when its version matches Cargo.lock; otherwise it would try GitHub.
pinned=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)
installed=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$installed" != "$pinned" ]; then
  say "installing wasm-bindgen-cli $pinned from crates.io (about 4 minutes, once)"
  cargo install wasm-bindgen-cli --version "$pinned" --force
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund
fi

# The Chinese pages and screenshots need CJK glyphs (Noto CJK), or Chromium draws boxes; the page loads no web font.
cjk_fonts() { fc-list :lang=zh 2>/dev/null | grep -q .; }
if [ "${1:-}" = "--browsers" ] && ! { command -v chromium && command -v chromedriver && cjk_fonts; } >/dev/null; then
  if [ "$(id -u)" = 0 ]; then
    say "installing Chromium, ChromeDriver and the Noto CJK fonts from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-cjk >/dev/null
  else
    say "the browser tests need Chromium, ChromeDriver and CJK fonts. Install them, then run this again:"
    say "  sudo apt-get install chromium chromium-driver fonts-noto-cjk"
    exit 1
  fi
fi
