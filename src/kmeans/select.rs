//! Choosing k: inertia over a range of k (the elbow), and the silhouette score.

use ndarray::{ArrayView1, ArrayView2};

use crate::error::{Code, Error, Result};
use crate::kmeans::data::Data;
use crate::kmeans::kernel::sq_dist;
use crate::kmeans::{limits, resolve_seed, KMeansParams, Metric, Rng};

/// Points the silhouette looks at by default; above this it samples, as scikit-learn's `sample_size` does.
pub const DEFAULT_SILHOUETTE_SAMPLE: usize = 2000;

/// Inertia of a fit for each k in `ks`, all from the same seed. Look for the k after which it stops falling fast.
/// At most [`limits::MAX_ELBOW_KS`] values of k, and their fits' summed work within [`limits::MAX_WORK`].
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
    let (k_min, k_max) = (*ks.start(), *ks.end());
    let count = k_max - k_min + 1;
    if count > limits::MAX_ELBOW_KS {
        return Err(Error::new(
            Code::TooMuchWork,
            "kMax",
            format!("kMin = {k_min} to kMax = {k_max} is {count} fits; at most {}", limits::MAX_ELBOW_KS),
        ));
    }
    let (n, d) = points.dim();
    let work: f64 = ks.clone().map(|k| KMeansParams { k, ..params.clone() }.work(n, d)).sum();
    limits::check(work, &format!("{n} points × dim = {d} × k from {k_min} to {k_max}"), "kMax")?;
    let seed = resolve_seed(params.seed)?;
    // One meter for all the fits: together they stay within the limit.
    let mut meter = limits::Meter::default();
    ks.map(|k| {
        let fit = KMeansParams { k, seed: Some(seed), ..params.clone() }.fit_metered(points, weights, &mut meter)?;
        Ok((k, fit.inertia))
    })
    .collect()
}

/// Mean silhouette coefficient in [-1, 1] (Rousseeuw 1987): for each point, (b − a) / max(a, b), where a is its
/// mean distance to the rest of its cluster and b the mean distance to the nearest other cluster. Above
/// `sample_size` points it is computed on a seeded random sample of that many, as scikit-learn does; the cost
/// is sample² × 2 × (dim + 4) units, within [`limits::MAX_WORK`], and the sample is at most [`limits::MAX_SILHOUETTE_SAMPLE`] points. Each label must be below the
/// number of points (error `labels[i]`, code `out-of-range`). Weights are not used. Distances are in km for geo.
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
    // Each pair costs about twice a k-means distance: a square root and a running sum per cluster.
    let sample_n = sample_size.min(data.n) as f64;
    let what = format!("a sample of {sample_n} points, squared, × 2 × (dim = {} + 4)", data.d);
    limits::check(sample_n * sample_n * 2.0 * limits::distance(data.d), &what, "sampleSize")?;
    if sample_size.min(data.n) > limits::MAX_SILHOUETTE_SAMPLE {
        return Err(Error::new(
            Code::TooMuchWork,
            "sampleSize",
            format!(
                "{} points would be compared pairwise; at most {} (give a smaller sampleSize)",
                sample_size.min(data.n),
                limits::MAX_SILHOUETTE_SAMPLE
            ),
        ));
    }
    // A label names a cluster, and there are at most as many clusters as points.
    if let Some(i) = labels.iter().position(|&l| l as usize >= data.n) {
        return Err(Error::OutOfRange {
            field: format!("labels[{i}]"),
            value: f64::from(labels[i]),
            min: 0.0,
            max: (data.n - 1) as f64,
        });
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
    // The sample's clusters, numbered 0..k in order of first appearance: buffers are sized by the clusters the
    // sample holds (≤ the sample), never by the largest label.
    let mut cluster_of: std::collections::HashMap<u32, usize> = std::collections::HashMap::new();
    let label: Vec<usize> = sample
        .iter()
        .map(|&i| {
            let next = cluster_of.len();
            *cluster_of.entry(labels[i]).or_insert(next)
        })
        .collect();
    let k = cluster_of.len();
    let mut count = vec![0usize; k];
    label.iter().for_each(|&c| count[c] += 1);
    if count.iter().filter(|&&c| c > 0).count() < 2 {
        return Err(Error::invalid("labels", "the silhouette needs at least 2 clusters"));
    }

    let d = data.d;
    let row = |i: usize| &data.x[i * d..i * d + d];
    let mut sum = vec![0.0; k];
    let mut total = 0.0;
    for (a, &i) in sample.iter().enumerate() {
        sum.iter_mut().for_each(|s| *s = 0.0);
        for (b, &j) in sample.iter().enumerate() {
            sum[label[b]] += sq_dist::<0>(row(i), row(j), d).sqrt();
        }
        let own = label[a];
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

#[cfg(test)]
mod tests {
    use super::*;
    use ndarray::Array2;

    fn line(n: usize) -> Array2<f64> {
        Array2::from_shape_fn((n, 1), |(i, _)| i as f64)
    }

    #[test]
    fn a_label_beyond_the_points_is_out_of_range() {
        let points = line(4);
        for bad in [u32::MAX, 4, (-1i32) as u32] {
            let e = silhouette(points.view(), &[0, 0, 1, bad], Metric::Euclidean, 100, 0).unwrap_err();
            assert_eq!((e.code(), e.field()), (Code::OutOfRange, "labels[3]"));
        }
        // Labels need not be dense: 0 and 3 are two clusters.
        let s = silhouette(points.view(), &[0, 0, 3, 3], Metric::Euclidean, 100, 0).unwrap();
        assert!(s > 0.0 && s.is_finite());
    }

    #[test]
    fn silhouette_sample_is_capped() {
        let points = line(limits::MAX_SILHOUETTE_SAMPLE + 1);
        let labels: Vec<u32> = (0..points.nrows() as u32).map(|i| i % 2).collect();
        let e = silhouette(points.view(), &labels, Metric::Euclidean, usize::MAX, 0).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "sampleSize"));
        // A sample size above the points is only the points.
        assert!(silhouette(line(10).view(), &[0, 1, 0, 1, 0, 1, 0, 1, 0, 1], Metric::Euclidean, usize::MAX, 0).is_ok());
    }

    #[test]
    fn elbow_range_and_work_are_capped() {
        let params = KMeansParams::new(1).seed(0);
        let e = elbow(&params, line(100).view(), None, 1..=51).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "kMax"));
        assert_eq!(elbow(&params, line(100).view(), None, 1..=50).unwrap().len(), 50);
        // 1,000,000 points × (k from 1000 to 1049) is over 4e9: refused before any fit.
        let big = Array2::<f64>::zeros((1_000_000, 1));
        let e = elbow(&params, big.view(), None, 1000..=1049).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::TooMuchWork, "kMax"));
    }
}
