//! The training race's plot: held-out loss (top) and accuracy (bottom) against sequences seen,
//! RNN and LSTM overlaid, with the constant guess's loss and chance accuracy dashed.

use plotters::coord::Shift;
use plotters::prelude::*;

use crate::model::train::race::Race;
use crate::plots::lines::{Line, Panel, draw as draw_lines};
use crate::plots::record::{Recording, record};

const ORANGE: RGBColor = RGBColor(224, 130, 20);
const BLUE: RGBColor = RGBColor(33, 102, 172);
const GREY: RGBColor = RGBColor(110, 110, 110);

/// The plot's words: RNN, LSTM, constant guess, then the loss, accuracy and x axes' names.
pub struct Labels<'a>([&'a str; 6]);

impl<'a> Labels<'a> {
    /// Six lines: RNN, LSTM, constant guess, loss axis, accuracy axis, x axis.
    pub fn parse(text: &'a str) -> Result<Self, String> {
        let lines: Vec<&str> = text.lines().collect();
        let six: [&str; 6] =
            lines.try_into().map_err(|_| "the plot needs six labels, one per line".to_string())?;
        Ok(Self(six))
    }
}

/// The race drawn at `size` pixels with every size × `scale`.
pub fn picture(race: &Race, labels: &Labels, size: (u32, u32), scale: f64) -> Result<Recording, String> {
    let [rnn, lstm, guess, loss_axis, accuracy_axis, x_axis] = labels.0;
    let series = |f: &dyn Fn(usize) -> f64| -> Vec<(f64, f64)> {
        race.points.iter().enumerate().map(|(i, p)| (p.seen as f64, f(i))).collect()
    };
    let rnn_loss = series(&|i| race.points[i].loss[0]);
    let lstm_loss = series(&|i| race.points[i].loss[1]);
    let rnn_acc = series(&|i| race.points[i].accuracy[0]);
    let lstm_acc = series(&|i| race.points[i].accuracy[1]);
    // The x axis grows with training, in whole thousands, and never shorter than 2000.
    let x_max = (race.seen().max(2000) as f64 / 1000.0).ceil() * 1000.0;
    let base = race.setup.baseline_loss();
    let chance = race.setup.chance();
    let guess_loss = [(0.0, base), (x_max, base)];
    let guess_acc = [(0.0, chance), (x_max, chance)];
    let top = race.points.iter().flat_map(|p| p.loss).filter(|v| v.is_finite()).fold(base, f64::max);
    let panels = [
        Panel {
            y_label: loss_axis,
            y_range: (0.0, (top * 1.1).min(base * 3.0)),
            lines: vec![
                Line { label: guess, points: &guess_loss, color: GREY, dashed: true },
                Line { label: rnn, points: &rnn_loss, color: ORANGE, dashed: false },
                Line { label: lstm, points: &lstm_loss, color: BLUE, dashed: false },
            ],
        },
        Panel {
            y_label: accuracy_axis,
            y_range: (0.0, 1.0),
            lines: vec![
                Line { label: guess, points: &guess_acc, color: GREY, dashed: true },
                Line { label: rnn, points: &rnn_acc, color: ORANGE, dashed: false },
                Line { label: lstm, points: &lstm_acc, color: BLUE, dashed: false },
            ],
        },
    ];
    let (picture, drawn) =
        record(size, |root: &DrawingArea<_, Shift>| draw_lines(root, &panels, x_axis, x_max, scale));
    drawn.map(|()| picture)
}

/// The measured points as JSON: `{"seen":[…],"rnn_loss":[…],…,"baseline":…,"chance":…}`.
pub fn series_json(race: &Race) -> String {
    let list = |f: &dyn Fn(&crate::model::train::race::RacePoint) -> f64| {
        race.points.iter().map(f).collect::<Vec<f64>>()
    };
    // serde_json writes a non-finite number (a diverged loss) as null.
    serde_json::json!({
        "seen": race.points.iter().map(|p| p.seen).collect::<Vec<_>>(),
        "rnn_loss": list(&|p| p.loss[0]),
        "lstm_loss": list(&|p| p.loss[1]),
        "rnn_accuracy": list(&|p| p.accuracy[0]),
        "lstm_accuracy": list(&|p| p.accuracy[1]),
        "baseline": race.setup.baseline_loss(),
        "chance": race.setup.chance(),
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::train::race::RaceSetup;

    #[test]
    fn the_plot_and_its_numbers_carry_both_networks_and_the_baselines() {
        let mut race = Race::new(RaceSetup { lag: 10, ..Default::default() });
        race.advance(640);
        let labels = Labels::parse("RNN\nLSTM\nconstant guess\nloss\naccuracy\nsequences seen").unwrap();
        let svg = picture(&race, &labels, (700, 460), 1.0).unwrap().to_svg().unwrap();
        for text in ["RNN", "LSTM", "constant guess", "loss", "accuracy", "sequences seen"] {
            assert!(svg.contains(text), "{text}");
        }
        let json = series_json(&race);
        assert!(json.starts_with(r#"{"seen":[0,160,320,480,640]"#), "{json}");
        assert!(json.contains(&format!(r#""baseline":{}"#, 4f64.ln())));
        assert!(Labels::parse("RNN\nLSTM").is_err());
    }
}
