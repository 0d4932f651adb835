#!/usr/bin/env bash
# Prints what a visitor downloads from a release build in dist/ (wasm + js + css), raw and
# gzipped, and fails when the gzip total is over the budget (KB, default 300).
set -euo pipefail
cd "$(dirname "$0")/.."
budget_kb=${1:-300}
total_raw=0
total_gz=0
printf '%-44s %10s %10s\n' file raw gzip
for f in dist/*.wasm dist/*.js dist/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-44s %10d %10d\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-44s %10d %10d\n' total "$total_raw" "$total_gz"
awk -v r="$total_raw" -v g="$total_gz" -v b="$budget_kb" \
  'BEGIN { printf "bundle: %.1f KB raw, %.1f KB gzip (budget %d KB gzip)\n", r / 1024, g / 1024, b }'
if [ "$total_gz" -gt $((budget_kb * 1024)) ]; then
  echo "bundle-size: over budget" >&2
  exit 1
fi
