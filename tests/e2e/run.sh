#!/usr/bin/env bash
# Runs the end-to-end tests in the real Claimdesk window (WebDriver through
# tauri-driver and WebKitWebDriver) under one Xvfb display.
# Builds nothing: `make e2e` builds the UI and the debug binary first.
# Usage: tests/e2e/run.sh [test files...]   (default: every tests/e2e/*.test.mjs)
# Screenshots and driver logs go to target/e2e/.
set -euo pipefail
cd "$(dirname "$0")/../.."

binary="${CLAIMDESK_E2E_BINARY:-${CARGO_TARGET_DIR:-$PWD/target}/debug/claimdesk}"
missing=0
for tool in WebKitWebDriver tauri-driver xvfb-run node; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    case "$tool" in
      WebKitWebDriver) hint="apt-get install webkit2gtk-driver (make setup)" ;;
      tauri-driver) hint="cargo install tauri-driver --version '^2' --locked (make setup)" ;;
      xvfb-run) hint="apt-get install xvfb xauth (make setup)" ;;
      node) hint="apt-get install nodejs (make setup)" ;;
    esac
    echo "e2e: $tool is missing: $hint" >&2
    missing=1
  fi
done
if [ ! -x "$binary" ]; then
  echo "e2e: the app binary $binary is missing: run 'cargo build -p claimdesk' (make e2e does)" >&2
  missing=1
fi
if [ ! -f ui/dist/index.html ]; then
  echo "e2e: the UI is not built (ui/dist/index.html): run 'make ui'" >&2
  missing=1
fi
[ "$missing" -eq 0 ] || exit 1

mkdir -p target/e2e
rm -f target/e2e/*.png target/e2e/*.log
if [ $# -gt 0 ]; then files=("$@"); else files=(tests/e2e/); fi
export CLAIMDESK_E2E_BINARY="$binary"
status=0
xvfb-run -a -s "-screen 0 1280x800x24" \
  node --test --test-concurrency=1 --test-reporter=spec "${files[@]}" || status=$?
echo "e2e: screenshots and logs in target/e2e/"
exit "$status"
