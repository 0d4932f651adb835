//! What a learner brings to the explorer: a network opened from a PyTorch weight file, and a CSV
//! of inputs. The picking, dropping, reading and saving live in `assets/bring.js`, which has the
//! lab module parse the files; what it read reaches the scene here, through the page module's
//! exports (`ui::page::scene_open`, `scene_rows`, `scene_close`, `scene_network`).

use std::sync::Arc;

use leptos::prelude::*;

use crate::lab::protocol::StackWire;
use crate::model::stack::Stack;

/// The explorer's inputs from outside the scene.
#[derive(Clone, Copy)]
pub(crate) struct Brought {
    /// The opened network, if any (else the scene seeds its own).
    pub opened: RwSignal<Option<Arc<Stack<f64>>>>,
    /// The CSV's rows, if one is the input.
    pub table: RwSignal<Option<Arc<Vec<Vec<f64>>>>>,
    /// The network the scene shows, for saving.
    pub shown: RwSignal<Option<Arc<Stack<f64>>>>,
}

thread_local! {
    static BROUGHT: std::cell::Cell<Option<Brought>> = const { std::cell::Cell::new(None) };
}

impl Brought {
    /// Fresh signals, reachable from the page's exports while the scene lives.
    pub(super) fn install() -> Self {
        let brought =
            Self { opened: RwSignal::new(None), table: RwSignal::new(None), shown: RwSignal::new(None) };
        BROUGHT.with(|b| b.set(Some(brought)));
        brought
    }
}

/// Opens a network the lab read; an error when the page has no explorer or the values do not
/// fit the shape.
pub(crate) fn open(wire: &StackWire) -> Result<(), String> {
    let b = BROUGHT.with(std::cell::Cell::get).ok_or("no explorer on this page")?;
    b.opened.set(Some(Arc::new(wire.stack()?)));
    Ok(())
}

/// Goes back to the seeded network.
pub(crate) fn close() {
    if let Some(b) = BROUGHT.with(std::cell::Cell::get) {
        b.opened.set(None);
    }
}

/// Makes a table of `columns` numbers per step the input.
pub(crate) fn rows(columns: usize, values: &[f64]) -> Result<(), String> {
    let b = BROUGHT.with(std::cell::Cell::get).ok_or("no explorer on this page")?;
    if columns == 0 || values.is_empty() || !values.len().is_multiple_of(columns) {
        return Err("a table needs whole rows".into());
    }
    b.table.set(Some(Arc::new(values.chunks(columns).map(<[f64]>::to_vec).collect())));
    Ok(())
}

/// The network the explorer shows, as it crosses to the lab to be saved.
pub(crate) fn shown() -> Option<StackWire> {
    let b = BROUGHT.with(std::cell::Cell::get)?;
    b.shown.with_untracked(|s| s.as_ref().map(|s| StackWire::of(s)))
}
