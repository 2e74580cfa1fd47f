//! Work limits: the most computation one call may ask for, so that a page cannot freeze a tab (or a server) with
//! one number. Each is refused before any work starts, with code `too-much-work` and the option to change as the
//! field. The page's largest real job (1,000,000 points, k = 128, one run) is far inside them.

/// `maxIter` ≤ 10,000: Lloyd's iterations converge in tens to hundreds; more only spins on a converged run.
pub const MAX_ITER: usize = 10_000;

/// `nInit` ≤ 100 restarts: beyond a handful, restarts rarely find a better minimum.
pub const MAX_N_INIT: usize = 100;

/// points × k × restarts ≤ 4 × 10⁹ distance units (the distances plain Lloyd computes in one assignment pass,
/// over all restarts). At the tree filter's typical rate this keeps a call to seconds in wasm; 1,000,000 points
/// × k = 128 × 1 run is 1.28 × 10⁸. Field `k`, or `nInit` when it is the restarts that cross the limit.
pub const MAX_WORK: f64 = 4e9;

/// `elbow`: at most 50 values of k (kMax − kMin + 1), and the sum of their fits' work ≤ [`MAX_WORK`]; field `kMax`.
pub const MAX_ELBOW_KS: usize = 50;

/// `silhouette`: at most 20,000 points in the sample (the points looked at, min(n, sampleSize)). Its cost is
/// sample² distances (4 × 10⁸ at the limit, about a second in wasm), whatever the number of points; field
/// `sampleSize`.
pub const MAX_SILHOUETTE_SAMPLE: usize = 20_000;
