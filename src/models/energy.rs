//! Energy = Power × Time, with an optional PUE multiplier for servers.

use serde::{Deserialize, Serialize};

use crate::error::{at_least, Error, Result};
use crate::trace::Term;

const JOULES_PER_KWH: f64 = 3_600_000.0;

/// Unit of `power`. Default: kW.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum PowerUnit {
    #[serde(rename = "W")]
    Watt,
    #[default]
    #[serde(rename = "kW")]
    Kilowatt,
}

impl PowerUnit {
    fn watts(self) -> f64 {
        match self {
            PowerUnit::Watt => 1.0,
            PowerUnit::Kilowatt => 1000.0,
        }
    }
    fn symbol(self) -> &'static str {
        match self {
            PowerUnit::Watt => "W",
            PowerUnit::Kilowatt => "kW",
        }
    }
}

/// Unit of `time`. Default: h.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
pub enum TimeUnit {
    #[serde(rename = "s")]
    Second,
    #[serde(rename = "min")]
    Minute,
    #[default]
    #[serde(rename = "h")]
    Hour,
}

impl TimeUnit {
    fn seconds(self) -> f64 {
        match self {
            TimeUnit::Second => 1.0,
            TimeUnit::Minute => 60.0,
            TimeUnit::Hour => 3600.0,
        }
    }
    fn symbol(self) -> &'static str {
        match self {
            TimeUnit::Second => "s",
            TimeUnit::Minute => "min",
            TimeUnit::Hour => "h",
        }
    }
}

/// A device drawing `power` for `time`, e.g. an electric van's motor or a server handling an order.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EnergyInput {
    /// Average power draw, finite and ≥ 0.
    pub power: f64,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub power_unit: PowerUnit,
    /// Duration, finite and ≥ 0.
    pub time: f64,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub time_unit: TimeUnit,
    /// Power usage effectiveness of a data centre (facility energy / IT energy), ≥ 1. Omit it for vehicles.
    #[serde(default)]
    pub pue: Option<f64>,
}

/// Energy used, with and without the data-centre overhead.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Energy {
    /// Total energy in kWh, PUE included.
    pub kwh: f64,
    /// The same energy in joules (W × s).
    pub joules: f64,
    /// Energy at the device, before PUE, in kWh.
    pub device_kwh: f64,
    /// The PUE applied (1 when none was given).
    pub pue: f64,
    pub trace: Vec<Term>,
}

/// Energy = Power × Time × PUE.
///
/// ```
/// use green_delivery::models::{energy, EnergyInput, PowerUnit, TimeUnit};
/// // A 200 W server busy for 90 s in a data centre with PUE 1.5.
/// let e = energy(&EnergyInput {
///     power: 200.0,
///     power_unit: PowerUnit::Watt,
///     time: 90.0,
///     time_unit: TimeUnit::Second,
///     pue: Some(1.5),
/// })
/// .unwrap();
/// assert_eq!(e.joules, 27_000.0);
/// assert_eq!(e.kwh, 0.0075);
/// ```
pub fn energy(input: &EnergyInput) -> Result<Energy> {
    let power = at_least("power", input.power, 0.0)?;
    let time = at_least("time", input.time, 0.0)?;
    let pue = match input.pue {
        Some(pue) => at_least("pue", pue, 1.0)?,
        None => 1.0,
    };
    // power × time first: a large power over a short time must not overflow on the way.
    let device_joules = power * time * (input.power_unit.watts() * input.time_unit.seconds());
    let joules = device_joules * pue;
    if !joules.is_finite() {
        // Finite inputs, infinite energy: name the largest of the three, the one most likely mistyped.
        let field = if pue > power.max(time) {
            "pue"
        } else if time > power {
            "time"
        } else {
            "power"
        };
        return Err(Error::overflow(field));
    }
    let mut trace =
        vec![Term::new("power", power, input.power_unit.symbol()), Term::new("time", time, input.time_unit.symbol())];
    if input.pue.is_some() {
        trace.push(Term::new("pue", pue, "ratio"));
    }
    Ok(Energy { kwh: joules / JOULES_PER_KWH, joules, device_kwh: device_joules / JOULES_PER_KWH, pue, trace })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kw_h(power: f64, time: f64, pue: Option<f64>) -> Result<Energy> {
        energy(&EnergyInput { power, power_unit: PowerUnit::Kilowatt, time, time_unit: TimeUnit::Hour, pue })
    }

    #[test]
    fn kilowatts_times_hours_is_kwh() {
        let e = kw_h(11.0, 2.5, None).unwrap();
        assert_eq!(e.kwh, 27.5);
        assert_eq!(e.device_kwh, 27.5);
        assert_eq!(e.joules, 99_000_000.0);
        assert_eq!(e.pue, 1.0);
        assert_eq!(e.trace.len(), 2);
    }

    #[test]
    fn watts_times_seconds_is_joules() {
        let e = energy(&EnergyInput {
            power: 60.0,
            power_unit: PowerUnit::Watt,
            time: 60.0,
            time_unit: TimeUnit::Minute,
            pue: None,
        })
        .unwrap();
        assert_eq!(e.joules, 216_000.0);
        assert!((e.kwh - 0.06).abs() < 1e-15);
    }

    #[test]
    fn pue_scales_device_energy() {
        let e = kw_h(0.4, 10.0, Some(1.135)).unwrap();
        assert!((e.device_kwh - 4.0).abs() < 1e-12);
        assert!((e.kwh - 4.54).abs() < 1e-12);
        assert_eq!(e.trace[2], Term::new("pue", 1.135, "ratio"));
    }

    #[test]
    fn energy_too_large_to_compute_names_an_input() {
        let err = kw_h(1e308, 1e308, None).unwrap_err();
        assert_eq!((err.code(), err.field()), (crate::error::Code::Overflow, "power"));
        let err = kw_h(2.0, 1e307, None).unwrap_err();
        assert_eq!(err.field(), "time");
        assert_eq!(kw_h(1.0, 1e300, Some(1e301)).unwrap_err().field(), "pue");
        // A huge power over a tiny time is fine: the product is computed before the unit conversion.
        let e = energy(&EnergyInput {
            power: 1e306,
            power_unit: PowerUnit::Kilowatt,
            time: 1e-10,
            time_unit: TimeUnit::Hour,
            pue: None,
        })
        .unwrap();
        assert!(e.joules.is_finite() && e.kwh.is_finite());
    }

    #[test]
    fn validation_names_the_field() {
        assert_eq!(kw_h(-1.0, 1.0, None).unwrap_err().to_string(), "power must be at least 0, got -1");
        assert_eq!(kw_h(1.0, f64::NAN, None).unwrap_err().to_string(), "time must be a finite number, got NaN");
        assert_eq!(kw_h(1.0, 1.0, Some(0.9)).unwrap_err().to_string(), "pue must be at least 1, got 0.9");
        assert_eq!(
            kw_h(1.0, 1.0, Some(f64::INFINITY)).unwrap_err().to_string(),
            "pue must be a finite number, got Infinity"
        );
    }
}
