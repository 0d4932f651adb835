//! Numbers as Rust's `f64::from_str` reads them, with the conversion that costs a WebAssembly
//! module the least.

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
pub(super) fn read_number(field: &str, convert: &dyn Fn(&str) -> Option<f64>) -> Result<Option<f64>, ()> {
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
pub(super) fn rust_number(s: &str) -> Option<f64> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

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
    }
}
