//! Traces, gradients and flow analyses as JSON, for the `lstm-trace` tool and for export from
//! the page. Field names follow the equations (`i`, `f`, `g`, `o`, `c`, `h`, …).
//!
//! Everything is built as `serde_json` values. A number that is not finite (a run that
//! diverged) is written as `null`, never as `NaN` or `inf`: the rest of the trace stays worth
//! reading, and the file stays JSON.

use nalgebra::DVector;
use serde_json::{Map, Value, json};

use crate::model::Real;
use crate::model::flow::FlowAnalysis;
use crate::model::network::{AnyCell, AnyTrace};
use crate::model::trace::Backward;
use crate::model::weights::{number_json, params_to_json};

/// A vector as a JSON list of numbers (`null` for a value that is not finite).
pub fn vector_json<T: Real>(v: &DVector<T>) -> Value {
    Value::Array(v.iter().map(|x| number_json(x.to_f64())).collect())
}

fn fields<T: Real>(pairs: &[(&str, &DVector<T>)]) -> Value {
    let mut map = Map::new();
    for (name, v) in pairs {
        map.insert((*name).to_string(), vector_json(v));
    }
    Value::Object(map)
}

/// Every step of a trace, with every intermediate value.
pub fn trace_json<T: Real>(trace: &AnyTrace<T>) -> Value {
    let steps: Vec<Value> = match trace {
        AnyTrace::Rnn(t) => t
            .steps
            .iter()
            .map(|s| {
                fields(&[
                    ("x", &s.x),
                    ("h_prev", &s.h_prev),
                    ("input", &s.input),
                    ("recurrent", &s.recurrent),
                    ("pre", &s.pre),
                    ("h", &s.h),
                ])
            })
            .collect(),
        AnyTrace::Lstm(t) => t
            .steps
            .iter()
            .map(|s| {
                fields(&[
                    ("x", &s.x),
                    ("h_prev", &s.h_prev),
                    ("c_prev", &s.c_prev),
                    ("pre_i", &s.pre_i),
                    ("pre_f", &s.pre_f),
                    ("pre_g", &s.pre_g),
                    ("pre_o", &s.pre_o),
                    ("i", &s.i),
                    ("f", &s.f),
                    ("g", &s.g),
                    ("o", &s.o),
                    ("c", &s.c),
                    ("squashed_c", &s.squashed_c),
                    ("h", &s.h),
                ])
            })
            .collect(),
        AnyTrace::Gru(t) => t
            .steps
            .iter()
            .map(|s| {
                fields(&[
                    ("x", &s.x),
                    ("h_prev", &s.h_prev),
                    ("r", &s.r),
                    ("z", &s.z),
                    ("hn", &s.hn),
                    ("n", &s.n),
                    ("h", &s.h),
                ])
            })
            .collect(),
    };
    Value::Array(steps)
}

/// Parameter gradients and the per-step errors of a backward pass.
pub fn backward_json<T: Real>(back: &Backward<T, AnyCell<T>>) -> Value {
    let list = |vs: &[DVector<T>]| Value::Array(vs.iter().map(vector_json).collect());
    json!({
        "parameters": params_to_json(&back.grads),
        "dh": list(&back.dh),
        "dc": list(&back.dc),
        "dx": list(&back.dx),
        "dh0": vector_json(&back.dh0),
        "dc0": vector_json(&back.dc0),
    })
}

/// A gradient-flow analysis, lag by lag. Non-finite norms become `null`.
pub fn flow_json(flow: &FlowAnalysis) -> Value {
    let list = |xs: &[f64]| Value::Array(xs.iter().map(|&x| number_json(x)).collect());
    json!({
        "lag": (0..flow.hidden.len()).collect::<Vec<_>>(),
        "hidden_jacobian_norm": list(&flow.hidden),
        "cell_jacobian_norm": flow.cell.as_deref().map(list),
        "cell_path_norm": flow.cell_path.as_deref().map(list),
        "loss_gradient_norm": list(&flow.loss_grad),
        "rnn_bound": flow.bound.as_deref().map(list),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rng;
    use crate::model::cell::Parameters;
    use crate::model::network::CellKind;

    /// A cell with a NaN weight runs into NaN everywhere; its trace and gradients as JSON text
    /// still parse, hold no NaN or infinity, and show the lost values as `null`.
    #[test]
    fn a_trace_and_gradients_holding_nan_are_written_as_json_with_null() {
        for kind in [
            CellKind::Lstm { peepholes: false },
            CellKind::Gru,
            CellKind::Rnn(crate::model::Activation::Tanh),
        ] {
            let mut cell = AnyCell::<f64>::seeded(kind, 2, 3, &mut Rng::new(1));
            cell.params_mut()[0].values[0] = f64::NAN;
            cell.params_mut()[1].values[0] = f64::INFINITY;
            let xs = vec![DVector::from_vec(vec![1.0, -1.0]); 3];
            let trace = cell.forward(&xs).unwrap();
            let last = trace.hidden_states().last().unwrap().clone();
            assert!(last.iter().any(|v| !v.is_finite()), "{kind:?}: the setup reaches h_T: {last}");
            let back = cell.backward(&trace, &vec![DVector::from_element(3, 1.0); 3], None).unwrap();
            let out = json!({ "steps": trace_json(&trace), "gradients": backward_json(&back) });
            for text in [out.to_string(), serde_json::to_string_pretty(&out).unwrap()] {
                let parsed: Value = serde_json::from_str(&text).expect("the output parses as JSON");
                assert!(!text.contains("NaN") && !text.contains("inf"), "{kind:?}: {text}");
                assert!(text.contains("null"), "{kind:?}: the non-finite values are null");
                assert_eq!(parsed["steps"].as_array().map(Vec::len), Some(3));
            }
        }
    }
}
