#!/usr/bin/env bash
# Every test: unit, then integration against the project's real PostgreSQL and Redis.
# Works first thing on a fresh clone: installs dependencies; Jest's global setup starts the services.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
STEP_TAG=test
source scripts/lib/step.sh

step "installing dependencies" "see the [deps] lines above" bash scripts/ensure-deps.sh
step "installing headless Chromium for the browser tests" \
  "see the [browser] lines above; it needs Debian's chromium and fonts-noto-cjk packages (apt-get)" \
  bash scripts/ensure-browser.sh
step "building the staff console for the browser tests" "fix the errors above (npm run typecheck shows them too)" \
  npm run -s build:console
export NODE_PATH="$PWD"
# Jest's own failures are the test report; no extra message is needed for them.
exec npx jest --maxWorkers=2 "$@"
