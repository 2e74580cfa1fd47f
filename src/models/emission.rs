//! Emission = Activity × Emission factor, in kg CO2e.
//!
//! Following GLEC / ISO 14083, a factor may be split into tank-to-wheel (TTW: burning fuel in the vehicle) and
//! well-to-tank (WTT: producing and delivering the fuel or electricity); well-to-wheel WTW = TTW + WTT.
//! Electricity has TTW = 0: a grid intensity is all upstream.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use crate::error::{at_least, Code, Error, Result};
use crate::models::energy::{energy, EnergyInput};
use crate::trace::Term;

/// kg CO2e per unit of activity, as one number or split into TTW and WTT.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(try_from = "FactorObject")]
pub struct EmissionFactor {
    pub parts: FactorParts,
    /// A label for the trace, e.g. `"diesel van"`.
    pub name: Option<String>,
    /// Where the number comes from, e.g. `"DESNZ 2025"`.
    pub source: Option<String>,
}

/// The value of a factor, in kg CO2e per unit of activity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FactorParts {
    /// One number, with no TTW/WTT split known (e.g. a waste-disposal factor).
    Total(f64),
    /// WTW = TTW + WTT.
    Split { ttw: f64, wtt: f64 },
}

impl FactorParts {
    /// The well-to-wheel total: the one number, or TTW + WTT.
    ///
    /// ```
    /// use green_delivery::models::emission::FactorParts;
    /// assert_eq!(FactorParts::Split { ttw: 0.25, wtt: 0.0625 }.wtw(), 0.3125);
    /// assert_eq!(FactorParts::Total(4.5).wtw(), 4.5);
    /// ```
    pub fn wtw(self) -> f64 {
        match self {
            FactorParts::Total(kg_per_unit) => kg_per_unit,
            FactorParts::Split { ttw, wtt } => ttw + wtt,
        }
    }
}

/// Written the way JS gives a factor: `{ "kgPerUnit": 4.5 }` or `{ "ttw": 0.25, "wtt": 0.0625 }`.
impl Serialize for FactorParts {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        match *self {
            FactorParts::Total(kg_per_unit) => {
                let mut object = serializer.serialize_struct("FactorParts", 1)?;
                object.serialize_field("kgPerUnit", &kg_per_unit)?;
                object.end()
            }
            FactorParts::Split { ttw, wtt } => {
                let mut object = serializer.serialize_struct("FactorParts", 2)?;
                object.serialize_field("ttw", &ttw)?;
                object.serialize_field("wtt", &wtt)?;
                object.end()
            }
        }
    }
}

/// The factor as JS writes it: `{ kgPerUnit }` or `{ ttw, wtt }`, plus optional `name` and `source`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FactorObject {
    kg_per_unit: Option<f64>,
    ttw: Option<f64>,
    wtt: Option<f64>,
    name: Option<String>,
    source: Option<String>,
}

impl TryFrom<FactorObject> for EmissionFactor {
    type Error = &'static str;
    fn try_from(o: FactorObject) -> std::result::Result<Self, Self::Error> {
        let parts = match (o.kg_per_unit, o.ttw, o.wtt) {
            (Some(total), None, None) => FactorParts::Total(total),
            (None, Some(ttw), Some(wtt)) => FactorParts::Split { ttw, wtt },
            _ => return Err("give either kgPerUnit, or both ttw and wtt"),
        };
        Ok(EmissionFactor { parts, name: o.name, source: o.source })
    }
}

impl EmissionFactor {
    /// A factor with a TTW/WTT split.
    pub fn split(ttw: f64, wtt: f64) -> Self {
        EmissionFactor { parts: FactorParts::Split { ttw, wtt }, name: None, source: None }
    }

    /// A single factor with no split.
    pub fn total(kg_per_unit: f64) -> Self {
        EmissionFactor { parts: FactorParts::Total(kg_per_unit), name: None, source: None }
    }
}

/// What happened (`activity`, or the `energy` it used) and how much CO2e each unit of it emits.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EmissionInput {
    /// Amount of activity, finite and ≥ 0, e.g. vehicle-km, tonnes of waste, kWh.
    #[serde(default)]
    pub activity: Option<f64>,
    /// Unit of `activity`, e.g. `"vehicle-km"`.
    #[serde(default)]
    pub activity_unit: Option<String>,
    /// Instead of `activity`: an energy use whose kWh become the activity; `factor` is then a grid intensity
    /// in kg CO2e/kWh.
    #[serde(default)]
    pub energy: Option<EnergyInput>,
    pub factor: EmissionFactor,
}

/// kg CO2e, with the TTW/WTT breakdown when the factor has one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Emission {
    /// Well-to-wheel total, kg CO2e.
    pub kg_co2e: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ttw_kg: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wtt_kg: Option<f64>,
    pub activity: f64,
    pub activity_unit: String,
    pub trace: Vec<Term>,
}

/// Emission = Activity × Emission factor.
///
/// ```
/// use green_delivery::models::{emission, EmissionFactor, EmissionInput};
/// // 10 km in an average diesel van, DESNZ 2025: TTW 0.25561 + WTT 0.06128 kg CO2e/km.
/// let e = emission(&EmissionInput {
///     activity: Some(10.0),
///     activity_unit: Some("vehicle-km".into()),
///     energy: None,
///     factor: EmissionFactor::split(0.25561, 0.06128),
/// })
/// .unwrap();
/// assert!((e.kg_co2e - 3.1689).abs() < 1e-12);
/// assert!((e.ttw_kg.unwrap() - 2.5561).abs() < 1e-12);
/// ```
pub fn emission(input: &EmissionInput) -> Result<Emission> {
    let mut trace = Vec::new();
    // The input that set the activity, named when activity × factor is too large to compute.
    let mut activity_field = "activity".to_owned();
    let (activity, activity_unit) = match (&input.activity, &input.energy) {
        (Some(activity), None) => {
            let unit = input.activity_unit.clone().unwrap_or_default();
            (at_least("activity", *activity, 0.0)?, unit)
        }
        (None, Some(energy_input)) => {
            if input.activity_unit.as_deref().is_some_and(|u| u != "kWh") {
                return Err(Error::invalid("activityUnit", "must be kWh (or left out) when energy is given"));
            }
            let used = energy(energy_input).map_err(|e| e.within("energy"))?;
            let larger = if energy_input.time > energy_input.power { "time" } else { "power" };
            activity_field = format!("energy.{larger}");
            trace.extend(used.trace);
            (used.kwh, "kWh".to_owned())
        }
        _ => return Err(Error::new(Code::Conflict, "activity", "give either activity or energy, not both or neither")),
    };
    trace.push(Term::new("activity", activity, activity_unit.as_str()));

    let factor = &input.factor;
    let factor_unit = format!("kg CO2e/{}", if activity_unit.is_empty() { "unit" } else { &activity_unit });
    let factor_term = |name: &str, value: f64| {
        let label = match &factor.name {
            Some(label) => format!("{name} ({label})"),
            None => name.to_owned(),
        };
        Term::new(label, value, factor_unit.as_str()).with_source(factor.source.as_deref())
    };
    let (kg_co2e, ttw_kg, wtt_kg) = match factor.parts {
        FactorParts::Total(kg_per_unit) => {
            let kg_per_unit = at_least("factor.kgPerUnit", kg_per_unit, 0.0)?;
            trace.push(factor_term("factor", kg_per_unit));
            (activity * kg_per_unit, None, None)
        }
        FactorParts::Split { ttw, wtt } => {
            let ttw = at_least("factor.ttw", ttw, 0.0)?;
            let wtt = at_least("factor.wtt", wtt, 0.0)?;
            trace.push(factor_term("factor.ttw", ttw));
            trace.push(factor_term("factor.wtt", wtt));
            let (ttw_kg, wtt_kg) = (activity * ttw, activity * wtt);
            (ttw_kg + wtt_kg, Some(ttw_kg), Some(wtt_kg))
        }
    };
    if !kg_co2e.is_finite() {
        // Finite inputs, infinite kg: name the larger side of the product, the one most likely mistyped.
        let (factor_field, factor_value) = match factor.parts {
            FactorParts::Total(v) => ("factor.kgPerUnit", v),
            FactorParts::Split { ttw, wtt } if ttw >= wtt => ("factor.ttw", ttw),
            FactorParts::Split { wtt, .. } => ("factor.wtt", wtt),
        };
        let field = if activity >= factor_value { activity_field } else { factor_field.to_owned() };
        return Err(Error::overflow(field));
    }
    Ok(Emission { kg_co2e, ttw_kg, wtt_kg, activity, activity_unit, trace })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::energy::{PowerUnit, TimeUnit};

    fn of(activity: f64, factor: EmissionFactor) -> Result<Emission> {
        emission(&EmissionInput { activity: Some(activity), activity_unit: Some("t".into()), energy: None, factor })
    }

    #[test]
    fn waste_times_concentration() {
        // 0.2 t of paper and board to landfill at 1,164.49 kg CO2e/t (DESNZ 2025).
        let e = of(0.2, EmissionFactor::total(1164.49)).unwrap();
        assert!((e.kg_co2e - 232.898).abs() < 1e-9);
        assert_eq!((e.ttw_kg, e.wtt_kg), (None, None));
        assert_eq!(e.trace[1].unit, "kg CO2e/t");
    }

    #[test]
    fn split_factor_breaks_down_wtw() {
        let e = of(100.0, EmissionFactor::split(0.21335, 0.06183)).unwrap();
        let (ttw, wtt) = (e.ttw_kg.unwrap(), e.wtt_kg.unwrap());
        assert!((ttw - 21.335).abs() < 1e-12 && (wtt - 6.183).abs() < 1e-12);
        assert_eq!(e.kg_co2e, ttw + wtt);
    }

    #[test]
    fn energy_chains_through_grid_intensity() {
        // An electric van drawing 0.357 kWh/km over 100 km is 35.7 kWh; at the UK 2025 grid (0.177 kg/kWh) ≈ 6.32 kg.
        let e = emission(&EmissionInput {
            activity: None,
            activity_unit: None,
            energy: Some(EnergyInput {
                power: 35.7,
                power_unit: PowerUnit::Kilowatt,
                time: 1.0,
                time_unit: TimeUnit::Hour,
                pue: None,
            }),
            factor: EmissionFactor::split(0.0, 0.177),
        })
        .unwrap();
        assert_eq!(e.activity_unit, "kWh");
        assert!((e.kg_co2e - 6.3189).abs() < 1e-12);
        let names: Vec<&str> = e.trace.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["power", "time", "activity", "factor.ttw", "factor.wtt"]);
    }

    #[test]
    fn trace_names_the_factor_and_its_source() {
        let mut factor = EmissionFactor::total(2.0);
        factor.name = Some("test".into());
        factor.source = Some("a book".into());
        let e = of(1.0, factor).unwrap();
        assert_eq!(e.trace[1].name, "factor (test)");
        assert_eq!(e.trace[1].source.as_deref(), Some("a book"));
    }

    #[test]
    fn emissions_too_large_to_compute_name_an_input() {
        let err = of(1e308, EmissionFactor::total(1e308)).unwrap_err();
        assert_eq!((err.code(), err.field()), (Code::Overflow, "activity"));
        assert_eq!(of(2.0, EmissionFactor::total(1e308)).unwrap_err().field(), "factor.kgPerUnit");
        // Each part finite, their sum not.
        assert_eq!(of(1.0, EmissionFactor::split(1e308, 1e308)).unwrap_err().field(), "factor.ttw");
        assert_eq!(of(1.0, EmissionFactor::split(1e308, 1.5e308)).unwrap_err().field(), "factor.wtt");
        let chained = |power: f64, time: f64, kg: f64| {
            emission(&EmissionInput {
                activity: None,
                activity_unit: None,
                energy: Some(EnergyInput {
                    power,
                    power_unit: PowerUnit::Kilowatt,
                    time,
                    time_unit: TimeUnit::Hour,
                    pue: None,
                }),
                factor: EmissionFactor::split(0.0, kg),
            })
        };
        let err = chained(1e308, 1e308, 0.2).unwrap_err();
        assert_eq!((err.code(), err.field()), (Code::Overflow, "energy.power"));
        assert_eq!(chained(1.0, 1e300, 1e300).unwrap_err().field(), "energy.time");
        assert_eq!(chained(1.0, 10.0, 1e308).unwrap_err().field(), "factor.wtt");
    }

    #[test]
    fn validation_names_the_field() {
        assert_eq!(
            of(-1.0, EmissionFactor::total(1.0)).unwrap_err().to_string(),
            "activity must be at least 0, got -1"
        );
        assert_eq!(
            of(1.0, EmissionFactor::split(f64::NAN, 0.1)).unwrap_err().to_string(),
            "factor.ttw must be a finite number, got NaN"
        );
        assert_eq!(
            of(1.0, EmissionFactor::total(-0.5)).unwrap_err().to_string(),
            "factor.kgPerUnit must be at least 0, got -0.5"
        );
        let neither =
            EmissionInput { activity: None, activity_unit: None, energy: None, factor: EmissionFactor::total(1.0) };
        assert!(emission(&neither).unwrap_err().to_string().starts_with("activity: give either"));
    }
}
