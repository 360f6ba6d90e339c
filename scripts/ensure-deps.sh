#!/usr/bin/env bash
# Installs node_modules with `npm ci` from the committed lock file, unless they were already installed from this
# exact lock (a stamp in node_modules holds the lock's checksum). `npm ci` never rewrites package-lock.json: a lock
# that disagrees with package.json stops here with npm's own message.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
STEP_TAG=deps
source scripts/lib/step.sh

stamp=node_modules/.grievance-desk-lock.sha256
# Also what npm installs for: another Node, platform or omit setting (NODE_ENV=production drops dev) needs a new install.
want="$({ sha256sum package-lock.json package.json; node -v; uname -sm; npm config get omit; } | sha256sum | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -d node_modules/.bin ]; then
  exit 0
fi
command -v npm >/dev/null 2>&1 || step "find npm" "install Node.js 20.19 or newer with npm" false
step "npm ci (installing the exact tree in package-lock.json)" \
  "if npm says the lock is out of sync, run 'npm install' once, commit package-lock.json, and try again" \
  npm ci --no-audit --no-fund --loglevel=error
echo "$want" >"$stamp"
