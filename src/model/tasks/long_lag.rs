//! The noise-free long-lag task (Hochreiter & Schmidhuber 1997, experiment 2a). There are p + 1
//! symbols, one-hot coded: x, y and a_1 … a_{p−1}. The two training sequences are
//! (y, a_1, …, a_{p−1}, y) and (x, a_1, …, a_{p−1}, x), equally likely; the task is to predict the
//! next symbol. Only the last prediction needs memory: it must recall the first symbol across p
//! steps. Success: the maximal absolute output error at the end is below 0.25.

use super::{Sample, one_hot};
use crate::model::Rng;
use crate::model::tasks::Target;

/// The end-of-sequence error below which a sequence is correct.
pub const TOLERANCE: f64 = 0.25;

/// The task with time lag `p` (at least 2).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LongLag {
    /// The lag p.
    pub p: usize,
}

impl LongLag {
    /// p + 1 symbols: index 0 is x, 1 is y, 2 … p are a_1 … a_{p−1}.
    pub fn alphabet(&self) -> usize {
        self.p.max(2) + 1
    }

    /// One of the two sequences, with next-symbol targets.
    pub fn generate(&self, rng: &mut Rng) -> Sample {
        let p = self.p.max(2);
        let first = rng.below(2);
        let symbols: Vec<usize> = std::iter::once(first).chain(2..=p).chain(std::iter::once(first)).collect();
        let inputs = symbols.iter().map(|&s| one_hot(self.alphabet(), s)).collect();
        let targets = (0..symbols.len())
            .map(|t| symbols.get(t + 1).map(|&s| Target::Class { index: s, allowed: vec![s] }))
            .collect();
        Sample { inputs, targets }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_symbol_repeats_the_first_after_p_steps() {
        let task = LongLag { p: 100 };
        let mut rng = Rng::new(3);
        let mut firsts = [0; 2];
        for _ in 0..200 {
            let s = task.generate(&mut rng);
            assert_eq!(s.inputs.len(), 101, "p + 1 symbols: first, a_1 … a_(p−1), last");
            let first = s.inputs[0].argmax().0;
            assert!(first < 2);
            firsts[first] += 1;
            assert_eq!(s.inputs[100].argmax().0, first);
            for k in 1..100 {
                assert_eq!(s.inputs[k].argmax().0, k + 1, "a_k at step k");
            }
            assert!(matches!(s.targets[99], Some(Target::Class { index, .. }) if index == first));
            assert!(s.targets[100].is_none());
        }
        assert!(firsts[0] > 60 && firsts[1] > 60);
    }
}
