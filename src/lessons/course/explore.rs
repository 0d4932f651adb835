//! Explore: any cell, folded or unrolled.

use crate::lessons::{Block, Lesson, Scene, SequencePreset, t};
use crate::model::Activation;

pub(super) const EXPLORE: Lesson = Lesson {
    id: "explore",
    title: t("탐색: 어떤 셀이든 펼쳐 보기", "Explore: unroll any cell"),
    summary: t(
        "RNN, LSTM, GRU를 같은 입력에 돌려 보고, 접힌 고리와 시간 축으로 펼친 모습을 오가며 값을 비교합니다.",
        "Run an RNN, an LSTM and a GRU on the same input, switch between the folded loop and the network unrolled in time, and compare their values.",
    ),
    blocks: &[
        Block::P(t(
            "순환 신경망은 **하나의 셀**을 시점마다 다시 씁니다. 접힌 그림에서는 그 셀 하나와, 은닉 상태 $h_t$가 다음 시점으로 돌아 들어가는 고리만 보입니다. 펼치면 같은 셀이 시점마다 한 번씩 복사된 것처럼 그려집니다: 가중치는 모든 열에서 똑같고, 열마다 다른 것은 입력 $x_t$와 그때의 상태뿐입니다.",
            "A recurrent network reuses **one cell** at every step. Folded, you see that cell and the loop that feeds its hidden state $h_t$ back into the next step. Unrolled, the same cell is drawn once per step: the weights are identical in every column; only the input $x_t$ and the state differ.",
        )),
        Block::P(t(
            "LSTM의 열에는 셀 상태 $c_t$가 컨베이어 벨트처럼 가로질러 흐릅니다. \"옆에 함께 보기\"를 켜면 고른 셀 옆에 비교할 셀(LSTM 옆에는 바닐라 RNN, RNN이나 GRU 옆에는 LSTM)이 같은 입력과 같은 시점 커서로 함께 움직입니다. 은닉 크기와 입력 시퀀스를 바꾸면 모든 값이 다시 계산됩니다.",
            "In the LSTM's columns the cell state $c_t$ runs across like a conveyor belt. Turn on \"show beside it\" to run a second cell next to the chosen one (a vanilla RNN beside either LSTM, an LSTM beside an RNN or a GRU) on the same input and time cursor. Change the hidden size or the input sequence and every value is computed again.",
        )),
        Block::Scene(Scene::Explore(SequencePreset {
            inputs: &[0.14, 0.73, 0.5, 0.61, -0.44, -0.94, -0.32, -0.22, 0.65, 0.99, 0.03, -0.18],
            hidden: 4,
            seed: 11,
            activation: Activation::Tanh,
            caption: t(
                "입력: 음성 같은 파형 12개 표본. 가중치는 시드 11에서 PyTorch 방식으로 뽑은, 학습 전 셀입니다.",
                "Input: twelve samples of a speech-like waveform. Untrained cells with weights drawn from seed 11 the way PyTorch does.",
            ),
        })),
    ],
};
