//! `lstm-trace` as a teacher would use it: a PyTorch weight file in, the same numbers out; bad
//! files get one line on stderr and a non-zero exit. Both command-line tools (`lstm-trace` and
//! `repro`) answer `--help` with their usage and exit 0, and an unknown or incomplete option with
//! one line and exit code 2 — `repro` without running a single experiment.

use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

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
        let (ours, expected) = (ours.as_array().unwrap(), expected.as_array().unwrap());
        assert!(
            !expected.is_empty() && ours.len() == expected.len(),
            "d{name}: {} rows vs {}",
            ours.len(),
            expected.len()
        );
        let pairs = ours.iter().zip(expected);
        for (a, b) in pairs {
            let (a, b) = (
                a.as_array().cloned().unwrap_or(vec![a.clone()]),
                b.as_array().cloned().unwrap_or(vec![b.clone()]),
            );
            assert_eq!(a.len(), b.len(), "d{name}: row length");
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

/// Runs a binary and waits at most `limit` for it: a tool that should only parse its arguments
/// must not get to work (for `repro`, minutes of experiments).
fn run_briefly(binary: &str, args: &[&str], limit: Duration) -> Output {
    let mut child = Command::new(binary)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let start = Instant::now();
    while child.try_wait().expect("the binary can be waited for").is_none() {
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("{binary} {args:?} still ran after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("its output can be read")
}

const LIMIT: Duration = Duration::from_secs(20);

fn tools() -> [(&'static str, &'static str); 2] {
    [("lstm-trace", env!("CARGO_BIN_EXE_lstm-trace")), ("repro", env!("CARGO_BIN_EXE_repro"))]
}

#[test]
fn help_prints_the_usage_and_exits_0() {
    for (name, binary) in tools() {
        for flag in ["--help", "-h"] {
            let out = run_briefly(binary, &[flag], LIMIT);
            assert_eq!(out.status.code(), Some(0), "{name} {flag}: {}", String::from_utf8_lossy(&out.stderr));
            let usage = String::from_utf8_lossy(&out.stdout);
            assert!(usage.contains("USAGE") && usage.contains("--help"), "{name} {flag}: {usage}");
        }
    }
}

#[test]
fn an_unknown_or_incomplete_option_gets_one_line_with_a_hint_and_exit_code_2() {
    let cases: [(&str, &[&str]); 5] = [
        ("lstm-trace", &["--cell", "lstm", "--frobnicate"]),
        ("lstm-trace", &["--cell"]),
        ("repro", &["--frobnicate"]),
        ("repro", &["--seeds"]),
        ("repro", &["--only", "adding", "--seeds", "many"]),
    ];
    for (name, args) in cases {
        let binary = tools().into_iter().find(|(n, _)| *n == name).unwrap().1;
        let out = run_briefly(binary, args, LIMIT);
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{name} {args:?}: {err}");
        assert_eq!(err.lines().count(), 1, "{name} {args:?}: one line: {err}");
        assert!(err.starts_with(&format!("{name}: ")), "{err}");
        assert!(err.contains(&format!("{name} --help")), "{name} {args:?}: a hint to --help: {err}");
        assert!(out.stdout.is_empty(), "{name} {args:?} printed: {}", String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn a_cell_that_overflows_prints_json_with_null_instead_of_nan() {
    // A ReLU RNN with weights of 1e300: h_1 = relu(1e300·1e300) is infinite, and from step 2 on
    // infinity minus infinity is NaN. The output must still be JSON.
    let model = temp_file(
        "overflow.json",
        r#"{"weight_ih_l0": [[1e300], [1e300]], "weight_hh_l0": [[1e300, -1e300], [1e300, -1e300]],
            "bias_ih_l0": [0, 0], "bias_hh_l0": [0, 0]}"#,
    );
    let input = temp_file("overflow-input.json", "[[1e300], [1e300], [1e300]]");
    let out = lstm_trace(&[
        "--cell",
        "rnn",
        "--activation",
        "relu",
        "--model",
        model.to_str().unwrap(),
        "--input",
        input.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let json: Value = serde_json::from_str(&text).expect("the output parses as JSON");
    assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
    assert!(json["steps"][2]["h"][0].is_null(), "a lost value is null: {}", json["steps"][2]["h"]);
    assert!(json["loss"]["value"].is_null(), "the lost loss is null: {}", json["loss"]);
}

#[test]
fn a_saved_stack_reads_back_with_its_kind_layers_and_missing_biases_from_the_file() {
    let dir = std::env::temp_dir().join(format!("lstm-trace-stack-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let model = dir.join("gru2.json");
    let model = model.to_str().unwrap();
    let save =
        ["--cell", "gru", "--layers", "2", "--hidden", "3", "--input-size", "2", "--seed", "5", "--no-bias"];
    let out = lstm_trace(&[&save[..], &["--save-model", model]].concat());
    assert!(out.status.success() && out.stdout.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let saved: Value = serde_json::from_str(&std::fs::read_to_string(model).unwrap()).unwrap();
    let keys: Vec<&String> = saved.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["weight_ih_l0", "weight_hh_l0", "weight_ih_l1", "weight_hh_l1"]);
    let input = temp_file("stack-input.json", "[[1, 2], [0.5, -1], [0, 0.25]]");
    let out = lstm_trace(&["--model", model, "--input", input.to_str().unwrap(), "--compact"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (json["cell"].as_str(), json["layers"].as_u64(), json["bias"].as_bool()),
        (Some("gru"), Some(2), Some(false))
    );
    // The output is the top layer's hidden states, and h_n holds each layer's last one.
    assert_eq!(
        json["output"],
        Value::Array(json["steps"][1].as_array().unwrap().iter().map(|s| s["h"].clone()).collect())
    );
    assert_eq!(json["h_n"][0], json["steps"][0][2]["h"]);
    assert_eq!(json["parameters"], saved);
    assert_eq!(json["gradient_flow"].as_array().unwrap().len(), 2);
    // A kind that contradicts the file, and a fourth layer, are refused with one line.
    let out = lstm_trace(&["--cell", "lstm", "--model", model, "--input", input.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("holds a gru network"));
    let out = lstm_trace(&[&save[..], &["--layers", "4", "--save-model", model]].concat());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--layers must be between 1 and 3"));
    assert_eq!(out.status.code(), Some(2));
}
