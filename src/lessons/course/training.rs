//! Train an RNN and an LSTM side by side.

use crate::lessons::{Block, Lesson, RacePreset, Scene, t};

pub(super) const TRAINING: Lesson = Lesson {
    id: "training",
    title: t("직접 학습시켜 보기: 누가 더 오래 기억할까", "Train them: which one remembers longer?"),
    summary: t(
        "RNN과 LSTM을 같은 과제로 이 페이지에서 학습시키고, 손실과 정확도를 실시간으로 비교합니다.",
        "Train an RNN and an LSTM on the same task right here, and watch their loss and accuracy side by side.",
    ),
    blocks: &[
        Block::P(t(
            "과제는 간단합니다. 첫 시점에 네 기호 중 하나가 나오고, 빈 입력이 **지연**(lag)만큼 이어진 뒤, 마지막 시점에 \"떠올려라\" 신호가 옵니다. 그때 처음 본 기호를 맞혀야 합니다. 아무것도 기억하지 못하는 신경망은 찍을 수밖에 없으니 정확도는 1/4, 손실(교차 엔트로피)은 $ln 4 ≈ 1.386$입니다. 그래프의 회색 점선이 이 찍기 기준선입니다.",
            "The task is simple. At the first step one of four symbols appears; then blank inputs follow for a **lag** of some steps; at the last step a \"recall\" cue arrives, and the network must name the symbol it saw first. A network that remembers nothing can only guess: accuracy 1/4, loss (cross-entropy) $ln 4 ≈ 1.386$. The grey dashed lines in the plot are this constant guess.",
        )),
        Block::P(t(
            "두 신경망은 은닉 유닛 8개, 같은 시드로 뽑은 가중치, 같은 Adam 학습률 0.01(16개 수열마다 한 번 갱신, 기울기 노름은 1로 자름), 같은 훈련 수열을 씁니다. 그래프의 점 하나하나는 훈련에 쓰지 않은 128개 수열로 잰 값입니다. 이 설정으로 재 보면 지연이 10일 때는 둘 다 2,000개 남짓의 수열로 배우지만, 지연이 40이면 RNN은 10,000개 뒤에도 찍기 수준에 머물고 LSTM은 수천 개 안에 100%에 도달합니다. 지연을 바꿔 가며 RNN이 포기하는 지점을 찾아보세요.",
            "Both networks have eight hidden units, weights drawn from the same seed, the same Adam learning rate 0.01 (one update per 16 sequences, the gradient norm clipped at 1) and the same stream of training sequences. Every point of the plot is measured on 128 sequences never used for training. Measured with this setup: at a lag of 10 both learn within about 2,000 sequences; at a lag of 40 the RNN is still guessing after 10,000 while the LSTM reaches 100 % within a few thousand. Change the lag and find where the RNN gives up.",
        )),
        Block::Scene(Scene::TrainingRace(RacePreset {
            lag: 40,
            symbols: 4,
            hidden: 8,
            budget: 10_000,
            seed: 1,
            caption: t(
                "복사 과제: 기호 4개, 은닉 유닛 8개. 위는 손실, 아래는 정확도이며 가로축은 학습에 쓴 수열의 수입니다.",
                "The copy task: four symbols, eight hidden units. Loss above, accuracy below, against the number of training sequences seen.",
            ),
        })),
        Block::P(t(
            "LSTM은 기호를 셀 상태(벨트)에 실어 두고, 망각 게이트를 1 가까이 열어 지연 내내 보존했다가, 신호가 오면 출력 게이트로 꺼냅니다. 오차도 같은 벨트를 따라 거의 줄지 않고 첫 시점까지 돌아갑니다. RNN에서는 같은 오차가 매 시점 $∂h_t/∂h_{t-1}$를 곱하며 사라지므로, 처음 본 기호와 마지막 답을 잇는 가중치가 거의 바뀌지 않습니다. 1997년 논문의 실험 2a(지연 100)에서도 LSTM은 평균 5,040개의 수열로 성공했고, BPTT와 RTRL로 학습한 순환 신경망은 500만 개 뒤에도 한 번도 성공하지 못했습니다.",
            "The LSTM puts the symbol on its cell state (the belt), keeps its forget gate near 1 for the whole lag, and reads the symbol out through its output gate when the cue comes. The error travels back along the same belt to the first step almost undiminished. In the RNN the same error is multiplied by $∂h_t/∂h_{t-1}$ at every step and vanishes, so the weights that would link the first symbol to the final answer barely change. In the 1997 paper's experiment 2a (lag 100) the LSTM succeeded after 5,040 sequences on average, while recurrent networks trained with BPTT and RTRL never succeeded in 5,000,000.",
        )),
    ],
};
