//! Backpropagation through time, stepped backwards through the unrolled RNN.

use crate::lessons::{Ask, Block, Cond, Lesson, Preset, SceneBlock, Step, step_set, t};

pub(super) const BPTT: Lesson = Lesson {
    id: "bptt",
    title: t("시간을 거슬러 가는 역전파 (BPTT)", "Backpropagation through time (BPTT)"),
    summary: t(
        "마지막 시점의 오차를 펼친 RNN의 열을 따라 한 시점씩 거꾸로 보내 봅니다.",
        "Send the last step's error back through the unrolled RNN, one column at a time.",
    ),
    scene: SceneBlock {
        preset: Preset::Rnn(super::STOCK_H3),
        caption: t(
            "RNN 셀 단원과 같은 셀과 입력. 역전파 보기에서 손실은 $L = $ $h_T$ 원소들의 합이고, 열마다 $∂L/∂h_t$를 보여 줍니다.",
            "The cell and input of the RNN-cell lesson. In the backward view the loss is $L$ = the sum of $h_T$'s entries, and each column shows $∂L/∂h_t$.",
        ),
    },
    steps: &[
        step_set(
            "back=0&t=6",
            &[Block::P(t(
                "학습이란 손실 $L$이 줄어드는 쪽으로 가중치를 조금씩 고치는 일입니다. 그러려면 각 가중치가 $L$에 얼마나 영향을 주는지, 곧 기울기 $∂L/∂W$가 필요합니다. 펼친 RNN은 시점 수만큼 깊은 신경망이므로, 보통의 역전파를 오른쪽 끝에서 왼쪽으로 적용하면 됩니다. 이것을 **시간을 거슬러 가는 역전파**(backpropagation through time, BPTT)라고 합니다.",
                "Training means nudging the weights in the direction that lowers the loss $L$. For that it needs to know how much each weight affects $L$: the gradient $∂L/∂W$. An unrolled RNN is a network as deep as the sequence is long, so ordinary backpropagation applies, from the right end to the left. This is **backpropagation through time** (BPTT).",
            ))],
        ),
        step_set(
            "back=1&t=6",
            &[Block::P(t(
                "역전파 보기로 바꾸었습니다. 손실은 마지막 은닉 상태 원소들의 합이므로, 마지막 열의 오차 $∂L/∂h_6$은 원소마다 1이고 크기는 $√3$ ≈ {g@6:3}입니다.",
                "This is the backward view. The loss is the sum of the last hidden state's entries, so the error at the last column, $∂L/∂h_6$, is 1 in every entry: its size is $√3$ ≈ {g@6:3}.",
            ))],
        ),
        step_set(
            "back=1&t=5",
            &[
                Block::P(t(
                    "한 시점 거슬러 가면, 오차는 그 시점의 야코비안을 곱해 전해집니다. tanh의 도함수 $1 - h_t^2$가 원소마다 곱해지고, 이어서 $W_h$의 전치가 곱해집니다.",
                    "One step back, the error arrives multiplied by that step's Jacobian: tanh's slope $1 - h_t^2$ multiplies each entry, then the transpose of $W_h$.",
                )),
                Block::Formula("∂L/∂h_{t-1} = W_h^T (∂L/∂h_t ⊙ (1 - h_t^2))"),
                Block::P(t(
                    "그래서 $‖∂L/∂h_5‖$ = {g@5:3}입니다. 같은 식으로 각 시점에서 $∂L/∂W_h$에 $(∂L/∂h_t ⊙ (1 - h_t^2)) h_{t-1}^T$가 더해집니다. 모든 열이 같은 $W_h$를 쓰기 때문에, 그 기울기는 열마다 나온 몫의 합입니다.",
                    "So $‖∂L/∂h_5‖$ = {g@5:3}. At every step the same expression adds $(∂L/∂h_t ⊙ (1 - h_t^2)) h_{t-1}^T$ to $∂L/∂W_h$: all columns share $W_h$, so its gradient is the sum of what each column contributes.",
                )),
            ],
        ),
        Step {
            blocks: &[Block::P(t(
                "←를 눌러 첫 시점까지 거슬러 가 보세요. 열의 색이 오차의 크기를 나타냅니다.",
                "Press ← and follow the error back to the first step. Each column's colour shows the size of the error.",
            ))],
            set: "back=1&t=1",
            ask: Some(Ask {
                prompt: t(
                    "첫 시점에 도착한 오차 $‖∂L/∂h_1‖$은 마지막 시점의 $‖∂L/∂h_6‖$보다 클까요, 작을까요?",
                    "Is the error that reaches the first step, $‖∂L/∂h_1‖$, larger or smaller than the last step's, $‖∂L/∂h_6‖$?",
                ),
                then: "",
                reading: "gratio",
                choices: &[
                    (t("더 작다", "Smaller"), Cond::Below(1.0)),
                    (t("더 크다", "Larger"), Cond::Above(1.0)),
                ],
                why: t(
                    "위 값은 $‖∂L/∂h_1‖ / ‖∂L/∂h_6‖$입니다. 이 셀의 가중치는 작고(가장 큰 특이값이 1보다 작습니다) tanh의 기울기도 1 이하라서, 한 시점마다 오차가 줄어듭니다.",
                    "The value is $‖∂L/∂h_1‖ / ‖∂L/∂h_6‖$. This cell's weights are small (its largest singular value is below 1) and tanh's slope is at most 1, so every step back shrinks the error.",
                ),
            }),
        },
        step_set(
            "back=1&t=1",
            &[Block::P(t(
                "다섯 시점만 거슬러 가도 오차가 이만큼 줄었습니다. 시퀀스가 50, 100 시점이라면 어떨까요? 곱셈이 쌓이는 이 구조가 다음 두 단원의 주제, **기울기 소실**과 **기울기 폭발**입니다.",
                "Five steps back and the error has already shrunk this much. What about 50 or 100 steps? This pile-up of products is the subject of the next two lessons: **vanishing** and **exploding gradients**.",
            ))],
        ),
    ],
};
