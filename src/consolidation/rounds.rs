//! Grouping stops into rounds that a vehicle can carry (the planar helpers it shares with the planner and the
//! pickup points are in `spatial`).
//!
//! 1. A stop with more parcels than the capacity gets rounds of its own: ⌈parcels / capacity⌉ trips depot →
//!    stop → depot, each carrying at most the capacity (a van does not share a round with a stop it must fill).
//! 2. The other stops, and the depot, are projected on the local plane (km) and planned by [`plan`](super::plan):
//!    savings, granular local search across rounds and ruin and recreate, for the work the [`Effort`] allows.
//!
//! No round ever exceeds the capacity: every move of the planner checks the loads exactly.

use super::plan::{plan_with, Effort, Neighbours};
use crate::error::Result;
use crate::geo::LocalPlane;

/// Groups stops into rounds from `depot` (`[lat, lon]`): each round is a list of stop indices in visiting order
/// and the parcels it carries (≤ `capacity`). `lat`, `lon` and `parcels` (each ≥ 1, finite) must already be
/// checked, and `capacity` ≥ 1.
///
/// ```
/// use green_delivery::consolidation::{plan::Effort, rounds::group};
/// let lat = [51.50, 51.51, 51.60, 51.61, 51.5];
/// let lon = [-0.10, -0.10, -0.20, -0.20, 0.0];
/// let parcels = [3.0, 3.0, 3.0, 3.0, 25.0];
/// let rounds = group([51.4, -0.1], &lat, &lon, &parcels, 10.0, Effort::Balanced, 1).unwrap();
/// assert!(rounds.iter().all(|r| r.parcels <= 10.0));
/// assert_eq!(rounds.iter().filter(|r| r.stops == [4]).count(), 3); // 25 parcels: three trips of its own
/// assert_eq!(rounds.iter().map(|r| r.parcels).sum::<f64>(), 37.0);
/// assert_eq!(rounds.len(), 5); // 12 small parcels need 2 rounds of 10
/// ```
pub fn group(
    depot: [f64; 2],
    lat: &[f64],
    lon: &[f64],
    parcels: &[f64],
    capacity: f64,
    effort: Effort,
    seed: u32,
) -> Result<Vec<Round>> {
    Grouper::new(lat, lon, effort, seed).group(depot, parcels, capacity, &mut |_| Ok(()))
}

/// [`group`] for several depots and capacities over the same stops: the stops' projection and neighbour lists
/// (the planner's costliest set-up, a nearest-neighbour query per stop) are built once for every call that plans
/// the same stops (the same orders within the capacity).
pub struct Grouper<'a> {
    lat: &'a [f64],
    lon: &'a [f64],
    effort: Effort,
    seed: u32,
    /// The stops planned last (indices into `lat`/`lon`), their plane and neighbour lists.
    prepared: Option<(Vec<usize>, LocalPlane, Neighbours)>,
    /// [`LocalPlane::around`] all the stops, when the caller has it.
    plane_of_all: Option<LocalPlane>,
}

impl<'a> Grouper<'a> {
    /// `lat` and `lon` must already be checked.
    pub fn new(lat: &'a [f64], lon: &'a [f64], effort: Effort, seed: u32) -> Self {
        Grouper { lat, lon, effort, seed, prepared: None, plane_of_all: None }
    }

    /// This grouper, told `plane`, which must be [`LocalPlane::around`] all the stops (`[lat, lon]` pairs in
    /// order): planning all of them then projects them on it without finding it again (at a million orders, its
    /// sine and cosine per stop were about 50 ms in wasm).
    pub(crate) fn knowing_plane(mut self, plane: LocalPlane) -> Self {
        self.plane_of_all = Some(plane);
        self
    }

    /// How hard the planner works.
    pub fn effort(&self) -> Effort {
        self.effort
    }

    /// The stops' latitudes.
    pub fn lat(&self) -> &'a [f64] {
        self.lat
    }

    /// The stops' longitudes.
    pub fn lon(&self) -> &'a [f64] {
        self.lon
    }

    /// The order along a Hilbert curve of every stop (indices into `lat`/`lon`) projected on `plane`, when the last
    /// planning covered every stop on that plane: it sorted them so already.
    pub(crate) fn hilbert_order_on(&self, plane: LocalPlane) -> Option<&[usize]> {
        match &self.prepared {
            Some((rest, on, neighbours)) if rest.len() == self.lat.len() && *on == plane => Some(neighbours.order()),
            _ => None,
        }
    }

    /// [`group`]'s rounds from `depot`, reporting the share done (0 to 1) to `progress` every so often; an error
    /// from `progress` stops the planning and is returned.
    pub fn group(
        &mut self,
        depot: [f64; 2],
        parcels: &[f64],
        capacity: f64,
        progress: &mut dyn FnMut(f64) -> Result<()>,
    ) -> Result<Vec<Round>> {
        let mut rounds = Vec::new();
        let mut rest = Vec::new();
        for (i, &p) in parcels.iter().enumerate() {
            if p > capacity {
                let mut left = p;
                while left > 0.0 {
                    rounds.push(Round { stops: vec![i], parcels: left.min(capacity) });
                    left -= capacity;
                }
            } else {
                rest.push(i);
            }
        }
        if rest.is_empty() {
            return Ok(rounds);
        }
        let (lat, lon) = (self.lat, self.lon);
        // Building the neighbour lists is about a fifth of the work, when they are built.
        let (prepared, from) = match self.prepared.take() {
            Some(p) if p.0 == rest => (p, 0.0),
            _ => {
                progress(0.0)?;
                let plane = match self.plane_of_all {
                    Some(plane) if rest.len() == lat.len() => plane,
                    _ => LocalPlane::around(&rest.iter().flat_map(|&i| [lat[i], lon[i]]).collect::<Vec<f64>>())?,
                };
                let xy: Vec<[f64; 2]> = rest.iter().map(|&i| plane.project(lat[i], lon[i])).collect();
                let neighbours = Neighbours::new(&xy, self.effort);
                ((rest, plane, neighbours), 0.2)
            }
        };
        let (rest, plane, neighbours) = &prepared;
        let demand: Vec<f64> = rest.iter().map(|&i| parcels[i]).collect();
        let depot = plane.project(depot[0], depot[1]);
        let mut report = |share: f64| progress(from + (1.0 - from) * share);
        for r in plan_with(neighbours, depot, &demand, capacity, self.effort, self.seed, &mut report)? {
            let parcels = r.iter().map(|&j| demand[j]).sum();
            rounds.push(Round { stops: r.into_iter().map(|j| rest[j]).collect(), parcels });
        }
        self.prepared = Some(prepared);
        Ok(rounds)
    }
}

/// How many distinct points the `[lat, lon]` pairs of `flat` hold, counting up to `limit` only: a hash set that
/// stops once `limit` are found (sorting a million points to count them was a tenth of a second).
pub(crate) fn distinct_up_to(flat: &[f64], limit: usize) -> usize {
    let mut seen = std::collections::HashSet::with_capacity(limit.min(flat.len() / 2));
    for p in flat.chunks_exact(2) {
        if seen.len() >= limit {
            break;
        }
        seen.insert((p[0].to_bits(), p[1].to_bits()));
    }
    seen.len()
}

/// A group of stops one vehicle serves in one trip from the depot.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// Stop indices, in the planned visiting order.
    pub stops: Vec<usize>,
    pub parcels: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kmeans::Rng;

    fn city(rng: &mut Rng, n: usize) -> (Vec<f64>, Vec<f64>, Vec<f64>) {
        let lat = (0..n).map(|_| 51.4 + 0.2 * rng.next_f64()).collect();
        let lon = (0..n).map(|_| -0.3 + 0.4 * rng.next_f64()).collect();
        let parcels = (0..n).map(|_| 1.0 + rng.below(4) as f64).collect();
        (lat, lon, parcels)
    }

    #[test]
    fn no_round_exceeds_capacity_and_every_parcel_is_carried_once() {
        let mut rng = Rng::new(5);
        for &(n, capacity) in &[(1, 1.0), (10, 4.0), (300, 100.0), (2000, 37.0), (500, 3.0)] {
            let (lat, lon, mut parcels) = city(&mut rng, n);
            parcels[0] = 2.5 * capacity; // one order bigger than a round
            let rounds = group([51.45, -0.1], &lat, &lon, &parcels, capacity, Effort::Balanced, 9).unwrap();
            let mut carried = vec![0.0; n];
            for r in &rounds {
                assert!(r.parcels <= capacity, "n = {n}: a round carries {} > {capacity}", r.parcels);
                assert!(!r.stops.is_empty());
                let share = if r.stops.len() == 1 { r.parcels } else { 0.0 };
                let sum: f64 = r.stops.iter().map(|&s| parcels[s]).sum();
                assert!(r.stops.len() == 1 || (sum - r.parcels).abs() < 1e-9);
                for &s in &r.stops {
                    carried[s] += if r.stops.len() == 1 { share } else { parcels[s] };
                }
            }
            for (c, p) in carried.iter().zip(&parcels) {
                assert!((c - p).abs() < 1e-9, "carried {c} of {p}");
            }
            if capacity < 10.0 {
                continue; // tiny rounds are a bin-packing puzzle; only the capacity rule is checked
            }
            // The fewest rounds that can carry the parcels, within the documented slack.
            let min = parcels.iter().filter(|&&p| p <= capacity).sum::<f64>() / capacity;
            let small_rounds = rounds.iter().filter(|r| !(r.stops == [0] && parcels[0] > capacity)).count();
            assert!(
                small_rounds <= crate::consolidation::plan::max_rounds(min.ceil() as usize),
                "n = {n}: {small_rounds} rounds"
            );
        }
    }

    #[test]
    fn rounds_are_compact() {
        // Two towns 30 km apart, 50 one-parcel orders each, capacity 50: each town is one round.
        let mut rng = Rng::new(1);
        let mut lat = Vec::new();
        let mut lon = Vec::new();
        for town in [0.0, 0.27] {
            for _ in 0..50 {
                lat.push(52.0 + town + 0.01 * rng.next_f64());
                lon.push(-1.0 + 0.01 * rng.next_f64());
            }
        }
        let rounds = group([52.1, -1.2], &lat, &lon, &[1.0; 100], 50.0, Effort::Balanced, 3).unwrap();
        assert_eq!(rounds.len(), 2);
        for r in rounds {
            let towns: Vec<bool> = r.stops.iter().map(|&s| s < 50).collect();
            assert!(towns.iter().all(|&t| t == towns[0]), "a round mixes the towns");
        }
    }
}
