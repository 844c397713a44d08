#!/usr/bin/env bash
# Builds the parts named on the command line (default: web):
#   native  the core, optlab and the Catch2 tests with g++ (warnings are errors)
#   wasm    every WebAssembly target: browser module, node module, Catch2 tests for node
#   web     only the browser module, then the site in build/site
#   site    assemble build/site from web/, the browser module and npm libraries
#   bench   what `npm run bench` measures: core_bench (native and WebAssembly), node module, site
#   asan    the Catch2 tests, optlab (its CLI tests) and the libFuzzer targets (tests/fuzz/) with clang 14,
#           AddressSanitizer + UndefinedBehaviorSanitizer, -O1 -g, asserts on
# Build trees are kept, so a second run is incremental. OPTLAB_BUILD names the build
# root (default build/), so several people can build side by side in one checkout.
set -euo pipefail
cd "$(dirname "$0")/.."
JOBS=${JOBS:-$(nproc)}
B=${OPTLAB_BUILD:-build}
export OPTLAB_BUILD=$B

configure() {  # $1 build dir, rest: cmake configure command
  local dir=$1; shift
  [[ -f $dir/build.ninja ]] || "$@" -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=Release >"$dir.configure.log" 2>&1 \
    || { tail -30 "$dir.configure.log" >&2; exit 1; }
}

build() {  # $1 build dir, rest: targets
  local dir=$1; shift
  local targets=()
  for t in "$@"; do targets+=(--target "$t"); done
  # emcc prints whole minified JS lines on errors: keep the log, show its tail.
  if ! cmake --build "$dir" -j "$JOBS" "${targets[@]}" >"$dir.build.log" 2>&1; then
    grep -E "error|Error" "$dir.build.log" | cut -c1-400 | head -40 >&2
    echo "build failed: full log in $dir.build.log" >&2
    exit 1
  fi
}

mkdir -p "$B"
for part in "${@:-web}"; do
  case $part in
    native) configure "$B/native" cmake; build "$B/native" ;;
    wasm)   configure "$B/wasm" emcmake cmake; build "$B/wasm" ;;
    web)    configure "$B/wasm" emcmake cmake; build "$B/wasm" core_web core_labs; node scripts/build-site.mjs ;;
    site)   node scripts/build-site.mjs ;;
    bench)  configure "$B/native" cmake; build "$B/native" core_bench
            configure "$B/wasm" emcmake cmake; build "$B/wasm" core_bench_wasm core_node core_web core_labs
            node scripts/build-site.mjs ;;
    asan)   configure "$B/asan" cmake -DOPTLAB_SANITIZE=ON -DCMAKE_CXX_COMPILER=clang++-14 \
              "-DCMAKE_CXX_FLAGS_RELEASE=-O1 -g" -DOPTLAB_WERROR=ON
            build "$B/asan" core_tests optlab core_fuzz expression_fuzz ;;
    *) echo "build.sh: unknown part '$part' (native, wasm, web, site, bench, asan)" >&2; exit 2 ;;
  esac
done
