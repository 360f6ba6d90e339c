#!/usr/bin/env bash
# README quick start, line 1: from a fresh clone to a running service with demo data, in the foreground.
# Installs dependencies, starts PostgreSQL and Redis, builds, migrates, seeds, then runs API + worker (APP_ROLE=all).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
STEP_TAG=start
source scripts/lib/step.sh

step "installing dependencies" "see the [deps] lines above" bash scripts/ensure-deps.sh
step "starting PostgreSQL and Redis" "see the [services] lines above; logs are under .local/" bash scripts/services.sh up
step "building the service and the staff console" "fix the compile errors above (npm run typecheck shows them too)" npm run -s build
export NODE_PATH="$PWD/dist"
step "migrating the database" "see the error above; 'npm run services:status' shows whether PostgreSQL is up" \
  quietly npx typeorm migration:run -d dist/src/database/data-source.js
step "seeding demo data" "see the error above; the seed only adds what is missing, so running again is safe" \
  node dist/scripts/seed.js
echo "[start] starting API and worker on http://localhost:${PORT:-3000} (Ctrl-C stops)" >&2
# exec: Ctrl-C and SIGTERM reach node directly, which drains and exits 0.
exec node dist/src/main.js
