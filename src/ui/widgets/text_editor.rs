//! Edit a scene's input as text: each character becomes one time step, a one-hot vector over the
//! text's own characters. Bad input gets one sentence under the field; the scene keeps its last
//! good text.

use leptos::prelude::*;

use crate::input::{EncodedText, TextError, encode_text};
use crate::lessons::sequences::TEXT_CHOICES;
use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;

/// The text field and the sentence buttons.
#[component]
pub fn TextEditor(
    /// The encoded text the scene computes on.
    encoded: RwSignal<EncodedText>,
) -> impl IntoView {
    let lang = use_lang();
    let text = RwSignal::new(encoded.with_untracked(|e| e.chars.iter().collect::<String>()));
    let error = RwSignal::new(None::<TextError>);
    let apply = move |typed: String| {
        text.set(typed.clone());
        match encode_text(&typed) {
            Ok(e) => {
                error.set(None);
                encoded.set(e);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let choices = TEXT_CHOICES
        .iter()
        .map(|choice| {
            view! {
                <button class="chip" data-testid=format!("text-{}", choice.id) on:click=move |_| apply(choice.text.to_string())>
                    {choice.text}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="seq-editor">
            <label class="seq-label">
                <span>{move || tr(Key::TextLabel, lang.get())}</span>
                <input type="text" spellcheck="false" data-testid="text-input" aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || text.get() on:change=move |ev| apply(event_target_value(&ev)) />
            </label>
            <div class="chips" role="group" aria-label=move || tr(Key::SequenceChoices, lang.get())>{choices}</div>
            <p class="scene-hint">
                {move || tr(Key::OneHotNote, lang.get())} " "
                <span data-testid="text-symbols">{move || encoded.with(|e| e.symbols.iter().map(|c| format!("“{c}”")).collect::<Vec<_>>().join(" "))}</span>
            </p>
            {move || error.get().map(|e| view! {
                <p class="input-error" role="alert" data-testid="text-error">{e.message(lang.get())}</p>
            })}
        </div>
    }
}
