//! Weight files: a JSON object mapping PyTorch's parameter names to nested arrays, exactly what
//! `json.dump({k: v.tolist() for k, v in module.state_dict().items()}, f)` writes for an
//! `nn.RNN`, `nn.LSTM` or `nn.GRU` of one to three layers, with or without biases. Reading
//! validates everything a learner or a researcher could get wrong and says so in one sentence, in
//! the page's language; it never panics. Writing gives back a file PyTorch's `load_state_dict`
//! takes.

use std::fmt;

use nalgebra::DVector;
use serde_json::{Map, Value};

use crate::model::json::{Json, parse};

use crate::model::cell::Parameters;
use crate::model::network::{AnyCell, CellKind};
use crate::model::stack::{MAX_LAYERS, Stack, is_bias, layer_name};
use crate::model::{Activation, Real};
use crate::text::Lang;

/// The largest weight file accepted: 20 MB. `tolist()` writes about 20 characters a number in
/// full precision, so an LSTM near H = 512 can meet this limit before the hidden-size one.
pub const MAX_FILE_BYTES: usize = 20_000_000;
/// The largest hidden size a stack is read with.
pub const MAX_HIDDEN: usize = 512;
/// The largest input size a stack is read with.
pub const MAX_INPUT: usize = 64;

/// What can be wrong with a weight file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeightsError {
    /// Over [`MAX_FILE_BYTES`].
    TooLarge(usize),
    /// Not JSON, or JSON that is not an object.
    Syntax(String),
    /// A parameter the cell needs is not in the file.
    Missing(String),
    /// Keys the cell does not have (all of them, in file order).
    Unknown(Vec<String>),
    /// Keys of a layer that is not recurrent (`weight`, `bias`: an `nn.Linear`, say).
    NotRecurrent(Vec<String>),
    /// `_reverse` keys: a bidirectional layer.
    Bidirectional,
    /// `weight_hr_l0`: an LSTM with `proj_size` > 0.
    Projection,
    /// Layer numbers that do not run 0, 1, … without a gap, or more than [`MAX_LAYERS`].
    Layers {
        /// The highest layer number + 1.
        found: usize,
    },
    /// `weight_hh_l0` with a row count that is not 1, 3 or 4 times its column count.
    Kind {
        /// Its rows.
        rows: usize,
        /// Its columns (H).
        hidden: usize,
    },
    /// A hidden or input size over the limit.
    TooBig {
        /// "H" or "I".
        what: &'static str,
        /// The size in the file.
        found: usize,
        /// The limit.
        limit: usize,
    },
    /// A tensor of the wrong shape.
    Shape {
        /// The parameter.
        name: String,
        /// What the cell needs.
        expected: Dims,
        /// What the file has.
        found: Dims,
    },
    /// A value that is not a finite number.
    NotFinite {
        /// The parameter.
        name: String,
    },
}

impl WeightsError {
    /// One sentence for the learner, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let ko = lang == Lang::Ko;
        let list = |keys: &[String]| {
            let shown: Vec<String> = keys.iter().take(6).map(|k| format!("'{k}'")).collect();
            let more = keys.len().saturating_sub(6);
            match (more, ko) {
                (0, _) => shown.join(", "),
                (m, true) => format!("{} 외 {m}개", shown.join(", ")),
                (m, false) => format!("{} and {m} more", shown.join(", ")),
            }
        };
        match self {
            WeightsError::TooLarge(n) if ko => format!(
                "파일이 {:.1} MB입니다. {} MB까지 열 수 있습니다.",
                *n as f64 / 1e6,
                MAX_FILE_BYTES / 1_000_000
            ),
            WeightsError::TooLarge(n) => format!(
                "The file is {:.1} MB; the limit is {} MB.",
                *n as f64 / 1e6,
                MAX_FILE_BYTES / 1_000_000
            ),
            WeightsError::Syntax(m) if ko => format!("파라미터를 담은 JSON 객체가 아닙니다: {m}"),
            WeightsError::Syntax(m) => format!("The weight file is not a JSON object of parameters: {m}"),
            WeightsError::Missing(name) if ko => format!("파일에 '{name}'이(가) 없습니다."),
            WeightsError::Missing(name) => format!("The weight file has no '{name}'."),
            WeightsError::Unknown(keys) if ko => format!(
                "이 셀에 없는 키가 있습니다: {}. RNN·LSTM·GRU의 state_dict만 읽습니다(단방향, 1~{MAX_LAYERS}층).",
                list(keys)
            ),
            WeightsError::Unknown(keys) => format!(
                "The weight file has {}, which this cell does not have (only one-direction RNN, LSTM and GRU \
                 state_dicts of 1 to {MAX_LAYERS} layers are read).",
                list(keys)
            ),
            WeightsError::NotRecurrent(keys) if ko => format!(
                "순환 층의 state_dict가 아닙니다(키: {}). nn.RNN, nn.LSTM, nn.GRU의 가중치를 저장해 주세요. \
                 nn.Linear 같은 층은 열 수 없습니다.",
                list(keys)
            ),
            WeightsError::NotRecurrent(keys) => format!(
                "This is not the state_dict of a recurrent layer (keys: {}). Save the weights of an nn.RNN, \
                 nn.LSTM or nn.GRU; a layer such as nn.Linear cannot be opened.",
                list(keys)
            ),
            WeightsError::Bidirectional if ko => {
                "양방향(bidirectional) 층의 '_reverse' 가중치는 읽지 않습니다. 단방향 모델을 저장해 주세요."
                    .into()
            }
            WeightsError::Bidirectional => {
                "The file holds '_reverse' weights of a bidirectional layer; only one direction is read."
                    .into()
            }
            WeightsError::Projection if ko => "proj_size가 0이 아닌 LSTM(weight_hr)은 읽지 않습니다.".into(),
            WeightsError::Projection => "An LSTM with proj_size > 0 (weight_hr) is not read.".into(),
            WeightsError::Layers { found } if ko => {
                format!(
                    "층 번호가 0부터 빠짐없이 이어져야 하고 {MAX_LAYERS}층까지 읽습니다(찾은 층: {found})."
                )
            }
            WeightsError::Layers { found } => format!(
                "Layer numbers must run from 0 without a gap, up to {MAX_LAYERS} layers (found {found})."
            ),
            WeightsError::Kind { rows, hidden } if ko => format!(
                "'weight_hh_l0'의 행 {rows}개가 열 {hidden}개의 1배(RNN), 3배(GRU), 4배(LSTM)가 아닙니다."
            ),
            WeightsError::Kind { rows, hidden } => format!(
                "'weight_hh_l0' has {rows} rows, which is not 1× (RNN), 3× (GRU) or 4× (LSTM) its {hidden} columns."
            ),
            WeightsError::TooBig { what, found, limit } if ko => {
                format!("{what} = {found}입니다. 이 페이지는 {what} ≤ {limit}까지 엽니다.")
            }
            WeightsError::TooBig { what, found, limit } => {
                format!("{what} = {found}; the page opens models up to {what} = {limit}.")
            }
            WeightsError::Shape { name, expected, found } if ko => {
                format!(
                    "'{name}'의 모양이 맞지 않습니다. 필요: {}, 파일: {}.",
                    expected.describe(lang),
                    found.describe(lang)
                )
            }
            WeightsError::Shape { name, expected, found } => {
                format!("'{name}' should be {} but is {}", expected.describe(lang), found.describe(lang))
            }
            WeightsError::NotFinite { name } if ko => format!("'{name}'에 유한한 수가 아닌 값이 있습니다."),
            WeightsError::NotFinite { name } => {
                format!("'{name}' contains a value that is not a finite number")
            }
        }
    }
}

impl fmt::Display for WeightsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for WeightsError {}

/// The shape of a tensor, or what is wrong with its nesting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dims {
    /// rows × columns.
    Matrix(usize, usize),
    /// A vector of this length.
    Vector(usize),
    /// A list of numbers or of equal-length rows (what any tensor should be).
    AnyTensor,
    /// Not a list at all.
    NotAList,
    /// A list holding something other than numbers.
    NotNumbers,
    /// A mix of rows and numbers.
    Mixed,
    /// Rows of different lengths.
    Ragged,
}

impl Dims {
    /// As a phrase in `lang`.
    pub fn describe(self, lang: Lang) -> String {
        let ko = lang == Lang::Ko;
        match self {
            Dims::Matrix(r, c) => format!("{r} × {c}"),
            Dims::Vector(n) if ko => format!("길이 {n}인 벡터"),
            Dims::Vector(n) => format!("a vector of {n}"),
            Dims::AnyTensor if ko => "숫자 목록이나 길이가 같은 행들의 목록".into(),
            Dims::AnyTensor => "a list of numbers or a list of equal-length rows".into(),
            Dims::NotAList if ko => "목록이 아닌 값".into(),
            Dims::NotAList => "not a list".into(),
            Dims::NotNumbers if ko => "숫자가 아닌 것이 든 목록".into(),
            Dims::NotNumbers => "a list holding something other than numbers".into(),
            Dims::Mixed if ko => "행과 숫자가 섞인 목록".into(),
            Dims::Mixed => "a mix of rows and numbers".into(),
            Dims::Ragged if ko => "길이가 다른 행들".into(),
            Dims::Ragged => "rows of different lengths".into(),
        }
    }
}

/// A tensor as read: its shape and its values row by row.
struct Tensor {
    rows: usize,
    cols: Option<usize>,
    values: Vec<f64>,
}

impl Tensor {
    fn dims(&self) -> Dims {
        match self.cols {
            Some(c) => Dims::Matrix(self.rows, c),
            None => Dims::Vector(self.rows),
        }
    }
}

fn read_tensor(name: &str, value: &Json) -> Result<Tensor, WeightsError> {
    let bad = |found: Dims| WeightsError::Shape { name: name.to_string(), expected: Dims::AnyTensor, found };
    let number = |v: &Json| -> Result<f64, WeightsError> {
        let x = v.as_f64().ok_or_else(|| bad(Dims::NotNumbers))?;
        if x.is_finite() { Ok(x) } else { Err(WeightsError::NotFinite { name: name.to_string() }) }
    };
    let items = value.as_array().ok_or_else(|| bad(Dims::NotAList))?;
    if items.first().is_some_and(Json::is_array) {
        let cols = items[0].as_array().map_or(0, <[Json]>::len);
        let mut values = Vec::with_capacity(items.len() * cols);
        for row in items {
            let row = row.as_array().ok_or_else(|| bad(Dims::Mixed))?;
            if row.len() != cols {
                return Err(bad(Dims::Ragged));
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

/// Copies a tensor read from a file into a parameter of the cell, checking its shape.
fn fill<T: Real>(
    name: &str,
    tensor: &Tensor,
    p: crate::model::cell::ParamMut<'_, T>,
) -> Result<(), WeightsError> {
    let wants_matrix = p.cols > 1 || p.name.starts_with("weight");
    let expected = if wants_matrix { Dims::Matrix(p.rows, p.cols) } else { Dims::Vector(p.rows) };
    if tensor.dims() != expected {
        return Err(WeightsError::Shape { name: name.to_string(), expected, found: tensor.dims() });
    }
    // File rows are row-major; nalgebra stores column-major.
    for r in 0..p.rows {
        for c in 0..p.cols {
            p.values[c * p.rows + r] = T::of(tensor.values[r * p.cols + c]);
        }
    }
    Ok(())
}

/// The members of a weight file's top-level object, in file order.
struct Members(Vec<(String, Json)>);

impl Members {
    fn get(&self, key: &str) -> Option<&Json> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }
    fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }
    fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

fn parse_object(text: &str) -> Result<Members, WeightsError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(WeightsError::TooLarge(text.len()));
    }
    let value = parse(text).map_err(|e| {
        let hint = if text.contains("NaN") || text.contains("Infinity") {
            " (NaN and Infinity are not numbers in JSON)"
        } else {
            ""
        };
        WeightsError::Syntax(format!("{e}{hint}"))
    })?;
    match value {
        Json::Object(members) => Ok(Members(members)),
        _ => Err(WeightsError::Syntax("the top level is not an object".into())),
    }
}

/// Reads a weight file for a cell of `kind`. The sizes come from the file: H from
/// `weight_hh_l0`'s columns, I from `weight_ih_l0`'s.
pub fn cell_from_json<T: Real>(kind: CellKind, text: &str) -> Result<AnyCell<T>, WeightsError> {
    let map = parse_object(text)?;
    let get = |name: &str| -> Result<Tensor, WeightsError> {
        read_tensor(name, map.get(name).ok_or_else(|| WeightsError::Missing(name.to_string()))?)
    };
    let hh = get("weight_hh_l0")?;
    let ih = get("weight_ih_l0")?;
    let hidden = hh.cols.unwrap_or(0);
    let input = ih.cols.unwrap_or(0);
    let peephole_keys = ["peephole_i_l0", "peephole_f_l0", "peephole_o_l0"];
    let has_peepholes = peephole_keys.iter().any(|k| map.contains_key(k));
    let kind = match kind {
        CellKind::Lstm { .. } => CellKind::Lstm { peepholes: has_peepholes },
        k => k,
    };
    // Build a zero cell of the right shape, then fill it by name: one place knows the shapes.
    let mut cell = zero_cell::<T>(kind, input, hidden);
    let expected: Vec<&'static str> = cell.params().iter().map(|p| p.name).collect();
    let unknown: Vec<String> = map.keys().filter(|k| !expected.contains(&k.as_str())).cloned().collect();
    if !unknown.is_empty() {
        return Err(WeightsError::Unknown(unknown));
    }
    for p in cell.params_mut() {
        let name = p.name;
        let tensor = match name {
            "weight_hh_l0" => Tensor { rows: hh.rows, cols: hh.cols, values: hh.values.clone() },
            "weight_ih_l0" => Tensor { rows: ih.rows, cols: ih.cols, values: ih.values.clone() },
            name => get(name)?,
        };
        fill(name, &tensor, p)?;
    }
    Ok(cell)
}

/// The parameter families PyTorch's recurrent layers name, as `<family>_l<k>`.
const FAMILIES: [&str; 4] = ["weight_ih", "weight_hh", "bias_ih", "bias_hh"];

/// Splits `weight_ih_l2` into (`weight_ih`, 2).
fn split_layer(key: &str) -> Option<(&str, usize)> {
    let (stem, layer) = key.rsplit_once("_l")?;
    // Digits only, no leading zero, at most two of them: `_l01` or `_l18446744073709551615` is
    // not a layer (and its number cannot overflow).
    let canonical = (1..=2).contains(&layer.len())
        && layer.bytes().all(|b| b.is_ascii_digit())
        && (layer == "0" || !layer.starts_with('0'));
    Some((stem, layer.parse().ok().filter(|_| canonical)?))
}

/// Reads the `state_dict` of an `nn.RNN`, `nn.LSTM` or `nn.GRU` of one to three layers, with or
/// without biases. Everything comes from the file: the kind from the rows of `weight_hh_l0`
/// (4H for an LSTM, 3H for a GRU, H for an RNN, which reads with `rnn_activation` because a
/// `state_dict` does not record tanh or ReLU), H from its columns, I from `weight_ih_l0`'s, the
/// layers from the key numbers, and the biases from whether there are any.
pub fn stack_from_json<T: Real>(text: &str, rnn_activation: Activation) -> Result<Stack<T>, WeightsError> {
    stack_from_members(parse_object(text)?, rnn_activation)
}

/// [`stack_from_json`] for a document already read (by the browser's `JSON.parse`, in the page).
pub fn stack_from_tree<T: Real>(value: Json, rnn_activation: Activation) -> Result<Stack<T>, WeightsError> {
    match value {
        Json::Object(members) => stack_from_members(Members(members), rnn_activation),
        _ => Err(WeightsError::Syntax("the top level is not an object".into())),
    }
}

fn stack_from_members<T: Real>(map: Members, rnn_activation: Activation) -> Result<Stack<T>, WeightsError> {
    if map.keys().any(|k| k.ends_with("_reverse")) {
        return Err(WeightsError::Bidirectional);
    }
    if map.keys().any(|k| k.starts_with("weight_hr_l")) {
        return Err(WeightsError::Projection);
    }
    let recurrent = |k: &String| split_layer(k).is_some_and(|(stem, _)| FAMILIES.contains(&stem));
    if !map.is_empty() && !map.keys().any(recurrent) {
        return Err(WeightsError::NotRecurrent(map.keys().cloned().collect()));
    }
    let unknown: Vec<String> = map.keys().filter(|k| !recurrent(k)).cloned().collect();
    if !unknown.is_empty() {
        return Err(WeightsError::Unknown(unknown));
    }
    let layers = map.keys().filter_map(|k| split_layer(k)).map(|(_, l)| l + 1).max().unwrap_or(0);
    let gap = (0..layers).any(|l| !map.keys().any(|k| split_layer(k).is_some_and(|(_, n)| n == l)));
    if layers > MAX_LAYERS || gap {
        return Err(WeightsError::Layers { found: layers });
    }
    let get = |name: &str| -> Result<Tensor, WeightsError> {
        read_tensor(name, map.get(name).ok_or_else(|| WeightsError::Missing(name.to_string()))?)
    };
    let hh = get("weight_hh_l0")?;
    let ih = get("weight_ih_l0")?;
    let (rows, hidden, input) = (hh.rows, hh.cols.unwrap_or(0), ih.cols.unwrap_or(0));
    let kind = match (hidden > 0 && rows % hidden == 0).then(|| rows / hidden) {
        Some(1) => CellKind::Rnn(rnn_activation),
        Some(3) => CellKind::Gru,
        Some(4) => CellKind::Lstm { peepholes: false },
        _ => return Err(WeightsError::Kind { rows, hidden }),
    };
    if hidden > MAX_HIDDEN {
        return Err(WeightsError::TooBig { what: "H", found: hidden, limit: MAX_HIDDEN });
    }
    if input > MAX_INPUT {
        return Err(WeightsError::TooBig { what: "I", found: input, limit: MAX_INPUT });
    }
    let biases = map.keys().filter(|k| k.starts_with("bias")).count();
    let bias = biases > 0;
    if bias && biases != 2 * layers {
        let missing = (0..layers)
            .flat_map(|l| ["bias_ih", "bias_hh"].map(|f| format!("{f}_l{l}")))
            .find(|k| !map.contains_key(k));
        // Unknown keys were refused above, so a shortfall is a missing bias.
        return Err(WeightsError::Missing(missing.unwrap_or_default()));
    }
    let mut cells = Vec::with_capacity(layers);
    for l in 0..layers {
        let mut cell = zero_cell::<T>(kind, if l == 0 { input } else { hidden }, hidden);
        for p in cell.params_mut() {
            if !bias && is_bias(p.name) {
                continue;
            }
            let name = layer_name(p.name, l);
            fill(&name, &get(&name)?, p)?;
        }
        cells.push(cell);
    }
    // Every layer was built to fit the one below, so this cannot fail; say so if it ever does.
    Stack::new(cells, bias).map_err(|e| WeightsError::Syntax(e.to_string()))
}

/// A stack as a `state_dict` file: PyTorch's names, matrices as lists of rows, no biases for a
/// stack without them. `torch.nn.LSTM(I, H, num_layers=L, bias=…).load_state_dict({k:
/// torch.tensor(v) for k, v in json.load(f).items()})` takes it. Refuses, naming the parameter, a
/// value that is not a finite number.
pub fn stack_to_json<T: Real>(stack: &Stack<T>) -> Result<Value, WeightsError> {
    let mut map = Map::new();
    for (name, p) in stack.named_params() {
        if p.values.iter().any(|v| !v.to_f64().is_finite()) {
            return Err(WeightsError::NotFinite { name });
        }
        let at = |r: usize, c: usize| number_json(p.values[c * p.rows + r].to_f64());
        let value = if p.cols > 1 || p.name.starts_with("weight") {
            Value::Array((0..p.rows).map(|r| Value::Array((0..p.cols).map(|c| at(r, c)).collect())).collect())
        } else {
            Value::Array((0..p.rows).map(|r| at(r, 0)).collect())
        };
        map.insert(name, value);
    }
    Ok(Value::Object(map))
}

pub use crate::model::network::zero_cell;

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
    let value = parse(text).map_err(|e| format!("the input is not valid JSON: {e}"))?;
    let steps = value.as_array().ok_or("the input must be a list of time steps")?;
    steps
        .iter()
        .enumerate()
        .map(|(t, step)| {
            let number = |v: &Json| {
                v.as_f64()
                    .filter(|x| x.is_finite())
                    .map(T::of)
                    .ok_or_else(|| format!("time step {} holds something that is not a finite number", t + 1))
            };
            match step {
                Json::Array(xs) => {
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
        let ko = cell_from_json::<f64>(lstm, &short.to_string()).unwrap_err().message(Lang::Ko);
        assert_eq!(ko, "'bias_hh_l0'의 모양이 맞지 않습니다. 필요: 길이 12인 벡터, 파일: 길이 2인 벡터.");
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

    fn stack(kind: CellKind, layers: usize, bias: bool) -> Stack<f64> {
        Stack::seeded(kind, 3, 4, layers, bias, &mut Rng::new(layers as u64 + 10)).unwrap()
    }

    const PYTORCH_KINDS: [CellKind; 4] = [
        CellKind::Rnn(Activation::Tanh),
        CellKind::Rnn(Activation::Relu),
        CellKind::Lstm { peepholes: false },
        CellKind::Gru,
    ];

    #[test]
    fn every_stack_round_trips_and_its_kind_layers_and_biases_are_read_from_the_file() {
        for kind in PYTORCH_KINDS {
            let activation = match kind {
                CellKind::Rnn(a) => a,
                _ => Activation::Tanh,
            };
            for layers in 1..=MAX_LAYERS {
                for bias in [true, false] {
                    let s = stack(kind, layers, bias);
                    let text = stack_to_json(&s).unwrap().to_string();
                    let back: Stack<f64> = stack_from_json(&text, activation).unwrap();
                    assert_eq!(back, s, "{kind:?} × {layers}, bias {bias}");
                    let xs: Vec<DVector<f64>> =
                        (0..5).map(|t| DVector::from_element(3, t as f64 * 0.3 - 0.5)).collect();
                    assert_eq!(back.forward(&xs).unwrap(), s.forward(&xs).unwrap());
                    let keys = serde_json::from_str::<Map<String, Value>>(&text).unwrap().len();
                    assert_eq!(keys, layers * if bias { 4 } else { 2 });
                }
            }
        }
    }

    #[test]
    fn stack_files_with_something_wrong_get_their_own_sentence() {
        let err = |v: &Value| stack_from_json::<f64>(&v.to_string(), Activation::Tanh).unwrap_err();
        let good = stack_to_json(&stack(CellKind::Gru, 2, true)).unwrap();
        let mut linear = serde_json::json!({"weight": [[1.0, 2.0]], "bias": [0.0]});
        assert_eq!(err(&linear), WeightsError::NotRecurrent(vec!["weight".into(), "bias".into()]));
        linear["weight_ih_l0"] = serde_json::json!([[1.0]]);
        assert!(matches!(err(&linear), WeightsError::Unknown(k) if k == ["weight", "bias"]));
        let mut reverse = good.clone();
        reverse["weight_ih_l0_reverse"] = serde_json::json!([[1.0]]);
        assert_eq!(err(&reverse), WeightsError::Bidirectional);
        let mut proj = good.clone();
        proj["weight_hr_l0"] = serde_json::json!([[1.0]]);
        assert_eq!(err(&proj), WeightsError::Projection);
        let mut four = good.clone();
        four["weight_ih_l3"] = good["weight_ih_l1"].clone();
        assert_eq!(err(&four), WeightsError::Layers { found: 4 });
        let mut gap = good.clone();
        gap["weight_ih_l2"] = good["weight_ih_l1"].clone();
        gap.as_object_mut().unwrap().retain(|k, _| !k.ends_with("_l1"));
        assert_eq!(err(&gap), WeightsError::Layers { found: 3 });
        let mut part = good.clone();
        part.as_object_mut().unwrap().remove("bias_hh_l1");
        assert_eq!(err(&part), WeightsError::Missing("bias_hh_l1".into()));
        let mut odd = good.clone();
        odd["weight_hh_l0"] = serde_json::json!(vec![vec![0.0; 4]; 8]);
        assert_eq!(err(&odd), WeightsError::Kind { rows: 8, hidden: 4 });
        let mut wide = good.clone();
        wide["weight_ih_l0"] = serde_json::json!(vec![vec![0.0; 65]; 12]);
        assert_eq!(err(&wide), WeightsError::TooBig { what: "I", found: 65, limit: MAX_INPUT });
        let big = serde_json::json!({"weight_hh_l0": vec![vec![0.0; 513]; 513], "weight_ih_l0": [[0.0]]});
        assert_eq!(err(&big), WeightsError::TooBig { what: "H", found: 513, limit: MAX_HIDDEN });
        let mut layer_two = good.clone();
        layer_two["weight_hh_l1"] = serde_json::json!(vec![vec![0.0; 4]; 11]);
        assert!(matches!(err(&layer_two), WeightsError::Shape { name, .. } if name == "weight_hh_l1"));
        let mut words = good;
        words["bias_ih_l1"] = serde_json::json!(["a"]);
        assert!(matches!(err(&words), WeightsError::Shape { found: Dims::NotNumbers, .. }));
        let errors = [
            WeightsError::NotRecurrent(vec!["weight".into()]),
            WeightsError::Bidirectional,
            WeightsError::Projection,
            WeightsError::Layers { found: 4 },
            WeightsError::Kind { rows: 8, hidden: 4 },
            WeightsError::TooBig { what: "H", found: 513, limit: MAX_HIDDEN },
            WeightsError::TooLarge(30_000_000),
        ];
        for e in errors {
            let (ko, en) = (e.message(Lang::Ko), e.message(Lang::En));
            assert!(ko != en && ko.chars().any(|c| ('가'..='힣').contains(&c)), "{ko}");
        }
    }

    #[test]
    fn only_plain_layer_numbers_are_layers() {
        let good = stack_to_json(&stack(CellKind::Gru, 1, true)).unwrap();
        for odd in ["weight_ih_l01", "weight_ih_l18446744073709551615", "weight_ih_l", "weight_ih_l123"] {
            let mut v = good.clone();
            v[odd] = good["weight_ih_l0"].clone();
            let e = stack_from_json::<f64>(&v.to_string(), Activation::Tanh).unwrap_err();
            assert_eq!(e, WeightsError::Unknown(vec![odd.to_string()]), "{odd}");
        }
    }

    #[test]
    fn an_empty_object_or_a_long_list_of_unknown_keys_is_said_plainly() {
        assert_eq!(
            stack_from_json::<f64>("{}", Activation::Tanh).unwrap_err(),
            WeightsError::Missing("weight_hh_l0".into())
        );
        let keys: Vec<String> = (0..9).map(|k| format!("extra{k}")).collect();
        let e = WeightsError::Unknown(keys);
        assert!(e.message(Lang::En).contains("'extra5' and 3 more"), "{}", e.message(Lang::En));
        assert!(e.message(Lang::Ko).contains("외 3개"));
    }
}
