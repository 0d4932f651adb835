//! The explorer: a vanilla RNN, an LSTM or a GRU reading an editable sequence, drawn folded
//! (one cell and its loop) or unrolled in time (one copy per step), with an animated transition
//! between the two; optionally an RNN and an LSTM side by side on the same input and cursor.
//! Every square is a value of the model's trace, with its exact number in the tooltip.

use std::sync::Arc;

use leptos::prelude::*;
use nalgebra::DVector;

use super::diagram::arrow_marker;
use super::explore_detail::{ExploreWeights, StepDetail};
use super::heatmaps::GateHeatmaps;
use crate::input::{EncodedText, encode_text};
use crate::lessons::SequencePreset;
use crate::lessons::sequences::TEXT_CHOICES;
use crate::model::Rng;
use crate::model::network::{AnyCell, AnyTrace, CellKind};
use crate::ui::i18n::{Key, tr};
use crate::ui::widgets::number::value_fill;
use crate::ui::widgets::sequence_editor::SequenceEditor;
use crate::ui::widgets::text_editor::TextEditor;
use crate::ui::widgets::time_cursor::{Cursor, TimeControls, open_on_key};
use crate::ui::{fresh_memo, use_lang};

/// The cells the explorer offers, with their menu labels and test ids.
const KINDS: [(CellKind, &str, Key); 4] = [
    (CellKind::Rnn(crate::model::Activation::Tanh), "rnn", Key::KindRnn),
    (CellKind::Lstm { peepholes: false }, "lstm", Key::KindLstm),
    (CellKind::Lstm1997, "lstm1997", Key::KindLstm1997),
    (CellKind::Gru, "gru", Key::KindGru),
];

/// What the cells read: numbers (one input unit) or a text (one-hot over its characters).
#[derive(Clone, PartialEq)]
struct Inputs {
    xs: Vec<Vec<f64>>,
    /// The character of each step, for text.
    chars: Option<Vec<char>>,
}

/// A cell seeded from the preset and its trace on the inputs.
#[derive(Clone, PartialEq)]
pub(super) struct Model {
    pub(super) kind: CellKind,
    pub(super) cell: Arc<AnyCell<f64>>,
    pub(super) trace: Result<Arc<AnyTrace<f64>>, String>,
    chars: Option<Vec<char>>,
}

fn run(kind: CellKind, hidden: usize, seed: u64, inputs: &Inputs) -> Model {
    let input_size = inputs.xs.first().map_or(1, Vec::len);
    let cell = AnyCell::seeded(kind, input_size, hidden, &mut Rng::new(seed));
    let xs: Vec<DVector<f64>> = inputs.xs.iter().map(|x| DVector::from_column_slice(x)).collect();
    let trace = cell.forward(&xs).map(Arc::new).map_err(|e| e.to_string());
    Model { kind, cell: Arc::new(cell), trace, chars: inputs.chars.clone() }
}

/// Any cell on an editable sequence, folded or unrolled.
#[component]
pub fn ExploreScene(
    /// The starting sequence, hidden size and seed.
    preset: SequencePreset,
) -> impl IntoView {
    let lang = use_lang();
    let kind = RwSignal::new(KINDS[1].0);
    let hidden = RwSignal::new(preset.hidden);
    let inputs = RwSignal::new(preset.inputs.to_vec());
    let text_mode = RwSignal::new(false);
    let encoded = RwSignal::new(encode_text(TEXT_CHOICES[0].text).unwrap_or(EncodedText {
        symbols: vec![],
        chars: vec![],
        inputs: vec![],
    }));
    let folded = RwSignal::new(false);
    let compare = RwSignal::new(false);
    let read = Memo::new(move |_| {
        if text_mode.get() {
            encoded.with(|e| Inputs { xs: e.inputs.clone(), chars: Some(e.chars.clone()) })
        } else {
            inputs.with(|v| Inputs { xs: v.iter().map(|&x| vec![x]).collect(), chars: None })
        }
    });
    let model = fresh_memo(move |_| read.with(|r| run(kind.get(), hidden.get(), preset.seed, r)));
    let partner = fresh_memo(move |_| {
        // Side by side: an RNN beside the LSTM (or an LSTM beside an RNN or GRU).
        let other = if kind.get().squash_labels().is_some() { KINDS[0].0 } else { KINDS[1].0 };
        compare.get().then(|| read.with(|r| run(other, hidden.get(), preset.seed, r)))
    });
    let cursor = Cursor::new(Signal::derive(move || read.with(|r| r.xs.len())));
    let step = cursor.step;

    let kind_buttons = KINDS
        .map(|(k, id, key)| {
            view! {
                <button role="radio" data-testid=format!("kind-{id}") aria-checked=move || (kind.get() == k).to_string()
                    on:click=move |_| kind.set(k)>{move || tr(key, lang.get())}</button>
            }
        })
        .into_iter()
        .collect_view();
    let hidden_options = (1..=8)
        .map(|n| view! { <option value=n.to_string() selected=move || hidden.get() == n>{n}</option> })
        .collect_view();

    view! {
        <section class="scene" data-testid="scene-explore" tabindex="0" aria-labelledby="scene-explore-title"
            on:keydown=move |ev| { cursor.handle_key(&ev); }>
            <h3 id="scene-explore-title" class="scene-title">{move || tr(Key::SceneExploreTitle, lang.get())}</h3>
            // The caption describes the preset numbers; a text brings its own note (the input units).
            {move || (!text_mode.get()).then(|| view! { <p class="scene-caption">{preset.caption.get(lang.get())}</p> })}
            <p class="scene-hint">{move || tr(Key::KeyboardHint, lang.get())}</p>
            <div class="explore-controls">
                <div class="mode-switch" role="radiogroup" aria-label=move || tr(Key::CellKindLabel, lang.get())>
                    {kind_buttons}
                </div>
                <label class="inline-field">
                    <span>{move || tr(Key::HiddenSize, lang.get())}</span>
                    <select data-testid="hidden-size" on:change=move |ev| {
                        if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                            hidden.set(n.clamp(1, 8));
                        }
                    }>{hidden_options}</select>
                </label>
                <button class="toggle-btn" data-testid="fold-toggle" aria-pressed=move || folded.get().to_string()
                    on:click=move |_| folded.update(|f| *f = !*f)>
                    {move || tr(if folded.get() { Key::Unfold } else { Key::Fold }, lang.get())}
                </button>
                <button class="toggle-btn" data-testid="compare-toggle" aria-pressed=move || compare.get().to_string()
                    on:click=move |_| compare.update(|c| *c = !*c)>
                    {move || tr(Key::Compare, lang.get())}
                </button>
            </div>
            <div class="mode-switch input-mode" role="radiogroup" aria-label=move || tr(Key::InputMode, lang.get())>
                <button role="radio" data-testid="mode-numbers" aria-checked=move || (!text_mode.get()).to_string()
                    on:click=move |_| text_mode.set(false)>{move || tr(Key::NumbersMode, lang.get())}</button>
                <button role="radio" data-testid="mode-text" aria-checked=move || text_mode.get().to_string()
                    on:click=move |_| text_mode.set(true)>{move || tr(Key::TextMode, lang.get())}</button>
            </div>
            {move || if text_mode.get() {
                view! { <TextEditor encoded=encoded /> }.into_any()
            } else {
                view! { <SequenceEditor inputs=inputs /> }.into_any()
            }}
            <div class="lanes" class:compare=move || compare.get()>
                {move || view! { <Lane model=model.get() step=step folded=folded /> }}
                {move || partner.get().map(|m| view! { <Lane model=m step=step folded=folded /> })}
            </div>
            <TimeControls cursor=cursor />
            {move || view! { <StepDetail model=model.get() step=step /> }}
            {move || {
                let m = model.get();
                m.trace.ok().map(|t| view! { <GateHeatmaps kind=m.kind trace=t hidden=m.cell.hidden_size() step=step /> })
            }}
            {move || view! { <ExploreWeights model=model.get() /> }}
            <p class="legend">{move || tr(Key::ValueLegend, lang.get())}</p>
        </section>
    }
}

const UNIT: f64 = 12.0;
const LEFT: f64 = 44.0;
const HEIGHT: f64 = 196.0;

fn col_width(hidden: usize) -> f64 {
    (UNIT * hidden as f64 + 30.0).max(76.0)
}

pub(super) fn kind_id(kind: CellKind) -> &'static str {
    KINDS.iter().find(|(k, _, _)| *k == kind).map_or("rnn", |(_, id, _)| id)
}

/// A row of small squares, one per unit, each with its exact value in a tooltip.
fn squares(
    values: &[f64],
    x0: f64,
    y: f64,
    name: String,
    scale: f64,
    testid: String,
) -> impl IntoView + use<> {
    values
        .iter()
        .enumerate()
        .map(|(j, &v)| {
            view! {
                <rect x=x0 + UNIT * j as f64 y=y width=UNIT - 1.0 height=UNIT - 1.0 rx=2.0 class="unit"
                    fill=value_fill(v, scale) data-testid=format!("{testid}-{j}") data-value=v.to_string()>
                    <title>{format!("{name}[{}] = {v}", j + 1)}</title>
                </rect>
            }
        })
        .collect_view()
}

/// One cell over the whole sequence: folded into its loop, or unrolled into a row of copies.
#[component]
fn Lane(model: Model, step: RwSignal<usize>, folded: RwSignal<bool>) -> impl IntoView {
    let lang = use_lang();
    let Ok(trace) = model.trace.clone() else {
        let message = model.trace.err().unwrap_or_default();
        return view! { <p class="scene-error" role="alert">{move || tr(Key::ModelError, lang.get())} ": " {message.clone()}</p> }
            .into_any();
    };
    let id = kind_id(model.kind);
    let chars = model.chars.clone();
    let hs = trace.hidden_states();
    let cs: Option<Vec<DVector<f64>>> = match &*trace {
        AnyTrace::Lstm(t) => Some(t.steps.iter().map(|s| s.c.clone()).collect()),
        _ => None,
    };
    let n = model.cell.hidden_size();
    let col = col_width(n);
    let len = hs.len();
    let cell_label = match model.kind {
        CellKind::Rnn(a) => a.name(),
        CellKind::Lstm { .. } => "LSTM",
        CellKind::Lstm1997 => "LSTM '97",
        CellKind::Gru => "GRU",
    };
    let columns = hs
        .iter()
        .enumerate()
        .map(|(t, h)| {
            let cx = col / 2.0;
            let row_x = cx - UNIT * n as f64 / 2.0;
            let is_current = move || step.get() == t;
            let offset = move || if folded.get() { 0.0 } else { col * t as f64 };
            let belt = cs.as_ref().map(|cs| {
                let c = cs[t].as_slice().to_vec();
                view! {
                    <line x1=0.0 y1=86.0 x2=col y2=86.0 class="belt lane-belt" />
                    {squares(&c, row_x, 80.0, format!("c_{}", t + 1), 2.0, format!("{id}-c-{}", t + 1))}
                }
            });
            view! {
                <g class="lane-col" class:current=is_current
                    style=move || format!("transform: translateX({}px)", offset())
                    role="button" tabindex=move || if folded.get() && !is_current() { "-1" } else { "0" }
                    aria-hidden=move || (folded.get() && !is_current()).to_string()
                    data-testid=format!("{id}-col-{}", t + 1)
                    aria-label=move || format!("{} {}", tr(Key::StepOf, lang.get()), t + 1)
                    aria-pressed=move || is_current().to_string()
                    on:click=move |_| step.set(t)
                    on:keydown=move |ev| open_on_key(&ev, || step.set(t))>
                    <rect x=3.0 y=2.0 width=col - 6.0 height=HEIGHT - 4.0 rx=8.0 class="col-bg" />
                    <text x=cx y=16.0 text-anchor="middle" class="col-label">{format!("t = {}", t + 1)}</text>
                    {squares(h.as_slice(), row_x, 26.0, format!("h_{}", t + 1), 1.0, format!("{id}-h-{}", t + 1))}
                    <line x1=cx y1=70.0 x2=cx y2=42.0 class="flow" marker-end="url(#arrow-x)" />
                    <rect x=cx - 30.0 y=70.0 width=60.0 height=56.0 rx=8.0 class="cell-box" />
                    {belt}
                    <text x=cx y=116.0 text-anchor="middle" class="cell-label">{cell_label}</text>
                    <line x1=cx + 30.0 y1=104.0 x2=col y2=104.0 class="flow lane-next" />
                    <line x1=0.0 y1=104.0 x2=cx - 30.0 y2=104.0 class="flow" marker-end="url(#arrow-x)" />
                    <line x1=cx y1=158.0 x2=cx y2=128.0 class="flow" marker-end="url(#arrow-x)" />
                    {match chars.as_ref().and_then(|c| c.get(t)) {
                        Some(ch) => view! {
                            <rect x=cx - 20.0 y=160.0 width=40.0 height=18.0 rx=9.0 class="x-pill x-char" />
                            <text x=cx y=174.0 text-anchor="middle" class="x-char-text">{ch.to_string()}</text>
                        }.into_any(),
                        None => view! {
                            <rect x=cx - 20.0 y=160.0 width=40.0 height=18.0 rx=9.0 class="x-pill" fill=value_fill(model_x(&trace, t), 1.0) />
                        }.into_any(),
                    }}
                    <text x=cx y=190.0 text-anchor="middle" class="x-label">{format!("x{}", sub(t + 1))}</text>
                </g>
            }
        })
        .collect_view();
    let width = move || if folded.get() { LEFT + col + 40.0 } else { LEFT + col * len as f64 + 8.0 };
    view! {
        <figure class="lane" data-testid=format!("lane-{id}") data-folded=move || folded.get().to_string()>
            <figcaption class="lane-title">{move || tr(KINDS.iter().find(|k| k.1 == id).map_or(Key::KindRnn, |k| k.2), lang.get())}</figcaption>
            <div class="lane-scroll">
                <svg class="lane-svg" viewBox=move || format!("0 0 {} {HEIGHT}", width()) width=width height=HEIGHT
                    role="group" aria-label=move || tr(Key::ExploreUnrolledLabel, lang.get())>
                    {arrow_marker("arrow-x")}
                    <text x=2.0 y=100.0 class="h0-label">"h₀"</text>
                    <g transform=format!("translate({LEFT} 0)")>
                        {columns}
                        // The loop of the folded cell: h_t goes round into the next step.
                        <path class="fold-loop" class:shown=move || folded.get()
                            d=format!("M {} 104 C {} 104 {} 150 {} 150 L {} 150 C {} 150 {} 104 {} 104",
                                col / 2.0 + 30.0, col + 20.0, col + 20.0, col / 2.0, col / 2.0, -20.0, -20.0, col / 2.0 - 30.0)
                            marker-end="url(#arrow-x)" />
                    </g>
                </svg>
            </div>
        </figure>
    }
    .into_any()
}

fn model_x(trace: &AnyTrace<f64>, t: usize) -> f64 {
    let x = match trace {
        AnyTrace::Rnn(r) => r.steps.get(t).map(|s| s.x[0]),
        AnyTrace::Lstm(l) => l.steps.get(t).map(|s| s.x[0]),
        AnyTrace::Gru(g) => g.steps.get(t).map(|s| s.x[0]),
    };
    x.unwrap_or(0.0)
}

/// `12` → `₁₂`, for labels inside SVG text.
fn sub(n: usize) -> String {
    n.to_string().chars().filter_map(|c| c.to_digit(10).and_then(|d| char::from_u32(0x2080 + d))).collect()
}
