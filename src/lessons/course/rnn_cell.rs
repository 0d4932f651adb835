//! The RNN cell and its hidden state.

use crate::lessons::{Ask, Block, Cond, Lesson, Preset, SceneBlock, Step, step_set, t};

pub(super) const RNN_CELL: Lesson = Lesson {
    id: "rnn-cell",
    title: t("RNN 셀과 은닉 상태", "The RNN cell and its hidden state"),
    summary: t(
        "이전 시점의 은닉 상태가 현재 계산에 다시 들어가는 과정을 실제 숫자로 따라가 봅니다.",
        "Follow, with real numbers, how the previous hidden state feeds back into the current step.",
    ),
    scene: SceneBlock {
        preset: Preset::Rnn(super::STOCK_H3),
        caption: t(
            "입력: 엿새 동안의 주가를 0과 1 사이로 정규화한 값. 은닉 크기 3, 가중치는 시드 7에서 PyTorch와 같은 방식(균등분포 U(−1/√H, 1/√H))으로 뽑았습니다.",
            "Input: six days of a stock price, scaled to lie between 0 and 1. Hidden size 3; weights drawn from seed 7 the way PyTorch does it (uniform on U(−1/√H, 1/√H)).",
        ),
    },
    steps: &[
        step_set(
            "t=1",
            &[Block::P(t(
                "RNN은 데이터를 한 시점씩 차례로 읽으며, 시점마다 **은닉 상태**(hidden state) $h_t$를 계산해 저장합니다. 오른쪽 그림의 열 하나가 한 시점입니다. 지금은 첫 시점이 열려 있고, 첫 입력 $x_1$을 읽은 은닉 상태의 첫 원소는 {h@1:3}입니다.",
                "An RNN reads its data one time step at a time and computes and keeps a **hidden state** $h_t$ at every step. Each column of the picture is one step. The first step is open: after reading $x_1$, the first entry of the hidden state is {h@1:3}.",
            ))],
        ),
        step_set(
            "t=2",
            &[
                Block::P(t(
                    "두 번째 시점부터는 입력이 둘입니다: **현재 입력** $x_t$와 **이전 시점의 은닉 상태** $h_{t-1}$. 각각에 가중치를 곱하고 편향을 더한 뒤 tanh를 통과시킵니다.",
                    "From the second step on there are two inputs: the **current input** $x_t$ and the **previous hidden state** $h_{t-1}$. Each is multiplied by its weights, the bias is added, and the sum goes through tanh.",
                )),
                Block::Formula("h_t = tanh(W_h h_{t-1} + W_x x_t + b)"),
                Block::Terms(&[
                    (
                        "h_{t-1}",
                        t(
                            "이전 시점의 은닉 상태: 지금까지의 요약",
                            "the previous hidden state: a summary of everything so far",
                        ),
                    ),
                    ("x_t", t("현재 입력값", "the current input")),
                    (
                        "W_h, W_x",
                        t(
                            "가중치 (학습으로 정해지는 행렬). PyTorch의 weight_hh와 weight_ih에 해당하며, 이 강의는 LSTM과 GRU에서도 $W_{h·}$, $W_{x·}$로 씁니다",
                            "weights (matrices that training adjusts): PyTorch's weight_hh and weight_ih. This course writes them $W_{h·}$ and $W_{x·}$ for the LSTM and the GRU too",
                        ),
                    ),
                    (
                        "b",
                        t(
                            "편향 (PyTorch는 b_ih와 b_hh 두 개로 나누어 더합니다)",
                            "the bias (PyTorch splits it into two, b_ih and b_hh, and adds both)",
                        ),
                    ),
                ]),
            ],
        ),
        step_set(
            "t=4",
            &[Block::P(t(
                "아래의 식 패널은 열린 시점의 계산을 실제 숫자로 보여 줍니다: 이전 기억 $W_h h_{t-1}$, 새 입력 $W_x x_t$, 편향, 그리고 그 합이 tanh를 지나 새 은닉 상태가 됩니다. 지금 네 번째 시점의 $h_4$ 첫 원소는 {h@1:3}입니다. ←/→ 키나 버튼으로 시점을 옮겨 보세요.",
                "The equation panel below shows the open step's computation in real numbers: the memory $W_h h_{t-1}$, the new input $W_x x_t$, the bias, and their sum, which tanh turns into the new hidden state. At the fourth step the first entry of $h_4$ is {h@1:3}. Move through time with ←/→ or the buttons.",
            ))],
        ),
        Step {
            blocks: &[Block::P(t(
                "tanh는 값을 −1과 1 사이로 눌러 줍니다. 그렇다면 입력을 아주 크게 하면 어떨까요?",
                "tanh squashes values into (−1, 1). What if the inputs are made very large?",
            ))],
            set: "t=6",
            ask: Some(Ask {
                prompt: t(
                    "입력을 모두 3으로 바꾸면, 은닉 상태의 어떤 원소가 ±1 밖으로 나갈 수 있을까요?",
                    "With every input set to 3, can any entry of the hidden state leave (−1, 1)?",
                ),
                then: "x=3,3,3,3,3,3",
                reading: "hmax",
                choices: &[
                    (t("예, 입력이 크면 나갑니다", "Yes, large inputs push it out"), Cond::Above(1.0)),
                    (
                        t("아니요, tanh가 늘 안쪽에 둡니다", "No, tanh always keeps it inside"),
                        Cond::Below(1.0),
                    ),
                ],
                why: t(
                    "위 값은 모든 시점과 원소에서 가장 큰 $|h_t|$입니다. tanh의 값은 정의상 −1과 1 사이이므로, 합이 아무리 커도 1에 가까워질 뿐 넘지 못합니다.",
                    "That is the largest $|h_t|$ over every step and entry. tanh never leaves (−1, 1): however large the sum, the value only gets closer to 1.",
                ),
            }),
        },
        step_set(
            "x=0.2,0.45,0.4,0.85,1,0.7&t=6",
            &[Block::P(t(
                "**메모리 셀**(RNN 셀)이 값을 \"기억한다\"는 말은 바로 이것입니다: 이전 시점의 은닉 상태 $h_{t-1}$이 현재 은닉 상태 $h_t$를 계산하는 입력으로 다시 쓰입니다. 이 셀은 아직 학습하지 않았기 때문에 숫자 하나하나에 뜻이 있지는 않습니다. 중요한 것은 연결입니다: 모든 $h_t$는 $h_{t-1}$을 거쳐 첫 입력 $x_1$까지 이어져 있습니다.",
                "This is what it means for a **memory cell** (the RNN cell) to \"remember\": the previous hidden state $h_{t-1}$ is used again as an input when $h_t$ is computed. This cell is untrained, so no single number means anything yet. What matters is the wiring: every $h_t$ reaches back through $h_{t-1}$ all the way to the first input $x_1$.",
            ))],
        ),
    ],
};
