//! Any of the cells behind one type, so that tools (the CLI, the gradient-flow analysis, the
//! views that switch between RNN, LSTM and GRU) can treat them alike.

use nalgebra::DVector;

use crate::model::cell::lstm::LstmTrace;
use crate::model::cell::{
    GateClamps, GruCell, Lstm1997Cell, LstmCell, Param, ParamMut, Parameters, RnnCell, ShapeError,
};
use crate::model::trace::{Backward, GruStep, RnnStep, Trace};
use crate::model::{Activation, Real, Rng};

/// Which kind of cell, with the options that change its shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellKind {
    /// A vanilla RNN with this squashing function.
    Rnn(Activation),
    /// The forget-gate LSTM (PyTorch's), optionally with peepholes.
    Lstm {
        /// Whether the gates see the cell state.
        peepholes: bool,
    },
    /// The 1997 LSTM: no forget gate, a CEC with a fixed self-loop of 1.
    Lstm1997,
    /// The GRU (PyTorch's).
    Gru,
}

impl CellKind {
    /// A stable name for files, URLs and the command line.
    pub fn name(self) -> &'static str {
        match self {
            CellKind::Rnn(_) => "rnn",
            CellKind::Lstm { peepholes: false } => "lstm",
            CellKind::Lstm { peepholes: true } => "lstm-peephole",
            CellKind::Lstm1997 => "lstm1997",
            CellKind::Gru => "gru",
        }
    }

    /// How an LSTM squashes its candidate and its cell state, as the diagrams label them: the
    /// forget-gate LSTM uses tanh for both, the 1997 cell g = 4σ − 2 and h = 2σ − 1 (see
    /// [`crate::model::cell::lstm1997`]). `None` for cells without a cell state.
    pub fn squash_labels(self) -> Option<(&'static str, &'static str)> {
        match self {
            CellKind::Lstm { .. } => Some(("tanh", "tanh")),
            CellKind::Lstm1997 => Some(("4σ−2", "2σ−1")),
            CellKind::Rnn(_) | CellKind::Gru => None,
        }
    }

    /// The inverse of [`CellKind::name`] (an RNN gets tanh).
    pub fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "rnn" => CellKind::Rnn(Activation::Tanh),
            "lstm" => CellKind::Lstm { peepholes: false },
            "lstm-peephole" => CellKind::Lstm { peepholes: true },
            "lstm1997" => CellKind::Lstm1997,
            "gru" => CellKind::Gru,
            _ => return None,
        })
    }
}

/// A cell of any kind.
#[derive(Clone, Debug, PartialEq)]
pub enum AnyCell<T: Real> {
    /// A vanilla RNN.
    Rnn(RnnCell<T>),
    /// A forget-gate LSTM.
    Lstm(LstmCell<T>),
    /// A 1997 LSTM.
    Lstm1997(Lstm1997Cell<T>),
    /// A GRU.
    Gru(GruCell<T>),
}

/// A forward pass of any cell.
#[derive(Clone, Debug, PartialEq)]
pub enum AnyTrace<T: Real> {
    /// From an RNN.
    Rnn(Trace<T, RnnStep<T>>),
    /// From either LSTM.
    Lstm(LstmTrace<T>),
    /// From a GRU.
    Gru(Trace<T, GruStep<T>>),
}

impl<T: Real> crate::model::trace::Units for AnyTrace<T> {
    fn units(&self, start: usize, len: usize) -> Self {
        match self {
            AnyTrace::Rnn(t) => AnyTrace::Rnn(t.units(start, len)),
            AnyTrace::Lstm(t) => AnyTrace::Lstm(t.units(start, len)),
            AnyTrace::Gru(t) => AnyTrace::Gru(t.units(start, len)),
        }
    }
}

impl<T: Real> AnyTrace<T> {
    /// The number of steps.
    pub fn len(&self) -> usize {
        match self {
            AnyTrace::Rnn(t) => t.len(),
            AnyTrace::Lstm(t) => t.len(),
            AnyTrace::Gru(t) => t.len(),
        }
    }

    /// True for an empty sequence.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// h_1 … h_T.
    pub fn hidden_states(&self) -> Vec<DVector<T>> {
        match self {
            AnyTrace::Rnn(t) => t.hidden_states(),
            AnyTrace::Lstm(t) => t.hidden_states(),
            AnyTrace::Gru(t) => t.hidden_states(),
        }
    }

    /// The forget-gate values f_1 … f_T, for cells that have a cell state.
    pub fn forget_gates(&self) -> Option<Vec<DVector<T>>> {
        match self {
            AnyTrace::Lstm(t) => Some(t.steps.iter().map(|s| s.f.clone()).collect()),
            _ => None,
        }
    }
}

impl<T: Real> AnyCell<T> {
    /// A seeded cell of `kind` (see each cell's `seeded` for its initialisation).
    pub fn seeded(kind: CellKind, input_size: usize, hidden_size: usize, rng: &mut Rng) -> Self {
        match kind {
            CellKind::Rnn(a) => AnyCell::Rnn(RnnCell::seeded(input_size, hidden_size, a, rng)),
            CellKind::Lstm { peepholes } => {
                AnyCell::Lstm(LstmCell::seeded(input_size, hidden_size, peepholes, rng))
            }
            CellKind::Lstm1997 => AnyCell::Lstm1997(Lstm1997Cell::seeded(input_size, hidden_size, rng)),
            CellKind::Gru => AnyCell::Gru(GruCell::seeded(input_size, hidden_size, rng)),
        }
    }

    /// The kind of this cell.
    pub fn kind(&self) -> CellKind {
        match self {
            AnyCell::Rnn(c) => CellKind::Rnn(c.activation),
            AnyCell::Lstm(c) => CellKind::Lstm { peepholes: c.peepholes.is_some() },
            AnyCell::Lstm1997(_) => CellKind::Lstm1997,
            AnyCell::Gru(_) => CellKind::Gru,
        }
    }

    /// The hidden size H.
    pub fn hidden_size(&self) -> usize {
        match self {
            AnyCell::Rnn(c) => c.hidden_size(),
            AnyCell::Lstm(c) => c.hidden_size(),
            AnyCell::Lstm1997(c) => c.hidden_size(),
            AnyCell::Gru(c) => c.hidden_size(),
        }
    }

    /// The input size I.
    pub fn input_size(&self) -> usize {
        match self {
            AnyCell::Rnn(c) => c.input_size(),
            AnyCell::Lstm(c) => c.input_size(),
            AnyCell::Lstm1997(c) => c.input_size(),
            AnyCell::Gru(c) => c.input_size(),
        }
    }

    /// True for the LSTMs, which carry a cell state.
    pub fn has_cell_state(&self) -> bool {
        matches!(self, AnyCell::Lstm(_) | AnyCell::Lstm1997(_))
    }

    /// Sets gate surgery (an RNN has no gates and ignores it).
    pub fn set_clamps(&mut self, clamps: GateClamps) {
        match self {
            AnyCell::Rnn(_) => {}
            AnyCell::Lstm(c) => c.clamps = clamps,
            AnyCell::Lstm1997(c) => c.clamps = clamps,
            AnyCell::Gru(c) => c.clamps = clamps,
        }
    }

    /// Runs the cell over a sequence from the zero state.
    pub fn forward(&self, xs: &[DVector<T>]) -> Result<AnyTrace<T>, ShapeError> {
        self.forward_from(xs, None, None)
    }

    /// Runs the cell over a sequence from (h_0, c_0), zero where not given; cells without a cell
    /// state ignore `c0`.
    pub fn forward_from(
        &self,
        xs: &[DVector<T>],
        h0: Option<&DVector<T>>,
        c0: Option<&DVector<T>>,
    ) -> Result<AnyTrace<T>, ShapeError> {
        Ok(match self {
            AnyCell::Rnn(c) => AnyTrace::Rnn(c.forward(xs, h0)?),
            AnyCell::Lstm(c) => AnyTrace::Lstm(c.forward(xs, h0, c0)?),
            #[cfg(not(feature = "slim"))]
            AnyCell::Lstm1997(c) => AnyTrace::Lstm(c.forward(xs, h0, c0)?),
            #[cfg(not(feature = "slim"))]
            AnyCell::Gru(c) => AnyTrace::Gru(c.forward(xs, h0)?),
            #[cfg(feature = "slim")]
            AnyCell::Lstm1997(_) | AnyCell::Gru(_) => return Err(ShapeError::Unsupported),
        })
    }

    /// Backpropagation through time for a trace this cell produced, with `dh_out[t]` sent into
    /// h_{t+1} and, for cells with a cell state, `dc_last` into c_T.
    pub fn backward(
        &self,
        trace: &AnyTrace<T>,
        dh_out: &[DVector<T>],
        dc_last: Option<&DVector<T>>,
    ) -> Result<Backward<T, AnyCell<T>>, ShapeError> {
        fn wrap<T: Real, C>(b: Backward<T, C>, f: impl FnOnce(C) -> AnyCell<T>) -> Backward<T, AnyCell<T>> {
            Backward {
                grads: f(b.grads),
                dh: b.dh,
                dc: b.dc,
                dc_belt: b.dc_belt,
                dx: b.dx,
                dh0: b.dh0,
                dc0: b.dc0,
            }
        }
        let mismatch = || ShapeError::OutputGradient { steps: trace.len(), found: dh_out.len() };
        Ok(match (self, trace) {
            (AnyCell::Rnn(c), AnyTrace::Rnn(t)) => wrap(c.backward(t, dh_out)?, AnyCell::Rnn),
            (AnyCell::Lstm(c), AnyTrace::Lstm(t)) => {
                wrap(c.backward_from(t, dh_out, dc_last)?, AnyCell::Lstm)
            }
            #[cfg(not(feature = "slim"))]
            (AnyCell::Lstm1997(c), AnyTrace::Lstm(t)) => {
                wrap(c.backward_from(t, dh_out, dc_last)?, AnyCell::Lstm1997)
            }
            #[cfg(not(feature = "slim"))]
            (AnyCell::Gru(c), AnyTrace::Gru(t)) => wrap(c.backward(t, dh_out)?, AnyCell::Gru),
            #[cfg(feature = "slim")]
            (AnyCell::Lstm1997(_) | AnyCell::Gru(_), _) => return Err(ShapeError::Unsupported),
            _ => return Err(mismatch()),
        })
    }
}

impl<T: Real> Parameters<T> for AnyCell<T> {
    fn params(&self) -> Vec<Param<'_, T>> {
        match self {
            AnyCell::Rnn(c) => c.params(),
            AnyCell::Lstm(c) => c.params(),
            AnyCell::Lstm1997(c) => c.params(),
            AnyCell::Gru(c) => c.params(),
        }
    }
    fn params_mut(&mut self) -> Vec<ParamMut<'_, T>> {
        match self {
            AnyCell::Rnn(c) => c.params_mut(),
            AnyCell::Lstm(c) => c.params_mut(),
            AnyCell::Lstm1997(c) => c.params_mut(),
            AnyCell::Gru(c) => c.params_mut(),
        }
    }
}

/// A recurrent cell with a readout on top: what is trained.
#[derive(Clone, Debug, PartialEq)]
pub struct Network<T: Real> {
    /// The recurrent cell.
    pub cell: AnyCell<T>,
    /// y_t = φ(W h_t + b).
    pub readout: crate::model::readout::Readout<T>,
}

impl<T: Real> Parameters<T> for Network<T> {
    fn params(&self) -> Vec<Param<'_, T>> {
        let mut all = self.cell.params();
        all.extend(self.readout.params());
        all
    }
    fn params_mut(&mut self) -> Vec<ParamMut<'_, T>> {
        let mut all = self.cell.params_mut();
        all.extend(self.readout.params_mut());
        all
    }
}

impl<T: Real> Network<T> {
    /// A seeded cell with a seeded readout.
    pub fn seeded(
        kind: CellKind,
        input: usize,
        hidden: usize,
        outputs: usize,
        output_kind: crate::model::readout::OutputKind,
        rng: &mut Rng,
    ) -> Self {
        let cell = AnyCell::seeded(kind, input, hidden, rng);
        let readout = crate::model::readout::Readout::seeded(hidden, outputs, output_kind, rng);
        Self { cell, readout }
    }
}

/// A cell of the given kind and sizes with every parameter zero.
pub fn zero_cell<T: Real>(kind: CellKind, input: usize, hidden: usize) -> AnyCell<T> {
    use crate::model::cell::Parameters;
    AnyCell::<T>::seeded(kind, input, hidden, &mut crate::model::Rng::new(0)).zeros_like()
}
