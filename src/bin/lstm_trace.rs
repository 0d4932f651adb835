//! `lstm-trace`: runs a recurrent cell on an input sequence and prints everything — the trace of
//! every gate and state, the gradients of a loss, and the gradient flow — as JSON.
//!
//! ```text
//! lstm-trace --model weights.json --input seq.json
//! lstm-trace --cell gru --layers 2 --hidden 8 --input-size 2 --seed 7 --input seq.json
//! lstm-trace --cell lstm --layers 2 --hidden 8 --input-size 2 --no-bias --save-model out.json
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
use lstm_explorer::model::network::CellKind;
use lstm_explorer::model::stack::{MAX_LAYERS, Stack};
use lstm_explorer::model::weights::{
    cell_from_json, number_json, sequence_from_json, stack_from_json, stack_to_json,
};
use lstm_explorer::model::{Activation, Rng};
use nalgebra::DVector;
use serde_json::json;

const HELP: &str = "\
lstm-trace: run a recurrent network (1 to 3 stacked layers) on a sequence and print its trace
and gradients as JSON, or save its weights as a PyTorch state_dict.

USAGE
  lstm-trace [--cell KIND] (--model FILE | --hidden H --input-size I [--seed S]) --input FILE [options]
  lstm-trace --cell KIND --hidden H --input-size I [--seed S] [--layers L] [--no-bias] --save-model FILE

  --cell KIND          rnn | lstm | lstm-peephole | lstm1997 | gru (with --model, optional for rnn,
                       lstm and gru: the kind is read from the file, and checked if given)
  --model FILE         weights: JSON mapping PyTorch names to nested lists, as
                       {k: v.tolist() for k, v in module.state_dict().items()} writes them for an
                       nn.RNN, nn.LSTM or nn.GRU of 1 to 3 layers, with or without biases
  --hidden H           hidden size of a randomly initialised network (instead of --model)
  --input-size I       input size of a randomly initialised network
  --layers L           stacked layers of a randomly initialised network, 1 to 3 (default 1)
  --no-bias            a randomly initialised network without biases (PyTorch's bias=False)
  --seed S             seed of the random initialisation (default 0)
  --save-model FILE    write the network's weights as a state_dict JSON file that
                       torch.nn.LSTM(I, H, num_layers=L).load_state_dict(...) takes, and stop
  --input FILE         the sequence: a JSON list of time steps, each a list of I numbers ('-' = stdin)
  --h0 FILE            initial hidden state, a JSON list of H numbers, or of L such lists for a
                       stack (default zeros)
  --c0 FILE            initial cell state for the LSTMs, shaped like --h0 (default zeros)
  --activation A       tanh | logistic | relu (rnn only; default tanh)
  --clamp GATE=V,...   gate surgery: input, forget, output, reset, update clamped to V
  --grad-output FILE   dL/dh_t for every step (a list of T lists of H numbers);
                       default: L = sum of the last hidden state's entries
  --compact            one line of JSON instead of indented
  -h, --help           this text

OUTPUT
  \"output\" is the top layer's h_1 … h_T, \"h_n\" (and \"c_n\") every layer's last state. For one
  layer, \"steps\", \"gradients\" and \"gradient_flow\" describe it; for a stack each is a list with
  one entry per layer, bottom first.
";

struct Options {
    kind: Option<CellKind>,
    activation: Activation,
    layers: usize,
    bias: bool,
    save_model: Option<String>,
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
    let (mut layers, mut bias, mut save_model) = (1, true, None);
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
            "--layers" => layers = number(value()?)?,
            "--no-bias" => bias = false,
            "--save-model" => save_model = Some(value()?),
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    let kind = kind.map(|k| match k {
        CellKind::Rnn(_) => CellKind::Rnn(activation),
        k => k,
    });
    if model.is_none() && (kind.is_none() || hidden.is_none() || input_size.is_none()) {
        return Err(
            "give --model FILE, or --cell KIND, --hidden H and --input-size I for a random network".into()
        );
    }
    if hidden.is_some_and(|h| !(1..=4096).contains(&h))
        || input_size.is_some_and(|i| !(1..=4096).contains(&i))
    {
        return Err("--hidden and --input-size must be between 1 and 4096".into());
    }
    if !(1..=MAX_LAYERS).contains(&layers) {
        return Err(format!("--layers must be between 1 and {MAX_LAYERS}"));
    }
    let input = match (input, &save_model) {
        (Some(i), _) => i,
        (None, Some(_)) => String::new(),
        (None, None) => return Err("--input is required".into()),
    };
    Ok(Options {
        kind,
        activation,
        layers,
        bias,
        save_model,
        model,
        hidden,
        input_size,
        seed,
        input,
        clamps,
        grad_output,
        h0,
        c0,
        compact,
    })
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

/// The network the options name: read from a file, or seeded.
fn network(options: &Options) -> Result<Stack<f64>, String> {
    let Some(path) = &options.model else {
        let (kind, input, hidden) =
            (options.kind.unwrap_or(CellKind::Lstm { peepholes: false }), options.input_size, options.hidden);
        let mut rng = Rng::new(options.seed);
        return Stack::seeded(
            kind,
            input.unwrap_or(1),
            hidden.unwrap_or(1),
            options.layers,
            options.bias,
            &mut rng,
        )
        .map_err(|e| e.to_string());
    };
    let text = read(path)?;
    let stack = match options.kind {
        Some(k @ (CellKind::Lstm { peepholes: true } | CellKind::Lstm1997)) => {
            Stack::single(cell_from_json(k, &text).map_err(|e| format!("{path}: {e}"))?)
        }
        given => {
            let stack = stack_from_json(&text, options.activation).map_err(|e| format!("{path}: {e}"))?;
            let read = stack.kind();
            if given.is_some_and(|k| k.name() != read.name()) {
                return Err(format!(
                    "{path}: --cell says {} but the file holds a {} network",
                    given.map_or("", |k| k.name()),
                    read.name()
                ));
            }
            stack
        }
    };
    Ok(stack)
}

/// Per-layer initial states from a file: H numbers for one layer, L lists of H for a stack.
fn states(path: &Option<String>, layers: usize, n: usize) -> Result<Vec<DVector<f64>>, String> {
    let Some(p) = path else { return Ok(vec![DVector::zeros(n); layers]) };
    let v = sequence_from_json::<f64>(&read(p)?).map_err(|e| format!("{p}: {e}"))?;
    if layers == 1 && v.len() == n && v.iter().all(|x| x.len() == 1) {
        return Ok(vec![DVector::from_iterator(n, v.iter().map(|x| x[0]))]);
    }
    if v.len() != layers || v.iter().any(|x| x.len() != n) {
        return Err(format!(
            "{p}: expected {} of {n} numbers",
            if layers == 1 { "a list".into() } else { format!("{layers} lists") }
        ));
    }
    Ok(v)
}

fn run(options: Options) -> Result<String, String> {
    let mut stack = network(&options)?;
    if let Some(path) = &options.save_model {
        let json = stack_to_json(&stack).map_err(|e| e.to_string())?;
        std::fs::write(path, serde_json::to_string(&json).unwrap_or_default())
            .map_err(|e| format!("{path}: {e}"))?;
        return Ok(String::new());
    }
    let mut layers = stack.layers().to_vec();
    layers.iter_mut().for_each(|c| c.set_clamps(options.clamps));
    stack = Stack::new(layers, stack.has_bias()).map_err(|e| e.to_string())?;
    let xs =
        sequence_from_json::<f64>(&read(&options.input)?).map_err(|e| format!("{}: {e}", options.input))?;
    let (n, depth) = (stack.hidden_size(), stack.layers().len());
    let has_c = stack.layers()[0].has_cell_state();
    let (h0, c0) = (states(&options.h0, depth, n)?, states(&options.c0, depth, n)?);
    let trace = stack.forward_from(&xs, &h0, &c0).map_err(|e| format!("{}: {e}", options.input))?;
    let output = trace.output();
    let (dh_out, loss, definition) = match &options.grad_output {
        Some(path) => {
            let g = sequence_from_json::<f64>(&read(path)?).map_err(|e| format!("{path}: {e}"))?;
            if g.len() != trace.len() || g.iter().any(|v| v.len() != n) {
                return Err(format!("{path}: expected {} steps of {n} numbers", trace.len()));
            }
            let loss: f64 = output.iter().zip(&g).map(|(h, g)| h.dot(g)).sum();
            (g, loss, "sum over t of grad_output[t] · h_t (top layer)")
        }
        None => {
            let mut g = vec![DVector::zeros(n); trace.len()];
            if let Some(last) = g.last_mut() {
                last.fill(1.0);
            }
            let loss = output.last().map_or(0.0, |h| h.sum());
            (g, loss, "sum of the entries of the last hidden state h_T (top layer)")
        }
    };
    let back = stack.backward(&trace, &dh_out, &[]).map_err(|e| e.to_string())?;
    // Each layer's flow is measured on what that layer reads: the input, or the layer below.
    let mut flows = Vec::with_capacity(depth);
    let mut input = xs.clone();
    for (cell, t) in stack.layers().iter().zip(&trace.layers) {
        flows.push(flow_json(
            &analyse(cell, &input, &DVector::from_element(n, 1.0)).map_err(|e| e.to_string())?,
        ));
        input = t.hidden_states();
    }
    let last = |t: &lstm_explorer::model::network::AnyTrace<f64>| t.hidden_states().last().map(vector_json);
    let c_last = |t: &lstm_explorer::model::network::AnyTrace<f64>| match t {
        lstm_explorer::model::network::AnyTrace::Lstm(l) => l.steps.last().map(|s| vector_json(&s.c)),
        _ => None,
    };
    let per_layer = |items: Vec<serde_json::Value>| {
        if items.len() == 1 {
            items.into_iter().next().unwrap_or_default()
        } else {
            serde_json::Value::Array(items)
        }
    };
    let out = json!({
        "cell": stack.kind().name(),
        "input_size": stack.input_size(),
        "hidden_size": n,
        "layers": depth,
        "bias": stack.has_bias(),
        "parameters": stack_to_json(&stack).map_err(|e| e.to_string())?,
        "initial_state": {
            "h0": per_layer(h0.iter().map(vector_json).collect()),
            "c0": has_c.then(|| per_layer(c0.iter().map(vector_json).collect())),
        },
        "output": output.iter().map(vector_json).collect::<Vec<_>>(),
        "h_n": trace.layers.iter().map(last).collect::<Vec<_>>(),
        "c_n": has_c.then(|| trace.layers.iter().map(c_last).collect::<Vec<_>>()),
        "steps": per_layer(trace.layers.iter().map(trace_json).collect()),
        "loss": { "definition": definition, "value": number_json(loss) },
        "gradients": per_layer(back.layers.iter().map(backward_json).collect()),
        "gradient_flow": per_layer(flows),
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
        Ok(text) if text.is_empty() => ExitCode::SUCCESS,
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
