//! Traces: every result lists the inputs and factors that produced it, so a number can always be explained.

use serde::Serialize;

/// One input or factor that went into a result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    /// What the number is, e.g. `"power"` or `"factor.ttw"`.
    pub name: String,
    pub value: f64,
    /// Its unit, e.g. `"kW"` or `"kg CO2e/vehicle-km"`.
    pub unit: String,
    /// Where a factor came from, when the caller or the factor table says.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

impl Term {
    pub fn new(name: impl Into<String>, value: f64, unit: impl Into<String>) -> Self {
        Term { name: name.into(), value, unit: unit.into(), source: None }
    }

    pub fn with_source(mut self, source: Option<&str>) -> Self {
        self.source = source.map(str::to_owned);
        self
    }
}
