//! Line charts stacked on one shared x axis (training curves: loss above, accuracy below), each
//! panel with its own y range and dashed reference lines (a baseline, chance), and one legend
//! across the top.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::legend::{Entry, legend};

/// One line: points (x, y) in order.
pub struct Line<'a> {
    /// Its legend entry; lines with the same label and colour share one.
    pub label: &'a str,
    /// The points.
    pub points: &'a [(f64, f64)],
    /// Its colour.
    pub color: RGBColor,
    /// Dashed (a reference, not a measurement).
    pub dashed: bool,
}

/// One panel.
pub struct Panel<'a> {
    /// The y axis's description.
    pub y_label: &'a str,
    /// The y range shown.
    pub y_range: (f64, f64),
    /// Its lines.
    pub lines: Vec<Line<'a>>,
}

/// Draws the panels over x in 0 … `x_max`, the x axis (described by `x_label`) under the last.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    panels: &[Panel],
    x_label: &str,
    x_max: f64,
    scale: f64,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    let px = |v: f64| (v * scale).round() as u32;
    let font = |size: f64| ("sans-serif", size * scale).into_font();
    root.fill(&WHITE).map_err(err)?;
    // One legend entry per distinct label.
    let mut entries: Vec<Entry> = Vec::new();
    for line in panels.iter().flat_map(|p| &p.lines) {
        if !entries.iter().any(|e| e.label == line.label) {
            entries.push(Entry { label: line.label, color: line.color, dashed: line.dashed });
        }
    }
    let (_, body) = legend(root, &entries, scale)?;
    let x_max = if x_max.is_finite() && x_max > 0.0 { x_max } else { 1.0 };
    let areas = body.split_evenly((panels.len().max(1), 1));
    for (p, (panel, area)) in panels.iter().zip(&areas).enumerate() {
        let last = p + 1 == panels.len();
        let (lo, hi) = panel.y_range;
        let (lo, hi) = if lo.is_finite() && hi.is_finite() && hi > lo { (lo, hi) } else { (0.0, 1.0) };
        let mut chart = ChartBuilder::on(area)
            .margin(px(10.0))
            .margin_right(px(24.0))
            .x_label_area_size(if last { px(44.0) } else { px(8.0) })
            .y_label_area_size(px(54.0))
            .build_cartesian_2d(0f64..x_max, lo..hi)
            .map_err(err)?;
        let mut mesh = chart.configure_mesh();
        mesh.y_desc(panel.y_label)
            .x_label_formatter(&|v| format!("{}", v.round() as i64))
            .y_label_formatter(&|v| format!("{v:.2}"))
            .label_style(font(12.0))
            .axis_desc_style(font(13.0))
            .light_line_style(RGBColor(235, 232, 224))
            .bold_line_style(RGBColor(215, 211, 200))
            .y_labels(5)
            .x_labels(6);
        if last {
            mesh.x_desc(x_label);
        } else {
            mesh.x_label_formatter(&|_| String::new());
        }
        mesh.draw().map_err(err)?;
        for line in &panel.lines {
            let style = ShapeStyle::from(&line.color).stroke_width(px(2.0).max(1));
            let points = line.points.iter().copied().filter(|(x, y)| x.is_finite() && y.is_finite());
            let points: Vec<(f64, f64)> = points.map(|(x, y)| (x, y.clamp(lo, hi))).collect();
            if line.dashed {
                chart.draw_series(DashedLineSeries::new(points, px(7.0), px(5.0), style)).map_err(err)?;
            } else {
                chart.draw_series(LineSeries::new(points, style)).map_err(err)?;
            }
        }
    }
    root.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_panels_share_one_legend_and_one_x_axis() {
        let loss = [(0.0, 1.4), (100.0, 0.7), (200.0, 0.1)];
        let base = [(0.0, 1.386), (200.0, 1.386)];
        let acc = [(0.0, 0.25), (100.0, 0.6), (200.0, 1.0)];
        let panels = [
            Panel {
                y_label: "loss",
                y_range: (0.0, 1.6),
                lines: vec![
                    Line { label: "LSTM", points: &loss, color: BLUE, dashed: false },
                    Line { label: "guess", points: &base, color: BLACK, dashed: true },
                ],
            },
            Panel {
                y_label: "accuracy",
                y_range: (0.0, 1.0),
                lines: vec![Line { label: "LSTM", points: &acc, color: BLUE, dashed: false }],
            },
        ];
        let mut svg = String::new();
        draw(
            &SVGBackend::with_string(&mut svg, (600, 400)).into_drawing_area(),
            &panels,
            "sequences seen",
            200.0,
            1.0,
        )
        .unwrap();
        assert_eq!(svg.matches(">\nLSTM\n<").count(), 1, "one legend entry per label");
        assert_eq!(svg.matches("sequences seen").count(), 1, "one x axis description");
        assert!(svg.contains("loss") && svg.contains("accuracy") && svg.contains("1.00"));
    }
}
