//! Reading optional input fields.

use serde::{Deserialize, Deserializer};

/// For `#[serde(default, deserialize_with = "crate::input::or_default")]`: a field given as `null` (or, from
/// JS, `undefined`) takes its default, as a missing one does. JS code often writes `{ factors: maybeOverrides }`,
/// and serde alone would reject the `undefined`.
pub fn or_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(value: D) -> Result<T, D::Error> {
    Ok(Option::<T>::deserialize(value)?.unwrap_or_default())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    #[derive(serde::Deserialize, Debug, PartialEq)]
    struct Input {
        #[serde(default, deserialize_with = "super::or_default")]
        shares: Vec<f64>,
    }

    #[test]
    fn null_and_missing_both_give_the_default() {
        let read = |json| serde_json::from_str::<Input>(json).unwrap().shares;
        assert_eq!(read(r#"{"shares": null}"#), Vec::<f64>::new());
        assert_eq!(read(r#"{}"#), Vec::<f64>::new());
        assert_eq!(read(r#"{"shares": [1]}"#), [1.0]);
    }
}
