//! A space-partitioning tree over the points, for the filtering algorithm in `algorithm`.
//!
//! The points are first reordered along a Z-order (Morton) curve over their bounding box, so that every node of
//! the tree is a contiguous run of points. Each node splits its run at the next key bit that divides it (a binary
//! quadtree in 2-D) until at most [`LEAF`] points are left, and keeps what the filter needs: the tight bounding
//! box of its points and their weighted sums, so that a node whose points all go to one centroid is assigned and
//! summed in one step.

use crate::kmeans::data::Data;
use crate::kmeans::kernel::{dim, with_dim};

/// Points per leaf, at most (more only when they share a cell of the finest grid).
const LEAF: usize = 32;

/// Bits of the Morton key: 16 per coordinate in 2-D, cells of about 15 m over a 1,000 km area.
const KEY_BITS: usize = 32;

/// The tree, nodes in depth-first order: a node's first child is the next node.
#[derive(Debug, Clone)]
pub struct Tree {
    d: usize,
    /// Per node, the lowest then the highest coordinate of its points in each dimension (2d values).
    bounds: Vec<f64>,
    /// Per node, Σ weight × coordinate of its points (d values)…
    sums: Vec<f64>,
    /// …Σ weight, and how many of its points have a positive weight.
    weight: Vec<f64>,
    members: Vec<u32>,
    /// Per node, its points: `start..end` in the ordered data.
    range: Vec<[u32; 2]>,
    /// Per node, its second child, or 0 for a leaf.
    right: Vec<u32>,
    /// Nodes on the longest path from the root, the root included.
    pub depth: usize,
}

/// The data reordered along the Z-order curve (`Data::order` maps back to the input), and its tree.
pub fn build(data: Data) -> (Data, Tree) {
    let (n, d) = (data.n, data.d);
    // One buffer holds first the sort's keys and their spare (2n words), then the reordered points (n·d), so a
    // large input is never held alongside more than one copy of itself.
    let mut buffer = vec![0u64; n * d.max(2)];
    let (keys, spare) = buffer.split_at_mut(n);
    morton_keys(&data.x, d, keys);
    let sorted = radix_sort_high(keys, &mut spare[..n]);
    let order: Vec<u32> = sorted.iter().map(|&key| key as u32).collect();
    let keys: Vec<u32> = sorted.iter().map(|&key| (key >> 32) as u32).collect();
    with_dim!(d, D => {
        for (row, &i) in buffer.chunks_exact_mut(dim::<D>(d)).zip(&order) {
            let from = &data.x[i as usize * dim::<D>(d)..][..dim::<D>(d)];
            row.iter_mut().zip(from).for_each(|(to, v)| *to = v.to_bits());
        }
    });
    buffer.truncate(n * d);
    // Same size and alignment: the standard library collects this in place, in the same allocation.
    let x: Vec<f64> = buffer.into_iter().map(f64::from_bits).collect();
    let data = data.reordered(x, order);
    let d = data.d;
    let mut tree = Tree {
        d,
        bounds: Vec::new(),
        sums: Vec::new(),
        weight: Vec::new(),
        members: Vec::new(),
        range: Vec::new(),
        right: Vec::new(),
        depth: 0,
    };
    tree.split(&data, &keys, 0, data.n, KEY_BITS, 1);
    tree.shrink_to_fit();
    (data, tree)
}

impl Tree {
    pub fn nodes(&self) -> usize {
        self.range.len()
    }

    /// The node's children, or `None` for a leaf.
    #[inline(always)]
    pub fn children(&self, node: usize) -> Option<(usize, usize)> {
        match self.right[node] {
            0 => None,
            right => Some((node + 1, right as usize)),
        }
    }

    #[inline(always)]
    pub fn range(&self, node: usize) -> std::ops::Range<usize> {
        let [start, end] = self.range[node];
        start as usize..end as usize
    }

    /// Lowest and highest corners of the node's points.
    #[inline(always)]
    pub fn bounds(&self, node: usize) -> (&[f64], &[f64]) {
        self.bounds[2 * self.d * node..2 * self.d * (node + 1)].split_at(self.d)
    }

    /// Σ weight × x, Σ weight and the number of points with positive weight, over the node's points.
    #[inline(always)]
    pub fn totals(&self, node: usize) -> (&[f64], f64, u32) {
        (&self.sums[self.d * node..self.d * (node + 1)], self.weight[node], self.members[node])
    }

    fn shrink_to_fit(&mut self) {
        self.bounds.shrink_to_fit();
        self.sums.shrink_to_fit();
        self.weight.shrink_to_fit();
        self.members.shrink_to_fit();
        self.range.shrink_to_fit();
        self.right.shrink_to_fit();
    }

    /// The nodes from the root down to the leaf holding point `i`.
    pub fn path_to(&self, i: usize) -> Vec<usize> {
        let mut path = vec![0];
        while let Some((left, right)) = self.children(path[path.len() - 1]) {
            path.push(if self.range(left).contains(&i) { left } else { right });
        }
        path
    }

    /// Adds the node for points `start..end`, whose keys agree above `bit`, and its subtree; returns its index.
    fn split(&mut self, data: &Data, keys: &[u32], start: usize, end: usize, mut bit: usize, level: usize) -> usize {
        let node = self.nodes();
        let d = self.d;
        self.depth = self.depth.max(level);
        self.range.push([start as u32, end as u32]);
        self.right.push(0);
        while end - start > LEAF && bit > 0 {
            bit -= 1;
            // Sorted keys that agree above `bit`: those with `bit` clear come first.
            let mid = start + keys[start..end].partition_point(|&key| key >> bit & 1 == 0);
            if mid > start && mid < end {
                self.bounds.extend(std::iter::repeat_n(0.0, 2 * d));
                self.sums.extend(std::iter::repeat_n(0.0, d));
                self.weight.push(0.0);
                self.members.push(0);
                let left = self.split(data, keys, start, mid, bit, level + 1);
                let right = self.split(data, keys, mid, end, bit, level + 1);
                self.right[node] = right as u32;
                self.merge(node, left, right);
                return node;
            }
        }
        with_dim!(d, D => self.leaf::<D>(data, start, end));
        node
    }

    /// Appends a leaf's box and sums, from its points in order.
    fn leaf<const D: usize>(&mut self, data: &Data, start: usize, end: usize) {
        let d = dim::<D>(self.d);
        let (at, sum_at) = (self.bounds.len(), self.sums.len());
        self.bounds.extend(std::iter::repeat_n(f64::INFINITY, d).chain(std::iter::repeat_n(f64::NEG_INFINITY, d)));
        self.sums.extend(std::iter::repeat_n(0.0, d));
        let (lo, hi) = self.bounds[at..].split_at_mut(d);
        let sums = &mut self.sums[sum_at..];
        let (mut weight, mut members) = (0.0, 0);
        for i in start..end {
            let (x, w) = (&data.x[i * d..i * d + d], data.weight(i));
            for t in 0..d {
                lo[t] = if x[t] < lo[t] { x[t] } else { lo[t] };
                hi[t] = if x[t] > hi[t] { x[t] } else { hi[t] };
                sums[t] += w * x[t];
            }
            weight += w;
            members += (w > 0.0) as u32;
        }
        self.weight.push(weight);
        self.members.push(members);
    }

    /// A parent's box and sums from its two children's.
    fn merge(&mut self, node: usize, left: usize, right: usize) {
        let d = self.d;
        for t in 0..d {
            self.bounds[2 * d * node + t] = self.bounds[2 * d * left + t].min(self.bounds[2 * d * right + t]);
            self.bounds[2 * d * node + d + t] =
                self.bounds[2 * d * left + d + t].max(self.bounds[2 * d * right + d + t]);
            self.sums[d * node + t] = self.sums[d * left + t] + self.sums[d * right + t];
        }
        self.weight[node] = self.weight[left] + self.weight[right];
        self.members[node] = self.members[left] + self.members[right];
    }
}

/// Per point, its Morton key over the bounding box in the high 32 bits and its index in the low 32. Beyond 32
/// dimensions only the first 32 take part in the order.
fn morton_keys(x: &[f64], d: usize, keys: &mut [u64]) {
    with_dim!(d, D => morton_keys_d::<D>(x, d, keys))
}

fn morton_keys_d<const D: usize>(x: &[f64], d: usize, keys: &mut [u64]) {
    let d = dim::<D>(d);
    let dims = d.min(KEY_BITS);
    let bits = KEY_BITS / dims;
    let (mut lo, mut hi) = ([f64::INFINITY; KEY_BITS], [f64::NEG_INFINITY; KEY_BITS]);
    for p in x.chunks_exact(d) {
        for t in 0..dims {
            // Plain comparisons: `f64::min` must handle NaN, which the checked input cannot hold.
            lo[t] = if p[t] < lo[t] { p[t] } else { lo[t] };
            hi[t] = if p[t] > hi[t] { p[t] } else { hi[t] };
        }
    }
    let cells = (1u64 << bits) as f64;
    let scale = std::array::from_fn::<f64, KEY_BITS, _>(|t| if hi[t] > lo[t] { cells / (hi[t] - lo[t]) } else { 0.0 });
    let last = (1u64 << bits) - 1;
    // `as u64` saturates, so rounding at the edges cannot leave the grid.
    let cell = |p: &[f64], t: usize| (((p[t] - lo[t]) * scale[t]) as u64).min(last);
    for (i, (p, key)) in x.chunks_exact(d).zip(keys).enumerate() {
        let morton = if dims == 2 {
            spread(cell(p, 0)) << 1 | spread(cell(p, 1))
        } else {
            let mut morton = 0;
            for b in (0..bits).rev() {
                for t in 0..dims {
                    morton = morton << 1 | (cell(p, t) >> b & 1);
                }
            }
            morton
        };
        *key = morton << 32 | i as u64;
    }
}

/// Spreads the low 16 bits of `v` to the even bit positions.
fn spread(v: u64) -> u64 {
    let v = (v | v << 8) & 0x00ff_00ff;
    let v = (v | v << 4) & 0x0f0f_0f0f;
    let v = (v | v << 2) & 0x3333_3333;
    (v | v << 1) & 0x5555_5555
}

/// Sorts by the high 32 bits, keeping the order of equal keys: a least-significant-digit radix sort in three
/// passes of 11 bits, whose counts stay in the L1 cache. Returns whichever of the two slices holds the result.
fn radix_sort_high<'a>(mut keys: &'a mut [u64], mut spare: &'a mut [u64]) -> &'a [u64] {
    const DIGIT: u32 = 11;
    for shift in [32, 32 + DIGIT, 32 + 2 * DIGIT] {
        let digit = |key: u64| (key >> shift) as usize & ((1 << DIGIT) - 1);
        let mut start = vec![0usize; 1 << DIGIT];
        for &key in keys.iter() {
            start[digit(key)] += 1;
        }
        if start.contains(&keys.len()) {
            continue; // one digit for all: nothing to move
        }
        let mut sum = 0;
        for s in start.iter_mut() {
            (*s, sum) = (sum, sum + *s);
        }
        for &key in keys.iter() {
            let slot = &mut start[digit(key)];
            spare[*slot] = key;
            *slot += 1;
        }
        std::mem::swap(&mut keys, &mut spare);
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kmeans::params::Metric;
    use crate::kmeans::rng::Rng;
    use std::borrow::Cow;

    fn data(x: Vec<f64>, d: usize) -> Data<'static> {
        let n = x.len() / d;
        Data::from_rows(Cow::Owned(x), n, d, None, Metric::Euclidean, None).unwrap()
    }

    #[test]
    fn orders_along_the_z_curve_keeping_input_order_for_equal_keys() {
        // Corners of the unit square: Z-order visits (0,0), (0,1), (1,0), (1,1), the first coordinate high.
        let x = vec![1.0, 1.0, 0.0, 1.0, 1.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        let (data, _) = build(data(x, 2));
        assert_eq!(data.order.as_deref(), Some(&[3, 4, 1, 2, 0][..]));
        assert_eq!(*data.x, [0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 1.0, 0.0, 1.0, 1.0]);
    }

    /// Every node's box and sums are those of its points; children split the parent's run; leaves are small
    /// unless their points cannot be told apart by the key.
    #[test]
    fn nodes_describe_their_points() {
        let mut rng = Rng::new(9);
        for d in [1, 2, 3] {
            let x: Vec<f64> = (0..d * 500).map(|_| (rng.below(1000) as f64 - 500.0) / 7.0).collect();
            let (data, tree) = build(data(x, d));
            for node in 0..tree.nodes() {
                let range = tree.range(node);
                let points: Vec<&[f64]> = range.clone().map(|i| &data.x[i * d..i * d + d]).collect();
                let (lo, hi) = tree.bounds(node);
                let (sums, weight, members) = tree.totals(node);
                for t in 0..d {
                    assert_eq!(lo[t], points.iter().map(|p| p[t]).fold(f64::INFINITY, f64::min));
                    assert_eq!(hi[t], points.iter().map(|p| p[t]).fold(f64::NEG_INFINITY, f64::max));
                    let sum: f64 = points.iter().map(|p| p[t]).sum();
                    assert!((sums[t] - sum).abs() <= 1e-9 * sum.abs().max(1.0));
                }
                assert_eq!((weight, members as usize), (points.len() as f64, points.len()));
                match tree.children(node) {
                    Some((left, right)) => {
                        assert_eq!(tree.range(left).start, range.start);
                        assert_eq!(tree.range(left).end, tree.range(right).start);
                        assert_eq!(tree.range(right).end, range.end);
                    }
                    None => assert!(range.len() <= LEAF || points.windows(2).all(|w| w[0] == w[1])),
                }
            }
            assert_eq!(tree.path_to(123).last().map(|&leaf| tree.range(leaf).contains(&123)), Some(true));
        }
    }
}
