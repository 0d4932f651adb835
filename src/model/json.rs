//! A small JSON reader for the files a learner opens (weights, sequences). It reads all of JSON
//! (RFC 8259) into a tree, with numbers through Rust's own correctly rounded `f64` parser, and it
//! is here because serde_json's reader, with its exact float parsing tables, added about 25 KB
//! gzip to the lab module that opens files in the page. Writing JSON stays with serde_json.
//!
//! Errors say what was expected and where (line and column, 1-based, columns in characters);
//! nothing here can panic or recurse without bound on any input (nesting deeper than
//! [`MAX_DEPTH`] is an error).

use std::fmt;

/// The deepest nesting read (a weight file needs 3).
pub const MAX_DEPTH: usize = 64;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number (finite: JSON has no other kind).
    Number(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, its members in file order (a repeated key keeps its last value, as serde_json
    /// and JavaScript do).
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The number, if this is one.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Number(x) => Some(*x),
            _ => None,
        }
    }

    /// The items, if this is an array.
    pub fn as_array(&self) -> Option<&[Json]> {
        match self {
            Json::Array(items) => Some(items),
            _ => None,
        }
    }

    /// True for an array.
    pub fn is_array(&self) -> bool {
        matches!(self, Json::Array(_))
    }
}

/// Where and why a text is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// What was expected or found.
    pub what: &'static str,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at line {} column {}", self.what, self.line, self.column)
    }
}

struct Reader<'a> {
    text: &'a str,
    at: usize,
}

/// Reads a whole text as one JSON value (whitespace around it allowed, nothing else).
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut r = Reader { text, at: 0 };
    r.space();
    let value = r.value(0)?;
    r.space();
    if r.at < text.len() {
        return Err(r.error("trailing characters"));
    }
    Ok(value)
}

impl Reader<'_> {
    fn error(&self, what: &'static str) -> JsonError {
        let before = &self.text[..self.at.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        JsonError { what, line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, word: &str) -> bool {
        if self.text[self.at..].starts_with(word) {
            self.at += word.len();
            true
        } else {
            false
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ if self.eat("true") => Ok(Json::Bool(true)),
            _ if self.eat("false") => Ok(Json::Bool(false)),
            _ if self.eat("null") => Ok(Json::Null),
            _ => Err(self.error("expected value")),
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut items = Vec::new();
        self.space();
        if self.eat("]") {
            return Ok(Json::Array(items));
        }
        loop {
            self.space();
            items.push(self.value(depth + 1)?);
            self.space();
            if self.eat("]") {
                return Ok(Json::Array(items));
            }
            if !self.eat(",") {
                return Err(self.error("expected `,` or `]`"));
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        self.at += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        self.space();
        if self.eat("}") {
            return Ok(Json::Object(members));
        }
        loop {
            self.space();
            if self.peek() != Some(b'"') {
                return Err(self.error("key must be a string"));
            }
            let key = self.string()?;
            self.space();
            if !self.eat(":") {
                return Err(self.error("expected `:`"));
            }
            self.space();
            let value = self.value(depth + 1)?;
            match members.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => members.push((key, value)),
            }
            self.space();
            if self.eat("}") {
                return Ok(Json::Object(members));
            }
            if !self.eat(",") {
                return Err(self.error("expected `,` or `}`"));
            }
        }
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.at;
        let digits = |r: &mut Self| {
            let from = r.at;
            while matches!(r.peek(), Some(b'0'..=b'9')) {
                r.at += 1;
            }
            r.at > from
        };
        self.eat("-");
        let leading_zero = self.peek() == Some(b'0');
        if !digits(self) {
            return Err(self.error("invalid number"));
        }
        if leading_zero && self.at - start > 1 + usize::from(self.text.as_bytes()[start] == b'-') {
            return Err(self.error("invalid number"));
        }
        if self.eat(".") && !digits(self) {
            return Err(self.error("invalid number"));
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !digits(self) {
                return Err(self.error("invalid number"));
            }
        }
        let x: f64 = self.text[start..self.at].parse().map_err(|_| self.error("invalid number"))?;
        if x.is_finite() { Ok(Json::Number(x)) } else { Err(self.error("number out of range")) }
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.at..];
            let Some(end) = rest.find(['"', '\\']).or_else(|| rest.find(|c: char| c < ' ')) else {
                self.at = self.text.len();
                return Err(self.error("EOF while parsing a string"));
            };
            let plain = &rest[..end];
            if let Some(bad) = plain.find(|c: char| c < ' ') {
                self.at += bad;
                return Err(self.error("control character in a string"));
            }
            out.push_str(plain);
            self.at += end;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let c = self.unicode()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    self.at += 1;
                    out.push(escaped);
                }
                _ => return Err(self.error("control character in a string")),
            }
        }
    }

    /// After `\u`: four hex digits, and a second `\uXXXX` for a surrogate pair.
    fn unicode(&mut self) -> Result<char, JsonError> {
        let hex = |r: &mut Self| -> Result<u32, JsonError> {
            let digits = r.text.get(r.at..r.at + 4).ok_or_else(|| r.error("invalid escape"))?;
            let v = u32::from_str_radix(digits, 16).map_err(|_| r.error("invalid escape"))?;
            if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
                return Err(r.error("invalid escape"));
            }
            r.at += 4;
            Ok(v)
        };
        let first = hex(self)?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.eat("\\u") {
                return Err(self.error("lone surrogate"));
            }
            let second = hex(self)?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.error("lone surrogate"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("lone surrogate"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// serde_json's reading of the same text, in this module's terms.
    fn serde(v: &serde_json::Value) -> Json {
        match v {
            serde_json::Value::Null => Json::Null,
            serde_json::Value::Bool(b) => Json::Bool(*b),
            serde_json::Value::Number(n) => Json::Number(n.as_f64().unwrap()),
            serde_json::Value::String(s) => Json::String(s.clone()),
            serde_json::Value::Array(a) => Json::Array(a.iter().map(serde).collect()),
            serde_json::Value::Object(o) => {
                Json::Object(o.iter().map(|(k, v)| (k.clone(), serde(v))).collect())
            }
        }
    }

    #[test]
    fn reads_what_serde_json_reads_on_hand_picked_documents() {
        let texts = [
            r#"{"weight_ih_l0": [[1.5, -2e-3], [0.1, 3E+2]], "bias": [0, -0.0, 1e-320]}"#,
            r#" [ "a\"b\\c\/\n\u00e9\ud83d\ude00", true, false, null, {} , [] ] "#,
            "0.30000000000000004",
            "-123456789012345678901234567890",
            "2.2250738585072011e-308",
        ];
        for text in texts {
            let theirs: serde_json::Value = serde_json::from_str(text).unwrap();
            assert_eq!(parse(text).unwrap(), serde(&theirs), "{text}");
        }
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        let err = |t: &str| parse(t).unwrap_err().to_string();
        assert_eq!(err(""), "EOF while parsing a value at line 1 column 1");
        assert_eq!(err("{\n  \"a\": NaN}"), "expected value at line 2 column 8");
        assert_eq!(err("[1, 2"), "expected `,` or `]` at line 1 column 6");
        assert_eq!(err("[01]"), "invalid number at line 1 column 4");
        assert_eq!(err("[1.]"), "invalid number at line 1 column 4");
        assert_eq!(err("1e999"), "number out of range at line 1 column 6");
        assert_eq!(err("{1: 2}"), "key must be a string at line 1 column 2");
        assert_eq!(err("\"abc"), "EOF while parsing a string at line 1 column 5");
        assert_eq!(err("\"\\ud800\""), "lone surrogate at line 1 column 8");
        assert_eq!(err("[] x"), "trailing characters at line 1 column 4");
        assert_eq!(err(&"[".repeat(100)), "nesting too deep at line 1 column 66");
    }

    #[test]
    fn a_repeated_key_keeps_its_last_value() {
        assert_eq!(
            parse(r#"{"a": 1, "b": 2, "a": 3}"#).unwrap(),
            Json::Object(vec![("a".into(), Json::Number(3.0)), ("b".into(), Json::Number(2.0))])
        );
    }

    fn any_json() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::Bool),
            any::<f64>().prop_filter("finite", |x| x.is_finite()).prop_map(|x| serde_json::json!(x)),
            any::<i64>().prop_map(|x| serde_json::json!(x)),
            ".*".prop_map(serde_json::Value::String),
        ];
        leaf.prop_recursive(4, 40, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(serde_json::Value::Array),
                prop::collection::vec(("[a-z\\\\\"é]{0,4}", inner), 0..6)
                    .prop_map(|kv| serde_json::Value::Object(kv.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #[test]
        fn agrees_with_serde_json_on_any_document_it_writes(v in any_json(), pretty in any::<bool>()) {
            let text = if pretty { serde_json::to_string_pretty(&v).unwrap() } else { v.to_string() };
            prop_assert_eq!(parse(&text).unwrap(), serde(&v));
        }

        #[test]
        fn never_panics_and_accepts_only_what_serde_json_accepts(text in ".{0,40}|[\\[\\]{}\",:0-9eE.+\\- \\\\u]{0,40}") {
            let ours = parse(&text);
            let theirs = serde_json::from_str::<serde_json::Value>(&text);
            prop_assert_eq!(ours.is_ok(), theirs.is_ok(), "{:?}: {:?} vs {:?}", text, ours, theirs.err());
        }
    }
}
