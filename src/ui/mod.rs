//! The page: the live scenes (Leptos components that draw what the model computed) and the
//! code that brings the static lesson page around them to life. No maths lives here beyond
//! layout; every number shown is read from a model trace.

pub mod i18n;
pub mod knobs;
pub mod lab;
pub mod markup_view;
pub mod page;
pub mod scenes;
pub mod widgets;

use leptos::prelude::*;

use crate::text::Lang;

/// The page language, shared through context by the shell.
pub fn use_lang() -> Signal<Lang> {
    use_context::<Signal<Lang>>().unwrap_or_else(|| Signal::stored(Lang::default()))
}

/// A memo whose every recomputation counts as a change. For whole traces and cells: comparing
/// them element by element (what `Memo::new` does) costs more page size and time than the
/// redraw it would save, and a memo only recomputes when its inputs changed anyway.
pub fn fresh_memo<T: Send + Sync + 'static>(
    fun: impl Fn(Option<&T>) -> T + Send + Sync + 'static,
) -> leptos::prelude::Memo<T> {
    leptos::prelude::Memo::new_with_compare(fun, |_, _| true)
}
