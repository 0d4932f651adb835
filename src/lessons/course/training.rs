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
            "과제는 간단합니다. 첫 시점에 네 기호 중 하나가 나오고, 빈 입력이 **지연**(lag)만큼 이어진 뒤, 마지막 시점에 \"떠올려라\" 신호가 옵니다. 그때 처음 본 기호를 맞혀야 합니다. 아무것도 기억하지 못하는 신경망은 넷 중 하나를 짐작할 수밖에 없으니 정확도는 1/4, 손실(교차 엔트로피)은 $ln 4 ≈ 1.386$입니다. 그래프의 회색 점선이 이 짐작 기준선입니다.",
            "The task is simple. At the first step one of four symbols appears; then blank inputs follow for a **lag** of some steps; at the last step a \"recall\" cue arrives, and the network must name the symbol it saw first. A network that remembers nothing can only guess: accuracy 1/4, loss (cross-entropy) $ln 4 ≈ 1.386$. The grey dashed lines in the plot are this constant guess.",
        )),
        Block::P(t(
            "두 신경망은 은닉 유닛 8개, 같은 시드로 뽑은 가중치, 같은 Adam 학습률 0.01(시퀀스 16개마다 한 번 갱신, 기울기 클리핑 임계값 1), 같은 훈련 시퀀스를 씁니다. 그래프의 점 하나하나는 훈련에 쓰지 않은 시퀀스 128개로 잰 값입니다. 이 설정으로 미리 재 본 결과(테스트가 확인합니다), 지연이 10이면 둘 다 시퀀스 3,000개 안에 정확도 95 % 이상에 이르고, 지연이 40이면 10,000개 뒤에 LSTM은 95 % 이상, RNN은 45 % 이하(짐작 수준은 25 %)에 머뭅니다. 지연을 바꿔 가며 RNN이 버티지 못하는 지점을 찾아보세요.",
            "Both networks have eight hidden units, weights drawn from the same seed, the same Adam learning rate 0.01 (one update per 16 sequences, gradients clipped at norm 1) and the same stream of training sequences. Every point of the plot is measured on 128 sequences never used for training. Measured beforehand with this setup (and held by tests): at a lag of 10 both pass 95 % accuracy within 3,000 sequences; at a lag of 40, after 10,000 sequences, the LSTM is at 95 % or more and the RNN at 45 % or less (guessing scores 25 %). Change the lag and find where the RNN stops keeping up.",
        )),
        Block::Scene(Scene::TrainingRace(RacePreset {
            lag: 40,
            symbols: 4,
            hidden: 8,
            budget: 10_000,
            seed: 1,
            caption: t(
                "복사 과제: 기호 4개, 은닉 유닛 8개. 위는 손실, 아래는 정확도이며 가로축은 학습에 쓴 시퀀스의 수입니다.",
                "The copy task: four symbols, eight hidden units. Loss above, accuracy below, against the number of training sequences seen.",
            ),
        })),
        Block::P(t(
            "그래프 아래의 $‖∂L/∂x_1‖$은 지금의 가중치로 계산한 값으로, 신호 시점의 손실이 맨 처음 본 기호 입력에 얼마나 의존하는지를 나타냅니다. 기호를 읽는 가중치를 고칠 수 있는 오차가 바로 이만큼입니다. 학습 전, 지연이 40일 때 LSTM의 값은 RNN의 백만 배가 넘습니다(테스트가 확인합니다). LSTM이 과제를 풀고 나면 손실이 0에 가까워지므로 이 값도 함께 줄어듭니다.",
            "The $‖∂L/∂x_1‖$ under the plot is computed from the current weights: how much the loss at the cue depends on the symbol's input at the first step. That is the error available to correct the weights that read the symbol. Before training, over a lag of 40, the LSTM's is more than a million times the RNN's (a test holds this). Once the LSTM has solved the task its loss approaches zero, and this error shrinks with it.",
        )),
        Block::P(t(
            "LSTM은 기호를 셀 상태(벨트)에 실어 두고, 망각 게이트를 1 가까이 열어 지연 내내 보존했다가, 신호가 오면 출력 게이트로 꺼내도록 배울 수 있습니다. 그러면 오차도 같은 벨트를 따라 조금씩만 줄며 첫 시점까지 돌아갑니다. RNN에서는 같은 오차가 매 시점 $∂h_t/∂h_{t-1}$을 곱하며 줄어들기 때문에, 처음 본 기호와 마지막 답을 잇는 가중치가 거의 바뀌지 않습니다. 1997년 논문의 실험 2a(지연 100)에서도 LSTM은 평균 5,040개의 시퀀스로 성공했고, BPTT와 RTRL로 학습한 순환 신경망은 500만 개 뒤에도 한 번도 성공하지 못했습니다.",
            "The LSTM can learn to put the symbol on its cell state (the belt), keep its forget gate near 1 for the whole lag, and read the symbol out through its output gate when the cue comes. The error then travels back along the same belt to the first step, shrinking only a little on the way. In the RNN the same error is multiplied by $∂h_t/∂h_{t-1}$ at every step and shrinks, so the weights that would link the first symbol to the final answer barely change. In the 1997 paper's experiment 2a (lag 100) the LSTM succeeded after 5,040 sequences on average, while recurrent networks trained with BPTT and RTRL never succeeded in 5,000,000.",
        )),
    ],
};
