//! What a URL says, and how every piece of view state is written into one and read back.
//!
//! A page's address is `<lesson>.html?lang=en&step=3&t=4&f=1`: the lesson is the file, the query
//! holds the language, the step and the scene's state in the scene's own keys (the same keys a
//! lesson step uses to drive the scene). Reading is lenient — an unknown key or a bad value is
//! skipped and reported as a [`Rejected`] item, so every URL opens a working page with a notice —
//! and nothing here can panic on any input (a property test feeds it arbitrary bytes).

pub mod presets;

use crate::text::Lang;

/// The longest query the page reads; anything beyond is ignored (and reported).
pub const MAX_QUERY: usize = 4096;

/// A key=value pair that the page could not use, kept to tell the learner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejected {
    /// The key, as decoded (at most 40 characters).
    pub key: String,
}

/// Splits a query string (with or without its `?`) into decoded pairs, in order. `+` is a space,
/// `%XX` a byte, invalid UTF-8 becomes U+FFFD, a pair without `=` has an empty value.
pub fn pairs(query: &str) -> Vec<(String, String)> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = match query.char_indices().nth(MAX_QUERY) {
        Some((cut, _)) => &query[..cut],
        None => query,
    };
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Percent-decodes one component.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let hex = |j: usize| bytes.get(j).and_then(|&c| (c as char).to_digit(16));
        match b {
            b'+' => out.push(b' '),
            b'%' => match (hex(i + 1), hex(i + 2)) {
                (Some(hi), Some(lo)) => {
                    out.push((hi * 16 + lo) as u8);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes one component: everything but `A–Z a–z 0–9 - _ . ~ ,` (commas stay readable
/// in sequences).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Writes pairs as a query string with its `?` (or an empty string for no pairs).
pub fn to_query(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let parts: Vec<String> = pairs.iter().map(|(k, v)| format!("{}={}", encode(k), encode(v))).collect();
    format!("?{}", parts.join("&"))
}

/// A finite number in `[lo, hi]`.
pub fn number(v: &str, lo: f64, hi: f64) -> Option<f64> {
    let x: f64 = crate::input::number(v.trim())?;
    (x.is_finite() && (lo..=hi).contains(&x)).then_some(x)
}

/// A whole number in `[lo, hi]`.
pub fn whole(v: &str, lo: usize, hi: usize) -> Option<usize> {
    let x: usize = v.trim().parse().ok()?;
    (lo..=hi).contains(&x).then_some(x)
}

/// `1`/`0` (also `true`/`false`, `on`/`off`).
pub fn flag(v: &str) -> Option<bool> {
    match v.trim() {
        "1" | "true" | "on" => Some(true),
        "0" | "false" | "off" => Some(false),
        _ => None,
    }
}

/// Writes a flag as the URL does.
pub fn write_flag(b: bool) -> String {
    if b { "1" } else { "0" }.to_string()
}

/// A number as the URL writes it: the shortest text that reads back to the same `f64`.
pub fn write_number(x: f64) -> String {
    format!("{x}")
}

/// A sequence of numbers, comma-separated, as a learner may type it (see [`crate::input`]).
pub fn sequence(v: &str) -> Option<Vec<f64>> {
    crate::input::parse_sequence(v).ok()
}

/// Writes a sequence as [`sequence`] reads it.
pub fn write_sequence(xs: &[f64]) -> String {
    let parts: Vec<String> = xs.iter().map(|&x| write_number(x)).collect();
    parts.join(",")
}

/// A scene's URL keys: the knobs a URL or a step may set, and the readings the lesson text and
/// questions may quote. The scenes register exactly these (a browser test compares them with
/// what the page registered); the lessons may use nothing else (a native test).
pub fn scene_keys(kind: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    Some(match kind {
        "next" => (&["x"], &["pred", "mean", "last", "rise", "y"]),
        "rnn" => (&["x", "back", "t", "play"], &["h", "hmax", "g", "gratio"]),
        "lstm" => (
            &["t", "play", "x", "i", "f", "o", "back"],
            &["i", "f", "g", "o", "c", "h", "cprev", "kept", "written"],
        ),
        "explore" => (
            &["t", "play", "kind", "h", "layers", "x", "fold", "cmp", "text", "layer", "unit"],
            &["params", "statesize", "h", "layers", "hidden", "input", "steps"],
        ),
        "decay" => (&["rho", "T", "fb", "act", "fopen", "drive", "q", "lag"], &["rnn", "lstm", "belt"]),
        "race" => (&["lag", "play"], &["rnngrad", "lstmgrad", "gradratio", "rnn", "lstm", "seen"]),
        "clip" => (&["rho", "logtheta", "lr", "mark"], &["norm"]),
        "language" => (&["text", "play"], &["seen", "ms", "learned"]),
        _ => return None,
    })
}

/// What the page itself reads from its query, before any scene: the language and the step.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageQuery {
    /// `lang`, when the URL names one the course is written in.
    pub lang: Option<Lang>,
    /// `step`, 1-based, when given as a whole number (the page clamps it to the lesson).
    pub step: Option<usize>,
    /// `lesson`: an old-style link (`index.html?lesson=rnn-cell`) the page forwards.
    pub lesson: Option<String>,
    /// `embed=1`: the scene alone, for slides.
    pub embed: bool,
    /// Every other pair, for the scene to read.
    pub scene: Vec<(String, String)>,
    /// Pairs the page itself could not read.
    pub rejected: Vec<Rejected>,
}

/// The longest lesson id a URL may name.
const MAX_ID: usize = 40;

impl PageQuery {
    /// Reads a query string leniently.
    pub fn parse(query: &str) -> Self {
        let mut page = Self::default();
        let over = query.len() > MAX_QUERY + 1;
        for (key, value) in pairs(query) {
            let ok = match key.as_str() {
                "lang" => Lang::from_code(&value).map(|l| page.lang = Some(l)).is_some(),
                "step" => whole(&value, 1, 99).map(|s| page.step = Some(s)).is_some(),
                "lesson" => {
                    let ok = !value.is_empty()
                        && value.len() <= MAX_ID
                        && value.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
                    if ok {
                        page.lesson = Some(value.clone());
                    }
                    ok
                }
                "embed" => flag(&value).map(|b| page.embed = b).is_some(),
                // `&=&`: nothing to read and nothing to report.
                "" if value.is_empty() => true,
                _ => {
                    page.scene.push((key.clone(), value));
                    true
                }
            };
            if !ok {
                page.rejected.push(reject(&key));
            }
        }
        if over {
            page.rejected.push(reject("…"));
        }
        page
    }
}

impl PageQuery {
    /// What the page script wants to know of its query: the page keys it could not read,
    /// comma-separated, a newline, and the scene's part as a query without `?`.
    pub fn report(query: &str) -> String {
        let q = Self::parse(query);
        let rejected: Vec<String> = q.rejected.into_iter().map(|r| r.key).collect();
        format!("{}\n{}", rejected.join(","), to_query(&q.scene).trim_start_matches('?'))
    }
}

/// A rejected key, shortened for display.
pub fn reject(key: &str) -> Rejected {
    Rejected { key: key.chars().take(40).collect() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn pairs_are_decoded_in_order() {
        assert_eq!(
            pairs("?a=1&b=%ED%95%9C+x&c&=z"),
            vec![
                ("a".into(), "1".into()),
                ("b".into(), "한 x".into()),
                ("c".into(), "".into()),
                ("".into(), "z".into())
            ]
        );
    }

    #[test]
    fn encoding_round_trips_any_text() {
        for s in ["", "a b&c=d", "금요일이 지나면", "0.2,-1e-3", "%zz+"] {
            assert_eq!(decode(&encode(s)), s, "{s}");
        }
    }

    #[test]
    fn bad_escapes_and_truncated_utf8_do_not_panic() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%4"), "%4");
        assert_eq!(decode("%G1"), "%G1");
        assert_eq!(decode("%ED%95"), "\u{FFFD}");
    }

    #[test]
    fn the_page_reads_its_own_keys_and_passes_the_rest_to_the_scene() {
        let q = PageQuery::parse("?lang=en&step=3&t=4&f=1&embed=1");
        assert_eq!(q.lang, Some(Lang::En));
        assert_eq!(q.step, Some(3));
        assert!(q.embed);
        assert_eq!(q.scene, vec![("t".into(), "4".into()), ("f".into(), "1".into())]);
        assert!(q.rejected.is_empty());
    }

    #[test]
    fn bad_page_values_are_rejected_not_used() {
        let q = PageQuery::parse("?lang=xx&step=0&step=abc&lesson=%3Cscript%3E&embed=2");
        assert_eq!(q.lang, None);
        assert_eq!(q.step, None);
        assert_eq!(q.lesson, None);
        assert!(!q.embed);
        let keys: Vec<&str> = q.rejected.iter().map(|r| r.key.as_str()).collect();
        assert_eq!(keys, ["lang", "step", "step", "lesson", "embed"]);
    }

    #[test]
    fn the_report_names_rejected_page_keys_and_passes_the_scene_part() {
        assert_eq!(PageQuery::report("?lang=xx&step=2&t=3&x=0.1,0.2"), "lang\nt=3&x=0.1,0.2");
        assert_eq!(PageQuery::report(""), "\n");
    }

    #[test]
    fn an_overlong_query_is_cut_and_reported() {
        let q = PageQuery::parse(&format!("?lang=en&x={}", "9".repeat(10_000)));
        assert_eq!(q.lang, Some(Lang::En));
        assert!(q.rejected.iter().any(|r| r.key == "…"));
    }

    #[test]
    fn numbers_respect_their_ranges() {
        assert_eq!(number("0.9", 0.0, 2.0), Some(0.9));
        assert_eq!(number("NaN", 0.0, 2.0), None);
        assert_eq!(number("inf", 0.0, 2.0), None);
        assert_eq!(number("3", 0.0, 2.0), None);
        assert_eq!(whole("12", 1, 20), Some(12));
        assert_eq!(whole("-1", 1, 20), None);
        assert_eq!(whole("99999999999999999999999", 1, 20), None);
        assert_eq!(sequence("0.2, 0.4"), Some(vec![0.2, 0.4]));
        assert_eq!(write_sequence(&[0.2, -1.5]), "0.2,-1.5");
        assert_eq!(number(&write_number(0.1 + 0.2), 0.0, 1.0), Some(0.1 + 0.2));
    }

    proptest! {
        #[test]
        fn any_query_parses_without_panicking(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let text = String::from_utf8_lossy(&bytes);
            let q = PageQuery::parse(&text);
            prop_assert!(q.step.is_none_or(|s| (1..=99).contains(&s)));
        }
    }
}
