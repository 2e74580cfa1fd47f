//! Consolidation in JS: `consolidate`, `parseOrders`, `ordersFromGeoJson` (not in the widget build).
//! Orders cross as typed arrays (`lat`, `lon`, `parcels`: one copy each, for 100k orders) or as plain objects.

use js_sys::{Array, Float64Array, Function, Object, Reflect, Uint32Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::{finish, read_text, snapshot_of, to_js, JsResult};
use crate::consolidation::orders::{number_id, Loose};
use crate::consolidation::{self as core, ConsolidateInput, GeoJson, Orders, Parsed};
use crate::error::{Code, Error};
use crate::input::{from_value, Value};

/// One order as a plain object.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct OrderObject {
    lat: f64,
    lon: f64,
    parcels: Option<f64>,
    weight_kg: Option<f64>,
    id: Option<Loose>,
}

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a plain property on a fresh object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

/// An order id as text: ids may be given as text or finite numbers (written as JS's `String(n)` writes them).
fn id_text(id: Loose, field: String) -> Result<Option<String>, Error> {
    let wrong = |got: String| {
        Error::new(Code::WrongType, field.as_str(), format!("must be text or a finite number, got {got}"))
    };
    match id {
        Loose::Text(t) => Ok(Some(t)),
        Loose::Number(v) => number_id(v).map(Some).ok_or_else(|| wrong(format!("{v}"))),
        Loose::Null | Loose::Missing => Ok(None),
        other => Err(wrong(other.describe())),
    }
}

/// A column's error in the caller's terms: `orders[3].weightKg` (as [`Orders::check`] names it) is `weightKg[3]`.
fn in_columns(e: Error) -> Error {
    e.renamed(|field| match field.strip_prefix("orders[").and_then(|rest| rest.split_once("].")) {
        Some((i, name)) => format!("{name}[{i}]"),
        None => field.to_owned(),
    })
}

/// The orders of a `consolidate` input, taken out of it: `orders: [{ lat, lon, parcels?, weightKg?, id? }]`, or
/// the columns `lat`, `lon`, `parcels?`, `weightKg?` (`null` or NaN = none, as `parseOrders` writes them), `ids?`.
fn take_orders(input: &mut Value) -> Result<Orders, Error> {
    let objects: Option<Vec<OrderObject>> = input.take_as("orders")?;
    let (lat, lon) = (input.take_numbers("lat")?, input.take_numbers("lon")?);
    let parcels = input.take_numbers("parcels")?;
    let weight_kg: Option<Vec<Option<f64>>> = input.take_as("weightKg")?;
    let weight_kg = weight_kg.map(|w| w.into_iter().map(|w| w.unwrap_or(f64::NAN)).collect::<Vec<_>>());
    let ids: Option<Vec<Loose>> = input.take_as("ids")?;
    let columns = lat.is_some() || lon.is_some() || parcels.is_some() || weight_kg.is_some() || ids.is_some();
    match (objects, lat, lon) {
        (Some(_), ..) if columns => {
            Err(Error::new(Code::Conflict, "orders", "give orders, or the columns lat, lon, parcels; not both"))
        }
        (Some(list), ..) => {
            let mut orders = Orders::default();
            for (i, o) in list.into_iter().enumerate() {
                let id = match o.id {
                    Some(id) => id_text(id, format!("orders[{i}].id"))?,
                    None => None,
                };
                // A missing weight is absent or undefined; NaN is a mistake, not "none".
                if o.weight_kg.is_some_and(f64::is_nan) {
                    return Err(Error::new(
                        Code::NotFinite,
                        format!("orders[{i}].weightKg"),
                        "must be a finite number, got NaN",
                    ));
                }
                orders.push(o.lat, o.lon, o.parcels.unwrap_or(1.0), o.weight_kg, id);
            }
            Ok(orders)
        }
        (None, Some(lat), Some(lon)) => {
            let parcels = parcels.unwrap_or_else(|| vec![1.0; lat.len()]);
            let ids = match ids {
                Some(ids) => Some(
                    ids.into_iter()
                        .enumerate()
                        .map(|(i, id)| id_text(id, format!("ids[{i}]")).map(Option::unwrap_or_default))
                        .collect::<Result<_, _>>()?,
                ),
                None => None,
            };
            let orders = Orders { lat, lon, parcels, weight_kg, ids };
            orders.check().map_err(in_columns)?;
            Ok(orders)
        }
        _ => {
            Err(Error::new(Code::Required, "orders", "required: give orders, or the columns lat and lon (and parcels)"))
        }
    }
}

fn orders_to_js(orders: &Orders) -> Object {
    let o = Object::new();
    set(&o, "lat", Float64Array::from(&orders.lat[..]));
    set(&o, "lon", Float64Array::from(&orders.lon[..]));
    set(&o, "parcels", Float64Array::from(&orders.parcels[..]));
    if let Some(w) = &orders.weight_kg {
        // A weight not given is `null` (a result holds no NaN): `[2.5, null]`.
        let weights: Array = w.iter().map(|&v| if v.is_nan() { JsValue::NULL } else { JsValue::from_f64(v) }).collect();
        set(&o, "weightKg", weights);
    }
    if let Some(ids) = &orders.ids {
        set(&o, "ids", ids.iter().map(|id| JsValue::from_str(id)).collect::<Array>());
    }
    o
}

fn parsed_to_js(parsed: &Parsed) -> JsResult<JsValue> {
    let o = Object::new();
    set(&o, "orders", orders_to_js(&parsed.orders));
    set(&o, "errors", to_js(&parsed.errors)?);
    set(&o, "blankRows", parsed.blank_rows as f64);
    finish(o.into())
}

/// Dedicated trips, consolidated rounds, pickup points and cargo bikes for the same orders.
#[wasm_bindgen(unchecked_return_type = "ConsolidateResult")]
pub fn consolidate(#[wasm_bindgen(unchecked_param_type = "ConsolidateInput")] input: JsValue) -> JsResult<JsValue> {
    let (mut value, functions) = snapshot_of(&input, "")?;
    if !matches!(value, Value::Object(_)) {
        return Err(Error::new(Code::WrongType, "", "the input must be an object").into());
    }
    let orders = take_orders(&mut value)?;
    let want_geojson: Option<bool> = value.take_as("geojson")?;
    let on_progress: Option<Function> = match value.take("onProgress") {
        Value::Null => None,
        Value::Function(i) => functions.get(i).cloned(),
        _ => return Err(Error::new(Code::WrongType, "onProgress", "must be a function").into()),
    };
    let mut options: ConsolidateInput = from_value(value)?;
    options.orders = orders;
    let mut report = |p: core::Progress| -> crate::Result<()> {
        let Some(callback) = &on_progress else { return Ok(()) };
        let o = Object::new();
        set(&o, "phase", p.phase);
        set(&o, "fraction", p.fraction);
        // `call1` catches: a throwing callback stops the work here, as an error, without unwinding through wasm.
        callback
            .call1(&JsValue::NULL, &o)
            .map(|_| ())
            .map_err(|_| Error::new(Code::Aborted, "onProgress", "threw, so the work stopped"))
    };
    let result = core::consolidate_with_progress(&options, &mut report)?;
    let out: Object = to_js(&result)?.unchecked_into();
    set(&out, "roundOf", Uint32Array::from(&result.round_of(options.orders.len())[..]));
    set(&out, "pickupOf", Uint32Array::from(&result.plan.pickup_of[..]));
    if want_geojson == Some(true) {
        set(&out, "geojson", to_js(&result.geojson(&options.orders))?);
    }
    Ok(out.into())
}

/// Orders from CSV text: the good ones as columns, and every bad row with its line number.
/// The delivery chain's settings table in `country` (default "GB"): every default, its range, unit, limits,
/// source and whose value it is (README, "Settings").
#[wasm_bindgen(js_name = chainSettings, unchecked_return_type = "ChainSetting[]")]
pub fn chain_settings(
    #[wasm_bindgen(unchecked_optional_param_type = "CountryCode | (string & {})")] country: JsValue,
) -> JsResult<JsValue> {
    let code: Option<String> = super::read(&country, "country")?;
    to_js(&core::pricing::settings::table(&core::pricing::country::Country::parse(code.as_deref())?))
}

#[wasm_bindgen(js_name = parseOrders, unchecked_return_type = "ParsedOrders")]
pub fn parse_orders(#[wasm_bindgen(unchecked_param_type = "string")] text: JsValue) -> JsResult<JsValue> {
    parsed_to_js(&core::parse_orders_csv(&read_text(&text, "csv")?)?)
}

/// Orders from a GeoJSON FeatureCollection of Points (text or object): the good ones, and every bad feature.
#[wasm_bindgen(js_name = ordersFromGeoJson, unchecked_return_type = "ParsedOrders")]
pub fn orders_from_geojson(
    #[wasm_bindgen(unchecked_param_type = "string | object")] input: JsValue,
) -> JsResult<JsValue> {
    let value = match input.is_string() {
        true => js_sys::JSON::parse(&read_text(&input, "geojson")?)
            .map_err(|_| Error::new(Code::BadFile, "geojson", "not valid JSON"))?,
        false => input,
    };
    let (value, _) = snapshot_of(&value, "geojson")?;
    let geojson: GeoJson = from_value(value).map_err(|e| e.within("geojson"))?;
    parsed_to_js(&core::orders_from_geojson(&geojson)?)
}
