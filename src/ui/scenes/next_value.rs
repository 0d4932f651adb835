//! "Which value comes next?": a short sequence as bars, a trained RNN's guess for the next value
//! as a dashed bar after the last one, and the mean beside it. Shuffling or reversing keeps the
//! mean and moves the guess: the RNN reads the order. Bars can be dragged, or set with ↑/↓.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::lessons::Lang;
use crate::model::Rng;
use crate::model::pretrained::next_value_network;
use crate::model::train::next_value::predict_next;
use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;
use crate::ui::widgets::number::format_value;

/// What the scene starts from.
#[derive(Clone, Debug, PartialEq)]
pub struct NextValuePreset {
    /// The sequence, values in [0, 1]. Up to 8 values the bars carry their numbers; longer
    /// sequences leave them out (they would overlap). The network was trained on 10.
    pub inputs: Vec<f64>,
}

/// The seed of the shuffles: the n-th press gives the same order on every visit.
const SHUFFLE_SEED: u64 = 1;
/// What ↑/↓ add.
const KEY_STEP: f64 = 0.05;

// The chart in viewBox units: 340 wide, about its CSS width on a phone, so 12-unit text stays
// above 11 CSS pixels there.
const W: f64 = 340.0;
const H: f64 = 166.0;
const X0: f64 = 6.0;
/// The slot of the guess and of the mean, each.
const SIDE: f64 = 46.0;
/// Between the last bar and the guess.
const GAP: f64 = 10.0;
const BASE: f64 = 140.0;
const SPAN: f64 = 110.0;
/// Below this slot width the bars' numbers would overlap, and are left out.
const LABEL_SLOT: f64 = 26.0;

fn y(v: f64) -> f64 {
    BASE - SPAN * v
}

/// A value clamped into [0, 1] and rounded to hundredths.
fn snap(v: f64) -> f64 {
    (v.clamp(0.0, 1.0) * 100.0).round() / 100.0
}

/// Puts `xs` in a new order drawn from `rng` (Fisher–Yates), different from the old one if
/// there is one: a few tries, since all-equal values have none.
fn shuffle(xs: &mut [f64], rng: &mut Rng) {
    let before = xs.to_vec();
    for _ in 0..8 {
        for i in (1..xs.len()).rev() {
            xs.swap(i, rng.below(i + 1));
        }
        if xs != before {
            return;
        }
    }
}

/// The model's guess and the mean, `None` for an empty sequence.
type Guess = Memo<(Option<f64>, Option<f64>)>;
/// One of the two.
type Pick = fn((Option<f64>, Option<f64>)) -> Option<f64>;

/// A bar's top for a value (the guess is in (0, 1), a sigmoid readout: clamping only guards the
/// drawing).
fn top(v: Option<f64>) -> f64 {
    y(v.unwrap_or(0.0).clamp(0.0, 1.0))
}

/// A message that follows the language. (One closure type for every message keeps the page
/// small: each distinct closure in a view is compiled separately.)
fn text(lang: Signal<Lang>, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || tr(key, lang.get())
}

fn shown(v: Option<f64>) -> String {
    v.map_or("–".into(), format_value)
}

/// The guess's or the mean's bar beside the sequence, with its number and its caption.
fn side_bar(guess: Guess, pick: Pick, x: f64, classes: [&'static str; 2], caption: Key) -> impl IntoView {
    let lang = use_lang();
    let at = move || top(pick(guess.get()));
    view! {
        <rect x=x + SIDE * 0.12 y=at width=SIDE * 0.76 height=move || BASE - at() class=classes[0] />
        <text x=x + SIDE / 2.0 y=move || at() - 6.0 class=classes[1]>{move || shown(pick(guess.get()))}</text>
        <text x=x + SIDE / 2.0 y=BASE + 18.0 class="nv-step">{text(lang, caption)}</text>
    }
}

/// The guess or the mean written out, with its full-precision value in `data-value`.
fn readout(guess: Guess, pick: Pick, key: Key, id: &'static str, swatch: &'static str) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div>
            <dt><span class=swatch></span>{text(lang, key)}</dt>
            <dd data-testid=id data-value=move || pick(guess.get()).map(|v| v.to_string())>{move || shown(pick(guess.get()))}</dd>
        </div>
    }
}

/// What the buttons do.
#[derive(Clone, Copy)]
enum Action {
    Shuffle,
    Reverse,
    Restore,
}

/// The sequence with its bars, the guess, the mean and the controls.
#[component]
pub fn NextValueScene(
    /// Where the sequence starts, and what "restore" brings back.
    preset: NextValuePreset,
) -> impl IntoView {
    let lang = use_lang();
    let n = preset.inputs.len();
    let inputs = RwSignal::new(preset.inputs.clone());
    let start = StoredValue::new(preset.inputs);
    let network = next_value_network();
    // The model's guess and the order-blind mean; the view only lays them out.
    let guess: Guess = Memo::new(move |_| {
        inputs.with(|xs| (predict_next(&network, xs), (n > 0).then(|| xs.iter().sum::<f64>() / n as f64)))
    });
    let (predicted, mean): (Pick, Pick) = (|g| g.0, |g| g.1);
    let rng = StoredValue::new(Rng::new(SHUFFLE_SEED));
    let button = move |action: Action, key: Key, id: &'static str| {
        let act = move |_| match action {
            Action::Shuffle => inputs.update(|xs| rng.update_value(|r| shuffle(xs, r))),
            Action::Reverse => inputs.update(|xs| xs.reverse()),
            Action::Restore => inputs.set(start.get_value()),
        };
        view! { <button class="nv-btn" data-testid=id on:click=act>{text(lang, key)}</button> }
    };
    let dragging = RwSignal::new(None::<usize>);
    let slot = (W - X0 - 2.0 * SIDE - GAP - 4.0) / n.max(1) as f64;
    let gx = X0 + slot * n as f64 + GAP;
    // The pointer in viewBox units, from the chart's laid-out box (its aspect ratio is kept).
    let at = |ev: &leptos::ev::PointerEvent| {
        let svg: web_sys::Element = ev.current_target()?.unchecked_into();
        let r = svg.get_bounding_client_rect();
        let s = W / r.width().max(1.0);
        Some((svg, (f64::from(ev.client_x()) - r.left()) * s, (f64::from(ev.client_y()) - r.top()) * s))
    };
    let drag_to = move |i: usize, py: f64| inputs.update(|xs| xs[i] = snap((BASE - py) / SPAN));
    let stop = move |_| dragging.set(None);

    let bars = (0..n)
        .map(|i| {
            let x = X0 + slot * i as f64;
            let v = move || inputs.with(|xs| xs.get(i).copied().unwrap_or(0.0));
            let label = (slot >= LABEL_SLOT).then(|| {
                view! { <text x=x + slot / 2.0 y=move || y(v()) - 6.0 class="nv-num">{move || format!("{:.2}", v())}</text> }
            });
            view! {
                <rect x=x y=y(1.0) width=slot height=BASE - y(1.0) class="nv-hit" />
                <rect x=x + slot * 0.14 y=move || y(v()) width=slot * 0.72 height=move || BASE - y(v())
                    class="nv-bar" tabindex="0" role="slider" aria-valuemin="0" aria-valuemax="1"
                    aria-valuenow=move || v().to_string()
                    aria-label=move || format!("{} {}: {}", tr(Key::StepOf, lang.get()), i + 1, format_value(v()))
                    data-testid=format!("next-value-bar-{i}") data-value=move || v().to_string()
                    on:keydown=move |ev| {
                        let d = match ev.key().as_str() {
                            "ArrowUp" => KEY_STEP,
                            "ArrowDown" => -KEY_STEP,
                            _ => return,
                        };
                        ev.prevent_default();
                        inputs.update(|xs| xs[i] = snap(xs[i] + d));
                    } />
                {label}
                <text x=x + slot / 2.0 y=BASE + 18.0 class="nv-step">{i + 1}</text>
            }
        })
        .collect_view();
    let mean_y = move || top(mean(guess.get()));

    view! {
        <section class="scene nv" data-testid="scene-next-value" aria-labelledby="scene-nv-title">
            <h3 id="scene-nv-title" class="scene-title">{text(lang, Key::SceneNextValueTitle)}</h3>
            <p class="scene-hint">{text(lang, Key::NextValueHint)}</p>
            <svg class="nv-chart" viewBox=format!("0 0 {W} {H}") role="group"
                aria-label=text(lang, Key::NextValueChartLabel)
                on:pointerdown=move |ev| {
                    let Some((svg, px, py)) = at(&ev) else { return };
                    let i = ((px - X0) / slot).floor();
                    if i >= 0.0 && (i as usize) < n && py <= BASE + 8.0 {
                        ev.prevent_default();
                        let _ = svg.set_pointer_capture(ev.pointer_id());
                        dragging.set(Some(i as usize));
                        drag_to(i as usize, py);
                    }
                }
                on:pointermove=move |ev| {
                    if let (Some(i), Some((_, _, py))) = (dragging.get_untracked(), at(&ev)) {
                        drag_to(i, py);
                    }
                }
                on:pointerup=stop on:pointercancel=stop>
                <line x1=X0 y1=BASE x2=W - 4.0 y2=BASE class="nv-axis" />
                {bars}
                <line x1=X0 y1=mean_y x2=gx + SIDE * 1.88 y2=mean_y class="nv-mean-line" />
                {side_bar(guess, predicted, gx, ["nv-ghost", "nv-num nv-ghost-num"], Key::NextValueGuessShort)}
                {side_bar(guess, mean, gx + SIDE, ["nv-mean", "nv-num"], Key::NextValueMeanShort)}
            </svg>
            <dl class="nv-readouts" aria-live="polite">
                {readout(guess, predicted, Key::NextValuePrediction, "next-value-prediction", "nv-key nv-key-ghost")}
                {readout(guess, mean, Key::NextValueMean, "next-value-mean", "nv-key nv-key-mean")}
            </dl>
            <div class="nv-buttons">
                {button(Action::Shuffle, Key::NextValueShuffle, "next-value-shuffle")}
                {button(Action::Reverse, Key::NextValueReverse, "next-value-reverse")}
                {button(Action::Restore, Key::NextValueRestore, "next-value-restore")}
            </div>
            <p class="scene-hint">{text(lang, Key::NextValueNote)}</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a learner pressing "shuffle" on a rising ramp sees, press after press: the same
    /// values (so the same mean) in a new order, and a guess that moves. Measured guesses: 0.904
    /// for the ramp, then 0.374, 0.342 and 0.852 — the second press barely moves it, the others
    /// by half the range.
    #[test]
    fn each_shuffle_keeps_the_values_and_moves_the_guess() {
        let network = next_value_network();
        let ramp: Vec<f64> = (1..=8).map(|k| k as f64 / 10.0).collect();
        let mut xs = ramp.clone();
        let mut rng = Rng::new(SHUFFLE_SEED);
        let mut guesses = vec![predict_next(&network, &xs).unwrap()];
        for press in 1..=3 {
            let before = xs.clone();
            shuffle(&mut xs, &mut rng);
            assert_ne!(xs, before, "press {press} changed the order");
            let mut sorted = xs.clone();
            sorted.sort_by(f64::total_cmp);
            assert_eq!(sorted, ramp, "the same values");
            guesses.push(predict_next(&network, &xs).unwrap());
        }
        assert!(guesses.windows(2).all(|g| (g[1] - g[0]).abs() > 0.02), "{guesses:?}");
        let (lo, hi) = guesses.iter().fold((1.0_f64, 0.0_f64), |(l, h), &g| (l.min(g), h.max(g)));
        assert!(hi - lo > 0.5 && (0.0..1.0).contains(&lo) && hi < 1.0, "{guesses:?}");
    }

    #[test]
    fn shuffling_equal_values_stops_and_dragged_values_snap_to_hundredths_in_the_unit_interval() {
        let mut same = vec![0.5; 4];
        shuffle(&mut same, &mut Rng::new(1));
        assert_eq!(same, vec![0.5; 4]);
        assert_eq!(snap(0.304), 0.3);
        assert_eq!(snap(0.35 + KEY_STEP), 0.4);
        assert_eq!((snap(-0.2), snap(1.7)), (0.0, 1.0));
    }
}
