//! The consolidated rounds as a map: [`Consolidation::geojson`] (and each order's round, for the page's colours).

use super::orders::{FeatureCollection, OutFeature, OutProperties};
use super::scenarios::Consolidation;
use super::Orders;

impl Consolidation {
    /// The consolidated rounds as GeoJSON: the depot; each round as a LineString depot → stops → depot
    /// (`kind: "round"`, with `round`, `parcels`, `stops`, `km`, `approximate`); each stop as a Point labelled
    /// with its `round` and `sequence`; the pickup points (`kind: "pickup"`) and the hub (`kind: "hub"`).
    pub fn geojson(&self, orders: &Orders) -> FeatureCollection {
        let depot = self.plan.depot;
        let mut features =
            vec![OutFeature::point(depot.lat, depot.lon, OutProperties { kind: "depot", ..Default::default() })];
        let at = |i: usize| [orders.lat[i], orders.lon[i]];
        for (r, round) in self.plan.rounds.iter().enumerate() {
            let parcels: f64 = round.sequence.iter().map(|&i| orders.parcels[i]).sum();
            let ends = std::iter::once(depot.pair());
            features.push(OutFeature::line(
                ends.clone().chain(round.sequence.iter().map(|&i| at(i))).chain(ends),
                OutProperties {
                    kind: "round",
                    scenario: Some("consolidated"),
                    round: Some(r),
                    parcels: Some(parcels),
                    stops: Some(round.sequence.len()),
                    km: Some(round.km),
                    approximate: Some(round.approximate),
                    ..Default::default()
                },
            ));
            for (s, &i) in round.sequence.iter().enumerate() {
                features.push(OutFeature::point(
                    orders.lat[i],
                    orders.lon[i],
                    OutProperties {
                        kind: "stop",
                        round: Some(r),
                        sequence: Some(s + 1),
                        order: Some(i),
                        id: orders.ids.as_ref().map(|ids| ids[i].clone()).filter(|id| !id.is_empty()),
                        parcels: Some(orders.parcels[i]),
                        ..Default::default()
                    },
                ));
            }
        }
        for p in &self.pickup_points {
            let props =
                OutProperties { kind: "pickup", parcels: Some(p.parcels), stops: Some(p.orders), ..Default::default() };
            features.push(OutFeature::point(p.lat, p.lon, props));
        }
        features.push(OutFeature::point(
            self.hub.lat,
            self.hub.lon,
            OutProperties { kind: "hub", ..Default::default() },
        ));
        FeatureCollection { kind: "FeatureCollection", features }
    }

    /// Each order's consolidated round (an order bigger than a round: its first round).
    pub fn round_of(&self, orders: usize) -> Vec<u32> {
        let mut of = vec![u32::MAX; orders];
        for (r, round) in self.plan.rounds.iter().enumerate().rev() {
            for &i in &round.sequence {
                of[i] = r as u32;
            }
        }
        of
    }
}
