//! The lessons, in order. Written from the seed material (`lstm-seed-ko.md`) in Korean and
//! English.

use super::{Block, ClipPreset, DecayPreset, Lesson, RacePreset, Scene, SequencePreset, t};
use crate::model::Activation;

/// Every lesson, in the order the sidebar lists them.
pub static COURSE: &[Lesson] = &[SEQUENCES, RNN_CELL, GRADIENT_FLOW, LSTM_CELL, TRAINING, EXPLORE];

const SEQUENCES: Lesson = Lesson {
    id: "sequences",
    title: t("순서가 있는 데이터", "Data that comes in order"),
    summary: t(
        "왜 어떤 데이터는 앞에서 본 것을 기억해야만 이해할 수 있을까요?",
        "Why can some data only be understood by remembering what came before?",
    ),
    blocks: &[
        Block::P(t(
            "**순환 신경망**(Recurrent Neural Network, RNN)은 순서가 있는 연속적인 데이터를 처리하도록 만든 신경망입니다. 각 시점(time step)의 입력을 앞선 시점들과 함께 해석하기 때문에, 자연어·시계열·음성처럼 **시간적 연속성**이 있는 데이터를 다룰 수 있습니다.",
            "A **recurrent neural network** (RNN) is a neural network built for data that arrives in order. It reads each time step's input together with what came before it, which lets it handle data with **continuity in time**: language, time series, speech.",
        )),
        Block::Heading(t("연속형 데이터의 특징", "What makes sequential data special")),
        Block::P(t(
            "연속형 데이터에서는 한 시점의 값이 앞선 시점의 값과 독립적이지 않고, 서로 강한 상관관계를 가집니다.",
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

const RNN_CELL: Lesson = Lesson {
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
            ("W_h, W_x", t("가중치 (학습으로 정해지는 행렬)", "weights (matrices that training adjusts)")),
            ("b", t("편향", "the bias")),
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

const LSTM_CELL: Lesson = Lesson {
    id: "lstm-cell",
    title: t("LSTM 셀: 컨베이어 벨트와 게이트", "The LSTM cell: a conveyor belt with gates"),
    summary: t(
        "셀 상태와 세 게이트가 정보를 어떻게 싣고, 지우고, 읽어 내는지 실제 숫자로 봅니다.",
        "See, with real numbers, how the cell state and three gates carry, erase and read out information.",
    ),
    blocks: &[
        Block::P(t(
            "RNN의 한계를 극복하기 위해 **LSTM**(Long Short-Term Memory, Hochreiter & Schmidhuber 1997)이 제안되었습니다. LSTM은 RNN의 구조에 **셀 상태**(cell state)와 **게이트 구조**를 더해, 긴 시간 간격을 두고 떨어진 정보도 학습할 수 있게 합니다.",
            "The **LSTM** (Long Short-Term Memory, Hochreiter & Schmidhuber 1997) was proposed to overcome the RNN's limits. It adds a **cell state** and **gates** to the RNN, so that information separated by long time lags can still be learned.",
        )),
        Block::Heading(t("셀 상태: 컨베이어 벨트", "The cell state: a conveyor belt")),
        Block::List(&[
            t(
                "셀 상태 $c_t$는 셀의 위쪽을 수평으로 흐르는 주요 경로입니다. 정보를 오래 유지하거나 지울 수 있는 **컨베이어 벨트** 역할을 합니다.",
                "The cell state $c_t$ is the main path running horizontally along the top of the cell. It acts as a **conveyor belt** that can keep information for a long time or remove it.",
            ),
            t(
                "벨트 위에서는 곱셈 하나(망각 게이트)와 덧셈 하나(입력 게이트)만 일어나므로, 정보가 거의 바뀌지 않은 채로 전달될 수 있습니다.",
                "Only one multiplication (the forget gate) and one addition (the input gate) happen on the belt, so information can pass along almost unchanged.",
            ),
        ]),
        Block::Heading(t("게이트", "Gates")),
        Block::P(t(
            "게이트는 정보를 선택적으로 더하거나 지웁니다. 각 게이트는 **시그모이드 층**과 **원소별 곱셈**으로 이루어집니다. 시그모이드는 0과 1 사이의 값을 내어 정보의 중요도를 정합니다: 0이면 아무것도 통과시키지 않고, 1이면 모두 통과시킵니다.",
            "Gates add or remove information selectively. Each gate is a **sigmoid layer** followed by a **pointwise multiplication**. The sigmoid outputs values between 0 and 1 that decide how much matters: 0 lets nothing through, 1 lets everything through.",
        )),
        Block::List(&[
            t(
                "**입력 게이트** $i_t$: 새로운 정보(후보 값 $g_t$)를 얼마나 받아들일지 결정합니다.",
                "**Input gate** $i_t$: decides how much of the new information (the candidate $g_t$) to take in.",
            ),
            t(
                "**망각 게이트** $f_t$: 이전 셀 상태 $c_{t-1}$을 얼마나 남길지, 곧 얼마나 버릴지 결정합니다.",
                "**Forget gate** $f_t$: decides how much of the previous cell state $c_{t-1}$ to keep — that is, how much to throw away.",
            ),
            t(
                "**출력 게이트** $o_t$: 셀 상태 가운데 얼마를 은닉 상태 $h_t$로 내보내 다음 시점에 전할지 결정합니다.",
                "**Output gate** $o_t$: decides how much of the cell state goes out as the hidden state $h_t$ and on to the next step.",
            ),
        ]),
        Block::Formula("i_t = σ(W_i x_t + U_i h_{t-1} + b_i)"),
        Block::Formula("f_t = σ(W_f x_t + U_f h_{t-1} + b_f)"),
        Block::Formula("g_t = tanh(W_g x_t + U_g h_{t-1} + b_g)"),
        Block::Formula("o_t = σ(W_o x_t + U_o h_{t-1} + b_o)"),
        Block::Formula("c_t = f_t ⊙ c_{t-1} + i_t ⊙ g_t"),
        Block::Formula("h_t = o_t ⊙ tanh(c_t)"),
        Block::P(t(
            "아래 셀은 이 페이지에서 실제로 계산됩니다. 장면을 선택한 뒤 ←/→ 키로 시점을 옮기고, 스페이스로 재생해 보세요. 게이트를 고정할 수도 있습니다: 망각 게이트를 1로 고정하면 벨트 위의 값은 지워지지 않고 더해지기만 합니다.",
            "The cell below is computed on this page. Select the scene, move through time with ←/→ and play with the space bar. You can also clamp the gates: with the forget gate clamped to 1, nothing on the belt is erased, only added to.",
        )),
        Block::Scene(Scene::LstmCell(SequencePreset {
            inputs: &[0.20, 0.45, 0.40, 0.85, 1.00, 0.70],
            hidden: 3,
            seed: 7,
            activation: Activation::Tanh,
            caption: t(
                "입력: 앞 단원과 같은 엿새 동안의 주가(0–1로 정규화). 은닉 크기 3, 가중치는 시드 7에서 PyTorch 방식으로 뽑은 학습 전 LSTM입니다.",
                "Input: the same six days of stock prices as before (scaled to 0–1). Hidden size 3; an untrained LSTM with weights drawn from seed 7 the way PyTorch does.",
            ),
        })),
        Block::P(t(
            "이것이 LSTM이 긴 시계열에서도 안정적으로 학습하는 이유입니다. 벨트를 따라가는 기울기 $∂c_t/∂c_{t-1}$은 망각 게이트 값 $f_t$ 그 자체이므로, $f_t$가 1에 가까우면 오차가 줄어들지 않고 먼 과거까지 전달됩니다. 1997년의 원래 LSTM에는 망각 게이트가 없었고, 자기 연결 가중치가 1로 고정된 \"상수 오차 회전목마\"(CEC)가 그 역할을 했습니다. 망각 게이트는 2000년에 Gers 등이 더했습니다.",
            "This is why the LSTM learns stably even on long sequences. The gradient along the belt, $∂c_t/∂c_{t-1}$, is the forget gate $f_t$ itself, so with $f_t$ near 1 the error travels far into the past without shrinking. The original 1997 LSTM had no forget gate: a \"constant error carousel\" (CEC) with its self-connection fixed at 1 played that part. Gers and colleagues added the forget gate in 2000.",
        )),
    ],
};

const EXPLORE: Lesson = Lesson {
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
            "LSTM의 열에는 셀 상태 $c_t$가 컨베이어 벨트처럼 가로질러 흐릅니다. \"나란히\"를 켜면 같은 입력과 같은 시점 커서로 바닐라 RNN과 LSTM이 함께 움직입니다. 은닉 크기와 입력 수열을 바꾸면 모든 값이 다시 계산됩니다.",
            "In the LSTM's columns the cell state $c_t$ runs across like a conveyor belt. Turn on \"side by side\" to move a vanilla RNN and an LSTM together on the same input and time cursor. Change the hidden size or the input sequence and every value is computed again.",
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

const GRADIENT_FLOW: Lesson = Lesson {
    id: "gradient-flow",
    title: t("기울기 소실과 폭발", "Vanishing and exploding gradients"),
    summary: t(
        "마지막 시점의 오차가 과거로 돌아가는 동안 몇 배가 되는지 직접 재 봅니다.",
        "Measure what happens to the last step's error on its way back into the past.",
    ),
    blocks: &[
        Block::P(t(
            "RNN은 역전파로 학습합니다. 마지막 시점의 오차를 $k$ 시점 전으로 보내려면 $∂h_t/∂h_{t-1}$을 $k$번 곱해야 합니다. 한 번 곱할 때마다 크기가 대략 $γ·σ_{max}(W)$배가 되므로(γ는 활성화 함수의 최대 기울기, tanh는 1), 이 값이 1보다 작으면 기울기가 지수적으로 **사라지고**, 1보다 크면 지수적으로 **폭발**할 수 있습니다.",
            "An RNN learns by backpropagation. Sending the last step's error $k$ steps back multiplies it by $∂h_t/∂h_{t-1}$ $k$ times. Each factor scales it by at most about $γ·σ_{max}(W)$ (γ is the activation's largest slope, 1 for tanh), so below 1 the gradient **vanishes** exponentially and above 1 it can **explode**.",
        )),
        Block::Formula("‖∂h_T/∂h_{T-k}‖ ≤ (γ·σ_{max}(W_hh))^k"),
        Block::P(t(
            "아래 그래프는 이 페이지가 계산한 실제 야코비안 노름입니다. RNN의 순환 가중치는 스펙트럼 반경이 정확히 ρ가 되도록 만들었고, 입력이 0이면 곡선은 정확히 $ρ^k$입니다: 로그 축에서 기울기가 $log ρ$인 직선이죠. ρ를 1 위아래로 움직여 보세요. LSTM의 셀 상태(벨트)는 망각 게이트 값만큼만 줄어들므로, 망각 게이트 편향을 크게 하거나 1로 고정하면 기울기가 먼 과거까지 살아남습니다.",
            "The plot below shows the real Jacobian norms this page computed. The RNN's recurrent weights are built to have spectral radius exactly ρ, so with zero input the curve is exactly $ρ^k$: a straight line of slope $log ρ$ on the log axis. Move ρ across 1. The LSTM's cell state (the belt) shrinks only by its forget gate, so a large forget-gate bias, or the gate clamped to 1, keeps the gradient alive far into the past.",
        )),
        Block::Scene(Scene::GradientDecay(DecayPreset {
            rho: 0.9,
            steps: 60,
            forget_bias: 3.0,
            hidden: 6,
            seed: 5,
            caption: t(
                "은닉 크기 6인 RNN과 LSTM, 같은 입력, 손실은 마지막 은닉 상태 원소의 합. 선 아래로 사라진 값은 ▼로 표시합니다.",
                "An RNN and an LSTM with six hidden units on the same input; the loss is the sum of the last hidden state's entries. Values that fall off the axis are marked ▼ or ▲.",
            ),
        })),
        Block::P(t(
            "기울기가 사라지면 먼 과거의 입력은 가중치를 거의 바꾸지 못합니다. 이것이 RNN이 긴 문장이나 긴 시계열에서 장기 의존성을 배우지 못하는 이유입니다. 반대로 폭발하는 기울기는 학습을 수치적으로 불안정하게 만듭니다.",
            "When the gradient vanishes, inputs from the distant past barely change the weights: this is why an RNN fails to learn long-term dependencies in long sentences or long time series. An exploding gradient, the other way, makes training numerically unstable.",
        )),
        Block::Heading(t(
            "폭발을 다루는 흔한 방법: 노름 자르기",
            "The usual remedy for explosion: norm clipping",
        )),
        Block::P(t(
            "기울기가 폭발하면 한 번의 갱신이 가중치를 엉뚱한 곳으로 던져 버립니다. 흔한 대처는 **기울기 노름 자르기**(Pascanu 등, 2013)입니다: 모든 매개변수의 기울기를 한 벡터로 보고, 그 길이 ‖g‖가 임계값 θ를 넘으면 방향은 그대로 두고 길이만 θ로 줄입니다. 아래는 위와 같은 RNN(입력 0, W = ρ·Q)을 길이 T까지 읽히고 마지막 시점의 제곱 오차로 잰 실제 기울기입니다. 이때 과거로 보낸 오차는 정확히 $(ρQ^T)^k$를 곱한 값이므로, ρ > 1이면 ‖g‖가 $ρ^T$처럼 커집니다.",
            "When the gradient explodes, one update throws the weights somewhere absurd. The usual remedy is **gradient norm clipping** (Pascanu et al. 2013): treat the gradients of all parameters as one vector, and if its length ‖g‖ exceeds a threshold θ, keep its direction and shrink its length to θ. Below is the real gradient of the same RNN as above (zero input, W = ρ·Q) reading T steps, scored by a squared error at step T. The error sent k steps back is exactly multiplied by $(ρQ^T)^k$, so for ρ > 1 the norm ‖g‖ grows like $ρ^T$.",
        )),
        Block::Scene(Scene::Clipping(ClipPreset {
            rho: 1.3,
            threshold: 1.0,
            lr: 0.1,
            steps: 80,
            hidden: 6,
            seed: 5,
            caption: t(
                "위: 기울기 노름과 실제로 적용한 노름, 임계값 θ. 아래: 같은 가중치에서 한 걸음 갱신하기 전과, 그대로 갱신한 뒤, 잘라서 갱신한 뒤의 손실. 둘 다 길이 T마다 새로 잰 값입니다.",
                "Above: the gradient norm, the norm actually applied, and the threshold θ. Below: the loss before one step from the same weights, after a raw step, and after a clipped step. Every point is measured afresh for its length T.",
            ),
        })),
        Block::P(t(
            "자르기는 한 걸음의 크기를 η·θ 이하로 묶어 폭발한 갱신이 가중치를 날려 버리는 일을 막습니다. 하지만 아래 그래프에서 보듯, 손실 곡면이 절벽처럼 가파른 곳에서는 짧은 걸음조차 손실을 키울 수 있습니다: 자르기는 걸음을 줄일 뿐 절벽을 없애지는 못합니다. 그리고 사라지는 기울기에는 아무 도움도 되지 않습니다. 그래서 LSTM은 다른 길을 택했습니다: 오차가 셀 상태를 따라 거의 1배로 흐르도록 구조 자체를 바꾼 것입니다.",
            "Clipping bounds a step's length by η·θ, so an exploded update cannot fling the weights away. But as the lower plot shows, where the loss surface is a steep cliff even a short step can raise the loss: clipping shortens the step, it does not remove the cliff. And it does nothing for a vanishing gradient. That is why the LSTM took another road: it changed the structure itself, so that the error flows along the cell state multiplied by about 1.",
        )),
    ],
};

const TRAINING: Lesson = Lesson {
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
