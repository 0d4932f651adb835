//! Files a learner brings: a PyTorch weight file opened in the explorer, a CSV of inputs, and the
//! weights of any network in the page written back as a `state_dict`. The reading happens here,
//! in the on-demand module, so the parsers stay out of the first download; the page gets typed
//! answers (`protocol::StackWire`, `protocol::CsvTable`) or one sentence in its language.

use crate::input::parse_csv_with;
use crate::lab::protocol::{CsvRequest, CsvTable, OpenRequest, StackWire};
use crate::model::Activation;
use crate::model::Real;
use crate::model::cell::Parameters;
use crate::model::json::Json;
use crate::model::network::Network;
use crate::model::weights::MAX_FILE_BYTES;
use crate::model::weights::{WeightsError, stack_from_tree, stack_to_json};
use crate::text::Lang;

fn lang(ko: bool) -> Lang {
    if ko { Lang::Ko } else { Lang::En }
}

/// Reads a weight file: the network it holds, or what is wrong with it.
pub fn open(request: &OpenRequest) -> Result<StackWire, String> {
    read_weights(request, |text| crate::model::json::parse(text).map_err(|e| e.to_string()))
}

/// [`open`] with the JSON read by `parse` (the browser's `JSON.parse` in the lab module, whose
/// numbers arrive as numbers: no float parser is shipped for it).
pub fn read_weights(
    request: &OpenRequest,
    parse: impl FnOnce(&str) -> Result<Json, String>,
) -> Result<StackWire, String> {
    let activation = if request.relu { Activation::Relu } else { Activation::Tanh };
    let lang = lang(request.ko);
    if request.text.len() > MAX_FILE_BYTES {
        return Err(WeightsError::TooLarge(request.text.len()).message(lang));
    }
    let tree = parse(&request.text).map_err(|e| WeightsError::Syntax(e).message(lang))?;
    stack_from_tree::<f64>(tree, activation).map(|s| StackWire::of(&s)).map_err(|e| e.message(lang))
}

/// A network as a weight file PyTorch loads.
pub fn save(wire: &StackWire) -> Result<String, String> {
    let stack = wire.stack()?;
    stack_to_json(&stack).map(|v| v.to_string()).map_err(|e| e.to_string())
}

/// The recurrent layer of a trained network as it crosses to be saved (its readout is not part
/// of an `nn.RNN`/`nn.LSTM`/`nn.GRU` `state_dict`, so it is left out).
pub fn wire_of_network<T: Real>(network: &Network<T>) -> StackWire {
    let cell = &network.cell;
    let kind = cell.kind();
    StackWire {
        kind: kind.name().to_string(),
        relu: kind == crate::model::network::CellKind::Rnn(Activation::Relu),
        layers: 1,
        input: cell.input_size(),
        hidden: cell.hidden_size(),
        bias: true,
        values: cell.params().iter().flat_map(|p| p.values.iter().map(|v| v.to_f64())).collect(),
    }
}

/// Reads a CSV: one row per time step.
pub fn csv(request: &CsvRequest) -> Result<CsvTable, String> {
    csv_with(request, &|s| s.parse().ok())
}

/// [`csv`] with each decimal literal converted by `convert` (the browser's `Number`, in the lab).
pub fn csv_with(request: &CsvRequest, convert: &dyn Fn(&str) -> Option<f64>) -> Result<CsvTable, String> {
    let table = parse_csv_with(&request.text, convert).map_err(|e| e.message(lang(request.ko)))?;
    let columns = table.rows.first().map_or(0, Vec::len);
    Ok(CsvTable { columns, values: table.rows.concat(), header: table.header })
}

/// A value `JSON.parse` made, as the model's JSON tree; deeper than the reader's limit is refused.
pub fn tree_of(value: &wasm_bindgen::JsValue, depth: usize) -> Result<Json, String> {
    use wasm_bindgen::JsCast;
    if depth > crate::model::json::MAX_DEPTH {
        return Err("nesting too deep".into());
    }
    if let Some(x) = value.as_f64() {
        return Ok(Json::Number(x));
    }
    if let Some(s) = value.as_string() {
        return Ok(Json::String(s));
    }
    if let Some(b) = value.as_bool() {
        return Ok(Json::Bool(b));
    }
    if value.is_null() {
        return Ok(Json::Null);
    }
    if js_sys::Array::is_array(value) {
        let array: &js_sys::Array = value.unchecked_ref();
        return array.iter().map(|v| tree_of(&v, depth + 1)).collect::<Result<_, _>>().map(Json::Array);
    }
    let object: &js_sys::Object = value.dyn_ref().ok_or("not JSON")?;
    js_sys::Object::entries(object)
        .iter()
        .map(|pair| {
            let pair: js_sys::Array = pair.unchecked_into();
            Ok((pair.get(0).as_string().unwrap_or_default(), tree_of(&pair.get(1), depth + 1)?))
        })
        .collect::<Result<_, _>>()
        .map(Json::Object)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Rng;
    use crate::model::network::CellKind;
    use crate::model::stack::Stack;

    #[test]
    fn an_opened_file_crosses_and_saves_back_to_the_same_text() {
        let stack = Stack::<f64>::seeded(CellKind::Gru, 2, 3, 2, false, &mut Rng::new(1)).unwrap();
        let text = stack_to_json(&stack).unwrap().to_string();
        let wire = open(&OpenRequest { text: text.clone(), ko: false, relu: false }).unwrap();
        assert_eq!(
            (wire.kind.as_str(), wire.layers, wire.input, wire.hidden, wire.bias),
            ("gru", 2, 2, 3, false)
        );
        assert_eq!(wire.stack().unwrap(), stack);
        assert_eq!(save(&wire).unwrap(), text);
        // The page receives it as a shape and the values.
        assert_eq!(wire.shape(), "gru,0,2,2,3,0");
        assert_eq!(StackWire::from_shape(&wire.shape(), wire.values.clone()), Some(wire.clone()));
        assert_eq!(StackWire::from_shape("gru,0,2", vec![]), None);
    }

    #[test]
    fn a_bad_file_answers_in_the_pages_language() {
        let ko =
            open(&OpenRequest { text: "{\"weight\": [[1]]}".into(), ko: true, relu: false }).unwrap_err();
        assert!(ko.contains("순환 층"), "{ko}");
        let en = open(&OpenRequest { text: "not json".into(), ko: false, relu: false }).unwrap_err();
        let big =
            open(&OpenRequest { text: " ".repeat(MAX_FILE_BYTES + 1), ko: false, relu: false }).unwrap_err();
        assert!(big.contains("the limit is 20 MB"), "{big}");
        assert!(en.starts_with("The weight file is not a JSON object"), "{en}");
    }

    #[test]
    fn a_relu_rnn_is_read_as_asked_and_a_trained_network_saves_its_cell() {
        let stack =
            Stack::<f64>::seeded(CellKind::Rnn(Activation::Relu), 1, 2, 1, true, &mut Rng::new(2)).unwrap();
        let text = stack_to_json(&stack).unwrap().to_string();
        let wire = open(&OpenRequest { text: text.clone(), ko: false, relu: true }).unwrap();
        assert!(wire.relu);
        assert_eq!(wire.stack().unwrap(), stack);
        let network = Network {
            cell: stack.layers()[0].clone(),
            readout: crate::model::readout::Readout::seeded(
                2,
                1,
                crate::model::readout::OutputKind::Linear,
                &mut Rng::new(3),
            ),
        };
        assert_eq!(save(&wire_of_network(&network)).unwrap(), text);
    }

    #[test]
    fn a_csv_crosses_as_rows() {
        let table = csv(&CsvRequest { text: "a,b\n1,2\n3,4\n".into(), ko: false }).unwrap();
        assert_eq!((table.columns, table.values), (2, vec![1.0, 2.0, 3.0, 4.0]));
        assert_eq!(table.header, Some(vec!["a".to_string(), "b".to_string()]));
        assert!(csv(&CsvRequest { text: "1,2\n3,x\n".into(), ko: false }).is_err());
    }
}
