//! A vector drawn as a column of coloured cells, each printing its value.

use leptos::prelude::*;

use crate::ui::markup_view::Math;

use super::number::{format_value, format_wide, value_fill, value_ink};

/// A column vector. Each cell carries `data-testid="{id}-{j}"` and its exact value in
/// `data-value`, so a browser test can compare the page with the model to the last bit.
#[component]
pub fn VectorColumn(
    /// The values, top to bottom.
    values: Vec<f64>,
    /// The test-id prefix of the cells.
    id: &'static str,
    /// |x| at which the colour saturates.
    #[prop(default = 1.0)]
    scale: f64,
    /// A caption under the column.
    #[prop(optional, into)]
    caption: Option<Signal<String>>,
    /// A caption under the column written as a formula (`h_{t-1}`).
    #[prop(optional, into)]
    math: Option<String>,
    /// Print tiny and huge values with powers of ten (for gradients).
    #[prop(optional)]
    wide: bool,
) -> impl IntoView {
    let cells = values
        .into_iter()
        .enumerate()
        .map(|(j, v)| {
            let style = format!("background:{};color:{}", value_fill(v, scale), value_ink(v, scale));
            view! {
                <span class="vcell" data-testid=format!("{id}-{j}") data-value=v.to_string() title=v.to_string() prop:style=style>
                    {if wide { format_wide(v) } else { format_value(v) }}
                </span>
            }
        })
        .collect_view();
    view! {
        <span class="vcol">
            <span class="vcol-cells">{cells}</span>
            {caption.map(|c| view! { <span class="vcol-caption">{c}</span> })}
            {math.map(|m| view! { <span class="vcol-caption"><Math src=m /></span> })}
        </span>
    }
}

/// A matrix drawn as a table of coloured cells; cell (i, j) has `data-testid="{id}-{i}-{j}"`.
#[component]
pub fn MatrixTable(
    /// The rows, top to bottom.
    rows: Vec<Vec<f64>>,
    /// The test-id prefix of the cells.
    #[prop(into)]
    id: String,
    /// What the matrix is, for screen readers.
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let id = id.clone();
            let cells = row
                .into_iter()
                .enumerate()
                .map(|(j, v)| {
                    let style = format!("background:{};color:{}", value_fill(v, 1.0), value_ink(v, 1.0));
                    view! {
                        <td data-testid=format!("{id}-{i}-{j}") data-value=v.to_string() title=v.to_string() prop:style=style>
                            {format_value(v)}
                        </td>
                    }
                })
                .collect_view();
            view! { <tr>{cells}</tr> }
        })
        .collect_view();
    view! { <table class="matrix" aria-label=label><tbody>{body}</tbody></table> }
}
