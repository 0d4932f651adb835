//! Time × unit heatmaps of a trace's gates and states, drawn from the numbers the page's own
//! model computed (it hands them over; nothing is recomputed here).

use crate::plots::heatmap::{Panel, TimeAxis, draw};
use crate::plots::record::{Recording, record};

/// The panels' data as the page sends it: `values` holds every panel's T × H values one after
/// the other (step-major), `signed[p]` says whether panel p is signed (true) or a gate (false), and
/// `labels` has one line per panel and then the time axis's name.
#[derive(Debug)]
pub struct Heatmaps<'a> {
    values: &'a [f64],
    steps: usize,
    hidden: usize,
    signed: &'a [bool],
    labels: Vec<&'a str>,
}

impl<'a> Heatmaps<'a> {
    /// Checks that the pieces fit together.
    pub fn new(
        values: &'a [f64],
        (steps, hidden): (usize, usize),
        signed: &'a [bool],
        labels: &'a str,
    ) -> Result<Self, String> {
        let labels: Vec<&str> = labels.lines().collect();
        let panels = signed.len();
        if panels == 0 || labels.len() != panels + 1 {
            return Err(format!("{panels} panels need {} labels, got {}", panels + 1, labels.len()));
        }
        if values.len() != panels * steps * hidden {
            return Err(format!(
                "{} values for {panels} panels of {steps} steps × {hidden} units",
                values.len()
            ));
        }
        Ok(Self { values, steps, hidden, signed, labels })
    }

    /// The CSS height the panels read well at: about 9 px per unit row, at least 36 per panel.
    pub fn css_height(&self) -> f64 {
        let n = self.signed.len() as f64;
        n * (20.0 + (9.0 * self.hidden as f64).max(36.0)) + 10.0 * (n - 1.0) + 44.0
    }

    /// The panels drawn at `size` pixels with every size × `scale`, step `cursor` outlined.
    pub fn picture(
        &self,
        cursor: Option<usize>,
        size: (u32, u32),
        scale: f64,
    ) -> Result<(Recording, TimeAxis), String> {
        let block = self.steps * self.hidden;
        let panels: Vec<Panel> = self
            .signed
            .iter()
            .enumerate()
            .map(|(p, &s)| Panel {
                label: self.labels[p],
                values: &self.values[p * block..(p + 1) * block],
                signed: s,
            })
            .collect();
        let x_label = self.labels[panels.len()];
        let (picture, axis) =
            record(size, |root| draw(root, &panels, (self.steps, self.hidden), cursor, x_label, scale));
        Ok((picture, axis?))
    }

    /// The panels as an SVG document, 880 px wide.
    pub fn svg(&self, cursor: Option<usize>) -> Result<String, String> {
        let height = self.css_height().round() as u32;
        self.picture(cursor, (880, height), 1.0)?.0.to_svg()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_that_do_not_fit_are_named_and_good_ones_draw() {
        let values = vec![0.5; 2 * 4 * 3];
        assert!(Heatmaps::new(&values, (4, 3), &[false, true], "f\nc").unwrap_err().contains("3 labels"));
        assert!(
            Heatmaps::new(&values[1..], (4, 3), &[false, true], "f\nc\nt").unwrap_err().contains("23 values")
        );
        let maps = Heatmaps::new(&values, (4, 3), &[false, true], "forget f\ncell c\nstep t").unwrap();
        let svg = maps.svg(Some(1)).unwrap();
        assert!(svg.contains("forget f") && svg.contains("step t"));
    }
}
