//! The language lesson's answers: what the page shows of a character-level LSTM
//! (`model::train::language`), formatted here so the page only lays it out.

use crate::lab::protocol::{LanguageReading, LanguageStatus};
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

/// `text` made safe inside HTML text and attribute values.
pub fn escape(text: &str) -> String {
    crate::text::html_escape(text).replace('\'', "&#39;")
}

/// The prompt read character by character: after each, the `k` likeliest next characters as
/// columns of HTML (see [`LanguageReading::html`]); the greedy continuation of `n` characters;
/// what could not be read.
pub fn reading(model: &LanguageModel, prompt: &str, k: usize, n: usize) -> LanguageReading {
    let mut html = String::new();
    for (i, (ch, top)) in prompt.chars().zip(model.top_after_each(prompt, k)).enumerate() {
        let shown_top: Vec<String> = top.iter().map(|&(c, _)| escape(&shown(c))).collect();
        let probs: Vec<String> = top.iter().map(|&(_, p)| format!("{p:.4}")).collect();
        let items: String = shown_top
            .iter()
            .zip(&top)
            .map(|(c, &(_, p))| format!("<li>{c} {:.0}%</li>", p * 100.0))
            .collect();
        html.push_str(&format!(
            r#"<div class="language-step" data-testid="language-top-{i}" data-known="{}" data-top="{}" data-probs="{}"><span class="language-char">{}</span><ol class="language-top">{items}</ol></div>"#,
            model.index(ch).is_some(),
            shown_top.join(" "),
            probs.join(" "),
            escape(&shown(ch)),
        ));
    }
    LanguageReading {
        html,
        continuation: model.continue_greedy(prompt, n),
        unknown: model.unknown(prompt).into_iter().collect(),
    }
}

/// `text` read from the zero state and coloured by hidden unit `unit`, as HTML: one span per
/// character with its h_t as a tone from −10 to 10 ([`tone`]) in `data-tone` (assets/language.css
/// colours each tone as [`colour`] does its value; a `style` attribute would break the security
/// policy), h_t and c_t in its title and in `data-h` / `data-c`. An out-of-range unit is an error.
pub fn unit_html(model: &LanguageModel, text: &str, unit: usize) -> Result<String, String> {
    if unit >= model.hidden() {
        return Err(format!("unit {unit}: the network has {} units", model.hidden()));
    }
    let a = model.activations(text);
    let mut html = String::new();
    for ((ch, h), c) in text.chars().zip(&a.hidden).zip(&a.cell) {
        let (h, c) = (h[unit], c[unit]);
        html.push_str(&format!(
            r#"<span data-tone="{}" title="{}: h = {h:.2}, c = {c:.2}" data-h="{h}" data-c="{c}">{}</span>"#,
            tone(h),
            escape(&shown(ch)),
            escape(&ch.to_string()),
        ));
    }
    Ok(html)
}

/// A value's tone: −10 (−1 or less) to 10 (1 or more) in steps of 0.1; NaN is 0.
pub fn tone(v: f64) -> i32 {
    if v.is_nan() { 0 } else { (v.clamp(-1.0, 1.0) * 10.0).round() as i32 }
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
    fn every_tone_has_its_colour_in_the_language_style_sheet() {
        assert_eq!((tone(-3.0), tone(-0.04), tone(0.05), tone(0.96), tone(f64::NAN)), (-10, 0, 1, 10, 0));
        let css = include_str!("../../assets/language.css").replace(' ', "");
        for t in -10..=10 {
            let rule = format!(
                r#"[data-tone="{t}"]{{background:{};}}"#,
                colour(f64::from(t) / 10.0).replace(' ', "")
            );
            assert!(css.contains(&rule), "{rule}");
        }
    }

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
        let prompt = format!("{PROMPT_KO}토<");
        let r = reading(&model, &prompt, TOP, CONTINUATION);
        assert_eq!(r.html.matches(r#"class="language-step""#).count(), 10);
        assert!(r.html.contains(r#"data-testid="language-top-9" data-known="false""#));
        assert!(r.html.contains(r#"data-testid="language-top-8" data-known="false""#));
        assert!(r.html.contains(r#"data-testid="language-top-0" data-known="true""#));
        assert!(r.html.contains(r#"<span class="language-char">␣</span>"#));
        assert!(r.html.contains(r#"<span class="language-char">&lt;</span>"#) && !r.html.contains("<<"));
        assert_eq!(r.html.matches("<li>").count(), 10 * TOP);
        // The probabilities listed are the model's, most likely first.
        let top = model.top_after_each(&prompt, TOP);
        let first = format!("data-probs=\"{:.4} {:.4} {:.4}\"", top[0][0].1, top[0][1].1, top[0][2].1);
        assert!(r.html.contains(&first), "{first}");
        assert_eq!(r.continuation.chars().count(), CONTINUATION);
        assert_eq!(r.unknown, "토<");
        let s = status(&model);
        assert_eq!((s.seen, s.budget, s.stopped), (64, BUDGET, None));
        assert!(s.loss.is_some());
    }

    #[test]
    fn a_unit_colours_every_character_with_its_value() {
        let model = LanguageModel::new(LanguageSetup { hidden: 4, ..Default::default() });
        let html = unit_html(&model, "금요일 X\"", 3).unwrap();
        let a = model.activations("금요일 X\"");
        assert_eq!(html.matches("<span ").count(), 6);
        let h0 = a.hidden[0][3];
        assert!(html.starts_with(&format!(
            r#"<span data-tone="{}" title="금: h = {h0:.2}, c = {:.2}" data-h="{h0}""#,
            tone(h0),
            a.cell[0][3]
        )));
        assert!(html.contains(r#"title="␣: h = "#) && html.contains(">&quot;</span>"));
        // The unknown X carries the state before it.
        assert_eq!(a.hidden[4], a.hidden[3]);
        assert!(unit_html(&model, "금", 4).unwrap_err().contains("4 units"));
        assert_eq!(escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    }
}
