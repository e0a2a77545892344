#!/usr/bin/env bash
# Runs the browser tests against build/release/tuyenvan (or $TUYENVAN_BIN) with the system
# Chromium (or $CHROMIUM). Installs playwright-core from package-lock.json when needed.
set -euo pipefail
cd "$(dirname "$0")"

if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
fi

exec node --test --test-reporter=spec ./*.test.mjs
