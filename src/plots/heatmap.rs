//! Time × unit heatmaps, one panel per quantity (a gate's activation, the cell state), stacked
//! on a shared time axis, with the step under the time cursor outlined. Gates (0 … 1) use a
//! sequential scale, signed quantities the page's diverging one (blue negative, orange positive)
//! scaled to the panel's largest magnitude.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One panel: `values[t * hidden + j]` is unit j at step t + 1.
pub struct Panel<'a> {
    /// Its name, in the page's language.
    pub label: &'a str,
    /// T × H values, step-major.
    pub values: &'a [f64],
    /// Signed (diverging colours around 0) rather than a gate in [0, 1].
    pub signed: bool,
}

/// Where the time axis landed: the left edge of step 1 and the right edge of step T, in pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeAxis {
    /// Left edge of step 1.
    pub left: i32,
    /// Right edge of step T.
    pub right: i32,
}

/// The sequential colour of a gate value in [0, 1]: white to deep teal.
pub fn gate_color(v: f64) -> RGBColor {
    let a = if v.is_finite() { v.clamp(0.0, 1.0) } else { 0.0 };
    let mix = |end: f64| (255.0 + (end - 255.0) * a).round() as u8;
    RGBColor(mix(1.0), mix(102.0), mix(94.0))
}

/// The diverging colour of a signed value at `scale`: blue #2166ac, white, orange #e08214.
pub fn signed_color(v: f64, scale: f64) -> RGBColor {
    let a = if v.is_finite() && scale > 0.0 { (v / scale).clamp(-1.0, 1.0) } else { 0.0 };
    let (r, g, b) = if a < 0.0 { (33.0, 102.0, 172.0) } else { (224.0, 130.0, 20.0) };
    let w = 1.0 - a.abs();
    let mix = |c: f64| (c + (255.0 - c) * w).round() as u8;
    RGBColor(mix(r), mix(g), mix(b))
}

/// The largest finite magnitude in `values`, at least 1e-9.
pub fn magnitude(values: &[f64]) -> f64 {
    values.iter().filter(|v| v.is_finite()).fold(1e-9f64, |m, v| m.max(v.abs()))
}

/// Draws the panels over `steps` steps of `hidden` units, outlining step `cursor` (0-based).
/// Each panel's title carries its scale ("0 … 1", or "±max" for signed values).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    (steps, hidden): (usize, usize),
    cursor: Option<usize>,
    x_label: &str,
    scale: f64,
) -> Result<TimeAxis, String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let px = |v: f64| (v * scale).round() as i32;
    if panels.is_empty() || steps == 0 || hidden == 0 {
        return Err("nothing to draw".into());
    }
    if let Some(p) = panels.iter().find(|p| p.values.len() != steps * hidden) {
        return Err(format!("{}: {} values for {steps} steps × {hidden} units", p.label, p.values.len()));
    }
    root.fill(&WHITE).map_err(err)?;
    let title =
        TextStyle::from(("sans-serif", 13.0 * scale).into_font()).pos(Pos::new(HPos::Left, VPos::Top));
    let small = ("sans-serif", 11.0 * scale).into_font();
    let (w, h) = root.dim_in_pixel();
    let (left, right, bottom) = (px(40.0), px(12.0), px(38.0));
    let title_h = px(20.0);
    let gap = px(10.0);
    let n = panels.len() as i32;
    let panel_h = ((h as i32 - bottom - gap * (n - 1)) / n - title_h).max(hidden as i32);
    let plot_w = (w as i32 - left - right).max(steps as i32);
    let cell_w = plot_w as f64 / steps as f64;
    let cell_h = panel_h as f64 / hidden as f64;
    let x_of = |t: usize| left + (t as f64 * cell_w).round() as i32;
    for (p, panel) in panels.iter().enumerate() {
        let top = p as i32 * (title_h + panel_h + gap);
        let y0 = top + title_h;
        let range = if panel.signed {
            format!("±{}", short(magnitude(panel.values)))
        } else {
            "0 … 1".to_string()
        };
        root.draw(&Text::new(format!("{}   ({range})", panel.label), (left, top + px(2.0)), title.clone()))
            .map_err(err)?;
        let scale_max = magnitude(panel.values);
        for t in 0..steps {
            for j in 0..hidden {
                let v = panel.values[t * hidden + j];
                let color = if panel.signed { signed_color(v, scale_max) } else { gate_color(v) };
                let y = y0 + (j as f64 * cell_h).round() as i32;
                let y_next = y0 + ((j + 1) as f64 * cell_h).round() as i32;
                root.draw(&Rectangle::new([(x_of(t), y), (x_of(t + 1), y_next)], color.filled()))
                    .map_err(err)?;
            }
        }
        root.draw(&Rectangle::new([(left, y0), (x_of(steps), y0 + panel_h)], RGBColor(200, 196, 186)))
            .map_err(err)?;
        // Unit numbers on the left: the first and the last (all of them when they fit).
        let every = if cell_h >= 13.0 * scale { 1 } else { hidden.max(1) - 1 };
        for j in (0..hidden).filter(|j| every > 0 && j % every == 0 || *j == hidden - 1) {
            let y = y0 + ((j as f64 + 0.5) * cell_h).round() as i32;
            let style = TextStyle::from(small.clone()).pos(Pos::new(HPos::Right, VPos::Center));
            root.draw(&Text::new(format!("{}", j + 1), (left - px(6.0), y), style)).map_err(err)?;
        }
        if let Some(c) = cursor.filter(|c| *c < steps) {
            let outline = ShapeStyle::from(&BLACK).stroke_width(px(2.0).max(1) as u32);
            root.draw(&Rectangle::new(
                [(x_of(c), y0 - px(2.0)), (x_of(c + 1), y0 + panel_h + px(2.0))],
                outline,
            ))
            .map_err(err)?;
        }
    }
    // The shared time axis under the last panel: step numbers where they fit, and its name.
    let axis_y = n * (title_h + panel_h + gap) - gap + px(4.0);
    let label_every = ((px(28.0) as f64 / cell_w).ceil() as usize).max(1);
    let tick = TextStyle::from(small.clone()).pos(Pos::new(HPos::Center, VPos::Top));
    for t in (0..steps).filter(|t| (t + 1) % label_every == 0 || *t == 0) {
        let x = (x_of(t) + x_of(t + 1)) / 2;
        root.draw(&Text::new(format!("{}", t + 1), (x, axis_y), tick.clone())).map_err(err)?;
    }
    let name = TextStyle::from(small).pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(x_label.to_string(), (left + plot_w / 2, axis_y + px(16.0)), name)).map_err(err)?;
    Ok(TimeAxis { left, right: x_of(steps) })
}

/// Two significant digits, no exponent for the ranges a cell state takes.
fn short(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0}")
    } else if v >= 1.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.3}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_run_from_white_to_the_scale_ends() {
        assert_eq!(gate_color(0.0), RGBColor(255, 255, 255));
        assert_eq!(gate_color(1.0), RGBColor(1, 102, 94));
        assert_eq!(gate_color(f64::NAN), RGBColor(255, 255, 255));
        assert_eq!(signed_color(-2.0, 2.0), RGBColor(33, 102, 172));
        assert_eq!(signed_color(0.0, 2.0), RGBColor(255, 255, 255));
        assert_eq!(signed_color(5.0, 2.0), RGBColor(224, 130, 20));
    }

    #[test]
    fn every_value_is_a_cell_and_the_cursor_is_outlined() {
        let (steps, hidden) = (5, 3);
        let gate: Vec<f64> = (0..steps * hidden).map(|i| i as f64 / 14.0).collect();
        let state: Vec<f64> = (0..steps * hidden).map(|i| i as f64 - 7.0).collect();
        let panels = [
            Panel { label: "forget f", values: &gate, signed: false },
            Panel { label: "cell c", values: &state, signed: true },
        ];
        let mut svg = String::new();
        let axis = {
            let root = SVGBackend::with_string(&mut svg, (500, 300)).into_drawing_area();
            draw(&root, &panels, (steps, hidden), Some(2), "step t", 1.0).unwrap()
        };
        assert!(axis.left < axis.right && axis.right <= 500);
        // 2 × 15 value cells, each in its own colour; the largest |c| is 7 (2 decimals).
        let filled = svg.matches("<rect").count();
        assert!(filled >= 30 + 2 + 2, "{filled} rects");
        assert!(svg.contains("forget f") && svg.contains("(0 … 1)") && svg.contains("(±7.00)"), "{svg}");
        assert!(svg.to_uppercase().contains("#01665E"), "the full gate's colour");
        let bad = [Panel { label: "x", values: &gate[..4], signed: false }];
        let mut out = String::new();
        let root = SVGBackend::with_string(&mut out, (100, 100)).into_drawing_area();
        assert!(draw(&root, &bad, (steps, hidden), None, "t", 1.0).unwrap_err().contains("4 values"));
    }
}
