//! The gates: a sigmoid and a pointwise product, one step per gate, with gate surgery.

use crate::lessons::{Ask, Block, Cond, Lesson, Step, step_set, t};

pub(super) const GATES: Lesson = Lesson {
    id: "gates",
    title: t("게이트: 시그모이드와 원소별 곱셈", "Gates: a sigmoid and a pointwise product"),
    summary: t(
        "입력·망각·출력 게이트를 하나씩 열고 닫아 보며, 0은 막고 1은 통과시킨다는 뜻을 숫자로 확인합니다.",
        "Open and close the input, forget and output gates one at a time, and see in numbers that 0 blocks and 1 lets through.",
    ),
    scene: super::lstm_cell::STOCK_LSTM,
    steps: &[
        step_set(
            "t=2&f=off&i=off&o=off&hl=gates",
            &[
                Block::P(t(
                    "게이트는 정보를 선택적으로 더하거나 지웁니다. 각 게이트는 **시그모이드 층**과 **원소별 곱셈**으로 이루어집니다. 시그모이드 σ는 0과 1 사이의 값을 내어 얼마나 통과시킬지 정합니다: 0이면 아무것도 통과시키지 않고, 1이면 모두 통과시킵니다.",
                    "Gates add or remove information selectively. Each gate is a **sigmoid layer** followed by a **pointwise multiplication**. The sigmoid σ outputs values between 0 and 1 that decide how much passes: 0 lets nothing through, 1 lets everything through.",
                )),
                Block::Formula("i_t = σ(W_{xi} x_t + W_{hi} h_{t-1} + b_i)"),
                Block::Formula("f_t = σ(W_{xf} x_t + W_{hf} h_{t-1} + b_f)"),
                Block::Formula("o_t = σ(W_{xo} x_t + W_{ho} h_{t-1} + b_o)"),
                Block::Formula("g_t = tanh(W_{xg} x_t + W_{hg} h_{t-1} + b_g)"),
                Block::P(t(
                    "세 게이트는 모두 같은 $x_t$와 $h_{t-1}$을 읽지만 가중치가 각자 다릅니다. $g_t$는 게이트가 아니라 새로 쓸 **후보** 값이어서 tanh를 씁니다.",
                    "All three gates read the same $x_t$ and $h_{t-1}$, each with its own weights. $g_t$ is not a gate but the **candidate** to be written, so it uses tanh.",
                )),
            ],
        ),
        step_set(
            "t=2&hl=forget",
            &[Block::P(t(
                "**망각 게이트** $f_t$는 이전 셀 상태 $c_{t-1}$을 얼마나 남길지 정합니다. 지금 두 번째 시점의 $f_2$ 첫 원소는 {f@1:3}이므로, $c_1$의 그 원소 가운데 그만큼의 비율이 남습니다. PyTorch는 망각 게이트 편향을 0 근처에서 시작하지만, 많은 구현은 1 이상으로 두어 처음부터 기억하는 쪽으로 기울입니다.",
                "The **forget gate** $f_t$ decides how much of the previous cell state $c_{t-1}$ to keep. At the second step the first entry of $f_2$ is {f@1:3}: that share of $c_1$'s entry stays. PyTorch starts the forget bias near 0, but many implementations set it to 1 or more so that the cell leans towards remembering from the start.",
            ))],
        ),
        step_set(
            "t=2&i=0&hl=input",
            &[Block::P(t(
                "**입력 게이트** $i_t$는 새 후보 $g_t$를 얼마나 받아들일지 정합니다. 입력 게이트를 0으로 고정했습니다: 새로 쓴 몫 $i_2 ⊙ g_2$ = {written@1:3}이 되어, 이 시점의 입력은 벨트에 아무것도 싣지 못합니다.",
                "The **input gate** $i_t$ decides how much of the new candidate $g_t$ to take in. It is clamped to 0: the written part $i_2 ⊙ g_2$ = {written@1:3}, so this step's input puts nothing on the belt.",
            ))],
        ),
        Step {
            blocks: &[Block::P(t(
                "**출력 게이트** $o_t$는 셀 상태 가운데 얼마를 은닉 상태 $h_t$로 내보낼지 정합니다: $h_t = o_t ⊙ tanh(c_t)$. 입력 게이트의 고정은 풀었습니다.",
                "The **output gate** $o_t$ decides how much of the cell state goes out as the hidden state: $h_t = o_t ⊙ tanh(c_t)$. The input gate's clamp is released.",
            ))],
            set: "t=2&i=off&hl=output",
            ask: Some(Ask {
                prompt: t(
                    "출력 게이트를 0으로 고정하면, 셀 상태 $c_2$는 그대로인데 은닉 상태 $h_2$의 첫 원소는 얼마가 될까요?",
                    "Clamp the output gate to 0. The cell state $c_2$ is unchanged; what becomes of the first entry of the hidden state $h_2$?",
                ),
                then: "o=0",
                reading: "h@1",
                choices: &[
                    (t("정확히 0", "Exactly 0"), Cond::Between(0.0, 0.0)),
                    (t("$tanh(c_2)$와 같다", "Equal to $tanh(c_2)$"), Cond::Above(0.0)),
                ],
                why: t(
                    "$h_t = o_t ⊙ tanh(c_t)$에서 $o_t = 0$이면 $h_t$ = 0입니다. 기억은 벨트 위에 그대로 있지만, 이 시점에는 밖으로 읽혀 나가지 않습니다. 다음 시점의 게이트들도 0인 $h_2$를 읽습니다.",
                    "In $h_t = o_t ⊙ tanh(c_t)$, $o_t = 0$ makes $h_t$ = 0. The memory is still on the belt, but at this step none of it is read out; the next step's gates read an $h_2$ of zeros too.",
                ),
            }),
        },
        step_set(
            "t=6&o=off&hl=",
            &[
                Block::Formula("h_t = o_t ⊙ tanh(c_t)"),
                Block::P(t(
                    "정리하면: 입력 게이트는 무엇을 쓸지, 망각 게이트는 무엇을 지킬지, 출력 게이트는 무엇을 읽어 낼지 정합니다. 세 결정 모두 현재 입력과 이전 은닉 상태에서 시점마다 새로 계산됩니다. 게이트를 이리저리 고정해 보며 벨트와 $h_t$가 어떻게 바뀌는지 살펴보세요.",
                    "In short: the input gate decides what to write, the forget gate what to keep, the output gate what to read out. All three decisions are computed afresh at every step from the current input and the previous hidden state. Clamp the gates in different ways and watch the belt and $h_t$ change.",
                )),
            ],
        ),
    ],
};
