//! The long-term dependency problem, shown on a task: an RNN meets a lag it cannot bridge.

use crate::lessons::{Ask, Block, Cond, Lesson, Preset, RacePreset, SceneBlock, Step, step_set, t};

pub(super) const LONG_TERM: Lesson = Lesson {
    id: "long-term",
    title: t("장기 의존성 문제", "The long-term dependency problem"),
    summary: t(
        "처음 본 기호를 긴 공백 뒤에 떠올리는 과제를 RNN에게 학습시켜, 사라지는 기울기가 무엇을 막는지 봅니다.",
        "Train an RNN to recall a symbol after a long gap, and see what a vanishing gradient keeps it from learning.",
    ),
    scene: SceneBlock {
        preset: Preset::Race(RacePreset { lag: 10, symbols: 4, hidden: 8, budget: 10_000, seed: 1 }),
        caption: t(
            "복사 과제: 기호 4개, 은닉 유닛 8개. 위는 손실, 아래는 정확도이며 가로축은 학습에 쓴 시퀀스의 수입니다. 두 번째 선은 뒤에서 만날 LSTM입니다.",
            "The copy task: four symbols, eight hidden units. Loss above, accuracy below, against the number of training sequences seen. The second line is the LSTM, which you will meet shortly.",
        ),
    },
    steps: &[
        step_set(
            "lag=10",
            &[Block::P(t(
                "과제는 간단합니다. 첫 시점에 네 기호 중 하나가 나오고, 빈 입력이 **지연**(lag)만큼 이어진 뒤, 마지막 시점에 \"떠올려라\" 신호가 옵니다. 그때 처음 본 기호를 맞혀야 합니다. 아무것도 기억하지 못하면 넷 중 하나를 짐작할 수밖에 없으니 정확도는 1/4, 손실(교차 엔트로피)은 $ln 4 ≈ 1.386$입니다. 그래프의 회색 점선이 이 짐작 기준선입니다.",
                "The task is simple. At the first step one of four symbols appears; then blank inputs follow for a **lag** of some steps; at the last step a \"recall\" cue arrives, and the network must name the symbol it saw first. Remembering nothing, it can only guess: accuracy 1/4, loss (cross-entropy) $ln 4 ≈ 1.386$. The grey dashed lines in the plot are this constant guess.",
            ))],
        ),
        step_set(
            "lag=10",
            &[Block::P(t(
                "지연이 10일 때 학습을 시작해 보세요(재생 버튼). 이 설정으로 미리 재 본 결과(테스트가 확인합니다), RNN은 시퀀스 3,000개 안에 정확도 95 % 이상에 이릅니다. 열 시점 정도의 거리는 기울기가 아직 건널 수 있습니다.",
                "Start training at a lag of 10 (the play button). Measured beforehand with this setup (and held by tests), the RNN passes 95 % accuracy within 3,000 sequences: ten steps is a distance the gradient can still cross.",
            ))],
        ),
        Step {
            blocks: &[Block::P(t(
                "이제 지연을 40으로 늘립니다. 학습하기 전에, 신호 시점의 손실이 첫 시점의 기호 입력에 얼마나 의존하는지 $‖∂L/∂x_1‖$을 잴 수 있습니다. 기호를 읽는 가중치를 고칠 수 있는 오차가 바로 이만큼입니다.",
                "Now the lag is 40. Before any training we can measure how much the loss at the cue depends on the symbol's input at the first step, $‖∂L/∂x_1‖$: that is all the error there is to correct the weights that read the symbol.",
            ))],
            set: "lag=40",
            ask: Some(Ask {
                prompt: t(
                    "지연 40에서, 학습 전 RNN의 $‖∂L/∂x_1‖$은 0.000001(10⁻⁶)보다 클까요?",
                    "At a lag of 40, before training, is the RNN's $‖∂L/∂x_1‖$ above 0.000001 (10⁻⁶)?",
                ),
                then: "",
                reading: "rnngrad",
                choices: &[
                    (t("예, 10⁻⁶보다 크다", "Yes, above 10⁻⁶"), Cond::Above(1e-6)),
                    (t("아니요, 10⁻⁶보다 작다", "No, below 10⁻⁶"), Cond::Below(1e-6)),
                ],
                why: t(
                    "41 시점을 거슬러 가는 동안 오차에 한 시점마다 1보다 작은 야코비안이 곱해졌습니다. 이만큼 작은 오차로는 첫 기호를 읽는 가중치가 거의 바뀌지 않습니다.",
                    "On its way back over 41 steps the error was multiplied by a Jacobian smaller than 1 at every step. An error this small barely changes the weights that read the first symbol.",
                ),
            }),
        },
        step_set(
            "lag=40",
            &[Block::P(t(
                "지연 40으로 학습해 보세요. 미리 재 본 결과, 시퀀스 10,000개 뒤에도 RNN은 정확도 45 % 이하(짐작 수준은 25 %)에 머뭅니다. 모자란 것은 학습 신호입니다. 기호를 지연 내내 붙들어 두도록 가르칠 기울기가 첫 시점까지 거의 닿지 않습니다. 이것이 **장기 의존성 문제**입니다.",
                "Train at a lag of 40. Measured beforehand, after 10,000 sequences the RNN is still at 45 % accuracy or less (guessing scores 25 %). What is missing is the learning signal: the gradient that would teach it to hold on to the symbol for the whole lag hardly reaches the first step. This is the **long-term dependency problem**.",
            ))],
        ),
        step_set(
            "lag=40",
            &[Block::P(t(
                "1997년 논문의 실험 2a(지연 100)에서 BPTT와 RTRL로 학습한 순환 신경망은 시퀀스 500만 개 뒤에도 한 번도 성공하지 못했습니다. 같은 과제를 LSTM은 평균 5,040개로 풀었습니다. 다음 단원부터 그 구조를 봅니다.",
                "In the 1997 paper's experiment 2a (lag 100), recurrent networks trained with BPTT and RTRL never succeeded in 5,000,000 sequences. The LSTM solved the same task after 5,040 on average. Its structure is next.",
            ))],
        ),
    ],
};
