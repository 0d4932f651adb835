//! Explore: any cell, folded or unrolled.

use std::borrow::Cow;

use crate::lessons::{Ask, Block, Cond, Lesson, Preset, SceneBlock, SequencePreset, Step, step_set, t};
use crate::model::Activation;

pub(super) const EXPLORE: Lesson = Lesson {
    id: "explore",
    title: t("탐색: 어떤 셀이든 펼쳐 보기", "Explore: unroll any cell"),
    summary: t(
        "RNN, LSTM, GRU를 같은 입력에 돌려 보고, 접힌 고리와 시간 축으로 펼친 모습을 오가며 값을 비교합니다.",
        "Run an RNN, an LSTM and a GRU on the same input, switch between the folded loop and the network unrolled in time, and compare their values.",
    ),
    scene: SceneBlock {
        preset: Preset::Explore(SequencePreset {
            inputs: Cow::Borrowed(&[
                0.14, 0.73, 0.5, 0.61, -0.44, -0.94, -0.32, -0.22, 0.65, 0.99, 0.03, -0.18,
            ]),
            hidden: 4,
            seed: 11,
            activation: Activation::Tanh,
        }),
        caption: t(
            "입력: 음성 같은 파형 12개 표본. 가중치는 시드 11에서 PyTorch 방식으로 뽑은, 학습 전 셀입니다.",
            "Input: twelve samples of a speech-like waveform. Untrained cells with weights drawn from seed 11 the way PyTorch does.",
        ),
    },
    steps: &[
        step_set(
            "kind=lstm&fold=0",
            &[Block::P(t(
                "마지막 단원은 자유롭게 둘러보는 곳입니다. 셀 종류, 은닉 크기, 입력 시퀀스(숫자나 글자)를 바꾸면 모든 값이 다시 계산됩니다. LSTM의 열에는 셀 상태 $c_t$가 컨베이어 벨트처럼 가로질러 흐릅니다.",
                "The last lesson is a place to roam. Change the cell, the hidden size or the input sequence (numbers or text) and every value is computed again. In the LSTM's columns the cell state $c_t$ runs across like a conveyor belt.",
            ))],
        ),
        step_set(
            "cmp=1",
            &[Block::P(t(
                "\"옆에 함께 보기\"는 고른 셀 옆에 비교할 셀 하나를 같은 입력과 같은 시점 커서로 돌립니다: 두 LSTM 옆에는 바닐라 RNN, RNN이나 GRU 옆에는 LSTM입니다. 열을 누르면 그 시점의 식과 가중치가 아래에 열립니다.",
                "\"Show beside it\" runs a second cell next to the chosen one on the same input and time cursor: a vanilla RNN beside either LSTM, an LSTM beside an RNN or a GRU. Select a column to open that step's equations and weights below.",
            ))],
        ),
        Step {
            blocks: &[Block::P(t(
                "셀이 시점에서 시점으로 넘기는 상태의 크기는 셀마다 다릅니다.",
                "The state a cell passes from step to step differs in size between cells.",
            ))],
            set: "cmp=0&kind=lstm",
            ask: Some(Ask {
                prompt: t(
                    "은닉 크기 4인 LSTM은 시점마다 숫자 8개($h$ 4개와 $c$ 4개)를 넘깁니다. 같은 크기의 GRU는 몇 개를 넘길까요?",
                    "An LSTM with four hidden units passes 8 numbers from step to step (4 in $h$, 4 in $c$). How many does a GRU of the same size pass?",
                ),
                then: "kind=gru",
                reading: "statesize",
                choices: &[
                    (t("4개 ($h$뿐)", "4 ($h$ alone)"), Cond::Between(4.0, 4.0)),
                    (t("8개", "8"), Cond::Between(8.0, 8.0)),
                ],
                why: t(
                    "GRU는 셀 상태를 따로 두지 않고 은닉 상태 하나에 기억을 담습니다. 갱신 게이트가 LSTM의 입력·망각 게이트 역할을 함께 맡습니다.",
                    "The GRU keeps no separate cell state: its memory lives in the hidden state alone, and its update gate does the work of the LSTM's input and forget gates together.",
                ),
            }),
        },
    ],
};
