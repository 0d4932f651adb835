#!/usr/bin/env sh
# Trunk post-build hook (Trunk.toml), release builds only: minifies the page's wasm-bindgen glue,
# the landing module's glue, assets/course.js and assets/bring.js with terser, and the style sheet
# with csso (npm, tools/package.json); the lab's
# glue is minified by scripts/lab-factory.sh after its rewrite. Trunk's own minifier is off: it
# stops at the glue's `export` keywords, turned a '\n' in course.js into a two-character string,
# and writes different output on every build. Minified, the first load is 3 KB gzip lighter.
# Trunk's subresource-integrity hashes are off (Trunk.toml), since the files change after Trunk
# hashed them.
set -eu
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
root="$(cd "$(dirname "$0")/.." && pwd)"
terser="$root/tools/node_modules/.bin/terser"
for glue in "${TRUNK_STAGING_DIR:?run by trunk}"/lstm-explorer-*.js; do
  "$terser" "$glue" --module --compress --mangle -o "$glue.min"
  mv "$glue.min" "$glue"
done
for script in "$TRUNK_STAGING_DIR"/course-*.js "$TRUNK_STAGING_DIR"/lstm-landing.js "$TRUNK_STAGING_DIR"/bring.js; do
  "$terser" "$script" --compress --mangle -o "$script.min"
  mv "$script.min" "$script"
done
# The style sheet, by csso without restructuring (rules keep their order, so the cascade is
# the same): about 1 KB gzip off every page.
for sheet in "$TRUNK_STAGING_DIR"/style-*.css "$TRUNK_STAGING_DIR"/landing.css "$TRUNK_STAGING_DIR"/language.css "$TRUNK_STAGING_DIR"/bring.css; do
  node -e 'const fs = require("fs"); const [csso, f] = process.argv.slice(1);
    fs.writeFileSync(f, require(csso).minify(fs.readFileSync(f, "utf8"), { restructure: false }).css);' \
    "$root/tools/node_modules/csso" "$sheet"
done
