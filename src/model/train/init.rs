//! The initialisation policy for long memory: how a freshly seeded network is adjusted before
//! training starts.

use crate::model::Real;
use crate::model::cell::Parameters;
use crate::model::network::{AnyCell, Network};

/// The initial forget-gate bias of a forget-gate LSTM: σ(3) ≈ 0.95 of the cell state is kept
/// per step at first.
pub const FORGET_BIAS: f64 = 3.0;

/// Initialisation for long memory, as the 1997 paper advises and our runs confirm: input gates
/// start mostly closed (biases −1, −2, −3 staggered across units) and output gates too (−2), so
/// that cells are not written or read before they have learned to be. A forget-gate LSTM also
/// starts with the paper's small weights, U(−0.1, 0.1) instead of PyTorch's U(−1/√H, 1/√H), and
/// forget-gate bias [`FORGET_BIAS`] (σ(3) ≈ 0.95 of the cell state kept per step; Gers et al.
/// 2000 initialise forget gates open, too). Other cells are left as seeded.
pub fn prepare<T: Real>(network: &mut Network<T>) {
    let (n, bias_ih, bias_hh, output_gate) = match &mut network.cell {
        AnyCell::Lstm(c) => {
            let n = c.hidden_size();
            let to_paper_range = T::of(0.1 * (n.max(1) as f64).sqrt());
            c.params_mut().into_iter().for_each(|p| p.values.iter_mut().for_each(|v| *v *= to_paper_range));
            c.bias_ih.rows_mut(n, n).fill(T::of(FORGET_BIAS));
            c.bias_hh.rows_mut(n, n).fill(T::zero());
            (n, &mut c.bias_ih, &mut c.bias_hh, 3)
        }
        AnyCell::Lstm1997(c) => (c.hidden_size(), &mut c.bias_ih, &mut c.bias_hh, 2),
        _ => return,
    };
    for k in 0..n {
        bias_ih[k] = T::of(-1.0 - (k % 3) as f64);
        bias_ih[output_gate * n + k] = T::of(-2.0);
        bias_hh[k] = T::zero();
        bias_hh[output_gate * n + k] = T::zero();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rng;
    use crate::model::network::CellKind;
    use crate::model::readout::OutputKind;

    /// Gate blocks in PyTorch's order: the LSTM's i, f, g, o; the 1997 cell's i, g, o.
    #[test]
    fn lstms_start_with_closed_input_and_output_gates_and_the_forget_gate_open_at_3() {
        let h = 6;
        let mut lstm = Network::<f64>::seeded(
            CellKind::Lstm { peepholes: false },
            2,
            h,
            1,
            OutputKind::Linear,
            &mut Rng::new(4),
        );
        prepare(&mut lstm);
        let AnyCell::Lstm(c) = &lstm.cell else { panic!("an LSTM") };
        for k in 0..h {
            assert_eq!(c.bias_ih[k], -1.0 - (k % 3) as f64, "input gate {k}");
            assert_eq!(c.bias_ih[h + k], FORGET_BIAS, "forget gate {k}");
            assert_eq!(c.bias_ih[3 * h + k], -2.0, "output gate {k}");
        }
        assert!([0, h, 3 * h].iter().all(|&b| (0..h).all(|k| c.bias_hh[b + k] == 0.0)));
        // The paper's small weights: U(−0.1, 0.1), and they are not all zero.
        let weights: Vec<f64> = c.weight_ih.iter().chain(c.weight_hh.iter()).copied().collect();
        assert!(weights.iter().all(|w| w.abs() <= 0.1 + 1e-12) && weights.iter().any(|w| w.abs() > 0.05));

        let mut old =
            Network::<f64>::seeded(CellKind::Lstm1997, 2, h, 1, OutputKind::Linear, &mut Rng::new(4));
        prepare(&mut old);
        let AnyCell::Lstm1997(c) = &old.cell else { panic!("a 1997 LSTM") };
        for k in 0..h {
            assert_eq!(c.bias_ih[k], -1.0 - (k % 3) as f64, "input gate {k}");
            assert_eq!(c.bias_ih[2 * h + k], -2.0, "output gate {k}");
        }
    }
}
