//! A memory task for the lessons: a symbol is shown, then `lag` steps of nothing, then a recall
//! cue; the network must name the symbol it saw. Input channels: one per symbol, then "blank",
//! then "recall". Chance is 1/symbols.

use super::{Sample, one_hot};
use crate::model::Rng;
use crate::model::tasks::Target;

/// Remember one of `symbols` symbols for `lag` steps.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopyTask {
    /// How many different symbols (at least 2).
    pub symbols: usize,
    /// Steps between the symbol and the recall cue.
    pub lag: usize,
}

impl CopyTask {
    /// The symbols, a blank channel and the recall cue.
    pub fn input_size(&self) -> usize {
        self.symbols + 2
    }

    /// The symbol, the blanks, the cue; the target is the symbol at the cue.
    pub fn generate(&self, rng: &mut Rng) -> Sample {
        let k = self.symbols.max(2);
        let symbol = rng.below(k);
        let mut inputs = vec![one_hot(self.input_size(), symbol)];
        inputs.extend((0..self.lag).map(|_| one_hot(self.input_size(), k)));
        inputs.push(one_hot(self.input_size(), k + 1));
        let mut targets = vec![None; inputs.len()];
        if let Some(last) = targets.last_mut() {
            *last = Some(Target::Class { index: symbol, allowed: vec![symbol] });
        }
        Sample { inputs, targets }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_asks_for_the_first_symbol_after_the_lag() {
        let task = CopyTask { symbols: 4, lag: 30 };
        let mut rng = Rng::new(5);
        for _ in 0..100 {
            let s = task.generate(&mut rng);
            assert_eq!(s.inputs.len(), 32);
            let shown = s.inputs[0].argmax().0;
            assert!(shown < 4);
            assert!(s.inputs[1..31].iter().all(|x| x.argmax().0 == 4));
            assert_eq!(s.inputs[31].argmax().0, 5);
            assert!(matches!(&s.targets[31], Some(Target::Class { index, .. }) if *index == shown));
            assert!(s.targets[..31].iter().all(Option::is_none));
        }
    }
}
