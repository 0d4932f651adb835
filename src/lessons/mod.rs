//! The course as data: each lesson is a title and a list of blocks in both languages, and the
//! scenes it shows are named with their presets. Views render this; they hold no lesson text.

pub mod course;
pub mod markup;
pub mod sequences;
pub mod text;

pub use course::COURSE;
pub use text::{Lang, Text, t};

use crate::model::Activation;

/// One lesson of the course.
#[derive(Clone, Copy, Debug)]
pub struct Lesson {
    /// A stable id, used in the URL (`?lesson=rnn-cell`).
    pub id: &'static str,
    /// The title in the sidebar and above the lesson.
    pub title: Text,
    /// One line under the title: what the learner will get from the lesson.
    pub summary: Text,
    /// The lesson's content, in reading order.
    pub blocks: &'static [Block],
}

/// A block of lesson content. Prose may use the inline markup of [`markup`].
#[derive(Clone, Copy, Debug)]
pub enum Block {
    /// A paragraph.
    P(Text),
    /// A small heading inside the lesson.
    Heading(Text),
    /// A bulleted list.
    List(&'static [Text]),
    /// A numbered list of steps.
    Steps(&'static [Text]),
    /// A displayed formula (markup math, without the `$`).
    Formula(&'static str),
    /// Symbols and what they mean: (markup math, meaning).
    Terms(&'static [(&'static str, Text)]),
    /// A live scene computed on the page.
    Scene(Scene),
}

/// A live view and the preset it starts from.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Scene {
    /// A vanilla RNN reading a short sequence step by step, with its formula and numbers.
    RnnSteps(SequencePreset),
    /// An LSTM cell opened up at one time step: the conveyor belt, the gates, gate surgery.
    LstmCell(SequencePreset),
    /// Any cell (RNN, LSTM, GRU) folded or unrolled, optionally an RNN and an LSTM side by side.
    Explore(SequencePreset),
    /// How much of the last step's error reaches each earlier step, RNN against LSTM, on a log
    /// axis.
    GradientDecay(DecayPreset),
    /// A vanilla RNN and an LSTM trained side by side to remember a symbol across a lag.
    TrainingRace(RacePreset),
    /// The gradient norm exploding with sequence length, and what norm clipping does to a step.
    Clipping(ClipPreset),
}

/// Where the clipping view starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ClipPreset {
    /// ρ of the RNN's recurrent weights.
    pub rho: f64,
    /// The clipping threshold θ.
    pub threshold: f64,
    /// The learning rate η.
    pub lr: f64,
    /// The longest sequence measured.
    pub steps: usize,
    /// Hidden units.
    pub hidden: usize,
    /// The seed.
    pub seed: u64,
    /// What the plot shows, above it.
    pub caption: Text,
}

/// Where the training race starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RacePreset {
    /// Steps between the symbol and the recall cue.
    pub lag: usize,
    /// How many symbols.
    pub symbols: usize,
    /// Hidden units of both networks.
    pub hidden: usize,
    /// Training sequences before the race stops by itself.
    pub budget: usize,
    /// The seed.
    pub seed: u64,
    /// What the plot shows, above it.
    pub caption: Text,
}

/// Where the gradient-decay plot starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DecayPreset {
    /// The RNN's spectral radius ρ.
    pub rho: f64,
    /// Sequence length T.
    pub steps: usize,
    /// The LSTM's forget-gate bias.
    pub forget_bias: f64,
    /// Hidden size of both cells.
    pub hidden: usize,
    /// The seed both cells are drawn from.
    pub seed: u64,
    /// Whether the LSTM's curves (and its controls) are shown beside the RNN's: not before the
    /// lesson that introduces the LSTM.
    pub lstm: bool,
    /// What the plot shows, above it.
    pub caption: Text,
}

impl Scene {
    /// The sequence the scene starts from, for scenes that read one.
    pub fn sequence(&self) -> Option<&SequencePreset> {
        match self {
            Scene::RnnSteps(p) | Scene::LstmCell(p) | Scene::Explore(p) => Some(p),
            Scene::GradientDecay(_) | Scene::TrainingRace(_) | Scene::Clipping(_) => None,
        }
    }

    /// The caption shown above the scene.
    pub fn caption(&self) -> Text {
        match self {
            Scene::RnnSteps(p) | Scene::LstmCell(p) | Scene::Explore(p) => p.caption,
            Scene::GradientDecay(p) => p.caption,
            Scene::TrainingRace(p) => p.caption,
            Scene::Clipping(p) => p.caption,
        }
    }
}

/// What a scene computes: a seeded cell reading a one-dimensional input sequence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SequencePreset {
    /// The inputs x_1 … x_T.
    pub inputs: &'static [f64],
    /// The hidden size H.
    pub hidden: usize,
    /// The seed the weights are drawn from.
    pub seed: u64,
    /// The squashing function.
    pub activation: Activation,
    /// What the inputs are, shown above the scene.
    pub caption: Text,
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
mod tests {
    use super::*;

    fn texts(lesson: &Lesson) -> Vec<Text> {
        let mut all = vec![lesson.title, lesson.summary];
        for block in lesson.blocks {
            match block {
                Block::P(x) | Block::Heading(x) => all.push(*x),
                Block::List(xs) | Block::Steps(xs) => all.extend_from_slice(xs),
                Block::Terms(ts) => all.extend(ts.iter().map(|(_, x)| *x)),
                Block::Scene(scene) => all.push(scene.caption()),
                Block::Formula(_) => {}
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
    fn scene_presets_are_computable() {
        let mut checked = 0;
        for lesson in COURSE {
            for block in lesson.blocks {
                if let Some(p) = match block {
                    Block::Scene(scene) => scene.sequence(),
                    _ => None,
                } {
                    assert!(!p.inputs.is_empty() && p.hidden > 0 && p.hidden <= 8, "{}", lesson.id);
                    assert!(p.inputs.iter().all(|x| x.is_finite()));
                    checked += 1;
                }
            }
        }
        assert!(checked > 0, "the course has scenes with a preset sequence");
    }
}
