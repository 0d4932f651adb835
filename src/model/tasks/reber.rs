//! The embedded Reber grammar (Hochreiter & Schmidhuber 1997, experiment 1; after Cleeremans,
//! Servan-Schreiber & McClelland 1989). A string is B, then T or P, then a Reber string, then
//! the same T or P again, then E. The task is to predict the next symbol; a string is processed
//! correctly when, at every step, the symbols that may come next are the most active outputs.
//! Remembering which of T and P opened the string, across the whole inner string, is the
//! long-term part.

use super::{Sample, one_hot};
use crate::model::Rng;
use crate::model::tasks::Target;

/// The alphabet, in input/output order.
pub const SYMBOLS: [char; 7] = ['B', 'T', 'P', 'S', 'X', 'V', 'E'];

fn index(c: char) -> usize {
    SYMBOLS.iter().position(|&s| s == c).unwrap_or(0)
}

/// The inner Reber grammar: from each state, the symbols that may come and where they lead.
/// State 0 is after B; state 5 leads to the final E.
const GRAMMAR: [[(char, usize); 2]; 5] = [
    [('T', 1), ('P', 2)],
    [('S', 1), ('X', 3)],
    [('T', 2), ('V', 4)],
    [('X', 2), ('S', 5)],
    [('P', 3), ('V', 5)],
];

/// A Reber string: the symbols, and after each symbol the set that may come next.
pub fn reber(rng: &mut Rng) -> (Vec<char>, Vec<Vec<char>>) {
    let mut symbols = vec!['B'];
    let mut next = Vec::new();
    let mut state = 0;
    while state < 5 {
        let options = GRAMMAR[state];
        next.push(vec![options[0].0, options[1].0]);
        let (c, to) = options[rng.below(2)];
        symbols.push(c);
        state = to;
    }
    next.push(vec!['E']);
    symbols.push('E');
    (symbols, next)
}

/// The embedded Reber grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct EmbeddedReber;

impl EmbeddedReber {
    /// The symbols of a string and, after each, the set that may come next (empty after the
    /// final E).
    pub fn string(&self, rng: &mut Rng) -> (Vec<char>, Vec<Vec<char>>) {
        let outer = if rng.below(2) == 0 { 'T' } else { 'P' };
        let (inner, inner_next) = reber(rng);
        let mut symbols = vec!['B', outer];
        let mut next = vec![vec!['T', 'P'], vec!['B']];
        symbols.extend(&inner);
        next.extend(inner_next);
        // After the inner E comes the opening symbol again, then E.
        next.push(vec![outer]);
        symbols.push(outer);
        next.push(vec!['E']);
        symbols.push('E');
        next.push(vec![]);
        (symbols, next)
    }

    /// A string as a training sequence: one-hot symbols in, the next symbol as the target.
    pub fn generate(&self, rng: &mut Rng) -> Sample {
        let (symbols, next) = self.string(rng);
        let inputs = symbols.iter().map(|&c| one_hot(SYMBOLS.len(), index(c))).collect();
        let targets = (0..symbols.len())
            .map(|t| {
                symbols.get(t + 1).map(|&c| Target::Class {
                    index: index(c),
                    allowed: next[t].iter().map(|&a| index(a)).collect(),
                })
            })
            .collect();
        Sample { inputs, targets }
    }
}

/// Whether a string belongs to the embedded Reber grammar (an independent check of the
/// generator, written as a recogniser).
pub fn accepts(s: &str) -> bool {
    let c: Vec<char> = s.chars().collect();
    if c.len() < 9 || c[0] != 'B' || c[c.len() - 1] != 'E' {
        return false;
    }
    let (outer, closing) = (c[1], c[c.len() - 2]);
    if !matches!(outer, 'T' | 'P') || outer != closing {
        return false;
    }
    let inner = &c[2..c.len() - 2];
    if inner.first() != Some(&'B') || inner.last() != Some(&'E') {
        return false;
    }
    let mut state = 0;
    for &sym in &inner[1..inner.len() - 1] {
        let Some(&(_, to)) = GRAMMAR.get(state).and_then(|opts| opts.iter().find(|(x, _)| *x == sym)) else {
            return false;
        };
        state = to;
    }
    state == 5
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_strings_are_accepted_by_the_grammar() {
        let mut rng = Rng::new(1);
        for _ in 0..2_000 {
            let (symbols, next) = EmbeddedReber.string(&mut rng);
            let s: String = symbols.iter().collect();
            assert!(accepts(&s), "{s}");
            assert_eq!(next.len(), symbols.len(), "{s}: one list of successors per symbol");
            assert_eq!(next.last(), Some(&vec![]), "{s}: nothing comes after the final E");
            for (t, (allowed, c)) in next.iter().zip(&symbols[1..]).enumerate() {
                assert!(allowed.contains(c), "{s}: {c} after position {t} not in {allowed:?}");
            }
        }
    }

    #[test]
    fn the_recogniser_rejects_near_misses() {
        assert!(accepts("BTBTXSETE"));
        assert!(accepts("BPBPVVEPE"));
        assert!(!accepts("BTBTXSEPE"), "the closing symbol must match the opening one");
        assert!(!accepts("BTBTXXETE"), "XX cannot end the inner string");
        assert!(!accepts("BTBSXSETE"), "the inner string cannot start with S");
    }

    #[test]
    fn both_openings_and_long_strings_occur() {
        let mut rng = Rng::new(2);
        let strings: Vec<String> =
            (0..500).map(|_| EmbeddedReber.string(&mut rng).0.iter().collect()).collect();
        assert!(strings.iter().any(|s| s.starts_with("BT")) && strings.iter().any(|s| s.starts_with("BP")));
        assert!(strings.iter().any(|s| s.len() >= 20));
    }
}
