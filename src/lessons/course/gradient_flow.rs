//! Vanishing and exploding gradients, and norm clipping.

use crate::lessons::{Block, ClipPreset, DecayPreset, Lesson, Scene, t};

pub(super) const GRADIENT_FLOW: Lesson = Lesson {
    id: "gradient-flow",
    title: t("기울기 소실과 폭발", "Vanishing and exploding gradients"),
    summary: t(
        "마지막 시점의 오차가 과거로 돌아가는 동안 몇 배가 되는지 직접 재 봅니다.",
        "Measure what happens to the last step's error on its way back into the past.",
    ),
    blocks: &[
        Block::P(t(
            "RNN은 역전파로 학습합니다. 마지막 시점의 오차를 $k$ 시점 전으로 보내려면 야코비안 $∂h_t/∂h_{t-1}$을 $k$번 곱해야 합니다. 한 번 곱할 때마다 오차의 크기는 **많아야** $γ·σ_{max}(W_h)$배가 됩니다(γ는 활성화 함수 도함수의 최댓값으로 tanh는 1, $σ_{max}$는 가장 큰 특이값). 그래서 $γ·σ_{max}(W_h) < 1$이면 기울기는 반드시 지수적으로 **사라집니다**. 반대로 1보다 큰 것은 **폭발**의 필요조건일 뿐이어서, 그렇다고 늘 폭발하지는 않습니다.",
            "An RNN learns by backpropagation. Sending the last step's error $k$ steps back multiplies it by the Jacobian $∂h_t/∂h_{t-1}$ $k$ times. Each factor scales it by **at most** $γ·σ_{max}(W_h)$ (γ is the largest slope of the activation, 1 for tanh; $σ_{max}$ the largest singular value). So if $γ·σ_{max}(W_h) < 1$ the gradient is certain to **vanish** exponentially. A value above 1 is only necessary for it to **explode**: it does not make explosion certain.",
        )),
        Block::Formula("‖∂h_T/∂h_{T-k}‖ ≤ (γ·σ_{max}(W_h))^k"),
        Block::P(t(
            "아래 그래프는 이 페이지가 계산한 실제 야코비안 노름입니다. RNN의 순환 가중치는 $W_h = ρ·Q$($Q$는 직교 행렬)이고 편향은 0입니다. 그래서 입력이 0이면 은닉 상태가 계속 0에 머물러 tanh의 도함수가 1이 되고, 곡선은 정확히 $ρ^k$, 곧 로그 축에서 경사가 $log ρ$인 직선입니다. 이때는 위의 상한도 등호로 성립합니다. ρ를 1 위아래로 움직여 보세요.",
            "The plot below shows the real Jacobian norms this page computed. The RNN's recurrent weights are $W_h = ρ·Q$ with $Q$ orthogonal, and its biases are zero. With zero input the hidden state stays at 0, where tanh has slope 1, so the curve is exactly $ρ^k$ — a straight line of slope $log ρ$ on the log axis — and the bound above holds with equality. Move ρ across 1.",
        )),
        Block::Scene(Scene::GradientDecay(DecayPreset {
            rho: 0.9,
            steps: 60,
            forget_bias: 3.0,
            hidden: 6,
            seed: 5,
            caption: t(
                "은닉 크기 6인 RNN과 LSTM, 같은 입력, 손실은 마지막 은닉 상태 원소의 합. 선 아래로 사라진 값은 ▼로 표시합니다.",
                "An RNN and an LSTM with six hidden units on the same input; the loss is the sum of the last hidden state's entries. Values that fall off the axis are marked ▼ or ▲.",
            ),
        })),
        Block::P(t(
            "같은 그래프의 파란 선과 보라색 선은 LSTM입니다. LSTM은 다음 단원에서 자세히 다루니, 지금은 한 가지만 보아 두세요. 이 설정(망각 게이트 편향 3, 학습 전 가중치)에서 LSTM의 $‖∂h_T/∂h_{T-k}‖$(파란 선)는 모든 지연에서 RNN보다 **아래**에 있습니다. 셀 상태(벨트)를 따라가는 직통 경로 $∏ f$(보라색 점선)는 $σ(3) ≈ 0.95$ 안팎의 값을 거듭 곱하므로 역시 지수적으로 줄지만, $ρ^k$보다는 훨씬 천천히 줄어듭니다. 문제는 오차가 벨트에 오르내릴 때 게이트를 지나야 한다는 점입니다. 망각 게이트를 1로 고정해도 파란 선은 지연 5부터 0.02 안팎에 머뭅니다. 벨트 자체($‖∂c_T/∂c_{T-k}‖$, 보라색 실선)는 1 아래로 내려가지 않는데도 말이죠. 게이트가 이 길을 언제 열지는 학습이 정합니다.",
            "The blue and purple lines of the same plot belong to an LSTM. It is the subject of the next lesson; for now notice one thing. At these settings (forget-gate bias 3, untrained weights) the LSTM's $‖∂h_T/∂h_{T-k}‖$ (blue) lies **below** the RNN's at every lag. The direct path along its cell state (the belt), $∏ f$ (purple, dashed), multiplies factors near $σ(3) ≈ 0.95$, so it too shrinks exponentially, only far more slowly than $ρ^k$. The catch is that an error must pass through gates to get onto the belt and off it again: clamp the forget gate to 1 and from a lag of 5 on the blue line still stays near 0.02, although the belt itself ($‖∂c_T/∂c_{T-k}‖$, solid purple) never drops below 1. When the gates open that road is something training decides.",
        )),
        Block::P(t(
            "기울기가 사라지면 먼 과거의 입력은 가중치를 거의 바꾸지 못합니다. 그래서 RNN은 긴 문장이나 긴 시계열에서 장기 의존성을 배우기 어렵습니다. 반대로 폭발하는 기울기는 학습을 수치적으로 불안정하게 만듭니다.",
            "When the gradient vanishes, inputs from the distant past barely change the weights: this is why an RNN struggles to learn long-term dependencies in long sentences or long time series. An exploding gradient, the other way, makes training numerically unstable.",
        )),
        Block::Heading(t(
            "폭발을 다루는 흔한 방법: 기울기 클리핑",
            "The usual remedy for explosion: norm clipping",
        )),
        Block::P(t(
            "기울기가 폭발하면 한 번의 갱신이 가중치를 엉뚱한 곳으로 던져 버립니다. 흔한 대처는 **기울기 클리핑**(gradient norm clipping, Pascanu 등, 2013)입니다. 모든 매개변수의 기울기를 한 벡터로 보고, 그 길이 ‖g‖가 임계값 θ를 넘으면 방향은 그대로 두고 길이만 θ로 줄입니다. 아래는 위와 같은 RNN(입력 0, $W_h = ρ·Q$)에 길이 T의 시퀀스를 읽히고 마지막 시점의 제곱 오차로 잰 실제 기울기입니다. 이때 k 시점 과거로 보낸 오차에는 정확히 $(ρQ^T)^k$가 곱해지므로, ρ > 1이면 ‖g‖가 $ρ^T$처럼 커집니다.",
            "When the gradient explodes, one update throws the weights somewhere absurd. The usual remedy is **gradient norm clipping** (Pascanu et al. 2013): treat the gradients of all parameters as one vector, and if its length ‖g‖ exceeds a threshold θ, keep its direction and shrink its length to θ. Below is the real gradient of the same RNN as above (zero input, $W_h = ρ·Q$) reading T steps, scored by a squared error at step T. The error sent k steps back is exactly multiplied by $(ρQ^T)^k$, so for ρ > 1 the norm ‖g‖ grows like $ρ^T$.",
        )),
        Block::Scene(Scene::Clipping(ClipPreset {
            rho: 1.3,
            threshold: 1.0,
            lr: 0.1,
            steps: 80,
            hidden: 6,
            seed: 5,
            caption: t(
                "위: 기울기 노름과 실제로 적용한 노름, 임계값 θ. 아래: 같은 가중치에서 한 걸음 갱신하기 전과, 그대로 갱신한 뒤, 잘라서 갱신한 뒤의 손실. 둘 다 길이 T마다 새로 잰 값입니다.",
                "Above: the gradient norm, the norm actually applied, and the threshold θ. Below: the loss before one step from the same weights, after a raw step, and after a clipped step. Every point is measured afresh for its length T.",
            ),
        })),
        Block::P(t(
            "클리핑은 한 걸음의 크기를 η·θ 이하로 묶어, 폭발한 갱신이 가중치를 날려 버리는 일을 막습니다. 하지만 아래 그래프에서 보듯 손실 곡면이 절벽처럼 가파른 곳에서는 짧은 걸음조차 손실을 키울 수 있습니다. 클리핑은 걸음을 줄일 뿐 절벽을 없애지는 못합니다. 그리고 사라지는 기울기에는 아무 도움이 되지 않습니다. 그래서 LSTM은 구조를 바꾸는 길을 택했습니다. 셀 상태를 따라가는 경로에서는 오차에 망각 게이트 값만 곱해지므로, 게이트가 1 가까이 열려 있는 동안에는 오차가 거의 줄지 않습니다. 그래도 LSTM 역시 학습할 때는 보통 클리핑을 함께 씁니다.",
            "Clipping bounds a step's length by η·θ, so an exploded update cannot fling the weights away. But as the lower plot shows, where the loss surface is a steep cliff even a short step can raise the loss: clipping shortens the step, it does not remove the cliff. And it does nothing for a vanishing gradient. That is why the LSTM changed the structure instead: along the path of its cell state the error is multiplied only by the forget gate, so while that gate stays near 1 the error barely shrinks. LSTMs are still usually trained with clipping as well.",
        )),
    ],
};
