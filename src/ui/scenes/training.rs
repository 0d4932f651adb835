//! The training race: an RNN and an LSTM trained side by side in the lab module, a slice per
//! tick, their held-out loss and accuracy redrawn as they learn. Play, pause, reset, change the
//! lag; the curves and their numbers are exportable.

use std::time::Duration;

use leptos::prelude::*;

use crate::lab::protocol::RaceStatus;
use crate::model::train::race::{MAX_LAG, RaceSetup, SLICE};
use crate::state::presets::RacePreset;
use crate::text::Lang;
use crate::ui::i18n::{Key, tr};
use crate::ui::knobs::use_panel;
use crate::ui::lab::{Training, use_lab, with_lab};
use crate::ui::use_lang;
use crate::ui::widgets::export::{ExportButtons, download, text_url};
use crate::ui::widgets::number::format_wide;
use crate::ui::widgets::viewport::use_viewport_width;

/// Sequences trained per tick: one slice (a few milliseconds for both networks), so the curves
/// grow over a few seconds and a learner can watch them part.
const PER_TICK: u32 = SLICE as u32;
/// Time between ticks.
const TICK: Duration = Duration::from_millis(40);

fn labels(lang: Lang) -> String {
    [Key::RaceRnn, Key::RaceLstm, Key::RaceGuess, Key::RaceLoss, Key::RaceAccuracy, Key::RaceSeen]
        .map(|k| tr(k, lang))
        .join("\n")
}

fn percent(v: Option<f64>) -> String {
    v.map_or("–".into(), |v| format!("{:.0}\u{a0}%", v * 100.0))
}

/// The race with its controls.
#[component]
pub fn TrainingScene(
    /// Where the race starts.
    preset: RacePreset,
) -> impl IntoView {
    let lang = use_lang();
    let lag = RwSignal::new(preset.lag as f64);
    let module = use_lab();
    let viewport = use_viewport_width();
    let race = RwSignal::new_local(None::<Training>);
    let playing = RwSignal::new(false);
    // Where the race stands, updated after every slice of training; the figure follows it.
    let status = RwSignal::new(RaceStatus::default());
    let error = RwSignal::new(None::<String>);
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let restarts = RwSignal::new(0u32);
    let panel = use_panel();
    panel.number("lag", lag, 1.0, MAX_LAG as f64);
    panel.flag("play", playing);
    let gradient = move |i: usize| status.with(|s| s.symbol_gradient.map(|g| g[i]));
    panel.reading("rnngrad", move |_| gradient(0));
    panel.reading("lstmgrad", move |_| gradient(1));
    panel.reading("gradratio", move |_| Some(gradient(1)? / gradient(0)?));
    panel.reading("rnn", move |_| status.with(|s| s.accuracy.map(|a| a[0])));
    panel.reading("lstm", move |_| status.with(|s| s.accuracy.map(|a| a[1])));
    panel.reading("seen", move |_| status.with(|s| Some(s.seen as f64)));
    // Drops the race (freeing its memory in the lab) and says why, if there is a reason.
    let drop_race = move |why: Option<String>| {
        if let Some(Some(old)) = race.try_get_untracked() {
            old.free();
        }
        race.try_set(None);
        playing.try_set(false);
        if let Some(why) = why {
            error.try_set(Some(why));
        }
    };

    // A fresh race whenever the lab arrives, the lag changes or the learner starts over.
    Effect::new(move |_| {
        restarts.track();
        let lag = (lag.get().round() as usize).clamp(1, MAX_LAG);
        let lang = lang.get_untracked();
        let setup = RaceSetup {
            lag,
            symbols: preset.symbols,
            hidden: preset.hidden,
            seed: preset.seed,
            ..Default::default()
        };
        with_lab(module, error, lang, |lab| {
            drop_race(None);
            match lab.training_start(&setup).and_then(|fresh| Ok((fresh.status()?, fresh))) {
                Ok((now, fresh)) => {
                    race.set(Some(fresh));
                    status.set(now);
                    error.set(None);
                }
                Err(e) => error.set(Some(e.text(lang))),
            }
        });
    });
    on_cleanup(move || drop_race(None));

    // Training runs on a timer while playing and stops by itself at the budget.
    let tick = move || {
        let Some(Some(r)) = race.try_get_untracked() else { return };
        if playing.try_get_untracked() != Some(true) {
            return;
        }
        let lang = lang.get_untracked();
        match r.advance(PER_TICK) {
            Ok(now) => {
                if let Some(why) = &now.stopped {
                    error.try_set(Some(format!("{}: {why}", tr(Key::RaceStopped, lang))));
                }
                if now.seen >= preset.budget || now.stopped.is_some() {
                    playing.try_set(false);
                }
                status.try_set(now);
            }
            Err(e) => drop_race(Some(e.text(lang))),
        }
    };
    if let Ok(handle) = set_interval_with_handle(tick, TICK) {
        on_cleanup(move || handle.clear());
    }

    Effect::new(move |_| {
        let lang = lang.get();
        status.track();
        viewport.track();
        let (Some(canvas), Some(r)) = (canvas.get(), race.get()) else { return };
        if let Err(e) = r.draw(&canvas, &labels(lang)) {
            drop_race(Some(e.text(lang)));
        }
    });
    let seen = move || status.with(|s| s.seen);
    let series = move || status.with(|s| s.series.clone());
    let readout = move || {
        let acc = status.with(|s| s.accuracy);
        format!(
            "{} {} / {} · RNN {} · LSTM {}",
            tr(Key::RaceSeen, lang.get()),
            seen(),
            preset.budget,
            percent(acc.map(|a| a[0])),
            percent(acc.map(|a| a[1]))
        )
    };
    let done = move || seen() >= preset.budget;
    let symbol_gradient = move || status.with(|s| s.symbol_gradient);
    let symbol_note = move || {
        symbol_gradient().map(|[rnn, lstm]| {
            format!(
                "{} RNN {} · LSTM {}",
                tr(Key::RaceSymbolGradient, lang.get()),
                format_wide(rnn),
                format_wide(lstm)
            )
        })
    };
    let export_text = Callback::new(move |format: &'static str| {
        let lang = lang.get_untracked();
        let Some(r) = race.get_untracked() else { return Err(tr(Key::LabLoading, lang).to_string()) };
        let text = if format == "svg" { r.svg(&labels(lang)) } else { r.csv() };
        text.map_err(|e| e.text(lang))
    });
    let ready = Signal::derive(move || race.with(Option::is_some));

    view! {
        <section class="scene" data-testid="scene-training" aria-labelledby="scene-training-title">
            <h2 id="scene-training-title" class="scene-title">{move || tr(Key::SceneRaceTitle, lang.get())}</h2>
            <div class="plot-controls race-controls">
                <label class="plot-control">
                    <span>{move || tr(Key::RaceLag, lang.get())} " " <output data-testid="race-lag-value">{move || format!("{:.0}", lag.get())}</output></span>
                    <input type="range" data-testid="race-lag" min="1" max=MAX_LAG.to_string() step="1"
                        prop:value=move || lag.get().to_string()
                        on:change=move |ev| {
                            if let Some(v) = crate::input::number(&event_target_value(&ev))
                                && v.is_finite()
                            {
                                lag.set(v.clamp(1.0, MAX_LAG as f64));
                            }
                        } />
                </label>
                <div class="race-buttons">
                    <button class="toggle-btn" data-testid="race-play" aria-pressed=move || playing.get().to_string()
                        disabled=move || !ready.get() || done()
                        on:click=move |_| playing.update(|p| *p = !*p)>
                        {move || tr(if playing.get() { Key::RacePause } else { Key::RaceTrain }, lang.get())}
                    </button>
                    <button class="toggle-btn" data-testid="race-reset" disabled=move || !ready.get()
                        on:click=move |_| restarts.update(|r| *r += 1)>
                        {move || tr(Key::RaceReset, lang.get())}
                    </button>
                    // Either network as it stands, as a file `torch.nn.RNN/LSTM(1, H)` loads.
                    {[(0_u32, "rnn", "RNN"), (1, "lstm", "LSTM")].map(|(which, id, name)| view! {
                        <button class="chip" data-testid=format!("race-save-{id}") disabled=move || !ready.get()
                            on:click=move |_| {
                                let Some(r) = race.get_untracked() else { return };
                                match r.weights(which) {
                                    Ok(text) => download(&format!("race-{id}.json"), &text_url("application/json", &text)),
                                    Err(e) => error.set(Some(e.text(lang.get_untracked()))),
                                }
                            }>
                            {move || format!("{}: {name}", tr(Key::SaveWeightsOf, lang.get()))}
                        </button>
                    })}
                </div>
            </div>
            <figure class="plot" data-testid="race-plot" aria-busy=move || (!ready.get()).to_string()
                data-seen=seen data-done=move || done().to_string() data-series=series
                data-symbol-gradient=move || symbol_gradient().map_or(String::new(), |[r, l]| format!("{r:e},{l:e}"))>
                <canvas node_ref=canvas class="plot-canvas" role="img" aria-label=move || tr(Key::SceneRaceTitle, lang.get())
                    aria-describedby="race-status"></canvas>
                <figcaption class="plot-note" data-testid="race-status" id="race-status" aria-live="polite">
                    {move || if ready.get() { readout() } else { tr(Key::LabLoading, lang.get()).to_string() }}
                </figcaption>
                {move || symbol_note().map(|n| view! {
                    <p class="plot-note" data-testid="race-symbol-gradient"
                        data-values=move || symbol_gradient().map(|[r, l]| format!("[{r:e},{l:e}]"))>{n}</p>
                })}
                {move || error.get().map(|e| view! { <p class="scene-error" role="alert">{e}</p> })}
            </figure>
            <ExportButtons prefix="race-export" file="training-race" ready=ready canvas=canvas text=export_text error=error />
        </section>
    }
}
