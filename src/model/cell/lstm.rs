//! The LSTM with a forget gate (Gers, Schmidhuber & Cummins 2000), in PyTorch's convention,
//! with optional peephole connections (Gers & Schmidhuber 2000):
//!
//! ```text
//! i = σ(W_ii x + b_ii + W_hi h_{t−1} + b_hi [+ p_i ⊙ c_{t−1}])
//! f = σ(W_if x + b_if + W_hf h_{t−1} + b_hf [+ p_f ⊙ c_{t−1}])
//! g = tanh(W_ig x + b_ig + W_hg h_{t−1} + b_hg)
//! c = f ⊙ c_{t−1} + i ⊙ g
//! o = σ(W_io x + b_io + W_ho h_{t−1} + b_ho [+ p_o ⊙ c_t])
//! h = o ⊙ tanh(c)
//! ```
//!
//! The weights stack the gates in PyTorch's order i, f, g, o: `weight_ih_l0` is 4H × I,
//! `weight_hh_l0` is 4H × H and both biases have 4H entries.

use nalgebra::{DMatrix, DVector};

use super::run_with_cell_state;
use super::{
    GateClamps, OuterSums, ShapeError, check_output_grads, gate, impl_parameters, logistic_slope,
    uniform_matrix, uniform_vector,
};
use crate::model::activation::sigmoid;
use crate::model::trace::{Backward, LstmStep, Trace};
use crate::model::{Real, Rng};

/// A forward pass of an LSTM.
pub type LstmTrace<T> = Trace<T, LstmStep<T>>;

/// Diagonal peephole weights: each gate also sees its own unit's cell state.
#[derive(Clone, Debug, PartialEq)]
pub struct Peepholes<T: Real> {
    /// p_i: c_{t−1} into the input gate.
    pub input: DVector<T>,
    /// p_f: c_{t−1} into the forget gate.
    pub forget: DVector<T>,
    /// p_o: c_t into the output gate.
    pub output: DVector<T>,
}

/// An LSTM cell with a forget gate, hidden size H and input size I.
#[derive(Clone, Debug, PartialEq)]
pub struct LstmCell<T: Real> {
    /// W_ih, 4H × I, gates stacked i, f, g, o.
    pub weight_ih: DMatrix<T>,
    /// W_hh, 4H × H, gates stacked i, f, g, o.
    pub weight_hh: DMatrix<T>,
    /// b_ih, 4H.
    pub bias_ih: DVector<T>,
    /// b_hh, 4H.
    pub bias_hh: DVector<T>,
    /// Peephole weights, if the cell has them.
    pub peepholes: Option<Peepholes<T>>,
    /// Gate surgery (not a parameter).
    pub clamps: GateClamps,
}

impl_parameters!(LstmCell {
    "weight_ih_l0" => weight_ih,
    "weight_hh_l0" => weight_hh,
    "bias_ih_l0" => bias_ih,
    "bias_hh_l0" => bias_hh,
}, optional peepholes { "peephole_i_l0" => input, "peephole_f_l0" => forget, "peephole_o_l0" => output });

impl<T: Real> LstmCell<T> {
    /// A cell initialised as PyTorch does: every parameter from U(−1/√H, 1/√H), drawn in the
    /// order W_ih, W_hh, b_ih, b_hh (then peepholes), each row by row.
    pub fn seeded(input_size: usize, hidden_size: usize, peepholes: bool, rng: &mut Rng) -> Self {
        let k = 1.0 / (hidden_size.max(1) as f64).sqrt();
        let weight_ih = uniform_matrix(4 * hidden_size, input_size, k, rng);
        let weight_hh = uniform_matrix(4 * hidden_size, hidden_size, k, rng);
        let bias_ih = uniform_vector(4 * hidden_size, k, rng);
        let bias_hh = uniform_vector(4 * hidden_size, k, rng);
        let peepholes = peepholes.then(|| Peepholes {
            input: uniform_vector(hidden_size, k, rng),
            forget: uniform_vector(hidden_size, k, rng),
            output: uniform_vector(hidden_size, k, rng),
        });
        Self { weight_ih, weight_hh, bias_ih, bias_hh, peepholes, clamps: GateClamps::default() }
    }

    /// The hidden size H.
    pub fn hidden_size(&self) -> usize {
        self.weight_hh.ncols()
    }

    /// The input size I.
    pub fn input_size(&self) -> usize {
        self.weight_ih.ncols()
    }

    /// One step from (h_{t−1}, c_{t−1}).
    pub fn step(&self, x: &DVector<T>, h_prev: &DVector<T>, c_prev: &DVector<T>) -> LstmStep<T> {
        let n = self.hidden_size();
        let mut z = &self.bias_ih + &self.bias_hh;
        z.gemv(T::one(), &self.weight_ih, x, T::one());
        z.gemv(T::one(), &self.weight_hh, h_prev, T::one());
        let mut pre_i = z.rows(0, n).into_owned();
        let mut pre_f = z.rows(n, n).into_owned();
        let pre_g = z.rows(2 * n, n).into_owned();
        let mut pre_o = z.rows(3 * n, n).into_owned();
        if let Some(p) = &self.peepholes {
            pre_i += p.input.component_mul(c_prev);
            pre_f += p.forget.component_mul(c_prev);
        }
        let i = gate(self.clamps.input, &pre_i, sigmoid);
        let f = gate(self.clamps.forget, &pre_f, sigmoid);
        let g = pre_g.map(|v| v.tanh());
        let kept = f.component_mul(c_prev);
        let written = i.component_mul(&g);
        let c = &kept + &written;
        if let Some(p) = &self.peepholes {
            pre_o += p.output.component_mul(&c);
        }
        let o = gate(self.clamps.output, &pre_o, sigmoid);
        let squashed_c = c.map(|v| v.tanh());
        let h = o.component_mul(&squashed_c);
        LstmStep {
            x: x.clone(),
            h_prev: h_prev.clone(),
            c_prev: c_prev.clone(),
            pre_i,
            pre_f,
            pre_g,
            pre_o,
            i,
            f,
            g,
            o,
            kept,
            written,
            c,
            squashed_c,
            h,
        }
    }

    /// Runs the cell over a sequence from (h_0, c_0), zero where not given.
    pub fn forward(
        &self,
        xs: &[DVector<T>],
        h0: Option<&DVector<T>>,
        c0: Option<&DVector<T>>,
    ) -> Result<LstmTrace<T>, ShapeError> {
        run_with_cell_state(xs, (self.input_size(), self.hidden_size()), (h0, c0), |x, h, c| {
            self.step(x, h, c)
        })
    }

    /// Backpropagation through time, exact (no truncation). `dh_out[t]` is the error the loss
    /// sends into h_{t+1} directly.
    pub fn backward(
        &self,
        trace: &LstmTrace<T>,
        dh_out: &[DVector<T>],
    ) -> Result<Backward<T, Self>, ShapeError> {
        self.backward_from(trace, dh_out, None)
    }

    /// [`Self::backward`] with an extra error `dc_last` sent into the last cell state c_T, as a
    /// loss that reads the cell state would (the gradient-flow analysis uses it).
    pub fn backward_from(
        &self,
        trace: &LstmTrace<T>,
        dh_out: &[DVector<T>],
        dc_last: Option<&DVector<T>>,
    ) -> Result<Backward<T, Self>, ShapeError> {
        let n = self.hidden_size();
        check_output_grads(dh_out, trace.len(), n)?;
        if dc_last.is_some_and(|d| d.len() != n) {
            return Err(ShapeError::State { expected: n, found: dc_last.map_or(0, |d| d.len()) });
        }
        let mut grads = crate::model::cell::Parameters::zeros_like(self);
        let mut dh_all = vec![DVector::zeros(n); trace.len()];
        let mut dc_all = vec![DVector::zeros(n); trace.len()];
        let mut dc_belt = vec![DVector::zeros(n); trace.len()];
        let mut dx_all = vec![DVector::zeros(self.input_size()); trace.len()];
        let mut dh_next = DVector::zeros(n);
        let mut dc_next = dc_last.cloned().unwrap_or_else(|| DVector::zeros(n));
        let mut dz_all = DMatrix::zeros(4 * n, trace.len());
        for (t, s) in trace.steps.iter().enumerate().rev() {
            let mut dz = dz_all.column_mut(t);
            let dh = &dh_out[t] + &dh_next;
            // h = o ⊙ tanh(c)
            let dzo =
                dh.component_mul(&s.squashed_c).component_mul(&logistic_slope(self.clamps.output, &s.o));
            let mut dc =
                dc_next + dh.component_mul(&s.o).zip_map(&s.squashed_c, |d, q| d * (T::one() - q * q));
            if let Some(p) = &self.peepholes {
                dc += p.output.component_mul(&dzo);
            }
            // c = f ⊙ c_prev + i ⊙ g
            let dzi = dc.component_mul(&s.g).component_mul(&logistic_slope(self.clamps.input, &s.i));
            let dzf = dc.component_mul(&s.c_prev).component_mul(&logistic_slope(self.clamps.forget, &s.f));
            let dzg = dc.component_mul(&s.i).zip_map(&s.g, |d, g| d * (T::one() - g * g));
            dz.rows_mut(0, n).copy_from(&dzi);
            dz.rows_mut(n, n).copy_from(&dzf);
            dz.rows_mut(2 * n, n).copy_from(&dzg);
            dz.rows_mut(3 * n, n).copy_from(&dzo);
            let dz = dz_all.column(t);
            dx_all[t] = self.weight_ih.tr_mul(&dz);
            dh_next = self.weight_hh.tr_mul(&dz);
            dc_next = dc.component_mul(&s.f);
            dc_belt[t] = dc_next.clone();
            if let (Some(p), Some(gp)) = (&self.peepholes, &mut grads.peepholes) {
                gp.input += dzi.component_mul(&s.c_prev);
                gp.forget += dzf.component_mul(&s.c_prev);
                gp.output += dzo.component_mul(&s.c);
                dc_next += p.input.component_mul(&dzi) + p.forget.component_mul(&dzf);
            }
            dh_all[t] = dh;
            dc_all[t] = dc;
        }
        let sums = OuterSums {
            dz_ih: dz_all,
            dz_hh: None,
            xs: trace.steps.iter().map(|s| &s.x).collect(),
            h_prevs: trace.steps.iter().map(|s| &s.h_prev).collect(),
        };
        sums.add_to(&mut grads.weight_ih, &mut grads.weight_hh, &mut grads.bias_ih, &mut grads.bias_hh);
        Ok(Backward { grads, dh: dh_all, dc: dc_all, dc_belt, dx: dx_all, dh0: dh_next, dc0: dc_next })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;
    use nalgebra::{dmatrix, dvector};

    /// A one-unit LSTM worked out by hand. Weights (gates i, f, g, o): W_ih = [1, 2, 0.5, −1],
    /// W_hh = 0, biases 0, input x = 1, from h_0 = c_0 = 0:
    /// - i = σ(1) = 0.731058578630, f = σ(2) = 0.880797077978 (unused: c_0 = 0),
    ///   g = tanh(0.5) = 0.462117157260, o = σ(−1) = 0.268941421370;
    /// - c = 0.880797… · 0 + 0.731058… · 0.462117… = 0.337835117384;
    /// - h = 0.268941… · tanh(0.337835…) = 0.268941… · 0.325544491 = 0.087551… .
    #[test]
    fn one_unit_step_matches_the_hand_computation() {
        let cell: LstmCell<f64> = LstmCell {
            weight_ih: dmatrix![1.0; 2.0; 0.5; -1.0],
            weight_hh: DMatrix::zeros(4, 1),
            bias_ih: DVector::zeros(4),
            bias_hh: DVector::zeros(4),
            peepholes: None,
            clamps: GateClamps::default(),
        };
        let s = cell.step(&dvector![1.0], &dvector![0.0], &dvector![0.0]);
        assert_relative_eq!(s.i[0], 0.731_058_578_630_004_9, epsilon = 1e-12);
        assert_relative_eq!(s.f[0], 0.880_797_077_977_882_3, epsilon = 1e-12);
        assert_relative_eq!(s.g[0], 0.462_117_157_260_009_7, epsilon = 1e-12);
        assert_relative_eq!(s.o[0], 0.268_941_421_369_995_1, epsilon = 1e-12);
        assert_relative_eq!(s.c[0], 0.731_058_578_630_004_9 * 0.462_117_157_260_009_7, epsilon = 1e-12);
        assert_relative_eq!(s.h[0], 0.268_941_421_369_995_1 * s.c[0].tanh(), epsilon = 1e-12);
    }

    #[test]
    fn clamped_gates_hold_their_constants() {
        let mut cell = LstmCell::<f64>::seeded(2, 3, false, &mut Rng::new(5));
        cell.clamps =
            GateClamps { input: Some(0.0), forget: Some(1.0), output: Some(1.0), ..Default::default() };
        let c0 = dvector![0.5, -0.25, 2.0];
        let trace = cell.forward(&[dvector![1.0, -1.0], dvector![0.3, 0.8]], None, Some(&c0)).unwrap();
        for s in &trace.steps {
            assert_eq!(s.c, c0, "forget = 1 and input = 0 carry the cell state unchanged");
            assert_eq!(s.h, c0.map(f64::tanh), "output = 1 reads tanh(c) out whole");
        }
    }
}
