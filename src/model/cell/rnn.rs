//! The vanilla (Elman) RNN cell, in PyTorch's convention:
//! `h_t = f(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)`.
//!
//! The seed writes the same thing as `h_t = σ(W_h h_{t−1} + W_x x_t + b)`: `W_x` is `W_ih`,
//! `W_h` is `W_hh` and `b` is `b_ih + b_hh`.

use nalgebra::{DMatrix, DVector};

use super::run_hidden_only;
use super::{OuterSums, ShapeError, check_output_grads, impl_parameters, uniform_matrix, uniform_vector};
use crate::model::trace::{Backward, RnnStep, Trace};
use crate::model::{Activation, Real, Rng};

/// A forward pass of a vanilla RNN.
pub type RnnTrace<T> = Trace<T, RnnStep<T>>;

/// A vanilla RNN cell with hidden size H and input size I.
#[derive(Clone, Debug, PartialEq)]
pub struct RnnCell<T: Real> {
    /// W_ih, H × I: how the input enters the state.
    pub weight_ih: DMatrix<T>,
    /// W_hh, H × H: how the previous state enters the new one — the recurrence.
    pub weight_hh: DMatrix<T>,
    /// b_ih, length H.
    pub bias_ih: DVector<T>,
    /// b_hh, length H.
    pub bias_hh: DVector<T>,
    /// The squashing function f.
    pub activation: Activation,
}

impl_parameters!(RnnCell {
    "weight_ih_l0" => weight_ih,
    "weight_hh_l0" => weight_hh,
    "bias_ih_l0" => bias_ih,
    "bias_hh_l0" => bias_hh,
});

impl<T: Real> RnnCell<T> {
    /// A cell initialised as PyTorch does, every parameter from U(−1/√H, 1/√H), drawn from
    /// `rng` in the order W_ih, W_hh, b_ih, b_hh (row by row).
    pub fn seeded(input_size: usize, hidden_size: usize, activation: Activation, rng: &mut Rng) -> Self {
        let k = 1.0 / (hidden_size.max(1) as f64).sqrt();
        let weight_ih = uniform_matrix(hidden_size, input_size, k, rng);
        let weight_hh = uniform_matrix(hidden_size, hidden_size, k, rng);
        let bias_ih = uniform_vector(hidden_size, k, rng);
        let bias_hh = uniform_vector(hidden_size, k, rng);
        Self { weight_ih, weight_hh, bias_ih, bias_hh, activation }
    }

    /// The hidden size H.
    pub fn hidden_size(&self) -> usize {
        self.weight_hh.nrows()
    }

    /// The input size I.
    pub fn input_size(&self) -> usize {
        self.weight_ih.ncols()
    }

    /// The total bias b = b_ih + b_hh: the seed's single `b`.
    pub fn bias(&self) -> DVector<T> {
        &self.bias_ih + &self.bias_hh
    }

    /// The zero state, h_0 = 0.
    pub fn zero_state(&self) -> DVector<T> {
        DVector::zeros(self.hidden_size())
    }

    /// One step: reads `x` and `h_prev`, records everything it computed.
    ///
    /// The caller guarantees `x.len() == I` and `h_prev.len() == H`; [`RnnCell::forward`]
    /// checks that for whole sequences.
    pub fn step(&self, x: &DVector<T>, h_prev: &DVector<T>) -> RnnStep<T> {
        let input = &self.weight_ih * x;
        let recurrent = &self.weight_hh * h_prev;
        let pre = &input + &self.bias_ih + &recurrent + &self.bias_hh;
        let h = pre.map(|v| self.activation.apply(v));
        RnnStep { x: x.clone(), h_prev: h_prev.clone(), recurrent, input, pre, h }
    }

    /// Runs the cell over a whole sequence from `h0` (or from zero) and keeps every step.
    ///
    /// A worked example with H = I = 1, W_ih = 0.5, W_hh = 0.8, b_ih = 0.1, b_hh = −0.1, tanh,
    /// inputs 1 and 0.5, from h_0 = 0:
    /// - step 1: pre = 0.5·1 + 0.1 + 0.8·0 − 0.1 = 0.5, h_1 = tanh 0.5 = 0.462117157…
    /// - step 2: pre = 0.5·0.5 + 0.1 + 0.8·0.462117… − 0.1 = 0.619693725…, h_2 = 0.550914746…
    ///
    /// ```
    /// use lstm_explorer::model::{cell::RnnCell, Activation};
    /// use nalgebra::{dmatrix, dvector};
    /// let cell = RnnCell {
    ///     weight_ih: dmatrix![0.5], weight_hh: dmatrix![0.8],
    ///     bias_ih: dvector![0.1], bias_hh: dvector![-0.1], activation: Activation::Tanh,
    /// };
    /// let trace = cell.forward(&[dvector![1.0], dvector![0.5]], None).unwrap();
    /// assert!((trace.steps[1].h[0] - 0.550914746719071_f64).abs() < 1e-12);
    /// ```
    pub fn forward(&self, xs: &[DVector<T>], h0: Option<&DVector<T>>) -> Result<RnnTrace<T>, ShapeError> {
        run_hidden_only(xs, (self.input_size(), self.hidden_size()), h0, |x, h| self.step(x, h))
    }

    /// Backpropagation through time. `dh_out[t]` is the error the loss sends into h_{t+1}
    /// directly (zero where the loss does not read that step). Returns the parameter gradients
    /// and the total error reaching every hidden state.
    pub fn backward(
        &self,
        trace: &RnnTrace<T>,
        dh_out: &[DVector<T>],
    ) -> Result<Backward<T, Self>, ShapeError> {
        let n = self.hidden_size();
        check_output_grads(dh_out, trace.len(), n)?;
        let mut grads = crate::model::cell::Parameters::zeros_like(self);
        let mut dh_all = vec![DVector::zeros(n); trace.len()];
        let mut dx_all = vec![DVector::zeros(self.input_size()); trace.len()];
        let mut dh_next = DVector::zeros(n);
        let mut dpre_all = DMatrix::zeros(n, trace.len());
        for (t, s) in trace.steps.iter().enumerate().rev() {
            let dh = &dh_out[t] + &dh_next;
            let dpre = dh.zip_map(&s.h, |d, y| d * self.activation.derivative_from_output(y));
            dx_all[t] = self.weight_ih.tr_mul(&dpre);
            dh_next = self.weight_hh.tr_mul(&dpre);
            dpre_all.set_column(t, &dpre);
            dh_all[t] = dh;
        }
        let sums = OuterSums {
            dz_ih: dpre_all,
            dz_hh: None,
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

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;
    use nalgebra::{dmatrix, dvector};

    fn scalar_cell() -> RnnCell<f64> {
        RnnCell {
            weight_ih: dmatrix![0.5],
            weight_hh: dmatrix![0.8],
            bias_ih: dvector![0.1],
            bias_hh: dvector![-0.1],
            activation: Activation::Tanh,
        }
    }

    #[test]
    fn scalar_rnn_matches_the_hand_worked_steps() {
        let trace = scalar_cell().forward(&[dvector![1.0], dvector![0.5]], None).unwrap();
        assert_relative_eq!(trace.steps[0].pre[0], 0.5, epsilon = 1e-15);
        assert_relative_eq!(trace.steps[0].h[0], 0.462_117_157_260_009_74, epsilon = 1e-15);
        assert_relative_eq!(trace.steps[1].pre[0], 0.619_693_725_808_007_7, epsilon = 1e-15);
        assert_relative_eq!(trace.steps[1].h[0], 0.550_914_746_719_071, epsilon = 1e-15);
        assert_eq!(trace.steps[1].h_prev, trace.steps[0].h);
    }

    #[test]
    fn trace_parts_add_up_to_the_pre_activation() {
        let cell = RnnCell::<f64>::seeded(2, 4, Activation::Tanh, &mut Rng::new(3));
        let trace = cell.forward(&[dvector![0.3, -1.0], dvector![0.9, 0.2]], None).unwrap();
        for s in &trace.steps {
            let sum = &s.input + &cell.bias_ih + &s.recurrent + &cell.bias_hh;
            assert_relative_eq!(sum, s.pre, epsilon = 1e-15);
        }
    }

    #[test]
    fn seeded_init_is_reproducible_and_within_pytorch_bounds() {
        let a = RnnCell::<f64>::seeded(2, 9, Activation::Tanh, &mut Rng::new(11));
        let b = RnnCell::<f64>::seeded(2, 9, Activation::Tanh, &mut Rng::new(11));
        assert_eq!(a, b);
        let k = 1.0 / 3.0;
        let all =
            a.weight_ih.iter().chain(a.weight_hh.iter()).chain(a.bias_ih.iter()).chain(a.bias_hh.iter());
        assert!(all.into_iter().all(|w| (-k..k).contains(w)));
    }

    #[test]
    fn wrong_input_length_is_an_error_naming_the_step() {
        let err = scalar_cell().forward(&[dvector![1.0], dvector![1.0, 2.0]], None).unwrap_err();
        assert_eq!(err, ShapeError::Input { step: 1, expected: 1, found: 2 });
        assert_eq!(err.to_string(), "time step 2 has 2 input values, but the cell reads 1");
    }

    #[test]
    fn empty_sequence_leaves_the_initial_state() {
        let trace = scalar_cell().forward(&[], Some(&dvector![0.25])).unwrap();
        assert!(trace.is_empty());
        assert_eq!(trace.last_hidden(), &dvector![0.25]);
    }
}
