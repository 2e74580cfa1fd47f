//! One footprint per order: the chosen delivery, the packaging and the energy used online, with the parts shown.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{comparisons, digital_footprint, grams, packaging_footprint, Comparisons, DigitalFootprint, DigitalInput};
use super::{computable, PackagingInput, WasteFootprint};
use crate::consolidation::{delivery_options, DeliveryOption, OptionsInput};
use crate::error::{Code, Error, Result};
use crate::factors::{FactorOverride, FactorTable};

/// An order: how it is delivered, what it is packed in, and what was done online to place it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OrderInput {
    /// Required: the input of [`delivery_options`].
    pub delivery: Option<OptionsInput>,
    /// Required: the option chosen (an id of [`crate::consolidation::OPTION_IDS`]).
    pub option: Option<String>,
    /// Left out: no packaging counted.
    pub packaging: Option<PackagingInput>,
    /// Left out: nothing counted online.
    pub digital: Option<DigitalInput>,
    /// Overrides of the factor table for every part and the comparisons; a part's own `factors` win for it.
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub factors: BTreeMap<String, FactorOverride>,
}

/// The order's total, its parts, and each part in full.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderFootprint {
    /// The sum of `parts`, g CO2e.
    pub g_co2e: f64,
    /// `delivery`, then `packaging` and `online` when given.
    pub parts: Vec<OrderPart>,
    /// "Your order: X g CO2e, of which delivery Y g, packaging Z g, online W g."
    pub summary: String,
    /// The total as metres driven and phone charges.
    pub comparisons: Comparisons,
    pub delivery: DeliveryOption,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub packaging: Option<WasteFootprint>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub digital: Option<DigitalFootprint>,
}

/// One part of the order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderPart {
    pub id: &'static str,
    pub g_co2e: f64,
    /// Of the total, in [0, 1]; 0 when the total is 0.
    pub share: f64,
}

/// Delivery + packaging + online, for one order.
///
/// ```
/// use green_delivery::consolidation::{LatLon, OptionsInput};
/// use green_delivery::footprint::{order_footprint, DigitalInput, OrderInput, PackagingInput, PackagingItem};
/// let order = order_footprint(&OrderInput {
///     delivery: Some(OptionsInput { shopper: Some(LatLon { lat: 51.52, lon: -0.08 }), ..Default::default() }),
///     option: Some("standard".into()),
///     packaging: Some(PackagingInput {
///         items: vec![PackagingItem { material: "board".into(), mass_kg: 0.3, route: "recycling".into(), recycled_content: None }],
///         ..Default::default()
///     }),
///     digital: Some(DigitalInput { pages: 10.0, bytes_per_page: 2e6, ..Default::default() }),
///     ..Default::default()
/// })
/// .unwrap();
/// let parts: f64 = order.parts.iter().map(|p| p.g_co2e).sum();
/// assert_eq!(order.g_co2e, parts);
/// // A 300 g box made (at half recycled content) and recycled weighs about as much as the parcel's delivery.
/// assert_eq!(order.summary, "Your order: 696 g CO2e, of which delivery 347 g, packaging 346 g, online 2.0 g.");
/// ```
pub fn order_footprint(input: &OrderInput) -> Result<OrderFootprint> {
    // Checked first, so that a bad order-level override is named `factors.<id>`, not after the part it reached.
    let table = FactorTable::with_overrides(input.factors.iter().map(|(k, v)| (k.as_str(), *v)))?;
    // A part's own overrides are applied over the order's.
    let merged = |own: &BTreeMap<String, FactorOverride>| {
        let mut all = input.factors.clone();
        all.extend(own.iter().map(|(k, v)| (k.clone(), *v)));
        all
    };
    let mut delivery = input.delivery.clone().ok_or_else(|| Error::required("delivery"))?;
    delivery.factors = merged(&delivery.factors);
    let option = input.option.as_deref().ok_or_else(|| Error::required("option"))?;
    let options = delivery_options(&delivery).map_err(|e| nest("delivery", e))?.options;
    let ids: Vec<&str> = options.iter().map(|o| o.id).collect();
    let chosen = options.iter().find(|o| o.id == option).cloned().ok_or_else(|| {
        Error::new(
            Code::UnknownId,
            "option",
            format!("unknown delivery option `{option}`, expected one of {}", ids.join(", ")),
        )
    })?;
    let packaging = match &input.packaging {
        Some(p) => Some(
            packaging_footprint(&PackagingInput { factors: merged(&p.factors), ..p.clone() })
                .map_err(|e| nest("packaging", e))?,
        ),
        None => None,
    };
    let digital = match &input.digital {
        Some(d) => Some(
            digital_footprint(&DigitalInput { factors: merged(&d.factors), ..d.clone() })
                .map_err(|e| nest("digital", e))?,
        ),
        None => None,
    };

    let mut amounts = vec![("delivery", chosen.g_co2e)];
    amounts.extend(packaging.as_ref().map(|p| ("packaging", p.g_co2e)));
    amounts.extend(digital.as_ref().map(|d| ("online", d.g_co2e)));
    let g_co2e: f64 = amounts.iter().map(|(_, g)| g).sum();
    computable("order", [g_co2e])?;
    let parts: Vec<OrderPart> = amounts
        .iter()
        .map(|&(id, g)| OrderPart { id, g_co2e: g, share: if g_co2e > 0.0 { g / g_co2e } else { 0.0 } })
        .collect();
    let of_which: Vec<String> = parts.iter().map(|p| format!("{} {}", p.id, grams(p.g_co2e))).collect();
    let summary = format!("Your order: {} CO2e, of which {}.", grams(g_co2e), of_which.join(", "));
    Ok(OrderFootprint {
        g_co2e,
        parts,
        summary,
        comparisons: comparisons(g_co2e, &table)?,
        delivery: chosen,
        packaging,
        digital,
    })
}

/// The part's error, with its field under the part's key (e.g. `packaging.items[0].massKg`).
fn nest(part: &str, error: Error) -> Error {
    error.within(part)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consolidation::LatLon;
    use crate::footprint::PackagingItem;

    fn order() -> OrderInput {
        OrderInput {
            delivery: Some(OptionsInput {
                shopper: Some(LatLon { lat: 51.5, lon: -0.1 }),
                settings: [("failures.rate".to_owned(), 0.0)].into(),
                ..Default::default()
            }),
            option: Some("sameDayCourier".into()),
            ..Default::default()
        }
    }

    #[test]
    fn delivery_alone_is_the_chosen_option() {
        let o = order_footprint(&order()).unwrap();
        let options = delivery_options(&order().delivery.unwrap()).unwrap().options;
        let same_day = options.iter().find(|o| o.id == "sameDayCourier").unwrap();
        assert_eq!(o.parts.len(), 1);
        assert_eq!(o.g_co2e, same_day.g_co2e);
        assert_eq!(o.parts[0].share, 1.0);
    }

    #[test]
    fn order_overrides_reach_every_part_and_a_part_can_override_them() {
        let packaging = PackagingInput {
            items: vec![PackagingItem {
                material: "board".into(),
                mass_kg: 1.0,
                route: "landfill".into(),
                recycled_content: Some(1.0),
            }],
            ..Default::default()
        };
        let o = order_footprint(&OrderInput {
            packaging: Some(packaging.clone()),
            factors: [
                ("diesel-van".to_owned(), FactorOverride::total(1.0)),
                ("board-landfill".to_owned(), FactorOverride::total(10.0)),
            ]
            .into(),
            ..order()
        })
        .unwrap();
        // The van's legs now weigh 1 kg/km: the courier's km per parcel × 1000 g.
        let chosen = delivery_options(&OptionsInput {
            factors: [("diesel-van".to_owned(), FactorOverride::total(1.0))].into(),
            ..order().delivery.unwrap()
        })
        .unwrap();
        let same_day = chosen.options.iter().find(|o| o.id == "sameDayCourier").unwrap();
        let van_km: f64 = same_day.legs.iter().filter(|l| l.factor == "diesel-van").map(|l| l.km).sum();
        let van_g: f64 =
            same_day.legs.iter().filter(|l| l.factor == "diesel-van").map(|l| l.kg_co2e).sum::<f64>() * 1000.0;
        assert!((van_g - van_km * 1000.0).abs() < 1e-9);
        assert_eq!(o.parts[0].g_co2e, same_day.g_co2e);
        // Board made from recycled board (1,098.11442 kg CO2e/t), then landfilled at the overridden 10.
        assert!((o.parts[1].g_co2e - 1098.11442 - 10.0).abs() < 1e-9);
        let own = PackagingInput {
            factors: [("board-landfill".to_owned(), FactorOverride::total(20.0))].into(),
            ..packaging
        };
        let o = order_footprint(&OrderInput { packaging: Some(own), ..order() }).unwrap();
        assert!((o.parts[1].g_co2e - 1098.11442 - 20.0).abs() < 1e-9);
    }

    #[test]
    fn errors_name_the_part() {
        let err = |input: OrderInput| order_footprint(&input).unwrap_err().to_string();
        assert_eq!(err(OrderInput { delivery: None, ..order() }), "delivery: required");
        assert_eq!(err(OrderInput { option: None, ..order() }), "option: required");
        assert_eq!(
            err(OrderInput { option: Some("drone".into()), ..order() }),
            "option: unknown delivery option `drone`, expected one of sameDayCourier, nextDay, standard, consolidated, pickupWalk, pickupCar, \
             locker, cargoBike"
        );
        assert_eq!(
            err(OrderInput { delivery: Some(OptionsInput::default()), ..order() }),
            "delivery.shopper: required"
        );
        let bad = PackagingInput {
            items: vec![PackagingItem {
                material: "board".into(),
                mass_kg: -1.0,
                route: "landfill".into(),
                recycled_content: None,
            }],
            ..Default::default()
        };
        assert_eq!(
            err(OrderInput { packaging: Some(bad), ..order() }),
            "packaging.items[0].massKg must be at least 0, got -1"
        );
        let digital = DigitalInput { pages: f64::INFINITY, ..Default::default() };
        assert_eq!(
            err(OrderInput { digital: Some(digital), ..order() }),
            "digital.pages must be a finite number, got Infinity"
        );
    }
}
