#!/usr/bin/env bash
# Runs every check, stopping at the first failure, and ends with one line: "N passed, N failed".
#   1. cargo fmt --check             4. cargo test (native: model, lessons, state, i18n)
#   2. cargo clippy -D warnings      5. release trunk build + bundle-size budget
#   3. the model builds without web  6. browser tests (Playwright + Debian Chromium) on dist/
#   7. the README's generated figures: current (bundle sizes, test counts) and not edited by hand
set -uo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

ARTIFACTS="$ROOT/e2e/artifacts"
mkdir -p "$ARTIFACTS"
passed=0
failed=0

summary() { echo "$passed passed, $failed failed"; }
step() {
  local name=$1
  shift
  printf '\n\033[1;34m==> %s\033[0m\n' "$name"
  if ! "$@"; then
    printf '\033[1;31m%s failed\033[0m\n' "$name"
    failed=$((failed + 1))
    summary
    exit 1
  fi
}
# Adds the counts that a runner printed to the totals.
count() {
  local p f
  read -r p f < <(eval "$1" "$2")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
}
cargo_counts() { awk '/^test result:/ { p += $4; f += $6 } END { print p + 0, f + 0 }' "$1"; }
tap_counts() { awk '/^# pass / { p = $3 } /^# fail / { f = $3 } END { print p + 0, f + 0 }' "$1"; }

step "setup (installs only what is missing)" bash scripts/setup.sh test
step "cargo fmt --check" cargo fmt --all -- --check
step "cargo clippy" cargo clippy --all-targets --locked -- -D warnings
step "model core and command-line tools build without any web crate" cargo check --lib --bin repro --bin lstm-trace --no-default-features --locked

native_log="$ARTIFACTS/cargo-test.log"
cargo test --locked 2>&1 | tee "$native_log"
status=${PIPESTATUS[0]}
count cargo_counts "$native_log"
native_passed=$passed
[ "$status" = 0 ] || { echo "cargo test failed"; [ "$failed" -gt 0 ] || failed=1; summary; exit 1; }

step "release build (trunk)" trunk build --release --public-url ./
step "bundle size" bash scripts/bundle-size.sh 300

tap="$ARTIFACTS/e2e.tap"
# Firefox and WebKit run last: their browsers and virtual display take a while to wind down, and
# the timing tests must not share the two cores with them.
(cd e2e && node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$tap" $(ls ./*.test.mjs | grep -v engines) ./engines.test.mjs) | tee "$ARTIFACTS/e2e.log"
status=${PIPESTATUS[0]}
count tap_counts "$tap"
echo "screenshots: $ARTIFACTS/screenshots"
[ "$status" = 0 ] || { echo "browser tests failed"; [ "$failed" -gt 0 ] || failed=1; summary; exit 1; }
echo "$native_passed $((passed - native_passed))" >"$ARTIFACTS/test-counts"

step "README figures are current" bash scripts/figures.sh fresh
step "README figures are the generated ones" bash scripts/figures.sh check

echo
summary
