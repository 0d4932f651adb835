//! The clipping view's controls and figure: ρ, the threshold θ and the learning rate η go to the
//! lab module, which measures and draws; a chosen length T gets a readout of what clipping did
//! to that step.

use leptos::prelude::*;

use crate::lab::protocol::{ClipDrawn, ClipRequest};
use crate::model::train::clipping::{ClipCurves, ClipSetup, MAX_STEPS};
use crate::state::presets::ClipPreset;
use crate::text::Lang;
use crate::ui::i18n::{Key, tr};
use crate::ui::knobs::use_panel;
use crate::ui::lab::{use_lab, with_lab};
use crate::ui::use_lang;
use crate::ui::widgets::export::ExportButtons;
use crate::ui::widgets::number::format_wide;
use crate::ui::widgets::range::{RangeControl, two_decimals, whole};
use crate::ui::widgets::viewport::use_viewport_width;

fn labels(lang: Lang) -> String {
    [
        Key::ClipRaw,
        Key::ClipApplied,
        Key::ClipThreshold,
        Key::ClipLossBefore,
        Key::ClipLossRaw,
        Key::ClipLossClipped,
        Key::ClipLength,
        Key::ClipNormAxis,
        Key::ClipLossAxis,
    ]
    .map(|k| tr(k, lang))
    .join("\n")
}

/// θ from the slider's log10 θ.
fn power_of_ten(v: f64) -> String {
    format_wide(10f64.powf(v))
}

/// What clipping did at length `t`, in `lang`: the norm, what was applied and by which factor, how
/// far each step moved the weights, and the loss before and after each.
fn readout(m: &ClipCurves, t: usize, lang: Lang) -> Option<String> {
    let i = t.checked_sub(1)?;
    Some(format!(
        "T = {t}: ‖g‖ = {} → {} {} ({} {}) · {} ‖Δθ‖ = {} → {} · L {} → {} {} / {} {}",
        format_wide(*m.grad_norm.get(i)?),
        tr(Key::ClipAppliedShort, lang),
        format_wide(*m.clipped_norm.get(i)?),
        tr(Key::ClipScaledBy, lang),
        format_wide(*m.scale.get(i)?),
        tr(Key::ClipStep, lang),
        format_wide(*m.step_raw.get(i)?),
        format_wide(*m.step_clipped.get(i)?),
        format_wide(*m.loss.get(i)?),
        format_wide(*m.loss_raw.get(i)?),
        tr(Key::ClipRawShort, lang),
        format_wide(*m.loss_clipped.get(i)?),
        tr(Key::ClipClippedShort, lang),
    ))
}

/// The clipping view.
#[component]
pub fn ClipScene(
    /// Where the controls start.
    preset: ClipPreset,
) -> impl IntoView {
    let lang = use_lang();
    let rho = RwSignal::new(preset.rho);
    // The threshold moves on a log scale: the slider holds log10 θ.
    let log_threshold = RwSignal::new(preset.threshold.log10());
    let lr = RwSignal::new(preset.lr);
    let marked = RwSignal::new(preset.steps as f64 * 0.75);
    let panel = use_panel();
    panel.number("rho", rho, 0.5, 2.0);
    panel.number("logtheta", log_threshold, -1.0, 2.0);
    panel.number("lr", lr, 0.01, 1.0);
    panel.number("mark", marked, 1.0, preset.steps as f64);
    let setup = Memo::new(move |_| ClipSetup {
        rho: rho.get(),
        threshold: 10f64.powf(log_threshold.get()),
        lr: lr.get(),
        steps: preset.steps,
        hidden: preset.hidden,
        seed: preset.seed,
    });
    let module = use_lab();
    let viewport = use_viewport_width();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let measured = RwSignal::new(None::<ClipDrawn>);
    let error = RwSignal::new(None::<String>);
    let marked_t = move || (marked.get().round() as usize).clamp(1, preset.steps);
    let request =
        move |lang: Lang| ClipRequest { setup: setup.get(), labels: labels(lang), marked: Some(marked_t()) };
    Effect::new(move |_| {
        let (lang, request) = (lang.get(), request(lang.get()));
        viewport.track();
        let Some(canvas) = canvas.get() else { return };
        with_lab(module, error, lang, |lab| match lab.clip_draw(&canvas, &request) {
            Ok(d) => {
                measured.set(Some(d));
                error.set(None);
            }
            Err(e) => error.set(Some(e.text(lang))),
        });
    });
    panel.reading("norm", move |t| {
        measured
            .with(|m| m.as_ref()?.curves.grad_norm.get(t.unwrap_or_else(marked_t).checked_sub(1)?).copied())
    });
    let readout =
        move || measured.with(|m| m.as_ref().and_then(|m| readout(&m.curves, marked_t(), lang.get())));
    let export_text = Callback::new(move |format: &'static str| {
        let lang = lang.get_untracked();
        let request = untrack(move || request(lang));
        let Some(Ok(lab)) = module.get_untracked() else { return Err(tr(Key::LabLoading, lang).to_string()) };
        let text = if format == "svg" { lab.clip_svg(&request) } else { lab.clip_csv(&request) };
        text.map_err(|e| e.text(lang))
    });
    let ready = Signal::derive(move || measured.with(Option::is_some));
    let steps = preset.steps.min(MAX_STEPS) as f64;
    view! {
        <section class="scene" data-testid="scene-clipping" aria-labelledby="scene-clipping-title">
            <h2 id="scene-clipping-title" class="scene-title">{move || tr(Key::SceneClipTitle, lang.get())}</h2>
            <div class="plot-controls">
                <RangeControl label=Key::DecayRho id="clip-rho" range=(0.5, 2.0, 0.01) value=rho shown=two_decimals />
                <RangeControl label=Key::ClipThresholdControl id="clip-threshold" range=(-1.0, 2.0, 0.05) value=log_threshold shown=power_of_ten />
                <RangeControl label=Key::ClipLearningRate id="clip-lr" range=(0.01, 1.0, 0.01) value=lr shown=two_decimals />
                <RangeControl label=Key::ClipMarked id="clip-marked" range=(1.0, steps, 1.0) value=marked shown=whole />
            </div>
            <figure class="plot" data-testid="clip-plot" aria-busy=move || (!ready.get()).to_string()
                data-grad-norm=move || measured.with(|m| m.as_ref().map(|m| format!("{:?}", m.curves.grad_norm)).unwrap_or_default())
                data-clipped-norm=move || measured.with(|m| m.as_ref().map(|m| format!("{:?}", m.curves.clipped_norm)).unwrap_or_default())>
                <canvas node_ref=canvas class="plot-canvas" role="img" aria-label=move || tr(Key::SceneClipTitle, lang.get())
                    aria-describedby="clip-readout"></canvas>
                <figcaption class="plot-note" data-testid="clip-readout" id="clip-readout" aria-live="polite">
                    {move || readout().unwrap_or_else(|| tr(Key::LabLoading, lang.get()).to_string())}
                </figcaption>
                {move || error.get().map(|e| view! { <p class="scene-error" role="alert">{e}</p> })}
            </figure>
            <ExportButtons prefix="clip-export" file="gradient-clipping" ready=ready canvas=canvas text=export_text error=error />
        </section>
    }
}
