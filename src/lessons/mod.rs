//! The course as data: each lesson is a list of short steps in both languages beside one live
//! scene, named with its preset; a step may set the scene and ask a question. `html` writes the
//! static pages from it; the WebAssembly holds no lesson text.

pub mod bring;
pub mod course;
pub mod glossary;
pub mod html;
pub mod markup;
pub mod sequences;

pub use crate::text::{Lang, Text, t};
pub use course::COURSE;

pub use crate::state::presets::{
    ClipPreset, DecayPreset, LanguagePreset, Preset, RacePreset, SequencePreset,
};

/// One lesson of the course: a live scene beside a list of short steps.
#[derive(Clone, Debug)]
pub struct Lesson {
    /// A stable id: the lesson's file is `{id}.html` (the first lesson is `index.html`).
    pub id: &'static str,
    /// The title in the sidebar and above the lesson.
    pub title: Text,
    /// One line under the title: what the learner will get from the lesson.
    pub summary: Text,
    /// The scene every step drives, and its caption.
    pub scene: SceneBlock,
    /// The steps, in order.
    pub steps: &'static [Step],
}

/// A lesson's live scene.
#[derive(Clone, Debug)]
pub struct SceneBlock {
    /// Which scene, and where it starts.
    pub preset: Preset,
    /// What the scene computes, shown above it.
    pub caption: Text,
}

/// One step of a lesson: a few sentences, what the step does to the scene, and at most one
/// question.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    /// The text, in reading order.
    pub blocks: &'static [Block],
    /// What the step sets in the scene, in the scene's URL keys (`t=3&f=1`; empty: nothing).
    /// `hl=…` highlights a part of the diagram.
    pub set: &'static str,
    /// A question asked before its answer is shown.
    pub ask: Option<Ask>,
}

/// A question whose answer the live model computes when the learner answers.
#[derive(Clone, Copy, Debug)]
pub struct Ask {
    /// The question.
    pub prompt: Text,
    /// What the scene is set to before the answer is read (scene keys; empty: nothing).
    pub then: &'static str,
    /// The scene reading that answers it (see the scene's readings: `rnn@20`, `c@1`, …).
    pub reading: &'static str,
    /// The choices, each with the condition on the reading that makes it right.
    pub choices: &'static [(Text, Cond)],
    /// One sentence of why, shown with the number.
    pub why: Text,
}

/// When a choice is right, as a condition on the reading.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cond {
    /// reading < x.
    Below(f64),
    /// reading > x.
    Above(f64),
    /// a ≤ reading ≤ b.
    Between(f64, f64),
}

impl Cond {
    /// Whether `x` satisfies the condition.
    pub fn holds(self, x: f64) -> bool {
        match self {
            Cond::Below(b) => x < b,
            Cond::Above(a) => x > a,
            Cond::Between(a, b) => (a..=b).contains(&x),
        }
    }

    /// Whether the condition written as `attr` (see [`Cond::to_attr`]) holds for `x`; false
    /// for an attribute that is not one.
    pub fn attr_holds(attr: &str, x: f64) -> bool {
        Self::from_attr(attr).is_some_and(|c| c.holds(x))
    }

    /// As `data-cond` writes it: `lt:0.1`, `gt:0.1`, `in:0.2:0.5`.
    pub fn to_attr(self) -> String {
        match self {
            Cond::Below(b) => format!("lt:{b}"),
            Cond::Above(a) => format!("gt:{a}"),
            Cond::Between(a, b) => format!("in:{a}:{b}"),
        }
    }

    /// The inverse of [`Cond::to_attr`].
    pub fn from_attr(s: &str) -> Option<Self> {
        let mut parts = s.split(':');
        let kind = parts.next()?;
        let mut num = || parts.next().and_then(crate::input::number).filter(|x| x.is_finite());
        Some(match kind {
            "lt" => Cond::Below(num()?),
            "gt" => Cond::Above(num()?),
            "in" => {
                let a = num()?;
                Cond::Between(a, num()?)
            }
            _ => return None,
        })
    }
}

/// A block of step text. Prose may use the inline markup of [`markup`], including live values
/// `{reading}` or `{reading:digits}` that the page fills in from the scene.
#[derive(Clone, Copy, Debug)]
pub enum Block {
    /// A paragraph.
    P(Text),
    /// A bulleted list.
    List(&'static [Text]),
    /// A displayed formula (markup math, without the `$`).
    Formula(&'static str),
    /// Symbols and what they mean: (markup math, meaning).
    Terms(&'static [(&'static str, Text)]),
}

/// A step with text only.
pub const fn step(blocks: &'static [Block]) -> Step {
    Step { blocks, set: "", ask: None }
}

/// A step that also sets the scene.
pub const fn step_set(set: &'static str, blocks: &'static [Block]) -> Step {
    Step { blocks, set, ask: None }
}

/// Words the Korean text avoids, each with what it writes instead: 수열 is a mathematical
/// sequence of numbers (a data sequence is 시퀀스), 연속형 데이터 reads as "continuous data",
/// 찍기 is slang, and clipping is 클리핑 (자르기, 잘라서 and 자름 read as cutting something off).
pub const KOREAN_AVOID: [(&str, &str); 7] = [
    ("수열", "시퀀스"),
    ("연속형 데이터", "순차 데이터"),
    ("연속적인 데이터", "순차 데이터"),
    ("찍기", "짐작"),
    ("자르기", "클리핑"),
    ("잘라서", "클리핑해"),
    ("자름", "클리핑"),
];

/// The lesson with this id, if there is one.
pub fn find(id: &str) -> Option<&'static Lesson> {
    COURSE.iter().find(|l| l.id == id)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Every piece of text a lesson shows.
    pub(crate) fn texts(lesson: &Lesson) -> Vec<Text> {
        let mut all = vec![lesson.title, lesson.summary, lesson.scene.caption];
        for step in lesson.steps {
            for block in step.blocks {
                match block {
                    Block::P(x) => all.push(*x),
                    Block::List(xs) => all.extend_from_slice(xs),
                    Block::Terms(ts) => all.extend(ts.iter().map(|(_, x)| *x)),
                    Block::Formula(_) => {}
                }
            }
            if let Some(ask) = step.ask {
                all.push(ask.prompt);
                all.push(ask.why);
                all.extend(ask.choices.iter().map(|(x, _)| *x));
            }
        }
        all
    }

    #[test]
    fn every_lesson_text_is_written_in_both_languages() {
        for lesson in COURSE {
            for text in texts(lesson) {
                assert!(!text.ko.trim().is_empty(), "{}: Korean missing for {:?}", lesson.id, text.en);
                assert!(!text.en.trim().is_empty(), "{}: English missing for {:?}", lesson.id, text.ko);
                assert!(
                    text.ko.chars().any(|c| ('가'..='힣').contains(&c)),
                    "{}: not Korean: {}",
                    lesson.id,
                    text.ko
                );
            }
        }
    }

    #[test]
    fn korean_text_uses_the_course_terms() {
        let mut read = 0;
        for lesson in COURSE {
            for text in texts(lesson) {
                read += 1;
                for (avoid, instead) in KOREAN_AVOID {
                    assert!(
                        !text.ko.contains(avoid),
                        "{}: write {instead}, not {avoid}: {}",
                        lesson.id,
                        text.ko
                    );
                }
            }
        }
        assert!(read > 50, "only {read} texts read");
    }

    #[test]
    fn lesson_ids_are_unique_and_url_safe() {
        for (i, a) in COURSE.iter().enumerate() {
            assert!(a.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'));
            assert!(COURSE[i + 1..].iter().all(|b| b.id != a.id), "duplicate id {}", a.id);
            assert_eq!(find(a.id).map(|l| l.id), Some(a.id));
        }
    }

    #[test]
    fn every_scene_preset_reads_back_from_its_html_state() {
        for lesson in COURSE {
            let preset = &lesson.scene.preset;
            let (back, rejected) = Preset::parse(preset.kind(), &preset.to_state()).unwrap();
            assert!(rejected.is_empty(), "{}: {rejected:?}", lesson.id);
            assert_eq!(&back, preset, "{}", lesson.id);
        }
    }

    /// Every live value `{reading}` in a text.
    fn live_keys(text: &str) -> Vec<String> {
        markup::parse(text)
            .into_iter()
            .filter_map(|s| match s {
                markup::Span::Live(key, _) => Some(key),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn steps_set_only_their_scenes_knobs_and_quote_only_its_readings() {
        let mut checked = 0;
        for lesson in COURSE {
            let kind = lesson.scene.preset.kind();
            let (knobs, readings) = crate::state::scene_keys(kind).expect("every scene has keys");
            let name = |key: &str| key.split('@').next().unwrap_or_default().to_string();
            let mut sets: Vec<&str> = lesson.steps.iter().map(|s| s.set).collect();
            sets.extend(lesson.steps.iter().filter_map(|s| s.ask).map(|a| a.then));
            for set in sets {
                for (k, v) in crate::state::pairs(set) {
                    assert!(
                        k == "hl" || knobs.contains(&k.as_str()),
                        "{}: {kind} has no knob {k}",
                        lesson.id
                    );
                    assert!(!v.is_empty() || k == "hl", "{}: {k} without a value", lesson.id);
                    checked += 1;
                }
            }
            let mut quoted: Vec<String> = Vec::new();
            for text in texts(lesson) {
                for l in Lang::ALL {
                    quoted.extend(live_keys(text.get(l)));
                }
            }
            quoted.extend(lesson.steps.iter().filter_map(|s| s.ask).map(|a| a.reading.to_string()));
            for key in quoted {
                assert!(
                    readings.contains(&name(&key).as_str()),
                    "{}: {kind} has no reading {key}",
                    lesson.id
                );
                checked += 1;
            }
        }
        assert!(checked > 50, "only {checked} keys checked");
    }

    #[test]
    fn both_languages_quote_the_same_live_values() {
        for lesson in COURSE {
            for text in texts(lesson) {
                assert_eq!(live_keys(text.ko), live_keys(text.en), "{}: {}", lesson.id, text.en);
            }
        }
    }

    #[test]
    fn every_lesson_from_the_rnn_cell_on_asks_a_question() {
        for lesson in &COURSE[1..] {
            assert!(lesson.steps.iter().any(|s| s.ask.is_some()), "{} asks nothing", lesson.id);
        }
    }

    #[test]
    fn conditions_read_back_from_their_attributes() {
        for c in [Cond::Below(0.1), Cond::Above(-2.5), Cond::Between(0.25, 1e-3)] {
            assert_eq!(Cond::from_attr(&c.to_attr()), Some(c));
        }
        assert_eq!(Cond::from_attr("lt:NaN"), None);
        assert_eq!(Cond::from_attr("in:1"), None);
        assert!(Cond::Below(0.1).holds(0.05) && !Cond::Below(0.1).holds(0.1));
    }

    #[test]
    fn every_lesson_has_steps_and_every_question_two_choices_or_more() {
        assert!(COURSE.len() >= 8);
        for lesson in COURSE {
            assert!(!lesson.steps.is_empty(), "{}", lesson.id);
            for step in lesson.steps {
                if let Some(ask) = step.ask {
                    assert!(ask.choices.len() >= 2, "{}", lesson.id);
                    assert!(!ask.reading.is_empty());
                }
            }
        }
    }
}
