#!/usr/bin/env bash
# Installs whatever the project needs and is missing; does nothing when all is there.
# Used by `npm start` (build + serve) and `npm test` (adds the browsers for the browser tests).
#
#   scripts/setup.sh            Debian packages for building, then npm dependencies
#   scripts/setup.sh --browser  also the three engines the tests run: Debian's chromium,
#                               firefox-esr, and WebKitGTK's WebDriver with Xvfb (its display),
#                               and python3-torch (the test that runs the page's PyTorch export)
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian package -> a file that proves it is installed (faster and clearer than dpkg queries).
declare -A PROVES=(
  [emscripten]=/usr/bin/emcc
  [cmake]=/usr/bin/cmake
  [ninja-build]=/usr/bin/ninja
  [catch2]=/usr/include/catch2/catch.hpp
  [g++]=/usr/bin/g++
  # clang 14 with its sanitizer and libFuzzer runtimes: the ASan/UBSan tests and the fuzzer
  [clang-14]=/usr/bin/clang++-14
  [libclang-rt-14-dev]=/usr/lib/llvm-14/lib/clang/14.0.6/lib/linux/libclang_rt.fuzzer-x86_64.a
)
if [[ ${1:-} == --browser ]]; then
  PROVES[chromium]=/usr/bin/chromium
  PROVES[firefox-esr]=/usr/bin/firefox-esr
  PROVES[webkit2gtk-driver]=/usr/bin/WebKitWebDriver
  PROVES[xvfb]=/usr/bin/xvfb-run
  PROVES[python3-torch]=/usr/lib/python3/dist-packages/torch/__init__.py
fi

missing=()
for pkg in "${!PROVES[@]}"; do
  [[ -e ${PROVES[$pkg]} ]] || missing+=("$pkg")
done

if ((${#missing[@]})); then
  if [[ $(id -u) -ne 0 ]]; then
    echo "setup: missing Debian packages: ${missing[*]}" >&2
    echo "setup: run as root:  apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "setup: installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm dependencies: reinstall only when package-lock.json changed since the last install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  echo "setup: installing npm dependencies (npm ci)"
  # puppeteer-core never downloads a browser; the variable makes sure nothing else does either:
  # the tests drive Debian's browsers.
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
