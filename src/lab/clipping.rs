//! The clipping view: above, the raw gradient norm against sequence length T with the norm
//! actually applied after clipping and the threshold θ; below, the loss before a step, after a
//! raw step and after a clipped step. Both on log axes, with the chosen T marked.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::model::train::clipping::{ClipCurves, ClipSetup, clip_curves};
use crate::plots::log_plot::{Axes, Curve, draw as draw_log_plot};
use crate::plots::record::{Recording, record};

const RED: RGBColor = RGBColor(192, 57, 43);
const BLUE: RGBColor = RGBColor(33, 102, 172);
const GREY: RGBColor = RGBColor(110, 110, 110);
const INK: RGBColor = RGBColor(45, 55, 72);

/// The view's words: raw ‖g‖, applied ‖g‖, θ, loss before, after a raw step, after a clipped
/// step, the x axis, the norm axis, the loss axis.
pub struct Labels<'a>([&'a str; 9]);

impl<'a> Labels<'a> {
    /// Nine lines, in the order above.
    pub fn parse(text: &'a str) -> Result<Self, String> {
        let lines: Vec<&str> = text.lines().collect();
        let nine: [&str; 9] =
            lines.try_into().map_err(|_| "the plot needs nine labels, one per line".to_string())?;
        Ok(Self(nine))
    }
}

/// The experiment for `setup`, once it has passed the setup's own range checks (an error names
/// the setting that is out of range).
pub fn compute(setup: &ClipSetup) -> Result<(ClipSetup, ClipCurves), String> {
    let setup = ClipSetup::from_numbers(&setup.to_numbers())?;
    clip_curves(&setup).map(|c| (setup, c)).map_err(|e| e.to_string())
}

/// `values` indexed by T (a NaN at T = 0, which is neither drawn nor counted).
fn by_length(values: &[f64]) -> Vec<f64> {
    std::iter::once(f64::NAN).chain(values.iter().copied()).collect()
}

/// Both panels at `size` pixels, every size × `scale`, T = `marked` marked.
pub fn picture(
    setup: &ClipSetup,
    c: &ClipCurves,
    labels: &Labels,
    marked: Option<usize>,
    size: (u32, u32),
    scale: f64,
) -> Result<Recording, String> {
    let [raw, applied, theta, before, after_raw, after_clipped, x, norm_axis, loss_axis] = labels.0;
    let (grad, clipped) = (by_length(&c.grad_norm), by_length(&c.clipped_norm));
    let threshold = by_length(&vec![setup.threshold; c.grad_norm.len()]);
    let (loss, loss_raw, loss_clipped) =
        (by_length(&c.loss), by_length(&c.loss_raw), by_length(&c.loss_clipped));
    let curve = |label: &str, values, color, dashed| Curve { label: label.into(), values, color, dashed };
    let norms = [
        curve(raw, &grad, RED, false),
        curve(applied, &clipped, BLUE, false),
        curve(theta, &threshold, GREY, true),
    ];
    let losses = [
        curve(before, &loss, INK, false),
        curve(after_raw, &loss_raw, RED, false),
        curve(after_clipped, &loss_clipped, BLUE, true),
    ];
    let marker = marked.map(|t| t as f64);
    let (picture, drawn) = record(size, |root: &DrawingArea<_, Shift>| {
        let (top, bottom) = root.split_vertically(size.1 / 2);
        draw_log_plot(&top, &norms, &Axes { x, y: norm_axis, marker }, scale)?;
        draw_log_plot(&bottom, &losses, &Axes { x, y: loss_axis, marker }, scale)
    });
    drawn.map(|_| picture)
}

/// Every series as CSV, one row per length T.
pub fn csv(c: &ClipCurves) -> String {
    let mut out = String::from("T,grad_norm,applied_norm,loss,loss_after_raw_step,loss_after_clipped_step\n");
    for t in 0..c.grad_norm.len() {
        out.push_str(&format!(
            "{},{:e},{:e},{:e},{:e},{:e}\n",
            t + 1,
            c.grad_norm[t],
            c.clipped_norm[t],
            c.loss[t],
            c.loss_raw[t],
            c.loss_clipped[t]
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_panels_draw_with_every_label() {
        let (setup, c) = compute(&ClipSetup::default()).unwrap();
        let labels =
            Labels::parse("raw\napplied\ntheta\nbefore\nafter raw\nafter clipped\nlength T\nnorm\nloss")
                .unwrap();
        let svg = picture(&setup, &c, &labels, Some(40), (800, 700), 1.0).unwrap().to_svg().unwrap();
        for text in
            ["raw", "applied", "theta", "before", "after raw", "after clipped", "length T", "norm", "loss"]
        {
            assert!(svg.contains(text), "{text}");
        }
        assert!(Labels::parse("a\nb").is_err());
        assert!(compute(&ClipSetup { steps: 0, ..Default::default() }).unwrap_err().contains("steps"));
    }
}
