#!/usr/bin/env python3
"""Checks that networks written by our Rust code load into PyTorch and compute the same thing.

For each cell (nn.RNN with tanh, nn.LSTM, nn.GRU), 1, 2 and 3 layers, with and without biases,
it has `lstm-trace --save-model` write a seeded network as a state_dict JSON, loads that into
`torch.nn.RNN/LSTM/GRU(I, H, num_layers=L, bias=...)` in float64 with
`load_state_dict(..., strict=True)` (so every name and shape must be PyTorch's), runs a seeded
random input through it from the zero state, runs `lstm-trace --model ... --input ...` on the same
file and input, and compares the top layer's outputs h_1..h_T and every layer's last hidden
state h_n. A case passes when the largest absolute difference is at most 1e-6. It prints one
line per case and exits 1 if any case fails.

torch is needed only here, never by the build or the tests. To run it:

    python3 -m venv /tmp/torch-venv && /tmp/torch-venv/bin/pip install torch
    cargo build --bin lstm-trace --no-default-features
    /tmp/torch-venv/bin/python scripts/check_export.py [--tool target/debug/lstm-trace]
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

import torch

ROOT = pathlib.Path(__file__).resolve().parent.parent
TOLERANCE = 1e-6
STEPS = 9
MODULES = {"rnn": torch.nn.RNN, "lstm": torch.nn.LSTM, "gru": torch.nn.GRU}


def cases():
    """(cell, layers, bias, input size, hidden size, seed). Input and hidden sizes differ so a
    transposed matrix cannot load; the no-bias cases use other sizes again."""
    seed = 100
    for cell in ("rnn", "lstm", "gru"):
        for layers in (1, 2, 3):
            for bias in (True, False):
                n_in, n_hidden = (3, 5) if bias else (4, 3)
                seed += 1
                yield cell, layers, bias, n_in, n_hidden, seed


class Failure(Exception):
    pass


def run_tool(args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise Failure(f"`{' '.join(map(str, args))}` exited {done.returncode}: {done.stderr.strip()[:400]}")
    return done.stdout


def matrix(value, rows, cols, what):
    """The tool's nested list as a float64 tensor of shape [rows, cols], or a Failure."""
    try:
        t = torch.tensor(value, dtype=torch.float64)
    except (TypeError, ValueError) as e:
        raise Failure(f"{what} is not a list of lists of numbers: {e}")
    if tuple(t.shape) != (rows, cols):
        raise Failure(f"{what} has shape {list(t.shape)}, expected [{rows}, {cols}]")
    return t


def check(tool, workdir, cell, layers, bias, n_in, n_hidden, seed):
    """Returns the largest absolute differences (output, h_n); raises Failure."""
    model_path = workdir / f"{cell}-{layers}-{int(bias)}.json"
    save = [tool, "--cell", cell, "--layers", str(layers), "--hidden", str(n_hidden),
            "--input-size", str(n_in), "--seed", str(seed)]
    if not bias:
        save.append("--no-bias")
    run_tool(save + ["--save-model", str(model_path)])
    if not model_path.is_file():
        raise Failure(f"--save-model exited 0 but wrote no {model_path.name}")
    try:
        saved = json.loads(model_path.read_text())
        weights = {k: torch.tensor(v, dtype=torch.float64) for k, v in saved.items()}
    except (ValueError, TypeError, AttributeError) as e:
        raise Failure(f"the saved model is not a JSON object of nested number lists: {e}")

    module = MODULES[cell](n_in, n_hidden, num_layers=layers, bias=bias).double()
    try:
        module.load_state_dict(weights, strict=True)
    except RuntimeError as e:
        raise Failure("load_state_dict: " + " ".join(str(e).split()))

    generator = torch.Generator().manual_seed(seed)
    x = torch.randn(STEPS, n_in, dtype=torch.float64, generator=generator)
    input_path = workdir / f"input-{seed}.json"
    input_path.write_text(json.dumps(x.tolist()))
    with torch.no_grad():
        out, state = module(x[:, None, :])
    h_n = state[0] if cell == "lstm" else state

    stdout = run_tool([tool, "--cell", cell, "--model", str(model_path), "--input", str(input_path),
                       "--compact"])
    try:
        ours = json.loads(stdout)
    except ValueError as e:
        raise Failure(f"--compact did not print one JSON object ({e}); it began {stdout[:120]!r}")
    if not isinstance(ours, dict) or "output" not in ours or "h_n" not in ours:
        keys = list(ours) if isinstance(ours, dict) else type(ours).__name__
        raise Failure(f"the printed JSON lacks \"output\" or \"h_n\"; it has {keys}")
    our_out = matrix(ours["output"], STEPS, n_hidden, "output")
    our_h_n = matrix(ours["h_n"], layers, n_hidden, "h_n")
    return (our_out - out[:, 0, :]).abs().max().item(), (our_h_n - h_n[:, 0, :]).abs().max().item()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--tool", default=None, help="the lstm-trace binary (default: target/debug/lstm-trace)")
    args = parser.parse_args()
    tool = pathlib.Path(args.tool) if args.tool else ROOT / "target" / "debug" / "lstm-trace"
    if not tool.is_file():
        sys.exit(f"no tool at {tool}: build it with `cargo build --bin lstm-trace --no-default-features`")

    failures = 0
    with tempfile.TemporaryDirectory(prefix="check-export-") as tmp:
        for cell, layers, bias, n_in, n_hidden, seed in cases():
            label = (f"{cell:4} layers {layers} {'bias   ' if bias else 'no bias'} "
                     f"I {n_in} H {n_hidden} T {STEPS} seed {seed}")
            try:
                d_out, d_h_n = check(str(tool), pathlib.Path(tmp), cell, layers, bias, n_in, n_hidden, seed)
            except Failure as e:
                failures += 1
                print(f"FAIL {label}: {e}", flush=True)
                continue
            ok = d_out <= TOLERANCE and d_h_n <= TOLERANCE
            failures += not ok
            print(f"{'ok  ' if ok else 'FAIL'} {label}: max |diff| output {d_out:.1e}, h_n {d_h_n:.1e}",
                  flush=True)
    total = sum(1 for _ in cases())
    print(f"{total - failures} of {total} cases agree with PyTorch to {TOLERANCE:g}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
