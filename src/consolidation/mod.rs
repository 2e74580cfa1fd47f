//! Consolidation: how many kilometres, kWh and kg CO2e each way of delivering a set of orders costs, and how much
//! grouping them saves.
//!
//! [`consolidate`] compares four scenarios for the same orders, depot and vehicle:
//!
//! | scenario | what drives |
//! |---|---|
//! | `dedicated` (the baseline: express, on demand) | one trip depot → door → depot per order (⌈parcels / capacity⌉ trips for an order bigger than a round) |
//! | `consolidated` | rounds of at most `capacity` parcels ([`rounds`]), each routed depot → stops → depot ([`routing`]) |
//! | `pickup` | vans serve P pickup points in rounds; each shopper goes to their point and back by the given mix of modes |
//! | `cargoBike` | a van takes the parcels to a micro-hub in full loads, then e-cargo bikes do the rounds from the hub |
//!
//! Distances are great-circle km × the road factor. Each scenario reports vehicle-km and shopper-km, energy (kWh
//! for electric vehicles, litres for fuelled ones), kg CO2e WTW with its TTW/WTT split, parcels per vehicle-km
//! (the [efficiency](crate::models::efficiency()) model), g CO2e per parcel, and its saving against `dedicated`.
//! Every leg's emission comes from the [emission](crate::models::emission()) model with a factor from the
//! [factor table](crate::factors), so its trace names the factor id, value and source.
//!
//! Order weights are read and their total reported, but do not change the emissions: DESNZ's per-km van factors
//! are for an average laden van, and capacity is counted in parcels.
//!
//! [`delivery_options`] answers the checkout question for one parcel in constant time, from the reference sheet's
//! typical UK round rather than from clustering ([`options`]). [`orders`] reads orders from CSV and GeoJSON, and
//! [`Consolidation::geojson`] writes the consolidated rounds as GeoJSON.
//!
//! # Defaults and where they come from
//!
//! | setting | default | source |
//! |---|---|---|
//! | `capacity` | 100 parcels per round | typical UK parcel round, most likely value (Shahmohammadi et al. 2020, Environ. Sci. Technol. 54(6), Table 3: 32 / 100 / 168) |
//! | `roadFactor` | 1.3 | an assumption: road distance / straight-line distance is typically 1.2–1.4 (circuity factors, Ballou, Rahardja & Sakai 2002, Transportation Research Part A 36(9)); 1.3 is a value in that range, not a measured UK figure |
//! | `vehicle` | `diesel-van` | DESNZ 2025 average van |
//! | pickup `shares` | walk 0.5, cycle 0.1, car 0.4 | an assumption, to be replaced with local survey data; the published effects (pickup points can be worse where customers drive, Niemeijer & Buijs 2023) make the car share the number that matters |
//! | pickup `car` | `petrol-car` | DESNZ 2025 average petrol car; one trip per order, not shared with other errands |
//! | pickup `points` | one per π·(2 km)² of the orders' convex hull (at least 1) | an assumption tied to the reference sheet's most likely shopper distance, 2 km |
//! | cargo bike `capacity` | 50 parcels per round | an assumption (a large e-cargo bike's box), not a cited figure |
//! | cargo bike `vehicle` | `e-cargo-bike` | University of Westminster / Pedal Me 2021 (charging only; no kWh/km known, so its energy is not reported) |
//! | hub | the orders' parcel-weighted centre | — |
//! | `seed` | 1 | k-means is seeded, so the same input gives the same rounds |

mod baselines;
pub mod estimates;
mod geojson;
pub mod options;
pub mod orders;
pub mod plan;
pub mod rounds;
pub mod routing;
mod scenarios;

use serde::{Deserialize, Serialize};

pub use baselines::{CarrierOptions, SCENARIO_IDS};
pub use estimates::{Failures, Range, Sensitivity};
pub use options::{delivery_options, DeliveryOption, DeliveryOptions, OptionsInput, OPTION_IDS};
pub use orders::{orders_from_geojson, parse_orders_csv, GeoJson, Orders, Parsed, RowError};
pub use scenarios::{
    consolidate, consolidate_with_progress, CargoBikeOptions, ConsolidateInput, Consolidation, Leg, PickupOptions,
    Progress, Scenario, Shares,
};

/// Default vehicle capacity: the typical UK parcel round's most likely size.
pub const DEFAULT_CAPACITY: f64 = 100.0;
/// Default road factor: road km per great-circle km (an assumption in the usual 1.2–1.4 range).
pub const DEFAULT_ROAD_FACTOR: f64 = 1.3;
/// Default e-cargo bike round, in parcels (an assumption).
pub const DEFAULT_BIKE_CAPACITY: f64 = 50.0;
/// The reference sheet's most likely distance from shopper to collection point, km.
pub const REFERENCE_PICKUP_KM: f64 = 2.0;
/// The reference sheet's most likely drop km per round (driving between stops).
pub const REFERENCE_DROP_KM: f64 = 45.0;
/// The reference sheet's stem distance (depot to round), geometric mean, km each way.
pub const REFERENCE_STEM_KM: f64 = 17.87;

/// The plausible ranges of the numeric settings of [`consolidate`] and [`delivery_options`]. Each keeps every
/// result finite (the largest sums stay far below `f64::MAX`) and is wide enough for any real delivery; a value
/// outside is refused with code `out-of-range`, naming the field the caller gave.
pub mod limits {
    /// `capacity`, `parcelsPerRound`, `parcelsPerPickupStop`: 1 to 100,000 parcels (the largest articulated
    /// lorry carries a few thousand).
    pub const MAX_CAPACITY: f64 = 100_000.0;
    /// `cargoBike.capacity`: 1 to 1,000 parcels (a large e-cargo bike's box holds about 50).
    pub const MAX_BIKE_CAPACITY: f64 = 1000.0;
    /// `roadFactor`: 1 (a straight road) to 3 (road km per great-circle km is typically 1.2–1.4; 3 is a winding
    /// mountain or island network).
    pub const ROAD_FACTOR: (f64, f64) = (1.0, 3.0);
    /// `stemKm`: 0 to 20,000 km, the farthest two places on Earth are apart.
    pub const MAX_STEM_KM: f64 = 20_000.0;
    /// `dropKm`: 0 to 10,000 km driven between stops in one round (the reference round drives 45).
    pub const MAX_DROP_KM: f64 = 10_000.0;
    /// `pickupKm`, `pickup.distanceKm`: 0 to 1,000 km one way from a shopper to a pickup point (the reference
    /// is 2).
    pub const MAX_PICKUP_KM: f64 = 1000.0;
    /// At most 1,000,000 orders in one call (`consolidate`, `parseOrders`, `ordersFromGeoJson`): each needs at least
    /// one trip, and a million trips is the most a result lists. More is refused with code `too-large` on `orders`
    /// (`csv`, `geojson` for files), naming the count.
    pub const MAX_ORDERS: usize = 1_000_000;
    /// `orders[i].parcels`: 1 to 1,000,000 parcels in one order.
    pub const MAX_ORDER_PARCELS: f64 = 1e6;
    /// `orders[i].weightKg`: 0 to 1,000,000 kg (1,000 tonnes) for one order.
    pub const MAX_ORDER_WEIGHT_KG: f64 = 1e6;
}

pub(crate) const ROUND_SOURCE: &str =
    "typical UK parcel round (Shahmohammadi et al. 2020, Environ. Sci. Technol. 54(6), Table 3)";
pub(crate) const ROAD_SOURCE: &str =
    "assumption in the usual 1.2–1.4 circuity range (Ballou, Rahardja & Sakai 2002, Transp. Res. A 36(9))";
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
