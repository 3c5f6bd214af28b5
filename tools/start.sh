#!/usr/bin/env bash
# `npm start`: installs what is missing, then runs the demo (tools/demo/start.js).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules/@n8n/node-cli ] || npm ci --no-audit --no-fund
exec node tools/demo/start.js
