//! The time cursor every sequence scene shares: step back and forth, jump to the ends, play and
//! pause; the same moves from the keyboard (←/→, Home/End, space) when the scene has focus.

use std::time::Duration;

use leptos::prelude::*;

use super::icon::{Icon, IconKind};
use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;

/// The cursor's state: the open step (0-based) and whether it is playing.
#[derive(Clone, Copy)]
pub struct Cursor {
    /// The open step.
    pub step: RwSignal<usize>,
    /// Playing advances one step every [`PLAY_INTERVAL`].
    pub playing: RwSignal<bool>,
    /// The number of steps (it changes when the learner edits the sequence).
    pub len: Signal<usize>,
    /// Milliseconds between steps while playing.
    pub interval_ms: RwSignal<u32>,
}

/// Time between steps while playing, at normal speed.
pub const PLAY_INTERVAL: Duration = Duration::from_millis(800);

/// The speeds a learner can pick: (milliseconds per step, label).
const SPEEDS: [(u32, &str); 5] = [(1600, "0.5×"), (800, "1×"), (400, "2×"), (200, "4×"), (100, "8×")];

impl Cursor {
    /// A cursor at the first step, paused, that advances while playing and stops at the end.
    pub fn new(len: Signal<usize>) -> Self {
        let interval_ms = RwSignal::new(PLAY_INTERVAL.as_millis() as u32);
        let cursor = Self { step: RwSignal::new(0), playing: RwSignal::new(false), len, interval_ms };
        let panel = crate::ui::knobs::use_panel();
        panel.cursor(cursor.step, len);
        panel.flag("play", cursor.playing);
        // A shorter sequence pulls the cursor back inside it.
        Effect::new(move |_| {
            let last = len.get().saturating_sub(1);
            if cursor.step.get_untracked() > last {
                cursor.step.set(last);
            }
        });
        let handle = StoredValue::new(None::<IntervalHandle>);
        Effect::new(move |_| {
            if let Some(h) = handle.try_update_value(Option::take).flatten() {
                h.clear();
            }
            let interval = Duration::from_millis(u64::from(cursor.interval_ms.get()));
            if cursor.playing.get() {
                if cursor.step.get_untracked() + 1 >= len.get_untracked() {
                    cursor.step.set(0);
                }
                let h = set_interval_with_handle(
                    move || {
                        let len = cursor.len.try_get_untracked().unwrap_or(0);
                        let at_end = cursor.step.try_get_untracked().is_none_or(|s| s + 1 >= len);
                        if at_end {
                            let _ = cursor.playing.try_set(false);
                        } else {
                            let _ = cursor.step.try_update(|s| *s += 1);
                        }
                    },
                    interval,
                )
                .ok();
                handle.set_value(h);
            }
        });
        on_cleanup(move || {
            if let Some(h) = handle.try_update_value(Option::take).flatten() {
                h.clear();
            }
        });
        cursor
    }

    /// Moves to step `t` (clamped) and pauses.
    pub fn go(self, t: usize) {
        self.playing.set(false);
        self.step.set(t.min(self.len.get_untracked().saturating_sub(1)));
    }

    /// Handles ←, →, Home, End and space; returns true when the key was one of them.
    pub fn handle_key(self, ev: &leptos::ev::KeyboardEvent) -> bool {
        let step = self.step.get_untracked();
        match ev.key().as_str() {
            "ArrowLeft" => self.go(step.saturating_sub(1)),
            "ArrowRight" => self.go(step + 1),
            "Home" => self.go(0),
            "End" => self.go(self.len.get_untracked().saturating_sub(1)),
            " " => self.playing.update(|p| *p = !*p),
            _ => return false,
        }
        ev.prevent_default();
        true
    }
}

/// Enter or space on a drawn time step opens it (the keyboard's click); other keys pass.
pub fn open_on_key(ev: &leptos::ev::KeyboardEvent, open: impl FnOnce()) {
    if ev.key() == "Enter" || ev.key() == " " {
        ev.prevent_default();
        ev.stop_propagation();
        open();
    }
}

/// The row of time controls with the step readout.
#[component]
pub fn TimeControls(cursor: Cursor) -> impl IntoView {
    let lang = use_lang();
    let Cursor { step, playing, len, interval_ms } = cursor;
    let speeds = SPEEDS
        .map(|(ms, label)| view! { <option value=ms.to_string() selected=move || interval_ms.get() == ms>{label}</option> })
        .into_iter()
        .collect_view();
    view! {
        <div class="stepper" role="group" aria-label=move || tr(Key::StepOf, lang.get())>
            <button class="icon-btn" aria-label=move || tr(Key::StepFirst, lang.get()) data-testid="step-first"
                disabled=move || step.get() == 0 on:click=move |_| cursor.go(0)><Icon kind=IconKind::First /></button>
            <button class="icon-btn" aria-label=move || tr(Key::StepPrevious, lang.get()) data-testid="step-prev"
                disabled=move || step.get() == 0 on:click=move |_| cursor.go(step.get().saturating_sub(1))><Icon kind=IconKind::Previous /></button>
            <button class="icon-btn play-btn" data-testid="step-play" aria-pressed=move || playing.get().to_string()
                aria-label=move || tr(if playing.get() { Key::Pause } else { Key::Play }, lang.get())
                on:click=move |_| playing.update(|p| *p = !*p)>
                {move || if playing.get() { view! { <Icon kind=IconKind::Pause /> } } else { view! { <Icon kind=IconKind::Play /> } }}
            </button>
            <output class="step-readout" data-testid="step-readout" data-step=move || step.get() + 1 aria-live="polite">
                {move || tr(Key::StepOf, lang.get())} " " <b>{move || step.get() + 1}</b> " / " {move || len.get()}
            </output>
            <button class="icon-btn" aria-label=move || tr(Key::StepNext, lang.get()) data-testid="step-next"
                disabled=move || { step.get() + 1 >= len.get() } on:click=move |_| cursor.go(step.get() + 1)><Icon kind=IconKind::Next /></button>
            <button class="icon-btn" aria-label=move || tr(Key::StepLast, lang.get()) data-testid="step-last"
                disabled=move || { step.get() + 1 >= len.get() } on:click=move |_| cursor.go(len.get().saturating_sub(1))><Icon kind=IconKind::Last /></button>
            <input type="range" class="scrub" data-testid="step-scrub" min="1" max=move || len.get().max(1).to_string()
                prop:value=move || (step.get() + 1).to_string()
                aria-label=move || tr(Key::StepOf, lang.get())
                on:input=move |ev| {
                    if let Ok(t) = event_target_value(&ev).parse::<usize>() {
                        cursor.go(t.saturating_sub(1));
                    }
                } />
            <select class="speed" data-testid="play-speed" aria-label=move || tr(Key::PlaySpeed, lang.get())
                on:change=move |ev| {
                    if let Ok(ms) = event_target_value(&ev).parse::<u32>() {
                        interval_ms.set(ms.clamp(50, 5_000));
                    }
                }>{speeds}</select>
        </div>
    }
}
