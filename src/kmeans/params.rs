//! Parameters, their defaults, and the rules they must satisfy.

use ndarray::Array2;
use serde::Deserialize;

use crate::error::{at_least, Code, Error, Result};
use crate::kmeans::limits;

/// Default iteration cap (scikit-learn's).
pub const DEFAULT_MAX_ITER: usize = 300;
/// Default tolerance on the summed squared centroid shift, relative to the data's mean feature variance
/// (scikit-learn's definition and default).
pub const DEFAULT_TOL: f64 = 1e-4;
/// Default number of k-means++ restarts (scikit-learn's for k-means++).
pub const DEFAULT_N_INIT: usize = 1;

/// How distances are measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Metric {
    /// Straight-line distance between coordinates as given.
    #[default]
    Euclidean,
    /// Rows are `[lat, lon]` in degrees; clustering happens on a local plane in km (see [`crate::geo`]).
    Geo,
}

/// Where the centroids start.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Init {
    /// Greedy k-means++: each new centre is the best of `2 + ⌊ln k⌋` candidates drawn with probability ∝
    /// weight × squared distance to the nearest centre so far, as scikit-learn does.
    #[default]
    KMeansPlusPlus,
    /// Explicit k × dim centroids (`[lat, lon]` rows for the geo metric). A single run: restarts would repeat it.
    Centroids(Array2<f64>),
}

/// k-means settings. Build with [`KMeansParams::new`] and the setters; [`fit`](KMeansParams::fit) checks them.
///
/// | setting | default |
/// |---|---|
/// | `metric` | [`Metric::Euclidean`] |
/// | `seed` | random (from the OS / `crypto.getRandomValues`); the seed used is returned |
/// | `init` | [`Init::KMeansPlusPlus`] |
/// | `n_init` | 1 |
/// | `max_iter` | 300 |
/// | `tol` | 1e-4 (0: run `max_iter` iterations unless the labels stop changing) |
/// | `accelerated` | true (filtering on a tree; false measures every point against every centroid, for reference) |
///
/// ```
/// use green_delivery::kmeans::KMeansParams;
/// use ndarray::array;
/// let points = array![[0.0, 0.0], [0.0, 1.0], [10.0, 0.0], [10.0, 1.0]];
/// let fit = KMeansParams::new(2).seed(1).fit(points.view(), None).unwrap();
/// assert_eq!(fit.labels[0], fit.labels[1]);
/// assert_ne!(fit.labels[0], fit.labels[2]);
/// assert_eq!(fit.inertia, 1.0); // four points, each 0.5 from its centroid
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct KMeansParams {
    pub k: usize,
    pub metric: Metric,
    pub seed: Option<u32>,
    pub init: Init,
    pub n_init: usize,
    pub max_iter: usize,
    pub tol: f64,
    pub accelerated: bool,
}

impl KMeansParams {
    pub fn new(k: usize) -> Self {
        KMeansParams {
            k,
            metric: Metric::Euclidean,
            seed: None,
            init: Init::KMeansPlusPlus,
            n_init: DEFAULT_N_INIT,
            max_iter: DEFAULT_MAX_ITER,
            tol: DEFAULT_TOL,
            accelerated: true,
        }
    }
    pub fn metric(mut self, metric: Metric) -> Self {
        self.metric = metric;
        self
    }
    pub fn seed(mut self, seed: u32) -> Self {
        self.seed = Some(seed);
        self
    }
    pub fn init(mut self, init: Init) -> Self {
        self.init = init;
        self
    }
    pub fn n_init(mut self, n_init: usize) -> Self {
        self.n_init = n_init;
        self
    }
    pub fn max_iter(mut self, max_iter: usize) -> Self {
        self.max_iter = max_iter;
        self
    }
    pub fn tol(mut self, tol: f64) -> Self {
        self.tol = tol;
        self
    }
    pub fn accelerated(mut self, accelerated: bool) -> Self {
        self.accelerated = accelerated;
        self
    }

    /// The rules that do not depend on the data.
    pub fn check(&self) -> Result<()> {
        if self.k == 0 {
            return Err(Error::TooSmall { field: "k".into(), value: 0.0, min: 1.0 });
        }
        if self.n_init == 0 {
            return Err(Error::TooSmall { field: "nInit".into(), value: 0.0, min: 1.0 });
        }
        if self.max_iter == 0 {
            return Err(Error::TooSmall { field: "maxIter".into(), value: 0.0, min: 1.0 });
        }
        let too_many = |field: &str, value: usize, max: usize| {
            Err(Error::new(Code::TooMuchWork, field, format!("{value} is more than the limit, {max}")))
        };
        if self.n_init > limits::MAX_N_INIT {
            return too_many("nInit", self.n_init, limits::MAX_N_INIT);
        }
        if self.max_iter > limits::MAX_ITER {
            return too_many("maxIter", self.max_iter, limits::MAX_ITER);
        }
        at_least("tol", self.tol, 0.0)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid() {
        assert_eq!(KMeansParams::new(3).check(), Ok(()));
    }

    #[test]
    fn k_must_be_positive() {
        assert_eq!(KMeansParams::new(0).check().unwrap_err().to_string(), "k must be at least 1, got 0");
    }

    #[test]
    fn n_init_must_be_positive() {
        assert!(KMeansParams::new(2).n_init(0).check().unwrap_err().to_string().starts_with("nInit"));
    }

    #[test]
    fn max_iter_must_be_positive() {
        assert!(KMeansParams::new(2).max_iter(0).check().unwrap_err().to_string().starts_with("maxIter"));
    }

    #[test]
    fn restarts_and_iterations_are_capped() {
        let e = KMeansParams::new(2).n_init(limits::MAX_N_INIT + 1).check().unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "nInit"));
        let e = KMeansParams::new(2).max_iter(limits::MAX_ITER + 1).check().unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "maxIter"));
        assert!(KMeansParams::new(2).n_init(limits::MAX_N_INIT).max_iter(limits::MAX_ITER).check().is_ok());
    }

    #[test]
    fn tol_must_be_finite_and_non_negative() {
        assert_eq!(KMeansParams::new(2).tol(-1.0).check().unwrap_err().to_string(), "tol must be at least 0, got -1");
        assert!(KMeansParams::new(2).tol(f64::NAN).check().is_err());
    }
}
