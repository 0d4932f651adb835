//! The readout layer on top of a recurrent cell: y_t = φ(W h_t + b), with φ the identity (for
//! regression), the logistic sigmoid (outputs in (0, 1), as in the 1997 experiments) or a
//! softmax (a distribution over symbols).

use nalgebra::{DMatrix, DVector};

use crate::model::activation::sigmoid;
use crate::model::cell::{Param, ParamMut, Parameters};
use crate::model::{Real, Rng};

/// The squashing applied to the readout.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OutputKind {
    /// y = z.
    Linear,
    /// y = σ(z), each output on its own.
    Sigmoid,
    /// y = softmax(z).
    Softmax,
}

/// A linear readout with an output squash.
#[derive(Clone, Debug, PartialEq)]
pub struct Readout<T: Real> {
    /// W, O × H.
    pub weight: DMatrix<T>,
    /// b, O.
    pub bias: DVector<T>,
    /// φ.
    pub kind: OutputKind,
}

impl<T: Real> Parameters<T> for Readout<T> {
    fn params(&self) -> Vec<Param<'_, T>> {
        vec![
            Param {
                name: "readout.weight",
                rows: self.weight.nrows(),
                cols: self.weight.ncols(),
                values: self.weight.as_slice(),
            },
            Param { name: "readout.bias", rows: self.bias.nrows(), cols: 1, values: self.bias.as_slice() },
        ]
    }
    fn params_mut(&mut self) -> Vec<ParamMut<'_, T>> {
        let (rows, cols) = self.weight.shape();
        let bias_rows = self.bias.nrows();
        vec![
            ParamMut { name: "readout.weight", rows, cols, values: self.weight.as_mut_slice() },
            ParamMut { name: "readout.bias", rows: bias_rows, cols: 1, values: self.bias.as_mut_slice() },
        ]
    }
}

impl<T: Real> Readout<T> {
    /// A readout with weights from U(−1/√H, 1/√H) (PyTorch's `nn.Linear`).
    pub fn seeded(hidden: usize, outputs: usize, kind: OutputKind, rng: &mut Rng) -> Self {
        let k = 1.0 / (hidden.max(1) as f64).sqrt();
        Self {
            weight: crate::model::cell::uniform_matrix(outputs, hidden, k, rng),
            bias: crate::model::cell::uniform_vector(outputs, k, rng),
            kind,
        }
    }

    /// The pre-squash z = W h + b.
    pub fn logits(&self, h: &DVector<T>) -> DVector<T> {
        let mut z = self.bias.clone();
        z.gemv(T::one(), &self.weight, h, T::one());
        z
    }

    /// y = φ(W h + b).
    pub fn apply(&self, h: &DVector<T>) -> DVector<T> {
        let z = self.logits(h);
        match self.kind {
            OutputKind::Linear => z,
            OutputKind::Sigmoid => z.map(sigmoid),
            OutputKind::Softmax => softmax(&z),
        }
    }

    /// Given dL/dz (the loss's error at the logits), adds the readout's gradients to `grads`
    /// and returns dL/dh.
    pub fn backward(&self, h: &DVector<T>, dz: &DVector<T>, grads: &mut Readout<T>) -> DVector<T> {
        grads.weight.ger(T::one(), dz, h, T::one());
        grads.bias += dz;
        self.weight.tr_mul(dz)
    }
}

/// softmax(z), computed stably.
pub fn softmax<T: Real>(z: &DVector<T>) -> DVector<T> {
    let max = z.max();
    let e = z.map(|v| (v - max).exp());
    let sum = e.sum();
    e / sum
}
