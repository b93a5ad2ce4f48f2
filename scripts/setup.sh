#!/usr/bin/env bash
# Installs what fdleak's build, tests and PDF rendering need, then the npm packages.
# Safe to run again: it installs only what is missing. System packages need root (apt-get).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
have() { command -v "$1" >/dev/null 2>&1; }
have chromium || have chromium-browser || have google-chrome || [ -n "${CHROME_PATH:-}" ] || missing+=(chromium)
have pdftotext || missing+=(poppler-utils)
have strace || missing+=(strace)
have lsof || missing+=(lsof)
have lsfd || missing+=(util-linux)
have ss || missing+=(iproute2)
have netstat || missing+=(net-tools)
have gcc || missing+=(gcc libc6-dev)
have javac || missing+=(default-jdk-headless)
have xz || missing+=(xz-utils)
have zip || missing+=(zip)

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
