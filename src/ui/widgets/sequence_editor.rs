//! Edit a scene's input sequence: type numbers or pick one of the seed's examples. Bad input
//! gets one sentence under the field and the scene keeps its last good sequence; otherwise the
//! field shows the sequence the scene reads, whoever set it (a step, the URL, a drawing).

use leptos::prelude::*;

use crate::input::{SequenceError, format_sequence, parse_sequence};
use crate::lessons::sequences::SEQUENCE_CHOICES;
use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;

/// The input field and the preset buttons.
#[component]
pub fn SequenceEditor(
    /// The sequence the scene computes on.
    inputs: RwSignal<Vec<f64>>,
) -> impl IntoView {
    let lang = use_lang();
    let text = RwSignal::new(format_sequence(&inputs.get_untracked()));
    let error = RwSignal::new(None::<SequenceError>);
    let apply = move |typed: String| {
        text.set(typed.clone());
        match parse_sequence(&typed) {
            Ok(values) => {
                error.set(None);
                inputs.set(values);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let choices = SEQUENCE_CHOICES
        .iter()
        .map(|choice| {
            view! {
                <button class="chip" data-testid=format!("sequence-{}", choice.id)
                    on:click=move |_| apply(format_sequence(choice.values))>
                    {move || choice.label.get(lang.get())}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="seq-editor">
            <label class="seq-label">
                <span>{move || tr(Key::SequenceLabel, lang.get())}</span>
                <input type="text" inputmode="decimal" spellcheck="false" data-testid="sequence-input"
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || if error.get().is_some() { text.get() } else { format_sequence(&inputs.get()) }
                    on:change=move |ev| apply(event_target_value(&ev)) />
            </label>
            <div class="chips" role="group" aria-label=move || tr(Key::SequenceChoices, lang.get())>{choices}</div>
            {move || error.get().map(|e| view! {
                <p class="input-error" role="alert" data-testid="sequence-error">{e.message(lang.get())}</p>
            })}
        </div>
    }
}
