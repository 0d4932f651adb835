//! Agreement with PyTorch: `scripts/make_fixtures.py` ran `nn.RNN`, `nn.LSTM` and `nn.GRU` in
//! float64, with one layer and with `num_layers = 2`, and recorded outputs, final states (every
//! layer's) and every gradient. The model core must reproduce
//! them to [`F64_TOLERANCE`] in f64 and to [`F32_TOLERANCE`] in f32, each error measured as
//! |ours − PyTorch| / max(|PyTorch|, 1).

use lstm_explorer::model::network::{AnyCell, AnyTrace, CellKind};
use lstm_explorer::model::stack::{Stack, layer_name};
use lstm_explorer::model::weights::{cell_from_json, params_to_json, sequence_from_json, stack_from_json};
use lstm_explorer::model::{Activation, Real};
use nalgebra::DVector;
use serde_json::Value;

/// In f64. Measured over all fixtures: worst error 1.4e-15 (max absolute 1.8e-15; max plain
/// relative error 2.0e-13, on values well below 1), round-off of two f64 computations summing in
/// different orders. The bound leaves a margin of about 70× for other platforms (FMA, other
/// BLAS paths) and is still eight orders of magnitude tighter than the f32 bound.
const F64_TOLERANCE: f64 = 1e-13;
/// In f32, which keeps about 7 digits. Measured: worst error 9.4e-7 (max absolute 1.1e-6).
const F32_TOLERANCE: f64 = 1e-5;

fn fixtures() -> Vec<Value> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fixtures exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().unwrap().to_string_lossy().starts_with("pytorch-"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 8, "the fixtures are committed; found {}", paths.len());
    paths.iter().map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()).collect()
}

fn kind_of(fixture: &Value) -> CellKind {
    match (fixture["cell"].as_str().unwrap(), fixture["nonlinearity"].as_str()) {
        ("rnn", Some("relu")) => CellKind::Rnn(Activation::Relu),
        ("rnn", _) => CellKind::Rnn(Activation::Tanh),
        ("lstm", _) => CellKind::Lstm { peepholes: false },
        ("gru", _) => CellKind::Gru,
        (other, _) => panic!("unknown cell {other}"),
    }
}

fn seq<T: Real>(v: &Value) -> Vec<DVector<T>> {
    sequence_from_json(&v.to_string()).unwrap()
}

fn vector<T: Real>(v: &Value) -> DVector<T> {
    DVector::from_iterator(
        v.as_array().unwrap().len(),
        v.as_array().unwrap().iter().map(|x| T::of(x.as_f64().unwrap())),
    )
}

/// The worst errors seen so far: the measure the tolerance bounds, and plain absolute and
/// relative errors for the record.
#[derive(Default, Debug)]
struct Worst {
    scaled: f64,
    absolute: f64,
    relative: f64,
}

fn assert_close<T: Real>(
    worst: &mut Worst,
    tolerance: f64,
    name: &str,
    what: &str,
    ours: &[T],
    theirs: &[f64],
) {
    assert_eq!(ours.len(), theirs.len(), "{name}: {what} length");
    assert!(!theirs.is_empty(), "{name}: {what} is empty in the fixture");
    for (k, (a, b)) in ours.iter().zip(theirs).enumerate() {
        let a = a.to_f64();
        let scaled = (a - b).abs() / b.abs().max(1.0);
        worst.scaled = worst.scaled.max(scaled);
        worst.absolute = worst.absolute.max((a - b).abs());
        if *b != 0.0 {
            worst.relative = worst.relative.max((a - b).abs() / b.abs());
        }
        assert!(scaled <= tolerance, "{name}: {what}[{k}] = {a}, PyTorch {b} (error {scaled:e})");
    }
}

fn flat(v: &Value) -> Vec<f64> {
    match v {
        Value::Array(items) => items.iter().flat_map(flat).collect(),
        Value::Number(n) => vec![n.as_f64().unwrap()],
        _ => panic!("not numeric: {v}"),
    }
}

/// A per-layer state of the fixture: `[H]` for one layer, `[L][H]` for a stack.
fn states<T: Real>(v: &Value, layers: usize) -> Vec<DVector<T>> {
    if layers == 1 { vec![vector(v)] } else { v.as_array().unwrap().iter().map(vector).collect() }
}

fn check<T: Real>(fixture: &Value, tolerance: f64, worst: &mut Worst) {
    let mut assert_close = |name: &str, what: &str, ours: &[T], theirs: &[f64]| {
        assert_close(worst, tolerance, name, what, ours, theirs)
    };
    let name = fixture["name"].as_str().unwrap();
    let kind = kind_of(fixture);
    let layers = fixture["num_layers"].as_u64().unwrap_or(1) as usize;
    let activation = match kind {
        CellKind::Rnn(a) => a,
        _ => Activation::Tanh,
    };
    // Everything is read from the file: the kind must come out as PyTorch's.
    let stack: Stack<T> = stack_from_json(&fixture["weights"].to_string(), activation).unwrap();
    assert_eq!((stack.kind(), stack.layers().len()), (kind, layers), "{name}");
    assert_eq!(stack.hidden_size() as u64, fixture["hidden_size"].as_u64().unwrap());
    if layers == 1 {
        let cell: AnyCell<T> = cell_from_json(kind, &fixture["weights"].to_string()).unwrap();
        assert_eq!(&cell, &stack.layers()[0], "{name}: both readers agree on one layer");
    }
    let xs = seq::<T>(&fixture["input"]);
    let h0 = states::<T>(&fixture["h0"], layers);
    let c0 = if fixture["c0"].is_array() { states::<T>(&fixture["c0"], layers) } else { vec![] };
    let trace = stack.forward_from(&xs, &h0, &c0).unwrap();

    let outputs: Vec<T> = trace.output().iter().flat_map(|h| h.iter().copied().collect::<Vec<_>>()).collect();
    assert_close(name, "output", &outputs, &flat(&fixture["output"]));
    let h_n: Vec<T> =
        trace.layers.iter().flat_map(|t| t.hidden_states().last().unwrap().as_slice().to_vec()).collect();
    assert_close(name, "h_n", &h_n, &flat(&fixture["h_n"]));
    if stack.layers()[0].has_cell_state() {
        let c_n: Vec<T> = trace
            .layers
            .iter()
            .flat_map(|t| match t {
                AnyTrace::Lstm(t) => t.steps.last().unwrap().c.as_slice().to_vec(),
                _ => unreachable!("an LSTM stack traces LSTM layers"),
            })
            .collect();
        assert_close(name, "c_n", &c_n, &flat(&fixture["c_n"]));
    } else {
        assert!(fixture["c_n"].is_null(), "{name}: a c_n for a cell without a cell state");
    }

    let back = stack.backward(&trace, &seq::<T>(&fixture["grad_output"]), &[]).unwrap();
    let mut ours = serde_json::Map::new();
    for (l, b) in back.layers.iter().enumerate() {
        for (param, value) in params_to_json(&b.grads).as_object().unwrap() {
            ours.insert(layer_name(param, l), value.clone());
        }
    }
    for (param, theirs) in fixture["grad"].as_object().unwrap() {
        let mine = ours.get(param).unwrap_or_else(|| panic!("{name}: no gradient for {param}"));
        assert_close(
            name,
            &format!("d{param}"),
            &flat(mine).iter().map(|&x| T::of(x)).collect::<Vec<_>>(),
            &flat(theirs),
        );
    }
    assert_eq!(ours.len(), fixture["grad"].as_object().unwrap().len(), "{name}: every parameter");
    let dx: Vec<T> = back.dx().iter().flat_map(|d| d.iter().copied().collect::<Vec<_>>()).collect();
    assert_close(name, "grad_input", &dx, &flat(&fixture["grad_input"]));
    let dh0: Vec<T> = back.layers.iter().flat_map(|b| b.dh0.as_slice().to_vec()).collect();
    assert_close(name, "grad_h0", &dh0, &flat(&fixture["grad_h0"]));
    if stack.layers()[0].has_cell_state() {
        let dc0: Vec<T> = back.layers.iter().flat_map(|b| b.dc0.as_slice().to_vec()).collect();
        assert_close(name, "grad_c0", &dc0, &flat(&fixture["grad_c0"]));
    } else {
        assert!(fixture["grad_c0"].is_null(), "{name}: a grad_c0 for a cell without a cell state");
    }
}

#[test]
fn two_layer_fixtures_are_among_those_checked() {
    let stacked: Vec<String> = fixtures()
        .iter()
        .filter(|f| f["num_layers"].as_u64() == Some(2))
        .map(|f| f["cell"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(stacked, ["gru", "lstm", "rnn"]);
}

#[test]
fn f64_forward_and_backward_agree_with_pytorch_to_f64_round_off() {
    let mut worst = Worst::default();
    for fixture in fixtures() {
        check::<f64>(&fixture, F64_TOLERANCE, &mut worst);
    }
    eprintln!("f64 worst error against PyTorch: {worst:?}");
}

#[test]
fn f32_forward_and_backward_agree_with_pytorch_to_f32_precision() {
    let mut worst = Worst::default();
    for fixture in fixtures() {
        check::<f32>(&fixture, F32_TOLERANCE, &mut worst);
    }
    eprintln!("f32 worst error against PyTorch: {worst:?}");
}
