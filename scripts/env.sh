# Sourced by the other scripts: the PATH every build step needs.
# - ~/.cargo/bin: trunk and wasm-bindgen from `cargo install`;
# - tools/node_modules/.bin: wasm-opt from npm's `binaryen` (Debian's is too old for rustc 1.95).
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/tools/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
