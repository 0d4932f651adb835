//! Optimisers and gradient-norm clipping, over any parameter set.

use crate::model::Real;
use crate::model::cell::Parameters;

/// Which optimiser, with its settings.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OptimizerKind {
    /// Stochastic gradient descent with (heavy-ball) momentum: v ← μv + g, θ ← θ − ηv.
    Sgd {
        /// η.
        lr: f64,
        /// μ (0 for plain SGD, as in the 1997 paper).
        momentum: f64,
    },
    /// Adam (Kingma & Ba 2015) with bias correction.
    Adam {
        /// η.
        lr: f64,
        /// β₁.
        beta1: f64,
        /// β₂.
        beta2: f64,
        /// ε.
        eps: f64,
    },
}

impl OptimizerKind {
    /// Adam with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
    pub fn adam(lr: f64) -> Self {
        OptimizerKind::Adam { lr, beta1: 0.9, beta2: 0.999, eps: 1e-8 }
    }

    /// The base learning rate.
    pub fn lr(&self) -> f64 {
        match *self {
            OptimizerKind::Sgd { lr, .. } | OptimizerKind::Adam { lr, .. } => lr,
        }
    }
}

/// An optimiser's state: its moment estimates, one flat vector per parameter tensor.
#[derive(Clone, Debug)]
pub struct Optimizer {
    /// The settings.
    pub kind: OptimizerKind,
    first: Vec<Vec<f64>>,
    second: Vec<Vec<f64>>,
    steps: u64,
}

impl Optimizer {
    /// A fresh optimiser with zero state.
    pub fn new(kind: OptimizerKind) -> Self {
        Self { kind, first: Vec::new(), second: Vec::new(), steps: 0 }
    }

    /// Applies one update θ ← θ − Δ(g) with the learning rate scaled by `lr_scale` (for a
    /// schedule). `grads` must have the same shapes as `params`.
    pub fn step<T: Real, P: Parameters<T>>(&mut self, params: &mut P, grads: &P, lr_scale: f64) {
        let grads = grads.params();
        let mut params = params.params_mut();
        if self.first.len() != params.len() {
            self.first = params.iter().map(|p| vec![0.0; p.values.len()]).collect();
            self.second = self.first.clone();
        }
        self.steps += 1;
        for (k, (p, g)) in params.iter_mut().zip(&grads).enumerate() {
            let (m, v) = (&mut self.first[k], &mut self.second[k]);
            match self.kind {
                OptimizerKind::Sgd { lr, momentum } => {
                    for ((w, g), m) in p.values.iter_mut().zip(g.values).zip(m.iter_mut()) {
                        *m = momentum * *m + g.to_f64();
                        *w -= T::of(lr * lr_scale * *m);
                    }
                }
                OptimizerKind::Adam { lr, beta1, beta2, eps } => {
                    let c1 = 1.0 - beta1.powf(self.steps as f64);
                    let c2 = 1.0 - beta2.powf(self.steps as f64);
                    for (((w, g), m), v) in
                        p.values.iter_mut().zip(g.values).zip(m.iter_mut()).zip(v.iter_mut())
                    {
                        let g = g.to_f64();
                        *m = beta1 * *m + (1.0 - beta1) * g;
                        *v = beta2 * *v + (1.0 - beta2) * g * g;
                        *w -= T::of(lr * lr_scale * (*m / c1) / ((*v / c2).sqrt() + eps));
                    }
                }
            }
        }
    }
}

/// The Euclidean norm of all gradients together.
pub fn global_norm<T: Real, P: Parameters<T>>(grads: &P) -> f64 {
    grads.params().iter().flat_map(|p| p.values.iter()).map(|g| g.to_f64() * g.to_f64()).sum::<f64>().sqrt()
}

/// Gradient-norm clipping (Pascanu et al. 2013): if ‖g‖ > θ, g ← θ·g/‖g‖. Returns ‖g‖ before
/// clipping.
pub fn clip_global_norm<T: Real, P: Parameters<T>>(grads: &mut P, threshold: f64) -> f64 {
    let norm = global_norm(grads);
    if norm > threshold && norm.is_finite() {
        let scale = T::of(threshold / norm);
        grads.params_mut().into_iter().for_each(|p| p.values.iter_mut().for_each(|g| *g *= scale));
    }
    norm
}

/// Multiplies every gradient by `factor` (to average a mini-batch).
pub fn scale<T: Real, P: Parameters<T>>(grads: &mut P, factor: f64) {
    let f = T::of(factor);
    grads.params_mut().into_iter().for_each(|p| p.values.iter_mut().for_each(|g| *g *= f));
}

/// Adds `other` into `acc` (same shapes).
pub fn accumulate<T: Real, P: Parameters<T>>(acc: &mut P, other: &P) {
    for (a, o) in acc.params_mut().into_iter().zip(other.params()) {
        a.values.iter_mut().zip(o.values).for_each(|(a, o)| *a += *o);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::readout::{OutputKind, Readout};
    use crate::model::{Rng, cell::Parameters};

    #[test]
    fn clipping_bounds_the_update_norm_and_keeps_its_direction() {
        let mut g = Readout::<f64>::seeded(4, 3, OutputKind::Linear, &mut Rng::new(1));
        scale(&mut g, 100.0);
        let before: Vec<f64> = g.params().iter().flat_map(|p| p.values.to_vec()).collect();
        let norm = clip_global_norm(&mut g, 1.0);
        assert!(norm > 1.0);
        assert!((global_norm(&g) - 1.0).abs() < 1e-12);
        let after: Vec<f64> = g.params().iter().flat_map(|p| p.values.to_vec()).collect();
        for (a, b) in after.iter().zip(&before) {
            assert!((a * norm - b).abs() < 1e-9);
        }
        // Under the threshold, nothing changes.
        let unchanged = g.clone();
        clip_global_norm(&mut g, 5.0);
        assert_eq!(g, unchanged);
    }

    #[test]
    fn sgd_moves_against_the_gradient_by_lr_times_gradient() {
        let mut p = Readout::<f64>::seeded(2, 1, OutputKind::Linear, &mut Rng::new(2));
        let start = p.clone();
        let g = Readout::<f64>::seeded(2, 1, OutputKind::Linear, &mut Rng::new(3));
        Optimizer::new(OptimizerKind::Sgd { lr: 0.1, momentum: 0.0 }).step(&mut p, &g, 1.0);
        assert!((p.weight[(0, 1)] - (start.weight[(0, 1)] - 0.1 * g.weight[(0, 1)])).abs() < 1e-15);
    }

    #[test]
    fn adams_first_step_has_size_lr_per_coordinate() {
        let mut p = Readout::<f64>::seeded(3, 2, OutputKind::Linear, &mut Rng::new(4));
        let start = p.clone();
        let g = Readout::<f64>::seeded(3, 2, OutputKind::Linear, &mut Rng::new(5));
        Optimizer::new(OptimizerKind::adam(0.01)).step(&mut p, &g, 1.0);
        for ((a, b), gv) in p.weight.iter().zip(start.weight.iter()).zip(g.weight.iter()) {
            assert!(((b - a) - 0.01 * gv.signum()).abs() < 1e-6);
        }
    }
}
