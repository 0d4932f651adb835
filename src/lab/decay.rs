//! The gradient-decay plot: ‖∂h_T/∂h_{T−k}‖ against lag k on a log axis for a vanilla RNN and an
//! LSTM reading the same input, the RNN's bound (γ·σ_max)^k dashed, the LSTM's belt
//! ‖∂c_T/∂c_{T−k}‖ beside them.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::protocol::Quantity;
use crate::model::decay::{DecayCurves, DecaySetup, decay_curves};
use crate::plots::log_plot::{Axes, Curve, Drawn, draw as draw_log_plot};
use crate::plots::record::{Recording, record};

const ORANGE: RGBColor = RGBColor(224, 130, 20);
const ORANGE_LIGHT: RGBColor = RGBColor(241, 163, 64);
const BLUE: RGBColor = RGBColor(33, 102, 172);
const PURPLE: RGBColor = RGBColor(84, 39, 136);

/// The plot's words in the page's language: the five legend entries, then the two axes.
pub struct Labels<'a> {
    /// RNN, bound, LSTM, belt, belt's direct path.
    pub curves: [&'a str; 5],
    /// x axis, y axis.
    pub axes: (&'a str, &'a str),
}

impl<'a> Labels<'a> {
    /// Seven lines: RNN, bound, LSTM, belt, belt's direct path, x axis, y axis.
    pub fn parse(text: &'a str) -> Result<Self, String> {
        let mut lines = text.lines();
        let mut next = || lines.next().ok_or("the plot needs seven labels, one per line");
        Ok(Self { curves: [next()?, next()?, next()?, next()?, next()?], axes: (next()?, next()?) })
    }
}

/// The experiment for `setup`, once it has passed the setup's own range checks (an error names
/// the setting that is out of range).
pub fn compute(setup: &DecaySetup) -> Result<DecayCurves, String> {
    decay_curves(&DecaySetup::from_numbers(&setup.to_numbers())?).map_err(|e| e.to_string())
}

/// What one drawing of the plot shows: the quantity, the lag marked, and whether the LSTM's
/// curves are drawn beside the RNN's.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Shown {
    /// The Jacobians or the loss gradients.
    pub quantity: Quantity,
    /// The lag marked.
    pub marker: Option<usize>,
    /// The LSTM's curves too.
    pub lstm: bool,
}

/// Draws `shown.quantity` against the lag, with the lag `shown.marker` marked; returns what fell
/// off the log axis and where the lag axis landed. The labels are the ones for that quantity (the
/// belt's are unused for the loss gradient, the LSTM's when it is not shown).
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &DecayCurves,
    labels: &Labels,
    shown: Shown,
    scale: f64,
) -> Result<Drawn, String> {
    let Shown { quantity, marker, lstm: with_lstm } = shown;
    let [rnn, bound, lstm, belt, path] = labels.curves;
    let curve = |label: &str, values, color, dashed| Curve { label: label.into(), values, color, dashed };
    // The loss reads only h_T, so ‖∂L/∂h_{T−k}‖ ≤ ‖∂h_T/∂h_{T−k}‖·‖∂L/∂h_T‖.
    let scaled_bound: Vec<f64> =
        c.rnn_bound.iter().map(|b| b * c.rnn_loss.first().copied().unwrap_or(1.0)).collect();
    let mut curves = match quantity {
        Quantity::Jacobian => vec![
            curve(rnn, &c.rnn, ORANGE, false),
            curve(bound, &c.rnn_bound, ORANGE_LIGHT, true),
            curve(lstm, &c.lstm, BLUE, false),
            curve(belt, &c.lstm_cell, PURPLE, false),
            curve(path, &c.lstm_path, PURPLE, true),
        ],
        Quantity::LossGradient => vec![
            curve(rnn, &c.rnn_loss, ORANGE, false),
            curve(bound, &scaled_bound, ORANGE_LIGHT, true),
            curve(lstm, &c.lstm_loss, BLUE, false),
        ],
    };
    if !with_lstm {
        curves.truncate(2);
    }
    let axes = Axes { x: labels.axes.0, y: labels.axes.1, marker: marker.map(|k| k as f64) };
    draw_log_plot(root, &curves, &axes, scale)
}

/// The plot drawn at `size` pixels with every size × `scale`, and what the drawing did.
pub fn picture(
    c: &DecayCurves,
    labels: &Labels,
    shown: Shown,
    size: (u32, u32),
    scale: f64,
) -> Result<(Recording, Drawn), String> {
    let (picture, clipped) = record(size, |root| draw(root, c, labels, shown, scale));
    Ok((picture, clipped?))
}

/// The plot as an SVG document, 880 × 460.
pub fn svg(c: &DecayCurves, labels: &Labels, shown: Shown) -> Result<String, String> {
    picture(c, labels, shown, (880, 460), 1.0)?.0.to_svg()
}

/// Every series behind the plot, by name, as JSON (the page puts it on the figure); serde_json
/// writes infinities and NaN, which JSON lacks, as null.
pub fn series_json(c: &DecayCurves) -> String {
    serde_json::json!({
        "rnn": c.rnn,
        "bound": c.rnn_bound,
        "rnn_loss": c.rnn_loss,
        "lstm": c.lstm,
        "belt": c.lstm_cell,
        "belt_path": c.lstm_path,
        "lstm_loss": c.lstm_loss,
    })
    .to_string()
}

/// Every series as CSV, one row per lag.
pub fn csv(c: &DecayCurves) -> String {
    let mut out = String::from(
        "lag,rnn_jacobian_norm,rnn_bound,rnn_dL_dh,lstm_jacobian_norm,lstm_cell_jacobian_norm,lstm_forget_product,lstm_dL_dh\n",
    );
    let cell = |v: &[f64], k: usize| v.get(k).map_or(String::new(), |x| format!("{x:e}"));
    for k in 0..c.rnn.len() {
        let row = [&c.rnn, &c.rnn_bound, &c.rnn_loss, &c.lstm, &c.lstm_cell, &c.lstm_path, &c.lstm_loss]
            .map(|v| cell(v, k));
        out.push_str(&format!("{k},{}\n", row.join(",")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    const LABELS: &str = "RNN\nbound\nLSTM\nbelt\nbelt path\nlag k\nnorm";

    #[test]
    fn the_plotted_series_are_the_analysis_exact_rho_to_the_k_at_rest() {
        for rho in [0.8, 1.25] {
            let c = compute(&DecaySetup { rho, steps: 40, ..Default::default() }).unwrap();
            let json: serde_json::Value = serde_json::from_str(&series_json(&c)).unwrap();
            let rnn: Vec<f64> = json["rnn"].as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect();
            assert_eq!(rnn.len(), 41);
            for (k, v) in rnn.iter().enumerate() {
                assert_relative_eq!(*v, rho.powi(k as i32), max_relative = 1e-9);
            }
            let table = csv(&c);
            let rows: Vec<&str> = table.lines().collect();
            assert_eq!(rows.len(), 42);
            let k10: f64 = rows[11].split(',').nth(1).unwrap().parse().unwrap();
            assert_relative_eq!(k10, rho.powi(10), max_relative = 1e-9);
        }
    }

    #[test]
    fn the_svg_export_carries_the_legend_and_readable_ticks() {
        let c = compute(&DecaySetup { rho: 0.6, steps: 120, ..Default::default() }).unwrap();
        let svg = svg(
            &c,
            &Labels::parse(LABELS).unwrap(),
            Shown { quantity: Quantity::Jacobian, marker: Some(30), lstm: true },
        )
        .unwrap();
        for text in ["RNN", "bound", "LSTM", "belt", "lag k", "10⁻"] {
            assert!(svg.contains(text), "{text} missing");
        }
        // No label like plotters' default "99e-5": no text node holds a digit followed by "e".
        let texts: Vec<&str> = svg.split("<text").skip(1).filter_map(|t| t.split('>').nth(1)).collect();
        assert!(texts.len() > 10);
        for t in &texts {
            let t = t.trim_end_matches("</text");
            assert!(!t.as_bytes().windows(2).any(|w| w[0].is_ascii_digit() && w[1] == b'e'), "{t}");
        }
    }

    #[test]
    fn bad_setups_and_labels_are_errors() {
        let setup = DecaySetup { steps: 9999, ..Default::default() };
        assert!(compute(&setup).unwrap_err().contains("steps"));
        assert!(Labels::parse("RNN\nbound").is_err());
    }

    #[test]
    fn the_loss_gradient_view_draws_the_loss_curves_under_their_bound() {
        let c = compute(&DecaySetup { rho: 0.9, steps: 50, ..Default::default() }).unwrap();
        // At rest ‖∂L/∂h_{T−k}‖ = ρ^k·‖∂L/∂h_T‖ exactly, ‖∂L/∂h_T‖ = √H for L = Σ h_T.
        let top = (6f64).sqrt();
        for (k, v) in c.rnn_loss.iter().enumerate() {
            assert_relative_eq!(*v, top * 0.9f64.powi(k as i32), max_relative = 1e-9);
        }
        let labels = Labels::parse("RNN dL\nbound dL\nLSTM dL\n-\n-\nlag k\nloss gradient").unwrap();
        let svg =
            svg(&c, &labels, Shown { quantity: Quantity::LossGradient, marker: None, lstm: true }).unwrap();
        assert!(svg.contains("RNN dL") && svg.contains("loss gradient"));
        assert!(!svg.contains(">\n-\n<"), "no legend entry for the belt");
    }

    #[test]
    fn non_finite_values_are_null_in_the_series_json() {
        let v = vec![1.0, f64::NAN, f64::INFINITY];
        let c = DecayCurves {
            rnn: v.clone(),
            rnn_bound: v.clone(),
            rnn_loss: v.clone(),
            lstm: v.clone(),
            lstm_cell: v.clone(),
            lstm_path: v.clone(),
            lstm_loss: v,
        };
        let json: serde_json::Value = serde_json::from_str(&series_json(&c)).unwrap();
        for name in ["rnn", "bound", "rnn_loss", "lstm", "belt", "belt_path", "lstm_loss"] {
            assert_eq!(json[name], serde_json::json!([1.0, null, null]), "{name}");
        }
    }
}
