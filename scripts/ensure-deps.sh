#!/usr/bin/env bash
# Installs node_modules from the lock file when they are missing or older than the lock file.
#
# Not `npm ci`: the registry reachable here lacks some other-platform optional binaries (e.g. darwin builds of
# @msgpackr-extract 3.0.7), so the lock file cannot list them and `npm ci` rejects it as out of sync. `npm install`
# with an exact lock installs the same tree; the checksum check below keeps the lock file authoritative.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[deps] npm install (from package-lock.json)" >&2
  before="$(sha256sum package-lock.json)"
  npm install --no-audit --no-fund
  if [ "$before" != "$(sha256sum package-lock.json)" ]; then
    echo "[deps] package-lock.json changed during install: it was out of sync with package.json" >&2
    [ "${CI:-}" = "true" ] && exit 1
  fi
fi
