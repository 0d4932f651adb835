//! Exporting a plot: its picture as PNG or SVG and its numbers as CSV, as downloads.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;

/// Starts a download of `url` named `name`.
pub(crate) fn download(name: &str, url: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Ok(a) = document.create_element("a").map(|e| e.unchecked_into::<web_sys::HtmlAnchorElement>()) {
        a.set_href(url);
        a.set_download(name);
        a.click();
    }
}

/// A `data:` URL holding `text`.
pub(crate) fn text_url(mime: &str, text: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", String::from(js_sys::encode_uri_component(text)))
}

/// A plot's export: the picture from its canvas as PNG, its SVG and CSV from `text`.
fn export(
    file: &str,
    format: &'static str,
    canvas: NodeRef<leptos::html::Canvas>,
    text: Callback<&'static str, Result<String, String>>,
) -> Result<(), String> {
    let url = match format {
        "png" => canvas
            .get_untracked()
            .and_then(|cv| cv.to_data_url().ok())
            .ok_or_else(|| "no picture".to_string())?,
        "svg" => text_url("image/svg+xml", &text.run("svg")?),
        _ => text_url("text/csv", &text.run("csv")?),
    };
    download(&format!("{file}.{format}"), &url);
    Ok(())
}

/// The three export buttons of a plot: PNG (the canvas as drawn), SVG and CSV (from `text`,
/// called with "svg" or "csv"); the download is named `{file}.{png,svg,csv}` and a failure goes
/// to `error`, in the page's language. Test ids are `{prefix}-png`, `{prefix}-svg`, `{prefix}-csv`.
#[component]
pub fn ExportButtons(
    /// Test id prefix.
    prefix: &'static str,
    /// The downloads' name without its extension.
    file: &'static str,
    /// False until there is something to export.
    #[prop(into)]
    ready: Signal<bool>,
    /// The plot's canvas.
    canvas: NodeRef<leptos::html::Canvas>,
    /// The SVG document or the CSV table, or why it could not be made.
    text: Callback<&'static str, Result<String, String>>,
    /// Where a failure is shown.
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    let button = move |format: &'static str, name: &'static str| {
        let run = move |_| {
            if let Err(e) = export(file, format, canvas, text) {
                error.set(Some(format!("{}: {e}", tr(Key::PlotFailed, lang.get_untracked()))));
            }
        };
        view! {
            <button class="chip" data-testid=format!("{prefix}-{format}") disabled=move || !ready.get()
                on:click=run>{name}</button>
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
