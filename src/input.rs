//! Parsers for what a learner types. Each returns a value or an error that says, in the page's
//! language, what is wrong and where; nothing here can panic on any input.

use crate::text::Lang;

/// The longest sequence a scene accepts.
pub const MAX_STEPS: usize = 50;
/// The largest |x| a scene accepts (beyond it every squashing function is flat anyway).
pub const MAX_ABS: f64 = 10.0;

/// What is wrong with a typed sequence.
#[derive(Clone, Debug, PartialEq)]
pub enum SequenceError {
    /// Nothing but separators.
    Empty,
    /// An entry that is not a number.
    NotANumber {
        /// 1-based position of the entry.
        position: usize,
        /// What was typed there.
        text: String,
    },
    /// More than [`MAX_STEPS`] entries.
    TooLong {
        /// How many there were.
        found: usize,
    },
    /// A number outside [−MAX_ABS, MAX_ABS].
    OutOfRange {
        /// 1-based position.
        position: usize,
        /// The value.
        value: f64,
    },
}

impl SequenceError {
    /// One sentence for the learner.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (SequenceError::Empty, Lang::Ko) => "숫자를 하나 이상 입력하세요. 예: 0.2, 0.5, −0.1".into(),
            (SequenceError::Empty, Lang::En) => "Type at least one number, e.g. 0.2, 0.5, −0.1".into(),
            (SequenceError::NotANumber { position, text }, Lang::Ko) => {
                format!("{position}번째 값 “{text}”은(는) 숫자가 아닙니다.")
            }
            (SequenceError::NotANumber { position, text }, Lang::En) => {
                format!("Entry {position}, “{text}”, is not a number.")
            }
            (SequenceError::TooLong { found }, Lang::Ko) => {
                format!("값이 {found}개입니다. 최대 {MAX_STEPS}개까지 입력할 수 있습니다.")
            }
            (SequenceError::TooLong { found }, Lang::En) => {
                format!("That is {found} values; at most {MAX_STEPS} fit.")
            }
            (SequenceError::OutOfRange { position, value }, Lang::Ko) => {
                format!("{position}번째 값 {value}은(는) −{MAX_ABS}에서 {MAX_ABS} 사이여야 합니다.")
            }
            (SequenceError::OutOfRange { position, value }, Lang::En) => {
                format!("Entry {position}, {value}, must lie between −{MAX_ABS} and {MAX_ABS}.")
            }
        }
    }
}

/// Reads numbers separated by commas, semicolons or spaces. A true minus sign (−) counts as a
/// hyphen; a decimal comma does not exist (the comma separates).
pub fn parse_sequence(text: &str) -> Result<Vec<f64>, SequenceError> {
    let entries: Vec<&str> =
        text.split([',', ';', ' ', '\t', '\n', '，']).filter(|s| !s.trim().is_empty()).collect();
    if entries.is_empty() {
        return Err(SequenceError::Empty);
    }
    if entries.len() > MAX_STEPS {
        return Err(SequenceError::TooLong { found: entries.len() });
    }
    entries
        .iter()
        .enumerate()
        .map(|(k, raw)| {
            let cleaned = raw.trim().replace('−', "-");
            let value: f64 = cleaned.parse().ok().filter(|v: &f64| v.is_finite()).ok_or_else(|| {
                SequenceError::NotANumber { position: k + 1, text: raw.trim().chars().take(20).collect() }
            })?;
            if value.abs() > MAX_ABS {
                return Err(SequenceError::OutOfRange { position: k + 1, value });
            }
            Ok(value)
        })
        .collect()
}

/// Writes a sequence the way [`parse_sequence`] reads it.
pub fn format_sequence(values: &[f64]) -> String {
    values.iter().map(|v| format!("{v}")).collect::<Vec<_>>().join(", ")
}

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
    fn numbers_separated_any_common_way_are_read() {
        assert_eq!(parse_sequence("0.2, 0.5;-1 3\t−0.25").unwrap(), vec![0.2, 0.5, -1.0, 3.0, -0.25]);
        assert_eq!(parse_sequence(&format_sequence(&[0.1, -2.5])).unwrap(), vec![0.1, -2.5]);
    }

    #[test]
    fn bad_input_names_the_entry_in_both_languages() {
        let err = parse_sequence("0.1, abc, 2").unwrap_err();
        assert_eq!(err, SequenceError::NotANumber { position: 2, text: "abc".into() });
        assert!(err.message(Lang::Ko).contains("2번째"));
        assert!(err.message(Lang::En).contains("Entry 2"));
        assert_eq!(parse_sequence(" , ;").unwrap_err(), SequenceError::Empty);
        assert!(matches!(
            parse_sequence("1, NaN").unwrap_err(),
            SequenceError::NotANumber { position: 2, .. }
        ));
        assert!(matches!(parse_sequence("inf").unwrap_err(), SequenceError::NotANumber { .. }));
        assert!(matches!(
            parse_sequence("1e308, 11").unwrap_err(),
            SequenceError::OutOfRange { position: 1, .. }
        ));
        assert!(matches!(
            parse_sequence(&"1,".repeat(51)).unwrap_err(),
            SequenceError::TooLong { found: 51 }
        ));
    }

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
