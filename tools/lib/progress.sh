# Progress lines for tools/start.sh and tools/check.sh (sourced): `say` prints a line tagged with
# the seconds since the command started (USEEPAY_STARTED_MS, exported so the Node.js part counts
# from the same start); `with_heartbeat` runs a long silent command and prints "still …" every
# 20 s (PROGRESS_HEARTBEAT_S) while it runs, so a first run is never quiet for long.
export USEEPAY_STARTED_MS=${USEEPAY_STARTED_MS:-$(date +%s%3N)}
PROGRESS_NAME=${PROGRESS_NAME:-useepay}

progress_seconds() { echo $((($(date +%s%3N) - USEEPAY_STARTED_MS) / 1000)); }

say() { printf '[%s %ss] %s\n' "$PROGRESS_NAME" "$(progress_seconds)" "$*"; }

# with_heartbeat "<what is running>" command args...   (exit status: the command's)
with_heartbeat() {
  local what=$1 since=$SECONDS last=$SECONDS pid
  shift
  "$@" &
  pid=$!
  # A background command in a script ignores Ctrl-C: pass it on.
  trap 'kill "$pid" 2>/dev/null; exit 130' INT TERM
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    if ((SECONDS - last >= ${PROGRESS_HEARTBEAT_S:-20})) && kill -0 "$pid" 2>/dev/null; then
      last=$SECONDS
      say "still $what… $((SECONDS - since)) s"
    fi
  done
  trap - INT TERM
  wait "$pid"
}

# npm ci's one expected warning, said before it appears.
EBADENGINE_NOTE='npm will warn "EBADENGINE Unsupported engine … isolated-vm … required: { node: >=24 }": expected and harmless (isolated-vm comes with n8n-workflow, needs Node 24 to build, and is not built or used here; n8n itself runs on its own Node 24)'
