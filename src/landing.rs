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
/// Narrower than this (CSS px) the scene draws the values as rows: at 340 viewBox units across
/// it, a column of eight values is under 44 px wide there.
const ROWS_BELOW: f64 = 600.0;
/// A row: 52 units are 44 CSS px when the chart is 288 px wide (a 320 px phone).
const ROW: f64 = 52.0;
/// Where rows start (the step numbers and captions are left of it) and how long 1 is.
const ROW_X0: f64 = 46.0;
const ROW_SPAN: f64 = 250.0;
// Checked when the module compiles: a row is a finger's height (44 CSS px) even on a 320 px
// phone, where the chart is 288 CSS px wide, and a full row leaves room for its number.
const _: () = assert!(ROW * 288.0 / W >= 44.0 && ROW_X0 + ROW_SPAN + 40.0 <= W);

const TITLE: Text = t("다음에 올 값은?", "Which value comes next?");
const HINT: Text = t(
    "막대를 위아래로 끌거나, 막대를 선택하고 ↑/↓로 값을 바꿔 보세요.",
    "Drag a bar up or down, or select it and change it with ↑/↓.",
);
const HINT_ROWS: Text = t(
    "막대를 좌우로 끌거나, 막대를 선택하고 ←/→로 값을 바꿔 보세요.",
    "Drag a bar left or right, or select it and change it with ←/→.",
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
    "Shuffling or reversing keeps the mean. If the RNN's guess moves, the RNN is reading the order of the values. The dot on a bar is what the RNN guessed for that value one step earlier.",
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

    /// The chart's layout for the scene's width now: columns, or rows on a phone.
    fn layout(&self) -> Layout {
        let width = f64::from(self.root.client_width());
        Layout { n: self.inputs.len().max(1), rows: width > 0.0 && width < ROWS_BELOW }
    }

    /// Draws the whole scene, keeping the focus on the bar that had it.
    fn render(&self) {
        let l = self.lang;
        let focused = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.get_attribute("data-i"));
        let lay = self.layout();
        let n = self.inputs.len();
        let (ax1, ay1, ax2, ay2) = lay.axis();
        let mut svg = format!(r#"<line x1="{ax1}" y1="{ay1}" x2="{ax2}" y2="{ay2}" class="nv-axis"/>"#);
        for (i, &v) in self.inputs.iter().enumerate() {
            let (sx, sy, sw, sh) = lay.slot(i);
            let (bx, by, bw, bh) = lay.bar(i, v);
            let (lx, ly) = lay.label(i);
            let (orient, step, k, shown) =
                (if lay.rows { "horizontal" } else { "vertical" }, STEP.get(l), i + 1, format_value(v));
            svg += &format!(
                r#"<rect x="{bx}" y="{by}" width="{bw}" height="{bh}" class="nv-bar" data-testid="next-value-bar-{i}" data-value="{v}"/>"#
            );
            // The whole slot is the slider a finger or the keyboard works: above the bar.
            svg += &format!(
                r#"<rect x="{sx}" y="{sy}" width="{sw}" height="{sh}" class="nv-hit" data-i="{i}" tabindex="0" role="slider" aria-orientation="{orient}" aria-valuemin="0" aria-valuemax="1" aria-valuenow="{v}" aria-label="{step} {k}: {shown}"/>"#
            );
            svg += &format!(r#"<text x="{lx}" y="{ly}" class="nv-step">{k}</text>"#);
            // The guess made one step earlier for this value, a dot; the number clears both.
            let earlier = i.checked_sub(1).and_then(|p| self.outputs.get(p)).copied();
            if lay.numbers_fit() {
                let (nx, ny) = lay.number(i, earlier.map_or(v, |g| v.max(g)));
                svg += &format!(r#"<text x="{nx}" y="{ny}" class="nv-num">{v:.2}</text>"#);
            }
            if let Some(g) = earlier {
                let (cx, cy) = lay.point(i, g);
                svg += &format!(
                    r#"<circle cx="{cx}" cy="{cy}" r="4" class="nv-out" data-testid="next-value-out-{i}" data-value="{g}"/>"#
                );
            }
        }
        let mean = self.mean();
        let guess = self.guess().unwrap_or(0.0);
        let (mx1, my1, mx2, my2) = lay.mean_line(mean);
        svg += &format!(r#"<line x1="{mx1}" y1="{my1}" x2="{mx2}" y2="{my2}" class="nv-mean-line"/>"#);
        for (k, v, bar, num, caption) in [
            (n, guess, "nv-ghost", "nv-num nv-ghost-num", GUESS_SHORT),
            (n + 1, mean, "nv-mean", "nv-num", MEAN_SHORT),
        ] {
            let (bx, by, bw, bh) = lay.bar(k, v);
            let (nx, ny) = lay.number(k, v);
            let (lx, ly) = lay.label(k);
            let (shown, caption) = (format_value(v), caption.get(l));
            svg += &format!(r#"<rect x="{bx}" y="{by}" width="{bw}" height="{bh}" class="{bar}"/>"#);
            svg += &format!(r#"<text x="{nx}" y="{ny}" class="{num}">{shown}</text>"#);
            svg += &format!(r#"<text x="{lx}" y="{ly}" class="nv-step">{caption}</text>"#);
        }
        let (w, h) = lay.size();
        let html = format!(
            concat!(
                r#"<section class="scene nv" data-testid="scene-next-value" aria-labelledby="scene-nv-title">"#,
                r#"<h2 id="scene-nv-title" class="scene-title">{title}</h2><p class="scene-hint">{hint}</p>"#,
                r#"<svg class="nv-chart{rows}" viewBox="0 0 {w} {h}" role="group" aria-label="{chart}">{svg}</svg>"#,
                r#"<dl class="nv-readouts" aria-live="polite">"#,
                r#"<div><dt><span class="nv-key nv-key-ghost"></span>{pred}</dt><dd data-testid="next-value-prediction" data-value="{g}">{gs}</dd></div>"#,
                r#"<div><dt><span class="nv-key nv-key-mean"></span>{mean_label}</dt><dd data-testid="next-value-mean" data-value="{m}">{ms}</dd></div></dl>"#,
                r#"<div class="nv-buttons"><button type="button" class="nv-btn" data-testid="next-value-shuffle" data-act="shuffle">{shuffle}</button>"#,
                r#"<button type="button" class="nv-btn" data-testid="next-value-reverse" data-act="reverse">{reverse}</button>"#,
                r#"<button type="button" class="nv-btn" data-testid="next-value-restore" data-act="restore">{restore}</button></div>"#,
                r#"<p class="scene-hint">{note}</p></section>"#
            ),
            w = w,
            h = h,
            rows = if lay.rows { " nv-rows" } else { "" },
            title = TITLE.get(l),
            hint = if lay.rows { HINT_ROWS } else { HINT }.get(l),
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
        // The slider is an SVG element (an HTML element's cast would fail on it).
        if let Some(i) = focused
            && let Ok(Some(slot)) = self.root.query_selector(&format!(".nv-hit[data-i=\"{i}\"]"))
            && let Ok(slot) = slot.dyn_into::<web_sys::SvgElement>()
        {
            let _ = slot.focus();
        }
    }

    /// The bar index and the value under a pointer event on the chart.
    fn pointer(&self, ev: &PointerEvent) -> Option<(usize, f64)> {
        let svg = self.root.query_selector(".nv-chart").ok()??;
        let r = svg.get_bounding_client_rect();
        let s = W / r.width().max(1.0);
        let (px, py) = ((f64::from(ev.client_x()) - r.left()) * s, (f64::from(ev.client_y()) - r.top()) * s);
        self.layout().at(px, py).filter(|&(i, _)| i < self.inputs.len())
    }

    /// Redraws when the scene's width crosses between the two layouts.
    fn resized(&self) {
        if self.root.query_selector(".nv-rows").ok().flatten().is_some() != self.layout().rows {
            self.render();
        }
    }
}

/// Where everything goes on the chart. Columns: one bar per value, standing on the time axis,
/// then the guess and the mean, each in a wider slot. On a phone the columns would be too narrow
/// for a finger, so the chart turns: one row per value, ROW high, time running down, the guess
/// and the mean in the last two rows.
struct Layout {
    n: usize,
    rows: bool,
}

impl Layout {
    /// Slots of the values in columns, in viewBox units.
    fn col(&self) -> f64 {
        (W - X0 - 2.0 * SIDE - GAP - 4.0) / self.n as f64
    }

    fn size(&self) -> (f64, f64) {
        if self.rows { (W, ROW * (self.n + 2) as f64 + GAP) } else { (W, H) }
    }

    /// Slot k: a value (k < n), the guess (n) or the mean (n + 1), as x, y, width, height.
    fn slot(&self, k: usize) -> (f64, f64, f64, f64) {
        let side = if k >= self.n { GAP } else { 0.0 };
        if self.rows {
            (0.0, ROW * k as f64 + side, W, ROW)
        } else if k < self.n {
            (X0 + self.col() * k as f64, y(1.0), self.col(), BASE - y(1.0))
        } else {
            (X0 + self.col() * self.n as f64 + GAP + SIDE * (k - self.n) as f64, y(1.0), SIDE, BASE - y(1.0))
        }
    }

    /// The bar of value v in slot k.
    fn bar(&self, k: usize, v: f64) -> (f64, f64, f64, f64) {
        let (sx, sy, sw, sh) = self.slot(k);
        let inset = if k < self.n { 0.14 } else { 0.12 };
        if self.rows {
            (ROW_X0, sy + sh * inset, x(v) - ROW_X0, sh * (1.0 - 2.0 * inset))
        } else {
            (sx + sw * inset, y(v), sw * (1.0 - 2.0 * inset), BASE - y(v))
        }
    }

    /// The point of value v in slot k: the top of its bar, or its right end.
    fn point(&self, k: usize, v: f64) -> (f64, f64) {
        let (sx, sy, sw, sh) = self.slot(k);
        if self.rows { (x(v), sy + sh / 2.0) } else { (sx + sw / 2.0, y(v)) }
    }

    /// Where slot k's number is written (the style sheet anchors it).
    fn number(&self, k: usize, v: f64) -> (f64, f64) {
        let (px, py) = self.point(k, v);
        if self.rows { (px + 8.0, py + 4.0) } else { (px, py - 8.0) }
    }

    /// Where slot k's step number or caption is written: under the axis, or left of it.
    fn label(&self, k: usize) -> (f64, f64) {
        let (sx, sy, sw, sh) = self.slot(k);
        if self.rows { (ROW_X0 - 6.0, sy + sh / 2.0 + 4.0) } else { (sx + sw / 2.0, BASE + 18.0) }
    }

    /// Whether the values' numbers fit beside each other.
    fn numbers_fit(&self) -> bool {
        self.rows || self.col() >= LABEL_SLOT
    }

    fn axis(&self) -> (f64, f64, f64, f64) {
        if self.rows { (ROW_X0, 0.0, ROW_X0, self.size().1) } else { (X0, BASE, W - 4.0, BASE) }
    }

    /// The mean, across every value and into its own slot.
    fn mean_line(&self, mean: f64) -> (f64, f64, f64, f64) {
        if self.rows {
            (x(mean), 0.0, x(mean), self.size().1)
        } else {
            (X0, y(mean), self.slot(self.n + 1).0 + SIDE * 0.88, y(mean))
        }
    }

    /// The slot and the value under the point (px, py) of the chart: the slot's bar is set
    /// to it while it is dragged.
    fn at(&self, px: f64, py: f64) -> Option<(usize, f64)> {
        if self.rows {
            let k = (py / ROW).floor();
            (k >= 0.0).then(|| (k as usize, snap((px - ROW_X0) / ROW_SPAN)))
        } else {
            let k = ((px - X0) / self.col()).floor();
            // Only on the chart: not on the title above it, nor the readouts below.
            (k >= 0.0 && (y(1.0) - 8.0..=BASE + 8.0).contains(&py))
                .then(|| (k as usize, snap((BASE - py) / SPAN)))
        }
    }
}

/// Where value v ends along a row.
fn x(v: f64) -> f64 {
    ROW_X0 + ROW_SPAN * v.clamp(0.0, 1.0)
}

fn listen(el: &web_sys::EventTarget, event: &str, f: impl Fn(Event) + 'static) {
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
            "ArrowUp" | "ArrowRight" => KEY_STEP,
            "ArrowDown" | "ArrowLeft" => -KEY_STEP,
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
    if let Some(window) = web_sys::window() {
        listen(&window, "resize", |_| {
            with_scene(|s| s.resized());
        });
    }
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

    /// Both layouts: the pointer over a bar's end reads back that bar and its value.
    #[test]
    fn a_pointer_on_a_bar_reads_that_bar_and_its_value_and_rows_are_44_px_high() {
        for rows in [false, true] {
            for n in 2..=MAX_LEN {
                let lay = Layout { n, rows };
                for k in 0..n {
                    for step in 0..=100 {
                        let v = f64::from(step) / 100.0;
                        let (px, py) = lay.point(k, v);
                        assert_eq!(lay.at(px, py), Some((k, v)), "rows {rows}, {n} values, bar {k}, {v}");
                    }
                }
                assert_eq!(lay.at(-5.0, -5.0), None, "left of and above the chart");
                assert_eq!(lay.at(X0 + 1.0, -50.0), None, "above the chart, where the title is");
            }
        }
    }

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
