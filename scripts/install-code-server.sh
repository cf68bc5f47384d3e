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

missing=()
command -v rg >/dev/null 2>&1 || missing+=("ripgrep")
command -v krb5-config >/dev/null 2>&1 || missing+=("libkrb5-dev")
command -v chromium >/dev/null 2>&1 || [ -n "${CHROME_PATH:-}" ] || missing+=("chromium")
if [ "${#missing[@]}" -gt 0 ]; then
  echo "[install-code-server] missing system packages: ${missing[*]}" >&2
  echo "[install-code-server] install them first (as root): apt-get update && apt-get install -y chromium libkrb5-dev ripgrep" >&2
  exit 1
fi

node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != "20" ]; then
  log "warning: code-server $CODE_SERVER_VERSION is built for Node 20; this is Node $(node --version)"
fi

log "installing code-server $CODE_SERVER_VERSION into $CACHE_DIR"
started=$SECONDS
rm -rf "$CACHE_DIR"
mkdir -p "$CACHE_DIR"
# Its own package.json keeps npm from walking up to the project's node_modules.
printf '{ "name": "podlab-code-server-cache", "private": true }\n' > "$CACHE_DIR/package.json"

export npm_config_yes=true npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false

(cd "$CACHE_DIR" && npm install "code-server@$CODE_SERVER_VERSION" --no-save --ignore-scripts)
(cd "$CACHE_DIR" && npm rebuild argon2)

cd "$VSCODE_DIR"
npm install --omit=dev --ignore-scripts
mkdir -p node_modules/@vscode/ripgrep/bin
ln -sf "$(command -v rg)" node_modules/@vscode/ripgrep/bin/rg
npm rebuild
ln -sfn node_modules node_modules.asar
(cd bin/remote-cli && ln -sf code-linux.sh code-server)
(cd bin/helpers && ln -sf browser-linux.sh browser.sh)
(cd extensions && npm install --omit=dev)

if ! version_line="$(installed_version)" || [[ "$version_line" != "$CODE_SERVER_VERSION"* ]]; then
  echo "[install-code-server] installed, but '$BIN --version' does not report $CODE_SERVER_VERSION" >&2
  exit 1
fi
log "installed code-server $version_line in $((SECONDS - started))s"
