//! The one strict path from caller data to the core's input types.
//!
//! A [`Value`] is a JSON-like tree that a host (the JS binding, a test) builds from caller data once, within the
//! [`LIMITS`]. [`from_value`] reads it into any `Deserialize` type with these rules, so that each type's serde
//! derive (with `deny_unknown_fields`) is the only description of what is valid:
//! - numbers are numbers: a string, `true`, a list or an object where a number belongs is `wrong-type`;
//! - integers are integers: `2.5` for a count is `not-integer`, `-1` is `out-of-range`;
//! - unknown keys are `unknown-field` at every level, missing required ones `required`;
//! - every error names its field as a JS path, e.g. `orders[3].lat` or `factors.diesel-van.ttw`.

use serde::de::{self, DeserializeOwned, IntoDeserializer, Visitor};
use serde::{Deserialize, Deserializer};

use crate::error::{Code, Error, Result};

/// Bounds on any one input, checked by whoever builds the [`Value`], before anything is allocated for it.
pub struct Limits {
    /// Containers (lists and objects) nested inside one another.
    pub max_depth: u32,
    /// Values in one input, counting each number of a typed array.
    pub max_items: u32,
    /// Characters of text in one input, keys included (a CSV file is one text).
    pub max_chars: u32,
}

/// The limits of every input: deep enough for GeoJSON, large enough for 10 million 2-D points or a 100 MB CSV.
pub const LIMITS: Limits = Limits { max_depth: 32, max_items: 1 << 25, max_chars: 1 << 27 };

/// A caller's data, as plain values.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null` or `undefined`: the same as a missing optional field.
    Null,
    Bool(bool),
    Number(f64),
    Text(String),
    /// A typed array (e.g. `Float64Array`), kept as one block of numbers.
    Numbers(Vec<f64>),
    List(Vec<Value>),
    /// Keys in the caller's order.
    Object(Vec<(String, Value)>),
    /// A host value the core cannot read (a callback), by its index in the host's own list.
    Function(usize),
}

impl Value {
    /// The value under `key` of an object, if there is one and it is not null.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(entries) => entries.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
        .filter(|v| **v != Value::Null)
    }

    /// Removes `key` from an object and returns its value (`Null` when absent), for fields the host reads itself.
    pub fn take(&mut self, key: &str) -> Value {
        match self {
            Value::Object(entries) => match entries.iter().position(|(k, _)| k == key) {
                Some(i) => entries.remove(i).1,
                None => Value::Null,
            },
            _ => Value::Null,
        }
    }

    /// Removes `key` from an object and reads its value as `T`, with errors under `key`: for the fields a host
    /// takes out before reading the rest with [`from_value`].
    pub fn take_as<T: DeserializeOwned>(&mut self, key: &str) -> Result<T> {
        from_value(self.take(key)).map_err(|e| e.within(key))
    }

    /// A list of numbers: a typed array's block is moved as it is (a million points are not copied again), a plain
    /// list is read strictly, element by element, as [`from_value`] would.
    pub fn into_numbers(self) -> Result<Vec<f64>> {
        match self {
            Value::Numbers(numbers) => Ok(numbers),
            other => from_value(other),
        }
    }

    /// [`take_as`](Value::take_as) for an optional list of numbers, through [`into_numbers`](Value::into_numbers).
    pub fn take_numbers(&mut self, key: &str) -> Result<Option<Vec<f64>>> {
        match self.take(key) {
            Value::Null => Ok(None),
            value => value.into_numbers().map(Some).map_err(|e| e.within(key)),
        }
    }

    /// "a string", "null", "a list"…: what a caller gave, for messages.
    fn describe(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(b) => b.to_string(),
            Value::Number(_) => "a number".into(),
            Value::Text(_) => "text".into(),
            Value::Numbers(_) | Value::List(_) => "a list".into(),
            Value::Object(_) => "an object".into(),
            Value::Function(_) => "a function".into(),
        }
    }

    fn wrong_type(&self, expected: &str) -> Error {
        Error::new(Code::WrongType, "", format!("must be {expected}, got {}", self.describe()))
    }

    /// A whole number within `[min, max]`.
    fn integer(&self, min: f64, max: f64) -> Result<f64> {
        let Value::Number(v) = *self else { return Err(self.wrong_type("a whole number")) };
        if !v.is_finite() {
            return Err(Error::NotFinite { field: String::new(), value: v });
        }
        if v.fract() != 0.0 {
            return Err(Error::new(
                Code::NotInteger,
                "",
                format!("must be a whole number, got {}", crate::error::Plain(v)),
            ));
        }
        if v < min || v > max {
            return Err(Error::OutOfRange { field: String::new(), value: v, min, max });
        }
        Ok(v)
    }
}

/// Reads `value` into `T` by the rules in the module docs.
///
/// ```
/// use green_delivery::input::{from_value, Value};
/// use green_delivery::models::EfficiencyInput;
/// let input = Value::Object(vec![("output".into(), Value::Number(120.0)), ("input".into(), Value::Text("48".into()))]);
/// let err = from_value::<EfficiencyInput>(input).unwrap_err();
/// assert_eq!((err.code().as_str(), err.field()), ("wrong-type", "input"));
/// ```
pub fn from_value<T: DeserializeOwned>(value: Value) -> Result<T> {
    T::deserialize(value)
}

/// For `#[serde(default, deserialize_with = "crate::input::or_default")]`: a field given as `null` (or, from
/// JS, `undefined`) takes its default, as a missing one does. JS code often writes `{ factors: maybeOverrides }`,
/// and serde alone would reject the `undefined`.
pub fn or_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(value: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(value)?.unwrap_or_default())
}

impl de::Error for Error {
    fn custom<T: std::fmt::Display>(msg: T) -> Self {
        Error::invalid("", msg.to_string())
    }
    fn invalid_type(unexpected: de::Unexpected, expected: &dyn de::Expected) -> Self {
        Error::new(Code::WrongType, "", format!("must be {expected}, got {unexpected}"))
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        Error::new(Code::UnknownField, field, format!("unknown field, expected one of {}", expected.join(", ")))
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::new(Code::UnknownValue, "", format!("`{variant}` is not one of {}", expected.join(", ")))
    }
    fn missing_field(field: &'static str) -> Self {
        Error::required(field)
    }
}

impl<'de> IntoDeserializer<'de, Error> for Value {
    type Deserializer = Value;
    fn into_deserializer(self) -> Value {
        self
    }
}

/// The elements of a list, each error nested under its index.
struct Elements<I> {
    items: I,
    index: usize,
}

impl<'de, I: Iterator<Item = Value>> de::SeqAccess<'de> for Elements<I> {
    type Error = Error;
    fn next_element_seed<T: de::DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        let Some(item) = self.items.next() else { return Ok(None) };
        let at = self.index;
        self.index += 1;
        seed.deserialize(item).map(Some).map_err(|e| e.within(&format!("[{at}]")))
    }
    fn size_hint(&self) -> Option<usize> {
        self.items.size_hint().1
    }
}

/// The entries of an object, each value's error nested under its key.
struct Entries {
    entries: std::vec::IntoIter<(String, Value)>,
    pending: Option<(String, Value)>,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = Error;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        let Some((key, value)) = self.entries.next() else { return Ok(None) };
        let k = seed.deserialize(Value::Text(key.clone()))?;
        self.pending = Some((key, value));
        Ok(Some(k))
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value> {
        let (key, value) = self.pending.take().ok_or_else(|| Error::invalid("", "value without a key"))?;
        seed.deserialize(value).map_err(|e| e.within(&key))
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

impl Value {
    fn visit_list<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Value::List(items) => visitor.visit_seq(Elements { items: items.into_iter(), index: 0 }),
            Value::Numbers(numbers) => {
                visitor.visit_seq(Elements { items: numbers.into_iter().map(Value::Number), index: 0 })
            }
            other => Err(other.wrong_type("a list")),
        }
    }

    fn visit_object<'de, V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Value::Object(entries) => visitor.visit_map(Entries { entries: entries.into_iter(), pending: None }),
            other => Err(other.wrong_type("an object")),
        }
    }
}

/// Integer reads: each checks that the number is whole and fits.
macro_rules! integers {
    ($($method:ident => $visit:ident($ty:ty, $min:expr, $max:expr)),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            visitor.$visit(self.integer($min, $max)? as $ty)
        }
    )*};
}

/// Largest integer a JS number holds exactly.
const MAX_SAFE: f64 = 9_007_199_254_740_991.0;

impl<'de> Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(v) => visitor.visit_f64(v),
            Value::Text(s) => visitor.visit_string(s),
            list @ (Value::List(_) | Value::Numbers(_)) => list.visit_list(visitor),
            object @ Value::Object(_) => object.visit_object(visitor),
            f @ Value::Function(_) => Err(f.wrong_type("data")),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Value::Bool(b) => visitor.visit_bool(b),
            other => Err(other.wrong_type("true or false")),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Value::Number(v) => visitor.visit_f64(v),
            other => Err(other.wrong_type("a number")),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_f64(visitor)
    }

    integers! {
        deserialize_u8 => visit_u8(u8, 0.0, u8::MAX as f64),
        deserialize_u16 => visit_u16(u16, 0.0, u16::MAX as f64),
        deserialize_u32 => visit_u32(u32, 0.0, u32::MAX as f64),
        deserialize_u64 => visit_u64(u64, 0.0, MAX_SAFE),
        deserialize_i8 => visit_i8(i8, i8::MIN as f64, i8::MAX as f64),
        deserialize_i16 => visit_i16(i16, i16::MIN as f64, i16::MAX as f64),
        deserialize_i32 => visit_i32(i32, i32::MIN as f64, i32::MAX as f64),
        deserialize_i64 => visit_i64(i64, -MAX_SAFE, MAX_SAFE),
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Value::Text(s) => visitor.visit_string(s),
            other => Err(other.wrong_type("text")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_list(visitor)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.visit_list(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(self, _: &'static str, _: usize, visitor: V) -> Result<V::Value> {
        self.visit_list(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_object(visitor)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        self.visit_object(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self {
            Value::Text(s) => visitor.visit_enum(s.into_deserializer()),
            other => Err(other.wrong_type("text")),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self {
            Value::Null => visitor.visit_unit(),
            other => Err(other.wrong_type("null")),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _: &'static str, visitor: V) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_list(visitor)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.visit_list(visitor)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    fn obj(entries: &[(&str, Value)]) -> Value {
        Value::Object(entries.iter().map(|(k, v)| (k.to_string(), v.clone())).collect())
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(rename_all = "camelCase", deny_unknown_fields)]
    struct Point {
        lat: f64,
        lon: f64,
        parcels: Option<u32>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Input {
        #[serde(default, deserialize_with = "or_default")]
        shares: Vec<f64>,
        #[serde(default)]
        orders: Vec<Point>,
        #[serde(default)]
        factors: BTreeMap<String, Point>,
        metric: Option<crate::kmeans::Metric>,
    }

    fn err(value: Value) -> (String, String, String) {
        let e = from_value::<Input>(value).unwrap_err();
        (e.code().as_str().to_owned(), e.field().to_owned(), e.to_string())
    }

    #[test]
    fn null_and_missing_both_give_the_default() {
        let read = |v| from_value::<Input>(v).unwrap().shares;
        assert_eq!(read(obj(&[("shares", Value::Null)])), Vec::<f64>::new());
        assert_eq!(read(obj(&[])), Vec::<f64>::new());
        assert_eq!(read(obj(&[("shares", Value::Numbers(vec![1.0]))])), [1.0]);
    }

    #[test]
    fn errors_name_the_js_path_and_code() {
        let order = |lat: Value| Value::List(vec![obj(&[("lat", lat), ("lon", Value::Number(0.0))])]);
        assert_eq!(
            err(obj(&[("orders", order(Value::Text("51".into())))])),
            ("wrong-type".into(), "orders[0].lat".into(), "orders[0].lat: must be a number, got text".into())
        );
        assert_eq!(err(obj(&[("orders", order(Value::Null))])).1, "orders[0].lat");
        let with_extra = Value::List(vec![obj(&[
            ("lat", Value::Number(1.0)),
            ("lon", Value::Number(1.0)),
            ("lng", Value::Number(1.0)),
        ])]);
        let (code, field, _) = err(obj(&[("orders", with_extra)]));
        assert_eq!((code.as_str(), field.as_str()), ("unknown-field", "orders[0].lng"));
        let (code, field, _) = err(obj(&[("orders", Value::List(vec![obj(&[("lat", Value::Number(1.0))])]))]));
        assert_eq!((code.as_str(), field.as_str()), ("required", "orders[0].lon"));
        let bad_factor = obj(&[("diesel-van", obj(&[("lat", Value::Bool(true)), ("lon", Value::Number(0.0))]))]);
        assert_eq!(err(obj(&[("factors", bad_factor)])).1, "factors.diesel-van.lat");
        assert_eq!(err(obj(&[("typo", Value::Number(1.0))])).0, "unknown-field");
        assert_eq!(err(obj(&[("metric", Value::Text("manhattan".into()))])).0, "unknown-value");
        assert_eq!(err(Value::List(vec![])).0, "wrong-type");
        assert_eq!(err(obj(&[("shares", Value::List(vec![Value::Number(1.0), Value::Null]))])).1, "shares[1]");
    }

    #[test]
    fn integers_must_be_whole_and_fit() {
        let parcels = |v: f64| {
            let point = obj(&[("lat", Value::Number(0.0)), ("lon", Value::Number(0.0)), ("parcels", Value::Number(v))]);
            from_value::<Point>(point).map(|p| p.parcels).map_err(|e| e.code().as_str())
        };
        assert_eq!(parcels(3.0), Ok(Some(3)));
        assert_eq!(parcels(2.5), Err("not-integer"));
        assert_eq!(parcels(-1.0), Err("out-of-range"));
        assert_eq!(parcels(4294967296.0), Err("out-of-range"));
        assert_eq!(parcels(f64::NAN), Err("not-finite"));
    }

    #[test]
    fn numbers_from_a_block_or_a_strict_list() {
        assert_eq!(Value::Numbers(vec![1.0, 2.0]).into_numbers(), Ok(vec![1.0, 2.0]));
        assert_eq!(Value::List(vec![Value::Number(1.0)]).into_numbers(), Ok(vec![1.0]));
        let mut input = obj(&[("lat", Value::List(vec![Value::Number(1.0), Value::Text("2".into())]))]);
        let err = input.take_numbers("lat").unwrap_err();
        assert_eq!((err.code().as_str(), err.field()), ("wrong-type", "lat[1]"));
        assert_eq!(obj(&[]).take_numbers("lat"), Ok(None));
    }

    #[test]
    fn functions_are_not_data() {
        assert_eq!(err(obj(&[("shares", Value::Function(0))])).0, "wrong-type");
    }
}
