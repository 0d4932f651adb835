#!/usr/bin/env bash
# The README's measured figures are generated, never typed. Each figure is a markdown fragment in
# docs/figures/NAME.md, copied verbatim into README.md between `<!-- figure:NAME -->` and
# `<!-- /figure:NAME -->`.
#
#   scripts/figures.sh bundle     sizes of the release build in dist/       -> docs/figures/bundle.md
#   scripts/figures.sh tests      counts of the last `make test` run         -> docs/figures/tests.md
#   scripts/figures.sh browser [LOG]  reruns the browser tests that time things (or reads their
#                                 lines from LOG, the spec output of a browser-test run) -> docs/figures/browser.md
#   scripts/figures.sh shipping [LOG]  load times, accessibility, offline, robustness and the other
#                                 browsers, from the last browser-test run (e2e/artifacts and its
#                                 spec output LOG, default e2e/artifacts/e2e.log) -> docs/figures/shipping.md
#   scripts/figures.sh repro      reruns the 1997 experiments (many minutes) -> docs/figures/repro.md
#   scripts/figures.sh readme     copies every fragment into README.md
#   scripts/figures.sh check      fails when a README fragment differs from docs/figures/
#   scripts/figures.sh fresh      regenerates bundle and tests into a temporary folder and fails
#                                 when docs/figures/ differs (what `make test` runs)
# `make figures` runs bundle, browser, repro, tests, shipping (from the last `make test`) and readme in turn.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
FIGURES=${FIGURES:-docs/figures}
mkdir -p "$FIGURES"
ARTIFACTS="$ROOT/e2e/artifacts"

# Sizes in KB with one decimal, files named without Trunk's content hash: the figure stays the
# same for the same source, whoever builds it.
bundle() {
  local out
  out=$(bash scripts/bundle-size.sh 300)
  {
    echo "Measured by \`make figures\` (\`scripts/bundle-size.sh\` on the release build):"
    echo
    echo '| file | raw KB | gzip KB |'
    echo '|---|---:|---:|'
    awk '/^file / { f = 1; next } /^$/ { f = 0 } f && NF == 3 { printf "| %s | %.1f | %.1f |\n", $1, $2 / 1024, $3 / 1024 }' <<<"$out" |
      sed -E 's/-[0-9a-f]{15,16}//g'
    echo
    echo '| page | first load, raw KB | first load, gzip KB |'
    echo '|---|---:|---:|'
    awk '/^first load of a page/ { p = 1; next } /^$/ { p = 0 } p && NF == 3 { printf "| %s | %s | %s |\n", $1, $2, $3 }' <<<"$out"
    echo
    grep -E '^(first load|lab module, on demand|everything):' <<<"$out" | sed 's/^/- /'
  } >"$FIGURES/bundle.md"
}

tests() {
  local counts="$ARTIFACTS/test-counts"
  [ -f "$counts" ] || { echo "figures: no $counts yet: run make test first" >&2; exit 1; }
  local native browser
  read -r native browser <"$counts"
  {
    echo "The last \`make test\` run: $native native tests and $browser browser tests passed, none failed."
  } >"$FIGURES/tests.md"
}

browser() {
  local log="${1:-}"
  if [ -z "$log" ]; then
    log="$ARTIFACTS/figures-browser.log"
    browser_run "$log"
  fi
  {
    echo "Printed by the browser tests (headless Chromium, this machine, $(date -u -r "$log" +%Y-%m-%d)):"
    echo
    grep -oE '# (decay plot|training race|frames while playing|language scene|opened model).*' "$log" | sed -E 's/^# /- /'
  } >"$FIGURES/browser.md"
}

browser_run() {
  local log=$1
  (cd e2e && node --test --test-concurrency=1 --test-reporter=spec \
    ./decay.test.mjs ./training.test.mjs ./explore.test.mjs ./language.test.mjs ./bring.test.mjs) >"$log" 2>&1 || {
    tail -40 "$log" >&2
    echo "figures: the browser timing tests failed" >&2
    exit 1
  }
}

shipping() {
  local log="${1:-$ARTIFACTS/e2e.log}"
  for f in "$log" "$ARTIFACTS/loadtime.md" "$ARTIFACTS/axe.json"; do
    [ -f "$f" ] || { echo "figures: no $f yet: run make test first" >&2; exit 1; }
  done
  {
    echo "From the browser tests of the last \`make test\` ($(date -u -r "$log" +%Y-%m-%d)); \`e2e/loadtime.mjs\` alone regenerates the first table (\`node e2e/loadtime.mjs --md FILE\`)."
    echo
    cat "$ARTIFACTS/loadtime.md"
    echo
    node -e 'const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
      console.log(`- accessibility (e2e/a11y.test.mjs): axe-core ${a.axe} on ${a.pages / 2} pages in both languages: ${a.critical} critical, ${a.serious} serious, ${a.moderate} moderate, ${a.minor} minor violations.`);' "$ARTIFACTS/axe.json"
    grep -oE '# offline walk: .*' "$log" | sed -E 's/^# /- /; s/^- offline walk/- offline (e2e\/offline.test.mjs)/'
    grep -oE '# monkey seed .*|# [0-9]+ actions in [0-9.]+ s on .*' "$log" | sed -E 's/^# /  /' | paste -sd ' ' | sed -E 's/; actions per page:$//; s/([^ ]) {2,}/\1; /g; s/^ +/- robustness (e2e\/monkey.test.mjs, no console error, no panic, every page still answering): /'
    awk '/^▶ firefox esr/ { e = "Firefox ESR" } /^▶ webkit/ { e = "WebKit (MiniBrowser)" } /^▶ / && !/firefox esr|webkit/ { e = "" }
      e && tolower($0) ~ /ℹ (firefox|webkit|minibrowser)/ && !v[e] { v[e] = $0; sub(/^ *ℹ *(firefox|webkit) */, "", v[e]) }
      e && /✔ .*loads, mounts, steps/ { ok[e]++ } e && /✖ .*loads, mounts, steps/ { bad[e]++ }
      END { for (k in ok) printf "- %s (%s, e2e/engines.test.mjs): %d pages load, mount, step and move a slider without an error; %d fail.\n", k, v[k], ok[k], bad[k] + 0 }' "$log" | sort
  } >"$FIGURES/shipping.md"
}

repro() {
  local table
  table=$(cargo run --release --quiet --locked --bin repro)
  {
    echo "Printed by \`cargo run --release --bin repro\` ($(date -u +%Y-%m-%d), this project's 2-core machine):"
    echo
    echo "$table"
  } >"$FIGURES/repro.md"
}

# README.md with every fragment from folder $1 put between its markers.
spliced() {
  local from=$1
  awk -v from="$from" '
    match($0, /^<!-- figure:[a-z]+ -->$/) {
      print
      name = substr($0, 13, length($0) - 16)
      file = from "/" name ".md"
      while ((getline line < file) > 0) print line
      close(file)
      skipping = 1
      next
    }
    /^<!-- \/figure:[a-z]+ -->$/ { skipping = 0 }
    !skipping { print }
  ' README.md
}

case "${1:-}" in
  bundle) bundle ;;
  tests) tests ;;
  browser) browser "${2:-}" ;;
  shipping) shipping "${2:-}" ;;
  repro) repro ;;
  readme)
    spliced "$FIGURES" >README.md.new
    mv README.md.new README.md
    ;;
  check)
    for f in "$FIGURES"/*.md; do
      name=$(basename "$f" .md)
      grep -qx "<!-- figure:$name -->" README.md || { echo "figures: README.md has no place for $name" >&2; exit 1; }
    done
    if ! diff -u README.md <(spliced "$FIGURES") >"$ARTIFACTS/figures.diff"; then
      cat "$ARTIFACTS/figures.diff" >&2
      echo "figures: README.md differs from docs/figures/ (a figure typed by hand?): run scripts/figures.sh readme" >&2
      exit 1
    fi
    echo "README figures match docs/figures/"
    ;;
  fresh)
    tmp=$(mktemp -d)
    FIGURES=$tmp bash "$0" bundle
    FIGURES=$tmp bash "$0" tests
    for name in bundle tests; do
      if ! diff -u "$FIGURES/$name.md" "$tmp/$name.md" >&2; then
        echo "figures: docs/figures/$name.md is out of date: run make figures" >&2
        exit 1
      fi
    done
    echo "bundle and test-count figures are current"
    ;;
  *)
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
