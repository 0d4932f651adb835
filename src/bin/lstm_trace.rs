//! `lstm-trace`: runs a recurrent cell on an input sequence and prints everything — the trace of
//! every gate and state, the gradients of a loss, and the gradient flow — as JSON.
//!
//! ```text
//! lstm-trace --cell lstm --model weights.json --input seq.json
//! lstm-trace --cell gru --hidden 8 --input-size 2 --seed 7 --input seq.json
//! ```
//! Uses only the model core (no web crate). Run `lstm-trace --help` for every option.
//!
//! The output is built with `serde_json`. The weights it prints back are always finite (the
//! reader refuses anything else); any state, gradient or loss that is not a finite number (a
//! cell that blows up) is printed as `null`, never as `NaN` or `inf`.

use std::process::ExitCode;

use lstm_explorer::model::cell::GateClamps;
use lstm_explorer::model::export::{backward_json, flow_json, trace_json, vector_json};
use lstm_explorer::model::flow::analyse;
use lstm_explorer::model::network::{AnyCell, CellKind};
use lstm_explorer::model::weights::{cell_from_json, number_json, sequence_from_json, weights_to_json};
use lstm_explorer::model::{Activation, Rng};
use nalgebra::DVector;
use serde_json::json;

const HELP: &str = "\
lstm-trace: run a recurrent cell on a sequence and print its trace and gradients as JSON.

USAGE
  lstm-trace --cell KIND (--model FILE | --hidden H --input-size I [--seed S]) --input FILE [options]

  --cell KIND          rnn | lstm | lstm-peephole | lstm1997 | gru
  --model FILE         weights: JSON mapping PyTorch names to nested lists, as
                       {k: v.tolist() for k, v in module.state_dict().items()} writes them
  --hidden H           hidden size of a randomly initialised cell (instead of --model)
  --input-size I       input size of a randomly initialised cell
  --seed S             seed of the random initialisation (default 0)
  --input FILE         the sequence: a JSON list of time steps, each a list of I numbers ('-' = stdin)
  --h0 FILE            initial hidden state, a JSON list of H numbers (default zeros)
  --c0 FILE            initial cell state for the LSTMs (default zeros)
  --activation A       tanh | logistic | relu (rnn only; default tanh)
  --clamp GATE=V,...   gate surgery: input, forget, output, reset, update clamped to V
  --grad-output FILE   dL/dh_t for every step (a list of T lists of H numbers);
                       default: L = sum of the last hidden state's entries
  --compact            one line of JSON instead of indented
  -h, --help           this text
";

struct Options {
    kind: CellKind,
    model: Option<String>,
    hidden: Option<usize>,
    input_size: Option<usize>,
    seed: u64,
    input: String,
    clamps: GateClamps,
    grad_output: Option<String>,
    h0: Option<String>,
    c0: Option<String>,
    compact: bool,
}

fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut kind = None;
    let mut activation = Activation::Tanh;
    let (mut model, mut hidden, mut input_size, mut input, mut grad_output) = (None, None, None, None, None);
    let (mut h0, mut c0) = (None, None);
    let mut seed = 0;
    let mut clamps = GateClamps::default();
    let mut compact = false;
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{flag} needs a value"));
        let number =
            |v: String| v.parse::<usize>().map_err(|_| format!("{flag} takes a whole number, not '{v}'"));
        match flag.as_str() {
            "--cell" => {
                let v = value()?;
                kind = Some(CellKind::from_name(&v).ok_or_else(|| format!("unknown cell '{v}'"))?);
            }
            "--activation" => {
                let v = value()?;
                activation = Activation::from_name(&v).ok_or_else(|| format!("unknown activation '{v}'"))?;
            }
            "--model" => model = Some(value()?),
            "--hidden" => hidden = Some(number(value()?)?),
            "--input-size" => input_size = Some(number(value()?)?),
            "--seed" => seed = value()?.parse().map_err(|_| "--seed takes a whole number".to_string())?,
            "--input" => input = Some(value()?),
            "--grad-output" => grad_output = Some(value()?),
            "--h0" => h0 = Some(value()?),
            "--c0" => c0 = Some(value()?),
            "--clamp" => clamps = parse_clamps(&value()?)?,
            "--compact" => compact = true,
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    let kind = match kind.ok_or("--cell is required")? {
        CellKind::Rnn(_) => CellKind::Rnn(activation),
        k => k,
    };
    if model.is_none() && (hidden.is_none() || input_size.is_none()) {
        return Err("give --model FILE, or --hidden H and --input-size I for a random cell".into());
    }
    if hidden.is_some_and(|h| !(1..=4096).contains(&h))
        || input_size.is_some_and(|i| !(1..=4096).contains(&i))
    {
        return Err("--hidden and --input-size must be between 1 and 4096".into());
    }
    let input = input.ok_or("--input is required")?;
    Ok(Options { kind, model, hidden, input_size, seed, input, clamps, grad_output, h0, c0, compact })
}

fn parse_clamps(text: &str) -> Result<GateClamps, String> {
    let mut clamps = GateClamps::default();
    for pair in text.split(',').filter(|p| !p.is_empty()) {
        let (gate, v) =
            pair.split_once('=').ok_or_else(|| format!("--clamp wants GATE=VALUE, not '{pair}'"))?;
        let v: f64 = v
            .parse()
            .ok()
            .filter(|v: &f64| (0.0..=1.0).contains(v))
            .ok_or_else(|| format!("a gate value must be a number from 0 to 1, not '{v}'"))?;
        let slot = match gate {
            "input" => &mut clamps.input,
            "forget" => &mut clamps.forget,
            "output" => &mut clamps.output,
            "reset" => &mut clamps.reset,
            "update" => &mut clamps.update,
            _ => return Err(format!("unknown gate '{gate}'")),
        };
        *slot = Some(v);
    }
    Ok(clamps)
}

fn read(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| format!("stdin: {e}"))?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))
}

fn run(options: Options) -> Result<String, String> {
    let mut cell: AnyCell<f64> = match &options.model {
        Some(path) => cell_from_json(options.kind, &read(path)?).map_err(|e| format!("{path}: {e}"))?,
        None => AnyCell::seeded(
            options.kind,
            options.input_size.unwrap_or(1),
            options.hidden.unwrap_or(1),
            &mut Rng::new(options.seed),
        ),
    };
    cell.set_clamps(options.clamps);
    let xs =
        sequence_from_json::<f64>(&read(&options.input)?).map_err(|e| format!("{}: {e}", options.input))?;
    let n = cell.hidden_size();
    let state = |path: &Option<String>| -> Result<DVector<f64>, String> {
        match path {
            None => Ok(DVector::zeros(n)),
            Some(p) => {
                let v = sequence_from_json::<f64>(&read(p)?).map_err(|e| format!("{p}: {e}"))?;
                if v.len() != n || v.iter().any(|x| x.len() != 1) {
                    return Err(format!("{p}: expected a list of {n} numbers"));
                }
                Ok(DVector::from_iterator(n, v.iter().map(|x| x[0])))
            }
        }
    };
    let (h0, c0) = (state(&options.h0)?, state(&options.c0)?);
    let trace =
        cell.forward_from(&xs, Some(&h0), Some(&c0)).map_err(|e| format!("{}: {e}", options.input))?;
    let (dh_out, loss, definition) = match &options.grad_output {
        Some(path) => {
            let g = sequence_from_json::<f64>(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
            if g.len() != trace.len() || g.iter().any(|v| v.len() != n) {
                return Err(format!("{path}: expected {} steps of {n} numbers", trace.len()));
            }
            let loss: f64 = trace.hidden_states().iter().zip(&g).map(|(h, g)| h.dot(g)).sum();
            (g, loss, "sum over t of grad_output[t] · h_t")
        }
        None => {
            let mut g = vec![DVector::zeros(n); trace.len()];
            if let Some(last) = g.last_mut() {
                last.fill(1.0);
            }
            let loss = trace.hidden_states().last().map_or(0.0, |h| h.sum());
            (g, loss, "sum of the entries of the last hidden state h_T")
        }
    };
    let back = cell.backward(&trace, &dh_out, None).map_err(|e| e.to_string())?;
    let flow = analyse(&cell, &xs, &DVector::from_element(n, 1.0)).map_err(|e| e.to_string())?;
    let out = json!({
        "cell": options.kind.name(),
        "input_size": cell.input_size(),
        "hidden_size": n,
        "parameters": weights_to_json(&cell).map_err(|e| e.to_string())?,
        "initial_state": { "h0": vector_json(&h0), "c0": cell.has_cell_state().then(|| vector_json(&c0)) },
        "steps": trace_json(&trace),
        "loss": { "definition": definition, "value": number_json(loss) },
        "gradients": backward_json(&back),
        "gradient_flow": flow_json(&flow),
    });
    let text = if options.compact {
        out.to_string()
    } else {
        serde_json::to_string_pretty(&out).unwrap_or_default()
    };
    Ok(text)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.is_empty() {
        eprint!("{HELP}");
        return ExitCode::from(2);
    }
    if args.iter().any(|a| a == "--help" || a == "-h") {
        print!("{HELP}");
        return ExitCode::SUCCESS;
    }
    let options = match parse_args(&args) {
        Ok(o) => o,
        Err(e) => {
            eprintln!("lstm-trace: {e} (see lstm-trace --help)");
            return ExitCode::from(2);
        }
    };
    match run(options) {
        Ok(text) => {
            println!("{text}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("lstm-trace: {e}");
            ExitCode::FAILURE
        }
    }
}
