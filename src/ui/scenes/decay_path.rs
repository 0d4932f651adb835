//! The decay plot's unrolled view: the RNN's hidden states (and, once the LSTM is on the plot,
//! its hidden states and its belt) as rows of steps 1 … T, each shaded by how much of an error at step T reaches it (the plotted norms), with
//! the path of a chosen lag k — from step T back to step T − k — drawn over it. Clicking a step
//! or the plot picks the lag; so does the lag slider beside it.

use leptos::prelude::*;

use crate::text::Lang;
use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;
use crate::ui::widgets::number::format_wide;

/// Width of one step in the view box.
const STEP: f64 = 8.0;
/// Room on the left for the lane names.
const LEFT: f64 = 62.0;
const LANE: f64 = 22.0;
const TOP: f64 = 26.0;

/// The norms at every lag, as the lab computed them.
#[derive(Clone, Default, PartialEq)]
pub struct LagCurves {
    /// RNN ‖∂h_T/∂h_{T−k}‖.
    pub rnn: Vec<f64>,
    /// LSTM ‖∂h_T/∂h_{T−k}‖.
    pub lstm: Vec<f64>,
    /// LSTM belt ‖∂c_T/∂c_{T−k}‖.
    pub belt: Vec<f64>,
}

/// How strongly a step is shaded for a norm `v`: opacity over six decades below 1, and whether
/// it has grown past 1 (exploding), which is drawn in red.
fn shade(v: f64) -> (f64, bool) {
    if !(v.is_finite() && v > 0.0) {
        return (if v.is_infinite() { 1.0 } else { 0.04 }, v.is_infinite());
    }
    let decades = v.log10();
    if decades > 0.05 {
        ((0.35 + decades / 6.0).min(1.0), true)
    } else {
        ((1.0 + decades / 6.0).clamp(0.04, 1.0), false)
    }
}

/// One lane: steps 1 … T shaded by `values[T − t]`, clickable.
fn lane(
    name: &'static str,
    row: usize,
    color: &'static str,
    values: Vec<f64>,
    lag: RwSignal<Option<usize>>,
) -> impl IntoView {
    let steps = values.len().saturating_sub(1);
    let y = TOP + row as f64 * (LANE + 6.0);
    let cells = (1..=steps)
        .map(|t| {
            let v = values[steps - t];
            let (opacity, exploding) = shade(v);
            let fill = if exploding { "#c0392b" } else { color };
            view! {
                <rect class="path-step" x=LEFT + (t - 1) as f64 * STEP y=y width=STEP - 1.0 height=LANE rx="1.5"
                    fill=fill fill-opacity=format!("{opacity:.3}")
                    data-lag=steps - t
                    on:click=move |_| lag.set(Some(steps - t))>
                    <title>{format!("t = {t}, k = {}: {}", steps - t, format_wide(v))}</title>
                </rect>
            }
        })
        .collect_view();
    view! {
        <g>
            <text class="path-lane-name" x=LEFT - 6.0 y=y + LANE * 0.68 text-anchor="end">{name}</text>
            {cells}
        </g>
    }
}

/// The norms at lag `k`, in `lang`: the RNN's, and the LSTM's hidden path and belt when shown.
fn readout(c: &LagCurves, k: usize, lstm: bool, lang: Lang) -> String {
    let at = |v: &[f64]| v.get(k).copied().map_or("–".into(), format_wide);
    let t = c.rnn.len().saturating_sub(1);
    let rnn = format!(
        "k = {k} ({} {}): RNN ‖∂h/∂h‖ {}",
        tr(Key::DecayPathStep, lang),
        t.saturating_sub(k),
        at(&c.rnn)
    );
    if lstm {
        format!(
            "{rnn} · LSTM ‖∂h/∂h‖ {} · {} ‖∂c/∂c‖ {}",
            at(&c.lstm),
            tr(Key::DecayPathBelt, lang),
            at(&c.belt)
        )
    } else {
        rnn
    }
}

/// The unrolled strip with the chosen lag's path.
#[component]
pub fn LagPath(
    /// The norms at every lag.
    curves: Signal<LagCurves>,
    /// The lag picked, if any.
    lag: RwSignal<Option<usize>>,
    /// Whether the LSTM's rows are shown (its hidden state and its belt).
    lstm: bool,
) -> impl IntoView {
    let lang = use_lang();
    let steps = move || curves.with(|c| c.rnn.len().saturating_sub(1));
    let width = move || LEFT + steps() as f64 * STEP + 8.0;
    let rows = if lstm { 3.0 } else { 1.0 };
    let height = TOP + rows * (LANE + 6.0) + 16.0;
    let lanes = move || {
        let c = curves.get();
        view! {
            {lane("RNN h", 0, "#e08214", c.rnn, lag)}
            {lstm.then(|| view! {
                {lane("LSTM h", 1, "#2166ac", c.lstm, lag)}
                {lane("LSTM c", 2, "#542788", c.belt, lag)}
            })}
        }
    };
    // The path from step T back to step T − k: a bracket over the steps it crosses, an arrow
    // pointing back in time, and the lag written above it.
    let path = move || {
        let t_last = steps();
        if t_last == 0 {
            return None;
        }
        let k = lag.get()?.min(t_last - 1);
        let x_end = LEFT + t_last as f64 * STEP - 1.0;
        let x_start = LEFT + (t_last - k - 1) as f64 * STEP;
        let y_arrow = TOP - 9.0;
        Some(view! {
            <g class="path-highlight" data-testid="decay-path-highlight" data-from=t_last data-to=t_last - k>
                <rect x=x_start - 1.5 y=TOP - 3.0 width=x_end - x_start + 3.0 height=rows * LANE + (rows - 1.0) * 6.0 + 6.0 rx="4" class="path-band" />
                <line x1=x_end y1=y_arrow x2=x_start + 4.0 y2=y_arrow class="path-arrow" marker-end="url(#path-head)" />
                <text x=(x_start + x_end) / 2.0 y=y_arrow - 5.0 text-anchor="middle" class="path-label">
                    {format!("k = {k}")}
                </text>
            </g>
        })
    };
    let readout = move || lag.get().map(|k| curves.with(|c| readout(c, k, lstm, lang.get())));
    view! {
        <div class="decay-path">
            <svg class="decay-path-svg" data-testid="decay-path" role="group"
                aria-label=move || tr(Key::DecayPathLabel, lang.get())
                viewBox=move || format!("0 0 {:.0} {height:.0}", width())
                preserveAspectRatio="xMinYMid meet">
                <defs>
                    <marker id="path-head" viewBox="0 0 10 10" refX="8" refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                        <path d="M0,0 L10,5 L0,10 z" fill="#2d3748" />
                    </marker>
                </defs>
                {lanes}
                {path}
                <text class="path-axis" x=LEFT y=height - 3.0>"t = 1"</text>
                <text class="path-axis" x=move || LEFT + steps() as f64 * STEP - 1.0 y=height - 3.0 text-anchor="end">
                    {move || format!("t = T = {}", steps())}
                </text>
            </svg>
            <p class="plot-note" data-testid="decay-path-readout" aria-live="polite">
                {move || readout().unwrap_or_else(|| tr(Key::DecayPathHint, lang.get()).to_string())}
            </p>
        </div>
    }
}
