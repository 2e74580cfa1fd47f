//! The pricing half of [`consolidate`](super::consolidate): the carriers' baselines (`standard`, `nextDay`), failed
//! first attempts on every home delivery, the saving against the chosen baseline, and each scenario's range.
//!
//! It reads only the routed scenarios' legs (their km) and the orders, so it does not depend on how rounds are
//! planned.
//!
//! | scenario | vehicle km |
//! |---|---|
//! | `standard` (default baseline) | Σ parcels × (2·Sᵢ + D) / R: each parcel's share of a carrier's typical round, Sᵢ the road km from the depot to order i |
//! | `nextDay` | Σ parcels × (2·Sᵢ + D·√(Rₙ/R)) / Rₙ: an express round with Rₙ parcels over the same area |
//!
//! Home deliveries (`dedicated`, `consolidated`, `cargoBike`, `standard`, `nextDay`) add failed first attempts: a
//! `redelivery` leg (the rate × the redelivered share of the last leg's km) and a `collection` leg (the shoppers'
//! car km fetching the rest). `pickup` has none.

use serde::Deserialize;

use super::estimates::{
    self, saving, spread, with_failures, Failures, Range, Sensitivity, Uncertain, BIKE_FOOD_KG_PER_KM, BIKE_SOURCE,
    EMISSIONS, SAVINGS, SHAHMOHAMMADI,
};
use super::options::van_setting;
use super::scenarios::{scenario, Factors, Scenario, Shares};
use super::{limits, LatLon, Orders, ROAD_SOURCE};
use crate::error::{within, Code, Error, Result};
use crate::factors::Factor;
use crate::geo::haversine_km;
use crate::trace::Term;

/// The scenario ids, in the order they are listed.
pub const SCENARIO_IDS: [&str; 6] = ["dedicated", "consolidated", "pickup", "cargoBike", "standard", "nextDay"];

/// A carrier's rounds, for the `standard` and `nextDay` baselines.
#[derive(Debug, Clone, Copy, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CarrierOptions {
    /// R, 1 to 100,000; default 100 (Shahmohammadi et al. 2020: 32 / 100 / 168).
    pub parcels_per_round: Option<f64>,
    /// Rₙ, 1 to 100,000; default 50 (assumption, 32–100).
    pub next_day_parcels_per_round: Option<f64>,
    /// D, 0 to 10,000 km; default 45 (Shahmohammadi et al. 2020: 11.9 / 45 / 96).
    pub drop_km: Option<f64>,
}

/// What the pricing needs from `consolidate`.
pub(crate) struct Context<'a> {
    pub orders: &'a Orders,
    pub depot: LatLon,
    pub road: f64,
    pub road_given: bool,
    pub distance_given: bool,
    pub shares: Shares,
    pub shares_given: bool,
    pub factors: &'a Factors,
    pub vehicle_id: &'a str,
    pub vehicle: &'a Factor,
    pub bike: &'a Factor,
    pub car: &'a Factor,
    pub walk: &'a Factor,
    pub cycle: &'a Factor,
    pub carrier: CarrierOptions,
    pub failures: Failures,
    pub baseline: Option<&'a str>,
}

mod at {
    pub const VAN: usize = 0;
    pub const ROAD: usize = 1;
    pub const R: usize = 2;
    pub const D: usize = 3;
    pub const RN: usize = 4;
    pub const CAR_SHARE: usize = 5;
    pub const BIKE: usize = 6;
    pub const FAIL: usize = 7;
}

/// Adds the baselines and failures to the four routed scenarios, then the savings and ranges. Returns the
/// scenarios in [`SCENARIO_IDS`] order, the baseline's id, and the settings used.
pub(crate) fn price(c: &Context, routed: Vec<Scenario>) -> Result<(Vec<Scenario>, &'static str, Vec<Term>)> {
    let baseline = match c.baseline {
        None => "standard",
        Some(id) => SCENARIO_IDS.iter().copied().find(|s| *s == id).ok_or_else(|| {
            Error::new(
                Code::UnknownId,
                "baseline",
                format!("unknown scenario `{id}`, expected one of {}", SCENARIO_IDS.join(", ")),
            )
        })?,
    };
    let capacity = |field: &str, v: Option<f64>| v.map(|v| within(field, v, 1.0, limits::MAX_CAPACITY)).transpose();
    let r = capacity("carrier.parcelsPerRound", c.carrier.parcels_per_round)?;
    let rn = capacity("carrier.nextDayParcelsPerRound", c.carrier.next_day_parcels_per_round)?;
    let d = c.carrier.drop_km.map(|d| within("carrier.dropKm", d, 0.0, limits::MAX_DROP_KM)).transpose()?;
    let failures = c.failures.settings("failures.")?;

    let van_setting = van_setting(c.vehicle_id, &c.vehicle.source);
    let road_setting = if c.road_given {
        Uncertain::exact("roadFactor", 1.0, "× road km", "input")
    } else {
        Uncertain {
            name: "roadFactor",
            central: 1.0,
            low: estimates::ROAD_FACTOR.1 / c.road,
            high: estimates::ROAD_FACTOR.2 / c.road,
            unit: "× road km",
            source: ROAD_SOURCE,
        }
    };
    let car_share = if c.shares_given || c.shares.cycle + estimates::PICKUP_CAR_SHARE.2 > 1.0 {
        Uncertain::exact("pickup.shares.car", c.shares.car, "share", "input")
    } else {
        let (_, lo, hi) = estimates::PICKUP_CAR_SHARE;
        Uncertain {
            name: "pickup.shares.car",
            central: c.shares.car,
            low: lo,
            high: hi,
            unit: "share",
            source: "assumption (walk takes the rest)",
        }
    };
    let bike_setting = if c.bike.id == "e-cargo-bike" && c.bike.source != "override" {
        Uncertain {
            name: "bikeFactor",
            central: c.bike.kg_per_unit,
            low: c.bike.kg_per_unit,
            high: c.bike.kg_per_unit + BIKE_FOOD_KG_PER_KM,
            unit: "kg CO2e/km",
            source: BIKE_SOURCE,
        }
    } else {
        Uncertain::exact("bikeFactor", c.bike.kg_per_unit, "kg CO2e/km", "factor table")
    };
    let settings = [
        van_setting,
        road_setting,
        Uncertain::given_or("carrier.parcelsPerRound", r, estimates::PARCELS_PER_ROUND, "parcels/round", SHAHMOHAMMADI),
        Uncertain::given_or("carrier.dropKm", d, estimates::DROP_KM, "km/round", SHAHMOHAMMADI),
        Uncertain::given_or(
            "carrier.nextDayParcelsPerRound",
            rn,
            estimates::NEXT_DAY_PARCELS_PER_ROUND,
            "parcels/round",
            "assumption",
        ),
        car_share,
        bike_setting,
        failures[0],
        failures[1],
        failures[2],
        failures[3],
    ];

    // The routed scenarios' km, read from their legs.
    let km = |s: &Scenario, leg: &str| s.legs.iter().filter(|l| l.name == leg).map(|l| l.km).sum::<f64>();
    let [dedicated, consolidated, pickup, cargo] =
        <[Scenario; 4]>::try_from(routed).map_err(|_| Error::invalid("scenarios", "expected four routed scenarios"))?;
    let (ded_km, con_km, pv_km, trunk_km, bike_km) = (
        km(&dedicated, "vans"),
        km(&consolidated, "vans"),
        km(&pickup, "vans"),
        km(&cargo, "trunk"),
        km(&cargo, "bikes"),
    );
    let shopper_km = pickup.shopper_km;
    let (lat, lon, parcels) = (&c.orders.lat, &c.orders.lon, &c.orders.parcels);
    let total = c.orders.total_parcels();
    let stem2: f64 = (0..lat.len())
        .map(|i| parcels[i] * 2.0 * haversine_km(c.depot.lat, c.depot.lon, lat[i], lon[i]) * c.road)
        .sum();
    let (van, car, walk, cycle) = (c.vehicle.kg_per_unit, c.car.kg_per_unit, c.walk.kg_per_unit, c.cycle.kg_per_unit);
    let shares_cycle = c.shares.cycle;
    let distance_given = c.distance_given;
    let eval = |v: &[f64], out: &mut [f64]| {
        let (van, rs) = (van * v[at::VAN], v[at::ROAD]);
        let f = [v[at::FAIL], v[at::FAIL + 1], v[at::FAIL + 2], v[at::FAIL + 3]];
        let home = |kg: f64| with_failures(kg, kg, total, f, car);
        let (r, d, rn, cs) = (v[at::R], v[at::D], v[at::RN], v[at::CAR_SHARE]);
        let shopper = shopper_km * if distance_given { 1.0 } else { rs };
        out[0] = home(van * ded_km * rs);
        out[1] = home(van * con_km * rs);
        out[2] = van * pv_km * rs + shopper * (walk * (1.0 - shares_cycle - cs) + cycle * shares_cycle + car * cs);
        out[3] = van * trunk_km * rs + home(v[at::BIKE] * bike_km * rs);
        out[4] = home(van * (stem2 * rs + total * d) / r);
        out[5] = home(van * (stem2 * rs + total * d * (rn / r).sqrt()) / rn);
        let b = SCENARIO_IDS.iter().position(|s| *s == baseline).unwrap_or(4);
        for j in 0..6 {
            out[6 + j] = saving(out[b], out[j]);
        }
    };
    let mut bounds = [EMISSIONS; 12];
    bounds[6..].fill(SAVINGS);
    let (central, ranges, mut sens) = spread(&settings, &bounds, eval);

    // The scenarios at the central values, with their legs.
    let v: Vec<f64> = settings.iter().map(|s| s.central).collect();
    let [rate, collect, collect_km, collect_car] = [v[at::FAIL], v[at::FAIL + 1], v[at::FAIL + 2], v[at::FAIL + 3]];
    let (r, d, rn) = (v[at::R], v[at::D], v[at::RN]);
    let collection_km = total * rate * collect * 2.0 * collect_km * collect_car;
    let home = |s: Scenario, redo: &'static str, factor: &Factor| -> Result<Scenario> {
        let mut legs = s.legs;
        let redo_km: f64 = legs.iter().filter(|l| l.name == redo).map(|l| l.km).sum();
        if rate > 0.0 && collect < 1.0 {
            legs.push(c.factors.leg("redelivery", factor, rate * (1.0 - collect) * redo_km, false)?);
        }
        if collection_km > 0.0 {
            legs.push(c.factors.leg("collection", c.car, collection_km, true)?);
        }
        scenario(s.id, s.label, (s.trips, s.min_rounds), total, legs)
    };
    let carrier = |id, label, n: f64, drop: f64| -> Result<Scenario> {
        let round_km = (stem2 + total * drop) / n;
        let s = scenario(
            id,
            label,
            ((total / n).ceil() as usize, None),
            total,
            vec![c.factors.leg("vans", c.vehicle, round_km, false)?],
        )?;
        home(s, "vans", c.vehicle)
    };
    let mut scenarios = vec![
        home(Scenario { label: "Same-day courier (dedicated trips)", ..dedicated }, "vans", c.vehicle)?,
        home(consolidated, "vans", c.vehicle)?,
        pickup,
        home(cargo, "bikes", c.bike)?,
        carrier("standard", "Standard carrier delivery", r, d)?,
        carrier("nextDay", "Next-day / express carrier rounds", rn, d * (rn / r).sqrt())?,
    ];
    let b = SCENARIO_IDS.iter().position(|s| *s == baseline).unwrap_or(4);
    let base_kg = scenarios[b].kg_co2e;
    for (j, s) in scenarios.iter_mut().enumerate() {
        s.saving_percent = Some(saving(base_kg, s.kg_co2e)).filter(|p| p.is_finite());
        s.range = ranges[j].map_or(Range { low: s.kg_co2e, high: s.kg_co2e }, |r| Range {
            low: (s.kg_co2e - (central[j] - r.low)).max(0.0),
            high: s.kg_co2e + (r.high - central[j]),
        });
        s.sensitivity = std::mem::take(&mut sens[j]);
        s.saving_range = ranges[6 + j].filter(|_| s.saving_percent.is_some());
        if j == b {
            // The baseline against itself: exactly 0, not a spread of rounding noise (-4e-14).
            s.saving_range = s.saving_range.map(|_| Range { low: 0.0, high: 0.0 });
        }
        if s.saving_percent.is_some() {
            s.saving_sensitivity = std::mem::take(&mut sens[6 + j]);
        }
    }
    let terms = settings
        .iter()
        .filter(|s| {
            !matches!(s.name, "roadFactor" | "pickup.shares.car") && (s.name != "vehicleFactor" || s.has_range())
        })
        .map(Uncertain::term)
        .collect();
    Ok((scenarios, baseline, terms))
}

/// Empty until [`price`] fills them in.
pub(crate) fn unpriced() -> (Range, Vec<Sensitivity>, Option<Range>) {
    (Range { low: 0.0, high: 0.0 }, Vec::new(), None)
}
