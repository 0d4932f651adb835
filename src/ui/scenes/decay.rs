//! The gradient-decay plot's controls and figure. The lab module (`ui::lab`) computes and draws;
//! this scene holds the setup, hands it over on every change, and shows what came back: the
//! numbers behind the lines (`data-series`), what fell off the log axis, and any error.

use leptos::prelude::*;

use super::decay_path::{LagCurves, LagPath};
use crate::lab::protocol::{DecayDrawn, DecayRequest, Quantity};
use crate::model::Activation;
use crate::model::decay::{DecaySetup, MAX_STEPS};
use crate::state::presets::DecayPreset;
use crate::text::Lang;
use crate::ui::i18n::{Key, tr};
use crate::ui::knobs::use_panel;
use crate::ui::lab::{use_lab, with_lab};
use crate::ui::use_lang;
use crate::ui::widgets::export::ExportButtons;
use crate::ui::widgets::range::{RangeControl, two_decimals, whole};
use crate::ui::widgets::viewport::use_viewport_width;

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

/// The plot's seven labels for `quantity`, one per line, in `lang` (the loss view draws no belt).
fn labels(lang: Lang, quantity: Quantity) -> String {
    let keys = if quantity == Quantity::Jacobian {
        [
            Key::DecayRnn,
            Key::DecayBound,
            Key::DecayLstm,
            Key::DecayBelt,
            Key::DecayBeltPath,
            Key::DecayXAxis,
            Key::DecayYAxis,
        ]
    } else {
        [
            Key::DecayRnnLoss,
            Key::DecayBoundLoss,
            Key::DecayLstmLoss,
            Key::DecayBelt,
            Key::DecayBeltPath,
            Key::DecayXAxis,
            Key::DecayYAxisLoss,
        ]
    };
    keys.map(|k| tr(k, lang)).join("\n")
}

/// What the last drawing produced.
#[derive(Clone, Default)]
struct Drawn {
    series: String,
    note: String,
    compute_ms: f64,
    draw_ms: f64,
    /// Where the lag axis runs on the canvas (backing-store pixels) and its last lag.
    x_axis: (f64, f64, f64),
}

impl Drawn {
    /// What the scene keeps of the lab's answer (drawn `draw_ms` after the request), and the
    /// curves the lag strip shades.
    fn new(d: DecayDrawn, lang: Lang, draw_ms: f64) -> (Self, LagCurves) {
        let mut note = vec![format!("{} {}", tr(Key::DecayAxisRange, lang), d.range)];
        if d.below > 0 {
            note.push(format!("▼ {} {}", d.below, tr(Key::DecayBelow, lang)));
        }
        if d.above > 0 {
            note.push(format!("▲ {} {}", d.above, tr(Key::DecayAbove, lang)));
        }
        let shown = Self {
            series: d.series,
            note: note.join(" · "),
            compute_ms: d.compute_ms,
            draw_ms,
            x_axis: (d.x_pixels[0], d.x_pixels[1], d.x_max),
        };
        (shown, LagCurves { rnn: d.rnn, lstm: d.lstm, belt: d.belt })
    }

    /// The lag under a click `offset_x` CSS pixels into `canvas`, if it fell on the lag axis.
    fn lag_at(&self, canvas: &web_sys::HtmlCanvasElement, offset_x: i32) -> Option<usize> {
        let (left, right, x_max) = self.x_axis;
        let per_css = f64::from(canvas.width()) / f64::from(canvas.client_width().max(1));
        let x = f64::from(offset_x) * per_css;
        (right > left && (left - 8.0..=right + 8.0).contains(&x))
            .then(|| ((x - left) / (right - left) * x_max).round().clamp(0.0, x_max) as usize)
    }
}

/// The slider that picks the lag k whose path is highlighted.
#[component]
fn LagSlider(lag: RwSignal<Option<usize>>, knobs: Knobs) -> impl IntoView {
    let lang = use_lang();
    view! {
        <label class="plot-control decay-lag">
            <span>{move || tr(Key::DecayLag, lang.get())} " " <output data-testid="decay-lag-value">{move || lag.get().map_or("–".into(), |k| k.to_string())}</output></span>
            <input type="range" data-testid="decay-lag" min="0" step="1"
                max=move || knobs.length().to_string()
                prop:value=move || lag.get().unwrap_or(0).to_string()
                on:input=move |ev| {
                    if let Ok(k) = event_target_value(&ev).parse::<usize>() {
                        lag.set(Some(k.min(MAX_STEPS)));
                    }
                } />
        </label>
    }
}

/// The learner's settings of the experiment.
#[derive(Clone, Copy)]
struct Knobs {
    rho: RwSignal<f64>,
    activation: RwSignal<Activation>,
    steps: RwSignal<f64>,
    forget_bias: RwSignal<f64>,
    forget_open: RwSignal<bool>,
    driven: RwSignal<bool>,
    /// What is plotted: the Jacobians or the loss gradients.
    quantity: RwSignal<Quantity>,
}

impl Knobs {
    fn new(preset: &DecayPreset) -> Self {
        Self {
            rho: RwSignal::new(preset.rho),
            activation: RwSignal::new(Activation::Tanh),
            steps: RwSignal::new(preset.steps as f64),
            forget_bias: RwSignal::new(preset.forget_bias),
            forget_open: RwSignal::new(false),
            driven: RwSignal::new(false),
            quantity: RwSignal::new(Quantity::Jacobian),
        }
    }

    /// The sequence length on the slider, as a whole number of steps.
    fn length(&self) -> usize {
        (self.steps.get().round() as usize).clamp(1, MAX_STEPS)
    }

    /// The experiment these settings describe (tracked).
    fn setup(&self, preset: &DecayPreset) -> DecaySetup {
        DecaySetup {
            rho: self.rho.get(),
            activation: self.activation.get(),
            steps: self.length(),
            forget_bias: self.forget_bias.get(),
            forget_open: self.forget_open.get(),
            driven: self.driven.get(),
            hidden: preset.hidden,
            seed: preset.seed,
        }
    }
}

/// The sliders, the activation, the two switches and the choice of quantity; the LSTM's own
/// controls (forget-gate bias and clamp) only when its curves are shown.
#[component]
fn DecayControls(knobs: Knobs, lstm: bool) -> impl IntoView {
    let lang = use_lang();
    let Knobs { rho, activation, steps, forget_bias, forget_open, driven, quantity } = knobs;
    let activation_options = Activation::ALL
        .map(|a| view! { <option value=a.name() selected=move || activation.get() == a>{a.name()}</option> })
        .into_iter()
        .collect_view();
    let check = move |key: Key, id: &'static str, value: RwSignal<bool>| {
        view! {
            <label class="plot-check">
                <input type="checkbox" data-testid=id prop:checked=move || value.get()
                    on:change=move |ev| value.set(event_target_checked(&ev)) />
                <span>{move || tr(key, lang.get())}</span>
            </label>
        }
    };
    view! {
        <div class="plot-controls">
            <RangeControl label=Key::DecayRho id="decay-rho" range=(0.5, 1.5, 0.01) value=rho shown=two_decimals />
            <RangeControl label=Key::DecaySteps id="decay-steps" range=(5.0, MAX_STEPS as f64, 1.0) value=steps shown=whole />
            {lstm.then(|| view! {
                <RangeControl label=Key::DecayForgetBias id="decay-forget-bias" range=(-3.0, 5.0, 0.1) value=forget_bias shown=two_decimals />
            })}
            <label class="plot-control">
                <span>{move || tr(Key::DecayActivation, lang.get())}</span>
                <select data-testid="decay-activation" on:change=move |ev| {
                    if let Some(a) = Activation::from_name(&event_target_value(&ev)) {
                        activation.set(a);
                    }
                }>{activation_options}</select>
            </label>
            {lstm.then(|| check(Key::DecayForgetOpen, "decay-forget-open", forget_open))}
            {check(Key::DecayDriven, "decay-driven", driven)}
        </div>
        <div class="mode-switch plot-quantity" role="radiogroup" aria-label=move || tr(Key::DecayQuantity, lang.get())>
            <button role="radio" data-testid="decay-show-jacobian" aria-checked=move || (quantity.get() == Quantity::Jacobian).to_string()
                on:click=move |_| quantity.set(Quantity::Jacobian)>{move || tr(Key::DecayShowJacobian, lang.get())}</button>
            <button role="radio" data-testid="decay-show-loss" aria-checked=move || (quantity.get() == Quantity::LossGradient).to_string()
                on:click=move |_| quantity.set(Quantity::LossGradient)>{move || tr(Key::DecayShowLoss, lang.get())}</button>
        </div>
    }
}

/// The plot: its canvas (a click picks the nearest lag), the note under it and any error, with
/// the numbers behind the lines on the figure for tests.
#[component]
fn DecayFigure(
    drawn: RwSignal<Option<Drawn>>,
    error: RwSignal<Option<String>>,
    canvas: NodeRef<leptos::html::Canvas>,
    quantity: RwSignal<Quantity>,
    lag: RwSignal<Option<usize>>,
) -> impl IntoView {
    let lang = use_lang();
    let ready = move || drawn.with(Option::is_some);
    // A click on the plot picks the nearest lag on its axis.
    let pick = move |ev: leptos::ev::MouseEvent| {
        let Some(cv) = canvas.get_untracked() else { return };
        if let Some(k) = drawn.with_untracked(|d| d.as_ref().and_then(|d| d.lag_at(&cv, ev.offset_x()))) {
            lag.set(Some(k));
        }
    };

    view! {
        <figure class="plot" data-testid="decay-plot" data-quantity=move || if quantity.get() == Quantity::Jacobian { "jacobian" } else { "loss" } aria-busy=move || (!ready()).to_string()
            data-series=move || drawn.with(|d| d.as_ref().map(|d| d.series.clone()).unwrap_or_default())
            data-draw-ms=move || drawn.with(|d| d.as_ref().map_or(String::new(), |d| format!("{:.3}", d.draw_ms)))
            data-x-axis=move || {
                drawn.with(|d| d.as_ref().map_or(String::new(), |d| format!("{},{},{}", d.x_axis.0, d.x_axis.1, d.x_axis.2)))
            }
            data-compute-ms=move || drawn.with(|d| d.as_ref().map_or(String::new(), |d| format!("{:.3}", d.compute_ms)))>
            <canvas node_ref=canvas class="plot-canvas clickable" role="img" on:click=pick
                aria-label=move || tr(Key::DecayPlotLabel, lang.get()) aria-describedby="decay-note"></canvas>
            <figcaption class="plot-note" data-testid="decay-note" id="decay-note">
                {move || match drawn.with(|d| d.as_ref().map(|d| d.note.clone())) {
                    Some(note) => note,
                    None if error.with(Option::is_none) => tr(Key::LabLoading, lang.get()).to_string(),
                    None => String::new(),
                }}
            </figcaption>
            {move || error.get().map(|e| view! { <p class="scene-error" role="alert">{e}</p> })}
        </figure>
    }
}

/// The plot with its controls.
#[component]
pub fn DecayScene(
    /// Where the controls start.
    preset: DecayPreset,
) -> impl IntoView {
    let lang = use_lang();
    let knobs = Knobs::new(&preset);
    let setup = Memo::new(move |_| knobs.setup(&preset));
    let quantity = knobs.quantity;

    // The lab module arrives asynchronously; until then the figure says so.
    let module = use_lab();
    let viewport = use_viewport_width();

    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let drawn = RwSignal::new(None::<Drawn>);
    let lag = RwSignal::new(Some(preset.steps.min(20)));
    let lag_curves = RwSignal::new(LagCurves::default());
    // A shorter sequence keeps the picked lag inside it.
    Effect::new(move |_| {
        let t = knobs.length();
        if lag.get_untracked().is_some_and(|k| k > t) {
            lag.set(Some(t));
        }
    });
    let error = RwSignal::new(None::<String>);
    let panel = use_panel();
    panel.number("rho", knobs.rho, 0.5, 1.5);
    panel.number("T", knobs.steps, 5.0, MAX_STEPS as f64);
    panel.number("fb", knobs.forget_bias, -3.0, 5.0);
    panel.knob("act", knobs.activation, Activation::from_name, |a| a.name().to_string());
    panel.flag("fopen", knobs.forget_open);
    panel.flag("drive", knobs.driven);
    panel.knob(
        "q",
        quantity,
        |v| match v {
            "jacobian" => Some(Quantity::Jacobian),
            "loss" => Some(Quantity::LossGradient),
            _ => None,
        },
        |q| if *q == Quantity::Jacobian { "jacobian" } else { "loss" }.to_string(),
    );
    panel.knob(
        "lag",
        lag,
        |v| crate::state::whole(v, 1, MAX_STEPS).map(Some),
        |k| k.map_or_else(String::new, |k| k.to_string()),
    );
    let curve = move |pick: fn(&LagCurves) -> &Vec<f64>, k: Option<usize>| {
        lag_curves.with(|c| pick(c).get(k?).copied())
    };
    panel.reading("rnn", move |k| curve(|c| &c.rnn, k));
    panel.reading("lstm", move |k| curve(|c| &c.lstm, k));
    panel.reading("belt", move |k| curve(|c| &c.belt, k));
    let request = move |lang: Lang| DecayRequest {
        setup: setup.get(),
        labels: labels(lang, quantity.get()),
        quantity: quantity.get(),
        lag: lag.get(),
        lstm: preset.lstm,
    };
    Effect::new(move |_| {
        let (lang, request) = (lang.get(), request(lang.get()));
        viewport.track();
        let Some(canvas) = canvas.get() else { return };
        with_lab(module, error, lang, |lab| {
            let start = now();
            match lab.decay_draw(&canvas, &request) {
                Ok(d) => {
                    let (shown, curves) = Drawn::new(d, lang, now() - start);
                    drawn.set(Some(shown));
                    if lag_curves.with_untracked(|c| *c != curves) {
                        lag_curves.set(curves);
                    }
                    error.set(None);
                }
                Err(e) => error.set(Some(e.text(lang))),
            }
        });
    });
    let export_text = Callback::new(move |format: &'static str| {
        let lang = lang.get_untracked();
        let request = untrack(move || request(lang));
        let Some(Ok(lab)) = module.get_untracked() else { return Err(tr(Key::LabLoading, lang).to_string()) };
        let text = if format == "svg" { lab.decay_svg(&request) } else { lab.decay_csv(&request) };
        text.map_err(|e| e.text(lang))
    });
    let ready = move || drawn.with(Option::is_some);
    view! {
        <section class="scene" data-testid="scene-decay" aria-labelledby="scene-decay-title">
            <h2 id="scene-decay-title" class="scene-title">{move || tr(Key::SceneDecayTitle, lang.get())}</h2>
            <DecayControls knobs=knobs lstm=preset.lstm />
            <DecayFigure drawn=drawn error=error canvas=canvas quantity=quantity lag=lag />
            <LagSlider lag=lag knobs=knobs />
            <LagPath curves=lag_curves.into() lag=lag lstm=preset.lstm />
            <ExportButtons prefix="export" file="gradient-decay" ready=Signal::derive(ready) canvas=canvas text=export_text error=error />
        </section>
    }
}
