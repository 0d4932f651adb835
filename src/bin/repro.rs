//! `repro`: the 1997 paper's experiments, run natively with stated settings, side by side with
//! the paper's figures.
//!
//! ```text
//! cargo run --release --bin repro              # every experiment, 5 seeds each
//! cargo run --release --bin repro -- --seeds 3 --only adding
//! ```
//! Uses only the model core (no web crate). `repro --help` lists the options.

use std::process::ExitCode;
use std::time::Instant;

use lstm_explorer::model::network::CellKind;
use lstm_explorer::model::tasks::Task;
use lstm_explorer::model::tasks::reber::EmbeddedReber;
use lstm_explorer::model::tasks::temporal_order::TemporalOrder;
use lstm_explorer::model::train::experiment::Experiment;
use lstm_explorer::model::train::presets::{self, adam};
use lstm_explorer::model::{Activation, Rng, cell::Parameters, network::Network};

const HELP: &str = "\
repro: run the 1997 LSTM paper's experiments natively and print a table next to the paper's figures.

USAGE
  repro [--seeds N] [--only NAME]

  --seeds N      seeds per experiment (default 5)
  --only NAME    only the rows of task NAME (adding | reber | order), or whose model names NAME
                 (e.g. --only \"forget gate\")
  -h, --help     this text

Every experiment with 5 seeds takes many minutes; build with --release.
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
