#!/usr/bin/env sh
# Trunk's post-build hook (Trunk.toml): turns what Trunk built in $TRUNK_STAGING_DIR into the site.
# One script, because Trunk runs the hooks of a stage at the same time and these steps must not:
#   1. scripts/lab-factory.sh   the lab module's glue becomes a factory (a fresh instance can
#                               follow a panic: src/ui/lab.rs);
#   2. course-pages             the course's static pages, one HTML file per lesson, every word in
#                               both languages, written from the lesson data into the head Trunk
#                               built, without Trunk's inline start script (assets/course.js starts
#                               the page module); in release builds every page carries the security
#                               policy (src/site.rs);
#   3. scripts/minify-glue.sh   release builds: the scripts and the style sheet, minified;
#   4. course-pages --offline   the offline worker (sw.js), which lists every finished file
#                               (minified in release builds, like the other scripts).
set -eu
dir="${TRUNK_STAGING_DIR:?run by trunk}"
here="$(cd "$(dirname "$0")" && pwd)"
pages() { cargo run --quiet --locked --no-default-features --bin course-pages -- "$@" "$dir"; }
sh "$here/lab-factory.sh"
pages
sh "$here/minify-glue.sh"
pages --offline
if [ "${TRUNK_PROFILE:-}" = release ]; then
  "$here/../tools/node_modules/.bin/terser" "$dir/sw.js" --compress --mangle -o "$dir/sw.js.min"
  mv "$dir/sw.js.min" "$dir/sw.js"
fi
