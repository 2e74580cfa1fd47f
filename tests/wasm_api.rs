//! The JS-facing API, run in headless Chromium by `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use green_delivery::wasm;

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod js;

use js::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn efficiency_returns_a_plain_object() {
    let r = wasm::efficiency(obj(&[
        ("output", 120.0.into()),
        ("input", 48.0.into()),
        ("outputUnit", "parcels".into()),
        ("inputUnit", "vehicle-km".into()),
    ]))
    .unwrap();
    assert_eq!(num(&r, "value"), 2.5);
    assert_eq!(get(&r, "unit").as_string().unwrap(), "parcels/vehicle-km");
    let trace: js_sys::Array = get(&r, "trace").dyn_into().unwrap();
    assert_eq!(trace.length(), 2);
    assert_eq!(get(&trace.get(0), "name").as_string().unwrap(), "output");
}

#[wasm_bindgen_test]
fn energy_defaults_to_kw_and_hours() {
    let r = wasm::energy(obj(&[("power", 0.5.into()), ("time", 3.0.into())])).unwrap();
    assert_eq!(num(&r, "kwh"), 1.5);
    assert_eq!(num(&r, "pue"), 1.0);
}

/// `{ powerUnit: undefined }` is how JS often writes "not given": it means the default, as a missing key does.
#[wasm_bindgen_test]
fn undefined_optional_fields_take_their_defaults() {
    let r = wasm::energy(obj(&[
        ("power", 0.5.into()),
        ("time", 3.0.into()),
        ("powerUnit", JsValue::UNDEFINED),
        ("timeUnit", JsValue::NULL),
        ("pue", JsValue::UNDEFINED),
    ]))
    .unwrap();
    assert_eq!(num(&r, "kwh"), 1.5);
}

#[wasm_bindgen_test]
fn emission_with_split_factor_and_with_energy() {
    let factor = obj(&[("ttw", 0.25561.into()), ("wtt", 0.06128.into()), ("name", "diesel van".into())]);
    let r = wasm::emission(obj(&[("activity", 10.0.into()), ("factor", factor)])).unwrap();
    assert!((num(&r, "kgCo2e") - 3.1689).abs() < 1e-12);
    assert_eq!(num(&r, "kgCo2e"), num(&r, "ttwKg") + num(&r, "wttKg"));

    let energy = obj(&[("power", 200.0.into()), ("powerUnit", "W".into()), ("time", 5.0.into())]);
    let grid = obj(&[("kgPerUnit", 0.2454.into())]);
    let r = wasm::emission(obj(&[("energy", energy), ("factor", grid)])).unwrap();
    assert!((num(&r, "kgCo2e") - 0.2454).abs() < 1e-12);
    assert!(get(&r, "ttwKg").is_undefined());
}

#[wasm_bindgen_test]
fn errors_are_js_errors_that_name_the_field() {
    assert_eq!(
        error_message(wasm::efficiency(obj(&[("output", 1.0.into()), ("input", 0.0.into())]))),
        "input must be greater than 0, got 0"
    );
    assert_eq!(
        error_message(wasm::energy(obj(&[("power", f64::NAN.into()), ("time", 1.0.into())]))),
        "power must be a finite number, got NaN"
    );
    assert_eq!(
        error_message(wasm::energy(obj(&[("power", 1.0.into()), ("time", 1.0.into()), ("pue", 0.8.into())]))),
        "pue must be at least 1, got 0.8"
    );
    assert_eq!(error_message(wasm::efficiency(obj(&[("output", 1.0.into())]))), "missing field `input`");
    let wrong_type = error_message(wasm::energy(obj(&[("power", "fast".into()), ("time", 1.0.into())])));
    assert!(wrong_type.starts_with("power:"), "{wrong_type}");
    let typo = error_message(wasm::energy(obj(&[("power", 1.0.into()), ("time", 1.0.into()), ("PUE", 2.0.into())])));
    assert!(typo.starts_with("PUE: unknown field, expected one of power, powerUnit"), "{typo}");
    let nested_typo = error_message(wasm::emission(obj(&[
        ("activity", 1.0.into()),
        ("factor", obj(&[("ttw", 1.0.into()), ("wtt", 1.0.into()), ("sorce", "x".into())])),
    ])));
    assert!(nested_typo.starts_with("factor.sorce: unknown field"), "{nested_typo}");
    let bad_factor =
        error_message(wasm::emission(obj(&[("activity", 1.0.into()), ("factor", obj(&[("ttw", 1.0.into())]))])));
    assert!(bad_factor.starts_with("factor:"), "{bad_factor}");
    let not_object = error_message(wasm::emission(JsValue::UNDEFINED));
    assert!(not_object.starts_with("invalid type"), "{not_object}");
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_errors() {
    for _ in 0..3 {
        assert!(wasm::energy(obj(&[("power", f64::INFINITY.into()), ("time", 1.0.into())])).is_err());
        assert!(wasm::emission(JsValue::NULL).is_err());
        let r = wasm::energy(obj(&[("power", 2.0.into()), ("time", 2.0.into())])).unwrap();
        assert_eq!(num(&r, "kwh"), 4.0);
    }
}
