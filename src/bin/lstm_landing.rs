//! The landing page's module: the next-value scene without Leptos (see `lstm_explorer::landing`).
//! Trunk builds it beside the page (index.html); `lessons::html` gives the pages that show the
//! scene this module instead of the Leptos one. Its exports are the surface `assets/course.js`
//! uses, the same as the Leptos page's (`ui::page`).

use lstm_explorer::{format, landing, lessons, state};
use wasm_bindgen::prelude::*;

fn main() {
    landing::start();
}

/// See `ui::page::scene_apply`.
#[wasm_bindgen]
pub fn scene_apply(query: &str) -> String {
    landing::apply(query)
}

/// See `ui::page::page_query`.
#[wasm_bindgen]
pub fn page_query(query: &str) -> String {
    state::PageQuery::report(query)
}

/// See `ui::page::scene_read`.
#[wasm_bindgen]
pub fn scene_read(key: &str) -> Option<f64> {
    landing::read(key)
}

/// See `ui::page::scene_changed`.
#[wasm_bindgen]
pub fn scene_changed() -> String {
    landing::changed()
}

/// See `ui::page::scene_set_lang`.
#[wasm_bindgen]
pub fn scene_set_lang(code: &str) {
    landing::set_lang(code);
}

/// See `ui::page::choice_holds`.
#[wasm_bindgen]
pub fn choice_holds(cond: &str, x: f64) -> bool {
    lessons::Cond::attr_holds(cond, x)
}

/// See `ui::page::format_number`.
#[wasm_bindgen]
pub fn format_number(x: f64, digits: usize) -> String {
    format::format_fixed(x, digits)
}
