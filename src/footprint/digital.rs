//! The energy an order uses online: the shop's servers (Cloud Carbon Footprint's approach), and the data sent to
//! the shopper's device over the network (Sustainable Web Design v4).
//!
//! - **Servers** (segment `dataCentre`, method `ccf`): average watts per vCPU = min + utilisation × (max − min);
//!   energy = W × vCPU-seconds × PUE through [`models::energy`](crate::models::energy()); emissions = kWh × grid.
//!   The provider's min and max watts and PUE come from the [digital table](crate::factors::digital); any of
//!   them, and the utilisation (default 50%), can be given instead, and provider `custom` requires all three.
//!   CCF's embodied emissions need the instance's hardware, so they are left out.
//! - **Data transfer** (segments `network` and `userDevice`, method `swd`): GB = pages × bytes per page ÷ 10⁹;
//!   operational kWh = GB × the segment's kWh/GB, at the grid; embodied = GB × its embodied kWh/GB × SWD's fixed
//!   global intensity (494 g CO2e/kWh), as SWD v4 prescribes, so a greener grid lowers the operational part in
//!   proportion and leaves the embodied part alone.
//! - Without `server`, the data-centre segment is SWD's per-GB figure instead. With it, SWD's data-centre
//!   segment is left out, because the servers' time per order already counts the data centre; both would count it
//!   twice.
//!
//! The grid is a per-kWh factor id or a value (default `uk-grid-2025`), for every segment.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{computable, grid};
use crate::error::{at_least, within, Code, Error, Result};
use crate::factors::digital::{DigitalFactor, DigitalTable, MAX_PUE, MAX_WATTS_PER_VCPU};
use crate::factors::{FactorOverride, FactorTable};
use crate::models::{emission, EmissionFactor, EmissionInput, EnergyInput, PowerUnit, TimeUnit};
use crate::trace::Term;

/// Bytes per GB, decimal, as CO2.js counts them.
const BYTES_PER_GB: f64 = 1e9;
/// The most server time one order may claim, vCPU-seconds: 10¹² is a 1,000-vCPU fleet busy for 30 years, so any
/// real value fits and the energy stays finite.
pub const MAX_VCPU_SECONDS: f64 = 1e12;
/// The cloud providers with CCF coefficients, plus `custom`.
pub const PROVIDERS: [&str; 4] = ["aws", "gcp", "azure", "custom"];

/// What one order does online.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DigitalInput {
    /// Pages viewed per order, ≥ 0.
    pub pages: f64,
    /// Bytes transferred per page view, ≥ 0.
    pub bytes_per_page: f64,
    /// The shop's servers; without it, SWD's data-centre kWh per GB.
    pub server: Option<ServerInput>,
    /// A per-kWh factor id (default `uk-grid-2025`)…
    pub grid: Option<String>,
    /// …or kg CO2e per kWh.
    pub grid_kg_per_kwh: Option<f64>,
    /// Overrides of the factor table (e.g. a grid), by id.
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub factors: BTreeMap<String, FactorOverride>,
    /// Overrides of the digital table (watts, PUEs, kWh/GB), by id, in the factor's own unit.
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub digital_factors: BTreeMap<String, f64>,
}

/// The shop's servers, per order.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ServerInput {
    /// `aws`, `gcp`, `azure` or `custom`.
    pub provider: String,
    /// Server time per order, in vCPU-seconds (seconds × vCPUs), 0 to [`MAX_VCPU_SECONDS`].
    pub vcpu_seconds: f64,
    /// Average vCPU utilisation in [0, 1]; default CCF's 0.5.
    pub utilisation: Option<f64>,
    /// W per vCPU at 0% CPU, 0 to 1,000 ([`MAX_WATTS_PER_VCPU`]); default the provider's.
    pub min_watts: Option<f64>,
    /// W per vCPU at 100% CPU, `min_watts` to 1,000; default the provider's.
    pub max_watts: Option<f64>,
    /// 1 to 10 ([`MAX_PUE`]); default the provider's.
    pub pue: Option<f64>,
}

/// kWh and g CO2e per order, by segment.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DigitalFootprint {
    /// Operational + embodied, g CO2e per order.
    pub g_co2e: f64,
    /// Electricity used per order (operational; the servers' PUE included), kWh.
    pub kwh: f64,
    /// The part that scales with the grid.
    pub operational_g: f64,
    /// SWD's embodied part, at its fixed global intensity.
    pub embodied_g: f64,
    /// Data transferred per order, GB (10⁹ bytes).
    pub gb: f64,
    /// `dataCentre`, `network`, `userDevice`.
    pub segments: Vec<Segment>,
    pub settings: Vec<Term>,
}

/// One segment of the system.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Segment {
    pub id: &'static str,
    pub label: &'static str,
    /// `ccf` (servers' time) or `swd` (per GB).
    pub method: &'static str,
    pub kwh: f64,
    pub operational_g: f64,
    pub embodied_g: f64,
    pub g_co2e: f64,
    pub trace: Vec<Term>,
}

/// The energy and emissions of an order's browsing and serving.
///
/// ```
/// use green_delivery::footprint::{digital_footprint, DigitalInput, ServerInput};
/// let d = digital_footprint(&DigitalInput {
///     pages: 8.0,
///     bytes_per_page: 2.5e6, // 20 MB in all
///     server: Some(ServerInput { provider: "aws".into(), vcpu_seconds: 2.0, ..Default::default() }),
///     grid_kg_per_kwh: Some(0.2),
///     ..Default::default()
/// })
/// .unwrap();
/// // Servers: (0.74 + 0.5 × (3.5 − 0.74)) W × 2 s × 1.135 PUE.
/// let server_kwh = (0.74 + 0.5 * (3.5 - 0.74)) * 2.0 * 1.135 / 3.6e6;
/// // Network and device: 0.02 GB × (0.059 + 0.080) kWh/GB.
/// assert!((d.kwh - (server_kwh + 0.02 * (0.059 + 0.080))).abs() < 1e-15);
/// assert!((d.operational_g - d.kwh * 200.0).abs() < 1e-12);
/// assert!((d.embodied_g - 0.02 * (0.013 + 0.081) * 494.0).abs() < 1e-12);
/// assert_eq!(d.g_co2e, d.segments.iter().map(|s| s.g_co2e).sum::<f64>());
/// ```
pub fn digital_footprint(input: &DigitalInput) -> Result<DigitalFootprint> {
    let pages = at_least("pages", input.pages, 0.0)?;
    let bytes_per_page = at_least("bytesPerPage", input.bytes_per_page, 0.0)?;
    let table = FactorTable::with_overrides(input.factors.iter().map(|(k, v)| (k.as_str(), *v)))?;
    let digital = DigitalTable::with_overrides(input.digital_factors.iter().map(|(k, v)| (k.as_str(), *v)))?;
    let (grid, grid_kg) = grid(&table, input.grid.as_deref(), input.grid_kg_per_kwh)?;
    let gb = pages * bytes_per_page / BYTES_PER_GB;
    if !gb.is_finite() {
        return Err(Error::new(Code::Overflow, "bytesPerPage", "pages × bytesPerPage is too large to compute"));
    }

    let data_centre = match &input.server {
        Some(server) => servers(server, &digital, &grid)?,
        None => per_gb("dataCentre", "Data centres (SWD average per GB)", "data-centre", gb, &digital, &grid)?,
    };
    let segments = vec![
        data_centre,
        per_gb("network", "Network", "network", gb, &digital, &grid)?,
        per_gb("userDevice", "The shopper's device", "user-device", gb, &digital, &grid)?,
    ];
    let sum = |f: fn(&Segment) -> f64| segments.iter().map(f).sum::<f64>();
    let totals = [sum(|s| s.g_co2e), sum(|s| s.kwh), sum(|s| s.operational_g), sum(|s| s.embodied_g)];
    computable("input", totals.into_iter().chain([gb]))?;
    let settings = vec![
        Term::new("pages", pages, "pages/order").with_source(Some("input")),
        Term::new("bytesPerPage", bytes_per_page, "bytes/page").with_source(Some("input")),
        Term::new("grid", grid_kg, "kg CO2e/kWh").with_source(grid.source.as_deref()),
    ];
    let [g_co2e, kwh, operational_g, embodied_g] = totals;
    Ok(DigitalFootprint { g_co2e, kwh, operational_g, embodied_g, gb, segments, settings })
}

/// A digital factor as a trace term.
fn term(f: &DigitalFactor) -> Term {
    Term::new(format!("factor ({})", f.id), f.value, f.unit).with_source(Some(&f.citation()))
}

/// The servers' segment: CCF's average watts per vCPU × vCPU-seconds × PUE, at the grid.
fn servers(server: &ServerInput, digital: &DigitalTable, grid: &EmissionFactor) -> Result<Segment> {
    let provider = PROVIDERS.iter().find(|p| **p == server.provider).ok_or_else(|| {
        let reason = format!("unknown provider `{}`, expected one of {}", server.provider, PROVIDERS.join(", "));
        Error::invalid("server.provider", reason)
    })?;
    let mut trace = Vec::new();
    // A value given wins; otherwise the provider's, which `custom` does not have.
    let mut value = |field: &str, given: Option<f64>, id: &str, unit: &str| -> Result<f64> {
        match (given, digital.get(field, &format!("ccf-{provider}-{id}"))) {
            (Some(v), _) => {
                trace.push(Term::new(field, v, unit).with_source(Some("input")));
                Ok(v)
            }
            (None, Ok(f)) => {
                trace.push(term(f));
                Ok(f.value)
            }
            (None, Err(_)) => Err(Error::invalid(field, "required with provider `custom`")),
        }
    };
    let min = value("server.minWatts", server.min_watts, "min-watts", "W/vCPU")?;
    let max = value("server.maxWatts", server.max_watts, "max-watts", "W/vCPU")?;
    let pue = value("server.pue", server.pue, "pue", "PUE")?;
    let min = within("server.minWatts", min, 0.0, MAX_WATTS_PER_VCPU)?;
    let max = within("server.maxWatts", max, min, MAX_WATTS_PER_VCPU)?;
    let pue = within("server.pue", pue, 1.0, MAX_PUE)?;
    let utilisation = match server.utilisation {
        Some(u) => within("server.utilisation", u, 0.0, 1.0)?,
        None => {
            let f = digital.get("server.utilisation", "ccf-utilisation")?;
            trace.push(term(f));
            f.value
        }
    };
    let seconds = within("server.vcpuSeconds", server.vcpu_seconds, 0.0, MAX_VCPU_SECONDS)?;
    trace.push(Term::new("utilisation", utilisation, "ratio"));
    let e = emission(&EmissionInput {
        activity: None,
        activity_unit: None,
        energy: Some(EnergyInput {
            power: min + utilisation * (max - min),
            power_unit: PowerUnit::Watt,
            time: seconds,
            time_unit: TimeUnit::Second,
            pue: Some(pue),
        }),
        factor: grid.clone(),
    })?;
    trace.extend(e.trace);
    let g = e.kg_co2e * 1000.0;
    Ok(Segment {
        id: "dataCentre",
        label: "The shop's servers",
        method: "ccf",
        kwh: e.activity,
        operational_g: g,
        embodied_g: 0.0,
        g_co2e: g,
        trace,
    })
}

/// An SWD segment: GB × kWh/GB at the grid, plus GB × embodied kWh/GB at SWD's global intensity.
fn per_gb(
    id: &'static str,
    label: &'static str,
    stem: &str,
    gb: f64,
    digital: &DigitalTable,
    grid: &EmissionFactor,
) -> Result<Segment> {
    let operational = digital.get("digitalFactors", &format!("swd-{stem}-operational"))?;
    let embodied = digital.get("digitalFactors", &format!("swd-{stem}-embodied"))?;
    let embodied_grid = digital.get("digitalFactors", "swd-embodied-grid")?;
    let e = emission(&EmissionInput {
        activity: Some(gb * operational.value),
        activity_unit: Some("kWh".into()),
        energy: None,
        factor: grid.clone(),
    })?;
    let mut trace = vec![Term::new("gb", gb, "GB"), term(operational)];
    trace.extend(e.trace);
    trace.push(term(embodied));
    trace.push(term(embodied_grid));
    let operational_g = e.kg_co2e * 1000.0;
    let embodied_g = gb * embodied.value * embodied_grid.value;
    Ok(Segment {
        id,
        label,
        method: "swd",
        kwh: e.activity,
        operational_g,
        embodied_g,
        g_co2e: operational_g + embodied_g,
        trace,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(provider: &str) -> ServerInput {
        ServerInput { provider: provider.into(), vcpu_seconds: 3600.0, ..Default::default() }
    }

    fn run(server: Option<ServerInput>) -> Result<DigitalFootprint> {
        digital_footprint(&DigitalInput { pages: 1.0, bytes_per_page: 1e9, server, ..Default::default() })
    }

    #[test]
    fn one_gb_without_servers_is_swd_on_the_uk_grid() {
        let d = run(None).unwrap();
        assert!((d.kwh - 0.194).abs() < 1e-12);
        assert!((d.embodied_g - 0.106 * 494.0).abs() < 1e-9);
        let uk = FactorTable::default().get("g", "uk-grid-2025").unwrap().kg_per_unit;
        assert!((d.operational_g - 0.194 * uk * 1000.0).abs() < 1e-9);
        let ids: Vec<(&str, &str)> = d.segments.iter().map(|s| (s.id, s.method)).collect();
        assert_eq!(ids, [("dataCentre", "swd"), ("network", "swd"), ("userDevice", "swd")]);
    }

    #[test]
    fn one_vcpu_hour_per_provider() {
        for (provider, min, max, pue) in
            [("aws", 0.74, 3.5, 1.135), ("gcp", 0.71, 4.26, 1.1), ("azure", 0.78, 3.76, 1.185)]
        {
            let s = &run(Some(server(provider))).unwrap().segments[0];
            assert_eq!(s.method, "ccf");
            let kwh = (min + 0.5 * (max - min)) * pue / 1000.0;
            assert!((s.kwh / kwh - 1.0).abs() < 1e-12, "{provider}");
            assert_eq!(s.embodied_g, 0.0);
        }
    }

    #[test]
    fn custom_needs_its_values_and_given_values_win() {
        let custom = ServerInput {
            min_watts: Some(1.0),
            max_watts: Some(3.0),
            pue: Some(1.5),
            utilisation: Some(0.25),
            ..server("custom")
        };
        let s = &run(Some(custom)).unwrap().segments[0];
        assert!((s.kwh - 1.5 * 1.5 / 1000.0).abs() < 1e-15);
        assert_eq!(
            run(Some(server("custom"))).unwrap_err().to_string(),
            "server.minWatts: required with provider `custom`"
        );
        let aws = ServerInput { pue: Some(2.0), ..server("aws") };
        let s = &run(Some(aws)).unwrap().segments[0];
        assert!((s.kwh - 2.12 * 2.0 / 1000.0).abs() < 1e-15);
    }

    #[test]
    fn errors_name_the_field() {
        let err = |s: ServerInput| run(Some(s)).unwrap_err().to_string();
        assert_eq!(
            err(ServerInput { utilisation: Some(1.2), ..server("aws") }),
            "server.utilisation must be between 0 and 1, got 1.2"
        );
        assert_eq!(
            err(ServerInput { utilisation: Some(-0.1), ..server("aws") }),
            "server.utilisation must be between 0 and 1, got -0.1"
        );
        assert_eq!(
            err(ServerInput { pue: Some(0.9), ..server("gcp") }),
            "server.pue must be between 1 and 10, got 0.9"
        );
        assert_eq!(
            err(ServerInput { max_watts: Some(0.5), ..server("aws") }),
            "server.maxWatts must be between 0.74 and 1000, got 0.5"
        );
        assert_eq!(
            err(ServerInput { vcpu_seconds: -1.0, ..server("aws") }),
            "server.vcpuSeconds must be between 0 and 1000000000000, got -1"
        );
        assert_eq!(
            err(server("ibm")),
            "server.provider: unknown provider `ibm`, expected one of aws, gcp, azure, custom"
        );
        let bad = |pages, bytes_per_page| {
            digital_footprint(&DigitalInput { pages, bytes_per_page, ..Default::default() }).unwrap_err().to_string()
        };
        assert_eq!(bad(-1.0, 1.0), "pages must be at least 0, got -1");
        assert_eq!(bad(1.0, f64::NAN), "bytesPerPage must be a finite number, got NaN");
    }
}
