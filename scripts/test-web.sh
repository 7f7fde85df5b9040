#!/usr/bin/env bash
# test-web.sh — build the page and run its end-to-end tests in headless Chromium.
#   scripts/test-web.sh              build (wasm + dist/), then run tests/e2e/*.test.mjs
#   SKIP_BUILD=1 scripts/test-web.sh run the tests against the existing dist/
#   DKIMCHECK_MOCK=1 scripts/test-web.sh   against the JS mock of the wasm API (no Rust needed)
set -euo pipefail
cd "$(dirname "$0")/.."
[[ "${SKIP_BUILD:-}" == 1 ]] || scripts/build-web.sh
[[ -d tests/e2e/node_modules/playwright-core ]] || (cd tests/e2e && npm ci --no-audit --no-fund)
cd tests/e2e
node --test --test-concurrency=1 ./*.test.mjs
