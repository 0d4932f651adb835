//! Every parser a learner's input reaches, fed arbitrary input: none panics, and what each
//! accepts keeps its promises (issue 14, point 8). The URL state (`src/state/mod.rs`), the CSV
//! reader and the JSON reader have their own property tests beside their code; these are the
//! typed sequence, the text encoding, and the weight and sequence files.

use lstm_explorer::input::{MAX_ABS, MAX_STEPS, encode_text, parse_sequence};
use lstm_explorer::model::Activation;
use lstm_explorer::model::stack::MAX_LAYERS;
use lstm_explorer::model::weights::{MAX_HIDDEN, MAX_INPUT, sequence_from_json, stack_from_json};
use lstm_explorer::text::Lang;
use proptest::prelude::*;

/// Text that looks like a weight file: braces, brackets, the parameter names, numbers.
fn weights_like() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just(",".to_string()),
        Just(":".to_string()),
        Just("\"weight_ih_l0\"".to_string()),
        Just("\"weight_hh_l0\"".to_string()),
        Just("\"bias_ih_l1\"".to_string()),
        Just("\"weight_hh_l2_reverse\"".to_string()),
        Just("NaN".to_string()),
        Just("null".to_string()),
        (-3.0..3.0f64).prop_map(|x| format!("{x}")),
        "[a-z_0-9\"]{0,6}",
    ];
    proptest::collection::vec(token, 0..60).prop_map(|t| t.concat())
}

/// A well-formed `state_dict` of random sizes, kinds and layer counts, with some entries broken;
/// and whether the reader must take it (nothing broken, a real kind, at most three layers).
fn state_dict_like() -> impl Strategy<Value = (String, bool)> {
    (
        1usize..5,
        1usize..4,
        prop_oneof![Just(1usize), Just(3), Just(4), Just(2)],
        1usize..5,
        any::<bool>(),
        any::<u8>(),
    )
        .prop_map(|(input, hidden, gates, layers, bias, breaker)| {
            let matrix = |r: usize, c: usize| {
                format!("[{}]", vec![format!("[{}]", vec!["0.5"; c].join(",")); r].join(","))
            };
            let vector = |r: usize| format!("[{}]", vec!["0.25"; r].join(","));
            let mut entries = Vec::new();
            for l in 0..layers {
                let cols = if l == 0 { input } else { hidden };
                entries.push(format!("\"weight_ih_l{l}\": {}", matrix(gates * hidden, cols)));
                entries.push(format!("\"weight_hh_l{l}\": {}", matrix(gates * hidden, hidden)));
                if bias {
                    entries.push(format!("\"bias_ih_l{l}\": {}", vector(gates * hidden)));
                    entries.push(format!("\"bias_hh_l{l}\": {}", vector(gates * hidden)));
                }
            }
            // Break one entry now and then: drop it, or replace it with nonsense.
            let k = breaker as usize % (entries.len() + 3);
            let readable = k >= entries.len() && gates != 2 && layers <= MAX_LAYERS;
            if k < entries.len() {
                if breaker % 2 == 0 {
                    entries.remove(k);
                } else {
                    entries[k] = format!("\"weight_hh_l{k}\": [[1, \"x\"], [2]]");
                }
            }
            (format!("{{{}}}", entries.join(", ")), readable)
        })
}

proptest! {
    #[test]
    fn a_typed_sequence_is_read_within_its_limits_or_refused_in_both_languages(text in ".{0,200}") {
        match parse_sequence(&text) {
            Ok(xs) => {
                prop_assert!(!xs.is_empty() && xs.len() <= MAX_STEPS);
                prop_assert!(xs.iter().all(|x| x.is_finite() && x.abs() <= MAX_ABS));
            }
            Err(e) => {
                prop_assert!(!e.message(Lang::Ko).is_empty() && !e.message(Lang::En).is_empty());
            }
        }
    }

    #[test]
    fn a_text_is_encoded_one_hot_or_refused(text in ".{0,80}") {
        match encode_text(&text) {
            Ok(e) => {
                prop_assert_eq!(e.inputs.len(), e.chars.len());
                for x in &e.inputs {
                    prop_assert_eq!(x.len(), e.symbols.len());
                    prop_assert_eq!(x.iter().filter(|&&v| v == 1.0).count(), 1);
                    prop_assert_eq!(x.iter().filter(|&&v| v == 0.0).count(), x.len() - 1);
                }
            }
            Err(e) => prop_assert!(!e.message(Lang::Ko).is_empty() && !e.message(Lang::En).is_empty()),
        }
    }

    #[test]
    fn a_weight_file_of_any_text_is_read_within_the_limits_or_refused(text in weights_like()) {
        check_weights(&text)?;
    }

    #[test]
    fn a_state_dict_of_any_shape_is_read_whole_or_refused((text, readable) in state_dict_like()) {
        check_weights(&text)?;
        prop_assert_eq!(stack_from_json::<f64>(&text, Activation::Tanh).is_ok(), readable, "{}", text);
    }

    #[test]
    fn a_sequence_file_of_any_text_is_read_or_refused(text in weights_like()) {
        if let Ok(steps) = sequence_from_json::<f64>(&text) {
            prop_assert!(steps.iter().all(|s| s.iter().all(|x| x.is_finite())));
        }
    }
}

/// What a weight file read without an error must be: within every limit, and finite.
fn check_weights(text: &str) -> Result<(), TestCaseError> {
    match stack_from_json::<f64>(text, Activation::Tanh) {
        Ok(stack) => {
            prop_assert!((1..=MAX_LAYERS).contains(&stack.layers().len()));
            prop_assert!(stack.hidden_size() <= MAX_HIDDEN && stack.input_size() <= MAX_INPUT);
            prop_assert!(stack.flat().iter().all(|x| x.is_finite()));
        }
        Err(e) => prop_assert!(!e.message(Lang::Ko).is_empty() && !e.message(Lang::En).is_empty()),
    }
    Ok(())
}
