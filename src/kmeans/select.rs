//! Choosing k: inertia over a range of k (the elbow), and the silhouette score.

use ndarray::{ArrayView1, ArrayView2};

use crate::error::{Error, Result};
use crate::kmeans::data::Data;
use crate::kmeans::kernel::sq_dist;
use crate::kmeans::{resolve_seed, KMeansParams, Metric, Rng};

/// Points the silhouette looks at by default; above this it samples, as scikit-learn's `sample_size` does.
pub const DEFAULT_SILHOUETTE_SAMPLE: usize = 2000;

/// Inertia of a fit for each k in `ks`, all from the same seed. Look for the k after which it stops falling fast.
///
/// ```
/// use green_delivery::kmeans::{elbow, KMeansParams};
/// use ndarray::array;
/// let points = array![[0.0], [0.1], [5.0], [5.1], [9.0], [9.1]];
/// let curve = elbow(&KMeansParams::new(1).seed(0), points.view(), None, 1..=4).unwrap();
/// assert_eq!(curve.len(), 4);
/// assert!(curve[2].1 < 0.02); // three tight pairs: k = 3 leaves almost nothing
/// ```
pub fn elbow(
    params: &KMeansParams,
    points: ArrayView2<f64>,
    weights: Option<ArrayView1<f64>>,
    ks: std::ops::RangeInclusive<usize>,
) -> Result<Vec<(usize, f64)>> {
    if ks.is_empty() {
        return Err(Error::invalid("kMax", "must be at least kMin"));
    }
    let seed = resolve_seed(params.seed)?;
    ks.map(|k| {
        let fit = KMeansParams { k, seed: Some(seed), ..params.clone() }.fit(points, weights)?;
        Ok((k, fit.inertia))
    })
    .collect()
}

/// Mean silhouette coefficient in [-1, 1] (Rousseeuw 1987): for each point, (b − a) / max(a, b), where a is its
/// mean distance to the rest of its cluster and b the mean distance to the nearest other cluster. Above
/// `sample_size` points it is computed on a seeded random sample of that many, as scikit-learn does; the cost
/// is O(sample²). Weights are not used. Distances are in km for geo.
///
/// ```
/// use green_delivery::kmeans::{silhouette, Metric};
/// use ndarray::array;
/// let points = array![[0.0], [1.0], [10.0], [11.0]];
/// let s = silhouette(points.view(), &[0, 0, 1, 1], Metric::Euclidean, 100, 0).unwrap();
/// // Points 0 and 11: a = 1, b = 10.5; points 1 and 10: a = 1, b = 9.5.
/// let expected = (9.5 / 10.5 + 8.5 / 9.5) / 2.0;
/// assert!((s - expected).abs() < 1e-12);
/// ```
pub fn silhouette(
    points: ArrayView2<f64>,
    labels: &[u32],
    metric: Metric,
    sample_size: usize,
    seed: u32,
) -> Result<f64> {
    let data = Data::new(points, None, metric, None)?;
    if labels.len() != data.n {
        return Err(Error::invalid(
            "labels",
            format!("expected one label per point ({}), got {}", data.n, labels.len()),
        ));
    }
    if sample_size < 2 {
        return Err(Error::TooSmall { field: "sampleSize".into(), value: sample_size as f64, min: 2.0 });
    }
    let sample: Vec<usize> = if data.n > sample_size {
        let mut rng = Rng::new(seed);
        let mut index: Vec<u32> = (0..data.n as u32).collect();
        for i in 0..sample_size {
            let j = i + rng.below(data.n - i);
            index.swap(i, j);
        }
        index[..sample_size].iter().map(|&i| i as usize).collect()
    } else {
        (0..data.n).collect()
    };
    let k = sample.iter().map(|&i| labels[i] as usize + 1).max().unwrap_or(0);
    let mut count = vec![0usize; k];
    sample.iter().for_each(|&i| count[labels[i] as usize] += 1);
    if count.iter().filter(|&&c| c > 0).count() < 2 {
        return Err(Error::invalid("labels", "the silhouette needs at least 2 clusters"));
    }

    let d = data.d;
    let row = |i: usize| &data.x[i * d..i * d + d];
    let mut sum = vec![0.0; k];
    let mut total = 0.0;
    for &i in &sample {
        sum.iter_mut().for_each(|s| *s = 0.0);
        for &j in &sample {
            sum[labels[j] as usize] += sq_dist::<0>(row(i), row(j), d).sqrt();
        }
        let own = labels[i] as usize;
        if count[own] < 2 {
            continue; // a singleton scores 0
        }
        let a = sum[own] / (count[own] - 1) as f64;
        let b = (0..k)
            .filter(|&c| c != own && count[c] > 0)
            .map(|c| sum[c] / count[c] as f64)
            .fold(f64::INFINITY, f64::min);
        let spread = a.max(b);
        if spread > 0.0 {
            total += (b - a) / spread;
        }
    }
    Ok(total / sample.len() as f64)
}
