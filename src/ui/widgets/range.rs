//! A labelled range slider for a plot's setting, with its value written beside the label.

use leptos::prelude::*;

use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;

/// Two decimals.
pub fn two_decimals(v: f64) -> String {
    format!("{v:.2}")
}

/// A whole number.
pub fn whole(v: f64) -> String {
    format!("{v:.0}")
}

/// A slider over `min … max` in steps of `step` writing `value` (finite, clamped); the value is
/// shown by `shown`. Test ids: `{id}` for the input, `{id}-value` for the shown value.
#[component]
pub fn RangeControl(
    /// The label.
    label: Key,
    /// Test id.
    id: &'static str,
    /// (min, max, step).
    range: (f64, f64, f64),
    /// The setting.
    value: RwSignal<f64>,
    /// How the value is written.
    shown: fn(f64) -> String,
) -> impl IntoView {
    let lang = use_lang();
    let (min, max, step) = range;
    view! {
        <label class="plot-control">
            <span>{move || tr(label, lang.get())} " " <output data-testid=format!("{id}-value")>{move || shown(value.get())}</output></span>
            <input type="range" data-testid=id min=min.to_string() max=max.to_string() step=step.to_string()
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Some(v) = crate::input::number(&event_target_value(&ev))
                        && v.is_finite()
                    {
                        value.set(v.clamp(min, max));
                    }
                } />
        </label>
    }
}
