//! The GRU cell opened up at the time cursor, drawn like the LSTM: the hidden state runs along
//! the top; the update gate z keeps part of it (z ⊙ h_{t−1}) and lets the candidate n fill the
//! rest ((1 − z) ⊙ n); the reset gate r decides how much of h_{t−1} the candidate may read.
//! Every number is read from the model's trace.

use std::sync::Arc;

use leptos::prelude::*;

use super::diagram::{
    arrow_marker, cell_frame, fixed, follow, gate_box, linked_term, number_lines, op, step_label, step_name,
    svg_vector, widths,
};
use crate::model::trace::{GruStep, Trace};
use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;

/// The GRU diagram at the time cursor.
#[component]
pub(crate) fn GruDiagram(
    trace: Trace<f64, GruStep<f64>>,
    #[prop(into)] step: Signal<usize>,
    /// The term highlighted here and in the equations (`"r"`, `"z"`, `"n"`, `"h"`).
    linked: RwSignal<Option<&'static str>>,
) -> impl IntoView {
    let lang = use_lang();
    let Some(first) = trace.steps.first() else { return ().into_any() };
    let inputs = first.x.len();
    let (cw, w, xw) = widths(first.h.len(), inputs);
    let last = trace.len() - 1;
    let steps = Arc::new(trace.steps);
    let at = follow(steps.clone(), step);
    let named = move |symbol, offset, key| step_label(step, last, symbol, offset, key);
    // Columns: the update gate and its ×, the reset gate, the candidate and the mixing +.
    let (zx, rx, nx) = (330.0, 520.0, 710.0);
    let numbers = move || {
        let (t, l) = (step.get().min(last), lang.get());
        let s = &steps[t];
        let gate = |name: &str, key| format!("{name} · {}", tr(key, l));
        number_lines([
            (step_name(t, "h", 0, Key::HiddenPrev, l), s.h_prev.as_slice()),
            (gate("z", Key::GruUpdate), s.z.as_slice()),
            (gate("r", Key::GruReset), s.r.as_slice()),
            (gate("n", Key::GruCandidate), s.n.as_slice()),
            ("z ⊙ h".to_string(), s.kept.as_slice()),
            ("(1 − z) ⊙ n".to_string(), s.written.as_slice()),
            (step_name(t, "h", 1, Key::HiddenNow, l), s.h.as_slice()),
            (step_name(t, "x", 1, Key::InputNow, l), s.x.as_slice()),
        ])
    };
    let svg = view! {
            <svg class="lstm-diagram gru-diagram" viewBox="0 0 1040 440" role="img" data-testid="gru-diagram"
                aria-label=move || tr(Key::GruDiagramLabel, lang.get()) aria-describedby="gru-numbers">
                {arrow_marker("arrow-g")}
                // The body and the hidden state's own path: kept by z, topped up by (1 − z) ⊙ n.
                {cell_frame("gru-path")}
                {svg_vector(16.0, 72.0, at(|s| s.h_prev.as_slice().to_vec()), "gru-hprev", named("h", 0, Key::HiddenPrev), 1.0, cw)}
                {linked_term("h", linked, svg_vector(1024.0 - w, 72.0, at(|s| s.h.as_slice().to_vec()), "gru-h", named("h", 1, Key::HiddenNow), 1.0, cw))}
                {op(zx, 120.0, "×")}
                {op(nx, 120.0, "+")}
                {svg_vector(zx + 24.0, 150.0, at(|s| s.kept.as_slice().to_vec()), "gru-zh", fixed("z ⊙ h".into()), 1.0, cw)}
                // z keeps part of h_{t−1} ...
                <line x1=zx y1=292.0 x2=zx y2=136.0 class="flow" marker-end="url(#arrow-g)" />
                // ... and 1 − z lets the candidate in.
                <line x1=zx y1=222.0 x2=nx - 60.0 y2=222.0 class="flow" />
                <rect x=nx - 84.0 y=210.0 width=40.0 height=24.0 rx=12.0 class="squash" />
                <text x=nx - 64.0 y=227.0 text-anchor="middle" class="squash-text">"1 −"</text>
                <line x1=nx - 44.0 y1=222.0 x2=nx - 15.0 y2=200.0 class="flow" />
                {op(nx, 200.0, "×")}
                <line x1=nx y1=185.0 x2=nx y2=136.0 class="flow" marker-end="url(#arrow-g)" />
                <line x1=nx y1=292.0 x2=nx y2=216.0 class="flow" />
                {svg_vector(nx + 24.0, 150.0, at(|s| s.written.as_slice().to_vec()), "gru-zn", fixed("(1 − z) ⊙ n".into()), 1.0, cw)}
                // The reset gate scales what the candidate reads of h_{t−1}.
                <line x1=rx + 30.0 y1=311.0 x2=nx - 30.0 y2=311.0 class="flow" marker-end="url(#arrow-g)" />
                <text x=(rx + nx) / 2.0 y=304.0 text-anchor="middle" class="vec-label">"r ⊙ (Uₙ h + cₙ)"</text>
                {gate_box(zx, "σ", "z", at(|s| s.z.as_slice().to_vec()), "gru-z", Key::GruUpdate, w, linked)}
                {gate_box(rx, "σ", "r", at(|s| s.r.as_slice().to_vec()), "gru-r", Key::GruReset, w, linked)}
                {gate_box(nx, "tanh", "n", at(|s| s.n.as_slice().to_vec()), "gru-n", Key::GruCandidate, w, linked)}
                // Every gate reads h_{t−1} and x_t.
                <line x1=60.0 y1=128.0 x2=60.0 y2=360.0 class="flow" />
                <line x1=60.0 y1=360.0 x2=nx y2=360.0 class="bus" />
                {[zx, rx, nx].map(|x| view! { <line x1=x y1=360.0 x2=x y2=330.0 class="flow" marker-end="url(#arrow-g)" /> }).collect_view()}
                {svg_vector(16.0, 400.0, at(|s| s.x.as_slice().to_vec()), "gru-x", named("x", 1, Key::InputNow), 1.0, xw / inputs.max(1) as f64)}
                <line x1=16.0 + xw + 4.0 y1=410.0 x2=150.0 y2=360.0 class="flow" />
            </svg>
    };
    view! {
        <figure class="lstm-wrap">{svg}<p class="diagram-numbers" id="gru-numbers" data-testid="gru-numbers">{numbers}</p></figure>
    }
    .into_any()
}
