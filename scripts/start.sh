#!/usr/bin/env bash
# npm start: install what is missing, build the WebAssembly module and the site, serve it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "start: building the WebAssembly module and the site (incremental)"
bash scripts/build.sh web
exec node scripts/serve.mjs build/site
