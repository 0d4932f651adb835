//! `repro`: the 1997 paper's experiments, run natively with stated settings, side by side with
//! the paper's figures.
//!
//! ```text
//! cargo run --release --bin repro              # every experiment, 5 seeds each
//! cargo run --release --bin repro -- --seeds 3 --only adding
//! cargo run --release --bin repro -- next-value > src/model/pretrained.rs
//! ```
//! Uses only the model core (no web crate). `repro --help` lists the options.

use std::process::ExitCode;
use std::time::Instant;

use lstm_explorer::model::network::CellKind;
use lstm_explorer::model::tasks::Task;
use lstm_explorer::model::tasks::reber::EmbeddedReber;
use lstm_explorer::model::tasks::temporal_order::TemporalOrder;
use lstm_explorer::model::train::experiment::Experiment;
use lstm_explorer::model::train::next_value;
use lstm_explorer::model::train::presets::{self, adam};
use lstm_explorer::model::{Activation, Rng, cell::Parameters, network::Network};

const HELP: &str = "\
repro: run the 1997 LSTM paper's experiments natively and print a table next to the paper's figures.

USAGE
  repro [--seeds N] [--only NAME]
  repro next-value > src/model/pretrained.rs

  --seeds N      seeds per experiment (default 5)
  --only NAME    only the rows of task NAME (adding | reber | order), or whose model names NAME
                 (e.g. --only \"forget gate\")
  -h, --help     this text

Every experiment with 5 seeds takes many minutes; build with --release.

next-value trains the landing lesson's next-value predictor (about a second) and prints the Rust
source of src/model/pretrained.rs: its weights and its measured errors. The time goes to stderr.
";

/// What the command line asks for.
#[derive(Debug, PartialEq)]
struct Options {
    seeds: u64,
    only: Option<String>,
}

/// Reads the arguments: `Ok(None)` for --help, an error sentence for anything unknown.
fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut options = Options { seeds: 5, only: None };
    let mut it = args.iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().cloned().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "-h" | "--help" => return Ok(None),
            "--seeds" => {
                let v = value()?;
                options.seeds = v
                    .parse()
                    .ok()
                    .filter(|&n| n >= 1)
                    .ok_or_else(|| format!("--seeds takes a whole number of at least 1, not '{v}'"))?;
            }
            "--only" => options.only = Some(value()?),
            other => return Err(format!("unknown option '{other}'")),
        }
    }
    Ok(Some(options))
}

struct Row {
    group: &'static str,
    model: &'static str,
    experiment: Experiment,
    paper: &'static str,
}

fn rows() -> Vec<Row> {
    let adding = presets::adding_100;
    let paper_sgd = presets::paper_sgd();
    let reber = |kind, hidden, budget| Experiment {
        task: Task::Reber(EmbeddedReber),
        kind,
        hidden,
        config: adam(1),
        budget,
        check_every: 500,
        test_size: 256,
        success_rate: 1.0,
    };
    let order = |kind, hidden, budget| Experiment {
        task: Task::TemporalOrder(TemporalOrder),
        kind,
        hidden,
        config: adam(16),
        budget,
        check_every: 2_000,
        test_size: 2_560,
        success_rate: 0.99,
    };
    vec![
        Row {
            group: "adding",
            model: "LSTM 1997, SGD 0.5 online (paper setup)",
            experiment: adding(CellKind::Lstm1997, 8, paper_sgd, 150_000),
            paper: "74,000 (100 %)",
        },
        Row {
            group: "adding",
            model: "LSTM 1997, Adam 0.01, batch 16",
            experiment: presets::adding_100_lstm1997(),
            paper: "74,000 (100 %)",
        },
        Row {
            group: "adding",
            model: "LSTM forget gate, Adam 0.01, batch 16",
            experiment: adding(CellKind::Lstm { peepholes: false }, 8, adam(16), 300_000),
            paper: "— (the forget gate came in 2000)",
        },
        Row {
            group: "adding",
            model: "vanilla RNN tanh, Adam 0.01, batch 16",
            experiment: adding(CellKind::Rnn(Activation::Tanh), 18, adam(16), 150_000),
            paper: "not run (BPTT failed at 10-step lags)",
        },
        Row {
            group: "reber",
            model: "LSTM 1997, Adam 0.01, online",
            experiment: reber(CellKind::Lstm1997, 8, 40_000),
            paper: "8,440 (100 %)",
        },
        Row {
            group: "reber",
            model: "vanilla RNN tanh, Adam 0.01, online",
            experiment: reber(CellKind::Rnn(Activation::Tanh), 18, 40_000),
            paper: "Elman: 0 % (> 200,000)",
        },
        Row {
            group: "order",
            model: "LSTM 1997, Adam 0.01, batch 16",
            experiment: order(CellKind::Lstm1997, 8, 150_000),
            paper: "31,390 (100 %)",
        },
        Row {
            group: "order",
            model: "vanilla RNN tanh, Adam 0.01, batch 16",
            experiment: order(CellKind::Rnn(Activation::Tanh), 18, 150_000),
            paper: "—",
        },
    ]
}

fn weights(e: &Experiment) -> usize {
    let t = &e.task;
    Network::<f32>::seeded(
        e.kind,
        t.input_size(),
        e.hidden,
        t.output_size(),
        t.output_kind(),
        &mut Rng::new(0),
    )
    .num_params()
}

fn median(mut xs: Vec<usize>) -> Option<usize> {
    xs.sort_unstable();
    (!xs.is_empty()).then(|| xs[xs.len() / 2])
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().is_some_and(|a| a == "next-value") {
        return match &args[1..] {
            [] => {
                let start = Instant::now();
                let network = next_value::train();
                eprintln!("repro: trained in {:.2} s", start.elapsed().as_secs_f64());
                print!("{}", pretrained_source(&network));
                ExitCode::SUCCESS
            }
            [h] if h == "-h" || h == "--help" => {
                print!("{HELP}");
                ExitCode::SUCCESS
            }
            [other, ..] => {
                eprintln!("repro: next-value takes no options, not '{other}' (see repro --help)");
                ExitCode::from(2)
            }
        };
    }
    match parse_args(&args) {
        Ok(Some(options)) => {
            run(&options);
            ExitCode::SUCCESS
        }
        Ok(None) => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("repro: {e} (see repro --help)");
            ExitCode::from(2)
        }
    }
}

/// Runs the chosen rows and prints the table.
fn run(options: &Options) {
    let (seeds, only) = (options.seeds, options.only.as_deref());
    println!(
        "| task | model | H | weights | seeds solved | median sequences to success | test accuracy (median) | test MSE (median) | budget | wall time / seed | paper |"
    );
    println!("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
    // `--only adding` keeps a task's rows; `--only "forget gate"` the rows whose model names it.
    for row in rows().into_iter().filter(|r| only.is_none_or(|o| o == r.group || r.model.contains(o))) {
        let e = &row.experiment;
        let start = Instant::now();
        let outcomes: Vec<_> = (1..=seeds).map(|seed| e.run::<f32>(seed, 1_000 + seed)).collect();
        let per_seed = start.elapsed().as_secs_f64() / seeds as f64;
        let solved: Vec<usize> = outcomes.iter().filter_map(|o| o.solved_after).collect();
        let mut accuracies: Vec<f64> = outcomes.iter().map(|o| o.accuracy).collect();
        accuracies.sort_by(f64::total_cmp);
        let mut mses: Vec<f64> = outcomes.iter().map(|o| o.mse).collect();
        mses.sort_by(f64::total_cmp);
        let mse = mses[mses.len() / 2];
        let mse = if mse.is_finite() { format!("{mse:.4}") } else { "—".into() };
        // Unsolved runs count as "more than the budget" for the median.
        let all: Vec<usize> = outcomes.iter().map(|o| o.solved_after.unwrap_or(usize::MAX)).collect();
        let med = match median(all) {
            Some(usize::MAX) | None => format!("> {}", e.budget),
            Some(m) => format!("{m}"),
        };
        println!(
            "| {} | {} | {} | {} | {}/{} | {} | {:.1} % | {} | {} | {:.1} s | {} |",
            row.group,
            row.model,
            e.hidden,
            weights(e),
            solved.len(),
            seeds,
            med,
            100.0 * accuracies[accuracies.len() / 2],
            mse,
            e.budget,
            per_seed,
            row.paper
        );
    }
    println!();
    println!(
        "Adding: T = 100, success = |error| < 0.04 on ≥ 99 % of 2,560 fresh test sequences, tested every 2,000 training sequences."
    );
    println!(
        "Reber: success = on all of 256 fresh strings, the possible next symbols are the most active outputs (tested every 500)."
    );
    println!(
        "Temporal order (6a): success = every output within 0.3 of the target on ≥ 99 % of 2,560 fresh sequences."
    );
    println!(
        "All runs: f32, gradient-norm clipping at 1.0 except the paper-setup row, initial gate biases as in train::init::prepare."
    );
}

/// A number that reads back as the same bits (`{:?}` writes the shortest such decimal).
fn literal(x: f64) -> String {
    let s = format!("{x:?}");
    if s.contains(['.', 'e']) { s } else { format!("{s}.0") }
}

/// The source of `src/model/pretrained.rs`: the trained weights as constants in PyTorch's
/// naming and layout, the recipe and the measured errors in its doc comment.
fn pretrained_source(network: &Network<f64>) -> String {
    use next_value::*;
    let e = errors(network, TEST_COUNT, TEST_SEED);
    let (every, decay) = (config().decay.map_or(0, |d| d.0), config().decay.map_or(1.0, |d| d.1));
    let thousands = |n: usize| {
        let s = n.to_string();
        let mut out = String::new();
        for (i, c) in s.chars().enumerate() {
            if i > 0 && (s.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        out
    };
    let mut out = format!(
        "//! The landing lesson's next-value predictor, trained natively and baked in as constants: the page
//! runs it and never trains it.
//!
//! Generated by `cargo run --release --bin repro -- next-value > src/model/pretrained.rs`; do not
//! edit by hand. The recipe is [`crate::model::train::next_value`]: a vanilla tanh RNN with
//! H = {HIDDEN} and a logistic readout (so every guess is in (0, 1)), trained in f64 from seed {SEED}
//! on {} sequences of {LENGTH} values (mixtures of sines scaled into [0, 1]; after every value it
//! guesses the next) with Adam {LEARNING_RATE}, batch {}, gradient-norm clipping at {}, the rate
//! multiplied by {decay} every {} sequences.
//!
//! Mean squared error of the guess for the next value on {} held-out sequences (seed {TEST_SEED}):
//!
//! | guess | every step | after all {LENGTH} values |
//! |---|---:|---:|
//! | this network | {:.5} | {:.5} |
//! | persistence: the last value again | {:.5} | {:.5} |
//! | the mean of the values so far (order-blind) | {:.5} | {:.5} |
//!
//! The weights are in PyTorch's `state_dict` naming and layout (`nn.RNN` then `nn.Linear`, then
//! a sigmoid; matrices row by row), written with every bit: `f64` literals read back exactly.

use nalgebra::{{DMatrix, DVector}};

use crate::model::Activation;
use crate::model::cell::RnnCell;
use crate::model::network::{{AnyCell, Network}};
use crate::model::readout::{{OutputKind, Readout}};
",
        thousands(SEQUENCES),
        config().batch,
        config().clip.unwrap_or(f64::INFINITY),
        thousands(every),
        thousands(TEST_COUNT),
        e.model,
        e.model_last,
        e.persistence,
        e.persistence_last,
        e.mean,
        e.mean_last,
    );
    for p in network.params() {
        let name = p.name.replace('.', "_").to_uppercase();
        let at = |r: usize, c: usize| literal(p.values[c * p.rows + r]);
        out.push_str(&format!("\n/// `{}`, {} × {}.\n#[rustfmt::skip]\n", p.name, p.rows, p.cols));
        if p.name.contains("weight") {
            out.push_str(&format!("pub const {name}: [[f64; {}]; {}] = [\n", p.cols, p.rows));
            for r in 0..p.rows {
                let row: Vec<String> = (0..p.cols).map(|c| at(r, c)).collect();
                out.push_str(&format!("    [{}],\n", row.join(", ")));
            }
        } else {
            out.push_str(&format!("pub const {name}: [f64; {}] = [\n", p.rows));
            for r in 0..p.rows {
                out.push_str(&format!("    {},\n", at(r, 0)));
            }
        }
        out.push_str("];\n");
    }
    out.push_str(
        "
fn matrix<const R: usize, const C: usize>(rows: &[[f64; C]; R]) -> DMatrix<f64> {
    DMatrix::from_fn(R, C, |r, c| rows[r][c])
}

/// The predictor, built from the constants above. Its guess for the value after a sequence is
/// [`crate::model::train::next_value::predict_next`].
pub fn next_value_network() -> Network<f64> {
    let cell = RnnCell {
        weight_ih: matrix(&WEIGHT_IH_L0),
        weight_hh: matrix(&WEIGHT_HH_L0),
        bias_ih: DVector::from_column_slice(&BIAS_IH_L0),
        bias_hh: DVector::from_column_slice(&BIAS_HH_L0),
        activation: Activation::Tanh,
    };
    let readout = Readout {
        weight: matrix(&READOUT_WEIGHT),
        bias: DVector::from_column_slice(&READOUT_BIAS),
        kind: OutputKind::Sigmoid,
    };
    Network { cell: AnyCell::Rnn(cell), readout }
}

#[cfg(test)]
mod tests;
",
    );
    out
}
