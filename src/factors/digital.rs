//! The digital-energy figures: watts per vCPU and PUEs for servers, kWh per GB for data transfer.
//!
//! They are not kg CO2e per unit of activity, so they do not fit [`Factor`](super::Factor); they live in this small
//! table beside it, with the same habits: a stable id, the value once, its source, year and licence, and overrides
//! that say so.
//!
//! - **Cloud Carbon Footprint** (Apache-2.0; methodology docs, "Energy Estimate" and "Power Usage Effectiveness"; the
//!   compute coefficients were published in 2021): per vCPU, average watts = min + utilisation × (max − min), with
//!   50% utilisation when unknown. CCF's code has since moved some averages (e.g. GCP 0.68–4.11 W), and its docs'
//!   Appendix I lists Azure's PUE as 1.125; the table keeps the methodology's own figures, as the reference sheet
//!   does.
//! - **Sustainable Web Design v4** (CC BY 4.0; sustainablewebdesign.org, 2024, as implemented in CO2.js): kWh per
//!   GB transferred for data centres, networks and user devices, operational and embodied (0.300 in all), and the
//!   global grid intensity at which SWD converts the embodied part.

use std::sync::OnceLock;

use serde::Serialize;

use crate::error::{within, Code, Error, Result};

const CCF: &str = "Cloud Carbon Footprint methodology (cloudcarbonfootprint.org/docs/methodology)";
const APACHE: &str = "Apache-2.0";
const SWD: &str = "Sustainable Web Design Model v4 (sustainablewebdesign.org), as in CO2.js";
const CC_BY: &str = "CC BY 4.0";

/// The largest override for a `W/vCPU` figure: the defaults are 0.7–4.3 W, and even a whole many-core server
/// draws well under 1,000 W per vCPU.
pub const MAX_WATTS_PER_VCPU: f64 = 1000.0;
/// The largest override for a PUE: real data centres are 1.1–2, the worst on record about 3.
pub const MAX_PUE: f64 = 10.0;
/// The largest override for a `kWh/GB` figure: the defaults are 0.01–0.08, and the oldest published estimates
/// (around 2000) about 100.
pub const MAX_KWH_PER_GB: f64 = 100.0;
/// The largest override for a `g CO2e/kWh` grid intensity: the dirtiest grids are about 1,000.
pub const MAX_G_PER_KWH: f64 = 10_000.0;

/// One digital-energy figure and where it comes from.
///
/// ```
/// let pue = green_delivery::factors::digital::get("f", "ccf-aws-pue").unwrap();
/// assert_eq!((pue.value, pue.unit), (1.135, "PUE"));
/// assert_eq!(pue.licence, "Apache-2.0");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DigitalFactor {
    /// Stable kebab-case id, e.g. `"ccf-aws-min-watts"`.
    pub id: &'static str,
    pub label: &'static str,
    pub value: f64,
    /// `"W/vCPU"`, `"PUE"`, `"ratio"`, `"kWh/GB"` or `"g CO2e/kWh"`.
    pub unit: &'static str,
    /// Who published the value, or `"override"` when the caller set it.
    pub source: String,
    pub year: Option<u16>,
    pub licence: String,
    pub note: String,
}

impl DigitalFactor {
    /// The source and licence in one line, for traces.
    ///
    /// ```
    /// let f = green_delivery::factors::digital::get("f", "swd-network-operational").unwrap();
    /// assert!(f.citation().ends_with("CO2.js, CC BY 4.0"));
    /// ```
    pub fn citation(&self) -> String {
        format!("{}, {}", self.source, self.licence)
    }
}

/// The default digital factors with a caller's overrides applied.
///
/// ```
/// use green_delivery::factors::digital::DigitalTable;
/// let table = DigitalTable::with_overrides([("ccf-aws-pue", 1.2)]).unwrap();
/// assert_eq!(table.get("f", "ccf-aws-pue").unwrap().source, "override");
/// let err = DigitalTable::with_overrides([("ccf-gcp-pue", 0.9)]).unwrap_err();
/// assert_eq!(err.to_string(), "digitalFactors.ccf-gcp-pue must be between 1 and 10, got 0.9");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct DigitalTable {
    factors: Vec<DigitalFactor>,
}

impl Default for DigitalTable {
    fn default() -> Self {
        DigitalTable { factors: defaults().to_vec() }
    }
}

impl DigitalTable {
    /// The defaults, with each `(id, value)` replacing that value, in the factor's own unit. Values must be finite
    /// and within a plausible range for their unit, so that no result built on them overflows: W/vCPU 0 to
    /// [`MAX_WATTS_PER_VCPU`], a PUE 1 to [`MAX_PUE`], a utilisation 0 to 1, kWh/GB 0 to [`MAX_KWH_PER_GB`],
    /// g CO2e/kWh 0 to [`MAX_G_PER_KWH`]. Errors name `digitalFactors.<id>` (code `out-of-range`).
    ///
    /// ```
    /// use green_delivery::factors::digital::DigitalTable;
    /// let t = DigitalTable::with_overrides([("swd-network-operational", 0.03)]).unwrap();
    /// assert_eq!(t.get("f", "swd-network-operational").unwrap().value, 0.03);
    /// assert!(DigitalTable::with_overrides([("ccf-utilisation", 2.0)]).is_err());
    /// ```
    pub fn with_overrides<K: AsRef<str>>(overrides: impl IntoIterator<Item = (K, f64)>) -> Result<Self> {
        let mut table = Self::default();
        for (id, value) in overrides {
            let id = id.as_ref();
            let field = format!("digitalFactors.{id}");
            let factor = table.factors.iter_mut().find(|f| f.id == id).ok_or_else(|| unknown(&field, id))?;
            let (min, max) = match factor.unit {
                "PUE" => (1.0, MAX_PUE),
                "ratio" => (0.0, 1.0),
                "W/vCPU" => (0.0, MAX_WATTS_PER_VCPU),
                "kWh/GB" => (0.0, MAX_KWH_PER_GB),
                _ => (0.0, MAX_G_PER_KWH),
            };
            let value = within(&field, value, min, max)?;
            factor.note =
                format!("set by the caller; the default was {} {} from {}", factor.value, factor.unit, factor.source);
            factor.value = value;
            factor.source = "override".into();
            factor.year = None;
            factor.licence = "caller's own value".into();
        }
        Ok(table)
    }

    /// The factor with this id; errors name `field`.
    ///
    /// ```
    /// let t = green_delivery::factors::digital::DigitalTable::default();
    /// assert_eq!(t.get("f", "ccf-gcp-pue").unwrap().value, 1.1);
    /// assert!(t.get("server.provider", "ccf-ibm-pue").unwrap_err().to_string().starts_with("server.provider:"));
    /// ```
    pub fn get(&self, field: &str, id: &str) -> Result<&DigitalFactor> {
        self.factors.iter().find(|f| f.id == id).ok_or_else(|| unknown(field, id))
    }

    /// Every factor, in table order.
    ///
    /// ```
    /// let t = green_delivery::factors::digital::DigitalTable::default();
    /// assert_eq!(t.factors().len(), green_delivery::factors::digital::defaults().len());
    /// ```
    pub fn factors(&self) -> &[DigitalFactor] {
        &self.factors
    }
}

/// Every default digital factor, built once.
///
/// ```
/// let kwh_per_gb: f64 = green_delivery::factors::digital::defaults()
///     .iter()
///     .filter(|f| f.id.starts_with("swd-") && f.unit == "kWh/GB")
///     .map(|f| f.value)
///     .sum();
/// assert!((kwh_per_gb - 0.300).abs() < 1e-12); // SWD v4: 0.300 kWh/GB in all
/// ```
pub fn defaults() -> &'static [DigitalFactor] {
    static TABLE: OnceLock<Vec<DigitalFactor>> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// The default digital factor with this id; errors name `field`.
///
/// ```
/// assert_eq!(green_delivery::factors::digital::get("f", "ccf-utilisation").unwrap().value, 0.5);
/// assert!(green_delivery::factors::digital::get("f", "x").is_err());
/// ```
pub fn get(field: &str, id: &str) -> Result<&'static DigitalFactor> {
    defaults().iter().find(|f| f.id == id).ok_or_else(|| unknown(field, id))
}

fn unknown(field: &str, id: &str) -> Error {
    let ids: Vec<&str> = defaults().iter().map(|f| f.id).collect();
    Error::new(Code::UnknownId, field, format!("unknown digital factor id `{id}`, expected one of {}", ids.join(", ")))
}

fn build() -> Vec<DigitalFactor> {
    let factor = |id, label, value, unit, (source, year, licence): (&str, u16, &str), note: &str| DigitalFactor {
        id,
        label,
        value,
        unit,
        source: source.into(),
        year: Some(year),
        licence: licence.into(),
        note: note.into(),
    };
    let ccf = (CCF, 2021, APACHE);
    let swd = (SWD, 2024, CC_BY);
    let watts = "Per vCPU, from SPECpower results for the provider's processors (CCF, Appendix I).";
    let pue = "Data-centre energy ÷ IT energy, as CCF uses for the provider.";
    let operational = "Electricity per GB transferred, at the segment's grid.";
    let embodied = "Making the equipment, expressed as kWh per GB; SWD converts it at its global grid intensity.";
    vec![
        factor("ccf-aws-min-watts", "AWS, average min watts per vCPU (0% CPU)", 0.74, "W/vCPU", ccf, watts),
        factor("ccf-aws-max-watts", "AWS, average max watts per vCPU (100% CPU)", 3.5, "W/vCPU", ccf, watts),
        factor("ccf-aws-pue", "AWS, PUE", 1.135, "PUE", ccf, "CCF's conservative estimate from public AWS data."),
        factor("ccf-gcp-min-watts", "Google Cloud, median min watts per vCPU", 0.71, "W/vCPU", ccf, watts),
        factor("ccf-gcp-max-watts", "Google Cloud, median max watts per vCPU", 4.26, "W/vCPU", ccf, watts),
        factor("ccf-gcp-pue", "Google Cloud, PUE", 1.1, "PUE", ccf, pue),
        factor("ccf-azure-min-watts", "Azure, average min watts per vCPU", 0.78, "W/vCPU", ccf, watts),
        factor("ccf-azure-max-watts", "Azure, average max watts per vCPU", 3.76, "W/vCPU", ccf, watts),
        factor(
            "ccf-azure-pue",
            "Azure, PUE",
            1.185,
            "PUE",
            ccf,
            "Microsoft's fleet-wide trailing 12-month PUE, as quoted in CCF's PUE section (its Appendix I says 1.125).",
        ),
        factor(
            "ccf-utilisation",
            "Average vCPU utilisation when unknown",
            0.5,
            "ratio",
            ccf,
            "Hyperscale data centres in 2020, from the 2016 U.S. Data Center Energy Usage Report (LBNL), as CCF uses.",
        ),
        factor("swd-data-centre-operational", "Data centres, operational", 0.055, "kWh/GB", swd, operational),
        factor("swd-network-operational", "Networks, operational", 0.059, "kWh/GB", swd, operational),
        factor("swd-user-device-operational", "User devices, operational", 0.080, "kWh/GB", swd, operational),
        factor("swd-data-centre-embodied", "Data centres, embodied", 0.012, "kWh/GB", swd, embodied),
        factor("swd-network-embodied", "Networks, embodied", 0.013, "kWh/GB", swd, embodied),
        factor("swd-user-device-embodied", "User devices, embodied", 0.081, "kWh/GB", swd, embodied),
        factor(
            "swd-embodied-grid",
            "Global grid intensity for embodied emissions",
            494.0,
            "g CO2e/kWh",
            swd,
            "SWD v4 converts every embodied kWh at this fixed global figure, whatever the local grid.",
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_sheet_figures() {
        let v = |id: &str| get("t", id).unwrap().value;
        assert_eq!([v("ccf-aws-min-watts"), v("ccf-aws-max-watts"), v("ccf-aws-pue")], [0.74, 3.5, 1.135]);
        assert_eq!([v("ccf-gcp-min-watts"), v("ccf-gcp-max-watts"), v("ccf-gcp-pue")], [0.71, 4.26, 1.1]);
        assert_eq!([v("ccf-azure-min-watts"), v("ccf-azure-max-watts"), v("ccf-azure-pue")], [0.78, 3.76, 1.185]);
        let op = v("swd-data-centre-operational") + v("swd-network-operational") + v("swd-user-device-operational");
        let em = v("swd-data-centre-embodied") + v("swd-network-embodied") + v("swd-user-device-embodied");
        assert!((op - 0.194).abs() < 1e-12 && (em - 0.106).abs() < 1e-12);
        // SWD's 148.2 g CO2e per GB at its global intensity.
        assert!(((op + em) * v("swd-embodied-grid") - 148.2).abs() < 1e-9);
    }

    #[test]
    fn every_factor_is_cited_and_ids_are_unique() {
        let mut ids: Vec<&str> = defaults().iter().map(|f| f.id).collect();
        for f in defaults() {
            assert!(f.value.is_finite() && f.value >= 0.0, "{}", f.id);
            assert!(f.year.is_some() && !f.note.is_empty(), "{}", f.id);
            let expected = if f.id.starts_with("ccf-") { (CCF, APACHE) } else { (SWD, CC_BY) };
            assert_eq!((f.source.as_str(), f.licence.as_str()), expected, "{}", f.id);
        }
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn overrides_check_the_unit_and_say_so() {
        let t = DigitalTable::with_overrides([("swd-network-operational", 0.03), ("ccf-utilisation", 1.0)]).unwrap();
        let f = t.get("f", "swd-network-operational").unwrap();
        assert_eq!((f.value, f.source.as_str(), f.year), (0.03, "override", None));
        assert!(f.note.contains("the default was 0.059 kWh/GB"), "{}", f.note);
        assert_eq!(t.get("f", "swd-network-embodied").unwrap(), get("f", "swd-network-embodied").unwrap());
        let err = |id: &str, v: f64| DigitalTable::with_overrides([(id, v)]).unwrap_err().to_string();
        assert_eq!(err("ccf-utilisation", 1.5), "digitalFactors.ccf-utilisation must be between 0 and 1, got 1.5");
        assert_eq!(
            err("ccf-aws-min-watts", -1.0),
            "digitalFactors.ccf-aws-min-watts must be between 0 and 1000, got -1"
        );
        assert_eq!(
            err("swd-network-embodied", f64::NAN),
            "digitalFactors.swd-network-embodied must be a finite number, got NaN"
        );
        for id in ["ccf-aws-max-watts", "ccf-aws-pue", "ccf-utilisation", "swd-network-embodied", "swd-embodied-grid"] {
            let e = DigitalTable::with_overrides([(id, 1e308)]).unwrap_err();
            assert_eq!((e.code(), e.field()), (Code::OutOfRange, format!("digitalFactors.{id}").as_str()));
        }
        for f in defaults() {
            assert!(DigitalTable::with_overrides([(f.id, f.value)]).is_ok(), "{} refused", f.id);
        }
        assert!(err("quantum", 1.0).starts_with("digitalFactors.quantum: unknown digital factor id `quantum`"));
    }
}
