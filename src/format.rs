//! How a number is written and coloured on the page: no web crate, so every module of the site
//! (the page, the landing scene) prints numbers the same way.

/// A value as the page prints it: three decimals and a true minus sign.
pub fn format_value(x: f64) -> String {
    if x.is_nan() {
        return "NaN".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "∞".into() } else { "−∞".into() };
    }
    let s = format!("{x:.3}");
    if s == "-0.000" { "0.000".into() } else { s.replace('-', "−") }
}

/// A value that may be tiny or huge (a gradient): three decimals in the ordinary range,
/// otherwise a mantissa and a power of ten written with superscripts, e.g. `2.4×10⁻⁵`.
pub fn format_wide(x: f64) -> String {
    if !x.is_finite() || x == 0.0 || (1e-3..1e4).contains(&x.abs()) {
        return format_value(x);
    }
    let exponent = x.abs().log10().floor() as i32;
    let mantissa = x / 10f64.powi(exponent);
    let sup: String = exponent
        .to_string()
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            d => ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][d.to_digit(10).unwrap_or(0) as usize],
        })
        .collect();
    format!("{}×10{sup}", format!("{mantissa:.1}").replace('-', "−"))
}

/// A number for lesson text: `digits` decimals (at most 6), or a power of ten when it is too
/// small or too large for them.
pub fn format_fixed(x: f64, digits: usize) -> String {
    let digits = digits.min(6);
    let a = x.abs();
    if !x.is_finite() || (a != 0.0 && (a < 10f64.powi(-(digits as i32)) || a >= 1e7)) {
        format_wide(x)
    } else {
        format!("{x:.digits$}").replace('-', "−")
    }
}

/// The fill of [`value_fill`] as red, green and blue.
fn value_rgb(x: f64, scale: f64) -> [f64; 3] {
    let a = if x.is_finite() { (x / scale).clamp(-1.0, 1.0) } else { 0.0 };
    // End points: blue #2166ac (negative) and orange #e08214 (positive), mixed with white.
    let end = if a < 0.0 { [33.0, 102.0, 172.0] } else { [224.0, 130.0, 20.0] };
    let w = 1.0 - a.abs();
    end.map(|c: f64| (c + (255.0 - c) * w).round())
}

/// A diverging, colour-blind-safe fill for a value: blue for negative, white at zero, orange
/// for positive, saturating at |x| = `scale`. Returns a CSS colour.
pub fn value_fill(x: f64, scale: f64) -> String {
    let [r, g, b] = value_rgb(x, scale);
    format!("rgb({r},{g},{b})")
}

/// The text colour on [`value_fill`] of the same value: white on the darkest blues (from −0.88 ×
/// `scale` down), black everywhere else. Each reaches 4.5:1 (WCAG AA) on its fills; the test
/// below measures every fill with WCAG's formulas.
pub fn value_ink(x: f64, scale: f64) -> &'static str {
    if x.is_finite() && x / scale <= -0.88 { "#fff" } else { "#000" }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// WCAG's relative luminance of an sRGB colour given as 0–255 channels.
    fn luminance(rgb: [f64; 3]) -> f64 {
        let lin = |c: f64| {
            let c = c / 255.0;
            if c <= 0.04045 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
        };
        0.2126 * lin(rgb[0]) + 0.7152 * lin(rgb[1]) + 0.0722 * lin(rgb[2])
    }

    /// WCAG's contrast ratio of two luminances (1 to 21).
    fn contrast(a: f64, b: f64) -> f64 {
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn every_number_on_a_value_fill_reaches_four_and_a_half_to_one() {
        // The luminances WCAG gives: white 1, black 0, and a mid grey.
        assert!((luminance([255.0; 3]) - 1.0).abs() < 1e-12 && luminance([0.0; 3]) == 0.0);
        assert!((contrast(1.0, 0.0) - 21.0).abs() < 1e-12);
        // #777 on white is the well-known 4.48:1.
        assert!((contrast(luminance([119.0; 3]), 1.0) - 4.48).abs() < 0.01);
        let mut worst = f64::INFINITY;
        for k in -2000..=2000 {
            let x = f64::from(k) / 1000.0;
            let fill = luminance(value_rgb(x, 1.0));
            let ink = if value_ink(x, 1.0) == "#fff" { 1.0 } else { 0.0 };
            worst = worst.min(contrast(fill, ink));
        }
        assert!(worst >= 4.5, "worst contrast {worst}");
        assert_eq!(value_ink(f64::NAN, 1.0), "#000", "no value: white fill, black ink");
    }

    #[test]
    fn text_numbers_keep_their_digits_until_too_small_or_large() {
        assert_eq!(format_fixed(0.12164, 3), "0.122");
        assert_eq!(format_fixed(-2.5, 0), "−2");
        assert_eq!(format_fixed(28.0, 0), "28");
        assert_eq!(format_fixed(0.00001, 3), "1.0×10⁻⁵");
        assert_eq!(format_fixed(0.0, 3), "0.000");
    }

    #[test]
    fn values_print_with_three_decimals_and_a_real_minus() {
        assert_eq!(format_value(-0.12345), "−0.123");
        assert_eq!(format_value(0.0005), "0.001");
        assert_eq!(format_value(-0.0001), "0.000");
        assert_eq!(format_value(f64::NAN), "NaN");
    }

    #[test]
    fn wide_values_use_powers_of_ten_outside_the_ordinary_range() {
        assert_eq!(format_wide(0.5), "0.500");
        assert_eq!(format_wide(0.000024), "2.4×10⁻⁵");
        assert_eq!(format_wide(-31000.0), "−3.1×10⁴");
        assert_eq!(format_wide(0.0), "0.000");
    }

    #[test]
    fn fill_is_white_at_zero_and_saturates_at_the_scale() {
        assert_eq!(value_fill(0.0, 1.0), "rgb(255,255,255)");
        assert_eq!(value_fill(-5.0, 1.0), "rgb(33,102,172)");
        assert_eq!(value_fill(1.0, 1.0), "rgb(224,130,20)");
        assert_eq!(value_fill(f64::NAN, 1.0), "rgb(255,255,255)");
    }
}
