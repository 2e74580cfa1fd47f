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
