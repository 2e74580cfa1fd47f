//! Lloyd's iterations, accelerated with Hamerly's bounds (Hamerly 2010, "Making k-means even faster").
//!
//! Each point keeps an upper bound on the distance to its centroid and a lower bound on the distance to every
//! other centroid. When the upper bound is below both the lower bound and half the gap from its centroid to the
//! nearest other centroid, the point provably keeps its label and no distance is computed. Hamerly needs only
//! two bounds per point (Elkan needs k), which in 2-D is both faster and small enough for a browser tab.
//!
//! Results equal plain Lloyd's from the same start: labels are the same argmin (lowest index on ties), and
//! centroids are recomputed from all points in the same order every iteration.

use crate::kmeans::data::Data;
use crate::kmeans::kernel::{nearest_two, sq_dist, with_dim, Grid, Neighbours};

/// The state of one run: centroids in the data's space, labels, and Hamerly's bounds.
#[derive(Debug, Clone)]
pub struct State {
    pub k: usize,
    pub centroids: Vec<f64>,
    pub labels: Vec<u32>,
    /// Per point, Hamerly's bounds as of the pass that last computed them.
    bounds: Vec<Bounds>,
    accelerated: bool,
    /// No assignment yet: every point needs a full scan.
    fresh: bool,
    /// How far each centroid moved in the last update.
    moved: Vec<f64>,
    /// Per assignment pass t and cluster a: [total move of centroid a before pass t, total of the largest
    /// move of any other centroid before pass t]. A point's bounds from pass e are brought to pass t by the
    /// difference of two rows, so a point whose bounds still hold is only read, never written.
    drift: Vec<[f64; 2]>,
    /// Per-cluster sums, kept up to date as points change cluster.
    totals: Totals,
    /// Point-to-centroid distances computed, and what plain Lloyd would have computed.
    pub evaluations: u64,
    pub lloyd_evaluations: u64,
}

/// Bounds on true (not squared) distances, as of assignment pass `epoch`: `upper` to the point's centroid,
/// `lower` to every other centroid. Each is kept as the high 32 bits of its f64 (sign, exponent and 20 bits of
/// mantissa, about six digits), rounded outwards, so a million points need 12 MB rather than 24; the bounds only
/// decide which distances to compute, never a label. Integer shifts rather than f32: V8 compiles f32 ↔ f64
/// conversions to instructions that depend on their target register's old value, which chained the loop's
/// iterations and made it twice as slow.
#[derive(Debug, Clone, Copy)]
struct Bounds {
    upper: u32,
    lower: u32,
    epoch: u32,
}

impl Bounds {
    /// No bounds yet (upper infinite): the point will be measured.
    const UNKNOWN: Bounds = Bounds { upper: (f64::INFINITY.to_bits() >> 32) as u32, lower: 0, epoch: 0 };

    /// For non-negative floats the bits order like the values, so dropping the low half rounds down, and
    /// adding one to the high half when the low half is not zero rounds up (to infinity past the largest).
    #[inline(always)]
    fn new(upper: f64, lower: f64, epoch: u32) -> Self {
        let lower = if lower > 0.0 { lower } else { 0.0 };
        let (up, down) = (upper.to_bits(), lower.to_bits());
        Bounds { upper: (up >> 32) as u32 + (up as u32 != 0) as u32, lower: (down >> 32) as u32, epoch }
    }

    #[inline(always)]
    fn upper(&self) -> f64 {
        f64::from_bits((self.upper as u64) << 32)
    }

    #[inline(always)]
    fn lower(&self) -> f64 {
        f64::from_bits((self.lower as u64) << 32)
    }
}

/// Points per call of [`Pass::block`]. V8 swaps in optimised wasm code only when a function is next called, so
/// one long loop over a million points would run its first pass in the baseline tier (2–4× slower); blocks let
/// the optimised code take over after a few milliseconds.
const BLOCK: usize = 1 << 14;

/// One assignment pass: what every point needs, borrowed once.
struct Pass<'a, const D: usize> {
    d: usize,
    fresh: bool,
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    soa: Vec<f64>,
    centroids: &'a [f64],
    /// Each centroid's neighbours by distance (accelerated runs only).
    neighbours: Option<Neighbours>,
    /// On an accelerated first pass in 2-D, a guess of each point's nearest centroid.
    grid: Option<Grid>,
    /// Per cluster, half the gap to its nearest other centroid.
    half_gap: Vec<f64>,
    /// `State::drift`, and this pass's number.
    drift: &'a [[f64; 2]],
    pass: u32,
    totals: &'a mut Totals,
    changed: usize,
    evaluations: u64,
}

impl<const D: usize> Pass<'_, D> {
    #[inline(never)]
    fn block(&mut self, x: &[f64], labels: &mut [u32], bounds: &mut [Bounds], weights: Option<&[f64]>) {
        match weights {
            None => self.points(x, labels, bounds, std::iter::repeat(1.0)),
            Some(w) => self.points(x, labels, bounds, w.iter().copied()),
        }
    }

    /// Monomorphised for weighted and unweighted data: it runs once per point per iteration.
    #[inline(always)]
    fn points(&mut self, x: &[f64], labels: &mut [u32], bounds: &mut [Bounds], weights: impl Iterator<Item = f64>) {
        let (d, k) = (self.d, self.half_gap.len());
        let now = &self.drift[self.pass as usize * k..][..k];
        let points = x.chunks_exact(d).zip(labels.iter_mut()).zip(bounds.iter_mut()).zip(weights);
        for (((x, label), bounds), w) in points {
            let old = *label;
            if let Some(neighbours) = &self.neighbours {
                let (a, s) = if self.fresh {
                    // First pass: start from the grid's guess (or any centroid, beyond 2-D).
                    let a = self.grid.as_ref().map_or(0, |grid| grid.guess(x));
                    (a, sq_dist::<D>(x, &self.centroids[a * d..a * d + d], d))
                } else {
                    let a = old as usize;
                    let then = self.drift[bounds.epoch as usize * k + a];
                    let upper = bounds.upper() + (now[a][0] - then[0]);
                    let lower = bounds.lower() - (now[a][1] - then[1]);
                    // Plain comparisons: wasm's f64.max must handle NaN and -0, which costs several instructions.
                    let bound = if self.half_gap[a] > lower { self.half_gap[a] } else { lower };
                    // Strict: on a tie the full scan must decide, as the lowest index wins.
                    if upper < bound {
                        continue;
                    }
                    let s = sq_dist::<D>(x, &self.centroids[a * d..a * d + d], d);
                    if s.sqrt() < bound {
                        *bounds = Bounds::new(s.sqrt(), lower, self.pass);
                        self.evaluations += 1;
                        continue;
                    }
                    (a, s)
                };
                let (nearest, d1, d2, evaluated) = neighbours.nearest_two::<D>(x, a, s);
                self.evaluations += 1 + evaluated;
                *label = nearest;
                *bounds = Bounds::new(d1.sqrt(), d2.sqrt(), self.pass);
            } else {
                let (nearest, d1, d2) = self.scan(x);
                self.evaluations += k as u64;
                *label = nearest;
                *bounds = Bounds::new(d1.sqrt(), d2.sqrt(), self.pass);
            }
            // Only points that change cluster touch the sums, so a point whose bounds hold costs no read of x.
            if self.fresh {
                self.changed += 1;
                self.totals.add(*label, x, w);
            } else if *label != old {
                self.changed += 1;
                self.totals.remove(old, x, w);
                self.totals.add(*label, x, w);
            }
        }
    }

    #[inline(always)]
    fn scan(&self, x: &[f64]) -> (u32, f64, f64) {
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        if D == 2 {
            return crate::kmeans::kernel::simd::nearest_two(x, &self.soa);
        }
        nearest_two::<D>(x, self.centroids, self.d)
    }
}

/// Weighted coordinate sums, total weight, and the number of points with positive weight, per cluster.
#[derive(Debug, Clone)]
struct Totals {
    d: usize,
    sums: Vec<f64>,
    weight: Vec<f64>,
    members: Vec<u64>,
}

impl Totals {
    fn new(k: usize, d: usize) -> Self {
        Totals { d, sums: vec![0.0; k * d], weight: vec![0.0; k], members: vec![0; k] }
    }

    #[inline(always)]
    fn add(&mut self, cluster: u32, x: &[f64], w: f64) {
        if w > 0.0 {
            let (j, d) = (cluster as usize, self.d);
            self.members[j] += 1;
            self.weight[j] += w;
            self.sums[j * d..j * d + d].iter_mut().zip(x).for_each(|(s, v)| *s += w * v);
        }
    }

    #[inline(always)]
    fn remove(&mut self, cluster: u32, x: &[f64], w: f64) {
        if w > 0.0 {
            let (j, d) = (cluster as usize, self.d);
            self.members[j] -= 1;
            if self.members[j] == 0 {
                // Exactly empty, with no rounding residue left behind by the subtractions.
                self.weight[j] = 0.0;
                self.sums[j * d..j * d + d].fill(0.0);
            } else {
                self.weight[j] -= w;
                self.sums[j * d..j * d + d].iter_mut().zip(x).for_each(|(s, v)| *s -= w * v);
            }
        }
    }

    fn of(&self, j: usize) -> (&[f64], f64) {
        (&self.sums[j * self.d..(j + 1) * self.d], self.weight[j])
    }
}

/// What one iteration did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Iteration {
    /// Points whose label changed (all of them on the first iteration).
    pub changed: usize,
    /// Sum over centroids of the squared distance each moved.
    pub shift: f64,
}

impl State {
    pub fn new(centroids: Vec<f64>, data: &Data, accelerated: bool) -> Self {
        let k = centroids.len() / data.d;
        State {
            k,
            centroids,
            labels: vec![0; data.n],
            bounds: vec![Bounds::UNKNOWN; data.n],
            accelerated,
            fresh: true,
            moved: vec![0.0; k],
            drift: Vec::new(),
            totals: Totals::new(k, data.d),
            evaluations: 0,
            lloyd_evaluations: 0,
        }
    }

    /// One Lloyd iteration: assign every point to its nearest centroid, re-seed empty clusters, move centroids.
    pub fn iterate(&mut self, data: &Data) -> Iteration {
        let changed = self.assign(data) + self.relocate_empty(data);
        let shift = self.update(data);
        Iteration { changed, shift }
    }

    /// Assigns every point to its nearest centroid and gathers the cluster sums; returns how many labels changed.
    pub fn assign(&mut self, data: &Data) -> usize {
        with_dim!(data.d, D => self.assign_d::<D>(data))
    }

    fn assign_d<const D: usize>(&mut self, data: &Data) -> usize {
        let (d, k) = (data.d, self.k);
        let neighbours = self.accelerated.then(|| Neighbours::new(&self.centroids, d));
        let grid = (self.accelerated && self.fresh && d == 2).then(|| Grid::new(&data.x, &self.centroids));
        let half_gap = (0..k).map(|a| neighbours.as_ref().map_or(0.0, |n| n.half_gap(a))).collect();
        let pass = self.record_drift();
        let mut pass = Pass::<D> {
            d,
            fresh: self.fresh,
            #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
            soa: if D == 2 { crate::kmeans::kernel::simd::split_xy(&self.centroids) } else { Vec::new() },
            centroids: &self.centroids,
            neighbours,
            grid,
            half_gap,
            drift: &self.drift,
            pass,
            totals: &mut self.totals,
            changed: 0,
            evaluations: 0,
        };
        let blocks = data.x.chunks(BLOCK * d).zip(self.labels.chunks_mut(BLOCK)).zip(self.bounds.chunks_mut(BLOCK));
        for (block, ((x, labels), bounds)) in blocks.enumerate() {
            let weights = data.weights.as_deref().map(|w| &w[block * BLOCK..block * BLOCK + labels.len()]);
            pass.block(x, labels, bounds, weights);
        }
        let (changed, evaluations) = (pass.changed, pass.evaluations);
        self.fresh = false;
        self.evaluations += evaluations;
        self.lloyd_evaluations += (data.n * k) as u64;
        changed
    }

    /// Appends the drift row of a new assignment pass: the previous row plus the centroids' moves since, which
    /// are then zeroed. Every other centroid moved at most the largest move (the second largest, for the
    /// centroid that moved most). Returns the new pass's number.
    fn record_drift(&mut self) -> u32 {
        let k = self.k;
        let far = (0..k).fold(0, |b, j| if self.moved[j] > self.moved[b] { j } else { b });
        let second = (0..k).filter(|&j| j != far).map(|j| self.moved[j]).fold(0.0, f64::max);
        let last = self.drift.len().saturating_sub(k);
        for a in 0..k {
            let [own, others] = self.drift.get(last + a).copied().unwrap_or([0.0; 2]);
            let others_moved = if a == far { second } else { self.moved[far] };
            self.drift.push([own + self.moved[a], others + others_moved]);
        }
        self.moved.fill(0.0);
        (self.drift.len() / k - 1) as u32
    }

    /// Gives each cluster with no weight the farthest point from its own centroid (scikit-learn's rule), so no
    /// centroid is left stranded. Returns how many points moved.
    fn relocate_empty(&mut self, data: &Data) -> usize {
        let empty: Vec<usize> = (0..self.k).filter(|&j| self.totals.members[j] == 0).collect();
        if empty.is_empty() {
            return 0;
        }
        // The farthest points with positive weight, farthest first.
        let d = data.d;
        let mut farthest: Vec<(f64, usize)> = Vec::with_capacity(empty.len() + 1);
        for (i, x) in data.x.chunks_exact(d).enumerate() {
            if data.weight(i) == 0.0 {
                continue;
            }
            let a = self.labels[i] as usize;
            let dist = sq_dist::<0>(x, &self.centroids[a * d..a * d + d], d);
            // Farthest first; on a tie, the lower input index (the points may have been reordered).
            let ahead = |f: &(f64, usize)| f.0 > dist || f.0 == dist && data.input_index(f.1) < data.input_index(i);
            let full = farthest.len() == empty.len();
            if dist == 0.0 || full && farthest.last().is_some_and(ahead) {
                continue;
            }
            let at = farthest.partition_point(ahead);
            farthest.insert(at, (dist, i));
            farthest.truncate(empty.len());
        }
        for (&j, &(_, i)) in empty.iter().zip(&farthest) {
            // The centroid itself moves in `update`, so the bounds account for the move.
            let (x, w) = (&data.x[i * d..i * d + d], data.weight(i));
            self.totals.remove(self.labels[i], x, w);
            self.totals.add(j as u32, x, w);
            self.labels[i] = j as u32;
            if self.accelerated {
                // Force a full scan next time: its bounds refer to the old cluster.
                self.bounds[i] = Bounds::UNKNOWN;
            }
        }
        farthest.len()
    }

    /// Moves each centroid to the weighted mean of its points and returns the summed squared shift. A cluster
    /// with no weight keeps its centroid.
    fn update(&mut self, data: &Data) -> f64 {
        let d = data.d;
        let mut shift = 0.0;
        for j in 0..self.k {
            let (sums, weight) = self.totals.of(j);
            if weight <= 0.0 {
                continue;
            }
            let mut s = 0.0;
            for (c, sum) in self.centroids[j * d..j * d + d].iter_mut().zip(sums) {
                let new = sum / weight;
                s += (new - *c) * (new - *c);
                *c = new;
            }
            shift += s;
            self.moved[j] = s.sqrt();
        }
        shift
    }

    /// Σ weight × squared distance of each point to its labelled centroid.
    pub fn inertia(&self, data: &Data) -> f64 {
        let d = data.d;
        data.x
            .chunks_exact(d)
            .enumerate()
            .map(|(i, x)| {
                let a = self.labels[i] as usize;
                data.weight(i) * sq_dist::<0>(x, &self.centroids[a * d..a * d + d], d)
            })
            .sum()
    }

    /// Cluster sizes (points) and total weights.
    pub fn cluster_sizes(&self, data: &Data) -> (Vec<u32>, Vec<f64>) {
        let mut sizes = vec![0u32; self.k];
        let mut weights = vec![0.0; self.k];
        for (i, &a) in self.labels.iter().enumerate() {
            sizes[a as usize] += 1;
            weights[a as usize] += data.weight(i);
        }
        (sizes, weights)
    }
}
