#!/usr/bin/env bash
# The LSTM speed table: forward + full BPTT per time step (I = 2, T = 100, batch 1) for
# H = 8, 32, 128 — Rust natively (criterion), PyTorch on one CPU thread, and the WebAssembly
# build in headless Chromium — measured in one run on this machine, with the ratios.
#
#   bash scripts/bench.sh            (PyTorch from $TORCH_PYTHON, default: python3)
#
# The native build uses -C target-cpu=native, as PyTorch's kernels use the CPU's own vector
# units; it goes to its own target directory so the normal build cache is untouched. The kernel
# is also built for the x86-64 baseline (128-bit SIMD, no FMA: what WebAssembly's simd128 offers),
# so the WebAssembly overhead can be read apart from the difference in vector width.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
PY=${TORCH_PYTHON:-python3}
out=target/bench-report
mkdir -p "$out"

echo "== Rust (criterion, native)"
RUSTFLAGS="-C target-cpu=native" CARGO_TARGET_DIR=target/bench-native \
  cargo bench --locked --bench lstm_step -- --noplot >"$out/criterion.txt" 2>&1 || { cat "$out/criterion.txt"; exit 1; }
grep -E "^(lstm|peak)|time:" "$out/criterion.txt"

echo "== Rust (criterion, x86-64 baseline: 128-bit SIMD without FMA, the class WebAssembly has)"
CARGO_TARGET_DIR=target/bench-baseline \
  cargo bench --locked --bench lstm_step -- lstm_kernel_f32 --noplot >"$out/criterion-baseline.txt" 2>&1 \
  || { cat "$out/criterion-baseline.txt"; exit 1; }
grep -E "^lstm|time:" "$out/criterion-baseline.txt"

echo "== PyTorch (1 thread)"
if "$PY" -c "import torch" 2>/dev/null; then
  "$PY" scripts/bench_torch.py | tee "$out/torch.jsonl"
else
  echo "no torch for $PY (set TORCH_PYTHON); the PyTorch column stays empty" | tee "$out/torch.jsonl"
fi

echo "== WebAssembly (release build with the measurement exports, in headless Chromium)"
bash scripts/setup.sh test >/dev/null
# The measurement exports live in the page module, which ships at opt-level "z" (size first; it
# trains nothing). The kernel trains in the lab, at opt-level 3, so the benchmark build compiles
# the page module at that level too: the figures are the kernel as it trains in the browser.
CARGO_PROFILE_PAGE_OPT_LEVEL=3 \
trunk build --release --public-url ./ --features bench-exports --dist target/bench-dist >"$out/trunk.txt" 2>&1 \
  || { cat "$out/trunk.txt"; exit 1; }
DIST=target/bench-dist node e2e/bench-wasm.mjs | tee "$out/wasm.jsonl"

python3 - "$out" <<'PY'
import json, pathlib, sys
out = pathlib.Path(sys.argv[1])
crit = pathlib.Path("target/bench-native/criterion")
def median_ns(group, param, root=crit):
    f = root / group / str(param) / "new" / "estimates.json"
    return json.loads(f.read_text())["median"]["point_estimate"] if f.exists() else None
def rust(group, h, root=crit):
    ns = median_ns(group, h, root)
    return None if ns is None else ns / 1000 / 100
def jsonl(name, key="us_per_step"):
    rows = {}
    for line in (out / name).read_text().splitlines():
        try:
            d = json.loads(line); rows[d["hidden"]] = d[key]
        except (ValueError, KeyError):
            pass
    return rows
torch, wasm, wasm_ref = jsonl("torch.jsonl"), jsonl("wasm.jsonl"), jsonl("wasm.jsonl", "reference_us_per_step")
peak_ns = median_ns("peak_sgemm_f32", 256)
peak = None if peak_ns is None else 256**3 / peak_ns  # multiply-adds per ns = GMAC/s
fmt = lambda x: "—" if x is None else f"{x:.2f}"
ratio = lambda a, b: "—" if a is None or b is None else f"{a / b:.2f}×"
print()
print(f"One core's dense f32 peak (256³ sgemm): {fmt(peak)} GMAC/s; limit = 12·H·(H+I) / peak.")
print()
print("| H | MACs/step | limit µs | kernel f32 µs | × limit | reference f32 µs | reference f64 µs | PyTorch f32 µs | PyTorch ÷ kernel | wasm kernel µs | wasm ÷ native | kernel, x86-64 baseline µs | wasm ÷ baseline | wasm reference µs |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for h in (8, 32, 128):
    k, r32, r64 = rust("lstm_kernel_f32", h), rust("lstm_reference_f32", h), rust("lstm_reference_f64", h)
    kb = rust("lstm_kernel_f32", h, pathlib.Path("target/bench-baseline/criterion"))
    t, w, wr = torch.get(h), wasm.get(h), wasm_ref.get(h)
    macs = 12 * h * (h + 2)
    limit = None if peak is None else macs / peak / 1000
    print(f"| {h} | {macs:,} | {fmt(limit)} | {fmt(k)} | {ratio(k, limit)} | {fmt(r32)} | {fmt(r64)} | {fmt(t)} | {ratio(t, k)} | {fmt(w)} | {ratio(w, k)} | {fmt(kb)} | {ratio(w, kb)} | {fmt(wr)} |")
PY
