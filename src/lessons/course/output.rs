//! The output y_t: what the network says at each step.

use crate::lessons::{Ask, Block, Cond, Lesson, Preset, SceneBlock, Step, step_set, t};

pub(super) const OUTPUT: Lesson = Lesson {
    id: "output",
    title: t("출력 yₜ: 시점마다 내놓는 답", "The output yₜ: an answer at every step"),
    summary: t(
        "은닉 상태에서 출력을 읽어 내는 층을 보고, 학습한 RNN이 시점마다 다음 값을 어떻게 예측하는지 확인합니다.",
        "Meet the layer that reads an output out of the hidden state, and watch a trained RNN predict the next value at every step.",
    ),
    scene: SceneBlock {
        preset: Preset::NextValue(super::SINE_HUMP),
        caption: t(
            "첫 단원과 같은, 미리 학습한 RNN입니다. 막대 위의 점은 각 시점의 출력 $y_t$, 곧 그 시점까지 읽고 내놓은 다음 값의 예측입니다.",
            "The pre-trained RNN of the first lesson. The dot above each bar is that step's output $y_t$: its guess of the next value after reading up to that step.",
        ),
    },
    steps: &[
        step_set(
            "",
            &[
                Block::P(t(
                    "은닉 상태 $h_t$는 신경망 내부의 기억입니다. 바깥에 내놓는 답, 곧 **출력 벡터** $y_t$는 $h_t$에 가중치를 한 번 더 곱해 만듭니다.",
                    "The hidden state $h_t$ is the network's inner memory. Its answer to the outside world, the **output vector** $y_t$, is made by multiplying $h_t$ by one more set of weights.",
                )),
                Block::Formula("y_t = W_y h_t + b_y"),
                Block::P(t(
                    "이 RNN의 출력은 숫자 하나로, 다음 값 $x_{t+1}$의 예측입니다. 마지막 출력 $y_8$ = {pred:3}이 점선 막대입니다.",
                    "This RNN's output is a single number, its prediction of the next value $x_{t+1}$. The last output, $y_8$ = {pred:3}, is the dashed bar.",
                )),
            ],
        ),
        step_set(
            "",
            &[Block::P(t(
                "출력층은 시점마다 똑같은 $W_y$, $b_y$를 씁니다. 그래서 $y_t$가 시점마다 다른 이유는 오로지 $h_t$가 다르기 때문이고, $h_t$는 $x_1$부터 $x_t$까지 모두에 의존합니다. 점들을 보면 신경망이 시퀀스를 읽어 갈수록 예측이 실제 다음 값에 가까워집니다.",
                "The output layer uses the same $W_y$ and $b_y$ at every step, so $y_t$ differs between steps only because $h_t$ does — and $h_t$ depends on all of $x_1$ to $x_t$. Watch the dots: the further the network reads, the closer its guesses come to the real next values.",
            ))],
        ),
        Step {
            blocks: &[Block::P(t(
                "이번에는 꾸준히 오르는 시퀀스를 넣어 봅니다.",
                "Now give it a sequence that climbs steadily.",
            ))],
            set: "",
            ask: Some(Ask {
                prompt: t(
                    "0.1에서 0.8까지 고르게 오르는 여덟 값 뒤에, 이 RNN은 마지막 값 0.8보다 높은 값을 예측할까요?",
                    "After eight values climbing evenly from 0.1 to 0.8, will this RNN predict a value above the last one, 0.8?",
                ),
                then: "x=0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8",
                reading: "rise",
                choices: &[
                    (t("예, 더 높게", "Yes, higher"), Cond::Above(0.0)),
                    (t("아니요, 같거나 낮게", "No, the same or lower"), Cond::Below(0.0)),
                ],
                why: t(
                    "위 값은 예측에서 마지막 값을 뺀 것입니다. 이 RNN은 사인파들의 합으로 학습했기 때문에, 오르는 구간 다음에 무엇이 오는지도 그 경험으로 판단합니다. 곧게 뻗는 직선은 배운 적이 없습니다.",
                    "The value is the prediction minus the last value. This RNN learned from sums of sine waves, so it judges what follows a climb by that experience: it has never seen a straight line go on forever.",
                ),
            }),
        },
        step_set(
            "x=0.5,0.7,0.86,0.95,0.95,0.86,0.7,0.5",
            &[Block::P(t(
                "출력을 어떻게 쓰느냐는 과제에 달렸습니다. 다음 값을 맞히는 이 RNN은 시점마다 출력을 쓰고, 문장 분류처럼 시퀀스 전체에 답 하나가 필요한 과제는 마지막 $y_T$만 씁니다. 뒤의 기억 과제와 언어 단원이 각각 그 예입니다. 학습은 이 출력과 정답의 차이, 곧 **손실**을 줄이는 방향으로 가중치를 고칩니다. 그 방법이 다음 단원의 역전파입니다.",
                "How the outputs are used depends on the task. This next-value RNN uses the output at every step; a task that needs one answer for the whole sequence, such as classifying a sentence, uses only the last $y_T$. The memory task and the language lesson later are one of each. Training changes the weights to shrink the gap between the outputs and the right answers, the **loss**: how it does that is the next lesson, backpropagation.",
            ))],
        ),
    ],
};
