#!/usr/bin/env bash
# test.sh — run every test: native (cargo test), the core inside wasm (node and headless
# Chromium), and the page end to end in headless Chromium. Installs what is missing first.
#
#   scripts/test.sh            everything
#   scripts/test.sh --native   only cargo test
set -uo pipefail
cd "$(dirname "$0")/.."

passed=0
failed=0
step() {
  local name=$1; shift
  printf '\n==> %s\n' "$name"
  if "$@"; then
    passed=$((passed + 1)); printf '==> %s: ok\n' "$name"
  else
    failed=$((failed + 1)); printf '==> %s: FAILED\n' "$name"
  fi
}

step "native tests (cargo test)" cargo test --locked
if [[ "${1:-}" != --native ]]; then
  bash scripts/install-deps.sh || { echo "error: installing dependencies failed" >&2; exit 1; }
  export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
  step "core in wasm, node" cargo test --locked --target wasm32-unknown-unknown --test wasm
  step "core in wasm, headless Chromium" env WASM_BINDGEN_USE_BROWSER=1 CHROMEDRIVER=/usr/bin/chromedriver \
    cargo test --locked --target wasm32-unknown-unknown --test wasm
  step "CLI formats read back (csv module, authres)" bash scripts/test-formats.sh
  step "build the page" bash scripts/build-web.sh
  step "page end to end, headless Chromium" bash -c 'cd tests/e2e && npm test'
fi
echo
echo "suites: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
