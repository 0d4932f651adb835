//! A typed sequence of numbers: what the scenes' input fields read.

use super::{MAX_STEPS, number};
use crate::text::Lang;

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
            let value: f64 = number(&cleaned).filter(|v: &f64| v.is_finite()).ok_or_else(|| {
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
}
