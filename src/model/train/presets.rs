//! Named training runs shared by the `repro` command, the page and the benchmarks, so that a
//! number measured in one place is the same run as in another.

use crate::model::network::CellKind;
use crate::model::tasks::Task;
use crate::model::tasks::adding::Adding;
use crate::model::train::TrainConfig;
use crate::model::train::experiment::Experiment;
use crate::model::train::optim::OptimizerKind;

/// Adam 0.01 with gradient-norm clipping at 1.0.
pub fn adam(batch: usize) -> TrainConfig {
    TrainConfig { optimizer: OptimizerKind::adam(0.01), batch, clip: Some(1.0), decay: None }
}

/// The 1997 paper's optimiser: online SGD with learning rate 0.5, no clipping.
pub fn paper_sgd() -> TrainConfig {
    TrainConfig {
        optimizer: OptimizerKind::Sgd { lr: 0.5, momentum: 0.0 },
        batch: 1,
        clip: None,
        decay: None,
    }
}

/// The adding problem (T = 100) to the paper's criterion: |error| < 0.04 on ≥ 99 % of 2,560
/// fresh test sequences, tested every 2,000 training sequences.
pub fn adding_100(kind: CellKind, hidden: usize, config: TrainConfig, budget: usize) -> Experiment {
    Experiment {
        task: Task::Adding(Adding { t: 100 }),
        kind,
        hidden,
        config,
        budget,
        check_every: 2_000,
        test_size: 2_560,
        success_rate: 0.99,
    }
}

/// The run the page and the browser benchmark use: the 1997 LSTM, 8 cells, Adam, batch 16.
pub fn adding_100_lstm1997() -> Experiment {
    adding_100(CellKind::Lstm1997, 8, adam(16), 150_000)
}
