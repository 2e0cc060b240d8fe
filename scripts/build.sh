#!/usr/bin/env bash
# Builds the page's module (release, CPU and WebGPU backends) into www/pkg.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm builds get their own target directory, so that they never wait on a native build's lock.
CARGO_TARGET_DIR="$PWD/target/wasm" wasm-pack build crate --release --target web \
  --out-dir ../www/pkg --no-typescript --no-pack
ls -l www/pkg/gan_gradients_bg.wasm
echo "gzip: $(gzip -9 -c www/pkg/gan_gradients_bg.wasm | wc -c) bytes"
# The article's maths, typeset to MathML: www/src/{en,pt}.html → www/index.html, www/pt.html.
node scripts/render-article.mjs
