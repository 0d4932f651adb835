//! A race for the lessons: a vanilla RNN and an LSTM, same size, same optimiser, same stream of
//! training sequences, learning the copy task (remember a symbol across a lag, name it at the
//! cue). Every slice of training both are scored on the same held-out sequences, so the curves
//! the page draws are measured, not smoothed, and comparable point for point.

use crate::model::network::CellKind;
use crate::model::numbers::Numbers;
use crate::model::tasks::Task;
use crate::model::tasks::copy::CopyTask;
use crate::model::train::optim::OptimizerKind;
use crate::model::train::sample::input_gradients;
use crate::model::train::{Status, TrainConfig, Trainer};
use crate::model::{Activation, Rng};

/// Sequences between two measured points.
pub const SLICE: usize = 160;
/// Held-out sequences each point is scored on.
pub const HELD_OUT: usize = 128;
/// The longest lag the race offers.
pub const MAX_LAG: usize = 100;

/// What the learner sets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RaceSetup {
    /// Steps between the symbol and the recall cue.
    pub lag: usize,
    /// How many symbols (chance is 1 / symbols).
    pub symbols: usize,
    /// Hidden units of both networks.
    pub hidden: usize,
    /// Adam's learning rate.
    pub lr: f64,
    /// The seed of both networks' weights and of the training stream.
    pub seed: u64,
}

impl Default for RaceSetup {
    fn default() -> Self {
        Self { lag: 40, symbols: 4, hidden: 8, lr: 0.01, seed: 1 }
    }
}

impl RaceSetup {
    /// How many numbers [`RaceSetup::to_numbers`] writes.
    pub const NUMBERS: usize = 5;

    /// lag, symbols, hidden, learning rate, seed: the numbers [`RaceSetup::from_numbers`] range-checks.
    pub fn to_numbers(&self) -> [f64; Self::NUMBERS] {
        [self.lag as f64, self.symbols as f64, self.hidden as f64, self.lr, self.seed as f64]
    }

    /// Reads what [`RaceSetup::to_numbers`] wrote; a missing or out-of-range number (lag 1 …
    /// [`MAX_LAG`], 2 … 8 symbols, 1 … 32 units, 0 < lr ≤ 1, seed below 2⁵³) is an error naming it.
    pub fn from_numbers(v: &[f64]) -> Result<Self, String> {
        const NAMES: [&str; RaceSetup::NUMBERS] = ["lag", "symbols", "hidden", "lr", "seed"];
        let n = Numbers::new(v, &NAMES)?;
        Ok(Self {
            lag: n.whole(0, 1, MAX_LAG)?,
            symbols: n.whole(1, 2, 8)?,
            hidden: n.whole(2, 1, 32)?,
            lr: n.positive(3, 1.0)?,
            seed: n.seed(4)?,
        })
    }

    /// The loss of a constant guess: the uniform distribution over the symbols, ln(symbols).
    pub fn baseline_loss(&self) -> f64 {
        (self.symbols as f64).ln()
    }

    /// The accuracy of guessing: 1 / symbols.
    pub fn chance(&self) -> f64 {
        1.0 / self.symbols as f64
    }
}

/// One measured point: both networks scored on the held-out sequences.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RacePoint {
    /// Training sequences each network has seen.
    pub seen: usize,
    /// Mean cross-entropy at the cue, RNN and LSTM.
    pub loss: [f64; 2],
    /// Fraction of held-out sequences named right, RNN and LSTM.
    pub accuracy: [f64; 2],
}

/// The two trainers and their measured history.
#[derive(Clone, Debug)]
pub struct Race {
    /// The setup it started from.
    pub setup: RaceSetup,
    trainers: [Trainer<f32>; 2],
    /// Measured points, the first before any training.
    pub points: Vec<RacePoint>,
}

impl Race {
    /// The two networks as they stand: the RNN, then the LSTM.
    pub fn networks(&self) -> [&crate::model::network::Network<f32>; 2] {
        [&self.trainers[0].network, &self.trainers[1].network]
    }

    /// Both networks fresh, scored once before training.
    pub fn new(setup: RaceSetup) -> Self {
        let task = Task::Copy(CopyTask { symbols: setup.symbols, lag: setup.lag });
        let config = TrainConfig { optimizer: OptimizerKind::adam(setup.lr), ..TrainConfig::default() };
        let trainer = |kind| Trainer::new(task.clone(), kind, setup.hidden, config, setup.seed);
        let trainers =
            [trainer(CellKind::Rnn(Activation::Tanh)), trainer(CellKind::Lstm { peepholes: false })];
        let mut race = Self { setup, trainers, points: Vec::new() };
        race.measure();
        race
    }

    fn measure(&mut self) {
        // The held-out seed differs from the training stream's.
        let scores =
            self.trainers.each_ref().map(|t| t.evaluate(HELD_OUT, self.setup.seed ^ 0x005e_ed0f_7e57));
        self.points.push(RacePoint {
            seen: self.seen(),
            loss: scores.map(|s| s.loss),
            accuracy: scores.map(|s| s.accuracy),
        });
    }

    /// Training sequences seen (by the network still training, if one stopped).
    pub fn seen(&self) -> usize {
        self.trainers.iter().map(|t| t.seen).max().unwrap_or(0)
    }

    /// Trains both for about `sequences` more sequences, measuring after every [`SLICE`].
    pub fn advance(&mut self, sequences: usize) {
        let target = self.seen() + sequences;
        while self.seen() < target {
            for t in &mut self.trainers {
                t.train(SLICE);
            }
            // A network that diverged stops; the other goes on, and the point still counts.
            if self.trainers.iter().all(|t| t.status != Status::Running) {
                break;
            }
            self.measure();
        }
    }

    /// Why a network stopped, if one did: (which, why).
    pub fn stopped(&self) -> Option<(&'static str, String)> {
        self.trainers.iter().zip(["RNN", "LSTM"]).find_map(|(t, name)| match &t.status {
            Status::Diverged(why) => Some((name, why.clone())),
            Status::Running => None,
        })
    }

    /// How much the loss at the cue depends on the symbol, RNN then LSTM, as the networks are
    /// now: ‖dL/dx_1‖ on one held-out sequence (the symbol is read at step 1, the loss taken at
    /// the cue, `lag` + 1 steps later). It is the error that reaches the symbol's input, and so
    /// what can teach the weights that read it.
    pub fn symbol_gradient(&self) -> Result<[f64; 2], String> {
        let task = Task::Copy(CopyTask { symbols: self.setup.symbols, lag: self.setup.lag });
        let sample = task.generate(&mut Rng::new(self.setup.seed ^ 0x0e55_0a9e));
        let first = |t: &Trainer<f32>| {
            input_gradients(&t.network, &sample)
                .map_err(|e| e.to_string())?
                .first()
                .copied()
                .ok_or("empty sequence".to_string())
        };
        Ok([first(&self.trainers[0])?, first(&self.trainers[1])?])
    }

    /// Every point as CSV.
    pub fn csv(&self) -> String {
        let mut out = String::from("sequences_seen,rnn_loss,lstm_loss,rnn_accuracy,lstm_accuracy\n");
        for p in &self.points {
            out.push_str(&format!(
                "{},{},{},{},{}\n",
                p.seen, p.loss[0], p.loss[1], p.accuracy[0], p.accuracy[1]
            ));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setup_survives_its_number_form_and_bad_numbers_are_named() {
        let setup = RaceSetup { lag: 77, symbols: 3, hidden: 5, lr: 0.003, seed: 12 };
        assert_eq!(RaceSetup::from_numbers(&setup.to_numbers()), Ok(setup));
        for (i, bad, name) in
            [(0, 0.0, "lag"), (0, 101.0, "lag"), (1, 9.0, "symbols"), (3, 0.0, "lr"), (3, f64::NAN, "lr")]
        {
            let mut v = setup.to_numbers();
            v[i] = bad;
            assert!(RaceSetup::from_numbers(&v).unwrap_err().contains(name), "{name}");
        }
    }

    #[test]
    fn untrained_both_sit_at_the_constant_guess_and_points_come_every_slice() {
        let race = Race::new(RaceSetup::default());
        assert_eq!(race.points.len(), 1);
        let p = race.points[0];
        assert_eq!(p.seen, 0);
        for loss in p.loss {
            // A fresh network's output is close to uniform: near ln 4.
            assert!((loss - race.setup.baseline_loss()).abs() < 0.15, "{loss}");
        }
        let mut race = race;
        race.advance(3 * SLICE);
        assert_eq!(
            race.points.iter().map(|p| p.seen).collect::<Vec<_>>(),
            vec![0, SLICE, 2 * SLICE, 3 * SLICE]
        );
        assert_eq!(race.csv().lines().count(), 5);
    }

    #[test]
    fn over_a_lag_of_40_after_6080_sequences_the_lstm_passes_95_percent_and_the_rnn_stays_below_45() {
        let mut race = Race::new(RaceSetup::default());
        let [_, lstm_before] = race.symbol_gradient().unwrap();
        race.advance(6000);
        let last = race.points.last().unwrap();
        // Once the LSTM has solved the task its loss, and the error it sends back, fall away.
        let [_, lstm_after] = race.symbol_gradient().unwrap();
        assert!(lstm_after < 1e-3 * lstm_before, "{lstm_after:e} vs {lstm_before:e}");
        assert!(last.accuracy[1] >= 0.95, "LSTM {:?}", last);
        assert!(last.accuracy[0] <= 0.45, "RNN {:?}", last);
        assert!((last.loss[0] - race.setup.baseline_loss()).abs() < 0.1, "RNN loss {:?}", last);
        assert!(race.stopped().is_none());
    }

    #[test]
    fn over_a_lag_of_10_both_pass_95_percent_within_3000_sequences() {
        let mut race = Race::new(RaceSetup { lag: 10, ..Default::default() });
        race.advance(3200);
        for (net, name) in [(0, "RNN"), (1, "LSTM")] {
            let first = race.points.iter().find(|p| p.accuracy[net] >= 0.95).map(|p| p.seen);
            assert!(first.is_some_and(|s| s <= 3000), "{name}: {first:?}");
        }
    }

    /// Before any training, over a lag of 40, the error at the cue reaches the symbol's input
    /// more than a million times more strongly in the LSTM than in the RNN (the lesson says so).
    #[test]
    fn untrained_over_a_lag_of_40_the_lstm_carries_the_error_back_to_the_symbol_a_million_times_more() {
        let race = Race::new(RaceSetup::default());
        assert_eq!(race.setup.lag, 40);
        let [rnn, lstm] = race.symbol_gradient().unwrap();
        assert!(rnn > 0.0 && lstm > 1e6 * rnn, "RNN {rnn:e}, LSTM {lstm:e}");
    }
}
