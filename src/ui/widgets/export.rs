//! Exporting a plot: its picture as PNG or SVG and its numbers as CSV, as downloads.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;

/// Starts a download of `url` named `name`.
pub fn download(name: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(a) = document.create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(url);
        a.set_download(name);
        a.click();
    }
}

/// A `data:` URL holding `text`.
pub fn text_url(mime: &str, text: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", String::from(js_sys::encode_uri_component(text)))
}

/// The three export buttons; `on_export` receives "png", "svg" or "csv". Test ids are
/// `{prefix}-png`, `{prefix}-svg` and `{prefix}-csv`.
#[component]
pub fn ExportButtons(
    /// Test id prefix.
    prefix: &'static str,
    /// False until there is something to export.
    #[prop(into)]
    ready: Signal<bool>,
    /// Called with the format picked.
    on_export: Callback<&'static str>,
) -> impl IntoView {
    let lang = use_lang();
    let button = move |format: &'static str, name: &'static str| {
        view! {
            <button class="chip" data-testid=format!("{prefix}-{format}") disabled=move || !ready.get()
                on:click=move |_| on_export.run(format)>{name}</button>
        }
    };
    view! {
        <div class="plot-export" role="group" aria-label=move || tr(Key::ExportLabel, lang.get())>
            <span>{move || tr(Key::ExportLabel, lang.get())}</span>
            {button("png", "PNG")}
            {button("svg", "SVG")}
            {button("csv", "CSV")}
        </div>
    }
}
