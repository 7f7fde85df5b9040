#!/usr/bin/env bash
# test-formats.sh — read the CLI's --format csv and --format ar back with independent parsers:
# Python's csv module and authres (RFC 8601, from PyPI), installed into a virtualenv under
# ~/.cache/dkimcheck/venv on first use (needs python3 with venv: apt install python3-venv).
set -euo pipefail
cd "$(dirname "$0")/.."
venv="${DKIMCHECK_VENV:-$HOME/.cache/dkimcheck/venv}"
if [[ ! -x "$venv/bin/python" ]]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -c 'import authres' 2>/dev/null || "$venv/bin/pip" install --quiet 'authres==1.2.0'
cargo build --locked --quiet --bin dkimcheck
"$venv/bin/python" tests/formats/check_formats.py target/debug/dkimcheck "$PWD"
