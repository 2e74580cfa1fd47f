//! The JS-facing API, run in headless Chromium by `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use green_delivery::wasm;
use green_delivery::wasm::kmeans::{kmeans, silhouette};
use js_sys::{Array, Function};
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
    assert_error(
        wasm::efficiency(obj(&[("output", 1.0.into()), ("input", 0.0.into())])),
        "out-of-range",
        "input",
        "input must be greater than 0, got 0",
    );
    assert_error(
        wasm::energy(obj(&[("power", f64::NAN.into()), ("time", 1.0.into())])),
        "not-finite",
        "power",
        "power must be a finite number, got NaN",
    );
    assert_error(
        wasm::energy(obj(&[("power", 1.0.into()), ("time", 1.0.into()), ("pue", 0.8.into())])),
        "out-of-range",
        "pue",
        "pue must be at least 1, got 0.8",
    );
    assert_error(wasm::efficiency(obj(&[("output", 1.0.into())])), "required", "input", "input: required");
    assert_error(
        wasm::energy(obj(&[("power", "fast".into()), ("time", 1.0.into())])),
        "wrong-type",
        "power",
        "power: must be a number, got text",
    );
    assert_error(
        wasm::energy(obj(&[("power", 1.0.into()), ("time", 1.0.into()), ("PUE", 2.0.into())])),
        "unknown-field",
        "PUE",
        "PUE: unknown field, expected one of power, powerUnit, time, timeUnit, pue",
    );
    assert_error_starts(
        wasm::emission(obj(&[
            ("activity", 1.0.into()),
            ("factor", obj(&[("ttw", 1.0.into()), ("wtt", 1.0.into()), ("sorce", "x".into())])),
        ])),
        "unknown-field",
        "factor.sorce",
        "factor.sorce: unknown field, expected one of kgPerUnit, ttw, wtt",
    );
    assert_error(
        wasm::emission(obj(&[("activity", 1.0.into()), ("factor", obj(&[("ttw", 1.0.into())]))])),
        "invalid",
        "factor",
        "factor: give either kgPerUnit, or both ttw and wtt",
    );
    // The whole input: the field is empty. `undefined` is read as null, as a missing optional field is.
    assert_error(wasm::emission(JsValue::UNDEFINED), "wrong-type", "", "the input must be an object, got null");
    assert_error(wasm::emission(JsValue::NULL), "wrong-type", "", "the input must be an object, got null");
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

// Hostile callers: values that JSON cannot hold, getters and Proxies that throw, absurd nesting. Each must be a
// `GreenDeliveryError` naming the field, thrown without unwinding through wasm (which would leak the shadow stack),
// and the module must keep working afterwards.

/// A JS value built by JS code (a getter, a Proxy), as a hostile page would pass it.
fn from_js(body: &str) -> JsValue {
    Function::new_with_args("", body).call0(&JsValue::NULL).expect("the test's JS runs")
}

#[wasm_bindgen_test]
fn a_thousand_bigint_inputs_leave_the_module_working() {
    let depot = || obj(&[("lat", 51.5.into()), ("lon", (-0.1).into())]);
    let bigint_lat = || {
        let lat = Array::of1(&js_sys::BigInt::from(1).into());
        obj(&[("lat", lat.into()), ("lon", Array::of1(&0.into()).into()), ("depot", depot())])
    };
    assert_error(wasm::consolidate(bigint_lat()), "wrong-type", "lat[0]", "lat[0]: must be a number, got a BigInt");
    for _ in 0..1000 {
        let (code, field) = error_code(wasm::consolidate(bigint_lat()));
        assert_eq!((code.as_str(), field.as_str()), ("wrong-type", "lat[0]"));
    }
    let r = wasm::efficiency(obj(&[("output", 120.0.into()), ("input", 48.0.into())])).unwrap();
    assert_eq!(num(&r, "value"), 2.5);
    let fine = obj(&[("lat", f64_array(&[51.52])), ("lon", f64_array(&[-0.1])), ("depot", depot())]);
    assert_eq!(num(&wasm::consolidate(fine).unwrap(), "orders"), 1.0);
}

#[wasm_bindgen_test]
fn throwing_getters_and_proxies_are_unreadable_fields() {
    let getter = from_js("return { output: 1, get input() { throw new Error('no'); } }");
    assert_error(
        wasm::efficiency(getter),
        "unreadable",
        "input",
        "input: could not be read: reading it threw (a getter or a Proxy)",
    );
    // What is thrown is never looked at, even when it is itself a Proxy that throws on every touch.
    let nasty = from_js(
        "const trap = () => { throw 1; };
         const thrown = new Proxy({}, { get: trap, getPrototypeOf: trap, ownKeys: trap, has: trap });
         return { power: 1, get time() { throw thrown; } }",
    );
    assert_error_starts(wasm::energy(nasty), "unreadable", "time", "time: could not be read");
    let proxy_depot = from_js("return new Proxy({}, { ownKeys() { throw new Error('no'); } })");
    let input = obj(&[("lat", f64_array(&[51.5])), ("lon", f64_array(&[-0.1])), ("depot", proxy_depot)]);
    assert_error_starts(wasm::consolidate(input), "unreadable", "depot", "depot: could not be read");
    let revoked = from_js("const { proxy, revoke } = Proxy.revocable({}, {}); revoke(); return proxy;");
    assert_error_starts(kmeans(f64_array(&[0.0, 0.0]), revoked), "unreadable", "", "could not be read");
    let r = wasm::efficiency(obj(&[("output", 120.0.into()), ("input", 48.0.into())])).unwrap();
    assert_eq!(num(&r, "value"), 2.5);
}

#[wasm_bindgen_test]
fn deep_nesting_is_refused_at_the_depth_limit() {
    let mut deep: JsValue = 1.0.into();
    for _ in 0..40 {
        deep = Array::of1(&deep).into();
    }
    // The field is the container at depth 32 (the limit), not the 40th.
    let field = format!("points{}", "[0]".repeat(32));
    let message = format!("{field}: is nested more than 32 levels deep");
    assert_error(kmeans(deep.clone(), obj(&[("k", 1.into())])), "too-deep", &field, &message);
    let field = format!("output{}", "[0]".repeat(31));
    let (code, at) = error_code(wasm::efficiency(obj(&[("output", deep), ("input", 1.0.into())])));
    assert_eq!((code.as_str(), at.as_str()), ("too-deep", field.as_str()));
}

#[wasm_bindgen_test]
fn wrong_types_and_numbers_at_every_export() {
    assert_error(wasm::parse_orders(42.into()), "wrong-type", "csv", "csv: must be text");
    assert_error(
        silhouette(f64_array(&[0.0, 0.0, 1.0, 1.0]), u32_array(&[0, u32::MAX]), JsValue::UNDEFINED),
        "out-of-range",
        "labels[1]",
        "labels[1] must be between 0 and 1, got 4294967295",
    );
    // One more than a u32 holds is refused while reading, with the same code and field.
    let too_big = js_sys::JSON::parse("[0, 4294967296]").unwrap();
    assert_error(
        silhouette(f64_array(&[0.0, 0.0, 1.0, 1.0]), too_big, JsValue::UNDEFINED),
        "out-of-range",
        "labels[1]",
        "labels[1] must be between 0 and 4294967295, got 4294967296",
    );
    assert_error(
        wasm::comparisons("250".into(), JsValue::UNDEFINED),
        "wrong-type",
        "grams",
        "grams: must be a number, got text",
    );
    assert_error(
        kmeans(f64_array(&[0.0, 0.0]), obj(&[("k", 1.into()), ("dim", 2.5.into())])),
        "not-integer",
        "dim",
        "dim: must be a whole number, got 2.5",
    );
}

/// In the browser's wasm, numbers in messages are written by JavaScript (boundary.js `numberText`, to keep Rust's
/// float formatting out of the wasm); they must read exactly as Rust's `{}` writes them (here, core::fmt itself).
#[wasm_bindgen_test]
fn numbers_in_messages_read_as_rust_writes_them() {
    let mut values = vec![
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.2,
        0.3,
        2.5,
        1e21,
        1.5e22,
        1e-7,
        1.2345e-7,
        1e308,
        -1e308,
        5e-324,
        f64::MAX,
        f64::MIN_POSITIVE,
        123456789012345680000.0,
        0.000001,
        9007199254740993.0,
        1.0 / 3.0,
        f64::NAN,
    ];
    // And finite numbers from bit patterns all over the range (a fixed xorshift).
    let mut bits: u64 = 0x9e37_79b9_7f4a_7c15;
    while values.len() < 2000 {
        bits ^= bits << 13;
        bits ^= bits >> 7;
        bits ^= bits << 17;
        let v = f64::from_bits(bits);
        if v.is_finite() {
            values.push(v);
        }
    }
    for v in values {
        let message = green_delivery::error::within("x", v, 1.0, 0.0).unwrap_err().to_string();
        let expected = if v.is_nan() {
            "x must be a finite number, got NaN".to_owned()
        } else {
            format!("x must be between 1 and 0, got {v}")
        };
        assert_eq!(message, expected, "{:e}", v);
    }
}
