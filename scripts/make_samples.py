#!/usr/bin/env python3
"""Trains the two sample models in assets/models/ with PyTorch and writes them with an input to
open them with.

- adding-lstm.json: nn.LSTM(input_size=2, hidden_size=8) trained, with a linear readout on its
  last hidden state, on the adding problem (Hochreiter & Schmidhuber 1997, experiment 4) at
  T = 15: every step carries a value drawn uniformly from [0, 1] and a marker 0 or 1; exactly
  two steps are marked, one in each half of the sequence, and the target is the sum of the two
  marked values. The trivial baseline always answers the mean target, 1, and has an expected
  squared error of Var(X1 + X2) = 2/12 = 0.1667. adding-sample.csv (columns value,marker) is
  one such sequence.
- sine-gru-2layer.json: nn.GRU(input_size=1, hidden_size=8, num_layers=2) trained, with a
  linear readout on the top layer at every step, to predict the next value of
  x_t = (sin(w1 t + p1) + sin(w2 t + p2)) / 2, the two angular frequencies drawn (distinct)
  from FREQUENCIES and the phases uniformly from [0, 2 pi), over T = 30 steps. The naive
  baseline repeats the last value. sine-sample.csv (column x) is one such sequence.

Each model file is exactly {name: tensor.tolist()} of the recurrent module's state_dict (the
readout is not saved), in float32 as trained. The sample CSVs round values to 4 decimals. The
script prints the errors that assets/models/README.md quotes. Every random draw is seeded, and
the whole run takes well under a minute on one CPU thread. To regenerate:

    python3 -m venv /tmp/torch-venv && /tmp/torch-venv/bin/pip install torch
    /tmp/torch-venv/bin/python scripts/make_samples.py
"""
import json
import math
import pathlib
import time

import torch

OUT = pathlib.Path(__file__).resolve().parent.parent / "assets" / "models"

ADDING_STEPS = 15
ADDING_HIDDEN = 8
ADDING_TRAIN_STEPS = 2000
ADDING_SEED = 1997

SINE_STEPS = 30
SINE_HIDDEN = 8
SINE_LAYERS = 2
SINE_TRAIN_STEPS = 1500
SINE_SEED = 2024
FREQUENCIES = (0.2, 0.35, 0.5, 0.8)  # radians per step: periods of about 31, 18, 13 and 8 steps

BATCH = 128
TEST_SIZE = 4096


def adding_batch(n, generator):
    """n sequences of the adding problem: inputs [T, n, 2] (value, marker) and targets [n]."""
    values = torch.rand(ADDING_STEPS, n, generator=generator)
    half = ADDING_STEPS // 2
    first = torch.randint(0, half, (n,), generator=generator)
    second = torch.randint(half, ADDING_STEPS, (n,), generator=generator)
    markers = torch.zeros(ADDING_STEPS, n)
    columns = torch.arange(n)
    markers[first, columns] = 1.0
    markers[second, columns] = 1.0
    targets = values[first, columns] + values[second, columns]
    return torch.stack([values, markers], dim=2), targets


def sine_batch(n, generator):
    """n mixtures of two sines over T + 1 steps: inputs [T, n, 1] and next values [T, n, 1]."""
    k = len(FREQUENCIES)
    first = torch.randint(0, k, (n,), generator=generator)
    second = (first + torch.randint(1, k, (n,), generator=generator)) % k  # never the same
    w = torch.tensor(FREQUENCIES)[torch.stack([first, second], dim=1)]  # [n, 2]
    phase = 2 * math.pi * torch.rand(n, 2, generator=generator)
    t = torch.arange(SINE_STEPS + 1, dtype=torch.float32)[:, None, None]  # [T + 1, 1, 1]
    x = 0.5 * torch.sin(w[None] * t + phase[None]).sum(dim=2, keepdim=True)  # [T + 1, n, 1]
    return x[:-1], x[1:]


class AddingModel(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = torch.nn.LSTM(input_size=2, hidden_size=ADDING_HIDDEN)
        self.readout = torch.nn.Linear(ADDING_HIDDEN, 1)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.readout(out[-1])[:, 0]


class SineModel(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = torch.nn.GRU(input_size=1, hidden_size=SINE_HIDDEN, num_layers=SINE_LAYERS)
        self.readout = torch.nn.Linear(SINE_HIDDEN, 1)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.readout(out)


def train(model, batch, steps, lr):
    """Adam with the learning rate decaying by cosine to a tenth; returns the mean loss of the
    last 100 steps."""
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda k: 0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * k / steps))
    )
    tail = []
    for step in range(1, steps + 1):
        x, y = batch()
        loss = torch.nn.functional.mse_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        sched.step()
        tail = (tail + [loss.item()])[-100:]
        if step % 250 == 0:
            print(f"  step {step:5d}  loss {sum(tail) / len(tail):.5f}", flush=True)
    return sum(tail) / len(tail)


def save_model(rnn, name):
    path = OUT / name
    with open(path, "w") as f:
        json.dump({k: v.tolist() for k, v in rnn.state_dict().items()}, f)
    print(f"wrote {path.relative_to(OUT.parent.parent)} ({path.stat().st_size} bytes)")


def save_csv(name, header, rows, formats):
    """Writes rows of numbers under a header, column k formatted with formats[k]."""
    path = OUT / name
    lines = [header] + [",".join(format(v, f) for v, f in zip(row, formats)) for row in rows]
    path.write_text("\n".join(lines) + "\n")
    print(f"wrote {path.relative_to(OUT.parent.parent)}")
    return path


def read_csv(path):
    lines = path.read_text().split("\n")[1:]
    return torch.tensor([[float(v) for v in line.split(",")] for line in lines if line])


def adding():
    print(f"adding problem: LSTM(2, {ADDING_HIDDEN}), T = {ADDING_STEPS}, seed {ADDING_SEED}")
    torch.manual_seed(ADDING_SEED)
    model = AddingModel()
    data = torch.Generator().manual_seed(ADDING_SEED)
    final = train(model, lambda: adding_batch(BATCH, data), ADDING_TRAIN_STEPS, lr=1e-2)
    test = torch.Generator().manual_seed(ADDING_SEED + 1)
    x, y = adding_batch(TEST_SIZE, test)
    with torch.no_grad():
        test_mse = torch.nn.functional.mse_loss(model(x), y).item()
    baseline = ((y - 1.0) ** 2).mean().item()
    print(f"  final training MSE (mean of the last 100 batches): {final:.5f}")
    print(f"  test MSE on {TEST_SIZE} fresh sequences: {test_mse:.5f}")
    print(f"  trivial baseline (always 1) on the same: {baseline:.5f} (expected 1/6 = 0.16667)")
    save_model(model.rnn, "adding-lstm.json")
    sample_x, _ = adding_batch(1, torch.Generator().manual_seed(7))
    path = save_csv("adding-sample.csv", "value,marker", sample_x[:, 0, :].tolist(), (".4f", ".0f"))
    rows = read_csv(path)
    target = (rows[:, 0] * rows[:, 1]).sum().item()
    with torch.no_grad():
        said = model(rows[:, None, :]).item()
    print(f"  sample: marked values sum to {target:.4f}, the model says {said:.4f}")


def sine():
    print(f"next value of two sines: GRU(1, {SINE_HIDDEN}, {SINE_LAYERS} layers), "
          f"T = {SINE_STEPS}, seed {SINE_SEED}")
    torch.manual_seed(SINE_SEED)
    model = SineModel()
    data = torch.Generator().manual_seed(SINE_SEED)
    final = train(model, lambda: sine_batch(BATCH, data), SINE_TRAIN_STEPS, lr=1e-2)
    test = torch.Generator().manual_seed(SINE_SEED + 1)
    x, y = sine_batch(TEST_SIZE, test)
    with torch.no_grad():
        pred = model(x)
    test_mse = torch.nn.functional.mse_loss(pred, y).item()
    naive = torch.nn.functional.mse_loss(x, y).item()
    late, naive_late = ((pred[5:] - y[5:]) ** 2).mean().item(), ((x[5:] - y[5:]) ** 2).mean().item()
    print(f"  final training MSE (mean of the last 100 batches): {final:.5f}")
    print(f"  test MSE on {TEST_SIZE} fresh sequences, all {SINE_STEPS} steps: {test_mse:.5f}; "
          f"steps 6-{SINE_STEPS}: {late:.5f}")
    print(f"  naive baseline (repeat the last value) on the same: {naive:.5f}; "
          f"steps 6-{SINE_STEPS}: {naive_late:.5f}")
    save_model(model.rnn, "sine-gru-2layer.json")
    sample_x, _ = sine_batch(1, torch.Generator().manual_seed(7))
    path = save_csv("sine-sample.csv", "x", sample_x[:, 0, :].tolist(), (".4f",))
    rows = read_csv(path)
    with torch.no_grad():
        said = model(rows[:, None, :])[:, 0, 0]
    err = ((said[:-1] - rows[1:, 0]) ** 2).mean().item()
    print(f"  sample: MSE of the model's next-value predictions over its 29 known next values: {err:.5f}")


def main():
    torch.set_num_threads(1)  # the models are tiny: more threads only wait on each other
    OUT.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    adding()
    sine()
    print(f"done in {time.perf_counter() - start:.0f} s, torch {torch.__version__}")


if __name__ == "__main__":
    main()
