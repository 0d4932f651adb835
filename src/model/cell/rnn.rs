//! The vanilla (Elman) RNN cell, in PyTorch's convention:
//! `h_t = f(W_ih x_t + b_ih + W_hh h_{t−1} + b_hh)`.
//!
//! The seed writes the same thing as `h_t = σ(W_h h_{t−1} + W_x x_t + b)`: `W_x` is `W_ih`,
//! `W_h` is `W_hh` and `b` is `b_ih + b_hh`.

use std::fmt;

use nalgebra::{DMatrix, DVector};

use crate::model::trace::{RnnStep, RnnTrace};
use crate::model::{Activation, Real, Rng};

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

/// An input whose length does not match the cell's input size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RnnShapeError {
    /// Which time step (0-based) had the wrong length.
    pub step: usize,
    /// The cell's input size.
    pub expected: usize,
    /// What the step had.
    pub found: usize,
}

impl fmt::Display for RnnShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "time step {} has {} input values, but the cell reads {}",
            self.step + 1,
            self.found,
            self.expected
        )
    }
}

impl std::error::Error for RnnShapeError {}

impl<T: Real> RnnCell<T> {
    /// A cell initialised as PyTorch does, every parameter from U(−1/√H, 1/√H), drawn from
    /// `rng` in the order W_ih, W_hh, b_ih, b_hh (row by row).
    pub fn seeded(input_size: usize, hidden_size: usize, activation: Activation, rng: &mut Rng) -> Self {
        let k = 1.0 / (hidden_size.max(1) as f64).sqrt();
        let mut draw = |n: usize| (0..n).map(|_| T::of(rng.uniform(-k, k))).collect::<Vec<T>>();
        let weight_ih = DMatrix::from_row_slice(hidden_size, input_size, &draw(hidden_size * input_size));
        let weight_hh = DMatrix::from_row_slice(hidden_size, hidden_size, &draw(hidden_size * hidden_size));
        let bias_ih = DVector::from_vec(draw(hidden_size));
        let bias_hh = DVector::from_vec(draw(hidden_size));
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
    pub fn forward(&self, xs: &[DVector<T>], h0: Option<&DVector<T>>) -> Result<RnnTrace<T>, RnnShapeError> {
        if let Some((step, x)) = xs.iter().enumerate().find(|(_, x)| x.len() != self.input_size()) {
            return Err(RnnShapeError { step, expected: self.input_size(), found: x.len() });
        }
        let h0 = h0.cloned().unwrap_or_else(|| self.zero_state());
        let mut steps = Vec::with_capacity(xs.len());
        let mut h = h0.clone();
        for x in xs {
            let step = self.step(x, &h);
            h = step.h.clone();
            steps.push(step);
        }
        Ok(RnnTrace { h0, steps })
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
        assert_eq!(err, RnnShapeError { step: 1, expected: 1, found: 2 });
        assert_eq!(err.to_string(), "time step 2 has 2 input values, but the cell reads 1");
    }

    #[test]
    fn empty_sequence_leaves_the_initial_state() {
        let trace = scalar_cell().forward(&[], Some(&dvector![0.25])).unwrap();
        assert!(trace.is_empty());
        assert_eq!(trace.last_hidden(), &dvector![0.25]);
    }
}
