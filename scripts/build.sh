#!/usr/bin/env bash
# Builds the page: its two modules and the article's HTML.
#   www/pkg/         burn's CPU backend (release profile, shared with the tests): loaded first by
#                    every page, draws the charts, trains where WebGPU is missing or slower
#   www/pkg-webgpu/  burn's wgpu backend alone (profile web-small in Cargo.toml: size-optimised,
#                    LTO), loaded only by a lab's worker that trains on WebGPU
# No wasm-opt: npm's binaryen 132 (Debian's breaks the module) took 2 to 6 minutes a module and
# left the gzip size where it was (README, "Benchmark").
set -euo pipefail
cd "$(dirname "$0")/.."

# wasm builds get their own target directory, so that they never wait on a native build's lock.
export CARGO_TARGET_DIR="$PWD/target/wasm"
report() {
  echo "$1: $(wc -c <"$1") bytes, gzip $(gzip -9 -c "$1" | wc -c) bytes"
}

wasm-pack build crate --release --target web --out-dir ../www/pkg --no-typescript --no-pack
report www/pkg/gan_gradients_bg.wasm

# wasm-pack cannot pass wasm-bindgen --remove-name-section, which drops the function names
# (for debuggers only; 1.4 MB of this module's gzip), so this one is built by cargo and
# wasm-bindgen directly.
cargo build --manifest-path crate/Cargo.toml --lib --profile web-small \
  --target wasm32-unknown-unknown --no-default-features --features webgpu
wasm-bindgen --target web --no-typescript --remove-name-section --out-dir www/pkg-webgpu \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/web-small/gan_gradients.wasm"
report www/pkg-webgpu/gan_gradients_bg.wasm

# The article's maths, typeset to MathML: www/src/{en,pt}.html → www/index.html, www/pt.html.
node scripts/render-article.mjs
