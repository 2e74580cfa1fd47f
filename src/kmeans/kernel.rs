//! Distance kernels. `D` is the dimension when known at compile time (2), or 0 for "use `d`": the compiler
//! then unrolls the common 2-D case completely.

#[inline(always)]
pub fn dim<const D: usize>(d: usize) -> usize {
    if D == 0 {
        d
    } else {
        D
    }
}

/// Squared Euclidean distance.
#[inline(always)]
pub fn sq_dist<const D: usize>(a: &[f64], b: &[f64], d: usize) -> f64 {
    let d = dim::<D>(d);
    let mut s = 0.0;
    for t in 0..d {
        let diff = a[t] - b[t];
        s += diff * diff;
    }
    s
}

/// Index of the nearest centroid (lowest index on ties), its squared distance, and the second-nearest squared
/// distance (infinite when k = 1).
#[inline(always)]
pub fn nearest_two<const D: usize>(x: &[f64], centroids: &[f64], d: usize) -> (u32, f64, f64) {
    let d = dim::<D>(d);
    let (mut best, mut d1, mut d2) = (0u32, f64::INFINITY, f64::INFINITY);
    for (j, c) in centroids.chunks_exact(d).enumerate() {
        let s = sq_dist::<D>(x, c, d);
        if s < d1 {
            d2 = d1;
            d1 = s;
            best = j as u32;
        } else if s < d2 {
            d2 = s;
        }
    }
    (best, d1, d2)
}

/// Indices that order `values` ascending. One shared sort: each instantiation of the standard sort adds about
/// 10 KB to the wasm.
pub fn argsort(values: &[f64]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_unstable_by(|&a, &b| values[a].total_cmp(&values[b]));
    order
}

/// Evaluates `$body` with the const `$D` set to 2 for two columns (the main case, fully unrolled) and to 0
/// (dynamic) otherwise. More specialisations would each add their copy of the hot loops to the wasm.
macro_rules! with_dim {
    ($d:expr, $D:ident => $body:expr) => {
        if $d == 2 {
            const $D: usize = 2;
            $body
        } else {
            const $D: usize = 0;
            $body
        }
    };
}
pub(crate) use with_dim;

/// The 2-D nearest-two scan with wasm SIMD: two centroids per 128-bit lane pair. LLVM's auto-vectorised argmin
/// was slower than scalar in wasm (branchy lanes, scalar stores); this explicit version computes the same
/// distances with the same arithmetic, so results are identical to [`nearest_two`].
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod simd {
    use core::arch::wasm32::*;

    /// Centroids in structure-of-arrays layout, `[x0, x1, …][y0, y1, …]`, padded to a multiple of 4 with
    /// centroids at infinity (never nearest).
    pub fn split_xy(centroids: &[f64]) -> Vec<f64> {
        let k = centroids.len() / 2;
        let padded = k.div_ceil(4) * 4;
        let mut soa = vec![f64::INFINITY; 2 * padded];
        for (j, c) in centroids.chunks_exact(2).enumerate() {
            soa[j] = c[0];
            soa[padded + j] = c[1];
        }
        soa
    }

    /// Nearest and second-nearest per lane over one pair of centroids at a time.
    #[derive(Clone, Copy)]
    struct Lanes {
        d1: v128,
        d2: v128,
        best: v128,
    }

    impl Lanes {
        fn new(first: f64) -> Self {
            let inf = f64x2_splat(f64::INFINITY);
            Lanes { d1: inf, d2: inf, best: f64x2(first, first + 1.0) }
        }

        #[inline(always)]
        fn visit(&mut self, px: v128, py: v128, cx: v128, cy: v128, index: v128) {
            let dx = f64x2_sub(px, cx);
            let dy = f64x2_sub(py, cy);
            let s = f64x2_add(f64x2_mul(dx, dx), f64x2_mul(dy, dy));
            let closer = f64x2_lt(s, self.d1);
            // pmin (s < d2 ? s : d2) is one x86 instruction; the IEEE `min` needs several for NaN and -0,
            // neither of which can occur here.
            self.d2 = v128_bitselect(self.d1, f64x2_pmin(s, self.d2), closer);
            self.d1 = v128_bitselect(s, self.d1, closer);
            self.best = v128_bitselect(index, self.best, closer);
        }

        fn lane<const L: usize>(&self) -> (f64, f64, f64) {
            (f64x2_extract_lane::<L>(self.d1), f64x2_extract_lane::<L>(self.d2), f64x2_extract_lane::<L>(self.best))
        }
    }

    /// Merges two (nearest, second, index) results; the lower index wins a tie, as in the scalar scan. Written
    /// as selects: which side wins is unpredictable.
    #[inline(always)]
    fn merge(a: (f64, f64, f64), b: (f64, f64, f64)) -> (f64, f64, f64) {
        let b_wins = b.0 < a.0 || (b.0 == a.0 && b.2 < a.2);
        let (win, lose) = if b_wins { (b, a) } else { (a, b) };
        let second = if lose.0 < win.1 { lose.0 } else { win.1 };
        (win.0, second, win.2)
    }

    /// [`super::nearest_two`] for one 2-D point over `split_xy` centroids. Two independent accumulators (four
    /// centroids per step) keep the compare-and-select chains from stalling on each other.
    #[inline(always)]
    pub fn nearest_two(x: &[f64], soa: &[f64]) -> (u32, f64, f64) {
        let padded = soa.len() / 2;
        let (xs, ys) = soa.split_at(padded);
        let (px, py) = (f64x2_splat(x[0]), f64x2_splat(x[1]));
        let (mut even, mut odd) = (Lanes::new(0.0), Lanes::new(2.0));
        let mut index = f64x2(0.0, 1.0);
        let (two, four) = (f64x2_splat(2.0), f64x2_splat(4.0));
        for (cx, cy) in xs.chunks_exact(4).zip(ys.chunks_exact(4)) {
            // SAFETY: each chunk holds four f64s, so both 16-byte loads are in bounds; wasm loads need no alignment.
            let (cx0, cx1, cy0, cy1) = unsafe {
                (
                    v128_load(cx.as_ptr().cast()),
                    v128_load(cx[2..].as_ptr().cast()),
                    v128_load(cy.as_ptr().cast()),
                    v128_load(cy[2..].as_ptr().cast()),
                )
            };
            even.visit(px, py, cx0, cy0, index);
            odd.visit(px, py, cx1, cy1, f64x2_add(index, two));
            index = f64x2_add(index, four);
        }
        let (d1, d2, best) = merge(merge(even.lane::<0>(), even.lane::<1>()), merge(odd.lane::<0>(), odd.lane::<1>()));
        (best as u32, d1, d2)
    }
}

/// For each centroid, all centroids ordered by their distance from it (itself first). A point's nearest two
/// centroids then need only the centroids near the one it is known to be close to: by the triangle inequality,
/// a centroid `j` at distance `g` from centroid `a` is at least `g − ‖x − a‖` from `x`, so the scan along `a`'s
/// row stops once `g` exceeds `‖x − a‖` plus the second-nearest distance found so far (Newling & Fleuret's
/// Exponion, with sorted rows instead of annuli). This is exact: every centroid that could be nearest or
/// second-nearest is measured with the same arithmetic as the full scan.
#[derive(Debug, Clone)]
pub struct Neighbours {
    k: usize,
    d: usize,
    /// Row `a`: distances from centroid `a`, ascending.
    gap: Vec<f64>,
    /// Row `a`: the centroids in that order, and their coordinates (contiguous, so a short scan is one cache line
    /// or two).
    index: Vec<u32>,
    coords: Vec<f64>,
}

/// Relative slack on the stopping distance. Computed distances carry a relative error of a few 1e-16; the slack
/// keeps rounding from ever stopping the scan before a centroid that the full scan would pick.
const SLACK: f64 = 1e-9;

impl Neighbours {
    /// Built once per pass (k² distances), so not specialised by dimension.
    pub fn new(centroids: &[f64], d: usize) -> Self {
        let k = centroids.len() / d;
        let c = |j: usize| &centroids[j * d..j * d + d];
        let mut dist = vec![0.0; k * k];
        for a in 0..k {
            for b in a + 1..k {
                let g = sq_dist::<0>(c(a), c(b), d).sqrt();
                dist[a * k + b] = g;
                dist[b * k + a] = g;
            }
        }
        let mut index: Vec<u32> = Vec::with_capacity(k * k);
        let mut row = vec![0.0; k];
        for a in 0..k {
            row.copy_from_slice(&dist[a * k..a * k + k]);
            // The centroid itself first, even when another one coincides with it.
            row[a] = -1.0;
            index.extend(argsort(&row).into_iter().map(|j| j as u32));
        }
        let gap = index.iter().enumerate().map(|(m, &j)| dist[m / k * k + j as usize]).collect();
        let coords = index.iter().flat_map(|&j| c(j as usize).iter().copied()).collect();
        Neighbours { k, d, gap, index, coords }
    }

    /// Half the distance from centroid `a` to its nearest other centroid (infinite when k = 1).
    pub fn half_gap(&self, a: usize) -> f64 {
        if self.k > 1 {
            self.gap[a * self.k + 1] / 2.0
        } else {
            f64::INFINITY
        }
    }

    /// [`nearest_two`] for a point `x` whose squared distance to centroid `a` is `s_a`; also returns how many
    /// distances it computed.
    #[inline(always)]
    pub fn nearest_two<const D: usize>(&self, x: &[f64], a: usize, s_a: f64) -> (u32, f64, f64, u64) {
        let (k, d) = (self.k, dim::<D>(self.d));
        let row = a * k;
        let u = s_a.sqrt();
        let (mut best, mut d1, mut d2) = (a as u32, s_a, f64::INFINITY);
        let mut reach = f64::INFINITY;
        let mut m = 1;
        while m < k && self.gap[row + m] <= reach {
            let j = self.index[row + m];
            let s = sq_dist::<D>(x, &self.coords[(row + m) * d..(row + m) * d + d], d);
            if s < d1 || (s == d1 && j < best) {
                d2 = d1;
                d1 = s;
                best = j;
            } else if s < d2 {
                d2 = s;
            } else {
                m += 1;
                continue;
            }
            reach = (u + d2.sqrt()) * (1.0 + SLACK);
            m += 1;
        }
        (best, d1, d2, m as u64 - 1)
    }
}

/// A coarse grid over the bounding box of 2-D points, each cell holding the centroid nearest its centre: a good
/// starting centroid for [`Neighbours::nearest_two`] when a point has no label yet, so that even the first pass
/// measures only a few centroids per point.
#[derive(Debug, Clone)]
pub struct Grid {
    origin: [f64; 2],
    scale: [f64; 2],
    nearest: Vec<u32>,
}

/// Cells per side.
const SIDE: usize = 64;

impl Grid {
    pub fn new(points: &[f64], centroids: &[f64]) -> Self {
        let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
        for p in points.chunks_exact(2) {
            for t in 0..2 {
                lo[t] = lo[t].min(p[t]);
                hi[t] = hi[t].max(p[t]);
            }
        }
        let width = [hi[0] - lo[0], hi[1] - lo[1]].map(|w| if w > 0.0 { w / SIDE as f64 } else { 1.0 });
        let mut nearest = Vec::with_capacity(SIDE * SIDE);
        for i in 0..SIDE {
            for j in 0..SIDE {
                let centre = [lo[0] + (i as f64 + 0.5) * width[0], lo[1] + (j as f64 + 0.5) * width[1]];
                nearest.push(nearest_two::<2>(&centre, centroids, 2).0);
            }
        }
        Grid { origin: lo, scale: width.map(|w| 1.0 / w), nearest }
    }

    /// The centroid nearest the centre of `x`'s cell.
    #[inline(always)]
    pub fn guess(&self, x: &[f64]) -> usize {
        // `as usize` saturates (and maps NaN to 0), so any value lands in a cell.
        let cell = |t: usize| (((x[t] - self.origin[t]) * self.scale[t]) as usize).min(SIDE - 1);
        self.nearest[cell(0) * SIDE + cell(1)] as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kmeans::rng::Rng;

    /// From any starting centroid, the neighbour scan finds what the full scan finds, ties included: on a
    /// small integer grid many distances are exactly equal, and duplicate centroids coincide.
    #[test]
    fn neighbour_scan_equals_full_scan() {
        let mut rng = Rng::new(5);
        for k in [1, 2, 3, 7, 20] {
            let centroids: Vec<f64> = (0..2 * k).map(|_| rng.below(6) as f64).collect();
            let neighbours = Neighbours::new(&centroids, 2);
            for _ in 0..300 {
                let x = [rng.below(7) as f64 - 0.5 * rng.below(2) as f64, rng.below(7) as f64];
                let full = nearest_two::<2>(&x, &centroids, 2);
                for a in 0..k {
                    let s_a = sq_dist::<2>(&x, &centroids[2 * a..2 * a + 2], 2);
                    let (best, d1, d2, _) = neighbours.nearest_two::<2>(&x, a, s_a);
                    assert_eq!((best, d1, d2), full, "k {k}, x {x:?}, start {a}, centroids {centroids:?}");
                }
            }
        }
    }
}
