//! The explorer scene: its controls, the lanes, the time cursor and the open step.

use leptos::prelude::*;

use super::detail::{ExploreWeights, StepDetail};
use super::files::Brought;
use super::lane::{Lane, steps_that_fit};
use super::{Inputs, KINDS, SHOWN_UNITS, kind_id, kind_key, partner_of, run, run_stack};
use crate::input::{EncodedText, encode_text};
use crate::lessons::sequences::TEXT_CHOICES;
use crate::model::network::CellKind;
use crate::model::stack::MAX_LAYERS;
use crate::state::presets::SequencePreset;
use crate::ui::i18n::{Key, tr};
use crate::ui::knobs::use_panel;
use crate::ui::scenes::heatmaps::GateHeatmaps;
use crate::ui::widgets::sequence_editor::SequenceEditor;
use crate::ui::widgets::text_editor::TextEditor;
use crate::ui::widgets::time_cursor::{Cursor, TimeControls};
use crate::ui::widgets::viewport::use_viewport_width;
use crate::ui::{fresh_memo, use_lang};

/// Where the explorer's inputs come from: typed (or drawn, `assets/bring.js`) numbers, a text,
/// or a CSV.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Source {
    Numbers,
    Text,
    Csv,
}

/// The widest screen that is a phone's (the style sheet's breakpoint for phones).
const PHONE_WIDTH: i32 = 600;
/// How much narrower the lanes are than the scene's mount on a phone, CSS px: `.scene` there has
/// 10 px of padding and a 1 px border on each side, and reaches 4 px past the mount on each side
/// (the style sheet's rules for screens up to 820 px).
const SCENE_INSET: f64 = 2.0 * (10.0 + 1.0 - 4.0);

/// Any cell on an editable sequence, folded or unrolled.
#[component]
pub fn ExploreScene(
    /// The starting sequence, hidden size and seed.
    preset: SequencePreset,
) -> impl IntoView {
    let lang = use_lang();
    let kind = RwSignal::new(KINDS[1].0);
    let hidden = RwSignal::new(preset.hidden);
    let layers = RwSignal::new(1_usize);
    let inputs = RwSignal::new(preset.inputs.to_vec());
    let text_mode = RwSignal::new(false);
    let source = RwSignal::new(Source::Numbers);
    let encoded = RwSignal::new(encode_text(TEXT_CHOICES[0].text).unwrap_or(EncodedText {
        symbols: vec![],
        chars: vec![],
        inputs: vec![],
    }));
    let folded = RwSignal::new(false);
    let compare = RwSignal::new(false);
    let brought = Brought::install();
    // A CSV that arrives becomes the input; typed numbers (a drawing sets them) take over again.
    Effect::new(move |_| {
        if brought.table.with(Option::is_some) {
            source.set(Source::Csv);
        }
    });
    Effect::new(move |prev: Option<()>| {
        inputs.track();
        if prev.is_some() && source.get_untracked() == Source::Csv {
            source.set(Source::Numbers);
        }
    });
    // The URL's `text` flag and the input source agree both ways.
    Effect::new(move |_| {
        if text_mode.get() {
            source.set(Source::Text);
        } else if source.get_untracked() == Source::Text {
            source.set(Source::Numbers);
        }
    });
    let read = Memo::new(move |_| match source.get() {
        Source::Text => encoded.with(|e| Inputs { xs: e.inputs.clone(), chars: Some(e.chars.clone()) }),
        Source::Csv => {
            brought.table.with(|t| Inputs { xs: t.as_deref().cloned().unwrap_or_default(), chars: None })
        }
        Source::Numbers => inputs.with(|v| Inputs { xs: v.iter().map(|&x| vec![x]).collect(), chars: None }),
    });
    let network = fresh_memo(move |_| {
        read.with(|r| match brought.opened.get() {
            Some(stack) => run_stack(stack, r),
            None => run(kind.get(), hidden.get(), layers.get(), preset.seed, r),
        })
    });
    let partner = fresh_memo(move |_| {
        (compare.get() && brought.opened.with(Option::is_none))
            .then(|| read.with(|r| run(partner_of(kind.get()), hidden.get(), layers.get(), preset.seed, r)))
    });
    let cursor = Cursor::new(Signal::derive(move || read.with(|r| r.xs.len())));
    let step = cursor.step;
    // Which layer the open step, the heatmaps and the weights show, and the first unit drawn.
    let shown_layer = RwSignal::new(0_usize);
    let first_unit = RwSignal::new(0_usize);
    // The steps a lane draws at once: a page of them, the page the cursor is on. On a phone a
    // page is as many steps as fit the lanes' width, so no lane scrolls sideways.
    let viewport = use_viewport_width();
    let per_page = Memo::new(move |_| {
        let room = (viewport.get() <= PHONE_WIDTH)
            .then(|| document().get_element_by_id("scene"))
            .flatten()
            .map(|mount| f64::from(mount.client_width()) - SCENE_INSET);
        steps_that_fit(room, network.with(|n| n.stack.hidden_size().min(SHOWN_UNITS)))
    });
    let page = Memo::new(move |_| {
        let k = per_page.get();
        step.get() / k * k
    });
    let model = fresh_memo(move |_| network.with(|n| n.layer(shown_layer.get(), first_unit.get())));
    let panel = use_panel();
    panel.knob("kind", kind, |v| KINDS.iter().find(|k| k.1 == v).map(|k| k.0), |k| kind_id(*k).to_string());
    panel.knob("h", hidden, |v| crate::state::whole(v, 1, 8), usize::to_string);
    panel.knob("layers", layers, |v| crate::state::whole(v, 1, MAX_LAYERS), usize::to_string);
    panel.knob("x", inputs, crate::state::sequence, |xs| crate::state::write_sequence(xs));
    panel.flag("fold", folded);
    panel.flag("cmp", compare);
    panel.flag("text", text_mode);
    // The layer the open step shows and the first unit drawn (set by `assets/bring.js`'s
    // controls, a lesson step or the URL; 1-based there).
    panel.knob(
        "layer",
        shown_layer,
        |v| crate::state::whole(v, 1, MAX_LAYERS).map(|l| l - 1),
        |l| (l + 1).to_string(),
    );
    panel.knob(
        "unit",
        first_unit,
        |v| crate::state::whole(v, 1, crate::model::weights::MAX_HIDDEN).map(|u| u - 1),
        |u| (u + 1).to_string(),
    );
    panel.reading("layers", move |_| network.with(|n| Some(n.stack.layers().len() as f64)));
    panel.reading("hidden", move |_| network.with(|n| Some(n.stack.hidden_size() as f64)));
    panel.reading("input", move |_| network.with(|n| Some(n.stack.input_size() as f64)));
    panel.reading("steps", move |_| read.with(|r| Some(r.xs.len() as f64)));
    panel.reading("params", move |_| network.with(|n| Some(n.stack.num_params() as f64)));
    panel.reading("statesize", move |_| {
        network.with(|n| {
            let per_layer = n.stack.hidden_size() * if n.stack.layers()[0].has_cell_state() { 2 } else { 1 };
            Some((per_layer * n.stack.layers().len()) as f64)
        })
    });
    panel.reading("h", move |j| {
        network.with(|n| {
            let trace = n.trace.as_ref().ok()?;
            let states = trace.output();
            states
                .get(step.get().min(states.len().saturating_sub(1)))?
                .get(j.unwrap_or(1).checked_sub(1)?)
                .copied()
        })
    });
    Effect::new(move |_| brought.shown.set(Some(network.with(|n| n.stack.clone()))));
    let source_button = move |which: Source, id: &'static str, key: Key| {
        view! {
            <button role="radio" data-testid=format!("mode-{id}") aria-checked=move || (source.get() == which).to_string()
                on:click=move |_| {
                    text_mode.set(which == Source::Text);
                    source.set(which);
                }>{move || tr(key, lang.get())}</button>
        }
    };

    view! {
        <section class="scene" data-testid="scene-explore" tabindex="0" aria-labelledby="scene-explore-title"
            on:keydown=move |ev| { cursor.handle_key(&ev); }>
            <h2 id="scene-explore-title" class="scene-title">{move || tr(Key::SceneExploreTitle, lang.get())}</h2>
            <p class="scene-hint">{move || tr(Key::KeyboardHint, lang.get())}</p>
            <ExploreControls kind=kind hidden=hidden folded=folded compare=compare
                seeded=Signal::derive(move || brought.opened.with(Option::is_none)) />
            <div class="mode-switch input-mode" role="radiogroup" aria-label=move || tr(Key::InputMode, lang.get())>
                {source_button(Source::Numbers, "numbers", Key::NumbersMode)}
                {source_button(Source::Text, "text", Key::TextMode)}
            </div>
            {move || match source.get() {
                Source::Text => view! { <TextEditor encoded=encoded /> }.into_any(),
                Source::Csv => ().into_any(),
                Source::Numbers => view! { <SequenceEditor inputs=inputs /> }.into_any(),
            }}
            <div class="lanes" class:compare=move || compare.get()>
                // The top layer first, as a stack is drawn: the input enters at the bottom.
                // The network is read before the page: the page depends on it too (through the
                // steps that fit), and a source checked after it would look unchanged.
                {move || {
                    network.with(|n| {
                        let (first, shown) = (page.get(), per_page.get());
                        (0..n.stack.layers().len())
                            .rev()
                            .map(|l| view! { <Lane model=n.layer(l, first_unit.get()) step=step folded=folded first=first shown=shown /> })
                            .collect_view()
                    })
                }}
                {move || {
                    let (first, shown) = (page.get(), per_page.get());
                    partner.get().map(|p| {
                        (0..p.stack.layers().len())
                            .rev()
                            .map(|l| view! { <Lane model=p.layer(l, first_unit.get()) step=step folded=folded first=first shown=shown /> })
                            .collect_view()
                    })
                }}
            </div>
            <TimeControls cursor=cursor />
            {move || view! { <StepDetail model=model.get() step=step /> }}
            {move || {
                let m = model.get();
                m.trace.ok().map(|t| view! { <GateHeatmaps kind=m.kind trace=t.clone() hidden=t.hidden_states().first().map_or(0, |h| h.len()) step=step /> })
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
    /// False while an opened network is shown: the seeding controls do not apply to it.
    seeded: Signal<bool>,
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
        <div class="explore-controls" hidden=move || !seeded.get()>
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
