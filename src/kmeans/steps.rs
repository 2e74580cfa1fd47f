//! k-means one iteration at a time, for teaching: after each step the assignment and the centroids can be drawn.

use ndarray::{Array2, ArrayView1, ArrayView2};

use crate::error::Result;
use crate::kmeans::algorithm::State;
use crate::kmeans::data::Data;
use crate::kmeans::tree::{self, Tree};
use crate::kmeans::{limits, to_array, KMeansParams, Rng};

/// A k-means run driven by the caller.
///
/// ```
/// use green_delivery::kmeans::{KMeansParams, KMeansSteps};
/// use ndarray::array;
/// let points = array![[0.0, 0.0], [0.0, 1.0], [5.0, 0.0], [5.0, 1.0]];
/// let mut steps = KMeansSteps::new(&KMeansParams::new(2).seed(3), points.view(), None).unwrap();
/// while !steps.converged() {
///     let step = steps.step();
///     assert!(step.inertia <= 25.0);
/// }
/// assert_eq!(steps.inertia(), 1.0);
/// ```
#[derive(Debug, Clone)]
pub struct KMeansSteps {
    data: Data<'static>,
    tree: Tree,
    state: State,
    tol: f64,
    check_tol: bool,
    iteration: usize,
    converged: bool,
    seed: u32,
}

/// What one step did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Step {
    /// 1-based.
    pub iteration: usize,
    /// Points whose label changed (all of them on the first step).
    pub changed: usize,
    /// Summed squared centroid shift.
    pub shift: f64,
    /// Point-to-centroid distances this step computed (a box test counts as two, so on a few dozen points this
    /// can exceed plain Lloyd's n × k).
    pub evaluations: u64,
    /// Σ weight × squared distance of each point to its cluster's new centroid. It never rises from one step to
    /// the next: the assignment and the update can each only lower it.
    pub inertia: f64,
    /// The labels are stable or the shift is under the tolerance.
    pub converged: bool,
}

impl KMeansSteps {
    /// Checks the input and places the initial centroids (k-means++ or the given ones); no step is taken yet.
    /// `n_init` and `max_iter` are ignored: the caller decides when to stop.
    pub fn new(params: &KMeansParams, points: ArrayView2<f64>, weights: Option<ArrayView1<f64>>) -> Result<Self> {
        params.check()?;
        let data = Data::new(points, weights, params.metric, None)?;
        let seed = params.prepare(&data)?;
        // Each step is one whole pass, which nothing meters: it must fit in the work limit, whatever the start.
        let (n, k, d) = (data.n as f64, params.k as f64, data.d);
        limits::check(n * k * limits::distance(d), &format!("a step over {n} points × k = {k} × dim = {d}"), "k")?;
        // In input order, as `fit` computes it, so that both stop at the same iteration.
        let tol = data.absolute_tol(params.tol);
        let (data, tree) = tree::build(data);
        let data = data.into_owned();
        let centroids = params.initial_centroids(&data, &tree, &mut Rng::new(seed), &mut Default::default())?;
        Ok(KMeansSteps {
            tol,
            check_tol: params.tol > 0.0,
            state: State::new(centroids, &data, &tree, params.accelerated),
            tree,
            data,
            iteration: 0,
            converged: false,
            seed,
        })
    }

    /// One iteration: assign, re-seed empty clusters, move the centroids.
    pub fn step(&mut self) -> Step {
        let before = self.state.evaluations;
        let it = self.state.iterate(&self.data, &self.tree);
        self.iteration += 1;
        self.converged = it.changed == 0 || (self.check_tol && it.shift <= self.tol);
        Step {
            iteration: self.iteration,
            changed: it.changed,
            shift: it.shift,
            evaluations: self.state.evaluations - before,
            inertia: self.inertia(),
            converged: self.converged,
        }
    }

    /// Labels from the latest assignment, in the input's order (all 0 before the first step).
    pub fn labels(&self) -> Vec<u32> {
        self.data.in_input_order(self.state.labels.clone())
    }

    /// Current centroids, in the input's coordinates.
    pub fn centroids(&self) -> Result<Array2<f64>> {
        to_array(self.data.centroids_out(&self.state.centroids), self.data.d)
    }

    pub fn inertia(&self) -> f64 {
        self.state.inertia(&self.data)
    }

    pub fn iteration(&self) -> usize {
        self.iteration
    }

    pub fn converged(&self) -> bool {
        self.converged
    }

    pub fn seed(&self) -> u32 {
        self.seed
    }
}
