//! The explorer scene: its controls, the lanes, the time cursor and the open step.

use leptos::prelude::*;

use super::detail::{ExploreWeights, StepDetail};
use super::lane::Lane;
use super::{Inputs, KINDS, kind_id, kind_key, partner_of, run};
use crate::input::{EncodedText, encode_text};
use crate::lessons::sequences::TEXT_CHOICES;
use crate::model::cell::Parameters;
use crate::model::network::CellKind;
use crate::state::presets::SequencePreset;
use crate::ui::i18n::{Key, tr};
use crate::ui::knobs::use_panel;
use crate::ui::scenes::heatmaps::GateHeatmaps;
use crate::ui::widgets::sequence_editor::SequenceEditor;
use crate::ui::widgets::text_editor::TextEditor;
use crate::ui::widgets::time_cursor::{Cursor, TimeControls};
use crate::ui::{fresh_memo, use_lang};

/// Any cell on an editable sequence, folded or unrolled.
#[component]
pub fn ExploreScene(
    /// The starting sequence, hidden size and seed.
    preset: SequencePreset,
) -> impl IntoView {
    let lang = use_lang();
    let kind = RwSignal::new(KINDS[1].0);
    let hidden = RwSignal::new(preset.hidden);
    let inputs = RwSignal::new(preset.inputs.to_vec());
    let text_mode = RwSignal::new(false);
    let encoded = RwSignal::new(encode_text(TEXT_CHOICES[0].text).unwrap_or(EncodedText {
        symbols: vec![],
        chars: vec![],
        inputs: vec![],
    }));
    let folded = RwSignal::new(false);
    let compare = RwSignal::new(false);
    let read = Memo::new(move |_| {
        if text_mode.get() {
            encoded.with(|e| Inputs { xs: e.inputs.clone(), chars: Some(e.chars.clone()) })
        } else {
            inputs.with(|v| Inputs { xs: v.iter().map(|&x| vec![x]).collect(), chars: None })
        }
    });
    let model = fresh_memo(move |_| read.with(|r| run(kind.get(), hidden.get(), preset.seed, r)));
    let partner = fresh_memo(move |_| {
        compare.get().then(|| read.with(|r| run(partner_of(kind.get()), hidden.get(), preset.seed, r)))
    });
    let cursor = Cursor::new(Signal::derive(move || read.with(|r| r.xs.len())));
    let step = cursor.step;
    let panel = use_panel();
    panel.knob("kind", kind, |v| KINDS.iter().find(|k| k.1 == v).map(|k| k.0), |k| kind_id(*k).to_string());
    panel.knob("h", hidden, |v| crate::state::whole(v, 1, 8), usize::to_string);
    panel.knob("x", inputs, crate::state::sequence, |xs| crate::state::write_sequence(xs));
    panel.flag("fold", folded);
    panel.flag("cmp", compare);
    panel.flag("text", text_mode);
    panel.reading("params", move |_| model.with(|m| Some(m.cell.num_params() as f64)));
    panel.reading("statesize", move |_| {
        model.with(|m| Some((m.cell.hidden_size() * if m.cell.has_cell_state() { 2 } else { 1 }) as f64))
    });
    panel.reading("h", move |j| {
        model.with(|m| {
            let trace = m.trace.as_ref().ok()?;
            let states = trace.hidden_states();
            states
                .get(step.get().min(states.len().saturating_sub(1)))?
                .get(j.unwrap_or(1).checked_sub(1)?)
                .copied()
        })
    });

    view! {
        <section class="scene" data-testid="scene-explore" tabindex="0" aria-labelledby="scene-explore-title"
            on:keydown=move |ev| { cursor.handle_key(&ev); }>
            <h3 id="scene-explore-title" class="scene-title">{move || tr(Key::SceneExploreTitle, lang.get())}</h3>
            <p class="scene-hint">{move || tr(Key::KeyboardHint, lang.get())}</p>
            <ExploreControls kind=kind hidden=hidden folded=folded compare=compare />
            <div class="mode-switch input-mode" role="radiogroup" aria-label=move || tr(Key::InputMode, lang.get())>
                <button role="radio" data-testid="mode-numbers" aria-checked=move || (!text_mode.get()).to_string()
                    on:click=move |_| text_mode.set(false)>{move || tr(Key::NumbersMode, lang.get())}</button>
                <button role="radio" data-testid="mode-text" aria-checked=move || text_mode.get().to_string()
                    on:click=move |_| text_mode.set(true)>{move || tr(Key::TextMode, lang.get())}</button>
            </div>
            {move || if text_mode.get() {
                view! { <TextEditor encoded=encoded /> }.into_any()
            } else {
                view! { <SequenceEditor inputs=inputs /> }.into_any()
            }}
            <div class="lanes" class:compare=move || compare.get()>
                {move || view! { <Lane model=model.get() step=step folded=folded /> }}
                {move || partner.get().map(|m| view! { <Lane model=m step=step folded=folded /> })}
            </div>
            <TimeControls cursor=cursor />
            {move || view! { <StepDetail model=model.get() step=step /> }}
            {move || {
                let m = model.get();
                m.trace.ok().map(|t| view! { <GateHeatmaps kind=m.kind trace=t hidden=m.cell.hidden_size() step=step /> })
            }}
            {move || view! { <ExploreWeights model=model.get() /> }}
            <p class="legend">{move || tr(Key::ValueLegend, lang.get())}</p>
        </section>
    }
}

/// The cell, its hidden size, and the fold and side-by-side switches.
#[component]
fn ExploreControls(
    kind: RwSignal<CellKind>,
    hidden: RwSignal<usize>,
    folded: RwSignal<bool>,
    compare: RwSignal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let kind_buttons = KINDS
        .map(|(k, id, key)| {
            view! {
                <button role="radio" data-testid=format!("kind-{id}") aria-checked=move || (kind.get() == k).to_string()
                    on:click=move |_| kind.set(k)>{move || tr(key, lang.get())}</button>
            }
        })
        .into_iter()
        .collect_view();
    let hidden_options = (1..=8)
        .map(|n| view! { <option value=n.to_string() selected=move || hidden.get() == n>{n}</option> })
        .collect_view();

    view! {
        <div class="explore-controls">
            <div class="mode-switch" role="radiogroup" aria-label=move || tr(Key::CellKindLabel, lang.get())>
                {kind_buttons}
            </div>
            <label class="inline-field">
                <span>{move || tr(Key::HiddenSize, lang.get())}</span>
                <select data-testid="hidden-size" on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse::<usize>() {
                        hidden.set(n.clamp(1, 8));
                    }
                }>{hidden_options}</select>
            </label>
            <button class="toggle-btn" data-testid="fold-toggle" aria-pressed=move || folded.get().to_string()
                on:click=move |_| folded.update(|f| *f = !*f)>
                {move || tr(if folded.get() { Key::Unfold } else { Key::Fold }, lang.get())}
            </button>
            <button class="toggle-btn" data-testid="compare-toggle" aria-pressed=move || compare.get().to_string()
                on:click=move |_| compare.update(|c| *c = !*c)>
                {move || format!("{} {}", tr(Key::CompareBeside, lang.get()), tr(kind_key(partner_of(kind.get())), lang.get()))}
            </button>
        </div>
    }
}
