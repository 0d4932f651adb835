//! Exploding gradients, and what gradient-norm clipping does to a step.

use crate::lessons::{Block, ClipPreset, Lesson, Scene, t};

pub(super) const EXPLODING: Lesson = Lesson {
    id: "exploding",
    title: t("기울기 폭발과 기울기 클리핑", "Exploding gradients and clipping"),
    summary: t(
        "ρ > 1이면 기울기가 시퀀스 길이와 함께 커집니다. 클리핑이 한 걸음에 무엇을 하고 무엇을 하지 못하는지 잽니다.",
        "Past ρ = 1 the gradient grows with the sequence's length. Measure what clipping does to one step, and what it cannot do.",
    ),
    blocks: &[
        Block::P(t(
            "기울기가 폭발하면 한 번의 갱신이 가중치를 엉뚱한 곳으로 던져 버립니다. 흔한 대처는 **기울기 클리핑**(gradient norm clipping, Pascanu 등, 2013)입니다. 모든 매개변수의 기울기를 한 벡터로 보고, 그 길이 ‖g‖가 임계값 θ를 넘으면 방향은 그대로 두고 길이만 θ로 줄입니다. 아래는 기울기 소실 단원과 같은 RNN(입력 0, $W_h = ρ·Q$)에 길이 T의 시퀀스를 읽히고 마지막 시점의 제곱 오차로 잰 실제 기울기입니다. 이때 k 시점 과거로 보낸 오차에는 정확히 $(ρQ^T)^k$가 곱해지므로, ρ > 1이면 ‖g‖가 $ρ^T$처럼 커집니다.",
            "When the gradient explodes, one update throws the weights somewhere absurd. The usual remedy is **gradient norm clipping** (Pascanu et al. 2013): treat the gradients of all parameters as one vector, and if its length ‖g‖ exceeds a threshold θ, keep its direction and shrink its length to θ. Below is the real gradient of the same RNN as in the vanishing-gradient lesson (zero input, $W_h = ρ·Q$) reading T steps, scored by a squared error at step T. The error sent k steps back is exactly multiplied by $(ρQ^T)^k$, so for ρ > 1 the norm ‖g‖ grows like $ρ^T$.",
        )),
        Block::Scene(Scene::Clipping(ClipPreset {
            rho: 1.3,
            threshold: 1.0,
            lr: 0.1,
            steps: 80,
            hidden: 6,
            seed: 5,
            caption: t(
                "위: 기울기 노름과 실제로 적용한 노름, 임계값 θ. 아래: 같은 가중치에서 한 걸음 갱신하기 전과, 그대로 갱신한 뒤, 클리핑해 갱신한 뒤의 손실. 둘 다 길이 T마다 새로 잰 값입니다.",
                "Above: the gradient norm, the norm actually applied, and the threshold θ. Below: the loss before one step from the same weights, after a raw step, and after a clipped step. Every point is measured afresh for its length T.",
            ),
        })),
        Block::P(t(
            "클리핑은 한 걸음의 크기를 η·θ 이하로 묶어, 폭발한 갱신이 가중치를 날려 버리는 일을 막습니다. 하지만 아래 그래프에서 보듯 손실 곡면이 절벽처럼 가파른 곳에서는 짧은 걸음조차 손실을 키울 수 있습니다. 클리핑은 걸음을 줄일 뿐 절벽을 없애지는 못합니다. 그리고 사라지는 기울기에는 아무 도움이 되지 않습니다. 그래서 LSTM은 구조를 바꾸는 길을 택했습니다. 셀 상태를 따라가는 경로에서는 오차에 망각 게이트 값만 곱해지므로, 게이트가 1 가까이 열려 있는 동안에는 오차가 거의 줄지 않습니다. 그래도 LSTM 역시 학습할 때는 보통 클리핑을 함께 씁니다.",
            "Clipping bounds a step's length by η·θ, so an exploded update cannot fling the weights away. But as the lower plot shows, where the loss surface is a steep cliff even a short step can raise the loss: clipping shortens the step, it does not remove the cliff. And it does nothing for a vanishing gradient. That is why the LSTM changed the structure instead: along the path of its cell state the error is multiplied only by the forget gate, so while that gate stays near 1 the error barely shrinks. LSTMs are still usually trained with clipping as well.",
        )),
    ],
};
