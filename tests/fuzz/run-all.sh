#!/usr/bin/env bash
# Runs every parser fuzzer for SECONDS (default 5) each on a scratch copy of its seed corpus.
# Usage: tests/fuzz/run-all.sh BUILD_DIR [SECONDS]
# BUILD_DIR is a build configured with CXX=clang++ -DTUYENVAN_FUZZ=ON. Exits non-zero when any
# fuzzer crashes (or is missing); the crashing inputs are kept and their paths printed.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ]; then
  echo "usage: $0 BUILD_DIR [SECONDS]" >&2
  exit 2
fi
build_dir=$1
seconds=${2:-5}
case $seconds in
  '' | *[!0-9]*) echo "run-all: SECONDS must be a whole number, got '$seconds'" >&2; exit 2 ;;
esac

fuzz_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
fuzzers=(form query cookie multipart range csv markdown media_sniff calendar)

work=$(mktemp -d "${TMPDIR:-/tmp}/tuyenvan-fuzz.XXXXXX")
failed=()

for name in "${fuzzers[@]}"; do
  binary="$build_dir/tests/fuzz/fuzz_$name"
  if [ ! -x "$binary" ]; then
    binary=$(find "$build_dir" -type f -name "fuzz_$name" -perm -u+x -print -quit 2>/dev/null || true)
  fi
  if [ -z "$binary" ] || [ ! -x "$binary" ]; then
    echo "run-all: fuzz_$name not found under $build_dir" >&2
    failed+=("$name (missing)")
    continue
  fi

  corpus="$work/$name/corpus"
  artifacts="$work/$name/artifacts"
  mkdir -p "$corpus" "$artifacts"
  if [ -d "$fuzz_dir/corpus/$name" ]; then
    cp -R "$fuzz_dir/corpus/$name/." "$corpus/"
  fi

  echo "run-all: fuzz_$name for ${seconds}s"
  if "$binary" -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" "$corpus" >"$work/$name/log" 2>&1; then
    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units)' "$work/$name/log" | tail -n 1 || true
  else
    echo "run-all: fuzz_$name FAILED; log $work/$name/log" >&2
    tail -n 40 "$work/$name/log" >&2
    for artifact in "$artifacts"/*; do
      if [ -e "$artifact" ]; then
        echo "run-all: crashing input $artifact" >&2
      fi
    done
    failed+=("$name")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "run-all: failed: ${failed[*]} (kept $work)" >&2
  exit 1
fi
rm -rf "$work"
echo "run-all: ${#fuzzers[@]} fuzzers ran ${seconds}s each, no crashes"
