//! The checkout in JS: `deliveryOptions`, all the widget calls (its build, without the `full` feature, exports only
//! this), and for the page `factors` and `comparisons`; plus the TypeScript types of the consolidation API.

#[cfg(feature = "full")]
use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use super::{read, to_js, JsResult};
use crate::consolidation::{self as core, OptionsInput};
#[cfg(feature = "full")]
use crate::factors::{FactorOverride, FactorTable};

/// The factor table with JS overrides (`{ "<id>": { kgPerUnit } | { ttw, wtt } }`) applied, if any.
#[cfg(feature = "full")]
fn table(overrides: &JsValue) -> JsResult<FactorTable> {
    let map: Option<BTreeMap<String, FactorOverride>> = read(overrides, "factors")?;
    Ok(FactorTable::with_overrides(map.unwrap_or_default())?)
}

/// The factor table, with `overrides` (`{ "<id>": { kgPerUnit } | { ttw, wtt } }`) applied when given.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "Factor[]")]
pub fn factors(
    #[wasm_bindgen(unchecked_optional_param_type = "FactorOverrides")] overrides: JsValue,
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
/// assumption) on `uk-grid-2025`, with factor `overrides` applied when given. The page and every footprint share
/// this one implementation.
#[cfg(feature = "full")]
#[wasm_bindgen(unchecked_return_type = "Comparisons")]
pub fn comparisons(
    #[wasm_bindgen(unchecked_param_type = "number")] grams: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "FactorOverrides")] overrides: JsValue,
) -> JsResult<JsValue> {
    to_js(&crate::footprint::comparisons(read(&grams, "grams")?, &table(&overrides)?)?)
}

// The unions of ids (FactorId, VehicleId, GridId, OptionId, ScenarioId, SettingId, CountryCode), written from the
// tables by tests/typescript_ids.rs, so that they cannot drift from them.
#[wasm_bindgen(typescript_custom_section)]
const IDS: &str = include_str!("ids.d.ts");

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface LatLon { lat: number; lon: number }
export type FactorOverride = { kgPerUnit: number } | { ttw: number; wtt: number };
/** Overrides of the factor table, by id. */
export type FactorOverrides = Partial<Record<FactorId, FactorOverride>>;
export interface Factor {
  id: FactorId; label: string; unit: "vehicle-km" | "passenger-km" | "kWh" | "litre" | "tonne" | "tonne-km";
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
  /** A vehicle-km factor id. Default "diesel-van". */ vehicle?: VehicleId;
  /** Parcels per round, >= 1. Default 100 (typical UK round). */ capacity?: number;
  /** Re-base electric vehicles on a grid factor id (e.g. "grid-fr")… */ grid?: GridId;
  /** …or on kg CO2e per kWh. */ gridKgPerKwh?: number;
  /** Overrides of the factor table, by id. */ factors?: FactorOverrides;
  pickup?: {
    /** Default: one per π·(2 km)² of the orders' convex hull. */ points?: number;
    locations?: LatLon[];
    /** Each >= 0, adding up to 1. Default walk 0.5, cycle 0.1, car 0.4 (assumption). */ shares?: { walk?: number; cycle?: number; car?: number };
    /** One-way road km for every shopper, instead of the distance to their point. */ distanceKm?: number;
    /** Default "petrol-car". */ car?: VehicleId;
  };
  cargoBike?: { /** Default: the orders' parcel-weighted centre. */ hub?: LatLon; /** Default 50. */ capacity?: number; /** Default "e-cargo-bike". */ vehicle?: VehicleId };
  /** The round planner's seed (u32). Default 1: the same seed gives the same rounds. */ seed?: number;
  /** How hard the round planner works (a budget of moves, not of time). Default "balanced". */ effort?: "fast" | "balanced" | "thorough";
  /** The scenario savings are measured against. Default "standard". */ baseline?: ScenarioId;
  /** The carrier's area for the standard and nextDay rounds. Default: from the orders' parcels per km² of their hull. */ area?: Area;
  /** Settings of the chain by id (roadFactor, round.parcels, failures.rate, ...); a value given has no range. */ settings?: Partial<Record<SettingId, number>>;
  /** The country delivered in, ISO 3166-1 alpha-2 (any case). Default "GB". Picks the grid, fleet, line-haul and pickup defaults. */ country?: CountryCode | (string & {});
  /** Also return the consolidated rounds as GeoJSON. */ geojson?: boolean;
  /** Called every so often (a few hundred times at most) while the rounds are planned; throwing stops the work with code "aborted". */ onProgress?: (p: ConsolidateProgress) => void;
}
/** Where consolidate() is: `fraction` of the whole call, 0 to 1 and never decreasing (an estimate from the planner's work). */
export interface ConsolidateProgress {
  phase: "vans" | "pickup" | "bikes" | "pricing" | "done";
  fraction: number;
}
/** The carrier's round: urban (Allen et al. 2018, central London), suburban (the typical UK round), rural. */
export type Area = "urban" | "suburban" | "rural";
/** A figure's interval and the share of Monte Carlo draws it covers (0.9: the 5th to the 95th percentile). */
export interface Range { low: number; high: number; coverage: number }
/** One setting's effect on a figure, all others central: the figure with the setting at its low and at its high (sorted by |high − low|). */
export interface Sensitivity { setting: SettingId; low: number; high: number; settingLow: number; settingHigh: number }
/** A setting as a result used it: its central value, range and distribution, and where it comes from ("input" when given). */
export interface SettingUsed {
  id: SettingId; value: number; low: number; high: number; distribution: "triangular" | "fixed"; unit: string; source: string;
  /** Whose default the value is: "GB" (the UK table), a covered country, or "world" (the proxy); null when given or known from the input. */ country: CountryCode | "world" | null;
  /** True when `country` is not the country asked for: the value stands in for one not known. */ proxy: boolean;
}
/** One row of the settings table (`chainSettings()`): the suburban default, and [low, central, high] in urban and rural areas where the area changes it. */
export interface ChainSetting {
  id: SettingId; central: number; low: number; high: number; distribution: "triangular" | "fixed";
  unit: string; /** The values a caller may give. */ min: number; max: number; source: string;
  /** Whose default it is: "GB", the country asked for, or "world" (the proxy). */ country: CountryCode | "world"; /** `country` is not the one asked for. */ proxy: boolean;
  urban?: [number, number, number]; rural?: [number, number, number];
}
/** A chain element (EN 17837:2023 / ISO 14083:2023). */
export type Element = "line-haul" | "hub" | "delivery-round" | "redelivery" | "customer-trip" | "packaging";
/** What a result counts and how it is shared out. */
export interface Boundary {
  /** "parcel-delivered": one parcel delivered to the shopper's door, pickup point or locker; "orders-delivered": these orders, in one day's rounds. */
  functionalUnit: "parcel-delivered" | "orders-delivered";
  included: Element[];
  /** What is left out, with a reason id. */ excluded: { element: string; reason: string }[];
  /** "per-parcel" (EN 17837:2023); line-haul tonne-km are the parcel's own mass × km. */ allocation: "per-parcel";
  standards: string[];
}
export interface Leg {
  /** The chain element this part belongs to. */ element: Element;
  name: "trunk" | "sortCentre" | "deliveryDepot" | "localHub" | "microHub" | "locker" | "vans" | "courier" | "feeder" | "bikes" | "walk" | "cycle" | "car" | "collection";
  factor: string; shopper: boolean;
  /** Km travelled (0 for a site). */ km: number; kgCo2e: number; ttwKg: number | null; wttKg: number | null;
  /** Line-haul freight. */ tonneKm?: number; kwh?: number; litres?: number; fuel?: "diesel-fuel" | "petrol-fuel"; trace: Term[];
}
export interface Scenario {
  id: ScenarioId;
  trips: number;
  /** The fewest trips that could carry the parcels (⌈parcels / capacity⌉); null where rounds are not planned. */ minRounds: number | null;
  /** At the central settings. */ vehicleKm: number; shopperKm: number;
  kwh: number; dieselLitres: number; petrolLitres: number;
  /** WTW kg CO2e: the median of the Monte Carlo. */ kgCo2e: number; range: Range;
  /** Every setting at its central value: what the legs add up to. */ centralKg: number;
  ttwKg: number | null; wttKg: number | null;
  parcelsPerVehicleKm: number | null; gCo2ePerParcel: number;
  /** Against the result's baseline, median over the draws. */ savingPercent: number | null;
  savingRange: Range | null;
  /** True only when the whole savingRange lies on one side of zero; otherwise say "no clear difference". */ savingClear: boolean;
  sensitivity: Sensitivity[];
  /** The settings that move savingPercent, largest swing first (a tornado chart). */ savingSensitivity: Sensitivity[];
  legs: Leg[];
}
export interface ConsolidateResult {
  orders: number; parcels: number; weightKg?: number;
  scenarios: Scenario[];
  /** The id savings are measured against. */ baseline: ScenarioId;
  /** The structural choices used: the carrier's area, and whether it was given ("input") or inferred ("density"). */ variants: { area: Area; areaFrom: "input" | "density"; /** The country asked for, upper case. */ country: string; /** True when it has no defaults of its own (proxies used). */ countryProxy: boolean };
  boundary: Boundary;
  pickupPoints: { lat: number; lon: number; orders: number; parcels: number }[];
  hub: LatLon;
  /** The chain's settings that move a figure or were given. */ settings: SettingUsed[];
  /** The plan's own settings (capacity, pickup points, shares, bike capacity, seed), with their source. */ planSettings: Term[];
  /** Each order's consolidated round. */ roundOf: Uint32Array;
  /** Each order's pickup point. */ pickupOf: Uint32Array;
  /** When asked: depot, rounds (LineString), stops (Point with round, sequence), pickup points, hub. */ geojson?: GeoJsonFeatureCollection;
}
export interface GeoJsonFeatureCollection {
  type: "FeatureCollection";
  features: { type: "Feature"; geometry: { type: "Point"; coordinates: number[] } | { type: "LineString"; coordinates: number[][] }; properties: Record<string, unknown> }[];
}

export interface DeliveryOptionsInput {
  shopper: LatLon;
  /** The merchant's depot: the line-haul starts here. Without it, the setting lineHaul.km. */ depot?: LatLon;
  /** The carrier's round in the shopper's area. Default "suburban" (the typical UK round). */ area?: Area;
  /** The parcel's mass (kg): sets parcel.kg and whether a cargo bike can take it (up to 25 kg). */ weightKg?: number;
  /** Default "diesel-van". */ vehicle?: VehicleId; /** Default "petrol-car". */ car?: VehicleId; /** Default "e-cargo-bike". */ bike?: VehicleId;
  grid?: GridId; gridKgPerKwh?: number; factors?: FactorOverrides;
  /** Settings of the chain by id; a value given has no range. */ settings?: Partial<Record<SettingId, number>>;
  /** Default "standard". */ baseline?: OptionId;
  /** The country delivered in, ISO 3166-1 alpha-2 (any case). Default "GB". Picks the grid, fleet, line-haul and pickup defaults; a shopper over 5,000 km from the depot is refused (no road leg reaches). */ country?: CountryCode | (string & {});
}
export interface DeliveryOption {
  id: OptionId;
  /** WTW g CO2e for this parcel: the median of the Monte Carlo. */ gCo2e: number; range: Range;
  /** Every setting at its central value: what the legs add up to. */ centralG: number;
  sensitivity: Sensitivity[];
  /** Against the baseline, median over the draws. */ savingPercent: number | null; savingRange: Range | null;
  /** True only when the whole savingRange lies on one side of zero; otherwise say "no clear difference". */ savingClear: boolean;
  ttwG: number | null; wttG: number | null;
  /** At the central settings. */ vehicleKm: number; shopperKm: number;
  /** The chain, element by element, at the central settings. */ legs: Leg[];
}
export interface DeliveryOptionsResult {
  options: DeliveryOption[]; baseline: OptionId;
  /** The structural choices used. */ variants: { area: Area; lineHaul: "depot" | "typical"; bikeable: "weight" | "share"; /** The country asked for, upper case. */ country: string; /** True when it has no defaults of its own (proxies used). */ countryProxy: boolean };
  boundary: Boundary;
  /** Every setting that moves a figure or was given. */ settings: SettingUsed[];
}

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
