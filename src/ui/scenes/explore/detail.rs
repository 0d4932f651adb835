//! The explorer's open step — the cell's diagram or vectors with its equations, linked — and the
//! parameters behind it.

use leptos::prelude::*;
use nalgebra::DVector;

use super::{Model, kind_id};
use crate::model::cell::Parameters;
use crate::model::network::AnyTrace;
use crate::model::stack::layer_name;
use crate::ui::i18n::{Key, tr};
use crate::ui::markup_view::Math;
use crate::ui::scenes::gru_cell::GruDiagram;
use crate::ui::scenes::lstm_cell::{LstmDiagram, LstmEquations};
use crate::ui::use_lang;
use crate::ui::widgets::vector::{MatrixTable, VectorColumn};

/// The open step: its equations and every vector the cell computed there.
#[component]
pub(super) fn StepDetail(model: Model, step: RwSignal<usize>) -> impl IntoView {
    let lang = use_lang();
    let Ok(trace) = model.trace else { return ().into_any() };
    let heading = move || format!("{} {}", tr(Key::OpenStep, lang.get()), step.get() + 1);
    if let AnyTrace::Lstm(lstm) = &*trace {
        // The LSTM diagram follows the cursor itself, so its values fade from step to step.
        let linked = RwSignal::new(None);
        let lstm = lstm.clone();
        return view! {
            <div class="step-detail" data-testid="step-detail">
                <h3>{heading}</h3>
                <LstmDiagram trace=lstm.clone() step=step linked=linked kind=model.kind />
                {move || view! { <LstmEquations trace=lstm.clone() step=step.get() linked=linked kind=model.kind /> }}
            </div>
        }
        .into_any();
    }
    // The GRU diagram, like the LSTM's, follows the cursor itself; its equations link to it.
    let linked = RwSignal::new(None::<&'static str>);
    let gru_diagram = match &*trace {
        AnyTrace::Gru(gru) => Some(view! { <GruDiagram trace=gru.clone() step=step linked=linked /> }),
        _ => None,
    };
    let body = move || {
        let step = step.get();
        let (k, p) = (step + 1, step);
        let v = |d: &DVector<f64>| d.as_slice().to_vec();
        match &*trace {
            AnyTrace::Lstm(_) => ().into_any(),
            AnyTrace::Rnn(rnn) => {
                let Some(s) = rnn.steps.get(step) else { return ().into_any() };
                view! {
                    <p class="eq-line"><Math src=format!("h_{k} = tanh(W_h h_{{{p}}} + W_x x_{k} + b)") /></p>
                    <div class="eq-values">
                        <VectorColumn values=v(&s.h_prev) id="ex-hprev" math=format!("h_{{{p}}}") />
                        <VectorColumn values=v(&s.x) id="ex-x" math=format!("x_{k}") />
                        <span class="eq-op eq-arrow">"→"</span>
                        <VectorColumn values=v(&s.pre) id="ex-pre" scale=2.0 math="a".to_string() />
                        <span class="eq-op eq-arrow">"tanh →"</span>
                        <VectorColumn values=v(&s.h) id="ex-h" math=format!("h_{k}") />
                    </div>
                }
                .into_any()
            }
            AnyTrace::Gru(gru) => {
                let Some(s) = gru.steps.get(step) else { return ().into_any() };
                view! {
                    <div class="gru-eqs">
                        {[
                            ("r", format!("r_{k} = σ(W_{{xr}} x_{k} + W_{{hr}} h_{{{p}}} + b_r)")),
                            ("z", format!("z_{k} = σ(W_{{xz}} x_{k} + W_{{hz}} h_{{{p}}} + b_z)")),
                            ("n", format!("n_{k} = tanh(W_{{xn}} x_{k} + b_{{xn}} + r_{k} ⊙ (W_{{hn}} h_{{{p}}} + b_{{hn}}))")),
                            ("h", format!("h_{k} = (1 − z_{k}) ⊙ n_{k} + z_{k} ⊙ h_{{{p}}}")),
                        ]
                        .map(|(term, src)| view! {
                            <p class="eq-line eq-row" class:linked=move || linked.get() == Some(term) data-term=term tabindex="0"
                                on:mouseenter=move |_| linked.set(Some(term)) on:mouseleave=move |_| linked.set(None)
                                on:focus=move |_| linked.set(Some(term)) on:blur=move |_| linked.set(None)>
                                <Math src=src />
                            </p>
                        })
                        .into_iter()
                        .collect_view()}
                    </div>
                    <div class="eq-values">
                        <VectorColumn values=v(&s.h_prev) id="ex-hprev" math=format!("h_{{{p}}}") />
                        <VectorColumn values=v(&s.x) id="ex-x" math=format!("x_{k}") />
                        <span class="eq-op eq-arrow">"→"</span>
                        <VectorColumn values=v(&s.r) id="ex-r" math=format!("r_{k}") />
                        <VectorColumn values=v(&s.z) id="ex-z" math=format!("z_{k}") />
                        <VectorColumn values=v(&s.n) id="ex-n" math=format!("n_{k}") />
                        <span class="eq-op eq-arrow">"→"</span>
                        <VectorColumn values=v(&s.h) id="ex-h" math=format!("h_{k}") />
                    </div>
                }
                .into_any()
            }
        }
    };
    view! {
        <div class="step-detail live-formula" data-testid="step-detail">
            <h3>{heading}</h3>
            {gru_diagram}
            {body}
        </div>
    }
    .into_any()
}

/// The most numbers the weights table lists; a larger layer is saved as a file instead.
const LISTED: usize = 4096;

/// Every parameter of the layer, by its PyTorch name, for checking by hand (and by the tests).
#[component]
pub(super) fn ExploreWeights(model: Model) -> impl IntoView {
    let lang = use_lang();
    let count = model.cell.num_params();
    let tables = (count <= LISTED).then(|| {
        model
            .cell
            .params()
            .into_iter()
            .map(|p| {
                let rows: Vec<Vec<f64>> =
                    (0..p.rows).map(|i| (0..p.cols).map(|j| p.values[j * p.rows + i]).collect()).collect();
                let name = layer_name(p.name, model.layer);
                view! {
                    <figure><MatrixTable rows=rows id=name.clone() label=name.clone() /><figcaption><code>{name.clone()}</code></figcaption></figure>
                }
            })
            .collect_view()
    });
    let too_many = (count > LISTED).then(|| {
        view! { <p class="note">{move || tr(Key::WeightsTooMany, lang.get()).replace("{n}", &count.to_string())}</p> }
    });
    view! {
        <details class="weights" data-testid="explore-weights" data-kind=kind_id(model.kind) data-layer=model.layer + 1>
            <summary>{move || tr(Key::WeightsHeading, lang.get())}</summary>
            {too_many}
            <div class="weights-grid">{tables}</div>
        </details>
    }
}
