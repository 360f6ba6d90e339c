#!/usr/bin/env bash
# Generates a migration from the difference between the entities and the local database, then formats it.
# Usage: npm run migration:generate -- AddCases   (review the file before committing it)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
name="${1:?usage: npm run migration:generate -- MigrationName}"
bash scripts/services.sh up
export NODE_PATH=. TS_NODE_TRANSPILE_ONLY=1
npx typeorm-ts-node-commonjs migration:run -d src/database/data-source.ts >/dev/null
npx typeorm-ts-node-commonjs migration:generate -d src/database/data-source.ts --pretty "migrations/$name"
npx prettier --write "migrations/*-$name.ts" >/dev/null
npx eslint --fix "migrations/*-$name.ts" || true
