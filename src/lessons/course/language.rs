//! Language: a small character-level LSTM trained live on the seed's sentence.

use crate::lessons::{Ask, Block, Cond, LanguagePreset, Lesson, Preset, SceneBlock, Step, step_set, t};

pub(super) const LANGUAGE: Lesson = Lesson {
    id: "language",
    title: t("언어: 문장을 이어 쓰는 LSTM", "Language: an LSTM that finishes the sentence"),
    summary: t(
        "글자 단위 LSTM을 이 페이지에서 학습시켜, 씨앗 문장 \"금요일이 지나면\" 다음을 맞히게 합니다.",
        "Train a character-level LSTM on this page until it knows what comes after the seed's \"금요일이 지나면\".",
    ),
    scene: SceneBlock {
        preset: Preset::Language(LanguagePreset { korean: true, hidden: 32, seed: 1 }),
        caption: t(
            "한 주의 요일을 차례로 적은 짧은 글(한국어 또는 영어)로 학습하는, 은닉 유닛 32개의 글자 단위 LSTM입니다. 학습은 이 페이지의 연구실 모듈에서, 한 화면 갱신마다 12 ms씩 진행됩니다.",
            "A character-level LSTM with 32 hidden units, trained on a short text that walks through the days of the week (Korean or English). It trains in the page's lab module, 12 ms per screen refresh.",
        ),
    },
    steps: &[
        step_set(
            "text=ko",
            &[
                Block::P(t(
                    "첫 단원에서 본 문장, \"금요일이 지나면\" 다음에는 \"주말\"이 올 것 같다고 했습니다. 이제 그 예측을 LSTM이 직접 하게 해 봅니다. 이 LSTM은 글을 **한 글자씩** 읽습니다. 글자마다 입력은 원-핫 벡터이고, 출력은 다음 글자가 무엇일지에 대한 확률 분포(소프트맥스)입니다.",
                    "In the first lesson we guessed that \"the weekend\" comes after \"금요일이 지나면\" (\"once Friday is over\"). Now an LSTM makes that guess. It reads text **one character at a time**: each character goes in as a one-hot vector, and what comes out is a probability distribution (a softmax) over the next character.",
                )),
                Block::P(t(
                    "아직 학습하지 않았으므로, 프롬프트의 글자마다 보이는 예측 세 개는 아무 뜻이 없습니다.",
                    "It has not been trained yet, so the three guesses under each character of the prompt mean nothing.",
                )),
            ],
        ),
        Step {
            blocks: &[Block::P(t(
                "학습은 짧은 글의 조각을 읽히고, 조각의 글자마다 다음 글자의 확률을 높이도록 가중치를 고치는 것입니다. 경주 단원과 같은 방식(Adam, 기울기 클리핑)입니다.",
                "Training shows it windows of the short text and, at every character, nudges the weights to raise the probability of the character that really comes next: the same recipe as the race (Adam, gradient clipping).",
            ))],
            set: "text=ko",
            ask: Some(Ask {
                prompt: t(
                    "학습을 시작하면, 이 LSTM이 \"금요일이 지나면\" 다음을 \" 주말\"로 이어 쓰기까지 학습 시간이 얼마나 걸릴까요?",
                    "Once training starts, how much training time will this LSTM need before it continues \"금요일이 지나면\" with \" 주말\"?",
                ),
                then: "play=1",
                reading: "learned",
                choices: &[
                    (t("5초 안", "Under 5 seconds"), Cond::Below(5000.0)),
                    (t("5초에서 30초 사이", "5 to 30 seconds"), Cond::Between(5000.0, 30000.0)),
                    (t("30초보다 오래", "Over 30 seconds"), Cond::Above(30000.0)),
                ],
                why: t(
                    "위 값은 이어 쓰기가 처음 \" 주말\"로 시작했을 때까지의 학습 시간(밀리초)입니다. 글이 짧고 규칙적이어서, 요일의 순서를 외우는 데 오래 걸리지 않습니다.",
                    "The value is the training time, in milliseconds, until the continuation first began with \" 주말\". The text is short and regular: learning the order of the days does not take long.",
                ),
            }),
        },
        step_set(
            "",
            &[Block::P(t(
                "학습한 뒤에 프롬프트 아래의 표를 보세요. 글자마다 LSTM이 다음에 올 것으로 본 글자 세 개와 그 확률입니다. \"금요일\" 뒤에서는 \"이\"가, \"지나면\" 뒤에서는 공백이 거의 확실해집니다. 지금까지 학습에 쓴 시퀀스는 {seen:0}개입니다. 프롬프트를 바꾸어 다른 요일로 시작해 보세요.",
                "After training, look at the table under the prompt: for every character, the three characters the LSTM expects next and their probabilities. After \"금요일\" it is almost sure of \"이\"; after \"지나면\", of a space. It has seen {seen:0} training sequences so far. Change the prompt and start from another day.",
            ))],
        ),
        step_set(
            "",
            &[Block::P(t(
                "가장 확률이 높은 글자만 고르는 대신, 확률에 따라 글자를 뽑을 수도 있습니다(샘플링). **온도**가 낮으면 거의 가장 확률이 높은 글자만 나오고, 높으면 뜻밖의 글자도 나옵니다. 온도를 바꿔 가며 뽑아 보세요.",
                "Instead of always taking the likeliest character, the model can draw one according to the probabilities (sampling). At a low **temperature** it nearly always takes the likeliest; at a high one, surprising characters appear. Draw samples at a few temperatures.",
            ))],
        ),
        step_set(
            "",
            &[Block::P(t(
                "마지막으로, 글 전체를 은닉 유닛 하나의 값으로 색칠했습니다(LSTMVis가 하는 방식입니다). 파랑은 음수, 빨강은 양수입니다. 유닛을 바꿔 가며, 문장의 시작이나 특정 요일처럼 무언가를 따라가는 유닛을 찾아보세요. 영어 글로 바꾸어 같은 실험을 해 볼 수도 있습니다.",
                "Finally, the whole text is coloured by one hidden unit's value (as LSTMVis does): blue negative, red positive. Switch units and hunt for one that tracks something, such as the start of a sentence or a particular day. You can also switch to the English text and run the same experiment.",
            ))],
        ),
    ],
};
