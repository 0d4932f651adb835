//! One training sample through a network: the forward run and its loss, the gradients of that
//! loss, added into a batch's accumulator — through the fast f32 LSTM kernel when it covers the
//! network, through the reference cell otherwise. The readout and the loss over the hidden
//! states are written once, in [`readout_loss`], for both paths.

use std::any::Any;

use nalgebra::DVector;

use crate::model::Real;
use crate::model::cell::{Parameters, ShapeError};
use crate::model::kernel::{KernelError, LstmKernel};
use crate::model::network::{AnyCell, AnyTrace, Network};
use crate::model::readout::Readout;
use crate::model::tasks::{Sample, Target};
use crate::model::train::loss::step_loss;
use crate::model::train::optim::accumulate;

/// y_t at every step that has a target, `None` elsewhere.
pub type Outputs = Vec<Option<DVector<f64>>>;

/// What running a network on a sample produced.
#[derive(Clone, Debug)]
pub struct Run<T: Real> {
    /// The cell's trace.
    pub trace: AnyTrace<T>,
    /// y_t at every step that has a target (None elsewhere).
    pub outputs: Outputs,
    /// The sample's loss.
    pub loss: f64,
}

/// The readout and the loss over a sequence of `steps` hidden states: for every step t that has
/// a target, y_t = readout(h_t) and its loss L_t, summed. `hidden(t)` gives h_{t+1} (the state
/// after reading x_{t+1}, counting steps from 0); targets past `steps` are ignored.
///
/// With `readout_grads`, the backward pass of the readout too: dL/dθ of the readout is added
/// into it and dL/dh is handed to `send_dh(t, dh)` for every step that has a target.
pub fn readout_loss<T: Real>(
    readout: &Readout<T>,
    targets: &[Option<Target>],
    steps: usize,
    hidden: impl Fn(usize) -> DVector<T>,
    mut readout_grads: Option<&mut Readout<T>>,
    mut send_dh: impl FnMut(usize, DVector<T>),
) -> (Outputs, f64) {
    let mut outputs = vec![None; steps];
    let mut loss = 0.0;
    for (t, target) in targets.iter().enumerate().take(steps) {
        let Some(target) = target else { continue };
        let h = hidden(t);
        let y = readout.apply(&h);
        let (l, dz) = step_loss(&y, target, readout.kind);
        loss += l;
        if let Some(grads) = readout_grads.as_deref_mut() {
            send_dh(t, readout.backward(&h, &dz, grads));
        }
        outputs[t] = Some(y.map(|v| v.to_f64()));
    }
    (outputs, loss)
}

fn inputs<T: Real>(sample: &Sample) -> Vec<DVector<T>> {
    sample.inputs.iter().map(|x| x.map(T::of)).collect()
}

/// Runs `network` forward on `sample` through the reference cell and scores it.
pub fn run<T: Real>(network: &Network<T>, sample: &Sample) -> Result<Run<T>, ShapeError> {
    let trace = network.cell.forward(&inputs(sample))?;
    let hs = trace.hidden_states();
    let (outputs, loss) =
        readout_loss(&network.readout, &sample.targets, hs.len(), |t| hs[t].clone(), None, |_, _| {});
    Ok(Run { trace, outputs, loss })
}

/// Runs forward and backward on `sample` through the reference cell: the run and dL/dθ for
/// every parameter.
pub fn loss_and_grads<T: Real>(
    network: &Network<T>,
    sample: &Sample,
) -> Result<(Run<T>, Network<T>), ShapeError> {
    backward_run(network, sample).map(|(run, grads, _)| (run, grads))
}

/// How much the sample's loss depends on each input: ‖dL/dx_t‖ for t = 1 … T, by the reference
/// cell's backpropagation through time (every path from the loss back to x_t counts).
pub fn input_gradients<T: Real>(network: &Network<T>, sample: &Sample) -> Result<Vec<f64>, ShapeError> {
    backward_run(network, sample).map(|(_, _, dx_norms)| dx_norms)
}

/// A run with its gradients: dL/dθ for every parameter, and ‖dL/dx_t‖ for every step.
type RunWithGradients<T> = (Run<T>, Network<T>, Vec<f64>);

/// The run, dL/dθ, and ‖dL/dx_t‖ for every step.
fn backward_run<T: Real>(network: &Network<T>, sample: &Sample) -> Result<RunWithGradients<T>, ShapeError> {
    let trace = network.cell.forward(&inputs(sample))?;
    let hs = trace.hidden_states();
    let mut readout_grads = network.readout.zeros_like();
    let mut dh_out = vec![DVector::zeros(network.cell.hidden_size()); hs.len()];
    let (outputs, loss) = readout_loss(
        &network.readout,
        &sample.targets,
        hs.len(),
        |t| hs[t].clone(),
        Some(&mut readout_grads),
        |t, dh| dh_out[t] = dh,
    );
    let back = network.cell.backward(&trace, &dh_out, None)?;
    let dx_norms = back.dx.iter().map(|d| d.norm().to_f64()).collect();
    Ok((Run { trace, outputs, loss }, Network { cell: back.grads, readout: readout_grads }, dx_norms))
}

/// Runs `network` forward and backward on `sample`, adds dL/dθ into `grads` and returns the loss.
///
/// A forget-gate LSTM in f32 without peepholes or gate surgery — what the page trains — goes
/// through [`LstmKernel`]: the same maths to f32 precision (`tests/kernel.rs`), several times
/// faster. `kernel` keeps its buffers between samples.
pub fn accumulate_sample<T: Real>(
    network: &Network<T>,
    sample: &Sample,
    grads: &mut Network<T>,
    kernel: &mut LstmKernel,
) -> Result<f64, ShapeError> {
    let fast = (network as &dyn Any).downcast_ref::<Network<f32>>();
    let fast_grads = (grads as &mut dyn Any).downcast_mut::<Network<f32>>();
    if let (Some(net), Some(g)) = (fast, fast_grads)
        && let Some(result) = with_kernel(net, sample, g, kernel)
    {
        return result;
    }
    let (run, g) = loss_and_grads(network, sample)?;
    accumulate(grads, &g);
    Ok(run.loss)
}

/// Runs `network` forward on `sample`: the output at every step that has a target, and the
/// loss. The same fast path as [`accumulate_sample`] where it applies.
pub fn outputs_and_loss<T: Real>(
    network: &Network<T>,
    sample: &Sample,
    kernel: &mut LstmKernel,
) -> Result<(Outputs, f64), ShapeError> {
    if let Some(net) = (network as &dyn Any).downcast_ref::<Network<f32>>()
        && let Some(result) = forward_with_kernel(net, sample, kernel)
    {
        let hidden = |t: usize| DVector::from_column_slice(kernel.hidden(t + 1));
        return result
            .map(|()| readout_loss(&net.readout, &sample.targets, kernel.steps(), hidden, None, |_, _| {}));
    }
    let run = run(network, sample)?;
    Ok((run.outputs, run.loss))
}

/// The kernel's forward pass, or `None` when the kernel does not cover this network.
fn forward_with_kernel(
    network: &Network<f32>,
    sample: &Sample,
    kernel: &mut LstmKernel,
) -> Option<Result<(), ShapeError>> {
    let AnyCell::Lstm(cell) = &network.cell else { return None };
    let m = cell.input_size();
    if let Some(step) = sample.inputs.iter().position(|x| x.len() != m) {
        return Some(Err(ShapeError::Input { step, expected: m, found: sample.inputs[step].len() }));
    }
    if sample.targets.len() > sample.inputs.len() {
        return None;
    }
    let xs: Vec<f32> = sample.inputs.iter().flat_map(|x| x.iter().map(|&v| v as f32)).collect();
    match kernel.forward(cell, &xs, None, None) {
        Err(KernelError::Unsupported) => None,
        Err(_) => Some(Err(ShapeError::Input { step: 0, expected: m, found: xs.len() })),
        Ok(()) => Some(Ok(())),
    }
}

/// The kernel's forward and backward pass, or `None` when the kernel does not cover this network.
fn with_kernel(
    network: &Network<f32>,
    sample: &Sample,
    grads: &mut Network<f32>,
    kernel: &mut LstmKernel,
) -> Option<Result<f64, ShapeError>> {
    if let Err(e) = forward_with_kernel(network, sample, kernel)? {
        return Some(Err(e));
    }
    let (AnyCell::Lstm(cell), AnyCell::Lstm(cell_grads)) = (&network.cell, &mut grads.cell) else {
        return None;
    };
    let n = cell.hidden_size();
    let steps = kernel.steps();
    let mut dh_out = vec![0.0f32; steps * n];
    let (_, loss) = readout_loss(
        &network.readout,
        &sample.targets,
        steps,
        |t| DVector::from_column_slice(kernel.hidden(t + 1)),
        Some(&mut grads.readout),
        |t, dh| dh_out[t * n..(t + 1) * n].copy_from_slice(dh.as_slice()),
    );
    Some(match kernel.backward(cell, &dh_out, cell_grads) {
        Ok(()) => Ok(loss),
        Err(_) => Err(ShapeError::OutputGradient { steps, found: steps }),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rng;
    use crate::model::cell::Parameters;
    use crate::model::network::CellKind;
    use crate::model::tasks::Task;

    /// The kernel path and the reference path give the same loss and gradients for the
    /// networks the page trains.
    #[test]
    fn kernel_path_agrees_with_the_reference_path() {
        for task in [
            Task::Adding(crate::model::tasks::adding::Adding { t: 20 }),
            Task::Reber(crate::model::tasks::reber::EmbeddedReber),
        ] {
            let mut rng = Rng::new(9);
            let net = Network::<f32>::seeded(
                CellKind::Lstm { peepholes: false },
                task.input_size(),
                6,
                task.output_size(),
                task.output_kind(),
                &mut rng,
            );
            let sample = task.generate(&mut rng);
            let mut fast = net.zeros_like();
            let mut kernel = LstmKernel::new();
            let loss = accumulate_sample(&net, &sample, &mut fast, &mut kernel).unwrap();
            assert_eq!(kernel.steps(), sample.inputs.len(), "the kernel ran the whole sample");
            let (run, reference) = loss_and_grads(&net, &sample).unwrap();
            assert!((loss - run.loss).abs() <= 1e-5 * run.loss.abs().max(1.0), "{loss} vs {}", run.loss);
            let (outputs, forward_loss) = outputs_and_loss(&net, &sample, &mut LstmKernel::new()).unwrap();
            assert_eq!(forward_loss, loss);
            assert_eq!(outputs.len(), run.outputs.len());
            assert!(outputs.iter().any(Option::is_some), "the sample asks for some output");
            for (a, b) in outputs.iter().zip(&run.outputs) {
                match (a, b) {
                    (Some(a), Some(b)) => assert!((a - b).amax() <= 1e-5, "outputs {a} vs {b}"),
                    (None, None) => {}
                    _ => panic!("the paths disagree on which steps have an output"),
                }
            }
            for (a, b) in fast.params().iter().zip(reference.params()) {
                for (x, y) in a.values.iter().zip(b.values) {
                    assert!((x - y).abs() <= 1e-4 * y.abs().max(1.0), "{}: {x} vs {y}", a.name);
                }
            }
        }
    }
}
