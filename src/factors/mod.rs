//! The one table of default emission factors: every factor the project ships, with its source, year and licence.
//!
//! [`defaults()`] lists the table; [`get()`] finds one factor by its stable id (`diesel-van`, `uk-grid-2025`,
//! `board-landfill`, ...); a [`FactorTable`] is the defaults with a caller's overrides applied.
//!
//! # Where the numbers come from
//!
//! - **DESNZ 2025** (UK Government GHG conversion factors for company reporting; OGL v3.0): vans, cars, fuels per
//!   litre, UK grid electricity, waste disposal and material use. No DESNZ value is typed in Rust: `scripts/extract_factors.py`
//!   copies the rows the table uses, by row ID, from the official flat file (`data/`) into the generated
//!   `desnz_2025.rs`, and `tests/factors_match_desnz.rs` checks each one against the official file. Every factor
//!   lists its rows in [`Factor::desnz_rows`].
//! - **Ember** (CC BY-SA 4.0, the 2024 annual averages as bundled by CO2.js): grid intensities for the world, the
//!   EU, Germany, France, the USA, India and China.
//! - **University of Westminster / Pedal Me (2021)**: the e-cargo bike (a cited figure).
//! - **Cloud Carbon Footprint** (Apache-2.0) and **Sustainable Web Design v4** (CC BY 4.0): watts per vCPU, PUEs and
//!   kWh per GB, which are not kg CO2e per unit, so they have their own small table, [`digital`].
//!
//! # How DESNZ rows map to TTW and WTT
//!
//! Following GLEC / ISO 14083, well-to-wheel WTW = TTW + WTT ([`FactorParts::Split`]):
//!
//! | DESNZ row (Level 1) | [`Part`] | counted as |
//! |---|---|---|
//! | Delivery vehicles / Passenger vehicles / Fuels | `ttw` | TTW (0 for a battery-electric vehicle) |
//! | WTT- delivery vehs & freight / WTT- pass vehs & travel- land / WTT- fuels | `wtt` | WTT |
//! | UK electricity / UK electricity for EVs | `generation` | WTT |
//! | Transmission and distribution / UK electricity T&D for EVs | `transmissionDistribution` | WTT |
//! | WTT- UK electricity (generation), (T&D) | `wttGeneration`, `wttTransmissionDistribution` | WTT |
//! | Waste disposal / Material use | `total` | one number ([`FactorParts::Total`]) |
//!
//! DESNZ reports electricity generation and T&D as Scope 2 and 3, but for a vehicle or a delivery they are all
//! energy provision, i.e. upstream: an electric van's WTT is generation + T&D + the WTT row, and its TTW is 0.
//! Grid factors (per kWh) are likewise all WTT.
//!
//! # Re-basing an electric vehicle on another grid
//!
//! DESNZ's electric van and car use the UK grid. Their energy use is implied by the table itself:
//!
//! > kWh/km = the vehicle's `generation` row ÷ the UK generation factor (`uk-grid-2025`'s `generation` row)
//!
//! (≈ 0.357 kWh/km for the van). [`Factor::grid`] and [`Factor::on_grid`] then give
//!
//! > kg CO2e/km = kWh/km × grid factor (kg CO2e/kWh), all of it WTT, TTW = 0
//!
//! where the grid factor is used exactly as given. `uk-grid-2025` includes generation, T&D and the WTT of both, so the
//! van re-based on it comes out about 0.2% above DESNZ's own per-km sum (DESNZ rounds each row on its own, and its
//! WTT row is not exactly kWh/km × the grid's WTT factors). The Ember figures are per kWh generated with nothing
//! added for T&D losses, so a vehicle re-based on them leaves those out.
//!
//! # Waste
//!
//! DESNZ draws the line where the waste leaves the owner's hands. Landfill emissions count in full; the recycling and
//! energy-recovery rows carry little more than getting the waste to the facility, because what happens next belongs
//! to the user of the recovered material or energy, and nothing is credited for it. `-recycling` is DESNZ's
//! closed-loop row where it has one, otherwise its open-loop row; `-recycling-open` is the open-loop row where both
//! exist.
//!
//! The material-use rows say what recycling can displace: `-primary` is producing the material new,
//! `-closed-loop-source` producing it from recycled material of the same kind, so a tonne recycled closed-loop saves
//! its user `-primary` − `-closed-loop-source` (see [`crate::footprint`]). DESNZ has one waste row for all
//! batteries but separate Li-ion and alkaline material rows; it has no closed-loop source rows for electricals or
//! batteries, no material row for mixed WEEE, and no incineration value for batteries, so the table has none either.

mod desnz_2025;
pub mod digital;

use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::{within, Code, Error, Plain, Result};
use crate::models::emission::{EmissionFactor, FactorParts};
use desnz_2025::ROWS;

const DESNZ: &str = "UK Government GHG Conversion Factors for Company Reporting 2025 (DESNZ)";
const OGL: &str = "OGL v3.0";
const EMBER: &str = "Ember yearly electricity data, 2024 annual average (as bundled by CO2.js)";
const CC_BY_SA: &str = "CC BY-SA 4.0";
/// The grid whose `generation` row turns an electric vehicle's per-km electricity into kWh/km.
pub const UK_GRID: &str = "uk-grid-2025";

/// The largest kg CO2e per unit an override (or a part of one) may set. The largest default is about 25,000 kg per
/// tonne (Li-ion battery production); 1,000,000 leaves room for any real value while keeping every result built
/// on it finite.
pub const MAX_KG_PER_UNIT: f64 = 1e6;

/// The largest grid intensity a caller may give, kg CO2e per kWh. The dirtiest grids are about 1 kg/kWh (coal
/// generation alone is about 1); 10 leaves room for any real value while keeping results finite.
pub const MAX_GRID_KG_PER_KWH: f64 = 10.0;

/// The unit of activity a factor is per.
///
/// ```
/// use green_delivery::factors::{get, Unit};
/// assert_eq!(get("vehicle", "diesel-van").unwrap().unit, Unit::VehicleKm);
/// assert_eq!(Unit::Kwh.as_str(), "kWh");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Unit {
    /// One vehicle driven one km, whatever it carries.
    #[serde(rename = "vehicle-km")]
    VehicleKm,
    /// One person travelling one km.
    #[serde(rename = "passenger-km")]
    PassengerKm,
    /// One kWh of electricity consumed.
    #[serde(rename = "kWh")]
    Kwh,
    /// One litre of fuel burnt.
    #[serde(rename = "litre")]
    Litre,
    /// One tonne of material.
    #[serde(rename = "tonne")]
    Tonne,
    /// One tonne carried one km (freight).
    #[serde(rename = "tonne-km")]
    TonneKm,
}

impl Unit {
    /// The unit as traces and JS write it.
    ///
    /// ```
    /// assert_eq!(green_delivery::factors::Unit::VehicleKm.as_str(), "vehicle-km");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::VehicleKm => "vehicle-km",
            Unit::PassengerKm => "passenger-km",
            Unit::Kwh => "kWh",
            Unit::Litre => "litre",
            Unit::Tonne => "tonne",
            Unit::TonneKm => "tonne-km",
        }
    }
}

/// What one DESNZ row supplies to a factor (see the module docs for how each part maps to TTW and WTT).
///
/// ```
/// use green_delivery::factors::Part;
/// assert!(Part::Ttw.is_ttw());
/// assert!(!Part::Generation.is_ttw()); // electricity counts as upstream (WTT)
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Part {
    /// Tank-to-wheel: fuel burnt in the vehicle.
    Ttw,
    /// Well-to-tank of the fuel or electricity.
    Wtt,
    /// Generating the electricity used.
    Generation,
    /// Electricity lost in transmission and distribution.
    TransmissionDistribution,
    /// Well-to-tank of generating the electricity.
    WttGeneration,
    /// Well-to-tank of the electricity lost in T&D.
    WttTransmissionDistribution,
    /// A factor with no TTW/WTT split (waste disposal, material use).
    Total,
}

impl Part {
    /// Whether this part is tank-to-wheel; every other part of a split factor is well-to-tank.
    ///
    /// ```
    /// assert!(!green_delivery::factors::Part::Wtt.is_ttw());
    /// ```
    pub fn is_ttw(self) -> bool {
        self == Part::Ttw
    }

    /// A short name for traces.
    ///
    /// ```
    /// assert_eq!(green_delivery::factors::Part::TransmissionDistribution.as_str(), "T&D");
    /// ```
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Ttw => "TTW",
            Part::Wtt => "WTT",
            Part::Generation => "generation",
            Part::TransmissionDistribution => "T&D",
            Part::WttGeneration => "WTT of generation",
            Part::WttTransmissionDistribution => "WTT of T&D",
            Part::Total => "total",
        }
    }
}

/// One row of the DESNZ 2025 flat file that a factor is built from.
///
/// ```
/// let van = green_delivery::factors::get("vehicle", "diesel-van").unwrap();
/// let rows: Vec<&str> = van.desnz_rows.iter().map(|r| r.row).collect();
/// assert_eq!(rows, ["5_303_3102_4_1", "28_906_3102_4_1"]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DesnzRow {
    /// What this row supplies.
    pub part: Part,
    /// The row's `ID` in the flat file.
    pub row: &'static str,
    /// The row's value, kg CO2e per unit.
    pub value: f64,
}

/// One emission factor and where it comes from.
///
/// ```
/// let van = green_delivery::factors::get("vehicle", "electric-van").unwrap();
/// assert_eq!(van.unit.as_str(), "vehicle-km");
/// assert_eq!(van.licence, "OGL v3.0");
/// assert!((van.kg_per_unit - 0.08736).abs() < 1e-12);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Factor {
    /// Stable kebab-case id, e.g. `"diesel-van"`.
    pub id: &'static str,
    /// What the factor is, for people.
    pub label: String,
    /// The unit of activity the factor is per.
    pub unit: Unit,
    /// Well-to-wheel total, kg CO2e per unit: the sum of [`Factor::parts`].
    pub kg_per_unit: f64,
    /// The value, split into TTW and WTT where that applies.
    pub parts: FactorParts,
    /// An electric vehicle's energy use, kWh per km, when known (see the module docs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kwh_per_km: Option<f64>,
    /// Every DESNZ row the value is made of, with the part each supplies; empty for other sources.
    pub desnz_rows: Vec<DesnzRow>,
    /// DESNZ's own words for the activity (Level 1-4 and Column Text), to find the rows in the published
    /// spreadsheet; the tests check them against the official file.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub desnz_wording: Vec<&'static str>,
    /// Who published the value, or `"override"` when the caller set it.
    pub source: String,
    /// The year the value is for, when it has one.
    pub year: Option<u16>,
    /// The licence the value is used under.
    pub licence: String,
    /// What the value covers and leaves out.
    pub note: String,
}

impl Factor {
    /// The factor for [`emission()`](crate::models::emission()), named by its id, with [`Factor::citation`] as
    /// its source, so the trace says which factor was used and where it came from.
    ///
    /// ```
    /// use green_delivery::factors::get;
    /// use green_delivery::models::{emission, EmissionInput};
    /// let van = get("vehicle", "diesel-van").unwrap();
    /// let e = emission(&EmissionInput {
    ///     activity: Some(10.0),
    ///     activity_unit: Some(van.unit.as_str().into()),
    ///     energy: None,
    ///     factor: van.emission_factor(),
    /// })
    /// .unwrap();
    /// assert!((e.kg_co2e - 3.1689).abs() < 1e-12);
    /// assert_eq!(e.trace[1].name, "factor.ttw (diesel-van)");
    /// assert!(e.trace[1].source.as_deref().unwrap().contains("5_303_3102_4_1"));
    /// ```
    pub fn emission_factor(&self) -> EmissionFactor {
        EmissionFactor { parts: self.parts, name: Some(self.id.to_owned()), source: Some(self.citation()) }
    }

    /// The source, licence and DESNZ rows in one line, for traces.
    ///
    /// ```
    /// let grid = green_delivery::factors::get("grid", "grid-fr").unwrap();
    /// assert_eq!(
    ///     grid.citation(),
    ///     "Ember yearly electricity data, 2024 annual average (as bundled by CO2.js), CC BY-SA 4.0"
    /// );
    /// ```
    pub fn citation(&self) -> String {
        let mut text = format!("{}, {}", self.source, self.licence);
        for (i, row) in self.desnz_rows.iter().enumerate() {
            // Writing to a String cannot fail.
            let _ = write!(text, "{} {} ({})", if i == 0 { "; rows" } else { "," }, row.row, row.part.as_str());
        }
        text
    }

    /// This electric vehicle on a grid of `kg_per_kwh` kg CO2e/kWh: kg/km = [`Factor::kwh_per_km`] × `kg_per_kwh`,
    /// all WTT. `field` names the grid input in errors.
    ///
    /// ```
    /// let van = green_delivery::factors::get("vehicle", "electric-van").unwrap();
    /// let clean = van.grid("gridKgPerKwh", 0.05).unwrap();
    /// assert!((clean.kg_per_unit - van.kwh_per_km.unwrap() * 0.05).abs() < 1e-15);
    /// assert!(van.grid("gridKgPerKwh", f64::NAN).is_err());
    /// ```
    pub fn grid(&self, field: &str, kg_per_kwh: f64) -> Result<Factor> {
        let kwh_per_km = self.kwh_per_km.ok_or_else(|| {
            Error::invalid(field, format!("`{}` has no known kWh per km, so it cannot be put on another grid", self.id))
        })?;
        let kg_per_kwh = within(field, kg_per_kwh, 0.0, MAX_GRID_KG_PER_KWH)?;
        let wtt = kwh_per_km * kg_per_kwh;
        // Keep only the rows the kWh/km comes from: the vehicle's electricity and the UK generation factor.
        let mut desnz_rows: Vec<DesnzRow> =
            self.desnz_rows.iter().filter(|r| r.part == Part::Generation).copied().collect();
        desnz_rows.extend(desnz_rows_of(UK_GRID).filter(|r| r.part == Part::Generation));
        Ok(Factor {
            label: format!("{} on a {} kg CO2e/kWh grid", self.label, Plain(kg_per_kwh)),
            kg_per_unit: wtt,
            parts: FactorParts::Split { ttw: 0.0, wtt },
            desnz_rows,
            source: format!("{} (kWh per km)", self.source),
            note: format!(
                "{} kWh/km × {} kg CO2e/kWh, all WTT; kWh/km = the vehicle's generation row ÷ the UK generation factor",
                Plain(kwh_per_km),
                Plain(kg_per_kwh)
            ),
            ..self.clone()
        })
    }

    /// This electric vehicle on the grid of another factor (per kWh, e.g. `grid-fr`); see [`Factor::grid`]. Errors
    /// name the field `grid`.
    ///
    /// ```
    /// use green_delivery::factors::get;
    /// let van = get("vehicle", "electric-van").unwrap();
    /// let fr = van.on_grid(get("grid", "grid-fr").unwrap()).unwrap();
    /// assert!(fr.kg_per_unit < van.kg_per_unit);
    /// assert!(fr.label.ends_with("on grid-fr"));
    /// assert!(van.on_grid(get("vehicle", "diesel-van").unwrap()).is_err()); // not per kWh
    /// ```
    pub fn on_grid(&self, grid: &Factor) -> Result<Factor> {
        if grid.unit != Unit::Kwh {
            return Err(Error::invalid("grid", format!("`{}` is per {}, not per kWh", grid.id, grid.unit.as_str())));
        }
        let mut factor = self.grid("grid", grid.kg_per_unit)?;
        factor.label = format!("{} on {}", self.label, grid.id);
        factor.source = format!("{} × {}", factor.source, grid.source);
        if grid.licence != factor.licence {
            factor.licence = format!("{} + {}", factor.licence, grid.licence);
        }
        factor.note = format!("{}; grid: {}", factor.note, grid.id);
        Ok(factor)
    }
}

/// A caller's value for one factor: `{ kgPerUnit }` or `{ ttw, wtt }`, in kg CO2e per unit of the factor.
///
/// ```
/// use green_delivery::factors::FactorOverride;
/// assert_eq!(FactorOverride::total(0.3).kg_per_unit, Some(0.3));
/// assert_eq!(FactorOverride::split(0.2, 0.05).ttw, Some(0.2));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FactorOverride {
    /// The whole (well-to-wheel) value, with no split.
    pub kg_per_unit: Option<f64>,
    /// Tank-to-wheel part; give it together with `wtt`.
    pub ttw: Option<f64>,
    /// Well-to-tank part; give it together with `ttw`.
    pub wtt: Option<f64>,
}

impl FactorOverride {
    /// One number with no split.
    ///
    /// ```
    /// let o = green_delivery::factors::FactorOverride::total(1.5);
    /// assert_eq!((o.ttw, o.wtt), (None, None));
    /// ```
    pub fn total(kg_per_unit: f64) -> Self {
        FactorOverride { kg_per_unit: Some(kg_per_unit), ..Self::default() }
    }

    /// A TTW/WTT split.
    ///
    /// ```
    /// let o = green_delivery::factors::FactorOverride::split(0.2, 0.05);
    /// assert_eq!(o.kg_per_unit, None);
    /// ```
    pub fn split(ttw: f64, wtt: f64) -> Self {
        FactorOverride { ttw: Some(ttw), wtt: Some(wtt), ..Self::default() }
    }

    /// The validated value: each number within 0 to [`MAX_KG_PER_UNIT`]; errors name `field` (e.g.
    /// `factors.diesel-van.ttw`).
    fn parts(&self, field: &str) -> Result<FactorParts> {
        // + 0.0 turns a caller's −0 into 0, so that no result reads "−0".
        let check = |part: &str, v: f64| within(&format!("{field}.{part}"), v, 0.0, MAX_KG_PER_UNIT).map(|v| v + 0.0);
        match (self.kg_per_unit, self.ttw, self.wtt) {
            (Some(total), None, None) => Ok(FactorParts::Total(check("kgPerUnit", total)?)),
            (None, Some(ttw), Some(wtt)) => Ok(FactorParts::Split { ttw: check("ttw", ttw)?, wtt: check("wtt", wtt)? }),
            _ => Err(Error::invalid(field, "give either kgPerUnit, or both ttw and wtt")),
        }
    }
}

/// The default factors with a caller's overrides applied.
///
/// ```
/// use green_delivery::factors::{FactorOverride, FactorTable};
/// let table = FactorTable::with_overrides([("diesel-van", FactorOverride::total(0.3))]).unwrap();
/// let van = table.get("vehicle", "diesel-van").unwrap();
/// assert_eq!((van.kg_per_unit, van.source.as_str()), (0.3, "override"));
/// let petrol = table.get("vehicle", "petrol-van").unwrap();
/// assert_eq!(petrol, FactorTable::default().get("vehicle", "petrol-van").unwrap());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(transparent)]
pub struct FactorTable {
    factors: Vec<Factor>,
}

impl Default for FactorTable {
    /// The defaults, unchanged.
    fn default() -> Self {
        FactorTable { factors: defaults().to_vec() }
    }
}

impl FactorTable {
    /// The defaults, with each `(id, value)` replacing that factor. An overridden factor keeps its id, label and
    /// unit, says `source: "override"`, and has no DESNZ rows or kWh/km. Errors name the field `factors.<id>`.
    ///
    /// ```
    /// use green_delivery::factors::{FactorOverride, FactorTable};
    /// let err = FactorTable::with_overrides([("diesel-van", FactorOverride::split(f64::NAN, 0.1))]).unwrap_err();
    /// assert_eq!(err.to_string(), "factors.diesel-van.ttw must be a finite number, got NaN");
    /// let err = FactorTable::with_overrides([("hovercraft", FactorOverride::total(1.0))]).unwrap_err();
    /// let expected = "factors.hovercraft: unknown factor id `hovercraft`, expected one of diesel-van,";
    /// assert!(err.to_string().starts_with(expected));
    /// ```
    pub fn with_overrides<K: AsRef<str>>(overrides: impl IntoIterator<Item = (K, FactorOverride)>) -> Result<Self> {
        let mut table = Self::default();
        for (id, value) in overrides {
            let id = id.as_ref();
            let field = format!("factors.{id}");
            let parts = value.parts(&field)?;
            let factor = table.factors.iter_mut().find(|f| f.id == id).ok_or_else(|| unknown(&field, id))?;
            let was = format!("{} kg CO2e/{} from {}", Plain(factor.kg_per_unit), factor.unit.as_str(), factor.source);
            *factor = Factor {
                kg_per_unit: parts.wtw(),
                parts,
                kwh_per_km: None,
                desnz_rows: Vec::new(),
                desnz_wording: Vec::new(),
                source: "override".into(),
                year: None,
                licence: "caller's own value".into(),
                note: format!("set by the caller; the default was {was}"),
                ..factor.clone()
            };
        }
        Ok(table)
    }

    /// The factor with this id; errors name `field`, the input that gave the id (e.g. `"vehicle"`).
    ///
    /// ```
    /// let table = green_delivery::factors::FactorTable::default();
    /// assert_eq!(table.get("vehicle", "walk").unwrap().kg_per_unit, 0.0);
    /// let err = table.get("vehicle", "jetpack").unwrap_err().to_string();
    /// assert!(err.starts_with("vehicle: unknown factor id `jetpack`"));
    /// ```
    pub fn get(&self, field: &str, id: &str) -> Result<&Factor> {
        self.factors.iter().find(|f| f.id == id).ok_or_else(|| unknown(field, id))
    }

    /// Every factor, in table order.
    ///
    /// ```
    /// let table = green_delivery::factors::FactorTable::default();
    /// assert_eq!(table.factors().len(), green_delivery::factors::defaults().len());
    /// ```
    pub fn factors(&self) -> &[Factor] {
        &self.factors
    }
}

/// Every default factor, built once.
///
/// ```
/// let ids: Vec<&str> = green_delivery::factors::defaults().iter().map(|f| f.id).collect();
/// assert!(ids.contains(&"uk-grid-2025") && ids.contains(&"e-cargo-bike"));
/// ```
pub fn defaults() -> &'static [Factor] {
    static TABLE: OnceLock<Vec<Factor>> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// The default factor with this id; errors name `field`, the input that gave the id.
///
/// ```
/// use green_delivery::factors::get;
/// assert_eq!(get("vehicle", "diesel-van").unwrap().label, "Diesel van (average, up to 3.5 t)");
/// let err = get("vehicle", "x").unwrap_err().to_string();
/// assert!(err.starts_with("vehicle: unknown factor id `x`, expected one of diesel-van, petrol-van,"));
/// ```
pub fn get(field: &str, id: &str) -> Result<&'static Factor> {
    defaults().iter().find(|f| f.id == id).ok_or_else(|| unknown(field, id))
}

/// An unknown id: the error lists the ids of the kind the field asks for (vehicles for `vehicle`, `pickup.car`,
/// `cargoBike.vehicle`; grids for `grid`), or every id for another field.
fn unknown(field: &str, id: &str) -> Error {
    let kind = match field.rsplit('.').next().unwrap_or(field) {
        "vehicle" | "car" => Some(Unit::VehicleKm),
        "grid" => Some(Unit::Kwh),
        _ => None,
    };
    let ids: Vec<&str> = defaults().iter().filter(|f| kind.is_none_or(|k| f.unit == k)).map(|f| f.id).collect();
    Error::new(Code::UnknownId, field, format!("unknown factor id `{id}`, expected one of {}", ids.join(", ")))
}

fn desnz_rows_of(id: &str) -> impl Iterator<Item = DesnzRow> + '_ {
    ROWS.iter().filter(move |row| row.0 == id).map(|&(_, part, row, value)| DesnzRow { part, row, value })
}

/// A factor whose value is the sum of its DESNZ rows: one number for waste and materials, else TTW + WTT.
fn desnz(id: &'static str, label: &str, unit: Unit, wording: &[&'static str], note: &str) -> Factor {
    let desnz_rows: Vec<DesnzRow> = desnz_rows_of(id).collect();
    // + 0.0: an empty sum is −0 in Rust, and no factor should read "−0".
    let sum = |keep: fn(Part) -> bool| desnz_rows.iter().filter(|r| keep(r.part)).map(|r| r.value).sum::<f64>() + 0.0;
    let parts = if desnz_rows.iter().all(|r| r.part == Part::Total) {
        FactorParts::Total(sum(|_| true))
    } else {
        FactorParts::Split { ttw: sum(Part::is_ttw), wtt: sum(|p| !p.is_ttw()) }
    };
    Factor {
        id,
        label: label.into(),
        unit,
        kg_per_unit: parts.wtw(),
        parts,
        kwh_per_km: None,
        desnz_rows,
        desnz_wording: wording.to_vec(),
        source: DESNZ.into(),
        year: Some(2025),
        licence: OGL.into(),
        note: note.into(),
    }
}

/// A DESNZ electric vehicle, with kWh/km = its generation row ÷ the UK generation factor.
fn electric(id: &'static str, label: &str, wording: &[&'static str], note: &str) -> Factor {
    let generation = |id| desnz_rows_of(id).find(|r| r.part == Part::Generation).map(|r| r.value);
    let kwh_per_km = generation(id).zip(generation(UK_GRID)).map(|(vehicle, grid)| vehicle / grid);
    Factor { kwh_per_km, ..desnz(id, label, Unit::VehicleKm, wording, note) }
}

/// A factor from a source other than DESNZ; all of it is WTT (electricity, or nothing at all).
fn other(id: &'static str, label: &str, unit: Unit, wtt: f64, source: (&str, Option<u16>, &str), note: &str) -> Factor {
    let (source, year, licence) = source;
    Factor {
        id,
        label: label.into(),
        unit,
        kg_per_unit: wtt,
        parts: FactorParts::Split { ttw: 0.0, wtt },
        kwh_per_km: None,
        desnz_rows: Vec::new(),
        desnz_wording: Vec::new(),
        source: source.into(),
        year,
        licence: licence.into(),
        note: note.into(),
    }
}

/// Ember's 2024 average for one grid, in kg CO2e per kWh (Ember publishes g/kWh).
fn ember(id: &'static str, place: &str, kg_per_kwh: f64) -> Factor {
    let note = "Annual average emissions intensity of generation; no T&D losses added, so not directly comparable \
                with uk-grid-2025";
    other(id, &format!("{place} grid electricity"), Unit::Kwh, kg_per_kwh, (EMBER, Some(2024), CC_BY_SA), note)
}

fn build() -> Vec<Factor> {
    use Unit::{Litre, PassengerKm, Tonne, VehicleKm};
    const VAN: &str = "Average (up to 3.5 tonnes)";
    const CAR: &str = "Average car";
    const BEV: &str = "Battery Electric Vehicle";
    const DIESEL_FUEL: &str = "Diesel (average biofuel blend)";
    const PETROL_FUEL: &str = "Petrol (average biofuel blend)";
    const BOARD: &str = "Paper and board: board";
    const PAPER: &str = "Paper and board: paper";
    const PLASTICS: &str = "Plastics: average plastics";
    const FILM: &str = "Plastics: average plastic film";
    const WASTE: &str = "Waste disposal";
    const LANDFILL: &str = "Landfill";
    const INCINERATION: &str = "Incineration with Energy Recovery";
    const CLOSED: &str = "Closed-loop";
    const OPEN: &str = "Open-loop";
    const RECOVERED: &str =
        "Little more than getting the waste to the facility; nothing is credited for what is recovered.";
    let van = "Average laden (about 40% of capacity); per van-km, whatever it carries.";
    let car = "A car of average size; per car-km, so divide by the people in it for passenger-km.";
    let bev = "On the UK grid. TTW 0; generation, T&D and their WTT all count as WTT. kwhPerKm = the generation \
               row ÷ the UK generation factor (uk-grid-2025).";
    // Waste rows differ only in material and route, so their label and note follow from those.
    let waste = |id, what: &str, material, route| {
        let (label, note) = match route {
            LANDFILL => (format!("{what} to landfill"), "The landfill's emissions count in full."),
            INCINERATION => (format!("{what} incinerated with energy recovery"), RECOVERED),
            CLOSED => (format!("{what}, closed-loop recycling"), RECOVERED),
            _ => (format!("{what}, open-loop recycling"), RECOVERED),
        };
        desnz(id, &label, Tonne, &[WASTE, material, route], note)
    };
    let battery = |factor: Factor| Factor {
        note: format!("{} DESNZ has one row for all batteries (no Li-ion or alkaline split).", factor.note),
        ..factor
    };
    const PRIMARY: &str = "Primary material production";
    const CLOSED_SOURCE: &str = "Closed-loop source";
    // Material-use rows differ only in material and source, so their label and note follow from those.
    let material = |id, what: &str, material, source| {
        let (label, note) = match source {
            PRIMARY => (format!("{what}, primary production"), "Producing the virgin material, cradle to gate."),
            _ => (
                format!("{what}, from closed-loop recycled material"),
                "Producing the material from recycled material of the same kind, cradle to gate. Recycling saves \
                 its user primary production minus this.",
            ),
        };
        desnz(id, &label, Tonne, &["Material use", material, source], note)
    };
    let fuel = "Per litre at the pump (UK average biofuel blend): TTW is burning it, WTT producing and delivering it. \
                Used to express a fuelled vehicle's TTW emissions as litres.";
    let none = ("no fuel or electricity used", None, "not applicable");
    vec![
        // Delivery vehicles.
        desnz("diesel-van", "Diesel van (average, up to 3.5 t)", VehicleKm, &[VAN, "Diesel"], van),
        desnz("petrol-van", "Petrol van (average, up to 3.5 t)", VehicleKm, &[VAN, "Petrol"], van),
        electric("electric-van", "Battery-electric van (average, up to 3.5 t)", &[VAN, BEV], bev),
        other(
            "e-cargo-bike",
            "Electric cargo bike",
            VehicleKm,
            0.0045,
            ("University of Westminster / Pedal Me", Some(2021), "cited figure"),
            "Charging electricity only, reported as CO2 (not CO2e). The rider's extra food (about 22 g/km in the \
             same study) is left out.",
        ),
        // Line-haul: the carrier's trunk from the merchant to its delivery depot.
        desnz(
            "hgv-artic",
            "Articulated HGV (diesel, all artics), per tonne-km",
            Unit::TonneKm,
            &["All artics", "Average laden"],
            "Freight per tonne-km at DESNZ's average load and empty running; a parcel's share is its mass × km.",
        ),
        // The shopper's own trip.
        desnz("petrol-car", "Petrol car (average)", VehicleKm, &[CAR, "Petrol"], car),
        desnz("diesel-car", "Diesel car (average)", VehicleKm, &[CAR, "Diesel"], car),
        electric("electric-car", "Battery-electric car (average)", &[CAR, BEV], bev),
        other("walk", "Walking", PassengerKm, 0.0, none, "The walker's food is not counted."),
        other("cycle", "Cycling", PassengerKm, 0.0, none, "The cyclist's food is not counted."),
        // Fuels, per litre: a fuelled vehicle's litres are its TTW kg ÷ the fuel's TTW per litre.
        desnz("diesel-fuel", "Diesel (average biofuel blend)", Litre, &["Liquid fuels", DIESEL_FUEL], fuel),
        desnz("petrol-fuel", "Petrol (average biofuel blend)", Litre, &["Liquid fuels", PETROL_FUEL], fuel),
        // Grid electricity.
        desnz(
            UK_GRID,
            "UK grid electricity 2025 (generation, T&D and WTT)",
            Unit::Kwh,
            &["Electricity: UK"],
            "Per kWh consumed: generation + T&D losses + the WTT of both, all upstream (TTW 0).",
        ),
        ember("grid-world", "World", 0.47294),
        ember("grid-eu", "EU", 0.21302),
        ember("grid-de", "Germany", 0.34206),
        ember("grid-fr", "France", 0.04418),
        ember("grid-us", "USA", 0.38355),
        ember("grid-in", "India", 0.70896),
        ember("grid-cn", "China", 0.5575),
        // Waste disposal.
        waste("board-landfill", "Board", BOARD, LANDFILL),
        waste("board-incineration", "Board", BOARD, INCINERATION),
        waste("board-recycling", "Board", BOARD, CLOSED),
        waste("paper-landfill", "Paper", PAPER, LANDFILL),
        waste("paper-incineration", "Paper", PAPER, INCINERATION),
        waste("paper-recycling", "Paper", PAPER, CLOSED),
        waste("plastic-landfill", "Plastics (average)", PLASTICS, LANDFILL),
        waste("plastic-incineration", "Plastics (average)", PLASTICS, INCINERATION),
        waste("plastic-recycling", "Plastics (average)", PLASTICS, CLOSED),
        waste("plastic-recycling-open", "Plastics (average)", PLASTICS, OPEN),
        waste("plastic-film-landfill", "Plastic film", FILM, LANDFILL),
        waste("plastic-film-incineration", "Plastic film", FILM, INCINERATION),
        waste("plastic-film-recycling", "Plastic film", FILM, CLOSED),
        waste("plastic-film-recycling-open", "Plastic film", FILM, OPEN),
        // DESNZ has no closed-loop rows for electricals or batteries, and no incineration value for batteries.
        waste("weee-small-landfill", "Small electricals (WEEE)", "WEEE - small", LANDFILL),
        waste("weee-small-incineration", "Small electricals (WEEE)", "WEEE - small", INCINERATION),
        waste("weee-small-recycling", "Small electricals (WEEE)", "WEEE - small", OPEN),
        waste("weee-large-landfill", "Large electricals (WEEE)", "WEEE - large", LANDFILL),
        waste("weee-large-incineration", "Large electricals (WEEE)", "WEEE - large", INCINERATION),
        waste("weee-large-recycling", "Large electricals (WEEE)", "WEEE - large", OPEN),
        waste("weee-mixed-landfill", "Mixed electricals (WEEE)", "WEEE - mixed", LANDFILL),
        waste("weee-mixed-incineration", "Mixed electricals (WEEE)", "WEEE - mixed", INCINERATION),
        waste("weee-mixed-recycling", "Mixed electricals (WEEE)", "WEEE - mixed", OPEN),
        battery(waste("battery-landfill", "Batteries", "Batteries", LANDFILL)),
        battery(waste("battery-recycling", "Batteries", "Batteries", OPEN)),
        // Material use: what recycling can displace (see "Waste" in the module docs).
        material("board-primary", "Board", BOARD, PRIMARY),
        material("board-closed-loop-source", "Board", BOARD, CLOSED_SOURCE),
        material("paper-primary", "Paper", PAPER, PRIMARY),
        material("paper-closed-loop-source", "Paper", PAPER, CLOSED_SOURCE),
        material("plastic-primary", "Plastics (average)", PLASTICS, PRIMARY),
        material("plastic-closed-loop-source", "Plastics (average)", PLASTICS, CLOSED_SOURCE),
        material("plastic-film-primary", "Plastic film", FILM, PRIMARY),
        material("plastic-film-closed-loop-source", "Plastic film", FILM, CLOSED_SOURCE),
        // DESNZ has no closed-loop source rows for electricals or batteries, and no material row for mixed WEEE.
        material("weee-small-primary", "Small electrical items", "Electrical items - small", PRIMARY),
        material("weee-large-primary", "Large electrical items", "Electrical items - large", PRIMARY),
        material("battery-li-ion-primary", "Li-ion batteries", "Batteries - Li ion", PRIMARY),
        material("battery-alkaline-primary", "Alkaline batteries", "Batteries - Alkaline", PRIMARY),
    ]
}

#[cfg(test)]
mod tests;
