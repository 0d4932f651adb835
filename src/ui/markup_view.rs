//! Renders markup math (see `lessons::markup`) inside the scenes.

use leptos::prelude::*;

use crate::lessons::markup::{MathPiece, parse_math};

/// A formula on its own, from markup math without the dollar signs.
#[component]
pub fn Math(
    /// The formula source, e.g. `h_{t-1}`.
    #[prop(into)]
    src: String,
) -> impl IntoView {
    math_view(parse_math(&src))
}

fn math_view(pieces: Vec<MathPiece>) -> impl IntoView {
    let parts = pieces
        .into_iter()
        .map(|p| match p {
            MathPiece::Base(s) => s.into_any(),
            MathPiece::Sub(s) => view! { <sub>{s}</sub> }.into_any(),
            MathPiece::Sup(s) => view! { <sup>{s}</sup> }.into_any(),
        })
        .collect_view();
    view! { <span class="math">{parts}</span> }
}
