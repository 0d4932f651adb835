//! One training sample's loss and gradients, added into a batch's accumulator — through the
//! fast f32 LSTM kernel when it covers the network, through the reference cell otherwise.

use std::any::Any;

use nalgebra::DVector;

use crate::model::Real;
use crate::model::cell::ShapeError;
use crate::model::kernel::{KernelError, LstmKernel};
use crate::model::network::{AnyCell, Network};
use crate::model::tasks::Sample;
use crate::model::train::loss::step_loss;
use crate::model::train::optim::accumulate;

/// y_t at every step that has a target, `None` elsewhere.
pub type Outputs = Vec<Option<DVector<f64>>>;

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
    let (run, g) = network.loss_and_grads(sample)?;
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
        return result.map(|()| {
            let mut loss = 0.0;
            let outputs = sample
                .targets
                .iter()
                .enumerate()
                .map(|(t, target)| {
                    let target = target.as_ref()?;
                    let y = net.readout.apply(&DVector::from_column_slice(kernel.hidden(t + 1)));
                    loss += step_loss(&y, target, net.readout.kind).0;
                    Some(y.map(f64::from))
                })
                .collect();
            (outputs, loss)
        });
    }
    let run = network.run(sample)?;
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
    let steps = sample.inputs.len();
    let mut dh_out = vec![0.0f32; steps * n];
    let mut loss = 0.0;
    for (t, target) in sample.targets.iter().enumerate().take(steps) {
        if let Some(target) = target {
            let h = DVector::from_column_slice(kernel.hidden(t + 1));
            let y = network.readout.apply(&h);
            let (l, dz) = step_loss(&y, target, network.readout.kind);
            loss += l;
            let dh = network.readout.backward(&h, &dz, &mut grads.readout);
            dh_out[t * n..(t + 1) * n].copy_from_slice(dh.as_slice());
        }
    }
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
            let loss = accumulate_sample(&net, &sample, &mut fast, &mut LstmKernel::new()).unwrap();
            let (run, reference) = net.loss_and_grads(&sample).unwrap();
            assert!((loss - run.loss).abs() <= 1e-5 * run.loss.abs().max(1.0), "{loss} vs {}", run.loss);
            let (outputs, forward_loss) = outputs_and_loss(&net, &sample, &mut LstmKernel::new()).unwrap();
            assert_eq!(forward_loss, loss);
            assert_eq!(outputs.len(), run.outputs.len());
            for (a, b) in outputs.iter().zip(&run.outputs) {
                assert_eq!(a.is_some(), b.is_some());
                if let (Some(a), Some(b)) = (a, b) {
                    assert!((a - b).amax() <= 1e-5, "outputs {a} vs {b}");
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
