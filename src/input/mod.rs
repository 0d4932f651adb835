//! Parsers for what a learner types. Each returns a value or an error that says, in the page's
//! language, what is wrong and where; nothing here can panic on any input.
//!
//! One file per kind of input: `sequence` (numbers typed in a field), `text` (a sentence for
//! the language scene), `csv` (a researcher's data file), `draw` (a stroke drawn on a plot) and
//! `number` (one number, as every other parser reads it).

mod csv;
mod draw;
mod number;
mod sequence;
mod text;

pub use csv::{CsvError, MAX_CSV_BYTES, MAX_CSV_COLUMNS, MAX_CSV_ROWS, Table, parse_csv, parse_csv_with};
pub use draw::{DrawError, MAX_DRAW_STEPS, resample_drawing};
pub use number::number;
pub use sequence::{MAX_ABS, SequenceError, format_sequence, parse_sequence};
pub use text::{EncodedText, MAX_SYMBOLS, TextError, encode_text};

/// The longest sequence a scene accepts.
pub const MAX_STEPS: usize = 50;

/// Finite numbers of every size, small ones more often (for the parsers' property tests).
#[cfg(test)]
fn finite() -> impl proptest::strategy::Strategy<Value = f64> {
    use proptest::prelude::*;
    prop_oneof![
        3 => -10.0..10.0f64,
        1 => any::<f64>().prop_filter("finite", |v| v.is_finite()),
    ]
}
