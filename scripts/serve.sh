#!/usr/bin/env bash
# Installs what is missing, builds the article and serves it on localhost (PORT, default 8080).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node tests/serve.mjs "${PORT:-8080}"
