//! Consolidation: hand-computed cases, invariants (proptest), and errors that name the field.
#![cfg(not(target_arch = "wasm32"))]

use green_delivery::consolidation::plan::Effort;
use green_delivery::consolidation::pricing::settings::{Id, TABLE};
use green_delivery::consolidation::rounds::group;
use green_delivery::consolidation::{
    consolidate, Area, ConsolidateInput, Consolidation, Element, LatLon, Orders, Scenario, Shares,
};
use green_delivery::geo::{haversine_km, EARTH_RADIUS_KM};
use proptest::prelude::*;

// DESNZ 2025 (the factor table's values, quoted from the reference sheet).
const DIESEL_VAN: (f64, f64) = (0.25561, 0.06128);
const PETROL_CAR: f64 = 0.20871;
const DIESEL_LITRE_TTW: f64 = 2.57082;
const E_CARGO_BIKE: f64 = 0.0045;

fn at(lat: f64, lon: f64) -> LatLon {
    LatLon { lat, lon }
}

fn orders(points: &[(f64, f64, f64)]) -> Orders {
    let mut o = Orders::default();
    for &(lat, lon, parcels) in points {
        o.push(lat, lon, parcels, None, None);
    }
    o
}

/// The hand-computed cases: every setting known at its central value (so each figure is its closed form), no
/// failed first attempts, every parcel bikeable, no site energy, no chained trips; savings against dedicated trips.
fn input(points: &[(f64, f64, f64)], depot: LatLon) -> ConsolidateInput {
    let mut settings: std::collections::BTreeMap<String, f64> = TABLE
        .iter()
        .filter(|row| row.id != Id::PickupCarShare)
        .map(|row| (row.id.as_str().to_owned(), row.default_in(Area::Suburban).central))
        .collect();
    for (id, v) in [
        ("failures.rate", 0.0),
        ("cargoBike.bikeableShare", 1.0),
        ("hub.kwhPerParcel", 0.0),
        ("customerTrip.chainedShare", 0.0),
    ] {
        settings.insert(id.into(), v);
    }
    ConsolidateInput {
        orders: orders(points),
        depot: Some(depot),
        settings,
        baseline: Some("dedicated".into()),
        ..Default::default()
    }
}

fn scenario<'a>(r: &'a Consolidation, id: &str) -> &'a Scenario {
    r.scenarios.iter().find(|s| s.id == id).unwrap()
}

fn assert_close(actual: f64, expected: f64, what: &str) {
    let rel = if expected == 0.0 { actual.abs() } else { (actual / expected - 1.0).abs() };
    assert!(rel <= 1e-9, "{what}: {actual} vs {expected} (relative {rel:e})");
}

/// km along the equator between two longitudes: exactly R × Δλ.
fn equator_km(degrees: f64) -> f64 {
    EARTH_RADIUS_KM * degrees.to_radians()
}

#[test]
fn orders_on_a_line() {
    // Depot at (0, 0); three one-parcel orders east along the equator at 0.01°, 0.02°, 0.03°.
    let points = [(0.0, 0.01, 1.0), (0.0, 0.02, 1.0), (0.0, 0.03, 1.0)];
    let mut i = input(&points, at(0.0, 0.0));
    i.pickup.locations = Some(vec![at(0.0, 0.02)]);
    i.pickup.shares = Some(Shares { walk: 0.0, cycle: 0.0, car: 1.0 });
    i.cargo_bike.hub = Some(at(0.0, 0.02));
    let r = consolidate(&i).unwrap();
    let road = 1.3;
    let van = DIESEL_VAN.0 + DIESEL_VAN.1;

    let dedicated = scenario(&r, "dedicated");
    let dedicated_km = road * 2.0 * (equator_km(0.01) + equator_km(0.02) + equator_km(0.03));
    assert_close(dedicated.vehicle_km, dedicated_km, "dedicated km");
    assert_close(dedicated.kg_co2e, dedicated_km * van, "dedicated kg");
    assert_close(dedicated.ttw_kg.unwrap(), dedicated_km * DIESEL_VAN.0, "dedicated TTW");
    assert_close(dedicated.diesel_litres, dedicated_km * DIESEL_VAN.0 / DIESEL_LITRE_TTW, "dedicated litres");
    assert_eq!(dedicated.trips, 3);

    // One round: out to the far end and back.
    let consolidated = scenario(&r, "consolidated");
    let round_km = road * 2.0 * equator_km(0.03);
    assert_close(consolidated.vehicle_km, round_km, "round km");
    assert_close(consolidated.kg_co2e, round_km * van, "round kg");
    assert_close(consolidated.parcels_per_vehicle_km.unwrap(), 3.0 / round_km, "parcels per vehicle-km");
    assert_close(consolidated.g_co2e_per_parcel, round_km * van * 1000.0 / 3.0, "g per parcel");
    // Saving: (0.01 + 0.02) / (0.01 + 0.02 + 0.03) of the kilometres.
    assert_close(consolidated.saving_percent.unwrap(), 50.0, "saving");

    // Pickup point at 0.02°: the van goes there and back; shoppers at 0.01° and 0.03° drive 0.01° each way.
    let pickup = scenario(&r, "pickup");
    let van_km = road * 2.0 * equator_km(0.02);
    let car_km = road * 2.0 * 2.0 * equator_km(0.01);
    assert_close(pickup.vehicle_km, van_km, "pickup van km");
    assert_close(pickup.shopper_km, car_km, "shopper km");
    assert_close(pickup.kg_co2e, van_km * van + car_km * PETROL_CAR, "pickup kg");
    assert_eq!(r.pickup_points[0].parcels, 3.0);

    // Cargo bike: one van trip to the hub at 0.02°, then one bike round 0.02° → 0.01° → 0.03° → 0.02°.
    let bike = scenario(&r, "cargoBike");
    let trunk_km = road * 2.0 * equator_km(0.02);
    let bike_km = road * equator_km(0.04);
    assert_close(bike.vehicle_km, trunk_km + bike_km, "cargo bike km");
    assert_close(bike.kg_co2e, trunk_km * van + bike_km * E_CARGO_BIKE, "cargo bike kg");
    assert_eq!(bike.trips, 2);
}

#[test]
fn orders_on_a_square() {
    // Depot at one corner of a 0.01° square; orders at the other three corners.
    let d = 0.01;
    let points = [(0.0, d, 2.0), (d, d, 1.0), (d, 0.0, 1.0)];
    let mut i = input(&points, at(0.0, 0.0));
    i.settings.insert("roadFactor".into(), 1.0);
    i.vehicle = Some("petrol-van".into());
    let r = consolidate(&i).unwrap();
    let h = haversine_km;
    let (east, north_edge, west, diagonal) =
        (h(0.0, 0.0, 0.0, d), h(d, 0.0, d, d), h(0.0, 0.0, d, 0.0), h(0.0, 0.0, d, d));
    let dedicated_km = 2.0 * (east + diagonal + west);
    let round_km = east + h(0.0, d, d, d) + north_edge + west;
    assert_close(scenario(&r, "dedicated").vehicle_km, dedicated_km, "dedicated km");
    assert_close(scenario(&r, "consolidated").vehicle_km, round_km, "round km");
    let petrol_van = 0.21335 + 0.06183;
    assert_close(scenario(&r, "consolidated").kg_co2e, round_km * petrol_van, "round kg");
    assert_close(scenario(&r, "consolidated").petrol_litres, round_km * 0.21335 / 2.06916, "petrol litres");
    assert_close(scenario(&r, "consolidated").g_co2e_per_parcel, round_km * petrol_van * 1000.0 / 4.0, "g per parcel");
}

#[test]
fn capacity_splits_rounds_and_big_orders_get_their_own() {
    // Capacity 2: a 5-parcel order needs three trips of its own; the two one-parcel orders share one round.
    let points = [(0.0, 0.01, 5.0), (0.0, 0.02, 1.0), (0.0, 0.021, 1.0)];
    let mut i = input(&points, at(0.0, 0.0));
    i.capacity = Some(2.0);
    let r = consolidate(&i).unwrap();
    assert_eq!(scenario(&r, "dedicated").trips, 5);
    assert_eq!(scenario(&r, "consolidated").trips, 4);
    let expected = 1.3 * (3.0 * 2.0 * equator_km(0.01) + 2.0 * equator_km(0.021));
    assert_close(scenario(&r, "consolidated").vehicle_km, expected, "km");
    assert_eq!(r.round_of(3)[0], r.round_of(3)[0].min(r.round_of(3)[1]));
}

#[test]
fn geojson_labels_stops_by_round() {
    let points: Vec<(f64, f64, f64)> =
        (0..30).map(|k| (51.5 + 0.001 * k as f64, -0.1 + 0.002 * (k % 5) as f64, 1.0)).collect();
    let mut i = input(&points, at(51.45, -0.1));
    i.capacity = Some(10.0);
    let r = consolidate(&i).unwrap();
    let json = serde_json::to_value(r.geojson(&i.orders)).unwrap();
    let features = json["features"].as_array().unwrap();
    let of_kind = |kind: &str| features.iter().filter(|f| f["properties"]["kind"] == kind).collect::<Vec<_>>();
    let (lines, stops) = (of_kind("round"), of_kind("stop"));
    assert_eq!(lines.len(), 3);
    assert_eq!(stops.len(), 30);
    for line in &lines {
        let coords = line["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(coords.first(), Some(&serde_json::json!([-0.1, 51.45])), "starts at the depot, lon first");
        assert_eq!(coords.first(), coords.last());
        assert_eq!(coords.len() as u64, line["properties"]["stops"].as_u64().unwrap() + 2);
    }
    let round_of = r.round_of(30);
    for stop in &stops {
        let order = stop["properties"]["order"].as_u64().unwrap() as usize;
        assert_eq!(stop["properties"]["round"].as_u64().unwrap(), u64::from(round_of[order]));
        assert_eq!(stop["geometry"]["type"], "Point");
    }
}

#[test]
fn serializes_for_js_in_camel_case() {
    let r = consolidate(&input(&[(51.5, -0.1, 1.0), (51.51, -0.1, 2.0)], at(51.45, -0.1))).unwrap();
    let json = serde_json::to_value(&r).unwrap();
    let s = &json["scenarios"][1];
    for key in [
        "vehicleKm",
        "shopperKm",
        "kwh",
        "kgCo2e",
        "ttwKg",
        "wttKg",
        "parcelsPerVehicleKm",
        "gCo2ePerParcel",
        "savingPercent",
        "savingRange",
        "savingClear",
        "centralKg",
    ] {
        assert!(s.get(key).is_some(), "{key}");
    }
    assert_eq!(s["legs"][0]["element"], "delivery-round");
    assert_eq!(s["range"]["coverage"], 0.9);
    for key in ["functionalUnit", "included", "excluded", "allocation"] {
        assert!(json["boundary"].get(key).is_some(), "{key}");
    }
    assert_eq!(json["variants"]["areaFrom"], "density");
    assert_eq!(s["legs"][0]["factor"], "diesel-van");
    let names: Vec<&str> =
        s["legs"][0]["trace"].as_array().unwrap().iter().map(|t| t["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["activity", "factor.ttw (diesel-van)", "factor.wtt (diesel-van)", "ttw (diesel-fuel)"]);
    assert!(s["legs"][0]["trace"][1]["source"].as_str().unwrap().contains("5_303_3102_4_1"));
    assert_eq!(json["planSettings"][0]["name"], "capacity");
    assert_eq!(json["settings"][0]["id"], "roadFactor");
    assert_eq!(json["settings"][0]["source"], "input");
}

#[test]
fn errors_name_the_field() {
    let ok = || input(&[(51.5, -0.1, 1.0), (51.6, -0.2, 2.0)], at(51.45, -0.1));
    let err = |i: ConsolidateInput| consolidate(&i).unwrap_err().to_string();
    assert_eq!(err(ConsolidateInput { orders: Orders::default(), ..ok() }), "orders: no orders");
    assert_eq!(
        err(ConsolidateInput { depot: Some(at(f64::NAN, 0.0)), ..ok() }),
        "depot.lat must be a finite number, got NaN"
    );
    assert_eq!(err(ConsolidateInput { depot: None, ..ok() }), "depot: required");
    assert_eq!(err(ConsolidateInput { capacity: Some(0.0), ..ok() }), "capacity must be between 1 and 100000, got 0");
    let mut bad = ok();
    bad.settings.insert("roadFactor".into(), 0.9);
    assert_eq!(err(bad), "settings.roadFactor must be between 1 and 3, got 0.9");
    let mut bad = ok();
    bad.orders.parcels[1] = 0.5;
    assert_eq!(err(bad), "orders[1].parcels must be between 1 and 1000000, got 0.5");
    let mut bad = ok();
    bad.orders.lon[0] = f64::INFINITY;
    assert_eq!(err(bad), "orders[0].lon must be a finite number, got Infinity");
    let mut bad = ok();
    bad.pickup.shares = Some(Shares { walk: -0.2, cycle: 0.2, car: 1.0 });
    assert_eq!(err(bad), "pickup.shares.walk must be at least 0, got -0.2");
    let mut bad = ok();
    bad.pickup.shares = Some(Shares { walk: 0.5, cycle: 0.2, car: 0.2 });
    assert!(err(bad).starts_with("pickup.shares: walk + cycle + car must add up to 1, got 0.9"));
    assert!(err(ConsolidateInput { vehicle: Some("zeppelin".into()), ..ok() })
        .starts_with("vehicle: unknown factor id `zeppelin`, expected one of diesel-van"));
    assert_eq!(
        err(ConsolidateInput { vehicle: Some("uk-grid-2025".into()), ..ok() }),
        "vehicle: `uk-grid-2025` is per kWh, not a vehicle"
    );
    let mut bad = ok();
    bad.pickup.car = Some("jet".into());
    assert!(err(bad).starts_with("pickup.car: unknown factor id `jet`"));
    let mut bad = ok();
    bad.pickup.points = Some(3);
    assert_eq!(err(bad), "pickup.points must be between 1 and 2, got 3");
    let mut bad = ok();
    bad.cargo_bike.capacity = Some(0.0);
    assert_eq!(err(bad), "cargoBike.capacity must be between 1 and 1000, got 0");
    assert_eq!(
        err(ConsolidateInput { grid: Some("diesel-van".into()), ..ok() }),
        "grid: `diesel-van` is per vehicle-km, not per kWh"
    );
    let mut bad = ok();
    bad.orders.parcels[0] = 1e6;
    bad.capacity = Some(1.0);
    assert!(err(bad).starts_with("capacity: 1 parcels per round would need"));
    let mut bad = ok();
    bad.orders.lat[0] = 89.5;
    assert!(err(bad).starts_with("orders: consolidation cannot cluster points within 1° of a pole"));
}

#[test]
fn the_same_seed_gives_the_same_result() {
    let points: Vec<(f64, f64, f64)> = (0..500)
        .map(|k| (51.4 + 0.0004 * k as f64, -0.3 + 0.37 * ((k * 7919) % 500) as f64 / 500.0, 1.0 + (k % 3) as f64))
        .collect();
    let i = input(&points, at(51.45, -0.2));
    assert_eq!(consolidate(&i).unwrap(), consolidate(&i).unwrap());
}

/// Up to 40 one- to four-parcel orders within ~10 km of central London.
fn city_orders() -> impl Strategy<Value = Vec<(f64, f64, f64)>> {
    prop::collection::vec((51.45..51.55f64, -0.2..0.0f64, 1..5u32), 1..40)
        .prop_map(|v| v.into_iter().map(|(lat, lon, p)| (lat, lon, f64::from(p))).collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn wtw_is_ttw_plus_wtt(points in city_orders(), vehicle in prop::sample::select(vec!["diesel-van", "petrol-van", "electric-van"])) {
        let mut i = input(&points, at(51.5, -0.25));
        i.vehicle = Some(vehicle.into());
        let r = consolidate(&i).unwrap();
        for s in &r.scenarios {
            let split = s.ttw_kg.unwrap() + s.wtt_kg.unwrap();
            prop_assert!((s.kg_co2e - split).abs() <= 1e-9 * s.kg_co2e.max(1e-12), "{}: {} vs {}", s.id, s.kg_co2e, split);
            for leg in &s.legs {
                prop_assert!((leg.kg_co2e - leg.ttw_kg.unwrap() - leg.wtt_kg.unwrap()).abs() <= 1e-12 * leg.kg_co2e.max(1.0));
            }
        }
    }

    #[test]
    fn one_round_over_the_same_stops_never_drives_more_than_dedicated_trips(points in city_orders(), road in 1.0..1.6f64) {
        let mut i = input(&points, at(51.5, -0.25));
        i.capacity = Some(1000.0); // every stop in one round
        i.settings.insert("roadFactor".into(), road);
        let r = consolidate(&i).unwrap();
        let (dedicated, consolidated) = (scenario(&r, "dedicated"), scenario(&r, "consolidated"));
        prop_assert_eq!(consolidated.trips, 1);
        prop_assert!(consolidated.vehicle_km <= dedicated.vehicle_km * (1.0 + 1e-12));
        prop_assert!(consolidated.kg_co2e <= dedicated.kg_co2e * (1.0 + 1e-12));
    }

    #[test]
    fn more_shoppers_driving_never_lowers_emissions(points in city_orders(), a in 0.0..1.0f64, b in 0.0..1.0f64, cycle in 0.0..1.0f64) {
        let (low, high) = (a.min(b), a.max(b));
        let kg = |car: f64| {
            let mut i = input(&points, at(51.5, -0.25));
            let rest = 1.0 - car;
            i.pickup.shares = Some(Shares { walk: rest * (1.0 - cycle), cycle: rest * cycle, car });
            // Shares must add up to 1 exactly enough; the tolerance is 1e-9.
            scenario(&consolidate(&i).unwrap(), "pickup").kg_co2e
        };
        prop_assert!(kg(low) <= kg(high) * (1.0 + 1e-12), "car share {low} gave more than {high}");
    }

    #[test]
    fn electric_van_emissions_scale_with_the_grid(points in city_orders(), g in 0.01..1.0f64, scale in 0.1..10.0f64) {
        let kg = |grid: f64| {
            let mut i = input(&points, at(51.5, -0.25));
            i.vehicle = Some("electric-van".into());
            i.grid_kg_per_kwh = Some(grid);
            let r = consolidate(&i).unwrap();
            (scenario(&r, "dedicated").kg_co2e, scenario(&r, "consolidated").kg_co2e, scenario(&r, "consolidated").kwh)
        };
        let (d1, c1, kwh1) = kg(g);
        let (d2, c2, kwh2) = kg(g * scale);
        prop_assert!((d2 / d1 - scale).abs() <= 1e-9 * scale);
        prop_assert!((c2 / c1 - scale).abs() <= 1e-9 * scale);
        prop_assert!((kwh1 - kwh2).abs() <= 1e-9 * kwh1, "energy does not depend on the grid");
        prop_assert!((c1 - kwh1 * g).abs() <= 1e-9 * c1, "kg = kWh × grid");
    }

    #[test]
    fn no_round_exceeds_capacity(points in prop::collection::vec((51.3..51.7f64, -0.5..0.3f64, 1..30u32), 1..400), capacity in 1u32..120) {
        let lat: Vec<f64> = points.iter().map(|p| p.0).collect();
        let lon: Vec<f64> = points.iter().map(|p| p.1).collect();
        let parcels: Vec<f64> = points.iter().map(|p| f64::from(p.2)).collect();
        let capacity = f64::from(capacity);
        let rounds = group([51.5, -0.1], &lat, &lon, &parcels, capacity, Effort::Balanced, 7).unwrap();
        let mut carried = vec![0.0; parcels.len()];
        for r in &rounds {
            prop_assert!(r.parcels <= capacity, "a round carries {} > {}", r.parcels, capacity);
            for &s in &r.stops {
                carried[s] += if r.stops.len() == 1 { r.parcels } else { parcels[s] };
            }
        }
        for (c, p) in carried.iter().zip(&parcels) {
            prop_assert!((c - p).abs() < 1e-9, "carried {} of {} parcels", c, p);
        }
    }
}

#[test]
fn saving_percent_is_never_infinite_or_nan() {
    use green_delivery::factors::FactorOverride;
    // A van whose kg per km is subnormal: the baseline is a few 1e-310 kg, and the pickup scenario's car trips
    // dwarf it, so the quotient overflows; it is reported as null, not -Infinity.
    let mut i = input(&[(51.5001, 0.0, 1.0)], at(51.5, 0.0));
    i.factors.insert("diesel-van".into(), FactorOverride::total(1e-308));
    i.pickup.distance_km = Some(1.0);
    let r = consolidate(&i).unwrap();
    assert!(r.scenarios[0].kg_co2e > 0.0);
    for s in &r.scenarios {
        assert!(s.saving_percent.is_none_or(f64::is_finite), "{}: {:?}", s.id, s.saving_percent);
    }
    assert_eq!(scenario(&r, "pickup").saving_percent, None);
    // Every order at the depot: a baseline of 0 kg has no saving.
    let r = consolidate(&input(&[(51.5, 0.0, 1.0)], at(51.5, 0.0))).unwrap();
    assert!(r.scenarios.iter().all(|s| s.saving_percent.is_none()));
}

#[test]
fn numeric_settings_out_of_their_range_name_the_field() {
    use green_delivery::error::Code;
    let ok = || input(&[(51.5, -0.1, 1.0), (51.6, -0.2, 2.0)], at(51.45, -0.1));
    let err = |i: ConsolidateInput| {
        let e = consolidate(&i).unwrap_err();
        (e.code(), e.field().to_owned())
    };
    let out = |field: &str| (Code::OutOfRange, field.to_owned());
    let mut bad = ok();
    bad.settings.insert("roadFactor".into(), 1e308);
    assert_eq!(err(bad), out("settings.roadFactor"));
    assert_eq!(err(ConsolidateInput { capacity: Some(1e308), ..ok() }), out("capacity"));
    assert_eq!(err(ConsolidateInput { grid_kg_per_kwh: Some(1e308), ..ok() }), out("gridKgPerKwh"));
    let mut bad = ok();
    bad.cargo_bike.capacity = Some(1e308);
    assert_eq!(err(bad), out("cargoBike.capacity"));
    let mut bad = ok();
    bad.pickup.distance_km = Some(1e308);
    assert_eq!(err(bad), out("pickup.distanceKm"));
    let mut bad = ok();
    bad.orders.parcels[1] = 1e308;
    assert_eq!(err(bad), out("orders[1].parcels"));
    let mut bad = ok();
    bad.orders = orders(&[(51.5, -0.1, 1.0)]);
    bad.orders.weight_kg = Some(vec![1e308]);
    assert_eq!(err(bad), out("orders[0].weightKg"));
    let mut bad = ok();
    bad.factors.insert("petrol-car".into(), green_delivery::factors::FactorOverride::total(1e308));
    assert_eq!(err(bad), out("factors.petrol-car.kgPerUnit"));
}

/// Each order's consolidated rounds, checking that every order is in exactly one round and no round is over
/// capacity.
fn check_rounds(r: &Consolidation, parcels: &[f64], capacity: f64) {
    let rounds = r.plan.rounds.iter().map(|round| round.sequence.as_slice());
    if let Err(e) = green_delivery::consolidation::plan::check_rounds(rounds, parcels, capacity) {
        panic!("{e}");
    }
}

#[test]
fn many_orders_at_one_address_are_split_by_capacity() {
    // 101 one-parcel orders at the same door, capacity 100: two rounds.
    let points = vec![(51.5, -0.1, 1.0); 101];
    let r = consolidate(&input(&points, at(51.45, -0.1))).unwrap();
    assert_eq!(scenario(&r, "consolidated").trips, 2);
    assert_eq!(r.plan.rounds.len(), 2);
    check_rounds(&r, &[1.0; 101], 100.0);
    assert_eq!(r.pickup_points.len(), 1);
    assert!(r.scenarios.iter().all(|s| s.kg_co2e.is_finite()));

    // 3 addresses × 100 one-parcel orders, at capacities that need more rounds than addresses.
    for capacity in [100.0, 50.0, 7.0] {
        let mut points = Vec::new();
        for a in 0..3 {
            points.extend(vec![(51.5 + 0.01 * f64::from(a), -0.1, 1.0); 100]);
        }
        let mut i = input(&points, at(51.45, -0.1));
        i.capacity = Some(capacity);
        i.pickup.points = Some(10);
        let r = consolidate(&i).unwrap_or_else(|e| panic!("capacity {capacity}: {e}"));
        // The fewest rounds that can carry them, give or take a round per address.
        let rounds = r.plan.rounds.len() as f64;
        assert!(rounds >= (300.0 / capacity).ceil() && rounds <= 3.0 * (100.0 / capacity).ceil(), "{rounds} rounds");
        check_rounds(&r, &[1.0; 300], capacity);
        assert!(r.pickup_points.len() <= 3, "pickup points ≤ distinct locations: {}", r.pickup_points.len());
    }
}

/// A small city of 300 one-parcel orders around a depot, priced with every default.
fn city() -> ConsolidateInput {
    let points: Vec<(f64, f64, f64)> = (0..300)
        .map(|k| (51.45 + 0.1 * ((k * 37) % 300) as f64 / 300.0, -0.2 + 0.2 * ((k * 7919) % 300) as f64 / 300.0, 1.0))
        .collect();
    ConsolidateInput { orders: orders(&points), depot: Some(at(51.5, -0.1)), ..Default::default() }
}

#[test]
fn baselines_from_practice_with_failures_and_ranges() {
    let r = consolidate(&city()).unwrap();
    assert_eq!(r.baseline, "standard");
    let ids: Vec<&str> = r.scenarios.iter().map(|s| s.id).collect();
    assert_eq!(ids, ["dedicated", "consolidated", "pickup", "cargoBike", "standard", "nextDay"]);
    let (standard, next_day, dedicated) =
        (scenario(&r, "standard"), scenario(&r, "nextDay"), scenario(&r, "dedicated"));
    assert_eq!(standard.saving_percent, Some(0.0));
    // Next-day is the carrier's standard network.
    assert!(standard.kg_co2e == next_day.kg_co2e && next_day.kg_co2e < dedicated.kg_co2e);
    assert_eq!(r.boundary.functional_unit, "orders-delivered");
    // Failed first attempts on home deliveries only; a line-haul and hubs for the carrier only.
    for s in &r.scenarios {
        let has = |element: Element| s.legs.iter().any(|l| l.element == element);
        assert_eq!(has(Element::Redelivery), s.id != "pickup", "{}", s.id);
        assert_eq!(s.legs.iter().any(|l| l.name == "collection"), s.id != "pickup", "{}", s.id);
        assert_eq!(has(Element::LineHaul), ["standard", "nextDay"].contains(&s.id), "{}", s.id);
        // Ranges around every figure, sensitivities sorted by swing.
        assert!(s.range.low <= s.kg_co2e && s.kg_co2e <= s.range.high, "{}: {:?}", s.id, s.range);
        assert!(s.range.low < s.range.high, "{}", s.id);
        let swings: Vec<f64> = s.sensitivity.iter().map(|x| (x.high - x.low).abs()).collect();
        assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{}: {swings:?}", s.id);
        let (p, range) = (s.saving_percent.unwrap(), s.saving_range.unwrap());
        assert!(range.low <= p + 1e-9 && p <= range.high + 1e-9, "{}: {p} {range:?}", s.id);
        assert_eq!(s.saving_clear, range.low > 0.0 || range.high < 0.0, "{}", s.id);
        if s.id == r.baseline {
            assert_eq!((p, range.low, range.high), (0.0, 0.0, 0.0), "the baseline against itself");
        }
    }
    // The carrier's round size moves the baselines, not the merchant's own rounds.
    let names = |id: &str| scenario(&r, id).sensitivity.iter().map(|x| x.setting).collect::<Vec<_>>();
    assert!(names("standard").contains(&"round.parcels"));
    assert!(!names("consolidated").contains(&"round.parcels"));
    assert!(names("cargoBike").contains(&"cargoBike.bikeableShare"));
    assert!(names("pickup").contains(&"pickup.carShare"));
}

#[test]
fn a_given_setting_adds_no_range() {
    let mut i = city();
    let before = consolidate(&i).unwrap();
    for id in ["failures.rate", "failures.collectShare", "failures.collectKm", "failures.collectCarShare"] {
        let row = TABLE.iter().find(|r| r.id.as_str() == id).unwrap();
        i.settings.insert(id.into(), row.default_in(before.variants.area).central);
    }
    let after = consolidate(&i).unwrap();
    for (a, b) in before.scenarios.iter().zip(&after.scenarios) {
        assert!((a.central_kg - b.central_kg).abs() <= 1e-9 * a.central_kg, "{}: the defaults are central", a.id);
        assert!(b
            .sensitivity
            .iter()
            .all(|x| !x.setting.starts_with("failures.") || x.setting == "failures.collectionPointShare"));
        assert!(b.range.high - b.range.low <= (a.range.high - a.range.low) * 1.01, "{}", a.id);
    }
    assert!(after.settings.iter().any(|s| s.id == "failures.rate" && s.source == "input"));
}

#[test]
fn the_baseline_is_chosen_by_id() {
    let mut i = city();
    i.baseline = Some("dedicated".into());
    let r = consolidate(&i).unwrap();
    assert_eq!(r.baseline, "dedicated");
    assert_eq!(scenario(&r, "dedicated").saving_percent, Some(0.0));
    assert!(scenario(&r, "standard").saving_percent.unwrap() > 50.0);
    i.baseline = Some("express".into());
    let e = consolidate(&i).unwrap_err();
    assert_eq!((e.code(), e.field()), (green_delivery::error::Code::UnknownId, "baseline"));
}

#[test]
fn progress_moves_forward_to_done_and_an_error_stops_the_work() {
    use green_delivery::consolidation::{consolidate_with_progress, Progress};
    use green_delivery::error::{Code, Error};
    let i = city();
    let mut seen: Vec<Progress> = Vec::new();
    let r = consolidate_with_progress(&i, &mut |p| {
        seen.push(p);
        Ok(())
    })
    .unwrap();
    assert_eq!(r, consolidate(&i).unwrap(), "reporting changes nothing");
    assert!(seen.len() >= 5 && seen.len() <= 250, "{} reports", seen.len());
    assert!(seen.windows(2).all(|w| w[0].fraction <= w[1].fraction), "never backwards");
    let phases: Vec<&str> = seen.iter().map(|p| p.phase).collect();
    for phase in ["vans", "pickup", "bikes", "pricing", "done"] {
        assert!(phases.contains(&phase), "{phase} in {phases:?}");
    }
    assert_eq!(seen.last().map(|p| (p.phase, p.fraction)), Some(("done", 1.0)));
    // Stopping in the middle of the vans' planning.
    let mut calls = 0;
    let e = consolidate_with_progress(&i, &mut |p| {
        calls += 1;
        if p.fraction > 0.1 {
            Err(Error::new(Code::Aborted, "onProgress", "stop"))
        } else {
            Ok(())
        }
    })
    .unwrap_err();
    assert_eq!((e.code(), e.field()), (Code::Aborted, "onProgress"));
    assert!(calls < seen.len());
}
