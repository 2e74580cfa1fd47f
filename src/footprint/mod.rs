//! The rest of an order's footprint: its packaging, a device's end of life, and the energy used online; then the
//! whole order, and everyday comparisons.
//!
//! | function | model | factors |
//! |---|---|---|
//! | [`packaging_footprint`] | Emission = Waste × Concentration, per material and end-of-life route | DESNZ 2025 waste disposal and material use |
//! | [`ewaste_footprint`] | the same, for electricals (WEEE) and batteries | DESNZ 2025 |
//! | [`digital_footprint`] | Energy = Power × Time (× PUE) for servers; kWh per GB for data transfer; × grid | Cloud Carbon Footprint, Sustainable Web Design v4, a grid factor |
//! | [`order_footprint`] | delivery + packaging + online | all of the above |
//! | [`comparisons`] | grams as metres driven and phone charges | `petrol-car`, `uk-grid-2025` |
//!
//! # End of life: disposal, and what recycling displaces
//!
//! Each item is `mass × the DESNZ waste row` for its material and route (landfill, incineration with energy
//! recovery, or recycling: DESNZ's closed-loop row where it has one, else open-loop). That **disposal** figure is
//! the footprint, so routes rank exactly as DESNZ ranks them.
//!
//! For a recycled item, the **recycling benefit** is what its user avoids by making the material from it instead
//! of from virgin stock: `mass × (primary production − closed-loop source)`, both DESNZ material-use rows. It
//! assumes a tonne collected becomes a tonne of recycled material (no reprocessing losses), so it is an upper
//! bound. The two parts are shown apart and never netted: **DESNZ counts recycling's benefit with the user of
//! the recycled material, not with the disposer, so the order's footprint is the disposal figure alone.** A
//! whole-system view would be disposal − benefit; it is not what the order reports.
//!
//! DESNZ has no closed-loop source rows for electricals or batteries, so their recycling benefit is not estimated;
//! their primary-production figure is given instead (the most recycling could displace). DESNZ has one waste row
//! for all batteries (so Li-ion and alkaline dispose alike) and no incineration value for batteries, which is then
//! an error rather than an invented number.

pub mod compare;
pub mod digital;
pub mod ewaste;
pub mod order;
pub mod packaging;

use std::collections::BTreeMap;

use serde::Serialize;

pub use compare::{comparisons, Comparisons, PHONE_CHARGE_KWH};
pub use digital::{digital_footprint, DigitalFootprint, DigitalInput, Segment, ServerInput};
pub use ewaste::{ewaste_footprint, EwasteInput, EwasteItem};
pub use order::{order_footprint, OrderFootprint, OrderInput, OrderPart};
pub use packaging::{packaging_footprint, PackagingInput, PackagingItem};

use crate::error::{at_least, within, Code, Error, Result};
use crate::factors::{Factor, FactorOverride, FactorTable, Unit};
use crate::models::{emission, EmissionFactor, EmissionInput};
use crate::trace::Term;

/// The grid used when none is given: every figure on the page is for the UK.
pub const DEFAULT_GRID: &str = "uk-grid-2025";

/// The end-of-life routes, as inputs write them.
pub const ROUTES: [&str; 3] = ["landfill", "incineration", "recycling"];

/// The one line that explains why the recycling benefit is not subtracted.
pub const CONVENTION: &str = "DESNZ counts recycling's benefit with whoever uses the recycled material, not with the \
                              disposer, so the footprint is the disposal figure and the benefit is shown apart.";

/// A material the model knows: its input name and the stem of its DESNZ waste ids (`<stem>-<route>`). Its
/// material-use ids are `<name>-primary` and `<name>-closed-loop-source`, where DESNZ has them.
pub(crate) struct Material {
    pub name: &'static str,
    pub waste: &'static str,
}

/// Packaging and e-waste: the total, the items, the whole mix by each route, and the method.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WasteFootprint {
    /// The footprint, g CO2e (per order, for packaging): Σ disposal, plus Σ production for packaging (cradle to
    /// grave).
    pub g_co2e: f64,
    /// Packaging only: Σ making the material, by its recycled content (the cut-off method), g CO2e.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub production_g: Option<f64>,
    /// Σ recycling benefit where DESNZ lets it be estimated, g CO2e avoided by the users of the recycled material;
    /// not subtracted from `g_co2e`.
    pub avoided_g: f64,
    pub mass_kg: f64,
    /// Packaging with `ordersPerYear`: the same over a year of orders.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_year: Option<PerYear>,
    pub items: Vec<WasteLine>,
    /// The whole mix sent down each route, so routes can be compared.
    pub routes: Vec<RouteTotal>,
    /// Where a figure could not be estimated, and why.
    pub notes: Vec<String>,
    /// [`CONVENTION`].
    pub method: &'static str,
}

/// A year of orders.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PerYear {
    pub orders: f64,
    pub kg_co2e: f64,
    pub avoided_kg: f64,
    pub tonnes: f64,
}

/// One item's end of life.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct WasteLine {
    pub material: &'static str,
    pub route: &'static str,
    pub mass_kg: f64,
    /// Packaging only: the share of the material made from recycled material, and making it: mass × (share ×
    /// closed-loop source + (1 − share) × primary), g CO2e.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recycled_content: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub production_g: Option<f64>,
    /// mass × the DESNZ waste row, g CO2e: what counts.
    pub disposal_g: f64,
    /// Recycling only: making the same mass from virgin material, g CO2e.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_g: Option<f64>,
    /// Recycling only: making it from closed-loop recycled material instead, g CO2e.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed_loop_source_g: Option<f64>,
    /// Recycling only: primary − closed-loop source, g CO2e avoided by the material's user.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avoided_g: Option<f64>,
    pub trace: Vec<Term>,
}

/// The whole mix sent down one route.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RouteTotal {
    pub route: &'static str,
    /// Σ disposal, g CO2e; `None` when DESNZ has no row for some item on this route.
    pub g_co2e: Option<f64>,
    /// Σ recycling benefit (recycling only, where it can be estimated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avoided_g: Option<f64>,
}

/// `(material name, mass kg, route)` for each item of `items`; `kind` is the key that names the material
/// (`material` or `item`), for errors.
pub(crate) fn end_of_life(
    items: &[(&str, f64, &str)],
    materials: &[Material],
    kind: &str,
    factors: &BTreeMap<String, FactorOverride>,
) -> Result<WasteFootprint> {
    let table = FactorTable::with_overrides(factors.iter().map(|(k, v)| (k.as_str(), *v)))?;
    let mut lines = Vec::with_capacity(items.len());
    let mut notes = Vec::new();
    for (i, &(name, mass_kg, route)) in items.iter().enumerate() {
        let material = materials.iter().find(|m| m.name == name).ok_or_else(|| {
            let names: Vec<&str> = materials.iter().map(|m| m.name).collect();
            Error::new(
                Code::UnknownValue,
                format!("items[{i}].{kind}"),
                format!("unknown {kind} `{name}`, expected one of {}", names.join(", ")),
            )
        })?;
        let route = ROUTES.iter().find(|r| **r == route).copied().ok_or_else(|| {
            Error::new(
                Code::UnknownValue,
                format!("items[{i}].route"),
                format!("unknown route `{route}`, expected one of {}", ROUTES.join(", ")),
            )
        })?;
        let mass_kg = at_least(&format!("items[{i}].massKg"), mass_kg, 0.0)?;
        let waste = table.get("", &format!("{}-{route}", material.waste)).map_err(|_| {
            let known: Vec<&str> =
                ROUTES.into_iter().filter(|r| table.get("", &format!("{}-{r}", material.waste)).is_ok()).collect();
            Error::invalid(
                format!("items[{i}].route"),
                format!(
                    "DESNZ 2025 has no {route} row for `{}` waste, so there is no figure to use; choose one of {}",
                    material.waste,
                    known.join(", ")
                ),
            )
        })?;
        let line = line(&table, material, route, mass_kg, waste)?;
        if route == "recycling" && line.avoided_g.is_none() {
            notes.push(format!(
                "items[{i}]: DESNZ has no closed-loop source row for {}, so the benefit of recycling it is not \
                 estimated{}",
                material.name,
                match line.primary_g {
                    Some(g) => format!("; making it new emits {} CO2e, the most recycling could displace", grams(g)),
                    None => String::new(),
                }
            ));
        }
        lines.push(line);
    }
    let routes = ROUTES.map(|route| route_total(&table, materials, items, route)).to_vec();
    let g_co2e = lines.iter().map(|l| l.disposal_g).sum();
    let avoided_g = lines.iter().filter_map(|l| l.avoided_g).sum();
    let mass_kg = lines.iter().map(|l| l.mass_kg).sum();
    let route_values = routes.iter().flat_map(|r| [r.g_co2e, r.avoided_g]).flatten();
    computable("items", [g_co2e, avoided_g, mass_kg].into_iter().chain(route_values))?;
    Ok(WasteFootprint {
        g_co2e,
        production_g: None,
        avoided_g,
        mass_kg,
        per_year: None,
        items: lines,
        routes,
        notes,
        method: CONVENTION,
    })
}

/// One item: disposal through the emission model, and on the recycling route what it displaces.
fn line(
    table: &FactorTable,
    material: &Material,
    route: &'static str,
    mass_kg: f64,
    waste: &Factor,
) -> Result<WasteLine> {
    let tonnes = mass_kg / 1000.0;
    let e = emission(&EmissionInput {
        activity: Some(tonnes),
        activity_unit: Some(Unit::Tonne.as_str().into()),
        energy: None,
        factor: waste.emission_factor(),
    })?;
    let mut trace = e.trace;
    // kg CO2e per tonne of the material-use row, where DESNZ has it.
    let mut material_use = |what: &str| {
        let id = format!("{}-{what}", material.name);
        table.factors().iter().find(|f| f.id == id).map(|f| {
            trace.push(
                Term::new(format!("factor ({id})"), f.kg_per_unit, "kg CO2e/tonne").with_source(Some(&f.citation())),
            );
            f.kg_per_unit
        })
    };
    let (primary, closed_loop_source) =
        if route == "recycling" { (material_use("primary"), material_use("closed-loop-source")) } else { (None, None) };
    let g = |kg_per_tonne: f64| tonnes * kg_per_tonne * 1000.0;
    Ok(WasteLine {
        material: material.name,
        route,
        mass_kg,
        recycled_content: None,
        production_g: None,
        disposal_g: e.kg_co2e * 1000.0,
        primary_g: primary.map(g),
        closed_loop_source_g: closed_loop_source.map(g),
        // Per tonne first, so that huge masses give ∞ rather than ∞ − ∞.
        avoided_g: primary.zip(closed_loop_source).map(|(p, c)| g(p - c)),
        trace,
    })
}

/// The validated items all sent down `route`; `None` where an item's material has no row for it.
fn route_total(
    table: &FactorTable,
    materials: &[Material],
    items: &[(&str, f64, &str)],
    route: &'static str,
) -> RouteTotal {
    let mut g = Some(0.0);
    let mut avoided = (route == "recycling").then_some(0.0);
    for &(name, mass_kg, _) in items {
        // Items were validated before this is called, so every material is known.
        let Some(material) = materials.iter().find(|m| m.name == name) else { continue };
        let line = table
            .get("", &format!("{}-{route}", material.waste))
            .ok()
            .and_then(|waste| line(table, material, route, mass_kg, waste).ok());
        g = g.zip(line.as_ref()).map(|(sum, l)| sum + l.disposal_g);
        avoided = avoided.zip(line.and_then(|l| l.avoided_g)).map(|(sum, a)| sum + a);
    }
    RouteTotal { route, g_co2e: g, avoided_g: avoided }
}

/// The grid electricity is on, as an emission factor, and its kg CO2e/kWh: a factor id per kWh or a value
/// given; default [`DEFAULT_GRID`].
pub(crate) fn grid(table: &FactorTable, id: Option<&str>, kg_per_kwh: Option<f64>) -> Result<(EmissionFactor, f64)> {
    match (id, kg_per_kwh) {
        (Some(_), Some(_)) => Err(Error::new(Code::Conflict, "grid", "give grid or gridKgPerKwh, not both")),
        (None, Some(v)) => {
            let v = within("gridKgPerKwh", v, 0.0, crate::factors::MAX_GRID_KG_PER_KWH)?;
            let factor = EmissionFactor {
                name: Some("gridKgPerKwh".into()),
                source: Some("input".into()),
                ..EmissionFactor::total(v)
            };
            Ok((factor, v))
        }
        (id, None) => {
            let id = id.unwrap_or(DEFAULT_GRID);
            let f = table.get("grid", id)?;
            if f.unit != Unit::Kwh {
                return Err(Error::invalid("grid", format!("`{id}` is per {}, not per kWh", f.unit.as_str())));
            }
            Ok((f.emission_factor(), f.kg_per_unit))
        }
    }
}

/// Finite inputs can still overflow to ∞ (and then NaN); say so rather than return it.
pub(crate) fn computable(field: &str, values: impl IntoIterator<Item = f64>) -> Result<()> {
    if values.into_iter().all(f64::is_finite) {
        Ok(())
    } else {
        Err(Error::overflow(field))
    }
}

/// Grams for people: whole grams from 10 g, else one or two decimals.
pub(crate) fn grams(g: f64) -> String {
    if g >= 10.0 {
        format!("{g:.0} g")
    } else if g >= 1.0 {
        format!("{g:.1} g")
    } else {
        format!("{g:.2} g")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grams_read_well() {
        assert_eq!(grams(255.857), "256 g");
        assert_eq!(grams(2.71), "2.7 g");
        assert_eq!(grams(0.123), "0.12 g");
    }

    #[test]
    fn grid_defaults_to_the_uk_and_checks_its_unit() {
        let t = FactorTable::default();
        assert_eq!(grid(&t, None, None).unwrap().1, t.get("g", "uk-grid-2025").unwrap().kg_per_unit);
        assert_eq!(grid(&t, Some("grid-fr"), None).unwrap().1, 0.04418);
        assert_eq!(grid(&t, None, Some(0.1)).unwrap().1, 0.1);
        assert_eq!(
            grid(&t, Some("diesel-van"), None).unwrap_err().to_string(),
            "grid: `diesel-van` is per vehicle-km, not per kWh"
        );
        assert_eq!(
            grid(&t, Some("grid-fr"), Some(0.1)).unwrap_err().to_string(),
            "grid: give grid or gridKgPerKwh, not both"
        );
        assert_eq!(
            grid(&t, None, Some(-1.0)).unwrap_err().to_string(),
            "gridKgPerKwh must be between 0 and 10, got -1"
        );
    }
}
