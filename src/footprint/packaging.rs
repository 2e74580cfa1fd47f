//! Packaging per order: each material's mass and end-of-life route, per order and per year of orders.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{computable, end_of_life, Material, PerYear, WasteFootprint};
use crate::error::{at_least, within, Result};
use crate::factors::{FactorOverride, FactorTable};
use crate::trace::Term;

/// Board (boxes), paper (paper fill), average plastics and plastic film: the DESNZ rows packaging uses.
pub const MATERIALS: [&str; 4] = ["board", "paper", "plastic", "plastic-film"];

const PACKAGING: [Material; 4] = [
    Material { name: "board", waste: "board" },
    Material { name: "paper", waste: "paper" },
    Material { name: "plastic", waste: "plastic" },
    Material { name: "plastic-film", waste: "plastic-film" },
];

/// The packaging of one order.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackagingInput {
    /// Each material once per route; split a material across routes by listing it twice.
    pub items: Vec<PackagingItem>,
    /// Orders per year, ≥ 0, for the yearly figure.
    pub orders_per_year: Option<f64>,
    /// Overrides of the factor table, by id (e.g. `board-landfill`).
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub factors: BTreeMap<String, FactorOverride>,
}

/// One material in the order's packaging.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct PackagingItem {
    /// One of [`MATERIALS`].
    pub material: String,
    /// Per order, finite and ≥ 0.
    pub mass_kg: f64,
    /// `landfill`, `incineration` or `recycling`.
    pub route: String,
    /// The share of the material made from recycled material, 0 to 1; default [`DEFAULT_RECYCLED_CONTENT`].
    pub recycled_content: Option<f64>,
}

/// Recycled content when none is given: half (an assumption; UK board is mostly recycled fibre, plastics mostly
/// virgin, so give the real figure where it is known).
pub const DEFAULT_RECYCLED_CONTENT: f64 = 0.5;

/// Packaging per order (and per year), cradle to grave: making each material (DESNZ material-use rows, by its
/// recycled content) plus its disposal (DESNZ waste rows); the recycling benefit is shown apart.
///
/// ```
/// use green_delivery::footprint::{packaging_footprint, PackagingInput, PackagingItem};
/// let item = |material: &str, mass_kg, route: &str| PackagingItem { material: material.into(), mass_kg, route: route.into(), recycled_content: None };
/// let p = packaging_footprint(&PackagingInput {
///     items: vec![item("board", 0.3, "recycling"), item("plastic-film", 0.02, "landfill")],
///     orders_per_year: Some(10_000.0),
///     ..Default::default()
/// })
/// .unwrap();
/// // Making them at half recycled content: board ½ × (1,199.72542 + 1,098.11442), film ½ × (2,916.50513 +
/// // 1,103.56537) kg CO2e/t; then 0.3 kg of board recycled (4.68568) and 20 g of film to landfill (8.98311).
/// let made = 0.3 * (1199.72542 + 1098.11442) / 2.0 + 0.02 * (2916.50513 + 1103.56537) / 2.0;
/// assert!((p.production_g.unwrap() - made).abs() < 1e-9);
/// assert!((p.g_co2e - made - (0.3 * 4.68568 + 0.02 * 8.98311)).abs() < 1e-9);
/// // Recycled board saves its user primary (1,199.72542) − closed-loop source (1,098.11442) per tonne.
/// assert!((p.avoided_g - 0.3 * (1199.72542 - 1098.11442)).abs() < 1e-9);
/// assert!((p.per_year.unwrap().kg_co2e - p.g_co2e * 10.0).abs() < 1e-9);
/// // All of it to landfill would emit far more: board to landfill is 1,164.4894 kg CO2e/t.
/// assert!(p.routes[0].g_co2e.unwrap() > p.g_co2e + 300.0);
/// ```
pub fn packaging_footprint(input: &PackagingInput) -> Result<WasteFootprint> {
    let items: Vec<(&str, f64, &str)> =
        input.items.iter().map(|i| (i.material.as_str(), i.mass_kg, i.route.as_str())).collect();
    let mut footprint = end_of_life(&items, &PACKAGING, "material", &input.factors)?;
    // Cradle to grave: making each material, by its recycled content (cut-off: recycled input carries only its
    // reprocessing, the closed-loop source row), then its end of life. What recycling at the end avoids stays apart.
    let table = FactorTable::with_overrides(input.factors.iter().map(|(k, v)| (k.as_str(), *v)))?;
    let mut production = 0.0;
    for (i, (item, line)) in input.items.iter().zip(&mut footprint.items).enumerate() {
        let share = within(
            &format!("items[{i}].recycledContent"),
            item.recycled_content.unwrap_or(DEFAULT_RECYCLED_CONTENT),
            0.0,
            1.0,
        )?;
        let row = |what: &str| table.get("factors", &format!("{}-{what}", line.material));
        let (primary, recycled) = (row("primary")?, row("closed-loop-source")?);
        let g = line.mass_kg / 1000.0 * (share * recycled.kg_per_unit + (1.0 - share) * primary.kg_per_unit) * 1000.0;
        line.trace.push(
            Term::new("recycledContent", share, "share").with_source(Some(if item.recycled_content.is_some() {
                "input"
            } else {
                "assumption"
            })),
        );
        for f in [primary, recycled] {
            line.trace.push(
                Term::new(format!("factor ({})", f.id), f.kg_per_unit, "kg CO2e/tonne")
                    .with_source(Some(&f.citation())),
            );
        }
        line.recycled_content = Some(share);
        line.production_g = Some(g);
        production += g;
    }
    computable("items", [production, footprint.g_co2e + production])?;
    footprint.g_co2e += production;
    footprint.production_g = Some(production);
    // Production is the same whatever the route, so every route's total carries it.
    for route in &mut footprint.routes {
        route.g_co2e = route.g_co2e.map(|g| g + production);
    }
    if let Some(orders) = input.orders_per_year {
        let orders = at_least("ordersPerYear", orders, 0.0)?;
        let year = PerYear {
            orders,
            kg_co2e: footprint.g_co2e * orders / 1000.0,
            avoided_kg: footprint.avoided_g * orders / 1000.0,
            tonnes: footprint.mass_kg * orders / 1000.0,
        };
        computable("ordersPerYear", [year.kg_co2e, year.avoided_kg, year.tonnes])?;
        footprint.per_year = Some(year);
        for line in &mut footprint.items {
            line.trace.push(Term::new("ordersPerYear", orders, "orders").with_source(Some("input")));
        }
    }
    Ok(footprint)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(material: &str, mass_kg: f64, route: &str) -> Result<WasteFootprint> {
        packaging_footprint(&PackagingInput {
            items: vec![PackagingItem {
                material: material.into(),
                mass_kg,
                route: route.into(),
                recycled_content: None,
            }],
            ..Default::default()
        })
    }

    #[test]
    fn every_material_has_every_route_and_both_material_rows() {
        for material in MATERIALS {
            for route in super::super::ROUTES {
                let p = one(material, 1.0, route).unwrap();
                assert_eq!(p.items[0].avoided_g.is_some(), route == "recycling", "{material} {route}");
                assert!(p.routes.iter().all(|r| r.g_co2e.is_some()));
                assert!(p.notes.is_empty());
            }
        }
    }

    #[test]
    fn landfilled_board_known_answer_and_trace() {
        let p = one("board", 0.25, "landfill").unwrap();
        let made = 0.25 * (1199.72542 + 1098.11442) / 2.0;
        assert!((p.g_co2e - made - 0.25 * 1164.4894).abs() < 1e-9);
        let line = &p.items[0];
        assert_eq!((line.primary_g, line.avoided_g), (None, None));
        assert_eq!(line.trace[1].name, "factor (board-landfill)");
        assert!(line.trace[1].source.as_deref().unwrap().contains("20_506_5446_15_1"));
    }

    #[test]
    fn errors_name_the_item_field() {
        let err = |m: &str, kg: f64, r: &str| one(m, kg, r).unwrap_err().to_string();
        assert_eq!(err("board", -1.0, "landfill"), "items[0].massKg must be at least 0, got -1");
        assert_eq!(err("board", f64::NAN, "landfill"), "items[0].massKg must be a finite number, got NaN");
        assert_eq!(
            err("foam", 1.0, "landfill"),
            "items[0].material: unknown material `foam`, expected one of board, paper, plastic, plastic-film"
        );
        assert_eq!(
            err("board", 1.0, "compost"),
            "items[0].route: unknown route `compost`, expected one of landfill, incineration, recycling"
        );
        let bad_year = PackagingInput { orders_per_year: Some(-5.0), ..Default::default() };
        assert_eq!(packaging_footprint(&bad_year).unwrap_err().to_string(), "ordersPerYear must be at least 0, got -5");
    }

    #[test]
    fn a_200_g_box_is_made_for_220_to_240_g_and_its_recycled_content_is_checked() {
        // The reference sheet: 200 g of board is 220–240 g CO2e before disposal (closed-loop to primary).
        let made = |share| {
            let mut item = PackagingItem {
                material: "board".into(),
                mass_kg: 0.2,
                route: "recycling".into(),
                recycled_content: share,
            };
            item.recycled_content = share;
            packaging_footprint(&PackagingInput { items: vec![item], ..Default::default() })
                .unwrap()
                .production_g
                .unwrap()
        };
        assert!((made(Some(1.0)) - 219.6).abs() < 0.1 && (made(Some(0.0)) - 239.9).abs() < 0.1);
        assert!(made(None) > made(Some(1.0)) && made(None) < made(Some(0.0)));
        let bad = PackagingItem {
            material: "board".into(),
            mass_kg: 0.2,
            route: "landfill".into(),
            recycled_content: Some(1.5),
        };
        let e = packaging_footprint(&PackagingInput { items: vec![bad], ..Default::default() }).unwrap_err();
        assert_eq!(e.field(), "items[0].recycledContent");
    }

    #[test]
    fn overrides_replace_the_row() {
        let p = packaging_footprint(&PackagingInput {
            items: vec![PackagingItem {
                material: "paper".into(),
                mass_kg: 2.0,
                route: "landfill".into(),
                recycled_content: None,
            }],
            factors: [("paper-landfill".to_owned(), FactorOverride::total(100.0))].into(),
            ..Default::default()
        })
        .unwrap();
        assert_eq!(p.g_co2e - p.production_g.unwrap(), 200.0);
        assert_eq!(p.items[0].trace[1].source.as_deref(), Some("override, caller's own value"));
    }
}
