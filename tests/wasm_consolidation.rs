//! The consolidation JS API, run in headless Chromium by `wasm-pack test --headless --chrome`.
#![cfg(target_arch = "wasm32")]

use green_delivery::wasm;
use js_sys::{Array, Float64Array, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod js;

use js::*;

wasm_bindgen_test_configure!(run_in_browser);

fn at(lat: f64, lon: f64) -> JsValue {
    obj(&[("lat", lat.into()), ("lon", lon.into())])
}

/// 20 one-parcel orders on a line north of the depot, as typed columns.
fn columns() -> Vec<(&'static str, JsValue)> {
    let lat: Vec<f64> = (0..20).map(|i| 51.50 + 0.002 * i as f64).collect();
    vec![
        ("lat", Float64Array::from(&lat[..]).into()),
        ("lon", Float64Array::from(&[-0.12; 20][..]).into()),
        ("parcels", Float64Array::from(&[1.0; 20][..]).into()),
        ("depot", at(51.45, -0.12)),
    ]
}

fn scenario(result: &JsValue, i: u32) -> JsValue {
    get(result, "scenarios").dyn_into::<Array>().unwrap().get(i)
}

#[wasm_bindgen_test]
fn consolidate_with_typed_columns() {
    let r = wasm::consolidate(obj(&columns())).unwrap();
    let (dedicated, consolidated) = (scenario(&r, 0), scenario(&r, 1));
    assert_eq!(get(&dedicated, "id").as_string().unwrap(), "dedicated");
    assert!(num(&consolidated, "vehicleKm") < num(&dedicated, "vehicleKm"));
    assert_eq!(get(&r, "baseline").as_string().unwrap(), "standard");
    let range = get(&consolidated, "range");
    assert!(num(&range, "low") <= num(&consolidated, "kgCo2e") && num(&consolidated, "kgCo2e") <= num(&range, "high"));
    let sensitivity: Array = get(&consolidated, "sensitivity").dyn_into().unwrap();
    assert!(get(&sensitivity.get(0), "setting").is_string());
    assert!((num(&consolidated, "kgCo2e") - num(&consolidated, "ttwKg") - num(&consolidated, "wttKg")).abs() < 1e-12);
    assert!(num(&consolidated, "dieselLitres") > 0.0);
    let round_of: Uint32Array = get(&r, "roundOf").dyn_into().unwrap();
    assert_eq!(round_of.length(), 20);
    assert!(get(&r, "geojson").is_undefined());
    for i in 0..4 {
        let legs: Array = get(&scenario(&r, i), "legs").dyn_into().unwrap();
        let trace: Array = get(&legs.get(0), "trace").dyn_into().unwrap();
        assert!(trace.length() >= 3, "a leg's trace names its factor");
    }
}

#[wasm_bindgen_test]
fn consolidate_with_order_objects_and_geojson_out() {
    let orders: Array = (0..5)
        .map(|i| {
            obj(&[("lat", (51.5 + 0.01 * i as f64).into()), ("lon", (-0.1).into()), ("id", format!("o{i}").into())])
        })
        .collect();
    let r = wasm::consolidate(obj(&[
        ("orders", orders.into()),
        ("depot", at(51.45, -0.1)),
        ("geojson", true.into()),
        ("vehicle", "electric-van".into()),
        ("grid", "grid-fr".into()),
    ]))
    .unwrap();
    assert!(num(&scenario(&r, 1), "kwh") > 0.0);
    let geojson = get(&r, "geojson");
    assert_eq!(get(&geojson, "type").as_string().unwrap(), "FeatureCollection");
    let features: Array = get(&geojson, "features").dyn_into().unwrap();
    let kinds: Vec<String> =
        features.iter().map(|f| get(&get(&f, "properties"), "kind").as_string().unwrap()).collect();
    assert_eq!(kinds.iter().filter(|k| *k == "round").count(), 1);
    assert_eq!(kinds.iter().filter(|k| *k == "stop").count(), 5);
    let stop =
        features.iter().find(|f| get(&get(f, "properties"), "kind").as_string().as_deref() == Some("stop")).unwrap();
    assert_eq!(num(&get(&stop, "properties"), "round"), 0.0);
    assert_eq!(get(&get(&stop, "geometry"), "type").as_string().unwrap(), "Point");
}

#[wasm_bindgen_test]
fn errors_name_the_field() {
    let with = |extra: &[(&str, JsValue)]| {
        let mut pairs = columns();
        for (k, v) in extra {
            pairs.retain(|(key, _)| key != k);
            pairs.push((k, v.clone()));
        }
        wasm::consolidate(obj(&pairs))
    };
    assert_error(
        with(&[("depot", at(f64::NAN, 0.0))]),
        "not-finite",
        "depot.lat",
        "depot.lat must be a finite number, got NaN",
    );
    assert_error(
        with(&[("capacity", 0.0.into())]),
        "out-of-range",
        "capacity",
        "capacity must be between 1 and 100000, got 0",
    );
    assert_error_starts(
        with(&[("vehicle", "hovercraft".into())]),
        "unknown-id",
        "vehicle",
        "vehicle: unknown factor id `hovercraft`, expected one of diesel-van,",
    );
    let empty: JsValue = Float64Array::new_with_length(0).into();
    assert_error(
        with(&[("lat", empty.clone()), ("lon", empty.clone()), ("parcels", empty)]),
        "invalid",
        "orders",
        "orders: no orders",
    );
    let parcels: JsValue = Float64Array::from(&[[1.0; 19].as_slice(), &[0.5]].concat()[..]).into();
    assert_error(
        with(&[("parcels", parcels)]),
        "out-of-range",
        "parcels[19]",
        "parcels[19] must be between 1 and 1000000, got 0.5",
    );
    let shares = obj(&[("walk", (-0.1).into()), ("car", 1.1.into())]);
    assert_error(
        with(&[("pickup", obj(&[("shares", shares)]))]),
        "out-of-range",
        "pickup.shares.walk",
        "pickup.shares.walk must be at least 0, got -0.1",
    );
    let shares = obj(&[("walk", 0.5.into()), ("car", 0.4.into())]);
    assert_error(
        with(&[("pickup", obj(&[("shares", shares)]))]),
        "invalid",
        "pickup.shares",
        "pickup.shares: walk + cycle + car must add up to 1, got 0.9",
    );
    let typo = obj(&[("shares", obj(&[("wlak", 1.0.into())]))]);
    assert_error(
        with(&[("pickup", typo)]),
        "unknown-field",
        "pickup.shares.wlak",
        "pickup.shares.wlak: unknown field, expected one of walk, cycle, car",
    );
    assert_error_starts(
        with(&[("capasity", 3.0.into())]),
        "unknown-field",
        "capasity",
        "capasity: unknown field, expected one of depot, vehicle, capacity,",
    );
    let orders: Array = [obj(&[("lat", "x".into()), ("lon", 0.0.into())])].into_iter().collect();
    assert_error(
        wasm::consolidate(obj(&[("orders", orders.into()), ("depot", at(0.0, 0.0))])),
        "wrong-type",
        "orders[0].lat",
        "orders[0].lat: must be a number, got text",
    );
    assert_error(wasm::consolidate(JsValue::UNDEFINED), "wrong-type", "", "the input must be an object");
    assert_error(
        wasm::consolidate(obj(&[("depot", at(0.0, 0.0))])),
        "required",
        "orders",
        "orders: required: give orders, or the columns lat and lon (and parcels)",
    );
}

#[wasm_bindgen_test]
fn delivery_options_give_eight_options_with_ranges_elements_and_a_boundary() {
    let r = wasm::delivery_options(obj(&[("shopper", at(51.52, -0.08)), ("depot", at(51.45, -0.2))])).unwrap();
    let options: Array = get(&r, "options").dyn_into().unwrap();
    let ids: Vec<String> = options.iter().map(|o| get(&o, "id").as_string().unwrap()).collect();
    assert_eq!(
        ids,
        ["sameDayCourier", "nextDay", "standard", "consolidated", "pickupWalk", "pickupCar", "locker", "cargoBike"]
    );
    assert_eq!(get(&r, "baseline").as_string().unwrap(), "standard");
    for o in options.iter() {
        assert!(num(&o, "gCo2e") >= 0.0);
        let range = get(&o, "range");
        assert!(num(&range, "low") <= num(&o, "gCo2e") && num(&o, "gCo2e") <= num(&range, "high"));
        assert_eq!(num(&range, "coverage"), 0.9);
        assert!(get(&o, "sensitivity").is_array());
        assert!(get(&o, "savingClear").as_bool().is_some());
        // The core returns ids and numbers: the words are the page's.
        assert!(get(&o, "explanation").is_undefined() && get(&o, "label").is_undefined());
        let legs: Array = get(&o, "legs").dyn_into().unwrap();
        assert_eq!(get(&legs.get(0), "element").as_string().unwrap(), "line-haul");
    }
    let boundary = get(&r, "boundary");
    assert_eq!(get(&boundary, "functionalUnit").as_string().unwrap(), "parcel-delivered");
    assert_eq!(get(&boundary, "allocation").as_string().unwrap(), "per-parcel");
    assert!(get(&boundary, "included").is_array() && get(&boundary, "excluded").is_array());
    assert_eq!(get(&get(&r, "variants"), "area").as_string().unwrap(), "suburban");
    let settings = obj(&[("round.km", (-1.0).into())]);
    assert_error(
        wasm::delivery_options(obj(&[("shopper", at(0.0, 0.0)), ("settings", settings)])),
        "out-of-range",
        "settings.round.km",
        "settings.round.km must be between 0 and 10000, got -1",
    );
    let settings = obj(&[("dropKm", 3.0.into())]);
    assert_error_starts(
        wasm::delivery_options(obj(&[("shopper", at(0.0, 0.0)), ("settings", settings)])),
        "unknown-id",
        "settings.dropKm",
        "settings.dropKm: unknown setting `dropKm`",
    );
    assert_error(wasm::delivery_options(JsValue::NULL), "wrong-type", "", "the input must be an object, got null");
}

#[wasm_bindgen_test]
fn parse_orders_returns_columns_and_row_errors() {
    let r = wasm::parse_orders("id,lat,lng,parcels\na,51.5,-0.1,2\nb,x,0,1\n".into()).unwrap();
    let orders = get(&r, "orders");
    let lat: Float64Array = get(&orders, "lat").dyn_into().unwrap();
    assert_eq!(lat.to_vec(), [51.5]);
    let ids: Array = get(&orders, "ids").dyn_into().unwrap();
    assert_eq!(ids.get(0).as_string().unwrap(), "a");
    let errors: Array = get(&r, "errors").dyn_into().unwrap();
    assert_eq!(num(&errors.get(0), "line"), 3.0);
    assert_eq!(get(&errors.get(0), "message").as_string().unwrap(), "lat must be a number, got \"x\"");
    assert_error(
        wasm::parse_orders("name\nx\n".into()),
        "bad-file",
        "csv",
        "csv: needs a lat (or latitude) and a lon (or lng, longitude) column; found name",
    );
    assert_error_starts(wasm::parse_orders("".into()), "bad-file", "csv", "csv: no header row");
}

#[wasm_bindgen_test]
fn geojson_in_from_text_and_objects() {
    let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[-0.1,51.5]},"properties":{"parcels":2}},{"type":"Feature","geometry":null}]}"#;
    let r = wasm::orders_from_geojson(text.into()).unwrap();
    let parcels: Float64Array = get(&get(&r, "orders"), "parcels").dyn_into().unwrap();
    assert_eq!(parcels.to_vec(), [2.0]);
    let errors: Array = get(&r, "errors").dyn_into().unwrap();
    assert_eq!(num(&errors.get(0), "feature"), 1.0);
    let object = js_sys::JSON::parse(text).unwrap();
    assert!(wasm::orders_from_geojson(object).is_ok());
    assert_error(wasm::orders_from_geojson("{oops".into()), "bad-file", "geojson", "geojson: not valid JSON");
}

#[wasm_bindgen_test]
fn factors_lists_the_table_with_overrides() {
    let table: Array = wasm::factors(JsValue::UNDEFINED).unwrap().dyn_into().unwrap();
    let ids: Vec<String> = table.iter().map(|f| get(&f, "id").as_string().unwrap()).collect();
    assert!(ids.contains(&"diesel-fuel".to_owned()) && ids.contains(&"e-cargo-bike".to_owned()));
    let overridden: Array =
        wasm::factors(obj(&[("diesel-van", obj(&[("kgPerUnit", 0.3.into())]))])).unwrap().dyn_into().unwrap();
    let van = overridden.iter().find(|f| get(f, "id").as_string().as_deref() == Some("diesel-van")).unwrap();
    assert_eq!(get(&van, "source").as_string().unwrap(), "override");
    assert_error(
        wasm::factors(obj(&[("diesel-van", obj(&[("kgPerUnitt", 0.3.into())]))])),
        "unknown-field",
        "factors.diesel-van.kgPerUnitt",
        "factors.diesel-van.kgPerUnitt: unknown field, expected one of kgPerUnit, ttw, wtt",
    );
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_errors() {
    for _ in 0..3 {
        assert!(wasm::consolidate(obj(&[("depot", at(0.0, 0.0))])).is_err());
        assert!(wasm::parse_orders("".into()).is_err());
        assert!(wasm::delivery_options(JsValue::NULL).is_err());
        let r = wasm::consolidate(obj(&columns())).unwrap();
        assert_eq!(get(&r, "orders").as_f64(), Some(20.0));
    }
}
