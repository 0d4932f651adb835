//! Where each scene starts, written into the lesson's HTML as a query string in the scene's own
//! keys (`data-state="x=0.2,0.45&h=3&seed=7"`) and read back by the page. The lesson data holds
//! them typed; the HTML carries text; a test holds that every preset of the course reads back
//! equal to itself.

use std::borrow::Cow;

use super::{
    Rejected, flag, number, pairs, reject, sequence, whole, write_flag, write_number, write_sequence,
};
use crate::model::Activation;

/// A seeded cell reading a one-dimensional input sequence.
#[derive(Clone, Debug, PartialEq)]
pub struct SequencePreset {
    /// The inputs x_1 … x_T.
    pub inputs: Cow<'static, [f64]>,
    /// The hidden size H (1–8).
    pub hidden: usize,
    /// The seed the weights are drawn from.
    pub seed: u64,
    /// The squashing function.
    pub activation: Activation,
}

/// The gradient-decay plot.
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
    /// Whether the LSTM's curves (and its controls) are shown beside the RNN's.
    pub lstm: bool,
}

/// The training race.
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
}

/// The clipping view starts from the experiment's own settings.
pub use crate::model::train::clipping::ClipSetup as ClipPreset;

/// The language scene: a character-level LSTM trained live on a short text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LanguagePreset {
    /// Train on the Korean text first (the learner can switch).
    pub korean: bool,
    /// Hidden units.
    pub hidden: usize,
    /// The seed of the weights, the training stream and the first sample.
    pub seed: u64,
}

/// A live scene and where it starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Preset {
    /// The landing scene: a trained RNN predicts the next value of a sequence the learner reorders.
    NextValue(SequencePreset),
    /// A vanilla RNN reading a short sequence step by step, with its formula and numbers.
    Rnn(SequencePreset),
    /// An LSTM cell opened up at one time step: the belt, the gates, gate surgery.
    Lstm(SequencePreset),
    /// Any cell folded or unrolled, one or two side by side.
    Explore(SequencePreset),
    /// ‖∂h_T/∂h_{T−k}‖ against k on a log axis.
    Decay(DecayPreset),
    /// An RNN (and an LSTM) trained live to remember a symbol across a lag.
    Race(RacePreset),
    /// The gradient norm growing with T, and what clipping does to a step.
    Clip(ClipPreset),
    /// A character-level LSTM trained live, continuing the seed's sentence.
    Language(LanguagePreset),
}

/// The largest hidden size a sequence scene draws.
pub const MAX_HIDDEN: usize = 8;

fn activation_name(a: Activation) -> &'static str {
    match a {
        Activation::Tanh => "tanh",
        Activation::Logistic => "logistic",
        Activation::Relu => "relu",
    }
}

/// `ko` or `en`: which text the language scene trains on (true for Korean).
pub fn text_lang(v: &str) -> Option<bool> {
    match v {
        "ko" => Some(true),
        "en" => Some(false),
        _ => None,
    }
}

fn activation(v: &str) -> Option<Activation> {
    Activation::ALL.into_iter().find(|&a| activation_name(a) == v)
}

impl SequencePreset {
    fn write(&self) -> Vec<(&'static str, String)> {
        vec![
            ("x", write_sequence(&self.inputs)),
            ("h", self.hidden.to_string()),
            ("seed", self.seed.to_string()),
            ("act", activation_name(self.activation).to_string()),
        ]
    }

    fn read(&mut self, key: &str, v: &str) -> bool {
        match key {
            "x" => sequence(v).map(|xs| self.inputs = xs.into()).is_some(),
            "h" => whole(v, 1, MAX_HIDDEN).map(|h| self.hidden = h).is_some(),
            "seed" => v.parse().ok().map(|s| self.seed = s).is_some(),
            "act" => activation(v).map(|a| self.activation = a).is_some(),
            _ => false,
        }
    }
}

impl Default for SequencePreset {
    fn default() -> Self {
        Self {
            inputs: Cow::Borrowed(&[0.2, 0.45, 0.4, 0.85, 1.0, 0.7]),
            hidden: 3,
            seed: 7,
            activation: Activation::Tanh,
        }
    }
}

impl Preset {
    /// Every scene's name, as `data-scene` writes it.
    pub const KINDS: [&'static str; 8] =
        ["next", "rnn", "lstm", "explore", "decay", "race", "clip", "language"];

    /// The scene's name.
    pub fn kind(&self) -> &'static str {
        match self {
            Preset::NextValue(_) => "next",
            Preset::Rnn(_) => "rnn",
            Preset::Lstm(_) => "lstm",
            Preset::Explore(_) => "explore",
            Preset::Decay(_) => "decay",
            Preset::Race(_) => "race",
            Preset::Clip(_) => "clip",
            Preset::Language(_) => "language",
        }
    }

    /// The scene `kind` at its built-in defaults.
    pub fn default_for(kind: &str) -> Option<Self> {
        let seq = SequencePreset::default();
        Some(match kind {
            "next" => Preset::NextValue(seq),
            "rnn" => Preset::Rnn(seq),
            "lstm" => Preset::Lstm(seq),
            "explore" => Preset::Explore(seq),
            "decay" => Preset::Decay(DecayPreset {
                rho: 0.9,
                steps: 60,
                forget_bias: 3.0,
                hidden: 8,
                seed: 1,
                lstm: true,
            }),
            "race" => Preset::Race(RacePreset { lag: 20, symbols: 4, hidden: 16, budget: 10_000, seed: 1 }),
            "clip" => {
                Preset::Clip(ClipPreset { rho: 1.4, threshold: 5.0, lr: 0.1, steps: 40, hidden: 8, seed: 1 })
            }
            "language" => Preset::Language(LanguagePreset { korean: true, hidden: 32, seed: 1 }),
            _ => return None,
        })
    }

    fn write(&self) -> Vec<(&'static str, String)> {
        match self {
            Preset::NextValue(p) | Preset::Rnn(p) | Preset::Lstm(p) | Preset::Explore(p) => p.write(),
            Preset::Decay(p) => vec![
                ("rho", write_number(p.rho)),
                ("T", p.steps.to_string()),
                ("fb", write_number(p.forget_bias)),
                ("h", p.hidden.to_string()),
                ("seed", p.seed.to_string()),
                ("lstm", write_flag(p.lstm)),
            ],
            Preset::Race(p) => vec![
                ("lag", p.lag.to_string()),
                ("symbols", p.symbols.to_string()),
                ("h", p.hidden.to_string()),
                ("budget", p.budget.to_string()),
                ("seed", p.seed.to_string()),
            ],
            Preset::Clip(p) => vec![
                ("rho", write_number(p.rho)),
                ("theta", write_number(p.threshold)),
                ("lr", write_number(p.lr)),
                ("T", p.steps.to_string()),
                ("h", p.hidden.to_string()),
                ("seed", p.seed.to_string()),
            ],
            Preset::Language(p) => vec![
                ("text", if p.korean { "ko" } else { "en" }.to_string()),
                ("h", p.hidden.to_string()),
                ("seed", p.seed.to_string()),
            ],
        }
    }

    fn read(&mut self, key: &str, v: &str) -> bool {
        match self {
            Preset::NextValue(p) | Preset::Rnn(p) | Preset::Lstm(p) | Preset::Explore(p) => p.read(key, v),
            Preset::Decay(p) => match key {
                "rho" => number(v, 0.1, 2.0).map(|x| p.rho = x).is_some(),
                "T" => whole(v, 5, 200).map(|x| p.steps = x).is_some(),
                "fb" => number(v, -5.0, 5.0).map(|x| p.forget_bias = x).is_some(),
                "h" => whole(v, 1, 64).map(|x| p.hidden = x).is_some(),
                "seed" => v.parse().ok().map(|x| p.seed = x).is_some(),
                "lstm" => flag(v).map(|x| p.lstm = x).is_some(),
                _ => false,
            },
            Preset::Race(p) => match key {
                "lag" => whole(v, 1, 100).map(|x| p.lag = x).is_some(),
                "symbols" => whole(v, 2, 8).map(|x| p.symbols = x).is_some(),
                "h" => whole(v, 1, 64).map(|x| p.hidden = x).is_some(),
                "budget" => whole(v, 100, 100_000).map(|x| p.budget = x).is_some(),
                "seed" => v.parse().ok().map(|x| p.seed = x).is_some(),
                _ => false,
            },
            Preset::Clip(p) => match key {
                "rho" => number(v, 0.1, 3.0).map(|x| p.rho = x).is_some(),
                "theta" => number(v, 1e-3, 1e6).map(|x| p.threshold = x).is_some(),
                "lr" => number(v, 1e-6, 10.0).map(|x| p.lr = x).is_some(),
                "T" => whole(v, 2, 200).map(|x| p.steps = x).is_some(),
                "h" => whole(v, 1, 64).map(|x| p.hidden = x).is_some(),
                "seed" => v.parse().ok().map(|x| p.seed = x).is_some(),
                _ => false,
            },
            Preset::Language(p) => match key {
                "text" => text_lang(v).map(|k| p.korean = k).is_some(),
                "h" => whole(v, 1, 64).map(|x| p.hidden = x).is_some(),
                "seed" => v.parse().ok().map(|x| p.seed = x).is_some(),
                _ => false,
            },
        }
    }

    /// The preset as `data-state` writes it.
    pub fn to_state(&self) -> String {
        let pairs: Vec<(String, String)> =
            self.write().into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        super::to_query(&pairs).trim_start_matches('?').to_string()
    }

    /// Reads `state` over the defaults of `kind`: unknown keys and bad values are reported and
    /// skipped. `None` for an unknown scene.
    pub fn parse(kind: &str, state: &str) -> Option<(Self, Vec<Rejected>)> {
        let mut preset = Self::default_for(kind)?;
        let mut rejected = Vec::new();
        for (k, v) in pairs(state) {
            if !preset.read(&k, &v) {
                rejected.push(reject(&k));
            }
        }
        Some((preset, rejected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_round_trips_through_its_state() {
        for kind in Preset::KINDS {
            let preset = Preset::default_for(kind).unwrap();
            assert_eq!(preset.kind(), kind);
            let (back, rejected) = Preset::parse(kind, &preset.to_state()).unwrap();
            assert!(rejected.is_empty(), "{kind}: {rejected:?}");
            assert_eq!(back, preset, "{kind}");
        }
    }

    #[test]
    fn a_bad_value_keeps_the_default_and_is_reported() {
        let (p, rejected) = Preset::parse("rnn", "h=900&x=abc&act=relu&zzz=1").unwrap();
        let Preset::Rnn(p) = p else { panic!("kind changed") };
        assert_eq!(p.hidden, 3);
        assert_eq!(p.activation, Activation::Relu);
        assert_eq!(rejected.len(), 3);
        assert!(Preset::parse("nope", "").is_none());
    }
}
