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

/// A `Float64Array`, as a JS caller passes points, weights or columns.
pub fn f64_array(values: &[f64]) -> JsValue {
    Float64Array::from(values).into()
}

/// A `Uint32Array`, as a JS caller passes labels.
pub fn u32_array(values: &[u32]) -> JsValue {
    Uint32Array::from(values).into()
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

/// What an export threw; panics if it returned.
pub fn thrown<T>(result: Result<T, JsValue>) -> JsValue {
    match result {
        Ok(_) => panic!("expected an error, got a result"),
        Err(error) => error,
    }
}

/// `(code, field, message)` of the error an export threw, after checking that it is the package's
/// `GreenDeliveryError`: a JS `Error` with `name`, `code`, `field` and `message`, all text.
pub fn error_code_field<T>(result: Result<T, JsValue>) -> (String, String, String) {
    let error = thrown(result);
    assert!(error.is_instance_of::<js_sys::Error>(), "not a JS Error: {error:?}");
    assert!(green_delivery::wasm::is_green_delivery_error(error.clone()), "not a GreenDeliveryError: {error:?}");
    let text = |key: &str| {
        Reflect::get(&error, &JsValue::from_str(key))
            .unwrap()
            .as_string()
            .unwrap_or_else(|| panic!("the error's {key} is not text: {error:?}"))
    };
    assert_eq!(text("name"), "GreenDeliveryError");
    (text("code"), text("field"), text("message"))
}

/// The message of the `GreenDeliveryError` an export threw.
pub fn error_message<T>(result: Result<T, JsValue>) -> String {
    error_code_field(result).2
}

/// `(code, field)` of the `GreenDeliveryError` an export threw, for tests that do not pin the wording.
pub fn error_code<T>(result: Result<T, JsValue>) -> (String, String) {
    let (code, field, _) = error_code_field(result);
    (code, field)
}

/// Asserts that an export threw a `GreenDeliveryError` with this code, field and message.
#[track_caller]
pub fn assert_error<T>(result: Result<T, JsValue>, code: &str, field: &str, message: &str) {
    let (c, f, m) = error_code_field(result);
    assert_eq!((c.as_str(), f.as_str(), m.as_str()), (code, field, message));
}

/// Asserts that an export threw a `GreenDeliveryError` with this code and field, and a message that starts so.
#[track_caller]
pub fn assert_error_starts<T>(result: Result<T, JsValue>, code: &str, field: &str, message_start: &str) {
    let (c, f, m) = error_code_field(result);
    assert_eq!((c.as_str(), f.as_str()), (code, field), "{m}");
    assert!(m.starts_with(message_start), "{m:?} does not start with {message_start:?}");
}
