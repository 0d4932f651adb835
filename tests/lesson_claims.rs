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
