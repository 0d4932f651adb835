//! One cell over the whole sequence, folded into its loop or unrolled into a row of copies.

use leptos::prelude::*;
use nalgebra::DVector;

use super::{KINDS, Model, SHOWN_STEPS, kind_id};
use crate::model::network::{AnyTrace, CellKind};
use crate::ui::i18n::{Key, tr};
use crate::ui::scenes::diagram::arrow_marker;
use crate::ui::use_lang;
use crate::ui::widgets::number::value_fill;
use crate::ui::widgets::time_cursor::open_on_key;

const UNIT: f64 = 12.0;
const LEFT: f64 = 44.0;
const HEIGHT: f64 = 196.0;

fn col_width(hidden: usize) -> f64 {
    (UNIT * hidden as f64 + 30.0).max(76.0)
}

/// How many columns of `units` squares fit in `room` CSS px beside the h₀ label: at least one,
/// at most [`SHOWN_STEPS`] (all of them when the room is not known).
pub(super) fn steps_that_fit(room: Option<f64>, units: usize) -> usize {
    room.map_or(SHOWN_STEPS, |r| {
        (((r - LEFT - 8.0) / col_width(units)).floor().max(1.0) as usize).min(SHOWN_STEPS)
    })
}

/// A row of small squares, one per unit, each with its exact value in a tooltip.
/// Unit j of the row is unit `start + j` of the layer: its test id and its label say so.
fn squares(
    values: &[f64],
    x0: f64,
    y: f64,
    name: String,
    scale: f64,
    testid: String,
    start: usize,
) -> impl IntoView + use<> {
    values
        .iter()
        .enumerate()
        .map(|(j, &v)| {
            let unit = start + j;
            view! {
                <rect x=x0 + UNIT * j as f64 y=y width=UNIT - 1.0 height=UNIT - 1.0 rx=2.0 class="unit"
                    fill=value_fill(v, scale) data-testid=format!("{testid}-{unit}") data-value=v.to_string()>
                    <title>{format!("{name}[{}] = {v}", unit + 1)}</title>
                </rect>
            }
        })
        .collect_view()
}

/// The name written inside each copy of the cell.
fn cell_label(kind: CellKind) -> &'static str {
    match kind {
        CellKind::Rnn(a) => a.name(),
        CellKind::Lstm { .. } => "LSTM",
        CellKind::Lstm1997 => "LSTM '97",
        CellKind::Gru => "GRU",
    }
}

/// The input under a column: the character read, or a pill coloured by the number x.
fn input_pill(cx: f64, ch: Option<char>, x: f64) -> AnyView {
    match ch {
        Some(ch) => view! {
            <rect x=cx - 20.0 y=160.0 width=40.0 height=18.0 rx=9.0 class="x-pill x-char" />
            <text x=cx y=174.0 text-anchor="middle" class="x-char-text">{ch.to_string()}</text>
        }
        .into_any(),
        None => view! {
            <rect x=cx - 20.0 y=160.0 width=40.0 height=18.0 rx=9.0 class="x-pill" fill=value_fill(x, 1.0) />
        }
        .into_any(),
    }
}

/// The test id stem of a layer's lane: the cell's name for the first layer (`lstm-h-3-0`), with
/// the layer for the others (`lstm-l2-h-3-0`).
pub(super) fn lane_id(model: &Model) -> String {
    let id = kind_id(model.kind);
    if model.layer == 0 { id.to_string() } else { format!("{id}-l{}", model.layer + 1) }
}

/// One layer over the sequence: folded into its loop, or unrolled into a row of copies, steps
/// `first ..` of it (a page of `shown` steps, at most [`SHOWN_STEPS`]).
#[component]
pub(super) fn Lane(
    model: Model,
    step: RwSignal<usize>,
    folded: RwSignal<bool>,
    first: usize,
    shown: usize,
) -> impl IntoView {
    let lang = use_lang();
    let Ok(trace) = model.trace.clone() else {
        let error = model.trace.err();
        return view! { <p class="scene-error" role="alert" data-testid="run-error">{move || error.as_ref().map(|e| e.message(lang.get()))}</p> }
            .into_any();
    };
    let kind_name = kind_id(model.kind);
    let id = lane_id(&model);
    let start = model.start;
    let chars = model.chars.clone();
    let hs = trace.hidden_states();
    let cs: Option<Vec<DVector<f64>>> = match &*trace {
        AnyTrace::Lstm(t) => Some(t.steps.iter().map(|s| s.c.clone()).collect()),
        _ => None,
    };
    let n = hs.first().map_or(0, |h| h.len());
    let col = col_width(n);
    let total = hs.len();
    let first = first.min(total.saturating_sub(1));
    let len = total.saturating_sub(first).min(shown);
    let cell_label = cell_label(model.kind);
    let below = model.layer > 0;
    let columns = hs
        .iter()
        .enumerate()
        .skip(first)
        .take(len)
        .map(|(t, h)| {
            let id = id.clone();
            let cx = col / 2.0;
            let row_x = cx - UNIT * n as f64 / 2.0;
            let is_current = move || step.get() == t;
            let offset = move || if folded.get() { 0.0 } else { col * (t - first) as f64 };
            let belt = cs.as_ref().map(|cs| {
                let c = cs[t].as_slice().to_vec();
                view! {
                    <line x1=0.0 y1=86.0 x2=col y2=86.0 class="belt lane-belt" />
                    {squares(&c, row_x, 80.0, format!("c_{}", t + 1), 2.0, format!("{id}-c-{}", t + 1), start)}
                }
            });
            view! {
                <g class="lane-col" class:current=is_current
                    prop:style=move || format!("transform:translateX({}px)", offset())
                    role="button" tabindex=move || if folded.get() && !is_current() { "-1" } else { "0" }
                    aria-hidden=move || (folded.get() && !is_current()).to_string()
                    data-testid=format!("{id}-col-{}", t + 1)
                    aria-pressed=move || is_current().to_string()
                    on:click=move |_| step.set(t)
                    on:keydown=move |ev| open_on_key(&ev, || step.set(t))>
                    <rect x=3.0 y=2.0 width=col - 6.0 height=HEIGHT - 4.0 rx=8.0 class="col-bg" />
                    <text x=cx y=16.0 text-anchor="middle" class="col-label">{format!("t = {}", t + 1)}</text>
                    {squares(h.as_slice(), row_x, 26.0, format!("h_{}", t + 1), 1.0, format!("{id}-h-{}", t + 1), start)}
                    <line x1=cx y1=70.0 x2=cx y2=42.0 class="flow" marker-end="url(#arrow-x)" />
                    <rect x=cx - 30.0 y=70.0 width=60.0 height=56.0 rx=8.0 class="cell-box" />
                    {belt}
                    <text x=cx y=116.0 text-anchor="middle" class="cell-label">{cell_label}</text>
                    <line x1=cx + 30.0 y1=104.0 x2=col y2=104.0 class="flow lane-next" />
                    <line x1=0.0 y1=104.0 x2=cx - 30.0 y2=104.0 class="flow" marker-end="url(#arrow-x)" />
                    <line x1=cx y1=158.0 x2=cx y2=128.0 class="flow" marker-end="url(#arrow-x)" />
                    {(!below).then(|| input_pill(cx, chars.as_ref().and_then(|c| c.get(t)).copied(), model_x(&trace, t)))}
                    <text x=cx y=190.0 text-anchor="middle" class="x-label">
                        {if below { format!("h{}", sub(t + 1)) } else { format!("x{}", sub(t + 1)) }}
                    </text>
                </g>
            }
        })
        .collect_view();
    let width = move || if folded.get() { LEFT + col + 40.0 } else { LEFT + col * len as f64 + 8.0 };
    let (layer, layers) = (model.layer, model.layers);
    let hidden = model.cell.hidden_size();
    let title = move || {
        let lang = lang.get();
        let mut title =
            tr(KINDS.iter().find(|k| k.1 == kind_name).map_or(Key::KindRnn, |k| k.2), lang).to_string();
        if layers > 1 {
            title = format!("{title} · {} {}/{layers}", tr(Key::Layer, lang), layer + 1);
        }
        if hidden > n {
            title = format!("{title} · {}", units_note(lang, start, n, hidden));
        }
        if total > len {
            title = format!("{title} · {}", steps_note(lang, first, len, total));
        }
        title
    };
    view! {
        <figure class="lane" data-testid=format!("lane-{id}") data-folded=move || folded.get().to_string()
            data-layer=layer + 1 data-first-unit=start + 1 data-first-step=first + 1>
            <figcaption class="lane-title">{title}</figcaption>
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

/// "units 9–16 of 64", in `lang`.
pub(super) fn units_note(lang: crate::text::Lang, start: usize, shown: usize, hidden: usize) -> String {
    tr(Key::UnitsShown, lang)
        .replace("{a}", &(start + 1).to_string())
        .replace("{b}", &(start + shown).to_string())
        .replace("{n}", &hidden.to_string())
}

/// "steps 41–80 of 2000", in `lang`.
fn steps_note(lang: crate::text::Lang, first: usize, shown: usize, total: usize) -> String {
    tr(Key::StepsShown, lang)
        .replace("{a}", &(first + 1).to_string())
        .replace("{b}", &(first + shown).to_string())
        .replace("{n}", &total.to_string())
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

#[cfg(test)]
mod tests {
    use super::super::SHOWN_UNITS;
    use super::*;

    /// A lane of `steps` columns of `units` squares is this wide (the picture's own width).
    fn lane_width(steps: usize, units: usize) -> f64 {
        LEFT + col_width(units) * steps as f64 + 8.0
    }

    #[test]
    fn a_page_of_steps_fills_the_room_and_one_more_step_would_not_fit() {
        // Four units: a column of 4 · 12 + 30 = 78 px; 44 + 3 · 78 + 8 = 286 ≤ 327 < 364.
        assert_eq!(steps_that_fit(Some(327.0), 4), 3);
        for units in 1..=SHOWN_UNITS {
            for room in (100..1400).step_by(7) {
                let room = f64::from(room);
                let k = steps_that_fit(Some(room), units);
                assert!((1..=SHOWN_STEPS).contains(&k));
                assert!(k == 1 || lane_width(k, units) <= room, "{k} steps of {units} units in {room} px");
                assert!(k == SHOWN_STEPS || lane_width(k + 1, units) > room, "room for more than {k}");
            }
        }
        assert_eq!(steps_that_fit(None, 4), SHOWN_STEPS);
        assert_eq!(steps_that_fit(Some(0.0), 8), 1);
    }
}
