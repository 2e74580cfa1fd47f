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
use crate::kmeans::kernel::{nearest_two, sq_dist, with_dim};

/// The state of one run: centroids in the data's space, labels, and Hamerly's bounds.
#[derive(Debug, Clone)]
pub struct State {
    pub k: usize,
    pub centroids: Vec<f64>,
    pub labels: Vec<u32>,
    /// Per point, bounds on true (not squared) distances: [upper to its centroid, lower to any other]. Kept
    /// side by side so the assignment streams through one array.
    bounds: Vec<[f64; 2]>,
    accelerated: bool,
    /// No assignment yet: every point needs a full scan.
    fresh: bool,
    /// How far each centroid moved in the last update; the bounds absorb it during the next assignment, so
    /// that one pass over the points does both.
    moved: Vec<f64>,
    /// Weighted coordinate sums and total weight per cluster, gathered during the assignment.
    sums: Vec<f64>,
    weight: Vec<f64>,
    /// Point-to-centroid distances computed, and what plain Lloyd would have computed.
    pub evaluations: u64,
    pub lloyd_evaluations: u64,
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
            bounds: vec![[f64::INFINITY, 0.0]; data.n],
            accelerated,
            fresh: true,
            moved: vec![0.0; k],
            sums: vec![0.0; k * data.d],
            weight: vec![0.0; k],
            evaluations: 0,
            lloyd_evaluations: 0,
        }
    }

    /// One Lloyd iteration: assign every point to its nearest centroid, re-seed empty clusters, move centroids.
    pub fn iterate(&mut self, data: &Data) -> Iteration {
        let mut changed = self.assign(data);
        let relocated = self.relocate_empty(data);
        if relocated > 0 {
            changed += relocated;
            self.sum_clusters(data);
        }
        let shift = self.update(data);
        Iteration { changed, shift }
    }

    /// Assigns every point to its nearest centroid and gathers the cluster sums; returns how many labels changed.
    pub fn assign(&mut self, data: &Data) -> usize {
        with_dim!(data.d, D => self.assign_d::<D>(data))
    }

    fn assign_d<const D: usize>(&mut self, data: &Data) -> usize {
        let (d, k) = (data.d, self.k);
        let prune = self.accelerated && !self.fresh;
        let half_gap = if prune { self.half_gaps::<D>(d) } else { Vec::new() };
        // Every other centroid moved at most the largest move (the second largest, for the one that moved most).
        let far = (0..k).fold(0, |b, j| if self.moved[j] > self.moved[b] { j } else { b });
        let far_move = self.moved[far];
        let second_move = (0..k).filter(|&j| j != far).map(|j| self.moved[j]).fold(0.0, f64::max);
        let State { centroids, labels, bounds, moved, sums, weight, fresh, .. } = self;
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        let soa = if D == 2 { crate::kmeans::kernel::simd::split_xy(centroids) } else { Vec::new() };
        let scan = |x: &[f64]| {
            #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
            if D == 2 {
                return crate::kmeans::kernel::simd::nearest_two(x, &soa);
            }
            nearest_two::<D>(x, centroids, d)
        };
        sums.fill(0.0);
        weight.fill(0.0);
        let mut changed = 0;
        let mut evaluations = 0u64;
        let points = data.x.chunks_exact(d).zip(labels.iter_mut()).zip(bounds.iter_mut()).enumerate();
        for (i, ((x, label), [upper, lower])) in points {
            let old = *label;
            if prune {
                let a = old as usize;
                *upper += moved[a];
                *lower -= if a == far { second_move } else { far_move };
                let bound = half_gap[a].max(*lower);
                if *upper > bound {
                    *upper = sq_dist::<D>(x, &centroids[a * d..a * d + d], d).sqrt();
                    evaluations += 1;
                    if *upper > bound {
                        let (nearest, d1, d2) = scan(x);
                        evaluations += k as u64;
                        (*label, *upper, *lower) = (nearest, d1.sqrt(), d2.sqrt());
                    }
                }
            } else {
                let (nearest, d1, d2) = scan(x);
                evaluations += k as u64;
                (*label, *upper, *lower) = (nearest, d1.sqrt(), d2.sqrt());
            }
            if *label != old || *fresh {
                changed += 1;
            }
            let (w, a) = (data.weight(i), *label as usize);
            weight[a] += w;
            for (s, v) in sums[a * d..a * d + d].iter_mut().zip(x) {
                *s += w * v;
            }
        }
        self.fresh = false;
        self.moved.fill(0.0);
        self.evaluations += evaluations;
        self.lloyd_evaluations += (data.n * k) as u64;
        changed
    }

    /// Half the distance from each centroid to its nearest other centroid.
    fn half_gaps<const D: usize>(&self, d: usize) -> Vec<f64> {
        let c = &self.centroids;
        let mut gap = vec![f64::INFINITY; self.k];
        for a in 0..self.k {
            for b in a + 1..self.k {
                let s = sq_dist::<D>(&c[a * d..a * d + d], &c[b * d..b * d + d], d);
                gap[a] = gap[a].min(s);
                gap[b] = gap[b].min(s);
            }
        }
        gap.iter().map(|s| s.sqrt() / 2.0).collect()
    }

    /// Gives each cluster with no weight the farthest point from its own centroid (scikit-learn's rule), so no
    /// centroid is left stranded. Returns how many points moved.
    fn relocate_empty(&mut self, data: &Data) -> usize {
        let empty: Vec<usize> = (0..self.k).filter(|&j| self.weight[j] == 0.0).collect();
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
            let full = farthest.len() == empty.len();
            if dist == 0.0 || full && farthest.last().is_some_and(|f| dist <= f.0) {
                continue;
            }
            let at = farthest.partition_point(|f| f.0 >= dist);
            farthest.insert(at, (dist, i));
            farthest.truncate(empty.len());
        }
        for (&j, &(_, i)) in empty.iter().zip(&farthest) {
            // The centroid itself moves in `update`, so the bounds account for the move.
            self.labels[i] = j as u32;
            if self.accelerated {
                // Force a full scan next time: its bounds refer to the old cluster.
                self.bounds[i] = [f64::INFINITY, 0.0];
            }
        }
        farthest.len()
    }

    /// Recomputes the cluster sums from the labels, in point order (as the assignment does).
    fn sum_clusters(&mut self, data: &Data) {
        let d = data.d;
        self.sums.fill(0.0);
        self.weight.fill(0.0);
        for (i, x) in data.x.chunks_exact(d).enumerate() {
            let (w, a) = (data.weight(i), self.labels[i] as usize);
            self.weight[a] += w;
            for (s, v) in self.sums[a * d..a * d + d].iter_mut().zip(x) {
                *s += w * v;
            }
        }
    }

    /// Moves each centroid to the weighted mean of its points and returns the summed squared shift. A cluster
    /// with no weight keeps its centroid.
    fn update(&mut self, data: &Data) -> f64 {
        let d = data.d;
        let mut shift = 0.0;
        for j in 0..self.k {
            if self.weight[j] == 0.0 {
                continue;
            }
            let mut s = 0.0;
            for (c, sum) in self.centroids[j * d..j * d + d].iter_mut().zip(&self.sums[j * d..j * d + d]) {
                let new = sum / self.weight[j];
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
