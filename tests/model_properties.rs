//! Invariants of the three formula models, checked on random inputs.
#![cfg(not(target_arch = "wasm32"))]

use green_delivery::models::*;
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

fn activity(activity: f64, factor: EmissionFactor) -> Emission {
    emission(&EmissionInput { activity: Some(activity), activity_unit: None, energy: None, factor }).unwrap()
}

proptest! {
    #[test]
    fn doubling_activity_doubles_emission(a in 0.0..1e6f64, ttw in 0.0..10.0f64, wtt in 0.0..10.0f64) {
        let once = activity(a, EmissionFactor::split(ttw, wtt));
        let twice = activity(2.0 * a, EmissionFactor::split(ttw, wtt));
        prop_assert!(close(twice.kg_co2e, 2.0 * once.kg_co2e));
    }

    #[test]
    fn wtw_is_ttw_plus_wtt(a in 0.0..1e6f64, ttw in 0.0..10.0f64, wtt in 0.0..10.0f64) {
        let e = activity(a, EmissionFactor::split(ttw, wtt));
        prop_assert_eq!(e.kg_co2e, e.ttw_kg.unwrap() + e.wtt_kg.unwrap());
        prop_assert!(close(e.kg_co2e, activity(a, EmissionFactor::total(ttw + wtt)).kg_co2e));
    }

    #[test]
    fn chaining_energy_equals_multiplying_its_kwh(kw in 0.0..1e3f64, h in 0.0..1e3f64, grid in 0.0..1.0f64) {
        let input = EnergyInput { power: kw, power_unit: PowerUnit::Kilowatt, time: h, time_unit: TimeUnit::Hour, pue: None };
        let kwh = energy(&input).unwrap().kwh;
        let chained = emission(&EmissionInput {
            activity: None,
            activity_unit: None,
            energy: Some(input),
            factor: EmissionFactor::total(grid),
        })
        .unwrap();
        prop_assert_eq!(chained.kg_co2e, activity(kwh, EmissionFactor::total(grid)).kg_co2e);
    }

    #[test]
    fn watt_seconds_and_kilowatt_hours_agree(w in 0.0..1e5f64, s in 0.0..1e5f64, pue in 1.0..3.0f64) {
        let joules = energy(&EnergyInput { power: w, power_unit: PowerUnit::Watt, time: s, time_unit: TimeUnit::Second, pue: Some(pue) }).unwrap();
        let kwh = energy(&EnergyInput { power: w / 1000.0, power_unit: PowerUnit::Kilowatt, time: s / 3600.0, time_unit: TimeUnit::Hour, pue: Some(pue) }).unwrap();
        prop_assert!(close(joules.kwh, kwh.kwh));
        prop_assert!(close(joules.kwh, joules.device_kwh * pue));
    }

    #[test]
    fn efficiency_times_input_is_output(output in 0.0..1e9f64, input in 1e-6..1e9f64) {
        let e = efficiency(&EfficiencyInput { output, input, output_unit: None, input_unit: None }).unwrap();
        prop_assert!(close(e.value * input, output));
    }

    #[test]
    fn any_non_finite_or_non_positive_input_is_an_error(input in prop_oneof![Just(f64::NAN), Just(f64::INFINITY), -1e9..=0.0f64]) {
        let err = efficiency(&EfficiencyInput { output: 1.0, input, output_unit: None, input_unit: None }).unwrap_err();
        prop_assert!(err.to_string().starts_with("input must be"));
    }
}
