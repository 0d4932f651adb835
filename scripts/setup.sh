#!/usr/bin/env bash
# Installs whatever is missing, and nothing that is already there (safe to run every time).
#   scripts/setup.sh         what building and serving need
#   scripts/setup.sh test    that, plus what the tests need (Chromium, a Korean font, Playwright)
# Everything comes from crates.io, npm or Debian; nothing downloads a binary from anywhere else.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14
say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION from crates.io (about 10 minutes on 2 cores)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

# The CLI must be exactly the version Cargo.lock pins, or Trunk would try to download one.
WASM_BINDGEN_VERSION=$(awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/[^0-9.]/, "", $0); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION from crates.io (about 4 minutes)"
  # Not --locked: the CLI's own lockfile names a crate version the registry no longer serves.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x tools/node_modules/.bin/wasm-opt ] || [ ! -x tools/node_modules/.bin/terser ] || [ ! -d tools/node_modules/csso ]; then
  say "installing wasm-opt (npm package binaryen) and terser"
  npm ci --prefix tools --no-audit --no-fund --loglevel=error
fi

# Trunk runs cargo offline; fetch every crate (for both targets) first.
cargo fetch --quiet

if [ "${1:-}" = "test" ]; then
  as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  fc-list 2>/dev/null | grep -qi nanum || missing+=(fonts-nanum)
  # The other engines (e2e/engines.test.mjs): Firefox ESR over WebDriver BiDi, and WebKitGTK's
  # MiniBrowser through WebKitWebDriver on a virtual display.
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  [ -x /usr/bin/WebKitWebDriver ] || missing+=(webkit2gtk-driver)
  [ -x /usr/bin/Xvfb ] || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  if [ ! -d e2e/node_modules/playwright-core ] || [ ! -d e2e/node_modules/axe-core ] || [ ! -d e2e/node_modules/puppeteer-core ]; then
    say "installing the browser-test drivers (npm playwright-core and puppeteer-core; they bring no browser) and axe-core"
    npm ci --prefix e2e --no-audit --no-fund --loglevel=error
  fi
fi
