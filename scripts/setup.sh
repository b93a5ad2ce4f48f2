#!/usr/bin/env bash
# Installs what fdleak's build, tests and PDF rendering need, then the npm packages.
# Tests that need Chromium, strace or lsof run in CI (CI=true), so this installs them.
# Safe to run again: it installs only what is missing. System packages need root (apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
have() { command -v "$1" >/dev/null 2>&1; }
have chromium || have chromium-browser || have google-chrome || [ -n "${CHROME_PATH:-}" ] || missing+=(chromium fonts-dejavu-core)
# A PDF needs at least one font; --no-install-recommends may leave none.
if have fc-list && ! fc-list | grep -q .; then missing+=(fonts-dejavu-core); fi
# Reports quote logs as written: Chinese, Japanese and Korean lines need a CJK font to print in a PDF.
if ! have fc-list || ! fc-list :lang=zh | grep -q .; then missing+=(fonts-wqy-microhei); fi
have pdftotext || missing+=(poppler-utils)
have strace || missing+=(strace)
have lsof || missing+=(lsof)
have lsfd || missing+=(util-linux)
have ss || missing+=(iproute2)
have netstat || missing+=(net-tools)
have xz || missing+=(xz-utils)
have python3 || missing+=(python3)
# Re-capturing the fixture programs (test/fixtures/programs/*/capture.sh) also needs gcc and a JDK;
# the tests do not.

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && have apt-get; then
    echo "setup: installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "setup: missing ${missing[*]}; install them (Debian/Ubuntu: sudo apt-get install -y ${missing[*]})" >&2
  fi
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run --silent build
