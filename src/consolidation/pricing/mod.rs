//! The delivery chain as data, priced by one engine.
//!
//! - [`settings`]: the one table of settings (default, low, high, distribution, unit, limits, source), checked
//!   before any heavy work.
//! - [`chain`]: the chain's elements (EN 17837:2023, ISO 14083:2023, GLEC Framework v3) and the registry of
//!   checkout options, each a list of elements written as functions of the settings.
//! - [`country`]: each covered country's grid and the rows it sets, and the proxy for the others.
//! - [`engine`]: figure (the Monte Carlo median), interval with its coverage, one-at-a-time sensitivity and the
//!   saving against the baseline, for any list of figures.
//!
//! [`delivery_options`](super::delivery_options) and [`consolidate`](super::consolidate) both price through
//! these; neither writes a figure twice.

pub mod chain;
pub mod country;
pub mod engine;
pub(crate) mod modes;
pub mod settings;

use serde::Serialize;

pub use chain::Element;
pub use engine::{Range, Sensitivity, COVERAGE, SAMPLES};
pub use settings::{Area, Distribution, SettingUsed, Settings};

/// The baseline savings are measured against: `given`, one of `ids` (an `option` or a `scenario`, for the error),
/// else `standard`.
pub(crate) fn baseline(given: Option<&str>, ids: &[&'static str], kind: &str) -> crate::Result<&'static str> {
    let Some(id) = given else { return Ok("standard") };
    ids.iter().copied().find(|i| *i == id).ok_or_else(|| {
        crate::Error::new(
            crate::error::Code::UnknownId,
            "baseline",
            format!("unknown {kind} `{id}`, expected one of {}", ids.join(", ")),
        )
    })
}

/// What a result counts, and how it is shared out: the declared system boundary.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Boundary {
    /// The unit every figure refers to: `parcel-delivered` (one parcel delivered to the shopper's door, pickup point
    /// or locker) or `orders-delivered` (these orders, delivered in one day's rounds).
    pub functional_unit: &'static str,
    /// The chain elements counted.
    pub included: Vec<Element>,
    /// What is left out, each with the reason's id.
    pub excluded: Vec<Exclusion>,
    /// How a shared vehicle's or site's emissions are split: `per-parcel` (EN 17837:2023, because a van fills by
    /// volume and stops, not by mass); the line-haul's tonne-km are the parcel's own mass × km (ISO 14083).
    pub allocation: &'static str,
    /// The standards the chain follows.
    pub standards: [&'static str; 3],
}

/// One thing a result does not count, and why (an id the page words in the reader's language).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Exclusion {
    pub element: &'static str,
    pub reason: &'static str,
}

const STANDARDS: [&str; 3] = ["EN 17837:2023", "ISO 14083:2023", "GLEC Framework v3"];

/// Left out of every result: what is not transport or its sites, and the first mile.
fn exclusions(packaging: bool) -> Vec<Exclusion> {
    let mut excluded = vec![
        Exclusion { element: "vehicle-manufacture", reason: "outside-iso-14083" },
        Exclusion { element: "warehousing", reason: "before-dispatch" },
        Exclusion { element: "first-mile-collection", reason: "shared-by-all-the-merchants-parcels" },
        Exclusion { element: "returns", reason: "not-modelled" },
    ];
    if !packaging {
        excluded.push(Exclusion { element: "packaging", reason: "counted-in-the-order-footprint" });
    }
    excluded
}

/// The boundary of one parcel at checkout.
pub fn parcel_boundary() -> Boundary {
    use Element::*;
    Boundary {
        functional_unit: "parcel-delivered",
        included: vec![LineHaul, Hub, DeliveryRound, Redelivery, CustomerTrip],
        excluded: exclusions(false),
        allocation: "per-parcel",
        standards: STANDARDS,
    }
}

/// The boundary of a merchant's orders: the merchant's own vans start at its depot, so only the carrier's
/// baselines have a line-haul.
pub fn orders_boundary() -> Boundary {
    use Element::*;
    Boundary {
        functional_unit: "orders-delivered",
        included: vec![LineHaul, Hub, DeliveryRound, Redelivery, CustomerTrip],
        excluded: exclusions(false),
        allocation: "per-parcel",
        standards: STANDARDS,
    }
}
