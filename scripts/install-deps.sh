#!/usr/bin/env bash
# install-deps.sh — install what building and testing the web page needs, on a
# fresh Debian machine that already has Rust (rustup) and node. Idempotent:
# every step checks first and only installs what is missing or differs.
#   - the wasm32-unknown-unknown Rust target
#   - wasm-bindgen-cli at exactly the wasm-bindgen version in Cargo.lock
#   - binaryen (wasm-opt), chromium and chromium-driver from apt; if apt's binaryen is older
#     than 116 (it breaks wasm-bindgen's externref table), binaryen from npm into
#     ~/.cache/dkimcheck/binaryen, which scripts/build-web.sh then prefers
#   - playwright-core and axe-core for the end-to-end tests (npm ci in tests/e2e)
#   - python3-venv from apt, for scripts/test-formats.sh (which pip-installs authres into a venv)
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '==> %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [[ -z "$want" ]]; then
  echo "error: no wasm-bindgen in Cargo.lock (run cargo generate-lockfile?)" >&2
  exit 1
fi
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [[ "$have" != "$want" ]]; then
  say "installing wasm-bindgen-cli $want (found: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want" --locked --force || cargo install wasm-bindgen-cli --version "$want" --force
fi

missing=()
command -v wasm-opt >/dev/null 2>&1 || missing+=(binaryen)
command -v chromium >/dev/null 2>&1 || [[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
python3 -m venv --help >/dev/null 2>&1 || missing+=(python3-venv)  # scripts/test-formats.sh (authres)
if (( ${#missing[@]} )); then
  SUDO=; (( EUID == 0 )) || SUDO=sudo
  say "installing from apt: ${missing[*]}"
  $SUDO apt-get update
  $SUDO apt-get install -y "${missing[@]}"
fi

BINARYEN_NPM=$HOME/.cache/dkimcheck/binaryen
apt_wasm_opt=$(wasm-opt --version 2>/dev/null | grep -oE '[0-9]+' | head -1 || true)
if (( ${apt_wasm_opt:-0} < 116 )) && [[ ! -x $BINARYEN_NPM/node_modules/.bin/wasm-opt ]]; then
  say "wasm-opt ${apt_wasm_opt:-missing} is too old for wasm-bindgen's output; installing binaryen from npm into $BINARYEN_NPM"
  mkdir -p "$BINARYEN_NPM"
  npm install --prefix "$BINARYEN_NPM" --no-audit --no-fund --no-save binaryen@132.0.0
fi

if [[ ! -d tests/e2e/node_modules/playwright-core ]] || [[ ! -d tests/e2e/node_modules/axe-core ]] \
  || [[ tests/e2e/package-lock.json -nt tests/e2e/node_modules/.package-lock.json ]]; then
  say "installing playwright-core and axe-core for the end-to-end tests"
  (cd tests/e2e && npm ci --no-audit --no-fund)
fi
say "all dependencies present"
