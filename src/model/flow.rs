//! Gradient-flow analysis: how much of an error at the last step survives the trip back to an
//! earlier one. This is what the vanishing/exploding-gradient plots draw.
//!
//! Every Jacobian here is read off exact backward passes: sending the unit error e_j into h_T
//! and running backpropagation through time yields row j of ∂h_T/∂h_t for every t at once, so
//! H passes give every lag. Norms are spectral (the largest singular value), the norm in which
//! Pascanu et al.'s bound ‖∂h_T/∂h_{T−k}‖ ≤ (γ·σ_max(W))^k is stated.

use nalgebra::{DMatrix, DVector};

use crate::model::Real;
use crate::model::cell::{LstmCell, RnnCell, ShapeError};
use crate::model::network::{AnyCell, AnyTrace};
use crate::model::trace::Backward;

/// What the analysis needs of a cell: run it, and backpropagate an error from the last step.
/// [`AnyCell`] covers every kind; the concrete cells implement it too, so a caller that only ever
/// analyses an RNN and an LSTM (the page's decay plot) links only their backward passes.
pub trait FlowCell<T: Real> {
    /// The hidden size H.
    fn hidden_size(&self) -> usize;
    /// Whether the cell has a cell state.
    fn has_cell_state(&self) -> bool;
    /// The forward pass.
    fn run(&self, xs: &[DVector<T>]) -> Result<AnyTrace<T>, ShapeError>;
    /// The backward pass: (dL/dh_t per step, dL/dh_0, dL/dc_t per step, dL/dc_0).
    fn back(
        &self,
        trace: &AnyTrace<T>,
        dh_out: &[DVector<T>],
        dc_last: Option<&DVector<T>>,
    ) -> Result<Errors<T>, ShapeError>;
    /// γ·σ_max(W_hh) for a vanilla RNN, where Pascanu et al.'s bound applies.
    fn bound_rate(&self) -> Option<f64> {
        None
    }
}

/// The per-step errors a backward pass returns: (dh, dh_0, dc, dc_0).
pub type Errors<T> = (Vec<DVector<T>>, DVector<T>, Vec<DVector<T>>, DVector<T>);

fn errors<T: Real, G>(b: Backward<T, G>) -> Errors<T> {
    (b.dh, b.dh0, b.dc, b.dc0)
}

fn mismatch<T: Real>(trace: &AnyTrace<T>) -> ShapeError {
    ShapeError::OutputGradient { steps: trace.len(), found: 0 }
}

fn rnn_rate<T: Real>(c: &RnnCell<T>) -> f64 {
    c.activation.max_slope() * spectral_norm(&c.weight_hh.map(|x| x.to_f64()))
}

impl<T: Real> FlowCell<T> for AnyCell<T> {
    fn hidden_size(&self) -> usize {
        AnyCell::hidden_size(self)
    }
    fn has_cell_state(&self) -> bool {
        AnyCell::has_cell_state(self)
    }
    fn run(&self, xs: &[DVector<T>]) -> Result<AnyTrace<T>, ShapeError> {
        self.forward(xs)
    }
    fn back(
        &self,
        trace: &AnyTrace<T>,
        dh_out: &[DVector<T>],
        dc_last: Option<&DVector<T>>,
    ) -> Result<Errors<T>, ShapeError> {
        self.backward(trace, dh_out, dc_last).map(errors)
    }
    fn bound_rate(&self) -> Option<f64> {
        match self {
            AnyCell::Rnn(c) => Some(rnn_rate(c)),
            _ => None,
        }
    }
}

impl<T: Real> FlowCell<T> for RnnCell<T> {
    fn hidden_size(&self) -> usize {
        RnnCell::hidden_size(self)
    }
    fn has_cell_state(&self) -> bool {
        false
    }
    fn run(&self, xs: &[DVector<T>]) -> Result<AnyTrace<T>, ShapeError> {
        self.forward(xs, None).map(AnyTrace::Rnn)
    }
    fn back(
        &self,
        trace: &AnyTrace<T>,
        dh_out: &[DVector<T>],
        _: Option<&DVector<T>>,
    ) -> Result<Errors<T>, ShapeError> {
        match trace {
            AnyTrace::Rnn(t) => self.backward(t, dh_out).map(errors),
            _ => Err(mismatch(trace)),
        }
    }
    fn bound_rate(&self) -> Option<f64> {
        Some(rnn_rate(self))
    }
}

impl<T: Real> FlowCell<T> for LstmCell<T> {
    fn hidden_size(&self) -> usize {
        LstmCell::hidden_size(self)
    }
    fn has_cell_state(&self) -> bool {
        true
    }
    fn run(&self, xs: &[DVector<T>]) -> Result<AnyTrace<T>, ShapeError> {
        self.forward(xs, None, None).map(AnyTrace::Lstm)
    }
    fn back(
        &self,
        trace: &AnyTrace<T>,
        dh_out: &[DVector<T>],
        dc_last: Option<&DVector<T>>,
    ) -> Result<Errors<T>, ShapeError> {
        match trace {
            AnyTrace::Lstm(t) => self.backward_from(t, dh_out, dc_last).map(errors),
            _ => Err(mismatch(trace)),
        }
    }
}

/// What the analysis found, indexed by lag k = 0 … T (k = T reaches the initial state).
#[derive(Clone, Debug, PartialEq)]
pub struct FlowAnalysis {
    /// ‖∂h_T/∂h_{T−k}‖₂ through every path (for LSTMs, through h and c alike).
    pub hidden: Vec<f64>,
    /// ‖∂c_T/∂c_{T−k}‖₂ through every path, for cells with a cell state.
    pub cell: Option<Vec<f64>>,
    /// ‖diag(f_T ⊙ … ⊙ f_{T−k+1})‖₂: the same along the conveyor belt alone.
    pub cell_path: Option<Vec<f64>>,
    /// ‖dL/dh_{T−k}‖₂ for a loss that reads only the last hidden state.
    pub loss_grad: Vec<f64>,
    /// Pascanu et al.'s upper bound (γ·σ_max(W_hh))^k, for the vanilla RNN.
    pub bound: Option<Vec<f64>>,
}

/// The largest singular value of a matrix (0 for an empty one).
pub fn spectral_norm(m: &DMatrix<f64>) -> f64 {
    if m.is_empty() {
        return 0.0;
    }
    m.clone().singular_values().max()
}

fn to_f64<T: Real>(v: &DVector<T>) -> DVector<f64> {
    v.map(|x| x.to_f64())
}

/// Runs the cell on `xs` and measures the flow back from the last step. `dl_dh_last` is the
/// error a loss at the last step sends into h_T.
pub fn analyse<T: Real, C: FlowCell<T>>(
    cell: &C,
    xs: &[DVector<T>],
    dl_dh_last: &DVector<T>,
) -> Result<FlowAnalysis, ShapeError> {
    let trace = cell.run(xs)?;
    let steps = trace.len();
    let n = cell.hidden_size();
    let unit = |j: usize| {
        let mut e = DVector::zeros(n);
        e[j] = T::one();
        e
    };
    let zeros = vec![DVector::<T>::zeros(n); steps];

    // Rows of ∂h_T/∂h_{T−k}: jac[k].row(j) = e_jᵀ ∂h_T/∂h_{T−k}.
    let mut hidden_jac = vec![DMatrix::<f64>::zeros(n, n); steps + 1];
    let mut cell_jac = cell.has_cell_state().then(|| vec![DMatrix::<f64>::zeros(n, n); steps + 1]);
    if steps > 0 {
        for j in 0..n {
            let mut dh_out = zeros.clone();
            dh_out[steps - 1] = unit(j);
            let (dh, dh0, _, _) = cell.back(&trace, &dh_out, None)?;
            fill_rows(&mut hidden_jac, j, &dh, &dh0);
            if let Some(cj) = cell_jac.as_mut() {
                let (_, _, dc, dc0) = cell.back(&trace, &zeros, Some(&unit(j)))?;
                fill_rows(cj, j, &dc, &dc0);
            }
        }
    } else {
        hidden_jac[0] = DMatrix::identity(n, n);
        if let Some(cj) = cell_jac.as_mut() {
            cj[0] = DMatrix::identity(n, n);
        }
    }

    let loss_grad = if steps > 0 {
        let mut dh_out = zeros.clone();
        dh_out[steps - 1] = dl_dh_last.clone();
        let (dh, dh0, _, _) = cell.back(&trace, &dh_out, None)?;
        let mut norms: Vec<f64> = dh.iter().rev().map(|d| to_f64(d).norm()).collect();
        norms.push(to_f64(&dh0).norm());
        norms
    } else {
        vec![to_f64(dl_dh_last).norm()]
    };

    let cell_path = trace.forget_gates().map(|fs| {
        let mut product = DVector::<f64>::from_element(n, 1.0);
        let mut out = vec![if n > 0 { 1.0 } else { 0.0 }];
        for f in fs.iter().rev() {
            product.component_mul_assign(&to_f64(f));
            out.push(product.amax());
        }
        out
    });

    let bound = cell.bound_rate().map(|rate| (0..=steps).map(|k| rate.powi(k as i32)).collect());

    Ok(FlowAnalysis {
        hidden: hidden_jac.iter().map(spectral_norm).collect(),
        cell: cell_jac.map(|js| js.iter().map(spectral_norm).collect()),
        cell_path,
        loss_grad,
        bound,
    })
}

/// Writes row `j` of every lag's Jacobian from one backward pass: `per_step[t]` is the error at
/// state t+1, so lag k = T − 1 − t; `initial` is lag T.
fn fill_rows<T: Real>(jac: &mut [DMatrix<f64>], j: usize, per_step: &[DVector<T>], initial: &DVector<T>) {
    let steps = per_step.len();
    for (t, d) in per_step.iter().enumerate() {
        jac[steps - 1 - t].set_row(j, &to_f64(d).transpose());
    }
    jac[steps].set_row(j, &to_f64(initial).transpose());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::cell::{GateClamps, RnnCell};
    use crate::model::network::CellKind;
    use crate::model::{Activation, Rng};
    use approx::assert_relative_eq;

    /// W = ρ·Q with Q orthogonal (from the QR factorisation of a random matrix).
    fn scaled_orthogonal(n: usize, rho: f64, seed: u64) -> DMatrix<f64> {
        let mut rng = Rng::new(seed);
        let a = DMatrix::from_fn(n, n, |_, _| rng.uniform(-1.0, 1.0));
        a.qr().q() * rho
    }

    #[test]
    fn tanh_rnn_at_rest_with_scaled_orthogonal_weights_decays_exactly_as_rho_to_the_lag() {
        for rho in [0.8, 1.0, 1.15] {
            let n = 5;
            let cell = AnyCell::Rnn(RnnCell {
                weight_ih: DMatrix::zeros(n, 1),
                weight_hh: scaled_orthogonal(n, rho, 3),
                bias_ih: DVector::zeros(n),
                bias_hh: DVector::zeros(n),
                activation: Activation::Tanh,
            });
            let xs = vec![DVector::zeros(1); 40];
            let flow = analyse(&cell, &xs, &DVector::from_element(n, 1.0)).unwrap();
            assert_eq!(flow.hidden.len(), 41, "lags 0 … 40");
            assert_eq!(flow.bound.as_ref().map(Vec::len), Some(41));
            for (k, &norm) in flow.hidden.iter().enumerate() {
                assert_relative_eq!(norm, rho.powi(k as i32), max_relative = 1e-10);
            }
            // γ = 1 and σ_max(ρQ) = ρ: the bound is tight here.
            for (b, h) in flow.bound.unwrap().iter().zip(&flow.hidden) {
                assert_relative_eq!(*b, *h, max_relative = 1e-10);
            }
        }
    }

    #[test]
    fn lstm_with_forget_clamped_open_and_input_closed_keeps_the_cell_jacobian_at_norm_one() {
        let mut cell = AnyCell::<f64>::seeded(CellKind::Lstm { peepholes: false }, 2, 4, &mut Rng::new(1));
        cell.set_clamps(GateClamps { forget: Some(1.0), input: Some(0.0), ..Default::default() });
        let mut rng = Rng::new(2);
        let xs: Vec<_> = (0..30).map(|_| DVector::from_fn(2, |_, _| rng.uniform(-1.0, 1.0))).collect();
        let flow = analyse(&cell, &xs, &DVector::from_element(4, 1.0)).unwrap();
        assert_eq!(flow.cell.as_ref().map(Vec::len), Some(31), "lags 0 … 30");
        assert_eq!(flow.cell_path.as_ref().map(Vec::len), Some(31));
        for (&full, &path) in flow.cell.unwrap().iter().zip(flow.cell_path.as_ref().unwrap()) {
            assert_relative_eq!(full, 1.0, epsilon = 1e-12);
            assert_relative_eq!(path, 1.0, epsilon = 1e-12);
        }
    }

    #[test]
    fn a_driven_rnn_stays_under_its_bound() {
        for act in Activation::ALL {
            let cell = AnyCell::<f64>::seeded(CellKind::Rnn(act), 1, 6, &mut Rng::new(4));
            let mut rng = Rng::new(5);
            let xs: Vec<_> = (0..25).map(|_| DVector::from_element(1, rng.uniform(-1.0, 1.0))).collect();
            let flow = analyse(&cell, &xs, &DVector::from_element(6, 1.0)).unwrap();
            assert_eq!(flow.hidden.len(), 26, "lags 0 … 25");
            assert_eq!(flow.bound.as_ref().map(Vec::len), Some(26));
            for (h, b) in flow.hidden.iter().zip(flow.bound.unwrap()) {
                assert!(*h <= b * (1.0 + 1e-9), "{act:?}: {h} > {b}");
            }
        }
    }

    #[test]
    fn forget_gates_below_one_shrink_the_conveyor_belt_geometrically() {
        let mut cell = AnyCell::<f64>::seeded(CellKind::Lstm { peepholes: false }, 1, 3, &mut Rng::new(6));
        cell.set_clamps(GateClamps { forget: Some(0.9), ..Default::default() });
        let xs = vec![DVector::from_element(1, 0.5); 12];
        let flow = analyse(&cell, &xs, &DVector::from_element(3, 1.0)).unwrap();
        assert_eq!(flow.cell_path.as_ref().map(Vec::len), Some(13), "lags 0 … 12");
        for (k, p) in flow.cell_path.unwrap().iter().enumerate() {
            assert_relative_eq!(*p, 0.9_f64.powi(k as i32), max_relative = 1e-12);
        }
    }

    #[test]
    fn an_empty_sequence_has_only_lag_zero() {
        let cell = AnyCell::<f64>::seeded(CellKind::Gru, 1, 3, &mut Rng::new(7));
        let flow = analyse(&cell, &[], &DVector::from_element(3, 1.0)).unwrap();
        assert_eq!(flow.hidden, vec![1.0]);
        assert_eq!(flow.loss_grad.len(), 1);
    }
}
