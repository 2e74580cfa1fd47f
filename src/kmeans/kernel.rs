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
