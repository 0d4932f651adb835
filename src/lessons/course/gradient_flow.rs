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
            "RNN은 역전파로 학습합니다. 마지막 시점의 오차를 $k$ 시점 전으로 보내려면 $∂h_t/∂h_{t-1}$을 $k$번 곱해야 합니다. 한 번 곱할 때마다 크기가 대략 $γ·σ_{max}(W)$배가 되므로(γ는 활성화 함수의 최대 기울기, tanh는 1), 이 값이 1보다 작으면 기울기가 지수적으로 **사라지고**, 1보다 크면 지수적으로 **폭발**할 수 있습니다.",
            "An RNN learns by backpropagation. Sending the last step's error $k$ steps back multiplies it by $∂h_t/∂h_{t-1}$ $k$ times. Each factor scales it by at most about $γ·σ_{max}(W)$ (γ is the activation's largest slope, 1 for tanh), so below 1 the gradient **vanishes** exponentially and above 1 it can **explode**.",
        )),
        Block::Formula("‖∂h_T/∂h_{T-k}‖ ≤ (γ·σ_{max}(W_hh))^k"),
        Block::P(t(
            "아래 그래프는 이 페이지가 계산한 실제 야코비안 노름입니다. RNN의 순환 가중치는 스펙트럼 반경이 정확히 ρ가 되도록 만들었고, 입력이 0이면 곡선은 정확히 $ρ^k$입니다: 로그 축에서 기울기가 $log ρ$인 직선이죠. ρ를 1 위아래로 움직여 보세요. LSTM의 셀 상태(벨트)는 망각 게이트 값만큼만 줄어들므로, 망각 게이트 편향을 크게 하거나 1로 고정하면 기울기가 먼 과거까지 살아남습니다.",
            "The plot below shows the real Jacobian norms this page computed. The RNN's recurrent weights are built to have spectral radius exactly ρ, so with zero input the curve is exactly $ρ^k$: a straight line of slope $log ρ$ on the log axis. Move ρ across 1. The LSTM's cell state (the belt) shrinks only by its forget gate, so a large forget-gate bias, or the gate clamped to 1, keeps the gradient alive far into the past.",
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
            "기울기가 사라지면 먼 과거의 입력은 가중치를 거의 바꾸지 못합니다. 이것이 RNN이 긴 문장이나 긴 시계열에서 장기 의존성을 배우지 못하는 이유입니다. 반대로 폭발하는 기울기는 학습을 수치적으로 불안정하게 만듭니다.",
            "When the gradient vanishes, inputs from the distant past barely change the weights: this is why an RNN fails to learn long-term dependencies in long sentences or long time series. An exploding gradient, the other way, makes training numerically unstable.",
        )),
        Block::Heading(t(
            "폭발을 다루는 흔한 방법: 노름 자르기",
            "The usual remedy for explosion: norm clipping",
        )),
        Block::P(t(
            "기울기가 폭발하면 한 번의 갱신이 가중치를 엉뚱한 곳으로 던져 버립니다. 흔한 대처는 **기울기 노름 자르기**(Pascanu 등, 2013)입니다: 모든 매개변수의 기울기를 한 벡터로 보고, 그 길이 ‖g‖가 임계값 θ를 넘으면 방향은 그대로 두고 길이만 θ로 줄입니다. 아래는 위와 같은 RNN(입력 0, W = ρ·Q)을 길이 T까지 읽히고 마지막 시점의 제곱 오차로 잰 실제 기울기입니다. 이때 과거로 보낸 오차는 정확히 $(ρQ^T)^k$를 곱한 값이므로, ρ > 1이면 ‖g‖가 $ρ^T$처럼 커집니다.",
            "When the gradient explodes, one update throws the weights somewhere absurd. The usual remedy is **gradient norm clipping** (Pascanu et al. 2013): treat the gradients of all parameters as one vector, and if its length ‖g‖ exceeds a threshold θ, keep its direction and shrink its length to θ. Below is the real gradient of the same RNN as above (zero input, W = ρ·Q) reading T steps, scored by a squared error at step T. The error sent k steps back is exactly multiplied by $(ρQ^T)^k$, so for ρ > 1 the norm ‖g‖ grows like $ρ^T$.",
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
            "자르기는 한 걸음의 크기를 η·θ 이하로 묶어 폭발한 갱신이 가중치를 날려 버리는 일을 막습니다. 하지만 아래 그래프에서 보듯, 손실 곡면이 절벽처럼 가파른 곳에서는 짧은 걸음조차 손실을 키울 수 있습니다: 자르기는 걸음을 줄일 뿐 절벽을 없애지는 못합니다. 그리고 사라지는 기울기에는 아무 도움도 되지 않습니다. 그래서 LSTM은 다른 길을 택했습니다: 오차가 셀 상태를 따라 거의 1배로 흐르도록 구조 자체를 바꾼 것입니다.",
            "Clipping bounds a step's length by η·θ, so an exploded update cannot fling the weights away. But as the lower plot shows, where the loss surface is a steep cliff even a short step can raise the loss: clipping shortens the step, it does not remove the cliff. And it does nothing for a vanishing gradient. That is why the LSTM took another road: it changed the structure itself, so that the error flows along the cell state multiplied by about 1.",
        )),
    ],
};
