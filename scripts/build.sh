#!/usr/bin/env bash
# Builds the page: its two modules (release) and the article's HTML.
#   www/pkg/         burn's CPU backend: loaded first by every page, draws the charts, trains
#                    where WebGPU is missing or slower
#   www/pkg-webgpu/  the same crate with burn's wgpu backend added, loaded only by a lab's
#                    worker that trains on WebGPU
set -euo pipefail
cd "$(dirname "$0")/.."

# wasm builds get their own target directory, so that they never wait on a native build's lock.
export CARGO_TARGET_DIR="$PWD/target/wasm"
build() {
  local out=$1
  shift
  wasm-pack build crate --release --target web --out-dir "../www/$out" --no-typescript \
    --no-pack -- "$@"
}
build pkg
build pkg-webgpu --features webgpu

for module in www/pkg/gan_gradients_bg.wasm www/pkg-webgpu/gan_gradients_bg.wasm; do
  echo "$module: $(wc -c <"$module") bytes, gzip $(gzip -9 -c "$module" | wc -c) bytes"
done
# The article's maths, typeset to MathML: www/src/{en,pt}.html → www/index.html, www/pt.html.
node scripts/render-article.mjs
