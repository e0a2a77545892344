#!/usr/bin/env bash
# Runs every test: unit and integration on SQLite and on a throwaway PostgreSQL cluster that this
# script starts (and always stops), the fuzz targets for a few seconds each, and the browser tests.
# Ends with CTest's summary; exits non-zero on any failure.
set -uo pipefail
build=${1:-build/release}
fuzz_build=${2:-build/fuzz}
asan_build=${3:-}
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

pg_dir=$(mktemp -d /tmp/tuyenvan-pg.XXXXXX)
cleanup() { scripts/test-postgres.sh stop "$pg_dir" >/dev/null 2>&1 || true; }
trap cleanup EXIT INT TERM

pg_url=$(scripts/test-postgres.sh start "$pg_dir") || { echo "run-tests: could not start PostgreSQL" >&2; exit 1; }
echo "run-tests: PostgreSQL test cluster at $pg_url"
export TUYENVAN_TEST_POSTGRES="$pg_url"

status=0
tests/fuzz/run-all.sh "$fuzz_build" "${FUZZ_SECONDS:-5}" || status=1
(cd tests/e2e && TUYENVAN_BIN="$top/$build/tuyenvan" ./run.sh) || status=1
if [ -n "$asan_build" ]; then
  echo "run-tests: unit and integration tests under AddressSanitizer and UndefinedBehaviorSanitizer"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=0 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir "$asan_build" --output-on-failure -j 2 || status=1
fi
# CTest runs last so that its summary closes the output.
ctest --test-dir "$build" --output-on-failure -j 2 || status=1
exit $status
