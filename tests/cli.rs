//! `lstm-trace` as a teacher would use it: a PyTorch weight file in, the same numbers out; bad
//! files get one line on stderr and a non-zero exit.

use std::io::Write;
use std::process::{Command, Output};

use serde_json::Value;

fn lstm_trace(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lstm-trace")).args(args).output().expect("lstm-trace runs")
}

fn temp_file(name: &str, contents: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("lstm-trace-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::File::create(&path).unwrap().write_all(contents.as_bytes()).unwrap();
    path
}

#[test]
fn a_pytorch_lstm_file_reproduces_pytorchs_outputs() {
    let fixture: Value = serde_json::from_str(include_str!("fixtures/pytorch-lstm-small.json")).unwrap();
    let model = temp_file("lstm.json", &fixture["weights"].to_string());
    let input = temp_file("lstm-input.json", &fixture["input"].to_string());
    let h0 = temp_file("h0.json", &fixture["h0"].to_string());
    let c0 = temp_file("c0.json", &fixture["c0"].to_string());
    let grad = temp_file("grad.json", &fixture["grad_output"].to_string());
    let path = |p: &std::path::PathBuf| p.to_str().unwrap().to_string();
    let args = ["--cell", "lstm", "--model", &path(&model), "--input", &path(&input)];
    let out = lstm_trace(
        &[&args[..], &["--h0", &path(&h0), "--c0", &path(&c0), "--grad-output", &path(&grad)]].concat(),
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    for (t, expected) in fixture["output"].as_array().unwrap().iter().enumerate() {
        for (j, e) in expected.as_array().unwrap().iter().enumerate() {
            let ours = json["steps"][t]["h"][j].as_f64().unwrap();
            assert!((ours - e.as_f64().unwrap()).abs() < 1e-9, "h_{t}[{j}]: {ours} vs PyTorch {e}");
        }
    }
    for (name, expected) in fixture["grad"].as_object().unwrap() {
        let ours = &json["gradients"]["parameters"][name];
        let pairs = ours.as_array().unwrap().iter().zip(expected.as_array().unwrap());
        for (a, b) in pairs {
            let (a, b) = (
                a.as_array().cloned().unwrap_or(vec![a.clone()]),
                b.as_array().cloned().unwrap_or(vec![b.clone()]),
            );
            for (x, y) in a.iter().zip(&b) {
                assert!(
                    (x.as_f64().unwrap() - y.as_f64().unwrap()).abs() < 1e-9,
                    "d{name}: {x} vs PyTorch {y}"
                );
            }
        }
    }
    let default_loss = lstm_trace(&args);
    let json: Value = serde_json::from_slice(&default_loss.stdout).unwrap();
    assert_eq!(json["cell"], "lstm");
    assert_eq!(json["steps"].as_array().unwrap().len(), 5);
    assert_eq!(json["parameters"], fixture["weights"], "weights are printed back exactly");
    let last = &json["steps"][4];
    for key in ["x", "h_prev", "c_prev", "i", "f", "g", "o", "c", "squashed_c", "h"] {
        assert_eq!(last[key].as_array().map(Vec::len), Some(if key == "x" { 2 } else { 3 }), "{key}");
    }
    // The default loss is the sum of h_T, so dL/dh_T is all ones.
    assert_eq!(json["gradients"]["dh"][4], serde_json::json!([1.0, 1.0, 1.0]));
    assert_eq!(json["gradient_flow"]["lag"].as_array().unwrap().len(), 6);
}

#[test]
fn a_seeded_cell_is_reproducible() {
    let input = temp_file("seeded-input.json", "[[1, 0], [0, 1], [0.5, 0.5]]");
    let run = || {
        lstm_trace(&[
            "--cell",
            "gru",
            "--hidden",
            "4",
            "--input-size",
            "2",
            "--seed",
            "7",
            "--input",
            input.to_str().unwrap(),
            "--compact",
        ])
    };
    let (a, b) = (run(), run());
    assert!(a.status.success());
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn bad_input_gets_one_line_and_a_failing_exit_code() {
    let input = temp_file("bad-input.json", "[[1, 2], [3]]");
    let model = temp_file("bad-model.json", "{\"weight_hh_l0\": [[1]], \"weight_ih_l0\": [[1]]}");
    let cases: [&[&str]; 4] = [
        &["--cell", "lstm", "--hidden", "2", "--input-size", "2", "--input", input.to_str().unwrap()],
        &["--cell", "lstm", "--model", model.to_str().unwrap(), "--input", input.to_str().unwrap()],
        &["--cell", "transformer", "--hidden", "2", "--input-size", "2", "--input", "x"],
        &["--cell", "rnn", "--hidden", "2", "--input-size", "2", "--input", "/no/such/file.json"],
    ];
    for args in cases {
        let out = lstm_trace(args);
        assert!(!out.status.success(), "{args:?} should fail");
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err.lines().count(), 1, "one line: {err}");
        assert!(err.starts_with("lstm-trace: "), "{err}");
    }
}
