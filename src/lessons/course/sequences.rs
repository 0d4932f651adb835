//! Data that comes in order: why sequences need memory. The landing lesson.

use crate::lessons::{Block, Lesson, Preset, SceneBlock, step, step_set, t};

pub(super) const SEQUENCES: Lesson = Lesson {
    id: "sequences",
    title: t("순서가 있는 데이터", "Data that comes in order"),
    summary: t(
        "같은 값이라도 순서가 바뀌면 다음에 올 값의 예측이 달라집니다. 직접 섞어 보세요.",
        "The same values in another order lead to another guess of what comes next. Shuffle them and see.",
    ),
    scene: SceneBlock {
        preset: Preset::NextValue(super::SINE_HUMP),
        caption: t(
            "여러 사인파를 섞은 시퀀스로 다음 값을 맞히도록 미리 학습한 작은 RNN입니다. 막대를 끌어 값을 바꾸거나, 섞고 뒤집어 보세요.",
            "A small RNN trained beforehand to predict the next value of mixtures of sine waves. Drag a bar to change a value, or shuffle and reverse them.",
        ),
    },
    steps: &[
        step_set(
            "",
            &[
                Block::P(t(
                    "오른쪽 막대들은 시간 순서대로 들어온 값 여덟 개이고, 맨 끝의 점선 막대는 작은 신경망이 예측한 **다음 값**입니다. 지금 예측은 {pred}입니다. **섞기**를 눌러 같은 값들의 순서만 바꿔 보세요.",
                    "The bars are eight values that arrived one after another, and the dashed bar at the end is the **next value** a small network predicts. Right now it predicts {pred}. Press **shuffle** to change only the order of the same values.",
                )),
                Block::P(t(
                    "값들의 평균 {mean}은 순서와 상관없이 그대로지만, 신경망의 예측은 달라집니다. 이 신경망은 값뿐 아니라 **순서**를 읽습니다.",
                    "The mean of the values, {mean}, does not care about order and stays put; the network's prediction moves. This network reads not only the values but their **order**.",
                )),
            ],
        ),
        step(&[
            Block::P(t(
                "**순환 신경망**(Recurrent Neural Network, RNN)은 이렇게 순서가 있는 데이터, 곧 **순차 데이터**를 처리하도록 만든 신경망입니다. 각 시점(time step)의 입력을 앞선 시점들과 함께 해석하기 때문에, 자연어·시계열·음성처럼 시간적 연속성이 있는 데이터를 다룰 수 있습니다.",
                "A **recurrent neural network** (RNN) is a network built for data like this, data that arrives **in order**. It reads each time step's input together with the steps before it, which lets it handle data with continuity in time: language, time series, speech.",
            )),
            Block::P(t(
                "순차 데이터에서는 한 시점의 값이 앞선 값들과 독립적이지 않고, 서로 강한 상관관계를 가집니다.",
                "In sequential data a value is not independent of the values before it: neighbouring steps are strongly correlated.",
            )),
        ]),
        step(&[Block::List(&[
            t(
                "**자연어**: 단어는 앞에 나온 단어들의 영향을 받아 문장의 의미를 이룹니다. \"금요일이 지나면\" 다음에는 \"주말\"이나 \"토요일\"이 올 것이라고 예상할 수 있습니다.",
                "**Language**: a word takes its meaning from the words before it. After \"once Friday is over\" you expect \"the weekend\" or \"Saturday\".",
            ),
            t(
                "**주식 데이터**: 특정 날짜의 주가는 이전 날짜들의 주가와 추세에 영향을 받습니다.",
                "**Stock prices**: the price on a given day depends on the prices and the trend of the days before it.",
            ),
            t(
                "**음성 데이터**: 발음은 연속적이어서, 한 음소의 소리는 앞뒤 음소와의 관계를 담고 있습니다.",
                "**Speech**: pronunciation is continuous, so the sound of one phoneme carries its relation to the phonemes around it.",
            ),
        ])]),
        step_set(
            "",
            &[
                Block::P(t(
                    "**뒤집기**를 눌러 보세요. 오르던 값이 내려가는 값이 되면, 마지막 값이 같아도 예측이 달라집니다. 마지막 값 하나만 보는 예측(\"내일은 오늘과 같다\")은 이 차이를 알 수 없습니다.",
                    "Press **reverse**. When rising values become falling ones the prediction changes, even where the last value is the same. A forecast that looks only at the last value (\"tomorrow equals today\") cannot see the difference.",
                )),
                Block::P(t(
                    "보통의 신경망은 입력 하나를 받아 출력 하나를 내고 나면 그 입력을 잊습니다. 순서가 있는 데이터를 다루려면 지금까지 본 것을 요약해 **기억**하는 장치가 필요합니다. 다음 단원에서 그 기억, 곧 은닉 상태 $h_t$가 어떻게 계산되는지 직접 확인합니다.",
                    "An ordinary network takes one input, gives one output and forgets the input. Data in order needs something that **remembers** a summary of everything seen so far. In the next lesson you will watch that memory, the hidden state $h_t$, being computed.",
                )),
            ],
        ),
    ],
};
