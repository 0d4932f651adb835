//! The LSTM's cell state: a conveyor belt.

use crate::lessons::{Ask, Block, Cond, Lesson, Preset, SceneBlock, Step, step_set, t};

/// The LSTM scene both LSTM lessons start from.
pub(super) const STOCK_LSTM: SceneBlock = SceneBlock {
    preset: Preset::Lstm(super::STOCK_H3),
    caption: t(
        "입력: 앞 단원들과 같은 엿새 동안의 주가(0–1로 정규화). 은닉 크기 3, 가중치는 시드 7에서 PyTorch 방식으로 뽑은 학습 전 LSTM입니다.",
        "Input: the same six days of stock prices as before (scaled to 0–1). Hidden size 3; an untrained LSTM with weights drawn from seed 7 the way PyTorch does.",
    ),
};

pub(super) const LSTM_CELL: Lesson = Lesson {
    id: "lstm-cell",
    title: t("LSTM의 셀 상태: 컨베이어 벨트", "The LSTM's cell state: a conveyor belt"),
    summary: t(
        "LSTM이 RNN에 더한 두 번째 상태, 셀 상태가 시점에서 시점으로 어떻게 실려 가는지 봅니다.",
        "See how the second state the LSTM adds to the RNN, the cell state, is carried from step to step.",
    ),
    scene: STOCK_LSTM,
    steps: &[
        step_set(
            "t=1&f=off&i=off&o=off&hl=belt",
            &[Block::P(t(
                "장기 의존성 문제를 풀기 위해 **LSTM**(Long Short-Term Memory, Hochreiter & Schmidhuber 1997)이 제안되었습니다. LSTM은 RNN의 은닉 상태 $h_t$ 옆에 두 번째 상태인 **셀 상태**(cell state) $c_t$를 두고, 그것을 **게이트**로 다룹니다.",
                "The **LSTM** (Long Short-Term Memory, Hochreiter & Schmidhuber 1997) was proposed to solve the long-term dependency problem. Beside the RNN's hidden state $h_t$ it keeps a second state, the **cell state** $c_t$, and handles it with **gates**.",
            ))],
        ),
        step_set(
            "t=3&hl=belt",
            &[
                Block::P(t(
                    "셀 상태는 셀의 위쪽을 수평으로 흐르는 주요 경로입니다. 정보를 오래 유지하거나 지울 수 있는 **컨베이어 벨트**입니다. 벨트 위에서는 곱셈 하나와 덧셈 하나만 일어납니다.",
                    "The cell state is the main path running horizontally along the top of the cell: a **conveyor belt** that can keep information for a long time, or remove it. Only one multiplication and one addition happen on the belt.",
                )),
                Block::Formula("c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t"),
                Block::P(t(
                    "세 번째 시점의 첫 원소로 보면: 남긴 몫 $f_3 ⊙ c_2$ = {kept@1:3}, 새로 쓴 몫 $i_3 ⊙ g_3$ = {written@1:3}, 그 합 $c_3$ = {c@1:3}입니다.",
                    "In the first entry at the third step: the part kept, $f_3 ⊙ c_2$ = {kept@1:3}; the part written, $i_3 ⊙ g_3$ = {written@1:3}; their sum $c_3$ = {c@1:3}.",
                )),
            ],
        ),
        Step {
            blocks: &[Block::P(t(
                "곱셈을 맡은 것이 **망각 게이트** $f_t$입니다. 값은 0과 1 사이이고, 이전 셀 상태를 얼마나 남길지 정합니다. 게이트를 손으로 고정하는 **게이트 수술**로 확인해 봅시다.",
                "The multiplication belongs to the **forget gate** $f_t$. Its values lie between 0 and 1 and decide how much of the previous cell state to keep. Check it with **gate surgery**: clamping a gate by hand.",
            ))],
            set: "t=3&hl=belt",
            ask: Some(Ask {
                prompt: t(
                    "망각 게이트를 0으로 고정하면, 세 번째 시점의 셀 상태 $c_3$에 $c_2$의 몫은 얼마나 남을까요?",
                    "Clamp the forget gate to 0. How much of $c_2$ is left in the cell state $c_3$?",
                ),
                then: "f=0",
                reading: "kept@1",
                choices: &[
                    (
                        t("하나도 남지 않는다: 남긴 몫이 정확히 0", "None: the kept part is exactly 0"),
                        Cond::Between(0.0, 0.0),
                    ),
                    (t("조금은 남는다", "Some of it is still kept"), Cond::Above(0.0)),
                ],
                why: t(
                    "남긴 몫은 $f_3 ⊙ c_2$이므로 $f = 0$이면 0입니다. 이제 $c_3$은 새로 쓴 몫 $i_3 ⊙ g_3$뿐입니다: 셀이 과거를 완전히 지웠습니다.",
                    "The kept part is $f_3 ⊙ c_2$, so with $f = 0$ it is 0. Now $c_3$ is only the written part $i_3 ⊙ g_3$: the cell has erased its past completely.",
                ),
            }),
        },
        step_set(
            "f=1&t=6&hl=belt",
            &[Block::P(t(
                "이번에는 망각 게이트를 1로 고정했습니다. 이제 벨트 위의 값은 지워지지 않고 더해지기만 합니다: $c_t = c_{t-1} + i_t ⊙ g_t$. 여섯 시점 뒤 $c_6$의 첫 원소는 {c@1:3}이고, 이는 여섯 시점 동안 쓴 몫의 합과 같습니다.",
                "Now the forget gate is clamped to 1: nothing on the belt is erased, only added to, $c_t = c_{t-1} + i_t ⊙ g_t$. After six steps the first entry of $c_6$ is {c@1:3}, the sum of what the six steps wrote.",
            ))],
        ),
        step_set(
            "f=off&t=6&hl=belt",
            &[Block::P(t(
                "고정을 풀었습니다. 학습한 LSTM은 망각 게이트를 스스로 조절해, 기억할 것은 1 가까이 열어 두고 필요 없어진 것은 0 가까이 닫아 지웁니다. 벨트 위에서는 곱셈 하나와 덧셈 하나만 일어나기 때문에, 게이트가 열려 있는 동안 정보는 거의 바뀌지 않은 채로 먼 시점까지 실려 갑니다. 다음 단원에서 게이트 셋을 하나씩 봅니다.",
                "The clamp is released. A trained LSTM sets its forget gate itself: near 1 for what it must remember, near 0 to erase what it no longer needs. Since only one multiplication and one addition happen on the belt, while the gate stays open information travels far almost unchanged. The next lesson takes the three gates one by one.",
            ))],
        ),
    ],
};
