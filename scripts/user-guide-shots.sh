#!/usr/bin/env bash
# Copies the screenshots docs/user-guide.md shows from the browser tests' output (test/artifacts/console, written
# by `npm test`) into docs/user-guide/. Run after a full test run; commit the images with the guide.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FROM="${1:-$ROOT/test/artifacts/console}"
TO="$ROOT/docs/user-guide"
mkdir -p "$TO"
missing=0
for shot in $(grep -o 'user-guide/[a-z0-9-]*\.png' "$ROOT/docs/user-guide.md" | sort -u); do
  name="${shot#user-guide/}"
  if [ -f "$FROM/$name" ]; then
    cp "$FROM/$name" "$TO/$name"
  else
    echo "[user-guide] $FROM/$name is missing: run npm test first (the browser suites write it)" >&2
    missing=1
  fi
done
exit "$missing"
