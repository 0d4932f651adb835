#!/usr/bin/env python3
"""Writes tests/fixtures/pytorch-*.json: reference numbers from PyTorch for the Rust model core.

For each cell (nn.RNN with tanh and relu, nn.LSTM, nn.GRU) at a few sizes it draws random
weights, inputs and initial states, runs the layer in float64, and back-propagates the loss
L = sum_t G_t . h_t for a random G (what `out.backward(G)` computes). It records the weights
(as `state_dict` + `tolist()`), the outputs, the final states and every gradient. The Rust test
`tests/pytorch_fixtures.rs` loads these files and must agree.

torch is needed only to regenerate the files, never to run the tests. To regenerate:

    python3 -m venv /tmp/torch-venv              # a throwaway environment: torch is large
    /tmp/torch-venv/bin/pip install torch        # from PyPI (about 7 GB with its CUDA libraries)
    /tmp/torch-venv/bin/python scripts/make_fixtures.py
"""
import json
import pathlib

import torch

OUT = pathlib.Path(__file__).resolve().parent.parent / "tests" / "fixtures"
CASES = [
    # (name, constructor, input size, hidden size, steps, seed)
    ("rnn-tanh-small", lambda i, h: torch.nn.RNN(i, h, nonlinearity="tanh"), 2, 3, 5, 1),
    ("rnn-relu-small", lambda i, h: torch.nn.RNN(i, h, nonlinearity="relu"), 2, 3, 5, 2),
    ("rnn-tanh-medium", lambda i, h: torch.nn.RNN(i, h, nonlinearity="tanh"), 3, 8, 12, 3),
    ("lstm-small", lambda i, h: torch.nn.LSTM(i, h), 2, 3, 5, 4),
    ("lstm-medium", lambda i, h: torch.nn.LSTM(i, h), 3, 8, 12, 5),
    ("lstm-wide", lambda i, h: torch.nn.LSTM(i, h), 1, 16, 20, 6),
    ("gru-small", lambda i, h: torch.nn.GRU(i, h), 2, 3, 5, 7),
    ("gru-medium", lambda i, h: torch.nn.GRU(i, h), 3, 8, 12, 8),
]


def tolist(t):
    return t.detach().tolist()


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make, n_in, n_hidden, steps, seed in CASES:
        torch.manual_seed(seed)
        layer = make(n_in, n_hidden).double()
        # Scale weights up a little so every nonlinearity works away from its linear centre.
        with torch.no_grad():
            for p in layer.parameters():
                p.mul_(1.5)
        x = torch.randn(steps, 1, n_in, dtype=torch.float64, requires_grad=True)
        h0 = (0.5 * torch.randn(1, 1, n_hidden, dtype=torch.float64)).requires_grad_()
        is_lstm = isinstance(layer, torch.nn.LSTM)
        c0 = (0.5 * torch.randn(1, 1, n_hidden, dtype=torch.float64)).requires_grad_() if is_lstm else None
        g = torch.randn(steps, 1, n_hidden, dtype=torch.float64)
        out, state = layer(x, (h0, c0) if is_lstm else h0)
        out.backward(g)
        record = {
            "name": name,
            "cell": type(layer).__name__.lower(),
            "nonlinearity": getattr(layer, "nonlinearity", None),
            "input_size": n_in,
            "hidden_size": n_hidden,
            "torch_version": torch.__version__,
            "weights": {k: tolist(v) for k, v in layer.state_dict().items()},
            "input": tolist(x[:, 0, :]),
            "h0": tolist(h0[0, 0]),
            "c0": tolist(c0[0, 0]) if is_lstm else None,
            "grad_output": tolist(g[:, 0, :]),
            "output": tolist(out[:, 0, :]),
            "h_n": tolist((state[0] if is_lstm else state)[0, 0]),
            "c_n": tolist(state[1][0, 0]) if is_lstm else None,
            "grad": {k: tolist(p.grad) for k, p in layer.named_parameters()},
            "grad_input": tolist(x.grad[:, 0, :]),
            "grad_h0": tolist(h0.grad[0, 0]),
            "grad_c0": tolist(c0.grad[0, 0]) if is_lstm else None,
        }
        path = OUT / f"pytorch-{name}.json"
        path.write_text(json.dumps(record, indent=1) + "\n")
        print(f"wrote {path.relative_to(OUT.parent.parent)}")


if __name__ == "__main__":
    main()
