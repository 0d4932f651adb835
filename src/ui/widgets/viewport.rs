//! The window's width as a signal, so a plot drawn at its laid-out size draws again when the
//! layout changes (a canvas only scales its pixels; it does not re-render them).

use leptos::prelude::*;

fn inner_width() -> i32 {
    web_sys::window().and_then(|w| w.inner_width().ok()).and_then(|v| v.as_f64()).map_or(0, |v| v as i32)
}

/// The window's inner width in CSS pixels, changing when the window is resized.
pub fn use_viewport_width() -> ReadSignal<i32> {
    let (width, set_width) = signal(inner_width());
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        let now = inner_width();
        if width.try_get_untracked().is_some_and(|w| w != now) {
            set_width.try_set(now);
        }
    });
    on_cleanup(move || handle.remove());
    width
}
