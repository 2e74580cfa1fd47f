//! The footprint API in JS: `packagingFootprint`, `ewasteFootprint`, `digitalFootprint`, `orderFootprint` and
//! `digitalFactors` (the page's package only; `comparisons` is in [`checkout`](super::checkout)).

use std::collections::BTreeMap;

use wasm_bindgen::prelude::*;

use super::{read, to_js, JsResult};
use crate::factors::digital::DigitalTable;
use crate::footprint as core;

/// Packaging per order (and per year with `ordersPerYear`), cradle to grave: making each material by its recycled
/// content, and its disposal by its route; the recycling benefit shown apart.
#[wasm_bindgen(js_name = packagingFootprint, unchecked_return_type = "WasteFootprint")]
pub fn packaging_footprint(
    #[wasm_bindgen(unchecked_param_type = "PackagingInput")] input: JsValue,
) -> JsResult<JsValue> {
    to_js(&core::packaging_footprint(&read(&input, "")?)?)
}

/// Electricals and batteries by item type, mass and route.
#[wasm_bindgen(js_name = ewasteFootprint, unchecked_return_type = "WasteFootprint")]
pub fn ewaste_footprint(#[wasm_bindgen(unchecked_param_type = "EwasteInput")] input: JsValue) -> JsResult<JsValue> {
    to_js(&core::ewaste_footprint(&read(&input, "")?)?)
}

/// kWh and g CO2e of an order's browsing and serving, by segment.
#[wasm_bindgen(js_name = digitalFootprint, unchecked_return_type = "DigitalFootprint")]
pub fn digital_footprint(#[wasm_bindgen(unchecked_param_type = "DigitalInput")] input: JsValue) -> JsResult<JsValue> {
    to_js(&core::digital_footprint(&read(&input, "")?)?)
}

/// Delivery + packaging + online for one order, with the parts and a one-line summary.
#[wasm_bindgen(js_name = orderFootprint, unchecked_return_type = "OrderFootprint")]
pub fn order_footprint(#[wasm_bindgen(unchecked_param_type = "OrderInput")] input: JsValue) -> JsResult<JsValue> {
    to_js(&core::order_footprint(&read(&input, "")?)?)
}

/// The digital-energy figures (CCF, SWD v4) with their sources, with `overrides` (`{ "<id>": value }`) applied.
#[wasm_bindgen(js_name = digitalFactors, unchecked_return_type = "DigitalFactor[]")]
pub fn digital_factors(
    #[wasm_bindgen(unchecked_optional_param_type = "Record<string, number>")] overrides: JsValue,
) -> JsResult<JsValue> {
    let map: Option<BTreeMap<String, f64>> = read(&overrides, "digitalFactors")?;
    to_js(&DigitalTable::with_overrides(map.unwrap_or_default())?)
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export type Route = "landfill" | "incineration" | "recycling";
export interface PackagingInput {
  /** Per order; list a material twice to split it across routes. */
  items: {
    material: "board" | "paper" | "plastic" | "plastic-film"; /** >= 0 */ massKg: number; route: Route;
    /** Share made from recycled material, 0–1. Default 0.5 (assumption). */ recycledContent?: number;
  }[];
  /** For the yearly figure. */ ordersPerYear?: number;
  factors?: FactorOverrides;
}
export interface EwasteInput {
  /** Batteries have no incineration row in DESNZ 2025: that route is an error. */
  items: { item: "weee-small" | "weee-large" | "weee-mixed" | "battery-li-ion" | "battery-alkaline"; massKg: number; route: Route }[];
  factors?: FactorOverrides;
}
export interface WasteLine {
  material: string; route: Route; massKg: number;
  /** Packaging: the recycled content used, and making the material (cut-off: recycled input carries its reprocessing). */ recycledContent?: number; productionG?: number;
  /** mass x the DESNZ waste row. */ disposalG: number;
  /** Recycling only: making the same mass new. */ primaryG?: number;
  /** Recycling only: making it from closed-loop recycled material. */ closedLoopSourceG?: number;
  /** Recycling only, where DESNZ has both rows: primary - closed-loop source, avoided by the material's user. */ avoidedG?: number;
  trace: Term[];
}
export interface WasteFootprint {
  /** g CO2e: sum of disposal, plus production for packaging (cradle to grave; per order). */ gCo2e: number;
  /** Packaging: sum of making the materials. */ productionG?: number;
  /** Recycling benefit, shown apart and not subtracted (DESNZ counts it with the recycled material's user). */ avoidedG: number;
  massKg: number;
  perYear?: { orders: number; kgCo2e: number; avoidedKg: number; tonnes: number };
  items: WasteLine[];
  /** The whole mix down each route; gCo2e null where DESNZ has no row for some item. */
  routes: { route: Route; gCo2e: number | null; avoidedG?: number | null }[];
  notes: string[];
  method: string;
}

export interface DigitalInput {
  /** Pages viewed per order. */ pages: number;
  bytesPerPage: number;
  /** The shop's servers (Cloud Carbon Footprint); without it, SWD's data-centre kWh per GB. */
  server?: {
    provider: "aws" | "gcp" | "azure" | "custom";
    /** Server time per order, seconds x vCPUs. */ vcpuSeconds: number;
    /** [0, 1]; default 0.5. */ utilisation?: number;
    /** Required with "custom"; otherwise they replace the provider's. */ minWatts?: number; maxWatts?: number;
    /** >= 1. */ pue?: number;
  };
  /** A per-kWh factor id (default "uk-grid-2025")... */ grid?: GridId;
  /** ...or kg CO2e per kWh. */ gridKgPerKwh?: number;
  factors?: FactorOverrides;
  /** Digital factor overrides, by id, in the factor's unit. */ digitalFactors?: Record<string, number>;
}
export interface DigitalSegment {
  id: "dataCentre" | "network" | "userDevice"; label: string; method: "ccf" | "swd";
  /** Electricity, kWh. */ kwh: number; operationalG: number; embodiedG: number; gCo2e: number; trace: Term[];
}
export interface DigitalFootprint {
  gCo2e: number; kwh: number; operationalG: number; embodiedG: number; gb: number;
  segments: DigitalSegment[]; settings: Term[];
}
export interface DigitalFactor {
  id: string; label: string; value: number; unit: "W/vCPU" | "PUE" | "ratio" | "kWh/GB" | "g CO2e/kWh";
  source: string; year: number | null; licence: string; note: string;
}

export interface OrderInput {
  delivery: DeliveryOptionsInput;
  option: OptionId;
  /** Left out: not counted. */ packaging?: PackagingInput;
  /** Left out: not counted. */ digital?: DigitalInput;
  /** For every part and the comparisons; a part's own factors win. */ factors?: FactorOverrides;
}
export interface OrderFootprint {
  /** The sum of parts. */ gCo2e: number;
  parts: { id: "delivery" | "packaging" | "online"; gCo2e: number; share: number }[];
  /** "Your order: X g CO2e, of which delivery Y g, packaging Z g, online W g." */ summary: string;
  comparisons: Comparisons;
  delivery: DeliveryOption; packaging?: WasteFootprint; digital?: DigitalFootprint;
}
"#;
