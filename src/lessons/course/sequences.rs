//! Data that comes in order: why sequences need memory.

use crate::lessons::{Block, Lesson, t};

pub(super) const SEQUENCES: Lesson = Lesson {
    id: "sequences",
    title: t("순서가 있는 데이터", "Data that comes in order"),
    summary: t(
        "왜 어떤 데이터는 앞에서 본 것을 기억해야만 이해할 수 있을까요?",
        "Why can some data only be understood by remembering what came before?",
    ),
    blocks: &[
        Block::P(t(
            "**순환 신경망**(Recurrent Neural Network, RNN)은 순서가 있는 데이터, 곧 **순차 데이터**를 처리하도록 만든 신경망입니다. 각 시점(time step)의 입력을 앞선 시점들과 함께 해석하기 때문에, 자연어·시계열·음성처럼 **시간적 연속성**이 있는 데이터를 다룰 수 있습니다.",
            "A **recurrent neural network** (RNN) is a neural network built for data that arrives in order. It reads each time step's input together with what came before it, which lets it handle data with **continuity in time**: language, time series, speech.",
        )),
        Block::Heading(t("순차 데이터의 특징", "What makes sequential data special")),
        Block::P(t(
            "순차 데이터에서는 한 시점의 값이 앞선 시점의 값과 독립적이지 않고, 서로 강한 상관관계를 가집니다.",
            "In sequential data a value is not independent of the values before it: neighbouring steps are strongly correlated.",
        )),
        Block::List(&[
            t(
                "**자연어**: 단어는 앞에 나온 단어들의 영향을 받아 문장의 의미를 이룹니다. \"금요일이 지나면\" 다음에는 \"주말\"이나 \"토요일\"이 올 것이라고 예상할 수 있습니다.",
                "**Language**: a word takes its meaning from the words before it. After \"once Friday is over\" you can guess that \"the weekend\" or \"Saturday\" comes next.",
            ),
            t(
                "**주식 데이터**: 특정 날짜의 주가는 이전 날짜들의 주가와 추세에 영향을 받습니다.",
                "**Stock prices**: the price on a given day depends on the prices and the trend of the days before it.",
            ),
            t(
                "**음성 데이터**: 발음은 연속적이어서, 한 음소의 소리는 앞뒤 음소와의 관계를 담고 있습니다.",
                "**Speech**: pronunciation is continuous, so the sound of one phoneme carries its relation to the phonemes around it.",
            ),
        ]),
        Block::P(t(
            "보통의 신경망은 입력 하나를 받아 출력 하나를 내고 나면 그 입력을 잊습니다. 순서가 있는 데이터를 다루려면 지금까지 본 것을 요약해 **기억**하는 장치가 필요합니다. 다음 단원에서 그 기억, 곧 은닉 상태 $h_t$가 어떻게 계산되는지 직접 확인합니다.",
            "An ordinary network takes one input, gives one output and forgets the input. Data in order needs something that **remembers** a summary of everything seen so far. In the next lesson you will watch that memory — the hidden state $h_t$ — being computed.",
        )),
    ],
};
