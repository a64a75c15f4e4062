#!/usr/bin/env bash
# Installs what is missing, builds Học số in release mode and serves it on
# http://127.0.0.1:8080 (override with PORT=...). Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup
export PATH="$PWD/node_modules/.bin:$PATH"
trunk build --release
exec node scripts/serve.mjs dist "${PORT:-8080}"
