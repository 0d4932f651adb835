//! The glossary: every term the course uses, in both languages. The first use of a term in each
//! lesson links here (see [`super::html`]); the words that count as a use are listed per language.

use super::{Text, t};

/// One glossary entry.
#[derive(Clone, Copy, Debug)]
pub struct Term {
    /// The anchor on the glossary page (`glossary.html#hidden-state`).
    pub id: &'static str,
    /// The term.
    pub name: Text,
    /// What it means, in a sentence or two.
    pub meaning: Text,
    /// The words that count as a use of the term in Korean text.
    pub ko: &'static [&'static str],
    /// The same in English text.
    pub en: &'static [&'static str],
}

/// Every term, in the order the glossary lists them.
pub const GLOSSARY: &[Term] = &[
    Term {
        id: "sequence",
        name: t("시퀀스, 순차 데이터", "Sequence, sequential data"),
        meaning: t(
            "순서가 뜻을 가지는 값들의 나열입니다. 문장, 주가, 음성처럼 한 값이 앞선 값들과 함께 읽혀야 하는 데이터입니다.",
            "Values whose order carries meaning: sentences, prices, speech — data where each value must be read together with the ones before it.",
        ),
        ko: &["순차 데이터", "시퀀스"],
        en: &["sequential data", "sequence"],
    },
    Term {
        id: "time-step",
        name: t("시점", "Time step"),
        meaning: t(
            "시퀀스의 한 자리입니다. RNN은 시점마다 입력 하나를 읽고 상태를 한 번 새로 계산합니다.",
            "One position in a sequence. An RNN reads one input and updates its state once per time step.",
        ),
        ko: &["시점"],
        en: &["time step"],
    },
    Term {
        id: "hidden-state",
        name: t("은닉 상태 h", "Hidden state h"),
        meaning: t(
            "RNN이 시점마다 계산해 다음 시점으로 넘기는 벡터입니다. 지금까지 읽은 것의 요약이자 신경망의 기억입니다.",
            "The vector an RNN computes at each step and passes to the next: a summary of everything read so far, the network's memory.",
        ),
        ko: &["은닉 상태"],
        en: &["hidden state"],
    },
    Term {
        id: "weight-sharing",
        name: t("가중치 공유", "Weight sharing"),
        meaning: t(
            "펼친 RNN의 모든 시점이 같은 가중치를 쓰는 것입니다. 그래서 매개변수의 수는 시퀀스 길이와 상관없습니다.",
            "Every step of the unrolled RNN uses the same weights, so the number of parameters does not depend on the sequence's length.",
        ),
        ko: &["가중치 공유"],
        en: &["weight sharing"],
    },
    Term {
        id: "loss",
        name: t("손실", "Loss"),
        meaning: t(
            "신경망의 출력이 정답에서 얼마나 벗어났는지를 재는 하나의 수입니다. 학습은 이 값을 줄입니다.",
            "A single number measuring how far the network's outputs are from the right answers. Training lowers it.",
        ),
        ko: &["손실"],
        en: &["loss"],
    },
    Term {
        id: "gradient",
        name: t("기울기", "Gradient"),
        meaning: t(
            "손실이 각 매개변수나 상태에 따라 얼마나 변하는지를 모은 벡터입니다. 경사 하강법은 그 반대 방향으로 가중치를 옮깁니다.",
            "How much the loss changes with each parameter or state, gathered into a vector. Gradient descent moves the weights against it.",
        ),
        ko: &["기울기"],
        en: &["gradient"],
    },
    Term {
        id: "bptt",
        name: t("시간을 거슬러 가는 역전파 (BPTT)", "Backpropagation through time (BPTT)"),
        meaning: t(
            "펼친 RNN에 보통의 역전파를 적용하는 것입니다. 오차가 마지막 시점에서 첫 시점까지 열을 하나씩 거슬러 갑니다.",
            "Ordinary backpropagation applied to the unrolled RNN: the error travels back from the last step to the first, one column at a time.",
        ),
        ko: &["역전파"],
        en: &["backpropagation"],
    },
    Term {
        id: "jacobian",
        name: t("야코비안", "Jacobian"),
        meaning: t(
            "벡터 함수의 편미분을 모은 행렬입니다. $∂h_t/∂h_{t-1}$은 한 시점의 은닉 상태가 이전 상태에 어떻게 의존하는지를 담습니다.",
            "The matrix of a vector function's partial derivatives. $∂h_t/∂h_{t-1}$ holds how one step's hidden state depends on the previous one.",
        ),
        ko: &["야코비안"],
        en: &["Jacobian"],
    },
    Term {
        id: "singular-value",
        name: t("특이값, 스펙트럼 반지름 ρ", "Singular value, spectral radius ρ"),
        meaning: t(
            "가장 큰 특이값 $σ_{max}$는 행렬이 벡터를 늘릴 수 있는 최대 배율입니다. 이 강의의 RNN은 $W_h = ρ·Q$($Q$ 직교)라서 모든 특이값이 ρ입니다.",
            "The largest singular value $σ_{max}$ is the most a matrix can stretch a vector. This course's RNNs use $W_h = ρ·Q$ ($Q$ orthogonal), so every singular value is ρ.",
        ),
        ko: &["특이값"],
        en: &["singular value"],
    },
    Term {
        id: "vanishing",
        name: t("기울기 소실", "Vanishing gradient"),
        meaning: t(
            "거슬러 갈수록 기울기가 지수적으로 작아져, 먼 과거의 입력이 학습에 거의 영향을 주지 못하는 현상입니다.",
            "The gradient shrinking exponentially on its way back, so that inputs from the distant past barely affect learning.",
        ),
        ko: &["기울기 소실"],
        en: &["vanishing gradient", "vanish"],
    },
    Term {
        id: "exploding",
        name: t("기울기 폭발", "Exploding gradient"),
        meaning: t(
            "거슬러 갈수록 기울기가 지수적으로 커져, 한 번의 갱신이 가중치를 엉뚱한 곳으로 보내는 현상입니다.",
            "The gradient growing exponentially on its way back, so that one update throws the weights somewhere absurd.",
        ),
        ko: &["기울기 폭발"],
        en: &["exploding gradient", "explode"],
    },
    Term {
        id: "clipping",
        name: t("기울기 클리핑", "Gradient clipping"),
        meaning: t(
            "모든 매개변수의 기울기를 한 벡터로 보고, 길이가 임계값 θ를 넘으면 방향은 두고 길이만 θ로 줄이는 것입니다.",
            "Treating the gradients of all parameters as one vector and, when its length exceeds a threshold θ, shrinking it to θ without turning it.",
        ),
        ko: &["기울기 클리핑", "클리핑"],
        en: &["clipping"],
    },
    Term {
        id: "long-term-dependency",
        name: t("장기 의존성", "Long-term dependency"),
        meaning: t(
            "정답이 한참 앞선 시점의 입력에 달려 있는 관계입니다. 그 사이가 길수록 RNN이 배우기 어렵습니다.",
            "An answer that depends on an input many steps earlier. The longer the gap, the harder it is for an RNN to learn.",
        ),
        ko: &["장기 의존성"],
        en: &["long-term dependenc"],
    },
    Term {
        id: "cell-state",
        name: t("셀 상태 c (컨베이어 벨트)", "Cell state c (the conveyor belt)"),
        meaning: t(
            "LSTM이 은닉 상태 옆에 두는 두 번째 상태입니다. 벨트 위에서는 망각 게이트의 곱셈과 입력 게이트의 덧셈만 일어납니다.",
            "The LSTM's second state beside the hidden state. On this belt only the forget gate's multiplication and the input gate's addition happen.",
        ),
        ko: &["셀 상태"],
        en: &["cell state"],
    },
    Term {
        id: "gate",
        name: t("게이트", "Gate"),
        meaning: t(
            "시그모이드 층과 원소별 곱셈입니다. 0과 1 사이의 값으로 정보를 얼마나 통과시킬지 정합니다: 0은 막고 1은 통과시킵니다.",
            "A sigmoid layer and a pointwise product: a value between 0 and 1 decides how much information passes — 0 blocks, 1 lets through.",
        ),
        ko: &["게이트"],
        en: &["gate"],
    },
    Term {
        id: "sigmoid",
        name: t("시그모이드 σ", "Sigmoid σ"),
        meaning: t(
            "σ(x) = 1/(1 + e^{−x}). 값을 0과 1 사이로 눌러 주며, 기울기는 많아야 1/4입니다. 이 강의에서 σ는 이 함수만 뜻합니다.",
            "σ(x) = 1/(1 + e^{−x}): squashes values into (0, 1), with slope at most 1/4. In this course σ means this function only.",
        ),
        ko: &["시그모이드"],
        en: &["sigmoid"],
    },
    Term {
        id: "cec",
        name: t("상수 오차 회전목마 (CEC)", "Constant error carousel (CEC)"),
        meaning: t(
            "1997년 LSTM의 셀 상태로, 자기 연결이 1로 고정되어 오차가 줄지 않고 흐릅니다. 지울 방법이 없어 2000년에 망각 게이트가 더해졌습니다.",
            "The 1997 LSTM's cell state: its self-connection is fixed at 1, so the error flows without shrinking. It could not forget, so the forget gate was added in 2000.",
        ),
        ko: &["상수 오차 회전목마"],
        en: &["constant error carousel"],
    },
    Term {
        id: "gru",
        name: t("GRU", "GRU"),
        meaning: t(
            "Cho 등(2014)의 게이트 순환 유닛입니다. 셀 상태 없이 리셋·갱신 게이트 둘로 은닉 상태 하나를 다룹니다.",
            "The gated recurrent unit of Cho et al. (2014): no cell state, two gates (reset and update) acting on a single hidden state.",
        ),
        ko: &["GRU"],
        en: &["GRU"],
    },
    Term {
        id: "parameter",
        name: t("매개변수", "Parameter"),
        meaning: t(
            "학습으로 정해지는 수, 곧 가중치와 편향입니다.",
            "A number that training sets: the weights and biases.",
        ),
        ko: &["매개변수"],
        en: &["parameter"],
    },
];

/// Finds the first use of a term not in `linked` in `text` (`lang`'s words): (byte start, byte
/// end, term).
pub fn first_use(text: &str, ko: bool, linked: &[&str]) -> Option<(usize, usize, &'static Term)> {
    GLOSSARY
        .iter()
        .filter(|term| !linked.contains(&term.id))
        .flat_map(|term| {
            let words = if ko { term.ko } else { term.en };
            words.iter().filter_map(move |w| find_word(text, w, ko).map(|i| (i, i + w.len(), term)))
        })
        .min_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)))
}

/// `word` in `text`; in English only where it starts a word (so "gate" is not found in "gated"
/// after a letter, nor "loss" inside "glossary").
fn find_word(text: &str, word: &str, ko: bool) -> Option<usize> {
    let lower = text.to_lowercase();
    let needle = word.to_lowercase();
    if lower.len() != text.len() {
        return text.find(word);
    }
    let mut from = 0;
    while let Some(i) = lower[from..].find(&needle).map(|i| i + from) {
        let before = lower[..i].chars().next_back();
        if ko || !before.is_some_and(char::is_alphanumeric) {
            return Some(i);
        }
        from = i + needle.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_written_in_both_languages_with_words_to_find() {
        for term in GLOSSARY {
            for text in [term.name, term.meaning] {
                assert!(!text.ko.trim().is_empty() && !text.en.trim().is_empty(), "{}", term.id);
            }
            assert!(!term.ko.is_empty() && !term.en.is_empty(), "{}", term.id);
            assert!(term.id.chars().all(|c| c.is_ascii_lowercase() || c == '-'));
        }
    }

    #[test]
    fn the_first_use_is_the_earliest_and_longest_match() {
        let (s, e, term) = first_use("the vanishing gradient and the gradient", false, &[]).unwrap();
        assert_eq!((s, e, term.id), (4, 22, "vanishing"));
        let (_, _, term) =
            first_use("the vanishing gradient and the gradient", false, &["vanishing"]).unwrap();
        assert_eq!(term.id, "gradient");
        assert!(first_use("a glossary", false, &[]).is_none_or(|(_, _, t)| t.id != "loss"));
        let (s, _, term) = first_use("RNN의 은닉 상태", true, &[]).unwrap();
        assert_eq!((s, term.id), ("RNN의 ".len(), "hidden-state"));
    }

    #[test]
    fn every_term_is_used_somewhere_in_the_course() {
        let all: Vec<super::super::Text> =
            super::super::COURSE.iter().flat_map(super::super::tests::texts).collect();
        for term in GLOSSARY {
            let ko = all.iter().any(|x| {
                first_use(x.ko, true, &[]).is_some_and(|_| term.ko.iter().any(|w| x.ko.contains(w)))
            });
            let en = all.iter().any(|x| term.en.iter().any(|w| find_word(x.en, w, false).is_some()));
            assert!(ko && en, "{} is never used (ko {ko}, en {en})", term.id);
        }
    }
}
