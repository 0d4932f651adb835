//! The live scene inside a static lesson page. The page's text, steps, questions and navigation
//! arrive as HTML (`lessons::html`) and are driven by `assets/course.js`, which works before any
//! WebAssembly has arrived. This module mounts the scene into `#scene` and gives the script a
//! small typed surface: set knobs (a step's settings, the URL's), read the scene's numbers (for
//! the live values in the text and the answers to questions), write the knobs back into a URL,
//! and follow the language.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use super::knobs::Panel;
use super::scenes::SceneView;
use crate::lessons::Cond;
use crate::state::{self, PageQuery, presets::Preset};
use crate::text::Lang;

thread_local! {
    static SCENE: std::cell::Cell<Option<(Panel, RwSignal<Lang>)>> = const { std::cell::Cell::new(None) };
}

fn scene() -> Option<(Panel, RwSignal<Lang>)> {
    SCENE.with(std::cell::Cell::get)
}

/// Mounts the lesson's scene (called once, when the WebAssembly has arrived). The page's query
/// is read by the script; what the scene cannot use comes back from [`scene_apply`].
pub fn start() {
    let document = document();
    let Some(mount) = document.get_element_by_id("scene") else { return };
    let kind = mount.get_attribute("data-scene").unwrap_or_default();
    let preset_state = mount.get_attribute("data-state").unwrap_or_default();
    let Some((preset, _)) = Preset::parse(&kind, &preset_state) else { return };
    let lang_code = document.document_element().and_then(|r| r.get_attribute("lang")).unwrap_or_default();
    let lang = RwSignal::new(Lang::from_code(&lang_code).unwrap_or_default());
    let panel = Panel::default();
    SCENE.with(|s| s.set(Some((panel, lang))));
    mount.set_inner_html("");
    let Ok(mount) = mount.dyn_into::<HtmlElement>() else { return };
    leptos::mount::mount_to(mount.clone(), move || {
        provide_context(Signal::<Lang>::from(lang));
        provide_context(panel);
        view! { <SceneView preset=preset.clone() /> }
    })
    .forget();
    let _ = mount.set_attribute("data-registered", &panel.keys());
}

/// Applies scene settings (`t=3&f=1`, a step's or the URL's); returns the keys it could not use,
/// comma-separated.
#[wasm_bindgen]
pub fn scene_apply(query: &str) -> String {
    let Some((panel, _)) = scene() else { return String::new() };
    let rejected: Vec<String> = panel.apply(&state::pairs(query)).into_iter().map(|r| r.key).collect();
    rejected.join(",")
}

/// The keys of the page's own query (`lang`, `step`, `lesson`, `embed`) that it could not read,
/// comma-separated, and its scene part: `rejected\nscene query`.
#[wasm_bindgen]
pub fn page_query(query: &str) -> String {
    PageQuery::report(query)
}

/// A reading of the scene (`rnn@20`, `c@1`), if it has one now.
#[wasm_bindgen]
pub fn scene_read(key: &str) -> Option<f64> {
    let (panel, _) = scene()?;
    untrack(|| panel.read(key))
}

/// Every knob that differs from where the scene started, as a query without `?`.
#[wasm_bindgen]
pub fn scene_changed() -> String {
    let Some((panel, _)) = scene() else { return String::new() };
    state::to_query(&panel.changed()).trim_start_matches('?').to_string()
}

/// The scene follows the page's language.
#[wasm_bindgen]
pub fn scene_set_lang(code: &str) {
    if let (Some((_, lang)), Some(l)) = (scene(), Lang::from_code(code)) {
        lang.set(l);
    }
}

/// Whether a question's choice (`data-cond`, e.g. `lt:0.1`) is right for the reading `x`.
#[wasm_bindgen]
pub fn choice_holds(cond: &str, x: f64) -> bool {
    Cond::attr_holds(cond, x)
}

/// A number for the text: `digits` decimals, or powers of ten when it is very small or large.
#[wasm_bindgen]
pub fn format_number(x: f64, digits: usize) -> String {
    crate::format::format_fixed(x, digits)
}

/// Opens, in the explorer, a network the lab read from a weight file: its shape as
/// `kind,relu,layers,input,hidden,bias` and its values. Empty, or why it was not taken.
#[wasm_bindgen]
pub fn scene_open(shape: &str, values: Vec<f64>) -> String {
    let Some(wire) = crate::lab::protocol::StackWire::from_shape(shape, values) else {
        return "bad shape".into();
    };
    super::scenes::explore::open(&wire).err().unwrap_or_default()
}

/// Makes a CSV the lab read (`columns` numbers per step) the explorer's input. Empty, or why not.
#[wasm_bindgen]
pub fn scene_rows(columns: usize, values: Vec<f64>) -> String {
    super::scenes::explore::rows(columns, &values).err().unwrap_or_default()
}

/// The explorer goes back to its seeded network.
#[wasm_bindgen]
pub fn scene_close() {
    super::scenes::explore::close();
}

/// The shape of the network the explorer shows (`kind,relu,layers,input,hidden,bias`), empty
/// when there is none.
#[wasm_bindgen]
pub fn scene_network_shape() -> String {
    super::scenes::explore::shown().map(|w| w.shape()).unwrap_or_default()
}

/// The values of the network the explorer shows (`Stack::flat`).
#[wasm_bindgen]
pub fn scene_network_values() -> Vec<f64> {
    super::scenes::explore::shown().map(|w| w.values).unwrap_or_default()
}
