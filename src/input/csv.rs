//! A CSV file of numbers, one row per time step: what a researcher brings to the explorer.

use super::number::{read_number, rust_number};
use crate::text::Lang;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::finite;
    use proptest::prelude::*;

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

    proptest! {
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
    }
}
