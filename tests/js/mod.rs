//! Helpers shared by the wasm test files: build plain JS objects, read results, catch thrown errors.
// Each test file uses a subset of these.
#![allow(dead_code)]

use js_sys::{Float64Array, Object, Reflect, Uint32Array};
use wasm_bindgen::{JsCast, JsValue};

/// A plain JS object from (key, value) pairs; nested objects are built the same way.
pub fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (key, value) in pairs {
        Reflect::set(&o, &JsValue::from_str(key), value).unwrap();
    }
    o.into()
}

pub fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap()
}

pub fn num(value: &JsValue, key: &str) -> f64 {
    get(value, key).as_f64().unwrap_or_else(|| panic!("{key} is not a number"))
}

pub fn f64s(value: &JsValue, key: &str) -> Vec<f64> {
    get(value, key).dyn_into::<Float64Array>().expect("a Float64Array").to_vec()
}

pub fn u32s(value: &JsValue, key: &str) -> Vec<u32> {
    get(value, key).dyn_into::<Uint32Array>().expect("a Uint32Array").to_vec()
}

/// The message of the JS `Error` an export threw.
pub fn error_message(result: Result<JsValue, wasm_bindgen::JsError>) -> String {
    let thrown = JsValue::from(result.expect_err("expected an error"));
    let error: js_sys::Error = thrown.dyn_into().expect("a JS Error");
    error.message().into()
}
