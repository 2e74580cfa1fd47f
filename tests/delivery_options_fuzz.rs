//! `deliveryOptions` fuzzed over extreme finite numbers in every numeric field: every number it returns is finite,
//! or it returns an error that names a field the caller gave.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use green_delivery::consolidation::{delivery_options, DeliveryOptions, LatLon, OptionsInput};
use green_delivery::factors::FactorOverride;
use proptest::prelude::*;

/// Extreme and ordinary finite numbers, and sometimes none (the default).
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        Just(1e308),
        Just(-1e308),
        Just(f64::MAX),
        Just(5e-324),
        Just(-5e-324),
        Just(-0.0),
        Just(0.0),
        Just(f64::MIN_POSITIVE),
        Just(1.0),
        Just(3.0),
        Just(1e6),
        -1e3..1e3f64,
        any::<f64>().prop_filter("finite", |v| v.is_finite()),
    ]
}

fn maybe() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![Just(None), number().prop_map(Some)]
}

fn place() -> impl Strategy<Value = Option<LatLon>> {
    prop_oneof![
        Just(Some(LatLon { lat: 51.5, lon: -0.1 })),
        (number(), number()).prop_map(|(lat, lon)| Some(LatLon { lat, lon })),
        (-90.0..90.0f64, -180.0..180.0f64).prop_map(|(lat, lon)| Some(LatLon { lat, lon })),
    ]
}

fn overrides() -> impl Strategy<Value = BTreeMap<String, FactorOverride>> {
    let id = prop_oneof![
        Just("diesel-van"),
        Just("petrol-car"),
        Just("e-cargo-bike"),
        Just("diesel-fuel"),
        Just("petrol-fuel"),
        Just("walk"),
    ];
    let value = prop_oneof![
        number().prop_map(FactorOverride::total),
        (number(), number()).prop_map(|(ttw, wtt)| FactorOverride::split(ttw, wtt)),
    ];
    prop::collection::btree_map(id.prop_map(str::to_owned), value, 0..3)
}

/// Some settings of the table, each at a fuzzed value.
fn settings() -> impl Strategy<Value = BTreeMap<String, f64>> {
    let id = prop::sample::select(
        green_delivery::consolidation::pricing::settings::Id::ALL.iter().map(|id| id.as_str()).collect::<Vec<_>>(),
    );
    prop::collection::btree_map(id.prop_map(str::to_owned), number(), 0..6)
}

fn every_number(r: &DeliveryOptions) -> Vec<f64> {
    let mut all: Vec<f64> = r.settings.iter().flat_map(|t| [t.value, t.low, t.high]).collect();
    for o in &r.options {
        all.extend([o.g_co2e, o.central_g, o.range.low, o.range.high, o.vehicle_km, o.shopper_km]);
        all.extend(o.ttw_g.into_iter().chain(o.wtt_g).chain(o.saving_percent));
        all.extend(o.saving_range.iter().flat_map(|r| [r.low, r.high]));
        all.extend(o.sensitivity.iter().flat_map(|s| [s.low, s.high]));
        for l in &o.legs {
            all.extend([l.km, l.kg_co2e]);
            all.extend(l.ttw_kg.into_iter().chain(l.wtt_kg).chain(l.kwh).chain(l.litres).chain(l.tonne_km));
            all.extend(l.trace.iter().map(|t| t.value));
        }
    }
    all
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn every_number_is_finite_or_an_error_names_a_field(
        shopper in place(),
        depot in prop_oneof![Just(None), place()],
        weight_kg in maybe(),
        grid_kg_per_kwh in maybe(),
        vehicle in prop_oneof![Just(None), Just(Some("electric-van".to_owned())), Just(Some("petrol-van".to_owned()))],
        factors in overrides(),
        settings in settings(),
    ) {
        let input = OptionsInput { shopper, depot, vehicle, weight_kg, grid_kg_per_kwh, factors, settings, ..Default::default() };
        match delivery_options(&input) {
            Ok(r) => {
                for v in every_number(&r) {
                    prop_assert!(v.is_finite(), "{} in {:?}", v, r);
                    prop_assert!(v != 0.0 || v.is_sign_positive(), "−0 in {:?}", r);
                }
            }
            Err(e) => {
                // The field is one the caller gave, never an intermediate such as `activity`.
                let given = ["shopper", "depot", "vehicle", "weightKg", "gridKgPerKwh", "factors.", "settings."];
                prop_assert!(given.iter().any(|f| e.field().starts_with(f)), "field `{}`: {}", e.field(), e);
            }
        }
    }
}
