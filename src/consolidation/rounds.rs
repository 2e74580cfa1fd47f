//! Grouping stops into rounds that a vehicle can carry, and the planar helpers shared with pickup points.
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
}

impl<'a> Grouper<'a> {
    /// `lat` and `lon` must already be checked.
    pub fn new(lat: &'a [f64], lon: &'a [f64], effort: Effort, seed: u32) -> Self {
        Grouper { lat, lon, effort, seed, prepared: None }
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
                let flat: Vec<f64> = rest.iter().flat_map(|&i| [lat[i], lon[i]]).collect();
                let plane = LocalPlane::around(&flat)?;
                let xy: Vec<[f64; 2]> = flat.chunks_exact(2).map(|p| plane.project(p[0], p[1])).collect();
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

/// Indices of `xy` along a Hilbert curve over their bounding square, so that neighbours on the curve are
/// neighbours on the map.
pub(crate) fn hilbert_order(xy: &[[f64; 2]]) -> Vec<usize> {
    const SIDE: u32 = 1 << 16;
    let (mut x0, mut y0, mut size) = (f64::INFINITY, f64::INFINITY, 0.0f64);
    for p in xy {
        (x0, y0) = (x0.min(p[0]), y0.min(p[1]));
    }
    for p in xy {
        size = size.max(p[0] - x0).max(p[1] - y0);
    }
    let scale = if size > 0.0 { (SIDE - 1) as f64 / size } else { 0.0 };
    let mut keyed: Vec<(u64, usize)> = xy
        .iter()
        .enumerate()
        .map(|(i, p)| (hilbert(SIDE, ((p[0] - x0) * scale) as u32, ((p[1] - y0) * scale) as u32), i))
        .collect();
    keyed.sort_unstable();
    keyed.into_iter().map(|k| k.1).collect()
}

/// Distance along the Hilbert curve of `(x, y)` on a `side` × `side` grid (`side` a power of two).
fn hilbert(side: u32, mut x: u32, mut y: u32) -> u64 {
    let mut d = 0u64;
    let mut s = side / 2;
    while s > 0 {
        let (rx, ry) = (u32::from(x & s > 0), u32::from(y & s > 0));
        d += u64::from(s) * u64::from(s) * u64::from((3 * rx) ^ ry);
        if ry == 0 {
            if rx == 1 {
                (x, y) = (side - 1 - x, side - 1 - y);
            }
            (x, y) = (y, x);
        }
        s /= 2;
    }
    d
}

/// A group of stops one vehicle serves in one trip from the depot.
#[derive(Debug, Clone, PartialEq)]
pub struct Round {
    /// Stop indices, in the planned visiting order.
    pub stops: Vec<usize>,
    pub parcels: f64,
}

fn sq_dist(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

/// A uniform grid over points on the plane, about one point per cell, for nearest-point queries.
pub(crate) struct Grid {
    x0: f64,
    y0: f64,
    cell: f64,
    nx: usize,
    ny: usize,
    /// Points of cell c are `items[start[c]..start[c + 1]]`.
    start: Vec<usize>,
    items: Vec<usize>,
    /// Places shared by more than [`CROWD`] points, with those points' indices in order: a query from one of them
    /// is answered from the list, not by measuring every point of the place (quadratic for one busy address).
    crowds: std::collections::HashMap<(u64, u64), Vec<usize>>,
}

/// More points than this at one place make it a crowd (see [`Grid::nearest_into`]).
const CROWD: usize = 32;

/// A place as a key: `-0.0` and `0.0` are one place.
fn place(p: [f64; 2]) -> (u64, u64) {
    ((p[0] + 0.0).to_bits(), (p[1] + 0.0).to_bits())
}

impl Grid {
    pub(crate) fn new(points: &[[f64; 2]]) -> Self {
        let finite = || points.iter().filter(|p| p[0].abs() < f64::MAX);
        let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
        for p in finite() {
            (x0, y0, x1, y1) = (x0.min(p[0]), y0.min(p[1]), x1.max(p[0]), y1.max(p[1]));
        }
        if x0 > x1 {
            (x0, y0, x1, y1) = (0.0, 0.0, 0.0, 0.0);
        }
        let n = points.len().max(1) as f64;
        let (w, h) = (x1 - x0, y1 - y0);
        let cell = ((w * h / n).sqrt()).max(w.max(h) / n).max(1e-9);
        let nx = ((w / cell) as usize + 1).min(1 << 12);
        let ny = ((h / cell) as usize + 1).min(1 << 12);
        let mut count = vec![0usize; nx * ny + 1];
        let cell_of = |p: &[f64; 2]| {
            let cx = (((p[0] - x0) / cell) as usize).min(nx - 1);
            let cy = (((p[1] - y0) / cell) as usize).min(ny - 1);
            cy * nx + cx
        };
        let cells: Vec<Option<usize>> = points.iter().map(|p| (p[0].abs() < f64::MAX).then(|| cell_of(p))).collect();
        for c in cells.iter().flatten() {
            count[c + 1] += 1;
        }
        for c in 1..count.len() {
            count[c] += count[c - 1];
        }
        let start = count.clone();
        let mut items = vec![0; start[nx * ny]];
        for (i, c) in cells.iter().enumerate() {
            if let Some(c) = *c {
                items[count[c]] = i;
                count[c] += 1;
            }
        }
        // A crowded place lies in a crowded cell, so only those cells are grouped by place: with no crowd (the usual
        // case) this costs one pass over the cells, not a map of every point. A cell's points are in index order.
        let mut crowds = std::collections::HashMap::new();
        for c in 0..nx * ny {
            let here = &items[start[c]..start[c + 1]];
            if here.len() > CROWD {
                let mut places: std::collections::HashMap<(u64, u64), Vec<usize>> = std::collections::HashMap::new();
                for &i in here {
                    places.entry(place(points[i])).or_default().push(i);
                }
                crowds.extend(places.into_iter().filter(|(_, same)| same.len() > CROWD));
            }
        }
        Grid { x0, y0, cell, nx, ny, start, items, crowds }
    }

    /// Up to `l` nearest points to `q`, as (distance, index), nearest first (ties by index).
    #[cfg(test)]
    pub(crate) fn nearest(&self, q: [f64; 2], l: usize, points: &[[f64; 2]]) -> Vec<(f64, usize)> {
        let mut found = Vec::new();
        self.nearest_into(q, l, points, 0, &mut found);
        found.into_iter().map(|(d, _, i)| (d, i)).collect()
    }

    /// Up to `l` nearest points to `q` into `found` (cleared first), as (distance, tie key, index), nearest first,
    /// with ties in distance broken by index counted on from `origin` (cyclically: the tie key): many points at one
    /// place then each get different neighbours among them (the next ones), instead of all the same few. `found`
    /// holds the best `l` so far, kept sorted by insertion, so a query costs O(cells + candidates · l) with no
    /// sort and, when `found` is reused, no allocation (this runs once per stop for the planner's neighbour lists).
    pub(crate) fn nearest_into(
        &self,
        q: [f64; 2],
        l: usize,
        points: &[[f64; 2]],
        origin: usize,
        found: &mut Vec<(f64, usize, usize)>,
    ) {
        found.clear();
        if l == 0 {
            return;
        }
        let n = points.len().max(1);
        // From a crowded place holding at least l points: nothing is nearer than them, and the tie rule takes the
        // next ones from `origin` on, cyclically; the place's list is in index order, so they are the next in it.
        if let Some(same) =
            (!self.crowds.is_empty()).then(|| self.crowds.get(&place(q))).flatten().filter(|same| same.len() >= l)
        {
            if let Ok(at) = same.binary_search(&origin) {
                found.extend((0..l).map(|step| {
                    let i = same[(at + step) % same.len()];
                    (0.0, (i + n - origin % n) % n, i)
                }));
                return;
            }
        }
        let shift = n - origin % n;
        let fx = ((q[0] - self.x0) / self.cell).floor();
        let fy = ((q[1] - self.y0) / self.cell).floor();
        let (cx, cy) = (fx.clamp(-1.0, self.nx as f64) as isize, fy.clamp(-1.0, self.ny as f64) as isize);
        // How far q is inside its cell: every point outside ring r is at least r cells plus this from q. (A little
        // less, against rounding; 0 when q is outside the grid.)
        let inside = (0.0..self.nx as f64).contains(&fx) && (0.0..self.ny as f64).contains(&fy);
        let margin = if inside {
            let (ax, ay) = (self.x0 + fx * self.cell, self.y0 + fy * self.cell);
            let m = (q[0] - ax).min(ax + self.cell - q[0]).min(q[1] - ay).min(ay + self.cell - q[1]);
            (m - 1e-9 * self.cell).max(0.0)
        } else {
            0.0
        };
        let max_ring = self.nx.max(self.ny) as isize + 2;
        // Squared distances until the end, when they become distances.
        for r in 0..=max_ring {
            for y in cy - r..=cy + r {
                if y < 0 || y >= self.ny as isize {
                    continue;
                }
                let on_edge = y == cy - r || y == cy + r;
                let step = if on_edge { 1 } else { (2 * r).max(1) as usize };
                for x in (cx - r..=cx + r).step_by(step) {
                    if x < 0 || x >= self.nx as isize {
                        continue;
                    }
                    let c = y as usize * self.nx + x as usize;
                    for &i in &self.items[self.start[c]..self.start[c + 1]] {
                        let d = sq_dist(q, points[i]);
                        if found.len() == l {
                            let worst = found[l - 1];
                            if d > worst.0 || (d == worst.0 && (i + shift) % n > worst.1) {
                                continue;
                            }
                        }
                        let key = (i + shift) % n;
                        // Insert in order of (distance, key): keys are distinct, so this is a total order. In
                        // place of the last (when full), then swapped down: no memmove call (slow in wasm).
                        let mut at = if found.len() == l {
                            found[l - 1] = (d, key, i);
                            l - 1
                        } else {
                            found.push((d, key, i));
                            found.len() - 1
                        };
                        while at > 0 && (found[at - 1].0 > d || (found[at - 1].0 == d && found[at - 1].1 > key)) {
                            found.swap(at - 1, at);
                            at -= 1;
                        }
                    }
                }
            }
            let bound = r as f64 * self.cell + margin;
            if found.len() == l && found[l - 1].0 <= bound * bound {
                break;
            }
        }
        for f in found.iter_mut() {
            f.0 = f.0.sqrt();
        }
    }
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

    #[test]
    fn grid_finds_the_nearest_points() {
        let mut rng = Rng::new(11);
        let points: Vec<[f64; 2]> = (0..500).map(|_| [50.0 * rng.next_f64(), 10.0 * rng.next_f64()]).collect();
        let grid = Grid::new(&points);
        for q in [[25.0, 5.0], [-10.0, 40.0], [60.0, -3.0], [0.0, 0.0]] {
            let got = grid.nearest(q, 8, &points);
            let mut all: Vec<(f64, usize)> =
                points.iter().enumerate().map(|(i, p)| (sq_dist(q, *p).sqrt(), i)).collect();
            all.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            assert_eq!(got, all[..8].to_vec(), "{q:?}");
        }
        assert_eq!(Grid::new(&[[1.0, 1.0]]).nearest([0.0, 0.0], 3, &[[1.0, 1.0]]).len(), 1);
    }
}
