//! Vanishing gradients: what backpropagation through time does to an error on its way back.

use crate::lessons::{Block, DecayPreset, Lesson, Scene, t};

pub(super) const GRADIENT_FLOW: Lesson = Lesson {
    id: "gradient-flow",
    title: t("기울기 소실", "Vanishing gradients"),
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
            lstm: false,
            caption: t(
                "은닉 크기 6인 RNN, 입력은 처음에 0, 손실은 마지막 은닉 상태 원소의 합. 축 아래나 위로 벗어난 값은 ▼나 ▲로 표시합니다.",
                "An RNN with six hidden units and, at first, zero input; the loss is the sum of the last hidden state's entries. Values that fall off the axis are marked ▼ or ▲.",
            ),
        })),
        Block::P(t(
            "기울기가 사라지면 먼 과거의 입력은 가중치를 거의 바꾸지 못합니다. 그래서 RNN은 긴 문장이나 긴 시계열에서 장기 의존성을 배우기 어렵습니다. ρ를 1보다 크게 하면 같은 곱셈이 반대로 오차를 키웁니다. 이것이 다음 단원의 기울기 폭발입니다.",
            "When the gradient vanishes, inputs from the distant past barely change the weights: this is why an RNN struggles to learn long-term dependencies in long sentences or long time series. Push ρ above 1 and the same products make the error grow instead: the exploding gradient of the next lesson.",
        )),
    ],
};
