#!/usr/bin/env bash
# README quick start, line 1: from a fresh clone to a running service with demo data, in the foreground.
# Installs dependencies, starts PostgreSQL and Redis, builds, migrates, seeds, then runs API + worker (APP_ROLE=all).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
bash scripts/services.sh up
echo "[start] building" >&2
npx nest build
export NODE_PATH="$PWD/dist"
echo "[start] migrating" >&2
npx typeorm migration:run -d dist/src/database/data-source.js >/dev/null
echo "[start] seeding demo data" >&2
node dist/scripts/seed.js
echo "[start] starting API and worker on http://localhost:${PORT:-3000} (Ctrl-C stops)" >&2
# exec: Ctrl-C and SIGTERM reach node directly, which drains and exits 0.
exec node dist/src/main.js
