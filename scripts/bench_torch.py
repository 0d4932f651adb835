#!/usr/bin/env python3
"""The PyTorch side of the LSTM benchmark: forward + backward through time per time step for
nn.LSTM(2, H), T = 100, batch 1, float32, on one CPU thread. Prints one JSON line per H:
{"hidden": H, "us_per_step": median}. Run by scripts/bench.sh beside the Rust benchmark."""
import json
import statistics
import time

import torch

torch.set_num_threads(1)
STEPS, INPUT = 100, 2


def measure(hidden, seconds=3.0):
    torch.manual_seed(1)
    lstm = torch.nn.LSTM(INPUT, hidden)
    x = torch.randn(STEPS, 1, INPUT)
    g = torch.randn(STEPS, 1, hidden)

    def once():
        lstm.zero_grad(set_to_none=True)
        out, _ = lstm(x)
        out.backward(g)

    for _ in range(20):
        once()
    samples = []
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        start = time.perf_counter()
        for _ in range(5):
            once()
        samples.append((time.perf_counter() - start) / 5)
    return statistics.median(samples) / STEPS * 1e6


for h in (8, 32, 128):
    print(json.dumps({"hidden": h, "us_per_step": measure(h), "torch": torch.__version__}), flush=True)
