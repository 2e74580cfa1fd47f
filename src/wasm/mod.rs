//! The JS API. The only module that knows about wasm-bindgen: it converts JS values in, calls the pure core,
//! and converts results out. Every export returns `Result`, so bad input becomes a JS `Error`, never a trap.

use js_sys::{Array, Float64Array, Function};
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::{Code, Error};
use crate::input::{from_value, Value, LIMITS};
#[cfg(feature = "full")]
use crate::models::{self, EmissionInput, EnergyInput};

pub mod checkout;
#[cfg(feature = "full")]
pub mod consolidation;
#[cfg(feature = "full")]
pub mod footprint;
#[cfg(feature = "full")]
pub mod kmeans;
mod out;

pub use checkout::delivery_options;
#[cfg(feature = "full")]
pub use checkout::{comparisons, factors};
#[cfg(feature = "full")]
pub use consolidation::{chain_settings, consolidate, orders_from_geojson, parse_orders};
#[cfg(feature = "full")]
pub use footprint::{digital_factors, digital_footprint, ewaste_footprint, order_footprint, packaging_footprint};

#[wasm_bindgen(module = "/src/wasm/boundary.js")]
extern "C" {
    /// Copies a JS value into plain data within the limits; see boundary.js. `catch`: whatever it meets, no JS
    /// exception can unwind through the wasm frames that called it.
    #[wasm_bindgen(catch)]
    fn snapshot(value: &JsValue, root: &str, max_depth: u32, max_items: u32, max_chars: u32) -> Result<Array, JsValue>;
    #[wasm_bindgen(js_name = makeError)]
    fn make_error(message: &str, code: &str, field: &str) -> JsValue;
    #[wasm_bindgen(js_name = isGreenDeliveryError)]
    fn is_package_error(value: &JsValue) -> bool;
    #[wasm_bindgen(catch, js_name = firstNonFinite)]
    fn first_non_finite(value: &JsValue) -> Result<JsValue, JsValue>;
    /// A result written by [`out::Tape`], as plain JS objects.
    fn unpack(numbers: &[f64], text: &str) -> JsValue;
    /// `value` as Rust's `{}` writes it; see [`crate::error::Plain`].
    #[wasm_bindgen(js_name = numberText)]
    pub(crate) fn number_text(value: f64) -> String;
}

/// Every export fails with this: a `GreenDeliveryError` carrying `message`, `code` and `field`.
pub type JsResult<T> = Result<T, JsValue>;

impl From<Error> for JsValue {
    fn from(error: Error) -> JsValue {
        make_error(&error.to_string(), error.code().as_str(), error.field())
    }
}

/// True for the errors this package throws (`GreenDeliveryError`, with `code` and `field`).
#[wasm_bindgen(js_name = isGreenDeliveryError, unchecked_return_type = "value is GreenDeliveryError")]
pub fn is_green_delivery_error(value: JsValue) -> bool {
    is_package_error(&value)
}

/// A JS argument as plain data, with the callbacks it holds; errors name `root` (the argument) and the path in it.
fn snapshot_of(js: &JsValue, root: &str) -> Result<(Value, Vec<Function>), Error> {
    let out = snapshot(js, root, LIMITS.max_depth, LIMITS.max_items, LIMITS.max_chars)
        .map_err(|_| Error::new(Code::Unreadable, root, "could not be read"))?;
    let text = |i: u32| out.get(i).as_string().unwrap_or_default();
    if out.length() == 3 {
        let code = match text(0).as_str() {
            "too-large" => Code::TooLarge,
            "too-deep" => Code::TooDeep,
            "wrong-type" => Code::WrongType,
            _ => Code::Unreadable,
        };
        return Err(Error::new(code, text(1), text(2)));
    }
    let mut tape = Tape {
        numbers: out.get(0).unchecked_into::<Float64Array>().to_vec().into_iter(),
        texts: out.get(1).unchecked_into::<Array>().iter().map(|t| t.as_string().unwrap_or_default()).collect(),
        blocks: out.get(2).unchecked_into::<Array>(),
    };
    let functions = out.get(3).unchecked_into::<Array>().iter().map(JsCast::unchecked_into).collect();
    let value = tape.read().ok_or_else(|| Error::new(Code::Unreadable, root, "could not be read"))?;
    Ok((value, functions))
}

/// Reads the tape that boundary.js writes (tags: 0 null, 1 false, 2 true, 3 number, 4 text, 5 list, 6 object,
/// 7 typed array, 8 function). Depth is bounded by the snapshot's limit.
struct Tape {
    numbers: std::vec::IntoIter<f64>,
    texts: Vec<String>,
    blocks: Array,
}

impl Tape {
    fn index(&mut self) -> Option<usize> {
        self.numbers.next().map(|n| n as usize)
    }

    fn text(&mut self) -> Option<String> {
        let i = self.index()?;
        self.texts.get_mut(i).map(std::mem::take)
    }

    fn read(&mut self) -> Option<Value> {
        Some(match self.numbers.next()? as u8 {
            0 => Value::Null,
            1 => Value::Bool(false),
            2 => Value::Bool(true),
            3 => Value::Number(self.numbers.next()?),
            4 => Value::Text(self.text()?),
            5 => Value::List((0..self.index()?).map(|_| self.read()).collect::<Option<_>>()?),
            6 => Value::Object((0..self.index()?).map(|_| Some((self.text()?, self.read()?))).collect::<Option<_>>()?),
            7 => {
                let block = self.index()? as u32;
                Value::Numbers(self.blocks.get(block).unchecked_into::<Float64Array>().to_vec())
            }
            8 => Value::Function(self.index()?),
            _ => return None,
        })
    }
}

/// Reads a JS argument into a core input type: the one strict path (see [`crate::input`]).
fn read<T: DeserializeOwned>(js: &JsValue, root: &str) -> JsResult<T> {
    let (value, _) = snapshot_of(js, root)?;
    Ok(from_value(value).map_err(|e| match e {
        // The whole argument has the wrong shape: give the message a subject.
        Error::Invalid { code: Code::WrongType, reason, .. } if root.is_empty() && e.field().is_empty() => {
            Error::new(Code::WrongType, "", format!("the input {reason}"))
        }
        e => e.within(root),
    })?)
}

/// A text argument (a CSV file), within the text limit.
#[cfg(feature = "full")]
fn read_text(js: &JsValue, root: &str) -> JsResult<String> {
    match js.dyn_ref::<js_sys::JsString>() {
        Some(s) if s.length() > LIMITS.max_chars => Err(Error::new(
            Code::TooLarge,
            root,
            format!("has {} characters, more than the limit of {}", s.length(), LIMITS.max_chars),
        )
        .into()),
        Some(s) => Ok(String::from(s)),
        None => Err(Error::new(Code::WrongType, root, "must be text").into()),
    }
}

/// A result on its way out: never with a number that is not finite.
fn finish(out: JsValue) -> JsResult<JsValue> {
    match first_non_finite(&out) {
        Ok(path) if path.is_null() => Ok(out),
        Ok(path) => Err(Error::new(
            Code::Overflow,
            "",
            format!("the inputs are too large: {} would not be finite", path.as_string().unwrap_or_default()),
        )
        .into()),
        Err(_) => Err(Error::new(Code::Unreadable, "", "the result could not be checked").into()),
    }
}

/// Writes a core result as a plain JS object (Options that are `None` are left out).
fn to_js<T: Serialize>(value: &T) -> JsResult<JsValue> {
    let mut tape = out::Tape::default();
    value.serialize(&mut tape).map_err(|e| Error::invalid("", format!("the result could not be written: {e}")))?;
    finish(unpack(&tape.numbers, &tape.text))
}

/// Efficiency = Output / Input.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "EfficiencyResult")]
pub fn efficiency(#[wasm_bindgen(unchecked_param_type = "EfficiencyInput")] input: JsValue) -> JsResult<JsValue> {
    to_js(&models::efficiency(&read(&input, "")?)?)
}

/// Energy = Power × Time (× PUE).
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "EnergyResult")]
pub fn energy(#[wasm_bindgen(unchecked_param_type = "EnergyInput")] input: JsValue) -> JsResult<JsValue> {
    to_js(&models::energy(&read::<EnergyInput>(&input, "")?)?)
}

/// Emission = Activity × Emission factor, in kg CO2e.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "EmissionResult")]
pub fn emission(#[wasm_bindgen(unchecked_param_type = "EmissionInput")] input: JsValue) -> JsResult<JsValue> {
    to_js(&models::emission(&read::<EmissionInput>(&input, "")?)?)
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
/** What an input got wrong: a stable identifier to branch on (the message is for people and may change). */
export type ErrorCode =
  | "not-finite" | "out-of-range" | "not-integer" | "wrong-type" | "required" | "unknown-field" | "unknown-id"
  | "unknown-value" | "conflict" | "too-deep" | "too-large" | "too-much-work" | "overflow" | "unreadable"
  | "aborted" | "bad-file" | "invalid";
/** What every function throws on bad input. */
export interface GreenDeliveryError extends Error {
  name: "GreenDeliveryError";
  code: ErrorCode;
  /** The JS path of the input at fault, e.g. "orders[3].lat"; "" for the whole input. */
  field: string;
}

/** One input or factor behind a result. */
export interface Term { name: string; value: number; unit: string; source?: string }

export interface EfficiencyInput {
  /** Finite, >= 0. */ output: number;
  /** Finite, > 0. */ input: number;
  outputUnit?: string;
  inputUnit?: string;
}
export interface EfficiencyResult {
  value: number;
  /** "<outputUnit>/<inputUnit>", or "ratio" when the units match or are absent. */ unit: string;
  trace: Term[];
}

export interface EnergyInput {
  /** Finite, >= 0. */ power: number;
  /** Default "kW". */ powerUnit?: "W" | "kW";
  /** Finite, >= 0. */ time: number;
  /** Default "h". */ timeUnit?: "s" | "min" | "h";
  /** Data-centre power usage effectiveness, >= 1. */ pue?: number;
}
export interface EnergyResult {
  /** PUE included. */ kwh: number;
  joules: number;
  /** Before PUE. */ deviceKwh: number;
  pue: number;
  trace: Term[];
}

/** kg CO2e per unit of activity: one number, or a TTW/WTT split (WTW = TTW + WTT). */
export type EmissionFactor =
  | { kgPerUnit: number; name?: string; source?: string }
  | { ttw: number; wtt: number; name?: string; source?: string };
export interface EmissionInput {
  /** Finite, >= 0. Give this or `energy`. */ activity?: number;
  activityUnit?: string;
  /** Its kWh become the activity; `factor` is then a grid intensity in kg CO2e/kWh. */ energy?: EnergyInput;
  factor: EmissionFactor;
}
export interface EmissionResult {
  /** Well-to-wheel, kg CO2e. */ kgCo2e: number;
  ttwKg?: number;
  wttKg?: number;
  activity: number;
  activityUnit: string;
  trace: Term[];
}
"#;
