//! What crosses between the page and the lab module, typed once for both builds.
//!
//! The page and the lab are two WebAssembly modules with two memories, so a Rust value cannot be
//! handed from one to the other: it crosses as a plain JavaScript value. Both sides convert with
//! [`Wire`], whose implementations are generated here from each type's list of fields — a field
//! missing from the list is a compile error, because converting back builds the whole struct — so
//! a field added, renamed or retyped changes both ends together. Numbers cross as JavaScript
//! numbers, NaN and infinities included; whole numbers are checked to be whole on arrival.
//!
//! Every request has a matching function in `src/bin/lstm_lab.rs` and a typed method on
//! `ui::lab::Lab`; the canvas a picture is drawn on travels beside the request.
//!
//! (serde with `serde-wasm-bindgen` did the same job; measured on the same source, the page's first
//! load was 305.8 KB gzip with it and 298.8 KB with this, against a budget of 300.)

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::model::Activation;
use crate::model::decay::DecaySetup;
use crate::model::train::clipping::{ClipCurves, ClipSetup};
use crate::model::train::race::RaceSetup;

/// A value that crosses between the two modules as a plain JavaScript value.
pub trait Wire: Sized {
    /// This value as JavaScript.
    fn to_js(&self) -> JsValue;
    /// Reads what [`Wire::to_js`] wrote; anything else is an error that says what was expected.
    fn from_js(value: &JsValue) -> Result<Self, String>;
}

impl Wire for f64 {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(*self)
    }
    fn from_js(value: &JsValue) -> Result<Self, String> {
        value.as_f64().ok_or_else(|| "expected a number".to_string())
    }
}

/// The largest whole number a JavaScript number holds exactly, 2⁵³ − 1.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

fn whole(value: &JsValue) -> Result<u64, String> {
    match value.as_f64() {
        Some(x) if x.fract() == 0.0 && (0.0..=MAX_SAFE).contains(&x) => Ok(x as u64),
        _ => Err("expected a whole number from 0 to 2⁵³ − 1".to_string()),
    }
}

impl Wire for usize {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(*self as f64)
    }
    fn from_js(value: &JsValue) -> Result<Self, String> {
        whole(value).and_then(|n| usize::try_from(n).map_err(|e| e.to_string()))
    }
}

impl Wire for u64 {
    fn to_js(&self) -> JsValue {
        JsValue::from_f64(*self as f64)
    }
    fn from_js(value: &JsValue) -> Result<Self, String> {
        whole(value)
    }
}

impl Wire for bool {
    fn to_js(&self) -> JsValue {
        JsValue::from_bool(*self)
    }
    fn from_js(value: &JsValue) -> Result<Self, String> {
        value.as_bool().ok_or_else(|| "expected true or false".to_string())
    }
}

impl Wire for String {
    fn to_js(&self) -> JsValue {
        JsValue::from_str(self)
    }
    fn from_js(value: &JsValue) -> Result<Self, String> {
        value.as_string().ok_or_else(|| "expected a text".to_string())
    }
}

impl<T: Wire> Wire for Option<T> {
    fn to_js(&self) -> JsValue {
        self.as_ref().map_or(JsValue::NULL, Wire::to_js)
    }
    fn from_js(value: &JsValue) -> Result<Self, String> {
        if value.is_null() || value.is_undefined() { Ok(None) } else { T::from_js(value).map(Some) }
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn to_js(&self) -> JsValue {
        self.iter().map(Wire::to_js).collect::<Array>().into()
    }
    fn from_js(value: &JsValue) -> Result<Self, String> {
        if !Array::is_array(value) {
            return Err("expected a list".to_string());
        }
        Array::from(value).iter().map(|v| T::from_js(&v)).collect()
    }
}

impl<const N: usize> Wire for [f64; N] {
    fn to_js(&self) -> JsValue {
        self.to_vec().to_js()
    }
    fn from_js(value: &JsValue) -> Result<Self, String> {
        Vec::<f64>::from_js(value)?.try_into().map_err(|_| format!("expected {N} numbers"))
    }
}

/// Field `name` of the object `value`, read as a `T`; an error names the field.
pub fn field<T: Wire>(value: &JsValue, name: &str) -> Result<T, String> {
    let got = Reflect::get(value, &JsValue::from_str(name)).map_err(|_| format!("{name}: not an object"))?;
    T::from_js(&got).map_err(|e| format!("{name}: {e}"))
}

/// Implements [`Wire`] for a struct from the list of its fields: an object with one property per
/// field. Listing too few fields fails to compile (`from_js` builds the whole struct).
macro_rules! wire_struct {
    ($name:ident { $($field:ident),* $(,)? }) => {
        impl Wire for $name {
            fn to_js(&self) -> JsValue {
                let object = Object::new();
                $(
                    let _ = Reflect::set(&object, &JsValue::from_str(stringify!($field)), &self.$field.to_js());
                )*
                object.into()
            }
            fn from_js(value: &JsValue) -> Result<Self, String> {
                Ok(Self { $($field: field(value, stringify!($field))?,)* })
            }
        }
    };
}

/// Implements [`Wire`] for a fieldless enum from the list of its variants: the variant's name.
macro_rules! wire_enum {
    ($name:ident { $($variant:ident),* $(,)? }) => {
        impl Wire for $name {
            fn to_js(&self) -> JsValue {
                JsValue::from_str(match self { $(Self::$variant => stringify!($variant),)* })
            }
            fn from_js(value: &JsValue) -> Result<Self, String> {
                match value.as_string().as_deref() {
                    $(Some(stringify!($variant)) => Ok(Self::$variant),)*
                    _ => Err(concat!("expected one of:", $(" ", stringify!($variant)),*).to_string()),
                }
            }
        }
    };
}

wire_enum!(Activation { Tanh, Logistic, Relu });
wire_struct!(DecaySetup { rho, activation, steps, forget_bias, forget_open, driven, hidden, seed });
wire_struct!(ClipSetup { rho, threshold, lr, steps, hidden, seed });
wire_struct!(RaceSetup { lag, symbols, hidden, lr, seed });

/// What the decay plot shows against the lag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quantity {
    /// ‖∂h_T/∂h_{T−k}‖ for both cells, the LSTM's belt ‖∂c_T/∂c_{T−k}‖, the bound (γσ_max)^k.
    Jacobian,
    /// ‖∂L/∂h_{T−k}‖ for both cells (L reads h_T), the bound ‖∂L/∂h_T‖·(γσ_max)^k.
    LossGradient,
}

/// Draw (or export) the gradient-decay plot.
#[derive(Clone, Debug, PartialEq)]
pub struct DecayRequest {
    /// The experiment.
    pub setup: DecaySetup,
    /// Six lines in the page's language: RNN, bound, LSTM, belt, x axis, y axis.
    pub labels: String,
    /// What is plotted.
    pub quantity: Quantity,
    /// The lag marked on the plot.
    pub lag: Option<usize>,
    /// Whether the LSTM's curves are drawn (the RNN's always are).
    pub lstm: bool,
}

/// What the decay plot drew.
#[derive(Clone, Debug, PartialEq)]
pub struct DecayDrawn {
    /// Every plotted series by name, as JSON (the page puts it on the figure for tests).
    pub series: String,
    /// RNN ‖∂h_T/∂h_{T−k}‖ for every lag k.
    pub rnn: Vec<f64>,
    /// LSTM ‖∂h_T/∂h_{T−k}‖.
    pub lstm: Vec<f64>,
    /// The LSTM's belt ‖∂c_T/∂c_{T−k}‖.
    pub belt: Vec<f64>,
    /// Values below the log axis.
    pub below: usize,
    /// Values above it.
    pub above: usize,
    /// The axis range, as tick labels.
    pub range: String,
    /// Where lag 0 and the last lag were drawn: backing-store pixels from the canvas's left edge.
    pub x_pixels: [f64; 2],
    /// The last lag on the axis.
    pub x_max: f64,
    /// Time the analysis took, ms.
    pub compute_ms: f64,
}

/// Draw (or export) time × unit heatmaps.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatmapRequest {
    /// Every panel's `steps` × `hidden` values one after the other, step-major.
    pub values: Vec<f64>,
    /// Time steps.
    pub steps: usize,
    /// Units.
    pub hidden: usize,
    /// Per panel: signed values (true) or a gate in [0, 1] (false).
    pub signed: Vec<bool>,
    /// One line per panel, then the time axis's name.
    pub labels: String,
    /// The step outlined (0-based).
    pub cursor: Option<usize>,
}

/// Where a plot's time axis runs on its canvas, backing-store pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimeAxis {
    /// Left edge of the first step.
    pub left: f64,
    /// Right edge of the last step.
    pub right: f64,
}

/// Draw (or export) the clipping experiment.
#[derive(Clone, Debug, PartialEq)]
pub struct ClipRequest {
    /// The experiment.
    pub setup: ClipSetup,
    /// Nine lines in the page's language.
    pub labels: String,
    /// The length T marked.
    pub marked: Option<usize>,
}

/// What the clipping experiment measured (each series indexed by T − 1), and how long it took.
#[derive(Clone, Debug, PartialEq)]
pub struct ClipDrawn {
    /// Every measured series, as the model computed them.
    pub curves: ClipCurves,
    /// Time the measurement took, ms.
    pub compute_ms: f64,
}

/// Start a training race.
pub type RaceRequest = RaceSetup;

/// Where a training race stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RaceStatus {
    /// Sequences each network has seen.
    pub seen: usize,
    /// Why a network stopped ("RNN: …"), if one did.
    pub stopped: Option<String>,
    /// The last measured accuracies, RNN then LSTM.
    pub accuracy: Option<[f64; 2]>,
    /// ‖dL/dx_1‖ on a held-out sequence, RNN then LSTM: how much the loss at the cue still
    /// depends on the symbol read `lag` + 1 steps before it.
    pub symbol_gradient: Option<[f64; 2]>,
    /// Every measured point, as JSON (the page puts it on the figure for tests).
    pub series: String,
}

wire_enum!(Quantity { Jacobian, LossGradient });
wire_struct!(DecayRequest { setup, labels, quantity, lag, lstm });
wire_struct!(DecayDrawn { series, rnn, lstm, belt, below, above, range, x_pixels, x_max, compute_ms });
wire_struct!(HeatmapRequest { values, steps, hidden, signed, labels, cursor });
wire_struct!(TimeAxis { left, right });
wire_struct!(ClipRequest { setup, labels, marked });
wire_struct!(ClipCurves {
    grad_norm,
    clipped_norm,
    loss,
    scale,
    step_raw,
    step_clipped,
    loss_raw,
    loss_clipped
});
wire_struct!(ClipDrawn { curves, compute_ms });
wire_struct!(RaceStatus { seen, stopped, accuracy, symbol_gradient, series });

/// Start training a character-level language model (`model::train::language`).
pub type LanguageRequest = crate::model::train::language::LanguageSetup;

/// Where training of the language model stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LanguageStatus {
    /// Training windows seen.
    pub seen: usize,
    /// Windows after which training stops by itself.
    pub budget: usize,
    /// Cross-entropy per character (nats), over the last few updates; none before training.
    pub loss: Option<f64>,
    /// Why training stopped early, if it did.
    pub stopped: Option<String>,
}

/// How the network reads a prompt, character by character, and how it would go on.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LanguageReading {
    /// One column per character of the prompt, as HTML the lab wrote (the page's first load has
    /// no room for the views): the character, then the likeliest next characters with their
    /// probabilities. Column i has `data-testid="language-top-{i}"`, `data-known`, and
    /// `data-top` / `data-probs` listing the characters and probabilities, space-separated.
    pub html: String,
    /// The greedy continuation of the whole prompt.
    pub continuation: String,
    /// The prompt's characters the network has never seen, each once, in order.
    pub unknown: String,
}

wire_struct!(LanguageRequest { korean, hidden, seed });
wire_struct!(LanguageStatus { seen, budget, loss, stopped });
wire_struct!(LanguageReading { html, continuation, unknown });

/// Read a weight file a learner opened.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenRequest {
    /// The file's text.
    pub text: String,
    /// Messages in Korean (else English).
    pub ko: bool,
    /// Read a one-gate (RNN) file with ReLU instead of tanh: a `state_dict` does not say.
    pub relu: bool,
}

/// A network of 1–3 stacked layers as it crosses between the modules: its shape and every
/// parameter (`Stack::flat`).
#[derive(Clone, Debug, PartialEq)]
pub struct StackWire {
    /// `CellKind::name`: rnn, lstm or gru.
    pub kind: String,
    /// For an RNN: ReLU rather than tanh.
    pub relu: bool,
    /// Stacked layers.
    pub layers: usize,
    /// I.
    pub input: usize,
    /// H.
    pub hidden: usize,
    /// Whether the layers have biases.
    pub bias: bool,
    /// `Stack::flat`.
    pub values: Vec<f64>,
}

impl StackWire {
    /// The wire form of a stack.
    pub fn of(stack: &crate::model::stack::Stack<f64>) -> Self {
        let kind = stack.kind();
        Self {
            kind: kind.name().to_string(),
            relu: kind == crate::model::network::CellKind::Rnn(Activation::Relu),
            layers: stack.layers().len(),
            input: stack.input_size(),
            hidden: stack.hidden_size(),
            bias: stack.has_bias(),
            values: stack.flat(),
        }
    }

    /// A network of the shape `kind,relu,layers,input,hidden,bias` (what `assets/bring.js` hands
    /// the page beside the values, so no object crosses) holding `values`.
    pub fn from_shape(shape: &str, values: Vec<f64>) -> Option<Self> {
        let mut it = shape.split(',');
        let kind = it.next()?.to_string();
        let mut number = || it.next()?.parse::<usize>().ok();
        let (relu, layers, input, hidden, bias) = (number()?, number()?, number()?, number()?, number()?);
        Some(Self { kind, relu: relu == 1, layers, input, hidden, bias: bias == 1, values })
    }

    /// The shape [`StackWire::from_shape`] reads.
    pub fn shape(&self) -> String {
        let flag = |b: bool| usize::from(b);
        format!(
            "{},{},{},{},{},{}",
            self.kind,
            flag(self.relu),
            self.layers,
            self.input,
            self.hidden,
            flag(self.bias)
        )
    }

    /// The stack it describes, or why it cannot be built (sizes past the readers' limits are
    /// refused before anything is allocated).
    pub fn stack(&self) -> Result<crate::model::stack::Stack<f64>, String> {
        use crate::model::network::CellKind;
        use crate::model::weights::{MAX_HIDDEN, MAX_INPUT};
        if self.hidden > MAX_HIDDEN || self.input > MAX_INPUT || self.layers > crate::model::stack::MAX_LAYERS
        {
            return Err(format!(
                "a network of {} layers, I = {}, H = {} is past the limits",
                self.layers, self.input, self.hidden
            ));
        }
        let kind = match CellKind::from_name(&self.kind) {
            Some(CellKind::Rnn(_)) => {
                CellKind::Rnn(if self.relu { Activation::Relu } else { Activation::Tanh })
            }
            Some(k) => k,
            None => return Err(format!("unknown cell '{}'", self.kind)),
        };
        crate::model::stack::Stack::from_flat(
            kind,
            self.input,
            self.hidden,
            self.layers,
            self.bias,
            &self.values,
        )
        .map_err(|e| e.to_string())
    }
}

/// Read a CSV a learner pasted or opened.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvRequest {
    /// The text.
    pub text: String,
    /// Messages in Korean (else English).
    pub ko: bool,
}

/// A CSV as read: one row per time step.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvTable {
    /// Columns per row (the input size it fits).
    pub columns: usize,
    /// Row after row.
    pub values: Vec<f64>,
    /// The header's fields, if the file had one.
    pub header: Option<Vec<String>>,
}

wire_struct!(OpenRequest { text, ko, relu });
wire_struct!(StackWire { kind, relu, layers, input, hidden, bias, values });
wire_struct!(CsvRequest { text, ko });
wire_struct!(CsvTable { columns, values, header });
