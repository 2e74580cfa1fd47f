//! k-means in JS: points cross once as a `Float64Array`, labels come back as a `Uint32Array`.

use js_sys::{Array, Float64Array, Function, Object, Reflect, Uint32Array};
use ndarray::{ArrayView1, ArrayView2};
use serde::de::IgnoredAny;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::{field, read};
use crate::error::Error;
use crate::geo::LocalPlane;
use crate::kmeans::{self as core, Init, KMeansFit, KMeansParams, KMeansSteps, Metric, Progress};

/// The options object of `kmeans`, `elbow` and `KMeansStepper`. Typed arrays and the callback are read by hand
/// (`IgnoredAny` only reserves their names) so a million weights cross as one copy.
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
    #[allow(dead_code)] // read by hand in `Job::read`
    init: Option<IgnoredAny>,
    n_init: Option<usize>,
    max_iter: Option<usize>,
    tol: Option<f64>,
    algorithm: Option<Algorithm>,
    #[allow(dead_code)] // read by hand in `Job::read`
    weights: Option<IgnoredAny>,
    #[allow(dead_code)] // read by hand in `Job::read`
    on_progress: Option<IgnoredAny>,
}

#[derive(Deserialize)]
#[serde(rename_all = "lowercase")]
enum Algorithm {
    /// The name before the tree filter replaced Hamerly's bounds; same results.
    #[serde(alias = "hamerly")]
    Filter,
    Lloyd,
}

/// Everything `kmeans` needs, checked.
struct Job<'a> {
    points: ArrayView2<'a, f64>,
    weights: Option<Vec<f64>>,
    params: KMeansParams,
    on_progress: Option<Function>,
    k_range: Option<(usize, usize)>,
}

impl<'a> Job<'a> {
    fn read(points: &'a [f64], options: JsValue) -> Result<Self, JsError> {
        let weights = f64_array(&options, "weights")?;
        let init = field(&options, "init");
        let on_progress = match field(&options, "onProgress") {
            f if f.is_undefined() || f.is_null() => None,
            f => Some(f.dyn_into::<Function>().map_err(|_| Error::invalid("onProgress", "must be a function"))?),
        };
        let o: Options = read(options)?;
        let points = rows(points, o.dim)?;
        let mut params = KMeansParams::new(o.k.unwrap_or(0)).metric(o.metric);
        params.seed = o.seed;
        params.n_init = o.n_init.unwrap_or(params.n_init);
        params.max_iter = o.max_iter.unwrap_or(params.max_iter);
        params.tol = o.tol.unwrap_or(params.tol);
        params.accelerated = !matches!(o.algorithm, Some(Algorithm::Lloyd));
        params.init = match init {
            v if v.is_undefined() || v.as_string().as_deref() == Some("k-means++") => Init::KMeansPlusPlus,
            v if v.is_object() => {
                let flat = Float64Array::new(&v).to_vec();
                let d = points.ncols();
                if flat.len() % d != 0 {
                    return Err(Error::invalid(
                        "init",
                        format!("length {} is not a multiple of dim = {d}", flat.len()),
                    )
                    .into());
                }
                let rows = flat.len() / d;
                Init::Centroids(
                    ndarray::Array2::from_shape_vec((rows, d), flat)
                        .map_err(|e| Error::invalid("init", e.to_string()))?,
                )
            }
            _ => return Err(Error::invalid("init", "expected \"k-means++\" or the k × dim initial centroids").into()),
        };
        let k_range = match (o.k, o.k_min, o.k_max) {
            (Some(_), None, None) => None,
            (None, Some(min), Some(max)) => Some((min, max)),
            (None, None, None) => return Err(Error::required("k").into()),
            _ => return Err(Error::invalid("k", "give k (kmeans), or kMin and kMax (elbow), not both").into()),
        };
        Ok(Job { points, weights, params, on_progress, k_range })
    }

    fn weights(&self) -> Option<ArrayView1<'_, f64>> {
        self.weights.as_deref().map(ArrayView1::from)
    }
}

/// Row-major points as an n × dim view; `dim` defaults to 2.
fn rows(points: &[f64], dim: Option<usize>) -> Result<ArrayView2<'_, f64>, JsError> {
    let d = dim.unwrap_or(2);
    if d == 0 {
        return Err(Error::TooSmall { field: "dim".into(), value: 0.0, min: 1.0 }.into());
    }
    if points.len() % d != 0 {
        return Err(Error::invalid("points", format!("length {} is not a multiple of dim = {d}", points.len())).into());
    }
    ArrayView2::from_shape((points.len() / d, d), points).map_err(|e| Error::invalid("points", e.to_string()).into())
}

/// An optional array of numbers (typed or plain) from `options[key]`.
fn f64_array(options: &JsValue, key: &str) -> Result<Option<Vec<f64>>, JsError> {
    match field(options, key) {
        v if v.is_undefined() || v.is_null() => Ok(None),
        v if v.is_instance_of::<Float64Array>() || Array::is_array(&v) => Ok(Some(Float64Array::new(&v).to_vec())),
        _ => Err(Error::invalid(key, "expected a Float64Array or an array of numbers").into()),
    }
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
    // Taken by value: the copy wasm-bindgen makes is freed as soon as the engine has its reordered copy.
    points: Vec<f64>,
    #[wasm_bindgen(unchecked_param_type = "KMeansOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let job = Job::read(&points, options)?;
    if job.k_range.is_some() {
        return Err(Error::invalid("kMin", "kMin and kMax are for elbow(); kmeans() takes k").into());
    }
    let Job { points: rows, weights, params, on_progress, .. } = job;
    let dim = rows.ncols();
    let mut report = |p: Progress| -> crate::Result<()> {
        let Some(callback) = &on_progress else { return Ok(()) };
        let o = Object::new();
        set(&o, "run", p.run as u32);
        set(&o, "runs", p.runs as u32);
        set(&o, "iteration", p.iteration as u32);
        set(&o, "maxIter", p.max_iter as u32);
        callback.call1(&JsValue::NULL, &o).map(|_| ()).map_err(|e| {
            let message = e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default();
            Error::invalid("onProgress", format!("threw: {message}"))
        })
    };
    let fit = params.fit_rows(points, dim, weights.as_deref().map(ArrayView1::from), &mut report)?;
    Ok(fit_to_js(&fit, params.metric))
}

/// Labels `points` with the nearest centroid of `model` (a `kmeans` result, or `{ centroids, dim, metric }`).
#[wasm_bindgen(unchecked_return_type = "Uint32Array")]
pub fn predict(
    points: &[f64],
    #[wasm_bindgen(unchecked_param_type = "KMeansModel")] model: JsValue,
) -> Result<Uint32Array, JsError> {
    let centroids = f64_array(&model, "centroids")?.ok_or_else(|| Error::required("centroids"))?;
    let dim = field(&model, "dim").as_f64().map(|d| d as usize);
    let metric = match field(&model, "metric").as_string().as_deref() {
        None | Some("euclidean") => Metric::Euclidean,
        Some("geo") => Metric::Geo,
        Some(other) => {
            return Err(Error::invalid("metric", format!("expected \"euclidean\" or \"geo\", got \"{other}\"")).into())
        }
    };
    let plane = match f64_array(&model, "origin")?.as_deref() {
        None => None,
        Some(&[lat, lon]) => Some(LocalPlane::with_origin(lat, lon)),
        Some(_) => return Err(Error::invalid("origin", "expected [lat, lon]").into()),
    };
    let labels = core::predict(rows(points, dim)?, rows(&centroids, dim)?, metric, plane)?;
    Ok(Uint32Array::from(&labels[..]))
}

/// Inertia for each k from `kMin` to `kMax`, all from the same seed.
#[wasm_bindgen(unchecked_return_type = "ElbowResult")]
pub fn elbow(
    points: &[f64],
    #[wasm_bindgen(unchecked_param_type = "ElbowOptions")] options: JsValue,
) -> Result<JsValue, JsError> {
    let job = Job::read(points, options)?;
    let Some((min, max)) = job.k_range else {
        return Err(Error::invalid("kMin", "elbow() takes kMin and kMax").into());
    };
    let curve = core::elbow(&job.params, job.points, job.weights(), min..=max)?;
    let o = Object::new();
    set(&o, "k", Uint32Array::from(&curve.iter().map(|c| c.0 as u32).collect::<Vec<_>>()[..]));
    set(&o, "inertia", Float64Array::from(&curve.iter().map(|c| c.1).collect::<Vec<_>>()[..]));
    Ok(o.into())
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
    points: &[f64],
    labels: &[u32],
    #[wasm_bindgen(unchecked_param_type = "SilhouetteOptions")] options: JsValue,
) -> Result<f64, JsError> {
    let o: SilhouetteOptions = if options.is_undefined() { read(Object::new().into())? } else { read(options)? };
    let sample = o.sample_size.unwrap_or(core::DEFAULT_SILHOUETTE_SAMPLE);
    Ok(core::silhouette(rows(points, o.dim)?, labels, o.metric, sample, o.seed.unwrap_or(0))?)
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
        points: &[f64],
        #[wasm_bindgen(unchecked_param_type = "KMeansOptions")] options: JsValue,
    ) -> Result<KMeansStepper, JsError> {
        let job = Job::read(points, options)?;
        Ok(KMeansStepper { steps: KMeansSteps::new(&job.params, job.points, job.weights())? })
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
    pub fn centroids(&self) -> Result<Float64Array, JsError> {
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
