//! The gradient-decay plot: ‖∂h_T/∂h_{T−k}‖ against the lag k on a log axis for a vanilla RNN
//! and an LSTM reading the same input, with the RNN's bound (γ·σ_max)^k, computed by
//! `model::decay` on every change and drawn with plotters on a canvas at the screen's pixel
//! density. The numbers behind the lines are on the figure (`data-series`) and exportable.

use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

use crate::lessons::{DecayPreset, Lang};
use crate::model::Activation;
use crate::model::decay::{DecayCurves, DecaySetup, MAX_STEPS, decay_curves};
use crate::ui::i18n::{Key, tr};
use crate::ui::plots::log_plot::{Clipped, Curve, draw, tick_label};
use crate::ui::use_lang;

const ORANGE: RGBColor = RGBColor(224, 130, 20);
const ORANGE_LIGHT: RGBColor = RGBColor(241, 163, 64);
const BLUE: RGBColor = RGBColor(33, 102, 172);
const PURPLE: RGBColor = RGBColor(84, 39, 136);

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn curves_of(c: &DecayCurves, lang: Lang) -> Vec<Curve<'_>> {
    vec![
        Curve { label: tr(Key::DecayRnn, lang).into(), values: &c.rnn, color: ORANGE, dashed: false },
        Curve {
            label: tr(Key::DecayBound, lang).into(),
            values: &c.rnn_bound,
            color: ORANGE_LIGHT,
            dashed: true,
        },
        Curve { label: tr(Key::DecayLstm, lang).into(), values: &c.lstm, color: BLUE, dashed: false },
        Curve { label: tr(Key::DecayBelt, lang).into(), values: &c.lstm_cell, color: PURPLE, dashed: false },
    ]
}

fn axis_labels(lang: Lang) -> (&'static str, &'static str) {
    (tr(Key::DecayXAxis, lang), tr(Key::DecayYAxis, lang))
}

/// A JSON array; infinities and NaN (which JSON lacks) become null.
fn json_array(v: &[f64]) -> String {
    let items: Vec<String> =
        v.iter().map(|x| if x.is_finite() { format!("{x:e}") } else { "null".into() }).collect();
    format!("[{}]", items.join(","))
}

fn series_json(c: &DecayCurves) -> String {
    format!(
        r#"{{"rnn":{},"bound":{},"rnn_loss":{},"lstm":{},"belt":{},"lstm_loss":{}}}"#,
        json_array(&c.rnn),
        json_array(&c.rnn_bound),
        json_array(&c.rnn_loss),
        json_array(&c.lstm),
        json_array(&c.lstm_cell),
        json_array(&c.lstm_loss)
    )
}

fn csv(c: &DecayCurves) -> String {
    let mut out = String::from(
        "lag,rnn_jacobian_norm,rnn_bound,rnn_dL_dh,lstm_jacobian_norm,lstm_cell_jacobian_norm,lstm_dL_dh\n",
    );
    let cell = |v: &[f64], k: usize| v.get(k).map_or(String::new(), |x| format!("{x:e}"));
    for k in 0..c.rnn.len() {
        let row =
            [&c.rnn, &c.rnn_bound, &c.rnn_loss, &c.lstm, &c.lstm_cell, &c.lstm_loss].map(|v| cell(v, k));
        out.push_str(&format!("{k},{}\n", row.join(",")));
    }
    out
}

/// Starts a download of `url` named `name`.
fn download(name: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(a) = document.create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(url);
        a.set_download(name);
        a.click();
    }
}

fn text_url(mime: &str, text: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", String::from(js_sys::encode_uri_component(text)))
}

/// Paints the plot on the canvas at the screen's pixel density; returns what it had to clip.
fn paint(canvas: &web_sys::HtmlCanvasElement, c: &DecayCurves, lang: Lang) -> Result<Clipped, String> {
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 4.0);
    let css_w = f64::from(canvas.client_width().max(280));
    let css_h = (css_w * 0.55).clamp(240.0, 440.0);
    canvas.set_width((css_w * dpr).round() as u32);
    canvas.set_height((css_h * dpr).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no 2D canvas")?;
    let root = backend.into_drawing_area();
    // Narrow screens get slightly smaller text so the axes keep their room.
    let scale = dpr * if css_w < 480.0 { 0.85 } else { 1.0 };
    draw(&root, &curves_of(c, lang), axis_labels(lang), scale)
}

/// The plot with its controls.
#[component]
pub fn DecayScene(
    /// Where the controls start.
    preset: DecayPreset,
) -> impl IntoView {
    let lang = use_lang();
    let rho = RwSignal::new(preset.rho);
    let activation = RwSignal::new(Activation::Tanh);
    let steps = RwSignal::new(preset.steps);
    let forget_bias = RwSignal::new(preset.forget_bias);
    let forget_open = RwSignal::new(false);
    let driven = RwSignal::new(false);
    let setup = Memo::new(move |_| DecaySetup {
        rho: rho.get(),
        activation: activation.get(),
        steps: steps.get(),
        forget_bias: forget_bias.get(),
        forget_open: forget_open.get(),
        driven: driven.get(),
        hidden: preset.hidden,
        seed: preset.seed,
    });
    let compute_ms = RwSignal::new(0.0);
    let curves = Memo::new(move |_| {
        let start = now();
        let c = decay_curves(&setup.get()).map_err(|e| e.to_string());
        compute_ms.set(now() - start);
        c
    });
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let clipped = RwSignal::new(None::<Clipped>);
    let draw_ms = RwSignal::new(0.0);
    let draw_error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let lang = lang.get();
        let Some(canvas) = canvas.get() else { return };
        curves.with(|c| {
            if let Ok(c) = c {
                let start = now();
                match paint(&canvas, c, lang) {
                    Ok(cl) => {
                        clipped.set(Some(cl));
                        draw_error.set(None);
                    }
                    Err(e) => draw_error.set(Some(e)),
                }
                draw_ms.set(now() - start);
            }
        });
    });
    let export = move |what: &'static str| {
        curves.with_untracked(|c| {
            let Ok(c) = c else { return };
            match what {
                "png" => {
                    if let Some(url) = canvas.get_untracked().and_then(|cv| cv.to_data_url().ok()) {
                        download("gradient-decay.png", &url);
                    }
                }
                "svg" => {
                    let mut svg = String::new();
                    let ok = {
                        let root = SVGBackend::with_string(&mut svg, (880, 460)).into_drawing_area();
                        draw(
                            &root,
                            &curves_of(c, lang.get_untracked()),
                            axis_labels(lang.get_untracked()),
                            1.0,
                        )
                        .is_ok()
                    };
                    if ok {
                        download("gradient-decay.svg", &text_url("image/svg+xml", &svg));
                    }
                }
                _ => download("gradient-decay.csv", &text_url("text/csv", &csv(c))),
            }
        })
    };
    let activation_options = Activation::ALL
        .map(|a| view! { <option value=a.name() selected=move || activation.get() == a>{a.name()}</option> })
        .into_iter()
        .collect_view();
    let slider = move |key: Key,
                       id: &'static str,
                       (min, max, step): (f64, f64, f64),
                       value: RwSignal<f64>| {
        let decimals = if step >= 1.0 { 0 } else { 2 };
        view! {
            <label class="plot-control">
                <span>{move || tr(key, lang.get())} " " <output data-testid=format!("{id}-value")>{move || format!("{:.*}", decimals, value.get())}</output></span>
                <input type="range" data-testid=id min=min.to_string() max=max.to_string() step=step.to_string()
                    prop:value=move || value.get().to_string()
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>()
                            && v.is_finite()
                        {
                            value.set(v.clamp(min, max));
                        }
                    } />
            </label>
        }
    };
    let steps_f = RwSignal::new(preset.steps as f64);
    Effect::new(move |_| steps.set((steps_f.get().round() as usize).clamp(1, MAX_STEPS)));

    view! {
        <section class="scene" data-testid="scene-decay" aria-labelledby="scene-decay-title">
            <h3 id="scene-decay-title" class="scene-title">{move || tr(Key::SceneDecayTitle, lang.get())}</h3>
            <p class="scene-caption">{move || preset.caption.get(lang.get())}</p>
            <div class="plot-controls">
                {slider(Key::DecayRho, "decay-rho", (0.5, 1.5, 0.01), rho)}
                {slider(Key::DecaySteps, "decay-steps", (5.0, MAX_STEPS as f64, 1.0), steps_f)}
                {slider(Key::DecayForgetBias, "decay-forget-bias", (-3.0, 5.0, 0.1), forget_bias)}
                <label class="plot-control">
                    <span>{move || tr(Key::DecayActivation, lang.get())}</span>
                    <select data-testid="decay-activation" on:change=move |ev| {
                        if let Some(a) = Activation::from_name(&event_target_value(&ev)) {
                            activation.set(a);
                        }
                    }>{activation_options}</select>
                </label>
                <label class="plot-check">
                    <input type="checkbox" data-testid="decay-forget-open" prop:checked=move || forget_open.get()
                        on:change=move |ev| forget_open.set(event_target_checked(&ev)) />
                    <span>{move || tr(Key::DecayForgetOpen, lang.get())}</span>
                </label>
                <label class="plot-check">
                    <input type="checkbox" data-testid="decay-driven" prop:checked=move || driven.get()
                        on:change=move |ev| driven.set(event_target_checked(&ev)) />
                    <span>{move || tr(Key::DecayDriven, lang.get())}</span>
                </label>
            </div>
            <figure class="plot" data-testid="decay-plot"
                data-series=move || curves.with(|c| c.as_ref().map(series_json).unwrap_or_default())
                data-draw-ms=move || format!("{:.3}", draw_ms.get())
                data-compute-ms=move || format!("{:.3}", compute_ms.get())>
                <canvas node_ref=canvas class="plot-canvas" role="img"
                    aria-label=move || tr(Key::DecayPlotLabel, lang.get())></canvas>
                <figcaption class="plot-note" data-testid="decay-note">
                    {move || clipped.get().map(|c| {
                        let mut parts = vec![format!("{} {} – {}", tr(Key::DecayAxisRange, lang.get()), tick_label(c.range.0), tick_label(c.range.1))];
                        if c.below > 0 {
                            parts.push(format!("▼ {} {}", c.below, tr(Key::DecayBelow, lang.get())));
                        }
                        if c.above > 0 {
                            parts.push(format!("▲ {} {}", c.above, tr(Key::DecayAbove, lang.get())));
                        }
                        parts.join(" · ")
                    })}
                </figcaption>
                {move || draw_error.get().map(|e| view! { <p class="scene-error" role="alert">{e}</p> })}
                {move || curves.with(|c| c.as_ref().err().cloned()).map(|e| view! { <p class="scene-error" role="alert">{e}</p> })}
            </figure>
            <div class="plot-export" role="group" aria-label=move || tr(Key::ExportLabel, lang.get())>
                <span>{move || tr(Key::ExportLabel, lang.get())}</span>
                <button class="chip" data-testid="export-png" on:click=move |_| export("png")>"PNG"</button>
                <button class="chip" data-testid="export-svg" on:click=move |_| export("svg")>"SVG"</button>
                <button class="chip" data-testid="export-csv" on:click=move |_| export("csv")>"CSV"</button>
            </div>
        </section>
    }
}
