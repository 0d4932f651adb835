//! The LSTM's backward pass, step by step: the error of a loss at the last step flowing back
//! along the hidden path (dL/dh_t) and along the conveyor belt (dL/dc_t).

use leptos::prelude::*;

use crate::model::cell::LstmCell;
use crate::model::cell::lstm::LstmTrace;
use crate::model::trace::Backward;
use crate::ui::i18n::{Key, tr};
use crate::ui::use_lang;
use crate::ui::widgets::number::{format_wide, value_fill, value_ink};
use crate::ui::widgets::vector::VectorColumn;

/// The gradient norms of every step and the open step's gradient vectors.
#[component]
pub fn LstmBackwardPanel(
    /// The forward pass.
    trace: LstmTrace<f64>,
    /// Its backward pass for L = Σ_j h_T[j].
    back: Backward<f64, LstmCell<f64>>,
    /// The open step (0-based).
    step: usize,
) -> impl IntoView {
    let lang = use_lang();
    let len = trace.len();
    if step >= len {
        return ().into_any();
    }
    let norms_h = back.dh_norms();
    let norms_c = back.dc_norms();
    let top = norms_h.iter().chain(&norms_c).fold(0.0_f64, |m, &v| m.max(v)).max(1e-300);
    let row = |norms: Vec<f64>, id: &'static str| {
        norms
            .into_iter()
            .enumerate()
            .map(|(t, v)| {
                let style = format!("background:{};color:{}", value_fill(v / top, 1.0), value_ink(v / top, 1.0));
                view! {
                    <td class:current=t == step data-testid=format!("{id}-{}", t + 1) data-value=v.to_string() prop:style=style title=v.to_string()>
                        {format_wide(v)}
                    </td>
                }
            })
            .collect_view()
    };
    // What reaches c_{t−1} straight along the belt: dL/dc_t ⊙ f_t.
    let belt = back.dc_belt[step].clone();
    let dc_prev = if step == 0 { back.dc0.clone() } else { back.dc[step - 1].clone() };
    view! {
        <div class="backward" data-testid="backward-panel">
            <p class="backward-intro">{move || tr(Key::BackwardIntro, lang.get())}</p>
            <div class="grad-table-wrap">
                <table class="grad-table">
                    <thead><tr><th></th>{(1..=len).map(|t| view! { <th class:current=t == step + 1>{format!("t = {t}")}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        <tr><th scope="row">"‖∂L/∂h"<sub>"t"</sub>"‖"</th>{row(norms_h, "grad-hnorm")}</tr>
                        <tr><th scope="row">"‖∂L/∂c"<sub>"t"</sub>"‖"</th>{row(norms_c, "grad-cnorm")}</tr>
                    </tbody>
                </table>
            </div>
            <div class="eq-values">
                <VectorColumn values=back.dh[step].as_slice().to_vec() id="grad-h" wide=true math=format!("∂L/∂h_{}", step + 1) />
                <VectorColumn values=back.dc[step].as_slice().to_vec() id="grad-c" wide=true math=format!("∂L/∂c_{}", step + 1) />
                <span class="eq-op">"⊙ f →"</span>
                <VectorColumn values=belt.as_slice().to_vec() id="grad-belt" wide=true math=format!("∂L/∂c_{k} ⊙ f_{k}", k = step + 1) />
                <VectorColumn values=dc_prev.as_slice().to_vec() id="grad-cprev" wide=true math=format!("∂L/∂c_{{{}}}", step) />
            </div>
        </div>
    }
    .into_any()
}
