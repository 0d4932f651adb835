//! Recurrent cells, one file per kind, and what they share: input checking, gate surgery and
//! access to their parameters by PyTorch's names.

pub mod gru;
pub mod lstm;
pub mod lstm1997;
pub mod rnn;

use std::fmt;

use nalgebra::DVector;

pub use gru::GruCell;
pub use lstm::{LstmCell, Peepholes};
pub use lstm1997::Lstm1997Cell;
pub use rnn::RnnCell;

use crate::model::Real;

/// Gate surgery: any gate can be clamped to a constant, in the forward pass and in the backward
/// pass alike (a clamped gate passes no gradient to its weights). `None` leaves a gate alone.
/// Each cell reads the gates it has: LSTMs input/forget/output, the GRU reset/update.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct GateClamps {
    /// The input gate i.
    pub input: Option<f64>,
    /// The forget gate f (the 1997 cell has none: its CEC keeps everything).
    pub forget: Option<f64>,
    /// The output gate o.
    pub output: Option<f64>,
    /// The GRU's reset gate r.
    pub reset: Option<f64>,
    /// The GRU's update gate z.
    pub update: Option<f64>,
}

/// An input sequence whose steps do not match the cell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShapeError {
    /// A time step with the wrong number of values.
    Input {
        /// Which time step (0-based).
        step: usize,
        /// The cell's input size.
        expected: usize,
        /// What the step had.
        found: usize,
    },
    /// An initial state of the wrong length.
    State {
        /// The cell's hidden size.
        expected: usize,
        /// What was given.
        found: usize,
    },
    /// A per-step output gradient list whose length is not the sequence length, or whose
    /// vectors are not of the hidden size.
    OutputGradient {
        /// Steps in the trace.
        steps: usize,
        /// Entries given.
        found: usize,
    },
    /// A cell this build leaves out (the lab module's, built with the `slim` feature, runs only
    /// RNNs and LSTMs).
    Unsupported,
}

impl fmt::Display for ShapeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShapeError::Input { step, expected, found } => {
                write!(f, "time step {} has {found} input values, but the cell reads {expected}", step + 1)
            }
            ShapeError::State { expected, found } => {
                write!(f, "the initial state has {found} values, but the cell has {expected} units")
            }
            ShapeError::OutputGradient { steps, found } => {
                write!(f, "expected an output gradient for each of {steps} steps, found {found}")
            }
            ShapeError::Unsupported => write!(f, "this build does not run that cell"),
        }
    }
}

impl std::error::Error for ShapeError {}

/// Checks every input step against the input size.
pub(crate) fn check_inputs<T: Real>(xs: &[DVector<T>], input_size: usize) -> Result<(), ShapeError> {
    match xs.iter().position(|x| x.len() != input_size) {
        Some(step) => Err(ShapeError::Input { step, expected: input_size, found: xs[step].len() }),
        None => Ok(()),
    }
}

/// The given initial state, checked, or zeros.
pub(crate) fn initial_state<T: Real>(
    given: Option<&DVector<T>>,
    size: usize,
) -> Result<DVector<T>, ShapeError> {
    match given {
        Some(v) if v.len() != size => Err(ShapeError::State { expected: size, found: v.len() }),
        Some(v) => Ok(v.clone()),
        None => Ok(DVector::zeros(size)),
    }
}

/// Checks a per-step output gradient list against a trace.
pub(crate) fn check_output_grads<T: Real>(
    dh: &[DVector<T>],
    steps: usize,
    hidden: usize,
) -> Result<(), ShapeError> {
    if dh.len() != steps || dh.iter().any(|d| d.len() != hidden) {
        return Err(ShapeError::OutputGradient { steps, found: dh.len() });
    }
    Ok(())
}

/// Runs a cell with a cell state over a sequence: checks the inputs and initial states, then
/// feeds each step the (h, c) the previous one produced.
pub(crate) fn run_with_cell_state<T: Real>(
    xs: &[DVector<T>],
    (input_size, hidden_size): (usize, usize),
    (h0, c0): (Option<&DVector<T>>, Option<&DVector<T>>),
    step: impl Fn(&DVector<T>, &DVector<T>, &DVector<T>) -> crate::model::trace::LstmStep<T>,
) -> Result<crate::model::trace::Trace<T, crate::model::trace::LstmStep<T>>, ShapeError> {
    check_inputs(xs, input_size)?;
    let h0 = initial_state(h0, hidden_size)?;
    let c0 = initial_state(c0, hidden_size)?;
    let mut steps: Vec<crate::model::trace::LstmStep<T>> = Vec::with_capacity(xs.len());
    for x in xs {
        let next = match steps.last() {
            Some(s) => step(x, &s.h, &s.c),
            None => step(x, &h0, &c0),
        };
        steps.push(next);
    }
    Ok(crate::model::trace::Trace { h0, c0, steps })
}

/// Runs a cell without a cell state (RNN, GRU) over a sequence from h_0 (zero when not given).
pub(crate) fn run_hidden_only<T: Real, S: crate::model::trace::StepState<T>>(
    xs: &[DVector<T>],
    (input_size, hidden_size): (usize, usize),
    h0: Option<&DVector<T>>,
    step: impl Fn(&DVector<T>, &DVector<T>) -> S,
) -> Result<crate::model::trace::Trace<T, S>, ShapeError> {
    check_inputs(xs, input_size)?;
    let h0 = initial_state(h0, hidden_size)?;
    let mut steps: Vec<S> = Vec::with_capacity(xs.len());
    for x in xs {
        let next = step(x, steps.last().map_or(&h0, |s| s.h()));
        steps.push(next);
    }
    Ok(crate::model::trace::Trace { h0, c0: DVector::zeros(0), steps })
}

/// The gate value used: the clamp if there is one, else the computed activation.
pub(crate) fn gate<T: Real>(clamp: Option<f64>, pre: &DVector<T>, f: impl Fn(T) -> T) -> DVector<T> {
    match clamp {
        Some(v) => DVector::from_element(pre.len(), T::of(v)),
        None => pre.map(f),
    }
}

/// d gate / d pre-activation for a logistic gate: σ(1 − σ), or zero when clamped.
pub(crate) fn logistic_slope<T: Real>(clamp: Option<f64>, gate: &DVector<T>) -> DVector<T> {
    match clamp {
        Some(_) => DVector::zeros(gate.len()),
        None => gate.map(|s| s * (T::one() - s)),
    }
}

/// A parameter tensor, read-only: its PyTorch name, its shape and its values in column-major
/// order (nalgebra's storage). Vectors have one column.
#[derive(Debug)]
pub struct Param<'a, T> {
    /// The name, as in a PyTorch `state_dict` (`weight_ih_l0`, …).
    pub name: &'static str,
    /// Rows.
    pub rows: usize,
    /// Columns (1 for a vector).
    pub cols: usize,
    /// The values, column-major.
    pub values: &'a [T],
}

/// A parameter tensor, writable: the same as [`Param`].
#[derive(Debug)]
pub struct ParamMut<'a, T> {
    /// The name, as in a PyTorch `state_dict`.
    pub name: &'static str,
    /// Rows.
    pub rows: usize,
    /// Columns (1 for a vector).
    pub cols: usize,
    /// The values, column-major.
    pub values: &'a mut [T],
}

/// Named access to a model's parameters, for gradient checks, optimisers and weight files.
pub trait Parameters<T: Real>: Clone {
    /// Every parameter tensor, in PyTorch's `state_dict` order.
    fn params(&self) -> Vec<Param<'_, T>>;
    /// Every parameter tensor, writable, in the same order.
    fn params_mut(&mut self) -> Vec<ParamMut<'_, T>>;

    /// The same shapes filled with zeros: an empty gradient accumulator.
    fn zeros_like(&self) -> Self {
        let mut z = self.clone();
        z.params_mut().into_iter().for_each(|p| p.values.fill(T::zero()));
        z
    }

    /// How many numbers the model learns.
    fn num_params(&self) -> usize {
        self.params().iter().map(|p| p.values.len()).sum()
    }
}

/// Builds `params()`/`params_mut()` from a list of `name => field` pairs.
macro_rules! impl_parameters {
    ($ty:ident { $($name:literal => $($field:ident).+),* $(,)? } $(, optional $opt:ident { $($oname:literal => $ofield:ident),* })?) => {
        impl<T: $crate::model::Real> $crate::model::cell::Parameters<T> for $ty<T> {
            fn params(&self) -> Vec<$crate::model::cell::Param<'_, T>> {
                #[allow(unused_mut)]
                let mut v = vec![$($crate::model::cell::Param {
                    name: $name, rows: self.$($field).+.nrows(), cols: self.$($field).+.ncols(),
                    values: self.$($field).+.as_slice(),
                }),*];
                $(if let Some(o) = &self.$opt {
                    $(v.push($crate::model::cell::Param {
                        name: $oname, rows: o.$ofield.nrows(), cols: 1, values: o.$ofield.as_slice(),
                    });)*
                })?
                v
            }
            fn params_mut(&mut self) -> Vec<$crate::model::cell::ParamMut<'_, T>> {
                #[allow(unused_mut)]
                let mut v = vec![$({
                    let (rows, cols) = self.$($field).+.shape();
                    $crate::model::cell::ParamMut { name: $name, rows, cols, values: self.$($field).+.as_mut_slice() }
                }),*];
                $(if let Some(o) = &mut self.$opt {
                    $(v.push({
                        let rows = o.$ofield.nrows();
                        $crate::model::cell::ParamMut { name: $oname, rows, cols: 1, values: o.$ofield.as_mut_slice() }
                    });)*
                })?
                v
            }
        }
    };
}
pub(crate) use impl_parameters;

/// Uniform initialisation as PyTorch does it: every value from U(−k, k), drawn in order.
pub(crate) fn uniform_matrix<T: Real>(
    rows: usize,
    cols: usize,
    k: f64,
    rng: &mut crate::model::Rng,
) -> nalgebra::DMatrix<T> {
    let values: Vec<T> = (0..rows * cols).map(|_| T::of(rng.uniform(-k, k))).collect();
    nalgebra::DMatrix::from_row_slice(rows, cols, &values)
}

/// See [`uniform_matrix`].
pub(crate) fn uniform_vector<T: Real>(len: usize, k: f64, rng: &mut crate::model::Rng) -> DVector<T> {
    DVector::from_iterator(len, (0..len).map(|_| T::of(rng.uniform(-k, k))))
}

/// The weight gradients of a whole backward pass, formed at the end as matrix products:
/// dW_ih = Σ_t dz_t x_tᵀ = DZ·Xᵀ and dW_hh = Σ_t dz_t h_{t−1}ᵀ = DZ·H_prevᵀ. One blocked,
/// vectorised GEMM (nalgebra hands these to `matrixmultiply`) replaces T rank-1 updates.
pub(crate) struct OuterSums<'a, T: Real> {
    /// Row g, column t: the error at pre-activation g of step t, on the input side.
    pub dz_ih: nalgebra::DMatrix<T>,
    /// The same on the recurrent side, where it differs (the GRU's candidate); else `None`.
    pub dz_hh: Option<nalgebra::DMatrix<T>>,
    /// x_t for every step.
    pub xs: Vec<&'a DVector<T>>,
    /// h_{t−1} for every step.
    pub h_prevs: Vec<&'a DVector<T>>,
}

impl<T: Real> OuterSums<'_, T> {
    /// Adds the sums into the four standard gradients.
    pub fn add_to(
        &self,
        weight_ih: &mut nalgebra::DMatrix<T>,
        weight_hh: &mut nalgebra::DMatrix<T>,
        bias_ih: &mut DVector<T>,
        bias_hh: &mut DVector<T>,
    ) {
        let rows_of = |vs: &[&DVector<T>], n: usize| nalgebra::DMatrix::from_fn(vs.len(), n, |t, j| vs[t][j]);
        let x_t = rows_of(&self.xs, weight_ih.ncols());
        let h_t = rows_of(&self.h_prevs, weight_hh.ncols());
        let dz_hh = self.dz_hh.as_ref().unwrap_or(&self.dz_ih);
        weight_ih.gemm(T::one(), &self.dz_ih, &x_t, T::one());
        weight_hh.gemm(T::one(), dz_hh, &h_t, T::one());
        *bias_ih += self.dz_ih.column_sum();
        *bias_hh += dz_hh.column_sum();
    }
}
