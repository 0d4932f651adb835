//! Losses, and the error each sends back into the readout's logits.

use nalgebra::DVector;

use crate::model::Real;
use crate::model::readout::OutputKind;
use crate::model::tasks::Target;

/// The loss of one step and dL/dz at the readout's logits z, for output y = φ(z).
///
/// - Values with a linear or sigmoid output: L = ½ Σ (y − t)², the squared error the 1997 paper
///   trains with; dL/dz = (y − t) ⊙ φ′(z).
/// - A class with a softmax output: L = −log y_index; dL/dz = y − onehot(index).
/// - A class with a sigmoid output: the squared error against the one-hot target.
pub fn step_loss<T: Real>(y: &DVector<T>, target: &Target, kind: OutputKind) -> (f64, DVector<T>) {
    match (target, kind) {
        (Target::Class { index, .. }, OutputKind::Softmax) => {
            let p = y[*index].to_f64().max(1e-300);
            let mut dz = y.clone();
            dz[*index] -= T::one();
            (-p.ln(), dz)
        }
        (target, kind) => {
            let t: DVector<T> = match target {
                Target::Values(v) => DVector::from_iterator(v.len(), v.iter().map(|&x| T::of(x))),
                Target::Class { index, .. } => {
                    DVector::from_fn(y.len(), |i, _| if i == *index { T::one() } else { T::zero() })
                }
            };
            let diff = y - &t;
            let loss = 0.5 * diff.iter().map(|d| d.to_f64() * d.to_f64()).sum::<f64>();
            let dz = match kind {
                OutputKind::Sigmoid => diff.zip_map(y, |d, v| d * v * (T::one() - v)),
                // A softmax with a values target is treated as linear (not used by any task).
                OutputKind::Linear | OutputKind::Softmax => diff,
            };
            (loss, dz)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::readout::softmax;
    use approx::assert_relative_eq;

    #[test]
    fn softmax_cross_entropy_gradient_matches_a_finite_difference() {
        let z = DVector::from_vec(vec![0.3, -1.2, 2.0_f64]);
        let target = Target::Class { index: 1, allowed: vec![1] };
        let (_, dz) = step_loss(&softmax(&z), &target, OutputKind::Softmax);
        for k in 0..3 {
            let mut zp = z.clone();
            zp[k] += 1e-6;
            let mut zm = z.clone();
            zm[k] -= 1e-6;
            let numeric = (step_loss(&softmax(&zp), &target, OutputKind::Softmax).0
                - step_loss(&softmax(&zm), &target, OutputKind::Softmax).0)
                / 2e-6;
            assert_relative_eq!(dz[k], numeric, epsilon = 1e-8);
        }
    }

    #[test]
    fn sigmoid_squared_error_gradient_matches_a_finite_difference() {
        let z = DVector::from_vec(vec![0.4, -0.7_f64]);
        let target = Target::Values(vec![1.0, 0.25]);
        let y = |z: &DVector<f64>| z.map(crate::model::activation::sigmoid);
        let (_, dz) = step_loss(&y(&z), &target, OutputKind::Sigmoid);
        for k in 0..2 {
            let mut zp = z.clone();
            zp[k] += 1e-6;
            let mut zm = z.clone();
            zm[k] -= 1e-6;
            let numeric = (step_loss(&y(&zp), &target, OutputKind::Sigmoid).0
                - step_loss(&y(&zm), &target, OutputKind::Sigmoid).0)
                / 2e-6;
            assert_relative_eq!(dz[k], numeric, epsilon = 1e-8);
        }
    }
}
