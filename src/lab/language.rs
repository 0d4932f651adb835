//! The language lesson's answers: what the page shows of a character-level LSTM
//! (`model::train::language`), formatted here so the page only lays it out.

use crate::lab::protocol::{LanguageReading, LanguageStatus, LanguageUnit};
use crate::model::train::language::{BUDGET, LanguageModel};

/// The most likely next characters shown after each character of a prompt.
pub const TOP: usize = 3;
/// Characters of greedy continuation shown.
pub const CONTINUATION: usize = 32;

/// A character as the page shows it: a space as ␣, a line break as ↵, a tab as →.
pub fn shown(ch: char) -> String {
    match ch {
        ' ' => "␣".to_string(),
        '\n' => "↵".to_string(),
        '\t' => "→".to_string(),
        c => c.to_string(),
    }
}

/// Where training stands.
pub fn status(model: &LanguageModel) -> LanguageStatus {
    LanguageStatus {
        seen: model.seen(),
        budget: BUDGET,
        loss: model.loss(),
        stopped: model.stopped().map(str::to_string),
    }
}

/// The prompt read character by character: the `k` most likely next characters after each, the
/// greedy continuation of `n` characters, and what could not be read.
pub fn reading(model: &LanguageModel, prompt: &str, k: usize, n: usize) -> LanguageReading {
    let top = model.top_after_each(prompt, k);
    LanguageReading {
        chars: prompt.chars().map(shown).collect(),
        known: prompt.chars().map(|c| model.index(c).is_some()).collect(),
        top: top.iter().map(|d| d.iter().map(|&(c, _)| shown(c)).collect()).collect(),
        probs: top.iter().map(|d| d.iter().map(|&(_, p)| p).collect()).collect(),
        continuation: model.continue_greedy(prompt, n),
        unknown: model.unknown(prompt).into_iter().collect(),
    }
}

/// `text` coloured by hidden unit `unit` (an out-of-range unit is an error).
pub fn unit(model: &LanguageModel, text: &str, unit: usize) -> Result<LanguageUnit, String> {
    if unit >= model.hidden() {
        return Err(format!("unit {unit}: the network has {} units", model.hidden()));
    }
    let a = model.activations(text);
    let hidden: Vec<f64> = a.hidden.iter().map(|h| h[unit]).collect();
    let cell: Vec<f64> = a.cell.iter().map(|c| c[unit]).collect();
    Ok(LanguageUnit {
        chars: text.chars().map(String::from).collect(),
        labels: text
            .chars()
            .zip(hidden.iter().zip(&cell))
            .map(|(ch, (h, c))| format!("{}: h = {h:.2}, c = {c:.2}", shown(ch)))
            .collect(),
        colours: hidden.iter().map(|&h| colour(h)).collect(),
        hidden,
        cell,
    })
}

/// A value on the blue–white–red scale: −1 blue, 0 white, +1 red (clamped beyond; NaN white).
pub fn colour(v: f64) -> String {
    const BLUE: [f64; 3] = [33.0, 102.0, 172.0];
    const RED: [f64; 3] = [178.0, 24.0, 43.0];
    let v = if v.is_nan() { 0.0 } else { v.clamp(-1.0, 1.0) };
    let end = if v < 0.0 { BLUE } else { RED };
    let [r, g, b] = end.map(|e| (255.0 + (e - 255.0) * v.abs()).round());
    format!("rgb({r}, {g}, {b})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::train::language::{LanguageSetup, PROMPT_KO};

    #[test]
    fn the_scale_runs_blue_white_red_and_clamps() {
        assert_eq!(colour(-1.0), "rgb(33, 102, 172)");
        assert_eq!(colour(0.0), "rgb(255, 255, 255)");
        assert_eq!(colour(1.0), "rgb(178, 24, 43)");
        assert_eq!(colour(7.0), colour(1.0));
        assert_eq!(colour(-7.0), colour(-1.0));
        assert_eq!(colour(f64::NAN), colour(0.0));
    }

    #[test]
    fn a_reading_has_one_column_per_character_and_names_the_unknown() {
        let mut model = LanguageModel::new(LanguageSetup { hidden: 8, ..Default::default() });
        model.train(64);
        let prompt = format!("{PROMPT_KO}토");
        let r = reading(&model, &prompt, TOP, CONTINUATION);
        assert_eq!(r.chars.len(), 9);
        assert_eq!(r.chars[4], "␣");
        assert_eq!(r.known, [true, true, true, true, true, true, true, true, false]);
        assert!(r.top.iter().all(|t| t.len() == TOP) && r.probs.iter().all(|p| p.len() == TOP));
        assert!(r.probs.iter().all(|p| p[0] >= p[1] && p[1] >= p[2]));
        assert_eq!(r.continuation.chars().count(), CONTINUATION);
        assert_eq!(r.unknown, "토");
        let s = status(&model);
        assert_eq!((s.seen, s.budget, s.stopped), (64, BUDGET, None));
        assert!(s.loss.is_some());
    }

    #[test]
    fn a_unit_colours_every_character_with_its_value() {
        let model = LanguageModel::new(LanguageSetup { hidden: 4, ..Default::default() });
        let u = unit(&model, "금요일 X", 3).unwrap();
        assert_eq!(u.chars, ["금", "요", "일", " ", "X"]);
        assert!(u.labels[3].starts_with("␣: h = "));
        assert_eq!((u.hidden.len(), u.cell.len(), u.colours.len(), u.labels.len()), (5, 5, 5, 5));
        assert_eq!(u.colours[0], colour(u.hidden[0]));
        assert_eq!(u.labels[0], format!("금: h = {:.2}, c = {:.2}", u.hidden[0], u.cell[0]));
        // The unknown X carries the state before it.
        assert_eq!(u.hidden[4], u.hidden[3]);
        assert!(unit(&model, "금", 4).unwrap_err().contains("4 units"));
    }
}
