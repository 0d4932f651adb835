//! Every string the interface itself shows (lesson prose lives in `lessons`), in both languages.
//! The macro makes a key without both translations impossible; a test rejects empty ones.

use crate::text::{Lang, Text, t};

macro_rules! messages {
    ($($key:ident => $ko:literal, $en:literal;)*) => {
        /// A message of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key),* }

        impl Key {
            /// Every key, for tests.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            /// The message in both languages.
            pub fn text(self) -> Text {
                match self { $(Key::$key => t($ko, $en)),* }
            }
        }
    };
}

messages! {
    SceneRnnTitle => "살아 있는 RNN 셀", "A live RNN cell";
    UnrolledLabel => "시간 축으로 펼친 RNN: 각 열이 한 시점입니다. 열을 누르면 그 시점을 엽니다.", "The RNN unrolled in time: each column is one time step. Select a column to open that step.";
    StepPrevious => "이전 시점", "Previous step";
    StepNext => "다음 시점", "Next step";
    StepFirst => "처음으로", "First step";
    StepLast => "마지막으로", "Last step";
    StepOf => "시점", "Step";
    Play => "재생", "Play";
    ForwardMode => "순전파", "Forward";
    BackwardMode => "역전파", "Backward";
    PassMode => "보기", "Show";
    BackwardIntro => "손실 L = h_T 원소들의 합. 마지막 시점의 오차가 은닉 경로(∂L/∂h)와 컨베이어 벨트(∂L/∂c)를 따라 과거로 흘러갑니다. ←로 한 시점씩 거슬러 올라가 보세요.", "Loss L = the sum of h_T's entries. The error at the last step flows into the past along the hidden path (∂L/∂h) and along the conveyor belt (∂L/∂c). Press ← to follow it back one step at a time.";
    RnnBackwardIntro => "손실 L = h_T 원소들의 합. 칸마다 그 시점에 도착한 오차의 크기 ‖∂L/∂h_t‖입니다. ←로 한 시점씩 거슬러 올라가 보세요.", "Loss L = the sum of h_T's entries. Each box is the size of the error that reaches that step, ‖∂L/∂h_t‖. Press ← to follow it back one step at a time.";
    SequenceLabel => "입력 시퀀스 (쉼표로 구분, Enter로 적용)", "Input sequence (comma-separated, Enter to apply)";
    SequenceChoices => "예시 시퀀스", "Example sequences";
    Pause => "일시 정지", "Pause";
    PlaySpeed => "재생 속도", "Playback speed";
    SceneLstmTitle => "살아 있는 LSTM 셀", "A live LSTM cell";
    LstmDiagramLabel => "열린 LSTM 셀: 위쪽의 컨베이어 벨트가 셀 상태를 나르고, 아래의 게이트가 쓰고 지우고 읽습니다.", "The LSTM cell opened up: the conveyor belt along the top carries the cell state; the gates below write, erase and read it.";
    KeyboardHint => "장면을 선택한 뒤 ←/→: 한 시점, Home/End: 처음/끝, 스페이스: 재생/정지", "Select the scene, then ←/→: one step, Home/End: first/last, space: play/pause";
    GateSurgery => "게이트 고정 (게이트 수술)", "Gate surgery: clamp a gate";
    GateFree => "계산된 값 사용", "computed";
    GateClamped => "고정", "clamped to";
    InputGate => "입력 게이트 i", "input gate i";
    ForgetGate => "망각 게이트 f", "forget gate f";
    OutputGate => "출력 게이트 o", "output gate o";
    Candidate => "후보 g", "candidate g";
    CellPrev => "이전 셀 상태", "previous cell state";
    CellNow => "새 셀 상태", "new cell state";
    HiddenPrev => "이전 은닉 상태", "previous hidden state";
    HiddenNow => "새 은닉 상태", "new hidden state";
    InputNow => "입력", "input";
    EquationsHeading => "이 시점의 식과 값", "This step's equations, with values";
    RecurrentPart => "이전 기억", "memory";
    InputPart => "새 입력", "new input";
    BiasPart => "편향", "bias";
    SumPart => "합", "sum";
    NewState => "새 은닉 상태", "new hidden state";
    WeightsHeading => "이 층의 가중치 (PyTorch 이름)", "This layer's weights (PyTorch names)";
    ValueLegend => "색: 음수는 파랑, 양수는 주황, 0은 흰색", "Colour: negative is blue, positive is orange, zero is white";
    ModelError => "이 장면을 계산할 수 없습니다", "This scene could not be computed";
    SceneExploreTitle => "셀 탐색기", "Cell explorer";
    CellKindLabel => "셀 종류", "Cell";
    KindRnn => "바닐라 RNN", "Vanilla RNN";
    KindLstm => "LSTM", "LSTM";
    KindGru => "GRU", "GRU";
    KindLstm1997 => "LSTM (1997)", "LSTM (1997)";
    CecLoop => "고정된 1 (CEC)", "fixed 1 (CEC)";
    HiddenSize => "은닉 크기 H", "Hidden size H";
    Fold => "접기", "Fold";
    Unfold => "펼치기", "Unfold";
    CompareBeside => "옆에 함께 보기:", "Show beside it:";
    ExploreUnrolledLabel => "시간 축으로 펼친 셀: 각 열이 한 시점이고, 네모 하나가 한 유닛의 값입니다. 열을 누르면 그 시점을 엽니다.", "The cell unrolled in time: each column is one step and each square one unit's value. Select a column to open that step.";
    OpenStep => "열린 시점", "Open step";
    SceneDecayTitle => "기울기가 시간을 거슬러 가며 얼마나 남는가", "How much gradient survives the trip back in time";
    DecayRnn => "RNN ‖∂h(T) / ∂h(T−k)‖", "RNN ‖∂h(T) / ∂h(T−k)‖";
    DecayBound => "RNN 상한 (γ·σmax)ᵏ", "RNN bound (γ·σmax)ᵏ";
    DecayLstm => "LSTM ‖∂h(T) / ∂h(T−k)‖", "LSTM ‖∂h(T) / ∂h(T−k)‖";
    DecayBelt => "LSTM 벨트 ‖∂c(T) / ∂c(T−k)‖", "LSTM belt ‖∂c(T) / ∂c(T−k)‖";
    DecayBeltPath => "벨트 직통 경로 ∏ f", "belt's direct path ∏ f";
    DecayRnnLoss => "RNN ‖∂L / ∂h(T−k)‖", "RNN ‖∂L / ∂h(T−k)‖";
    DecayBoundLoss => "RNN 상한 ‖∂L / ∂h(T)‖·(γ·σmax)ᵏ", "RNN bound ‖∂L / ∂h(T)‖·(γ·σmax)ᵏ";
    DecayLstmLoss => "LSTM ‖∂L / ∂h(T−k)‖", "LSTM ‖∂L / ∂h(T−k)‖";
    DecayYAxisLoss => "손실 기울기의 노름 (로그 축)", "loss gradient norm (log axis)";
    DecayQuantity => "그릴 값", "What to plot";
    DecayShowJacobian => "야코비안 ‖∂h(T)/∂h(T−k)‖", "Jacobian ‖∂h(T)/∂h(T−k)‖";
    DecayShowLoss => "손실 기울기 ‖∂L/∂h(T−k)‖", "loss gradient ‖∂L/∂h(T−k)‖";
    DecayXAxis => "시차 k (몇 시점 거슬러 갔는가)", "lag k (steps back in time)";
    DecayYAxis => "야코비안 노름 (로그 축)", "Jacobian norm (log axis)";
    DecayRho => "RNN 순환 가중치의 스펙트럼 반경 ρ", "RNN recurrent weights' spectral radius ρ";
    DecaySteps => "시퀀스 길이 T", "Sequence length T";
    DecayForgetBias => "LSTM 망각 게이트 편향", "LSTM forget-gate bias";
    DecayActivation => "RNN 활성화 함수", "RNN activation";
    DecayForgetOpen => "망각 게이트를 1로 고정", "Clamp the forget gate to 1";
    DecayDriven => "파형 입력으로 구동 (끄면 x = 0)", "Drive with a waveform (off: x = 0)";
    DecayPlotLabel => "시차에 따른 기울기 크기의 로그 그래프: RNN, 그 상한, LSTM, LSTM 벨트", "Gradient size against lag on a log axis: RNN, its bound, LSTM and the LSTM's belt";
    DecayAxisRange => "세로축 범위", "Vertical axis";
    DecayBelow => "개 값은 축 아래로 사라져 아래 가장자리에 표시", "values fell below the axis, marked on the bottom edge";
    DecayAbove => "개 값은 축 위로 넘쳐 위 가장자리에 표시", "values overflowed the axis, marked on the top edge";
    ExportLabel => "내보내기", "Export";
    DecayLag => "강조할 시차 k", "Lag k to highlight";
    DecayPathLabel => "펼친 시간 축: 각 칸이 한 시점이며, 마지막 시점의 오차가 그 시점까지 얼마나 도달하는지로 칠해져 있습니다. 칸을 누르면 그 경로를 강조합니다.", "Unrolled in time: each box is one step, shaded by how much of the error at the last step reaches it. Select a box to highlight its path.";
    DecayPathHint => "그래프나 아래 칸을 눌러 시차 k의 경로를 강조하세요. 진할수록 기울기가 많이 남고, 빨간색은 1보다 커진(폭발하는) 값입니다.", "Click the plot or a box below to highlight the path of lag k. Darker means more gradient survives; red means it grew past 1 (exploding).";
    DecayPathStep => "시점", "step";
    DecayPathBelt => "벨트", "belt";
    HeatTitle => "시간에 따른 게이트와 상태", "Gates and states over time";
    HeatCaption => "행 하나가 유닛 하나, 열 하나가 한 시점입니다. 테두리 친 열이 커서의 시점이며, 열을 누르면 그 시점을 엽니다. 게이트는 0(흰색)에서 1(청록)까지, 상태는 파랑(음수)–흰색–주황(양수)입니다.", "Each row is one unit and each column one step; the outlined column is the cursor's step, and clicking a column opens it. Gates run from 0 (white) to 1 (teal); states from blue (negative) through white to orange (positive).";
    HeatForget => "망각 게이트 f", "forget gate f";
    HeatInput => "입력 게이트 i", "input gate i";
    HeatOutput => "출력 게이트 o", "output gate o";
    HeatCell => "셀 상태 c", "cell state c";
    HeatUpdate => "업데이트 게이트 z", "update gate z";
    HeatReset => "리셋 게이트 r", "reset gate r";
    HeatHidden => "은닉 상태 h", "hidden state h";
    HeatStepAxis => "시점 t", "step t";
    SceneRaceTitle => "RNN과 LSTM, 같은 과제로 학습 경주", "An RNN and an LSTM race on the same task";
    RaceLag => "지연 (기호와 신호 사이 시점 수)", "Lag (steps between the symbol and the cue)";
    RaceTrain => "학습 시작", "Train";
    RacePause => "일시 정지", "Pause";
    RaceReset => "처음부터", "Start over";
    RaceRnn => "RNN", "RNN";
    RaceLstm => "LSTM", "LSTM";
    RaceGuess => "짐작 기준선", "constant guess";
    RaceLoss => "손실 (교차 엔트로피)", "loss (cross-entropy)";
    RaceAccuracy => "정확도", "accuracy";
    RaceSeen => "학습한 시퀀스", "sequences seen";
    RaceSymbolGradient => "신호의 오차가 기호 입력까지 돌아간 크기 ‖∂L/∂x₁‖:", "The cue's error back at the symbol's input, ‖∂L/∂x₁‖:";
    RaceStopped => "학습이 멈췄습니다", "Training stopped";
    SceneClipTitle => "폭발하는 기울기와 기울기 클리핑", "Exploding gradients and norm clipping";
    ClipRaw => "기울기 노름 ‖g‖", "gradient norm ‖g‖";
    ClipApplied => "실제 적용한 노름 min(‖g‖, θ)", "norm applied, min(‖g‖, θ)";
    ClipThreshold => "임계값 θ", "threshold θ";
    ClipLossBefore => "갱신 전 손실", "loss before the step";
    ClipLossRaw => "그대로 갱신한 뒤", "after a raw step";
    ClipLossClipped => "클리핑해 갱신한 뒤", "after a clipped step";
    ClipLength => "시퀀스 길이 T", "sequence length T";
    ClipNormAxis => "노름 (로그 축)", "norm (log axis)";
    ClipLossAxis => "손실 (로그 축)", "loss (log axis)";
    ClipThresholdControl => "클리핑 임계값 θ", "Clipping threshold θ";
    ClipLearningRate => "학습률 η", "Learning rate η";
    ClipMarked => "자세히 볼 길이 T", "Length T to inspect";
    ClipAppliedShort => "적용", "applied";
    ClipScaledBy => "배율", "scaled by";
    ClipStep => "한 걸음의 크기", "step length";
    ClipRawShort => "(그대로)", "(raw)";
    ClipClippedShort => "(클리핑)", "(clipped)";
    LabLoading => "그래프 모듈을 불러오는 중…", "Loading the plot module…";
    LabFailed => "그래프 모듈을 불러오지 못했습니다", "The plot module could not be loaded";
    PlotFailed => "그래프를 그리지 못했습니다", "The plot could not be drawn";
    LabCrashed => "그래프 모듈이 내부 오류로 멈췄습니다. 다음에 조작하면 새로 불러옵니다", "The plot module stopped on an internal error. It will be loaded afresh on your next change";
    GruDiagramLabel => "열린 GRU 셀: 위쪽 선이 은닉 상태를 나르고, 업데이트 게이트 z가 그 일부를 지키며 나머지를 후보 n으로 채웁니다. 리셋 게이트 r은 후보가 이전 상태를 얼마나 읽을지 정합니다.", "The GRU cell opened up: the line along the top carries the hidden state; the update gate z keeps part of it and fills the rest with the candidate n; the reset gate r decides how much of the old state the candidate reads.";
    GruUpdate => "업데이트 게이트 z", "update gate z";
    GruReset => "리셋 게이트 r", "reset gate r";
    GruCandidate => "후보 n", "candidate n";
    InputMode => "입력", "Input";
    NumbersMode => "숫자", "Numbers";
    TextMode => "글자", "Text";
    SaveWeightsOf => "가중치 저장 (PyTorch)", "Save weights (PyTorch)";
    InputTooLong => "입력이 시점 {has}개입니다. 이 모델로는 시점 {most}개까지 계산합니다(시점 × 층 × H ≤ 1,048,576). 더 짧은 CSV를 여세요.", "The input has {has} steps; with this model the page runs at most {most} (steps × layers × H ≤ 1,048,576). Open a shorter CSV.";
    InputMismatch => "이 모델은 시점마다 수 {wants}개를 읽는데, 지금 입력은 시점마다 {has}개입니다. 열이 {wants}개인 CSV를 열어 주세요.", "This model reads {wants} numbers per step, but the input has {has} per step. Open a CSV with {wants} columns.";
    Layer => "층", "Layer";
    UnitsShown => "유닛 {a}–{b} / {n}", "units {a}–{b} of {n}";
    StepsShown => "시점 {a}–{b} / {n}", "steps {a}–{b} of {n}";
    WeightsTooMany => "이 층의 파라미터는 {n}개라 표로 다 보이지 않습니다. 아래 ‘가중치 저장’으로 파일을 받으세요.", "This layer has {n} parameters, too many to list here; save the weights below to get them all.";
    TextLabel => "입력 문장 (한 글자가 한 시점, Enter로 적용)", "Input text (one character per step, Enter to apply)";
    OneHotNote => "각 글자는 원-핫 벡터가 됩니다. 입력 유닛:", "Each character becomes a one-hot vector. Input units:";
    SceneLanguageTitle => "브라우저에서 직접 학습하는 글자 단위 LSTM", "A character-level LSTM, trained right here in your browser";
    LanguageText => "학습 텍스트", "Training text";
    LanguageKorean => "한국어", "Korean";
    LanguageEnglish => "영어", "English";
    LanguageLoss => "글자당 손실 (교차 엔트로피)", "loss per character (cross-entropy)";
    LanguageElapsed => "학습 시간", "training time";
    LanguagePrompt => "시작 문장 (40자까지)", "Prompt (up to 40 characters)";
    LanguageUnknown => "학습 텍스트에 없던 글자라서 모델이 읽지 못하고 건너뜁니다:", "The training text never contains these characters, so the model cannot read them and skips them:";
    LanguageContinuation => "이어 쓰기 (매번 확률이 가장 높은 글자를 고름)", "Continuation (the likeliest character each time)";
    LanguageTopHint => "각 글자 아래에는 그 글자까지 읽은 모델이 다음 글자로 꼽은 후보 세 개와 확률이 있습니다.", "Under each character: the model's three likeliest next characters after reading up to it, with their probabilities.";
    LanguageSample => "샘플링", "Sample";
    LanguageTemperature => "온도", "Temperature";
    LanguageUnit => "은닉 유닛", "Hidden unit";
    LanguageColoured => "선택한 유닛의 은닉 상태 h로 학습 텍스트를 칠했습니다. 파랑은 −1, 흰색은 0, 빨강은 +1입니다. 글자에 마우스를 올리면 값이 보입니다.", "The training text, coloured by the chosen unit's hidden state h: blue is −1, white 0, red +1. Hover over a character to see its value.";
}

/// The message `key` in `lang`.
pub fn tr(key: Key, lang: Lang) -> &'static str {
    key.text().get(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_exists_in_both_languages() {
        for key in Key::ALL {
            let text = key.text();
            assert!(!text.ko.trim().is_empty() && !text.en.trim().is_empty(), "{key:?}");
        }
    }

    #[test]
    fn korean_messages_use_the_course_terms() {
        assert!(Key::ALL.len() > 50);
        for key in Key::ALL {
            for (avoid, instead) in crate::lessons::KOREAN_AVOID {
                assert!(!key.text().ko.contains(avoid), "{key:?}: write {instead}, not {avoid}");
            }
        }
    }
}
