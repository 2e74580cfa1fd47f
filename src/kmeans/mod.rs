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

use crate::error::{Error, Result};
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

    /// [`fit`](Self::fit) with the work spent on `meter`, which several fits can share (`elbow`).
    pub(crate) fn fit_metered(
        &self,
        points: ArrayView2<f64>,
        weights: Option<ArrayView1<f64>>,
        meter: &mut limits::Meter,
    ) -> Result<KMeansFit> {
        self.check()?;
        self.fit_data_metered(Data::new(points, weights, self.metric, None)?, &mut |_| Ok(()), meter)
    }

    fn fit_data(&self, data: Data, progress: &mut dyn FnMut(Progress) -> Result<()>) -> Result<KMeansFit> {
        self.fit_data_metered(data, progress, &mut limits::Meter::default())
    }

    fn fit_data_metered(
        &self,
        data: Data,
        progress: &mut dyn FnMut(Progress) -> Result<()>,
        meter: &mut limits::Meter,
    ) -> Result<KMeansFit> {
        let seed = self.prepare(&data)?;
        let mut rng = Rng::new(seed);
        let runs = self.runs();
        // Two passes over the data, only needed for a positive tolerance.
        let tol = if self.tol > 0.0 { data.absolute_tol(self.tol) } else { 0.0 };
        // Seeding and Lloyd's iterations see the points in the tree's order.
        let (data, tree) = tree::build(data);
        let starts =
            (0..runs).map(|_| self.initial_centroids(&data, &tree, &mut rng, meter)).collect::<Result<Vec<_>>>()?;
        let (mut evaluations, mut lloyd_evaluations) = (0, 0);
        let mut best: Option<(State, f64, usize, bool)> = None;
        for (run, start) in starts.into_iter().enumerate() {
            let mut state = State::new(start, &data, &tree, self.accelerated);
            let (mut iterations, mut converged, mut stable) = (0, false, false);
            while iterations < self.max_iter {
                let before = state.evaluations;
                // A pass that would cross the limit stops part-way, so no single pass can run long either.
                state.limit = meter.distances_left(data.d, data.n);
                let step = state.iterate(&data, &tree);
                // The first pass alone over the limit: it is k (with the points) that asks too much.
                let field = if iterations == 0 { "k" } else { "maxIter" };
                meter.spend(state.evaluations - before, data.d, data.n, field)?;
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
                let before = state.evaluations;
                state.limit = meter.distances_left(data.d, data.n);
                state.assign(&data, &tree);
                meter.spend(state.evaluations - before, data.d, data.n, "maxIter")?;
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
        self.check_work(data.n, data.d)?;
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

    /// Work units (points × k × (dim + 4) × restarts) of one iteration of every restart on `n` points in `d`
    /// columns, at plain Lloyd's rate.
    pub(crate) fn work(&self, n: usize, d: usize) -> f64 {
        n as f64 * self.k as f64 * limits::distance(d) * self.runs() as f64
    }

    /// Refuses a k-means++ fit whose first iteration of every restart would already be over [`limits::MAX_WORK`]
    /// at plain Lloyd's rate, naming `nInit` when the restarts cross it, else `k`. (Its seeding alone costs about
    /// that much.) A fit from given centroids is only metered: from a good start the tree filter's passes cost a
    /// small share of Lloyd's, which is how `consolidate` places hundreds of pickup points among a million orders.
    fn check_work(&self, n: usize, d: usize) -> Result<()> {
        if matches!(self.init, Init::Centroids(_)) {
            return Ok(());
        }
        let field = if n as f64 * self.k as f64 * limits::distance(d) <= limits::MAX_WORK { "nInit" } else { "k" };
        let what = format!("{n} points × k = {} × dim = {d} × nInit = {}", self.k, self.runs());
        limits::check(self.work(n, d), &what, field)
    }

    fn initial_centroids(
        &self,
        data: &Data,
        tree: &tree::Tree,
        rng: &mut Rng,
        meter: &mut limits::Meter,
    ) -> Result<Vec<f64>> {
        match &self.init {
            Init::KMeansPlusPlus => init::kmeans_plus_plus(data, tree, self.k, rng, meter),
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
/// centroids. Points × centroids × (dim + 4) is at most [`limits::MAX_WORK`] (field `points`: predict fewer at a time).
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
    let (n, k, d) = (points.nrows(), centroids.nrows(), points.ncols());
    let what = format!("{n} points × {k} centroids × dim = {d}");
    limits::check(n as f64 * k as f64 * limits::distance(d), &what, "points")?;
    let data = Data::new(points, None, metric, plane)?;
    let centres = data.centroids_in(centroids, "centroids")?;
    let d = data.d;
    Ok(data.x.chunks_exact(d).map(|x| kernel::nearest::<0>(x, &centres, d).0).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Code;

    #[test]
    fn points_times_k_times_dim_times_restarts_is_capped() {
        // The page's largest real job stays allowed…
        assert_eq!(KMeansParams::new(128).check_work(1_000_000, 2), Ok(()));
        assert_eq!(KMeansParams::new(128).n_init(5).check_work(1_000_000, 2), Ok(()));
        // …and the limit names what to change: the restarts, or k (dim counts too).
        let e = KMeansParams::new(128).n_init(6).check_work(1_000_000, 2).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "nInit"));
        let e = KMeansParams::new(667).check_work(1_000_000, 2).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "k"));
        // The hostile battery's 2,048 points × k = 512 in 1,024 columns: one run may start (and is metered)…
        assert_eq!(KMeansParams::new(512).check_work(2048, 1024), Ok(()));
        // …four restarts may not.
        let e = KMeansParams::new(512).n_init(4).check_work(2048, 1024).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "nInit"));
        // Explicit centroids are one run whatever nInit says, and only metered.
        let c = Array2::zeros((128, 1));
        assert_eq!(KMeansParams::new(128).n_init(100).init(Init::Centroids(c)).check_work(1_000_000, 2), Ok(()));
        let c = Array2::zeros((4000, 2));
        assert_eq!(KMeansParams::new(4000).init(Init::Centroids(c)).check_work(1_000_000, 2), Ok(()));
        // Refused by fit itself, before any iteration.
        let points = Array2::<f64>::zeros((1_000_000, 1));
        let e = KMeansParams::new(801).seed(1).fit(points.view(), None).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "k"));
    }

    #[test]
    fn the_work_done_is_metered_and_stops_the_run() {
        // 400 points in 8 columns, k = 20 from given centroids: each of Lloyd's passes is 96,400 units.
        let mut rng = Rng::new(9);
        let points = Array2::from_shape_fn((400, 8), |_| rng.next_f64());
        let start = Init::Centroids(points.slice(ndarray::s![..20, ..]).to_owned());
        let lloyd = KMeansParams::new(20).seed(1).init(start).tol(0.0).max_iter(10_000).accelerated(false);
        let e = lloyd.fit_metered(points.view(), None, &mut limits::Meter::with_limit(2e5)).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "maxIter"));
        // Within the meter's limit the same fit is unchanged.
        let fit = lloyd.clone().max_iter(3).fit(points.view(), None).unwrap();
        let metered = lloyd.max_iter(3).fit_metered(points.view(), None, &mut limits::Meter::with_limit(4e5)).unwrap();
        assert_eq!(fit, metered);
        // The seeding is metered too, naming k.
        let e = KMeansParams::new(300).seed(1).fit_metered(points.view(), None, &mut limits::Meter::with_limit(1e5));
        assert_eq!(e.map_err(|e| (e.code(), e.field().to_owned())), Err((Code::TooMuchWork, "k".into())));
        // A stepper's step is one unmetered pass: it must fit, even from given centroids.
        let big = Array2::<f64>::zeros((1_000_000, 1));
        let start = Init::Centroids(Array2::from_shape_fn((801, 1), |(i, _)| i as f64));
        let e = KMeansSteps::new(&KMeansParams::new(801).seed(1).init(start), big.view(), None).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "k"));
        // One pass is stopped part-way too: from 300 given centroids a pass is 4.8 × 10⁶ units; the meter allows 10⁵.
        let start = Init::Centroids(points.slice(ndarray::s![..300, ..]).to_owned());
        let meter = &mut limits::Meter::with_limit(1e5);
        let lloyd = KMeansParams::new(300).seed(1).init(start).accelerated(false);
        let e = lloyd.fit_metered(points.view(), None, meter).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "k"));
        assert_eq!(meter.distances_left(8, 0), 0);
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
