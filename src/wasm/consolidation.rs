//! Consolidation in JS: `consolidate`, `parseOrders`, `ordersFromGeoJson` (not in the widget build).
//! Orders cross as typed arrays (`lat`, `lon`, `parcels`: one copy each, for 100k orders) or as plain objects.

use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::checkout::{check_nested, is_absent};
use super::{field, from_js_at, read, reject_unknown_keys, to_js};
use crate::consolidation::orders::Loose;
use crate::consolidation::{self as core, ConsolidateInput, GeoJson, Orders, Parsed};
use crate::error::Error;

/// The keys of `consolidate`'s input that are read by hand rather than by serde.
const ORDER_KEYS: [&str; 7] = ["orders", "lat", "lon", "parcels", "weightKg", "ids", "geojson"];

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

fn numbers(input: &JsValue, key: &str) -> Result<Option<Vec<f64>>, JsError> {
    match field(input, key) {
        v if is_absent(&v) => Ok(None),
        v if v.is_instance_of::<Float64Array>() || Array::is_array(&v) => Ok(Some(Float64Array::new(&v).to_vec())),
        _ => Err(Error::invalid(key, "expected a Float64Array or an array of numbers").into()),
    }
}

fn id_text(id: &Loose) -> Option<String> {
    match id {
        Loose::Text(t) => Some(t.clone()),
        Loose::Number(v) => Some(format!("{v}")),
        _ => None,
    }
}

/// The orders of a `consolidate` input: `orders: [{ lat, lon, parcels?, weightKg?, id? }]`, or the columns
/// `lat`, `lon`, `parcels?`, `weightKg?` (NaN = none), `ids?`.
fn read_orders(input: &JsValue) -> Result<Orders, JsError> {
    let objects = field(input, "orders");
    if !is_absent(&objects) {
        if ORDER_KEYS[1..6].iter().any(|k| !is_absent(&field(input, k))) {
            return Err(Error::invalid("orders", "give orders, or the columns lat, lon, parcels; not both").into());
        }
        if Array::is_array(&objects) {
            for (i, order) in Array::from(&objects).iter().enumerate() {
                reject_unknown_keys::<OrderObject>(&order, &format!("orders[{i}]."))?;
            }
        }
        let list: Vec<OrderObject> = from_js_at(objects, "orders")?;
        let mut orders = Orders::default();
        for o in list {
            orders.push(o.lat, o.lon, o.parcels.unwrap_or(1.0), o.weight_kg, o.id.as_ref().and_then(id_text));
        }
        return Ok(orders);
    }
    let (Some(lat), Some(lon)) = (numbers(input, "lat")?, numbers(input, "lon")?) else {
        return Err(Error::invalid("orders", "required: give orders, or the columns lat and lon (and parcels)").into());
    };
    let parcels = numbers(input, "parcels")?.unwrap_or_else(|| vec![1.0; lat.len()]);
    let ids = match field(input, "ids") {
        v if is_absent(&v) => None,
        v if Array::is_array(&v) => Some(
            Array::from(&v)
                .iter()
                .map(|id| id.as_string().or_else(|| id.as_f64().map(|n| format!("{n}"))).unwrap_or_default())
                .collect(),
        ),
        _ => return Err(Error::invalid("ids", "expected an array of strings").into()),
    };
    Ok(Orders { lat, lon, parcels, weight_kg: numbers(input, "weightKg")?, ids })
}

fn orders_to_js(orders: &Orders) -> Object {
    let o = Object::new();
    set(&o, "lat", Float64Array::from(&orders.lat[..]));
    set(&o, "lon", Float64Array::from(&orders.lon[..]));
    set(&o, "parcels", Float64Array::from(&orders.parcels[..]));
    if let Some(w) = &orders.weight_kg {
        set(&o, "weightKg", Float64Array::from(&w[..]));
    }
    if let Some(ids) = &orders.ids {
        set(&o, "ids", ids.iter().map(|id| JsValue::from_str(id)).collect::<Array>());
    }
    o
}

fn parsed_to_js(parsed: &Parsed) -> Result<JsValue, JsError> {
    let o = Object::new();
    set(&o, "orders", orders_to_js(&parsed.orders));
    set(&o, "errors", to_js(&parsed.errors)?);
    Ok(o.into())
}

/// Dedicated trips, consolidated rounds, pickup points and cargo bikes for the same orders.
#[wasm_bindgen(unchecked_return_type = "ConsolidateResult")]
pub fn consolidate(
    #[wasm_bindgen(unchecked_param_type = "ConsolidateInput")] input: JsValue,
) -> Result<JsValue, JsError> {
    if !input.is_object() || Array::is_array(&input) {
        return Err(Error::invalid("input", "expected an object").into());
    }
    let orders = read_orders(&input)?;
    let want_geojson = field(&input, "geojson").as_bool().unwrap_or(false);
    check_nested(&input, "")?;
    let rest = Object::assign(&Object::new(), input.unchecked_ref());
    for key in ORDER_KEYS {
        let _ = Reflect::delete_property(&rest, &JsValue::from_str(key));
    }
    let mut options: ConsolidateInput = read(rest.into())?;
    options.orders = orders;
    let result = core::consolidate(&options)?;
    let out: Object = to_js(&result)?.unchecked_into();
    set(&out, "roundOf", Uint32Array::from(&result.round_of(options.orders.len())[..]));
    set(&out, "pickupOf", Uint32Array::from(&result.plan.pickup_of[..]));
    if want_geojson {
        set(&out, "geojson", to_js(&result.geojson(&options.orders))?);
    }
    Ok(out.into())
}

/// Orders from CSV text: the good ones as columns, and every bad row with its line number.
#[wasm_bindgen(js_name = parseOrders, unchecked_return_type = "ParsedOrders")]
pub fn parse_orders(text: &str) -> Result<JsValue, JsError> {
    parsed_to_js(&core::parse_orders_csv(text)?)
}

/// Orders from a GeoJSON FeatureCollection of Points (text or object): the good ones, and every bad feature.
#[wasm_bindgen(js_name = ordersFromGeoJson, unchecked_return_type = "ParsedOrders")]
pub fn orders_from_geojson(
    #[wasm_bindgen(unchecked_param_type = "string | object")] input: JsValue,
) -> Result<JsValue, JsError> {
    let value = match input.as_string() {
        Some(text) => js_sys::JSON::parse(&text).map_err(|e| {
            let message = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
            JsError::new(&format!("geojson: not valid JSON: {message}"))
        })?,
        None => input,
    };
    let geojson: GeoJson = from_js_at(value, "geojson")?;
    parsed_to_js(&core::orders_from_geojson(&geojson)?)
}
