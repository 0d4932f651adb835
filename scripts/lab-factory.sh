#!/usr/bin/env sh
# Trunk post-build hook (Trunk.toml): turns the lab module's glue into a factory.
#
# wasm-bindgen's `no-modules` glue declares one global, `let wasm_bindgen = (function (…) {…})(…)`,
# bound to one WebAssembly instance for the life of the page. A panic inside the lab leaves that
# instance unusable, and a second copy of the script cannot declare the same global again. As
# `self.lstmLab = () => (function (…) {…})(…)` every call builds independent glue, so the page
# (src/ui/lab.rs) can start a fresh instance after a panic.
set -eu
glue="${TRUNK_STAGING_DIR:?run by trunk}/lstm-lab.js"
# Trunk's release minifier writes the same line as `let wasm_bindgen=(a=>{`; both forms are read.
pattern='^\( *\)let wasm_bindgen *= *('
if ! grep -q "$pattern" "$glue"; then
  echo "lab-factory: $glue does not start the way wasm-bindgen's no-modules glue did (see this script)" >&2
  exit 1
fi
sed -i "s/$pattern/\1self.lstmLab = () => (/" "$glue"
# Release builds: minified with terser, after the rewrite (scripts/minify-glue.sh says why).
if [ "${TRUNK_PROFILE:-}" = release ]; then
  "$(cd "$(dirname "$0")/.." && pwd)/tools/node_modules/.bin/terser" "$glue" --compress --mangle -o "$glue.min"
  mv "$glue.min" "$glue"
fi
