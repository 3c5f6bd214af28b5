#!/usr/bin/env bash
# The project's test command (`npm run check`, called by .ci/run): installs what is missing,
# checks formatting, builds, lints with n8n's strict community rules, type-checks the JavaScript
# tooling (JSDoc, tsconfig.tools.json), runs the offline verification scan, the unit/routing tests
# (jest, through n8n-core) and the tests in a real n8n against the emulator: the package installed
# as Community Nodes does, end to end on every n8n version in tools/lib/n8nLines.js (2.x and 1.x,
# with an AI agent), queue mode, the editor in a browser.
#
#   npm run check               in this checkout, reusing this machine's caches
#   npm run check -- --cold     as a new machine would: a fresh clone of HEAD in a temporary
#                               folder with nothing beside it, HOME pointed at a new empty folder
#                               (no ~/.cache, no ~/.npm; ~/.npmrc is copied for registry settings)
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--cold" ]; then
  cold=$(mktemp -d "${TMPDIR:-/tmp}/useepay-cold.XXXXXX")
  mkdir -p "$cold/home"
  [ -f "$HOME/.npmrc" ] && cp "$HOME/.npmrc" "$cold/home/"
  [ -n "$(git status --porcelain)" ] && echo "note: uncommitted changes are not part of a cold run (it clones HEAD)"
  git clone --quiet --no-local . "$cold/repo"
  echo "cold run: clone of $(git rev-parse --short HEAD) in $cold/repo, HOME=$cold/home"
  started=$SECONDS
  status=0
  (cd "$cold/repo" && env -u XDG_CACHE_HOME -u USEEPAY_CACHE HOME="$cold/home" CI=true bash .ci/run) || status=$?
  echo "cold run: exit $status after $(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s"
  # The cold caches hold ~5 GB; keep them only when asked (USEEPAY_KEEP_COLD=1) or on failure.
  if [ "$status" = 0 ] && [ -z "${USEEPAY_KEEP_COLD:-}" ]; then rm -rf "$cold"; else echo "kept $cold"; fi
  exit "$status"
fi

# Each step says how long it usually takes on a 2-core machine (warm: Node.js and n8n already in
# ~/.cache/n8n-nodes-useepay; a new machine adds their installs, as the steps say), and the time
# since the command started.
# This command's own start (a run inside `npm run check` must not inherit the check's).
unset USEEPAY_STARTED_MS
PROGRESS_NAME=check
source tools/lib/progress.sh
started=$SECONDS
step() { printf '\n=== [%dm%02ds] %s\n' $(((SECONDS - started) / 60)) $(((SECONDS - started) % 60)) "$*"; }

step "install (npm ci, lifecycle scripts off, see .npmrc; about 40 s, 1-2 min with an empty npm cache)"
echo "$EBADENGINE_NOTE"
with_heartbeat "installing this project's npm packages (npm ci)" npm ci --no-audit --no-fund

step "formatting (prettier --check; npm run format fixes it; about 15 s)"
npm run --silent format:check

step "build (about 30 s)"
npm run build

step "lint (n8n-node lint, strict; about 1 min)"
npm run lint

step "types of the JavaScript tooling (tsc with checkJs: emulator, tools, bench; about 15 s)"
npm run --silent typecheck

step "n8n verification scanner, offline (source and packed tarball; about 15 s)"
npm run scan

step "unit and routing tests (jest; about 3-5 min)"
npm test -- --ci

step "the package as users install it: tarball contents, publish guard, Community Nodes install in n8n $(node -p "require('./tools/lib/n8nLines').TESTED_N8N_VERSIONS.join(' and ')") (about 2-3 min; on a new machine first Node.js 24 + n8n 2.x and Node.js 22 + n8n 1.x: about 5-6 min each, progress every 20 s)"
npm run test:package

step "end-to-end in real n8n $(node -p "require('./tools/lib/n8nLines').TESTED_N8N_VERSIONS.join(' and ')") (each on its own Node.js), with an AI agent (about 6-8 min)"
npm run test:e2e

step "queue mode in real n8n (Redis + PostgreSQL, main + worker + webhook processor; about 3-4 min, plus apt-get install of redis-server and postgresql once per machine)"
npm run test:queue

step "the n8n editor and the emulator dashboard in a real browser (Debian Chromium + playwright-core; about 2-3 min, plus apt-get install chromium once per machine)"
npm run test:ui

step "all checks passed ($(((SECONDS - started) / 60)) min $(((SECONDS - started) % 60)) s)"
