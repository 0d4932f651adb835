//! A vanilla RNN reading a short sequence: the network unrolled in time, and the open step's
//! formula with the numbers the model computed substituted in.

use std::sync::Arc;

use leptos::prelude::*;
use nalgebra::DVector;

use super::diagram::arrow_marker;
use crate::model::cell::RnnCell;
use crate::model::cell::rnn::RnnTrace;
use crate::model::{Activation, Rng};
use crate::state::presets::SequencePreset;
use crate::ui::i18n::{Key, tr};
use crate::ui::knobs::use_panel;
use crate::ui::markup_view::Math;
use crate::ui::widgets::number::{format_value, format_wide, value_fill, value_ink};
use crate::ui::widgets::sequence_editor::SequenceEditor;
use crate::ui::widgets::time_cursor::{Cursor, TimeControls, open_on_key};
use crate::ui::widgets::vector::{MatrixTable, VectorColumn};
use crate::ui::{fresh_memo, use_lang};

/// What the scene computed: the cell and its trace on the current inputs.
#[derive(PartialEq)]
struct Computed {
    cell: RnnCell<f64>,
    trace: RnnTrace<f64>,
}

/// ‖∂L/∂h_t‖ for t = 1 … T, for the loss L = Σ_j h_T[j] (the backward view's loss).
fn error_norms(c: &Computed) -> Vec<f64> {
    let n = c.cell.hidden_size();
    let len = c.trace.len();
    let dh_out: Vec<DVector<f64>> = (0..len)
        .map(|t| if t + 1 == len { DVector::from_element(n, 1.0) } else { DVector::zeros(n) })
        .collect();
    c.cell.backward(&c.trace, &dh_out).map(|b| b.dh.iter().map(|d| d.norm()).collect()).unwrap_or_default()
}

/// A live RNN cell stepping through a sequence.
#[component]
pub fn RnnSteps(
    /// What to compute.
    preset: SequencePreset,
) -> impl IntoView {
    let lang = use_lang();
    let panel = use_panel();
    let cell = Arc::new(RnnCell::seeded(1, preset.hidden, preset.activation, &mut Rng::new(preset.seed)));
    let inputs = RwSignal::new(preset.inputs.to_vec());
    panel.knob("x", inputs, crate::state::sequence, |xs| crate::state::write_sequence(xs));
    let computed = {
        let cell = cell.clone();
        fresh_memo(move |_| {
            let xs: Vec<DVector<f64>> = inputs.get().iter().map(|&x| DVector::from_element(1, x)).collect();
            cell.forward(&xs, None)
                .map(|trace| Arc::new(Computed { cell: (*cell).clone(), trace }))
                .map_err(|e| e.to_string())
        })
    };
    let norms = fresh_memo(move |_| computed.get().ok().map(|c| error_norms(&c)).unwrap_or_default());
    let cursor = Cursor::new(Signal::derive(move || inputs.with(Vec::len)));
    let step = cursor.step;
    let backward = RwSignal::new(false);
    panel.flag("back", backward);
    let at_cursor = move |f: &dyn Fn(&RnnTrace<f64>, usize) -> Option<f64>| {
        computed.with(|c| {
            c.as_ref().ok().and_then(|c| f(&c.trace, step.get().min(c.trace.len().saturating_sub(1))))
        })
    };
    panel.reading("h", move |j| at_cursor(&|tr, t| tr.steps.get(t)?.h.get(j?.checked_sub(1)?).copied()));
    panel.reading("hmax", move |_| {
        computed.with(|c| {
            c.as_ref()
                .ok()
                .map(|c| c.trace.steps.iter().flat_map(|s| s.h.iter()).fold(0.0, |m: f64, v| m.max(v.abs())))
        })
    });
    panel.reading("g", move |k| norms.with(|n| n.get(k.unwrap_or(step.get() + 1).checked_sub(1)?).copied()));
    panel.reading("gratio", move |_| norms.with(|n| Some(n.first()? / n.last()?)));
    // The term under the pointer: "hprev", "x" or "h", highlighted in the formula and in the
    // unrolled view at once.
    let linked = RwSignal::new(None::<&'static str>);

    view! {
        <section class="scene" data-testid="scene-rnn" aria-labelledby="scene-rnn-title" tabindex="0"
            on:keydown=move |ev| { cursor.handle_key(&ev); }>
            <h2 id="scene-rnn-title" class="scene-title">{move || tr(Key::SceneRnnTitle, lang.get())}</h2>
            <p class="scene-hint">{move || tr(Key::KeyboardHint, lang.get())}</p>
            <SequenceEditor inputs=inputs />
            {move || match computed.get() {
                Ok(c) => view! { <Unrolled computed=c step=step linked=linked /> }.into_any(),
                Err(message) => view! {
                    <p class="scene-error" role="alert">{tr(Key::ModelError, lang.get())} ": " {message}</p>
                }.into_any(),
            }}
            <TimeControls cursor=cursor />
            <div class="mode-switch" role="radiogroup" aria-label=move || tr(Key::PassMode, lang.get())>
                <button role="radio" data-testid="rnn-mode-forward" aria-checked=move || (!backward.get()).to_string()
                    on:click=move |_| backward.set(false)>{move || tr(Key::ForwardMode, lang.get())}</button>
                <button role="radio" data-testid="rnn-mode-backward" aria-checked=move || backward.get().to_string()
                    on:click=move |_| {
                        backward.set(true);
                        cursor.go(usize::MAX);
                    }>{move || tr(Key::BackwardMode, lang.get())}</button>
            </div>
            {move || if backward.get() {
                view! { <ErrorStrip norms=norms.get() step=step /> }.into_any()
            } else {
                computed.get().ok().map(|c| view! { <StepFormula computed=c step=step.into() activation=preset.activation linked=linked /> }).into_any()
            }}
            <Weights cell=cell.clone() />
            <p class="legend">{move || tr(Key::ValueLegend, lang.get())}</p>
        </section>
    }
}

/// The backward view: the error ‖∂L/∂h_t‖ that reaches every step, the open one marked.
#[component]
fn ErrorStrip(norms: Vec<f64>, step: RwSignal<usize>) -> impl IntoView {
    let lang = use_lang();
    let top = norms.iter().copied().fold(0.0, f64::max).max(f64::MIN_POSITIVE);
    let cells = norms
        .iter()
        .enumerate()
        .map(|(t, &v)| {
            view! {
                <li class="error-cell" class:current=move || step.get() == t data-testid=format!("rnn-error-{}", t + 1)
                    data-value=v.to_string()>
                    <button type="button" on:click=move |_| step.set(t)
                        prop:style=format!("background:{}", value_fill(v / top, 1.0))>
                        <span class="error-t"><Math src=format!("t = {}", t + 1) /></span>
                        <span class="error-v">{format_wide(v)}</span>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <div class="error-strip" data-testid="rnn-backward">
            <p class="eq-line"><Math src="∂L/∂h_{t-1} = W_h^T (∂L/∂h_t ⊙ (1 - h_t^2))" /></p>
            <p class="scene-hint">{move || tr(Key::RnnBackwardIntro, lang.get())}</p>
            <ol class="error-cells">{cells}</ol>
        </div>
    }
}

/// The narrowest column of the unrolled view, and the room its hidden state leaves beside it.
const COL: f64 = 124.0;
const COL_MARGIN: f64 = 16.0;
/// One square of the hidden state: wide enough for a value like −0.523 at 11 CSS px.
const SQUARE: f64 = 44.0;
const LEFT: f64 = 56.0;
const HEIGHT: f64 = 232.0;

/// The width of a column holding `hidden` squares.
fn col_width(hidden: usize) -> f64 {
    (SQUARE * hidden as f64 + COL_MARGIN).max(COL)
}

/// Step t's hidden state h_{t+1} as a row of labelled squares centred on `cx`.
fn hidden_squares(h: &[f64], cx: f64, t: usize) -> impl IntoView + use<> {
    let hx0 = cx - SQUARE * h.len() as f64 / 2.0;
    h.iter()
        .enumerate()
        .map(|(j, &v)| {
            let x = hx0 + SQUARE * j as f64;
            view! {
                <g>
                    <title>{format!("h_{}[{}] = {}", t + 1, j + 1, v)}</title>
                    <rect x=x y=34.0 width=SQUARE - 2.0 height=24.0 rx=3.0 fill=value_fill(v, 1.0) class="hcell" />
                    <text x=x + SQUARE / 2.0 - 1.0 y=50.0 text-anchor="middle" class="hcell-text" fill=value_ink(v, 1.0)>
                        {format_value(v)}
                    </text>
                </g>
            }
        })
        .collect_view()
}

/// The network unrolled: one column per time step, h flowing right, x entering from below.
/// Every column is a picture of its own, so the columns wrap onto the next line where the
/// screen ends, like words: h leaves a column at its right edge and enters the next at its left.
#[component]
fn Unrolled(
    computed: Arc<Computed>,
    step: RwSignal<usize>,
    linked: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let lang = use_lang();
    let len = computed.trace.len();
    let col = col_width(computed.cell.hidden_size());
    let cx = col / 2.0;
    let view_box = format!("0 0 {col} {HEIGHT}");
    let columns = computed
        .trace
        .steps
        .iter()
        .enumerate()
        .map(|(t, s)| {
            let squares = hidden_squares(s.h.as_slice(), cx, t);
            let x_value = s.x[0];
            let is_current = move || step.get() == t;
            // This column's h is the open step's h_t, or the h_{t−1} it reads.
            let h_role = move || match step.get() {
                open if open == t => Some("h"),
                open if open == t + 1 => Some("hprev"),
                _ => None,
            };
            let h_linked = move || h_role().is_some() && linked.get() == h_role();
            let x_linked = move || is_current() && linked.get() == Some("x");
            let h_out = (t + 1 < len).then(|| view! { <line x1=cx + 38.0 y1=118.0 x2=col y2=118.0 class="flow" /> });
            view! {
                <svg class="unrolled-step col" class:current=is_current viewBox=view_box.clone() width=col height=HEIGHT
                    role="button" tabindex="0" data-testid=format!("unrolled-col-{}", t + 1)
                    aria-pressed=move || is_current().to_string()
                    on:click=move |_| step.set(t)
                    on:keydown=move |ev| open_on_key(&ev, || step.set(t))>
                    <rect x=4.0 y=4.0 width=col - 8.0 height=HEIGHT - 8.0 rx=10.0 class="col-bg" />
                    <text x=cx y=24.0 text-anchor="middle" class="col-label">{format!("t = {}", t + 1)}</text>
                    <g class="term" class:linked=h_linked on:mouseenter=move |_| linked.set(h_role())
                        on:mouseleave=move |_| linked.set(None)>{squares}</g>
                    <line x1=cx y1=96.0 x2=cx y2=62.0 class="flow" marker-end="url(#arrow)" />
                    <line x1=0.0 y1=118.0 x2=cx - 42.0 y2=118.0 class="flow" marker-end="url(#arrow)" />
                    <rect x=cx - 38.0 y=96.0 width=76.0 height=44.0 rx=8.0 class="cell-box" />
                    <text x=cx y=123.0 text-anchor="middle" class="cell-label">"tanh"</text>
                    {h_out}
                    <line x1=cx y1=178.0 x2=cx y2=144.0 class="flow" marker-end="url(#arrow)" />
                    <rect x=cx - 30.0 y=180.0 width=60.0 height=26.0 rx=13.0 class="x-pill" class:linked=x_linked
                        fill=value_fill(x_value, 1.0)
                        on:mouseenter=move |_| linked.set(is_current().then_some("x"))
                        on:mouseleave=move |_| linked.set(None) />
                    <text x=cx y=198.0 text-anchor="middle" class="x-text" fill=value_ink(x_value, 1.0)>
                        {format_value(x_value)}
                    </text>
                    <text x=cx - 1.0 y=222.0 text-anchor="end" class="x-label">"x"</text>
                    <text x=cx y=226.0 class="svg-sub">{t + 1}</text>
                </svg>
            }
        })
        .collect_view();
    view! {
        <figure class="unrolled-wrap">
            <div class="unrolled" role="group" aria-label=move || tr(Key::UnrolledLabel, lang.get()) data-testid="unrolled">
                <svg class="unrolled-start" viewBox=format!("0 0 {LEFT} {HEIGHT}") width=LEFT height=HEIGHT>
                    {arrow_marker("arrow")}
                    <text x=4.0 y=108.0 class="h0-label">"h"</text>
                    <text x=12.0 y=112.0 class="svg-sub">"0"</text>
                    <text x=19.0 y=108.0 class="h0-label">"= 0"</text>
                    <line x1=8.0 y1=118.0 x2=LEFT y2=118.0 class="flow" />
                </svg>
                {columns}
            </div>
            <figcaption class="sr-hint">{move || tr(Key::UnrolledLabel, lang.get())}</figcaption>
        </figure>
    }
}

/// The formula of the open step with every term's value.
#[component]
fn StepFormula(
    computed: Arc<Computed>,
    step: Signal<usize>,
    activation: Activation,
    linked: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let lang = use_lang();
    let bias = computed.cell.bias().as_slice().to_vec();
    move || {
        let t = step.get().min(computed.trace.len().saturating_sub(1));
        let Some(s) = computed.trace.steps.get(t) else { return ().into_any() };
        let k = t + 1;
        let label = move |key: Key| Signal::derive(move || tr(key, lang.get()).to_string());
        let hover = move |term: &'static str| {
            (move || linked.get() == Some(term), move |_| linked.set(Some(term)), move |_| linked.set(None))
        };
        let (hprev_on, hprev_enter, hprev_leave) = hover("hprev");
        let (x_on, x_enter, x_leave) = hover("x");
        let (h_on, h_enter, h_leave) = hover("h");
        view! {
            <div class="live-formula" data-testid="live-formula">
                <p class="eq-line">
                    <Math src=format!("h_{k} = {}(W_h h_{{{}}} + W_x x_{k} + b)", activation.name(), k - 1) />
                </p>
                <div class="eq-values">
                    <span class="eq-group">
                        <span class="link-term" class:linked=hprev_on data-term="hprev" on:mouseenter=hprev_enter on:mouseleave=hprev_leave>
                            <VectorColumn values=s.h_prev.as_slice().to_vec() id="rnn-hprev" math=format!("h_{{{}}}", k - 1) />
                        </span>
                        <span class="eq-op">","</span>
                        <span class="vcol link-term" class:linked=x_on data-term="x" on:mouseenter=x_enter on:mouseleave=x_leave>
                            <span class="vcell x-cell" data-testid="rnn-x" data-value=s.x[0].to_string()
                                prop:style=format!("background:{};color:{}", value_fill(s.x[0], 1.0), value_ink(s.x[0], 1.0))>
                                {format_value(s.x[0])}
                            </span>
                            <span class="vcol-caption"><Math src=format!("x_{{{k}}}") /></span>
                        </span>
                    </span>
                    <span class="eq-op eq-arrow" aria-hidden="true">"→"</span>
                    <VectorColumn values=s.recurrent.as_slice().to_vec() id="rnn-recurrent" caption=label(Key::RecurrentPart) />
                    <span class="eq-op">"+"</span>
                    <VectorColumn values=s.input.as_slice().to_vec() id="rnn-input" caption=label(Key::InputPart) />
                    <span class="eq-op">"+"</span>
                    <VectorColumn values=bias.clone() id="rnn-bias" caption=label(Key::BiasPart) />
                    <span class="eq-op">"="</span>
                    <VectorColumn values=s.pre.as_slice().to_vec() id="rnn-pre" scale=2.0 caption=label(Key::SumPart) />
                    <span class="eq-op eq-arrow">{activation.name()} " →"</span>
                    <span class="link-term" class:linked=h_on data-term="h" on:mouseenter=h_enter on:mouseleave=h_leave>
                        <VectorColumn values=s.h.as_slice().to_vec() id="rnn-h" caption=label(Key::NewState) />
                    </span>
                </div>
            </div>
        }
        .into_any()
    }
}

/// The weights the cell was drawn with.
#[component]
fn Weights(cell: Arc<RnnCell<f64>>) -> impl IntoView {
    let lang = use_lang();
    let rows = |m: &nalgebra::DMatrix<f64>| {
        m.row_iter().map(|r| r.iter().copied().collect()).collect::<Vec<Vec<f64>>>()
    };
    let w_h = rows(&cell.weight_hh);
    let w_x = rows(&cell.weight_ih);
    let b: Vec<Vec<f64>> = cell.bias().iter().map(|&v| vec![v]).collect();
    view! {
        <details class="weights" data-testid="weights">
            <summary>{move || tr(Key::WeightsHeading, lang.get())}</summary>
            <div class="weights-grid">
                <figure><MatrixTable rows=w_h id="rnn-wh" label="W_h" /><figcaption><Math src="W_h" /></figcaption></figure>
                <figure><MatrixTable rows=w_x id="rnn-wx" label="W_x" /><figcaption><Math src="W_x" /></figcaption></figure>
                <figure><MatrixTable rows=b id="rnn-b" label="b" /><figcaption><Math src="b = b_{ih} + b_{hh}" /></figcaption></figure>
            </div>
        </details>
    }
}
