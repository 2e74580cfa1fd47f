//! k-means for delivery locations: weighted, seeded, exact Lloyd semantics accelerated by filtering on a tree.
//!
//! - [`KMeansParams::fit`] clusters points (`n × dim`, or `[lat, lon]` rows with [`Metric::Geo`]).
//! - [`predict`] labels new points with fitted centroids.
//! - [`KMeansSteps`] runs one iteration at a time, for teaching.
//! - [`elbow`] and [`silhouette`] help choose k.
//!
//! Conventions follow scikit-learn: greedy k-means++ seeding, `tol` relative to the mean feature variance,
//! empty clusters re-seeded from the farthest points, and inertia = Σ weight × squared distance (km² for geo).

mod algorithm;
mod data;
mod init;
mod kernel;
pub mod limits;
mod params;
pub(crate) mod rng;
mod select;
mod steps;
mod tree;

use ndarray::{Array2, ArrayView1, ArrayView2};

use crate::error::{Code, Error, Result};
use crate::geo::LocalPlane;
use algorithm::State;
use data::Data;
pub use params::{Init, KMeansParams, Metric, DEFAULT_MAX_ITER, DEFAULT_N_INIT, DEFAULT_TOL};
pub use rng::Rng;
pub use select::{elbow, silhouette, DEFAULT_SILHOUETTE_SAMPLE};
pub use steps::{KMeansSteps, Step};

/// A fitted clustering.
#[derive(Debug, Clone, PartialEq)]
pub struct KMeansFit {
    /// k × dim, in the input's coordinates (`[lat, lon]` for geo).
    pub centroids: Array2<f64>,
    /// The nearest centroid of each point.
    pub labels: Vec<u32>,
    /// Σ weight × squared distance to the labelled centroid (km² for geo).
    pub inertia: f64,
    /// Iterations of the best run.
    pub iterations: usize,
    /// Whether the best run stopped before `max_iter` (labels stable, or the shift under `tol`).
    pub converged: bool,
    /// Points per cluster.
    pub sizes: Vec<u32>,
    /// Total weight per cluster.
    pub cluster_weights: Vec<f64>,
    /// The seed used: the one given, or the random one drawn, so any run can be repeated.
    pub seed: u32,
    /// Point-to-centroid distances computed in all runs' assignment steps…
    pub distance_evaluations: u64,
    /// …and what plain Lloyd would have computed (n × k per assignment).
    pub lloyd_evaluations: u64,
    /// For geo: the plane the clustering ran in (its origin places new points in the same plane).
    pub plane: Option<LocalPlane>,
}

impl KMeansFit {
    /// Share of plain Lloyd's distance computations that the tree filter skipped (its box tests count as two
    /// each, so on a few dozen points it can be negative).
    pub fn skipped_fraction(&self) -> f64 {
        1.0 - self.distance_evaluations as f64 / self.lloyd_evaluations.max(1) as f64
    }
}

/// Where a long run is, reported after each iteration.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// 0-based restart.
    pub run: usize,
    pub runs: usize,
    /// Iterations done in this run.
    pub iteration: usize,
    pub max_iter: usize,
}

impl KMeansParams {
    /// Clusters `points` (one row per point), optionally weighted (e.g. parcels per stop).
    pub fn fit(&self, points: ArrayView2<f64>, weights: Option<ArrayView1<f64>>) -> Result<KMeansFit> {
        self.fit_with_progress(points, weights, &mut |_| Ok(()))
    }

    /// [`fit`](Self::fit), calling `progress` after every iteration; an error from it stops the run.
    pub fn fit_with_progress(
        &self,
        points: ArrayView2<f64>,
        weights: Option<ArrayView1<f64>>,
        progress: &mut dyn FnMut(Progress) -> Result<()>,
    ) -> Result<KMeansFit> {
        self.check()?;
        self.fit_data(Data::new(points, weights, self.metric, None)?, progress)
    }

    /// [`fit_with_progress`](Self::fit_with_progress) on `dim`-column row-major points that it owns, so that a
    /// large input is freed as soon as its reordered copy exists.
    pub fn fit_rows(
        &self,
        points: Vec<f64>,
        dim: usize,
        weights: Option<ArrayView1<f64>>,
        progress: &mut dyn FnMut(Progress) -> Result<()>,
    ) -> Result<KMeansFit> {
        self.check()?;
        let n = points.len().checked_div(dim).unwrap_or(0);
        if n * dim != points.len() {
            return Err(Error::invalid("points", format!("length {} is not a multiple of dim = {dim}", points.len())));
        }
        self.fit_data(Data::from_rows(points.into(), n, dim, weights, self.metric, None)?, progress)
    }

    fn fit_data(&self, data: Data, progress: &mut dyn FnMut(Progress) -> Result<()>) -> Result<KMeansFit> {
        let seed = self.prepare(&data)?;
        let mut rng = Rng::new(seed);
        let runs = self.runs();
        // Two passes over the data, only needed for a positive tolerance.
        let tol = if self.tol > 0.0 { data.absolute_tol(self.tol) } else { 0.0 };
        // Seeding and Lloyd's iterations see the points in the tree's order.
        let (data, tree) = tree::build(data);
        let starts = (0..runs).map(|_| self.initial_centroids(&data, &tree, &mut rng)).collect::<Result<Vec<_>>>()?;
        let (mut evaluations, mut lloyd_evaluations) = (0, 0);
        let mut best: Option<(State, f64, usize, bool)> = None;
        for (run, start) in starts.into_iter().enumerate() {
            let mut state = State::new(start, &data, &tree, self.accelerated);
            let (mut iterations, mut converged, mut stable) = (0, false, false);
            while iterations < self.max_iter {
                let step = state.iterate(&data, &tree);
                iterations += 1;
                progress(Progress { run, runs, iteration: iterations, max_iter: self.max_iter })?;
                stable = step.changed == 0;
                if stable || (self.tol > 0.0 && step.shift <= tol) {
                    converged = true;
                    break;
                }
            }
            if !stable {
                // The last update moved the centroids: label points by the centroids returned.
                state.assign(&data, &tree);
            }
            let inertia = state.inertia(&data);
            evaluations += state.evaluations;
            lloyd_evaluations += state.lloyd_evaluations;
            if best.as_ref().is_none_or(|b| inertia < b.1) {
                best = Some((state, inertia, iterations, converged));
            }
        }
        let (state, inertia, iterations, converged) = best.ok_or_else(|| Error::invalid("nInit", "no run"))?;
        let (sizes, cluster_weights) = state.cluster_sizes(&data);
        Ok(KMeansFit {
            centroids: to_array(data.centroids_out(&state.centroids), data.d)?,
            labels: data.in_input_order(state.labels),
            inertia,
            iterations,
            converged,
            sizes,
            cluster_weights,
            seed,
            distance_evaluations: evaluations,
            lloyd_evaluations,
            plane: data.plane,
        })
    }

    /// Checks k against the data and the work limit; picks the seed.
    fn prepare(&self, data: &Data) -> Result<u32> {
        if self.k > data.n {
            return Err(Error::invalid("k", format!("{} is more than the number of points ({})", self.k, data.n)));
        }
        self.check_work(data.n)?;
        resolve_seed(self.seed)
    }

    /// Restarts this fit makes: one for explicit centroids.
    fn runs(&self) -> usize {
        if matches!(self.init, Init::Centroids(_)) {
            1
        } else {
            self.n_init
        }
    }

    /// Distance units (points × k × restarts) of a fit on `n` points.
    pub(crate) fn work(&self, n: usize) -> f64 {
        n as f64 * self.k as f64 * self.runs() as f64
    }

    /// Refuses a fit over [`limits::MAX_WORK`], naming `nInit` when the restarts cross it, else `k`.
    fn check_work(&self, n: usize) -> Result<()> {
        let work = self.work(n);
        if work <= limits::MAX_WORK {
            return Ok(());
        }
        let field = if n as f64 * self.k as f64 <= limits::MAX_WORK { "nInit" } else { "k" };
        Err(Error::new(
            Code::TooMuchWork,
            field,
            format!(
                "{n} points × k = {} × nInit = {} is {work:e} distance units; at most {:e} per call",
                self.k,
                self.runs(),
                limits::MAX_WORK
            ),
        ))
    }

    fn initial_centroids(&self, data: &Data, tree: &tree::Tree, rng: &mut Rng) -> Result<Vec<f64>> {
        match &self.init {
            Init::KMeansPlusPlus => init::kmeans_plus_plus(data, tree, self.k, rng),
            Init::Centroids(c) => {
                if c.nrows() != self.k {
                    return Err(Error::invalid(
                        "init",
                        format!("expected k = {} centroids, got {}", self.k, c.nrows()),
                    ));
                }
                data.centroids_in(c.view(), "init")
            }
        }
    }
}

/// The given seed, or a fresh one from the OS (natively) or `crypto.getRandomValues` (in the browser).
fn resolve_seed(seed: Option<u32>) -> Result<u32> {
    match seed {
        Some(seed) => Ok(seed),
        None => getrandom::u32().map_err(|_| Error::invalid("seed", "no random source here; pass a seed")),
    }
}

fn to_array(flat: Vec<f64>, d: usize) -> Result<Array2<f64>> {
    let rows = flat.len() / d;
    Array2::from_shape_vec((rows, d), flat).map_err(|e| Error::invalid("centroids", e.to_string()))
}

/// Labels `points` with the nearest of `centroids` (lowest index on ties). For geo, both are `[lat, lon]` rows
/// and `plane` should be the fit's, so that points are measured as in the fit; `None` uses a plane around the
/// centroids.
///
/// ```
/// use green_delivery::kmeans::{predict, Metric};
/// use ndarray::array;
/// let centroids = array![[0.0, 0.0], [10.0, 10.0]];
/// let labels = predict(array![[1.0, 2.0], [9.0, 8.0]].view(), centroids.view(), Metric::Euclidean, None).unwrap();
/// assert_eq!(labels, [0, 1]);
/// ```
pub fn predict(
    points: ArrayView2<f64>,
    centroids: ArrayView2<f64>,
    metric: Metric,
    plane: Option<LocalPlane>,
) -> Result<Vec<u32>> {
    if centroids.nrows() == 0 {
        return Err(Error::invalid("centroids", "no centroids"));
    }
    let plane = match (metric, plane) {
        (Metric::Euclidean, _) => None,
        (Metric::Geo, Some(plane)) => Some(plane.checked("origin")?),
        (Metric::Geo, None) => {
            let flat: Vec<f64> = centroids.iter().copied().collect();
            crate::geo::check_lat_lon(&flat, "centroids")?;
            Some(LocalPlane::around(&flat)?)
        }
    };
    let data = Data::new(points, None, metric, plane)?;
    let centres = data.centroids_in(centroids, "centroids")?;
    let d = data.d;
    Ok(data.x.chunks_exact(d).map(|x| kernel::nearest::<0>(x, &centres, d).0).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_times_k_times_restarts_is_capped() {
        // The page's largest real job stays allowed…
        assert_eq!(KMeansParams::new(128).check_work(1_000_000), Ok(()));
        assert_eq!(KMeansParams::new(128).n_init(31).check_work(1_000_000), Ok(()));
        // …and the limit names what to change.
        let e = KMeansParams::new(128).n_init(32).check_work(1_000_000).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "nInit"));
        let e = KMeansParams::new(4001).check_work(1_000_000).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "k"));
        // Explicit centroids are one run whatever nInit says.
        let c = Array2::zeros((128, 1));
        assert_eq!(KMeansParams::new(128).n_init(100).init(Init::Centroids(c)).check_work(1_000_000), Ok(()));
        // Refused by fit itself, before any iteration.
        let points = Array2::<f64>::zeros((1_000_000, 1));
        let e = KMeansParams::new(4001).seed(1).fit(points.view(), None).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "k"));
    }

    #[test]
    fn predict_refuses_a_bad_origin() {
        let centroids = ndarray::array![[51.5, -0.1], [51.6, -0.2]];
        let points = ndarray::array![[51.55, -0.15]];
        for (lat, lon) in [(f64::NAN, 0.0), (0.0, f64::INFINITY), (91.0, 0.0), (89.5, 0.0), (0.0, 181.0)] {
            let plane = LocalPlane::with_origin(lat, lon);
            let e = predict(points.view(), centroids.view(), Metric::Geo, Some(plane)).unwrap_err();
            assert_eq!(e.field(), "origin", "{lat}, {lon}");
            assert!(matches!(e.code(), Code::OutOfRange | Code::NotFinite));
        }
        let plane = LocalPlane::with_origin(51.55, -0.15);
        assert_eq!(predict(points.view(), centroids.view(), Metric::Geo, Some(plane)).unwrap().len(), 1);
    }
}
