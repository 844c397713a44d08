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

section "native build (g++, warnings are errors)"
if bash scripts/build.sh native; then
  section "1. Catch2, native"
  ctest_runner catch2-native "$B/native"
else
  record catch2-native 1 "native build failed"
fi

section "WebAssembly build (emcc)"
if bash scripts/build.sh wasm site; then
  section "2. Catch2, WebAssembly under node"
  ctest_runner catch2-wasm "$B/wasm"
  section "3. JavaScript API of the built module (node --test)"
  node_runner js-api tests/js/
  section "4. Browser tests (headless Chromium)"
  node_runner browser tests/browser/
else
  record catch2-wasm 1 "WebAssembly build failed"
  record js-api 1 "not run (build failed)"
  record browser 1 "not run (build failed)"
fi

section "Summary"
printf '%s\n' "${SUMMARY[@]}"
exit $failed
