//! The sentences of the lessons that state what the model does, held to the model at the
//! settings the lesson's scene starts from (read from the lesson itself, so the two cannot drift).

use lstm_explorer::lessons::{DecayPreset, Preset, find};
use lstm_explorer::model::decay::{DecayCurves, DecaySetup, decay_curves};

/// The gradient-decay scene of the lesson on where the LSTM's gradient flows.
fn decay_preset() -> DecayPreset {
    let lesson = find("lstm-gradient").expect("the lesson exists");
    match lesson.scene.preset {
        Preset::Decay(p) => p,
        ref other => panic!("the lesson shows a decay plot, not {}", other.kind()),
    }
}

fn curves(forget_open: bool) -> DecayCurves {
    let p = decay_preset();
    let setup = DecaySetup {
        rho: p.rho,
        steps: p.steps,
        forget_bias: p.forget_bias,
        hidden: p.hidden,
        seed: p.seed,
        forget_open,
        ..Default::default()
    };
    assert!(p.lstm, "the lesson shows the LSTM's curves");
    decay_curves(&setup).unwrap()
}

/// "At these settings the LSTM's ‖∂h_T/∂h_{T−k}‖ lies below the RNN's at every lag."
#[test]
fn at_the_lessons_settings_the_lstm_jacobian_lies_below_the_rnns_at_every_lag() {
    let c = curves(false);
    assert_eq!(c.lstm.len(), decay_preset().steps + 1);
    for k in 1..c.lstm.len() {
        assert!(c.lstm[k] < c.rnn[k], "k = {k}: LSTM {} vs RNN {}", c.lstm[k], c.rnn[k]);
    }
}

/// "The belt's direct path ∏ f multiplies factors near σ(3) ≈ 0.95: it shrinks exponentially,
/// only far more slowly than ρ^k."
#[test]
fn the_belts_direct_path_shrinks_at_every_lag_but_stays_above_rho_to_the_k() {
    let p = decay_preset();
    let c = curves(false);
    let sigma_b = 1.0 / (1.0 + (-p.forget_bias).exp());
    assert!((sigma_b - 0.95).abs() < 0.005, "σ(3) = {sigma_b}");
    for k in 1..c.lstm_path.len() {
        assert!(c.lstm_path[k] < c.lstm_path[k - 1], "k = {k}: the path shrinks");
        assert!(c.lstm_path[k] > c.rnn[k], "k = {k}: above ρ^k");
        let per_step = c.lstm_path[k] / c.lstm_path[k - 1];
        assert!((0.9..0.99).contains(&per_step), "k = {k}: factor {per_step} near 0.95");
    }
    // Far above: three times ρ^k by a lag of 20, and the gap keeps widening.
    assert!(c.lstm_path[20] > 3.0 * c.rnn[20], "{} vs {}", c.lstm_path[20], c.rnn[20]);
    assert!(c.lstm_path[40] / c.rnn[40] > c.lstm_path[20] / c.rnn[20]);
}

/// "Clamp the forget gate to 1 and from a lag of 5 on the blue line still stays near 0.02,
/// although the belt itself never drops below 1."
#[test]
fn with_the_forget_gate_clamped_the_belt_stays_above_one_and_the_hidden_path_near_0_02() {
    let c = curves(true);
    assert!(c.lstm_path.iter().all(|&v| v == 1.0), "∏ f = 1 exactly");
    assert!(c.lstm_cell.iter().all(|&v| v >= 1.0 - 1e-12));
    for k in 5..c.lstm.len() {
        assert!((0.01..0.04).contains(&c.lstm[k]), "k = {k}: {}", c.lstm[k]);
    }
}

/// "Even f = σ(3) ≈ 0.95 leaves about 0.38 of the error after 20 steps."
#[test]
fn twenty_forget_factors_of_sigma_3_leave_about_0_38() {
    let f: f64 = 1.0 / (1.0 + (-3.0f64).exp());
    assert_eq!(format!("{:.2}", f.powi(20)), "0.38");
}

/// The output lesson: "the further the network reads, the closer its guesses come to the real
/// next values". Held on the lesson's own sequence: the mean error of y_t against x_{t+1} over
/// the second half of the steps is below that over the first half.
#[test]
fn on_the_output_lessons_sequence_later_guesses_are_closer_than_earlier_ones() {
    use lstm_explorer::model::pretrained::next_value_network;
    use lstm_explorer::model::train::next_value::predict_each;
    let lesson = find("output").expect("the lesson exists");
    let Preset::NextValue(p) = &lesson.scene.preset else { panic!("a next-value scene") };
    let xs = p.inputs.to_vec();
    let ys = predict_each(&next_value_network(), &xs);
    // y_t guesses x_{t+1}: pairs (y_1, x_2) … (y_{T−1}, x_T).
    let errors: Vec<f64> = (0..xs.len() - 1).map(|t| (ys[t] - xs[t + 1]).abs()).collect();
    let half = errors.len() / 2;
    let mean = |e: &[f64]| e.iter().sum::<f64>() / e.len() as f64;
    let (early, late) = (mean(&errors[..half]), mean(&errors[half..]));
    assert!(late < early, "early {early}, late {late}: {errors:?}");
}

/// The BPTT lesson: "this cell's weights are small (its largest singular value is below 1)".
#[test]
fn the_bptt_lessons_recurrent_weights_have_their_largest_singular_value_below_one() {
    use lstm_explorer::model::Rng;
    use lstm_explorer::model::cell::RnnCell;
    let lesson = find("bptt").expect("the lesson exists");
    let Preset::Rnn(p) = &lesson.scene.preset else { panic!("an RNN scene") };
    let cell = RnnCell::<f64>::seeded(1, p.hidden, p.activation, &mut Rng::new(p.seed));
    let sigma = cell.weight_hh.clone().svd(false, false).singular_values.max();
    assert!(sigma < 1.0, "σ_max(W_h) = {sigma}");
}

/// The vanishing-gradient lesson: driven by a waveform instead of zeros, "the curve then falls
/// below ρ^k; the bound still holds" (here the bound is ρ^k itself: γ = 1, σ_max = ρ).
#[test]
fn driven_by_a_waveform_the_rnn_curve_falls_below_rho_to_the_k() {
    let lesson = find("gradient-flow").expect("the lesson exists");
    let Preset::Decay(p) = lesson.scene.preset else { panic!("a decay plot") };
    let setup = DecaySetup {
        rho: p.rho,
        steps: p.steps,
        hidden: p.hidden,
        seed: p.seed,
        driven: true,
        ..Default::default()
    };
    let c = decay_curves(&setup).unwrap();
    let mut below = 0;
    for k in 1..c.rnn.len() {
        let bound = p.rho.powi(k as i32);
        assert!(c.rnn[k] <= bound * (1.0 + 1e-12), "k = {k}: {} above ρ^k = {bound}", c.rnn[k]);
        below += usize::from(c.rnn[k] < bound * 0.999);
    }
    assert!(below * 10 >= 9 * (c.rnn.len() - 1), "below ρ^k at {below} of {} lags", c.rnn.len() - 1);
}
