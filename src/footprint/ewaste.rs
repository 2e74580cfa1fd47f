//! A returned or discarded device: electricals (WEEE) and batteries, by item type, mass and route.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{end_of_life, Material, WasteFootprint};
use crate::error::Result;
use crate::factors::FactorOverride;

/// The item types DESNZ has waste rows for.
pub const ITEMS: [&str; 5] = ["weee-small", "weee-large", "weee-mixed", "battery-li-ion", "battery-alkaline"];

// DESNZ has one "Batteries" waste row, so both battery types dispose alike; their material-use rows differ.
const EWASTE: [Material; 5] = [
    Material { name: "weee-small", waste: "weee-small" },
    Material { name: "weee-large", waste: "weee-large" },
    Material { name: "weee-mixed", waste: "weee-mixed" },
    Material { name: "battery-li-ion", waste: "battery" },
    Material { name: "battery-alkaline", waste: "battery" },
];

/// The items of one device, or of a return.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EwasteInput {
    pub items: Vec<EwasteItem>,
    /// Overrides of the factor table, by id (e.g. `weee-small-landfill`).
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub factors: BTreeMap<String, FactorOverride>,
}

/// One item: what it is, its mass and where it goes.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct EwasteItem {
    /// One of [`ITEMS`].
    pub item: String,
    /// Finite and ≥ 0.
    pub mass_kg: f64,
    /// `landfill`, `incineration` (not for batteries: DESNZ has no value) or `recycling` (open-loop).
    pub route: String,
}

/// E-waste by item type, mass and route: disposal by DESNZ's waste rows; for recycling, the primary production
/// it could displace (DESNZ has no closed-loop source rows for electricals, so no benefit is estimated).
///
/// ```
/// use green_delivery::footprint::{ewaste_footprint, EwasteInput, EwasteItem};
/// let item = |item: &str, mass_kg, route: &str| EwasteItem { item: item.into(), mass_kg, route: route.into() };
/// let phone = ewaste_footprint(&EwasteInput {
///     items: vec![item("weee-small", 0.15, "landfill"), item("battery-li-ion", 0.05, "recycling")],
///     ..Default::default()
/// })
/// .unwrap();
/// assert!((phone.g_co2e - (0.15 * 8.98311 + 0.05 * 4.68568)).abs() < 1e-12);
/// assert_eq!(phone.items[1].primary_g, Some(0.05 * 6308.0)); // making the cells new: 6,308 kg CO2e/t
/// assert_eq!(phone.items[1].avoided_g, None);
/// let err = ewaste_footprint(&EwasteInput { items: vec![item("battery-alkaline", 0.1, "incineration")], ..Default::default() });
/// assert!(err.unwrap_err().to_string().starts_with("items[0].route: DESNZ 2025 has no incineration row"));
/// ```
pub fn ewaste_footprint(input: &EwasteInput) -> Result<WasteFootprint> {
    let items: Vec<(&str, f64, &str)> =
        input.items.iter().map(|i| (i.item.as_str(), i.mass_kg, i.route.as_str())).collect();
    end_of_life(&items, &EWASTE, "item", &input.factors)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(item: &str, mass_kg: f64, route: &str) -> Result<WasteFootprint> {
        ewaste_footprint(&EwasteInput {
            items: vec![EwasteItem { item: item.into(), mass_kg, route: route.into() }],
            ..Default::default()
        })
    }

    #[test]
    fn rows_where_desnz_has_them() {
        for item in ITEMS {
            let battery = item.starts_with("battery");
            assert_eq!(one(item, 1.0, "incineration").is_ok(), !battery, "{item}");
            let recycled = one(item, 1.0, "recycling").unwrap();
            // No closed-loop source rows for electricals: no benefit, and a note saying why.
            assert_eq!(recycled.items[0].avoided_g, None, "{item}");
            assert_eq!(recycled.items[0].primary_g.is_some(), item != "weee-mixed", "{item}");
            assert_eq!(recycled.notes.len(), 1);
            // The incineration total is unknown for batteries; the others are known.
            assert_eq!(recycled.routes[1].g_co2e.is_some(), !battery, "{item}");
            assert!(recycled.routes[0].g_co2e.is_some() && recycled.routes[2].g_co2e.is_some());
        }
    }

    #[test]
    fn both_battery_types_dispose_alike_and_differ_in_primary() {
        let li = one("battery-li-ion", 2.0, "recycling").unwrap();
        let alk = one("battery-alkaline", 2.0, "recycling").unwrap();
        assert_eq!(li.g_co2e, alk.g_co2e);
        assert!((li.g_co2e - 2.0 * 4.68568).abs() < 1e-12);
        assert!((li.items[0].primary_g.unwrap() - 2.0 * 6308.0).abs() < 1e-9);
        assert!((alk.items[0].primary_g.unwrap() - 2.0 * 4633.47826).abs() < 1e-9);
        assert!(li.notes[0].contains("12616 g CO2e"), "{}", li.notes[0]);
    }

    #[test]
    fn errors_name_the_field() {
        assert_eq!(
            one("battery-li-ion", 0.1, "incineration").unwrap_err().to_string(),
            "items[0].route: DESNZ 2025 has no incineration row for `battery` waste, so there is no figure to use; \
             choose one of landfill, recycling"
        );
        assert!(one("toaster", 1.0, "landfill")
            .unwrap_err()
            .to_string()
            .starts_with("items[0].item: unknown item `toaster`, expected one of weee-small,"));
        assert_eq!(
            one("weee-large", -3.0, "landfill").unwrap_err().to_string(),
            "items[0].massKg must be at least 0, got -3"
        );
    }
}
