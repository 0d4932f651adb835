//! Agreement with PyTorch: `scripts/make_fixtures.py` ran `nn.RNN`, `nn.LSTM` and `nn.GRU` in
//! float64 and recorded outputs, final states and every gradient. The model core must reproduce
//! them to [`F64_TOLERANCE`] in f64 and to [`F32_TOLERANCE`] in f32, each error measured as
//! |ours − PyTorch| / max(|PyTorch|, 1).

use lstm_explorer::model::cell::Parameters;
use lstm_explorer::model::network::{AnyCell, AnyTrace, CellKind};
use lstm_explorer::model::weights::{cell_from_json, params_to_json, sequence_from_json};
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

fn check<T: Real>(fixture: &Value, tolerance: f64, worst: &mut Worst) {
    let mut assert_close = |name: &str, what: &str, ours: &[T], theirs: &[f64]| {
        assert_close(worst, tolerance, name, what, ours, theirs)
    };
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
    match &trace {
        AnyTrace::Lstm(t) => {
            assert_close(name, "c_n", t.steps.last().unwrap().c.as_slice(), &flat(&fixture["c_n"]))
        }
        _ => assert!(fixture["c_n"].is_null(), "{name}: a c_n for a cell without a cell state"),
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
    if cell.has_cell_state() {
        assert_close(name, "grad_c0", back.dc0.as_slice(), &flat(&fixture["grad_c0"]));
    } else {
        assert!(fixture["grad_c0"].is_null(), "{name}: a grad_c0 for a cell without a cell state");
    }
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
