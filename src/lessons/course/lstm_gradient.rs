//! Why the LSTM's gradient survives along its belt, and where it still shrinks.

use crate::lessons::{Ask, Block, Cond, Lesson, SceneBlock, Step, step_set, t};

pub(super) const LSTM_GRADIENT: Lesson = Lesson {
    id: "lstm-gradient",
    title: t("LSTM의 기울기는 어디로 흐르는가", "Where the LSTM's gradient flows"),
    summary: t(
        "벨트의 직통 경로와 게이트를 지나는 경로를 나누어, RNN과 같은 그래프에서 잽니다.",
        "Separate the belt's direct path from the paths through the gates, and measure both on the RNN's plot.",
    ),
    scene: SceneBlock {
        preset: super::gradient_flow::decay(true),
        caption: t(
            "은닉 크기 6인 RNN과 LSTM, 같은 입력, 손실은 마지막 은닉 상태 원소의 합. 축 아래나 위로 벗어난 값은 ▼나 ▲로 표시합니다.",
            "An RNN and an LSTM with six hidden units on the same input; the loss is the sum of the last hidden state's entries. Values that fall off the axis are marked ▼ or ▲.",
        ),
    },
    steps: &[
        step_set(
            "rho=0.9&fb=3&fopen=0",
            &[
                Block::P(t(
                    "LSTM에서 오차가 과거로 가는 길은 둘입니다. 하나는 셀 상태(벨트)를 곧장 따라가는 길로, 한 시점마다 망각 게이트 값 $f_t$가 곱해집니다. 다른 하나는 RNN처럼 은닉 상태와 게이트를 지나는 길입니다. 벨트의 직통 경로만 떼어 보면:",
                    "In an LSTM an error has two ways back into the past. One follows the cell state (the belt) directly and is multiplied by the forget gate $f_t$ at every step. The other runs, as in an RNN, through the hidden state and the gates. The belt's direct path on its own is",
                )),
                Block::Formula("∂c_T/∂c_{T-k} |_{belt} = diag(f_T ⊙ f_{T-1} ⊙ … ⊙ f_{T-k+1})"),
                Block::P(t(
                    "그래서 \"$∂c_t/∂c_{t-1}$은 $f_t$\"라는 말은 벨트의 직통 경로에만 맞습니다. 게이트가 $h_{t-1}$을 거쳐 $c_{t-1}$에 의존하는 간접 경로도 있기 때문입니다.",
                    "So \"$∂c_t/∂c_{t-1}$ is $f_t$\" holds only for the belt's direct path: the gates also depend on $c_{t-1}$, by way of $h_{t-1}$.",
                )),
            ],
        ),
        step_set(
            "fopen=0",
            &[Block::P(t(
                "그래프는 기울기 소실 단원의 RNN(주황색) 옆에 같은 크기의 학습 전 LSTM을 그립니다. 벨트의 직통 경로 $∏ f$(보라색 점선)는 $σ(3) ≈ 0.95$ 안팎의 값을 거듭 곱하므로 역시 지수적으로 줄지만, $ρ^k$보다는 훨씬 천천히 줄어듭니다. $f ≈ 0.95$라도 20 시점이면 약 0.38배로 줄어드니, \"줄지 않는다\"가 아니라 \"천천히 준다\"입니다.",
                "The plot puts an untrained LSTM of the same size beside the RNN of the vanishing-gradient lesson (orange). The belt's direct path $∏ f$ (purple, dashed) multiplies factors near $σ(3) ≈ 0.95$, so it too shrinks exponentially, only far more slowly than $ρ^k$. Even $f ≈ 0.95$ leaves about 0.38 after 20 steps: not \"no shrinking\" but \"slow shrinking\".",
            ))],
        ),
        step_set(
            "fopen=0",
            &[Block::P(t(
                "그런데 LSTM 전체의 $‖∂h_T/∂h_{T-k}‖$(파란 선)는 이 설정(망각 게이트 편향 3, 학습 전 가중치)에서 모든 지연에서 RNN보다 **아래**에 있습니다. 20 시점이면 RNN은 {rnn@20:3}, LSTM은 {lstm@20:3}입니다. 오차가 벨트에 오르내릴 때 게이트를 지나야 하고, 학습 전의 게이트는 그 길을 넓게 열어 두지 않기 때문입니다.",
                "Yet the LSTM's whole $‖∂h_T/∂h_{T-k}‖$ (blue) lies **below** the RNN's at every lag at these settings (forget bias 3, untrained weights). Twenty steps back the RNN is at {rnn@20:3}, the LSTM at {lstm@20:3}. An error must pass through gates to get onto the belt and off it again, and untrained gates do not hold that road wide open.",
            ))],
        ),
        Step {
            blocks: &[Block::P(t(
                "망각 게이트를 1로 고정하면 벨트는 1997년 원래 LSTM의 \"상수 오차 회전목마\"(CEC)가 됩니다: 직통 경로에서는 오차가 조금도 줄지 않습니다.",
                "Clamp the forget gate to 1 and the belt becomes the 1997 LSTM's \"constant error carousel\" (CEC): along the direct path the error does not shrink at all.",
            ))],
            set: "fopen=0",
            ask: Some(Ask {
                prompt: t(
                    "망각 게이트를 1로 고정하면, LSTM의 $‖∂h_T/∂h_{T-20}‖$(파란 선)도 1 가까이 머물까요?",
                    "With the forget gate clamped to 1, does the LSTM's $‖∂h_T/∂h_{T-20}‖$ (blue) stay near 1 too?",
                ),
                then: "fopen=1",
                reading: "lstm@20",
                choices: &[
                    (t("예, 0.5 이상", "Yes, 0.5 or more"), Cond::Above(0.5)),
                    (t("아니요, 훨씬 아래", "No, far below"), Cond::Below(0.5)),
                ],
                why: t(
                    "벨트 자체 $‖∂c_T/∂c_{T-20}‖$(보라색 실선)는 {belt@20:2}로 1보다 작지 않지만, $h_T$에서 벨트로 내려가고 벨트에서 $h_{T-20}$으로 올라오는 길에서 게이트 값(1보다 작은 $o$, $i$)과 tanh의 기울기가 곱해집니다. 벨트 값이 1이 아닌 것도 게이트를 지나는 간접 경로 때문입니다.",
                    "The belt itself, $‖∂c_T/∂c_{T-20}‖$ (solid purple), is {belt@20:2}, not below 1; but on the way from $h_T$ down to the belt and from the belt up to $h_{T-20}$ the error is multiplied by gate values ($o$, $i$, below 1) and tanh slopes. That the belt reads other than exactly 1 is also the indirect paths through the gates.",
                ),
            }),
        },
        step_set(
            "fopen=0",
            &[Block::P(t(
                "그래서 LSTM이 먼 과거를 기억하는 힘은 구조만으로 생기지 않습니다. 학습을 통해 입력 게이트가 기억할 것을 벨트에 싣고, 망각 게이트가 그것을 지키고, 출력 게이트가 필요할 때 꺼내도록 배워야 합니다. 구조가 주는 것은 그렇게 배울 수 있는 **길**입니다: 게이트가 열리면 오차가 거의 줄지 않고 지나는 길. 뒤의 경주 단원에서 학습한 LSTM이 실제로 그 길을 쓰는 것을 봅니다.",
                "So the LSTM's long memory does not come from its structure alone: through training, the input gate has to learn to put what matters on the belt, the forget gate to keep it there, and the output gate to read it out when needed. What the structure provides is a **road** that can be learned: once the gates open, an error passes along it barely shrinking. In the race lesson you will see a trained LSTM use that road.",
            ))],
        ),
    ],
};
