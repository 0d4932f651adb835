//! The LSTM cell opened up at the time cursor: the cell state runs along the top as a conveyor
//! belt through the forget gate's ⊗ and the input gate's ⊕; the gates sit below with their
//! values; the output gate reads the belt out into h_t. Gates can be clamped (gate surgery) and
//! every number is read from the model's trace.

use std::sync::Arc;

use leptos::prelude::*;
use nalgebra::DVector;

use super::lstm_backward::LstmBackwardPanel;
use crate::lessons::SequencePreset;
use crate::model::Rng;
use crate::model::cell::lstm::LstmTrace;
use crate::model::cell::{GateClamps, LstmCell};
use crate::model::network::CellKind;
use crate::model::trace::LstmStep;
use crate::ui::i18n::{Key, tr};
use crate::ui::markup_view::Math;
use crate::ui::use_lang;
use crate::ui::widgets::number::{format_value, value_fill, value_ink};
use crate::ui::widgets::sequence_editor::SequenceEditor;
use crate::ui::widgets::time_cursor::{Cursor, TimeControls};
use crate::ui::widgets::vector::MatrixTable;

pub(crate) const CELL_W: f64 = 46.0;
/// The narrowest cell that still prints its number.
const NUMBER_W: f64 = 40.0;
/// The widest a vector may be drawn: the gates stand 150 apart.
pub(crate) const VECTOR_W: f64 = 138.0;
const CELL_H: f64 = 22.0;

/// An LSTM reading the preset's sequence, opened up at one step.
#[component]
pub fn LstmCellScene(
    /// What to compute.
    preset: SequencePreset,
) -> impl IntoView {
    let lang = use_lang();
    let cell = Arc::new(LstmCell::<f64>::seeded(1, preset.hidden, false, &mut Rng::new(preset.seed)));
    let inputs = RwSignal::new(preset.inputs.to_vec());
    let clamps = [RwSignal::new(None::<f64>), RwSignal::new(None::<f64>), RwSignal::new(None::<f64>)];
    let clamped = {
        let cell = cell.clone();
        Memo::new(move |_| {
            let mut c = (*cell).clone();
            c.clamps = GateClamps {
                input: clamps[0].get(),
                forget: clamps[1].get(),
                output: clamps[2].get(),
                ..Default::default()
            };
            c
        })
    };
    let trace = Memo::new(move |_| {
        let xs: Vec<DVector<f64>> = inputs.get().iter().map(|&x| DVector::from_element(1, x)).collect();
        clamped.with(|c| c.forward(&xs, None, None)).map_err(|e| e.to_string())
    });
    // The backward pass of L = Σ_j h_T[j]: the loss reads the last hidden state.
    let backward = Memo::new(move |_| {
        let trace = trace.get().ok()?;
        let n = trace.h0.len();
        let mut dh_out = vec![DVector::zeros(n); trace.len()];
        if let Some(last) = dh_out.last_mut() {
            last.fill(1.0);
        }
        clamped.with(|c| c.backward(&trace, &dh_out)).ok().map(|b| (trace, b))
    });
    let backward_mode = RwSignal::new(false);
    // The term under the pointer (or keyboard focus), highlighted in the diagram and the equations.
    let linked = RwSignal::new(None::<&'static str>);
    let cursor = Cursor::new(Signal::derive(move || inputs.with(Vec::len)));

    view! {
        <section class="scene" data-testid="scene-lstm" tabindex="0" aria-labelledby="scene-lstm-title"
            on:keydown=move |ev| { cursor.handle_key(&ev); }>
            <h3 id="scene-lstm-title" class="scene-title">{move || tr(Key::SceneLstmTitle, lang.get())}</h3>
            <p class="scene-caption">{move || preset.caption.get(lang.get())}</p>
            <p class="scene-hint">{move || tr(Key::KeyboardHint, lang.get())}</p>
            <SequenceEditor inputs=inputs />
            {move || match trace.get() {
                Ok(trace) => view! { <LstmDiagram trace=trace step=cursor.step linked=linked /> }.into_any(),
                Err(message) => view! {
                    <p class="scene-error" role="alert">{tr(Key::ModelError, lang.get())} ": " {message}</p>
                }.into_any(),
            }}
            <TimeControls cursor=cursor />
            <div class="mode-switch" role="radiogroup" aria-label=move || tr(Key::PassMode, lang.get())>
                <button role="radio" data-testid="mode-forward" aria-checked=move || (!backward_mode.get()).to_string()
                    on:click=move |_| backward_mode.set(false)>{move || tr(Key::ForwardMode, lang.get())}</button>
                <button role="radio" data-testid="mode-backward" aria-checked=move || backward_mode.get().to_string()
                    on:click=move |_| {
                        backward_mode.set(true);
                        cursor.go(usize::MAX);
                    }>{move || tr(Key::BackwardMode, lang.get())}</button>
            </div>
            {move || {
                if !backward_mode.get() {
                    return None;
                }
                backward.get().map(|(t, b)| view! { <LstmBackwardPanel trace=t back=b step=cursor.step.get() /> })
            }}
            <GateSurgery clamps=clamps />
            {move || trace.get().ok().map(|t| view! { <LstmEquations trace=t step=cursor.step.get() linked=linked /> })}
            <LstmWeights cell=cell.clone() />
            <p class="legend">{move || tr(Key::ValueLegend, lang.get())}</p>
        </section>
    }
}

/// A vector drawn inside the SVG as a row of coloured cells with a label above. The cells stay
/// when the time cursor moves and only their colours and numbers change, so a value carried from
/// one step to the next visibly stays and a changed one fades to its new colour.
/// Cells narrower than `NUMBER_W` show only their colour (the number is in the tooltip and in the
/// equations below the diagram).
#[allow(clippy::too_many_arguments)]
pub(crate) fn svg_vector(
    x: f64,
    y: f64,
    values: Signal<Vec<f64>>,
    id: &'static str,
    label: Signal<String>,
    scale: f64,
    cell_w: f64,
) -> impl IntoView {
    let len = values.with_untracked(Vec::len);
    let cells = (0..len)
        .map(|j| {
            let v = move || values.with(|vs| vs.get(j).copied().unwrap_or(0.0));
            let cx = x + cell_w * j as f64;
            let number = (cell_w >= NUMBER_W).then(|| view! {
                <text x=cx + cell_w / 2.0 - 1.0 y=y + 15.5 text-anchor="middle" class="hcell-text" fill=move || value_ink(v(), scale)>
                    {move || format_value(v())}
                </text>
            });
            view! {
                <g data-testid=format!("{id}-{j}") data-value=move || v().to_string()>
                    <title>{move || format!("{}[{}] = {}", label.get(), j + 1, v())}</title>
                    <rect x=cx y=y width=cell_w - 2.0 height=CELL_H rx=3.0 fill=move || value_fill(v(), scale) class="hcell" />
                    {number}
                </g>
            }
        })
        .collect_view();
    view! {
        <g class="svg-vector">
            <text x=x y=y - 5.0 class="vec-label">{move || label.get()}</text>
            {cells}
        </g>
    }
}

/// The cell diagram at the time cursor.
#[component]
pub(crate) fn LstmDiagram(
    trace: LstmTrace<f64>,
    #[prop(into)] step: Signal<usize>,
    /// The term highlighted here and in the equations (`"i"`, `"f"`, `"g"`, `"o"`, `"c"`, `"h"`).
    linked: RwSignal<Option<&'static str>>,
    /// The forget-gate LSTM or the 1997 cell, whose CEC keeps the cell state with a fixed 1.
    #[prop(default = CellKind::Lstm { peepholes: false })]
    kind: CellKind,
) -> impl IntoView {
    let lang = use_lang();
    let Some(first) = trace.steps.first() else { return ().into_any() };
    let n = first.h.len() as f64;
    let inputs = first.x.len();
    // Up to three units print their numbers; wider cells shrink so the gates never overlap.
    let cw = (VECTOR_W / n).min(CELL_W);
    let w = cw * n;
    let trace = Arc::new(trace);
    let last = trace.len() - 1;
    // One step's vector, following the cursor.
    let at = {
        let trace = trace.clone();
        move |pick: fn(&LstmStep<f64>) -> Vec<f64>| {
            let trace = trace.clone();
            Signal::derive(move || pick(&trace.steps[step.get().min(last)]))
        }
    };
    // A label naming the step: `c₃ · previous cell state`.
    let named = move |symbol: &'static str, offset: usize, key: Key| {
        Signal::derive(move || {
            format!("{symbol}{} · {}", sub(step.get().min(last) + offset), tr(key, lang.get()))
        })
    };
    // Column centres of the four gate boxes, the two belt operators and the output path.
    let (fx, ix, gx, ox) = (290.0, 440.0, 590.0, 740.0);
    let write_x = 515.0;
    let read_x = 880.0;
    // The input: one number, or a one-hot vector over a text's characters.
    let xw = (VECTOR_W / inputs.max(1) as f64).min(CELL_W) * inputs as f64;
    let (g_squash, h_squash) = kind.squash_labels().unwrap_or(("tanh", "tanh"));
    let cec = kind == CellKind::Lstm1997;
    let fixed = |text: String| Signal::derive(move || text.clone());
    view! {
        <figure class="lstm-wrap">
            <svg class="lstm-diagram" viewBox="0 0 1040 440" role="img" data-testid="lstm-diagram"
                aria-label=move || tr(Key::LstmDiagramLabel, lang.get())>
                <defs>
                    <marker id="arrow-l" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
                    </marker>
                </defs>
                <rect x=150.0 y=96.0 width=800.0 height=290.0 rx=18.0 class="cell-body" />
                // The conveyor belt.
                <line x1=20.0 y1=120.0 x2=1008.0 y2=120.0 class="belt" />
                <path d="M 1006 110 L 1024 120 L 1006 130 z" class="belt-head" />
                {svg_vector(16.0, 72.0, at(|s| s.c_prev.as_slice().to_vec()), "lstm-cprev", named("c", 0, Key::CellPrev), 2.0, cw)}
                <g class="term" class:linked=move || linked.get() == Some("c") data-term="c"
                    on:mouseenter=move |_| linked.set(Some("c")) on:mouseleave=move |_| linked.set(None)>
                    {svg_vector(1024.0 - w, 72.0, at(|s| s.c.as_slice().to_vec()), "lstm-c", named("c", 1, Key::CellNow), 2.0, cw)}
                </g>
                <circle cx=fx cy=120.0 r=15.0 class="op" /><text x=fx y=126.0 text-anchor="middle" class="op-text">"×"</text>
                <circle cx=write_x cy=120.0 r=15.0 class="op" /><text x=write_x y=126.0 text-anchor="middle" class="op-text">"+"</text>
                // Forget gate to the belt.
                <line x1=fx y1=292.0 x2=fx y2=136.0 class="flow" marker-end="url(#arrow-l)" />
                // Input gate and candidate meet, then write onto the belt.
                <line x1=ix y1=292.0 x2=ix y2=200.0 class="flow" />
                <line x1=ix y1=200.0 x2=write_x - 15.0 y2=200.0 class="flow" />
                <line x1=gx y1=292.0 x2=gx y2=200.0 class="flow" />
                <line x1=gx y1=200.0 x2=write_x + 15.0 y2=200.0 class="flow" />
                <circle cx=write_x cy=200.0 r=15.0 class="op" /><text x=write_x y=206.0 text-anchor="middle" class="op-text">"×"</text>
                <line x1=write_x y1=185.0 x2=write_x y2=136.0 class="flow" marker-end="url(#arrow-l)" />
                {svg_vector(write_x + 24.0, 160.0, at(|s| s.i.component_mul(&s.g).as_slice().to_vec()), "lstm-ig", fixed("i ⊙ g".into()), 1.0, cw)}
                // Reading the belt out: tanh(c), times o, gives h.
                <line x1=read_x y1=120.0 x2=read_x y2=160.0 class="flow" marker-end="url(#arrow-l)" />
                <rect x=read_x - 26.0 y=162.0 width=52.0 height=26.0 rx=13.0 class="squash" />
                <text x=read_x y=180.0 text-anchor="middle" class="squash-text">{h_squash}</text>
                <line x1=read_x y1=188.0 x2=read_x y2=254.0 class="flow" marker-end="url(#arrow-l)" />
                <line x1=ox + 28.0 y1=306.0 x2=read_x - 15.0 y2=270.0 class="flow" />
                <circle cx=read_x cy=270.0 r=15.0 class="op" /><text x=read_x y=276.0 text-anchor="middle" class="op-text">"×"</text>
                <line x1=read_x y1=285.0 x2=read_x y2=386.0 class="flow" marker-end="url(#arrow-l)" />
                <g class="term" class:linked=move || linked.get() == Some("h") data-term="h"
                    on:mouseenter=move |_| linked.set(Some("h")) on:mouseleave=move |_| linked.set(None)>
                    {svg_vector(1024.0 - w, 410.0, at(|s| s.h.as_slice().to_vec()), "lstm-h", named("h", 1, Key::HiddenNow), 1.0, cw)}
                </g>
                {svg_vector(read_x - 34.0 - w, 166.0, at(|s| s.squashed_c.as_slice().to_vec()), "lstm-tanhc", fixed(format!("{h_squash}(c)")), 1.0, cw)}
                // The gates.
                {if cec {
                    // No forget gate: the carousel's self-loop, a constant 1 (the trace's f is all ones).
                    gate_box(fx, "1", "f", at(|s| s.f.as_slice().to_vec()), "lstm-f", Key::CecLoop, w, linked).into_any()
                } else {
                    gate_box(fx, "σ", "f", at(|s| s.f.as_slice().to_vec()), "lstm-f", Key::ForgetGate, w, linked).into_any()
                }}
                {gate_box(ix, "σ", "i", at(|s| s.i.as_slice().to_vec()), "lstm-i", Key::InputGate, w, linked)}
                {gate_box(gx, g_squash, "g", at(|s| s.g.as_slice().to_vec()), "lstm-g", Key::Candidate, w, linked)}
                {gate_box(ox, "σ", "o", at(|s| s.o.as_slice().to_vec()), "lstm-o", Key::OutputGate, w, linked)}
                // What every gate reads: h_{t−1} and x_t.
                <line x1=150.0 y1=360.0 x2=ox y2=360.0 class="bus" />
                {[fx, ix, gx, ox].map(|x| view! { <line x1=x y1=360.0 x2=x y2=330.0 class="flow" marker-end="url(#arrow-l)" /> }).collect_view()}
                {svg_vector(16.0, 318.0, at(|s| s.h_prev.as_slice().to_vec()), "lstm-hprev", named("h", 0, Key::HiddenPrev), 1.0, cw)}
                {svg_vector(16.0, 390.0, at(|s| s.x.as_slice().to_vec()), "lstm-x", named("x", 1, Key::InputNow), 1.0, xw / inputs.max(1) as f64)}
                <line x1=16.0 + w + 4.0 y1=328.0 x2=150.0 y2=360.0 class="flow" />
                <line x1=16.0 + xw + 4.0 y1=400.0 x2=150.0 y2=360.0 class="flow" />
            </svg>
        </figure>
    }
    .into_any()
}

/// `12` → `₁₂`, for labels inside SVG text, where `<sub>` does not exist.
pub(crate) fn sub(n: usize) -> String {
    n.to_string().chars().filter_map(|c| c.to_digit(10).and_then(|d| char::from_u32(0x2080 + d))).collect()
}

/// A gate: its squash in a box, its values above. Pointing at it highlights its equation.
#[allow(clippy::too_many_arguments)]
pub(crate) fn gate_box(
    x: f64,
    squash: &'static str,
    name: &'static str,
    values: Signal<Vec<f64>>,
    id: &'static str,
    key: Key,
    w: f64,
    linked: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <g class=format!("gate gate-{name} term") class:linked=move || linked.get() == Some(name) data-term=name
            on:mouseenter=move |_| linked.set(Some(name)) on:mouseleave=move |_| linked.set(None)>
            <rect x=x - 30.0 y=294.0 width=60.0 height=34.0 rx=8.0 class="gate-box" />
            <text x=x y=316.0 text-anchor="middle" class="gate-text">{squash}</text>
            {svg_vector(x - w / 2.0, 254.0, values, id, Signal::derive(move || format!("{name} · {}", tr(key, lang.get()))), 1.0, w / values.with_untracked(Vec::len).max(1) as f64)}
        </g>
    }
}

/// Clamp controls for the three gates.
#[component]
fn GateSurgery(clamps: [RwSignal<Option<f64>>; 3]) -> impl IntoView {
    let lang = use_lang();
    let rows = [(Key::InputGate, "input", 0.0), (Key::ForgetGate, "forget", 1.0), (Key::OutputGate, "output", 1.0)]
        .into_iter()
        .zip(clamps)
        .map(|((key, id, default), clamp)| {
            let value = move || clamp.get().unwrap_or(default);
            view! {
                <div class="surgery-row">
                    <label class="surgery-toggle">
                        <input type="checkbox" data-testid=format!("clamp-{id}") prop:checked=move || clamp.get().is_some()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                clamp.set(on.then_some(default));
                            } />
                        <span>{move || tr(key, lang.get())}</span>
                    </label>
                    <input type="range" min="0" max="1" step="0.05" data-testid=format!("clamp-{id}-value")
                        aria-label=move || format!("{} {}", tr(key, lang.get()), tr(Key::GateClamped, lang.get()))
                        disabled=move || clamp.get().is_none() prop:value=move || value().to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>()
                                && v.is_finite()
                            {
                                clamp.set(Some(v.clamp(0.0, 1.0)));
                            }
                        } />
                    <output class="surgery-value">
                        {move || match clamp.get() {
                            Some(v) => format!("{} {}", tr(Key::GateClamped, lang.get()), format_value(v)),
                            None => tr(Key::GateFree, lang.get()).to_string(),
                        }}
                    </output>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="surgery">
            <legend>{move || tr(Key::GateSurgery, lang.get())}</legend>
            {rows}
        </fieldset>
    }
}

fn list(v: &DVector<f64>) -> String {
    format!("[{}]", v.iter().map(|&x| format_value(x)).collect::<Vec<_>>().join(", "))
}

/// The six equations of the step with their values.
#[component]
pub(crate) fn LstmEquations(
    trace: LstmTrace<f64>,
    step: usize,
    linked: RwSignal<Option<&'static str>>,
    /// The forget-gate LSTM or the 1997 cell.
    #[prop(default = CellKind::Lstm { peepholes: false })]
    kind: CellKind,
) -> impl IntoView {
    let lang = use_lang();
    let Some(s) = trace.steps.get(step).cloned() else { return ().into_any() };
    let (k, p) = (step + 1, step);
    let lines = if kind == CellKind::Lstm1997 {
        [
            ("i", format!("i_{k} = σ(…)"), list(&s.i)),
            ("f", format!("f_{k} = 1 (CEC)"), list(&s.f)),
            ("g", format!("g_{k} = 4σ(…) − 2"), list(&s.g)),
            ("o", format!("o_{k} = σ(…)"), list(&s.o)),
            ("c", format!("c_{k} = c_{{{p}}} + i_{k} ⊙ g_{k}"), list(&s.c)),
            ("h", format!("h_{k} = o_{k} ⊙ (2σ(c_{k}) − 1)"), list(&s.h)),
        ]
    } else {
        [
            ("i", format!("i_{k} = σ(…)"), list(&s.i)),
            ("f", format!("f_{k} = σ(…)"), list(&s.f)),
            ("g", format!("g_{k} = tanh(…)"), list(&s.g)),
            ("o", format!("o_{k} = σ(…)"), list(&s.o)),
            ("c", format!("c_{k} = f_{k} ⊙ c_{{{p}}} + i_{k} ⊙ g_{k}"), list(&s.c)),
            ("h", format!("h_{k} = o_{k} ⊙ tanh(c_{k})"), list(&s.h)),
        ]
    };
    view! {
        <div class="lstm-equations">
            <h4>{move || tr(Key::EquationsHeading, lang.get())}</h4>
            <dl>
                {lines.into_iter().map(|(term, lhs, rhs)| view! {
                    <div class="eq-row" class:linked=move || linked.get() == Some(term) data-term=term tabindex="0"
                        on:mouseenter=move |_| linked.set(Some(term)) on:mouseleave=move |_| linked.set(None)
                        on:focus=move |_| linked.set(Some(term)) on:blur=move |_| linked.set(None)>
                        <dt><Math src=lhs /></dt><dd><code>{rhs}</code></dd>
                    </div>
                }).collect_view()}
            </dl>
        </div>
    }
    .into_any()
}

/// The cell's weights, for checking by hand (and by the browser tests).
#[component]
fn LstmWeights(cell: Arc<LstmCell<f64>>) -> impl IntoView {
    let lang = use_lang();
    let rows = |m: &nalgebra::DMatrix<f64>| {
        m.row_iter().map(|r| r.iter().copied().collect()).collect::<Vec<Vec<f64>>>()
    };
    let bias: Vec<Vec<f64>> = (&cell.bias_ih + &cell.bias_hh).iter().map(|&v| vec![v]).collect();
    view! {
        <details class="weights" data-testid="lstm-weights">
            <summary>{move || tr(Key::WeightsHeading, lang.get())}</summary>
            <div class="weights-grid">
                <figure><MatrixTable rows=rows(&cell.weight_ih) id="lstm-wih" label="W" /><figcaption><Math src="W (i, f, g, o)" /></figcaption></figure>
                <figure><MatrixTable rows=rows(&cell.weight_hh) id="lstm-whh" label="U" /><figcaption><Math src="U (i, f, g, o)" /></figcaption></figure>
                <figure><MatrixTable rows=bias id="lstm-b" label="b" /><figcaption><Math src="b = b_{ih} + b_{hh}" /></figcaption></figure>
            </div>
        </details>
    }
}
