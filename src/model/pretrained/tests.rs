//! The baked predictor against its recipe, its baselines and the claim the landing lesson makes.

use super::next_value_network;
use crate::model::cell::Parameters;
use crate::model::train::next_value::{self, errors, predict_next};
use crate::model::train::sample::run;

/// Bit for bit: the constants are what `repro next-value` trains, so nobody edited them and the
/// recipe has not changed since. Training is deterministic (a seeded stream, no threads, no
/// run-time-dispatched kernels at H ≤ 5); on a platform whose `libm` rounds tanh or sin
/// differently the bits could differ, and the message says so.
#[test]
fn baked_weights_are_exactly_what_repro_next_value_trains() {
    let trained = next_value::train();
    let baked = next_value_network();
    let (trained, baked) = (trained.params(), baked.params());
    assert_eq!(trained.len(), baked.len());
    for (t, b) in trained.iter().zip(&baked) {
        assert_eq!((t.name, t.rows, t.cols), (b.name, b.rows, b.cols));
        for (i, (x, y)) in t.values.iter().zip(b.values).enumerate() {
            assert!(
                x.to_bits() == y.to_bits(),
                "{}[{i}]: trained {x:?}, baked {y:?}. Regenerate with `cargo run --release --bin repro -- \
                 next-value > src/model/pretrained.rs` (if only this platform differs, its libm may round \
                 tanh or sin differently from the one the file was made on)",
                t.name
            );
        }
    }
}

/// On 1,000 fresh held-out sequences (a seed neither training nor the doc's table used) the
/// network's guesses beat "the last value again" several times over, at every step and after
/// the whole sequence. Measured: every step 0.00633 (network), 0.0392 (persistence), 0.152
/// (mean); after all ten values 0.00416, 0.0498, 0.197.
#[test]
fn on_held_out_sines_the_network_beats_persistence_and_the_mean_several_times_over() {
    let e = errors(&next_value_network(), 1_000, 2025);
    assert!(e.model < 0.007, "{e:?}");
    assert!(e.persistence > 0.035 && e.mean > 0.14, "the baselines are as hard as measured: {e:?}");
    assert!(e.model * 5.0 < e.persistence, "{e:?}");
    assert!(e.model_last < 0.005 && e.persistence_last > 0.04, "{e:?}");
    assert!(e.model_last * 8.0 < e.persistence_last, "{e:?}");
}

/// The page's guess (`predict_next`, the last hidden state's readout) is exactly the output the
/// training code's forward run gives at the last step.
#[test]
fn predict_next_is_the_training_runs_output_at_the_last_step() {
    let network = next_value_network();
    let sample = next_value::task().generate(&mut crate::model::Rng::new(5));
    let xs: Vec<f64> = sample.inputs.iter().map(|x| x[0]).collect();
    let outputs = run(&network, &sample).expect("the network reads one value per step").outputs;
    let last = outputs.last().cloned().flatten().expect("the last step has a target")[0];
    assert_eq!(predict_next(&network, &xs), Some(last));
    assert_eq!(predict_next(&network, &[]), None, "no values, no guess");
}

/// The landing lesson's claim: the same values in another order get another guess, while their
/// mean cannot change. A ramp 0.1, 0.2, …, 0.8 is continued upward (measured 0.904, above its
/// last value 0.8) and its reverse downward (measured 0.058, below its last value 0.1): 0.85
/// apart, though both have the mean 0.45.
#[test]
fn order_matters_a_rising_ramp_is_continued_upward_and_its_reverse_downward_with_the_same_mean() {
    let network = next_value_network();
    let up: Vec<f64> = (1..=8).map(|k| k as f64 / 10.0).collect();
    let down: Vec<f64> = up.iter().rev().copied().collect();
    let mean = |xs: &[f64]| xs.iter().sum::<f64>() / xs.len() as f64;
    assert!((mean(&up) - mean(&down)).abs() < 1e-12);
    let (p_up, p_down) = (predict_next(&network, &up).unwrap(), predict_next(&network, &down).unwrap());
    assert!(p_up > 0.85, "rising: the guess {p_up} should be above the last value 0.8");
    assert!(p_down < 0.08, "falling: the guess {p_down} should be below the last value 0.1");
    assert!(p_up - p_down > 0.8, "{p_up} vs {p_down}");
}
