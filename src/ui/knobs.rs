//! What a scene exposes to the page around it: its **knobs** (settings a URL or a lesson step can
//! set, written back into a shared link) and its **readings** (numbers from its model that the
//! lesson text quotes and questions are answered with). A scene registers both while it is built;
//! the page (`ui::page`) applies the URL and the steps through the knobs and fills the text from
//! the readings. Keys are the scene's URL keys (see `state::scene_keys`).

use std::rc::Rc;

use leptos::prelude::*;

use crate::state::{self, Rejected};

struct Knob {
    key: &'static str,
    /// The value as the URL writes it (untracked).
    get: Box<dyn Fn() -> String>,
    /// Reads a URL value; false if it is not valid.
    set: Box<dyn Fn(&str) -> bool>,
    /// The value when the scene was built.
    initial: String,
}

type Reading = Rc<dyn Fn(Option<usize>) -> Option<f64>>;

#[derive(Default)]
struct Registry {
    knobs: Vec<Rc<Knob>>,
    readings: Vec<(&'static str, Reading)>,
}

/// The registry of the mounted scene.
#[derive(Clone, Copy)]
pub struct Panel(StoredValue<Registry, LocalStorage>);

impl Default for Panel {
    fn default() -> Self {
        Self(StoredValue::new_local(Registry::default()))
    }
}

impl Panel {
    /// A knob over a signal, read and written through `parse` and `write`.
    pub fn knob<T: Clone + Send + Sync + 'static>(
        &self,
        key: &'static str,
        signal: RwSignal<T>,
        parse: impl Fn(&str) -> Option<T> + 'static,
        write: impl Fn(&T) -> String + 'static,
    ) {
        let write = Rc::new(write);
        let shown = write.clone();
        let initial = signal.with_untracked(|v| write(v));
        let knob = Knob {
            key,
            get: Box::new(move || signal.with_untracked(|v| shown(v))),
            set: Box::new(move |v| parse(v).map(|x| signal.set(x)).is_some()),
            initial,
        };
        self.0.update_value(|r| r.knobs.push(Rc::new(knob)));
    }

    /// A knob over state that is not a signal: `get` writes it, `set` reads a URL value.
    pub fn custom(
        &self,
        key: &'static str,
        get: impl Fn() -> String + 'static,
        set: impl Fn(&str) -> bool + 'static,
    ) {
        let initial = get();
        let knob = Knob { key, get: Box::new(get), set: Box::new(set), initial };
        self.0.update_value(|r| r.knobs.push(Rc::new(knob)));
    }

    /// A knob over a number in `[lo, hi]`.
    pub fn number(&self, key: &'static str, signal: RwSignal<f64>, lo: f64, hi: f64) {
        self.knob(key, signal, move |v| state::number(v, lo, hi), |x| state::write_number(*x));
    }

    /// A knob over a switch.
    pub fn flag(&self, key: &'static str, signal: RwSignal<bool>) {
        self.knob(key, signal, state::flag, |b| state::write_flag(*b));
    }

    /// The time cursor (0-based inside, 1-based in the URL), clamped to the sequence.
    pub fn cursor(&self, signal: RwSignal<usize>, len: Signal<usize>) {
        self.knob(
            "t",
            signal,
            move |v| {
                state::whole(v, 1, crate::input::MAX_STEPS).map(|t| t.min(len.get_untracked().max(1)) - 1)
            },
            |t| (t + 1).to_string(),
        );
    }

    /// A reading: `read(arg)` for `name@arg`, `read(None)` for `name`.
    pub fn reading(&self, name: &'static str, read: impl Fn(Option<usize>) -> Option<f64> + 'static) {
        self.0.update_value(|r| r.readings.push((name, Rc::new(read))));
    }

    /// Applies `pairs` in order; returns the ones no knob took.
    pub fn apply(&self, pairs: &[(String, String)]) -> Vec<Rejected> {
        let mut rejected = Vec::new();
        for (key, value) in pairs {
            // `hl` is the page's own (it highlights a part of the diagram).
            if key == "hl" {
                continue;
            }
            let knob = self.0.with_value(|r| r.knobs.iter().find(|k| k.key == key).cloned());
            if !knob.is_some_and(|k| (k.set)(value)) {
                rejected.push(state::reject(key));
            }
        }
        rejected
    }

    /// Every knob whose value differs from when the scene was built, as URL pairs.
    pub fn changed(&self) -> Vec<(String, String)> {
        self.knobs()
            .iter()
            .filter_map(|k| {
                let now = (k.get)();
                (now != k.initial).then(|| (k.key.to_string(), now))
            })
            .collect()
    }

    /// The value of `key` (`name` or `name@arg`), if the scene has it now. Tracked.
    pub fn read(&self, key: &str) -> Option<f64> {
        let (name, arg) = match key.split_once('@') {
            Some((n, a)) => (n, Some(a.parse::<usize>().ok()?)),
            None => (key, None),
        };
        let read =
            self.0.with_value(|r| r.readings.iter().find(|(n, _)| *n == name).map(|(_, f)| f.clone()))?;
        read(arg).filter(|x| x.is_finite())
    }

    /// The registered keys as the page writes them for tests: `knobs | readings`, each in the
    /// order registered.
    pub fn keys(&self) -> String {
        self.0.with_value(|r| {
            let knobs: Vec<&str> = r.knobs.iter().map(|k| k.key).collect();
            let readings: Vec<&str> = r.readings.iter().map(|(n, _)| *n).collect();
            format!("{} | {}", knobs.join(" "), readings.join(" "))
        })
    }

    fn knobs(&self) -> Vec<Rc<Knob>> {
        self.0.with_value(|r| r.knobs.clone())
    }
}

/// The mounted scene's panel (a detached one outside a page, so scenes also work alone).
pub fn use_panel() -> Panel {
    use_context::<Panel>().unwrap_or_default()
}
