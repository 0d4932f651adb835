#!/usr/bin/env python3
"""Writes tests/fixtures/pytorch-*.json: reference numbers from PyTorch for the Rust model core.

For each cell (nn.RNN with tanh and relu, nn.LSTM, nn.GRU) at a few sizes it draws random
weights, inputs and initial states, runs the layer in float64, and back-propagates the loss
L = sum_t G_t . h_t for a random G (what `out.backward(G)` computes). It records the weights
(as `state_dict` + `tolist()`), the outputs, the final states and every gradient. The Rust test
`tests/pytorch_fixtures.rs` loads these files and must agree.

Single-layer records hold h0, c0, h_n, c_n, grad_h0 and grad_c0 as lists of H numbers. The
stacked cases (`num_layers=2`) add `"num_layers": 2` and hold those six as one list of H numbers
per layer (shape [L][H], bottom layer first); `output` and `grad_output` stay [T][H] (the top
layer's hidden states and the gradient fed into them), `weights` is the full state_dict
(weight_ih_l0 ... bias_hh_l1) and `grad` has every parameter's gradient.

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
    # (name, constructor, input size, hidden size, steps, seed, layers)
    ("rnn-tanh-small", lambda i, h, l: torch.nn.RNN(i, h, l, nonlinearity="tanh"), 2, 3, 5, 1, 1),
    ("rnn-relu-small", lambda i, h, l: torch.nn.RNN(i, h, l, nonlinearity="relu"), 2, 3, 5, 2, 1),
    ("rnn-tanh-medium", lambda i, h, l: torch.nn.RNN(i, h, l, nonlinearity="tanh"), 3, 8, 12, 3, 1),
    ("lstm-small", lambda i, h, l: torch.nn.LSTM(i, h, l), 2, 3, 5, 4, 1),
    ("lstm-medium", lambda i, h, l: torch.nn.LSTM(i, h, l), 3, 8, 12, 5, 1),
    ("lstm-wide", lambda i, h, l: torch.nn.LSTM(i, h, l), 1, 16, 20, 6, 1),
    ("gru-small", lambda i, h, l: torch.nn.GRU(i, h, l), 2, 3, 5, 7, 1),
    ("gru-medium", lambda i, h, l: torch.nn.GRU(i, h, l), 3, 8, 12, 8, 1),
    ("rnn-tanh-2layer", lambda i, h, l: torch.nn.RNN(i, h, l, nonlinearity="tanh"), 2, 4, 6, 9, 2),
    ("lstm-2layer", lambda i, h, l: torch.nn.LSTM(i, h, l), 3, 5, 7, 10, 2),
    ("gru-2layer", lambda i, h, l: torch.nn.GRU(i, h, l), 2, 4, 6, 11, 2),
]


def tolist(t):
    return t.detach().tolist()


def record_of(name, layer, n_in, n_hidden, steps, n_layers):
    """Draws the numbers for one case (the caller has seeded torch) and returns its record."""
    # Scale weights up a little so every nonlinearity works away from its linear centre.
    with torch.no_grad():
        for p in layer.parameters():
            p.mul_(1.5)
    x = torch.randn(steps, 1, n_in, dtype=torch.float64, requires_grad=True)
    h0 = (0.5 * torch.randn(n_layers, 1, n_hidden, dtype=torch.float64)).requires_grad_()
    is_lstm = isinstance(layer, torch.nn.LSTM)
    c0 = (0.5 * torch.randn(n_layers, 1, n_hidden, dtype=torch.float64)).requires_grad_() if is_lstm else None
    g = torch.randn(steps, 1, n_hidden, dtype=torch.float64)
    out, state = layer(x, (h0, c0) if is_lstm else h0)
    out.backward(g)
    h_n, c_n = (state[0], state[1]) if is_lstm else (state, None)

    def per_layer(t):
        """[L, 1, H] -> one list of H numbers for a single layer, else one such list per layer."""
        if t is None:
            return None
        return tolist(t[0, 0]) if n_layers == 1 else tolist(t[:, 0, :])

    record = {
        "name": name,
        "cell": type(layer).__name__.lower(),
        "nonlinearity": getattr(layer, "nonlinearity", None),
        "input_size": n_in,
        "hidden_size": n_hidden,
    }
    if n_layers != 1:
        record["num_layers"] = n_layers
    record.update({
        "torch_version": torch.__version__,
        "weights": {k: tolist(v) for k, v in layer.state_dict().items()},
        "input": tolist(x[:, 0, :]),
        "h0": per_layer(h0),
        "c0": per_layer(c0),
        "grad_output": tolist(g[:, 0, :]),
        "output": tolist(out[:, 0, :]),
        "h_n": per_layer(h_n),
        "c_n": per_layer(c_n),
        "grad": {k: tolist(p.grad) for k, p in layer.named_parameters()},
        "grad_input": tolist(x.grad[:, 0, :]),
        "grad_h0": per_layer(h0.grad),
        "grad_c0": per_layer(c0.grad if is_lstm else None),
    })
    return record


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, make, n_in, n_hidden, steps, seed, n_layers in CASES:
        torch.manual_seed(seed)
        layer = make(n_in, n_hidden, n_layers).double()
        record = record_of(name, layer, n_in, n_hidden, steps, n_layers)
        path = OUT / f"pytorch-{name}.json"
        path.write_text(json.dumps(record, indent=1) + "\n")
        print(f"wrote {path.relative_to(OUT.parent.parent)}")


if __name__ == "__main__":
    main()
