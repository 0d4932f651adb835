//! Training, at CI size: the loss falls, the LSTM solves a short adding problem far better than
//! the constant guess, and divergence stops training with a reason instead of a panic.

use lstm_explorer::model::cell::Parameters;
use lstm_explorer::model::network::{CellKind, Network};
use lstm_explorer::model::readout::OutputKind;
use lstm_explorer::model::tasks::Task;
use lstm_explorer::model::tasks::adding::{Adding, BASELINE_MSE};
use lstm_explorer::model::tasks::copy::CopyTask;
use lstm_explorer::model::train::experiment::Experiment;
use lstm_explorer::model::train::optim::OptimizerKind;
use lstm_explorer::model::train::{Status, TrainConfig, Trainer};
use lstm_explorer::model::{Activation, Rng};

#[test]
fn training_reduces_the_loss_on_a_tiny_task_within_a_few_hundred_updates() {
    let task = Task::Copy(CopyTask { symbols: 3, lag: 3 });
    let config = TrainConfig { optimizer: OptimizerKind::adam(0.02), batch: 4, clip: Some(1.0), decay: None };
    let mut trainer = Trainer::<f64>::new(task, CellKind::Lstm { peepholes: false }, 6, config, 3);
    let before = trainer.evaluate(200, 77);
    trainer.train(4 * 300);
    let after = trainer.evaluate(200, 77);
    assert!(after.loss < 0.2 * before.loss, "loss {} -> {}", before.loss, after.loss);
    assert!(after.accuracy > 0.95, "accuracy {}", after.accuracy);
}

#[test]
fn lstm_solves_a_short_adding_problem_far_below_the_constant_guess() {
    let experiment = Experiment {
        task: Task::Adding(Adding { t: 20 }),
        kind: CellKind::Lstm1997,
        hidden: 8,
        config: TrainConfig { optimizer: OptimizerKind::adam(0.01), batch: 16, clip: Some(1.0), decay: None },
        budget: 60_000,
        check_every: 2_000,
        test_size: 1_000,
        success_rate: 0.99,
    };
    let outcome = experiment.run::<f32>(1, 5);
    assert!(outcome.solved_after.is_some(), "{outcome:?}");
    assert!(outcome.mse < BASELINE_MSE / 20.0, "MSE {} vs baseline {BASELINE_MSE}", outcome.mse);
}

#[test]
fn divergence_stops_training_with_a_reason_and_keeps_finite_weights() {
    let task = Task::Adding(Adding { t: 10 });
    // An absurd learning rate without clipping blows the weights up.
    let config = TrainConfig {
        optimizer: OptimizerKind::Sgd { lr: 1e30, momentum: 0.0 },
        batch: 1,
        clip: None,
        decay: None,
    };
    let mut trainer = Trainer::<f32>::new(task, CellKind::Rnn(Activation::Relu), 4, config, 1);
    let mut reports = 0;
    while trainer.status == Status::Running && reports < 200 {
        trainer.train(1);
        reports += 1;
    }
    let Status::Diverged(reason) = &trainer.status else { panic!("never diverged") };
    assert!(reason.contains("after"), "{reason}");
    assert!(trainer.network.params().iter().all(|p| p.values.iter().all(|v| v.is_finite())));
    // Once diverged, training does nothing (and does not panic).
    let seen = trainer.seen;
    trainer.train(10);
    assert_eq!(trainer.seen, seen);
}

#[test]
fn a_batch_with_a_failing_sequence_applies_no_update_and_counts_no_sequences() {
    // The adding task writes 2 numbers per step; this network reads 3, so every sequence fails
    // with a shape error, already the first one of the first batch.
    let task = Task::Adding(Adding { t: 10 });
    let mut rng = Rng::new(4);
    let network =
        Network::<f64>::seeded(CellKind::Lstm { peepholes: false }, 3, 4, 1, OutputKind::Linear, &mut rng);
    let config = TrainConfig { optimizer: OptimizerKind::adam(0.01), batch: 4, clip: Some(1.0), decay: None };
    let mut trainer = Trainer::with_network(task, network.clone(), config, rng);
    let report = trainer.train(8);
    let Status::Diverged(reason) = &trainer.status else { panic!("training went on: {:?}", trainer.status) };
    assert!(reason.contains("bad sequence"), "{reason}");
    assert_eq!(report.updates, 0, "no update from a failed batch");
    assert_eq!(trainer.seen, 0, "no sequence was used for an applied update");
    assert_eq!(report.seen, 0);
    assert_eq!(trainer.network, network, "the weights are those before the batch");
}

#[test]
fn the_same_seed_trains_the_same_network() {
    let task = Task::Adding(Adding { t: 10 });
    let run = || {
        let mut t = Trainer::<f32>::new(task.clone(), CellKind::Gru, 4, TrainConfig::default(), 9);
        t.train(64);
        t.network
    };
    assert_eq!(run(), run());
}
