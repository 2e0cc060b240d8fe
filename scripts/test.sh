#!/usr/bin/env bash
# Installs what is missing, then runs every check: formatting, clippy (native and wasm, warnings
# denied), native tests, browser tests of the crate (wasm-pack test, CPU and WebGPU), the page's
# release build and the end-to-end tests. Screenshots land in tests/output/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

step() { printf '\n=== %s (%s)\n' "$1" "$(date +%T)"; }

step "cargo fmt --check"
cargo fmt --all --check

step "clippy, native"
CARGO_TARGET_DIR="$PWD/target/native" cargo clippy --all-targets --release -- -D warnings

step "native tests"
CARGO_TARGET_DIR="$PWD/target/native" cargo test --release

step "clippy, wasm32 with WebGPU"
CARGO_TARGET_DIR="$PWD/target/wasm" cargo clippy --all-targets --release \
  --target wasm32-unknown-unknown -- -D warnings

step "clippy, wasm32 CPU-only module"
CARGO_TARGET_DIR="$PWD/target/wasm" cargo clippy --lib --release \
  --target wasm32-unknown-unknown -- -D warnings

step "clippy, wasm32 WebGPU-only module"
CARGO_TARGET_DIR="$PWD/target/wasm" cargo clippy --lib --release \
  --target wasm32-unknown-unknown --no-default-features --features webgpu -- -D warnings

step "wasm-pack test in headless Chromium"
# The crate's webdriver.json gives Chromium --enable-unsafe-webgpu, so WebGPU is required here.
export GAN_GRADIENTS_REQUIRE_WEBGPU=1
export WASM_BINDGEN_TEST_TIMEOUT=900
CARGO_TARGET_DIR="$PWD/target/wasm" wasm-pack test --headless --chrome \
  --chromedriver /usr/bin/chromedriver --release crate

step "page build"
scripts/build.sh

step "end-to-end tests"
node --test --test-concurrency=1 tests/*.test.mjs

step "done"
