//! The checkout in JS: `factors`, `deliveryOptions` and `comparisons`, all the widget needs (it is built with only
//! these), plus the TypeScript types of the consolidation API.

use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use super::{read, to_js, JsResult};
use crate::consolidation::{self as core, OptionsInput};
use crate::factors::{FactorOverride, FactorTable};

/// The factor table with JS overrides (`{ "<id>": { kgPerUnit } | { ttw, wtt } }`) applied, if any.
fn table(overrides: &JsValue) -> JsResult<FactorTable> {
    let map: Option<BTreeMap<String, FactorOverride>> = read(overrides, "factors")?;
    Ok(FactorTable::with_overrides(map.unwrap_or_default())?)
}

/// The factor table, with `overrides` (`{ "<id>": { kgPerUnit } | { ttw, wtt } }`) applied when given.
#[wasm_bindgen(unchecked_return_type = "Factor[]")]
pub fn factors(
    #[wasm_bindgen(unchecked_optional_param_type = "Record<string, FactorOverride>")] overrides: JsValue,
) -> JsResult<JsValue> {
    to_js(&table(&overrides)?)
}

/// The g CO2e per parcel of each way of delivering one parcel to one shopper; constant time.
#[wasm_bindgen(js_name = deliveryOptions, unchecked_return_type = "DeliveryOptionsResult")]
pub fn delivery_options(
    #[wasm_bindgen(unchecked_param_type = "DeliveryOptionsInput")] input: JsValue,
) -> JsResult<JsValue> {
    to_js(&core::delivery_options(&read::<OptionsInput>(&input, "")?)?)
}

/// Grams of CO2e as metres driven in the comparison car (`petrol-car`) and as phone charges (0.015 kWh each, an
/// assumption) on `uk-grid-2025`, with factor `overrides` applied when given. The page, the widget and every
/// footprint share this one implementation.
#[wasm_bindgen(unchecked_return_type = "Comparisons")]
pub fn comparisons(
    #[wasm_bindgen(unchecked_param_type = "number")] grams: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "Record<string, FactorOverride>")] overrides: JsValue,
) -> JsResult<JsValue> {
    to_js(&crate::footprint::comparisons(read(&grams, "grams")?, &table(&overrides)?)?)
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
/** `weightKg`: finite, or left out (NaN is an error). `id`: text, or a finite number (written as `String(id)`). */
export interface Order { lat: number; lon: number; parcels?: number; weightKg?: number; id?: string | number }
export interface ConsolidateInput {
  /** Orders as objects… */ orders?: Order[];
  /** …or as columns (fast for 100k orders). */ lat?: Float64Array | number[]; lon?: Float64Array | number[];
  /** Default: 1 each. */ parcels?: Float64Array | number[];
  /** null (or NaN) where unknown. */ weightKg?: Float64Array | (number | null)[]; ids?: (string | number)[];
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
  /** The round planner's seed (u32). Default 1: the same seed gives the same rounds. */ seed?: number;
  /** How hard the round planner works (a budget of moves, not of time). Default "balanced". */ effort?: "fast" | "balanced" | "thorough";
  /** The scenario savings are measured against. Default "standard". */ baseline?: ScenarioId;
  /** The carrier's rounds of the standard and nextDay baselines. */
  carrier?: { /** Default 100 (32–168). */ parcelsPerRound?: number; /** Default 50 (assumption, 32–100). */ nextDayParcelsPerRound?: number; /** Default 45 (11.9–96). */ dropKm?: number };
  /** Failed first attempts of home deliveries. */ failures?: Failures;
  /** Also return the consolidated rounds as GeoJSON. */ geojson?: boolean;
  /** Called every so often (a few hundred times at most) while the rounds are planned; throwing stops the work with code "aborted". */ onProgress?: (p: ConsolidateProgress) => void;
}
/** Where consolidate() is: `fraction` of the whole call, 0 to 1 and never decreasing (an estimate from the planner's work). */
export interface ConsolidateProgress {
  phase: "vans" | "pickup" | "bikes" | "pricing" | "done";
  fraction: number;
}
/** Failed first attempts: each failure is redelivered, or fetched by the shopper. */
export interface Failures {
  /** First-time failure rate, 0–1. Default 0.0465 (IMRG; 0.0277–0.10). */ rate?: number;
  /** Share of failed parcels the shopper fetches. Default 0.5 (assumption, 0.2–0.8). */ collectShare?: number;
  /** One-way km of that trip. Default 5 (assumption, 2–10). */ collectKm?: number;
  /** Share of those trips by car. Default 0.4 (assumption, 0.2–0.6). */ collectCarShare?: number;
}
/** A figure's low and high, in the figure's unit. */
export interface Range { low: number; high: number }
/** One setting's effect on a figure: the figure with the setting at its low and at its high (sorted by |high − low|). */
export interface Sensitivity { setting: string; low: number; high: number; settingLow: number; settingHigh: number }
export type ScenarioId = "dedicated" | "consolidated" | "pickup" | "cargoBike" | "standard" | "nextDay";
export type OptionId = "sameDayCourier" | "nextDay" | "standard" | "consolidated" | "pickupWalk" | "pickupCar" | "cargoBike";
export interface Leg {
  name: "vans" | "trunk" | "bikes" | "walk" | "cycle" | "car" | "redelivery" | "collection"; factor: string; shopper: boolean;
  km: number; kgCo2e: number; ttwKg: number | null; wttKg: number | null;
  kwh?: number; litres?: number; fuel?: "diesel-fuel" | "petrol-fuel"; trace: Term[];
}
export interface Scenario {
  id: ScenarioId; label: string;
  trips: number;
  /** The fewest trips that could carry the parcels (⌈parcels / capacity⌉); null where rounds are not planned. */ minRounds: number | null;
  vehicleKm: number; shopperKm: number;
  kwh: number; dieselLitres: number; petrolLitres: number;
  /** WTW. */ kgCo2e: number; ttwKg: number | null; wttKg: number | null;
  parcelsPerVehicleKm: number | null; gCo2ePerParcel: number;
  /** Against the result's baseline. */ savingPercent: number | null;
  /** kg CO2e low and high. */ range: Range;
  sensitivity: Sensitivity[];
  /** savingPercent low and high; null when savingPercent is. */ savingRange: Range | null;
  /** The settings that move savingPercent, largest swing first (a tornado chart). */ savingSensitivity: Sensitivity[];
  legs: Leg[];
}
export interface ConsolidateResult {
  orders: number; parcels: number; weightKg?: number;
  scenarios: Scenario[];
  /** The id savings are measured against. */ baseline: ScenarioId;
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
  /** Default 50 (assumption). */ nextDayParcelsPerRound?: number; /** Default 168 (assumption). */ consolidatedParcelsPerRound?: number;
  roadFactor?: number; /** Default 2. */ pickupKm?: number; /** Default 10. */ parcelsPerPickupStop?: number;
  failures?: Failures; /** Default "standard". */ baseline?: OptionId;
  car?: string; bike?: string; grid?: string; gridKgPerKwh?: number; factors?: Record<string, FactorOverride>;
}
export interface DeliveryOption {
  id: OptionId; label: string;
  gCo2e: number; /** g CO2e low and high. */ range: Range; sensitivity: Sensitivity[];
  /** Against the baseline. */ savingPercent: number | null; savingRange: Range | null; ttwG: number | null; wttG: number | null; vehicleKm: number; shopperKm: number;
  explanation: string; legs: Leg[];
}
export interface DeliveryOptionsResult { options: DeliveryOption[]; baseline: OptionId; settings: Term[] }

/** The same grams two everyday ways; null where the factor behind it is 0. */
export interface Comparisons {
  grams: number;
  /** Metres driven in the average petrol car (petrol-car, DESNZ 2025). */ metresDriven: number | null;
  /** Full charges of a phone (0.015 kWh, an assumption) on uk-grid-2025. */ phoneCharges: number | null;
  trace: Term[];
}

export interface OrderColumns { lat: Float64Array; lon: Float64Array; parcels: Float64Array; weightKg?: (number | null)[]; ids?: string[] }
/** `line` for CSV (1-based; the header is line 1), `feature` for GeoJSON (0-based). */
export interface RowError { line?: number; feature?: number; message: string }
/** `blankRows`: lines with no cells at all, skipped (rows of empty cells are errors instead). */
export interface ParsedOrders { orders: OrderColumns; errors: RowError[]; blankRows: number }
"#;
