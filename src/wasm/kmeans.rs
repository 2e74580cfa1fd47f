//! k-means in JS: points cross once as a `Float64Array`, labels come back as a `Uint32Array`.

use js_sys::{Float64Array, Function, Object, Reflect, Uint32Array};
use ndarray::{ArrayView1, ArrayView2};
use serde::de::IgnoredAny;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::{finish, read, snapshot_of, JsResult};
use crate::error::{Code, Error};
use crate::geo::LocalPlane;
use crate::input::{from_value, Value};
use crate::kmeans::{self as core, Init, KMeansFit, KMeansParams, KMeansSteps, Metric, Progress};

/// The options object of `kmeans`, `elbow` and `KMeansStepper`. `weights`, `init` and `onProgress` are taken out
/// before it is read (a callback is not data, and `init` is text or numbers).
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Options {
    k: Option<usize>,
    k_min: Option<usize>,
    k_max: Option<usize>,
    dim: Option<usize>,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    metric: Metric,
    seed: Option<u32>,
    n_init: Option<usize>,
    max_iter: Option<usize>,
    tol: Option<f64>,
    algorithm: Option<Algorithm>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Algorithm {
    /// The name before the tree filter replaced Hamerly's bounds; same results.
    #[serde(alias = "hamerly")]
    Filter,
    Lloyd,
}

/// `init`: "k-means++" or k × dim starting centroids.
#[derive(Deserialize)]
#[serde(untagged)]
enum InitOption {
    Name(String),
    Centroids(Vec<f64>),
}

/// Everything `kmeans` needs, checked.
struct Job {
    points: Vec<f64>,
    dim: usize,
    weights: Option<Vec<f64>>,
    params: KMeansParams,
    on_progress: Option<Function>,
    k_range: Option<(usize, usize)>,
}

impl Job {
    /// `progress`: whether the caller may pass `onProgress` (only `kmeans` reports progress).
    fn read(points: &JsValue, options: &JsValue, progress: bool) -> Result<Self, Error> {
        let points: Vec<f64> = read_points(points, "points")?;
        let (mut value, functions) = snapshot_of(options, "")?;
        if !matches!(value, Value::Object(_)) {
            return Err(Error::new(Code::WrongType, "", "the options must be an object, e.g. { k: 3 }"));
        }
        let weights = value.take_numbers("weights")?;
        let init: Option<InitOption> = value.take_as("init")?;
        let on_progress = match value.take("onProgress") {
            Value::Null => None,
            _ if !progress => {
                return Err(Error::new(Code::UnknownField, "onProgress", "only kmeans() reports progress"))
            }
            Value::Function(i) => functions.get(i).cloned(),
            _ => return Err(Error::new(Code::WrongType, "onProgress", "must be a function")),
        };
        let o: Options = from_value(value)?;
        let dim = checked_dim(points.len(), o.dim, "points")?;
        let mut params = KMeansParams::new(o.k.unwrap_or(0)).metric(o.metric);
        params.seed = o.seed;
        params.n_init = o.n_init.unwrap_or(params.n_init);
        params.max_iter = o.max_iter.unwrap_or(params.max_iter);
        params.tol = o.tol.unwrap_or(params.tol);
        params.accelerated = !matches!(o.algorithm, Some(Algorithm::Lloyd));
        params.init = match init {
            None => Init::KMeansPlusPlus,
            Some(InitOption::Name(name)) if name == "k-means++" => Init::KMeansPlusPlus,
            Some(InitOption::Name(name)) => {
                return Err(Error::new(Code::UnknownValue, "init", format!("`{name}` is not k-means++")))
            }
            Some(InitOption::Centroids(flat)) => {
                let rows = checked_dim(flat.len(), Some(dim), "init").map(|d| flat.len() / d)?;
                Init::Centroids(
                    ndarray::Array2::from_shape_vec((rows, dim), flat)
                        .map_err(|e| Error::invalid("init", e.to_string()))?,
                )
            }
        };
        let k_range = match (o.k, o.k_min, o.k_max) {
            (Some(_), None, None) => None,
            (None, Some(min), Some(max)) => Some((min, max)),
            (None, None, None) => return Err(Error::required("k")),
            _ => return Err(Error::new(Code::Conflict, "k", "give k (kmeans), or kMin and kMax (elbow), not both")),
        };
        Ok(Job { points, dim, weights, params, on_progress, k_range })
    }

    fn rows(&self) -> Result<ArrayView2<'_, f64>, Error> {
        rows(&self.points, self.dim, "points")
    }

    fn weights(&self) -> Option<ArrayView1<'_, f64>> {
        self.weights.as_deref().map(ArrayView1::from)
    }
}

/// A numeric argument: a Float64Array (or any typed array of numbers) or an array of numbers.
fn read_points(js: &JsValue, root: &str) -> Result<Vec<f64>, Error> {
    let (value, _) = snapshot_of(js, root)?;
    value.into_numbers().map_err(|e| e.within(root))
}

/// Row-major values as an n × dim view.
fn rows<'a>(flat: &'a [f64], dim: usize, field: &str) -> Result<ArrayView2<'a, f64>, Error> {
    ArrayView2::from_shape((flat.len() / dim, dim), flat).map_err(|e| Error::invalid(field, e.to_string()))
}

/// `dim` (default 2), checked to be at least 1 and to divide `len` (the number of values in `field`).
fn checked_dim(len: usize, dim: Option<usize>, field: &str) -> Result<usize, Error> {
    let d = dim.unwrap_or(2);
    if d == 0 {
        return Err(Error::TooSmall { field: "dim".into(), value: 0.0, min: 1.0 });
    }
    if len % d != 0 {
        return Err(Error::invalid(field, format!("length {len} is not a multiple of dim = {d}")));
    }
    Ok(d)
}

fn set(object: &Object, key: &str, value: impl Into<JsValue>) {
    // Setting a plain property on a fresh object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value.into());
}

fn metric_name(metric: Metric) -> &'static str {
    match metric {
        Metric::Euclidean => "euclidean",
        Metric::Geo => "geo",
    }
}

fn fit_to_js(fit: &KMeansFit, metric: Metric) -> JsValue {
    let o = Object::new();
    set(&o, "centroids", Float64Array::from(fit.centroids.as_slice().unwrap_or_default()));
    set(&o, "dim", fit.centroids.ncols() as u32);
    set(&o, "metric", metric_name(metric));
    set(&o, "labels", Uint32Array::from(&fit.labels[..]));
    set(&o, "inertia", fit.inertia);
    set(&o, "iterations", fit.iterations as u32);
    set(&o, "converged", fit.converged);
    set(&o, "sizes", Uint32Array::from(&fit.sizes[..]));
    set(&o, "clusterWeights", Float64Array::from(&fit.cluster_weights[..]));
    set(&o, "seed", fit.seed);
    set(&o, "distanceEvaluations", fit.distance_evaluations as f64);
    set(&o, "skippedFraction", fit.skipped_fraction());
    if let Some(plane) = fit.plane {
        set(&o, "origin", Float64Array::from(&[plane.lat0, plane.lon0][..]));
        set(&o, "maxScaleError", plane.max_scale_error);
    }
    o.into()
}

/// Clusters `points` (row-major, `dim` columns). See `KMeansOptions` in the `.d.ts` for options and defaults.
#[wasm_bindgen(unchecked_return_type = "KMeansResult")]
pub fn kmeans(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] points: JsValue,
    #[wasm_bindgen(unchecked_param_type = "KMeansOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let job = Job::read(&points, &options, true)?;
    if job.k_range.is_some() {
        return Err(Error::new(Code::Conflict, "kMin", "kMin and kMax are for elbow(); kmeans() takes k").into());
    }
    let Job { points, dim, weights, params, on_progress, .. } = job;
    let mut report = |p: Progress| -> crate::Result<()> {
        let Some(callback) = &on_progress else { return Ok(()) };
        let o = Object::new();
        set(&o, "run", p.run as u32);
        set(&o, "runs", p.runs as u32);
        set(&o, "iteration", p.iteration as u32);
        set(&o, "maxIter", p.max_iter as u32);
        // `call1` catches: a throwing callback stops the run here, as an error, without unwinding through wasm.
        callback
            .call1(&JsValue::NULL, &o)
            .map(|_| ())
            .map_err(|_| Error::new(Code::Aborted, "onProgress", "threw, so the run stopped"))
    };
    let fit = params.fit_rows(points, dim, weights.as_deref().map(ArrayView1::from), &mut report)?;
    finish(fit_to_js(&fit, params.metric))
}

/// A model for `predict`: a `kmeans` result (its other fields are ignored), or `{ centroids, dim, metric, origin }`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[allow(dead_code)] // the ignored fields only name what a `kmeans` result may also carry
struct Model {
    centroids: Vec<f64>,
    dim: Option<usize>,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    metric: Metric,
    origin: Option<Vec<f64>>,
    labels: Option<IgnoredAny>,
    inertia: Option<IgnoredAny>,
    iterations: Option<IgnoredAny>,
    converged: Option<IgnoredAny>,
    sizes: Option<IgnoredAny>,
    cluster_weights: Option<IgnoredAny>,
    seed: Option<IgnoredAny>,
    distance_evaluations: Option<IgnoredAny>,
    skipped_fraction: Option<IgnoredAny>,
    max_scale_error: Option<IgnoredAny>,
}

/// Labels `points` with the nearest centroid of `model` (a `kmeans` result, or `{ centroids, dim, metric }`).
#[wasm_bindgen(unchecked_return_type = "Uint32Array")]
pub fn predict(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] points: JsValue,
    #[wasm_bindgen(unchecked_param_type = "KMeansModel")] model: JsValue,
) -> JsResult<Uint32Array> {
    let points = read_points(&points, "points")?;
    let model: Model = read(&model, "")?;
    let dim = checked_dim(points.len(), model.dim, "points")?;
    checked_dim(model.centroids.len(), Some(dim), "centroids")?;
    let plane = match model.origin.as_deref() {
        None => None,
        Some(&[lat, lon]) => {
            crate::error::within("origin[0]", lat, -90.0, 90.0)?;
            crate::error::within("origin[1]", lon, -180.0, 180.0)?;
            Some(LocalPlane::with_origin(lat, lon))
        }
        Some(_) => return Err(Error::invalid("origin", "expected [lat, lon]").into()),
    };
    let labels =
        core::predict(rows(&points, dim, "points")?, rows(&model.centroids, dim, "centroids")?, model.metric, plane)?;
    Ok(Uint32Array::from(&labels[..]))
}

/// Inertia for each k from `kMin` to `kMax`, all from the same seed.
#[wasm_bindgen(unchecked_return_type = "ElbowResult")]
pub fn elbow(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] points: JsValue,
    #[wasm_bindgen(unchecked_param_type = "ElbowOptions")] options: JsValue,
) -> JsResult<JsValue> {
    let job = Job::read(&points, &options, false)?;
    let Some((min, max)) = job.k_range else {
        return Err(Error::new(Code::Required, "kMin", "elbow() takes kMin and kMax").into());
    };
    let curve = core::elbow(&job.params, job.rows()?, job.weights(), min..=max)?;
    let o = Object::new();
    set(&o, "k", Uint32Array::from(&curve.iter().map(|c| c.0 as u32).collect::<Vec<_>>()[..]));
    set(&o, "inertia", Float64Array::from(&curve.iter().map(|c| c.1).collect::<Vec<_>>()[..]));
    finish(o.into())
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct SilhouetteOptions {
    dim: Option<usize>,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    metric: Metric,
    sample_size: Option<usize>,
    seed: Option<u32>,
}

/// Mean silhouette coefficient of a labelling, sampled above `sampleSize` (default 2000) points.
#[wasm_bindgen]
pub fn silhouette(
    #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] points: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Uint32Array | number[]")] labels: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SilhouetteOptions")] options: JsValue,
) -> JsResult<f64> {
    let points = read_points(&points, "points")?;
    let labels: Vec<u32> = read(&labels, "labels")?;
    let o: Option<SilhouetteOptions> = read(&options, "")?;
    let o = o.unwrap_or(SilhouetteOptions { dim: None, metric: Metric::default(), sample_size: None, seed: None });
    let dim = checked_dim(points.len(), o.dim, "points")?;
    let sample = o.sample_size.unwrap_or(core::DEFAULT_SILHOUETTE_SAMPLE);
    let score = core::silhouette(rows(&points, dim, "points")?, &labels, o.metric, sample, o.seed.unwrap_or(0))?;
    Ok(score)
}

/// k-means one iteration at a time, for teaching.
#[wasm_bindgen]
pub struct KMeansStepper {
    steps: KMeansSteps,
}

#[wasm_bindgen]
impl KMeansStepper {
    /// Places the initial centroids; call `step()` to iterate.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "Float64Array | number[]")] points: JsValue,
        #[wasm_bindgen(unchecked_param_type = "KMeansOptions")] options: JsValue,
    ) -> JsResult<KMeansStepper> {
        let job = Job::read(&points, &options, false)?;
        Ok(KMeansStepper { steps: KMeansSteps::new(&job.params, job.rows()?, job.weights())? })
    }

    /// One iteration; returns `{ iteration, changed, shift, inertia, converged }`.
    #[wasm_bindgen(unchecked_return_type = "KMeansStep")]
    pub fn step(&mut self) -> JsValue {
        let step = self.steps.step();
        let o = Object::new();
        set(&o, "iteration", step.iteration as u32);
        set(&o, "changed", step.changed as u32);
        set(&o, "shift", step.shift);
        set(&o, "evaluations", step.evaluations as f64);
        set(&o, "inertia", step.inertia);
        set(&o, "converged", step.converged);
        o.into()
    }

    /// Labels from the latest step.
    #[wasm_bindgen(getter)]
    pub fn labels(&self) -> Uint32Array {
        Uint32Array::from(&self.steps.labels()[..])
    }

    /// Current centroids, row-major.
    #[wasm_bindgen(getter)]
    pub fn centroids(&self) -> JsResult<Float64Array> {
        let c = self.steps.centroids()?;
        Ok(Float64Array::from(c.as_slice().unwrap_or_default()))
    }

    #[wasm_bindgen(getter)]
    pub fn inertia(&self) -> f64 {
        self.steps.inertia()
    }

    #[wasm_bindgen(getter)]
    pub fn iteration(&self) -> u32 {
        self.steps.iteration() as u32
    }

    #[wasm_bindgen(getter)]
    pub fn converged(&self) -> bool {
        self.steps.converged()
    }

    #[wasm_bindgen(getter)]
    pub fn seed(&self) -> u32 {
        self.steps.seed()
    }
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = r#"
export interface KMeansOptions {
  /** Number of clusters, 1 <= k <= number of points. */ k: number;
  /** Columns per point. Default 2. Coordinates must be finite and within ±1e75. */ dim?: number;
  /** "geo": rows are [lat, lon] in degrees, distances in km. Default "euclidean". */ metric?: "euclidean" | "geo";
  /** Per-point weights (e.g. parcels per stop), finite and >= 0, not all 0, total at most 1e75. */ weights?: Float64Array | number[];
  /** u32. The same seed gives the same result. Default: random (returned as `seed`). */ seed?: number;
  /** Default "k-means++" (greedy, 2 + ln k candidates). Or k × dim initial centroids. */ init?: "k-means++" | Float64Array | number[];
  /** k-means++ restarts; the lowest inertia wins. Default 1. */ nInit?: number;
  /** Default 300. */ maxIter?: number;
  /** Stop when the summed squared centroid shift <= tol × mean feature variance. Default 1e-4; 0 runs maxIter unless labels settle. */ tol?: number;
  /** "filter" (default) skips provably useless distance computations; "lloyd" computes all. Same result. */ algorithm?: "filter" | "lloyd";
  /** Called after every iteration; throwing stops the run. */ onProgress?: (p: { run: number; runs: number; iteration: number; maxIter: number }) => void;
}
export interface KMeansModel {
  centroids: Float64Array | number[];
  dim?: number;
  metric?: "euclidean" | "geo";
  /** [lat0, lon0] of the fit's local plane (geo). */ origin?: Float64Array | number[];
}
export interface KMeansResult extends KMeansModel {
  /** k × dim, row-major ([lat, lon] for geo). */ centroids: Float64Array;
  dim: number;
  metric: "euclidean" | "geo";
  labels: Uint32Array;
  /** Σ weight × squared distance (km² for geo). */ inertia: number;
  iterations: number;
  converged: boolean;
  sizes: Uint32Array;
  clusterWeights: Float64Array;
  seed: number;
  distanceEvaluations: number;
  /** Share of Lloyd's distance computations skipped by the tree filter (box tests count as two; negative on tiny inputs). */ skippedFraction: number;
  /** Geo only: worst relative error of an east-west distance on the local plane. */ maxScaleError?: number;
}
export type ElbowOptions = Omit<KMeansOptions, "k" | "onProgress"> & { kMin: number; kMax: number };
export interface ElbowResult { k: Uint32Array; inertia: Float64Array }
export interface SilhouetteOptions { dim?: number; metric?: "euclidean" | "geo"; /** Default 2000. */ sampleSize?: number; seed?: number }
export interface KMeansStep {
  iteration: number;
  /** Points whose label changed. */ changed: number;
  /** Summed squared centroid shift. */ shift: number;
  /** Distances computed this step; box tests count as two (plain Lloyd: n × k). */ evaluations: number;
  inertia: number;
  converged: boolean;
}
"#;
