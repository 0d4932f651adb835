//! What the memory cell "remembers": the network folded into its loop and unrolled in time.

use crate::lessons::{Ask, Block, Cond, Lesson, Preset, SceneBlock, Step, step_set, t};

pub(super) const UNROLLED: Lesson = Lesson {
    id: "unrolled",
    title: t("접힌 RNN과 펼친 RNN", "The RNN folded and unrolled"),
    summary: t(
        "고리 하나로 그린 RNN과 시간 축으로 펼친 RNN이 같은 계산임을 확인합니다.",
        "See that the RNN drawn as one loop and the RNN unrolled in time are the same computation.",
    ),
    scene: SceneBlock {
        preset: Preset::Explore(super::STOCK_H4),
        caption: t(
            "바닐라 RNN, 은닉 크기 4, 시드 11에서 뽑은 학습 전 가중치. 입력은 앞 단원의 주가입니다.",
            "A vanilla RNN with four hidden units and untrained weights drawn from seed 11, reading the stock prices of the last lesson.",
        ),
    },
    steps: &[
        step_set(
            "kind=rnn&fold=1&t=1",
            &[Block::P(t(
                "교과서의 RNN 그림은 흔히 이렇게 **접혀** 있습니다: 셀 하나와, 그 셀의 출력 $h_t$가 자기 자신에게 돌아 들어가는 **고리** 하나. 고리는 \"다음 시점에 이 값을 다시 쓴다\"는 뜻입니다.",
                "Textbook pictures of an RNN are often **folded** like this: one cell and a **loop** that feeds its output $h_t$ back into itself. The loop means \"use this value again at the next step\".",
            ))],
        ),
        step_set(
            "fold=1&t=3",
            &[Block::P(t(
                "접힌 그림에서 시점을 옮기면, 같은 셀이 세 번째 입력 $x_3$을 읽고 있습니다. 셀은 하나뿐이고 바뀌는 것은 입력과 상태뿐입니다. 지금 $h_3$의 첫 원소는 {h@1:3}입니다.",
                "Move the cursor in the folded picture and the same cell is now reading the third input $x_3$. There is only one cell; only the input and the state change. The first entry of $h_3$ is now {h@1:3}.",
            ))],
        ),
        step_set(
            "fold=0&t=3",
            &[Block::P(t(
                "**펼치면** 같은 셀이 시점마다 한 번씩 그려집니다. 고리는 열과 열 사이의 화살표가 됩니다: $h_{t-1}$이 오른쪽 열로 넘어가 입력이 됩니다. 값은 접힌 그림과 똑같습니다. $h_3$의 첫 원소는 여전히 {h@1:3}입니다.",
                "**Unrolled**, the same cell is drawn once per step, and the loop becomes the arrows between columns: $h_{t-1}$ passes to the column on its right as an input. The values are exactly those of the folded picture: the first entry of $h_3$ is still {h@1:3}.",
            ))],
        ),
        Step {
            blocks: &[Block::P(t(
                "펼친 그림에는 셀이 여섯 개 보이지만, 가중치는 모든 열이 함께 씁니다. 이것을 **가중치 공유**라고 합니다.",
                "The unrolled picture shows six cells, but every column uses the same weights. This is called **weight sharing**.",
            ))],
            set: "fold=0",
            ask: Some(Ask {
                prompt: t(
                    "시퀀스를 두 배(12 시점)로 늘리면, 이 RNN의 매개변수는 몇 개가 될까요? (지금은 {params:0}개)",
                    "Make the sequence twice as long (12 steps). How many parameters does this RNN have then? (Now: {params:0}.)",
                ),
                then: "x=0.2,0.45,0.4,0.85,1,0.7,0.2,0.45,0.4,0.85,1,0.7",
                reading: "params",
                choices: &[
                    (t("그대로 28개", "Still 28"), Cond::Between(28.0, 28.0)),
                    (t("두 배인 56개", "Twice as many, 56"), Cond::Between(56.0, 56.0)),
                ],
                why: t(
                    "펼친 열은 모두 같은 $W_h$(4×4), $W_x$(4×1), 두 편향(4+4)을 씁니다: 16 + 4 + 8 = 28. 시퀀스 길이는 계산 횟수만 바꿉니다.",
                    "Every unrolled column uses the same $W_h$ (4×4), $W_x$ (4×1) and two biases (4 + 4): 16 + 4 + 8 = 28. The sequence length changes only how often they are used.",
                ),
            }),
        },
        step_set(
            "fold=0&t=12",
            &[Block::P(t(
                "펼친 그림은 학습을 이해하는 열쇠이기도 합니다. 펼치면 RNN은 시점 수만큼 깊은 보통의 신경망이 되므로, 역전파를 그대로 쓸 수 있습니다. 다만 오차는 오른쪽 끝에서 왼쪽 끝까지 모든 열을 거슬러 가야 합니다. 그 길이 얼마나 험한지가 다음 단원들의 주제입니다.",
                "The unrolled picture is also the key to training. Unrolled, an RNN is an ordinary network as deep as the sequence is long, so ordinary backpropagation applies. But the error has to travel back through every column, from the right end to the left. How hard that road is, is the subject of the lessons ahead.",
            ))],
        ),
    ],
};
