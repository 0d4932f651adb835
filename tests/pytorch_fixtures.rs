//! Agreement with PyTorch: `scripts/make_fixtures.py` ran `nn.RNN`, `nn.LSTM` and `nn.GRU` in
//! float64 and recorded outputs, final states and every gradient; the model core must reproduce
//! them to 1e-5 (in f64 it agrees to about 1e-12; in f32 to about 1e-6).

use lstm_explorer::model::cell::Parameters;
use lstm_explorer::model::network::{AnyCell, AnyTrace, CellKind};
use lstm_explorer::model::weights::{cell_from_json, params_to_json, sequence_from_json};
use lstm_explorer::model::{Activation, Real};
use nalgebra::DVector;
use serde_json::Value;

const TOLERANCE: f64 = 1e-5;

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

fn assert_close<T: Real>(name: &str, what: &str, ours: &[T], theirs: &[f64]) {
    assert_eq!(ours.len(), theirs.len(), "{name}: {what} length");
    for (k, (a, b)) in ours.iter().zip(theirs).enumerate() {
        let a = a.to_f64();
        assert!((a - b).abs() <= TOLERANCE * b.abs().max(1.0), "{name}: {what}[{k}] = {a}, PyTorch {b}");
    }
}

fn flat(v: &Value) -> Vec<f64> {
    match v {
        Value::Array(items) => items.iter().flat_map(flat).collect(),
        Value::Number(n) => vec![n.as_f64().unwrap()],
        _ => panic!("not numeric: {v}"),
    }
}

fn check<T: Real>(fixture: &Value) {
    let name = fixture["name"].as_str().unwrap();
    let kind = kind_of(fixture);
    let cell: AnyCell<T> = cell_from_json(kind, &fixture["weights"].to_string()).unwrap();
    assert_eq!(cell.hidden_size() as u64, fixture["hidden_size"].as_u64().unwrap());
    let xs = seq::<T>(&fixture["input"]);
    let h0 = vector::<T>(&fixture["h0"]);
    let c0 = fixture["c0"].is_array().then(|| vector::<T>(&fixture["c0"]));
    let trace = cell.forward_from(&xs, Some(&h0), c0.as_ref()).unwrap();

    let outputs: Vec<T> =
        trace.hidden_states().iter().flat_map(|h| h.iter().copied().collect::<Vec<_>>()).collect();
    assert_close(name, "output", &outputs, &flat(&fixture["output"]));
    assert_close(name, "h_n", trace.hidden_states().last().unwrap().as_slice(), &flat(&fixture["h_n"]));
    if let AnyTrace::Lstm(t) = &trace {
        assert_close(name, "c_n", t.steps.last().unwrap().c.as_slice(), &flat(&fixture["c_n"]));
    }

    let back = cell.backward(&trace, &seq::<T>(&fixture["grad_output"]), None).unwrap();
    let ours = params_to_json(&back.grads);
    for (param, theirs) in fixture["grad"].as_object().unwrap() {
        assert_close(
            name,
            &format!("d{param}"),
            &flat(&ours[param]).iter().map(|&x| T::of(x)).collect::<Vec<_>>(),
            &flat(theirs),
        );
    }
    assert_eq!(
        back.grads.params().len(),
        fixture["grad"].as_object().unwrap().len(),
        "{name}: every parameter"
    );
    let dx: Vec<T> = back.dx.iter().flat_map(|d| d.iter().copied().collect::<Vec<_>>()).collect();
    assert_close(name, "grad_input", &dx, &flat(&fixture["grad_input"]));
    assert_close(name, "grad_h0", back.dh0.as_slice(), &flat(&fixture["grad_h0"]));
    if fixture["grad_c0"].is_array() {
        assert_close(name, "grad_c0", back.dc0.as_slice(), &flat(&fixture["grad_c0"]));
    }
}

#[test]
fn f64_forward_and_backward_agree_with_pytorch() {
    for fixture in fixtures() {
        check::<f64>(&fixture);
    }
}

#[test]
fn f32_forward_and_backward_agree_with_pytorch() {
    for fixture in fixtures() {
        check::<f32>(&fixture);
    }
}
