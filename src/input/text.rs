//! A typed text, one step per character, each character one input unit: what the language
//! scene reads.

use super::MAX_STEPS;
use crate::text::Lang;

/// The most distinct characters a typed text may use: each becomes one input unit.
pub const MAX_SYMBOLS: usize = 24;

/// A text read as a sequence: one step per character, each a one-hot vector over the text's own
/// characters in order of first appearance.
#[derive(Clone, Debug, PartialEq)]
pub struct EncodedText {
    /// The distinct characters, in order of first appearance: input unit k stands for `symbols[k]`.
    pub symbols: Vec<char>,
    /// The characters, one per time step.
    pub chars: Vec<char>,
    /// x_t for every step: 1 at the character's unit, 0 elsewhere.
    pub inputs: Vec<Vec<f64>>,
}

/// What is wrong with a typed text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TextError {
    /// No characters.
    Empty,
    /// More than [`MAX_STEPS`] characters.
    TooLong {
        /// How many there were.
        found: usize,
    },
    /// More than [`MAX_SYMBOLS`] distinct characters.
    TooManySymbols {
        /// How many there were.
        found: usize,
    },
}

impl TextError {
    /// One sentence for the learner.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (TextError::Empty, Lang::Ko) => "글자를 하나 이상 입력하세요. 예: 금요일이 지나면".into(),
            (TextError::Empty, Lang::En) => "Type at least one character, e.g. after friday".into(),
            (TextError::TooLong { found }, Lang::Ko) => {
                format!("글자가 {found}개입니다. 최대 {MAX_STEPS}개까지 입력할 수 있습니다.")
            }
            (TextError::TooLong { found }, Lang::En) => {
                format!("That is {found} characters; at most {MAX_STEPS} fit.")
            }
            (TextError::TooManySymbols { found }, Lang::Ko) => {
                format!("서로 다른 글자가 {found}개입니다. 입력 유닛은 최대 {MAX_SYMBOLS}개까지입니다.")
            }
            (TextError::TooManySymbols { found }, Lang::En) => {
                format!(
                    "That text uses {found} different characters; the cell has room for {MAX_SYMBOLS} input units."
                )
            }
        }
    }
}

/// Reads a typed text as a one-hot sequence (see [`EncodedText`]).
pub fn encode_text(text: &str) -> Result<EncodedText, TextError> {
    let chars: Vec<char> = text.chars().filter(|c| !c.is_control()).collect();
    if chars.is_empty() {
        return Err(TextError::Empty);
    }
    if chars.len() > MAX_STEPS {
        return Err(TextError::TooLong { found: chars.len() });
    }
    let mut symbols: Vec<char> = Vec::new();
    for &c in &chars {
        if !symbols.contains(&c) {
            symbols.push(c);
        }
    }
    if symbols.len() > MAX_SYMBOLS {
        return Err(TextError::TooManySymbols { found: symbols.len() });
    }
    let inputs =
        chars.iter().map(|c| symbols.iter().map(|s| if s == c { 1.0 } else { 0.0 }).collect()).collect();
    Ok(EncodedText { symbols, chars, inputs })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_becomes_one_hot_steps_over_its_own_characters() {
        let e = encode_text("금요일이 지나면").unwrap();
        assert_eq!(e.symbols, vec!['금', '요', '일', '이', ' ', '지', '나', '면']);
        assert_eq!(e.chars.len(), 8);
        assert_eq!(e.inputs[0], vec![1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0]);
        assert_eq!(e.inputs[4][4], 1.0, "the space has its own unit");
        let again = encode_text("abca").unwrap();
        assert_eq!(again.symbols, vec!['a', 'b', 'c']);
        assert_eq!(again.inputs[3], again.inputs[0], "a repeated character is the same input");
    }

    #[test]
    fn bad_texts_are_errors_with_messages() {
        assert_eq!(encode_text(""), Err(TextError::Empty));
        assert_eq!(encode_text("\n\t"), Err(TextError::Empty));
        assert_eq!(encode_text(&"ab".repeat(26)), Err(TextError::TooLong { found: 52 }));
        let many: String = ('a'..='z').collect();
        assert_eq!(encode_text(&many), Err(TextError::TooManySymbols { found: 26 }));
        for e in [TextError::Empty, TextError::TooLong { found: 60 }, TextError::TooManySymbols { found: 30 }]
        {
            assert!(!e.message(Lang::Ko).is_empty() && !e.message(Lang::En).is_empty());
        }
    }
}
