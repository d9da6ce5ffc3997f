#!/usr/bin/env bash
# Runs every suite, even when one fails, then prints a summary from their result files:
#   ctest (native GoogleTest)          -> build/test-results/ctest.xml   (JUnit)
#   ctest-asan (the same tests under ASan + UBSan, build/asan) -> build/test-results/ctest-asan.xml
#   fuzz (each libFuzzer target of build/fuzz for FUZZ_SECONDS, default 12) -> build/test-results/fuzz.xml
#   vitest --project unit (tests/wasm, tests/web) -> build/test-results/vitest-unit.json
#   vitest --project e2e  (tests/e2e, the built page in Chromium) -> build/test-results/vitest-e2e.json
# The last line is `tests: N passed, M failed`; exits non-zero if anything failed or nothing ran.
# Options: --no-native, --no-asan, --no-fuzz, --no-unit, --no-e2e (skip a suite; a skipped suite is not counted).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2

native=1 asan=1 fuzz=1 unit=1 e2e=1
for arg in "$@"; do
  case "$arg" in
    --no-native) native=0 ;;
    --no-asan) asan=0 ;;
    --no-fuzz) fuzz=0 ;;
    --no-unit) unit=0 ;;
    --no-e2e) e2e=0 ;;
    *) echo "test: unknown option $arg" >&2; exit 2 ;;
  esac
done

results=build/test-results
mkdir -p "$results"
suites=()

run_suite() { # name result-file command...
  local name="$1" file="$2"; shift 2
  rm -f "$file"
  echo
  echo "=== $name: $* ==="
  local t=$SECONDS
  "$@"
  local rc=$?
  echo "=== $name: exit $rc in $((SECONDS - t)) s ==="
  suites+=("$name=$rc=$file")
}

if ((native)); then
  run_suite ctest "$results/ctest.xml" \
    ctest --test-dir build/native --output-on-failure --no-tests=error --timeout 300 \
    --output-junit "$PWD/$results/ctest.xml"
fi
if ((asan)); then
  # Leaks are reported too (LeakSanitizer); the tests that count allocations skip themselves under
  # ASan (tests/cpp/mlp_test.cpp), which replaces malloc itself. -O1 and the checks make the suite
  # a few times slower than the Release one, hence the longer timeout.
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite ctest-asan "$results/ctest-asan.xml" \
    ctest --test-dir build/asan --output-on-failure --no-tests=error --timeout 900 -j2 \
    --output-junit "$PWD/$results/ctest-asan.xml"
fi
if ((fuzz)); then
  run_suite fuzz "$results/fuzz.xml" node build-scripts/fuzz.mjs "$results/fuzz.xml"
fi
vitest=(npx --no-install vitest run --reporter=default --reporter=json)
if ((unit)); then
  run_suite vitest-unit "$results/vitest-unit.json" \
    "${vitest[@]}" --project unit --outputFile.json="$results/vitest-unit.json"
fi
if ((e2e)); then
  run_suite vitest-e2e "$results/vitest-e2e.json" \
    "${vitest[@]}" --project e2e --outputFile.json="$results/vitest-e2e.json"
fi

echo
exec node build-scripts/summarize-tests.mjs "${suites[@]}"
