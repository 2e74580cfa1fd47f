//! The footprint JS API (packaging, e-waste, digital, order, comparisons), run in headless Chromium by
//! `wasm-pack test --headless --chrome -- --test wasm_footprint`.
#![cfg(target_arch = "wasm32")]

use green_delivery::wasm;
use js_sys::{Array, Reflect, JSON};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod js;

use js::{assert_error, assert_error_starts};

wasm_bindgen_test_configure!(run_in_browser);

/// A plain JS object from JSON text, as a page would write it.
fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap_or_else(|_| panic!("bad JSON in test: {json}"))
}

fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| match key.parse::<u32>() {
        Ok(i) => Array::from(&v).get(i),
        Err(_) => Reflect::get(&v, &JsValue::from_str(key)).unwrap(),
    })
}

fn num(value: &JsValue, path: &str) -> f64 {
    get(value, path).as_f64().unwrap_or_else(|| panic!("{path} is not a number"))
}

fn close(a: f64, b: f64) -> bool {
    (a / b - 1.0).abs() < 1e-9
}

#[wasm_bindgen_test]
fn packaging_per_order_and_per_year() {
    let r = wasm::packaging_footprint(js(r#"{
        "items": [
            { "material": "board", "massKg": 0.3, "route": "recycling", "recycledContent": 1 },
            { "material": "plastic-film", "massKg": 0.02, "route": "landfill", "recycledContent": 0 }
        ],
        "ordersPerYear": 10000
    }"#))
    .unwrap();
    // Cradle to grave: board made from recycled board, film from virgin film; then their end of life.
    let made = 0.3 * 1098.11442 + 0.02 * 2916.50513;
    assert!(close(num(&r, "productionG"), made));
    let g = made + 0.3 * 4.68568 + 0.02 * 8.98311;
    assert!(close(num(&r, "gCo2e"), g));
    assert!(close(num(&r, "avoidedG"), 0.3 * (1199.72542 - 1098.11442)));
    assert!(close(num(&r, "perYear.kgCo2e"), g * 10.0));
    assert_eq!(get(&r, "items.0.trace.1.name").as_string().unwrap(), "factor (board-recycling)");
    assert!(get(&r, "items.1.avoidedG").is_undefined());
    assert_eq!(get(&r, "routes.0.route").as_string().unwrap(), "landfill");
    assert!(num(&r, "routes.0.gCo2e") > num(&r, "routes.2.gCo2e"));
    assert!(get(&r, "method").as_string().unwrap().starts_with("DESNZ counts recycling's benefit"));
}

#[wasm_bindgen_test]
fn ewaste_by_item_and_route() {
    let r = wasm::ewaste_footprint(js(r#"{ "items": [
        { "item": "weee-small", "massKg": 0.15, "route": "landfill" },
        { "item": "battery-li-ion", "massKg": 0.05, "route": "recycling" }
    ] }"#))
    .unwrap();
    assert!(close(num(&r, "gCo2e"), 0.15 * 8.98311 + 0.05 * 4.68568));
    assert!(close(num(&r, "items.1.primaryG"), 0.05 * 6308.0));
    assert!(get(&r, "items.1.avoidedG").is_undefined());
    // Batteries have no incineration row, so the whole mix cannot be incinerated: null, not a made-up number.
    assert!(get(&r, "routes.1.gCo2e").is_null());
    assert_eq!(Array::from(&get(&r, "notes")).length(), 1);
}

#[wasm_bindgen_test]
fn digital_by_segment_with_a_provider() {
    let r = wasm::digital_footprint(js(r#"{
        "pages": 8, "bytesPerPage": 2500000,
        "server": { "provider": "gcp", "vcpuSeconds": 2 },
        "grid": "grid-fr"
    }"#))
    .unwrap();
    let server_kwh = (0.71 + 0.5 * (4.26 - 0.71)) * 2.0 * 1.1 / 3.6e6;
    assert!(close(num(&r, "segments.0.kwh"), server_kwh));
    assert_eq!(get(&r, "segments.0.method").as_string().unwrap(), "ccf");
    assert!(close(num(&r, "segments.1.kwh"), 0.02 * 0.059));
    assert!(close(num(&r, "operationalG"), num(&r, "kwh") * 44.18));
    let sum: f64 = (0..3).map(|i| num(&r, &format!("segments.{i}.gCo2e"))).sum();
    assert!(close(num(&r, "gCo2e"), sum));
    let factors = wasm::digital_factors(js(r#"{ "ccf-gcp-pue": 1.2 }"#)).unwrap();
    let pue = Array::from(&factors).iter().find(|f| get(f, "id").as_string().unwrap() == "ccf-gcp-pue").unwrap();
    assert_eq!((num(&pue, "value"), get(&pue, "source").as_string().unwrap()), (1.2, "override".into()));
    assert_eq!(Array::from(&wasm::digital_factors(JsValue::UNDEFINED).unwrap()).length(), 17);
    // Override maps given as null are no overrides.
    let plain = wasm::digital_footprint(js(r#"{ "pages": 8, "bytesPerPage": 2500000 }"#)).unwrap();
    let nulls = r#"{ "pages": 8, "bytesPerPage": 2500000, "factors": null, "digitalFactors": null }"#;
    assert_eq!(num(&wasm::digital_footprint(js(nulls)).unwrap(), "gCo2e"), num(&plain, "gCo2e"));
}

#[wasm_bindgen_test]
fn order_adds_its_parts() {
    let r = wasm::order_footprint(js(r#"{
        "delivery": { "shopper": { "lat": 51.52, "lon": -0.08 }, "settings": { "failures.rate": 0 } },
        "option": "standard",
        "packaging": { "items": [{ "material": "board", "massKg": 0.3, "route": "recycling" }] },
        "digital": { "pages": 10, "bytesPerPage": 2000000 }
    }"#))
    .unwrap();
    let parts: f64 = (0..3).map(|i| num(&r, &format!("parts.{i}.gCo2e"))).sum();
    assert_eq!(num(&r, "gCo2e"), parts);
    let options = wasm::delivery_options(js(
        r#"{ "shopper": { "lat": 51.52, "lon": -0.08 }, "settings": { "failures.rate": 0 } }"#,
    ))
    .unwrap();
    assert_eq!(num(&r, "parts.0.gCo2e"), num(&options, "options.2.gCo2e"));
    assert!(get(&r, "summary").as_string().unwrap().starts_with("Your order: "));
    assert!(close(num(&r, "comparisons.metresDriven"), parts / 0.20871));
}

#[wasm_bindgen_test]
fn comparisons_with_and_without_overrides() {
    let c = wasm::comparisons(208.71.into(), JsValue::UNDEFINED).unwrap();
    assert!(close(num(&c, "metresDriven"), 1000.0));
    assert!(close(num(&c, "phoneCharges"), 208.71 / (0.015 * 245.4)));
    let c = wasm::comparisons(
        100.0.into(),
        js(r#"{ "petrol-car": { "kgPerUnit": 0.1 }, "uk-grid-2025": { "kgPerUnit": 0 } }"#),
    )
    .unwrap();
    assert_eq!(num(&c, "metresDriven"), 1000.0);
    assert!(get(&c, "phoneCharges").is_null());
}

#[wasm_bindgen_test]
fn errors_are_js_errors_that_name_the_field() {
    let packaging = |items: &str| wasm::packaging_footprint(js(&format!(r#"{{ "items": [{items}] }}"#)));
    assert_error(
        packaging(r#"{ "material": "board", "massKg": -1, "route": "landfill" }"#),
        "out-of-range",
        "items[0].massKg",
        "items[0].massKg must be at least 0, got -1",
    );
    assert_error(
        packaging(r#"{ "material": "foam", "massKg": 1, "route": "landfill" }"#),
        "unknown-value",
        "items[0].material",
        "items[0].material: unknown material `foam`, expected one of board, paper, plastic, plastic-film",
    );
    assert_error(
        packaging(r#"{ "material": "board", "massKg": 1, "route": "compost" }"#),
        "unknown-value",
        "items[0].route",
        "items[0].route: unknown route `compost`, expected one of landfill, incineration, recycling",
    );
    assert_error(
        packaging(r#"{ "material": "board", "massKg": 1, "route": "landfill", "colour": "brown" }"#),
        "unknown-field",
        "items[0].colour",
        "items[0].colour: unknown field, expected one of material, massKg, route, recycledContent",
    );
    assert_error(
        packaging(r#"{ "material": "board", "massKg": "heavy", "route": "landfill" }"#),
        "wrong-type",
        "items[0].massKg",
        "items[0].massKg: must be a number, got text",
    );
    assert_error(
        wasm::ewaste_footprint(js(
            r#"{ "items": [{ "item": "battery-alkaline", "massKg": 0.1, "route": "incineration" }] }"#,
        )),
        "invalid",
        "items[0].route",
        "items[0].route: DESNZ 2025 has no incineration row for `battery` waste, so there is no figure to use; \
         choose one of landfill, recycling",
    );
    let digital = |server: &str| {
        wasm::digital_footprint(js(&format!(r#"{{ "pages": 1, "bytesPerPage": 1, "server": {server} }}"#)))
    };
    assert_error(
        digital(r#"{ "provider": "aws", "vcpuSeconds": 1, "utilisation": 1.5 }"#),
        "out-of-range",
        "server.utilisation",
        "server.utilisation must be between 0 and 1, got 1.5",
    );
    assert_error(
        digital(r#"{ "provider": "aws", "vcpuSeconds": 1, "pue": 0.8 }"#),
        "out-of-range",
        "server.pue",
        "server.pue must be between 1 and 10, got 0.8",
    );
    assert_error_starts(
        digital(r#"{ "provider": "aws", "vcpuSecs": 1 }"#),
        "unknown-field",
        "server.vcpuSecs",
        "server.vcpuSecs: unknown field, expected one of provider, vcpuSeconds,",
    );
    assert_error(
        wasm::digital_footprint(js(r#"{ "pages": -1, "bytesPerPage": 1 }"#)),
        "out-of-range",
        "pages",
        "pages must be at least 0, got -1",
    );
    let order = |json: &str| wasm::order_footprint(js(json));
    assert_error_starts(
        order(r#"{ "delivery": { "shopper": { "lat": 51, "lon": 0 }, "depto": {} }, "option": "sameDayCourier" }"#),
        "unknown-field",
        "delivery.depto",
        "delivery.depto: unknown field, expected one of shopper, depot,",
    );
    assert_error(
        order(
            r#"{ "delivery": { "shopper": { "lat": 51, "lon": 0 } }, "option": "sameDayCourier",
                 "packaging": { "items": [{ "material": "paper", "massKg": -2, "route": "landfill" }] } }"#,
        ),
        "out-of-range",
        "packaging.items[0].massKg",
        "packaging.items[0].massKg must be at least 0, got -2",
    );
    assert_error(order("{}"), "required", "delivery", "delivery: required");
    assert_error(
        wasm::comparisons(f64::NAN.into(), JsValue::UNDEFINED),
        "not-finite",
        "grams",
        "grams must be a finite number, got NaN",
    );
    assert_error(
        wasm::digital_factors(js(r#"{ "ccf-aws-pue": 0.5 }"#)),
        "out-of-range",
        "digitalFactors.ccf-aws-pue",
        "digitalFactors.ccf-aws-pue must be between 1 and 10, got 0.5",
    );
    assert_error(wasm::packaging_footprint(JsValue::NULL), "wrong-type", "", "the input must be an object, got null");
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_errors() {
    for _ in 0..3 {
        assert!(wasm::packaging_footprint(JsValue::NULL).is_err());
        assert!(wasm::digital_footprint(js(r#"{ "pages": -1, "bytesPerPage": 1 }"#)).is_err());
        assert!(wasm::order_footprint(js("{}")).is_err());
        let r = wasm::comparisons(0.0.into(), JsValue::NULL).unwrap();
        assert_eq!(num(&r, "metresDriven"), 0.0);
    }
}
