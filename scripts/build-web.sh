#!/usr/bin/env bash
# build-web.sh — build the wasm package (pkg/) and assemble the web page in dist/.
#
#   scripts/build-web.sh            build pkg/ (wasm-pack, or cargo + wasm-bindgen), wasm-opt it, assemble dist/
#   scripts/build-web.sh --no-wasm  reuse the existing pkg/, only assemble dist/
#   DKIMCHECK_MOCK=1 scripts/build-web.sh   use the JS mock of the wasm API (tests/e2e/fixtures/mock-pkg), no Rust
#
# dist/ then holds:
#   index.html, css/, js/, pkg/    the page, served as files (see scripts/serve.sh)
#   dkimcheck.html                 the whole page in one self-contained file (works from file://)
#   dkim-check.js                  the <dkim-check> widget, one script
#   embed-example.html             an example page using the widget
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
DIST=$ROOT/dist
PKG=${DKIMCHECK_PKG:-$ROOT/pkg}   # DKIMCHECK_PKG=dir: build/use the wasm package elsewhere

build_wasm() {
  if command -v wasm-pack >/dev/null 2>&1; then
    wasm-pack build --target web --out-dir "$PKG" --release --no-opt
  else
    cargo build --lib --target wasm32-unknown-unknown --release
    wasm-bindgen --target web --out-dir "$PKG" "${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/release/dkimcheck.wasm"
  fi
  local wasm=$PKG/dkimcheck_bg.wasm
  # Prefer binaryen from npm (installed by install-deps.sh when apt's is too old).
  local WASM_OPT=${WASM_OPT:-}
  if [[ -z $WASM_OPT && -x $HOME/.cache/dkimcheck/binaryen/node_modules/.bin/wasm-opt ]]; then
    WASM_OPT=$HOME/.cache/dkimcheck/binaryen/node_modules/.bin/wasm-opt
  fi
  WASM_OPT=${WASM_OPT:-wasm-opt}
  if command -v "$WASM_OPT" >/dev/null 2>&1; then
    local before after
    before=$(stat -c %s "$wasm")
    # -O3: verification speed matters more than a few KB. Features as emitted by rustc.
    "$WASM_OPT" -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue "$wasm" -o "$wasm.opt"
    # Old binaryen (< 116, e.g. Debian 12's 108) breaks wasm-bindgen's externref table:
    # keep the optimized file only if it still works.
    if node scripts/wasm-smoke.mjs "$PKG" "$wasm.opt" >/dev/null 2>&1; then
      mv "$wasm.opt" "$wasm"
      after=$(stat -c %s "$wasm")
      echo "wasm-opt: $before -> $after bytes"
    else
      rm -f "$wasm.opt"
      echo "warning: $("$WASM_OPT" --version) produced a broken wasm (binaryen >= 116 needed); keeping the unoptimized wasm" >&2
    fi
  else
    echo "warning: wasm-opt (binaryen) not found; the wasm is not optimized" >&2
  fi
  node scripts/wasm-smoke.mjs "$PKG" "$wasm"
  echo "wasm: $(stat -c %s "$wasm") bytes, $(gzip -9 -c "$wasm" | wc -c) gzipped"
}

if [[ "${DKIMCHECK_MOCK:-}" == 1 ]]; then
  PKG=$ROOT/target/mock-pkg
  rm -rf "$PKG"; mkdir -p "$PKG"
  cp tests/e2e/fixtures/mock-pkg/dkimcheck.js "$PKG/"
  # An empty but valid wasm module, so the loading path is the real one.
  printf '\0asm\1\0\0\0' > "$PKG/dkimcheck_bg.wasm"
elif [[ "${1:-}" != --no-wasm ]]; then
  build_wasm
fi

[[ -f $PKG/dkimcheck.js ]] || { echo "error: $PKG/dkimcheck.js missing; build the wasm first" >&2; exit 1; }

rm -rf "$DIST"
mkdir -p "$DIST/pkg"
cp -r www/index.html www/embed-example.html www/css www/js www/widget.js "$DIST/"
cp "$PKG"/dkimcheck.js "$PKG"/dkimcheck_bg.wasm "$DIST/pkg/"
cp "$PKG"/*.d.ts "$DIST/pkg/" 2>/dev/null || true
node scripts/bundle-web.mjs "$DIST"
rm "$DIST/widget.js"   # only the bundled dkim-check.js is served
for f in dkimcheck.html dkim-check.js js/verify/wasm-data.js; do
  [[ -s $DIST/$f ]] || { echo "error: $DIST/$f was not written" >&2; exit 1; }
done
echo "built $DIST (single file: $DIST/dkimcheck.html, $(stat -c %s "$DIST/dkimcheck.html") bytes)"
