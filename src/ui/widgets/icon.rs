//! Small inline SVG icons, so no glyph depends on the visitor's fonts.

use leptos::prelude::*;

/// The icons the controls use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IconKind {
    /// Jump to the first step.
    First,
    /// One step back.
    Previous,
    /// One step forward.
    Next,
    /// Jump to the last step.
    Last,
    /// Start playing.
    Play,
    /// Pause.
    Pause,
}

/// An icon, hidden from screen readers (its button carries the label).
#[component]
pub fn Icon(kind: IconKind) -> impl IntoView {
    let d = match kind {
        IconKind::First => "M4 4h2.5v12H4zM16 4l-8 6 8 6z",
        IconKind::Previous => "M14 4l-8 6 8 6z",
        IconKind::Next => "M6 4l8 6-8 6z",
        IconKind::Last => "M13.5 4H16v12h-2.5zM4 4l8 6-8 6z",
        IconKind::Play => "M5 3l12 7-12 7z",
        IconKind::Pause => "M5 4h3.5v12H5zM11.5 4H15v12h-3.5z",
    };
    view! {
        <svg class="icon" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" focusable="false">
            <path d=d />
        </svg>
    }
}
