//! The JS API. The only module that knows about wasm-bindgen: it converts JS values in, calls the pure core,
//! and converts results out. Every export returns `Result`, so bad input becomes a JS `Error`, never a trap.

use serde::de::{self, DeserializeOwned, Deserializer, Visitor};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::models::{self, EmissionFactor, EmissionInput, EnergyInput};

pub mod checkout;
#[cfg(feature = "full")]
pub mod consolidation;
#[cfg(feature = "full")]
pub mod footprint;
#[cfg(feature = "full")]
pub mod kmeans;

pub use checkout::{comparisons, delivery_options, factors};
#[cfg(feature = "full")]
pub use consolidation::{consolidate, orders_from_geojson, parse_orders};
#[cfg(feature = "full")]
pub use footprint::{digital_factors, digital_footprint, ewaste_footprint, order_footprint, packaging_footprint};

/// Reads a plain JS object into `T`, rejecting keys `T` does not have.
fn read<T: DeserializeOwned>(value: JsValue) -> Result<T, JsError> {
    reject_unknown_keys::<T>(&value, "")?;
    from_js(value)
}

/// Reads a plain JS object into a core input type. Errors name the field path, e.g. `factor.ttw: invalid type…`.
fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, JsError> {
    from_js_at(value, "")
}

/// [`from_js`] for a value found at `name` (e.g. `orders`), so that errors name `orders[3].lat`.
fn from_js_at<T: DeserializeOwned>(value: JsValue, name: &str) -> Result<T, JsError> {
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(|err| {
        let path = err.path().to_string();
        // serde-wasm-bindgen's errors are JS Errors; take their bare message, without the "Error: " prefix.
        let message = js_sys::Error::from(JsValue::from(err.into_inner())).message();
        let field = match (name, path.as_str()) {
            (_, ".") => name.to_owned(),
            ("", path) => path.to_owned(),
            (name, path) if path.starts_with('[') => format!("{name}{path}"),
            (name, path) => format!("{name}.{path}"),
        };
        match field.as_str() {
            "" => JsError::new(&String::from(message)),
            field => JsError::new(&format!("{field}: {message}")),
        }
    })
}

/// Rejects keys that `T` does not have, such as a misspelt optional `pue`. serde-wasm-bindgen reads only the
/// fields it expects, so without this check a typo would silently fall back to a default.
fn reject_unknown_keys<T: DeserializeOwned>(value: &JsValue, prefix: &str) -> Result<(), JsError> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return Ok(()); // shape errors are reported by `from_js`
    }
    let fields = struct_fields::<T>();
    for key in js_sys::Object::keys(value.unchecked_ref::<js_sys::Object>()).iter().filter_map(|key| key.as_string()) {
        if !fields.contains(&key.as_str()) {
            return Err(JsError::new(&format!("{prefix}{key}: unknown field, expected one of {}", fields.join(", "))));
        }
    }
    Ok(())
}

/// The field names serde's derive declares for `T`, read by a deserializer that stops at the field list.
fn struct_fields<T: DeserializeOwned>() -> &'static [&'static str] {
    struct Probe<'a>(&'a mut &'static [&'static str]);
    impl<'de> Deserializer<'de> for Probe<'_> {
        type Error = de::value::Error;
        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Self::Error> {
            Err(de::Error::custom("not a struct"))
        }
        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> Result<V::Value, Self::Error> {
            *self.0 = fields;
            Err(de::Error::custom("probed"))
        }
        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }
    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Probe(&mut fields));
    fields
}

fn field(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Writes a core result as a plain JS object (Options that are `None` are left out).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    Ok(value.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// Efficiency = Output / Input.
#[wasm_bindgen(unchecked_return_type = "EfficiencyResult")]
pub fn efficiency(
    #[wasm_bindgen(unchecked_param_type = "EfficiencyInput")] input: JsValue,
) -> Result<JsValue, JsError> {
    to_js(&models::efficiency(&read(input)?)?)
}

/// Energy = Power × Time (× PUE).
#[wasm_bindgen(unchecked_return_type = "EnergyResult")]
pub fn energy(#[wasm_bindgen(unchecked_param_type = "EnergyInput")] input: JsValue) -> Result<JsValue, JsError> {
    to_js(&models::energy(&read::<EnergyInput>(input)?)?)
}

/// Emission = Activity × Emission factor, in kg CO2e.
#[wasm_bindgen(unchecked_return_type = "EmissionResult")]
pub fn emission(#[wasm_bindgen(unchecked_param_type = "EmissionInput")] input: JsValue) -> Result<JsValue, JsError> {
    reject_unknown_keys::<EnergyInput>(&field(&input, "energy"), "energy.")?;
    reject_unknown_keys::<EmissionFactor>(&field(&input, "factor"), "factor.")?;
    to_js(&models::emission(&read::<EmissionInput>(input)?)?)
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
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
