#!/usr/bin/env bash
# The LSTM speed table: forward + full BPTT per time step (I = 2, T = 100, batch 1) for
# H = 8, 32, 128 — Rust natively (criterion), PyTorch on one CPU thread, and the WebAssembly
# build in headless Chromium — measured in one run on this machine, with the ratios.
#
#   bash scripts/bench.sh            (PyTorch from $TORCH_PYTHON, default: python3)
#
# The native build uses -C target-cpu=native, as PyTorch's kernels use the CPU's own vector
# units; it goes to its own target directory so the normal build cache is untouched.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PY=${TORCH_PYTHON:-python3}
out=target/bench-report
mkdir -p "$out"

echo "== Rust (criterion, native)"
RUSTFLAGS="-C target-cpu=native" CARGO_TARGET_DIR=target/bench-native \
  cargo bench --locked --bench lstm_step -- --noplot >"$out/criterion.txt" 2>&1 || { cat "$out/criterion.txt"; exit 1; }
grep -E "^lstm|time:" "$out/criterion.txt"

echo "== PyTorch (1 thread)"
if "$PY" -c "import torch" 2>/dev/null; then
  "$PY" scripts/bench_torch.py | tee "$out/torch.jsonl"
else
  echo "no torch for $PY (set TORCH_PYTHON); the PyTorch column stays empty" | tee "$out/torch.jsonl"
fi

echo "== WebAssembly (release build with the measurement exports, in headless Chromium)"
bash scripts/setup.sh test >/dev/null
trunk build --release --public-url ./ --features bench-exports --dist target/bench-dist >"$out/trunk.txt" 2>&1 \
  || { cat "$out/trunk.txt"; exit 1; }
DIST=target/bench-dist node e2e/bench-wasm.mjs | tee "$out/wasm.jsonl"

python3 - "$out" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
crit = pathlib.Path("target/bench-native/criterion")
def rust(prec, h):
    f = crit / f"lstm_forward_backward_{prec}" / str(h) / "new" / "estimates.json"
    return json.loads(f.read_text())["median"]["point_estimate"] / 1000 / 100 if f.exists() else None
def jsonl(name):
    rows = {}
    for line in (out / name).read_text().splitlines():
        try:
            d = json.loads(line); rows[d["hidden"]] = d["us_per_step"]
        except (ValueError, KeyError):
            pass
    return rows
torch, wasm = jsonl("torch.jsonl"), jsonl("wasm.jsonl")
fmt = lambda x: "—" if x is None else f"{x:.2f}"
ratio = lambda a, b: "—" if a is None or b is None else f"{a / b:.2f}×"
print()
print("| H | MACs/step 12·H·(H+I) | Rust f32 µs/step | Rust f64 µs/step | PyTorch f32 µs/step | PyTorch ÷ Rust f32 | GMAC/s (Rust f32) | wasm f32 µs/step | wasm ÷ native |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for h in (8, 32, 128):
    r32, r64, t, w = rust("f32", h), rust("f64", h), torch.get(h), wasm.get(h)
    macs = 12 * h * (h + 2)
    rate = "—" if r32 is None else f"{macs / r32 / 1000:.1f}"
    print(f"| {h} | {macs:,} | {fmt(r32)} | {fmt(r64)} | {fmt(t)} | {ratio(t, r32)} | {rate} | {fmt(w)} | {ratio(w, r32)} |")
PY
