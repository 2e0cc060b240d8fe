#!/usr/bin/env bash
# Installs what building and testing gan-gradients needs on a Debian machine, skipping
# whatever is already there at the right version: Chromium and ChromeDriver (Debian), the
# wasm32 target, wasm-bindgen-cli pinned to the wasm-bindgen in Cargo.lock, wasm-pack, and
# the npm packages of the server and the browser tests. Nothing downloads a binary later.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_PACK_VERSION=0.15.1
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3 }' Cargo.lock)

sudo_if_needed() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  sudo_if_needed apt-get install -y "${missing[@]}" ||
    { sudo_if_needed apt-get update && sudo_if_needed apt-get install -y "${missing[@]}"; }
fi

rustup target list --installed | grep -qx wasm32-unknown-unknown ||
  rustup target add wasm32-unknown-unknown
rustup component list --installed | grep -q '^clippy' || rustup component add clippy
rustup component list --installed | grep -q '^rustfmt' || rustup component add rustfmt

# wasm-bindgen-cli must equal the crate's wasm-bindgen exactly. It installs without
# --locked: with it, 0.2.130 fails to resolve webpki-roots.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" != "$WASM_BINDGEN_VERSION" ]; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if [ "$(wasm-pack --version 2>/dev/null | awk '{ print $2 }')" != "$WASM_PACK_VERSION" ]; then
  echo "setup: installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

if ! [ -d node_modules/playwright-core ] || ! [ -d node_modules/sirv ]; then
  npm ci --no-audit --no-fund
fi
