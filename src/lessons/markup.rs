//! A very small inline markup for lesson prose: `**bold**`, `$math$`, where math knows
//! subscripts and superscripts (`h_{t-1}`, `x_t`, `ρ^k`), and `{reading}` or `{reading:digits}`,
//! a live value the page fills in from its scene. Enough to write the seed's formulas without a
//! math-typesetting library (which the page would have to download).

/// A run of inline text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Span {
    /// Plain text.
    Plain(String),
    /// Emphasised text.
    Strong(String),
    /// A formula.
    Math(Vec<MathPiece>),
    /// A value read from the scene: the reading's key and the digits to show.
    Live(String, usize),
}

/// A piece of a formula.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MathPiece {
    /// Set on the baseline.
    Base(String),
    /// Set as a subscript.
    Sub(String),
    /// Set as a superscript.
    Sup(String),
}

/// Splits lesson prose into spans. Unclosed markers are kept as literal text, so any string
/// renders.
pub fn parse(src: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut plain = String::new();
    let mut rest = src;
    while let Some(c) = rest.chars().next() {
        if c == '{'
            && let Some(end) = rest.find('}')
            && let Some(live) = live(&rest[1..end])
        {
            flush(&mut plain, &mut spans);
            spans.push(live);
            rest = &rest[end + 1..];
            continue;
        }
        let marker = if rest.starts_with("**") {
            Some("**")
        } else if c == '$' {
            Some("$")
        } else {
            None
        };
        if let Some(m) = marker
            && let Some(end) = rest[m.len()..].find(m)
        {
            let inner = &rest[m.len()..m.len() + end];
            flush(&mut plain, &mut spans);
            spans.push(if m == "$" {
                Span::Math(parse_math(inner))
            } else {
                Span::Strong(inner.to_string())
            });
            rest = &rest[2 * m.len() + end..];
            continue;
        }
        plain.push(c);
        rest = &rest[c.len_utf8()..];
    }
    flush(&mut plain, &mut spans);
    spans
}

/// `key` or `key:digits`, where a key is letters, digits, `@`, `.` and `-`.
fn live(inner: &str) -> Option<Span> {
    let (key, digits) = match inner.split_once(':') {
        Some((k, d)) => (k, d.parse().ok().filter(|&d: &usize| d <= 6)?),
        None => (inner, 2),
    };
    let ok = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || "@.-_".contains(c));
    ok.then(|| Span::Live(key.to_string(), digits))
}

fn flush(plain: &mut String, spans: &mut Vec<Span>) {
    if !plain.is_empty() {
        spans.push(Span::Plain(std::mem::take(plain)));
    }
}

/// Splits a formula into baseline text, subscripts (`_x`, `_{…}`) and superscripts (`^x`, `^{…}`).
/// A hyphen becomes a true minus sign.
pub fn parse_math(src: &str) -> Vec<MathPiece> {
    let mut pieces = Vec::new();
    let mut base = String::new();
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '_' || c == '^' {
            let mut script = String::new();
            if chars.peek() == Some(&'{') {
                chars.next();
                for d in chars.by_ref() {
                    if d == '}' {
                        break;
                    }
                    script.push(d);
                }
            } else if let Some(d) = chars.next() {
                script.push(d);
            }
            if !base.is_empty() {
                pieces.push(MathPiece::Base(std::mem::take(&mut base)));
            }
            let script = minus(&script);
            pieces.push(if c == '_' { MathPiece::Sub(script) } else { MathPiece::Sup(script) });
        } else {
            base.push(c);
        }
    }
    if !base.is_empty() {
        pieces.push(MathPiece::Base(minus(&base)));
    }
    pieces.iter_mut().for_each(|p| {
        if let MathPiece::Base(s) = p {
            *s = minus(s);
        }
    });
    pieces
}

fn minus(s: &str) -> String {
    s.replace('-', "−")
}

#[cfg(test)]
mod tests {
    use super::*;
    use MathPiece::{Base, Sub, Sup};

    #[test]
    fn bold_and_math_are_split_from_plain_text() {
        let spans = parse("은닉 상태 **hidden state** $h_t$ 입니다");
        assert_eq!(
            spans,
            vec![
                Span::Plain("은닉 상태 ".into()),
                Span::Strong("hidden state".into()),
                Span::Plain(" ".into()),
                Span::Math(vec![Base("h".into()), Sub("t".into())]),
                Span::Plain(" 입니다".into()),
            ]
        );
    }

    #[test]
    fn braced_scripts_and_minus_signs_are_typeset() {
        assert_eq!(
            parse_math("h_{t-1} + ρ^k"),
            vec![Base("h".into()), Sub("t−1".into()), Base(" + ρ".into()), Sup("k".into())]
        );
    }

    #[test]
    fn live_values_are_split_out_of_prose_but_not_out_of_math() {
        assert_eq!(
            parse("ρ^k = {rnn@20:3}, $h_{t-1}$ {bad key}"),
            vec![
                Span::Plain("ρ^k = ".into()),
                Span::Live("rnn@20".into(), 3),
                Span::Plain(", ".into()),
                Span::Math(vec![Base("h".into()), Sub("t−1".into())]),
                Span::Plain(" {bad key}".into()),
            ]
        );
    }

    #[test]
    fn unclosed_markers_stay_literal() {
        assert_eq!(parse("a ** b $ c"), vec![Span::Plain("a ** b $ c".into())]);
    }
}
