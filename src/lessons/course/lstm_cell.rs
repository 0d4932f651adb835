//! The LSTM cell: the conveyor belt and its gates.

use crate::lessons::{Block, Lesson, Scene, SequencePreset, t};
use crate::model::Activation;

pub(super) const LSTM_CELL: Lesson = Lesson {
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
        Block::Formula("i_t = σ(W_{xi} x_t + W_{hi} h_{t-1} + b_i)"),
        Block::Formula("f_t = σ(W_{xf} x_t + W_{hf} h_{t-1} + b_f)"),
        Block::Formula("g_t = tanh(W_{xg} x_t + W_{hg} h_{t-1} + b_g)"),
        Block::Formula("o_t = σ(W_{xo} x_t + W_{ho} h_{t-1} + b_o)"),
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
            "이것이 LSTM이 긴 시계열을 RNN보다 잘 배우는 이유입니다. 벨트를 곧장 따라가는 경로만 보면 $∂c_t/∂c_{t-1}$은 망각 게이트 값 $f_t$입니다(게이트가 $h_{t-1}$을 거쳐 $c_{t-1}$에 의존하는 간접 경로는 빼고 본 값입니다). 그래서 $k$ 시점을 거슬러 가면 오차에 $f$가 $k$번 곱해집니다. $f$가 1에 가까우면 아주 천천히 줄지만, $f = σ(3) ≈ 0.95$라도 20 시점 뒤에는 약 0.38배로, 여전히 지수적으로 줄어듭니다. 정확히 1을 곱하는 벨트가 1997년의 원래 LSTM에 있던 \"상수 오차 회전목마\"(CEC)입니다. 자기 연결이 1로 고정되어 오차는 줄지 않지만, 셀 상태를 지울 방법도 없었습니다. 그래서 Gers 등(2000)이 망각 게이트를 더해, 지울 때를 학습하게 했습니다. 원래 셀의 활성화 함수도 지금과 달라, 후보는 $g = 4σ - 2$, 출력 쪽은 $h = 2σ - 1 = tanh(x/2)$였습니다.",
            "This is why the LSTM learns long sequences better than an RNN. Along the belt's direct path, $∂c_t/∂c_{t-1}$ is the forget gate $f_t$ (leaving out the indirect paths, through which the gates depend on $c_{t-1}$ by way of $h_{t-1}$). Going $k$ steps back multiplies the error by $f$ $k$ times. With $f$ near 1 it shrinks very slowly — but even $f = σ(3) ≈ 0.95$ leaves about 0.38 of it after 20 steps: still an exponential decay. A belt that multiplies by exactly 1 is the 1997 LSTM's \"constant error carousel\" (CEC): its self-connection was fixed at 1, so the error did not shrink — and the cell state could never be erased. That is why Gers and colleagues (2000) added the forget gate, so that the cell learns when to forget. The original cell also squashed differently: the candidate was $g = 4σ - 2$ and the output side $h = 2σ - 1 = tanh(x/2)$.",
        )),
    ],
};
