#!/usr/bin/env bash
# `npm start`: installs what is missing, then runs the demo (tools/demo/start.js). Every line says
# the seconds since the command started, each long step says how long it usually takes, and a
# silent step prints "still …" at least every 20 s.
set -euo pipefail
cd "$(dirname "$0")/.."
# This command's own start (a run inside `npm run check` must not inherit the check's).
unset USEEPAY_STARTED_MS
PROGRESS_NAME=useepay-demo
source tools/lib/progress.sh

# npm's downloads go to the demo's cache folder (not ~/.npm), so the one clean-up command printed
# at the end removes them too.
npm_config_cache=$(node -p "require('./tools/lib/runtime').npmCacheDir()")
export npm_config_cache

if [ ! -d node_modules/@n8n/node-cli ]; then
  say "installing this project's npm packages (npm ci: about 1-2 min on a new machine, about 40 s with a warm npm cache)"
  say "  $EBADENGINE_NOTE"
  with_heartbeat "installing this project's npm packages (npm ci)" npm ci --no-audit --no-fund
fi
exec node tools/demo/start.js
