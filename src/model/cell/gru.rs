//! The gated recurrent unit (Cho et al. 2014) in PyTorch's convention:
//!
//! ```text
//! r = σ(W_ir x + b_ir + W_hr h_{t−1} + b_hr)
//! z = σ(W_iz x + b_iz + W_hz h_{t−1} + b_hz)
//! n = tanh(W_in x + b_in + r ⊙ (W_hn h_{t−1} + b_hn))
//! h = (1 − z) ⊙ n + z ⊙ h_{t−1}
//! ```
//!
//! Weights stack the gates r, z, n: `weight_ih_l0` is 3H × I, `weight_hh_l0` 3H × H.

use nalgebra::{DMatrix, DVector};

use super::run_hidden_only;
use super::{
    GateClamps, OuterSums, ShapeError, check_output_grads, gate, impl_parameters, logistic_slope,
    uniform_matrix, uniform_vector,
};
use crate::model::activation::sigmoid;
use crate::model::trace::{Backward, GruStep, Trace};
use crate::model::{Real, Rng};

/// A forward pass of a GRU.
pub type GruTrace<T> = Trace<T, GruStep<T>>;

/// A GRU cell with hidden size H and input size I.
#[derive(Clone, Debug, PartialEq)]
pub struct GruCell<T: Real> {
    /// W_ih, 3H × I, stacked r, z, n.
    pub weight_ih: DMatrix<T>,
    /// W_hh, 3H × H, stacked r, z, n.
    pub weight_hh: DMatrix<T>,
    /// b_ih, 3H.
    pub bias_ih: DVector<T>,
    /// b_hh, 3H.
    pub bias_hh: DVector<T>,
    /// Gate surgery on the reset and update gates.
    pub clamps: GateClamps,
}

impl_parameters!(GruCell {
    "weight_ih_l0" => weight_ih,
    "weight_hh_l0" => weight_hh,
    "bias_ih_l0" => bias_ih,
    "bias_hh_l0" => bias_hh,
});

impl<T: Real> GruCell<T> {
    /// A cell initialised as PyTorch does: U(−1/√H, 1/√H), drawn W_ih, W_hh, b_ih, b_hh.
    pub fn seeded(input_size: usize, hidden_size: usize, rng: &mut Rng) -> Self {
        let k = 1.0 / (hidden_size.max(1) as f64).sqrt();
        Self {
            weight_ih: uniform_matrix(3 * hidden_size, input_size, k, rng),
            weight_hh: uniform_matrix(3 * hidden_size, hidden_size, k, rng),
            bias_ih: uniform_vector(3 * hidden_size, k, rng),
            bias_hh: uniform_vector(3 * hidden_size, k, rng),
            clamps: GateClamps::default(),
        }
    }

    /// The hidden size H.
    pub fn hidden_size(&self) -> usize {
        self.weight_hh.ncols()
    }

    /// The input size I.
    pub fn input_size(&self) -> usize {
        self.weight_ih.ncols()
    }

    /// One step from h_{t−1}.
    pub fn step(&self, x: &DVector<T>, h_prev: &DVector<T>) -> GruStep<T> {
        let n = self.hidden_size();
        let mut a = self.bias_ih.clone();
        a.gemv(T::one(), &self.weight_ih, x, T::one());
        let mut b = self.bias_hh.clone();
        b.gemv(T::one(), &self.weight_hh, h_prev, T::one());
        let r = gate(self.clamps.reset, &(a.rows(0, n) + b.rows(0, n)), sigmoid);
        let z = gate(self.clamps.update, &(a.rows(n, n) + b.rows(n, n)), sigmoid);
        let hn = b.rows(2 * n, n).into_owned();
        let n_gate = (a.rows(2 * n, n) + r.component_mul(&hn)).map(|v| v.tanh());
        let kept = z.component_mul(h_prev);
        let written = n_gate.zip_map(&z, |nv, zv| (T::one() - zv) * nv);
        let h = &written + &kept;
        GruStep { x: x.clone(), h_prev: h_prev.clone(), r, z, hn, n: n_gate, kept, written, h }
    }

    /// Runs the cell over a sequence from h_0 (zero when not given).
    pub fn forward(&self, xs: &[DVector<T>], h0: Option<&DVector<T>>) -> Result<GruTrace<T>, ShapeError> {
        run_hidden_only(xs, (self.input_size(), self.hidden_size()), h0, |x, h| self.step(x, h))
    }

    /// Exact backpropagation through time.
    pub fn backward(
        &self,
        trace: &GruTrace<T>,
        dh_out: &[DVector<T>],
    ) -> Result<Backward<T, Self>, ShapeError> {
        let n = self.hidden_size();
        check_output_grads(dh_out, trace.len(), n)?;
        let mut grads = crate::model::cell::Parameters::zeros_like(self);
        let mut dh_all = vec![DVector::zeros(n); trace.len()];
        let mut dx_all = vec![DVector::zeros(self.input_size()); trace.len()];
        let mut dh_next = DVector::zeros(n);
        let mut da_all = DMatrix::zeros(3 * n, trace.len());
        let mut db_all = DMatrix::zeros(3 * n, trace.len());
        for (t, s) in trace.steps.iter().enumerate().rev() {
            let dh = &dh_out[t] + &dh_next;
            let dn = dh.zip_map(&s.z, |d, z| d * (T::one() - z));
            let dz_gate = dh.component_mul(&(&s.h_prev - &s.n));
            let dan = dn.zip_map(&s.n, |d, v| d * (T::one() - v * v));
            let dr = dan.component_mul(&s.hn);
            let dar = dr.component_mul(&logistic_slope(self.clamps.reset, &s.r));
            let daz = dz_gate.component_mul(&logistic_slope(self.clamps.update, &s.z));
            let mut da = da_all.column_mut(t);
            da.rows_mut(0, n).copy_from(&dar);
            da.rows_mut(n, n).copy_from(&daz);
            da.rows_mut(2 * n, n).copy_from(&dan);
            let mut db = db_all.column_mut(t);
            db.rows_mut(0, n).copy_from(&dar);
            db.rows_mut(n, n).copy_from(&daz);
            db.rows_mut(2 * n, n).copy_from(&dan.component_mul(&s.r));
            dx_all[t] = self.weight_ih.tr_mul(&da_all.column(t));
            dh_next = self.weight_hh.tr_mul(&db_all.column(t)) + dh.component_mul(&s.z);
            dh_all[t] = dh;
        }
        let sums = OuterSums {
            dz_ih: da_all,
            dz_hh: Some(db_all),
            xs: trace.steps.iter().map(|s| &s.x).collect(),
            h_prevs: trace.steps.iter().map(|s| &s.h_prev).collect(),
        };
        sums.add_to(&mut grads.weight_ih, &mut grads.weight_hh, &mut grads.bias_ih, &mut grads.bias_hh);
        Ok(Backward {
            grads,
            dh: dh_all,
            dc: Vec::new(),
            dc_belt: Vec::new(),
            dx: dx_all,
            dh0: dh_next,
            dc0: DVector::zeros(0),
        })
    }
}
