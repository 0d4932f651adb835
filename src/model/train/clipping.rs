//! Exploding gradients and norm clipping, measured. The RNN of the decay experiment (W_hh = ρ·Q,
//! Q orthogonal, at rest: zero input, zero bias, so h stays 0 and the backward pass is exactly
//! linear) reads T steps and is scored by a squared error against a fixed target at step T. The
//! error sent back k steps is then (ρQᵀ)^k (h_T − y), so the bias gradient sums ρ^k over the
//! sequence: for ρ > 1 it grows like ρ^T. For every T the full parameter gradient is computed by BPTT; one gradient-descent step
//! is then taken twice from the same weights — with the raw gradient and with the gradient
//! clipped to norm θ (Pascanu et al. 2013) — and the loss is measured again after each. Past
//! ρ = 1 the raw gradient's norm grows with T and a raw step throws the weights far away; the
//! clipped step keeps its direction and moves at most η·θ. What the loss does after that short
//! step is measured too, not assumed: where the loss surface is a cliff, even a short step can
//! overshoot.

use nalgebra::DVector;

use crate::model::cell::{Parameters, RnnCell, ShapeError};
use crate::model::decay::{DecaySetup, decay_inputs, decay_rnn};
use crate::model::numbers::Numbers;
use crate::model::train::optim::{Optimizer, OptimizerKind, clip_global_norm, global_norm};

/// The longest sequence measured.
pub const MAX_STEPS: usize = 200;

/// What the learner sets.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClipSetup {
    /// ρ of the RNN's W_hh.
    pub rho: f64,
    /// The clipping threshold θ.
    pub threshold: f64,
    /// The learning rate η.
    pub lr: f64,
    /// The longest T measured.
    pub steps: usize,
    /// Hidden units.
    pub hidden: usize,
    /// The weights' seed.
    pub seed: u64,
}

impl Default for ClipSetup {
    fn default() -> Self {
        Self { rho: 1.4, threshold: 1.0, lr: 0.1, steps: 80, hidden: 6, seed: 5 }
    }
}

impl ClipSetup {
    /// How many numbers [`ClipSetup::to_numbers`] writes.
    pub const NUMBERS: usize = 6;

    /// ρ, θ, η, T, H, seed: the numbers [`ClipSetup::from_numbers`] range-checks.
    pub fn to_numbers(&self) -> [f64; Self::NUMBERS] {
        [self.rho, self.threshold, self.lr, self.steps as f64, self.hidden as f64, self.seed as f64]
    }

    /// Reads what [`ClipSetup::to_numbers`] wrote; a missing or out-of-range number (ρ in
    /// [0, 4], θ in (0, 1000], η in (0, 10], 1 ≤ T ≤ [`MAX_STEPS`], 1 ≤ H ≤ 16, seed below 2⁵³)
    /// is an error naming it.
    pub fn from_numbers(v: &[f64]) -> Result<Self, String> {
        const NAMES: [&str; ClipSetup::NUMBERS] = ["rho", "threshold", "lr", "steps", "hidden", "seed"];
        let n = Numbers::new(v, &NAMES)?;
        Ok(Self {
            rho: n.real(0, 0.0, 4.0)?,
            threshold: n.positive(1, 1000.0)?,
            lr: n.positive(2, 10.0)?,
            steps: n.whole(3, 1, MAX_STEPS)?,
            hidden: n.whole(4, 1, 16)?,
            seed: n.seed(5)?,
        })
    }
}

/// Every measured series, indexed by T − 1 (T = 1 … steps).
#[derive(Clone, Debug, PartialEq)]
pub struct ClipCurves {
    /// ‖∂L_T/∂θ‖ over every parameter.
    pub grad_norm: Vec<f64>,
    /// The norm of the gradient the clipped step actually applied, measured after clipping
    /// (≈ min(‖g‖, θ)).
    pub clipped_norm: Vec<f64>,
    /// L_T before the step.
    pub loss: Vec<f64>,
    /// The factor the clipped step multiplied the gradient by: applied norm ÷ ‖g‖ (1 when ‖g‖ ≤ θ).
    pub scale: Vec<f64>,
    /// ‖Δθ‖ of the raw step: the distance the weights moved, measured on them.
    pub step_raw: Vec<f64>,
    /// ‖Δθ‖ of the clipped step.
    pub step_clipped: Vec<f64>,
    /// L_T after one raw step.
    pub loss_raw: Vec<f64>,
    /// L_T after one clipped step.
    pub loss_clipped: Vec<f64>,
}

/// The target at step T: alternating ±0.5 over the units.
fn target(n: usize) -> DVector<f64> {
    DVector::from_fn(n, |j, _| if j % 2 == 0 { 0.5 } else { -0.5 })
}

/// L_T = ½‖h_T − y‖² for `cell` on `xs`.
fn loss(cell: &RnnCell<f64>, xs: &[DVector<f64>]) -> Result<f64, ShapeError> {
    let trace = cell.forward(xs, None)?;
    let h = trace.steps.last().map_or_else(|| DVector::zeros(cell.hidden_size()), |s| s.h.clone());
    Ok(0.5 * (h - target(cell.hidden_size())).norm_squared())
}

/// One gradient-descent step from `cell`, through the training code's own clipping and update
/// (SGD without momentum, learning rate η): the gradient `grads`, clipped to norm θ first when
/// `threshold` is given. Returns the moved cell and the norm of the gradient actually applied.
fn descend(
    cell: &RnnCell<f64>,
    grads: &RnnCell<f64>,
    lr: f64,
    threshold: Option<f64>,
) -> (RnnCell<f64>, f64) {
    let mut applied = grads.clone();
    if let Some(threshold) = threshold {
        clip_global_norm(&mut applied, threshold);
    }
    let mut moved = cell.clone();
    Optimizer::new(OptimizerKind::Sgd { lr, momentum: 0.0 }).step(&mut moved, &applied, 1.0);
    (moved, global_norm(&applied))
}

/// ∂L_T/∂θ for `cell` on `xs` (T = `xs.len()` ≥ 1) by BPTT, and L_T.
fn gradient(cell: &RnnCell<f64>, xs: &[DVector<f64>]) -> Result<(RnnCell<f64>, f64), ShapeError> {
    let t = xs.len();
    let y = target(cell.hidden_size());
    let trace = cell.forward(xs, None)?;
    let error = &trace.steps[t - 1].h - &y;
    let loss = 0.5 * error.norm_squared();
    let mut dh_out = vec![DVector::zeros(cell.hidden_size()); t];
    dh_out[t - 1] = error;
    Ok((cell.backward(&trace, &dh_out)?.grads, loss))
}

/// ‖b − a‖ over every parameter: how far a step moved the weights.
fn distance(a: &RnnCell<f64>, b: &RnnCell<f64>) -> f64 {
    let pairs = a.params().into_iter().zip(b.params());
    pairs
        .flat_map(|(p, q)| p.values.iter().zip(q.values).map(|(x, y)| (y - x) * (y - x)).collect::<Vec<_>>())
        .sum::<f64>()
        .sqrt()
}

/// Measures every T = 1 … steps.
pub fn clip_curves(setup: &ClipSetup) -> Result<ClipCurves, ShapeError> {
    let decay = DecaySetup {
        rho: setup.rho,
        steps: setup.steps.clamp(1, MAX_STEPS),
        driven: false,
        hidden: setup.hidden.max(1),
        seed: setup.seed,
        ..DecaySetup::default()
    };
    let cell = decay_rnn(&decay);
    let xs = decay_inputs(&decay);
    let mut out = ClipCurves {
        grad_norm: Vec::new(),
        clipped_norm: Vec::new(),
        loss: Vec::new(),
        scale: Vec::new(),
        step_raw: Vec::new(),
        step_clipped: Vec::new(),
        loss_raw: Vec::new(),
        loss_clipped: Vec::new(),
    };
    for t in 1..=xs.len() {
        let xs = &xs[..t];
        let (grads, loss_before) = gradient(&cell, xs)?;
        let (raw, raw_norm) = descend(&cell, &grads, setup.lr, None);
        let (clipped, clipped_norm) = descend(&cell, &grads, setup.lr, Some(setup.threshold));
        out.grad_norm.push(raw_norm);
        out.clipped_norm.push(clipped_norm);
        out.loss.push(loss_before);
        out.scale.push(if raw_norm > 0.0 { clipped_norm / raw_norm } else { 1.0 });
        out.step_raw.push(distance(&cell, &raw));
        out.step_clipped.push(distance(&cell, &clipped));
        out.loss_raw.push(loss(&raw, xs)?);
        out.loss_clipped.push(loss(&clipped, xs)?);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cell::Parameters;

    /// The weights moved by η·‖g‖ on a raw step and by η·min(‖g‖, θ) on a clipped one, measured on
    /// the weights, with θ inside the range of ‖g‖ so both cases occur.
    #[test]
    fn each_step_moves_the_weights_by_lr_times_the_norm_applied() {
        let setup = ClipSetup { rho: 1.4, threshold: 5.0, lr: 0.1, steps: 40, ..Default::default() };
        let c = clip_curves(&setup).unwrap();
        assert!(c.grad_norm.iter().any(|&g| g < 5.0) && c.grad_norm.iter().any(|&g| g > 5.0));
        for t in 0..c.grad_norm.len() {
            let g = c.grad_norm[t];
            assert!((c.step_raw[t] - 0.1 * g).abs() <= 1e-9 * c.step_raw[t], "T = {}", t + 1);
            assert!(
                (c.step_clipped[t] - 0.1 * g.min(5.0)).abs() <= 1e-9 * c.step_clipped[t],
                "T = {}",
                t + 1
            );
        }
    }

    /// The flat list of every parameter value.
    fn flat(cell: &RnnCell<f64>) -> Vec<f64> {
        cell.params().iter().flat_map(|p| p.values.to_vec()).collect()
    }

    /// The step a clipped update takes, weights after minus weights before, is −η·clip(g) with
    /// clip(g) = g·min(1, θ/‖g‖) computed here from the raw gradient — on both sides of θ — and
    /// the recorded clipped norm is the norm of that step divided by η.
    #[test]
    fn the_clipped_step_is_minus_lr_times_the_clipped_gradient_and_its_norm_is_recorded() {
        // At ρ = 1.4, ‖g‖ grows from 1.7 at T = 1: θ = 5 has T = 1, 2 below it and the rest above.
        let setup = ClipSetup { rho: 1.4, threshold: 5.0, lr: 0.1, steps: 40, ..Default::default() };
        let c = clip_curves(&setup).unwrap();
        let decay = DecaySetup {
            rho: setup.rho,
            steps: setup.steps,
            driven: false,
            hidden: setup.hidden,
            seed: setup.seed,
            ..DecaySetup::default()
        };
        let (cell, xs) = (decay_rnn(&decay), decay_inputs(&decay));
        let (mut below, mut above) = (0, 0);
        for t in 1..=setup.steps {
            let (grads, _) = gradient(&cell, &xs[..t]).unwrap();
            let g = flat(&grads);
            let norm = g.iter().map(|v| v * v).sum::<f64>().sqrt();
            let factor = (setup.threshold / norm).min(1.0);
            if norm < setup.threshold {
                below += 1
            } else {
                above += 1
            }
            let (moved, _) = descend(&cell, &grads, setup.lr, Some(setup.threshold));
            let step: Vec<f64> = flat(&moved).iter().zip(flat(&cell)).map(|(a, b)| a - b).collect();
            for (s, g) in step.iter().zip(&g) {
                let expected = -setup.lr * g * factor;
                assert!(
                    (s - expected).abs() <= 1e-12 * expected.abs().max(1e-3),
                    "T = {t}: {s} vs {expected}"
                );
            }
            let step_norm = step.iter().map(|v| v * v).sum::<f64>().sqrt() / setup.lr;
            assert!((c.grad_norm[t - 1] - norm).abs() <= 1e-12 * norm, "T = {t}: raw norm");
            assert!(
                (c.clipped_norm[t - 1] - step_norm).abs() <= 1e-9 * step_norm,
                "T = {t}: recorded {} vs applied {step_norm}",
                c.clipped_norm[t - 1]
            );
        }
        assert!(below > 0 && above > 0, "both sides of θ are checked: {below} below, {above} above");
    }

    #[test]
    fn past_rho_1_the_gradient_grows_like_rho_to_the_t_and_a_raw_step_ruins_the_loss() {
        let c = clip_curves(&ClipSetup { rho: 1.6, steps: 120, ..Default::default() }).unwrap();
        // At rest the growth is exactly geometric: ‖g_T‖ / ‖g_{T−1}‖ → ρ.
        let ratio = c.grad_norm[119] / c.grad_norm[118];
        assert!((ratio - 1.6).abs() < 1e-6, "{ratio}");
        assert!(c.grad_norm[100] > 1e15 * c.grad_norm[2], "{} vs {}", c.grad_norm[100], c.grad_norm[2]);
        // Where the gradient is huge, the raw step throws the loss up.
        for t in [60, 90, 119] {
            assert!(
                c.loss_raw[t] > 2.0 * c.loss[t],
                "raw step at T = {}: {} → {}",
                t + 1,
                c.loss[t],
                c.loss_raw[t]
            );
        }
    }

    #[test]
    fn where_the_gradient_is_below_the_threshold_clipping_changes_nothing() {
        // At ρ = 1.4, ‖g‖ grows from 1.7 at T = 1: θ = 5 has the shortest sequences below it.
        let c =
            clip_curves(&ClipSetup { rho: 1.4, threshold: 5.0, steps: 40, ..Default::default() }).unwrap();
        let small: Vec<usize> = (0..c.grad_norm.len()).filter(|&t| c.grad_norm[t] < 5.0).collect();
        assert!(!small.is_empty(), "no T has a gradient below θ: {:?}", c.grad_norm);
        for t in small {
            assert_eq!(c.clipped_norm[t], c.grad_norm[t], "T = {}", t + 1);
            assert_eq!(c.loss_raw[t], c.loss_clipped[t], "T = {}", t + 1);
        }
    }

    #[test]
    fn below_rho_1_the_gradient_stays_bounded() {
        // Σ ρ^k ≤ 1 / (1 − ρ) = 5: the bias gradient is bounded whatever T.
        let c = clip_curves(&ClipSetup { rho: 0.8, steps: 120, ..Default::default() }).unwrap();
        let max = c.grad_norm.iter().copied().fold(0.0, f64::max);
        assert!(max < 10.0, "{max}");
        assert!((c.grad_norm[119] - c.grad_norm[118]).abs() < 1e-9 * c.grad_norm[119]);
    }

    #[test]
    fn a_setup_survives_its_number_form_and_bad_numbers_are_named() {
        let s = ClipSetup { rho: 1.2, threshold: 5.0, lr: 0.3, steps: 150, hidden: 4, seed: 9 };
        assert_eq!(ClipSetup::from_numbers(&s.to_numbers()), Ok(s));
        for (i, bad, name) in
            [(1, 0.0, "threshold"), (2, -1.0, "lr"), (3, 500.0, "steps"), (0, f64::NAN, "rho")]
        {
            let mut v = s.to_numbers();
            v[i] = bad;
            assert!(ClipSetup::from_numbers(&v).unwrap_err().contains(name), "{name}");
        }
    }
}
