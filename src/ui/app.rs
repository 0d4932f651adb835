//! The shell: header with the language switch, the lesson sidebar, the stage and the footer.
//! It owns the page's configuration and keeps the URL in step with it.

use leptos::prelude::*;

use super::i18n::{Key, tr};
use super::lesson_view::LessonView;
use crate::lessons::{self, COURSE, Lang};
use crate::state::Config;

const PAPER_URL: &str = "https://www.bioinf.jku.at/publications/older/2604.pdf";

fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The whole application.
#[component]
pub fn App() -> impl IntoView {
    let config = RwSignal::new(Config::from_query(&current_query()));
    let lang = Signal::derive(move || config.get().lang);
    provide_context(lang);
    // The stage rebuilds only when the lesson changes, not the language: switching language
    // keeps every scene's state (its cursor, clamps and typed input).
    let lesson_id = Memo::new(move |_| config.get().lesson);

    // Keep the address bar and <html lang> in step with the configuration.
    Effect::new(move |previous: Option<Config>| {
        let now = config.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", now.lang.code());
        }
        document().set_title(&format!(
            "{} · {}",
            lessons::find(now.lesson).map_or("", |l| l.title.get(now.lang)),
            tr(Key::AppTitle, now.lang)
        ));
        if previous.is_some_and(|p| p != now) && Config::from_query(&current_query()) != now {
            let history = window().history();
            if let Ok(history) = history {
                let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&now.to_query()));
            }
        }
        now
    });
    // The back and forward buttons restore what the URL says.
    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        config.set(Config::from_query(&current_query()))
    });

    view! {
        <div class="app">
            <header class="topbar">
                <a class="brand" href="?" on:click=move |ev| {
                    ev.prevent_default();
                    config.update(|c| c.lesson = COURSE[0].id);
                }>
                    <img src="favicon.svg" alt="" width="28" height="28" />
                    <span class="brand-name">{move || tr(Key::AppTitle, lang.get())}</span>
                </a>
                <p class="tagline">{move || tr(Key::Tagline, lang.get())}</p>
                <LanguageSwitch config=config />
            </header>
            <div class="layout">
                <Sidebar config=config />
                <main class="stage" id="stage" tabindex="-1">
                    {move || {
                        let id = lesson_id.get();
                        let index = COURSE.iter().position(|l| l.id == id).unwrap_or(0);
                        view! {
                            <LessonView lesson=&COURSE[index] number=index + 1 />
                            <LessonPager config=config index=index />
                        }
                    }}
                </main>
            </div>
            <footer class="footer">
                <p><a href=PAPER_URL rel="noopener" target="_blank">{move || tr(Key::FooterPaper, lang.get())}</a></p>
                <p class="footer-honest">{move || tr(Key::FooterHonest, lang.get())}</p>
            </footer>
        </div>
    }
}

#[component]
fn LanguageSwitch(config: RwSignal<Config>) -> impl IntoView {
    let lang = Signal::derive(move || config.get().lang);
    let buttons = Lang::ALL
        .into_iter()
        .map(|l| {
            view! {
                <button class="lang-btn" lang=l.code() data-testid=format!("lang-{}", l.code())
                    aria-pressed=move || (lang.get() == l).to_string()
                    on:click=move |_| config.update(|c| c.lang = l)>
                    {l.endonym()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="lang-switch" role="group" aria-label=move || tr(Key::LanguageSwitch, lang.get())>{buttons}</div>
    }
}

/// A link to a lesson that changes the configuration in place instead of reloading the page.
fn open_lesson(config: RwSignal<Config>, id: &'static str) -> impl Fn(leptos::ev::MouseEvent) {
    move |ev| {
        ev.prevent_default();
        config.update(|c| c.lesson = id);
        if let Some(stage) = document().get_element_by_id("stage") {
            stage.scroll_into_view();
        }
    }
}

#[component]
fn Sidebar(config: RwSignal<Config>) -> impl IntoView {
    let lang = Signal::derive(move || config.get().lang);
    let items = COURSE
        .iter()
        .enumerate()
        .map(|(i, lesson)| {
            let href = move || Config { lesson: lesson.id, ..config.get() }.to_query();
            let current = move || config.get().lesson == lesson.id;
            view! {
                <li>
                    <a href=href class:current=current data-testid=format!("nav-{}", lesson.id)
                        aria-current=move || current().then_some("page")
                        on:click=open_lesson(config, lesson.id)>
                        <span class="nav-num">{i + 1}</span>
                        <span class="nav-title">{move || lesson.title.get(lang.get())}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="sidebar" aria-label=move || tr(Key::LessonsHeading, lang.get())>
            <h2 class="sidebar-heading">{move || tr(Key::LessonsHeading, lang.get())}</h2>
            <ol class="lesson-list">{items}</ol>
        </nav>
    }
}

#[component]
fn LessonPager(config: RwSignal<Config>, index: usize) -> impl IntoView {
    let lang = Signal::derive(move || config.get().lang);
    let link = move |i: usize, key: Key, class: &'static str| {
        let lesson = &COURSE[i];
        let href = move || Config { lesson: lesson.id, ..config.get() }.to_query();
        view! {
            <a class=class href=href on:click=open_lesson(config, lesson.id)>
                <span class="pager-kind">{move || tr(key, lang.get())}</span>
                <span class="pager-title">{move || lesson.title.get(lang.get())}</span>
            </a>
        }
    };
    view! {
        <nav class="pager">
            {(index > 0).then(|| link(index - 1, Key::PreviousLesson, "pager-prev"))}
            {(index + 1 < COURSE.len()).then(|| link(index + 1, Key::NextLesson, "pager-next"))}
        </nav>
    }
}
