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
    /// Bounds on true (not squared) distances; empty when running plain Lloyd.
    upper: Vec<f64>,
    lower: Vec<f64>,
    accelerated: bool,
    /// No assignment yet: every point needs a full scan.
    fresh: bool,
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
        let bounds = if accelerated { data.n } else { 0 };
        State {
            k,
            centroids,
            labels: vec![0; data.n],
            upper: vec![f64::INFINITY; bounds],
            lower: vec![0.0; bounds],
            accelerated,
            fresh: true,
            evaluations: 0,
            lloyd_evaluations: 0,
        }
    }

    /// One Lloyd iteration: assign every point to its nearest centroid, re-seed empty clusters, move centroids.
    pub fn iterate(&mut self, data: &Data) -> Iteration {
        let mut changed = self.assign(data);
        let mut totals = self.sums(data);
        let relocated = self.relocate_empty(data, &totals.1);
        if relocated > 0 {
            changed += relocated;
            totals = self.sums(data);
        }
        let shift = self.update(data, totals);
        Iteration { changed, shift }
    }

    /// Assigns every point to its nearest centroid; returns how many labels changed.
    pub fn assign(&mut self, data: &Data) -> usize {
        with_dim!(data.d, D => self.assign_d::<D>(data))
    }

    fn assign_d<const D: usize>(&mut self, data: &Data) -> usize {
        let (d, k) = (data.d, self.k);
        let prune = self.accelerated && !self.fresh;
        let half_gap = if prune { self.half_gaps::<D>(d) } else { Vec::new() };
        let mut changed = 0;
        let mut evaluations = 0u64;
        for (i, x) in data.x.chunks_exact(d).enumerate() {
            let old = self.labels[i];
            if prune {
                let a = old as usize;
                let bound = half_gap[a].max(self.lower[i]);
                if self.upper[i] <= bound {
                    continue;
                }
                let upper = sq_dist::<D>(x, &self.centroids[a * d..a * d + d], d).sqrt();
                evaluations += 1;
                self.upper[i] = upper;
                if upper <= bound {
                    continue;
                }
            }
            let (label, d1, d2) = nearest_two::<D>(x, &self.centroids, d);
            evaluations += k as u64;
            if self.accelerated {
                self.upper[i] = d1.sqrt();
                self.lower[i] = d2.sqrt();
            }
            if label != old || self.fresh {
                changed += 1;
            }
            self.labels[i] = label;
        }
        self.fresh = false;
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
    fn relocate_empty(&mut self, data: &Data, weight: &[f64]) -> usize {
        let empty: Vec<usize> = (0..self.k).filter(|&j| weight[j] == 0.0).collect();
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
                self.upper[i] = f64::INFINITY;
                self.lower[i] = 0.0;
            }
        }
        farthest.len()
    }

    /// Weighted coordinate sums and total weight per cluster, in point order.
    fn sums(&self, data: &Data) -> (Vec<f64>, Vec<f64>) {
        let d = data.d;
        let mut sums = vec![0.0; self.k * d];
        let mut weight = vec![0.0; self.k];
        for (i, x) in data.x.chunks_exact(d).enumerate() {
            let a = self.labels[i] as usize;
            let w = data.weight(i);
            weight[a] += w;
            for (s, v) in sums[a * d..a * d + d].iter_mut().zip(x) {
                *s += w * v;
            }
        }
        (sums, weight)
    }

    /// Moves each centroid to the weighted mean of its points, widens the bounds by the moves, and returns the
    /// summed squared shift. A cluster with no weight keeps its centroid.
    fn update(&mut self, data: &Data, (sums, weight): (Vec<f64>, Vec<f64>)) -> f64 {
        let d = data.d;
        let mut moved = vec![0.0; self.k];
        let mut shift = 0.0;
        for j in 0..self.k {
            if weight[j] == 0.0 {
                continue;
            }
            let c = &mut self.centroids[j * d..j * d + d];
            let mut s = 0.0;
            for (c, sum) in c.iter_mut().zip(&sums[j * d..j * d + d]) {
                let new = sum / weight[j];
                s += (new - *c) * (new - *c);
                *c = new;
            }
            shift += s;
            moved[j] = s.sqrt();
        }
        if self.accelerated {
            // Every other centroid moved at most the largest move (the second largest for the one that moved most).
            let far = (0..self.k).fold(0, |b, j| if moved[j] > moved[b] { j } else { b });
            let second = (0..self.k).filter(|&j| j != far).map(|j| moved[j]).fold(0.0, f64::max);
            for (i, &a) in self.labels.iter().enumerate() {
                let a = a as usize;
                self.upper[i] += moved[a];
                self.lower[i] -= if a == far { second } else { moved[far] };
            }
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
