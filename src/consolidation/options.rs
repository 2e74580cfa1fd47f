//! One parcel at checkout: the g CO2e of each way of getting it to one shopper, in constant time.
//!
//! A checkout widget calls this on every page view, so nothing is clustered or routed. Each option is priced from
//! the reference sheet's typical UK round (Shahmohammadi et al. 2020, Environ. Sci. Technol. 54(6), Table 3):
//! R = 100 parcels per round (32–168), D = 45 drop km per round (11.9–96; driving between stops), and a stem S each
//! way from the depot to the round: the road distance from the merchant's depot to the shopper when the depot is
//! known (great-circle km × road factor), else the sheet's geometric mean, 17.87 km. All can be overridden.
//!
//! | option | vehicle km for this parcel | shopper km |
//! |---|---|---|
//! | `sameDayCourier` | 2·S: a dedicated trip (was `express` before 0.2) | failures |
//! | `nextDay` | (2·S + D·√(Rₙ/R)) / Rₙ: a round of Rₙ = 50 parcels (assumption, 32–100) over the same area | failures |
//! | `standard` (default baseline) | (2·S + D) / R: its share of a typical carrier round | failures |
//! | `consolidated` | (2·S + D·√(R꜀/R)) / R꜀: a fixed delivery day fills rounds to R꜀ = 168 (assumption, 100–168) | failures |
//! | `pickupWalk` | (2·S + D/√s) / R | 2 × 2 km on foot |
//! | `pickupCar` | (2·S + D/√s) / R | 2 × 2 km by car |
//! | `cargoBike` | 2·S / R by van to a hub in the area, then D / R by e-cargo bike | failures |
//!
//! A round with fewer (or more) drops over the same area drives √(n/R) of the drop km (Beardwood–Halton–
//! Hammersley: a tour through n points in an area is ∝ √n). Pickup rounds drop s parcels per stop (default 10, an
//! assumption, 5–30), so their drop km shrink by √s. The bike rides at the van's drop density, so it drives the
//! van's drop km per parcel (D / R), and its hub is in the area, so its own stem is left out. The shopper's 2 km
//! each way to a pickup point is the sheet's most likely distance (1–5); the trip is made for this parcel alone.
//!
//! Home deliveries (every option but the pickup points) fail first time at a rate f (IMRG: 4.65%, 2.77–10%). A
//! share c of failed parcels (0.5, assumption) is fetched by the shopper, 2 × 5 km (assumption), by car for a share
//! of 0.4 (assumption); the rest is redelivered, repeating the vehicle km of the last leg. See
//! [`estimates`](super::estimates) for every range and how they are combined.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::estimates::{
    self, saving, spread, with_failures, Failures, Range, Sensitivity, Uncertain, BIKE_FOOD_KG_PER_KM, BIKE_SOURCE,
    EMISSIONS, SAVINGS, SHAHMOHAMMADI, VAN_CLASS_SOURCE,
};
use super::scenarios::{Factors, Leg};
use super::{limits, LatLon, REFERENCE_STEM_KM, ROAD_SOURCE, ROUND_SOURCE};
use crate::error::{within, Code, Error, Result};
use crate::factors::FactorOverride;
use crate::geo::haversine_km;
use crate::trace::Term;

/// Default parcels dropped per stop on a pickup-point round (an assumption).
pub const DEFAULT_PARCELS_PER_PICKUP_STOP: f64 = 10.0;

/// The option ids, in the order they are listed.
pub const OPTION_IDS: [&str; 7] =
    ["sameDayCourier", "nextDay", "standard", "consolidated", "pickupWalk", "pickupCar", "cargoBike"];

/// One shopper and the merchant's settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OptionsInput {
    /// Required.
    pub shopper: Option<LatLon>,
    /// The merchant's depot; without it the stem is the reference 17.87 km.
    pub depot: Option<LatLon>,
    /// Vehicle-km factor id of the van; default `diesel-van`.
    pub vehicle: Option<String>,
    /// R, 1 to 100,000 ([`limits::MAX_CAPACITY`]); default 100.
    pub parcels_per_round: Option<f64>,
    /// Rₙ of `nextDay`, 1 to 100,000; default 50 (assumption).
    pub next_day_parcels_per_round: Option<f64>,
    /// R꜀ of `consolidated`, 1 to 100,000; default 168 (assumption).
    pub consolidated_parcels_per_round: Option<f64>,
    /// D, 0 to 10,000 km ([`limits::MAX_DROP_KM`]); default 45.
    pub drop_km: Option<f64>,
    /// S, one way, 0 to 20,000 km ([`limits::MAX_STEM_KM`]); default from the depot, else 17.87.
    pub stem_km: Option<f64>,
    /// Road factor, 1 to 3 ([`limits::ROAD_FACTOR`]); default 1.3.
    pub road_factor: Option<f64>,
    /// One-way km to a pickup point, 0 to 1,000 ([`limits::MAX_PICKUP_KM`]); default 2.
    pub pickup_km: Option<f64>,
    /// s, 1 to 100,000 ([`limits::MAX_CAPACITY`]); default 10.
    pub parcels_per_pickup_stop: Option<f64>,
    /// Failed first attempts of home deliveries.
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub failures: Failures,
    /// The option savings are measured against; default `standard`.
    pub baseline: Option<String>,
    /// Default `petrol-car`.
    pub car: Option<String>,
    /// Default `e-cargo-bike`.
    pub bike: Option<String>,
    pub grid: Option<String>,
    pub grid_kg_per_kwh: Option<f64>,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub factors: BTreeMap<String, FactorOverride>,
}

/// Every option, the baseline, and the settings used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeliveryOptions {
    /// [`OPTION_IDS`], in that order.
    pub options: Vec<DeliveryOption>,
    /// The id savings are measured against.
    pub baseline: &'static str,
    pub settings: Vec<Term>,
}

/// One way of delivering the parcel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryOption {
    pub id: &'static str,
    pub label: &'static str,
    /// Well-to-wheel g CO2e for this parcel.
    pub g_co2e: f64,
    /// Low and high g CO2e (module docs of [`estimates`]).
    pub range: Range,
    /// The settings that move `gCo2e`, largest swing first.
    pub sensitivity: Vec<Sensitivity>,
    /// (baseline − this) / baseline × 100; `None` when the baseline is 0 g.
    pub saving_percent: Option<f64>,
    pub saving_range: Option<Range>,
    pub ttw_g: Option<f64>,
    pub wtt_g: Option<f64>,
    /// Delivery vehicles' km attributed to this parcel, redeliveries included.
    pub vehicle_km: f64,
    /// The shopper's km (expected: failures' collection trips by car count as their share).
    pub shopper_km: f64,
    /// One line for the shopper.
    pub explanation: String,
    pub legs: Vec<Leg>,
}

/// Index of each setting in the values `price` reads.
mod at {
    pub const VAN: usize = 0;
    pub const ROAD: usize = 1;
    pub const R: usize = 2;
    pub const D: usize = 3;
    pub const RN: usize = 4;
    pub const RC: usize = 5;
    pub const PICKUP_KM: usize = 6;
    pub const PER_STOP: usize = 7;
    pub const BIKE: usize = 8;
    pub const FAIL: usize = 9;
}

/// What does not vary: the stem at the central road factor, and the factors in kg per unit.
struct Fixed {
    stem: f64,
    van: f64,
    car: f64,
    walk: f64,
}

/// Grams of each option in [`OPTION_IDS`] order, from the setting values `v`.
fn price(fixed: &Fixed, v: &[f64], g: &mut [f64]) {
    let van = fixed.van * v[at::VAN] * 1000.0;
    let (car, walk, bike) = (fixed.car * 1000.0, fixed.walk * 1000.0, v[at::BIKE] * 1000.0);
    let stem2 = 2.0 * fixed.stem * v[at::ROAD];
    let (r, d) = (v[at::R], v[at::D]);
    let f = [v[at::FAIL], v[at::FAIL + 1], v[at::FAIL + 2], v[at::FAIL + 3]];
    let home = |g: f64| with_failures(g, g, 1.0, f, car);
    let round = |n: f64| (stem2 + d * (n / r).sqrt()) / n;
    let pickup_van = van * (stem2 + d / v[at::PER_STOP].sqrt()) / r;
    g[0] = home(van * stem2);
    g[1] = home(van * round(v[at::RN]));
    g[2] = home(van * round(r));
    g[3] = home(van * round(v[at::RC]));
    g[4] = pickup_van + walk * 2.0 * v[at::PICKUP_KM];
    g[5] = pickup_van + car * 2.0 * v[at::PICKUP_KM];
    let bike_g = bike * d / r;
    g[6] = van * stem2 / r + with_failures(bike_g, bike_g, 1.0, f, car);
}

/// The g CO2e per parcel of each delivery option for one shopper, each with its range.
///
/// ```
/// use green_delivery::consolidation::{delivery_options, LatLon, OptionsInput};
/// let r = delivery_options(&OptionsInput {
///     shopper: Some(LatLon { lat: 51.52, lon: -0.08 }),
///     depot: Some(LatLon { lat: 51.45, lon: -0.2 }),
///     ..Default::default()
/// })
/// .unwrap();
/// let g = |id: &str| r.options.iter().find(|o| o.id == id).unwrap().g_co2e;
/// assert!(g("sameDayCourier") > g("nextDay") && g("nextDay") > g("standard"));
/// assert!(g("pickupWalk") < g("pickupCar")); // walking to the pickup point beats driving there
/// assert_eq!(r.baseline, "standard");
/// for o in &r.options {
///     assert!(o.range.low <= o.g_co2e && o.g_co2e <= o.range.high);
/// }
/// ```
pub fn delivery_options(input: &OptionsInput) -> Result<DeliveryOptions> {
    let shopper = input.shopper.ok_or_else(|| Error::required("shopper"))?.check("shopper")?;
    let depot = input.depot.map(|d| d.check("depot")).transpose()?;
    let (road_min, road_max) = limits::ROAD_FACTOR;
    let road = input.road_factor.map(|r| within("roadFactor", r, road_min, road_max)).transpose()?;
    let capacity = |field: &str, v: Option<f64>| v.map(|v| within(field, v, 1.0, limits::MAX_CAPACITY)).transpose();
    let per_round = capacity("parcelsPerRound", input.parcels_per_round)?;
    let next_day = capacity("nextDayParcelsPerRound", input.next_day_parcels_per_round)?;
    let consolidated_r = capacity("consolidatedParcelsPerRound", input.consolidated_parcels_per_round)?;
    let drop = input.drop_km.map(|d| within("dropKm", d, 0.0, limits::MAX_DROP_KM)).transpose()?;
    let road_central = road.unwrap_or(estimates::ROAD_FACTOR.0);
    let (stem, stem_from_depot) = match (input.stem_km, depot) {
        (Some(km), _) => (within("stemKm", km, 0.0, limits::MAX_STEM_KM)?, false),
        (None, Some(d)) => (haversine_km(d.lat, d.lon, shopper.lat, shopper.lon) * road_central, true),
        (None, None) => (REFERENCE_STEM_KM, false),
    };
    let pickup_km = input.pickup_km.map(|k| within("pickupKm", k, 0.0, limits::MAX_PICKUP_KM)).transpose()?;
    let per_stop = capacity("parcelsPerPickupStop", input.parcels_per_pickup_stop)?;
    let failures = input.failures.settings("failures.")?;
    let factors = Factors::new(&input.factors, input.grid.as_deref(), input.grid_kg_per_kwh)?;
    let van_id = input.vehicle.as_deref().unwrap_or("diesel-van");
    let van = factors.vehicle("vehicle", van_id)?;
    let car = factors.vehicle("car", input.car.as_deref().unwrap_or("petrol-car"))?;
    let bike = factors.vehicle("bike", input.bike.as_deref().unwrap_or("e-cargo-bike"))?;
    let walk = factors.get("walk")?;
    let baseline = match input.baseline.as_deref() {
        None => "standard",
        Some(id) => OPTION_IDS.iter().copied().find(|o| *o == id).ok_or_else(|| {
            Error::new(
                Code::UnknownId,
                "baseline",
                format!("unknown option `{id}`, expected one of {}", OPTION_IDS.join(", ")),
            )
        })?,
    };

    // The settings, each with its range (none when the caller gave it).
    let van_range = van_setting(van_id, &van.source);
    let road_setting = match (road, stem_from_depot) {
        (None, true) => Uncertain {
            name: "roadFactor",
            central: 1.0,
            low: estimates::ROAD_FACTOR.1 / road_central,
            high: estimates::ROAD_FACTOR.2 / road_central,
            unit: "× road km",
            source: ROAD_SOURCE,
        },
        _ => Uncertain::exact("roadFactor", 1.0, "× road km", "input or no depot"),
    };
    let bike_setting = if bike.id == "e-cargo-bike" && bike.source != "override" {
        Uncertain {
            name: "bikeFactor",
            central: bike.kg_per_unit,
            low: bike.kg_per_unit,
            high: bike.kg_per_unit + BIKE_FOOD_KG_PER_KM,
            unit: "kg CO2e/km",
            source: BIKE_SOURCE,
        }
    } else {
        Uncertain::exact("bikeFactor", bike.kg_per_unit, "kg CO2e/km", "factor table")
    };
    let settings = [
        van_range,
        road_setting,
        Uncertain::given_or("parcelsPerRound", per_round, estimates::PARCELS_PER_ROUND, "parcels/round", SHAHMOHAMMADI),
        Uncertain::given_or("dropKm", drop, estimates::DROP_KM, "km/round", SHAHMOHAMMADI),
        Uncertain::given_or(
            "nextDayParcelsPerRound",
            next_day,
            estimates::NEXT_DAY_PARCELS_PER_ROUND,
            "parcels/round",
            "assumption",
        ),
        Uncertain::given_or(
            "consolidatedParcelsPerRound",
            consolidated_r,
            estimates::CONSOLIDATED_PARCELS_PER_ROUND,
            "parcels/round",
            "assumption",
        ),
        Uncertain::given_or("pickupKm", pickup_km, estimates::PICKUP_KM, "km", SHAHMOHAMMADI),
        Uncertain::given_or(
            "parcelsPerPickupStop",
            per_stop,
            estimates::PARCELS_PER_PICKUP_STOP,
            "parcels/stop",
            "assumption",
        ),
        bike_setting,
        failures[0],
        failures[1],
        failures[2],
        failures[3],
    ];
    let fixed = Fixed { stem, van: van.kg_per_unit, car: car.kg_per_unit, walk: walk.kg_per_unit };
    let b = OPTION_IDS.iter().position(|o| *o == baseline).unwrap_or(2);
    let n = OPTION_IDS.len();
    let mut bounds = [EMISSIONS; 14];
    bounds[n..].fill(SAVINGS);
    let (central, ranges, mut sens) = spread(&settings, &bounds, |v, out| {
        let (g, s) = out.split_at_mut(n);
        price(&fixed, v, g);
        for (s, g_i) in s.iter_mut().zip(g.iter()) {
            *s = saving(g[b], *g_i);
        }
    });

    // The legs at the central values: the same arithmetic, with the factors' traces.
    let v: Vec<f64> = settings.iter().map(|s| s.central).collect();
    let (r, d) = (v[at::R], v[at::D]);
    let [rate, collect, collect_km, collect_car] = [v[at::FAIL], v[at::FAIL + 1], v[at::FAIL + 2], v[at::FAIL + 3]];
    let round_km = |n: f64| (2.0 * stem + d * (n / r).sqrt()) / n;
    let pickup_van_km = (2.0 * stem + d / v[at::PER_STOP].sqrt()) / r;
    let shopper_km = 2.0 * v[at::PICKUP_KM];
    let collection_km = rate * collect * 2.0 * collect_km * collect_car;
    // A home delivery: its legs, then a redelivery of the last one and the shopper's collection trip.
    let home = |mut legs: Vec<Leg>, redo: (&crate::factors::Factor, f64)| -> Result<Vec<Leg>> {
        if rate > 0.0 && collect < 1.0 {
            legs.push(factors.leg("redelivery", redo.0, rate * (1.0 - collect) * redo.1, false)?);
        }
        if collection_km > 0.0 {
            legs.push(factors.leg("collection", &car, collection_km, true)?);
        }
        Ok(legs)
    };
    let failure_note = if rate > 0.0 {
        format!(" Counting {} of first attempts that fail: a redelivery, or a trip to fetch it.", percent(rate))
    } else {
        String::new()
    };
    let legs: [(&'static str, &'static str, String, Vec<Leg>); 7] = [
        (
            "sameDayCourier",
            "Same-day courier (dedicated trip)",
            format!("A van drives {:.1} km, depot to your door and back, for this parcel alone.{failure_note}", 2.0 * stem),
            home(vec![factors.leg("vans", &van, 2.0 * stem, false)?], (&van, 2.0 * stem))?,
        ),
        (
            "nextDay",
            "Next-day / express",
            format!(
                "An express round carries fewer parcels ({}) over the same streets: {:.2} km for yours.{failure_note}",
                v[at::RN],
                round_km(v[at::RN])
            ),
            home(vec![factors.leg("vans", &van, round_km(v[at::RN]), false)?], (&van, round_km(v[at::RN])))?,
        ),
        (
            "standard",
            "Standard delivery",
            format!(
                "Your parcel shares a carrier's round of {r} parcels: its share of the {:.0} km round is {:.2} km.{failure_note}",
                2.0 * stem + d,
                round_km(r)
            ),
            home(vec![factors.leg("vans", &van, round_km(r), false)?], (&van, round_km(r)))?,
        ),
        (
            "consolidated",
            "Consolidated day",
            format!(
                "On a fixed delivery day the round is full ({} parcels): {:.2} km for yours.{failure_note}",
                v[at::RC],
                round_km(v[at::RC])
            ),
            home(vec![factors.leg("vans", &van, round_km(v[at::RC]), false)?], (&van, round_km(v[at::RC])))?,
        ),
        (
            "pickupWalk",
            "Pickup point, on foot",
            format!(
                "The van drops {} parcels per stop ({pickup_van_km:.2} km for yours); your {shopper_km:.1} km walk emits nothing.",
                v[at::PER_STOP]
            ),
            vec![factors.leg("vans", &van, pickup_van_km, false)?, factors.leg("walk", walk, shopper_km, true)?],
        ),
        (
            "pickupCar",
            "Pickup point, by car",
            format!("As the pickup point on foot, plus your own {shopper_km:.1} km drive there and back for this parcel."),
            vec![factors.leg("vans", &van, pickup_van_km, false)?, factors.leg("car", &car, shopper_km, true)?],
        ),
        (
            "cargoBike",
            "Cargo bike",
            format!(
                "A full van takes it to a local hub ({:.2} km for yours); an e-cargo bike rides the last {:.2} km.{failure_note}",
                2.0 * stem / r,
                d / r
            ),
            home(
                vec![factors.leg("trunk", &van, 2.0 * stem / r, false)?, factors.leg("bikes", &bike, d / r, false)?],
                (&bike, d / r),
            )?,
        ),
    ];
    let options = legs
        .into_iter()
        .enumerate()
        .map(|(i, (id, label, explanation, legs))| {
            let g = |f: &dyn Fn(&Leg) -> Option<f64>| legs.iter().map(f).sum::<Option<f64>>().map(|kg| kg * 1000.0);
            let g_co2e = legs.iter().map(|l| l.kg_co2e).sum::<f64>() * 1000.0;
            // The range around the legs' sum (which equals `central[i]` to rounding).
            let range = ranges[i].map_or(Range { low: g_co2e, high: g_co2e }, |r| Range {
                low: (g_co2e - (central[i] - r.low)).max(0.0),
                high: g_co2e + (r.high - central[i]),
            });
            DeliveryOption {
                id,
                label,
                g_co2e,
                range,
                sensitivity: std::mem::take(&mut sens[i]),
                saving_percent: central[n + i].is_finite().then_some(central[n + i]),
                // The baseline against itself: exactly 0, not a spread of rounding noise (-4e-14).
                saving_range: if i == b { ranges[n + i].map(|_| Range { low: 0.0, high: 0.0 }) } else { ranges[n + i] },
                ttw_g: g(&|l| l.ttw_kg),
                wtt_g: g(&|l| l.wtt_kg),
                vehicle_km: legs.iter().filter(|l| !l.shopper).map(|l| l.km).sum(),
                shopper_km: legs.iter().filter(|l| l.shopper).map(|l| l.km).sum(),
                explanation,
                legs,
            }
        })
        .collect();
    let stem_source = match (input.stem_km, depot) {
        (Some(_), _) => "input",
        (None, Some(_)) => "great-circle km from depot to shopper × roadFactor",
        (None, None) => ROUND_SOURCE,
    };
    let mut terms = vec![
        Term::new("stemKm", stem, "km").with_source(Some(stem_source)),
        Term::new("roadFactor", road_central, "road km/great-circle km").with_source(Some(if road.is_some() {
            "input"
        } else {
            ROAD_SOURCE
        })),
    ];
    terms.extend(
        settings
            .iter()
            .filter(|s| s.name != "roadFactor" && (s.name != "vehicleFactor" || s.has_range()))
            .map(Uncertain::term),
    );
    Ok(DeliveryOptions { options, baseline, settings: terms })
}

/// A share as a percentage for a sentence: "4.65%".
fn percent(share: f64) -> String {
    format!("{}%", (share * 10000.0).round() / 100.0)
}

/// The `vehicleFactor` setting: a van factor that was not overridden ranges over DESNZ's van size classes; any
/// other factor is taken as given.
pub(crate) fn van_setting(id: &str, source: &str) -> Uncertain {
    match estimates::van_class_multipliers(id).filter(|_| source != "override") {
        Some((low, high)) => Uncertain {
            name: "vehicleFactor",
            central: 1.0,
            low,
            high,
            unit: "× DESNZ average van",
            source: VAN_CLASS_SOURCE,
        },
        None => Uncertain::exact("vehicleFactor", 1.0, "× factor", "factor table"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> Option<LatLon> {
        Some(LatLon { lat, lon })
    }

    fn no_failures() -> Failures {
        Failures { rate: Some(0.0), ..Default::default() }
    }

    #[test]
    fn reference_round_known_answers() {
        // No depot: S = 17.87 km. Diesel van 0.31689 kg/km; petrol car 0.20871 kg/km. No failures.
        let r =
            delivery_options(&OptionsInput { shopper: at(51.5, -0.1), failures: no_failures(), ..Default::default() })
                .unwrap();
        let g = |id: &str| r.options.iter().find(|o| o.id == id).unwrap().g_co2e;
        let van = 0.31689 * 1000.0;
        let close = |a: f64, b: f64| (a / b - 1.0).abs() < 1e-9;
        assert!(close(g("sameDayCourier"), 2.0 * 17.87 * van));
        assert!(close(g("standard"), (2.0 * 17.87 + 45.0) / 100.0 * van));
        assert!(close(g("nextDay"), (2.0 * 17.87 + 45.0 * 0.5f64.sqrt()) / 50.0 * van));
        assert!(close(g("consolidated"), (2.0 * 17.87 + 45.0 * 1.68f64.sqrt()) / 168.0 * van));
        let pickup_van = (2.0 * 17.87 + 45.0 / 10f64.sqrt()) / 100.0 * van;
        assert!(close(g("pickupWalk"), pickup_van));
        assert!(close(g("pickupCar"), pickup_van + 4.0 * 0.20871 * 1000.0));
        assert!(close(g("cargoBike"), 2.0 * 17.87 / 100.0 * van + 0.45 * 4.5));
        for o in &r.options {
            assert!((o.g_co2e - o.ttw_g.unwrap() - o.wtt_g.unwrap()).abs() < 1e-9, "{}", o.id);
            assert!(!o.explanation.is_empty() && !o.explanation.contains('\n'));
        }
    }

    #[test]
    fn failures_add_a_redelivery_share_and_a_collection_trip() {
        let f =
            Failures { rate: Some(0.1), collect_share: Some(0.5), collect_km: Some(5.0), collect_car_share: Some(0.4) };
        let r = delivery_options(&OptionsInput { shopper: at(51.5, -0.1), failures: f, ..Default::default() }).unwrap();
        let o = |id: &str| r.options.iter().find(|o| o.id == id).unwrap();
        let van = 0.31689 * 1000.0;
        let round = (2.0 * 17.87 + 45.0) / 100.0 * van;
        let expected = round * (1.0 + 0.1 * 0.5) + 0.1 * 0.5 * 2.0 * 5.0 * 0.4 * 0.20871 * 1000.0;
        assert!((o("standard").g_co2e / expected - 1.0).abs() < 1e-9);
        // None for pickup points.
        assert!(o("pickupWalk").legs.iter().all(|l| l.name != "redelivery" && l.name != "collection"));
        assert!(o("standard").legs.iter().any(|l| l.name == "collection" && l.shopper));
    }

    #[test]
    fn central_figures_match_the_range_arithmetic_and_lie_in_their_range() {
        for depot in [None, at(51.45, -0.2)] {
            let r = delivery_options(&OptionsInput { shopper: at(51.52, -0.08), depot, ..Default::default() }).unwrap();
            for o in &r.options {
                assert!(o.range.low <= o.g_co2e && o.g_co2e <= o.range.high, "{}: {:?}", o.id, o.range);
                assert!(o.range.low < o.range.high, "{}", o.id);
                let swings: Vec<f64> = o.sensitivity.iter().map(|s| (s.high - s.low).abs()).collect();
                assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{}: {swings:?}", o.id);
                let s = o.saving_range.unwrap();
                let p = o.saving_percent.unwrap();
                assert!(s.low <= p + 1e-9 && p <= s.high + 1e-9, "{}", o.id);
            }
            let standard = r.options.iter().find(|o| o.id == "standard").unwrap();
            assert_eq!(standard.saving_percent, Some(0.0));
            assert_eq!(standard.saving_range, Some(Range { low: 0.0, high: 0.0 }));
        }
    }

    #[test]
    fn given_settings_have_no_range() {
        let exact = OptionsInput {
            shopper: at(51.5, -0.1),
            vehicle: Some("electric-van".into()),
            parcels_per_round: Some(100.0),
            next_day_parcels_per_round: Some(50.0),
            consolidated_parcels_per_round: Some(168.0),
            drop_km: Some(45.0),
            pickup_km: Some(2.0),
            parcels_per_pickup_stop: Some(10.0),
            failures: Failures {
                rate: Some(0.05),
                collect_share: Some(0.5),
                collect_km: Some(5.0),
                collect_car_share: Some(0.4),
            },
            factors: [("e-cargo-bike".to_string(), FactorOverride::total(0.0045))].into(),
            ..Default::default()
        };
        let r = delivery_options(&exact).unwrap();
        for o in &r.options {
            assert_eq!((o.range.low, o.range.high), (o.g_co2e, o.g_co2e), "{}", o.id);
            assert!(o.sensitivity.is_empty());
        }
    }

    #[test]
    fn the_baseline_is_chosen_by_id() {
        let r = delivery_options(&OptionsInput {
            shopper: at(51.5, -0.1),
            baseline: Some("sameDayCourier".into()),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(r.baseline, "sameDayCourier");
        assert!(r.options.iter().find(|o| o.id == "standard").unwrap().saving_percent.unwrap() > 90.0);
        let e = delivery_options(&OptionsInput {
            shopper: at(51.5, -0.1),
            baseline: Some("express".into()),
            ..Default::default()
        })
        .unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::UnknownId, "baseline"));
    }

    #[test]
    fn the_depot_sets_the_stem() {
        let near = delivery_options(&OptionsInput {
            shopper: at(51.5, -0.1),
            depot: at(51.51, -0.1),
            failures: no_failures(),
            ..Default::default()
        })
        .unwrap();
        let expected = 2.0 * haversine_km(51.51, -0.1, 51.5, -0.1) * 1.3;
        assert!((near.options[0].vehicle_km - expected).abs() < 1e-12);
        assert_eq!(near.settings[0].name, "stemKm");
    }

    #[test]
    fn errors_name_the_field() {
        let err = |input: OptionsInput| delivery_options(&input).unwrap_err().to_string();
        assert_eq!(err(OptionsInput::default()), "shopper: required");
        assert_eq!(
            err(OptionsInput { shopper: at(f64::NAN, 0.0), ..Default::default() }),
            "shopper.lat must be a finite number, got NaN"
        );
        assert_eq!(
            err(OptionsInput { shopper: at(0.0, 0.0), parcels_per_round: Some(0.0), ..Default::default() }),
            "parcelsPerRound must be between 1 and 100000, got 0"
        );
        assert!(err(OptionsInput { shopper: at(0.0, 0.0), vehicle: Some("tank".into()), ..Default::default() })
            .starts_with("vehicle: unknown factor id `tank`"));
        assert_eq!(
            err(OptionsInput { shopper: at(0.0, 0.0), car: Some("walk".into()), ..Default::default() }),
            "car: `walk` is per passenger-km, not a vehicle"
        );
    }
}
