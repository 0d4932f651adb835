//! The language lesson's scene: a character-level LSTM trained live in the lab module on a short
//! Korean or English text, a chunk of training per animation frame; then asked to continue a
//! prompt ("금요일이 지나면"), with its three likeliest next characters after every character of
//! the prompt, samples at a chosen temperature, and the text coloured by one hidden unit (as
//! LSTMVis does). The lab reads, formats and colours; this file only lays out what it answers.

use leptos::prelude::*;

use crate::lab::protocol::{LanguageReading, LanguageStatus, LanguageUnit};
use crate::model::train::language::{LanguageSetup, MAX_PROMPT};
use crate::ui::i18n::{Key, tr};
use crate::ui::lab::{Language, use_lab, with_lab};
use crate::ui::use_lang;

/// Milliseconds of training per animation frame. The lab stops after the batch that crosses it,
/// so a frame's training takes this plus at most one batch (about 1–2 ms).
const CHUNK_MS: f64 = 12.0;
/// Frames between two refreshes of the prompt's reading and the coloured text while training.
const REFRESH_FRAMES: u32 = 15;
/// Likeliest next characters shown after each character of the prompt.
const TOP: u32 = 3;
/// Characters of greedy continuation and of each sample.
const CONTINUATION: u32 = 32;

/// Where the scene starts.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LanguagePreset {
    /// Train on the Korean text first (the learner can switch).
    pub korean: bool,
    /// Hidden units.
    pub hidden: usize,
    /// The seed of the weights, the training stream and the first sample.
    pub seed: u64,
}

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn setup(korean: bool, preset: LanguagePreset) -> LanguageSetup {
    LanguageSetup { korean, hidden: preset.hidden, seed: preset.seed }
}

/// Runs `step` once per animation frame while it says to go on and no newer loop has started.
fn run_frames(id: u32, current: StoredValue<u32>, step: impl Fn() -> bool + Copy + 'static) {
    if current.get_value() == id && step() {
        request_animation_frame(move || run_frames(id, current, step));
    }
}

/// The model's three likeliest next characters after each character of the prompt.
fn top_view(r: &LanguageReading) -> impl IntoView + use<> {
    let columns = (0..r.chars.len())
        .map(|i| {
            let chips = r.top[i]
                .iter()
                .zip(&r.probs[i])
                .map(|(c, p)| view! { <li>{c.clone()} " " {format!("{:.0}%", p * 100.0)}</li> })
                .collect_view();
            view! {
                <div class="language-step" data-testid=format!("language-top-{i}") data-known=r.known[i].to_string()>
                    <span class="language-char">{r.chars[i].clone()}</span>
                    <ol class="language-top">{chips}</ol>
                </div>
            }
        })
        .collect_view();
    view! { <div class="language-steps">{columns}</div> }
}

/// The text, each character on its unit's colour with its values in its title.
fn coloured_view(u: &LanguageUnit) -> impl IntoView + use<> {
    (0..u.chars.len())
        .map(|i| {
            view! {
                <span style=format!("background:{}", u.colours[i]) title=u.labels[i].clone()
                    data-h=u.hidden[i].to_string()>{u.chars[i].clone()}</span>
            }
        })
        .collect_view()
}

/// The scene.
#[component]
pub fn LanguageScene(
    /// Where it starts.
    preset: LanguagePreset,
) -> impl IntoView {
    let lang = use_lang();
    let module = use_lab();
    let korean = RwSignal::new(preset.korean);
    let prompt = RwSignal::new(setup(preset.korean, preset).prompt().to_string());
    let model = RwSignal::new_local(None::<Language>);
    let status = RwSignal::new(LanguageStatus::default());
    let reading = RwSignal::new(LanguageReading::default());
    let coloured = RwSignal::new(LanguageUnit::default());
    let sampled = RwSignal::new(String::new());
    let temperature = RwSignal::new(1.0f64);
    let unit = RwSignal::new(0u32);
    let playing = RwSignal::new(false);
    // Time spent in training calls, and the longest one, ms (measured here, around each call).
    let elapsed = RwSignal::new(0.0f64);
    let longest = RwSignal::new(0.0f64);
    // Bumped whenever the network has changed enough to read the prompt and the text again.
    let version = RwSignal::new(0u32);
    let error = RwSignal::new(None::<String>);
    let restarts = RwSignal::new(0u32);
    let loop_id = StoredValue::new(0u32);
    let frames = StoredValue::new(0u32);
    let samples = StoredValue::new(preset.seed);

    let stop = move || {
        playing.try_set(false);
        loop_id.update_value(|i| *i += 1);
    };
    let drop_model = move |why: Option<String>| {
        if let Some(Some(old)) = model.try_get_untracked() {
            old.free();
        }
        model.try_set(None);
        stop();
        if let Some(why) = why {
            error.try_set(Some(why));
        }
    };

    // A fresh network whenever the lab arrives, the text changes or the learner starts over.
    Effect::new(move |_| {
        restarts.track();
        let korean = korean.get();
        let lang = lang.get_untracked();
        with_lab(module, error, lang, |lab| {
            drop_model(None);
            match lab.language_start(&setup(korean, preset)).and_then(|m| Ok((m.status()?, m))) {
                Ok((now, m)) => {
                    model.set(Some(m));
                    status.set(now);
                    elapsed.set(0.0);
                    longest.set(0.0);
                    sampled.set(String::new());
                    error.set(None);
                }
                Err(e) => error.set(Some(e.text(lang))),
            }
        });
    });
    on_cleanup(move || drop_model(None));

    // One chunk of training; whether to go on.
    let step = move || {
        let (Some(Some(m)), Some(true)) = (model.try_get_untracked(), playing.try_get_untracked()) else {
            return false;
        };
        let start = now();
        let result = m.advance(1_000_000, CHUNK_MS);
        let took = now() - start;
        elapsed.update(|e| *e += took);
        longest.update(|l| *l = l.max(took));
        let lang = lang.get_untracked();
        match result {
            Ok(s) => {
                let done = s.seen >= s.budget || s.stopped.is_some();
                if let Some(why) = &s.stopped {
                    error.set(Some(format!("{}: {why}", tr(Key::RaceStopped, lang))));
                }
                status.set(s);
                frames.update_value(|f| *f += 1);
                if done || frames.get_value().is_multiple_of(REFRESH_FRAMES) {
                    version.update(|v| *v += 1);
                }
                if done {
                    stop();
                }
                !done
            }
            Err(e) => {
                drop_model(Some(e.text(lang)));
                false
            }
        }
    };
    let toggle = move |_| {
        if playing.get_untracked() {
            stop();
            version.update(|v| *v += 1);
        } else {
            playing.set(true);
            loop_id.update_value(|i| *i += 1);
            run_frames(loop_id.get_value(), loop_id, step);
        }
    };

    // The prompt's reading, and the text coloured by the chosen unit, whenever either changes.
    let fail = move |e: crate::ui::lab::LabError| drop_model(Some(e.text(lang.get_untracked())));
    Effect::new(move |_| {
        version.track();
        let p = prompt.get();
        if let Some(m) = model.get() {
            m.top(&p, TOP, CONTINUATION).map_or_else(fail, |r| reading.set(r));
        }
    });
    Effect::new(move |_| {
        version.track();
        let u = unit.get();
        let text = setup(korean.get_untracked(), preset).text();
        if let Some(m) = model.get() {
            m.activations(text, u).map_or_else(fail, |a| coloured.set(a));
        }
    });
    let sample = move |_| {
        let Some(m) = model.get_untracked() else { return };
        samples.update_value(|s| *s += 1);
        let drawn =
            m.sample(&prompt.get_untracked(), CONTINUATION, temperature.get_untracked(), samples.get_value());
        drawn.map_or_else(fail, |s| sampled.set(s));
    };
    let choose = move |k: bool| {
        if korean.get_untracked() != k {
            prompt.set(setup(k, preset).prompt().to_string());
            korean.set(k);
        }
    };

    let ready = move || model.with(Option::is_some);
    let seen = move || status.with(|s| s.seen);
    let loss = move || status.with(|s| s.loss);
    let t = move |k| tr(k, lang.get());
    view! {
        <section class="scene language" data-testid="scene-language" aria-labelledby="scene-language-title"
            aria-busy=move || (!ready()).to_string() data-longest-chunk-ms=move || format!("{:.1}", longest.get())>
            <h3 id="scene-language-title" class="scene-title">{move || t(Key::SceneLanguageTitle)}</h3>
            <div class="plot-controls">
                <div class="plot-control" role="group" aria-label=move || t(Key::LanguageText)>
                    <span>{move || t(Key::LanguageText)}</span>
                    <div class="race-buttons">
                        <button class="toggle-btn" data-testid="language-text-ko" aria-pressed=move || korean.get().to_string()
                            on:click=move |_| choose(true)>{move || t(Key::LanguageKorean)}</button>
                        <button class="toggle-btn" data-testid="language-text-en" aria-pressed=move || (!korean.get()).to_string()
                            on:click=move |_| choose(false)>{move || t(Key::LanguageEnglish)}</button>
                    </div>
                </div>
                <div class="race-buttons">
                    <button class="toggle-btn" data-testid="language-train" aria-pressed=move || playing.get().to_string()
                        disabled=move || !ready() || status.with(|s| s.seen >= s.budget) on:click=toggle>
                        {move || t(if playing.get() { Key::RacePause } else { Key::RaceTrain })}
                    </button>
                    <button class="toggle-btn" data-testid="language-reset" disabled=move || !ready()
                        on:click=move |_| restarts.update(|r| *r += 1)>{move || t(Key::RaceReset)}</button>
                </div>
            </div>
            <p class="plot-note language-status" aria-live="polite">
                {move || t(Key::RaceSeen)} " "
                <output data-testid="language-seen" data-value=seen>{move || format!("{} / {}", seen(), status.with(|s| s.budget))}</output>
                " · " {move || t(Key::LanguageLoss)} " "
                <output data-testid="language-loss" data-value=move || loss().map_or(String::new(), |l| l.to_string())>
                    {move || loss().map_or("–".to_string(), |l| format!("{l:.3}"))}
                </output>
                " · " {move || t(Key::LanguageElapsed)} " "
                <output data-testid="language-elapsed-ms" data-value=move || format!("{:.0}", elapsed.get())>
                    {move || format!("{:.1} s", elapsed.get() / 1000.0)}
                </output>
            </p>
            {move || if ready() { None } else { Some(view! { <p class="plot-note">{t(Key::LabLoading)}</p> }) }}
            {move || error.get().map(|e| view! { <p class="scene-error" role="alert">{e}</p> })}
            <label class="seq-label">
                {move || t(Key::LanguagePrompt)}
                <input type="text" data-testid="language-prompt" maxlength=MAX_PROMPT.to_string()
                    aria-invalid=move || reading.with(|r| !r.unknown.is_empty()).to_string()
                    prop:value=move || prompt.get()
                    on:input=move |ev| prompt.set(event_target_value(&ev).chars().take(MAX_PROMPT).collect()) />
            </label>
            {move || reading.with(|r| (!r.unknown.is_empty()).then(|| view! {
                <p class="input-error" role="status">{t(Key::LanguageUnknown)} " " {r.unknown.clone()}</p>
            }))}
            <p class="language-line">
                <span>{move || t(Key::LanguageContinuation)}</span>
                <output class="language-text" data-testid="language-continuation">{move || reading.with(|r| r.continuation.clone())}</output>
            </p>
            <p class="plot-note">{move || t(Key::LanguageTopHint)}</p>
            {move || reading.with(top_view)}
            <div class="plot-controls">
                <label class="plot-control">
                    <span>{move || t(Key::LanguageTemperature)} " " <output>{move || format!("{:.1}", temperature.get())}</output></span>
                    <input type="range" data-testid="language-temperature" min="0.1" max="2" step="0.1"
                        prop:value=move || temperature.get().to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                                temperature.set(v.clamp(0.1, 2.0));
                            }
                        } />
                </label>
                <div class="race-buttons">
                    <button class="toggle-btn" data-testid="language-sample" disabled=move || !ready() on:click=sample>
                        {move || t(Key::LanguageSample)}
                    </button>
                </div>
            </div>
            <p class="language-line">
                <output class="language-text" data-testid="language-sampled">{move || sampled.get()}</output>
            </p>
            <label class="plot-control language-unit">
                <span>{move || t(Key::LanguageUnit)}</span>
                <select data-testid="language-unit" on:change=move |ev| {
                    if let Ok(u) = event_target_value(&ev).parse::<u32>() {
                        unit.set(u);
                    }
                }>
                    {(0..preset.hidden).map(|u| view! { <option value=u.to_string()>{u + 1}</option> }).collect_view()}
                </select>
            </label>
            <p class="plot-note">{move || t(Key::LanguageColoured)}</p>
            <p class="language-coloured" data-testid="language-coloured" data-unit=move || unit.get().to_string()>
                {move || coloured.with(coloured_view)}
            </p>
        </section>
    }
}
