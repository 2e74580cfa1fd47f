//! Work limits: the most computation one call may ask for, so that a page cannot freeze a tab (or a server) with
//! one number. Each is refused before any work starts, with code `too-much-work` and the option to change as the
//! field. The page's largest real job (1,000,000 points, k = 128, one run) is far inside them.

use crate::error::{Code, Error, Result};

/// `maxIter` ≤ 10,000: Lloyd's iterations converge in tens to hundreds; more only spins on a converged run.
pub const MAX_ITER: usize = 10_000;

/// `nInit` ≤ 100 restarts: beyond a handful, restarts rarely find a better minimum.
pub const MAX_N_INIT: usize = 100;

/// Work of one call ≤ 4 × 10⁹ units: points × k × (dim + 4) × restarts × iterations as plain Lloyd counts them
/// (one point against one centroid in `dim` columns is `dim` + [`DISTANCE_OVERHEAD`] units), plus the k-means++
/// seeding's. A k-means++ call is refused before it starts when one iteration of every restart would already be
/// over it (field `k`, or `nInit` when it is the restarts); a call from given centroids is only metered. Every call
/// stops with `too-much-work` as soon as the work it has really done passes it, part-way through a pass if need be
/// (`k` in the seeding or the first pass, `maxIter` after; the tree filter usually does a small share of Lloyd's,
/// and only that is counted). At 0.5–2.5 ns a unit in wasm (the most when the centroids do not fit in the cache)
/// this keeps every call to about 10 s; 1,000,000 points × k = 128 in 2 columns, to convergence, spends well under
/// 1% of it (the tree filter skips most distances).
/// `silhouette` counts sample² × 2 × (dim + 4), `predict` points × centroids × (dim + 4).
pub const MAX_WORK: f64 = 4e9;

/// What one distance costs beyond its columns, in units of one column: measured in wasm, a distance in 1 column
/// takes as long as one in about 5 (the loop and the comparison with the best so far).
pub const DISTANCE_OVERHEAD: f64 = 4.0;

/// The units of one distance in `dim` columns.
pub(crate) fn distance(dim: usize) -> f64 {
    dim as f64 + DISTANCE_OVERHEAD
}

/// `elbow`: at most 50 values of k (kMax − kMin + 1), and the sum of their fits' work ≤ [`MAX_WORK`]; field `kMax`.
pub const MAX_ELBOW_KS: usize = 50;

/// `silhouette`: at most 20,000 points in the sample (the points looked at, min(n, sampleSize)). Its cost is
/// sample² distances (4 × 10⁸ at the limit, about a second in wasm), whatever the number of points; field
/// `sampleSize`.
pub const MAX_SILHOUETTE_SAMPLE: usize = 20_000;

/// The work one call has done, against [`MAX_WORK`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Meter {
    spent: f64,
    max: f64,
}

impl Default for Meter {
    fn default() -> Self {
        Meter { spent: 0.0, max: MAX_WORK }
    }
}

impl Meter {
    /// A meter with a lower limit, so that tests can reach it quickly.
    #[cfg(test)]
    pub(crate) fn with_limit(max: f64) -> Self {
        Meter { spent: 0.0, max }
    }

    /// How many distances in `dim` columns fit in what is left after a step that also looks at `points` points.
    pub(crate) fn distances_left(&self, dim: usize, points: usize) -> u64 {
        ((self.max - self.spent - points as f64) / distance(dim)).max(0.0) as u64
    }

    /// Adds the work of one step: `evaluations` point-to-centroid (or point-to-box) distances in `dim` columns
    /// ([`distance`] units each), plus one unit per point looked at (`points`); past [`MAX_WORK`] it is a `too-much-work` error on `field`,
    /// the option that would lower the work.
    pub(crate) fn spend(&mut self, evaluations: u64, dim: usize, points: usize, field: &str) -> Result<()> {
        self.spent += evaluations as f64 * distance(dim) + points as f64;
        if self.spent <= self.max {
            return Ok(());
        }
        Err(Error::new(
            Code::TooMuchWork,
            field,
            format!("stopped after {:e} units of work, the limit per call (lower {field})", self.max),
        ))
    }
}

/// Refuses `units` of work known before it starts (e.g. sample² × dim) above [`MAX_WORK`], naming `field`.
pub(crate) fn check(units: f64, what: &str, field: &str) -> Result<()> {
    if units <= MAX_WORK {
        return Ok(());
    }
    Err(Error::new(
        Code::TooMuchWork,
        field,
        format!("{what} is {units:e} units of work; at most {MAX_WORK:e} per call (lower {field})"),
    ))
}
