//! Input sequences a learner can pick in any sequence scene, from the seed's examples.

use super::{Text, t};

/// A named input sequence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SequenceChoice {
    /// A stable id for tests and URLs.
    pub id: &'static str,
    /// The button label.
    pub label: Text,
    /// The values x_1 … x_T.
    pub values: &'static [f64],
}

/// The choices every sequence scene offers.
pub const SEQUENCE_CHOICES: &[SequenceChoice] = &[
    SequenceChoice {
        id: "stock",
        label: t("주가 (엿새)", "Stock price (six days)"),
        values: &[0.20, 0.45, 0.40, 0.85, 1.00, 0.70],
    },
    SequenceChoice {
        id: "wave",
        label: t("음성 같은 파형", "Speech-like waveform"),
        // 0.8 sin(0.9 t) + 0.3 sin(2.3 t + 0.5), t = 0 … 11, rounded to two decimals.
        values: &[0.14, 0.73, 0.5, 0.61, -0.44, -0.94, -0.32, -0.22, 0.65, 0.99, 0.03, -0.18],
    },
    SequenceChoice {
        id: "pulse",
        label: t("펄스 하나, 그리고 침묵", "One pulse, then silence"),
        values: &[1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
    },
];

/// A sentence a text scene can read, one character per step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextChoice {
    /// A stable id for tests.
    pub id: &'static str,
    /// The text.
    pub text: &'static str,
}

/// The sentences offered: the seed's example of a word predicted from the ones before it.
pub const TEXT_CHOICES: &[TextChoice] = &[
    TextChoice { id: "friday-ko", text: "금요일이 지나면 주말" },
    TextChoice { id: "friday-en", text: "after friday comes the weekend" },
];
