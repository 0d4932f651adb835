//! A legend in rows across the top of a plot, never over the data.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// One entry: a line sample and its label.
pub struct Entry<'a> {
    /// The label, in the page's language.
    pub label: &'a str,
    /// The line's colour.
    pub color: RGBColor,
    /// Dashed (a bound or a baseline, not a measurement).
    pub dashed: bool,
}

/// Writes the legend in rows across the top of `root`, never over the data: each curve's line
/// sample (dashed for a bound) and its label, wrapping when a row is full. Returns the legend's
/// strip and the area left for the chart.
#[allow(clippy::type_complexity)]
pub fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    curves: &[Entry],
    scale: f64,
) -> Result<(DrawingArea<DB, Shift>, DrawingArea<DB, Shift>), String> {
    let px = |v: f64| (v * scale).round() as i32;
    let font =
        TextStyle::from(("sans-serif", 13.0 * scale).into_font()).pos(Pos::new(HPos::Left, VPos::Center));
    let width = root.dim_in_pixel().0 as i32;
    let (sample, gap, pad, row_h) = (px(22.0), px(16.0), px(14.0), px(20.0));
    // Lay the entries out first: the strip's height depends on how many rows they need.
    let mut places = Vec::with_capacity(curves.len());
    let (mut x, mut row) = (pad, 0);
    for curve in curves {
        let text_w = root.estimate_text_size(curve.label, &font).map_err(|e| e.to_string())?.0 as i32;
        let item_w = sample + px(6.0) + text_w;
        if x > pad && x + item_w > width - pad {
            (x, row) = (pad, row + 1);
        }
        places.push((x, px(8.0) + row * row_h + row_h / 2));
        x += item_w + gap;
    }
    let (strip, body) = root.split_vertically(px(10.0) + (row + 1) * row_h);
    for (curve, &(x, y)) in curves.iter().zip(&places) {
        let style = ShapeStyle::from(&curve.color).stroke_width(px(2.5).max(1) as u32);
        let line: Vec<(i32, i32)> = if curve.dashed {
            // Two dashes, as the bound is drawn.
            vec![(x, y), (x + sample * 2 / 5, y)]
        } else {
            vec![(x, y), (x + sample, y)]
        };
        strip.draw(&PathElement::new(line, style)).map_err(|e| e.to_string())?;
        if curve.dashed {
            let second = vec![(x + sample * 3 / 5, y), (x + sample, y)];
            strip.draw(&PathElement::new(second, style)).map_err(|e| e.to_string())?;
        }
        strip
            .draw(&Text::new(curve.label.to_string(), (x + sample + px(6.0), y), font.clone()))
            .map_err(|e| e.to_string())?;
    }
    Ok((strip, body))
}
