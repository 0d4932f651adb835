//! The course as static HTML: one page per lesson, every word in both languages, written at
//! build time (`src/bin/course_pages.rs`, a Trunk hook) into the head Trunk built. The page is
//! readable before any WebAssembly arrives; the WebAssembly then mounts the live scene into
//! `#scene` and drives the steps already on the page (`src/ui/page.rs`).
//!
//! Both languages are in the page, each text in an element of class `l-ko` or `l-en`; the
//! stylesheet shows the one `<html lang>` names, so switching language needs no new page.

use super::glossary::{GLOSSARY, first_use};
use super::markup::{MathPiece, Span, parse, parse_math};
use super::{Ask, Block, COURSE, Lang, Lesson, Step, Text, t};

/// The glossary terms already linked in a lesson, per language: each term links once, at its
/// first use.
#[derive(Default)]
pub struct Links([Vec<&'static str>; 2]);

impl Links {
    /// `text` with the first use of each not-yet-linked term made a link to the glossary.
    fn link(&mut self, text: &str, lang: Lang) -> String {
        let linked = &mut self.0[usize::from(lang == Lang::En)];
        let mut out = String::new();
        let mut rest = text;
        while let Some((start, end, term)) = first_use(rest, lang == Lang::Ko, linked) {
            out.push_str(&escape(&rest[..start]));
            out.push_str(&format!(
                r#"<a class="term-link" href="glossary.html#{}">{}</a>"#,
                term.id,
                escape(&rest[start..end])
            ));
            linked.push(term.id);
            rest = &rest[end..];
        }
        out.push_str(&escape(rest));
        out
    }
}

pub mod chrome;

const PAPER_URL: &str = "https://www.bioinf.jku.at/publications/older/2604.pdf";

/// The file a lesson is served from: the first lesson is the site's `index.html`.
pub fn file_name(lesson: &Lesson) -> String {
    if COURSE.first().is_some_and(|first| first.id == lesson.id) {
        "index.html".to_string()
    } else {
        format!("{}.html", lesson.id)
    }
}

pub use crate::text::html_escape as escape;

/// Inline markup as HTML.
pub fn prose(src: &str) -> String {
    prose_in(src, None)
}

/// Inline markup as HTML, the first use of each glossary term linked when `links` are kept.
fn prose_in(src: &str, mut links: Option<(&mut Links, Lang)>) -> String {
    let mut text = |s: &str| match links.as_mut() {
        Some((l, lang)) => l.link(s, *lang),
        None => escape(s),
    };
    parse(src)
        .into_iter()
        .map(|span| match span {
            Span::Plain(s) => text(&s),
            Span::Strong(s) => format!("<strong>{}</strong>", text(&s)),
            Span::Math(pieces) => math_html(pieces),
            Span::Live(key, digits) => format!(
                r#"<span class="live" data-live="{}" data-digits="{digits}" data-testid="live-{}">…</span>"#,
                escape(&key),
                escape(&key)
            ),
        })
        .collect()
}

/// A formula as HTML.
pub fn math(src: &str) -> String {
    math_html(parse_math(src))
}

fn math_html(pieces: Vec<MathPiece>) -> String {
    let inner: String = pieces
        .into_iter()
        .map(|p| match p {
            MathPiece::Base(s) => escape(&s),
            MathPiece::Sub(s) => format!("<sub>{}</sub>", escape(&s)),
            MathPiece::Sup(s) => format!("<sup>{}</sup>", escape(&s)),
        })
        .collect();
    format!(r#"<span class="math">{inner}</span>"#)
}

/// Both languages of a text, inline, each in its own span.
fn both(text: Text) -> String {
    Lang::ALL
        .iter()
        .map(|&l| format!(r#"<span class="l-{c}" lang="{c}">{}</span>"#, prose(text.get(l)), c = l.code()))
        .collect()
}

/// [`both`], linking glossary terms.
fn both_linked(text: Text, links: &mut Links) -> String {
    Lang::ALL
        .iter()
        .map(|&l| {
            format!(
                r#"<span class="l-{c}" lang="{c}">{}</span>"#,
                prose_in(text.get(l), Some((links, l))),
                c = l.code()
            )
        })
        .collect()
}

/// Both languages of a text as two block elements `tag`, linking glossary terms.
fn both_blocks(tag: &str, text: Text, links: &mut Links) -> String {
    Lang::ALL
        .iter()
        .map(|&l| {
            let inner = prose_in(text.get(l), Some((links, l)));
            format!(r#"<{tag} class="l-{c}" lang="{c}">{inner}</{tag}>"#, c = l.code())
        })
        .collect()
}

fn block_html(block: &Block, links: &mut Links) -> String {
    match *block {
        Block::P(text) => both_blocks("p", text, links),
        Block::List(items) => Lang::ALL
            .iter()
            .map(|&l| {
                let lis: String = items
                    .iter()
                    .map(|i| format!("<li>{}</li>", prose_in(i.get(l), Some((links, l)))))
                    .collect();
                format!(r#"<ul class="l-{c}" lang="{c}">{lis}</ul>"#, c = l.code())
            })
            .collect(),
        Block::Formula(src) => {
            format!(r#"<div class="formula" role="math" tabindex="0">{}</div>"#, math(src))
        }
        Block::Terms(terms) => {
            let rows: String = terms
                .iter()
                .map(|&(sym, meaning)| {
                    format!(
                        r#"<div class="term"><dt>{}</dt><dd>{}</dd></div>"#,
                        math(sym),
                        both_linked(meaning, links)
                    )
                })
                .collect();
            format!(r#"<dl class="terms">{rows}</dl>"#)
        }
    }
}

fn ask_html(ask: &Ask, number: usize, links: &mut Links) -> String {
    let choices: String = ask
        .choices
        .iter()
        .enumerate()
        .map(|(i, (text, cond))| {
            format!(
                r#"<button type="button" class="choice" data-cond="{}" data-testid="choice-{number}-{}">{}</button>"#,
                escape(&cond.to_attr()),
                i + 1,
                both(*text)
            )
        })
        .collect();
    format!(
        concat!(
            r#"<div class="ask" data-testid="ask-{n}" data-reading="{reading}" data-then="{then}">"#,
            r#"<p class="ask-prompt"><span class="ask-kicker">{kicker}</span> {prompt}</p>"#,
            r#"<div class="choices" role="group">{choices}</div>"#,
            r#"<div class="reveal" hidden data-testid="reveal-{n}" aria-live="polite">"#,
            r#"<p><strong class="verdict-right">{right}</strong><strong class="verdict-wrong">{wrong}</strong> "#,
            r#"{measured} <span class="reveal-value" data-testid="reveal-value-{n}"></span></p>"#,
            r#"<p class="why">{why}</p></div></div>"#
        ),
        n = number,
        reading = escape(ask.reading),
        then = escape(ask.then),
        kicker = both(chrome::PREDICT),
        prompt = both_linked(ask.prompt, links),
        choices = choices,
        right = both(chrome::RIGHT),
        wrong = both(chrome::WRONG),
        measured = both(chrome::MEASURED),
        why = both_linked(ask.why, links),
    )
}

fn step_html(step: &Step, number: usize, links: &mut Links) -> String {
    let blocks: String = step.blocks.iter().map(|b| block_html(b, links)).collect();
    let ask = step.ask.as_ref().map(|a| ask_html(a, number, links)).unwrap_or_default();
    let hidden = if number == 1 { "" } else { " hidden" };
    format!(
        r#"<section class="step" id="step-{number}" data-step="{number}" data-set="{}" data-testid="step-{number}"{hidden}>{blocks}{ask}</section>"#,
        escape(step.set)
    )
}

fn nav_html(current: Page) -> String {
    let items: String = COURSE
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let here = l.id == current.id();
            format!(
                r#"<li><a href="{}" data-testid="nav-{id}" data-lesson="{id}"{}><span class="nav-num">{}</span><span class="nav-title">{}</span><span class="nav-done" hidden>✓<span class="sr-only">{}</span></span></a></li>"#,
                file_name(l),
                if here { r#" class="current" aria-current="page""# } else { "" },
                i + 1,
                both(l.title),
                both(chrome::DONE),
                id = l.id,
            )
        })
        .collect();
    let extra: String = [Page::Glossary, Page::Teachers]
        .iter()
        .map(|&p| {
            format!(
                r#"<li><a href="{}" data-testid="nav-{id}" data-page="{id}"{}><span class="nav-num" aria-hidden="true">{}</span><span class="nav-title">{}</span></a></li>"#,
                p.file(),
                if p.id() == current.id() { r#" class="current" aria-current="page""# } else { "" },
                if matches!(p, Page::Glossary) { "Aa" } else { "?" },
                both(p.title()),
                id = p.id(),
            )
        })
        .collect();
    format!(
        r#"<nav class="sidebar" aria-labelledby="lessons-heading"><h2 class="sidebar-heading" id="lessons-heading">{}</h2><ol class="lesson-list">{items}</ol><ul class="lesson-list page-list">{extra}</ul></nav>"#,
        both(chrome::LESSONS)
    )
}

fn pager_html(index: usize) -> String {
    let link = |i: usize, label: Text, class: &str| {
        let l = &COURSE[i];
        format!(
            r#"<a class="{class}" href="{}"><span class="pager-kind">{}</span><span class="pager-title">{}</span></a>"#,
            file_name(l),
            both(label),
            both(l.title)
        )
    };
    let prev = if index > 0 { link(index - 1, chrome::PREVIOUS_LESSON, "pager-prev") } else { String::new() };
    let next = if index + 1 < COURSE.len() {
        link(index + 1, chrome::NEXT_LESSON, "pager-next")
    } else {
        String::new()
    };
    format!(r#"<nav class="pager">{prev}{next}</nav>"#)
}

fn step_nav_html(count: usize) -> String {
    let dots: String = (1..=count)
        .map(|i| {
            format!(
                r#"<li><button type="button" class="step-dot{}" data-goto="{i}" data-testid="dot-{i}"{}><span class="sr-only">{} {i}</span></button></li>"#,
                if i == 1 { " current" } else { "" },
                if i == 1 { r#" aria-current="step""# } else { "" },
                both(chrome::STEP)
            )
        })
        .collect();
    format!(
        concat!(
            r#"<nav class="step-nav" aria-label="{label}" data-testid="step-nav">"#,
            r#"<button type="button" class="step-btn" data-testid="lesson-prev" disabled title="{prev_title}">←<span class="sr-only">{prev}</span></button>"#,
            r#"<ol class="step-dots">{dots}</ol>"#,
            r#"<span class="step-count" data-testid="lesson-step-count"><span class="step-now">1</span> / {count}</span>"#,
            r#"<button type="button" class="step-btn step-next" data-testid="lesson-next" title="{next_title}">{next} →</button>"#,
            r#"</nav>"#
        ),
        label = escape(chrome::STEPS.en),
        prev = both(chrome::PREVIOUS_STEP),
        next = both(chrome::NEXT_STEP),
        prev_title = escape(chrome::STEP_KEYS.en),
        next_title = escape(chrome::STEP_KEYS.en),
        dots = dots,
        count = count,
    )
}

/// A page of the site: a lesson, or one of the two pages beside the course.
#[derive(Clone, Copy, Debug)]
pub enum Page {
    /// A lesson.
    Lesson(&'static Lesson),
    /// Every term, in both languages.
    Glossary,
    /// How to link a view, embed a scene, and what the URL holds.
    Teachers,
}

impl Page {
    /// Every page the build writes.
    pub fn all() -> Vec<Page> {
        let mut pages: Vec<Page> = COURSE.iter().map(Page::Lesson).collect();
        pages.extend([Page::Glossary, Page::Teachers]);
        pages
    }

    /// The page's file.
    pub fn file(self) -> String {
        match self {
            Page::Lesson(l) => file_name(l),
            Page::Glossary => "glossary.html".into(),
            Page::Teachers => "teachers.html".into(),
        }
    }

    /// The page's title.
    pub fn title(self) -> Text {
        match self {
            Page::Lesson(l) => l.title,
            Page::Glossary => chrome::GLOSSARY,
            Page::Teachers => chrome::TEACHERS,
        }
    }

    fn id(self) -> &'static str {
        match self {
            Page::Lesson(l) => l.id,
            Page::Glossary => "glossary",
            Page::Teachers => "teachers",
        }
    }
}

/// The header, the lesson list and the footer around a page's `main` content.
fn frame(page: Page, main: &str) -> String {
    let lang_buttons: String = Lang::ALL
        .iter()
        .map(|l| {
            format!(
                r#"<button type="button" class="lang-btn" lang="{c}" data-lang="{c}" data-testid="lang-{c}" aria-pressed="{}">{}</button>"#,
                l == &Lang::default(),
                l.endonym(),
                c = l.code()
            )
        })
        .collect();
    let title = page.title();
    format!(
        concat!(
            r#"<body data-lesson="{id}" data-title-ko="{title_ko}" data-title-en="{title_en}">"#,
            r#"<div class="app"><header class="topbar">"#,
            r#"<a class="brand" href="index.html"><img src="favicon.svg" alt="" width="28" height="28"><span class="brand-name">{app}</span></a>"#,
            r#"<p class="tagline">{tagline}</p>"#,
            r#"<div class="lang-switch" role="group" aria-label="{lang_label}">{lang_buttons}</div></header>"#,
            r#"<div class="layout">{nav}<main class="stage" id="stage" tabindex="-1">{main}</main></div>"#,
            r#"<footer class="footer"><p><a href="{paper}" rel="noopener" target="_blank">{paper_text}</a></p><p class="footer-honest">{honest}</p></footer></div></body>"#
        ),
        id = page.id(),
        title_ko = escape(&format!("{} · {}", title.ko, chrome::APP_TITLE.ko)),
        title_en = escape(&format!("{} · {}", title.en, chrome::APP_TITLE.en)),
        app = both(chrome::APP_TITLE),
        tagline = both(chrome::TAGLINE),
        lang_label = escape(chrome::LANGUAGE.en),
        lang_buttons = lang_buttons,
        nav = nav_html(page),
        main = main,
        paper = PAPER_URL,
        paper_text = both(chrome::PAPER),
        honest = both(chrome::HONEST),
    )
}

/// A lesson's `main` content: its head, the steps beside the scene, the pager.
fn lesson_main(lesson: &Lesson) -> String {
    let index = COURSE.iter().position(|l| l.id == lesson.id).unwrap_or(0);
    let mut links = Links::default();
    let steps: String =
        lesson.steps.iter().enumerate().map(|(i, s)| step_html(s, i + 1, &mut links)).collect();
    format!(
        concat!(
            r#"<article class="lesson" data-testid="lesson" data-lesson="{id}" data-steps="{count}">"#,
            r#"<header class="lesson-head"><p class="lesson-kicker">{lesson_word} {number}</p><h1>{title}</h1><p class="lesson-summary">{summary}</p></header>"#,
            r#"<noscript><p class="notice">{noscript}</p></noscript>"#,
            r#"<p class="notice" data-testid="url-notice" role="status" hidden>{notice} <code class="notice-keys"></code></p>"#,
            r#"<div class="lesson-body"><div class="steps-col">{step_nav}<div class="step-text">{steps}</div>"#,
            r#"<p class="step-tools"><button type="button" class="copy-link" data-testid="copy-link">{copy}</button> <span class="copy-status" data-testid="copy-status" role="status"><span class="copied" hidden>{copied}</span></span></p></div>"#,
            r#"<div class="scene-col"><p class="scene-caption">{caption}</p>"#,
            r#"<div id="scene" class="scene-mount" data-testid="scene-mount" data-scene="{scene}" data-state="{state}" data-keys="{keys}"><p class="scene-loading">{loading}</p><p class="scene-error" role="alert" data-testid="scene-failed" hidden>{failed}</p></div>{bring}</div>"#,
            r#"</div>{pager}</article>"#
        ),
        id = lesson.id,
        count = lesson.steps.len(),
        lesson_word = both(chrome::LESSON),
        number = index + 1,
        title = both(lesson.title),
        summary = both(lesson.summary),
        noscript = both(chrome::NO_SCRIPT),
        notice = both(chrome::URL_NOTICE),
        step_nav = step_nav_html(lesson.steps.len()),
        steps = steps,
        copy = both(chrome::COPY_LINK),
        copied = both(chrome::COPIED),
        caption = both(lesson.scene.caption),
        scene = lesson.scene.preset.kind(),
        state = escape(&lesson.scene.preset.to_state()),
        keys = crate::state::scene_keys(lesson.scene.preset.kind())
            .map(|(k, r)| format!("{} | {}", k.join(" "), r.join(" ")))
            .unwrap_or_default(),
        loading = both(chrome::LOADING),
        failed = both(chrome::SCENE_FAILED),
        bring = if lesson.id == "explore" { super::bring::slot() } else { String::new() },
        pager = pager_html(index),
    )
}

fn glossary_main() -> String {
    let entries: String = GLOSSARY
        .iter()
        .map(|term| {
            format!(
                r#"<div class="glossary-entry" id="{}"><dt>{}</dt><dd>{}</dd></div>"#,
                term.id,
                both(term.name),
                both(term.meaning)
            )
        })
        .collect();
    format!(
        r#"<article class="lesson page-text" data-testid="glossary"><header class="lesson-head"><h1>{}</h1><p class="lesson-summary">{}</p></header><dl class="glossary">{entries}</dl></article>"#,
        both(chrome::GLOSSARY),
        both(chrome::GLOSSARY_SUMMARY)
    )
}

fn teachers_main() -> String {
    let sections: String = chrome::TEACHER_NOTES
        .iter()
        .map(|(heading, text)| format!("<h2>{}</h2>{}", both(*heading), both_blocks_plain("p", *text)))
        .collect();
    format!(
        r#"<article class="lesson page-text" data-testid="teachers"><header class="lesson-head"><h1>{}</h1><p class="lesson-summary">{}</p></header>{sections}</article>"#,
        both(chrome::TEACHERS),
        both(chrome::TEACHERS_SUMMARY)
    )
}

/// Both languages of a text as block elements, without glossary links.
fn both_blocks_plain(tag: &str, text: Text) -> String {
    Lang::ALL
        .iter()
        .map(|&l| format!(r#"<{tag} class="l-{c}" lang="{c}">{}</{tag}>"#, prose(text.get(l)), c = l.code()))
        .collect()
}

/// The `<body>` of a page.
pub fn body(page: Page) -> String {
    let main = match page {
        Page::Lesson(lesson) => lesson_main(lesson),
        Page::Glossary => glossary_main(),
        Page::Teachers => teachers_main(),
    };
    frame(page, &main)
}

/// Whether a page loads the landing module (`crate::landing`) instead of the Leptos one.
pub fn uses_landing(page: Page) -> bool {
    matches!(page, Page::Lesson(l) if l.scene.preset.kind() == "next")
}

/// Every `<tag …>…</tag>` (or `<tag …>` when `close` is empty) in `html` whose text contains
/// `needle`, removed.
fn drop_tags(html: &str, open: &str, close: &str, needle: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(open) {
        let end = if close.is_empty() {
            rest[start..].find('>').map(|e| start + e + 1)
        } else {
            rest[start..].find(close).map(|e| start + e + close.len())
        };
        let Some(end) = end else { break };
        out.push_str(&rest[..start]);
        if !rest[start..end].contains(needle) {
            out.push_str(&rest[start..end]);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `html` without its `<!-- … -->` comments.
fn drop_comments(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => return out,
        }
    }
    out.push_str(rest);
    out
}

/// The head for a page showing the landing scene: the Leptos module's script and preloads out,
/// the landing module's script in, before `assets/course.js` (which starts it).
fn landing_head(head: &str) -> String {
    let head = drop_tags(head, "<script", "</script>", "lstm-explorer");
    let head = drop_tags(&head, "<link", "", "lstm-explorer");
    let tag =
        r#"<link rel="stylesheet" href="./landing.css"><script src="./lstm-landing.js" defer></script>"#;
    match head.find("<script").filter(|&i| head[i..].split('>').next().is_some_and(|t| t.contains("course")))
    {
        Some(i) => format!("{}{tag}{}", &head[..i], &head[i..]),
        None => head.replacen("</head>", &format!("{tag}</head>"), 1),
    }
}

/// A page of the site: Trunk's built `template` (its `<head>` with the hashed script and style
/// links) with the page's title and body.
pub fn page(template: &str, page: Page) -> Result<String, String> {
    let head_end = template.find("<body").ok_or("the template has no <body>")?;
    // A minified template may leave out the optional `</body>`.
    let body_end = template.rfind("</body>").map_or(template.len(), |i| i + "</body>".len()).max(head_end);
    let head = match page {
        Page::Lesson(_) if uses_landing(page) => landing_head(&template[..head_end]),
        Page::Lesson(_) => template[..head_end].to_string(),
        // A page without a scene loads no WebAssembly at all.
        Page::Glossary | Page::Teachers => drop_tags(
            &drop_tags(&template[..head_end], "<script", "</script>", "lstm-explorer"),
            "<link",
            "",
            "lstm-explorer",
        ),
    };
    // The comments Trunk kept from index.html are for its readers, not for every visitor.
    let head = drop_comments(&head);
    // A scene with styles of its own brings them (assets/language.css).
    let head = match page {
        Page::Lesson(l) if l.scene.preset.kind() == "language" => {
            head.replacen("</head>", r#"<link rel="stylesheet" href="./language.css"></head>"#, 1)
        }
        _ => head,
    };
    let t = page.title();
    let title = format!("<title>{}</title>", escape(&format!("{} · {}", t.ko, chrome::APP_TITLE.ko)));
    let head = match (head.find("<title>"), head.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}{}", &head[..a], title, &head[b + "</title>".len()..]),
        _ => head.replacen("</head>", &format!("{title}</head>"), 1),
    };
    Ok(format!("{head}{}{}", body(page), &template[body_end..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lessons::glossary::GLOSSARY;

    const TEMPLATE: &str = "<!DOCTYPE html><html lang=\"ko\"><head><title>x</title><script type=\"module\" src=\"a.js\"></script></head><body><noscript>x</noscript></body></html>\n";

    #[test]
    fn every_lesson_page_has_its_steps_scene_and_both_languages() {
        for lesson in COURSE {
            let html = page(TEMPLATE, Page::Lesson(lesson)).unwrap();
            assert!(html.contains(r#"<script type="module" src="a.js">"#), "{}: head kept", lesson.id);
            for i in 1..=lesson.steps.len() {
                assert!(html.contains(&format!(r#"data-testid="step-{i}""#)), "{}: step {i}", lesson.id);
            }
            assert!(!html.contains(&format!(r#"data-testid="step-{}""#, lesson.steps.len() + 1)));
            assert!(html.contains(&format!(r#"data-scene="{}""#, lesson.scene.preset.kind())));
            assert_eq!(html.matches("<body").count(), 1);
            assert!(html.contains(&escape(lesson.title.ko)) && html.contains(&escape(lesson.title.en)));
            assert!(html.ends_with("</html>\n"));
        }
    }

    #[test]
    fn pages_with_the_landing_scene_load_the_landing_module_and_not_the_leptos_one() {
        let template = concat!(
            "<html><head><title>x</title><script src=./course-1.js defer></script>",
            "<link rel=modulepreload href=./lstm-explorer-9.js crossorigin=anonymous>",
            "<link rel=stylesheet href=./style-2.css>",
            "<script type=module>import init from './lstm-explorer-9.js';await init();</script>",
            "</head><body></body></html>"
        );
        let mut landing = 0;
        for p in Page::all() {
            let html = page(template, p).unwrap();
            let head = &html[..html.find("<body").unwrap()];
            assert!(head.contains("style-2.css") && head.contains("course-1.js"));
            if matches!(p, Page::Glossary | Page::Teachers) {
                assert!(!head.contains("lstm-explorer") && !head.contains("lstm-landing"), "{}", p.file());
            } else if uses_landing(p) {
                landing += 1;
                assert!(!head.contains("lstm-explorer"), "{}", p.file());
                let (l, c) = (head.find("lstm-landing.js").unwrap(), head.find("course-1.js").unwrap());
                assert!(l < c, "the module's glue comes before the script that starts it");
            } else {
                assert!(head.contains("lstm-explorer-9.js") && !head.contains("lstm-landing"));
            }
        }
        assert!(landing >= 2, "the landing lesson and the output lesson");
    }

    #[test]
    fn a_page_loads_the_styles_of_its_own_scene_only_and_no_comment() {
        let template = "<html><head><!-- a note --><link rel=stylesheet href=./style-2.css><title>x</title></head><body></body></html>";
        let mut language = 0;
        for p in Page::all() {
            let html = page(template, p).unwrap();
            let head = &html[..html.find("<body").unwrap()];
            assert!(!head.contains("<!--"), "{}", p.file());
            assert_eq!(head.contains("landing.css"), uses_landing(p), "{}", p.file());
            let is_language = matches!(p, Page::Lesson(l) if l.id == "language");
            language += usize::from(is_language);
            assert_eq!(head.contains("language.css"), is_language, "{}", p.file());
            assert!(!head.contains("bring.css"), "the panel brings its own: {}", p.file());
        }
        assert_eq!(language, 1);
    }

    #[test]
    fn text_is_escaped_and_markup_rendered() {
        assert_eq!(escape(r#"<a href="x">&"#), "&lt;a href=&quot;x&quot;&gt;&amp;");
        assert_eq!(
            prose("**a** $h_t$ {c@1:3} <b>"),
            concat!(
                r#"<strong>a</strong> <span class="math">h<sub>t</sub></span> "#,
                r#"<span class="live" data-live="c@1" data-digits="3" data-testid="live-c@1">…</span> &lt;b&gt;"#
            )
        );
    }

    #[test]
    fn the_first_lesson_is_the_index_and_ids_are_file_names() {
        assert_eq!(file_name(&COURSE[0]), "index.html");
        for lesson in &COURSE[1..] {
            assert_eq!(file_name(lesson), format!("{}.html", lesson.id));
        }
    }

    #[test]
    fn glossary_terms_link_once_per_lesson_and_every_link_has_its_entry() {
        let glossary = page(TEMPLATE, Page::Glossary).unwrap();
        let mut linked = 0;
        for lesson in COURSE {
            let html = body(Page::Lesson(lesson));
            for term in GLOSSARY {
                let href = format!("glossary.html#{}\"", term.id);
                let n = html.matches(&href).count();
                assert!(n <= 2, "{}: {} linked {n} times", lesson.id, term.id);
                linked += n;
                assert!(glossary.contains(&format!("id=\"{}\"", term.id)));
            }
        }
        assert!(linked > 40, "only {linked} links");
        assert!(
            body(Page::Lesson(&COURSE[1]))
                .contains(r#"<a class="term-link" href="glossary.html#hidden-state">은닉 상태</a>"#)
        );
    }

    #[test]
    fn the_teachers_page_explains_links_steps_and_embedding() {
        let html = body(Page::Teachers);
        for needle in ["step=", "embed=1", "copy", "iframe"] {
            assert!(html.to_lowercase().contains(needle), "{needle}");
        }
    }

    #[test]
    fn interface_texts_are_written_in_both_languages() {
        for text in chrome::ALL {
            assert!(!text.ko.trim().is_empty() && !text.en.trim().is_empty());
            assert!(text.ko.chars().any(|c| ('가'..='힣').contains(&c)), "{}", text.ko);
        }
    }

    #[test]
    fn a_template_without_a_body_is_an_error_not_a_panic() {
        assert!(page("<html></html>", Page::Lesson(&COURSE[0])).is_err());
        let minified =
            page("<html><head><title>x</title></head><body><p>old", Page::Lesson(&COURSE[0])).unwrap();
        assert!(!minified.contains("<p>old") && minified.contains("data-testid=\"lesson\""));
    }
}
