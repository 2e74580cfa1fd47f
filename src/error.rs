//! One error type for the whole core. Messages are short, lowercase, and name the field and the value; each error
//! also carries a stable [`Code`] and the JS path of the field (`orders[3].lat`), which is what programs (the page,
//! the widget) branch on. The message is for people and may change.

use std::fmt;

/// Result alias used across the core.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What kind of rule an input broke: a stable identifier that reaches JS as `error.code`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// NaN or ±Infinity where a finite number is needed.
    NotFinite,
    /// A number outside its allowed range.
    OutOfRange,
    /// A fraction where a whole number is needed.
    NotInteger,
    /// The wrong kind of value: a string for a number, a number for an object, a BigInt, a Symbol…
    WrongType,
    /// A required field is missing.
    Required,
    /// A key the input does not have (often a misspelling).
    UnknownField,
    /// A factor, option or scenario id that does not exist.
    UnknownId,
    /// A text value that is not one of the allowed ones (e.g. `metric: "manhattan"`).
    UnknownValue,
    /// Two fields that cannot be given together.
    Conflict,
    /// Nested deeper than the input limit.
    TooDeep,
    /// More items or characters than the input limit.
    TooLarge,
    /// More computation than the work limit allows (points × k × restarts, iterations, the elbow's range…).
    TooMuchWork,
    /// Finite inputs whose result would not be finite.
    Overflow,
    /// Reading the value threw (a getter, a Proxy, a revoked Proxy).
    Unreadable,
    /// A callback (e.g. `onProgress`) threw, which stops the run.
    Aborted,
    /// A file (CSV, GeoJSON) that cannot be read at all.
    BadFile,
    /// Any other rule, explained by the message.
    Invalid,
}

impl Code {
    /// The identifier JS sees, e.g. `"not-finite"`.
    ///
    /// ```
    /// assert_eq!(green_delivery::error::Code::TooMuchWork.as_str(), "too-much-work");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Code::NotFinite => "not-finite",
            Code::OutOfRange => "out-of-range",
            Code::NotInteger => "not-integer",
            Code::WrongType => "wrong-type",
            Code::Required => "required",
            Code::UnknownField => "unknown-field",
            Code::UnknownId => "unknown-id",
            Code::UnknownValue => "unknown-value",
            Code::Conflict => "conflict",
            Code::TooDeep => "too-deep",
            Code::TooLarge => "too-large",
            Code::TooMuchWork => "too-much-work",
            Code::Overflow => "overflow",
            Code::Unreadable => "unreadable",
            Code::Aborted => "aborted",
            Code::BadFile => "bad-file",
            Code::Invalid => "invalid",
        }
    }
}

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
    #[error("{}{reason}", Prefix(field))]
    Invalid { field: String, code: Code, reason: String },
}

impl Error {
    /// A rule that is not a simple numeric bound (code `invalid`).
    pub fn invalid(field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::new(Code::Invalid, field, reason)
    }

    /// An error with its code, field and plain-words reason.
    ///
    /// ```
    /// use green_delivery::error::{Code, Error};
    /// let e = Error::new(Code::Conflict, "grid", "give grid or gridKgPerKwh, not both");
    /// assert_eq!((e.code(), e.field(), e.to_string().as_str()), (Code::Conflict, "grid", "grid: give grid or gridKgPerKwh, not both"));
    /// ```
    pub fn new(code: Code, field: impl Into<String>, reason: impl Into<String>) -> Self {
        Error::Invalid { field: field.into(), code, reason: reason.into() }
    }

    /// A missing required field.
    pub fn required(field: impl Into<String>) -> Self {
        Error::new(Code::Required, field, "required")
    }

    /// Finite inputs whose result would not be finite; names the input to change.
    pub fn overflow(field: impl Into<String>) -> Self {
        Error::new(Code::Overflow, field, "too large to compute")
    }

    /// The stable code.
    pub fn code(&self) -> Code {
        match self {
            Error::NotFinite { .. } => Code::NotFinite,
            Error::NotPositive { .. } | Error::TooSmall { .. } | Error::OutOfRange { .. } => Code::OutOfRange,
            Error::Invalid { code, .. } => *code,
        }
    }

    /// The JS path of the field, e.g. `orders[3].lat`; empty for the whole input.
    pub fn field(&self) -> &str {
        match self {
            Error::NotFinite { field, .. }
            | Error::NotPositive { field, .. }
            | Error::TooSmall { field, .. }
            | Error::OutOfRange { field, .. }
            | Error::Invalid { field, .. } => field,
        }
    }

    /// The same error for an input found at `parent` (a key such as `delivery`, or an index such as `[3]`), so
    /// that its field reads `delivery.shopper.lat` or `[3].lat`.
    ///
    /// ```
    /// use green_delivery::error::Error;
    /// assert_eq!(Error::required("lat").within("[3]").within("orders").field(), "orders[3].lat");
    /// ```
    pub fn within(self, parent: &str) -> Self {
        self.renamed(|field| match field {
            "" => parent.to_owned(),
            f if f.starts_with('[') || parent.is_empty() => format!("{parent}{f}"),
            f => format!("{parent}.{f}"),
        })
    }

    /// The same error with its field rewritten by `rename` (e.g. `orders[3].lat` → `lat[3]`).
    ///
    /// ```
    /// use green_delivery::error::Error;
    /// assert_eq!(Error::required("lat").renamed(|f| format!("{f}[3]")).to_string(), "lat[3]: required");
    /// ```
    pub fn renamed(mut self, rename: impl FnOnce(&str) -> String) -> Self {
        let field = match &mut self {
            Error::NotFinite { field, .. }
            | Error::NotPositive { field, .. }
            | Error::TooSmall { field, .. }
            | Error::OutOfRange { field, .. }
            | Error::Invalid { field, .. } => field,
        };
        *field = rename(field);
        self
    }
}

/// `field: ` before a reason, or nothing for the whole input.
struct Prefix<'a>(&'a str);

impl fmt::Display for Prefix<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            Ok(())
        } else {
            write!(f, "{}: ", self.0)
        }
    }
}
/// Prints numbers the way JavaScript users write them (`NaN`, `Infinity`), not Rust's `inf`.
struct Num(f64);

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            v if v == f64::INFINITY => f.write_str("Infinity"),
            v if v == f64::NEG_INFINITY => f.write_str("-Infinity"),
            v => write!(f, "{}", Plain(v)),
        }
    }
}

/// A number in text exactly as Rust's `{}` writes an `f64` (`0.1`, `-0`, `1e21` in full, `NaN`, `inf`), for
/// messages and labels. Every `f64` the core puts in text goes through it: in the browser's wasm, the digits come
/// from JavaScript (the same shortest round-trip digits), which keeps core::fmt's float printing, about 20 KB, out
/// of the wasm.
pub(crate) struct Plain(pub f64);

impl fmt::Display for Plain {
    #[cfg(not(all(target_arch = "wasm32", target_os = "unknown")))]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }

    #[cfg(all(target_arch = "wasm32", target_os = "unknown"))]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::wasm::number_text(self.0))
    }
}

/// `value` if it is finite (−0 becomes 0, so that no result derived from an input reads "−0").
pub fn finite(field: &str, value: f64) -> Result<f64> {
    if value.is_finite() {
        Ok(value + 0.0)
    } else {
        Err(Error::NotFinite { field: field.into(), value })
    }
}

/// `value` if it is finite and greater than zero.
pub fn positive(field: &str, value: f64) -> Result<f64> {
    if finite(field, value)? > 0.0 {
        Ok(value + 0.0)
    } else {
        Err(Error::NotPositive { field: field.into(), value })
    }
}

/// `value` if it is finite and at least `min`.
pub fn at_least(field: &str, value: f64, min: f64) -> Result<f64> {
    if finite(field, value)? >= min {
        Ok(value + 0.0)
    } else {
        Err(Error::TooSmall { field: field.into(), value, min })
    }
}

/// `value` if it is finite and within `[min, max]`.
pub fn within(field: &str, value: f64, min: f64, max: f64) -> Result<f64> {
    if (min..=max).contains(&finite(field, value)?) {
        Ok(value + 0.0)
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
