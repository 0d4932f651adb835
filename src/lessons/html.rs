//! The course as static HTML: one page per lesson, every word in both languages, written at
//! build time (`src/bin/course_pages.rs`, a Trunk hook) into the head Trunk built. The page is
//! readable before any WebAssembly arrives; the WebAssembly then mounts the live scene into
//! `#scene` and drives the steps already on the page (`src/ui/page.rs`).
//!
//! Both languages are in the page, each text in an element of class `l-ko` or `l-en`; the
//! stylesheet shows the one `<html lang>` names, so switching language needs no new page.

use super::markup::{MathPiece, Span, parse, parse_math};
use super::{Ask, Block, COURSE, Lang, Lesson, Step, Text, t};

/// The interface's own words on a static page.
pub mod chrome {
    use super::{Text, t};

    /// The site's name.
    pub const APP_TITLE: Text = t("LSTM 탐험", "LSTM Explorer");
    /// Under the name.
    pub const TAGLINE: Text =
        t("순환 신경망과 LSTM을 실제 숫자로 배우는 코스", "A course on recurrent networks and the LSTM, with real numbers");
    /// The language switch's label.
    pub const LANGUAGE: Text = t("언어", "Language");
    /// The lesson list's heading.
    pub const LESSONS: Text = t("단원", "Lessons");
    /// Before a lesson's number.
    pub const LESSON: Text = t("단원", "Lesson");
    /// The pager.
    pub const PREVIOUS_LESSON: Text = t("이전 단원", "Previous lesson");
    /// The pager.
    pub const NEXT_LESSON: Text = t("다음 단원", "Next lesson");
    /// Step navigation.
    pub const PREVIOUS_STEP: Text = t("이전 단계", "Previous step");
    /// Step navigation.
    pub const NEXT_STEP: Text = t("다음 단계", "Next step");
    /// Step navigation's label.
    pub const STEPS: Text = t("단계", "Steps");
    /// One progress dot's label, before its number.
    pub const STEP: Text = t("단계", "Step");
    /// The keys that step.
    pub const STEP_KEYS: Text = t("N: 다음 단계, P: 이전 단계", "N: next step, P: previous step");
    /// The copy-link button.
    pub const COPY_LINK: Text = t("이 화면의 링크 복사", "Copy a link to this view");
    /// After copying.
    pub const COPIED: Text = t("링크를 복사했습니다.", "Link copied.");
    /// The notice for a URL the page could not fully read.
    pub const URL_NOTICE: Text = t(
        "주소의 일부 값을 읽을 수 없어 기본값을 썼습니다:",
        "Some values in the address could not be read, so their defaults are used:",
    );
    /// A right answer.
    pub const RIGHT: Text = t("맞았습니다.", "Right.");
    /// A wrong answer.
    pub const WRONG: Text = t("아쉽지만 아닙니다.", "Not quite.");
    /// Before the measured value.
    pub const MEASURED: Text = t("이 페이지가 지금 계산한 값:", "What the page computes right now:");
    /// Before the choices.
    pub const PREDICT: Text = t("먼저 예상해 보세요", "Predict first");
    /// Before the WebAssembly arrives.
    pub const LOADING: Text = t("장면을 불러오는 중…", "Loading the scene…");
    /// Without JavaScript.
    pub const NO_SCRIPT: Text = t(
        "글은 그대로 읽을 수 있지만, 살아 있는 장면에는 JavaScript와 WebAssembly가 필요합니다.",
        "The text reads as it is, but the live scenes need JavaScript and WebAssembly.",
    );
    /// Footer.
    pub const PAPER: Text = t(
        "원 논문: Hochreiter & Schmidhuber (1997), “Long Short-Term Memory”, Neural Computation 9(8)",
        "The original paper: Hochreiter & Schmidhuber (1997), “Long Short-Term Memory”, Neural Computation 9(8)",
    );
    /// Footer.
    pub const HONEST: Text = t(
        "화면의 모든 숫자는 이 페이지가 브라우저 안에서 직접 계산한 값입니다.",
        "Every number on this page is computed by the page itself, in your browser.",
    );
    /// Marks a lesson done in the list.
    pub const DONE: Text = t("마침", "done");

    /// Every interface text, for the tests.
    pub const ALL: [Text; 24] = [
        APP_TITLE,
        TAGLINE,
        LANGUAGE,
        LESSONS,
        LESSON,
        PREVIOUS_LESSON,
        NEXT_LESSON,
        PREVIOUS_STEP,
        NEXT_STEP,
        STEPS,
        STEP,
        STEP_KEYS,
        COPY_LINK,
        COPIED,
        URL_NOTICE,
        RIGHT,
        WRONG,
        MEASURED,
        PREDICT,
        LOADING,
        NO_SCRIPT,
        PAPER,
        HONEST,
        DONE,
    ];
}

const PAPER_URL: &str = "https://www.bioinf.jku.at/publications/older/2604.pdf";

/// The file a lesson is served from: the first lesson is the site's `index.html`.
pub fn file_name(lesson: &Lesson) -> String {
    if COURSE.first().is_some_and(|first| first.id == lesson.id) {
        "index.html".to_string()
    } else {
        format!("{}.html", lesson.id)
    }
}

/// Escapes text for HTML content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

/// Inline markup as HTML.
pub fn prose(src: &str) -> String {
    parse(src)
        .into_iter()
        .map(|span| match span {
            Span::Plain(s) => escape(&s),
            Span::Strong(s) => format!("<strong>{}</strong>", escape(&s)),
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

/// Both languages of a text as two block elements `tag`.
fn both_blocks(tag: &str, class: &str, text: Text) -> String {
    Lang::ALL
        .iter()
        .map(|&l| format!(r#"<{tag} class="{class} l-{c}" lang="{c}">{}</{tag}>"#, prose(text.get(l)), c = l.code()))
        .collect()
}

fn block_html(block: &Block) -> String {
    match *block {
        Block::P(text) => both_blocks("p", "", text),
        Block::List(items) => Lang::ALL
            .iter()
            .map(|&l| {
                let lis: String = items.iter().map(|i| format!("<li>{}</li>", prose(i.get(l)))).collect();
                format!(r#"<ul class="l-{c}" lang="{c}">{lis}</ul>"#, c = l.code())
            })
            .collect(),
        Block::Formula(src) => format!(r#"<div class="formula" role="math">{}</div>"#, math(src)),
        Block::Terms(terms) => {
            let rows: String = terms
                .iter()
                .map(|&(sym, meaning)| format!(r#"<div class="term"><dt>{}</dt><dd>{}</dd></div>"#, math(sym), both(meaning)))
                .collect();
            format!(r#"<dl class="terms">{rows}</dl>"#)
        }
    }
}

fn ask_html(ask: &Ask, number: usize) -> String {
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
        prompt = both(ask.prompt),
        choices = choices,
        right = both(chrome::RIGHT),
        wrong = both(chrome::WRONG),
        measured = both(chrome::MEASURED),
        why = both(ask.why),
    )
}

fn step_html(step: &Step, number: usize) -> String {
    let blocks: String = step.blocks.iter().map(block_html).collect();
    let ask = step.ask.as_ref().map(|a| ask_html(a, number)).unwrap_or_default();
    let hidden = if number == 1 { "" } else { " hidden" };
    format!(
        r#"<section class="step" id="step-{number}" data-step="{number}" data-set="{}" data-testid="step-{number}"{hidden}>{blocks}{ask}</section>"#,
        escape(step.set)
    )
}

fn nav_html(current: &Lesson) -> String {
    let items: String = COURSE
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let here = l.id == current.id;
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
    format!(
        r#"<nav class="sidebar" aria-labelledby="lessons-heading"><h2 class="sidebar-heading" id="lessons-heading">{}</h2><ol class="lesson-list">{items}</ol></nav>"#,
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
    let next =
        if index + 1 < COURSE.len() { link(index + 1, chrome::NEXT_LESSON, "pager-next") } else { String::new() };
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
            r#"<button type="button" class="step-btn" data-testid="step-prev" disabled title="{prev_title}">←<span class="sr-only">{prev}</span></button>"#,
            r#"<ol class="step-dots">{dots}</ol>"#,
            r#"<span class="step-count" data-testid="step-count"><span class="step-now">1</span> / {count}</span>"#,
            r#"<button type="button" class="step-btn step-next" data-testid="step-next" title="{next_title}">{next} →</button>"#,
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

/// The `<body>` of a lesson's page.
pub fn body(lesson: &Lesson) -> String {
    let index = COURSE.iter().position(|l| l.id == lesson.id).unwrap_or(0);
    let steps: String = lesson.steps.iter().enumerate().map(|(i, s)| step_html(s, i + 1)).collect();
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
    format!(
        concat!(
            r#"<body data-lesson="{id}" data-title-ko="{title_ko}" data-title-en="{title_en}">"#,
            r#"<div class="app"><header class="topbar">"#,
            r#"<a class="brand" href="index.html"><img src="favicon.svg" alt="" width="28" height="28"><span class="brand-name">{app}</span></a>"#,
            r#"<p class="tagline">{tagline}</p>"#,
            r#"<div class="lang-switch" role="group" aria-label="{lang_label}">{lang_buttons}</div></header>"#,
            r#"<div class="layout">{nav}<main class="stage" id="stage" tabindex="-1">"#,
            r#"<article class="lesson" data-testid="lesson" data-lesson="{id}" data-steps="{count}">"#,
            r#"<header class="lesson-head"><p class="lesson-kicker">{lesson_word} {number}</p><h1>{title}</h1><p class="lesson-summary">{summary}</p></header>"#,
            r#"<noscript><p class="notice">{noscript}</p></noscript>"#,
            r#"<p class="notice" data-testid="url-notice" role="status" hidden>{notice} <code class="notice-keys"></code></p>"#,
            r#"<div class="lesson-body"><div class="steps-col">{step_nav}<div class="step-text">{steps}</div>"#,
            r#"<p class="step-tools"><button type="button" class="copy-link" data-testid="copy-link">{copy}</button> <span class="copy-status" data-testid="copy-status" role="status"><span class="copied" hidden>{copied}</span></span></p></div>"#,
            r#"<div class="scene-col"><p class="scene-caption">{caption}</p>"#,
            r#"<div id="scene" class="scene-mount" data-testid="scene-mount" data-scene="{scene}" data-state="{state}"><p class="scene-loading">{loading}</p></div></div>"#,
            r#"</div>{pager}</article></main></div>"#,
            r#"<footer class="footer"><p><a href="{paper}" rel="noopener" target="_blank">{paper_text}</a></p><p class="footer-honest">{honest}</p></footer></div></body>"#
        ),
        id = lesson.id,
        title_ko = escape(&format!("{} · {}", lesson.title.ko, chrome::APP_TITLE.ko)),
        title_en = escape(&format!("{} · {}", lesson.title.en, chrome::APP_TITLE.en)),
        app = both(chrome::APP_TITLE),
        tagline = both(chrome::TAGLINE),
        lang_label = escape(chrome::LANGUAGE.en),
        lang_buttons = lang_buttons,
        nav = nav_html(lesson),
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
        caption = both(lesson.scene.caption),
        scene = lesson.scene.preset.kind(),
        state = escape(&lesson.scene.preset.to_state()),
        loading = both(chrome::LOADING),
        copied = both(chrome::COPIED),
        pager = pager_html(index),
        paper = PAPER_URL,
        paper_text = both(chrome::PAPER),
        honest = both(chrome::HONEST),
    )
}

/// A lesson's whole page: Trunk's built `template` (its `<head>` with the hashed script and
/// style links) with the lesson's title and body.
pub fn page(template: &str, lesson: &Lesson) -> Result<String, String> {
    let head_end = template.find("<body").ok_or("the template has no <body>")?;
    let body_end = template.rfind("</body>").ok_or("the template has no </body>")? + "</body>".len();
    let head = &template[..head_end];
    let title = format!("<title>{}</title>", escape(&format!("{} · {}", lesson.title.ko, chrome::APP_TITLE.ko)));
    let head = match (head.find("<title>"), head.find("</title>")) {
        (Some(a), Some(b)) if a < b => format!("{}{}{}", &head[..a], title, &head[b + "</title>".len()..]),
        _ => head.replacen("</head>", &format!("{title}</head>"), 1),
    };
    Ok(format!("{head}{}{}", body(lesson), &template[body_end..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEMPLATE: &str = "<!DOCTYPE html><html lang=\"ko\"><head><title>x</title><script type=\"module\" src=\"a.js\"></script></head><body><noscript>x</noscript></body></html>\n";

    #[test]
    fn every_lesson_page_has_its_steps_scene_and_both_languages() {
        for lesson in COURSE {
            let html = page(TEMPLATE, lesson).unwrap();
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
    fn interface_texts_are_written_in_both_languages() {
        for text in chrome::ALL {
            assert!(!text.ko.trim().is_empty() && !text.en.trim().is_empty());
            assert!(text.ko.chars().any(|c| ('가'..='힣').contains(&c)), "{}", text.ko);
        }
    }

    #[test]
    fn a_template_without_a_body_is_an_error_not_a_panic() {
        assert!(page("<html></html>", &COURSE[0]).is_err());
    }
}
