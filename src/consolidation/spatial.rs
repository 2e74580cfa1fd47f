//! Planar spatial helpers shared by the round planner ([`plan`](super::plan)), the grouping into rounds
//! ([`rounds`](super::rounds)) and the scenarios: an order along a Hilbert curve (neighbours on the map are
//! neighbours in memory) and a uniform grid for nearest-point queries. They depend on nothing else in the crate, so
//! the planner and the modules that call it no longer import each other.

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
    // Keys are below SIDE² = 2^32. Sorted by key, then index: a stable radix sort of (key, index) in index order
    // (at a million stops, comparison sorting was about a twentieth of `consolidate`).
    let keys: Vec<u32> =
        xy.iter().map(|p| hilbert(SIDE, ((p[0] - x0) * scale) as u32, ((p[1] - y0) * scale) as u32) as u32).collect();
    radix_order(&keys)
}

/// The indices of `keys` in order of key, ties in index order: a least-significant-digit radix sort in two passes
/// of 16 bits (`keys` fewer than 2^32).
fn radix_order(keys: &[u32]) -> Vec<usize> {
    const BITS: u32 = 16;
    const MASK: u32 = (1 << BITS) - 1;
    let n = keys.len();
    // Two counts of 2^16 each, made on the heap: `vec![[0u32; 1 << BITS]; 2]` builds each 256 KB array on the stack
    // first, which overflowed the 1 MB wasm stack in a debug build (tests/wasm_api.rs).
    let mut counts = vec![vec![0u32; 1 << BITS]; 2];
    for &k in keys {
        counts[0][(k & MASK) as usize] += 1;
        counts[1][(k >> BITS) as usize] += 1;
    }
    for c in counts.iter_mut() {
        let mut sum = 0;
        for a in c.iter_mut() {
            (*a, sum) = (sum, sum + *a);
        }
    }
    // First pass by the low half into `by_low`, then by the high half, which keeps the low half's order.
    let mut by_low = vec![0u32; n];
    for (i, &k) in keys.iter().enumerate() {
        let at = &mut counts[0][(k & MASK) as usize];
        by_low[*at as usize] = i as u32;
        *at += 1;
    }
    let mut order = vec![0usize; n];
    for &i in &by_low {
        let at = &mut counts[1][(keys[i as usize] >> BITS) as usize];
        order[*at as usize] = i as usize;
        *at += 1;
    }
    order
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

/// The larger and the smaller of two numbers (not NaN): `f64::max` and `min` are calls in wasm (`fmax`, `fmin`, for
/// their NaN rule), a hundredth of `consolidate` at a million orders when the nearest-point queries used them.
#[inline(always)]
fn larger(a: f64, b: f64) -> f64 {
    if a > b {
        a
    } else {
        b
    }
}

#[inline(always)]
fn smaller(a: f64, b: f64) -> f64 {
    if a < b {
        a
    } else {
        b
    }
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
            let m = smaller(smaller(q[0] - ax, ax + self.cell - q[0]), smaller(q[1] - ay, ay + self.cell - q[1]));
            larger(m - 1e-9 * self.cell, 0.0)
        } else {
            0.0
        };
        let max_ring = self.nx.max(self.ny) as isize + 2;
        // How far q is from the cells of column x (row y), less a little against rounding: once `found` is full, a
        // row or a cell farther than its last is skipped unscanned (the ring's corners, mostly). The last column
        // and row reach on without end, since the grid's size is capped.
        let slack = 1e-9 * self.cell;
        let gap = |at: isize, last: usize, origin: f64, v: f64| {
            let lo = origin + at as f64 * self.cell;
            let hi = if at as usize == last { f64::INFINITY } else { lo + self.cell };
            larger(larger(lo - v, v - hi) - slack, 0.0)
        };
        // Squared distances until the end, when they become distances.
        for r in 0..=max_ring {
            for y in cy - r..=cy + r {
                if y < 0 || y >= self.ny as isize {
                    continue;
                }
                let gy = gap(y, self.ny - 1, self.y0, q[1]);
                if found.len() == l && gy * gy > found[l - 1].0 {
                    continue;
                }
                let on_edge = y == cy - r || y == cy + r;
                let step = if on_edge { 1 } else { (2 * r).max(1) as usize };
                for x in (cx - r..=cx + r).step_by(step) {
                    if x < 0 || x >= self.nx as isize {
                        continue;
                    }
                    if found.len() == l && r > 0 {
                        let gx = gap(x, self.nx - 1, self.x0, q[0]);
                        if gx * gx + gy * gy > found[l - 1].0 {
                            continue;
                        }
                    }
                    let c = y as usize * self.nx + x as usize;
                    for &i in &self.items[self.start[c]..self.start[c + 1]] {
                        let d = sq_dist(q, points[i]);
                        // (i + shift) % n without a division (i < n, shift ≤ n), once per candidate.
                        let cyclic = |i: usize| if i + shift >= n { i + shift - n } else { i + shift };
                        if found.len() == l {
                            let worst = found[l - 1];
                            if d > worst.0 || (d == worst.0 && cyclic(i) > worst.1) {
                                continue;
                            }
                        }
                        let key = cyclic(i);
                        // Insert in order of (distance, key): keys are distinct, so this is a total order. In
                        // place of the last (when full), the larger ones moved up one by one: no memmove call
                        // (slow in wasm).
                        let mut at = if found.len() == l {
                            l - 1
                        } else {
                            found.push((d, key, i));
                            found.len() - 1
                        };
                        while at > 0 && (found[at - 1].0 > d || (found[at - 1].0 == d && found[at - 1].1 > key)) {
                            found[at] = found[at - 1];
                            at -= 1;
                        }
                        found[at] = (d, key, i);
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

    /// The radix sort orders as a comparison sort of (key, index) does.
    #[test]
    fn radix_order_sorts_by_key_then_index() {
        let mut rng = Rng::new(5);
        for n in [0, 1, 2, 1000, 70_000] {
            // Few distinct keys over all 32 bits, so that ties and both passes are exercised.
            let distinct: Vec<u32> = (0..40).map(|_| rng.next_u64() as u32).collect();
            let keys: Vec<u32> = (0..n).map(|_| distinct[rng.below(40)]).collect();
            let mut expected: Vec<usize> = (0..n).collect();
            expected.sort_by_key(|&i| (keys[i], i));
            assert_eq!(radix_order(&keys), expected);
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
