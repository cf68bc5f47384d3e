#!/usr/bin/env bash
# Installs code-server (VS Code for the browser) offline into the project's git-ignored
# cache, following shared/recipes/real-vscode.md. Skips when the cached copy already works.
set -euo pipefail

CODE_SERVER_VERSION="4.100.3"
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${PODLAB_CODE_SERVER_DIR:-$REPO_ROOT/.vscode-test/code-server}"
BIN="$CACHE_DIR/node_modules/.bin/code-server"
VSCODE_DIR="$CACHE_DIR/node_modules/code-server/lib/vscode"

log() { printf '[install-code-server] %s\n' "$*"; }

installed_version() {
  [ -x "$BIN" ] || return 1
  local output
  # The first run of code-server also logs that it wrote its default config, so pick the version line.
  output="$("$BIN" --version 2>/dev/null)" || return 1
  grep -m 1 -E '^[0-9]+\.[0-9]+\.[0-9]+ ' <<<"$output"
}

if version_line="$(installed_version)" && [[ "$version_line" == "$CODE_SERVER_VERSION"* ]]; then
  log "code-server $version_line already installed in $CACHE_DIR"
  exit 0
fi

# Installs what code-server needs from Debian, or stops with the command to run.
node "$REPO_ROOT/scripts/system-packages.mjs" ripgrep libkrb5-dev build-essential python3

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != "20" ]; then
  log "warning: code-server $CODE_SERVER_VERSION is built for Node 20; this is Node $(node --version)"
fi

# npm's output goes to the set-up log; the terminal gets one line that grows with each step.
LOG="${PODLAB_SETUP_LOG:-$REPO_ROOT/test-results/setup.log}"
mkdir -p "$(dirname "$LOG")"
printf '\n=== install-code-server %s (%s)\n' "$CODE_SERVER_VERSION" "$(date -u +%FT%TZ)" >>"$LOG"
printf '[install-code-server] installing code-server %s into %s (output in %s):' "$CODE_SERVER_VERSION" "$CACHE_DIR" "$LOG"
step() {
  local name="$1"
  shift
  printf ' %s...' "$name"
  printf '\n$ %s\n' "$*" >>"$LOG"
  if ! "$@" >>"$LOG" 2>&1 </dev/null; then
    printf ' failed\n' >&2
    echo "[install-code-server] '$*' failed; the end of $LOG:" >&2
    tail -n 20 "$LOG" >&2
    exit 1
  fi
}
started=$SECONDS
rm -rf "$CACHE_DIR"
mkdir -p "$CACHE_DIR"
# Its own package.json keeps npm from walking up to the project's node_modules.
printf '{ "name": "podlab-code-server-cache", "private": true }\n' > "$CACHE_DIR/package.json"

export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

cd "$CACHE_DIR"
step download npm install "code-server@$CODE_SERVER_VERSION" --no-save --ignore-scripts
step argon2 npm rebuild argon2

cd "$VSCODE_DIR"
step vscode-modules npm install --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
step native-modules npm rebuild
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
cd extensions
step extensions npm install --omit=dev

if ! version_line="$(installed_version)" || [[ "$version_line" != "$CODE_SERVER_VERSION"* ]]; then
  printf ' failed\n' >&2
  echo "[install-code-server] installed, but '$BIN --version' does not report $CODE_SERVER_VERSION" >&2
  exit 1
fi
printf ' done in %ss\n' "$((SECONDS - started))"
