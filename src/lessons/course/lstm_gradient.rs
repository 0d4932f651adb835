//! Why the LSTM's gradient survives along its belt, and where it still shrinks.

use crate::lessons::{Block, DecayPreset, Lesson, Scene, t};

pub(super) const LSTM_GRADIENT: Lesson = Lesson {
    id: "lstm-gradient",
    title: t("LSTM의 기울기는 어디로 흐르는가", "Where the LSTM's gradient flows"),
    summary: t(
        "벨트의 직통 경로와 게이트를 지나는 경로를 나누어, RNN과 같은 그래프에서 잽니다.",
        "Separate the belt's direct path from the paths through the gates, and measure both on the RNN's plot.",
    ),
    blocks: &[
        Block::P(t(
            "LSTM에서 오차가 과거로 가는 길은 둘입니다. 하나는 셀 상태(벨트)를 곧장 따라가는 길로, 한 시점마다 망각 게이트 값 $f_t$가 곱해집니다. 다른 하나는 RNN처럼 은닉 상태와 게이트를 지나는 길입니다. 벨트의 직통 경로만 따로 떼어 보면 다음과 같습니다.",
            "In an LSTM an error has two ways back into the past. One follows the cell state (the belt) directly and is multiplied by the forget gate $f_t$ at every step. The other runs, as in an RNN, through the hidden state and the gates. The belt's direct path on its own is",
        )),
        Block::Formula("∂c_T/∂c_{T-k} |_{belt} = diag(f_T ⊙ f_{T-1} ⊙ … ⊙ f_{T-k+1})"),
        Block::Scene(Scene::GradientDecay(DecayPreset {
            rho: 0.9,
            steps: 60,
            forget_bias: 3.0,
            hidden: 6,
            seed: 5,
            lstm: true,
            caption: t(
                "은닉 크기 6인 RNN과 LSTM, 같은 입력, 손실은 마지막 은닉 상태 원소의 합. 축 아래나 위로 벗어난 값은 ▼나 ▲로 표시합니다.",
                "An RNN and an LSTM with six hidden units on the same input; the loss is the sum of the last hidden state's entries. Values that fall off the axis are marked ▼ or ▲.",
            ),
        })),
        Block::P(t(
            "위 그래프는 기울기 소실 단원의 RNN(주황색) 옆에 같은 크기의 학습 전 LSTM을 그립니다. 이 설정(망각 게이트 편향 3, 학습 전 가중치)에서 LSTM의 $‖∂h_T/∂h_{T-k}‖$(파란 선)는 모든 지연에서 RNN보다 **아래**에 있습니다. 셀 상태(벨트)를 따라가는 직통 경로 $∏ f$(보라색 점선)는 $σ(3) ≈ 0.95$ 안팎의 값을 거듭 곱하므로 역시 지수적으로 줄지만, $ρ^k$보다는 훨씬 천천히 줄어듭니다. 문제는 오차가 벨트에 오르내릴 때 게이트를 지나야 한다는 점입니다. 망각 게이트를 1로 고정해도 파란 선은 지연 5부터 0.02 안팎에 머뭅니다. 벨트 자체($‖∂c_T/∂c_{T-k}‖$, 보라색 실선)는 1 아래로 내려가지 않는데도 말이죠. 게이트가 이 길을 언제 열지는 학습이 정합니다.",
            "The plot above puts an untrained LSTM of the same size beside the RNN of the vanishing-gradient lesson (orange). At these settings (forget-gate bias 3, untrained weights) the LSTM's $‖∂h_T/∂h_{T-k}‖$ (blue) lies **below** the RNN's at every lag. The direct path along its cell state (the belt), $∏ f$ (purple, dashed), multiplies factors near $σ(3) ≈ 0.95$, so it too shrinks exponentially, only far more slowly than $ρ^k$. The catch is that an error must pass through gates to get onto the belt and off it again: clamp the forget gate to 1 and from a lag of 5 on the blue line still stays near 0.02, although the belt itself ($‖∂c_T/∂c_{T-k}‖$, solid purple) never drops below 1. When the gates open that road is something training decides.",
        )),
        Block::P(t(
            "그래서 LSTM이 먼 과거를 기억하는 힘은 구조만으로 생기지 않습니다. 학습을 통해 입력 게이트가 기억할 것을 벨트에 싣고, 망각 게이트가 그것을 지키고, 출력 게이트가 필요할 때 꺼내도록 배워야 합니다. 다음 단원에서 RNN과 LSTM을 실제로 학습시켜, 그 차이가 어디서 나는지 봅니다.",
            "So the LSTM's long memory does not come from its structure alone: through training, the input gate has to learn to put what matters onto the belt, the forget gate to keep it there, and the output gate to read it out when it is needed. In the next lesson an RNN and an LSTM are trained side by side, and you can watch where they part.",
        )),
    ],
};
