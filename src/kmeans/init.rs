//! Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with scikit-learn's greedy trials), on the tree.
//!
//! Each point keeps its squared distance to the nearest centre chosen so far, and each tree node the weighted
//! sum of those distances (its share of the potential) and their largest. A candidate centre can only lower the
//! distances of points nearer to it than to their centre, so a node whose box is at least its largest distance
//! away from the candidate keeps its sum as it is: a new centre touches little more than its own neighbourhood,
//! instead of every point. Drawing a point with probability ∝ weight × distance descends the tree by the sums.

use std::cell::Cell;

use crate::error::{Error, Result};
use crate::kmeans::data::Data;
use crate::kmeans::kernel::{dim, sq_dist, with_dim};
use crate::kmeans::limits::Meter;
use crate::kmeans::rng::Rng;
use crate::kmeans::tree::Tree;

/// `k` initial centroids, row-major, in the data's space (`data` in the tree's order). The distances and box tests
/// it computes are spent on `meter` (field `k`).
pub fn kmeans_plus_plus(data: &Data, tree: &Tree, k: usize, rng: &mut Rng, meter: &mut Meter) -> Result<Vec<f64>> {
    with_dim!(data.d, D => Seeding::<D>::new(data, tree).run(k, rng, meter))
}

struct Seeding<'a, const D: usize> {
    data: &'a Data<'a>,
    tree: &'a Tree,
    /// Per point, the squared distance to the nearest chosen centre.
    closest: Vec<f64>,
    /// Per node, Σ weight × `closest` over its points, and the largest `closest`.
    mass: Vec<f64>,
    reach: Vec<f64>,
    /// Distances and box tests computed since the meter was last told.
    evaluations: Cell<u64>,
}

impl<'a, const D: usize> Seeding<'a, D> {
    fn new(data: &'a Data<'a>, tree: &'a Tree) -> Self {
        let nodes = tree.nodes();
        Seeding {
            data,
            tree,
            closest: vec![f64::INFINITY; data.n],
            mass: vec![f64::INFINITY; nodes],
            reach: vec![f64::INFINITY; nodes],
            evaluations: Cell::new(0),
        }
    }

    fn run(mut self, k: usize, rng: &mut Rng, meter: &mut Meter) -> Result<Vec<f64>> {
        let d = dim::<D>(self.data.d);
        let trials = 2 + (k as f64).ln() as usize;
        let mut centroids = Vec::with_capacity(k * d);
        // First centre: a point drawn with probability ∝ weight.
        let target = rng.next_f64() * self.tree.totals(0).1;
        let first = self.draw(target, |node| self.tree.totals(node).1, |i| self.data.weight(i));
        self.choose(first, &mut centroids);
        for _ in 1..k {
            let potential = self.mass[0];
            if potential <= 0.0 {
                // Every point with weight sits on a chosen centre: fewer distinct points than k.
                let distinct = centroids.len() / d;
                return Err(Error::invalid(
                    "k",
                    format!("{k} is more than the number of distinct points with positive weight ({distinct})"),
                ));
            }
            let picked: Vec<usize> = (0..trials)
                .map(|_| {
                    let target = rng.next_f64() * potential;
                    self.draw(target, |node| self.mass[node], |i| self.point_mass(i, self.closest[i]))
                })
                .collect();
            // The candidate that leaves the lowest potential (the first on a tie).
            let mut best = (f64::INFINITY, picked[0]);
            for &i in &picked {
                let left = self.potential(0, self.point(i));
                if left < best.0 {
                    best = (left, i);
                }
            }
            self.choose(best.1, &mut centroids);
            meter.spend(self.evaluations.take(), d, 0, "k")?;
        }
        Ok(centroids)
    }

    fn point(&self, i: usize) -> &'a [f64] {
        let d = dim::<D>(self.data.d);
        &self.data.x[i * d..i * d + d]
    }

    /// A point's share of the potential; a point without weight has none, however far.
    #[inline(always)]
    fn point_mass(&self, i: usize, sq: f64) -> f64 {
        let w = self.data.weight(i);
        if w > 0.0 {
            w * sq
        } else {
            0.0
        }
    }

    /// Squared distance from `c` to the nearest point of `node`'s box.
    #[inline(always)]
    fn box_sq_dist(&self, node: usize, c: &[f64]) -> f64 {
        self.evaluations.set(self.evaluations.get() + 1);
        let (lo, hi) = self.tree.bounds(node);
        let mut s = 0.0;
        for t in 0..dim::<D>(self.data.d) {
            let gap = if c[t] < lo[t] {
                lo[t] - c[t]
            } else if c[t] > hi[t] {
                c[t] - hi[t]
            } else {
                0.0
            };
            s += gap * gap;
        }
        s
    }

    /// The point where the cumulative mass, in the tree's order, first exceeds `target`: each node is passed
    /// over whole by its total. Rounding can leave the target unmatched in the leaf it reaches; the leaf's last
    /// point with mass is taken then.
    fn draw(&self, mut target: f64, node_mass: impl Fn(usize) -> f64, point_mass: impl Fn(usize) -> f64) -> usize {
        let mut node = 0;
        while let Some((left, right)) = self.tree.children(node) {
            let on_left = node_mass(left);
            node = if target < on_left || node_mass(right) <= 0.0 {
                left
            } else {
                target -= on_left;
                right
            };
        }
        let range = self.tree.range(node);
        let mut last = range.start;
        for i in range {
            let m = point_mass(i);
            if m > 0.0 {
                if target < m {
                    return i;
                }
                target -= m;
                last = i;
            }
        }
        last
    }

    /// Σ weight × squared distance to the nearest of the chosen centres and `c`, over `node`'s points.
    fn potential(&self, node: usize, c: &[f64]) -> f64 {
        if self.box_sq_dist(node, c) >= self.reach[node] {
            return self.mass[node];
        }
        match self.tree.children(node) {
            Some((left, right)) => self.potential(left, c) + self.potential(right, c),
            None => {
                let range = self.tree.range(node);
                self.evaluations.set(self.evaluations.get() + range.len() as u64);
                range
                    .map(|i| self.point_mass(i, self.closest[i].min(sq_dist::<D>(self.point(i), c, self.data.d))))
                    .sum()
            }
        }
    }

    /// Adds point `i` as a centre.
    fn choose(&mut self, i: usize, centroids: &mut Vec<f64>) {
        let c = self.point(i);
        centroids.extend_from_slice(c);
        self.update(0, c);
    }

    /// Brings `node`'s distances, sum and largest distance up to date with a new centre `c`.
    fn update(&mut self, node: usize, c: &[f64]) {
        if self.box_sq_dist(node, c) >= self.reach[node] {
            return;
        }
        match self.tree.children(node) {
            Some((left, right)) => {
                self.update(left, c);
                self.update(right, c);
                self.mass[node] = self.mass[left] + self.mass[right];
                self.reach[node] = self.reach[left].max(self.reach[right]);
            }
            None => {
                self.evaluations.set(self.evaluations.get() + self.tree.range(node).len() as u64);
                let (mut mass, mut reach) = (0.0, 0.0f64);
                for i in self.tree.range(node) {
                    let sq = self.closest[i].min(sq_dist::<D>(self.point(i), c, self.data.d));
                    self.closest[i] = sq;
                    // A point without weight is never drawn nor counted, so it need not stop pruning either.
                    let w = self.data.weight(i);
                    if w > 0.0 {
                        mass += w * sq;
                        reach = reach.max(sq);
                    }
                }
                self.mass[node] = mass;
                self.reach[node] = reach;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kmeans::params::Metric;
    use crate::kmeans::tree;
    use ndarray::array;

    #[test]
    fn picks_distinct_points_and_respects_weights() {
        let p = array![[0.0, 0.0], [5.0, 5.0], [9.0, 0.0], [100.0, 100.0]];
        let w = array![1.0, 1.0, 1.0, 0.0]; // the far point has no weight, so it is never chosen
        let (data, tree) = tree::build(Data::new(p.view(), Some(w.view()), Metric::Euclidean, None).unwrap());
        for seed in 0..50 {
            let c = kmeans_plus_plus(&data, &tree, 3, &mut Rng::new(seed), &mut Meter::default()).unwrap();
            let mut rows: Vec<[u64; 2]> = c.chunks(2).map(|r| [r[0].to_bits(), r[1].to_bits()]).collect();
            rows.sort();
            rows.dedup();
            assert_eq!(rows.len(), 3, "seed {seed}: {c:?}");
            assert!(!c.contains(&100.0));
        }
    }

    #[test]
    fn more_centres_than_distinct_points_is_an_error() {
        let p = array![[1.0], [1.0], [2.0]];
        let (data, tree) = tree::build(Data::new(p.view(), None, Metric::Euclidean, None).unwrap());
        let err = kmeans_plus_plus(&data, &tree, 3, &mut Rng::new(0), &mut Meter::default()).unwrap_err();
        assert_eq!(err.to_string(), "k: 3 is more than the number of distinct points with positive weight (2)");
        assert!(kmeans_plus_plus(&data, &tree, 2, &mut Rng::new(0), &mut Meter::default()).is_ok());
    }

    /// The distances and sums kept on the tree, pruned by box, equal what a pass over every point finds.
    #[test]
    fn pruned_sums_equal_a_full_pass() {
        let mut rng = Rng::new(4);
        for d in [1, 2, 3] {
            let x: Vec<f64> = (0..3000 * d).map(|_| rng.below(10_000) as f64 / 37.0).collect();
            let w: Vec<f64> = (0..3000).map(|i| (i % 4) as f64).collect();
            let points = ndarray::ArrayView2::from_shape((3000, d), &x).unwrap();
            let data = Data::new(points, Some(ndarray::ArrayView1::from(&w)), Metric::Euclidean, None).unwrap();
            let (data, tree) = tree::build(data);
            let mut seeding = Seeding::<0>::new(&data, &tree);
            let mut centroids = Vec::new();
            for i in [5, 900, 2999, 1234, 77] {
                let candidate = seeding.point(17 * i % 3000);
                let predicted = (seeding.reach[0].is_finite()).then(|| seeding.potential(0, candidate));
                seeding.choose(17 * i % 3000, &mut centroids);
                let full: Vec<f64> = (0..3000)
                    .map(|p| {
                        centroids.chunks(d).map(|c| sq_dist::<0>(seeding.point(p), c, d)).fold(f64::INFINITY, f64::min)
                    })
                    .collect();
                assert_eq!(seeding.closest, full);
                let potential: f64 = (0..3000).map(|p| seeding.point_mass(p, full[p])).sum();
                assert!((seeding.mass[0] - potential).abs() <= 1e-12 * potential);
                if let Some(predicted) = predicted {
                    // Added up node by node in the same order as the update does.
                    assert_eq!(predicted, seeding.mass[0]);
                }
            }
        }
    }
}
