//! Consolidation: how many kilometres, kWh and kg CO2e each way of delivering a set of orders costs, and how much
//! grouping them saves.
//!
//! [`consolidate`] plans the merchant's own rounds for the same orders, depot and vehicle, then prices six
//! scenarios through the [delivery chain](pricing):
//!
//! | scenario | what drives |
//! |---|---|
//! | `standard` (the default baseline), `nextDay` | the carrier: line-haul from the merchant's depot, its sort centre and delivery depot, its rounds in the orders' area |
//! | `dedicated` (same-day courier) | one trip depot → door → depot per order (⌈parcels / capacity⌉ trips for an order bigger than a round) |
//! | `consolidated` | rounds of at most `capacity` parcels ([`rounds`]), each routed depot → stops → depot ([`routing`]) |
//! | `pickup` | vans serve P pickup points in rounds; each shopper goes to their point and back by the given mix of modes |
//! | `cargoBike` | a van takes the bikeable parcels to a micro-hub in full loads, then e-cargo bikes do the rounds from it |
//!
//! Distances are great-circle km × the road factor. Each scenario reports vehicle-km and shopper-km, energy (kWh,
//! litres), kg CO2e WTW (the Monte Carlo median, with its interval and the central figure its legs add up to),
//! parcels per vehicle-km (the [efficiency](crate::models::efficiency()) model), g CO2e per parcel, and its saving
//! against the baseline. Every leg names its chain element, and its emission comes from the
//! [emission](crate::models::emission()) model with a factor from the [factor table](crate::factors).
//!
//! Order weights, when every order has one, set the parcels' mass on the line-haul and which parcels a cargo bike
//! can take; the vans' per-km factors are for an average laden van, and capacity is counted in parcels.
//!
//! [`delivery_options`] answers the checkout question for one parcel in about a millisecond, from the carrier's
//! chain rather than from clustering ([`options`]). [`orders`] reads orders from CSV and GeoJSON, and
//! [`Consolidation::geojson`] writes the consolidated rounds as GeoJSON.
//!
//! # The plan's defaults (the chain's are in [`pricing::settings`])
//!
//! | setting | default | source |
//! |---|---|---|
//! | `capacity` | 100 parcels per round | typical UK parcel round, most likely value (Shahmohammadi et al. 2020, Environ. Sci. Technol. 54(6), Table 3: 32 / 100 / 168) |
//! | `vehicle` | `diesel-van` | DESNZ 2025 average van |
//! | pickup `shares` | walk 0.5, cycle 0.1, car 0.4 | an assumption, to be replaced with local survey data; the published effects (pickup points can be worse where customers drive, Niemeijer & Buijs 2023) make the car share the number that matters |
//! | pickup `car` | `petrol-car` | DESNZ 2025 average petrol car |
//! | pickup `points` | one per π·(2 km)² of the orders' convex hull (at least 1) | an assumption tied to the reference sheet's most likely shopper distance, 2 km |
//! | cargo bike `capacity` | 50 parcels per round | an assumption (a large e-cargo bike's box), not a cited figure |
//! | cargo bike `vehicle` | `e-cargo-bike` | University of Westminster / Pedal Me 2021 (charging only; no kWh/km known, so its energy is not reported) |
//! | hub | the orders' parcel-weighted centre | — |
//! | `seed` | 1 | k-means is seeded, so the same input gives the same rounds |

mod geojson;
pub mod options;
pub mod orders;
pub mod plan;
pub mod pricing;
pub mod rounds;
pub mod routing;
mod scenarios;
mod spatial;

use serde::{Deserialize, Serialize};

pub use options::{delivery_options, DeliveryOption, DeliveryOptions, OptionsInput, Variants};
pub use orders::{orders_from_geojson, parse_orders_csv, GeoJson, Orders, Parsed, RowError};
pub use pricing::chain::{OPTION_IDS, SCENARIO_IDS};
pub use pricing::{Area, Boundary, Element, Range, Sensitivity, SettingUsed};
pub use scenarios::{
    consolidate, consolidate_with_progress, infer_area, CargoBikeOptions, ConsolidateInput, Consolidation,
    ConsolidationVariants, Leg, PickupOptions, Progress, Scenario, Shares,
};

/// Default vehicle capacity: the typical UK parcel round's most likely size.
pub const DEFAULT_CAPACITY: f64 = 100.0;
/// Default e-cargo bike round, in parcels (an assumption).
pub const DEFAULT_BIKE_CAPACITY: f64 = 50.0;
/// The reference sheet's most likely distance from shopper to collection point, km.
pub const REFERENCE_PICKUP_KM: f64 = 2.0;

/// The plausible ranges of the plan's numeric inputs of [`consolidate`] and [`delivery_options`] (the chain's
/// settings carry their own, in [`pricing::settings`]). Each keeps every result finite (the largest sums stay far
/// below `f64::MAX`) and is wide enough for any real delivery; a value outside is refused with code
/// `out-of-range`, naming the field the caller gave.
pub mod limits {
    /// `capacity`: 1 to 100,000 parcels (the largest articulated lorry carries a few thousand).
    pub const MAX_CAPACITY: f64 = 100_000.0;
    /// `cargoBike.capacity`: 1 to 1,000 parcels (a large e-cargo bike's box holds about 50).
    pub const MAX_BIKE_CAPACITY: f64 = 1000.0;
    /// `pickup.distanceKm`: 0 to 1,000 km one way from a shopper to a pickup point (the reference is 2).
    pub const MAX_PICKUP_KM: f64 = 1000.0;
    /// At most 1,000,000 orders in one call (`consolidate`, `parseOrders`, `ordersFromGeoJson`): each needs at least
    /// one trip, and a million trips is the most a result lists. More is refused with code `too-large` on `orders`
    /// (`csv`, `geojson` for files), naming the count.
    pub const MAX_ORDERS: usize = 1_000_000;
    /// `orders[i].parcels`: 1 to 1,000,000 parcels in one order.
    pub const MAX_ORDER_PARCELS: f64 = 1e6;
    /// `orders[i].weightKg`: 0 to 1,000,000 kg (1,000 tonnes) for one order.
    pub const MAX_ORDER_WEIGHT_KG: f64 = 1e6;
    /// The farthest a shopper may be from the merchant's depot, great-circle km: 5,000. The chain has road legs
    /// only, and the longest domestic road line-hauls in the covered countries are about 4,400 km in a straight
    /// line (Miami to Seattle; Kashgar to Harbin about 4,100), while London to New York (5,570) or Paris to
    /// Beijing (8,200) need a sea or air leg the chain does not have. Farther is refused with code
    /// `out-of-range` on `shopper` (`orders[i]` in `consolidate`). Whether a nearer place is on the same
    /// landmass is for the caller to check.
    pub const MAX_ROAD_KM: f64 = 5000.0;
}

/// `km` (great-circle, depot to a shopper) if a road line-haul can cover it, else an error naming `field`.
pub(crate) fn check_road_reach(field: &str, km: f64) -> crate::Result<f64> {
    if km > limits::MAX_ROAD_KM {
        return Err(crate::Error::new(
            crate::error::Code::OutOfRange,
            field,
            // Whole km, formatted as an integer: precision float formatting would add kilobytes to the wasm.
            format!(
                "{} km in a straight line from the depot: no road reaches it (the chain has road legs only, up to \
                 5000 km)",
                crate::error::Plain(km.round())
            ),
        ));
    }
    Ok(km)
}

pub(crate) const ROUND_SOURCE: &str =
    "typical UK parcel round (Shahmohammadi et al. 2020, Environ. Sci. Technol. 54(6), Table 3)";
pub(crate) const ASSUMPTION: &str = "assumption";

/// Sorts (key, index) pairs by key, then index: deterministic without a stable sort, and one instantiation of the
/// sort for the whole module (each one costs kilobytes of wasm).
pub(crate) fn sort_pairs(pairs: &mut [(f64, usize)]) {
    pairs.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
}

/// A place, in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
}

impl LatLon {
    /// `self` if in range; errors name `field` (e.g. `depot.lat`).
    pub fn check(self, field: &str) -> crate::Result<Self> {
        crate::geo::check_point(self.lat, self.lon, &|| field.to_owned())?;
        Ok(self)
    }

    pub(crate) fn pair(self) -> [f64; 2] {
        [self.lat, self.lon]
    }
}
