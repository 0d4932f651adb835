//! The RNN cell and its hidden state.

use crate::lessons::{Block, Lesson, Scene, SequencePreset, t};
use crate::model::Activation;

pub(super) const RNN_CELL: Lesson = Lesson {
    id: "rnn-cell",
    title: t("RNN 셀과 은닉 상태", "The RNN cell and its hidden state"),
    summary: t(
        "이전 시점의 은닉 상태가 현재 계산에 다시 들어가는 과정을 실제 숫자로 따라가 봅니다.",
        "Follow, with real numbers, how the previous hidden state feeds back into the current step.",
    ),
    blocks: &[
        Block::P(t(
            "RNN은 데이터를 한 시점씩 차례로 읽으며, 시점마다 **은닉 상태**(hidden state)를 계산해 저장합니다. 핵심은 이전 시점의 정보를 은닉 상태에 담아 두었다가, 현재 입력과 결합해 다음 출력을 계산하는 데 쓴다는 점입니다.",
            "An RNN reads its data one time step at a time and computes and keeps a **hidden state** at every step. The key idea: information from earlier steps is held in the hidden state and combined with the current input to compute the next output.",
        )),
        Block::Heading(t("동작 원리", "How it works")),
        Block::Steps(&[
            t(
                "**입력값** $x_t$와 **이전 시점의 은닉 상태** $h_{t-1}$을 받습니다.",
                "Take the **input** $x_t$ and the **previous hidden state** $h_{t-1}$.",
            ),
            t(
                "각각에 가중치를 곱하고 편향을 더한 뒤, 활성화 함수(여기서는 tanh)를 통과시켜 현재 은닉 상태 $h_t$를 계산합니다.",
                "Multiply each by its weights, add the bias and pass the sum through the activation function (here tanh) to get the current hidden state $h_t$.",
            ),
            t(
                "은닉 상태 $h_t$로 이 시점의 출력값 $y_t$를 만들고, $h_t$는 다음 시점의 계산에 다시 들어갑니다.",
                "The hidden state $h_t$ produces this step's output $y_t$, and $h_t$ itself goes into the next step's computation.",
            ),
        ]),
        Block::Formula("h_t = tanh(W_h h_{t-1} + W_x x_t + b)"),
        Block::Terms(&[
            ("h_t", t("현재 시점의 은닉 상태", "the hidden state at the current step")),
            ("h_{t-1}", t("이전 시점의 은닉 상태", "the hidden state at the previous step")),
            ("x_t", t("현재 입력값", "the current input")),
            (
                "W_h, W_x",
                t(
                    "가중치 (학습으로 정해지는 행렬). PyTorch의 weight_hh와 weight_ih에 해당하며, 이 강의는 LSTM과 GRU에서도 $W_{h·}$, $W_{x·}$로 씁니다",
                    "weights (matrices that training adjusts): PyTorch's weight_hh and weight_ih. This course writes them $W_{h·}$ and $W_{x·}$ for the LSTM and the GRU too",
                ),
            ),
            (
                "b",
                t(
                    "편향 (PyTorch는 b_ih와 b_hh 두 개로 나누어 더합니다)",
                    "the bias (PyTorch splits it into two, b_ih and b_hh, and adds both)",
                ),
            ),
            (
                "tanh",
                t(
                    "활성화 함수: 값을 −1과 1 사이로 눌러 줍니다",
                    "the activation function: squashes values into (−1, 1)",
                ),
            ),
        ]),
        Block::P(t(
            "**메모리 셀**(RNN 셀)이 값을 \"기억한다\"는 말은 바로 이것입니다: 이전 시점의 은닉 상태 $h_{t-1}$이 현재 은닉 상태 $h_t$를 계산하는 입력으로 다시 쓰입니다. 아래에서 시점을 옮기며 식에 들어가는 숫자를 확인해 보세요.",
            "This is what it means for a **memory cell** (the RNN cell) to \"remember\": the previous hidden state $h_{t-1}$ is used again as an input when the current hidden state $h_t$ is computed. Step through time below and check the numbers that go into the formula.",
        )),
        Block::Scene(Scene::RnnSteps(SequencePreset {
            inputs: &[0.20, 0.45, 0.40, 0.85, 1.00, 0.70],
            hidden: 3,
            seed: 7,
            activation: Activation::Tanh,
            caption: t(
                "입력: 엿새 동안의 주가를 0과 1 사이로 정규화한 값. 은닉 크기 3, 가중치는 시드 7에서 PyTorch와 같은 방식(균등분포 U(−1/√H, 1/√H))으로 뽑았습니다.",
                "Input: six days of a stock price, scaled to lie between 0 and 1. Hidden size 3; weights drawn from seed 7 the way PyTorch does it (uniform on U(−1/√H, 1/√H)).",
            ),
        })),
        Block::P(t(
            "이 셀은 아직 학습하지 않았기 때문에 숫자 하나하나에 뜻이 있지는 않습니다. 중요한 것은 연결입니다: 모든 $h_t$는 $h_{t-1}$을 거쳐 첫 입력 $x_1$까지 이어져 있습니다. 이 긴 연결이 바로 뒤에서 다룰 기울기 소실과 폭발의 원인이 됩니다.",
            "This cell has not been trained, so no single number means anything yet. What matters is the wiring: every $h_t$ reaches back through $h_{t-1}$ all the way to the first input $x_1$. That long chain is exactly what causes the vanishing and exploding gradients of the lessons ahead.",
        )),
    ],
};
