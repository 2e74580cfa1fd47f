//! One parcel at checkout: the g CO2e of each way of getting it to one shopper, in constant time.
//!
//! A checkout widget calls this on every page view, so nothing is clustered or routed. Each option is priced from
//! the reference sheet's typical UK round (Shahmohammadi et al. 2020, Environ. Sci. Technol. 54(6), Table 3):
//! R = 100 parcels per round, D = 45 drop km per round (driving between stops), and a stem S each way from the
//! depot to the round: the road distance from the merchant's depot to the shopper when the depot is known
//! (great-circle km × road factor), else the sheet's geometric mean, 17.87 km. All can be overridden.
//!
//! | option | vehicle km for this parcel | shopper km |
//! |---|---|---|
//! | `express` | 2·S: a trip of its own | 0 |
//! | `consolidated` | (2·S + D) / R: its share of a round | 0 |
//! | `pickupWalk` | (2·S + D/√s) / R | 2 × 2 km on foot |
//! | `pickupCar` | (2·S + D/√s) / R | 2 × 2 km by car |
//! | `cargoBike` | 2·S / R by van to a hub in the area, then D / R by e-cargo bike | 0 |
//!
//! Pickup rounds drop s parcels per stop (default 10, an assumption) instead of one. By Beardwood–Halton–
//! Hammersley a tour through n stops in the same area is ∝ √n, so the round's drop km shrink by √s. The bike
//! rides at the van's drop density, so it drives the van's drop km per parcel (D / R), and its hub is in the area,
//! so its own stem is left out. The shopper's 2 km each way to a pickup point is the sheet's most likely
//! distance; the trip is made for this parcel alone.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::scenarios::{Factors, Leg};
use super::{
    limits, LatLon, ASSUMPTION, DEFAULT_ROAD_FACTOR, REFERENCE_DROP_KM, REFERENCE_PICKUP_KM, REFERENCE_STEM_KM,
    ROAD_SOURCE, ROUND_SOURCE,
};
use crate::error::{within, Error, Result};
use crate::factors::FactorOverride;
use crate::geo::haversine_km;
use crate::trace::Term;

/// Default parcels dropped per stop on a pickup-point round (an assumption).
pub const DEFAULT_PARCELS_PER_PICKUP_STOP: f64 = 10.0;

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
    /// Default `petrol-car`.
    pub car: Option<String>,
    /// Default `e-cargo-bike`.
    pub bike: Option<String>,
    pub grid: Option<String>,
    pub grid_kg_per_kwh: Option<f64>,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub factors: BTreeMap<String, FactorOverride>,
}

/// Every option, and the settings used.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeliveryOptions {
    /// `express`, `consolidated`, `pickupWalk`, `pickupCar`, `cargoBike`, in that order.
    pub options: Vec<DeliveryOption>,
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
    pub ttw_g: Option<f64>,
    pub wtt_g: Option<f64>,
    /// Delivery vehicles' km attributed to this parcel.
    pub vehicle_km: f64,
    pub shopper_km: f64,
    /// One line for the shopper.
    pub explanation: String,
    pub legs: Vec<Leg>,
}

/// The g CO2e per parcel of each delivery option for one shopper.
///
/// ```
/// use green_delivery::consolidation::{delivery_options, LatLon, OptionsInput};
/// let r = delivery_options(&OptionsInput {
///     shopper: Some(LatLon { lat: 51.52, lon: -0.08 }),
///     depot: Some(LatLon { lat: 51.45, lon: -0.2 }),
///     ..Default::default()
/// })
/// .unwrap();
/// let g: Vec<f64> = r.options.iter().map(|o| o.g_co2e).collect();
/// assert!(g[0] > g[1]); // express costs more than the consolidated day
/// assert!(g[2] < g[3]); // walking to the pickup point beats driving there
/// ```
pub fn delivery_options(input: &OptionsInput) -> Result<DeliveryOptions> {
    let shopper = input.shopper.ok_or_else(|| Error::required("shopper"))?.check("shopper")?;
    let depot = input.depot.map(|d| d.check("depot")).transpose()?;
    let (road_min, road_max) = limits::ROAD_FACTOR;
    let road = within("roadFactor", input.road_factor.unwrap_or(DEFAULT_ROAD_FACTOR), road_min, road_max)?;
    let per_round = within("parcelsPerRound", input.parcels_per_round.unwrap_or(100.0), 1.0, limits::MAX_CAPACITY)?;
    let drop = within("dropKm", input.drop_km.unwrap_or(REFERENCE_DROP_KM), 0.0, limits::MAX_DROP_KM)?;
    let stem = match (input.stem_km, depot) {
        (Some(km), _) => within("stemKm", km, 0.0, limits::MAX_STEM_KM)?,
        (None, Some(d)) => haversine_km(d.lat, d.lon, shopper.lat, shopper.lon) * road,
        (None, None) => REFERENCE_STEM_KM,
    };
    let pickup_km = within("pickupKm", input.pickup_km.unwrap_or(REFERENCE_PICKUP_KM), 0.0, limits::MAX_PICKUP_KM)?;
    let per_stop = within(
        "parcelsPerPickupStop",
        input.parcels_per_pickup_stop.unwrap_or(DEFAULT_PARCELS_PER_PICKUP_STOP),
        1.0,
        limits::MAX_CAPACITY,
    )?;
    let factors = Factors::new(&input.factors, input.grid.as_deref(), input.grid_kg_per_kwh)?;
    let van = factors.vehicle("vehicle", input.vehicle.as_deref().unwrap_or("diesel-van"))?;
    let car = factors.vehicle("car", input.car.as_deref().unwrap_or("petrol-car"))?;
    let bike = factors.vehicle("bike", input.bike.as_deref().unwrap_or("e-cargo-bike"))?;
    let walk = factors.get("walk")?;

    let express_km = 2.0 * stem;
    let round_km = (2.0 * stem + drop) / per_round;
    let pickup_van_km = (2.0 * stem + drop / per_stop.sqrt()) / per_round;
    let trunk_km = 2.0 * stem / per_round;
    let bike_km = drop / per_round;
    let shopper_km = 2.0 * pickup_km;
    let option = |id, label, explanation: String, legs: Vec<Leg>| {
        let g = |f: &dyn Fn(&Leg) -> Option<f64>| legs.iter().map(f).sum::<Option<f64>>().map(|kg| kg * 1000.0);
        DeliveryOption {
            id,
            label,
            g_co2e: legs.iter().map(|l| l.kg_co2e).sum::<f64>() * 1000.0,
            ttw_g: g(&|l| l.ttw_kg),
            wtt_g: g(&|l| l.wtt_kg),
            vehicle_km: legs.iter().filter(|l| !l.shopper).map(|l| l.km).sum(),
            shopper_km: legs.iter().filter(|l| l.shopper).map(|l| l.km).sum(),
            explanation,
            legs,
        }
    };
    let options = vec![
        option(
            "express",
            "Express",
            format!("A van drives {express_km:.1} km, depot to your door and back, for this parcel alone."),
            vec![factors.leg("vans", &van, express_km, false)?],
        ),
        option(
            "consolidated",
            "Consolidated day",
            format!(
                "Your parcel shares a round of {per_round} parcels: its share of the {:.0} km round is {round_km:.2} km.",
                2.0 * stem + drop
            ),
            vec![factors.leg("vans", &van, round_km, false)?],
        ),
        option(
            "pickupWalk",
            "Pickup point, on foot",
            format!(
                "The van drops {per_stop} parcels per stop ({pickup_van_km:.2} km for yours); your {shopper_km:.1} km walk emits nothing."
            ),
            vec![factors.leg("vans", &van, pickup_van_km, false)?, factors.leg("walk", walk, shopper_km, true)?],
        ),
        option(
            "pickupCar",
            "Pickup point, by car",
            format!("As the pickup point on foot, plus your own {shopper_km:.1} km drive there and back for this parcel."),
            vec![factors.leg("vans", &van, pickup_van_km, false)?, factors.leg("car", &car, shopper_km, true)?],
        ),
        option(
            "cargoBike",
            "Cargo bike",
            format!("A full van takes it to a local hub ({trunk_km:.2} km for yours); an e-cargo bike rides the last {bike_km:.2} km."),
            vec![factors.leg("trunk", &van, trunk_km, false)?, factors.leg("bikes", &bike, bike_km, false)?],
        ),
    ];
    let stem_source = match (input.stem_km, depot) {
        (Some(_), _) => "input",
        (None, Some(_)) => "great-circle km from depot to shopper × roadFactor",
        (None, None) => ROUND_SOURCE,
    };
    let given = |v: &Option<f64>, default: &'static str| if v.is_some() { "input" } else { default };
    let settings = vec![
        Term::new("stemKm", stem, "km").with_source(Some(stem_source)),
        Term::new("dropKm", drop, "km/round").with_source(Some(given(&input.drop_km, ROUND_SOURCE))),
        Term::new("parcelsPerRound", per_round, "parcels/round")
            .with_source(Some(given(&input.parcels_per_round, ROUND_SOURCE))),
        Term::new("roadFactor", road, "road km/great-circle km")
            .with_source(Some(given(&input.road_factor, ROAD_SOURCE))),
        Term::new("pickupKm", pickup_km, "km").with_source(Some(given(&input.pickup_km, ROUND_SOURCE))),
        Term::new("parcelsPerPickupStop", per_stop, "parcels/stop")
            .with_source(Some(given(&input.parcels_per_pickup_stop, ASSUMPTION))),
    ];
    Ok(DeliveryOptions { options, settings })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(lat: f64, lon: f64) -> Option<LatLon> {
        Some(LatLon { lat, lon })
    }

    #[test]
    fn reference_round_known_answers() {
        // No depot: S = 17.87 km. Diesel van 0.31689 kg/km; petrol car 0.20871 kg/km.
        let r = delivery_options(&OptionsInput { shopper: at(51.5, -0.1), ..Default::default() }).unwrap();
        let g = |id: &str| r.options.iter().find(|o| o.id == id).unwrap().g_co2e;
        let van = 0.31689 * 1000.0;
        let close = |a: f64, b: f64| (a / b - 1.0).abs() < 1e-9;
        assert!(close(g("express"), 2.0 * 17.87 * van));
        assert!(close(g("consolidated"), (2.0 * 17.87 + 45.0) / 100.0 * van));
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
    fn the_depot_sets_the_stem() {
        let near =
            delivery_options(&OptionsInput { shopper: at(51.5, -0.1), depot: at(51.51, -0.1), ..Default::default() })
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
