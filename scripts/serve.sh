#!/usr/bin/env bash
# serve.sh — build the page and serve dist/ on localhost, printing the URL.
#   scripts/serve.sh [PORT]      (default 8377; SKIP_BUILD=1 to serve the existing dist/)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=${1:-${PORT:-8377}}
[[ "${SKIP_BUILD:-}" == 1 ]] || scripts/build-web.sh
echo
echo "dkimcheck is at: http://localhost:$PORT/"
echo "(single file: http://localhost:$PORT/dkimcheck.html, widget example: http://localhost:$PORT/embed-example.html; Ctrl+C to stop)"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
