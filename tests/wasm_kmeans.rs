//! The k-means JS API in headless Chromium: typed arrays in and out, errors as JS `Error`s, no traps.
#![cfg(target_arch = "wasm32")]

use green_delivery::wasm::kmeans::{elbow, kmeans, predict, silhouette, KMeansStepper};
use js_sys::{Array, Float64Array, Function};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

mod js;

use js::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Two tight groups of three points: around (0, 0) and around (10, 10).
fn two_groups() -> JsValue {
    f64_array(&[0.0, 0.0, 0.2, 0.0, 0.0, 0.2, 10.0, 10.0, 10.2, 10.0, 10.0, 10.2])
}

#[wasm_bindgen_test]
fn clusters_and_returns_typed_arrays() {
    let r = kmeans(two_groups(), obj(&[("k", 2.into()), ("seed", 7.into())])).unwrap();
    let labels = u32s(&r, "labels");
    assert_eq!(labels.len(), 6);
    assert_eq!(labels[0], labels[2]);
    assert_ne!(labels[0], labels[3]);
    let centroids = f64s(&r, "centroids");
    let first = labels[0] as usize * 2;
    assert!((centroids[first] - 0.2 / 3.0).abs() < 1e-12 && (centroids[first + 1] - 0.2 / 3.0).abs() < 1e-12);
    assert_eq!(u32s(&r, "sizes"), [3, 3]);
    assert_eq!(f64s(&r, "clusterWeights"), [3.0, 3.0]);
    assert_eq!(get(&r, "converged"), JsValue::TRUE);
    assert_eq!(get(&r, "seed").as_f64(), Some(7.0));
    assert_eq!(predict(two_groups(), r.clone()).unwrap().to_vec(), labels);
}

#[wasm_bindgen_test]
fn same_seed_same_result_and_unseeded_runs_report_their_seed() {
    let points = f64_array(&(0..400).map(|i| ((i * 7919) % 1000) as f64 / 10.0).collect::<Vec<_>>());
    let a = kmeans(points.clone(), obj(&[("k", 5.into()), ("seed", 42.into()), ("nInit", 3.into())])).unwrap();
    let b = kmeans(points.clone(), obj(&[("k", 5.into()), ("seed", 42.into()), ("nInit", 3.into())])).unwrap();
    assert_eq!(u32s(&a, "labels"), u32s(&b, "labels"));
    assert_eq!(f64s(&a, "centroids"), f64s(&b, "centroids"));
    let random = kmeans(points.clone(), obj(&[("k", 5.into())])).unwrap();
    let again = kmeans(points.clone(), obj(&[("k", 5.into()), ("seed", get(&random, "seed"))])).unwrap();
    assert_eq!(f64s(&random, "centroids"), f64s(&again, "centroids"));
}

/// "filter" (the default), its old name "hamerly", and "lloyd" give the same result; only the work differs.
#[wasm_bindgen_test]
fn every_algorithm_gives_the_same_result() {
    let points = f64_array(&(0..2000).map(|i| ((i * 7919) % 1000) as f64 / 10.0).collect::<Vec<_>>());
    let run = |algorithm: &str| {
        kmeans(points.clone(), obj(&[("k", 8.into()), ("seed", 3.into()), ("algorithm", algorithm.into())])).unwrap()
    };
    let (filter, hamerly, lloyd) = (run("filter"), run("hamerly"), run("lloyd"));
    for other in [&hamerly, &lloyd] {
        assert_eq!(u32s(&filter, "labels"), u32s(other, "labels"));
        assert_eq!(f64s(&filter, "centroids"), f64s(other, "centroids"));
    }
    assert!(num(&filter, "skippedFraction") > 0.5 && num(&lloyd, "skippedFraction") == 0.0);
}

#[wasm_bindgen_test]
fn geo_metric_works_in_km_and_lat_lon() {
    // Two London neighbourhoods about 10 km apart.
    let points = f64_array(&[51.50, -0.12, 51.501, -0.121, 51.52, 0.02, 51.521, 0.021]);
    let r = kmeans(points.clone(), obj(&[("k", 2.into()), ("metric", "geo".into()), ("seed", 1.into())])).unwrap();
    let c = f64s(&r, "centroids");
    assert!(c.chunks(2).all(|p| (51.4..51.6).contains(&p[0])));
    assert!(get(&r, "inertia").as_f64().unwrap() < 0.1, "km²");
    assert!(get(&r, "maxScaleError").as_f64().unwrap() < 0.001);
    assert_eq!(f64s(&r, "origin").len(), 2);
    assert_eq!(predict(points, r.clone()).unwrap().to_vec(), u32s(&r, "labels"));
}

#[wasm_bindgen_test]
fn weights_and_explicit_init() {
    // Points as a plain array of numbers, which is read like a typed array.
    let points: JsValue = [0.0, 10.0, 11.0].iter().map(|&x| JsValue::from(x)).collect::<Array>().into();
    let weights: JsValue = Float64Array::from(&[1.0, 0.0, 3.0][..]).into();
    let init: JsValue = Array::of2(&0.0.into(), &10.0.into()).into();
    let r = kmeans(points, obj(&[("k", 2.into()), ("dim", 1.into()), ("weights", weights), ("init", init)])).unwrap();
    assert_eq!(f64s(&r, "centroids"), [0.0, 11.0]);
    assert_eq!(f64s(&r, "clusterWeights"), [1.0, 3.0]);
}

#[wasm_bindgen_test]
fn bad_input_names_the_field() {
    let k2 = || obj(&[("k", 2.into())]);
    let zero_zero = || f64_array(&[0.0, 0.0]);
    assert_error(
        kmeans(f64_array(&[0.0, 0.0, f64::NAN, 1.0]), k2()),
        "not-finite",
        "points[1][0]",
        "points[1][0] must be a finite number, got NaN",
    );
    assert_error(
        kmeans(f64_array(&[0.0, 0.0, 91.0, 1.0]), obj(&[("k", 2.into()), ("metric", "geo".into())])),
        "out-of-range",
        "points[1].lat",
        "points[1].lat must be between -90 and 90, got 91",
    );
    assert_error(
        kmeans(f64_array(&[0.0, 0.0, 1.0]), k2()),
        "invalid",
        "points",
        "points: length 3 is not a multiple of dim = 2",
    );
    assert_error(
        kmeans(f64_array(&[0.0, 0.0, 1.0, 1.0]), obj(&[("k", 2.into()), ("weights", f64_array(&[-1.0, 1.0]))])),
        "out-of-range",
        "weights[0]",
        "weights[0] must be at least 0, got -1",
    );
    assert_error_starts(
        kmeans(f64_array(&[0.0, 0.0, 1.0, 1.0]), obj(&[("k", 2.into()), ("weights", f64_array(&[0.0, 0.0]))])),
        "invalid",
        "weights",
        "weights: all weights are 0",
    );
    assert_error(kmeans(zero_zero(), obj(&[("k", 0.into())])), "out-of-range", "k", "k must be at least 1, got 0");
    assert_error(kmeans(zero_zero(), k2()), "invalid", "k", "k: 2 is more than the number of points (1)");
    assert_error(kmeans(zero_zero(), obj(&[])), "required", "k", "k: required");
    assert_error_starts(
        kmeans(zero_zero(), obj(&[("k", 1.into()), ("nint", 2.into())])),
        "unknown-field",
        "nint",
        "nint: unknown field, expected one of k, kMin, kMax, dim, metric, seed, nInit",
    );
    assert_error(
        kmeans(zero_zero(), obj(&[("k", 1.into()), ("seed", (-1).into())])),
        "out-of-range",
        "seed",
        "seed must be between 0 and 4294967295, got -1",
    );
    assert_error(
        kmeans(zero_zero(), obj(&[("k", 1.into()), ("init", "random".into())])),
        "unknown-value",
        "init",
        "init: `random` is not k-means++",
    );
    assert_error(
        kmeans(zero_zero(), obj(&[("k", 1.into()), ("metric", "manhattan".into())])),
        "unknown-value",
        "metric",
        "metric: `manhattan` is not one of euclidean, geo",
    );
    assert_error(
        kmeans(zero_zero(), obj(&[("k", 1.into()), ("dim", 0.into())])),
        "out-of-range",
        "dim",
        "dim must be at least 1, got 0",
    );
    assert_error(
        kmeans(zero_zero(), obj(&[("k", 1.into()), ("onProgress", 3.into())])),
        "wrong-type",
        "onProgress",
        "onProgress: must be a function",
    );
    assert_error(
        kmeans(zero_zero(), JsValue::UNDEFINED),
        "wrong-type",
        "",
        "the options must be an object, e.g. { k: 3 }",
    );
    assert_error(
        kmeans("1,2".into(), obj(&[("k", 1.into())])),
        "wrong-type",
        "points",
        "points: must be a list, got text",
    );
    assert_error(
        kmeans(f64_array(&[0.0, 0.0, 1.0, 1.0]), obj(&[("kMin", 1.into()), ("kMax", 2.into())])),
        "conflict",
        "kMin",
        "kMin: kMin and kMax are for elbow(); kmeans() takes k",
    );
    assert_error(
        elbow(f64_array(&[0.0, 0.0, 1.0, 1.0]), obj(&[("k", 1.into())])),
        "required",
        "kMin",
        "kMin: elbow() takes kMin and kMax",
    );
    assert_error(
        KMeansStepper::new(zero_zero(), obj(&[("k", 3.into())])),
        "invalid",
        "k",
        "k: 3 is more than the number of points (1)",
    );
    assert_error(predict(zero_zero(), JsValue::NULL), "wrong-type", "", "the input must be an object, got null");
}

#[wasm_bindgen_test]
fn the_module_keeps_working_after_errors() {
    for _ in 0..3 {
        assert!(kmeans(f64_array(&[f64::INFINITY, 0.0]), obj(&[("k", 1.into())])).is_err());
        assert!(kmeans(f64_array(&[0.0, 0.0]), JsValue::UNDEFINED).is_err());
        assert!(predict(f64_array(&[0.0, 0.0]), JsValue::NULL).is_err());
        let r = kmeans(two_groups(), obj(&[("k", 2.into()), ("seed", 1.into())])).unwrap();
        assert_eq!(u32s(&r, "sizes"), [3, 3]);
    }
}

#[wasm_bindgen_test]
fn progress_is_reported_and_a_throw_stops_the_run() {
    let seen = Array::new();
    let record = Function::new_with_args("p", "this.push(p.iteration)").bind0(&seen);
    let points = f64_array(&(0..200).map(|i| ((i * 37) % 101) as f64).collect::<Vec<_>>());
    kmeans(points.clone(), obj(&[("k", 4.into()), ("seed", 3.into()), ("onProgress", record.into())])).unwrap();
    assert!(seen.length() >= 1);
    assert_eq!(seen.get(0).as_f64(), Some(1.0));
    let stop = Function::new_with_args("p", "throw new Error('stop')");
    // What the callback threw is not looked at (it may be hostile): the error says only that it threw.
    assert_error(
        kmeans(points.clone(), obj(&[("k", 4.into()), ("onProgress", stop.into())])),
        "aborted",
        "onProgress",
        "onProgress: threw, so the run stopped",
    );
}

#[wasm_bindgen_test]
fn stepper_elbow_and_silhouette() {
    let mut steps = KMeansStepper::new(two_groups(), obj(&[("k", 2.into()), ("seed", 5.into())])).unwrap();
    let mut last = f64::INFINITY;
    while !steps.converged() {
        let step = steps.step();
        let inertia = get(&step, "inertia").as_f64().unwrap();
        assert!(inertia <= last);
        last = inertia;
    }
    assert_eq!(steps.labels().length(), 6);
    assert_eq!(steps.centroids().unwrap().length(), 4);

    let curve = elbow(two_groups(), obj(&[("kMin", 1.into()), ("kMax", 3.into()), ("seed", 1.into())])).unwrap();
    let inertia = f64s(&curve, "inertia");
    assert_eq!(u32s(&curve, "k"), [1, 2, 3]);
    assert!(inertia[0] > inertia[1] && inertia[1] >= inertia[2]);

    let s = silhouette(two_groups(), u32_array(&[0, 0, 0, 1, 1, 1]), JsValue::UNDEFINED).unwrap();
    assert!(s > 0.9, "{s}");
    assert_error(
        silhouette(two_groups(), u32_array(&[0; 6]), JsValue::UNDEFINED),
        "invalid",
        "labels",
        "labels: the silhouette needs at least 2 clusters",
    );
    assert_error(
        silhouette(two_groups(), u32_array(&[0, 1]), JsValue::UNDEFINED),
        "invalid",
        "labels",
        "labels: expected one label per point (6), got 2",
    );
}
