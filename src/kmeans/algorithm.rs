//! Lloyd's iterations, accelerated by filtering on a space-partitioning tree (Kanungo et al. 2002, "An efficient
//! k-means clustering algorithm: analysis and implementation"; Pelleg & Moore 1999).
//!
//! Each assignment pass walks the [`Tree`] from the root with a list of candidate centroids. At each node the
//! candidate nearest the centre of the node's box is found, and every other candidate that is farther than it
//! from every point of the box is dropped. A node left with one candidate has all its points assigned, and its
//! precomputed sums added, in one step; in a leaf with several, each point is measured against the few left.
//! In 2-D most of the plane lies well inside one centroid's cell, so most points are never visited; only those
//! near a boundary between two clusters are. Nothing is kept per point but its label.
//!
//! Results equal plain Lloyd's from the same start: a candidate is dropped only when it is farther by a margin
//! far above rounding, so every point's label is the same argmin (lowest index on ties). The cluster sums are
//! a function of the labels alone (a node whose points share a label adds its precomputed sums, any other adds
//! its children's or its points'; an empty cluster's re-seeding then moves single points), so the plain path,
//! which measures every point against every centroid and then sums the same way, gives bit-identical centroids.
//! With coordinates so small that squared distances underflow, computed distances tie where true ones do not;
//! both paths then still agree, on the lowest index.

use crate::kmeans::data::Data;
use crate::kmeans::kernel::{dim, sq_dist, with_dim};
use crate::kmeans::tree::Tree;

/// In `State::uniform`: the node's points do not share one label.
const MIXED: u32 = u32::MAX;

/// Relative margin by which a candidate must be farther than the nearest before it is dropped. Computed squared
/// distances carry a relative error of about (d + 2) × 1.1e-16, so no rounding can make a dropped candidate win.
const SLACK: f64 = 1e-9;

/// The state of one run: centroids in the data's space, and labels in the data's (tree) order.
#[derive(Debug, Clone)]
pub struct State {
    pub k: usize,
    pub centroids: Vec<f64>,
    pub labels: Vec<u32>,
    accelerated: bool,
    /// No assignment yet.
    fresh: bool,
    /// Per tree node, the label all its points had after the last pass, or [`MIXED`]. An entry is only
    /// meaningful while no ancestor holds a label (an ancestor's label then covers the whole subtree); it lets a
    /// node whose label has not changed skip its points entirely.
    uniform: Vec<u32>,
    /// Per-cluster sums of the last assignment.
    totals: Totals,
    /// Point-to-centroid distances computed (box tests count as two), and what plain Lloyd would have computed.
    pub evaluations: u64,
    pub lloyd_evaluations: u64,
    /// The most distances the next pass may compute: past it the pass stops part-way, leaving the state to be
    /// dropped (the work meter's limit; unlimited unless set).
    pub limit: u64,
    /// The last pass went over `limit` and stopped part-way: labels and sums are incomplete.
    pub aborted: bool,
}

/// One assignment pass: what every node needs, borrowed once.
struct Pass<'a, const D: usize> {
    d: usize,
    k: usize,
    data: &'a Data<'a>,
    tree: &'a Tree,
    accelerated: bool,
    labels: &'a mut [u32],
    uniform: &'a mut [u32],
    totals: &'a mut Totals,
    /// Candidate centroids at each tree level: `k` slots of indices (ascending), and their coordinates.
    index: Vec<u32>,
    coords: Vec<f64>,
    changed: usize,
    evaluations: u64,
    limit: u64,
}

impl<const D: usize> Pass<'_, D> {
    /// Assigns the points of `node`, given `count` candidates at `level` and the label all its points had
    /// before (or [`MIXED`] when unknown). Returns the label all its points now share, leaving their sums for
    /// the parent to add in one step; or [`MIXED`], with the sums of its points already added.
    fn visit(&mut self, node: usize, level: usize, count: usize, before: u32) -> u32 {
        if self.evaluations > self.limit {
            return MIXED; // over the work limit: the pass is abandoned
        }
        let before = if before == MIXED { self.uniform[node] } else { before };
        let (level, count) =
            if self.accelerated { (level + 1, self.filter(node, level, count)) } else { (level, count) };
        let label = if count == 1 {
            let label = self.index[level * self.k];
            if label != before {
                self.relabel(node, label);
            }
            label
        } else if let Some((left, right)) = self.tree.children(node) {
            let (l, r) = (self.visit(left, level, count, before), self.visit(right, level, count, before));
            if l == r {
                l
            } else {
                for (child, label) in [(left, l), (right, r)] {
                    if label != MIXED {
                        self.totals.add_node(label, self.tree, child);
                    }
                }
                MIXED
            }
        } else {
            self.scan_leaf(node, level, count)
        };
        self.uniform[node] = label;
        label
    }

    /// Copies to `level + 1` the candidates at `level` that may be nearest to some point of `node`'s box, and
    /// returns how many. Candidate `z` loses to `best` (the one nearest the box's centre) everywhere in the box
    /// when it does at the box's corner farthest in the direction from `best` to `z`.
    #[inline(always)]
    fn filter(&mut self, node: usize, level: usize, count: usize) -> usize {
        let (d, k) = (dim::<D>(self.d), self.k);
        let (lo, hi) = self.tree.bounds(node);
        let (from, to) = (level * k, (level + 1) * k);
        let mut best = (f64::INFINITY, from);
        let mut diagonal = 0.0;
        for t in 0..d {
            diagonal += (hi[t] - lo[t]) * (hi[t] - lo[t]);
        }
        for m in from..from + count {
            let c = &self.coords[m * d..m * d + d];
            let mut s = 0.0;
            for t in 0..d {
                let diff = 0.5 * (lo[t] + hi[t]) - c[t];
                s += diff * diff;
            }
            if s < best.0 {
                best = (s, m);
            }
        }
        let mut kept = 0;
        for m in from..from + count {
            let keep = m == best.1 || {
                let (c, z) = (&self.coords[m * d..m * d + d], &self.coords[best.1 * d..best.1 * d + d]);
                let (mut to_c, mut to_z) = (0.0, 0.0);
                for t in 0..d {
                    let corner = if c[t] > z[t] { hi[t] } else { lo[t] };
                    to_c += (corner - c[t]) * (corner - c[t]);
                    to_z += (corner - z[t]) * (corner - z[t]);
                }
                // Dropped only when farther by more than rounding can explain: a relative margin, plus an absolute
                // one for subnormal values. A NaN keeps it, as does a box where a point's squared distance (at
                // most 2 × total) could overflow; the input checks keep both out of ordinary use.
                let total = to_c + to_z + diagonal;
                let farther = to_c - to_z > SLACK * total + d as f64 * f64::MIN_POSITIVE && 4.0 * total < f64::MAX;
                !farther
            };
            if keep {
                self.index[to + kept] = self.index[m];
                self.coords.copy_within(m * d..m * d + d, (to + kept) * d);
                kept += 1;
            }
        }
        self.evaluations += 3 * count as u64 - 2;
        kept
    }

    /// Labels every point of a leaf with the nearest of `count` candidates; returns the label they share, or
    /// [`MIXED`] after adding each point to its cluster's sums.
    fn scan_leaf(&mut self, node: usize, level: usize, count: usize) -> u32 {
        let d = dim::<D>(self.d);
        let from = level * self.k;
        let (index, coords) = (&self.index[from..from + count], &self.coords[from * d..(from + count) * d]);
        let range = self.tree.range(node);
        let first = range.start;
        let mut shared = true;
        for i in range.clone() {
            let x = &self.data.x[i * d..i * d + d];
            let mut nearest = (f64::INFINITY, 0);
            for (m, c) in coords.chunks_exact(d).enumerate() {
                let s = sq_dist::<D>(x, c, d);
                if s < nearest.0 {
                    nearest = (s, m);
                }
            }
            let label = index[nearest.1];
            if label != self.labels[i] {
                self.labels[i] = label;
                self.changed += 1;
            }
            shared &= label == self.labels[first];
        }
        self.evaluations += (range.len() * count) as u64;
        if shared {
            return self.labels[first];
        }
        for i in range {
            self.totals.add(self.labels[i], &self.data.x[i * d..i * d + d], self.data.weight(i));
        }
        MIXED
    }

    /// Gives every point of `node` the label `label`.
    fn relabel(&mut self, node: usize, label: u32) {
        for l in &mut self.labels[self.tree.range(node)] {
            if *l != label {
                *l = label;
                self.changed += 1;
            }
        }
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

    fn clear(&mut self) {
        self.sums.fill(0.0);
        self.weight.fill(0.0);
        self.members.fill(0);
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

    /// Adds a whole tree node's points.
    fn add_node(&mut self, cluster: u32, tree: &Tree, node: usize) {
        let (sums, weight, members) = tree.totals(node);
        if members > 0 {
            let (j, d) = (cluster as usize, self.d);
            self.members[j] += members as u64;
            self.weight[j] += weight;
            self.sums[j * d..j * d + d].iter_mut().zip(sums).for_each(|(s, v)| *s += v);
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
    pub fn new(centroids: Vec<f64>, data: &Data, tree: &Tree, accelerated: bool) -> Self {
        let k = centroids.len() / data.d;
        State {
            k,
            centroids,
            labels: vec![0; data.n],
            accelerated,
            fresh: true,
            uniform: vec![MIXED; tree.nodes()],
            totals: Totals::new(k, data.d),
            evaluations: 0,
            lloyd_evaluations: 0,
            limit: u64::MAX,
            aborted: false,
        }
    }

    /// One Lloyd iteration: assign every point to its nearest centroid, re-seed empty clusters, move centroids.
    pub fn iterate(&mut self, data: &Data, tree: &Tree) -> Iteration {
        let assigned = self.assign(data, tree);
        if self.aborted {
            return Iteration { changed: assigned, shift: 0.0 };
        }
        let changed = assigned + self.relocate_empty(data, tree);
        let shift = self.update(data);
        Iteration { changed, shift }
    }

    /// Assigns every point to its nearest centroid and gathers the cluster sums; returns how many labels changed.
    pub fn assign(&mut self, data: &Data, tree: &Tree) -> usize {
        with_dim!(data.d, D => self.assign_d::<D>(data, tree))
    }

    fn assign_d<const D: usize>(&mut self, data: &Data, tree: &Tree) -> usize {
        let (d, k) = (data.d, self.k);
        let levels = if self.accelerated { tree.depth + 1 } else { 1 };
        let mut index = vec![0; levels * k];
        let mut coords = vec![0.0; levels * k * d];
        index[..k].iter_mut().enumerate().for_each(|(j, i)| *i = j as u32);
        coords[..k * d].copy_from_slice(&self.centroids);
        self.totals.clear();
        let mut pass = Pass::<D> {
            d,
            k,
            data,
            tree,
            accelerated: self.accelerated,
            labels: &mut self.labels,
            uniform: &mut self.uniform,
            totals: &mut self.totals,
            index,
            coords,
            changed: 0,
            evaluations: 0,
            limit: self.limit,
        };
        let label = pass.visit(0, 0, k, MIXED);
        if label != MIXED {
            pass.totals.add_node(label, tree, 0);
        }
        let changed = if self.fresh { data.n } else { pass.changed };
        self.aborted = pass.evaluations > pass.limit;
        self.evaluations += pass.evaluations;
        self.lloyd_evaluations += (data.n * k) as u64;
        self.fresh = false;
        changed
    }

    /// Gives each cluster with no weight the farthest point from its own centroid (scikit-learn's rule), so no
    /// centroid is left stranded. Returns how many points moved.
    fn relocate_empty(&mut self, data: &Data, tree: &Tree) -> usize {
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
            // Farthest first; on a tie, the lower input index (the points have been reordered).
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
            let (x, w) = (&data.x[i * d..i * d + d], data.weight(i));
            self.totals.remove(self.labels[i], x, w);
            self.totals.add(j as u32, x, w);
            self.labels[i] = j as u32;
            self.mark_mixed(tree, i);
        }
        farthest.len()
    }

    /// Records that the nodes holding point `i` no longer share a label. A label held by an ancestor covered
    /// its whole subtree, so it is first handed down to the children the path leaves aside.
    fn mark_mixed(&mut self, tree: &Tree, i: usize) {
        for node in tree.path_to(i) {
            // Every ancestor on the path has already handed its label down, so this node's entry holds.
            if let (Some((left, right)), shared) = (tree.children(node), self.uniform[node]) {
                if shared != MIXED {
                    self.uniform[left] = shared;
                    self.uniform[right] = shared;
                }
            }
            self.uniform[node] = MIXED;
        }
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
