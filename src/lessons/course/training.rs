//! Train an RNN and an LSTM side by side.

use crate::lessons::{Ask, Block, Cond, Lesson, Preset, RacePreset, SceneBlock, Step, step_set, t};

pub(super) const TRAINING: Lesson = Lesson {
    id: "training",
    title: t("경주: 누가 더 오래 기억할까", "The race: which one remembers longer?"),
    summary: t(
        "RNN과 LSTM을 같은 과제로 이 페이지에서 학습시키고, 손실과 정확도를 실시간으로 비교합니다.",
        "Train an RNN and an LSTM on the same task right here, and watch their loss and accuracy side by side.",
    ),
    scene: SceneBlock {
        preset: Preset::Race(RacePreset { lag: 40, symbols: 4, hidden: 8, budget: 10_000, seed: 1 }),
        caption: t(
            "복사 과제: 기호 4개, 은닉 유닛 8개. 위는 손실, 아래는 정확도이며 가로축은 학습에 쓴 시퀀스의 수입니다.",
            "The copy task: four symbols, eight hidden units. Loss above, accuracy below, against the number of training sequences seen.",
        ),
    },
    steps: &[
        step_set(
            "lag=40",
            &[Block::P(t(
                "장기 의존성 단원의 과제로 돌아왔습니다. 이번에는 RNN과 LSTM이 나란히 학습합니다. 두 신경망은 은닉 유닛 8개, 같은 시드로 뽑은 가중치, 같은 Adam 학습률 0.01(시퀀스 16개마다 한 번 갱신, 기울기 클리핑 임계값 1), 같은 훈련 시퀀스를 씁니다. 그래프의 점 하나하나는 훈련에 쓰지 않은 시퀀스 128개로 잰 값입니다.",
                "Back to the task of the long-term dependency lesson, this time with an RNN and an LSTM side by side. Both have eight hidden units, weights drawn from the same seed, the same Adam learning rate 0.01 (one update per 16 sequences, gradients clipped at norm 1) and the same stream of training sequences. Every point of the plot is measured on 128 sequences never used for training.",
            ))],
        ),
        Step {
            blocks: &[Block::P(t(
                "그래프 아래의 $‖∂L/∂x_1‖$은 지금의 가중치로 계산한 값으로, 신호 시점의 손실이 맨 처음 본 기호 입력에 얼마나 의존하는지를 나타냅니다.",
                "The $‖∂L/∂x_1‖$ under the plot is computed from the current weights: how much the loss at the cue depends on the symbol's input at the first step.",
            ))],
            set: "lag=40",
            ask: Some(Ask {
                prompt: t(
                    "학습 전, 지연 40에서 LSTM의 $‖∂L/∂x_1‖$은 RNN의 것과 비교해 어떨까요?",
                    "Before training, over a lag of 40, how does the LSTM's $‖∂L/∂x_1‖$ compare with the RNN's?",
                ),
                then: "",
                reading: "gradratio",
                choices: &[
                    (t("비슷하다 (10배 안쪽)", "About the same (within 10×)"), Cond::Between(0.1, 10.0)),
                    (t("LSTM이 1,000배 넘게 크다", "The LSTM's is over 1,000× larger"), Cond::Above(1000.0)),
                    (t("LSTM이 훨씬 작다", "The LSTM's is far smaller"), Cond::Below(0.1)),
                ],
                why: t(
                    "위 값은 LSTM의 $‖∂L/∂x_1‖$을 RNN의 것으로 나눈 비입니다. 학습 전인데도 LSTM의 오차는 벨트를 따라 첫 시점까지 훨씬 많이 살아서 돌아옵니다. 기호를 읽는 가중치를 고칠 신호가 그만큼 큽니다.",
                    "The value is the LSTM's $‖∂L/∂x_1‖$ divided by the RNN's. Even untrained, far more of the LSTM's error makes it back to the first step along the belt: that much more signal to correct the weights that read the symbol.",
                ),
            }),
        },
        step_set(
            "lag=40",
            &[Block::P(t(
                "재생 버튼으로 학습을 시작하세요. 미리 재 본 결과(테스트가 확인합니다), 지연이 40이면 시퀀스 10,000개 뒤에 LSTM은 95 % 이상, RNN은 45 % 이하에 머뭅니다. 지연이 10이면 둘 다 3,000개 안에 95 % 이상에 이릅니다. 지연을 바꿔 가며 RNN이 버티지 못하는 지점을 찾아보세요.",
                "Start training with the play button. Measured beforehand with this setup (and held by tests): at a lag of 40, after 10,000 sequences, the LSTM is at 95 % or more and the RNN at 45 % or less; at a lag of 10 both pass 95 % within 3,000 sequences. Change the lag and find where the RNN stops keeping up.",
            ))],
        ),
        step_set(
            "lag=40",
            &[Block::P(t(
                "LSTM은 기호를 셀 상태(벨트)에 실어 두고, 망각 게이트를 1 가까이 열어 지연 내내 보존했다가, 신호가 오면 출력 게이트로 꺼내도록 배울 수 있습니다. 그러면 오차도 같은 벨트를 따라 조금씩만 줄며 첫 시점까지 돌아갑니다. LSTM이 과제를 풀고 나면 손실이 0에 가까워지므로 $‖∂L/∂x_1‖$도 함께 줄어듭니다. 그래도 LSTM 역시 기울기 클리핑과 함께 학습했다는 점을 잊지 마세요: 구조가 학습을 쉽게 만들 뿐, 늘 안정적으로 만들지는 않습니다.",
                "The LSTM can learn to put the symbol on its cell state (the belt), keep its forget gate near 1 for the whole lag, and read the symbol out through its output gate when the cue comes. The error then travels back along the same belt to the first step, shrinking only a little. Once the LSTM has solved the task its loss approaches zero, and $‖∂L/∂x_1‖$ shrinks with it. Remember that the LSTM too was trained with gradient clipping: its structure makes learning easier, not always stable.",
            ))],
        ),
    ],
};
