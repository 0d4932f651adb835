//! What a forward pass records: every intermediate value at every time step, kept so that a view
//! can draw it and backpropagation can reuse it without recomputing anything; and what a
//! backward pass returns.

use nalgebra::DVector;

use crate::model::Real;

/// A whole forward pass: the initial state and one recorded step per input.
#[derive(Clone, Debug, PartialEq)]
pub struct Trace<T: Real, S> {
    /// The hidden state before the first step, h_0.
    pub h0: DVector<T>,
    /// The cell state before the first step, c_0 (empty for cells without one).
    pub c0: DVector<T>,
    /// One entry per time step, in order: `steps[t]` produced h_{t+1}.
    pub steps: Vec<S>,
}

/// What every recorded step can say about the states it produced.
pub trait StepState<T: Real> {
    /// The hidden state this step produced, h_t.
    fn h(&self) -> &DVector<T>;
    /// The cell state this step produced, c_t (None for cells without one).
    fn c(&self) -> Option<&DVector<T>> {
        None
    }
}

impl<T: Real, S: StepState<T>> Trace<T, S> {
    /// The number of time steps.
    pub fn len(&self) -> usize {
        self.steps.len()
    }

    /// True when the sequence was empty.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }

    /// The hidden state after the last step (h_0 for an empty sequence).
    pub fn last_hidden(&self) -> &DVector<T> {
        self.steps.last().map_or(&self.h0, |s| s.h())
    }

    /// The hidden states h_1 … h_T.
    pub fn hidden_states(&self) -> Vec<DVector<T>> {
        self.steps.iter().map(|s| s.h().clone()).collect()
    }
}

/// One step of a vanilla RNN: `h = f(pre)`, `pre = W_ih x + b_ih + W_hh h_prev + b_hh`.
#[derive(Clone, Debug, PartialEq)]
pub struct RnnStep<T: Real> {
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

impl<T: Real> StepState<T> for RnnStep<T> {
    fn h(&self) -> &DVector<T> {
        &self.h
    }
}

/// One step of an LSTM (forget-gate or 1997 cell). Gate vectors hold the values actually used,
/// so a clamped gate shows its constant.
#[derive(Clone, Debug, PartialEq)]
pub struct LstmStep<T: Real> {
    /// The input x_t.
    pub x: DVector<T>,
    /// h_{t−1}.
    pub h_prev: DVector<T>,
    /// c_{t−1}.
    pub c_prev: DVector<T>,
    /// Pre-activations of the input gate, forget gate (zero for the 1997 cell), candidate and
    /// output gate, including any peephole terms.
    pub pre_i: DVector<T>,
    /// See `pre_i`.
    pub pre_f: DVector<T>,
    /// See `pre_i`.
    pub pre_g: DVector<T>,
    /// See `pre_i`.
    pub pre_o: DVector<T>,
    /// Input gate i_t: how much of the candidate is written.
    pub i: DVector<T>,
    /// Forget gate f_t: how much of c_{t−1} is kept (all ones for the 1997 cell's fixed CEC).
    pub f: DVector<T>,
    /// Candidate g_t: what would be written.
    pub g: DVector<T>,
    /// Output gate o_t: how much of the squashed cell is read out.
    pub o: DVector<T>,
    /// f ⊙ c_{t−1}: what the belt keeps of the old cell state.
    pub kept: DVector<T>,
    /// i ⊙ g: what the input gate writes onto the belt.
    pub written: DVector<T>,
    /// The cell state c_t = kept + written = f ⊙ c_{t−1} + i ⊙ g.
    pub c: DVector<T>,
    /// The squashed cell, tanh(c_t) (h(s) = 2σ(s) − 1 for the 1997 cell).
    pub squashed_c: DVector<T>,
    /// The hidden state h_t = o ⊙ squashed_c.
    pub h: DVector<T>,
}

impl<T: Real> StepState<T> for LstmStep<T> {
    fn h(&self) -> &DVector<T> {
        &self.h
    }
    fn c(&self) -> Option<&DVector<T>> {
        Some(&self.c)
    }
}

/// One step of a GRU in PyTorch's convention.
#[derive(Clone, Debug, PartialEq)]
pub struct GruStep<T: Real> {
    /// The input x_t.
    pub x: DVector<T>,
    /// h_{t−1}.
    pub h_prev: DVector<T>,
    /// Reset gate r_t.
    pub r: DVector<T>,
    /// Update gate z_t: how much of h_{t−1} is kept.
    pub z: DVector<T>,
    /// W_hn h_{t−1} + b_hn, the recurrent part of the candidate before the reset gate.
    pub hn: DVector<T>,
    /// The candidate n_t = tanh(W_in x + b_in + r ⊙ hn).
    pub n: DVector<T>,
    /// z ⊙ h_{t−1}: what the update gate keeps of the old hidden state.
    pub kept: DVector<T>,
    /// (1 − z) ⊙ n: what it takes from the candidate.
    pub written: DVector<T>,
    /// h_t = written + kept = (1 − z) ⊙ n + z ⊙ h_{t−1}.
    pub h: DVector<T>,
}

impl<T: Real> StepState<T> for GruStep<T> {
    fn h(&self) -> &DVector<T> {
        &self.h
    }
}

/// A step or a trace restricted to some hidden units: every vector of size H keeps only the
/// rows `start .. start + len`; the input x_t keeps all of its rows. A page that cannot draw 512
/// units draws a window of them, each with its true value.
pub trait Units {
    /// The same record for units `start .. start + len` (clipped to H).
    fn units(&self, start: usize, len: usize) -> Self;
}

fn rows<T: Real>(v: &DVector<T>, start: usize, len: usize) -> DVector<T> {
    let start = start.min(v.len());
    let end = (start + len).min(v.len());
    DVector::from_column_slice(&v.as_slice()[start..end])
}

macro_rules! units_of {
    ($ty:ident { $($field:ident),* }) => {
        impl<T: Real> Units for $ty<T> {
            fn units(&self, start: usize, len: usize) -> Self {
                Self { x: self.x.clone(), $($field: rows(&self.$field, start, len),)* }
            }
        }
    };
}

units_of!(RnnStep { h_prev, recurrent, input, pre, h });
units_of!(LstmStep {
    h_prev,
    c_prev,
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
    h
});
units_of!(GruStep { h_prev, r, z, hn, n, kept, written, h });

impl<T: Real, S: Units> Units for Trace<T, S> {
    fn units(&self, start: usize, len: usize) -> Self {
        Self {
            h0: rows(&self.h0, start, len),
            c0: rows(&self.c0, start, len),
            steps: self.steps.iter().map(|s| s.units(start, len)).collect(),
        }
    }
}

/// What a backward pass through time returns besides the parameter gradients.
#[derive(Clone, Debug, PartialEq)]
pub struct Backward<T: Real, G> {
    /// dL/dθ for every parameter, shaped like the cell.
    pub grads: G,
    /// dL/dh_t for t = 1 … T: the total error reaching each hidden state.
    pub dh: Vec<DVector<T>>,
    /// dL/dc_t for t = 1 … T (empty for cells without a cell state).
    pub dc: Vec<DVector<T>>,
    /// dL/dc_t ⊙ f_t for t = 1 … T: the part of dL/dc_t that the belt itself carries down to
    /// c_{t−1}, its direct path (the 1997 cell's f is 1). Peephole terms are not in it. Empty for
    /// cells without a cell state.
    pub dc_belt: Vec<DVector<T>>,
    /// dL/dx_t for t = 1 … T.
    pub dx: Vec<DVector<T>>,
    /// dL/dh_0.
    pub dh0: DVector<T>,
    /// dL/dc_0 (empty for cells without a cell state).
    pub dc0: DVector<T>,
}

impl<T: Real, G> Backward<T, G> {
    /// ‖dL/dh_t‖ for t = 1 … T.
    pub fn dh_norms(&self) -> Vec<T> {
        self.dh.iter().map(|d| d.norm()).collect()
    }

    /// ‖dL/dc_t‖ for t = 1 … T (empty for cells without a cell state).
    pub fn dc_norms(&self) -> Vec<T> {
        self.dc.iter().map(|d| d.norm()).collect()
    }
}
