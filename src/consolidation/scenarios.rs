//! The four scenarios of [`consolidate`] (see the [module docs](super) for what each one drives and the defaults).

use std::collections::BTreeMap;
use std::f64::consts::PI;

use ndarray::{Array2, ArrayView1, ArrayView2};
use serde::{Deserialize, Serialize};

use super::plan::Effort;
use super::rounds::{distinct_up_to, hilbert_order, Grouper};
use super::routing::{area_perimeter, convex_hull, route_as_planned, route_in_order, Route};
use super::{
    limits, LatLon, Orders, ASSUMPTION, DEFAULT_BIKE_CAPACITY, DEFAULT_CAPACITY, DEFAULT_ROAD_FACTOR,
    REFERENCE_PICKUP_KM, ROAD_SOURCE, ROUND_SOURCE,
};
use crate::error::{at_least, within, Code, Error, Result};
use crate::factors::{Factor, FactorOverride, FactorTable, Unit};
use crate::geo::{haversine_km, LocalPlane};
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
    /// Road km per great-circle km, 1 to 3 ([`limits::ROAD_FACTOR`]); default 1.3.
    pub road_factor: Option<f64>,
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
    /// The carrier's rounds of the `standard` and `nextDay` baselines.
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub carrier: super::baselines::CarrierOptions,
    /// Failed first attempts of home deliveries.
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub failures: super::estimates::Failures,
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
    pub pickup_points: Vec<PickupPoint>,
    pub hub: LatLon,
    /// The settings used, each with its source (`input`, or where the default comes from).
    pub settings: Vec<Term>,
    #[serde(skip)]
    pub plan: Plan,
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
    pub label: &'static str,
    /// Vehicle trips from the depot or hub.
    pub trips: usize,
    /// The fewest trips that could carry the parcels (⌈parcels / capacity⌉ per leg of rounds); `None` for
    /// `dedicated`, whose trips are one per order by definition.
    pub min_rounds: Option<usize>,
    /// Delivery vehicles' km (vans and bikes).
    pub vehicle_km: f64,
    /// Shoppers' own km to and from pickup points, all modes.
    pub shopper_km: f64,
    /// Electricity used by vehicles with a known kWh/km.
    pub kwh: f64,
    pub diesel_litres: f64,
    pub petrol_litres: f64,
    /// Well-to-wheel.
    pub kg_co2e: f64,
    /// `None` when a factor has no TTW/WTT split (an override given as one number).
    pub ttw_kg: Option<f64>,
    pub wtt_kg: Option<f64>,
    /// Parcels per delivery-vehicle km (`None` when the vehicles drove no km, every order at the depot, or so few
    /// that the ratio is not a finite number).
    pub parcels_per_vehicle_km: Option<f64>,
    pub g_co2e_per_parcel: f64,
    /// (baseline − this) / baseline × 100; `None` (null) when the baseline is 0 kg or the quotient is not finite.
    pub saving_percent: Option<f64>,
    /// Low and high kg CO2e ([`super::estimates`]).
    pub range: super::estimates::Range,
    /// The settings that move `kgCo2e`, largest swing first.
    pub sensitivity: Vec<super::estimates::Sensitivity>,
    /// Low and high of `savingPercent`.
    pub saving_range: Option<super::estimates::Range>,
    /// The settings that move `savingPercent`, largest swing first.
    pub saving_sensitivity: Vec<super::estimates::Sensitivity>,
    pub legs: Vec<Leg>,
}

/// One kind of travel in a scenario, priced with one factor.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Leg {
    /// `vans`, `trunk`, `bikes`, `walk`, `cycle` or `car`.
    pub name: &'static str,
    pub factor: &'static str,
    /// Whether this is shoppers' travel (else delivery vehicles').
    pub shopper: bool,
    pub km: f64,
    pub kg_co2e: f64,
    pub ttw_kg: Option<f64>,
    pub wtt_kg: Option<f64>,
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
}

impl Factors {
    pub(crate) fn new(
        overrides: &BTreeMap<String, FactorOverride>,
        grid: Option<&str>,
        grid_kg_per_kwh: Option<f64>,
    ) -> Result<Self> {
        let table = FactorTable::with_overrides(overrides.iter().map(|(k, v)| (k.as_str(), *v)))?;
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
            (None, None) => None,
        };
        Ok(Factors { table, grid, grid_kg_per_kwh })
    }

    /// A vehicle-km factor by id, re-based on the grid when it is electric; errors name `field`.
    pub(crate) fn vehicle(&self, field: &str, id: &str) -> Result<Factor> {
        let factor = self.table.get(field, id)?;
        if factor.unit != Unit::VehicleKm {
            return Err(Error::invalid(field, format!("`{id}` is per {}, not a vehicle", factor.unit.as_str())));
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

    /// `km` with `factor`: kg CO2e through the emission model, kWh or litres where known.
    pub(crate) fn leg(&self, name: &'static str, factor: &Factor, km: f64, shopper: bool) -> Result<Leg> {
        let e = emission(&EmissionInput {
            activity: Some(km),
            activity_unit: Some(factor.unit.as_str().into()),
            energy: None,
            factor: factor.emission_factor(),
        })?;
        let mut trace = e.trace;
        let kwh = factor.kwh_per_km.map(|k| {
            trace.push(Term::new(format!("kwhPerKm ({})", factor.id), k, "kWh/km").with_source(Some(&factor.source)));
            k * km
        });
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
            name,
            factor: factor.id,
            shopper,
            km,
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

/// A scenario from its legs; `saving_percent` is filled in against the baseline afterwards.
pub(super) fn scenario(
    id: &'static str,
    label: &'static str,
    (trips, min_rounds): (usize, Option<usize>),
    parcels: f64,
    legs: Vec<Leg>,
) -> Result<Scenario> {
    let sum = |f: &dyn Fn(&Leg) -> f64| legs.iter().map(f).sum::<f64>();
    let split = |f: &dyn Fn(&Leg) -> Option<f64>| legs.iter().map(f).sum::<Option<f64>>();
    let vehicle_km = sum(&|l| if l.shopper { 0.0 } else { l.km });
    let kg_co2e = sum(&|l| l.kg_co2e);
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
    let (range, sensitivity, saving_range) = super::baselines::unpriced();
    Ok(Scenario {
        id,
        label,
        trips,
        min_rounds,
        vehicle_km,
        shopper_km: sum(&|l| if l.shopper { l.km } else { 0.0 }),
        kwh: sum(&|l| l.kwh.unwrap_or(0.0)),
        diesel_litres: fuel("diesel-fuel"),
        petrol_litres: fuel("petrol-fuel"),
        kg_co2e,
        ttw_kg: split(&|l| l.ttw_kg),
        wtt_kg: split(&|l| l.wtt_kg),
        parcels_per_vehicle_km,
        g_co2e_per_parcel: kg_co2e * 1000.0 / parcels,
        saving_percent: None,
        range,
        sensitivity,
        saving_range,
        saving_sensitivity: Vec::new(),
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
/// assert_eq!(consolidated.kg_co2e, consolidated.ttw_kg.unwrap() + consolidated.wtt_kg.unwrap());
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
    let routed = routed_scenarios(&c, &planned)?;
    reporter.report(3, 0.0)?;
    let (scenarios, baseline, pricing) = price_scenarios(&c, routed)?;
    let result = report(&c, planned, scenarios, baseline, pricing);
    reporter.report(4, 1.0)?;
    Ok(result)
}

/// `consolidate`'s input, checked (everything is checked before anything heavy runs), with its defaults filled in.
struct Checked<'a> {
    input: &'a ConsolidateInput,
    orders: &'a Orders,
    depot: LatLon,
    capacity: f64,
    road: f64,
    factors: Factors,
    vehicle: Factor,
    pickup: &'a PickupOptions,
    shares: Shares,
    car: Factor,
    walk: Factor,
    cycle: Factor,
    locations: Option<Vec<LatLon>>,
    bike_capacity: f64,
    bike: Factor,
    hub: LatLon,
    seed: u32,
    effort: Effort,
    /// The orders as `[lat, lon]` pairs, and the local plane they fit on.
    flat: Vec<f64>,
    plane: LocalPlane,
}

impl<'a> Checked<'a> {
    fn new(input: &'a ConsolidateInput) -> Result<Self> {
        // Everything is checked before anything heavy runs.
        let orders = &input.orders;
        orders.check()?;
        let depot = input.depot.ok_or_else(|| Error::required("depot"))?.check("depot")?;
        let capacity = within("capacity", input.capacity.unwrap_or(DEFAULT_CAPACITY), 1.0, limits::MAX_CAPACITY)?;
        let (road_min, road_max) = limits::ROAD_FACTOR;
        let road = within("roadFactor", input.road_factor.unwrap_or(DEFAULT_ROAD_FACTOR), road_min, road_max)?;
        let factors = Factors::new(&input.factors, input.grid.as_deref(), input.grid_kg_per_kwh)?;
        let vehicle = factors.vehicle("vehicle", input.vehicle.as_deref().unwrap_or("diesel-van"))?;
        let pickup = &input.pickup;
        let shares = check_shares(pickup.shares)?;
        let car = factors.vehicle("pickup.car", pickup.car.as_deref().unwrap_or("petrol-car"))?;
        let walk = factors.get("walk")?.clone();
        let cycle = factors.get("cycle")?.clone();
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
        let bike_options = &input.cargo_bike;
        let bike_capacity = within(
            "cargoBike.capacity",
            bike_options.capacity.unwrap_or(DEFAULT_BIKE_CAPACITY),
            1.0,
            limits::MAX_BIKE_CAPACITY,
        )?;
        let bike = factors.vehicle("cargoBike.vehicle", bike_options.vehicle.as_deref().unwrap_or("e-cargo-bike"))?;
        let hub = match bike_options.hub {
            Some(hub) => hub.check("cargoBike.hub")?,
            None => weighted_centre(orders),
        };
        let seed = input.seed.unwrap_or(1);
        check_trips(&orders.parcels, capacity, "capacity")?;
        check_trips(&orders.parcels, bike_capacity, "cargoBike.capacity")?;
        // k-means runs on one local plane; say so in terms of the orders.
        let flat: Vec<f64> = orders.lat.iter().zip(&orders.lon).flat_map(|(&a, &b)| [a, b]).collect();
        let plane = LocalPlane::around(&flat).map_err(|e| match e {
            Error::Invalid { reason, code, .. } => {
                Error::new(code, "orders", reason.replace("the geo metric", "consolidation"))
            }
            other => other,
        })?;
        Ok(Checked {
            input,
            orders,
            depot,
            capacity,
            road,
            factors,
            vehicle,
            pickup,
            shares,
            car,
            walk,
            cycle,
            locations,
            bike_capacity,
            bike,
            hub,
            seed,
            effort: input.effort.unwrap_or_default(),
            flat,
            plane,
        })
    }

    /// 2 × the road km from `from` to order `i`.
    fn there_and_back(&self, from: LatLon, i: usize) -> f64 {
        2.0 * haversine_km(from.lat, from.lon, self.orders.lat[i], self.orders.lon[i]) * self.road
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
    let mut planner = Grouper::new(lat, lon, c.effort, c.seed);
    let rounds = routed(&mut planner, c.depot, parcels, c.capacity, c.road, &mut |share| reporter.report(0, share))?;

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
            let affordable = ((kmeans::limits::MAX_WORK / c.orders.len() as f64) as usize).max(1);
            let wanted = c.pickup.points.unwrap_or_else(|| default_pickup_points(&c.flat, c.plane)).min(affordable);
            let k = distinct_up_to(&c.flat, wanted);
            place_pickup_points(&c.flat, parcels, k, c.plane)?
        }
    };
    let mut pickup_points: Vec<PickupPoint> =
        points.iter().map(|p| PickupPoint { lat: p.lat, lon: p.lon, orders: 0, parcels: 0.0 }).collect();
    let mut one_way = 0.0;
    for (i, &p) in pickup_of.iter().enumerate() {
        let point = &mut pickup_points[p as usize];
        point.orders += 1;
        point.parcels += parcels[i];
        one_way += c.pickup.distance_km.unwrap_or_else(|| c.there_and_back(points[p as usize], i) / 2.0);
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
        &mut |share| reporter.report(1, 0.5 + 0.5 * share),
    )?;

    let bike_rounds =
        routed(&mut planner, c.hub, parcels, c.bike_capacity, c.road, &mut |share| reporter.report(2, share))?;
    Ok(Planned { rounds, pickup_points, pickup_of, one_way, van_rounds, bike_rounds })
}

/// The four routed scenarios, from their km: dedicated trips, consolidated rounds, pickup points, cargo bikes.
fn routed_scenarios(c: &Checked, p: &Planned) -> Result<Vec<Scenario>> {
    let (factors, vehicle, capacity) = (&c.factors, &c.vehicle, c.capacity);
    let total = c.orders.total_parcels();
    let fewest = |capacity: f64| Some((total / capacity).ceil() as usize);
    let km = |rounds: &[Route]| rounds.iter().map(|r| r.km).sum::<f64>();

    // Dedicated: every order its own trip (or trips, when it is bigger than a round).
    let mut dedicated_km = 0.0;
    let mut dedicated_trips = 0;
    for (i, &parcels) in c.orders.parcels.iter().enumerate() {
        let trips = (parcels / capacity).ceil();
        dedicated_km += trips * c.there_and_back(c.depot, i);
        dedicated_trips += trips as usize;
    }
    let dedicated = scenario(
        "dedicated",
        "Dedicated trips (express)",
        (dedicated_trips, None),
        total,
        vec![factors.leg("vans", vehicle, dedicated_km, false)?],
    )?;

    let consolidated = scenario(
        "consolidated",
        "Consolidated rounds",
        (p.rounds.len(), fewest(capacity)),
        total,
        vec![factors.leg("vans", vehicle, km(&p.rounds), false)?],
    )?;

    let shopper = |share: f64| 2.0 * p.one_way * share;
    let pickup = scenario(
        "pickup",
        "Pickup points",
        (p.van_rounds.len(), fewest(capacity)),
        total,
        vec![
            factors.leg("vans", vehicle, km(&p.van_rounds), false)?,
            factors.leg("walk", &c.walk, shopper(c.shares.walk), true)?,
            factors.leg("cycle", &c.cycle, shopper(c.shares.cycle), true)?,
            factors.leg("car", &c.car, shopper(c.shares.car), true)?,
        ],
    )?;

    // Cargo bikes: full van loads to the hub, then bike rounds from it.
    let trunk_trips = (total / capacity).ceil();
    let trunk_km = trunk_trips * 2.0 * haversine_km(c.depot.lat, c.depot.lon, c.hub.lat, c.hub.lon) * c.road;
    let cargo_bike = scenario(
        "cargoBike",
        "Cargo bikes from a micro-hub",
        (trunk_trips as usize + p.bike_rounds.len(), fewest(c.bike_capacity).map(|b| b + trunk_trips as usize)),
        total,
        vec![
            factors.leg("trunk", vehicle, trunk_km, false)?,
            factors.leg("bikes", &c.bike, km(&p.bike_rounds), false)?,
        ],
    )?;
    Ok(vec![dedicated, consolidated, pickup, cargo_bike])
}

/// The carriers' baselines, failed first attempts, savings and ranges ([`super::baselines`]).
fn price_scenarios(c: &Checked, routed: Vec<Scenario>) -> Result<(Vec<Scenario>, &'static str, Vec<Term>)> {
    let input = c.input;
    super::baselines::price(
        &super::baselines::Context {
            orders: c.orders,
            depot: c.depot,
            road: c.road,
            road_given: input.road_factor.is_some(),
            distance_given: c.pickup.distance_km.is_some(),
            shares: c.shares,
            shares_given: c.pickup.shares.is_some(),
            factors: &c.factors,
            vehicle_id: input.vehicle.as_deref().unwrap_or("diesel-van"),
            vehicle: &c.vehicle,
            bike: &c.bike,
            car: &c.car,
            walk: &c.walk,
            cycle: &c.cycle,
            carrier: input.carrier,
            failures: input.failures,
            baseline: input.baseline.as_deref(),
        },
        routed,
    )
}

/// The result: the priced scenarios, the settings used (each with its source), and the plan for maps.
fn report(
    c: &Checked,
    planned: Planned,
    scenarios: Vec<Scenario>,
    baseline: &'static str,
    pricing: Vec<Term>,
) -> Consolidation {
    let (input, pickup, shares) = (c.input, c.pickup, c.shares);
    let (capacity, road, bike_capacity, seed) = (c.capacity, c.road, c.bike_capacity, c.seed);
    let bike_options = &input.cargo_bike;
    let pickup_points = planned.pickup_points;
    let shares_given = pickup.shares.is_some();
    let mut settings = vec![
        setting("capacity", capacity, "parcels/round", input.capacity.is_some(), ROUND_SOURCE),
        setting("roadFactor", road, "road km/great-circle km", input.road_factor.is_some(), ROAD_SOURCE),
        setting(
            "pickup.points",
            pickup_points.len() as f64,
            "points",
            pickup.points.is_some() || pickup.locations.is_some(),
            "one per π·(2 km)² of the orders' convex hull (assumption)",
        ),
        setting("pickup.shares.walk", shares.walk, "share", shares_given, ASSUMPTION),
        setting("pickup.shares.cycle", shares.cycle, "share", shares_given, ASSUMPTION),
        setting("pickup.shares.car", shares.car, "share", shares_given, ASSUMPTION),
        setting("cargoBike.capacity", bike_capacity, "parcels/round", bike_options.capacity.is_some(), ASSUMPTION),
        setting("seed", f64::from(seed), "", input.seed.is_some(), "default"),
    ];
    if let Some(km) = pickup.distance_km {
        settings.push(setting("pickup.distanceKm", km, "km", true, ""));
    }
    settings.extend(pricing);
    Consolidation {
        orders: c.orders.len(),
        parcels: c.orders.total_parcels(),
        weight_kg: c.orders.total_weight_kg(),
        scenarios,
        baseline,
        pickup_points,
        hub: c.hub,
        settings,
        plan: Plan { depot: c.depot, rounds: planned.rounds, pickup_of: planned.pickup_of },
    }
}

/// Capacity-aware rounds of the stops of `planner`, each routed from `from`; the planning's progress goes to
/// `progress` (0 to 1).
fn routed(
    planner: &mut Grouper,
    from: LatLon,
    parcels: &[f64],
    capacity: f64,
    road: f64,
    progress: &mut dyn FnMut(f64) -> Result<()>,
) -> Result<Vec<Route>> {
    if parcels.is_empty() {
        return Ok(Vec::new());
    }
    let (lat, lon) = (planner.lat(), planner.lon());
    let rounds = planner.group(from.pair(), parcels, capacity, progress)?;
    let route = if planner.effort().polishes(lat.len()) { route_in_order } else { route_as_planned };
    Ok(rounds.iter().map(|r| route(from.pair(), lat, lon, &r.stops, road)).collect())
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
            format!("walk + cycle + car must add up to 1, got {}", (sum * 1e9).round() / 1e9),
        ));
    }
    Ok(s)
}

/// The orders' parcel-weighted centre, as the mean of their points on the unit sphere.
fn weighted_centre(orders: &Orders) -> LatLon {
    let mut s = [0.0; 3];
    for ((&lat, &lon), &w) in orders.lat.iter().zip(&orders.lon).zip(&orders.parcels) {
        let (la, lo) = (lat.to_radians(), lon.to_radians());
        s[0] += w * la.cos() * lo.cos();
        s[1] += w * la.cos() * lo.sin();
        s[2] += w * la.sin();
    }
    LatLon { lat: s[2].atan2(s[0].hypot(s[1])).to_degrees(), lon: s[1].atan2(s[0]).to_degrees() }
}

/// One pickup point per disc of radius [`REFERENCE_PICKUP_KM`] over the orders' convex hull, at least 1.
fn default_pickup_points(flat: &[f64], plane: LocalPlane) -> usize {
    let xy: Vec<[f64; 2]> = flat.chunks_exact(2).map(|p| plane.project(p[0], p[1])).collect();
    let (area, _) = area_perimeter(&convex_hull(&xy));
    ((area / (PI * REFERENCE_PICKUP_KM * REFERENCE_PICKUP_KM)).ceil() as usize).max(1)
}

/// `k` pickup points by weighted k-means (weights = parcels) on the local plane, started from k runs of equal
/// parcels along a Hilbert curve (a cheap, spread-out start: k-means++ would cost O(n·k·log k) here); returns the
/// points and each order's point.
fn place_pickup_points(flat: &[f64], parcels: &[f64], k: usize, plane: LocalPlane) -> Result<(Vec<LatLon>, Vec<u32>)> {
    let xy: Vec<[f64; 2]> = flat.chunks_exact(2).map(|p| plane.project(p[0], p[1])).collect();
    let total: f64 = parcels.iter().sum();
    let mut sums = vec![[0.0; 3]; k];
    let mut seen = 0.0;
    for i in hilbert_order(&xy) {
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
