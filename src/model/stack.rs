//! Stacked layers, as PyTorch's `num_layers` builds them: layer 1 reads the input sequence, layer
//! l + 1 reads the hidden states of layer l, and the network's output is the top layer's hidden
//! states. Backpropagation through the stack is exact: the error the top layer sends back into
//! its inputs (dL/dx_t) is the error arriving at the hidden states of the layer below.
//!
//! A stack also remembers whether it has biases, because PyTorch's `bias=False` layers have none
//! in their `state_dict`: such a stack keeps its biases at zero and writes none back.

use nalgebra::DVector;

use crate::model::Real;
use crate::model::cell::{Parameters, ShapeError};
use crate::model::network::{AnyCell, AnyTrace, CellKind};
use crate::model::trace::Backward;

/// The most layers a stack has (PyTorch allows more; the page draws one lane per layer).
pub const MAX_LAYERS: usize = 3;

/// One to [`MAX_LAYERS`] cells of one kind, each reading the hidden states of the one below.
#[derive(Clone, Debug, PartialEq)]
pub struct Stack<T: Real> {
    /// Bottom first. Layer 1 has the input size I, every other layer the input size H.
    layers: Vec<AnyCell<T>>,
    /// False for PyTorch's `bias=False`: every bias is zero and none is written to a file.
    bias: bool,
}

/// What can be wrong when layers are put together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StackError {
    /// No layers, or more than [`MAX_LAYERS`].
    Layers(usize),
    /// Layers of different kinds or hidden sizes, or a layer whose input is not the hidden size
    /// of the layer below.
    Mismatch {
        /// The 1-based layer that does not fit.
        layer: usize,
    },
    /// A flat list of values of the wrong length.
    Values {
        /// The number of parameters.
        expected: usize,
        /// The number of values.
        found: usize,
    },
}

impl std::fmt::Display for StackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StackError::Layers(n) => write!(f, "a stack has 1 to {MAX_LAYERS} layers, not {n}"),
            StackError::Values { expected, found } => {
                write!(f, "{found} values for a stack of {expected} parameters")
            }
            StackError::Mismatch { layer } => write!(
                f,
                "layer {layer} does not fit the layer below (same kind, same hidden size, input = hidden size)"
            ),
        }
    }
}

impl std::error::Error for StackError {}

/// A forward pass through every layer, bottom first.
#[derive(Clone, Debug, PartialEq)]
pub struct StackTrace<T: Real> {
    /// One trace per layer; layer l + 1's inputs are layer l's hidden states.
    pub layers: Vec<AnyTrace<T>>,
}

impl<T: Real> StackTrace<T> {
    /// The number of steps.
    pub fn len(&self) -> usize {
        self.layers.first().map_or(0, AnyTrace::len)
    }

    /// True for an empty sequence.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The network's output: the top layer's h_1 … h_T.
    pub fn output(&self) -> Vec<DVector<T>> {
        self.layers.last().map(AnyTrace::hidden_states).unwrap_or_default()
    }

    /// The top layer's trace.
    pub fn top(&self) -> Option<&AnyTrace<T>> {
        self.layers.last()
    }
}

/// The errors and gradients of every layer, bottom first.
#[derive(Clone, Debug, PartialEq)]
pub struct StackBackward<T: Real> {
    /// Layer by layer: dL/dθ of that layer's cell, and the errors reaching its states. A layer's
    /// `dx` is the error it sends down into the hidden states of the layer below (for layer 1,
    /// into the input).
    pub layers: Vec<Backward<T, AnyCell<T>>>,
}

impl<T: Real> StackBackward<T> {
    /// dL/dx_t for the network's input.
    pub fn dx(&self) -> &[DVector<T>] {
        self.layers.first().map_or(&[], |b| &b.dx)
    }
}

/// `weight_ih_l0` → `weight_ih_l2`: PyTorch's name of a parameter in another layer.
pub fn layer_name(name: &str, layer: usize) -> String {
    match name.strip_suffix("_l0") {
        Some(stem) => format!("{stem}_l{layer}"),
        None => format!("{name}_l{layer}"),
    }
}

/// True for the parameters that `bias=False` leaves out.
pub fn is_bias(name: &str) -> bool {
    name.starts_with("bias")
}

impl<T: Real> Stack<T> {
    /// Layers put together, bottom first, checked to fit.
    pub fn new(layers: Vec<AnyCell<T>>, bias: bool) -> Result<Self, StackError> {
        if layers.is_empty() || layers.len() > MAX_LAYERS {
            return Err(StackError::Layers(layers.len()));
        }
        let (kind, hidden) = (layers[0].kind(), layers[0].hidden_size());
        if let Some(bad) = layers
            .iter()
            .enumerate()
            .skip(1)
            .find(|(_, l)| l.kind() != kind || l.hidden_size() != hidden || l.input_size() != hidden)
        {
            return Err(StackError::Mismatch { layer: bad.0 + 1 });
        }
        let mut stack = Self { layers, bias };
        if !bias {
            stack.zero_biases();
        }
        Ok(stack)
    }

    /// One layer, with biases.
    pub fn single(cell: AnyCell<T>) -> Self {
        Self { layers: vec![cell], bias: true }
    }

    /// `layers` seeded cells (each layer from the same generator, in order).
    pub fn seeded(
        kind: CellKind,
        input: usize,
        hidden: usize,
        layers: usize,
        bias: bool,
        rng: &mut crate::model::Rng,
    ) -> Result<Self, StackError> {
        let cells = (0..layers)
            .map(|l| AnyCell::seeded(kind, if l == 0 { input } else { hidden }, hidden, rng))
            .collect();
        Self::new(cells, bias)
    }

    fn from_flat_shape(
        kind: CellKind,
        input: usize,
        hidden: usize,
        layers: usize,
        bias: bool,
    ) -> Result<Self, StackError> {
        let cells = (0..layers)
            .map(|l| crate::model::network::zero_cell::<T>(kind, if l == 0 { input } else { hidden }, hidden))
            .collect();
        Self::new(cells, bias)
    }

    fn zero_biases(&mut self) {
        for cell in &mut self.layers {
            cell.params_mut().into_iter().filter(|p| is_bias(p.name)).for_each(|p| p.values.fill(T::zero()));
        }
    }

    /// The layers, bottom first.
    pub fn layers(&self) -> &[AnyCell<T>] {
        &self.layers
    }

    /// Whether the layers have biases (PyTorch's `bias`).
    pub fn has_bias(&self) -> bool {
        self.bias
    }

    /// The cell kind of every layer.
    pub fn kind(&self) -> CellKind {
        self.layers[0].kind()
    }

    /// I.
    pub fn input_size(&self) -> usize {
        self.layers[0].input_size()
    }

    /// H, the same in every layer.
    pub fn hidden_size(&self) -> usize {
        self.layers[0].hidden_size()
    }

    /// How many numbers the stack learns (biases count only when it has them).
    pub fn num_params(&self) -> usize {
        self.layers
            .iter()
            .flat_map(|c| c.params())
            .filter(|p| self.bias || !is_bias(p.name))
            .map(|p| p.values.len())
            .sum()
    }

    /// Every parameter under its PyTorch name in the stack (`weight_ih_l1`, …), bottom layer
    /// first, biases left out when the stack has none: exactly a `state_dict`'s keys.
    pub fn named_params(&self) -> Vec<(String, crate::model::cell::Param<'_, T>)> {
        self.layers
            .iter()
            .enumerate()
            .flat_map(|(l, c)| c.params().into_iter().map(move |p| (layer_name(p.name, l), p)))
            .filter(|(_, p)| self.bias || !is_bias(p.name))
            .collect()
    }

    /// Runs every layer over the sequence from the zero state.
    pub fn forward(&self, xs: &[DVector<T>]) -> Result<StackTrace<T>, ShapeError> {
        self.forward_from(xs, &[], &[])
    }

    /// Runs every layer from its own (h_0, c_0), zero where a layer has none given.
    pub fn forward_from(
        &self,
        xs: &[DVector<T>],
        h0: &[DVector<T>],
        c0: &[DVector<T>],
    ) -> Result<StackTrace<T>, ShapeError> {
        let mut layers = Vec::with_capacity(self.layers.len());
        let mut input = xs.to_vec();
        for (l, cell) in self.layers.iter().enumerate() {
            let trace = cell.forward_from(&input, h0.get(l), c0.get(l))?;
            input = trace.hidden_states();
            layers.push(trace);
        }
        Ok(StackTrace { layers })
    }

    /// Backpropagation through time and through the stack: `dh_out[t]` is the error sent into
    /// the top layer's h_{t+1}; `dc_last`, one per layer or none, into each layer's c_T.
    pub fn backward(
        &self,
        trace: &StackTrace<T>,
        dh_out: &[DVector<T>],
        dc_last: &[DVector<T>],
    ) -> Result<StackBackward<T>, ShapeError> {
        if trace.layers.len() != self.layers.len() {
            return Err(ShapeError::OutputGradient { steps: trace.len(), found: 0 });
        }
        let mut layers = Vec::with_capacity(self.layers.len());
        let mut error = dh_out.to_vec();
        for (l, (cell, t)) in self.layers.iter().zip(&trace.layers).enumerate().rev() {
            let back = cell.backward(t, &error, dc_last.get(l))?;
            error.clone_from(&back.dx);
            layers.push(back);
        }
        layers.reverse();
        if !self.bias {
            for b in &mut layers {
                b.grads
                    .params_mut()
                    .into_iter()
                    .filter(|p| is_bias(p.name))
                    .for_each(|p| p.values.fill(T::zero()));
            }
        }
        Ok(StackBackward { layers })
    }

    /// Every parameter value, in [`Stack::named_params`] order, each tensor column-major: what
    /// crosses between the page and the lab module, rebuilt by [`Stack::from_flat`].
    pub fn flat(&self) -> Vec<f64> {
        self.named_params().iter().flat_map(|(_, p)| p.values.iter().map(|v| v.to_f64())).collect()
    }

    /// A stack of this shape holding `values` (as [`Stack::flat`] wrote them); an error when the
    /// count does not match.
    pub fn from_flat(
        kind: CellKind,
        input: usize,
        hidden: usize,
        layers: usize,
        bias: bool,
        values: &[f64],
    ) -> Result<Self, StackError> {
        let mut stack = Self::from_flat_shape(kind, input, hidden, layers, bias)?;
        let expected = stack.num_params();
        if values.len() != expected {
            return Err(StackError::Values { expected, found: values.len() });
        }
        let mut rest = values;
        for cell in &mut stack.layers {
            for p in cell.params_mut().into_iter().filter(|p| bias || !is_bias(p.name)) {
                let n = p.values.len();
                for (to, from) in p.values.iter_mut().zip(&rest[..n]) {
                    *to = T::of(*from);
                }
                rest = &rest[n..];
            }
        }
        Ok(stack)
    }

    /// The layers as f64, for the analyses (and as any other precision).
    pub fn cast<U: Real>(&self) -> Stack<U> {
        let layers = self
            .layers
            .iter()
            .map(|c| {
                let mut out =
                    crate::model::network::zero_cell::<U>(c.kind(), c.input_size(), c.hidden_size());
                for (to, from) in out.params_mut().into_iter().zip(c.params()) {
                    for (a, b) in to.values.iter_mut().zip(from.values) {
                        *a = U::of(b.to_f64());
                    }
                }
                out
            })
            .collect();
        Stack { layers, bias: self.bias }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rng;

    fn sequence(steps: usize, input: usize, seed: u64) -> Vec<DVector<f64>> {
        let mut rng = Rng::new(seed);
        (0..steps).map(|_| DVector::from_fn(input, |_, _| rng.uniform(-1.0, 1.0))).collect()
    }

    #[test]
    fn layer_two_reads_the_hidden_states_of_layer_one() {
        let stack = Stack::<f64>::seeded(CellKind::Gru, 2, 3, 2, true, &mut Rng::new(4)).unwrap();
        let xs = sequence(5, 2, 1);
        let trace = stack.forward(&xs).unwrap();
        let below = stack.layers()[0].forward(&xs).unwrap().hidden_states();
        let above = stack.layers()[1].forward(&below).unwrap().hidden_states();
        assert_eq!(trace.output(), above);
        assert_eq!(trace.layers[0].hidden_states(), below);
    }

    #[test]
    fn a_layer_of_another_hidden_size_or_kind_is_refused() {
        let mut rng = Rng::new(1);
        let a = AnyCell::<f64>::seeded(CellKind::Gru, 2, 3, &mut rng);
        let wide = AnyCell::<f64>::seeded(CellKind::Gru, 3, 4, &mut rng);
        let lstm = AnyCell::<f64>::seeded(CellKind::Lstm { peepholes: false }, 3, 3, &mut rng);
        assert_eq!(Stack::new(vec![a.clone(), wide], true), Err(StackError::Mismatch { layer: 2 }));
        assert_eq!(Stack::new(vec![a.clone(), lstm], true), Err(StackError::Mismatch { layer: 2 }));
        assert_eq!(Stack::<f64>::new(vec![], true), Err(StackError::Layers(0)));
        assert_eq!(Stack::new(vec![a.clone(); 4], true).err(), Some(StackError::Layers(4)));
    }

    #[test]
    fn without_bias_every_bias_and_its_gradient_stays_zero() {
        let stack =
            Stack::<f64>::seeded(CellKind::Lstm { peepholes: false }, 2, 3, 2, false, &mut Rng::new(2))
                .unwrap();
        let biases = |c: &AnyCell<f64>| -> Vec<f64> {
            c.params().into_iter().filter(|p| is_bias(p.name)).flat_map(|p| p.values.to_vec()).collect()
        };
        assert!(stack.layers().iter().all(|c| biases(c).iter().all(|&b| b == 0.0)));
        let trace = stack.forward(&sequence(4, 2, 3)).unwrap();
        let g = vec![DVector::from_element(3, 1.0); 4];
        let back = stack.backward(&trace, &g, &[]).unwrap();
        assert!(back.layers.iter().all(|b| biases(&b.grads).iter().all(|&v| v == 0.0)));
        assert!(stack.named_params().iter().all(|(n, _)| !n.starts_with("bias")));
        // weight_ih (12×2) + weight_hh (12×3), then 12×3 + 12×3 for layer two.
        assert_eq!(stack.num_params(), 24 + 36 + 36 + 36);
    }

    #[test]
    fn names_follow_pytorch_layer_numbering() {
        let stack = Stack::<f64>::seeded(
            CellKind::Rnn(crate::model::Activation::Tanh),
            1,
            2,
            3,
            true,
            &mut Rng::new(1),
        )
        .unwrap();
        let names: Vec<String> = stack.named_params().into_iter().map(|(n, _)| n).collect();
        assert_eq!(names.len(), 12);
        assert_eq!(&names[8..], ["weight_ih_l2", "weight_hh_l2", "bias_ih_l2", "bias_hh_l2"]);
    }

    #[test]
    fn a_stack_crosses_as_flat_values_and_comes_back_whole() {
        for bias in [true, false] {
            let s =
                Stack::<f64>::seeded(CellKind::Lstm { peepholes: false }, 2, 3, 3, bias, &mut Rng::new(9))
                    .unwrap();
            let flat = s.flat();
            assert_eq!(flat.len(), s.num_params());
            let back = Stack::<f64>::from_flat(s.kind(), 2, 3, 3, bias, &flat).unwrap();
            assert_eq!(back, s);
            let short = Stack::<f64>::from_flat(s.kind(), 2, 3, 3, bias, &flat[1..]);
            assert_eq!(short, Err(StackError::Values { expected: flat.len(), found: flat.len() - 1 }));
        }
    }

    #[test]
    fn a_window_of_units_keeps_their_true_values_and_the_whole_input() {
        use crate::model::trace::Units;
        let s = Stack::<f64>::seeded(CellKind::Lstm { peepholes: false }, 2, 5, 1, true, &mut Rng::new(3))
            .unwrap();
        let trace = s.forward(&sequence(4, 2, 8)).unwrap();
        let AnyTrace::Lstm(full) = &trace.layers[0] else { panic!("an LSTM traces as an LSTM") };
        let AnyTrace::Lstm(part) = trace.layers[0].units(1, 3) else { panic!("still an LSTM") };
        for (a, b) in full.steps.iter().zip(&part.steps) {
            assert_eq!(b.x, a.x);
            assert_eq!(b.c.as_slice(), &a.c.as_slice()[1..4]);
            assert_eq!(b.f.as_slice(), &a.f.as_slice()[1..4]);
            assert_eq!(b.h.as_slice(), &a.h.as_slice()[1..4]);
        }
        assert_eq!(trace.layers[0].units(4, 8).hidden_states()[0].len(), 1);
    }
}
