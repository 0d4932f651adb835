//! Weight files: a JSON object mapping PyTorch's parameter names to nested arrays, exactly what
//! `json.dump({k: v.tolist() for k, v in module.state_dict().items()}, f)` writes for a
//! single-layer `nn.RNN`, `nn.LSTM` or `nn.GRU`. Reading validates everything a learner or a
//! teacher could get wrong and says so in one sentence; it never panics.

use std::fmt;

use nalgebra::DVector;
use serde_json::{Map, Value};

use crate::model::cell::Parameters;
use crate::model::network::{AnyCell, CellKind};
use crate::model::{Activation, Real};

/// The largest weight file accepted (16 MiB, a hidden size of about a thousand).
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// What can be wrong with a weight file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeightsError {
    /// Over [`MAX_FILE_BYTES`].
    TooLarge(usize),
    /// Not JSON, or JSON that is not an object.
    Syntax(String),
    /// A parameter the cell needs is not in the file.
    Missing(&'static str),
    /// A key the cell does not have.
    Unknown(String),
    /// A tensor of the wrong shape.
    Shape {
        /// The parameter.
        name: String,
        /// What the cell needs, as "rows × cols".
        expected: String,
        /// What the file has.
        found: String,
    },
    /// A value that is not a finite number.
    NotFinite {
        /// The parameter.
        name: String,
    },
}

impl fmt::Display for WeightsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WeightsError::TooLarge(n) => {
                write!(f, "the weight file is {n} bytes; the limit is {MAX_FILE_BYTES} bytes")
            }
            WeightsError::Syntax(m) => write!(f, "the weight file is not a JSON object of parameters: {m}"),
            WeightsError::Missing(name) => write!(f, "the weight file has no '{name}'"),
            WeightsError::Unknown(name) => write!(
                f,
                "the weight file has '{name}', which this cell does not have (only single-layer, one-direction \
                 RNN, LSTM and GRU state_dicts are read)"
            ),
            WeightsError::Shape { name, expected, found } => {
                write!(f, "'{name}' should be {expected} but is {found}")
            }
            WeightsError::NotFinite { name } => {
                write!(f, "'{name}' contains a value that is not a finite number")
            }
        }
    }
}

impl std::error::Error for WeightsError {}

/// A tensor as read: its shape and its values row by row.
struct Tensor {
    rows: usize,
    cols: Option<usize>,
    values: Vec<f64>,
}

impl Tensor {
    fn shape(&self) -> String {
        match self.cols {
            Some(c) => format!("{} × {}", self.rows, c),
            None => format!("a vector of {}", self.rows),
        }
    }
}

fn read_tensor(name: &str, value: &Value) -> Result<Tensor, WeightsError> {
    let bad = |found: &str| WeightsError::Shape {
        name: name.to_string(),
        expected: "a list of numbers or a list of equal-length rows".into(),
        found: found.into(),
    };
    let number = |v: &Value| -> Result<f64, WeightsError> {
        let x = v.as_f64().ok_or_else(|| bad("a list holding something other than numbers"))?;
        if x.is_finite() { Ok(x) } else { Err(WeightsError::NotFinite { name: name.to_string() }) }
    };
    let items = value.as_array().ok_or_else(|| bad("not a list"))?;
    if items.first().is_some_and(Value::is_array) {
        let cols = items[0].as_array().map_or(0, Vec::len);
        let mut values = Vec::with_capacity(items.len() * cols);
        for row in items {
            let row = row.as_array().ok_or_else(|| bad("a mix of rows and numbers"))?;
            if row.len() != cols {
                return Err(bad("rows of different lengths"));
            }
            for v in row {
                values.push(number(v)?);
            }
        }
        Ok(Tensor { rows: items.len(), cols: Some(cols), values })
    } else {
        let values = items.iter().map(number).collect::<Result<Vec<_>, _>>()?;
        Ok(Tensor { rows: values.len(), cols: None, values })
    }
}

fn parse_object(text: &str) -> Result<Map<String, Value>, WeightsError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(WeightsError::TooLarge(text.len()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| {
        let hint = if text.contains("NaN") || text.contains("Infinity") {
            " (NaN and Infinity are not numbers in JSON)"
        } else {
            ""
        };
        WeightsError::Syntax(format!("{e}{hint}"))
    })?;
    match value {
        Value::Object(map) => Ok(map),
        _ => Err(WeightsError::Syntax("the top level is not an object".into())),
    }
}

/// Reads a weight file for a cell of `kind`. The sizes come from the file: H from
/// `weight_hh_l0`'s columns, I from `weight_ih_l0`'s.
pub fn cell_from_json<T: Real>(kind: CellKind, text: &str) -> Result<AnyCell<T>, WeightsError> {
    let map = parse_object(text)?;
    let get = |name: &'static str| -> Result<Tensor, WeightsError> {
        read_tensor(name, map.get(name).ok_or(WeightsError::Missing(name))?)
    };
    let hh = get("weight_hh_l0")?;
    let ih = get("weight_ih_l0")?;
    let hidden = hh.cols.unwrap_or(0);
    let input = ih.cols.unwrap_or(0);
    let peephole_keys = ["peephole_i_l0", "peephole_f_l0", "peephole_o_l0"];
    let has_peepholes = peephole_keys.iter().any(|k| map.contains_key(*k));
    let kind = match kind {
        CellKind::Lstm { .. } => CellKind::Lstm { peepholes: has_peepholes },
        k => k,
    };
    // Build a zero cell of the right shape, then fill it by name: one place knows the shapes.
    let mut cell = zero_cell::<T>(kind, input, hidden);
    let expected: Vec<&'static str> = cell.params().iter().map(|p| p.name).collect();
    if let Some(unknown) = map.keys().find(|k| !expected.contains(&k.as_str())) {
        return Err(WeightsError::Unknown(unknown.clone()));
    }
    for p in cell.params_mut() {
        let tensor = match p.name {
            "weight_hh_l0" => Tensor { rows: hh.rows, cols: hh.cols, values: hh.values.clone() },
            "weight_ih_l0" => Tensor { rows: ih.rows, cols: ih.cols, values: ih.values.clone() },
            name => get(name)?,
        };
        let wants_matrix = p.cols > 1 || p.name.starts_with("weight");
        let fits = tensor.rows == p.rows && tensor.cols == wants_matrix.then_some(p.cols);
        if !fits {
            let expected = if wants_matrix {
                format!("{} × {}", p.rows, p.cols)
            } else {
                format!("a vector of {}", p.rows)
            };
            return Err(WeightsError::Shape { name: p.name.to_string(), expected, found: tensor.shape() });
        }
        // File rows are row-major; nalgebra stores column-major.
        for r in 0..p.rows {
            for c in 0..p.cols {
                p.values[c * p.rows + r] = T::of(tensor.values[r * p.cols + c]);
            }
        }
    }
    Ok(cell)
}

/// A cell of the given kind and sizes with every parameter zero.
pub fn zero_cell<T: Real>(kind: CellKind, input: usize, hidden: usize) -> AnyCell<T> {
    AnyCell::<T>::seeded(kind, input, hidden, &mut crate::model::Rng::new(0)).zeros_like()
}

/// A number as JSON; a value that is not a finite number becomes `null` (JSON has no NaN or
/// infinity, and a file holding one is not JSON).
pub fn number_json(x: f64) -> Value {
    serde_json::Number::from_f64(x).map_or(Value::Null, Value::Number)
}

/// Writes any parameter set in the same format: matrices as lists of rows, vectors as lists. A
/// value that is not a finite number is written as `null`: right for gradients of a run that
/// diverged, which are shown, not read back. A file meant to be read back is written by
/// [`weights_to_json`], which refuses such values instead.
pub fn params_to_json<T: Real, P: Parameters<T>>(params: &P) -> Value {
    let mut map = Map::new();
    for p in params.params() {
        let at = |r: usize, c: usize| number_json(p.values[c * p.rows + r].to_f64());
        let value = if p.cols > 1 || p.name.starts_with("weight") {
            Value::Array((0..p.rows).map(|r| Value::Array((0..p.cols).map(|c| at(r, c)).collect())).collect())
        } else {
            Value::Array((0..p.rows).map(|r| at(r, 0)).collect())
        };
        map.insert(p.name.to_string(), value);
    }
    Value::Object(map)
}

/// The weights of `params` as a weight file that [`cell_from_json`] reads back. Refuses, naming
/// the parameter, a value that is not a finite number: written as `null` it would make a file
/// the reader rejects, so the writer rejects it first.
pub fn weights_to_json<T: Real, P: Parameters<T>>(params: &P) -> Result<Value, WeightsError> {
    if let Some(p) = params.params().iter().find(|p| p.values.iter().any(|v| !v.to_f64().is_finite())) {
        return Err(WeightsError::NotFinite { name: p.name.to_string() });
    }
    Ok(params_to_json(params))
}

/// Reads an input sequence: a JSON array of time steps, each an array of numbers (a bare
/// number is read as a step with one value).
pub fn sequence_from_json<T: Real>(text: &str) -> Result<Vec<DVector<T>>, String> {
    if text.len() > MAX_FILE_BYTES {
        return Err(format!("the input file is {} bytes; the limit is {MAX_FILE_BYTES}", text.len()));
    }
    let value: Value = serde_json::from_str(text).map_err(|e| format!("the input is not valid JSON: {e}"))?;
    let steps = value.as_array().ok_or("the input must be a list of time steps")?;
    steps
        .iter()
        .enumerate()
        .map(|(t, step)| {
            let number = |v: &Value| {
                v.as_f64()
                    .filter(|x| x.is_finite())
                    .map(T::of)
                    .ok_or_else(|| format!("time step {} holds something that is not a finite number", t + 1))
            };
            match step {
                Value::Array(xs) => {
                    xs.iter().map(number).collect::<Result<Vec<_>, _>>().map(DVector::from_vec)
                }
                v => number(v).map(|x| DVector::from_element(1, x)),
            }
        })
        .collect()
}

/// The activation an RNN weight file is read with, since a state_dict does not record it.
pub fn default_rnn() -> CellKind {
    CellKind::Rnn(Activation::Tanh)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rng;

    #[test]
    fn every_cell_kind_round_trips_through_json() {
        let kinds = [
            CellKind::Rnn(Activation::Tanh),
            CellKind::Lstm { peepholes: false },
            CellKind::Lstm { peepholes: true },
            CellKind::Lstm1997,
            CellKind::Gru,
        ];
        for kind in kinds {
            let cell = AnyCell::<f64>::seeded(kind, 3, 4, &mut Rng::new(1));
            let text = params_to_json(&cell).to_string();
            let back: AnyCell<f64> = cell_from_json(kind, &text).unwrap();
            assert_eq!(back, cell, "{kind:?}");
        }
    }

    #[test]
    fn matrices_are_written_row_major_like_tolist() {
        let cell = zero_cell::<f64>(CellKind::Rnn(Activation::Tanh), 2, 1);
        let mut cell = cell;
        let AnyCell::Rnn(c) = &mut cell else { panic!("a zero RNN is an RNN") };
        c.weight_ih[(0, 0)] = 1.0;
        c.weight_ih[(0, 1)] = 2.0;
        let json = params_to_json(&cell);
        assert_eq!(json["weight_ih_l0"], serde_json::json!([[1.0, 2.0]]));
        assert_eq!(json["bias_ih_l0"], serde_json::json!([0.0]));
    }

    #[test]
    fn bad_files_get_one_clear_sentence() {
        let lstm = CellKind::Lstm { peepholes: false };
        let err = |text: &str| cell_from_json::<f64>(lstm, text).unwrap_err().to_string();
        assert!(err("[1, 2]").contains("not a JSON object"));
        assert!(err("{\"weight_hh_l0\": [[NaN]]}").contains("NaN and Infinity"));
        assert!(err("{}").contains("no 'weight_hh_l0'"));
        let good = params_to_json(&AnyCell::<f64>::seeded(lstm, 2, 3, &mut Rng::new(2)));
        let mut extra = good.clone();
        extra["weight_ih_l1"] = serde_json::json!([[0.0]]);
        assert!(err(&extra.to_string()).contains("'weight_ih_l1'"));
        let mut short = good.clone();
        short["bias_hh_l0"] = serde_json::json!([0.0, 1.0]);
        assert_eq!(err(&short.to_string()), "'bias_hh_l0' should be a vector of 12 but is a vector of 2");
        let mut ragged = good.clone();
        ragged["weight_hh_l0"][1] = serde_json::json!([1.0]);
        assert!(err(&ragged.to_string()).contains("rows of different lengths"));
        let mut huge = good;
        huge["bias_ih_l0"][0] = serde_json::json!(1e308);
        huge["bias_ih_l0"][1] = serde_json::Value::String("x".into());
        assert!(err(&huge.to_string()).contains("bias_ih_l0"));
        assert!(err(&" ".repeat(MAX_FILE_BYTES + 1)).contains("limit"));
    }

    #[test]
    fn weights_holding_nan_are_refused_and_gradients_holding_nan_are_written_as_null() {
        let mut cell = AnyCell::<f64>::seeded(CellKind::Lstm { peepholes: false }, 2, 3, &mut Rng::new(3));
        cell.params_mut()[1].values[4] = f64::NAN;
        cell.params_mut()[2].values[0] = f64::INFINITY;
        let name = cell.params()[1].name;
        assert_eq!(weights_to_json(&cell), Err(WeightsError::NotFinite { name: name.to_string() }));
        let text = params_to_json(&cell).to_string();
        let back: Value = serde_json::from_str(&text).expect("the output is JSON");
        assert!(!text.contains("NaN") && !text.contains("inf"), "{text}");
        let nulls = text.matches("null").count();
        assert_eq!(nulls, 2, "the two non-finite values are null: {text}");
        assert!(back[name].is_array());
    }

    #[test]
    fn sequences_read_lists_of_steps_and_bare_numbers() {
        let xs = sequence_from_json::<f64>("[[1, 2], [3, 4.5]]").unwrap();
        assert_eq!(xs, vec![DVector::from_vec(vec![1.0, 2.0]), DVector::from_vec(vec![3.0, 4.5])]);
        assert_eq!(sequence_from_json::<f64>("[0.5, 1]").unwrap().len(), 2);
        assert!(sequence_from_json::<f64>("[[1], [\"a\"]]").unwrap_err().contains("time step 2"));
        assert!(sequence_from_json::<f64>("{}").is_err());
    }
}
