//! One lesson, rendered from its data.

use leptos::prelude::*;

use super::markup_view::{Math, Prose};
use super::scenes::{ClipScene, DecayScene, ExploreScene, LstmCellScene, RnnSteps, TrainingScene};
use super::use_lang;
use crate::lessons::{Block, Lesson, Scene, Text};

/// Prose in the current language.
fn prose(text: Text) -> impl IntoView {
    let lang = use_lang();
    move || view! { <Prose src=text.get(lang.get()) /> }
}

/// A lesson: its title, summary and blocks.
#[component]
pub fn LessonView(
    /// The lesson to show.
    lesson: &'static Lesson,
    /// Its 1-based position in the course.
    number: usize,
) -> impl IntoView {
    let lang = use_lang();
    let blocks = lesson.blocks.iter().map(block_view).collect_view();
    view! {
        <article class="lesson" data-testid="lesson" data-lesson=lesson.id>
            <header class="lesson-head">
                <p class="lesson-kicker">
                    {move || super::i18n::tr(super::i18n::Key::LessonNumber, lang.get())} " " {number}
                </p>
                <h1>{move || lesson.title.get(lang.get())}</h1>
                <p class="lesson-summary">{prose(lesson.summary)}</p>
            </header>
            {blocks}
        </article>
    }
}

fn block_view(block: &'static Block) -> AnyView {
    match *block {
        Block::P(text) => view! { <p>{prose(text)}</p> }.into_any(),
        Block::Heading(text) => view! { <h2>{prose(text)}</h2> }.into_any(),
        Block::List(items) => {
            view! { <ul>{items.iter().map(|&i| view! { <li>{prose(i)}</li> }).collect_view()}</ul> }.into_any()
        }
        Block::Steps(items) => {
            view! { <ol class="steps">{items.iter().map(|&i| view! { <li>{prose(i)}</li> }).collect_view()}</ol> }
                .into_any()
        }
        Block::Formula(src) => view! {
            <div class="formula" role="math"><Math src=src /></div>
        }
        .into_any(),
        Block::Terms(terms) => view! {
            <dl class="terms">
                {terms
                    .iter()
                    .map(|&(sym, meaning)| view! {
                        <div class="term">
                            <dt><Math src=sym /></dt>
                            <dd>{prose(meaning)}</dd>
                        </div>
                    })
                    .collect_view()}
            </dl>
        }
        .into_any(),
        Block::Scene(Scene::RnnSteps(preset)) => view! { <RnnSteps preset=preset /> }.into_any(),
        Block::Scene(Scene::LstmCell(preset)) => view! { <LstmCellScene preset=preset /> }.into_any(),
        Block::Scene(Scene::Explore(preset)) => view! { <ExploreScene preset=preset /> }.into_any(),
        Block::Scene(Scene::GradientDecay(preset)) => view! { <DecayScene preset=preset /> }.into_any(),
        Block::Scene(Scene::Clipping(preset)) => view! { <ClipScene preset=preset /> }.into_any(),
        Block::Scene(Scene::TrainingRace(preset)) => view! { <TrainingScene preset=preset /> }.into_any(),
    }
}
