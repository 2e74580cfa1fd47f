//! Consolidation in JS: `factors`, `consolidate`, `deliveryOptions`, `parseOrders`, `ordersFromGeoJson`.
//! Orders cross as typed arrays (`lat`, `lon`, `parcels`: one copy each, for 100k orders) or as plain objects.

use std::collections::BTreeMap;

use js_sys::{Array, Float64Array, Object, Reflect, Uint32Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::{field, from_js_at, read, reject_unknown_keys, to_js};
use crate::consolidation::orders::Loose;
use crate::consolidation::{self as core, ConsolidateInput, GeoJson, OptionsInput, Orders, Parsed};
use crate::error::Error;
use crate::factors::{FactorOverride, FactorTable};

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

fn is_absent(v: &JsValue) -> bool {
    v.is_undefined() || v.is_null()
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

/// Rejects misspelt keys in the nested objects of an input (serde-wasm-bindgen would ignore them).
fn check_nested(input: &JsValue) -> Result<(), JsError> {
    for key in ["depot", "shopper"] {
        reject_unknown_keys::<crate::consolidation::LatLon>(&field(input, key), &format!("{key}."))?;
    }
    let pickup = field(input, "pickup");
    reject_unknown_keys::<core::PickupOptions>(&pickup, "pickup.")?;
    reject_unknown_keys::<core::Shares>(&field(&pickup, "shares"), "pickup.shares.")?;
    let bike = field(input, "cargoBike");
    reject_unknown_keys::<core::CargoBikeOptions>(&bike, "cargoBike.")?;
    reject_unknown_keys::<crate::consolidation::LatLon>(&field(&bike, "hub"), "cargoBike.hub.")?;
    check_overrides(&field(input, "factors"))
}

fn check_overrides(overrides: &JsValue) -> Result<(), JsError> {
    if overrides.is_object() {
        for key in Object::keys(overrides.unchecked_ref::<Object>()).iter().filter_map(|k| k.as_string()) {
            reject_unknown_keys::<FactorOverride>(&field(overrides, &key), &format!("factors.{key}."))?;
        }
    }
    Ok(())
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

/// The factor table, with `overrides` (`{ "<id>": { kgPerUnit } | { ttw, wtt } }`) applied when given.
#[wasm_bindgen(unchecked_return_type = "Factor[]")]
pub fn factors(
    #[wasm_bindgen(unchecked_param_type = "Record<string, FactorOverride>")] overrides: JsValue,
) -> Result<JsValue, JsError> {
    let table = if is_absent(&overrides) {
        FactorTable::default()
    } else {
        check_overrides(&overrides)?;
        let map: BTreeMap<String, FactorOverride> = from_js_at(overrides, "factors")?;
        FactorTable::with_overrides(map)?
    };
    to_js(&table)
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
    check_nested(&input)?;
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

/// The g CO2e per parcel of each way of delivering one parcel to one shopper; constant time.
#[wasm_bindgen(js_name = deliveryOptions, unchecked_return_type = "DeliveryOptionsResult")]
pub fn delivery_options(
    #[wasm_bindgen(unchecked_param_type = "DeliveryOptionsInput")] input: JsValue,
) -> Result<JsValue, JsError> {
    check_nested(&input)?;
    to_js(&core::delivery_options(&read::<OptionsInput>(input)?)?)
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

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface LatLon { lat: number; lon: number }
export type FactorOverride = { kgPerUnit: number } | { ttw: number; wtt: number };
export interface Factor {
  id: string; label: string; unit: "vehicle-km" | "passenger-km" | "kWh" | "litre" | "tonne";
  /** WTW kg CO2e per unit. */ kgPerUnit: number;
  parts: { kgPerUnit: number } | { ttw: number; wtt: number };
  kwhPerKm?: number;
  desnzRows: { part: string; row: string; value: number }[];
  desnzWording?: string[];
  /** "override" when the caller set it. */ source: string;
  year: number | null; licence: string; note: string;
}

/** One order as a plain object; parcels default to 1. */
export interface Order { lat: number; lon: number; parcels?: number; weightKg?: number; id?: string | number }
export interface ConsolidateInput {
  /** Orders as objects… */ orders?: Order[];
  /** …or as columns (fast for 100k orders). */ lat?: Float64Array | number[]; lon?: Float64Array | number[];
  /** Default: 1 each. */ parcels?: Float64Array | number[];
  /** NaN where unknown. */ weightKg?: Float64Array | number[]; ids?: (string | number)[];
  depot: LatLon;
  /** A vehicle-km factor id. Default "diesel-van". */ vehicle?: string;
  /** Parcels per round, >= 1. Default 100 (typical UK round). */ capacity?: number;
  /** Road km per great-circle km, >= 1. Default 1.3 (assumption). */ roadFactor?: number;
  /** Re-base electric vehicles on a grid factor id (e.g. "grid-fr")… */ grid?: string;
  /** …or on kg CO2e per kWh. */ gridKgPerKwh?: number;
  /** Overrides of the factor table, by id. */ factors?: Record<string, FactorOverride>;
  pickup?: {
    /** Default: one per π·(2 km)² of the orders' convex hull. */ points?: number;
    locations?: LatLon[];
    /** Each >= 0, adding up to 1. Default walk 0.5, cycle 0.1, car 0.4 (assumption). */ shares?: { walk?: number; cycle?: number; car?: number };
    /** One-way road km for every shopper, instead of the distance to their point. */ distanceKm?: number;
    /** Default "petrol-car". */ car?: string;
  };
  cargoBike?: { /** Default: the orders' parcel-weighted centre. */ hub?: LatLon; /** Default 50. */ capacity?: number; /** Default "e-cargo-bike". */ vehicle?: string };
  /** k-means seed (u32). Default 1. */ seed?: number;
  /** Also return the consolidated rounds as GeoJSON. */ geojson?: boolean;
}
export interface Leg {
  name: "vans" | "trunk" | "bikes" | "walk" | "cycle" | "car"; factor: string; shopper: boolean;
  km: number; kgCo2e: number; ttwKg: number | null; wttKg: number | null;
  kwh?: number; litres?: number; fuel?: "diesel-fuel" | "petrol-fuel"; trace: Term[];
}
export interface Scenario {
  id: "dedicated" | "consolidated" | "pickup" | "cargoBike"; label: string;
  trips: number; vehicleKm: number; shopperKm: number;
  kwh: number; dieselLitres: number; petrolLitres: number;
  /** WTW. */ kgCo2e: number; ttwKg: number | null; wttKg: number | null;
  parcelsPerVehicleKm: number | null; gCo2ePerParcel: number;
  /** Against "dedicated". */ savingPercent: number | null;
  legs: Leg[];
}
export interface ConsolidateResult {
  orders: number; parcels: number; weightKg?: number;
  scenarios: Scenario[];
  pickupPoints: { lat: number; lon: number; orders: number; parcels: number }[];
  hub: LatLon;
  /** Settings used, with their source ("input" or the default's). */ settings: Term[];
  /** Each order's consolidated round. */ roundOf: Uint32Array;
  /** Each order's pickup point. */ pickupOf: Uint32Array;
  /** When asked: depot, rounds (LineString), stops (Point with round, sequence), pickup points, hub. */ geojson?: GeoJsonFeatureCollection;
}
export interface GeoJsonFeatureCollection {
  type: "FeatureCollection";
  features: { type: "Feature"; geometry: { type: "Point"; coordinates: number[] } | { type: "LineString"; coordinates: number[][] }; properties: Record<string, unknown> }[];
}

export interface DeliveryOptionsInput {
  shopper: LatLon; depot?: LatLon; vehicle?: string;
  /** Default 100. */ parcelsPerRound?: number; /** Default 45. */ dropKm?: number;
  /** One way; default depot→shopper road km, else 17.87. */ stemKm?: number;
  roadFactor?: number; /** Default 2. */ pickupKm?: number; /** Default 10. */ parcelsPerPickupStop?: number;
  car?: string; bike?: string; grid?: string; gridKgPerKwh?: number; factors?: Record<string, FactorOverride>;
}
export interface DeliveryOption {
  id: "express" | "consolidated" | "pickupWalk" | "pickupCar" | "cargoBike"; label: string;
  gCo2e: number; ttwG: number | null; wttG: number | null; vehicleKm: number; shopperKm: number;
  explanation: string; legs: Leg[];
}
export interface DeliveryOptionsResult { options: DeliveryOption[]; settings: Term[] }

export interface OrderColumns { lat: Float64Array; lon: Float64Array; parcels: Float64Array; weightKg?: Float64Array; ids?: string[] }
/** `line` for CSV (1-based; the header is line 1), `feature` for GeoJSON (0-based). */
export interface RowError { line?: number; feature?: number; message: string }
export interface ParsedOrders { orders: OrderColumns; errors: RowError[] }
"#;
