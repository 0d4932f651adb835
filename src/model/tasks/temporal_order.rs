//! The temporal-order task (Hochreiter & Schmidhuber 1997, experiment 6a). Sequences of length
//! 100 to 110 start with E and end with B; every other symbol is one of a, b, c, d, except two
//! symbols at random times t_1 ∈ [10, 20] and t_2 ∈ [50, 60], each X or Y. At the end the
//! network names the order: XX → Q, XY → R, YX → S, YY → U. A sequence is correct when every
//! output is within 0.3 of the one-hot target.

use super::{Sample, one_hot};
use crate::model::Rng;
use crate::model::tasks::Target;

/// The input alphabet, in input order.
pub const SYMBOLS: [char; 8] = ['a', 'b', 'c', 'd', 'B', 'E', 'X', 'Y'];
/// The four classes Q, R, S, U.
pub const CLASSES: usize = 4;
/// Every output within this of its target.
pub const TOLERANCE: f64 = 0.3;

/// Experiment 6a.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct TemporalOrder;

impl TemporalOrder {
    /// A sequence and its class at the end.
    pub fn generate(&self, rng: &mut Rng) -> Sample {
        let len = 100 + rng.below(11);
        let mut symbols: Vec<usize> = (0..len).map(|_| rng.below(4)).collect();
        symbols[0] = 5; // E
        symbols[len - 1] = 4; // B
        let (t1, t2) = (10 + rng.below(11), 50 + rng.below(11));
        let (first, second) = (rng.below(2), rng.below(2));
        symbols[t1] = 6 + first;
        symbols[t2] = 6 + second;
        let inputs = symbols.iter().map(|&s| one_hot(SYMBOLS.len(), s)).collect();
        let mut targets = vec![None; len];
        let class = 2 * first + second;
        targets[len - 1] = Some(Target::Class { index: class, allowed: vec![class] });
        Sample { inputs, targets }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequences_follow_the_papers_definition() {
        let mut rng = Rng::new(4);
        let mut classes = [0; 4];
        for _ in 0..1_000 {
            let s = TemporalOrder.generate(&mut rng);
            let sym: Vec<char> = s.inputs.iter().map(|x| SYMBOLS[x.argmax().0]).collect();
            assert!((100..=110).contains(&sym.len()));
            assert_eq!((sym[0], sym[sym.len() - 1]), ('E', 'B'));
            let marks: Vec<usize> = (0..sym.len()).filter(|&k| matches!(sym[k], 'X' | 'Y')).collect();
            assert_eq!(marks.len(), 2);
            assert!((10..=20).contains(&marks[0]) && (50..=60).contains(&marks[1]));
            let expected = match (sym[marks[0]], sym[marks[1]]) {
                ('X', 'X') => 0,
                ('X', 'Y') => 1,
                ('Y', 'X') => 2,
                _ => 3,
            };
            let Some(Some(Target::Class { index, .. })) = s.targets.last() else { panic!() };
            assert_eq!(*index, expected);
            classes[expected] += 1;
        }
        assert!(classes.iter().all(|&c| c > 180), "{classes:?}");
    }
}
