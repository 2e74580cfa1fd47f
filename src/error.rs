//! One error type for the whole core. Messages are short, lowercase, and name the field and the value,
//! because they reach shoppers and merchants verbatim as a JS `Error`'s message.

use std::fmt;

/// Result alias used across the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything the core can reject. Each variant names the offending field.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Error {
    #[error("{field} must be a finite number, got {}", Num(*.value))]
    NotFinite { field: String, value: f64 },
    #[error("{field} must be greater than 0, got {}", Num(*.value))]
    NotPositive { field: String, value: f64 },
    #[error("{field} must be at least {}, got {}", Num(*.min), Num(*.value))]
    TooSmall { field: String, value: f64, min: f64 },
    #[error("{field} must be between {} and {}, got {}", Num(*.min), Num(*.max), Num(*.value))]
    OutOfRange { field: String, value: f64, min: f64, max: f64 },
    #[error("{field}: {reason}")]
    Invalid { field: String, reason: String },
}

impl Error {
    /// A rule that is not a simple numeric bound.
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), reason: reason.into() }
    }
}

/// Prints numbers the way JavaScript users write them (`NaN`, `Infinity`), not Rust's `inf`.
struct Num(f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            v if v == f64::INFINITY => f.write_str("Infinity"),
            v if v == f64::NEG_INFINITY => f.write_str("-Infinity"),
            v => write!(f, "{v}"),
        }
    }
}

/// `value` if it is finite.
pub fn finite(field: &str, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(Error::NotFinite { field: field.into(), value })
    }
}

/// `value` if it is finite and greater than zero.
pub fn positive(field: &str, value: f64) -> Result<f64> {
    if finite(field, value)? > 0.0 {
        Ok(value)
    } else {
        Err(Error::NotPositive { field: field.into(), value })
    }
}

/// `value` if it is finite and at least `min`.
pub fn at_least(field: &str, value: f64, min: f64) -> Result<f64> {
    if finite(field, value)? >= min {
        Ok(value)
    } else {
        Err(Error::TooSmall { field: field.into(), value, min })
    }
}

/// `value` if it is finite and within `[min, max]`.
pub fn within(field: &str, value: f64, min: f64, max: f64) -> Result<f64> {
    if (min..=max).contains(&finite(field, value)?) {
        Ok(value)
    } else {
        Err(Error::OutOfRange { field: field.into(), value, min, max })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_field_and_value_in_js_spelling() {
        assert_eq!(finite("power", f64::NAN).unwrap_err().to_string(), "power must be a finite number, got NaN");
        assert_eq!(
            finite("time", f64::NEG_INFINITY).unwrap_err().to_string(),
            "time must be a finite number, got -Infinity"
        );
        assert_eq!(positive("input", 0.0).unwrap_err().to_string(), "input must be greater than 0, got 0");
        assert_eq!(at_least("pue", 0.5, 1.0).unwrap_err().to_string(), "pue must be at least 1, got 0.5");
        assert_eq!(
            within("lat", 91.5, -90.0, 90.0).unwrap_err().to_string(),
            "lat must be between -90 and 90, got 91.5"
        );
    }

    #[test]
    fn accepts_values_on_the_bounds() {
        assert_eq!(at_least("pue", 1.0, 1.0), Ok(1.0));
        assert_eq!(within("lat", -90.0, -90.0, 90.0), Ok(-90.0));
        assert_eq!(positive("x", f64::MIN_POSITIVE), Ok(f64::MIN_POSITIVE));
    }
}
