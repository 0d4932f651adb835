//! The gradient-decay experiment the lessons plot: how much of an error at the last step reaches
//! each earlier step, in a vanilla RNN and in an LSTM reading the same input.
//!
//! The RNN's recurrent matrix is W_hh = ρ·Q with Q orthogonal, so its spectral radius and its
//! largest singular value are both exactly ρ: at rest (zero input, zero bias, tanh) the norm
//! ‖∂h_T/∂h_{T−k}‖ is exactly ρ^k and Pascanu et al.'s bound (γ·σ_max)^k is tight; driven by an
//! input, the squashing's slope only shrinks it further.

use nalgebra::{DMatrix, DVector};

use crate::model::cell::{GateClamps, LstmCell, RnnCell, ShapeError};
use crate::model::flow::analyse;
use crate::model::numbers::Numbers;
use crate::model::{Activation, Rng};

/// The longest sequence the experiment runs.
pub const MAX_STEPS: usize = 200;

/// What the learner sets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DecaySetup {
    /// ρ: spectral radius (and largest singular value) of the RNN's W_hh.
    pub rho: f64,
    /// The RNN's squashing function.
    pub activation: Activation,
    /// Sequence length T (1 … [`MAX_STEPS`]).
    pub steps: usize,
    /// The LSTM's forget-gate bias (b_f; PyTorch's own init is near 0).
    pub forget_bias: f64,
    /// Clamp the LSTM's forget gate to 1 (gate surgery).
    pub forget_open: bool,
    /// Drive both cells with a waveform instead of leaving them at rest (x = 0).
    pub driven: bool,
    /// Hidden size of both cells.
    pub hidden: usize,
    /// The seed both cells are drawn from.
    pub seed: u64,
}

impl Default for DecaySetup {
    fn default() -> Self {
        Self {
            rho: 0.9,
            activation: Activation::Tanh,
            steps: 60,
            forget_bias: 3.0,
            forget_open: false,
            driven: false,
            hidden: 6,
            seed: 5,
        }
    }
}

impl DecaySetup {
    /// How many numbers [`DecaySetup::to_numbers`] writes.
    pub const NUMBERS: usize = 8;

    /// The setup as plain numbers in a fixed order — ρ, activation (its index in
    /// [`Activation::ALL`]), T, b_f, forget clamped (0/1), driven (0/1), H, seed — which
    /// [`DecaySetup::from_numbers`] reads back with its range checks (the lab checks every setup
    /// it receives this way).
    pub fn to_numbers(&self) -> [f64; Self::NUMBERS] {
        let activation = Activation::ALL.iter().position(|a| *a == self.activation).unwrap_or(0);
        [
            self.rho,
            activation as f64,
            self.steps as f64,
            self.forget_bias,
            f64::from(u8::from(self.forget_open)),
            f64::from(u8::from(self.driven)),
            self.hidden as f64,
            self.seed as f64,
        ]
    }

    /// Reads what [`DecaySetup::to_numbers`] wrote. A missing number, or one outside what the
    /// experiment runs (ρ in [0, 4], 1 ≤ T ≤ [`MAX_STEPS`], |b_f| ≤ 10, 1 ≤ H ≤ 16, a seed below
    /// 2⁵³, flags 0 or 1) is an error naming the setting.
    pub fn from_numbers(v: &[f64]) -> Result<Self, String> {
        const NAMES: [&str; DecaySetup::NUMBERS] =
            ["rho", "activation", "steps", "forget_bias", "forget_open", "driven", "hidden", "seed"];
        let n = Numbers::new(v, &NAMES)?;
        Ok(Self {
            rho: n.real(0, 0.0, 4.0)?,
            activation: Activation::ALL[n.whole(1, 0, Activation::ALL.len() - 1)?],
            steps: n.whole(2, 1, MAX_STEPS)?,
            forget_bias: n.real(3, -10.0, 10.0)?,
            forget_open: n.flag(4)?,
            driven: n.flag(5)?,
            hidden: n.whole(6, 1, 16)?,
            seed: n.seed(7)?,
        })
    }
}

/// The plotted series, each indexed by lag k = 0 … T.
#[derive(Clone, Debug, PartialEq)]
pub struct DecayCurves {
    /// RNN: ‖∂h_T/∂h_{T−k}‖₂.
    pub rnn: Vec<f64>,
    /// RNN: the bound (γ·σ_max(W_hh))^k.
    pub rnn_bound: Vec<f64>,
    /// RNN: ‖dL/dh_{T−k}‖ for L = Σ_j h_T[j].
    pub rnn_loss: Vec<f64>,
    /// LSTM: ‖∂h_T/∂h_{T−k}‖₂, through the hidden path and the belt alike.
    pub lstm: Vec<f64>,
    /// LSTM: ‖∂c_T/∂c_{T−k}‖₂, the conveyor belt, through every path (also through h and the
    /// gates).
    pub lstm_cell: Vec<f64>,
    /// LSTM: ‖diag(f_T ⊙ … ⊙ f_{T−k+1})‖₂, the belt's direct path alone.
    pub lstm_path: Vec<f64>,
    /// LSTM: ‖dL/dh_{T−k}‖ for the same loss.
    pub lstm_loss: Vec<f64>,
}

/// The input both cells read: zeros, or 0.8·sin(0.9t) + 0.3·sin(2.3t + 0.5) (the lessons'
/// speech-like waveform, continued).
pub fn decay_inputs(setup: &DecaySetup) -> Vec<DVector<f64>> {
    (0..setup.steps.clamp(1, MAX_STEPS))
        .map(|t| {
            let t = t as f64;
            let x = if setup.driven { 0.8 * (0.9 * t).sin() + 0.3 * (2.3 * t + 0.5).sin() } else { 0.0 };
            DVector::from_element(1, x)
        })
        .collect()
}

/// The RNN of the experiment: W_h = ρ·Q (Q orthogonal, from the seed), input weights from the
/// seed, no bias.
pub fn decay_rnn(setup: &DecaySetup) -> RnnCell<f64> {
    let n = setup.hidden.max(1);
    let mut rng = Rng::new(setup.seed);
    let mut cell = RnnCell::seeded(1, n, setup.activation, &mut rng);
    let a = DMatrix::from_fn(n, n, |_, _| rng.uniform(-1.0, 1.0));
    let rho = if setup.rho.is_finite() { setup.rho.clamp(0.0, 4.0) } else { 1.0 };
    cell.weight_hh = a.qr().q() * rho;
    cell.bias_ih.fill(0.0);
    cell.bias_hh.fill(0.0);
    cell
}

/// The LSTM of the experiment: PyTorch's initialisation from the seed, the forget-gate bias set,
/// and optionally the forget gate clamped open.
pub fn decay_lstm(setup: &DecaySetup) -> LstmCell<f64> {
    let n = setup.hidden.max(1);
    let mut c = LstmCell::seeded(1, n, false, &mut Rng::new(setup.seed));
    let b = if setup.forget_bias.is_finite() { setup.forget_bias.clamp(-10.0, 10.0) } else { 0.0 };
    c.bias_ih.rows_mut(n, n).fill(b);
    c.bias_hh.rows_mut(n, n).fill(0.0);
    if setup.forget_open {
        c.clamps = GateClamps { forget: Some(1.0), ..Default::default() };
    }
    c
}

/// Runs both cells and measures every lag.
pub fn decay_curves(setup: &DecaySetup) -> Result<DecayCurves, ShapeError> {
    let xs = decay_inputs(setup);
    let n = setup.hidden.max(1);
    let ones = DVector::from_element(n, 1.0);
    let rnn = analyse(&decay_rnn(setup), &xs, &ones)?;
    let lstm = analyse(&decay_lstm(setup), &xs, &ones)?;
    Ok(DecayCurves {
        rnn_bound: rnn.bound.clone().unwrap_or_default(),
        rnn: rnn.hidden,
        rnn_loss: rnn.loss_grad,
        lstm: lstm.hidden,
        lstm_cell: lstm.cell.unwrap_or_default(),
        lstm_path: lstm.cell_path.unwrap_or_default(),
        lstm_loss: lstm.loss_grad,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn at_rest_the_rnn_curve_is_exactly_rho_to_the_lag_and_meets_its_bound() {
        for rho in [0.7, 1.0, 1.2] {
            let setup = DecaySetup { rho, steps: 50, ..Default::default() };
            let curves = decay_curves(&setup).unwrap();
            assert_eq!(curves.rnn.len(), 51);
            assert_eq!(curves.rnn_bound.len(), 51);
            for (k, (&v, &b)) in curves.rnn.iter().zip(&curves.rnn_bound).enumerate() {
                assert_relative_eq!(v, rho.powi(k as i32), max_relative = 1e-9);
                assert_relative_eq!(b, rho.powi(k as i32), max_relative = 1e-9);
            }
        }
    }

    #[test]
    fn an_open_forget_gate_keeps_the_belt_at_one_for_every_lag() {
        let setup = DecaySetup { forget_open: true, driven: true, steps: 80, ..Default::default() };
        let curves = decay_curves(&setup).unwrap();
        // With f = 1 the belt's Jacobian is the identity plus what flows through the gates;
        // its norm never falls below 1.
        assert!(curves.lstm_cell.iter().all(|&v| v >= 1.0 - 1e-12), "{:?}", &curves.lstm_cell[..5]);
    }

    #[test]
    fn extreme_settings_give_numbers_not_panics() {
        for rho in [0.0, 4.0, f64::NAN, f64::INFINITY] {
            for activation in Activation::ALL {
                let setup = DecaySetup {
                    rho,
                    activation,
                    steps: MAX_STEPS,
                    forget_bias: f64::NAN,
                    ..Default::default()
                };
                let curves = decay_curves(&setup).unwrap();
                assert_eq!(curves.rnn.len(), MAX_STEPS + 1);
                assert!(curves.rnn.iter().all(|v| !v.is_nan()));
            }
        }
    }

    #[test]
    fn a_setup_survives_its_number_form_and_bad_numbers_are_named() {
        let setup = DecaySetup {
            rho: 1.13,
            activation: Activation::Relu,
            steps: 173,
            forget_bias: -2.5,
            forget_open: true,
            driven: true,
            hidden: 3,
            seed: 1 << 40,
        };
        assert_eq!(DecaySetup::from_numbers(&setup.to_numbers()), Ok(setup));
        let good = DecaySetup::default().to_numbers();
        for (i, bad, named) in [
            (0, f64::NAN, "rho"),
            (0, 5.0, "rho"),
            (1, 3.0, "activation"),
            (1, 0.5, "activation"),
            (2, 0.0, "steps"),
            (2, 201.0, "steps"),
            (3, f64::INFINITY, "forget_bias"),
            (5, 2.0, "driven"),
            (6, 1e9, "hidden"),
            (7, -1.0, "seed"),
        ] {
            let mut v = good;
            v[i] = bad;
            let err = DecaySetup::from_numbers(&v).unwrap_err();
            assert!(err.contains(named), "{named}: {err}");
        }
        assert!(DecaySetup::from_numbers(&good[..7]).unwrap_err().contains("8 numbers"));
    }
}
