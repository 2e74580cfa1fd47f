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

/// Index of the nearest centroid (lowest index on ties) and its squared distance.
#[inline(always)]
pub fn nearest<const D: usize>(x: &[f64], centroids: &[f64], d: usize) -> (u32, f64) {
    let d = dim::<D>(d);
    let mut best = (0, f64::INFINITY);
    for (j, c) in centroids.chunks_exact(d).enumerate() {
        let s = sq_dist::<D>(x, c, d);
        if s < best.1 {
            best = (j as u32, s);
        }
    }
    best
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
