#!/usr/bin/env bash
# Prints what a visitor downloads from a release build in dist/, raw and gzipped:
# - every file (the page modules, the lab, the landing module, scripts, style, the landing HTML);
# - for every page, its first load: the page itself and every script, style and WebAssembly
#   module it loads before it is interactive. The landing lesson loads the landing module
#   (src/landing.rs); the other lessons load the Leptos page module. The lab (lstm-lab.*:
#   plots, training) is fetched on demand and counted apart;
# - everything the site can send.
# Fails when any page's first load is over the budget (KB gzip, default 300), or everything is
# over the site budget (KB gzip, default 600).
set -euo pipefail
cd "$(dirname "$0")/.."
budget_kb=${1:-300}
site_kb=${2:-600}
gz() { gzip -9 -c "$1" | wc -c; }
kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1024 }'; }

printf '%-44s %10s %10s\n' file raw gzip
total_raw=0
total_gz=0
for f in dist/index.html dist/*.wasm dist/*.js dist/snippets/*/*.js dist/*.css; do
  [ -f "$f" ] || continue
  r=$(stat -c %s "$f")
  g=$(gz "$f")
  total_raw=$((total_raw + r))
  total_gz=$((total_gz + g))
  printf '%-44s %10d %10d\n' "${f#dist/}" "$r" "$g"
done

# The files a page loads: its scripts and style (quoted or not, as the minifier left them), the
# WebAssembly behind each module's glue, and the page module's snippets. The offline worker
# (sw.js) is not part of it: it starts after the page has loaded.
page_files() {
  local page=$1
  grep -oE '(src|href)="?\./[^" >]+\.(js|css)' "$page" | sed -E 's/^(src|href)="?\.\///' | sort -u | while read -r f; do
    echo "dist/$f"
    case "$f" in
      lstm-landing.js) echo dist/lstm-landing_bg.wasm ;;
      lstm-explorer-*.js) echo "dist/${f%.js}_bg.wasm" ;;
    esac
  done
}

over=0
worst_gz=0
worst_page=
echo
printf '%-28s %10s %10s\n' "first load of a page" raw gzip
for page in dist/*.html; do
  r=$(stat -c %s "$page")
  g=$(gz "$page")
  while read -r f; do
    [ -f "$f" ] || { echo "bundle-size: $page loads $f, which is missing" >&2; exit 1; }
    r=$((r + $(stat -c %s "$f")))
    g=$((g + $(gz "$f")))
  done < <(page_files "$page" | sort -u)
  printf '%-28s %10s %10s\n' "${page#dist/}" "$(kb "$r")" "$(kb "$g")"
  [ "$page" = dist/index.html ] && landing_gz=$g
  if [ "$g" -gt "$worst_gz" ]; then worst_gz=$g; worst_page=${page#dist/}; fi
  [ "$g" -le $((budget_kb * 1024)) ] || over=1
done
lab=0
for f in dist/lstm-lab*; do lab=$((lab + $(gz "$f"))); done
echo
echo "first load: landing page $(kb "${landing_gz:-0}") KB gzip, heaviest page ($worst_page) $(kb "$worst_gz") KB gzip (budget $budget_kb KB gzip)"
echo "lab module, on demand: $(kb "$lab") KB gzip"
echo "everything: $(kb "$total_raw") KB raw, $(kb "$total_gz") KB gzip (budget $site_kb KB gzip)"
if [ "$over" = 1 ]; then
  echo "bundle-size: a page's first load is over budget" >&2
  exit 1
fi
if [ "$total_gz" -gt $((site_kb * 1024)) ]; then
  echo "bundle-size: the whole site is over budget" >&2
  exit 1
fi
