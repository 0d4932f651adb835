//! Vanishing gradients: what backpropagation through time does to an error on its way back.

use crate::lessons::{Ask, Block, Cond, DecayPreset, Lesson, Preset, SceneBlock, Step, step_set, t};

/// The decay plot of both gradient lessons: ρ = 0.9, T = 60, six units from seed 5, forget-gate
/// bias 3; the LSTM's curves only once the LSTM has been introduced.
pub(super) const fn decay(lstm: bool) -> Preset {
    Preset::Decay(DecayPreset { rho: 0.9, steps: 60, forget_bias: 3.0, hidden: 6, seed: 5, lstm })
}

pub(super) const GRADIENT_FLOW: Lesson = Lesson {
    id: "gradient-flow",
    title: t("기울기 소실", "Vanishing gradients"),
    summary: t(
        "마지막 시점의 오차가 과거로 돌아가는 동안 몇 배가 되는지 직접 재 봅니다.",
        "Measure what happens to the last step's error on its way back into the past.",
    ),
    scene: SceneBlock {
        preset: decay(false),
        caption: t(
            "은닉 크기 6인 RNN, 입력은 처음에 0, 손실은 마지막 은닉 상태 원소의 합. 가로축은 거슬러 간 시점 수 k, 세로축은 로그 눈금입니다. 축 아래나 위로 벗어난 값은 ▼나 ▲로 표시합니다.",
            "An RNN with six hidden units and, at first, zero input; the loss is the sum of the last hidden state's entries. Across: how many steps back, k; up: a log scale. Values that fall off the axis are marked ▼ or ▲.",
        ),
    },
    steps: &[
        step_set(
            "rho=0.9",
            &[
                Block::P(t(
                    "앞 단원에서 본 대로, 마지막 시점의 오차를 $k$ 시점 전으로 보내려면 야코비안 $∂h_t/∂h_{t-1}$을 $k$번 곱해야 합니다. 그래프는 그 곱의 크기 $‖∂h_T/∂h_{T-k}‖$를 $k$마다 이 페이지에서 계산한 값입니다.",
                    "As the last lesson showed, sending the last step's error $k$ steps back multiplies it by the Jacobian $∂h_t/∂h_{t-1}$ $k$ times. The plot shows the size of that product, $‖∂h_T/∂h_{T-k}‖$, computed on this page for every $k$.",
                )),
                Block::P(t(
                    "이 RNN의 순환 가중치는 $W_h = ρ·Q$($Q$는 직교 행렬)이고 편향은 0입니다. 입력이 0이면 은닉 상태가 계속 0에 머물러 tanh의 기울기가 1이 되고, 곡선은 정확히 $ρ^k$, 곧 로그 축에서 경사가 $log ρ$인 직선이 됩니다.",
                    "This RNN's recurrent weights are $W_h = ρ·Q$ with $Q$ orthogonal, and its biases are zero. With zero input the hidden state stays at 0, where tanh has slope 1, so the curve is exactly $ρ^k$: a straight line of slope $log ρ$ on the log axis.",
                )),
            ],
        ),
        Step {
            blocks: &[Block::P(t(
                "ρ = 0.9는 1보다 조금 작을 뿐입니다.",
                "ρ = 0.9 is only a little below 1.",
            ))],
            set: "rho=0.9",
            ask: Some(Ask {
                prompt: t(
                    "ρ = 0.9일 때, 20 시점을 거슬러 간 $‖∂h_T/∂h_{T-20}‖$은 0.1보다 클까요, 작을까요?",
                    "At ρ = 0.9, is $‖∂h_T/∂h_{T-20}‖$, twenty steps back, above or below 0.1?",
                ),
                then: "",
                reading: "rnn@20",
                choices: &[
                    (t("0.1보다 크다", "Above 0.1"), Cond::Above(0.1)),
                    (t("0.1보다 작다", "Below 0.1"), Cond::Below(0.1)),
                ],
                why: t(
                    "$0.9^{20}$ ≈ 0.12: 한 번에 10 %씩만 줄어도 스무 번이면 처음의 약 8분의 1이 남습니다. 40 시점이면 {rnn@40:4}, 60 시점이면 {rnn@60:5}입니다.",
                    "$0.9^{20}$ ≈ 0.12: losing only 10 % per step, twenty steps leave about an eighth. Forty steps back it is {rnn@40:4}; sixty, {rnn@60:5}.",
                ),
            }),
        },
        step_set(
            "rho=0.9",
            &[
                Block::P(t(
                    "일반적인 경우에도 한 번 곱할 때마다 오차의 크기는 **많아야** $γ·σ_{max}(W_h)$배가 됩니다(Pascanu 등, 2013). γ는 활성화 함수 기울기의 최댓값(tanh는 1, 시그모이드는 1/4)이고, $σ_{max}$는 가장 큰 특이값입니다.",
                    "In general each factor scales the error by **at most** $γ·σ_{max}(W_h)$ (Pascanu et al. 2013). γ is the largest slope of the activation (1 for tanh, 1/4 for the logistic sigmoid) and $σ_{max}$ the largest singular value.",
                )),
                Block::Formula("‖∂h_T/∂h_{T-k}‖ ≤ (γ·σ_{max}(W_h))^k"),
                Block::P(t(
                    "그래서 $γ·σ_{max}(W_h) < 1$이면 기울기는 반드시 지수적으로 **사라집니다**. 이 그래프의 RNN은 $Q$가 직교 행렬이고 편향이 0이어서 $σ_{max} = ρ$, 입력 0에서 상한이 등호로 성립합니다.",
                    "So if $γ·σ_{max}(W_h) < 1$ the gradient is certain to **vanish** exponentially. In this plot's RNN $Q$ is orthogonal and the biases are zero, so $σ_{max} = ρ$, and with zero input the bound holds with equality.",
                )),
            ],
        ),
        step_set(
            "rho=0.9&act=logistic",
            &[Block::P(t(
                "활성화 함수를 시그모이드로 바꾸었습니다. 시그모이드의 기울기는 많아야 1/4이라서 γ = 1/4이고, 곡선은 훨씬 가파르게 떨어집니다. 20 시점 뒤의 값은 {rnn@20:3}입니다.",
                "The activation is now the logistic sigmoid. Its slope is at most 1/4, so γ = 1/4 and the curve falls far more steeply: twenty steps back it is {rnn@20:3}.",
            ))],
        ),
        step_set(
            "rho=0.9&act=tanh&drive=1",
            &[Block::P(t(
                "입력을 0이 아닌 파형으로 바꾸면 은닉 상태가 0에서 벗어나고, tanh의 기울기 $1 - h^2$가 1보다 작아집니다. 그러면 곡선은 $ρ^k$보다 아래로 내려갑니다. 상한은 그대로 지켜집니다.",
                "Drive the network with a waveform instead of zeros and the hidden state leaves 0, where tanh's slope $1 - h^2$ drops below 1. The curve then falls below $ρ^k$; the bound still holds.",
            ))],
        ),
        step_set(
            "drive=0&rho=0.9",
            &[Block::P(t(
                "기울기가 사라지면 먼 과거의 입력은 가중치를 거의 바꾸지 못합니다. 그래서 RNN은 긴 문장이나 긴 시계열에서 **장기 의존성**을 배우기 어렵습니다. ρ를 1보다 크게 하면 같은 곱셈이 반대로 오차를 키웁니다. 이것이 다음 단원의 기울기 폭발입니다.",
                "When the gradient vanishes, inputs from the distant past barely change the weights: this is why an RNN struggles to learn **long-term dependencies** in long sentences or long time series. Push ρ above 1 and the same products make the error grow instead: the exploding gradient of the next lesson.",
            ))],
        ),
    ],
};
