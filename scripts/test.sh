#!/usr/bin/env bash
# Every test: unit, then integration against the project's real PostgreSQL and Redis.
# Works first thing on a fresh clone: installs dependencies; Jest's global setup starts the services.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/ensure-deps.sh
bash scripts/ensure-browser.sh
export NODE_PATH="$PWD"
npx jest --maxWorkers=2 "$@"
