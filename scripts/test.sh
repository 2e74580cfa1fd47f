#!/usr/bin/env bash
# Every test level, in order from fastest to slowest. Exits non-zero at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
start=$SECONDS
step() { printf '\n[test %3ss] %s\n' "$((SECONDS - start))" "$*"; }

step "set-up (installs only what is missing)"
bash scripts/setup.sh --browsers

step "lints: rustfmt, clippy native and wasm32"
cargo fmt --check
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy --quiet --lib --target wasm32-unknown-unknown --no-default-features -- -D warnings

step "js: the offline place search in Node (tests/js)"
node --test tests/js/

step "native: cargo test (unit, property, doc tests)"
cargo test --quiet

step "wasm: the JS-facing API in headless Chromium"
wasm-pack --log-level warn test --headless --chrome -- --test wasm_api --test wasm_kmeans --test wasm_consolidation --test wasm_footprint

step "release build"
bash scripts/build.sh

step "fuzz: every export of both packages in Node, fixed seed (fast-check)"
node --test tests/fuzz/

step "page: playwright-core in Chromium"
node --test --test-concurrency=1 tests/page/

step "package: the CLI, then npm pack installed in a fresh project (Node, tsc, Vite, a plain folder, Chromium)"
node --test --test-concurrency=1 tests/package/

step "crate: cargo package (what crates.io would get builds on its own)"
cargo package --quiet --allow-dirty

step "all passed in $((SECONDS - start)) s"
