//! The four scenarios of [`consolidate`] (see the [module docs](super) for what each one drives and the defaults).

use std::collections::BTreeMap;
use std::f64::consts::PI;

use ndarray::{Array2, ArrayView1, ArrayView2};
use serde::{Deserialize, Serialize};

use super::options::BIKE_MAX_PARCEL_KG;
use super::plan::Effort;
use super::pricing::chain::{Element, Merchant, Part, SCENARIOS, SCENARIO_IDS};
use super::pricing::country::{Country, CountryCode, BIKE_KWH_PER_KM};
use super::pricing::engine::{self, Priced};
use super::pricing::modes::Modes;
use super::pricing::settings::{Id, Settings};
use super::pricing::{orders_boundary, Area, Boundary, Range, Sensitivity, SettingUsed};
use super::rounds::{distinct_up_to, Grouper};
use super::routing::{area_perimeter, convex_hull, route_as_planned, route_in_order, route_planned_with, Route};
use super::spatial::hilbert_order;
use super::{
    limits, LatLon, Orders, ASSUMPTION, DEFAULT_BIKE_CAPACITY, DEFAULT_CAPACITY, REFERENCE_PICKUP_KM, ROUND_SOURCE,
};
use crate::error::{at_least, within, Code, Error, Plain, Result};
use crate::factors::{Factor, FactorOverride, FactorTable, Unit};
use crate::geo::{cos_lat, haversine_cos_km, haversine_km, LocalPlane};
use crate::kmeans::{self, Init, KMeansParams, Metric};
use crate::models::emission::FactorParts;
use crate::models::{efficiency, emission, EfficiencyInput, EmissionInput};
use crate::trace::Term;

/// k-means iterations when placing pickup points, from a start that is already spread by parcels.
const PICKUP_MAX_ITER: usize = 20;

/// Default shares of shoppers reaching a pickup point on foot, by bike and by car (an assumption).
pub const DEFAULT_SHARES: Shares = Shares { walk: 0.5, cycle: 0.1, car: 0.4 };

/// What to compare: the orders, where they leave from, and how.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ConsolidateInput {
    /// Set by the caller (the JS binding reads them from typed arrays or objects).
    #[serde(skip)]
    pub orders: Orders,
    /// Required.
    pub depot: Option<LatLon>,
    /// A vehicle-km factor id; default `diesel-van`.
    pub vehicle: Option<String>,
    /// Parcels per round, 1 to 100,000 ([`limits::MAX_CAPACITY`]); default 100.
    pub capacity: Option<f64>,
    /// Re-base electric vehicles on this grid factor id (per kWh), e.g. `grid-fr`…
    pub grid: Option<String>,
    /// …or on this many kg CO2e per kWh, 0 to 10 ([`crate::factors::MAX_GRID_KG_PER_KWH`]).
    pub grid_kg_per_kwh: Option<f64>,
    /// Overrides of the factor table, by id.
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub factors: BTreeMap<String, FactorOverride>,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub pickup: PickupOptions,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub cargo_bike: CargoBikeOptions,
    /// The round planner's seed; default 1.
    pub seed: Option<u32>,
    /// How hard the round planner works: `fast`, `balanced` (default) or `thorough` ([`Effort`]).
    pub effort: Option<Effort>,
    /// The scenario savings are measured against; default `standard`.
    pub baseline: Option<String>,
    /// The area the orders are in, for the carrier's rounds; default: from the orders' parcel density
    /// ([`infer_area`]).
    pub area: Option<Area>,
    /// Settings by id (the [settings table](super::pricing::settings)), e.g. `roadFactor`, `round.parcels`,
    /// `failures.rate`; a value given has no range.
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub settings: BTreeMap<String, f64>,
    /// The country delivered in (ISO 3166-1 alpha-2, any case); default `GB`. Picks the country's defaults
    /// ([`country`](super::pricing::country)).
    pub country: Option<String>,
}

/// Pickup points and how shoppers reach them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PickupOptions {
    /// How many points to place (k-means centroids of the orders), 1 to the number of orders; default: one per
    /// π·(2 km)² of the orders' convex hull. Never more than the orders' distinct locations (nor than k-means'
    /// work limit allows): `pickupPoints` lists the points placed.
    pub points: Option<usize>,
    /// Or where they are.
    pub locations: Option<Vec<LatLon>>,
    /// Shares of shoppers who walk, cycle or drive; each ≥ 0, adding up to 1.
    pub shares: Option<Shares>,
    /// One-way road km from every shopper to their point, instead of the distance to the assigned point; 0 to
    /// 1,000 ([`limits::MAX_PICKUP_KM`]).
    pub distance_km: Option<f64>,
    /// The car factor id; default `petrol-car`.
    pub car: Option<String>,
}

/// Shares of shoppers by mode; a missing share is 0.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Shares {
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub walk: f64,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub cycle: f64,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub car: f64,
}

/// The micro-hub and its bikes.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CargoBikeOptions {
    /// Default: the orders' parcel-weighted centre.
    pub hub: Option<LatLon>,
    /// Parcels per bike round, 1 to 1,000 ([`limits::MAX_BIKE_CAPACITY`]); default 50.
    pub capacity: Option<f64>,
    /// The bike's factor id; default `e-cargo-bike`.
    pub vehicle: Option<String>,
}

/// The four scenarios and the settings they used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Consolidation {
    pub orders: usize,
    pub parcels: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight_kg: Option<f64>,
    /// `dedicated`, `consolidated`, `pickup`, `cargoBike`, `standard`, `nextDay`, in that order.
    pub scenarios: Vec<Scenario>,
    /// The id of the scenario savings are measured against.
    pub baseline: &'static str,
    pub variants: ConsolidationVariants,
    pub boundary: Boundary,
    pub pickup_points: Vec<PickupPoint>,
    pub hub: LatLon,
    /// The chain's settings that move a figure or were given, in table order.
    pub settings: Vec<SettingUsed>,
    /// The plan's own settings (capacity, pickup points, shares, bike capacity, seed), each with its source.
    pub plan_settings: Vec<Term>,
    #[serde(skip)]
    pub plan: Plan,
}

/// The structural choices `consolidate` used.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ConsolidationVariants {
    /// The carrier's round: `urban`, `suburban` or `rural`.
    pub area: Area,
    /// `input`, or `density` (inferred from the orders' parcels per km², [`infer_area`]).
    pub area_from: &'static str,
    /// The country asked for, in upper case.
    pub country: CountryCode,
    /// Whether the country has no table of its own, so that its defaults are proxies.
    pub country_proxy: bool,
}

/// Where the vehicles went, for maps (not serialized: see [`Consolidation::geojson`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub depot: LatLon,
    /// The consolidated rounds, in order of the orders' indices.
    pub rounds: Vec<Route>,
    /// Each order's pickup point.
    pub pickup_of: Vec<u32>,
}

/// A pickup point and what it receives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PickupPoint {
    pub lat: f64,
    pub lon: f64,
    pub orders: usize,
    pub parcels: f64,
}

/// One way of delivering the orders.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Scenario {
    pub id: &'static str,
    /// Vehicle trips from the depot or hub (the carrier's: ⌈parcels / parcels per round⌉ at the central value).
    pub trips: usize,
    /// The fewest trips that could carry the parcels (⌈parcels / capacity⌉ per leg of rounds); `None` for
    /// `dedicated`, whose trips are one per order by definition, and for the carrier's rounds.
    pub min_rounds: Option<usize>,
    /// Delivery vehicles' km (vans, bikes and the line-haul HGV's share), at the central settings.
    pub vehicle_km: f64,
    /// Shoppers' own km, all modes, at the central settings.
    pub shopper_km: f64,
    /// Electricity used by sites and by vehicles with a known kWh/km.
    pub kwh: f64,
    pub diesel_litres: f64,
    pub petrol_litres: f64,
    /// Well-to-wheel kg CO2e: the median over the draws.
    pub kg_co2e: f64,
    /// The interval around it, and the share of draws it covers.
    pub range: Range,
    /// The figure with every setting at its central value: what `legs` add up to.
    pub central_kg: f64,
    /// TTW and WTT, split as the central legs split; `None` when a factor has no split (an override as one number).
    pub ttw_kg: Option<f64>,
    pub wtt_kg: Option<f64>,
    /// Parcels per delivery-vehicle km at the central settings (`None` when the vehicles drove no km, or so few
    /// that the ratio is not a finite number).
    pub parcels_per_vehicle_km: Option<f64>,
    pub g_co2e_per_parcel: f64,
    /// (baseline − this) / baseline × 100, the median over the draws; `None` when the baseline can be 0 kg.
    pub saving_percent: Option<f64>,
    pub saving_range: Option<Range>,
    /// Whether the whole saving interval lies on one side of zero; else "no clear difference".
    pub saving_clear: bool,
    /// The settings that move `kgCo2e`, one at a time, largest swing first.
    pub sensitivity: Vec<Sensitivity>,
    /// The settings that move `savingPercent`, largest swing first.
    pub saving_sensitivity: Vec<Sensitivity>,
    pub legs: Vec<Leg>,
}

/// One part of a chain element, priced with one factor.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Leg {
    /// The transport chain element it belongs to (EN 17837 / ISO 14083).
    pub element: Element,
    /// What it is within the element: `trunk`, `sortCentre`, `deliveryDepot`, `localHub`, `microHub`, `locker`,
    /// `vans`, `courier`, `feeder`, `bikes`, `walk`, `cycle`, `car` or `collection`.
    pub name: &'static str,
    pub factor: &'static str,
    /// Whether this is shoppers' travel (else delivery vehicles' or sites').
    pub shopper: bool,
    /// Km travelled (0 for a site).
    pub km: f64,
    pub kg_co2e: f64,
    pub ttw_kg: Option<f64>,
    pub wtt_kg: Option<f64>,
    /// The freight's tonne-km (line-haul).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tonne_km: Option<f64>,
    /// Electricity: a site's, or an electric vehicle's with a known kWh/km.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kwh: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub litres: Option<f64>,
    /// The fuel `litres` are of: `diesel-fuel` or `petrol-fuel`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fuel: Option<&'static str>,
    pub trace: Vec<Term>,
}

/// The factor table with the caller's overrides and grid, and the vehicles picked from it.
pub(crate) struct Factors {
    table: FactorTable,
    grid: Option<Factor>,
    grid_kg_per_kwh: Option<f64>,
    /// Whether `grid` is the country's (not one the caller gave): `grid.uplift` then applies.
    country_grid: bool,
}

impl Factors {
    /// Errors name `grid`, `gridKgPerKwh` or `factors.<id>`. Without a grid from the caller, electricity is the
    /// country's grid (`uk-grid-2025` in the UK).
    pub(crate) fn new(
        overrides: &BTreeMap<String, FactorOverride>,
        grid: Option<&str>,
        grid_kg_per_kwh: Option<f64>,
        country: &Country,
    ) -> Result<Self> {
        let table = FactorTable::with_overrides(overrides.iter().map(|(k, v)| (k.as_str(), *v)))?;
        let country_grid = grid.is_none() && grid_kg_per_kwh.is_none() && country.profile.grid.is_some();
        let grid = match (grid, grid_kg_per_kwh) {
            (Some(_), Some(_)) => {
                return Err(Error::new(Code::Conflict, "grid", "give grid or gridKgPerKwh, not both"))
            }
            (Some(id), None) => {
                let factor = table.get("grid", id)?;
                if factor.unit != Unit::Kwh {
                    return Err(Error::invalid("grid", format!("`{id}` is per {}, not per kWh", factor.unit.as_str())));
                }
                Some(factor.clone())
            }
            (None, Some(v)) => {
                within("gridKgPerKwh", v, 0.0, crate::factors::MAX_GRID_KG_PER_KWH)?;
                None
            }
            (None, None) => country.profile.grid.map(|g| g.factor()),
        };
        // + 0.0: a caller's −0 is 0.
        Ok(Factors { table, grid, grid_kg_per_kwh: grid_kg_per_kwh.map(|v| v + 0.0), country_grid })
    }

    /// Whether electricity is the country's grid, to which `grid.uplift` applies.
    pub(crate) fn country_grid(&self) -> bool {
        self.country_grid
    }

    /// A vehicle-km factor by id, re-based on the grid when it is electric; errors name `field`.
    pub(crate) fn vehicle(&self, field: &str, id: &str) -> Result<Factor> {
        let factor = self.table.get(field, id)?;
        if factor.unit != Unit::VehicleKm {
            return Err(Error::invalid(field, format!("`{id}` is per {}, not a vehicle", factor.unit.as_str())));
        }
        if self.country_grid && factor.id == "e-cargo-bike" && factor.source != "override" {
            // The bike's charging follows the country's grid too (its kWh/km an assumption: see BIKE_KWH_PER_KM).
            let grid = self.grid.as_ref().map_or(0.0, |g| g.kg_per_unit);
            let kg = BIKE_KWH_PER_KM * grid;
            return Ok(Factor {
                kg_per_unit: kg,
                parts: FactorParts::Split { ttw: 0.0, wtt: kg },
                kwh_per_km: Some(BIKE_KWH_PER_KM),
                note: "kWh/km an assumption: 4.5 g CO2/km ÷ the UK's 2021 grid (0.21233 kg/kWh), × the country's \
                       grid; the rider's food is left out"
                    .into(),
                ..factor.clone()
            });
        }
        match (&self.grid, self.grid_kg_per_kwh, factor.kwh_per_km) {
            (Some(grid), _, Some(_)) => factor.on_grid(grid),
            (None, Some(v), Some(_)) => factor.grid("gridKgPerKwh", v),
            _ => Ok(factor.clone()),
        }
    }

    pub(crate) fn get(&self, id: &str) -> Result<&Factor> {
        self.table.get("factors", id)
    }

    /// The electricity sites use: the `grid` or `gridKgPerKwh` given, else `uk-grid-2025`.
    pub(crate) fn electricity(&self) -> Result<Factor> {
        match (&self.grid, self.grid_kg_per_kwh) {
            (Some(grid), _) => Ok(grid.clone()),
            (None, Some(v)) => Ok(Factor {
                label: format!("Grid electricity at {} kg CO2e/kWh", Plain(v)),
                kg_per_unit: v,
                parts: FactorParts::Split { ttw: 0.0, wtt: v },
                desnz_rows: Vec::new(),
                desnz_wording: Vec::new(),
                source: "override".into(),
                note: "gridKgPerKwh, as given".into(),
                ..self.get(crate::factors::UK_GRID)?.clone()
            }),
            (None, None) => Ok(self.get(crate::factors::UK_GRID)?.clone()),
        }
    }

    /// `amount` (in the factor's unit: km, tonne-km or kWh) with `factor`: kg CO2e through the emission model, kWh
    /// or litres where known.
    pub(crate) fn leg(
        &self,
        (element, name): (Element, &'static str),
        factor: &Factor,
        amount: f64,
        shopper: bool,
    ) -> Result<Leg> {
        let km = if matches!(factor.unit, Unit::VehicleKm | Unit::PassengerKm) { amount } else { 0.0 };
        let e = emission(&EmissionInput {
            activity: Some(amount),
            activity_unit: Some(factor.unit.as_str().into()),
            energy: None,
            factor: factor.emission_factor(),
        })?;
        let mut trace = e.trace;
        let kwh = if factor.unit == Unit::Kwh {
            Some(amount)
        } else {
            factor.kwh_per_km.map(|k| {
                trace.push(
                    Term::new(format!("kwhPerKm ({})", factor.id), k, "kWh/km").with_source(Some(&factor.source)),
                );
                k * km
            })
        };
        let fuel = if factor.id.starts_with("diesel-") {
            Some("diesel-fuel")
        } else if factor.id.starts_with("petrol-") {
            Some("petrol-fuel")
        } else {
            None
        };
        let litres = match (fuel, e.ttw_kg) {
            (Some(fuel), Some(ttw_kg)) => match self.get(fuel)?.parts {
                FactorParts::Split { ttw, .. } if ttw > 0.0 => {
                    let f = self.get(fuel)?;
                    trace.push(
                        Term::new(format!("ttw ({fuel})"), ttw, "kg CO2e/litre").with_source(Some(&f.citation())),
                    );
                    let litres = ttw_kg / ttw;
                    if !litres.is_finite() {
                        // Only a tiny override of the fuel's TTW can do this.
                        return Err(Error::overflow(format!("factors.{fuel}.ttw")));
                    }
                    Some(litres)
                }
                _ => None,
            },
            _ => None,
        };
        Ok(Leg {
            element,
            name,
            factor: factor.id,
            shopper,
            km,
            tonne_km: (factor.unit == Unit::TonneKm).then_some(amount),
            kg_co2e: e.kg_co2e,
            ttw_kg: e.ttw_kg,
            wtt_kg: e.wtt_kg,
            kwh,
            litres: litres.filter(|_| fuel.is_some()),
            fuel: fuel.filter(|_| litres.is_some()),
            trace,
        })
    }
}

/// A scenario's km, fuel and ratios from its legs at the central settings, with its priced figures.
fn scenario(
    id: &'static str,
    (trips, min_rounds): (usize, Option<usize>),
    parcels: f64,
    legs: Vec<Leg>,
    p: Priced,
) -> Result<Scenario> {
    // + 0.0: an empty sum is −0 in Rust.
    let sum = |f: &dyn Fn(&Leg) -> f64| legs.iter().map(f).sum::<f64>() + 0.0;
    let split = |f: &dyn Fn(&Leg) -> Option<f64>| {
        let kg: Option<f64> = legs.iter().map(f).sum();
        kg.map(|kg| if p.central > 0.0 { kg / p.central * p.median } else { 0.0 })
    };
    let vehicle_km = sum(&|l| if l.shopper { 0.0 } else { l.km });
    let fuel = |name: &str| sum(&|l| if l.fuel == Some(name) { l.litres.unwrap_or(0.0) } else { 0.0 });
    // None when the vehicles drove no km, or so few (every order a hair from the depot) that the ratio overflows.
    let parcels_per_vehicle_km = if vehicle_km > 0.0 {
        match efficiency(&EfficiencyInput {
            output: parcels,
            input: vehicle_km,
            output_unit: Some("parcels".into()),
            input_unit: Some("vehicle-km".into()),
        }) {
            Ok(e) => Some(e.value),
            Err(e) if e.code() == Code::Overflow => None,
            Err(e) => return Err(e),
        }
    } else {
        None
    };
    let (saving_percent, saving_range, saving_clear) = match p.saving {
        Some((m, r, clear)) => (Some(m), Some(r), clear),
        None => (None, None, false),
    };
    Ok(Scenario {
        id,
        trips,
        min_rounds,
        vehicle_km,
        shopper_km: sum(&|l| if l.shopper { l.km } else { 0.0 }),
        kwh: sum(&|l| l.kwh.unwrap_or(0.0)),
        diesel_litres: fuel("diesel-fuel"),
        petrol_litres: fuel("petrol-fuel"),
        kg_co2e: p.median,
        range: p.range,
        central_kg: p.central,
        ttw_kg: split(&|l| l.ttw_kg),
        wtt_kg: split(&|l| l.wtt_kg),
        parcels_per_vehicle_km,
        g_co2e_per_parcel: p.median * 1000.0 / parcels,
        saving_percent,
        saving_range,
        saving_clear,
        sensitivity: p.sensitivity,
        saving_sensitivity: p.saving_sensitivity,
        legs,
    })
}

/// A setting's term: `input` when the caller gave it, else where the default comes from.
fn setting(name: &str, value: f64, unit: &str, given: bool, default_source: &str) -> Term {
    Term::new(name, value, unit).with_source(Some(if given { "input" } else { default_source }))
}

/// Compares dedicated trips, consolidated rounds, pickup points and cargo bikes for the same orders.
///
/// ```
/// use green_delivery::consolidation::{consolidate, ConsolidateInput, LatLon, Orders};
/// let mut orders = Orders::default();
/// for i in 0..20 {
///     orders.push(51.50 + 0.002 * i as f64, -0.12, 1.0, None, None);
/// }
/// let input = ConsolidateInput { orders, depot: Some(LatLon { lat: 51.45, lon: -0.12 }), ..Default::default() };
/// let result = consolidate(&input).unwrap();
/// let [dedicated, consolidated, ..] = &result.scenarios[..] else { unreachable!() };
/// assert!(consolidated.vehicle_km < dedicated.vehicle_km);
/// assert_eq!(result.baseline, "standard"); // savings against a carrier's typical round
/// assert!(consolidated.range.low <= consolidated.kg_co2e && consolidated.kg_co2e <= consolidated.range.high);
/// // Well-to-wheel is tank-to-wheel plus well-to-tank (each a share of the median; equal to within rounding).
/// let wtw = consolidated.ttw_kg.unwrap() + consolidated.wtt_kg.unwrap();
/// assert!((consolidated.kg_co2e - wtw).abs() <= 1e-12 * wtw);
/// ```
pub fn consolidate(input: &ConsolidateInput) -> Result<Consolidation> {
    consolidate_with_progress(input, &mut |_| Ok(()))
}

/// Where [`consolidate_with_progress`] is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// `vans` (the consolidated rounds), `pickup` (placing the points and their rounds), `bikes` (the cargo
    /// bikes' rounds), `pricing`, then `done`.
    pub phase: &'static str,
    /// The share of the whole call done, 0 to 1, never decreasing: an estimate from the planner's work counts.
    pub fraction: f64,
}

/// The share of [`consolidate`] each phase starts at (the rest before the next): the vans' rounds build the
/// neighbour lists the bikes' rounds reuse, so they take longest.
const PHASES: [(&str, f64); 5] = [("vans", 0.02), ("pickup", 0.5), ("bikes", 0.55), ("pricing", 0.95), ("done", 1.0)];

/// Passes progress on when the phase changes or the fraction has moved by 1/200 since the last report, so the
/// caller hears about 200 times per call at most.
struct Reporter<'a> {
    callback: &'a mut dyn FnMut(Progress) -> Result<()>,
    last: Progress,
}

impl Reporter<'_> {
    /// `share` (0 to 1) of phase `phase` (an index into [`PHASES`]) is done.
    fn report(&mut self, phase: usize, share: f64) -> Result<()> {
        let (name, from) = PHASES[phase];
        let to = PHASES.get(phase + 1).map_or(1.0, |p| p.1);
        let fraction = (from + (to - from) * share.clamp(0.0, 1.0)).max(self.last.fraction);
        if name != self.last.phase || fraction >= self.last.fraction + 0.005 || (fraction == 1.0 && share >= 1.0) {
            self.last = Progress { phase: name, fraction };
            (self.callback)(self.last)?;
        }
        Ok(())
    }
}

/// [`consolidate`], reporting its progress to `progress` (a few hundred times at most, whatever the size). An
/// error from `progress` stops the work and is returned (the JS binding maps a throwing `onProgress` to code
/// `aborted`).
pub fn consolidate_with_progress(
    input: &ConsolidateInput,
    progress: &mut dyn FnMut(Progress) -> Result<()>,
) -> Result<Consolidation> {
    let mut reporter = Reporter { callback: progress, last: Progress { phase: "", fraction: 0.0 } };
    let c = Checked::new(input)?;
    reporter.report(0, 0.0)?;
    let planned = plan_rounds(&c, &mut reporter)?;
    reporter.report(3, 0.0)?;
    let scenarios = price_scenarios(&c, &planned)?;
    let result = report(&c, planned, scenarios);
    reporter.report(4, 1.0)?;
    Ok(result)
}

/// `consolidate`'s input, checked (everything is checked before anything heavy runs), with its defaults filled in.
struct Checked<'a> {
    input: &'a ConsolidateInput,
    orders: &'a Orders,
    depot: LatLon,
    capacity: f64,
    /// The central road factor the rounds are measured with.
    road: f64,
    factors: Factors,
    modes: Modes,
    settings: Settings,
    area_from: &'static str,
    baseline: &'static str,
    pickup: &'a PickupOptions,
    shares: Shares,
    locations: Option<Vec<LatLon>>,
    bike_capacity: f64,
    hub: LatLon,
    seed: u32,
    effort: Effort,
    /// The orders as `[lat, lon]` pairs, and the local plane they fit on.
    flat: Vec<f64>,
    plane: LocalPlane,
    /// The area of the orders' convex hull on that plane, km² (for the carrier's area and the pickup points).
    hull_km2: f64,
    /// Each order's [`cos_lat`] and great-circle km from the depot.
    cos_lats: Vec<f64>,
    depot_km: Vec<f64>,
}

impl<'a> Checked<'a> {
    fn new(input: &'a ConsolidateInput) -> Result<Self> {
        // Everything is checked before anything heavy runs.
        let orders = &input.orders;
        orders.check()?;
        let depot = input.depot.ok_or_else(|| Error::required("depot"))?.check("depot")?;
        let country = Country::parse(input.country.as_deref())?;
        // Each order's latitude cosine and distance from the depot, found once: the scenarios measure from them.
        let cos_lats: Vec<f64> = orders.lat.iter().map(|&lat| cos_lat(lat)).collect();
        let depot_cos = cos_lat(depot.lat);
        let mut depot_km = Vec::with_capacity(orders.len());
        for (i, (&lat, &lon)) in orders.lat.iter().zip(&orders.lon).enumerate() {
            let km = haversine_cos_km(depot.lat, depot.lon, depot_cos, lat, lon, cos_lats[i]);
            // The field's name is formatted only for an order out of reach (formatting one per order took about
            // 0.1 s of `consolidate` at a million orders in wasm).
            if km > limits::MAX_ROAD_KM {
                super::check_road_reach(&format!("orders[{i}]"), km)?;
            }
            depot_km.push(km);
        }
        let capacity = within("capacity", input.capacity.unwrap_or(DEFAULT_CAPACITY), 1.0, limits::MAX_CAPACITY)?;
        // k-means runs on one local plane; say so in terms of the orders.
        let flat: Vec<f64> = orders.lat.iter().zip(&orders.lon).flat_map(|(&a, &b)| [a, b]).collect();
        let plane = LocalPlane::around(&flat).map_err(|e| match e {
            Error::Invalid { reason, code, .. } => {
                Error::new(code, "orders", reason.replace("the geo metric", "consolidation"))
            }
            other => other,
        })?;
        let baseline = super::pricing::baseline(input.baseline.as_deref(), &SCENARIO_IDS, "scenario")?;
        // The carrier's area: given, or from the orders' parcels per km² of their hull.
        let hull_km2 = hull_km2(&flat, plane);
        let (area, area_from) = match input.area {
            Some(area) => (area, "input"),
            None => (infer_area(orders.total_parcels(), hull_km2), "density"),
        };
        let mut settings = Settings::new(area, &country, &input.settings)?;
        let road = settings.central()[Id::RoadFactor];
        let factors = Factors::new(&input.factors, input.grid.as_deref(), input.grid_kg_per_kwh, &country)?;
        let pickup = &input.pickup;
        let bike_options = &input.cargo_bike;
        let modes = Modes::new(
            &factors,
            ("vehicle", input.vehicle.as_deref().unwrap_or("diesel-van")),
            ("pickup.car", pickup.car.as_deref().unwrap_or("petrol-car")),
            ("cargoBike.vehicle", bike_options.vehicle.as_deref().unwrap_or("e-cargo-bike")),
        )?;
        modes.fit(&mut settings, factors.country_grid());
        let shares = check_shares(pickup.shares)?;
        if pickup.shares.is_some() {
            settings.know(Id::PickupCarShare, shares.car, Some("pickup.shares"));
        }
        // Weights, when every order has one, set the parcels' mass and which of them a bike can take.
        if let Some(w) = orders.weight_kg.as_ref().filter(|w| w.iter().all(|v| !v.is_nan())) {
            let total = orders.total_parcels();
            let bikeable: f64 =
                w.iter().zip(&orders.parcels).filter(|(kg, n)| **kg / **n <= BIKE_MAX_PARCEL_KG).map(|(_, n)| n).sum();
            settings.know(Id::ParcelKg, w.iter().sum::<f64>() / total, Some("the orders' weights"));
            settings.know(
                Id::BikeableShare,
                bikeable / total,
                Some("the orders' weights, up to 25 kg by bike (assumption)"),
            );
        }
        if let Some(km) = pickup.distance_km {
            within("pickup.distanceKm", km, 0.0, limits::MAX_PICKUP_KM)?;
        }
        let locations = match &pickup.locations {
            Some(_) if pickup.points.is_some() => {
                return Err(Error::new(Code::Conflict, "pickup.points", "give points or locations, not both"));
            }
            Some(l) if l.is_empty() => return Err(Error::invalid("pickup.locations", "no locations")),
            Some(l) => Some(
                l.iter()
                    .enumerate()
                    .map(|(i, p)| p.check(&format!("pickup.locations[{i}]")))
                    .collect::<Result<Vec<_>>>()?,
            ),
            None => None,
        };
        let n = orders.len();
        if let Some(p) = pickup.points {
            within("pickup.points", p as f64, 1.0, n as f64)?;
        }
        let bike_capacity = within(
            "cargoBike.capacity",
            bike_options.capacity.unwrap_or(DEFAULT_BIKE_CAPACITY),
            1.0,
            limits::MAX_BIKE_CAPACITY,
        )?;
        let hub = match bike_options.hub {
            Some(hub) => hub.check("cargoBike.hub")?,
            None => weighted_centre(orders, &cos_lats),
        };
        let seed = input.seed.unwrap_or(1);
        check_trips(&orders.parcels, capacity, "capacity")?;
        check_trips(&orders.parcels, bike_capacity, "cargoBike.capacity")?;
        Ok(Checked {
            input,
            orders,
            depot,
            capacity,
            road,
            factors,
            modes,
            settings,
            area_from,
            baseline,
            pickup,
            shares,
            locations,
            bike_capacity,
            hub,
            seed,
            effort: input.effort.unwrap_or_default(),
            flat,
            plane,
            hull_km2,
            cos_lats,
            depot_km,
        })
    }

    /// Full van loads from the depot to the micro-hub.
    fn trunk_trips(&self) -> f64 {
        (self.orders.total_parcels() / self.capacity).ceil()
    }

    /// 2 × the road km from `from` (whose [`cos_lat`] is `from_cos`) to order `i`.
    fn there_and_back(&self, from: LatLon, from_cos: f64, i: usize) -> f64 {
        let (lat, lon) = (self.orders.lat[i], self.orders.lon[i]);
        2.0 * haversine_cos_km(from.lat, from.lon, from_cos, lat, lon, self.cos_lats[i]) * self.road
    }
}

/// The planned and routed rounds of the three scenarios that have rounds, and where the pickup points are.
struct Planned {
    /// The consolidated vans' rounds.
    rounds: Vec<Route>,
    pickup_points: Vec<PickupPoint>,
    /// Each order's pickup point.
    pickup_of: Vec<u32>,
    /// Shoppers' one-way km to their points, all orders.
    one_way: f64,
    /// The vans' rounds to the pickup points.
    van_rounds: Vec<Route>,
    bike_rounds: Vec<Route>,
}

/// Plans and routes the rounds: the consolidated vans', the pickup points' (after placing the points) and the
/// cargo bikes' (which reuse the vans' neighbour lists).
fn plan_rounds(c: &Checked, reporter: &mut Reporter) -> Result<Planned> {
    let (lat, lon, parcels) = (&c.orders.lat[..], &c.orders.lon[..], &c.orders.parcels[..]);
    let mut planner = Grouper::new(lat, lon, c.effort, c.seed).knowing_plane(c.plane);
    // For measuring the rounds kept as planned (no polish): each order's latitude, longitude and latitude cosine.
    let orders_at: Option<Vec<[f64; 3]>> = (!c.effort.polishes(lat.len()))
        .then(|| lat.iter().zip(lon).zip(&c.cos_lats).map(|((&a, &b), &cos)| [a, b, cos]).collect());
    let orders_at = orders_at.as_deref();
    let rounds =
        routed(&mut planner, c.depot, parcels, c.capacity, c.road, orders_at, &mut |share| reporter.report(0, share))?;

    reporter.report(1, 0.0)?;
    // Pickup points: place them, send each order to its nearest, serve the points in rounds.
    let (points, pickup_of) = match &c.locations {
        Some(l) => {
            let centres: Vec<f64> = l.iter().flat_map(|p| [p.lat, p.lon]).collect();
            let labels = nearest_points(&c.flat, &centres, c.plane)?;
            (l.clone(), labels)
        }
        None => {
            // No more points than distinct order locations (two points at one address serve no one better), and
            // within k-means' work limit.
            // k-means counts points × k × (2 columns + a distance's overhead) × iterations against its limit.
            let per_point = (2.0 + kmeans::limits::DISTANCE_OVERHEAD) * PICKUP_MAX_ITER as f64;
            let affordable = ((kmeans::limits::MAX_WORK / (c.orders.len() as f64 * per_point)) as usize).max(1);
            let wanted = c.pickup.points.unwrap_or_else(|| default_pickup_points(c.hull_km2)).min(affordable);
            let k = distinct_up_to(&c.flat, wanted);
            place_pickup_points(&c.flat, parcels, k, c.plane, planner.hilbert_order_on(c.plane))?
        }
    };
    let mut pickup_points: Vec<PickupPoint> =
        points.iter().map(|p| PickupPoint { lat: p.lat, lon: p.lon, orders: 0, parcels: 0.0 }).collect();
    let mut one_way = 0.0;
    let points_cos: Vec<f64> = points.iter().map(|p| cos_lat(p.lat)).collect();
    for (i, &p) in pickup_of.iter().enumerate() {
        let point = &mut pickup_points[p as usize];
        point.orders += 1;
        point.parcels += parcels[i];
        let p = p as usize;
        one_way += c.pickup.distance_km.unwrap_or_else(|| c.there_and_back(points[p], points_cos[p], i) / 2.0);
    }
    let served: Vec<&PickupPoint> = pickup_points.iter().filter(|p| p.orders > 0).collect();
    let (plat, plon, pparcels): (Vec<f64>, Vec<f64>, Vec<f64>) = (
        served.iter().map(|p| p.lat).collect(),
        served.iter().map(|p| p.lon).collect(),
        served.iter().map(|p| p.parcels).collect(),
    );
    let van_rounds = routed(
        &mut Grouper::new(&plat, &plon, c.effort, c.seed),
        c.depot,
        &pparcels,
        c.capacity,
        c.road,
        None,
        &mut |share| reporter.report(1, 0.5 + 0.5 * share),
    )?;

    let bike_rounds = routed(&mut planner, c.hub, parcels, c.bike_capacity, c.road, orders_at, &mut |share| {
        reporter.report(2, share)
    })?;
    Ok(Planned { rounds, pickup_points, pickup_of, one_way, van_rounds, bike_rounds })
}

/// What the planned rounds drove, for the scenarios' chains.
fn merchant(c: &Checked, p: &Planned) -> Merchant {
    let km = |rounds: &[Route]| rounds.iter().map(|r| r.km).sum::<f64>();
    let o = c.orders;
    let mut dedicated_km = 0.0;
    let mut parcel_gc_km = 0.0;
    for i in 0..o.len() {
        // (As `there_and_back` from the depot gives it.)
        dedicated_km += (o.parcels[i] / c.capacity).ceil() * (2.0 * c.depot_km[i] * c.road);
        parcel_gc_km += o.parcels[i] * c.depot_km[i];
    }
    Merchant {
        parcels: o.total_parcels(),
        road: c.road,
        parcel_gc_km,
        dedicated_km,
        consolidated_km: km(&p.rounds),
        pickup_van_km: km(&p.van_rounds),
        pickup_one_way_km: p.one_way,
        pickup_km_given: c.pickup.distance_km.is_some(),
        cycle_share: c.shares.cycle,
        trunk_km: c.trunk_trips() * 2.0 * haversine_km(c.depot.lat, c.depot.lon, c.hub.lat, c.hub.lon) * c.road,
        bike_km: km(&p.bike_rounds),
    }
}

/// Every scenario priced through the engine, with its legs at the central settings.
fn price_scenarios(c: &Checked, p: &Planned) -> Result<Vec<Scenario>> {
    let m = merchant(c, p);
    let b = SCENARIOS.iter().position(|s| s.id == c.baseline).unwrap_or(4);
    let priced = engine::price(&c.settings, SCENARIOS.len(), b, |v, out| {
        for (kg, s) in out.iter_mut().zip(&SCENARIOS) {
            *kg = 0.0;
            (s.chain)(v, &m, &mut |part: Part| *kg += c.modes.kg(&part, v));
        }
    });
    let central = c.settings.central();
    let total = m.parcels;
    let fewest = |capacity: f64| Some((total / capacity).ceil() as usize);
    let dedicated_trips = c.orders.parcels.iter().map(|&q| (q / c.capacity).ceil() as usize).sum();
    let carrier_trips = (total / central[Id::RoundParcels]).ceil() as usize;
    let trunk_trips = c.trunk_trips() as usize;
    let trips = [
        (dedicated_trips, None),
        (p.rounds.len(), fewest(c.capacity)),
        (p.van_rounds.len(), fewest(c.capacity)),
        (trunk_trips + p.bike_rounds.len(), fewest(c.bike_capacity).map(|r| r + trunk_trips)),
        (carrier_trips, None),
        (carrier_trips, None),
    ];
    SCENARIOS
        .iter()
        .zip(priced)
        .zip(trips)
        .map(|((s, priced), trips)| {
            let mut parts = Vec::new();
            (s.chain)(&central, &m, &mut |part: Part| parts.push(part));
            let legs = parts.iter().map(|part| c.modes.leg(&c.factors, part, &central)).collect::<Result<Vec<_>>>()?;
            scenario(s.id, trips, total, legs, priced)
        })
        .collect()
}

/// Parcels per km² of the orders' hull from which their area counts as urban (an assumption: a merchant's own
/// parcels are a small share of a carrier's, so even a few per km² mean a dense area).
pub const URBAN_PARCELS_PER_KM2: f64 = 5.0;
/// … and under which it counts as rural (an assumption).
pub const RURAL_PARCELS_PER_KM2: f64 = 0.2;

/// The carrier's area from the orders' parcel density over their convex hull (km²), by the two thresholds above.
pub fn infer_area(parcels: f64, hull_km2: f64) -> Area {
    let density = if hull_km2 > 0.0 { parcels / hull_km2 } else { f64::INFINITY };
    if density >= URBAN_PARCELS_PER_KM2 {
        Area::Urban
    } else if density < RURAL_PARCELS_PER_KM2 {
        Area::Rural
    } else {
        Area::Suburban
    }
}

/// The result: the priced scenarios, the settings used (each with its source), and the plan for maps.
fn report(c: &Checked, planned: Planned, scenarios: Vec<Scenario>) -> Consolidation {
    let (input, pickup, shares) = (c.input, c.pickup, c.shares);
    let pickup_points = planned.pickup_points;
    let shares_given = pickup.shares.is_some();
    let mut plan_settings = vec![
        setting("capacity", c.capacity, "parcels/round", input.capacity.is_some(), ROUND_SOURCE),
        setting(
            "pickup.points",
            pickup_points.len() as f64,
            "points",
            pickup.points.is_some() || pickup.locations.is_some(),
            "one per π·(2 km)² of the orders' convex hull (assumption)",
        ),
        setting("pickup.shares.cycle", shares.cycle, "share", shares_given, ASSUMPTION),
        setting(
            "cargoBike.capacity",
            c.bike_capacity,
            "parcels/round",
            input.cargo_bike.capacity.is_some(),
            ASSUMPTION,
        ),
        setting("seed", f64::from(c.seed), "", input.seed.is_some(), "default"),
    ];
    if let Some(km) = pickup.distance_km {
        plan_settings.push(setting("pickup.distanceKm", km, "km", true, ""));
    }
    let moved: Vec<&str> =
        scenarios.iter().flat_map(|s| s.sensitivity.iter().chain(&s.saving_sensitivity).map(|x| x.setting)).collect();
    let used = c.settings.used(&moved);
    Consolidation {
        orders: c.orders.len(),
        parcels: c.orders.total_parcels(),
        weight_kg: c.orders.total_weight_kg(),
        scenarios,
        baseline: c.baseline,
        variants: ConsolidationVariants {
            area: c.settings.area,
            area_from: c.area_from,
            country: c.settings.country.code,
            country_proxy: !c.settings.country.covered(),
        },
        boundary: orders_boundary(),
        pickup_points,
        hub: c.hub,
        settings: c.settings.report(&used),
        plan_settings,
        plan: Plan { depot: c.depot, rounds: planned.rounds, pickup_of: planned.pickup_of },
    }
}

/// Capacity-aware rounds of the stops of `planner`, each routed from `from`; the planning's progress goes to
/// `progress` (0 to 1).
/// `points`, when given, is each stop's latitude, longitude and [`cos_lat`] together, for measuring the rounds kept
/// as planned ([`route_planned_with`]).
fn routed(
    planner: &mut Grouper,
    from: LatLon,
    parcels: &[f64],
    capacity: f64,
    road: f64,
    points: Option<&[[f64; 3]]>,
    progress: &mut dyn FnMut(f64) -> Result<()>,
) -> Result<Vec<Route>> {
    if parcels.is_empty() {
        return Ok(Vec::new());
    }
    let (lat, lon) = (planner.lat(), planner.lon());
    let rounds = planner.group(from.pair(), parcels, capacity, progress)?;
    if planner.effort().polishes(lat.len()) {
        return Ok(rounds.iter().map(|r| route_in_order(from.pair(), lat, lon, &r.stops, road)).collect());
    }
    Ok(match points {
        Some(p) => rounds.into_iter().map(|r| route_planned_with(from.pair(), lat, lon, p, r.stops, road)).collect(),
        None => rounds.iter().map(|r| route_as_planned(from.pair(), lat, lon, &r.stops, road)).collect(),
    })
}

/// At most this many trips: more would take minutes and gigabytes, and means the capacity is far too small.
const MAX_TRIPS: f64 = 1e6;

/// Rejects a capacity so small for the parcels that the trips could not be listed.
fn check_trips(parcels: &[f64], capacity: f64, field: &str) -> Result<()> {
    let trips: f64 = parcels.iter().map(|p| (p / capacity).ceil()).sum();
    if trips > MAX_TRIPS {
        return Err(Error::invalid(
            field,
            format!("{capacity} parcels per round would need {trips} trips; at most {MAX_TRIPS} are listed"),
        ));
    }
    Ok(())
}

fn check_shares(shares: Option<Shares>) -> Result<Shares> {
    let Some(s) = shares else { return Ok(DEFAULT_SHARES) };
    at_least("pickup.shares.walk", s.walk, 0.0)?;
    at_least("pickup.shares.cycle", s.cycle, 0.0)?;
    at_least("pickup.shares.car", s.car, 0.0)?;
    let sum = s.walk + s.cycle + s.car;
    if (sum - 1.0).abs() > 1e-9 {
        return Err(Error::invalid(
            "pickup.shares",
            format!("walk + cycle + car must add up to 1, got {}", Plain((sum * 1e9).round() / 1e9)),
        ));
    }
    Ok(s)
}

/// The orders' parcel-weighted centre, as the mean of their points on the unit sphere (`cos_lats`: each order's
/// [`cos_lat`]).
fn weighted_centre(orders: &Orders, cos_lats: &[f64]) -> LatLon {
    let mut s = [0.0; 3];
    for (((&lat, &lon), &w), &cos_la) in orders.lat.iter().zip(&orders.lon).zip(&orders.parcels).zip(cos_lats) {
        let (la, lo) = (lat.to_radians(), lon.to_radians());
        s[0] += w * cos_la * lo.cos();
        s[1] += w * cos_la * lo.sin();
        s[2] += w * la.sin();
    }
    LatLon { lat: s[2].atan2(s[0].hypot(s[1])).to_degrees(), lon: s[1].atan2(s[0]).to_degrees() }
}

/// The area of the convex hull of `[lat, lon]` pairs on `plane`, km².
fn hull_km2(flat: &[f64], plane: LocalPlane) -> f64 {
    let xy: Vec<[f64; 2]> = flat.chunks_exact(2).map(|p| plane.project(p[0], p[1])).collect();
    area_perimeter(&convex_hull(&xy)).0
}

/// One pickup point per disc of radius [`REFERENCE_PICKUP_KM`] over the orders' convex hull (`hull_km2`), at
/// least 1.
fn default_pickup_points(hull_km2: f64) -> usize {
    ((hull_km2 / (PI * REFERENCE_PICKUP_KM * REFERENCE_PICKUP_KM)).ceil() as usize).max(1)
}

/// `k` pickup points by weighted k-means (weights = parcels) on the local plane, started from k runs of equal
/// parcels along a Hilbert curve (a cheap, spread-out start: k-means++ would cost O(n·k·log k) here); returns the
/// points and each order's point.
/// `order`, when given, is the orders' [`hilbert_order`] on `plane` (the vans' planning found it already: at a
/// million orders, finding it again took about 0.15 s in wasm).
fn place_pickup_points(
    flat: &[f64],
    parcels: &[f64],
    k: usize,
    plane: LocalPlane,
    order: Option<&[usize]>,
) -> Result<(Vec<LatLon>, Vec<u32>)> {
    let xy: Vec<[f64; 2]> = flat.chunks_exact(2).map(|p| plane.project(p[0], p[1])).collect();
    let total: f64 = parcels.iter().sum();
    let mut sums = vec![[0.0; 3]; k];
    let mut seen = 0.0;
    let found;
    let order = match order {
        Some(o) => o,
        None => {
            found = hilbert_order(&xy);
            &found
        }
    };
    for &i in order {
        // The run this order falls in, by the parcels before it.
        let run = ((seen / total * k as f64) as usize).min(k - 1);
        let w = parcels[i];
        seen += w;
        sums[run] = [sums[run][0] + w * xy[i][0], sums[run][1] + w * xy[i][1], sums[run][2] + w];
    }
    let init: Vec<f64> =
        sums.iter().flat_map(|s| if s[2] > 0.0 { [s[0] / s[2], s[1] / s[2]] } else { [0.0, 0.0] }).collect();
    let init = Array2::from_shape_vec((k, 2), init).map_err(|e| Error::invalid("pickup.points", e.to_string()))?;
    let flat_xy: Vec<f64> = xy.iter().flatten().copied().collect();
    let points =
        ArrayView2::from_shape((xy.len(), 2), &flat_xy).map_err(|e| Error::invalid("orders", e.to_string()))?;
    let fit = KMeansParams::new(k)
        .init(Init::Centroids(init))
        .max_iter(PICKUP_MAX_ITER)
        .fit(points, Some(ArrayView1::from(parcels)))?;
    let centres = fit
        .centroids
        .rows()
        .into_iter()
        .map(|c| plane.unproject(c[0], c[1]))
        .map(|[lat, lon]| LatLon { lat, lon })
        .collect();
    Ok((centres, fit.labels))
}

/// Each point's nearest of `centres` (both `[lat, lon]` rows), measured on `plane`.
fn nearest_points(flat: &[f64], centres: &[f64], plane: LocalPlane) -> Result<Vec<u32>> {
    let shape = |v: &[f64]| (v.len() / 2, 2);
    let points = ArrayView2::from_shape(shape(flat), flat).map_err(|e| Error::invalid("orders", e.to_string()))?;
    let c = ArrayView2::from_shape(shape(centres), centres)
        .map_err(|e| Error::invalid("pickup.locations", e.to_string()))?;
    kmeans::predict(points, c, Metric::Geo, Some(plane))
}
