//! A line plot against lag with a logarithmic value axis, for quantities that vanish or explode.
//! Values a log axis cannot show — zero, underflow below the axis, infinity — are drawn as
//! markers on the edge they fell off and counted, never dropped silently or drawn as a break.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::legend::{Entry, legend};

/// One curve.
pub struct Curve<'a> {
    /// Its legend entry, in the page's language.
    pub label: String,
    /// y at x = 0, 1, 2, …
    pub values: &'a [f64],
    /// Its colour.
    pub color: RGBColor,
    /// Drawn dashed (a bound, not a measurement).
    pub dashed: bool,
}

/// The axes' words, and an optional marked x.
#[derive(Clone, Copy, Debug, Default)]
pub struct Axes<'a> {
    /// The x axis's description.
    pub x: &'a str,
    /// The y axis's description.
    pub y: &'a str,
    /// An x to mark with a vertical line (the lag a learner picked).
    pub marker: Option<f64>,
}

/// What the drawing did: what it had to clip, and where its x axis landed.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Drawn {
    /// Values below the axis floor (zero included).
    pub below: usize,
    /// Values above the axis ceiling (infinity included).
    pub above: usize,
    /// The axis range used, (floor, ceiling).
    pub range: (f64, f64),
    /// The pixels x = 0 and x = `x_max` were drawn at, so a click can be read back as an x.
    pub x_pixels: (i32, i32),
    /// The largest x on the axis.
    pub x_max: f64,
}

/// Text for an axis tick: exact powers of ten as 10⁻⁴, anything else as m×10ⁿ.
pub fn tick_label(v: f64) -> String {
    if !(v.is_finite() && v > 0.0) {
        return String::new();
    }
    let e = v.log10().floor();
    let m = v / 10f64.powf(e);
    let (m, e) = if (m - 10.0).abs() < 1e-6 { (1.0, e + 1.0) } else { (m, e) };
    let power = format!("10{}", superscript(e as i64));
    if (m - 1.0).abs() < 1e-6 { power } else { format!("{}×{power}", (m * 10.0).round() / 10.0) }
}

fn superscript(n: i64) -> String {
    n.to_string()
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            d => ['⁴', '⁵', '⁶', '⁷', '⁸', '⁹'][(d as u8 - b'4') as usize],
        })
        .collect()
}

/// The decades that hold every finite positive value, at least two of them, within 10^±300. A
/// value at (or within 12 % of) a power of ten gets the next decade too, so a curve that starts
/// at 1 or a threshold at 1 is not drawn on the frame.
pub fn log_range(curves: &[Curve]) -> (f64, f64) {
    let finite = curves.iter().flat_map(|c| c.values.iter().copied()).filter(|v| v.is_finite() && *v > 0.0);
    let (lo, hi) = finite.fold((f64::INFINITY, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if !lo.is_finite() {
        return (1e-3, 10.0);
    }
    let lo = (lo.log10() - 0.05).floor().max(-300.0);
    let hi = (hi.log10() + 0.05).ceil().min(300.0).max(lo + 2.0);
    (10f64.powf(lo), 10f64.powf(hi))
}

/// Draws the curves against x = 0 … (longest − 1). `scale` multiplies every size (device pixels
/// per CSS pixel on the page, 1 in an SVG).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    curves: &[Curve],
    axes: &Axes,
    scale: f64,
) -> Result<Drawn, String> {
    let px = |v: f64| (v * scale).round() as u32;
    let font = |size: f64| ("sans-serif", size * scale).into_font();
    root.fill(&WHITE).map_err(|e| e.to_string())?;
    let (lo, hi) = log_range(curves);
    let x_max = curves.iter().map(|c| c.values.len()).max().unwrap_or(1).saturating_sub(1).max(1) as f64;
    let entries: Vec<Entry> =
        curves.iter().map(|c| Entry { label: &c.label, color: c.color, dashed: c.dashed }).collect();
    let (_, body) = legend(root, &entries, scale)?;
    let mut chart = ChartBuilder::on(&body)
        .margin(px(12.0))
        .x_label_area_size(px(44.0))
        .y_label_area_size(px(64.0))
        .build_cartesian_2d(0f64..x_max, (lo..hi).log_scale())
        .map_err(|e| e.to_string())?;
    chart
        .configure_mesh()
        .x_desc(axes.x)
        .y_desc(axes.y)
        .y_label_formatter(&|v| tick_label(*v))
        .x_label_formatter(&|v| format!("{}", v.round() as i64))
        .label_style(font(13.0))
        .axis_desc_style(font(14.0))
        .light_line_style(RGBColor(235, 232, 224))
        .bold_line_style(RGBColor(215, 211, 200))
        .draw()
        .map_err(|e| e.to_string())?;
    let (x_pixels, _) = chart.plotting_area().get_pixel_range();
    let mut clipped =
        Drawn { range: (lo, hi), x_pixels: (x_pixels.start, x_pixels.end), x_max, ..Default::default() };
    if let Some(x) = axes.marker.filter(|x| (0.0..=x_max).contains(x)) {
        let style = ShapeStyle::from(&RGBColor(60, 60, 60)).stroke_width(px(1.5).max(1));
        chart
            .draw_series(DashedLineSeries::new([(x, lo), (x, hi)], px(4.0), px(4.0), style))
            .map_err(|e| e.to_string())?;
    }
    for curve in curves {
        let style = ShapeStyle::from(&curve.color).stroke_width(px(2.5).max(1));
        let inside: Vec<(f64, f64)> = curve
            .values
            .iter()
            .enumerate()
            .filter(|(_, v)| v.is_finite() && **v >= lo && **v <= hi)
            .map(|(k, &v)| (k as f64, v))
            .collect();
        if curve.dashed {
            chart.draw_series(DashedLineSeries::new(inside, px(8.0), px(5.0), style))
        } else {
            chart.draw_series(LineSeries::new(inside, style))
        }
        .map_err(|e| e.to_string())?;
        let color = curve.color;
        // What fell off the axis: a marker on the edge it fell off.
        let mut edge = Vec::new();
        for (k, &v) in curve.values.iter().enumerate() {
            if v.is_nan() {
                continue;
            }
            if v < lo {
                clipped.below += 1;
                edge.push((k as f64, lo));
            } else if v > hi {
                clipped.above += 1;
                edge.push((k as f64, hi));
            }
        }
        chart
            .draw_series(
                edge.into_iter()
                    .map(|p| TriangleMarker::new(p, px(4.0) as i32, ShapeStyle::from(&color).filled())),
            )
            .map_err(|e| e.to_string())?;
    }
    root.present().map_err(|e| e.to_string())?;
    Ok(clipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_read_as_powers_of_ten() {
        assert_eq!(tick_label(1e-4), "10⁻⁴");
        assert_eq!(tick_label(1.0), "10⁰");
        assert_eq!(tick_label(1e12), "10¹²");
        assert_eq!(tick_label(5e-3), "5×10⁻³");
        assert_eq!(tick_label(0.0), "");
    }

    #[test]
    fn the_range_covers_every_finite_value_in_whole_decades() {
        let a = [1.0, 0.03, 0.0, f64::INFINITY];
        let curves = [Curve { label: "a".into(), values: &a, color: BLACK, dashed: false }];
        // 1 sits on a power of ten: the axis goes one decade above it.
        assert_eq!(log_range(&curves), (1e-2, 10.0));
        let none = [0.0, f64::NAN];
        let curves = [Curve { label: "b".into(), values: &none, color: BLACK, dashed: false }];
        assert_eq!(log_range(&curves), (1e-3, 10.0));
    }

    #[test]
    fn an_svg_draws_and_counts_what_fell_off() {
        let v = [1.0, 0.1, 0.01, 0.0, f64::INFINITY];
        let curves = [Curve { label: "rnn".into(), values: &v, color: RED, dashed: false }];
        let mut svg = String::new();
        let clipped = {
            let root = SVGBackend::with_string(&mut svg, (640, 320)).into_drawing_area();
            draw(&root, &curves, &Axes { x: "lag k", y: "norm", marker: Some(2.0) }, 1.0).unwrap()
        };
        assert_eq!((clipped.below, clipped.above), (1, 1));
        assert_eq!(clipped.x_max, 4.0);
        assert!(
            clipped.x_pixels.0 > 0 && clipped.x_pixels.1 < 640 && clipped.x_pixels.0 < clipped.x_pixels.1
        );
        assert!(
            svg.starts_with("<svg") && svg.contains("10⁻¹"),
            "{}",
            svg.lines().filter(|l| l.contains("<text")).collect::<Vec<_>>().join("\n")
        );
    }
}
