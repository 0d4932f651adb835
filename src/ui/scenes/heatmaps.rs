//! Time × unit heatmaps of the explorer's current trace — for an LSTM its forget, input and
//! output gates and its cell state; for a GRU its update and reset gates and hidden state; for an
//! RNN its hidden state — with the cursor's step outlined. The lab module draws them from the
//! trace's own numbers; a click on a column moves the cursor there.

use std::sync::Arc;

use leptos::prelude::*;
use nalgebra::DVector;

use crate::lab::protocol::HeatmapRequest;
use crate::model::network::{AnyTrace, CellKind};
use crate::ui::i18n::{Key, tr};
use crate::ui::lab::{use_lab, with_lab};
use crate::ui::use_lang;
use crate::ui::widgets::export::ExportButtons;
use crate::ui::widgets::number::format_value;
use crate::ui::widgets::viewport::use_viewport_width;

/// One panel: its name, short column name for the CSV, the values per step, signed or a gate.
struct Series {
    key: Key,
    column: &'static str,
    steps: Vec<DVector<f64>>,
    signed: bool,
}

/// The panels a trace has.
fn series_of(kind: CellKind, trace: &AnyTrace<f64>) -> Vec<Series> {
    let panel = |key, column, steps, signed| Series { key, column, steps, signed };
    match trace {
        AnyTrace::Lstm(t) => {
            let pick = |f: fn(&crate::model::trace::LstmStep<f64>) -> &DVector<f64>| {
                t.steps.iter().map(|s| f(s).clone()).collect::<Vec<_>>()
            };
            let mut out = Vec::new();
            // The 1997 cell has no forget gate: its belt is kept by a fixed 1.
            if kind != CellKind::Lstm1997 {
                out.push(panel(Key::HeatForget, "f", pick(|s| &s.f), false));
            }
            out.push(panel(Key::HeatInput, "i", pick(|s| &s.i), false));
            out.push(panel(Key::HeatOutput, "o", pick(|s| &s.o), false));
            out.push(panel(Key::HeatCell, "c", pick(|s| &s.c), true));
            out
        }
        AnyTrace::Gru(t) => vec![
            panel(Key::HeatUpdate, "z", t.steps.iter().map(|s| s.z.clone()).collect(), false),
            panel(Key::HeatReset, "r", t.steps.iter().map(|s| s.r.clone()).collect(), false),
            panel(Key::HeatHidden, "h", t.steps.iter().map(|s| s.h.clone()).collect(), true),
        ],
        AnyTrace::Rnn(_) => vec![panel(Key::HeatHidden, "h", trace.hidden_states(), true)],
    }
}

/// A number as JSON writes it: NaN and infinities, which JSON lacks, as null.
fn json_number(v: f64) -> String {
    if v.is_finite() { v.to_string() } else { "null".into() }
}

/// Everything the lab needs, flattened: values (panel, step, unit), signed flags, sizes.
#[derive(Clone)]
struct Flat {
    values: Vec<f64>,
    signed: Vec<bool>,
    keys: Vec<Key>,
    columns: Vec<&'static str>,
    steps: usize,
    hidden: usize,
}

fn flatten(series: &[Series], hidden: usize) -> Flat {
    let steps = series.first().map_or(0, |s| s.steps.len());
    Flat {
        values: series.iter().flat_map(|s| s.steps.iter().flat_map(|v| v.iter().copied())).collect(),
        signed: series.iter().map(|s| s.signed).collect(),
        keys: series.iter().map(|s| s.key).collect(),
        columns: series.iter().map(|s| s.column).collect(),
        steps,
        hidden,
    }
}

impl Flat {
    fn labels(&self, lang: crate::text::Lang) -> String {
        let mut lines: Vec<&str> = self.keys.iter().map(|k| tr(*k, lang)).collect();
        lines.push(tr(Key::HeatStepAxis, lang));
        lines.join("\n")
    }

    /// What the lab needs to draw the panels in `lang` with step `cursor` outlined.
    fn request(&self, lang: crate::text::Lang, cursor: usize) -> HeatmapRequest {
        HeatmapRequest {
            values: self.values.clone(),
            steps: self.steps,
            hidden: self.hidden,
            signed: self.signed.clone(),
            labels: self.labels(lang),
            cursor: Some(cursor.min(self.steps - 1)),
        }
    }

    /// The cursor's column in words, for the picture's text alternative: "step 3 — f: 0.812
    /// 0.224; i: …" (every panel's values at step `t`, unit by unit).
    fn column_text(&self, lang: crate::text::Lang, t: usize) -> String {
        let t = t.min(self.steps.saturating_sub(1));
        let panels: Vec<String> = (0..self.columns.len())
            .map(|p| {
                let units: Vec<String> =
                    (0..self.hidden).map(|j| format_value(self.value(p, t, j))).collect();
                format!("{}: {}", self.columns[p], units.join(" "))
            })
            .collect();
        format!("{} {} — {}", tr(Key::HeatStepAxis, lang), t + 1, panels.join("; "))
    }

    fn value(&self, panel: usize, t: usize, j: usize) -> f64 {
        self.values[(panel * self.steps + t) * self.hidden + j]
    }

    /// One row per step and unit: step,unit,f,i,o,c (or the trace's own panels).
    fn csv(&self) -> String {
        let mut out = format!("step,unit,{}\n", self.columns.join(","));
        for t in 0..self.steps {
            for j in 0..self.hidden {
                let row: Vec<String> =
                    (0..self.columns.len()).map(|p| self.value(p, t, j).to_string()).collect();
                out.push_str(&format!("{},{},{}\n", t + 1, j + 1, row.join(",")));
            }
        }
        out
    }

    /// `{"f": [[unit values at step 1], …], …}` for the figure's data attribute.
    fn json(&self) -> String {
        let panels: Vec<String> = self
            .columns
            .iter()
            .enumerate()
            .map(|(p, c)| {
                let steps: Vec<String> = (0..self.steps)
                    .map(|t| {
                        let units: Vec<String> =
                            (0..self.hidden).map(|j| json_number(self.value(p, t, j))).collect();
                        format!("[{}]", units.join(","))
                    })
                    .collect();
                format!(r#""{c}":[{}]"#, steps.join(","))
            })
            .collect();
        format!("{{{}}}", panels.join(","))
    }
}

/// The heatmaps of one trace of a `kind` cell with `hidden` units, following `step`.
#[component]
pub(super) fn GateHeatmaps(
    /// Which cell made the trace.
    kind: CellKind,
    /// The trace.
    trace: Arc<AnyTrace<f64>>,
    /// Its hidden size.
    hidden: usize,
    /// The time cursor.
    step: RwSignal<usize>,
) -> impl IntoView {
    let lang = use_lang();
    let flat = flatten(&series_of(kind, &trace), hidden);
    if flat.steps == 0 {
        return ().into_any();
    }
    let flat = StoredValue::new(flat);
    let module = use_lab();
    let viewport = use_viewport_width();
    let canvas = NodeRef::<leptos::html::Canvas>::new();
    let axis = RwSignal::new(None::<(f64, f64)>);
    let drawn_step = RwSignal::new(None::<usize>);
    let error = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        let (cursor, lang) = (step.get(), lang.get());
        viewport.track();
        let Some(canvas) = canvas.get() else { return };
        with_lab(module, error, lang, |lab| {
            let request = flat.with_value(|f| f.request(lang, cursor));
            match lab.heatmap_draw(&canvas, &request) {
                Ok(a) => {
                    axis.set(Some((a.left, a.right)));
                    drawn_step.set(request.cursor);
                    error.set(None);
                }
                Err(e) => error.set(Some(e.text(lang))),
            }
        });
    });
    // A click on a column opens that step.
    let pick = move |ev: leptos::ev::MouseEvent| {
        let (Some(cv), Some((left, right))) = (canvas.get_untracked(), axis.get_untracked()) else { return };
        let per_css = f64::from(cv.width()) / f64::from(cv.client_width().max(1));
        let x = f64::from(ev.offset_x()) * per_css;
        let steps = flat.with_value(|f| f.steps);
        if right > left && (left..right).contains(&x) {
            step.set((((x - left) / (right - left)) * steps as f64).floor().clamp(0.0, steps as f64 - 1.0)
                as usize);
        }
    };
    let export_text = Callback::new(move |format: &'static str| {
        let lang = lang.get_untracked();
        if format == "csv" {
            return Ok(flat.with_value(Flat::csv));
        }
        let Some(Ok(lab)) = module.get_untracked() else { return Err(tr(Key::LabLoading, lang).to_string()) };
        let request = flat.with_value(|f| f.request(lang, step.get_untracked()));
        lab.heatmap_svg(&request).map_err(|e| e.text(lang))
    });
    let ready = Signal::derive(move || drawn_step.get().is_some());
    view! {
        <div class="heatmaps" data-testid="heatmaps">
            <h3>{move || tr(Key::HeatTitle, lang.get())}</h3>
            <p class="scene-hint">{move || tr(Key::HeatCaption, lang.get())}</p>
            <figure class="plot" data-testid="heatmap-plot" aria-busy=move || (!ready.get()).to_string()
                data-cursor=move || drawn_step.get().map_or(String::new(), |s| s.to_string())
                data-x-axis=move || axis.get().map_or(String::new(), |(l, r)| format!("{l},{r}"))
                data-series=move || flat.with_value(Flat::json)>
                <canvas node_ref=canvas class="plot-canvas clickable" role="img" on:click=pick
                    aria-label=move || format!("{}. {}", tr(Key::HeatTitle, lang.get()), flat.with_value(|f| f.column_text(lang.get(), step.get())))></canvas>
                {move || (!ready.get() && error.with(Option::is_none)).then(|| view! {
                    <figcaption class="plot-note">{move || tr(Key::LabLoading, lang.get())}</figcaption>
                })}
                {move || error.get().map(|e| view! { <p class="scene-error" role="alert">{e}</p> })}
            </figure>
            <ExportButtons prefix="heatmap-export" file="gates-over-time" ready=ready canvas=canvas text=export_text error=error />
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_figure_json_parses_and_writes_a_non_finite_value_as_null() {
        let flat = Flat {
            values: vec![0.5, f64::NAN, f64::INFINITY, -0.25],
            signed: vec![true],
            keys: vec![Key::HeatHidden],
            columns: vec!["h"],
            steps: 2,
            hidden: 2,
        };
        let json: serde_json::Value = serde_json::from_str(&flat.json()).unwrap();
        assert_eq!(json, serde_json::json!({ "h": [[0.5, null], [null, -0.25]] }));
    }
}
