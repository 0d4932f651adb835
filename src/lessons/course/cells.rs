//! The 1997 original (the CEC, no forget gate), the forget-gate LSTM and the GRU, side by side.

use crate::lessons::{Ask, Block, Cond, Lesson, Preset, SceneBlock, Step, step_set, t};

pub(super) const CELLS: Lesson = Lesson {
    id: "cells",
    title: t("1997년 LSTM, 오늘의 LSTM, GRU", "The 1997 LSTM, today's LSTM and the GRU"),
    summary: t(
        "원래의 LSTM과 망각 게이트를 더한 LSTM, 더 가벼운 GRU를 같은 입력에 돌려 보고 매개변수를 셉니다.",
        "Run the original LSTM, the LSTM with a forget gate and the lighter GRU on the same input, and count their parameters.",
    ),
    scene: SceneBlock {
        preset: Preset::Explore(super::STOCK_H4),
        caption: t(
            "은닉 크기 4, 시드 11에서 뽑은 학습 전 셀들. 입력은 주가 엿새치입니다.",
            "Untrained cells with four hidden units, drawn from seed 11, reading six days of stock prices.",
        ),
    },
    steps: &[
        step_set(
            "kind=lstm1997&fold=0&t=6",
            &[Block::P(t(
                "1997년의 원래 LSTM에는 망각 게이트가 없었습니다. 셀 상태의 자기 연결은 1로 고정되어 있었고, 이것을 **상수 오차 회전목마**(constant error carousel, CEC)라고 불렀습니다: 벨트의 직통 경로에서 오차에 정확히 1이 곱해지므로 줄지 않습니다. 활성화 함수도 지금과 달라, 후보는 $g = 4σ - 2$(범위 −2…2), 출력 쪽은 $h = 2σ - 1 = tanh(x/2)$였습니다. 이 셀의 매개변수는 {params:0}개입니다.",
                "The original 1997 LSTM had no forget gate. The cell state's self-connection was fixed at 1, the **constant error carousel** (CEC): along the belt's direct path the error is multiplied by exactly 1 and does not shrink. Its squashes also differed: the candidate was $g = 4σ - 2$ (range −2…2), the output side $h = 2σ - 1 = tanh(x/2)$. This cell has {params:0} parameters.",
            ))],
        ),
        step_set(
            "kind=lstm1997&t=6",
            &[Block::P(t(
                "CEC는 지울 수 없다는 약점이 있었습니다. 긴 입력 흐름에서 셀 상태는 계속 쌓이기만 하고, 필요 없어진 내용을 버릴 방법이 없습니다. 그래서 Gers, Schmidhuber, Cummins(2000)가 **망각 게이트**를 더해, 언제 지울지를 셀이 학습하게 했습니다. 망각 게이트가 1이면 벨트는 다시 CEC가 됩니다.",
                "The CEC had a weakness: it could not forget. On a long stream of input the cell state only accumulates, with no way to drop what is no longer needed. So Gers, Schmidhuber and Cummins (2000) added the **forget gate**, letting the cell learn when to erase. With the forget gate at 1 its belt is the CEC again.",
            ))],
        ),
        step_set(
            "kind=lstm&t=6",
            &[Block::P(t(
                "오늘날 PyTorch의 nn.LSTM이 바로 이 망각 게이트가 있는 LSTM입니다. 게이트 셋과 후보 하나가 각자 $W_x$, $W_h$, 두 편향을 가지므로, 은닉 크기 4에서 매개변수는 4 × (4 + 16 + 4 + 4) = {params:0}개입니다.",
                "PyTorch's nn.LSTM today is this LSTM with a forget gate. Three gates and a candidate each have their own $W_x$, $W_h$ and two biases, so with four hidden units it has 4 × (4 + 16 + 4 + 4) = {params:0} parameters.",
            ))],
        ),
        Step {
            blocks: &[Block::P(t(
                "**GRU**(Cho 등, 2014)는 셀 상태를 따로 두지 않고, 게이트 둘(리셋 $r$, 갱신 $z$)로 은닉 상태 하나를 다룹니다. 갱신 게이트 하나가 \"얼마나 남기고 얼마나 새로 쓸지\"를 함께 정합니다: $h_t = (1 - z_t) ⊙ n_t + z_t ⊙ h_{t-1}$.",
                "The **GRU** (Cho et al. 2014) keeps no separate cell state: two gates, reset $r$ and update $z$, handle a single hidden state. One update gate decides both how much to keep and how much to write: $h_t = (1 - z_t) ⊙ n_t + z_t ⊙ h_{t-1}$.",
            ))],
            set: "kind=lstm&t=6",
            ask: Some(Ask {
                prompt: t(
                    "같은 은닉 크기 4에서, GRU의 매개변수는 LSTM의 112개보다 많을까요, 적을까요?",
                    "At the same hidden size 4, does the GRU have more or fewer parameters than the LSTM's 112?",
                ),
                then: "kind=gru",
                reading: "params",
                choices: &[
                    (t("더 적다", "Fewer"), Cond::Below(112.0)),
                    (t("더 많다", "More"), Cond::Above(112.0)),
                ],
                why: t(
                    "GRU는 게이트 둘과 후보 하나, 곧 세 묶음의 가중치를 씁니다: 3 × 28 = 84. LSTM은 네 묶음(4 × 28 = 112)입니다. 상태도 $h$ 하나뿐이라 시점마다 넘기는 숫자가 절반입니다.",
                    "The GRU uses two gates and a candidate, three sets of weights: 3 × 28 = 84. The LSTM uses four (4 × 28 = 112). Its state is $h$ alone, so it passes half as many numbers from step to step.",
                ),
            }),
        },
        step_set(
            "kind=gru&cmp=1&t=6",
            &[Block::P(t(
                "\"옆에 함께 보기\"를 켰습니다. GRU 옆에는 LSTM이 같은 입력과 같은 시점 커서로 함께 움직입니다. 어느 셀이 더 나은지는 과제에 따라 다르고, 많은 비교 연구에서 둘의 성능은 비슷했습니다. 셀 종류를 바꿔 가며 값이 어떻게 달라지는지 살펴보세요.",
                "\"Show beside it\" is on: beside the GRU, an LSTM moves with the same input and the same time cursor. Which cell is better depends on the task, and in many comparisons the two performed about the same. Switch between the kinds and compare their values.",
            ))],
        ),
    ],
};
