//! Distance kernels. `D` is the dimension when known at compile time (1, 2 or 3), or 0 for "use `d`": the
//! compiler then unrolls the common 2-D case completely.

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

/// Evaluates `$body` with the const `$D` set to the dimension when it is 1, 2 or 3, and to 0 (dynamic) otherwise.
macro_rules! with_dim {
    ($d:expr, $D:ident => $body:expr) => {
        match $d {
            1 => {
                const $D: usize = 1;
                $body
            }
            2 => {
                const $D: usize = 2;
                $body
            }
            3 => {
                const $D: usize = 3;
                $body
            }
            _ => {
                const $D: usize = 0;
                $body
            }
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

    /// Centroids in structure-of-arrays layout, `[x0, x1, …][y0, y1, …]`, padded to an even count with a
    /// centroid at infinity (which is never nearest).
    pub fn split_xy(centroids: &[f64]) -> Vec<f64> {
        let k = centroids.len() / 2;
        let padded = k + k % 2;
        let mut soa = vec![f64::INFINITY; 2 * padded];
        for (j, c) in centroids.chunks_exact(2).enumerate() {
            soa[j] = c[0];
            soa[padded + j] = c[1];
        }
        soa
    }

    #[inline(always)]
    pub fn nearest_two(x: &[f64], soa: &[f64]) -> (u32, f64, f64) {
        let padded = soa.len() / 2;
        let (xs, ys) = soa.split_at(padded);
        let (px, py) = (f64x2_splat(x[0]), f64x2_splat(x[1]));
        let mut d1 = f64x2_splat(f64::INFINITY);
        let mut d2 = d1;
        let mut best = f64x2(0.0, 1.0);
        let mut index = best;
        let two = f64x2_splat(2.0);
        for (cx, cy) in xs.chunks_exact(2).zip(ys.chunks_exact(2)) {
            // SAFETY: each chunk is exactly two f64s, 16 readable bytes; wasm loads need no alignment.
            let (cx, cy) = unsafe { (v128_load(cx.as_ptr().cast()), v128_load(cy.as_ptr().cast())) };
            let dx = f64x2_sub(px, cx);
            let dy = f64x2_sub(py, cy);
            let s = f64x2_add(f64x2_mul(dx, dx), f64x2_mul(dy, dy));
            let closer = f64x2_lt(s, d1);
            // pmin (s < d2 ? s : d2) is one x86 instruction; the IEEE `min` needs several for NaN and -0,
            // neither of which can occur here.
            d2 = v128_bitselect(d1, f64x2_pmin(s, d2), closer);
            d1 = v128_bitselect(s, d1, closer);
            best = v128_bitselect(index, best, closer);
            index = f64x2_add(index, two);
        }
        // Lane 0 saw the even centroids, lane 1 the odd ones; merge, lowest index winning ties.
        let (a1, a2, ai) = (f64x2_extract_lane::<0>(d1), f64x2_extract_lane::<0>(d2), f64x2_extract_lane::<0>(best));
        let (b1, b2, bi) = (f64x2_extract_lane::<1>(d1), f64x2_extract_lane::<1>(d2), f64x2_extract_lane::<1>(best));
        if b1 < a1 || (b1 == a1 && bi < ai) {
            (bi as u32, b1, b2.min(a1))
        } else {
            (ai as u32, a1, a2.min(b1))
        }
    }
}
