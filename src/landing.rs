//! The landing scene, "which value comes next?", as a module of its own (`src/bin/lstm_landing.rs`)
//! without Leptos: the first page a visitor opens loads only this, a few tens of kilobytes, and
//! not the course's Leptos module. The scene draws a short sequence as bars, the baked RNN's
//! guess for the next value as a dashed bar, its output y_t after every step as a dot over the
//! value it guessed, and the order-blind mean beside them. Bars are dragged or set with ↑/↓;
//! shuffle (seeded), reverse and restore rearrange them.
//!
//! Through its module (`src/bin/lstm_landing.rs`) it gives `assets/course.js` the same surface as
//! the Leptos page (`ui::page`): set knobs, read numbers, write the changed knobs, follow the
//! language.

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{Element, Event, KeyboardEvent, PointerEvent};

use crate::format::format_value;
use crate::model::Rng;
use crate::model::pretrained::next_value_network;
use crate::model::train::next_value::Predictor;
use crate::state::{self, presets::Preset};
use crate::text::{Lang, Text, t};

/// The knobs and readings the scene answers to (the same as `state::scene_keys("next")`).
const KNOBS: [&str; 1] = ["x"];
const READINGS: [&str; 5] = ["pred", "mean", "last", "rise", "y"];

/// The seed of the shuffles: the n-th press gives the same order on every visit.
const SHUFFLE_SEED: u64 = 1;
/// What ↑/↓ add.
const KEY_STEP: f64 = 0.05;
/// The longest sequence the scene draws (the network was trained on 10 values).
const MAX_LEN: usize = 12;

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

const TITLE: Text = t("다음에 올 값은?", "Which value comes next?");
const HINT: Text = t(
    "막대를 위아래로 끌거나, 막대를 선택하고 ↑/↓로 값을 바꿔 보세요.",
    "Drag a bar up or down, or select it and change it with ↑/↓.",
);
const CHART: Text = t(
    "시퀀스를 막대로 그린 그래프. 끝의 점선 막대는 RNN의 다음 값 예측, 회색 막대는 평균입니다.",
    "The sequence as bars. The dashed bar at the end is the RNN's guess for the next value; the grey bar is the mean.",
);
const PREDICTION: Text = t("RNN의 다음 값 예측", "The RNN's guess for the next value");
const MEAN: Text = t("평균 (순서를 보지 않는 짐작)", "The mean (a guess blind to order)");
const GUESS_SHORT: Text = t("예측", "guess");
const MEAN_SHORT: Text = t("평균", "mean");
const SHUFFLE: Text = t("섞기", "Shuffle");
const REVERSE: Text = t("뒤집기", "Reverse");
const RESTORE: Text = t("되돌리기", "Restore");
const STEP: Text = t("시점", "Step");
const NOTE: Text = t(
    "섞거나 뒤집어도 평균은 그대로입니다. RNN의 예측이 달라진다면, RNN이 값의 순서를 읽고 있다는 뜻입니다. 막대 위의 점은 한 시점 앞에서 RNN이 그 값을 얼마로 예측했는지입니다.",
    "Shuffling or reversing keeps the mean. If the RNN's guess moves, the RNN is reading the order of the values. The dot over a bar is what the RNN guessed for that value one step earlier.",
);

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

/// A sequence the scene accepts from a URL or a step: 2 to 12 values in [0, 1].
fn read_inputs(v: &str) -> Option<Vec<f64>> {
    let xs = state::sequence(v)?;
    ((2..=MAX_LEN).contains(&xs.len()) && xs.iter().all(|x| (0.0..=1.0).contains(x))).then_some(xs)
}

fn y(v: f64) -> f64 {
    BASE - SPAN * v.clamp(0.0, 1.0)
}

/// The scene's state and what the model made of it.
struct Scene {
    root: Element,
    lang: Lang,
    start: Vec<f64>,
    inputs: Vec<f64>,
    /// y_t after every step (the last is the guess for what comes next).
    outputs: Vec<f64>,
    predictor: Predictor,
    rng: Rng,
    dragging: Option<usize>,
}

thread_local! {
    static SCENE: RefCell<Option<Scene>> = const { RefCell::new(None) };
}

fn with_scene<R>(f: impl FnOnce(&mut Scene) -> R) -> Option<R> {
    SCENE.with(|s| s.borrow_mut().as_mut().map(f))
}

impl Scene {
    fn slot(&self) -> f64 {
        (W - X0 - 2.0 * SIDE - GAP - 4.0) / self.inputs.len().max(1) as f64
    }

    fn mean(&self) -> f64 {
        self.inputs.iter().sum::<f64>() / self.inputs.len().max(1) as f64
    }

    fn guess(&self) -> Option<f64> {
        self.outputs.last().copied()
    }

    /// Sets the inputs and recomputes the outputs.
    fn set(&mut self, xs: Vec<f64>) {
        self.outputs = self.predictor.each(&xs);
        self.inputs = xs;
    }

    /// Draws the whole scene, keeping the focus on the bar that had it.
    fn render(&self) {
        let l = self.lang;
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.get_attribute("data-i"));
        let slot = self.slot();
        let n = self.inputs.len();
        let gx = X0 + slot * n as f64 + GAP;
        let mut svg =
            format!(r#"<line x1="{X0}" y1="{BASE}" x2="{}" y2="{BASE}" class="nv-axis"/>"#, W - 4.0);
        for (i, &v) in self.inputs.iter().enumerate() {
            let x = X0 + slot * i as f64;
            svg += &format!(
                concat!(
                    r#"<rect x="{x}" y="{top}" width="{slot}" height="{full}" class="nv-hit" data-i="{i}"/>"#,
                    r#"<rect x="{bx}" y="{yv}" width="{bw}" height="{h}" class="nv-bar" tabindex="0" role="slider" "#,
                    r#"aria-valuemin="0" aria-valuemax="1" aria-valuenow="{v}" aria-label="{step} {k}: {shown}" "#,
                    r#"data-testid="next-value-bar-{i}" data-value="{v}" data-i="{i}"/>"#,
                    r#"<text x="{cx}" y="{base_label}" class="nv-step">{k}</text>"#
                ),
                x = x,
                slot = slot,
                i = i,
                v = v,
                top = y(1.0),
                full = BASE - y(1.0),
                bx = x + slot * 0.14,
                yv = y(v),
                bw = slot * 0.72,
                h = BASE - y(v),
                step = STEP.get(l),
                k = i + 1,
                shown = format_value(v),
                cx = x + slot / 2.0,
                base_label = BASE + 18.0,
            );
            if slot >= LABEL_SLOT {
                svg += &format!(
                    r#"<text x="{}" y="{}" class="nv-num">{v:.2}</text>"#,
                    x + slot / 2.0,
                    y(v) - 6.0
                );
            }
            // The guess made one step earlier for this value.
            if let Some(g) = i.checked_sub(1).and_then(|p| self.outputs.get(p)) {
                svg += &format!(
                    r#"<circle cx="{}" cy="{}" r="4" class="nv-out" data-testid="next-value-out-{i}" data-value="{g}"/>"#,
                    x + slot / 2.0,
                    y(*g)
                );
            }
        }
        let mean = self.mean();
        let guess = self.guess().unwrap_or(0.0);
        svg += &format!(
            r#"<line x1="{x0}" y1="{my}" x2="{}" y2="{my}" class="nv-mean-line"/>"#,
            gx + SIDE * 1.88,
            x0 = X0,
            my = y(mean)
        );
        for (x, v, bar, num, caption) in [
            (gx, guess, "nv-ghost", "nv-num nv-ghost-num", GUESS_SHORT),
            (gx + SIDE, mean, "nv-mean", "nv-num", MEAN_SHORT),
        ] {
            svg += &format!(
                concat!(
                    r#"<rect x="{}" y="{}" width="{}" height="{}" class="{bar}"/>"#,
                    r#"<text x="{cx}" y="{}" class="{num}">{}</text>"#,
                    r#"<text x="{cx}" y="{}" class="nv-step">{}</text>"#
                ),
                x + SIDE * 0.12,
                y(v),
                SIDE * 0.76,
                BASE - y(v),
                y(v) - 6.0,
                format_value(v),
                BASE + 18.0,
                caption.get(l),
                bar = bar,
                num = num,
                cx = x + SIDE / 2.0,
            );
        }
        let html = format!(
            concat!(
                r#"<section class="scene nv" data-testid="scene-next-value" aria-labelledby="scene-nv-title">"#,
                r#"<h3 id="scene-nv-title" class="scene-title">{title}</h3><p class="scene-hint">{hint}</p>"#,
                r#"<svg class="nv-chart" viewBox="0 0 {w} {h}" role="group" aria-label="{chart}">{svg}</svg>"#,
                r#"<dl class="nv-readouts" aria-live="polite">"#,
                r#"<div><dt><span class="nv-key nv-key-ghost"></span>{pred}</dt><dd data-testid="next-value-prediction" data-value="{g}">{gs}</dd></div>"#,
                r#"<div><dt><span class="nv-key nv-key-mean"></span>{mean_label}</dt><dd data-testid="next-value-mean" data-value="{m}">{ms}</dd></div></dl>"#,
                r#"<div class="nv-buttons"><button type="button" class="nv-btn" data-testid="next-value-shuffle" data-act="shuffle">{shuffle}</button>"#,
                r#"<button type="button" class="nv-btn" data-testid="next-value-reverse" data-act="reverse">{reverse}</button>"#,
                r#"<button type="button" class="nv-btn" data-testid="next-value-restore" data-act="restore">{restore}</button></div>"#,
                r#"<p class="scene-hint">{note}</p></section>"#
            ),
            w = W,
            h = H,
            title = TITLE.get(l),
            hint = HINT.get(l),
            chart = CHART.get(l),
            svg = svg,
            pred = PREDICTION.get(l),
            g = guess,
            gs = format_value(guess),
            mean_label = MEAN.get(l),
            m = mean,
            ms = format_value(mean),
            shuffle = SHUFFLE.get(l),
            reverse = REVERSE.get(l),
            restore = RESTORE.get(l),
            note = NOTE.get(l),
        );
        self.root.set_inner_html(&html);
        if let Some(i) = focused
            && let Ok(Some(bar)) = self.root.query_selector(&format!(".nv-bar[data-i=\"{i}\"]"))
            && let Ok(bar) = bar.dyn_into::<web_sys::HtmlElement>()
        {
            let _ = bar.focus();
        }
    }

    /// The bar index and the value under a pointer event on the chart.
    fn pointer(&self, ev: &PointerEvent) -> Option<(usize, f64)> {
        let svg = self.root.query_selector(".nv-chart").ok()??;
        let r = svg.get_bounding_client_rect();
        let s = W / r.width().max(1.0);
        let (px, py) = ((f64::from(ev.client_x()) - r.left()) * s, (f64::from(ev.client_y()) - r.top()) * s);
        let i = ((px - X0) / self.slot()).floor();
        (i >= 0.0 && (i as usize) < self.inputs.len() && py <= BASE + 8.0)
            .then(|| (i as usize, snap((BASE - py) / SPAN)))
    }
}

fn listen(el: &Element, event: &str, f: impl Fn(Event) + 'static) {
    let cb = Closure::<dyn Fn(Event)>::new(f);
    let _ = el.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Changes the inputs and redraws.
fn update(f: impl FnOnce(&mut Scene) -> Option<Vec<f64>>) {
    with_scene(|s| {
        if let Some(xs) = f(s) {
            s.set(xs);
            s.render();
        }
    });
}

/// Mounts the scene into `#scene` (called once, when the module has arrived).
pub fn start() {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(root) = document.get_element_by_id("scene") else { return };
    let state = root.get_attribute("data-state").unwrap_or_default();
    let Some((Preset::NextValue(preset), _)) = Preset::parse("next", &state) else { return };
    let lang = document
        .document_element()
        .and_then(|r| r.get_attribute("lang"))
        .and_then(|c| Lang::from_code(&c))
        .unwrap_or_default();
    let start: Vec<f64> = preset.inputs.iter().map(|&x| snap(x)).collect();
    let Some(predictor) = Predictor::from_network(next_value_network()) else { return };
    let mut scene = Scene {
        root: root.clone(),
        lang,
        start: start.clone(),
        inputs: Vec::new(),
        outputs: Vec::new(),
        predictor,
        rng: Rng::new(SHUFFLE_SEED),
        dragging: None,
    };
    scene.set(start);
    scene.render();
    SCENE.with(|s| *s.borrow_mut() = Some(scene));
    let _ = root.set_attribute("data-registered", &format!("{} | {}", KNOBS.join(" "), READINGS.join(" ")));

    listen(&root, "click", |ev| {
        let act = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest("[data-act]").ok()?);
        let Some(act) = act.and_then(|a| a.get_attribute("data-act")) else { return };
        update(|s| {
            let mut xs = s.inputs.clone();
            match act.as_str() {
                "shuffle" => shuffle(&mut xs, &mut s.rng),
                "reverse" => xs.reverse(),
                "restore" => xs = s.start.clone(),
                _ => return None,
            }
            Some(xs)
        });
    });
    listen(&root, "keydown", |ev| {
        let Some(ev) = ev.dyn_ref::<KeyboardEvent>() else { return };
        let d = match ev.key().as_str() {
            "ArrowUp" => KEY_STEP,
            "ArrowDown" => -KEY_STEP,
            _ => return,
        };
        let i =
            ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.get_attribute("data-i"));
        let Some(i) = i.and_then(|i| i.parse::<usize>().ok()) else { return };
        ev.prevent_default();
        update(|s| {
            let mut xs = s.inputs.clone();
            let x = xs.get_mut(i)?;
            *x = snap(*x + d);
            Some(xs)
        });
    });
    listen(&root, "pointerdown", |ev| {
        let Some(ev) = ev.dyn_ref::<PointerEvent>() else { return };
        let hit = with_scene(|s| s.pointer(ev)).flatten();
        let Some((i, v)) = hit else { return };
        ev.prevent_default();
        if let Some(svg) =
            ev.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.closest("svg").ok()?)
        {
            let _ = svg.set_pointer_capture(ev.pointer_id());
        }
        update(|s| {
            s.dragging = Some(i);
            let mut xs = s.inputs.clone();
            xs[i] = v;
            Some(xs)
        });
    });
    listen(&root, "pointermove", |ev| {
        let Some(ev) = ev.dyn_ref::<PointerEvent>() else { return };
        update(|s| {
            let i = s.dragging?;
            let (_, v) = s.pointer(ev).or_else(|| Some((i, s.inputs[i])))?;
            let mut xs = s.inputs.clone();
            (xs[i] != v).then(|| {
                xs[i] = v;
                xs
            })
        });
    });
    for end in ["pointerup", "pointercancel"] {
        listen(&root, end, |_| {
            with_scene(|s| s.dragging = None);
        });
    }
}

/// Applies scene settings (`x=0.1,0.5`); returns the keys it could not use, comma-separated.
pub fn apply(query: &str) -> String {
    let mut rejected = Vec::new();
    for (k, v) in state::pairs(query) {
        match (k.as_str(), read_inputs(&v)) {
            ("hl", _) => {}
            ("x", Some(xs)) => update(|_| Some(xs)),
            _ => rejected.push(state::reject(&k).key),
        }
    }
    rejected.join(",")
}

/// A reading: `pred` (the guess), `mean`, `last` (the last value), `rise` (guess − last), `y@t`.
pub fn read(key: &str) -> Option<f64> {
    let (name, arg) = match key.split_once('@') {
        Some((n, a)) => (n, Some(a.parse::<usize>().ok()?)),
        None => (key, None),
    };
    with_scene(|s| match name {
        "pred" => s.guess(),
        "mean" => Some(s.mean()),
        "last" => s.inputs.last().copied(),
        "rise" => Some(s.guess()? - s.inputs.last()?),
        "y" => s.outputs.get(arg?.checked_sub(1)?).copied(),
        _ => None,
    })
    .flatten()
}

/// The changed knob (`x`), as a query without `?`.
pub fn changed() -> String {
    with_scene(|s| {
        (s.inputs != s.start).then(|| format!("x={}", state::encode(&state::write_sequence(&s.inputs))))
    })
    .flatten()
    .unwrap_or_default()
}

/// The scene follows the page's language.
pub fn set_lang(code: &str) {
    if let Some(l) = Lang::from_code(code) {
        with_scene(|s| {
            if s.lang != l {
                s.lang = l;
                s.render();
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::train::next_value::{predict_each, predict_next};

    /// What a learner pressing "shuffle" on a rising ramp sees, press after press: the same
    /// values (so the same mean) in a new order, and a guess that moves. Measured guesses: 0.904
    /// for the ramp, then 0.374, 0.342 and 0.852.
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
    fn shuffling_equal_values_stops_and_values_snap_to_hundredths_in_the_unit_interval() {
        let mut same = vec![0.5; 4];
        shuffle(&mut same, &mut Rng::new(1));
        assert_eq!(same, vec![0.5; 4]);
        assert_eq!(snap(0.304), 0.3);
        assert_eq!(snap(0.35 + KEY_STEP), 0.4);
        assert_eq!((snap(-0.2), snap(1.7)), (0.0, 1.0));
    }

    #[test]
    fn the_scene_answers_to_the_keys_the_lessons_may_use() {
        let (knobs, readings) = crate::state::scene_keys("next").unwrap();
        assert_eq!(knobs, KNOBS);
        assert_eq!(readings, READINGS);
    }

    #[test]
    fn the_scene_takes_2_to_12_values_in_the_unit_interval() {
        assert_eq!(read_inputs("0.1,0.9"), Some(vec![0.1, 0.9]));
        assert_eq!(read_inputs("0.5"), None);
        assert_eq!(read_inputs("0.1,1.5"), None);
        assert_eq!(read_inputs(&["0.5"; 13].join(",")), None);
        assert_eq!(read_inputs("abc"), None);
    }

    #[test]
    fn every_step_has_an_output_and_the_last_is_the_guess() {
        let network = next_value_network();
        let xs = [0.5, 0.7, 0.86, 0.95, 0.95, 0.86, 0.7, 0.5];
        let each = predict_each(&network, &xs);
        assert_eq!(each.len(), xs.len());
        assert_eq!(each.last().copied(), predict_next(&network, &xs));
        let predictor = Predictor::from_network(network).unwrap();
        assert_eq!(predictor.each(&xs), each, "the scene's predictor is the network");
    }
}
