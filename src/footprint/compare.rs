//! Everyday comparisons, one implementation for the page, the widget and every footprint: grams of CO2e as metres
//! driven in the comparison car and as phone charges.

use serde::Serialize;

use crate::error::{at_least, Error, Result};
use crate::factors::FactorTable;
use crate::trace::Term;

/// The comparison car: DESNZ 2025's average petrol car, per km.
pub const CAR: &str = "petrol-car";
/// The grid a phone is charged on.
pub const PHONE_GRID: &str = "uk-grid-2025";
/// Energy of one full smartphone charge, kWh: an assumption (see [`PHONE_CHARGE_SOURCE`]).
pub const PHONE_CHARGE_KWH: f64 = 0.015;
/// Why [`PHONE_CHARGE_KWH`] is what it is.
pub const PHONE_CHARGE_SOURCE: &str =
    "assumption: a ~4,000 mAh, 3.85 V phone battery holds about 15 Wh; charger losses ignored";

/// The same grams, put two everyday ways.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Comparisons {
    pub grams: f64,
    /// grams ÷ the car's kg CO2e/km (g ÷ kg/km = m); `None` if the car's factor is 0.
    pub metres_driven: Option<f64>,
    /// grams ÷ (0.015 kWh × the grid's g CO2e/kWh); `None` if the grid's factor is 0.
    pub phone_charges: Option<f64>,
    pub trace: Vec<Term>,
}

/// Grams of CO2e as metres driven in `petrol-car` and as phone charges on `uk-grid-2025`, from `table` (so the
/// caller's overrides apply).
///
/// ```
/// use green_delivery::factors::FactorTable;
/// use green_delivery::footprint::comparisons;
/// // The average petrol car emits 0.20871 kg CO2e/km (DESNZ 2025, WTW), so 208.71 g is a kilometre.
/// let c = comparisons(208.71, &FactorTable::default()).unwrap();
/// assert!((c.metres_driven.unwrap() - 1000.0).abs() < 1e-9);
/// // A charge is 0.015 kWh × 245.4 g CO2e/kWh = 3.681 g.
/// assert!((c.phone_charges.unwrap() - 208.71 / 3.681).abs() < 1e-9);
/// ```
pub fn comparisons(grams: f64, table: &FactorTable) -> Result<Comparisons> {
    let grams = at_least("grams", grams, 0.0)?;
    let car = table.get("car", CAR)?;
    let grid = table.get("grid", PHONE_GRID)?;
    let per_charge_g = PHONE_CHARGE_KWH * grid.kg_per_unit * 1000.0;
    // An override of 0 would make every comparison infinite; say nothing instead. A finite quotient too large
    // to represent (grams near f64::MAX, or a tiny override) is an overflow of `grams`.
    let ratio = |per: f64| match (per > 0.0).then(|| grams / per) {
        Some(r) if !r.is_finite() => Err(Error::overflow("grams")),
        r => Ok(r),
    };
    Ok(Comparisons {
        grams,
        metres_driven: ratio(car.kg_per_unit)?,
        phone_charges: ratio(per_charge_g)?,
        trace: vec![
            Term::new(format!("factor ({CAR})"), car.kg_per_unit, "kg CO2e/km").with_source(Some(&car.citation())),
            Term::new("phoneChargeKwh", PHONE_CHARGE_KWH, "kWh/charge").with_source(Some(PHONE_CHARGE_SOURCE)),
            Term::new(format!("factor ({PHONE_GRID})"), grid.kg_per_unit, "kg CO2e/kWh")
                .with_source(Some(&grid.citation())),
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::factors::FactorOverride;

    #[test]
    fn overrides_apply_and_zero_factors_say_nothing() {
        let t =
            FactorTable::with_overrides([(CAR, FactorOverride::total(0.1)), (PHONE_GRID, FactorOverride::total(0.0))])
                .unwrap();
        let c = comparisons(50.0, &t).unwrap();
        assert_eq!((c.metres_driven, c.phone_charges), (Some(500.0), None));
        assert_eq!(c.trace[0].source.as_deref(), Some("override, caller's own value"));
    }

    #[test]
    fn grams_too_large_to_compare_is_an_overflow_of_grams() {
        let err = comparisons(1e308, &FactorTable::default()).unwrap_err();
        assert_eq!((err.code(), err.field()), (crate::error::Code::Overflow, "grams"));
        let c = comparisons(1e300, &FactorTable::default()).unwrap();
        assert!(c.metres_driven.unwrap().is_finite() && c.phone_charges.unwrap().is_finite());
    }

    #[test]
    fn grams_must_be_finite_and_not_negative() {
        let t = FactorTable::default();
        assert_eq!(comparisons(-1.0, &t).unwrap_err().to_string(), "grams must be at least 0, got -1");
        assert_eq!(comparisons(f64::NAN, &t).unwrap_err().to_string(), "grams must be a finite number, got NaN");
        assert_eq!(comparisons(0.0, &t).unwrap().metres_driven, Some(0.0));
    }
}
