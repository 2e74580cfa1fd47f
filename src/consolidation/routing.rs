//! Routing one round: depot → stops → depot.
//!
//! - Up to [`MAX_ROUTED_STOPS`] stops: nearest neighbour from the depot, then 2-opt (reverse a stretch) and Or-opt
//!   (move a run of 1–3 stops) until neither shortens the tour, each move tried towards a stop's 10 nearest. The search runs on chord lengths between points on the unit sphere, which rank
//!   single distances exactly as great-circle distances do and sums to within (d/R)²/24 relative (under 1e-6 for
//!   d < 15 km), with no distance matrix and no trigonometry in the inner loop. The length reported is the sum of
//!   the legs' great-circle distances ([`haversine_km`]) × the road factor.
//! - Above that, the tour is estimated with Beardwood–Halton–Hammersley: the stops' part is
//!   max(β·√(n·A), P), with β = [`BHH_BETA`], A the area and P the perimeter of the stops' convex hull on the local
//!   plane (no tour through points is shorter than their hull's perimeter, which also keeps stops on a line from
//!   coming out at 0), plus a stem of twice the great-circle distance from the depot to the nearest stop, all ×
//!   the road factor. Its visiting order is a sweep around the hull's centre, only for drawing.

use super::sort_pairs;
use crate::geo::{cos_lat, haversine_cos_km, haversine_km, LocalPlane};

/// Beardwood–Halton–Hammersley constant for the Euclidean plane (Johnson, McGeoch & Rothberg's estimate).
pub const BHH_BETA: f64 = 0.7124;

/// Rounds with more stops than this are estimated ([BHH](self)) rather than routed.
pub const MAX_ROUTED_STOPS: usize = 200;

/// A routed round.
#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// The stops' indices (as given) in visiting order; the depot is implied at both ends.
    pub sequence: Vec<usize>,
    /// Road km: great-circle km × road factor.
    pub km: f64,
    /// Whether `km` is the BHH estimate.
    pub approximate: bool,
}

/// A point on the unit sphere.
fn unit(lat: f64, lon: f64) -> [f64; 3] {
    let (la, lo) = (lat.to_radians(), lon.to_radians());
    [la.cos() * lo.cos(), la.cos() * lo.sin(), la.sin()]
}

#[inline(always)]
fn chord(a: &[f64; 3], b: &[f64; 3]) -> f64 {
    let (x, y, z) = (a[0] - b[0], a[1] - b[1], a[2] - b[2]);
    (x * x + y * y + z * z).sqrt()
}

/// Routes `stops` (indices into `lat`/`lon`, already checked) from and back to `depot` (`[lat, lon]`).
///
/// ```
/// use green_delivery::consolidation::routing::route;
/// // Three stops on the equator, given out of order: the tour goes out and back along the line.
/// let (lat, lon) = ([0.0, 0.0, 0.0], [0.02, 0.01, 0.03]);
/// let r = route([0.0, 0.0], &lat, &lon, &[0, 1, 2], 1.0);
/// assert_eq!(r.sequence, [1, 0, 2]);
/// let out = green_delivery::geo::haversine_km(0.0, 0.0, 0.0, 0.03);
/// assert!((r.km - 2.0 * out).abs() < 1e-9);
/// ```
pub fn route(depot: [f64; 2], lat: &[f64], lon: &[f64], stops: &[usize], road_factor: f64) -> Route {
    if stops.len() > MAX_ROUTED_STOPS {
        return estimate(depot, lat, lon, stops, road_factor);
    }
    // Position 0 is the depot; position p > 0 is stops[p - 1].
    let mut points = Vec::with_capacity(stops.len() + 1);
    points.push(unit(depot[0], depot[1]));
    points.extend(stops.iter().map(|&s| unit(lat[s], lon[s])));
    let mut tour = nearest_neighbour(&points);
    improve(&points, &mut tour);
    let sequence: Vec<usize> = tour[1..].iter().map(|&p| stops[p - 1]).collect();
    let km = tour_km(depot, lat, lon, &sequence) * road_factor;
    Route { sequence, km, approximate: false }
}

/// Routes a round planned on the plane: starts from `sequence` (its planned visiting order) instead of nearest
/// neighbour, then improves it with the same 2-opt and Or-opt on the sphere.
pub fn route_in_order(depot: [f64; 2], lat: &[f64], lon: &[f64], sequence: &[usize], road_factor: f64) -> Route {
    if sequence.len() > MAX_ROUTED_STOPS {
        return estimate(depot, lat, lon, sequence, road_factor);
    }
    let mut points = Vec::with_capacity(sequence.len() + 1);
    points.push(unit(depot[0], depot[1]));
    points.extend(sequence.iter().map(|&s| unit(lat[s], lon[s])));
    let mut tour: Vec<usize> = (0..points.len()).collect();
    improve(&points, &mut tour);
    let sequence: Vec<usize> = tour[1..].iter().map(|&p| sequence[p - 1]).collect();
    let km = tour_km(depot, lat, lon, &sequence) * road_factor;
    Route { sequence, km, approximate: false }
}

/// A round planned on the plane, kept in its planned order (no polishing on the sphere): only its km, as
/// [`route_in_order`] measures them (or the [BHH](self) estimate above [`MAX_ROUTED_STOPS`] stops).
pub fn route_as_planned(depot: [f64; 2], lat: &[f64], lon: &[f64], sequence: &[usize], road_factor: f64) -> Route {
    if sequence.len() > MAX_ROUTED_STOPS {
        return estimate(depot, lat, lon, sequence, road_factor);
    }
    let km = tour_km(depot, lat, lon, sequence) * road_factor;
    Route { sequence: sequence.to_vec(), km, approximate: false }
}

/// [`route_as_planned`] with each stop's latitude, longitude and [`cos_lat`] given together (`points`, by stop) and
/// the sequence moved in, not copied: the same km to the last bit, without a cosine per stop, and one place in
/// memory to read per stop rather than three (the stops of a round are scattered over the orders; at a million
/// orders, measuring the vans' and the bikes' rounds was about a twelfth of `consolidate` in wasm).
pub(crate) fn route_planned_with(
    depot: [f64; 2],
    lat: &[f64],
    lon: &[f64],
    points: &[[f64; 3]],
    sequence: Vec<usize>,
    road_factor: f64,
) -> Route {
    if sequence.len() > MAX_ROUTED_STOPS {
        return estimate(depot, lat, lon, &sequence, road_factor);
    }
    let km = tour_km_with(depot, &sequence, |s| points[s]) * road_factor;
    Route { sequence, km, approximate: false }
}

/// Great-circle km of depot → `sequence` → depot.
pub fn tour_km(depot: [f64; 2], lat: &[f64], lon: &[f64], sequence: &[usize]) -> f64 {
    tour_km_with(depot, sequence, |s| [lat[s], lon[s], cos_lat(lat[s])])
}

/// [`tour_km`], with stop s's latitude, longitude and [`cos_lat`] from `at(s)`.
#[inline(always)]
fn tour_km_with(depot: [f64; 2], sequence: &[usize], point: impl Fn(usize) -> [f64; 3]) -> f64 {
    // Each stop's latitude cosine once, for the legs to and from it.
    let mut km = 0.0;
    let depot_cos = cos_lat(depot[0]);
    let mut at = [depot[0], depot[1], depot_cos];
    for &s in sequence {
        let p = point(s);
        km += haversine_cos_km(at[0], at[1], at[2], p[0], p[1], p[2]);
        at = p;
    }
    km + haversine_cos_km(at[0], at[1], at[2], depot[0], depot[1], depot_cos)
}

/// The tour (positions into `points`, starting at 0) that always goes on to the nearest unvisited point.
fn nearest_neighbour(points: &[[f64; 3]]) -> Vec<usize> {
    let mut left: Vec<usize> = (1..points.len()).collect();
    let mut tour = Vec::with_capacity(points.len());
    tour.push(0);
    let mut at = 0;
    while !left.is_empty() {
        let mut best = (f64::INFINITY, 0);
        for (i, &p) in left.iter().enumerate() {
            let d = chord(&points[at], &points[p]);
            if d < best.0 {
                best = (d, i);
            }
        }
        at = left.swap_remove(best.1);
        tour.push(at);
    }
    tour
}

/// Neighbours each point considers for a move.
const NEIGHBOURS: usize = 10;
/// A move must shorten the tour by more than this share, so rounding cannot swap back and forth between equal tours.
const EPS: f64 = 1e-12;

/// Local search on the closed tour (position 0, the depot, stays first): 2-opt (reverse a stretch) and Or-opt (move
/// a run of 1–3 stops elsewhere, either way round), each tried only towards a point's [`NEIGHBOURS`] nearest, until
/// neither shortens the tour. Every move shortens it, so this ends; the sweep cap only bounds the time.
fn improve(points: &[[f64; 3]], tour: &mut Vec<usize>) {
    let m = tour.len();
    if m < 4 {
        return;
    }
    // All chord lengths, once (rounds have at most MAX_ROUTED_STOPS stops): the neighbour lists need every pair,
    // and the moves then look them up.
    let mut dist = vec![0.0; m * m];
    for a in 0..m {
        for b in a + 1..m {
            let d = chord(&points[a], &points[b]);
            dist[a * m + b] = d;
            dist[b * m + a] = d;
        }
    }
    let near = neighbours(&dist, m, NEIGHBOURS.min(m - 1));
    let mut pos = vec![0; m];
    set_positions(tour, &mut pos);
    for _ in 0..(2 * m).max(50) {
        let a = two_opt(&dist, &near, tour, &mut pos);
        let b = or_opt(&dist, &near, tour, &mut pos);
        if !a && !b {
            return;
        }
    }
}

fn set_positions(tour: &[usize], pos: &mut [usize]) {
    for (at, &p) in tour.iter().enumerate() {
        pos[p] = at;
    }
}

/// Each of the `m` points' `k` nearest others by the `m` × `m` distances `dist`, nearest first (ties by index),
/// each kept in a buffer of the best `k` so far, sorted by insertion (most points fail the first comparison with the
/// buffer's last; a sort per point made this O(m² log m) per round, a sixth of `consolidate` at 100k orders).
fn neighbours(dist: &[f64], m: usize, k: usize) -> Vec<Vec<usize>> {
    let mut best: Vec<(f64, usize)> = Vec::with_capacity(k + 1);
    (0..m)
        .map(|a| {
            best.clear();
            for (b, &d) in dist[a * m..(a + 1) * m].iter().enumerate() {
                // Indices come in increasing order, so an equal distance never displaces an earlier point.
                if b == a || (best.len() == k && d >= best[k - 1].0) {
                    continue;
                }
                let mut at = best.len();
                while at > 0 && best[at - 1].0 > d {
                    at -= 1;
                }
                if best.len() == k {
                    best.pop();
                }
                best.insert(at, (d, b));
            }
            best.iter().map(|o| o.1).collect()
        })
        .collect()
}

/// One 2-opt sweep. Edge k joins tour[k] and tour[k + 1] (the last one closes the tour at the depot); replacing
/// edges k1 < k2 with the two crossing ones is reversing tour[k1 + 1..=k2].
fn two_opt(dist: &[f64], near: &[Vec<usize>], tour: &mut [usize], pos: &mut [usize]) -> bool {
    let m = tour.len();
    let d = |a: usize, b: usize| dist[a * m + b];
    let mut improved = false;
    for i in 0..m {
        // New edge a–c, with c each of a's neighbours: joined to a's successor side or its predecessor side.
        for forward in [true, false] {
            let a = tour[i];
            let (ka, a2) = if forward { (i, tour[(i + 1) % m]) } else { ((i + m - 1) % m, tour[(i + m - 1) % m]) };
            let d_a = d(a, a2);
            for &c in &near[a] {
                let d_ac = d(a, c);
                if d_ac >= d_a {
                    break; // neighbours are sorted: no gain from here on
                }
                let pc = pos[c];
                let (kc, c2) =
                    if forward { (pc, tour[(pc + 1) % m]) } else { ((pc + m - 1) % m, tour[(pc + m - 1) % m]) };
                if ka == kc || c2 == a {
                    continue;
                }
                if d_ac + d(a2, c2) < (d_a + d(c, c2)) * (1.0 - EPS) {
                    let (k1, k2) = (ka.min(kc), ka.max(kc));
                    tour[k1 + 1..=k2].reverse();
                    for k in k1 + 1..=k2 {
                        pos[tour[k]] = k;
                    }
                    improved = true;
                    break;
                }
            }
        }
    }
    improved
}

/// One Or-opt sweep: each run of 1–3 stops is tried between a neighbour of its ends and that neighbour's
/// successor or predecessor, in either direction.
fn or_opt(dist: &[f64], near: &[Vec<usize>], tour: &mut Vec<usize>, pos: &mut [usize]) -> bool {
    let m = tour.len();
    let d = |a: usize, b: usize| dist[a * m + b];
    let mut improved = false;
    set_positions(tour, pos);
    for len in 1..=3.min(m - 2) {
        let mut i = 1;
        while i + len <= m {
            let (s0, s1) = (tour[i], tour[i + len - 1]);
            let (p, n) = (tour[i - 1], tour[(i + len) % m]);
            let gain = d(p, s0) + d(s1, n) - d(p, n);
            // Places where a new edge joins a run end x to one of its neighbours c (nearest first, and only while
            // that edge is shorter than what removing the run saves): between c and the stop after or before it,
            // in the tour without the run, the run turned so that x is next to c.
            let mut best: Option<(f64, usize, bool)> = None;
            for (x, y) in [(s0, s1), (s1, s0)] {
                for &c in &near[x] {
                    let d_cx = d(c, x);
                    if d_cx >= gain {
                        break;
                    }
                    if (i..i + len).contains(&pos[c]) {
                        continue;
                    }
                    let pc = pos[c];
                    let succ = tour[if (pc + 1) % m == i { (i + len) % m } else { (pc + 1) % m }];
                    let pred = tour[if pc == (i + len) % m { i - 1 } else { (pc + m - 1) % m }];
                    // After c: c, x, …, y, succ. Before c: pred, y, …, x, c.
                    for (a, b, after) in [(c, succ, true), (pred, c, false)] {
                        if a == b || (a == p && b == n) {
                            continue;
                        }
                        let cost = d_cx + if after { d(y, b) } else { d(a, y) } - d(a, b);
                        if cost < gain * (1.0 - EPS) - 1e-15 && best.is_none_or(|bst| cost < bst.0) {
                            // Inserted after `a`, reversed when the run then starts with s1.
                            let first = if after { x } else { y };
                            best = Some((cost, a, first == s1 && len > 1));
                        }
                    }
                }
            }
            if let Some((_, a, reversed)) = best {
                let mut run: Vec<usize> = tour.drain(i..i + len).collect();
                if reversed {
                    run.reverse();
                }
                let at = tour.iter().position(|&x| x == a).map_or(tour.len(), |k| k + 1);
                tour.splice(at..at, run);
                set_positions(tour, pos);
                improved = true;
            }
            i += 1;
        }
    }
    improved
}

/// The BHH estimate of a large round (see the module docs).
fn estimate(depot: [f64; 2], lat: &[f64], lon: &[f64], stops: &[usize], road_factor: f64) -> Route {
    let flat: Vec<f64> = stops.iter().flat_map(|&s| [lat[s], lon[s]]).collect();
    // The orders were checked to fit one local plane, so any subset does too.
    let plane = LocalPlane::around(&flat).unwrap_or(LocalPlane::with_origin(depot[0], depot[1]));
    let xy: Vec<[f64; 2]> = flat.chunks_exact(2).map(|p| plane.project(p[0], p[1])).collect();
    let hull = convex_hull(&xy);
    let (area, perimeter) = area_perimeter(&hull);
    let n = stops.len() as f64;
    let local = (BHH_BETA * (n * area).sqrt()).max(perimeter);
    let stem = stops.iter().map(|&s| haversine_km(depot[0], depot[1], lat[s], lon[s])).fold(f64::INFINITY, f64::min);
    // A drawing order: by angle around the hull's centre.
    let centre = hull.iter().fold([0.0, 0.0], |c, p| [c[0] + p[0], c[1] + p[1]]).map(|v| v / hull.len().max(1) as f64);
    let mut order: Vec<(f64, usize)> =
        xy.iter().zip(stops).map(|(p, &s)| ((p[1] - centre[1]).atan2(p[0] - centre[0]), s)).collect();
    sort_pairs(&mut order);
    Route {
        sequence: order.into_iter().map(|o| o.1).collect(),
        km: (2.0 * stem + local) * road_factor,
        approximate: true,
    }
}

/// Convex hull (Andrew's monotone chain), counter-clockwise, without collinear points.
pub fn convex_hull(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut p = hull_candidates(points);
    p.sort_unstable_by(|a, b| a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1])));
    p.dedup();
    if p.len() < 3 {
        return p;
    }
    let cross = |o: [f64; 2], a: [f64; 2], b: [f64; 2]| (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    let mut hull: Vec<[f64; 2]> = Vec::with_capacity(2 * p.len());
    // The lower chain left to right, then the upper chain back, each dropping points that do not turn left.
    let push = |hull: &mut Vec<[f64; 2]>, q: [f64; 2], floor: usize| {
        while hull.len() >= floor && cross(hull[hull.len() - 2], hull[hull.len() - 1], q) <= 0.0 {
            hull.pop();
        }
        hull.push(q);
    };
    for &q in &p {
        push(&mut hull, q, 2);
    }
    let floor = hull.len() + 1;
    for &q in p.iter().rev().skip(1) {
        push(&mut hull, q, floor);
    }
    hull.pop(); // the first point again
    hull
}

/// The points that may be on the convex hull: for many points, those not strictly inside the quadrilateral of the
/// leftmost, lowest, rightmost and highest (Akl & Toussaint 1978), so that only a few are sorted (sorting a million
/// points was a tenth of a second of `consolidate`). The hull of what is left is the same.
fn hull_candidates(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    if points.len() < 1_000 || points.iter().any(|p| !p[0].is_finite() || !p[1].is_finite()) {
        return points.to_vec();
    }
    let extreme =
        |key: &dyn Fn(&[f64; 2]) -> f64| *points.iter().min_by(|a, b| key(a).total_cmp(&key(b))).unwrap_or(&points[0]);
    // Counter-clockwise: lowest, rightmost, highest, leftmost.
    let quad = [extreme(&|p| p[1]), extreme(&|p| -p[0]), extreme(&|p| -p[1]), extreme(&|p| p[0])];
    let cross = |o: [f64; 2], a: [f64; 2], b: [f64; 2]| (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
    let inside = |q: &[f64; 2]| (0..4).all(|e| cross(quad[e], quad[(e + 1) % 4], *q) > 0.0);
    points.iter().filter(|q| !inside(q)).copied().collect()
}

/// Area (shoelace) and perimeter of a polygon; a segment's "perimeter" is twice its length.
pub fn area_perimeter(polygon: &[[f64; 2]]) -> (f64, f64) {
    let n = polygon.len();
    let (mut twice_area, mut perimeter) = (0.0, 0.0);
    for i in 0..n {
        let (a, b) = (polygon[i], polygon[(i + 1) % n]);
        twice_area += a[0] * b[1] - b[0] * a[1];
        perimeter += ((b[0] - a[0]).powi(2) + (b[1] - a[1]).powi(2)).sqrt();
    }
    (twice_area.abs() / 2.0, perimeter)
}

/// The least `cost` over every order of `n` items, by brute force: the known answer of the tests here and in the
/// round planner's.
#[cfg(test)]
pub(crate) fn least_over_orders(n: usize, cost: &dyn Fn(&[usize]) -> f64) -> f64 {
    fn permute(k: usize, seq: &mut Vec<usize>, best: &mut f64, cost: &dyn Fn(&[usize]) -> f64) {
        if k == seq.len() {
            *best = best.min(cost(seq));
            return;
        }
        for i in k..seq.len() {
            seq.swap(k, i);
            permute(k + 1, seq, best, cost);
            seq.swap(k, i);
        }
    }
    let mut best = f64::INFINITY;
    permute(0, &mut (0..n).collect(), &mut best, cost);
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every visiting order of the stops, the shortest by great-circle km.
    fn brute_force_km(depot: [f64; 2], lat: &[f64], lon: &[f64]) -> f64 {
        least_over_orders(lat.len(), &|s| tour_km(depot, lat, lon, s))
    }

    fn random_stops(rng: &mut crate::kmeans::Rng, n: usize) -> (Vec<f64>, Vec<f64>) {
        let lat = (0..n).map(|_| 51.45 + 0.1 * rng.next_f64()).collect();
        let lon = (0..n).map(|_| -0.2 + 0.15 * rng.next_f64()).collect();
        (lat, lon)
    }

    #[test]
    fn two_opt_is_within_5_percent_of_the_optimum_up_to_9_stops() {
        let mut rng = crate::kmeans::Rng::new(7);
        let mut worst: f64 = 0.0;
        for n in 1..=9 {
            for _ in 0..if n <= 7 { 20 } else { 4 } {
                let (lat, lon) = random_stops(&mut rng, n);
                let depot = [51.5 + 0.05 * rng.next_f64(), -0.1];
                let stops: Vec<usize> = (0..n).collect();
                let r = route(depot, &lat, &lon, &stops, 1.0);
                let mut seen = r.sequence.clone();
                seen.sort_unstable();
                assert_eq!(seen, stops, "every stop once");
                let best = brute_force_km(depot, &lat, &lon);
                assert!(r.km <= best * 1.05, "n = {n}: {} vs optimum {best}", r.km);
                worst = worst.max(r.km / best - 1.0);
            }
        }
        eprintln!("worst 2-opt gap over the optimum: {:.3}%", worst * 100.0);
    }

    #[test]
    fn a_square_is_walked_round_its_edges() {
        // Depot at one corner of a small square on the equator, stops at the other three.
        let d = 0.01;
        let (lat, lon) = ([d, d, 0.0], [d, 0.0, d]);
        let r = route([0.0, 0.0], &lat, &lon, &[0, 1, 2], 1.3);
        let side = haversine_km(0.0, 0.0, 0.0, d);
        let side_north = haversine_km(d, 0.0, d, d);
        assert!(matches!(r.sequence.as_slice(), [1, 0, 2] | [2, 0, 1]), "{:?}", r.sequence);
        let expected = (2.0 * side + side_north + haversine_km(d, 0.0, 0.0, 0.0)) * 1.3;
        assert!((r.km / expected - 1.0).abs() < 1e-9, "{} vs {expected}", r.km);
    }

    #[test]
    fn empty_and_single_rounds() {
        assert_eq!(route([0.0, 0.0], &[], &[], &[], 1.3).km, 0.0);
        let r = route([0.0, 0.0], &[0.0], &[0.01], &[0], 1.0);
        assert!((r.km - 2.0 * haversine_km(0.0, 0.0, 0.0, 0.01)).abs() < 1e-12);
    }

    #[test]
    fn bhh_estimate_is_near_the_routed_length_for_a_large_round() {
        let mut rng = crate::kmeans::Rng::new(3);
        let (lat, lon) = random_stops(&mut rng, 400);
        let depot = [51.5, -0.125];
        let stops: Vec<usize> = (0..400).collect();
        let estimated = route(depot, &lat, &lon, &stops, 1.0);
        assert!(estimated.approximate && estimated.sequence.len() == 400);
        let mut points = vec![unit(depot[0], depot[1])];
        points.extend(stops.iter().map(|&s| unit(lat[s], lon[s])));
        let mut tour = nearest_neighbour(&points);
        improve(&points, &mut tour);
        let seq: Vec<usize> = tour[1..].iter().map(|&p| p - 1).collect();
        let routed = tour_km(depot, &lat, &lon, &seq);
        // 2-opt tours are typically ~5% above the optimum, which BHH estimates.
        assert!((estimated.km / routed - 1.0).abs() < 0.15, "{} vs {routed}", estimated.km);
    }

    #[test]
    fn bhh_of_stops_on_a_line_is_at_least_there_and_back() {
        let n = MAX_ROUTED_STOPS + 1;
        let lat = vec![0.0; n];
        let lon: Vec<f64> = (0..n).map(|i| 0.01 + 0.0001 * i as f64).collect();
        let stops: Vec<usize> = (0..n).collect();
        let r = route([0.0, 0.0], &lat, &lon, &stops, 1.0);
        let exact = 2.0 * haversine_km(0.0, 0.0, 0.0, lon[n - 1]);
        assert!(r.approximate && (r.km / exact - 1.0).abs() < 1e-3, "{} vs {exact}", r.km);
    }

    #[test]
    fn hull_of_a_square_with_inner_points() {
        let pts = [[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0], [1.0, 1.0], [1.0, 0.0]];
        let hull = convex_hull(&pts);
        assert_eq!(hull.len(), 4);
        assert_eq!(area_perimeter(&hull), (4.0, 8.0));
        assert_eq!(area_perimeter(&convex_hull(&[[0.0, 0.0], [3.0, 0.0]])), (0.0, 6.0));
    }

    #[test]
    fn hull_prefilter_keeps_the_hull() {
        let mut rng = crate::kmeans::Rng::new(3);
        for n in [1_000, 5_000] {
            let pts: Vec<[f64; 2]> = (0..n)
                .map(|_| {
                    let (r, t) = (rng.next_f64().sqrt(), 6.3 * rng.next_f64());
                    [10.0 + r * t.cos(), -3.0 + 0.5 * r * t.sin()]
                })
                .collect();
            let candidates = hull_candidates(&pts);
            assert!(candidates.len() < n / 2, "{} of {n} kept", candidates.len());
            let hull = convex_hull(&pts);
            // Every point is inside or on the hull, and every hull vertex is one of the points.
            let cross =
                |o: [f64; 2], a: [f64; 2], b: [f64; 2]| (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
            for q in &pts {
                for e in 0..hull.len() {
                    assert!(cross(hull[e], hull[(e + 1) % hull.len()], *q) >= -1e-12);
                }
            }
            assert!(hull.iter().all(|h| pts.contains(h)));
        }
    }
}
