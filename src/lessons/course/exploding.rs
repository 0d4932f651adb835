//! Exploding gradients, and what gradient-norm clipping does to a step.

use crate::lessons::{Ask, Block, ClipPreset, Cond, Lesson, Preset, SceneBlock, Step, step_set, t};

pub(super) const EXPLODING: Lesson = Lesson {
    id: "exploding",
    title: t("기울기 폭발과 기울기 클리핑", "Exploding gradients and clipping"),
    summary: t(
        "ρ > 1이면 기울기가 시퀀스 길이와 함께 커집니다. 클리핑이 한 걸음에 무엇을 하고 무엇을 하지 못하는지 잽니다.",
        "Past ρ = 1 the gradient grows with the sequence's length. Measure what clipping does to one step, and what it cannot do.",
    ),
    scene: SceneBlock {
        preset: Preset::Clip(ClipPreset { rho: 1.3, threshold: 1.0, lr: 0.1, steps: 80, hidden: 6, seed: 5 }),
        caption: t(
            "위: 기울기 노름과 실제로 적용한 노름, 임계값 θ. 아래: 같은 가중치에서 한 걸음 갱신하기 전과, 그대로 갱신한 뒤, 클리핑해 갱신한 뒤의 손실. 둘 다 길이 T마다 새로 잰 값입니다.",
            "Above: the gradient norm, the norm actually applied, and the threshold θ. Below: the loss before one step from the same weights, after a raw step, and after a clipped step. Every point is measured afresh for its length T.",
        ),
    },
    steps: &[
        step_set(
            "rho=1.3",
            &[Block::P(t(
                "기울기 소실 단원과 같은 RNN(입력 0, $W_h = ρ·Q$)에 길이 T의 시퀀스를 읽히고, 마지막 시점의 제곱 오차로 실제 기울기를 잽니다. $k$ 시점 과거로 보낸 오차에는 정확히 $(ρQ^T)^k$가 곱해지므로, ρ > 1이면 모든 매개변수의 기울기를 모은 벡터의 길이 ‖g‖가 $ρ^T$처럼 커집니다.",
                "The same RNN as in the vanishing-gradient lesson (zero input, $W_h = ρ·Q$) reads T steps and is scored by a squared error at step T. The error sent $k$ steps back is multiplied by exactly $(ρQ^T)^k$, so for ρ > 1 the length ‖g‖ of the gradient of all parameters together grows like $ρ^T$.",
            ))],
        ),
        Step {
            blocks: &[Block::P(t(
                "ρ = 1.3은 1보다 30 % 클 뿐입니다. 40 시점이면 어떻게 될까요?",
                "ρ = 1.3 is only 30 % above 1. What happens over 40 steps?",
            ))],
            set: "rho=1.3",
            ask: Some(Ask {
                prompt: t(
                    "ρ = 1.3, 길이 T = 40일 때 기울기 노름 ‖g‖는 1,000을 넘을까요?",
                    "At ρ = 1.3 and length T = 40, is the gradient norm ‖g‖ above 1,000?",
                ),
                then: "",
                reading: "norm@40",
                choices: &[
                    (t("예, 1,000을 넘는다", "Yes, above 1,000"), Cond::Above(1000.0)),
                    (t("아니요, 1,000 이하다", "No, 1,000 or less"), Cond::Below(1000.0)),
                ],
                why: t(
                    "$1.3^{40}$은 약 36,000입니다. 한 시점에 30 %씩 불어나는 곱은 40 시점이면 수만 배가 됩니다.",
                    "$1.3^{40}$ is about 36,000: a product that grows 30 % per step is tens of thousands of times larger after 40 steps.",
                ),
            }),
        },
        step_set(
            "rho=1.3",
            &[Block::P(t(
                "기울기가 폭발하면 한 번의 갱신이 가중치를 엉뚱한 곳으로 던져 버립니다. 흔한 대처는 **기울기 클리핑**(gradient norm clipping, Pascanu 등, 2013)입니다. 모든 매개변수의 기울기를 한 벡터로 보고, 그 길이 ‖g‖가 임계값 θ를 넘으면 방향은 그대로 두고 길이만 θ로 줄입니다.",
                "When the gradient explodes, one update throws the weights somewhere absurd. The usual remedy is **gradient norm clipping** (Pascanu et al. 2013): treat the gradients of all parameters as one vector, and if its length ‖g‖ exceeds a threshold θ, keep its direction and shrink its length to θ.",
            ))],
        ),
        step_set(
            "rho=1.3",
            &[Block::P(t(
                "클리핑은 한 걸음의 크기를 η·θ 이하로 묶어, 폭발한 갱신이 가중치를 날려 버리는 일을 막습니다. 하지만 아래 그래프에서 보듯 손실 곡면이 절벽처럼 가파른 곳에서는 짧은 걸음조차 손실을 키울 수 있습니다. 클리핑은 걸음을 줄일 뿐 절벽을 없애지는 못합니다.",
                "Clipping bounds a step's length by η·θ, so an exploded update cannot fling the weights away. But as the lower plot shows, where the loss surface is a steep cliff even a short step can raise the loss: clipping shortens the step, it does not remove the cliff.",
            ))],
        ),
        step_set(
            "rho=0.9",
            &[Block::P(t(
                "ρ를 1 아래로 내렸습니다. 이제 기울기는 T와 함께 커지지 않고 줄어듭니다. ‖g‖가 θ 아래에 있는 한 클리핑은 아무것도 바꾸지 않습니다. 사라지는 기울기에는 클리핑이 아무 도움이 되지 않습니다. 다음 단원에서 그 결과를 과제 하나로 확인한 뒤, LSTM이 구조를 바꾸어 이 문제에 어떻게 답했는지 봅니다. LSTM 역시 학습할 때는 보통 클리핑을 함께 씁니다.",
                "ρ is now below 1: the gradient no longer grows with T, it shrinks. Wherever ‖g‖ is below θ, clipping changes nothing; for a vanishing gradient it is no help at all. The next lesson shows what that costs on a task; after it, the LSTM's answer, which changes the structure instead. LSTMs are still usually trained with clipping as well.",
            ))],
        ),
    ],
};
