#!/usr/bin/env bash
# Prints what a visitor downloads from a release build in dist/ (the landing page's HTML, wasm,
# js, css), raw and gzipped, in two parts: the first load (what opening the site fetches) and the lab module
# (lstm-lab.*: plots and their experiments, fetched only when a lesson shows a plot). Fails when
# the first load's gzip total is over the budget (KB, default 300).
set -euo pipefail
cd "$(dirname "$0")/.."
budget_kb=${1:-300}
declare -A raw gz
printf '%-44s %10s %10s\n' file raw gzip
for f in dist/index.html dist/*.wasm dist/*.js dist/snippets/*/*.js dist/*.css; do
  [ -f "$f" ] || continue
  part=first
  case "$(basename "$f")" in lstm-lab*) part=lab ;; esac
  r=$(stat -c %s "$f")
  g=$(gzip -9 -c "$f" | wc -c)
  raw[$part]=$(( ${raw[$part]:-0} + r ))
  gz[$part]=$(( ${gz[$part]:-0} + g ))
  printf '%-44s %10d %10d  %s\n' "${f#dist/}" "$r" "$g" "$part"
done
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }
echo "first load: $(kb "${raw[first]:-0}") KB raw, $(kb "${gz[first]:-0}") KB gzip (budget $budget_kb KB gzip)"
echo "lab module, on demand: $(kb "${raw[lab]:-0}") KB raw, $(kb "${gz[lab]:-0}") KB gzip"
echo "everything: $(kb $(( ${raw[first]:-0} + ${raw[lab]:-0} ))) KB raw, $(kb $(( ${gz[first]:-0} + ${gz[lab]:-0} ))) KB gzip"
if [ "${gz[first]:-0}" -gt $((budget_kb * 1024)) ]; then
  echo "bundle-size: first load over budget" >&2
  exit 1
fi
