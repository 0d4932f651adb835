//! The original LSTM of Hochreiter & Schmidhuber (1997): no forget gate, and the cell state —
//! the constant error carousel (CEC) — loops back into itself with a fixed weight of 1.0.
//!
//! ```text
//! i = σ(W_ii x + b_ii + W_hi h_{t−1} + b_hi)          input gate
//! g = 4σ(W_ig x + b_ig + W_hg h_{t−1} + b_hg) − 2     cell input squash g, range (−2, 2)
//! o = σ(W_io x + b_io + W_ho h_{t−1} + b_ho)          output gate
//! s = s_{t−1} + i ⊙ g                                 the CEC: self-loop weight fixed at 1
//! h = o ⊙ (2σ(s) − 1)                                 cell output squash h, range (−1, 1)
//! ```
//!
//! Each unit is one memory cell with its own gates (a block of size 1). The weights are laid out
//! like PyTorch's, with three gates stacked i, g, o: `weight_ih_l0` is 3H × I, `weight_hh_l0`
//! 3H × H, and both biases 3H. Gradients here are exact; the paper truncated the error flowing
//! back through the gates (it reports no significant difference with full gradients).

use nalgebra::{DMatrix, DVector};

use super::run_with_cell_state;
use super::{
    GateClamps, OuterSums, ShapeError, check_output_grads, gate, impl_parameters, logistic_slope,
    uniform_matrix, uniform_vector,
};
use crate::model::activation::sigmoid;
use crate::model::trace::{Backward, LstmStep, Trace};
use crate::model::{Real, Rng};

/// A forward pass of the 1997 LSTM.
pub type Lstm1997Trace<T> = Trace<T, LstmStep<T>>;

/// The paper's cell input squash, g(x) = 4σ(x) − 2.
pub fn squash_g<T: Real>(x: T) -> T {
    T::of(4.0) * sigmoid(x) - T::of(2.0)
}

/// The paper's cell output squash, h(x) = 2σ(x) − 1.
pub fn squash_h<T: Real>(x: T) -> T {
    T::of(2.0) * sigmoid(x) - T::one()
}

/// A 1997 LSTM cell: input and output gates, a CEC, no forget gate.
#[derive(Clone, Debug, PartialEq)]
pub struct Lstm1997Cell<T: Real> {
    /// W_ih, 3H × I, stacked i, g, o.
    pub weight_ih: DMatrix<T>,
    /// W_hh, 3H × H, stacked i, g, o.
    pub weight_hh: DMatrix<T>,
    /// b_ih, 3H.
    pub bias_ih: DVector<T>,
    /// b_hh, 3H.
    pub bias_hh: DVector<T>,
    /// Gate surgery on the input and output gates (there is no forget gate to clamp).
    pub clamps: GateClamps,
}

impl_parameters!(Lstm1997Cell {
    "weight_ih_l0" => weight_ih,
    "weight_hh_l0" => weight_hh,
    "bias_ih_l0" => bias_ih,
    "bias_hh_l0" => bias_hh,
});

impl<T: Real> Lstm1997Cell<T> {
    /// A cell with every weight from U(−0.1, 0.1), as in the paper's experiments 3–6, drawn in
    /// the order W_ih, W_hh, b_ih, b_hh, row by row.
    pub fn seeded(input_size: usize, hidden_size: usize, rng: &mut Rng) -> Self {
        let k = 0.1;
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

    /// One step from (h_{t−1}, s_{t−1}).
    pub fn step(&self, x: &DVector<T>, h_prev: &DVector<T>, c_prev: &DVector<T>) -> LstmStep<T> {
        let n = self.hidden_size();
        let mut z = &self.bias_ih + &self.bias_hh;
        z.gemv(T::one(), &self.weight_ih, x, T::one());
        z.gemv(T::one(), &self.weight_hh, h_prev, T::one());
        let pre_i = z.rows(0, n).into_owned();
        let pre_g = z.rows(n, n).into_owned();
        let pre_o = z.rows(2 * n, n).into_owned();
        let i = gate(self.clamps.input, &pre_i, sigmoid);
        let g = pre_g.map(squash_g);
        let o = gate(self.clamps.output, &pre_o, sigmoid);
        let written = i.component_mul(&g);
        let c = c_prev + &written;
        let squashed_c = c.map(squash_h);
        let h = o.component_mul(&squashed_c);
        LstmStep {
            x: x.clone(),
            h_prev: h_prev.clone(),
            c_prev: c_prev.clone(),
            pre_i,
            pre_f: DVector::zeros(n),
            pre_g,
            pre_o,
            i,
            f: DVector::from_element(n, T::one()),
            g,
            o,
            kept: c_prev.clone(),
            written,
            c,
            squashed_c,
            h,
        }
    }

    /// Runs the cell over a sequence from (h_0, s_0), zero where not given.
    pub fn forward(
        &self,
        xs: &[DVector<T>],
        h0: Option<&DVector<T>>,
        c0: Option<&DVector<T>>,
    ) -> Result<Lstm1997Trace<T>, ShapeError> {
        run_with_cell_state(xs, (self.input_size(), self.hidden_size()), (h0, c0), |x, h, c| {
            self.step(x, h, c)
        })
    }

    /// Exact backpropagation through time.
    pub fn backward(
        &self,
        trace: &Lstm1997Trace<T>,
        dh_out: &[DVector<T>],
    ) -> Result<Backward<T, Self>, ShapeError> {
        self.backward_from(trace, dh_out, None)
    }

    /// [`Self::backward`] with an extra error `dc_last` sent into the last cell state c_T, as a
    /// loss that reads the cell state would (the gradient-flow analysis uses it).
    pub fn backward_from(
        &self,
        trace: &Lstm1997Trace<T>,
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
        let mut dz_all = DMatrix::zeros(3 * n, trace.len());
        let half = T::of(0.5);
        let quarter = T::of(0.25);
        let four = T::of(4.0);
        for (t, s) in trace.steps.iter().enumerate().rev() {
            let dh = &dh_out[t] + &dh_next;
            let dzo =
                dh.component_mul(&s.squashed_c).component_mul(&logistic_slope(self.clamps.output, &s.o));
            // h(s) = 2σ(s) − 1 has slope (1 − h²)/2.
            let dc =
                dc_next + dh.component_mul(&s.o).zip_map(&s.squashed_c, |d, q| d * (T::one() - q * q) * half);
            let dzi = dc.component_mul(&s.g).component_mul(&logistic_slope(self.clamps.input, &s.i));
            // g(x) = 4σ(x) − 2 has slope (4 − g²)/4.
            let dzg = dc.component_mul(&s.i).zip_map(&s.g, |d, g| d * (four - g * g) * quarter);
            let mut dz = dz_all.column_mut(t);
            dz.rows_mut(0, n).copy_from(&dzi);
            dz.rows_mut(n, n).copy_from(&dzg);
            dz.rows_mut(2 * n, n).copy_from(&dzo);
            let dz = dz_all.column(t);
            dx_all[t] = self.weight_ih.tr_mul(&dz);
            dh_next = self.weight_hh.tr_mul(&dz);
            // The CEC: ∂s_t/∂s_{t−1} = 1 exactly.
            dc_next = dc.clone();
            dc_belt[t] = dc.clone();
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

    #[test]
    fn squashes_have_the_papers_ranges_and_centres() {
        assert_relative_eq!(squash_g(0.0_f64), 0.0);
        assert_relative_eq!(squash_h(0.0_f64), 0.0);
        assert_relative_eq!(squash_g(50.0_f64), 2.0);
        assert_relative_eq!(squash_g(-50.0_f64), -2.0);
        assert_relative_eq!(squash_h(50.0_f64), 1.0);
        assert_relative_eq!(squash_h(-50.0_f64), -1.0);
    }

    #[test]
    fn the_cec_adds_without_forgetting() {
        let cell = Lstm1997Cell::<f64>::seeded(1, 2, &mut Rng::new(9));
        let xs: Vec<_> = [0.5, -1.0, 0.25].iter().map(|&v| DVector::from_element(1, v)).collect();
        let trace = cell.forward(&xs, None, None).unwrap();
        let mut s = DVector::zeros(2);
        for step in &trace.steps {
            s += step.i.component_mul(&step.g);
            assert_relative_eq!(step.c, s, epsilon = 1e-15);
            assert!(step.f.iter().all(|&f| f == 1.0));
        }
    }
}
