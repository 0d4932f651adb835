//! What the opened-cell diagrams (LSTM, GRU) share: vectors drawn as rows of coloured cells that
//! follow the time cursor in place, gate boxes, and the step-labelled captions.

use std::sync::Arc;

use leptos::prelude::*;

use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;
use crate::ui::widgets::number::{format_value, value_fill, value_ink};

pub(crate) const CELL_W: f64 = 46.0;
/// The narrowest cell that still prints its number.
pub(crate) const NUMBER_W: f64 = 40.0;
/// The widest a vector may be drawn: the gates stand 150 apart.
pub(crate) const VECTOR_W: f64 = 138.0;
pub(crate) const CELL_H: f64 = 22.0;

/// Cell widths for a diagram of `hidden` units reading `inputs` values: (unit cell, hidden vector,
/// input vector). Up to three units print their numbers; wider vectors shrink so the gates never
/// overlap.
pub(crate) fn widths(hidden: usize, inputs: usize) -> (f64, f64, f64) {
    let cw = (VECTOR_W / hidden.max(1) as f64).min(CELL_W);
    let xw = (VECTOR_W / inputs.max(1) as f64).min(CELL_W) * inputs as f64;
    (cw, cw * hidden as f64, xw)
}

/// Which vector of a recorded step to draw.
pub(crate) type Pick<S> = fn(&S) -> Vec<f64>;

/// A factory of signals, one per vector of the step at the cursor: `at(|s| s.h.as_slice().to_vec())`.
pub(crate) fn follow<S: Send + Sync + 'static>(
    steps: Arc<Vec<S>>,
    step: Signal<usize>,
) -> impl Fn(Pick<S>) -> Signal<Vec<f64>> + Clone {
    let last = steps.len().saturating_sub(1);
    move |pick| {
        let steps = steps.clone();
        Signal::derive(move || steps.get(step.get().min(last)).map(pick).unwrap_or_default())
    }
}

/// A caption naming the cursor's step: `c₃ · previous cell state` (`offset` 1 names t, 0 t − 1).
pub(crate) fn step_label(
    step: Signal<usize>,
    last: usize,
    symbol: &'static str,
    offset: usize,
    key: Key,
) -> Signal<String> {
    let lang = use_lang();
    Signal::derive(move || {
        format!("{symbol}{} · {}", sub(step.get().min(last) + offset), tr(key, lang.get()))
    })
}

/// A group that lights up with its equation: pointing at it sets `linked` to `term`.
pub(crate) fn linked_term(
    term: &'static str,
    linked: RwSignal<Option<&'static str>>,
    child: impl IntoView,
) -> impl IntoView {
    view! {
        <g class="term" class:linked=move || linked.get() == Some(term) data-term=term
            on:mouseenter=move |_| linked.set(Some(term)) on:mouseleave=move |_| linked.set(None)>
            {child}
        </g>
    }
}

/// The cell's body and the state path along its top, ending in an arrowhead: the LSTM's
/// conveyor belt or the GRU's hidden path (`extra` adds the path's colour class).
pub(crate) fn cell_frame(extra: &'static str) -> impl IntoView {
    view! {
        <rect x=150.0 y=96.0 width=800.0 height=290.0 rx=18.0 class="cell-body" />
        <line x1=20.0 y1=120.0 x2=1008.0 y2=120.0 class=format!("belt {extra}") data-part="belt" />
        <path d="M 1006 110 L 1024 120 L 1006 130 z" class=format!("belt-head {extra}-head") />
    }
}

/// A pointwise operation: a circle with its sign.
pub(crate) fn op(x: f64, y: f64, sign: &'static str) -> impl IntoView {
    view! { <circle cx=x cy=y r=15.0 class="op" /><text x=x y=y + 6.0 text-anchor="middle" class="op-text">{sign}</text> }
}

/// A caption that never changes.
pub(crate) fn fixed(text: String) -> Signal<String> {
    Signal::derive(move || text.clone())
}

/// The arrowhead marker a diagram's flow lines point with.
pub(crate) fn arrow_marker(id: &'static str) -> impl IntoView {
    view! {
        <defs>
            <marker id=id viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M 0 0 L 10 5 L 0 10 z" class="arrow-head" />
            </marker>
        </defs>
    }
}

/// A diagram's numbers as text, one vector a line ("c₃ · cell state: 0.412  −0.130"): the
/// diagram's text alternative (its `aria-describedby` names the paragraph) and, on phones, where
/// the numbers are read (the diagram is too small for them there).
pub(crate) fn number_lines<'a>(rows: impl IntoIterator<Item = (String, &'a [f64])>) -> String {
    rows.into_iter()
        .map(|(label, v)| {
            format!("{label}: {}", v.iter().map(|&x| format_value(x)).collect::<Vec<_>>().join("  "))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// A step label as [`step_label`] writes it, for [`number_lines`].
pub(crate) fn step_name(
    step: usize,
    symbol: &str,
    offset: usize,
    key: Key,
    lang: crate::text::Lang,
) -> String {
    format!("{symbol}{} · {}", sub(step + offset), tr(key, lang))
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
    let part = match name {
        "f" => "forget",
        "i" => "input",
        "o" => "output",
        _ => "candidate",
    };
    view! {
        <g class=format!("gate gate-{name} term") class:linked=move || linked.get() == Some(name) data-term=name data-part=part
            on:mouseenter=move |_| linked.set(Some(name)) on:mouseleave=move |_| linked.set(None)>
            <rect x=x - 30.0 y=294.0 width=60.0 height=34.0 rx=8.0 class="gate-box" />
            <text x=x y=316.0 text-anchor="middle" class="gate-text">{squash}</text>
            {svg_vector(x - w / 2.0, 254.0, values, id, Signal::derive(move || format!("{name} · {}", tr(key, lang.get()))), 1.0, w / values.with_untracked(Vec::len).max(1) as f64)}
        </g>
    }
}

/// `12` → `₁₂`, for labels inside SVG text, where `<sub>` does not exist.
pub(crate) fn sub(n: usize) -> String {
    n.to_string().chars().filter_map(|c| c.to_digit(10).and_then(|d| char::from_u32(0x2080 + d))).collect()
}
