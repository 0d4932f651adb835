//! The LSTM cell opened up at the time cursor: the cell state runs along the top as a conveyor
//! belt through the forget gate's ⊗ and the input gate's ⊕; the gates sit below with their
//! values; the output gate reads the belt out into h_t. Gates can be clamped (gate surgery) and
//! every number is read from the model's trace.

use std::sync::Arc;

use leptos::prelude::*;
use nalgebra::DVector;

use super::diagram::{
    arrow_marker, cell_frame, fixed, follow, gate_box, linked_term, number_lines, op, step_label, step_name,
    svg_vector, widths,
};
use super::heatmaps::GateHeatmaps;
use super::lstm_backward::LstmBackwardPanel;
use crate::model::Rng;
use crate::model::cell::lstm::LstmTrace;
use crate::model::cell::{GateClamps, LstmCell};
use crate::model::network::{AnyTrace, CellKind};
use crate::model::trace::LstmStep;
use crate::state::presets::SequencePreset;
use crate::ui::i18n::{Key, tr};
use crate::ui::knobs::use_panel;
use crate::ui::markup_view::Math;
use crate::ui::widgets::number::format_value;
use crate::ui::widgets::sequence_editor::SequenceEditor;
use crate::ui::widgets::time_cursor::{Cursor, TimeControls};
use crate::ui::widgets::vector::MatrixTable;
use crate::ui::{fresh_memo, use_lang};

/// A gate clamp as the URL writes it: `off`, or a value in [0, 1].
fn read_clamp(v: &str) -> Option<Option<f64>> {
    if v == "off" { Some(None) } else { crate::state::number(v, 0.0, 1.0).map(Some) }
}

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
        fresh_memo(move |_| {
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
    let trace = fresh_memo(move |_| {
        let xs: Vec<DVector<f64>> = inputs.get().iter().map(|&x| DVector::from_element(1, x)).collect();
        clamped.with(|c| c.forward(&xs, None, None)).map_err(|e| e.to_string())
    });
    // The backward pass of L = Σ_j h_T[j]: the loss reads the last hidden state.
    let backward = fresh_memo(move |_| {
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
    let panel = use_panel();
    panel.knob("x", inputs, crate::state::sequence, |xs| crate::state::write_sequence(xs));
    for (key, clamp) in ["i", "f", "o"].into_iter().zip(clamps) {
        panel.knob(key, clamp, read_clamp, |c| {
            c.map_or_else(|| "off".to_string(), crate::state::write_number)
        });
    }
    panel.flag("back", backward_mode);
    let step = cursor.step;
    let entry = move |pick: fn(&LstmStep<f64>) -> &DVector<f64>, j: Option<usize>| {
        trace.with(|tr| {
            let tr = tr.as_ref().ok()?;
            let s = tr.steps.get(step.get().min(tr.len().saturating_sub(1)))?;
            pick(s).get(j.unwrap_or(1).checked_sub(1)?).copied()
        })
    };
    panel.reading("i", move |j| entry(|s| &s.i, j));
    panel.reading("f", move |j| entry(|s| &s.f, j));
    panel.reading("g", move |j| entry(|s| &s.g, j));
    panel.reading("o", move |j| entry(|s| &s.o, j));
    panel.reading("c", move |j| entry(|s| &s.c, j));
    panel.reading("h", move |j| entry(|s| &s.h, j));
    panel.reading("cprev", move |j| entry(|s| &s.c_prev, j));
    panel.reading("kept", move |j| entry(|s| &s.kept, j));
    panel.reading("written", move |j| entry(|s| &s.written, j));

    view! {
        <section class="scene" data-testid="scene-lstm" tabindex="0" aria-labelledby="scene-lstm-title"
            on:keydown=move |ev| { cursor.handle_key(&ev); }>
            <h2 id="scene-lstm-title" class="scene-title">{move || tr(Key::SceneLstmTitle, lang.get())}</h2>
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
            {move || trace.get().ok().map(|t| {
                let hidden = t.h0.len();
                let trace = Arc::new(AnyTrace::Lstm(t));
                view! { <GateHeatmaps kind=CellKind::Lstm { peepholes: false } trace=trace hidden=hidden step=cursor.step /> }
            })}
            {move || trace.get().ok().map(|t| view! { <LstmEquations trace=t step=cursor.step.get() linked=linked /> })}
            <LstmWeights cell=cell.clone() />
            <p class="legend">{move || tr(Key::ValueLegend, lang.get())}</p>
        </section>
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
    let inputs = first.x.len();
    let (cw, w, xw) = widths(first.h.len(), inputs);
    let last = trace.len() - 1;
    let steps = Arc::new(trace.steps);
    let at = follow(steps.clone(), step);
    let named = move |symbol, offset, key| step_label(step, last, symbol, offset, key);
    // Column centres of the four gate boxes, the two belt operators and the output path.
    let (fx, ix, gx, ox) = (290.0, 440.0, 590.0, 740.0);
    let write_x = 515.0;
    let read_x = 880.0;
    let (g_squash, h_squash) = kind.squash_labels().unwrap_or(("tanh", "tanh"));
    let cec = kind == CellKind::Lstm1997;
    let forget = if cec { Key::CecLoop } else { Key::ForgetGate };
    let numbers = move || {
        let (t, l) = (step.get().min(last), lang.get());
        let s = &steps[t];
        let gate = |name: &str, key| format!("{name} · {}", tr(key, l));
        number_lines([
            (step_name(t, "c", 0, Key::CellPrev, l), s.c_prev.as_slice()),
            (gate("f", forget), s.f.as_slice()),
            (gate("i", Key::InputGate), s.i.as_slice()),
            (gate("g", Key::Candidate), s.g.as_slice()),
            (gate("o", Key::OutputGate), s.o.as_slice()),
            ("i ⊙ g".to_string(), s.written.as_slice()),
            (step_name(t, "c", 1, Key::CellNow, l), s.c.as_slice()),
            (format!("{h_squash}(c)"), s.squashed_c.as_slice()),
            (step_name(t, "h", 1, Key::HiddenNow, l), s.h.as_slice()),
            (step_name(t, "h", 0, Key::HiddenPrev, l), s.h_prev.as_slice()),
            (step_name(t, "x", 1, Key::InputNow, l), s.x.as_slice()),
        ])
    };
    let svg = view! {
            <svg class="lstm-diagram" viewBox="0 0 1040 440" role="img" data-testid="lstm-diagram"
                aria-label=move || tr(Key::LstmDiagramLabel, lang.get()) aria-describedby="lstm-numbers">
                {arrow_marker("arrow-l")}
                // The body and the conveyor belt.
                {cell_frame("lstm-belt")}
                {svg_vector(16.0, 72.0, at(|s| s.c_prev.as_slice().to_vec()), "lstm-cprev", named("c", 0, Key::CellPrev), 2.0, cw)}
                {linked_term("c", linked, svg_vector(1024.0 - w, 72.0, at(|s| s.c.as_slice().to_vec()), "lstm-c", named("c", 1, Key::CellNow), 2.0, cw))}
                {op(fx, 120.0, "×")}
                {op(write_x, 120.0, "+")}
                // Forget gate to the belt.
                <line x1=fx y1=292.0 x2=fx y2=136.0 class="flow" marker-end="url(#arrow-l)" />
                // Input gate and candidate meet, then write onto the belt.
                <line x1=ix y1=292.0 x2=ix y2=200.0 class="flow" />
                <line x1=ix y1=200.0 x2=write_x - 15.0 y2=200.0 class="flow" />
                <line x1=gx y1=292.0 x2=gx y2=200.0 class="flow" />
                <line x1=gx y1=200.0 x2=write_x + 15.0 y2=200.0 class="flow" />
                {op(write_x, 200.0, "×")}
                <line x1=write_x y1=185.0 x2=write_x y2=136.0 class="flow" marker-end="url(#arrow-l)" />
                {svg_vector(write_x + 24.0, 160.0, at(|s| s.written.as_slice().to_vec()), "lstm-ig", fixed("i ⊙ g".into()), 1.0, cw)}
                // Reading the belt out: tanh(c), times o, gives h.
                <line x1=read_x y1=120.0 x2=read_x y2=160.0 class="flow" marker-end="url(#arrow-l)" />
                <rect x=read_x - 26.0 y=162.0 width=52.0 height=26.0 rx=13.0 class="squash" />
                <text x=read_x y=180.0 text-anchor="middle" class="squash-text">{h_squash}</text>
                <line x1=read_x y1=188.0 x2=read_x y2=254.0 class="flow" marker-end="url(#arrow-l)" />
                <line x1=ox + 28.0 y1=306.0 x2=read_x - 15.0 y2=270.0 class="flow" />
                {op(read_x, 270.0, "×")}
                <line x1=read_x y1=285.0 x2=read_x y2=386.0 class="flow" marker-end="url(#arrow-l)" />
                {linked_term("h", linked, svg_vector(1024.0 - w, 410.0, at(|s| s.h.as_slice().to_vec()), "lstm-h", named("h", 1, Key::HiddenNow), 1.0, cw))}
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
    };
    view! {
        <figure class="lstm-wrap">{svg}<p class="diagram-numbers" id="lstm-numbers" data-testid="lstm-numbers">{numbers}</p></figure>
    }
    .into_any()
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
                            if let Some(v) = crate::input::number(&event_target_value(&ev))
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
            <h3>{move || tr(Key::EquationsHeading, lang.get())}</h3>
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
