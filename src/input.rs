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

/// The most data rows a CSV file may hold: one row per time step.
pub const MAX_CSV_ROWS: usize = 2_000;
/// The most columns a CSV file may hold: one column per input.
pub const MAX_CSV_COLUMNS: usize = 64;
/// The largest CSV text read, in bytes (2 MB).
pub const MAX_CSV_BYTES: usize = 2 * 1024 * 1024;

/// A CSV file read as a sequence: one row per time step, one column per input.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The column names, when the file's first row names them.
    pub header: Option<Vec<String>>,
    /// The values, row by row; every row has the same length.
    pub rows: Vec<Vec<f64>>,
}

/// What is wrong with a CSV file. Lines are counted as an editor shows them (1-based, the header
/// and blank lines included); columns are 1-based.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// No text but blank lines (or a byte-order mark).
    Empty,
    /// A header row and nothing below it.
    OnlyHeader {
        /// The header's line.
        line: usize,
    },
    /// A field that is not a number.
    NotANumber {
        /// The line.
        line: usize,
        /// The column.
        column: usize,
        /// The field as written (trimmed, at most 20 characters).
        text: String,
    },
    /// A field that reads as infinity or NaN, or overflows.
    NotFinite {
        /// The line.
        line: usize,
        /// The column.
        column: usize,
        /// The field as written (trimmed, at most 20 characters).
        text: String,
    },
    /// A data row with more or fewer fields than the first data row.
    RaggedRow {
        /// The line.
        line: usize,
        /// How many fields it has.
        found: usize,
        /// How many the first data row has.
        expected: usize,
    },
    /// More than [`MAX_CSV_ROWS`] data rows.
    TooManyRows {
        /// How many there are.
        found: usize,
    },
    /// More than [`MAX_CSV_COLUMNS`] fields in the first row (header or data).
    TooManyColumns {
        /// The line.
        line: usize,
        /// How many fields it has.
        found: usize,
    },
    /// More than [`MAX_CSV_BYTES`] of text.
    TooLarge {
        /// The text's size in bytes.
        bytes: usize,
    },
    /// A header whose number of names differs from the data rows' number of fields.
    HeaderMismatch {
        /// The header's line.
        line: usize,
        /// How many names the header has.
        header: usize,
        /// How many fields the first data row has.
        data: usize,
    },
}

/// A size in megabytes (of 1024 × 1024 bytes) with one decimal, as the limit is written.
fn megabytes(bytes: usize) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

impl CsvError {
    /// One sentence for the learner.
    pub fn message(&self, lang: Lang) -> String {
        let max_mb = MAX_CSV_BYTES / (1024 * 1024);
        match (self, lang) {
            (CsvError::Empty, Lang::Ko) => {
                "파일이 비어 있습니다. 한 줄에 한 시점씩, 쉼표로 구분한 숫자를 넣어 주세요.".into()
            }
            (CsvError::Empty, Lang::En) => {
                "The file is empty: put one time step per line, as numbers separated by commas.".into()
            }
            (CsvError::OnlyHeader { line }, Lang::Ko) => {
                format!("{line}번째 줄의 머리글만 있고 그 아래에 숫자 행이 없습니다.")
            }
            (CsvError::OnlyHeader { line }, Lang::En) => {
                format!("The file has a header on line {line} but no rows of numbers below it.")
            }
            (CsvError::NotANumber { line, column, text }, Lang::Ko) if text.is_empty() => {
                format!("{line}번째 줄 {column}번째 열이 비어 있습니다.")
            }
            (CsvError::NotANumber { line, column, text }, Lang::En) if text.is_empty() => {
                format!("Line {line}, column {column} is empty.")
            }
            (CsvError::NotANumber { line, column, text }, Lang::Ko) => {
                format!("{line}번째 줄 {column}번째 열 “{text}”은(는) 숫자가 아닙니다.")
            }
            (CsvError::NotANumber { line, column, text }, Lang::En) => {
                format!("Line {line}, column {column}: “{text}” is not a number.")
            }
            (CsvError::NotFinite { line, column, text }, Lang::Ko) => {
                format!(
                    "{line}번째 줄 {column}번째 열 “{text}”은(는) 유한한 숫자가 아닙니다. 무한대나 NaN은 쓸 수 없습니다."
                )
            }
            (CsvError::NotFinite { line, column, text }, Lang::En) => {
                format!(
                    "Line {line}, column {column}: “{text}” is not a finite number (infinity and NaN cannot be used)."
                )
            }
            (CsvError::RaggedRow { line, found, expected }, Lang::Ko) => {
                format!("{line}번째 줄에는 값이 {found}개 있지만, 첫 데이터 행처럼 {expected}개여야 합니다.")
            }
            (CsvError::RaggedRow { line, found, expected }, Lang::En) => {
                format!("Line {line} has {found} fields, but the first data row has {expected}.")
            }
            (CsvError::TooManyRows { found }, Lang::Ko) => {
                format!("데이터 행이 {found}개입니다. 최대 {MAX_CSV_ROWS}개까지 읽을 수 있습니다.")
            }
            (CsvError::TooManyRows { found }, Lang::En) => {
                format!("The file has {found} data rows; at most {MAX_CSV_ROWS} can be read.")
            }
            (CsvError::TooManyColumns { line, found }, Lang::Ko) => {
                format!(
                    "{line}번째 줄에 열이 {found}개입니다. 최대 {MAX_CSV_COLUMNS}개까지 읽을 수 있습니다."
                )
            }
            (CsvError::TooManyColumns { line, found }, Lang::En) => {
                format!("Line {line} has {found} columns; at most {MAX_CSV_COLUMNS} can be read.")
            }
            (CsvError::TooLarge { bytes }, Lang::Ko) => {
                format!("파일이 너무 큽니다({}). 최대 {max_mb} MB까지 읽을 수 있습니다.", megabytes(*bytes))
            }
            (CsvError::TooLarge { bytes }, Lang::En) => {
                format!("The file is too large ({}); at most {max_mb} MB can be read.", megabytes(*bytes))
            }
            (CsvError::HeaderMismatch { line, header, data }, Lang::Ko) => {
                format!(
                    "{line}번째 줄의 머리글에는 이름이 {header}개 있지만, 데이터 행에는 값이 {data}개 있습니다."
                )
            }
            (CsvError::HeaderMismatch { line, header, data }, Lang::En) => {
                format!("The header on line {line} names {header} columns, but the data rows have {data}.")
            }
        }
    }
}

/// The field separator of a CSV file, read from its first non-blank line: a tab if there is one
/// outside quotes, else a semicolon, else a comma; none for a single column. (A tab file may
/// hold commas in a header, a semicolon file decimal commas, so those win.)
fn detect_separator(line: &str) -> Option<char> {
    let mut in_quotes = false;
    let (mut tab, mut semicolon, mut comma) = (false, false, false);
    for c in line.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\t' if !in_quotes => tab = true,
            ';' if !in_quotes => semicolon = true,
            ',' if !in_quotes => comma = true,
            _ => {}
        }
    }
    [(tab, '\t'), (semicolon, ';'), (comma, ',')].into_iter().find(|&(found, _)| found).map(|(_, c)| c)
}

/// Splits one line into trimmed fields. A field that opens with a quote runs to the closing
/// quote (a doubled quote inside stands for one quote); an unclosed quote runs to the line's end.
/// Returns at most `MAX_CSV_COLUMNS + 1` fields, and how many there are in all.
fn split_fields(line: &str, separator: Option<char>) -> (Vec<String>, usize) {
    let mut fields = Vec::new();
    let mut count = 0;
    let mut field = String::new();
    let mut in_quotes = false;
    let mut chars = line.chars().peekable();
    let mut finish = |field: &mut String| {
        count += 1;
        if fields.len() <= MAX_CSV_COLUMNS {
            fields.push(field.trim().to_string());
        }
        field.clear();
    };
    while let Some(c) = chars.next() {
        if in_quotes {
            if c != '"' {
                field.push(c);
            } else if chars.peek() == Some(&'"') {
                field.push('"');
                chars.next();
            } else {
                in_quotes = false;
            }
        } else if Some(c) == separator {
            finish(&mut field);
        } else if c == '"' && field.trim().is_empty() {
            field.clear();
            in_quotes = true;
        } else {
            field.push(c);
        }
    }
    finish(&mut field);
    (fields, count)
}

/// True for a decimal number as Rust's `f64::from_str` reads one: an optional sign, digits with
/// an optional point (or a point and digits), and an optional exponent.
fn is_decimal(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(k) => (&s[..k], Some(&s[k + 1..])),
        None => (s, None),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mantissa_ok = digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    mantissa_ok && exponent_ok
}

/// True for the words `f64::from_str` reads as infinity or NaN (any case, optional sign).
fn is_non_finite_word(s: &str) -> bool {
    let s = s.strip_prefix(['+', '-']).unwrap_or(s).to_ascii_lowercase();
    matches!(s.as_str(), "inf" | "infinity" | "nan")
}

/// Reads one field as a number with `convert` (which is handed only decimal literals):
/// `Ok(None)` if it is not one at all, `Ok(Some(v))` if it is finite, `Err(())` for infinity,
/// NaN or an overflow. A true minus sign (−) counts as a hyphen.
fn read_number(field: &str, convert: &dyn Fn(&str) -> Option<f64>) -> Result<Option<f64>, ()> {
    let field = field.replace('−', "-");
    if is_decimal(&field) {
        match convert(&field) {
            Some(v) if v.is_finite() => Ok(Some(v)),
            _ => Err(()),
        }
    } else if is_non_finite_word(&field) {
        Err(())
    } else {
        Ok(None)
    }
}

/// Rust's own decimal conversion.
fn rust_number(s: &str) -> Option<f64> {
    s.parse().ok()
}

/// `s` read as `f64::from_str` reads it: a sign, digits with an optional point and an optional
/// exponent, or `inf`, `infinity`, `nan` in any case; anything else (spaces too) is `None`.
/// In the browser the digits are converted by JavaScript's `parseFloat` (ECMAScript asks for
/// correct rounding, as Rust gives, up to 20 significant digits); Rust's converter would bring
/// about 10 KB of tables into each WebAssembly module.
pub fn number(s: &str) -> Option<f64> {
    if is_decimal(s) {
        decimal(s)
    } else if is_non_finite_word(s) {
        let word = s.trim_start_matches(['+', '-']).to_ascii_lowercase();
        let v = if word == "nan" { f64::NAN } else { f64::INFINITY };
        Some(if s.starts_with('-') { -v } else { v })
    } else {
        None
    }
}

#[cfg(all(target_arch = "wasm32", any(feature = "lab", feature = "landing")))]
fn decimal(s: &str) -> Option<f64> {
    Some(js_sys::Number::parse_float(s))
}

#[cfg(not(all(target_arch = "wasm32", any(feature = "lab", feature = "landing"))))]
fn decimal(s: &str) -> Option<f64> {
    rust_number(s)
}

/// The lines that are not blank, with their 1-based line numbers. The caller strips the BOM.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split('\n')
        .enumerate()
        .map(|(k, line)| (k + 1, line.strip_suffix('\r').unwrap_or(line)))
        .filter(|(_, line)| !line.trim().is_empty())
}

/// Reads a CSV file as a [`Table`]: comma, semicolon or tab separated (read from the first
/// non-blank line), with an optional byte-order mark, CRLF or LF line ends, blank lines anywhere,
/// and an optional header row (the first non-blank line, when any of its fields is neither a
/// number nor empty). Header and data fields may be quoted; spaces around fields are trimmed.
pub fn parse_csv(text: &str) -> Result<Table, CsvError> {
    parse_csv_with(text, &rust_number)
}

/// [`parse_csv`] with the decimal conversion given: the lab module hands each number to the
/// browser's own (correctly rounded, as Rust's is), so it ships no float parser of its own.
pub fn parse_csv_with(text: &str, convert: &dyn Fn(&str) -> Option<f64>) -> Result<Table, CsvError> {
    if text.len() > MAX_CSV_BYTES {
        return Err(CsvError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = content_lines(text);
    let Some((first_line, first)) = lines.next() else {
        return Err(CsvError::Empty);
    };
    let separator = detect_separator(first);
    let (first_fields, first_count) = split_fields(first, separator);
    if first_count > MAX_CSV_COLUMNS {
        return Err(CsvError::TooManyColumns { line: first_line, found: first_count });
    }
    let is_header = first_fields.iter().any(|f| !f.is_empty() && read_number(f, convert) == Ok(None));
    let data_rows = content_lines(text).count() - usize::from(is_header);
    if data_rows == 0 {
        return Err(CsvError::OnlyHeader { line: first_line });
    }
    if data_rows > MAX_CSV_ROWS {
        return Err(CsvError::TooManyRows { found: data_rows });
    }

    let header = is_header.then_some(first_fields);
    let data_lines = (if is_header { None } else { Some((first_line, first)) }).into_iter().chain(lines);
    let mut rows: Vec<Vec<f64>> = Vec::with_capacity(data_rows);
    let mut expected = 0;
    for (line, raw) in data_lines {
        let (fields, count) = split_fields(raw, separator);
        if rows.is_empty() {
            if count > MAX_CSV_COLUMNS {
                return Err(CsvError::TooManyColumns { line, found: count });
            }
            if let Some(names) = &header
                && names.len() != count
            {
                return Err(CsvError::HeaderMismatch { line: first_line, header: names.len(), data: count });
            }
            expected = count;
        } else if count != expected {
            return Err(CsvError::RaggedRow { line, found: count, expected });
        }
        let row = fields
            .iter()
            .enumerate()
            .map(|(k, field)| {
                let column = k + 1;
                let quoted = || -> String { field.chars().take(20).collect() };
                match read_number(field, convert) {
                    Ok(Some(v)) => Ok(v),
                    Ok(None) => Err(CsvError::NotANumber { line, column, text: quoted() }),
                    Err(()) => Err(CsvError::NotFinite { line, column, text: quoted() }),
                }
            })
            .collect::<Result<Vec<f64>, CsvError>>()?;
        rows.push(row);
    }
    Ok(Table { header, rows })
}

/// The most time steps a drawing may be resampled to.
pub const MAX_DRAW_STEPS: usize = 200;

/// What is wrong with a drawn stroke.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DrawError {
    /// Fewer than two distinct x positions: a dot, or a vertical stroke.
    TooShort,
    /// A number of steps that is 0 or above [`MAX_DRAW_STEPS`].
    BadSteps {
        /// The number asked for.
        steps: usize,
    },
    /// A point with an infinite or NaN coordinate.
    NotFinite {
        /// 1-based position of the point in drawing order.
        point: usize,
    },
}

impl DrawError {
    /// One sentence for the learner.
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DrawError::TooShort, Lang::Ko) => "선을 왼쪽에서 오른쪽으로 더 길게 그려 주세요.".into(),
            (DrawError::TooShort, Lang::En) => "Draw a longer line from left to right.".into(),
            (DrawError::BadSteps { steps }, Lang::Ko) => {
                format!("시점 수는 1에서 {MAX_DRAW_STEPS} 사이여야 합니다. 지금은 {steps}입니다.")
            }
            (DrawError::BadSteps { steps }, Lang::En) => {
                format!("The number of steps must lie between 1 and {MAX_DRAW_STEPS}; it is {steps}.")
            }
            (DrawError::NotFinite { point }, Lang::Ko) => {
                format!("그림의 {point}번째 점의 좌표가 유한한 숫자가 아닙니다. 다시 그려 주세요.")
            }
            (DrawError::NotFinite { point }, Lang::En) => {
                format!(
                    "Point {point} of the drawing has a coordinate that is not a finite number; draw it again."
                )
            }
        }
    }
}

/// Turns a drawn stroke into `steps` values, at x = (k + 0.5)/steps for k = 0..steps. The points
/// (x left to right in [0, 1], y the value) are sorted by x, points sharing one x are averaged,
/// and the values between them are interpolated linearly; left of the first point the first
/// point's y holds, right of the last the last's. Every value lies between the points' least and
/// greatest y.
pub fn resample_drawing(points: &[(f64, f64)], steps: usize) -> Result<Vec<f64>, DrawError> {
    if steps == 0 || steps > MAX_DRAW_STEPS {
        return Err(DrawError::BadSteps { steps });
    }
    if let Some(k) = points.iter().position(|(x, y)| !x.is_finite() || !y.is_finite()) {
        return Err(DrawError::NotFinite { point: k + 1 });
    }
    let mut sorted = points.to_vec();
    sorted.sort_by(|a, b| a.0.total_cmp(&b.0));
    // One (x, y) per distinct x: the mean of the points there, kept within their range (a sum of
    // equal values divided back may round past them, and a sum of huge ones may overflow).
    let mut xs: Vec<f64> = Vec::new();
    let mut ys: Vec<f64> = Vec::new();
    for group in sorted.chunk_by(|a, b| a.0 == b.0) {
        let n = group.len() as f64;
        let (lo, hi) =
            group.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), p| (lo.min(p.1), hi.max(p.1)));
        let mean: f64 = group.iter().map(|p| p.1 / n).sum();
        xs.push(group[0].0);
        ys.push(mean.clamp(lo, hi));
    }
    if xs.len() < 2 {
        return Err(DrawError::TooShort);
    }
    let last = xs.len() - 1;
    Ok((0..steps)
        .map(|k| {
            let x = (k as f64 + 0.5) / steps as f64;
            let i = xs.partition_point(|&v| v <= x);
            if i == 0 {
                return ys[0];
            }
            if i > last {
                return ys[last];
            }
            let (x0, x1, y0, y1) = (xs[i - 1], xs[i], ys[i - 1], ys[i]);
            let t = ((x - x0) / (x1 - x0)).clamp(0.0, 1.0);
            let t = if t.is_nan() { 0.0 } else { t };
            // Weighted, not y0 + t·(y1 − y0): the difference of two huge values may overflow.
            (y0 * (1.0 - t) + y1 * t).clamp(y0.min(y1), y0.max(y1))
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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

    fn table(header: Option<&[&str]>, rows: &[&[f64]]) -> Table {
        Table {
            header: header.map(|h| h.iter().map(|s| s.to_string()).collect()),
            rows: rows.iter().map(|r| r.to_vec()).collect(),
        }
    }

    #[test]
    fn csv_with_a_header_names_its_columns() {
        let t = parse_csv("time,price\n1,2.5\n2,3\n3,-0.5\n").unwrap();
        assert_eq!(t, table(Some(&["time", "price"]), &[&[1.0, 2.5], &[2.0, 3.0], &[3.0, -0.5]]));
    }

    #[test]
    fn csv_without_a_header_is_all_data() {
        let t = parse_csv("1,2\n3,4").unwrap();
        assert_eq!(t, table(None, &[&[1.0, 2.0], &[3.0, 4.0]]));
        // One word among numbers makes the first row a header; an empty first name (a pandas
        // index column) does not stop the others from being names.
        assert_eq!(parse_csv("1,x\n3,4").unwrap().header, Some(vec!["1".into(), "x".into()]));
        assert_eq!(parse_csv(",a\n3,4").unwrap().header, Some(vec!["".into(), "a".into()]));
        // An empty field among numbers does not make a header: it is an empty data field.
        assert_eq!(
            parse_csv("1,,3\n4,5,6").unwrap_err(),
            CsvError::NotANumber { line: 1, column: 2, text: "".into() }
        );
    }

    #[test]
    fn csv_separators_are_semicolons_or_tabs_too() {
        let expected = table(Some(&["a", "b"]), &[&[1.5, 2.0], &[3.0, 4.0]]);
        assert_eq!(parse_csv("a;b\n1.5;2\n3;4\n").unwrap(), expected);
        assert_eq!(parse_csv("a\tb\n1.5\t2\n3\t4\n").unwrap(), expected);
        // A tab file whose header holds a comma and a semicolon is still split at the tabs.
        let t = parse_csv("price, USD\tvol; k\n1\t2\n").unwrap();
        assert_eq!(t.header, Some(vec!["price, USD".into(), "vol; k".into()]));
        // A semicolon file with decimal commas is split at the semicolons (and says where).
        assert_eq!(
            parse_csv("t;v\n1;2,5\n").unwrap_err(),
            CsvError::NotANumber { line: 2, column: 2, text: "2,5".into() }
        );
    }

    #[test]
    fn csv_from_windows_with_a_byte_order_mark_reads() {
        let t = parse_csv("\u{feff}x,y\r\n1,2\r\n3,4\r\n\r\n").unwrap();
        assert_eq!(t, table(Some(&["x", "y"]), &[&[1.0, 2.0], &[3.0, 4.0]]));
        let t = parse_csv("\u{feff}1\r\n2\r\n").unwrap();
        assert_eq!(t, table(None, &[&[1.0], &[2.0]]));
    }

    #[test]
    fn csv_with_one_column_has_no_separator() {
        assert_eq!(
            parse_csv("value\n1\n2\n−3\n").unwrap(),
            table(Some(&["value"]), &[&[1.0], &[2.0], &[-3.0]])
        );
        assert_eq!(parse_csv("0.5\n-1e-3").unwrap(), table(None, &[&[0.5], &[-0.001]]));
    }

    #[test]
    fn csv_header_names_may_be_quoted() {
        let t = parse_csv("\"price, USD\", \"say \"\"hi\"\"\" ,plain\n1,2,3\n").unwrap();
        assert_eq!(t.header, Some(vec!["price, USD".into(), "say \"hi\"".into(), "plain".into()]));
        assert_eq!(t.rows, vec![vec![1.0, 2.0, 3.0]]);
        // Some programs quote every field; a quoted number is still a number.
        assert_eq!(parse_csv("\"1.5\",\"2\"\n").unwrap(), table(None, &[&[1.5, 2.0]]));
    }

    #[test]
    fn csv_blank_lines_spaces_and_minus_signs_are_forgiven() {
        let t = parse_csv("\n\n a , b \n\n  1 ,  −2.5\n \t \n3,4\n\n\n").unwrap();
        assert_eq!(t, table(Some(&["a", "b"]), &[&[1.0, -2.5], &[3.0, 4.0]]));
        // Blank lines still count in the line numbers the learner sees.
        assert_eq!(
            parse_csv("a,b\n\n1,2\n\n3,x\n").unwrap_err(),
            CsvError::NotANumber { line: 5, column: 2, text: "x".into() }
        );
    }

    #[test]
    fn csv_empty_or_header_only_is_an_error() {
        for text in ["", "\n\n", " \r\n\t\n", "\u{feff}", "\u{feff}\r\n"] {
            assert_eq!(parse_csv(text), Err(CsvError::Empty), "{text:?}");
        }
        assert_eq!(parse_csv("\na,b\n\n"), Err(CsvError::OnlyHeader { line: 2 }));
    }

    #[test]
    fn csv_field_that_is_not_a_number_is_quoted_and_placed() {
        let err = parse_csv("t,v\n1,2\n2,abc\n").unwrap_err();
        assert_eq!(err, CsvError::NotANumber { line: 3, column: 2, text: "abc".into() });
        assert_eq!(err.message(Lang::Ko), "3번째 줄 2번째 열 “abc”은(는) 숫자가 아닙니다.");
        assert_eq!(err.message(Lang::En), "Line 3, column 2: “abc” is not a number.");
        let long = "가나다라마바사아자차카타파하".repeat(2);
        let err = parse_csv(&format!("1,2\n{long},3\n")).unwrap_err();
        let CsvError::NotANumber { line: 2, column: 1, text } = &err else { panic!("{err:?}") };
        assert_eq!(text.chars().count(), 20);
        assert!(long.starts_with(text.as_str()));
        let empty = parse_csv("1,2\n3,\n").unwrap_err();
        assert_eq!(empty, CsvError::NotANumber { line: 2, column: 2, text: "".into() });
        assert!(empty.message(Lang::Ko).contains("비어 있습니다"));
        assert!(empty.message(Lang::En).contains("is empty"));
    }

    #[test]
    fn csv_infinite_or_nan_values_are_refused() {
        let cases = [
            ("1,nan\n", 1, 2, "nan"),
            ("1,2\n-inf,3\n", 2, 1, "-inf"),
            ("t,v\n1,2\n3,1e999\n", 3, 2, "1e999"),
            ("1\n\n−Infinity\n", 3, 1, "−Infinity"),
        ];
        for (text, line, column, field) in cases {
            let err = parse_csv(text).unwrap_err();
            assert_eq!(err, CsvError::NotFinite { line, column, text: field.into() }, "{text:?}");
            assert!(err.message(Lang::Ko).contains(&format!("{line}번째 줄 {column}번째 열")));
            assert!(err.message(Lang::En).contains(&format!("Line {line}, column {column}")));
        }
    }

    #[test]
    fn csv_rows_of_another_width_are_refused() {
        let err = parse_csv("a,b,c\n1,2,3\n4,5\n").unwrap_err();
        assert_eq!(err, CsvError::RaggedRow { line: 3, found: 2, expected: 3 });
        assert!(err.message(Lang::Ko).contains("3번째 줄") && err.message(Lang::Ko).contains("2개"));
        assert!(
            err.message(Lang::En).contains("Line 3 has 2 fields") && err.message(Lang::En).contains("has 3")
        );
        assert_eq!(
            parse_csv("1\n2,3\n"),
            Err(CsvError::NotANumber { line: 2, column: 1, text: "2,3".into() })
        );
        assert_eq!(parse_csv("1;2\n3;4;5\n"), Err(CsvError::RaggedRow { line: 2, found: 3, expected: 2 }));
    }

    #[test]
    fn csv_header_must_match_the_data() {
        let err = parse_csv("a,b,c\n\n1,2\n3,4\n").unwrap_err();
        assert_eq!(err, CsvError::HeaderMismatch { line: 1, header: 3, data: 2 });
        assert!(err.message(Lang::Ko).contains("1번째 줄") && err.message(Lang::Ko).contains("3개"));
        assert!(err.message(Lang::En).contains("line 1 names 3 columns"));
    }

    #[test]
    fn csv_limits_on_rows_columns_and_size() {
        let rows = |n: usize| "1,2\n".repeat(n);
        assert_eq!(parse_csv(&rows(MAX_CSV_ROWS)).unwrap().rows.len(), MAX_CSV_ROWS);
        assert_eq!(parse_csv(&format!("a,b\n{}", rows(MAX_CSV_ROWS))).unwrap().rows.len(), MAX_CSV_ROWS);
        assert_eq!(
            parse_csv(&rows(MAX_CSV_ROWS + 1)),
            Err(CsvError::TooManyRows { found: MAX_CSV_ROWS + 1 })
        );

        let wide = |n: usize| vec!["1"; n].join(",");
        assert_eq!(parse_csv(&wide(MAX_CSV_COLUMNS)).unwrap().rows[0].len(), MAX_CSV_COLUMNS);
        assert_eq!(
            parse_csv(&format!("\n{}", wide(MAX_CSV_COLUMNS + 1))),
            Err(CsvError::TooManyColumns { line: 2, found: MAX_CSV_COLUMNS + 1 })
        );
        let names = vec!["n"; MAX_CSV_COLUMNS + 6].join(";");
        assert_eq!(
            parse_csv(&format!("{names}\n1;2\n")),
            Err(CsvError::TooManyColumns { line: 1, found: MAX_CSV_COLUMNS + 6 })
        );

        let huge = format!("1\n{}", " ".repeat(MAX_CSV_BYTES - 1));
        assert_eq!(parse_csv(&huge), Err(CsvError::TooLarge { bytes: MAX_CSV_BYTES + 1 }));
        let err = CsvError::TooLarge { bytes: 3 * 1024 * 1024 };
        assert_eq!(err.message(Lang::Ko), "파일이 너무 큽니다(3.0 MB). 최대 2 MB까지 읽을 수 있습니다.");
        assert_eq!(err.message(Lang::En), "The file is too large (3.0 MB); at most 2 MB can be read.");
    }

    #[test]
    fn every_csv_error_speaks_both_languages() {
        let errors = [
            CsvError::Empty,
            CsvError::OnlyHeader { line: 7 },
            CsvError::NotANumber { line: 7, column: 9, text: "q".into() },
            CsvError::NotFinite { line: 7, column: 9, text: "inf".into() },
            CsvError::RaggedRow { line: 7, found: 9, expected: 5 },
            CsvError::TooManyRows { found: 2345 },
            CsvError::TooManyColumns { line: 7, found: 99 },
            CsvError::TooLarge { bytes: 9_999_999 },
            CsvError::HeaderMismatch { line: 7, header: 9, data: 5 },
        ];
        for e in errors {
            let (ko, en) = (e.message(Lang::Ko), e.message(Lang::En));
            assert!(!ko.is_empty() && !en.is_empty() && ko != en, "{e:?}");
            assert!(ko.chars().any(|c| ('가'..='힣').contains(&c)), "{ko}");
            if !matches!(e, CsvError::Empty | CsvError::TooManyRows { .. } | CsvError::TooLarge { .. }) {
                assert!(ko.contains("7번째 줄") && en.to_lowercase().contains("line 7"), "{ko} / {en}");
            }
        }
    }

    #[test]
    fn a_straight_stroke_resamples_to_its_midpoints() {
        assert_eq!(resample_drawing(&[(0.0, 0.0), (1.0, 1.0)], 4).unwrap(), vec![0.125, 0.375, 0.625, 0.875]);
        assert_eq!(resample_drawing(&[(0.0, 2.0), (1.0, -2.0)], 2).unwrap(), vec![1.0, -1.0]);
        assert_eq!(resample_drawing(&[(0.0, 0.0), (1.0, 1.0)], 1).unwrap(), vec![0.5]);
    }

    #[test]
    fn a_stroke_is_held_flat_beyond_its_ends() {
        // x = 0.125 is left of the stroke, 0.875 right of it.
        let v = resample_drawing(&[(0.25, 1.0), (0.75, 3.0)], 4).unwrap();
        assert_eq!(v, vec![1.0, 1.5, 2.5, 3.0]);
    }

    #[test]
    fn a_stroke_drawn_right_to_left_or_back_and_forth_is_sorted_by_x() {
        let forward = resample_drawing(&[(0.0, 0.0), (0.5, 2.0), (1.0, 0.0)], 4).unwrap();
        assert_eq!(forward, vec![0.5, 1.5, 1.5, 0.5]);
        assert_eq!(resample_drawing(&[(1.0, 0.0), (0.5, 2.0), (0.0, 0.0)], 4).unwrap(), forward);
        assert_eq!(resample_drawing(&[(0.5, 2.0), (1.0, 0.0), (0.0, 0.0)], 4).unwrap(), forward);
    }

    #[test]
    fn points_that_share_an_x_are_averaged() {
        // At x = 0.5 the finger went up to 1 and 3: the stroke passes through their mean, 2.
        let v = resample_drawing(&[(0.0, 0.0), (0.5, 1.0), (0.5, 3.0), (1.0, 2.0)], 2).unwrap();
        assert_eq!(v, vec![1.0, 2.0]);
        // −0 and +0 are one x.
        let v = resample_drawing(&[(-0.0, 4.0), (0.0, 0.0), (1.0, 0.0)], 2).unwrap();
        assert_eq!(v, vec![1.5, 0.5]);
    }

    #[test]
    fn rounding_and_huge_values_stay_within_the_stroke() {
        // Three points at one x whose mean rounds past 0.1, and a flat stroke between them: every
        // value is exactly the drawn 0.1.
        let flat = [(0.0, 0.1), (0.0, 0.1), (0.0, 0.1), (0.3, 0.1), (1.0, 0.1)];
        assert!(resample_drawing(&flat, MAX_DRAW_STEPS).unwrap().iter().all(|&v| v == 0.1));
        // From the most negative to the most positive finite value: y1 − y0 would overflow.
        let v = resample_drawing(&[(0.0, -f64::MAX), (1.0, f64::MAX)], 4).unwrap();
        assert!(v.iter().all(|y| y.is_finite()), "{v:?}");
        assert!(v.windows(2).all(|w| w[0] < w[1]), "{v:?}");
        assert_eq!(v[0], -v[3]);
        // Two huge values at one x: their sum would overflow, their mean does not.
        let v = resample_drawing(&[(0.0, f64::MAX), (0.0, f64::MAX), (1.0, f64::MAX)], 3).unwrap();
        assert_eq!(v, vec![f64::MAX; 3]);
        let v = resample_drawing(&[(0.0, f64::MAX), (0.0, f64::MAX / 2.0), (1.0, 0.0)], 2).unwrap();
        assert!((v[0] / f64::MAX - 0.5625).abs() < 1e-12, "{v:?}");
    }

    #[test]
    fn a_dot_or_a_vertical_stroke_is_too_short() {
        assert_eq!(resample_drawing(&[], 10), Err(DrawError::TooShort));
        assert_eq!(resample_drawing(&[(0.3, 0.5)], 10), Err(DrawError::TooShort));
        assert_eq!(resample_drawing(&[(0.3, 0.0), (0.3, 1.0), (0.3, 0.2)], 10), Err(DrawError::TooShort));
        assert_eq!(DrawError::TooShort.message(Lang::En), "Draw a longer line from left to right.");
        assert_eq!(DrawError::TooShort.message(Lang::Ko), "선을 왼쪽에서 오른쪽으로 더 길게 그려 주세요.");
    }

    #[test]
    fn drawing_steps_must_lie_between_one_and_the_limit() {
        let line = [(0.0, 0.0), (1.0, 1.0)];
        assert_eq!(resample_drawing(&line, 0), Err(DrawError::BadSteps { steps: 0 }));
        assert_eq!(resample_drawing(&line, MAX_DRAW_STEPS + 1), Err(DrawError::BadSteps { steps: 201 }));
        assert_eq!(resample_drawing(&line, MAX_DRAW_STEPS).unwrap().len(), MAX_DRAW_STEPS);
        let e = DrawError::BadSteps { steps: 0 };
        assert!(e.message(Lang::Ko).contains("200") && e.message(Lang::En).contains("200"));
    }

    #[test]
    fn drawn_points_must_be_finite() {
        let bad = [(0.0, 0.0), (0.5, f64::NAN), (1.0, 1.0)];
        assert_eq!(resample_drawing(&bad, 4), Err(DrawError::NotFinite { point: 2 }));
        assert_eq!(
            resample_drawing(&[(0.0, 0.0), (f64::INFINITY, 1.0)], 4),
            Err(DrawError::NotFinite { point: 2 })
        );
        assert_eq!(resample_drawing(&[(f64::NEG_INFINITY, 0.0)], 4), Err(DrawError::NotFinite { point: 1 }));
        let e = DrawError::NotFinite { point: 2 };
        assert!(e.message(Lang::Ko).contains("2번째 점") && e.message(Lang::En).contains("Point 2"));
    }

    /// Finite numbers of every size, small ones more often.
    fn finite() -> impl Strategy<Value = f64> {
        prop_oneof![
            3 => -10.0..10.0f64,
            1 => any::<f64>().prop_filter("finite", |v| v.is_finite()),
        ]
    }

    proptest! {
        #[test]
        fn number_reads_exactly_what_rusts_float_parser_reads(
            s in "[0-9.eE+\\- a-z]{0,10}|[+\\-]?(inf|infinity|nan|INF|NaN|Infinity|iNfInItY)|[+\\-]?[0-9]{1,25}(\\.[0-9]{0,25})?([eE][+\\-]?[0-9]{1,3})?",
        ) {
            let same = match (number(&s), s.parse::<f64>().ok()) {
                (Some(a), Some(b)) => a.to_bits() == b.to_bits(),
                (None, None) => true,
                _ => false,
            };
            prop_assert!(same, "{:?}: {:?} against {:?}", s, number(&s), s.parse::<f64>().ok());
        }

        #[test]
        fn the_decimal_grammar_is_exactly_what_rusts_float_parser_reads(
            s in "[0-9.eE+\\-]{0,8}|[+\\-]?(inf|infinity|nan|INF|NaN|Infinity)",
        ) {
            prop_assert_eq!(is_decimal(&s) || is_non_finite_word(&s), s.parse::<f64>().is_ok(), "{:?}", s);
        }

        #[test]
        fn any_text_parses_as_csv_without_panicking(text in any::<String>()) {
            let _ = parse_csv(&text);
        }

        #[test]
        fn csv_like_text_parses_without_panicking(text in "[0-9a-c,;\t\" \r\n.eE+−-]{0,300}") {
            if let Err(e) = parse_csv(&text) {
                prop_assert!(!e.message(Lang::Ko).is_empty() && !e.message(Lang::En).is_empty());
            }
        }

        #[test]
        fn any_table_of_finite_numbers_round_trips(
            rows in (1usize..9).prop_flat_map(|c| proptest::collection::vec(proptest::collection::vec(finite(), c), 1..30)),
            names in proptest::option::of(proptest::collection::vec("c[a-z0-9_]{0,8}", 8)),
        ) {
            let lines: Vec<String> =
                rows.iter().map(|r| r.iter().map(|v| format!("{v}")).collect::<Vec<_>>().join(",")).collect();
            let header = names.map(|n| n[..rows[0].len()].to_vec());
            let text = match &header {
                Some(h) => format!("{}\n{}\n", h.join(","), lines.join("\n")),
                None => lines.join("\n"),
            };
            let t = parse_csv(&text).unwrap();
            prop_assert_eq!(&t.header, &header);
            let bits = |rows: &[Vec<f64>]| rows.iter().map(|r| r.iter().map(|v| v.to_bits()).collect::<Vec<_>>()).collect::<Vec<_>>();
            prop_assert_eq!(bits(&t.rows), bits(&rows));
        }

        #[test]
        fn any_drawing_resamples_without_panicking(
            points in proptest::collection::vec((any::<f64>(), any::<f64>()), 0..40),
            steps in 0usize..=210,
        ) {
            if let Ok(v) = resample_drawing(&points, steps) {
                prop_assert_eq!(v.len(), steps);
            }
        }

        #[test]
        fn resampled_values_lie_within_the_drawn_range(
            points in proptest::collection::vec((prop_oneof![3 => 0.0..=1.0f64, 1 => finite()], finite()), 0..40),
            steps in 1usize..=MAX_DRAW_STEPS,
        ) {
            match resample_drawing(&points, steps) {
                Ok(v) => {
                    let lo = points.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
                    let hi = points.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
                    prop_assert_eq!(v.len(), steps);
                    for y in v {
                        prop_assert!(y.is_finite() && lo <= y && y <= hi, "{} outside [{}, {}]", y, lo, hi);
                    }
                }
                Err(e) => {
                    prop_assert_eq!(e, DrawError::TooShort);
                    let mut xs: Vec<f64> = points.iter().map(|p| p.0).collect();
                    xs.sort_by(f64::total_cmp);
                    xs.dedup_by(|a, b| a == b);
                    prop_assert!(xs.len() < 2);
                }
            }
        }
    }
}
