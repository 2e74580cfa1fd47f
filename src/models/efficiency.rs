//! Efficiency = Output / Input.

use serde::{Deserialize, Serialize};

use crate::error::{at_least, positive, Code, Error, Result};
use crate::trace::Term;

/// What was delivered (`output`) for what was spent (`input`), e.g. 120 parcels over 48 vehicle-km,
/// or a load factor of 80 parcels used over 100 parcels of capacity.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EfficiencyInput {
    /// Finite and ≥ 0.
    pub output: f64,
    /// Finite and > 0.
    pub input: f64,
    /// Unit of `output`, e.g. `"parcels"`.
    #[serde(default)]
    pub output_unit: Option<String>,
    /// Unit of `input`, e.g. `"vehicle-km"`.
    #[serde(default)]
    pub input_unit: Option<String>,
}

/// The ratio, its unit, and the trace of the two numbers behind it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Efficiency {
    pub value: f64,
    /// `"<output unit>/<input unit>"`, or `"ratio"` when the units are equal or not given.
    pub unit: String,
    pub trace: Vec<Term>,
}

/// Efficiency = Output / Input.
///
/// ```
/// use green_delivery::models::{efficiency, EfficiencyInput};
/// let e = efficiency(&EfficiencyInput {
///     output: 120.0,
///     input: 48.0,
///     output_unit: Some("parcels".into()),
///     input_unit: Some("vehicle-km".into()),
/// })
/// .unwrap();
/// assert_eq!(e.value, 2.5);
/// assert_eq!(e.unit, "parcels/vehicle-km");
/// ```
pub fn efficiency(input: &EfficiencyInput) -> Result<Efficiency> {
    let output = at_least("output", input.output, 0.0)?;
    let spent = positive("input", input.input)?;
    let output_unit = input.output_unit.as_deref().unwrap_or("");
    let input_unit = input.input_unit.as_deref().unwrap_or("");
    let unit = if output_unit == input_unit {
        "ratio".to_owned()
    } else {
        format!("{}/{}", or_unit(output_unit), or_unit(input_unit))
    };
    let value = output / spent;
    if !value.is_finite() {
        // Output ≤ f64::MAX, so only an input below 1 can overflow the ratio: the input is the number to change.
        return Err(Error::new(
            Code::Overflow,
            "input",
            "too small for this output: output / input is too large to compute",
        ));
    }
    Ok(Efficiency {
        value,
        unit,
        trace: vec![Term::new("output", output, output_unit), Term::new("input", spent, input_unit)],
    })
}

fn or_unit(unit: &str) -> &str {
    if unit.is_empty() {
        "unit"
    } else {
        unit
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(output: f64, input: f64) -> Result<Efficiency> {
        efficiency(&EfficiencyInput { output, input, output_unit: None, input_unit: None })
    }

    #[test]
    fn load_factor_known_answer() {
        let e = efficiency(&EfficiencyInput {
            output: 80.0,
            input: 100.0,
            output_unit: Some("parcels".into()),
            input_unit: Some("parcels".into()),
        })
        .unwrap();
        assert_eq!(e.value, 0.8);
        assert_eq!(e.unit, "ratio");
        assert_eq!(e.trace[0], Term::new("output", 80.0, "parcels"));
    }

    #[test]
    fn zero_output_is_zero_efficiency() {
        assert_eq!(ratio(0.0, 3.0).unwrap().value, 0.0);
    }

    #[test]
    fn input_must_be_positive_and_finite() {
        assert_eq!(ratio(1.0, 0.0).unwrap_err().to_string(), "input must be greater than 0, got 0");
        assert_eq!(ratio(1.0, -2.0).unwrap_err().to_string(), "input must be greater than 0, got -2");
        assert_eq!(ratio(1.0, f64::NAN).unwrap_err().to_string(), "input must be a finite number, got NaN");
        assert_eq!(ratio(1.0, f64::INFINITY).unwrap_err().to_string(), "input must be a finite number, got Infinity");
    }

    #[test]
    fn output_must_be_non_negative_and_finite() {
        assert_eq!(ratio(-1.0, 2.0).unwrap_err().to_string(), "output must be at least 0, got -1");
        assert_eq!(ratio(f64::NAN, 2.0).unwrap_err().to_string(), "output must be a finite number, got NaN");
    }

    #[test]
    fn a_ratio_too_large_to_compute_names_the_input() {
        let err = ratio(1e308, 5e-324).unwrap_err();
        assert_eq!((err.code(), err.field()), (Code::Overflow, "input"));
        assert_eq!(err.to_string(), "input: too small for this output: output / input is too large to compute");
        assert!(ratio(f64::MAX, 1.0).unwrap().value.is_finite());
    }

    #[test]
    fn one_missing_unit_is_named_generically() {
        let e = efficiency(&EfficiencyInput {
            output: 3.0,
            input: 1.5,
            output_unit: Some("parcels".into()),
            input_unit: None,
        })
        .unwrap();
        assert_eq!(e.unit, "parcels/unit");
    }
}
