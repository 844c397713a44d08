#!/usr/bin/env bash
# npm test: install what is missing, build everything, run every test runner.
# Each runner prints its own summary; the run fails if any runner fails or finds no tests.
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh --browser || exit 1
export JOBS=${JOBS:-$(nproc)}
export OPTLAB_BUILD=${OPTLAB_BUILD:-build}
B=$OPTLAB_BUILD
mkdir -p "$B"

declare -a SUMMARY=()
failed=0
record() {  # $1 runner name, $2 exit code, $3 summary line
  if [[ $2 -eq 0 ]]; then SUMMARY+=("PASS  $1: $3"); else SUMMARY+=("FAIL  $1: $3"); failed=1; fi
}

section() { printf '\n==== %s ====\n' "$1"; }

# Runs a node --test command, prints its TAP summary, records pass/fail and "no tests".
node_runner() {  # $1 name, rest: files/dirs
  local name=$1; shift
  local log="$B/$name.log"
  node --test --test-reporter=spec --test-reporter-destination=stdout \
       --test-reporter=tap --test-reporter-destination="$log.tap" "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local tests pass fail
  tests=$(grep -E '^# tests ' "$log.tap" | awk '{print $3}')
  pass=$(grep -E '^# pass ' "$log.tap" | awk '{print $3}')
  fail=$(grep -E '^# fail ' "$log.tap" | awk '{print $3}')
  if [[ -z $tests || $tests -eq 0 ]]; then rc=1; fi
  record "$name" "$rc" "${tests:-0} tests, ${pass:-0} passed, ${fail:-?} failed"
}

ctest_runner() {  # $1 name, $2 build dir
  local log="$B/$1.log"
  ctest --test-dir "$2" --no-tests=error --output-on-failure -j "$JOBS" 2>&1 | tee "$log" | grep -vE '^ *[0-9]+/[0-9]+ Test +#[0-9]+: .* Passed'
  local rc=${PIPESTATUS[0]}
  record "$1" "$rc" "$(grep -E 'tests passed|No tests were found' "$log" | tail -1)"
}

# The type checker over web/js, tests/js and scripts (tsconfig.json): JSDoc types, checkJs.
tsc_runner() {
  local log="$B/types.log"
  node_modules/.bin/tsc -p tsconfig.json --noEmit --pretty false >"$log" 2>&1
  local rc=$?
  local errors files
  errors=$(grep -c 'error TS' "$log")
  files=$(node_modules/.bin/tsc -p tsconfig.json --listFilesOnly 2>/dev/null | grep -cE '/(web/js|tests/js|tests/browser|scripts)/')
  [[ $rc -ne 0 ]] && head -40 "$log"
  [[ ${files:-0} -eq 0 ]] && rc=1
  record types "$rc" "tsc --noEmit: ${files:-0} files checked, $errors errors"
}

section "0. Types (tsc --noEmit, checkJs)"
tsc_runner

section "native build (g++, warnings are errors)"
if bash scripts/build.sh native; then
  section "1. Catch2, native"
  ctest_runner catch2-native "$B/native"
else
  record catch2-native 1 "native build failed"
fi

# Sanitizer build (clang 14): the same Catch2 tests under ASan + UBSan, and the libFuzzer target.
# Any report aborts the process, so a sanitizer finding is a failed test.
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
FUZZ_SECONDS=${FUZZ_SECONDS:-30}
# The fuzz budget is shared: the expression parser gets a third, the core API the rest.
EXPR_FUZZ_SECONDS=$(( FUZZ_SECONDS / 3 > 0 ? FUZZ_SECONDS / 3 : 1 ))
CORE_FUZZ_SECONDS=$(( FUZZ_SECONDS - EXPR_FUZZ_SECONDS > 0 ? FUZZ_SECONDS - EXPR_FUZZ_SECONDS : 1 ))

fuzz_runner() {  # $1 name, $2 fuzzer binary, $3 seconds, $4 committed seeds, rest: extra libFuzzer flags
  local name=$1 bin=$2 seconds=$3 seeds=$4; shift 4
  local log="$B/$name.log" corpus="$B/$name-corpus"
  mkdir -p "$corpus"
  # New inputs go to the first (scratch) corpus dir; the committed seeds are only read.
  "$bin" -max_total_time="$seconds" -max_len=1024 -len_control=20 -timeout=10 -rss_limit_mb=1536 \
       -print_final_stats=1 -artifact_prefix="$B/$name-" "$@" "$corpus" "$seeds" >"$log" 2>&1
  local rc=$?
  local runs cov
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{print $2}')
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1)
  if [[ $rc -eq 0 && -n $runs && $runs -gt 0 ]]; then
    record "$name" 0 "$runs executions in ${seconds} s, ${cov:-cov: ?} edges, no crash, no sanitizer report"
  else
    grep -E '_fuzz:|ERROR:|runtime error|SUMMARY|Test unit written' "$log" | head -20
    record "$name" 1 "crash or sanitizer report after ${runs:-?} executions (log: $log, reproducer: $B/$name-*)"
  fi
}

section "sanitizer build (clang 14, ASan + UBSan, libFuzzer)"
if bash scripts/build.sh asan; then
  section "1b. Catch2, native under AddressSanitizer + UndefinedBehaviorSanitizer"
  ctest_runner catch2-asan-ubsan "$B/asan"
  section "1c. libFuzzer: optimizers x landscapes x random configurations (${CORE_FUZZ_SECONDS} s)"
  fuzz_runner fuzz "$B/asan/core_fuzz" "$CORE_FUZZ_SECONDS" tests/fuzz/corpus
  section "1d. libFuzzer: the expression parser of custom landscapes (${EXPR_FUZZ_SECONDS} s)"
  fuzz_runner fuzz-expression "$B/asan/expression_fuzz" "$EXPR_FUZZ_SECONDS" tests/fuzz/expression_corpus \
    -dict=tests/fuzz/expression.dict
else
  record catch2-asan-ubsan 1 "sanitizer build failed"
  record fuzz 1 "not run (build failed)"
  record fuzz-expression 1 "not run (build failed)"
fi

section "WebAssembly build (emcc)"
if bash scripts/build.sh wasm site; then
  section "2. Catch2, WebAssembly under node"
  ctest_runner catch2-wasm "$B/wasm"
  section "3. JavaScript API of the built module (node --test)"
  node_runner js-api tests/js/
  section "4. Browser tests (headless Chromium)"
  node_runner browser tests/browser/
  # The shared scenarios in each engine, one after the other (two at once on 2 cores only
  # slows both). ENGINES="firefox" runs a subset.
  for engine in ${ENGINES:-chromium firefox webkit}; do
    section "5. The shared scenarios in $engine (tests/engines/)"
    node_runner "$engine" "tests/engines/$engine.test.mjs"
  done
else
  record catch2-wasm 1 "WebAssembly build failed"
  record js-api 1 "not run (build failed)"
  record browser 1 "not run (build failed)"
  for engine in ${ENGINES:-chromium firefox webkit}; do record "$engine" 1 "not run (build failed)"; done
fi

section "Summary"
printf '%s\n' "${SUMMARY[@]}"
exit $failed
