//! What a forward pass records: every intermediate value at every time step, kept so that a view
//! can draw it and backpropagation can reuse it without recomputing anything.

use nalgebra::DVector;

/// One time step of a vanilla RNN: `h = f(pre)`, `pre = W_ih x + b_ih + W_hh h_prev + b_hh`.
#[derive(Clone, Debug, PartialEq)]
pub struct RnnStep<T: nalgebra::Scalar> {
    /// The input x_t.
    pub x: DVector<T>,
    /// The hidden state the step started from, h_{t−1}.
    pub h_prev: DVector<T>,
    /// W_hh h_{t−1}: the part of the pre-activation that remembers.
    pub recurrent: DVector<T>,
    /// W_ih x_t: the part that reads the new input.
    pub input: DVector<T>,
    /// The pre-activation W_ih x_t + b_ih + W_hh h_{t−1} + b_hh.
    pub pre: DVector<T>,
    /// The new hidden state h_t = f(pre).
    pub h: DVector<T>,
}

/// A whole forward pass of a vanilla RNN over a sequence.
#[derive(Clone, Debug, PartialEq)]
pub struct RnnTrace<T: nalgebra::Scalar> {
    /// The state before the first step, h_0.
    pub h0: DVector<T>,
    /// One entry per time step, in order: `steps[t]` produced h_{t+1}.
    pub steps: Vec<RnnStep<T>>,
}

impl<T: nalgebra::Scalar> RnnTrace<T> {
    /// The number of time steps.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// True when the sequence was empty.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The state after the last step (h_0 for an empty sequence).
    pub fn last_hidden(&self) -> &DVector<T> {
        self.steps.last().map_or(&self.h0, |s| &s.h)
    }
}
