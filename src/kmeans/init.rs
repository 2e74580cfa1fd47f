//! Greedy k-means++ seeding (Arthur & Vassilvitskii 2007, with scikit-learn's greedy trials).
//!
//! It keeps each point's squared distance to its nearest chosen centre, so each new centre costs two passes
//! over the data: O(n·k·(2 + ln k)) distances in all, with no n × k matrix.

use crate::error::{Error, Result};
use crate::kmeans::data::Data;
use crate::kmeans::kernel::{argsort, sq_dist, with_dim};
use crate::kmeans::rng::Rng;

/// `k` initial centroids, row-major, in the data's space.
pub fn kmeans_plus_plus(data: &Data, k: usize, rng: &mut Rng) -> Result<Vec<f64>> {
    with_dim!(data.d, D => seed_centroids::<D>(data, k, rng))
}

fn seed_centroids<const D: usize>(data: &Data, k: usize, rng: &mut Rng) -> Result<Vec<f64>> {
    let (n, d) = (data.n, data.d);
    let x = &data.x[..];
    let trials = 2 + (k as f64).ln() as usize;
    let mut centroids = Vec::with_capacity(k * d);

    // First centre: a point drawn with probability ∝ weight.
    let first = draw(data, &[rng.next_f64() * data.total_weight()], |i| data.weight(i))[0];
    centroids.extend_from_slice(&x[first * d..first * d + d]);
    let mut closest: Vec<f64> = x.chunks_exact(d).map(|p| sq_dist::<D>(p, &centroids, d)).collect();
    let mut potential: f64 = (0..n).map(|i| data.weight(i) * closest[i]).sum();

    let mut candidates = vec![0.0; trials * d];
    let mut potentials = vec![0.0; trials];
    for _ in 1..k {
        if potential <= 0.0 {
            // Every point with weight sits on a chosen centre: fewer distinct points than k.
            let distinct = centroids.len() / d;
            return Err(Error::invalid(
                "k",
                format!("{k} is more than the number of distinct points with positive weight ({distinct})"),
            ));
        }
        let targets: Vec<f64> = (0..trials).map(|_| rng.next_f64() * potential).collect();
        let picked = draw(data, &targets, |i| data.weight(i) * closest[i]);
        for (slot, &i) in candidates.chunks_exact_mut(d).zip(&picked) {
            slot.copy_from_slice(&x[i * d..i * d + d]);
        }

        // The potential each candidate would leave, all candidates in one pass.
        potentials.iter_mut().for_each(|p| *p = 0.0);
        for (i, p) in x.chunks_exact(d).enumerate() {
            let w = data.weight(i);
            for (pot, c) in potentials.iter_mut().zip(candidates.chunks_exact(d)) {
                *pot += w * closest[i].min(sq_dist::<D>(p, c, d));
            }
        }
        let best = (0..trials).fold(0, |b, t| if potentials[t] < potentials[b] { t } else { b });
        let centre = &candidates[best * d..best * d + d];
        for (c, p) in closest.iter_mut().zip(x.chunks_exact(d)) {
            *c = c.min(sq_dist::<D>(p, centre, d));
        }
        potential = potentials[best];
        centroids.extend_from_slice(centre);
    }
    Ok(centroids)
}

/// For each target t (in [0, total mass)), the first index whose cumulative `mass` exceeds t, in one pass.
/// Rounding can leave a target unmatched at the very end; it then takes the last index with positive mass.
fn draw(data: &Data, targets: &[f64], mass: impl Fn(usize) -> f64) -> Vec<usize> {
    let order = argsort(targets);
    let mut picked = vec![usize::MAX; targets.len()];
    let (mut cumulative, mut next, mut last_positive) = (0.0, 0, 0);
    for i in 0..data.n {
        let m = mass(i);
        if m > 0.0 {
            last_positive = i;
        }
        cumulative += m;
        while next < order.len() && cumulative > targets[order[next]] {
            picked[order[next]] = i;
            next += 1;
        }
        if next == order.len() {
            break;
        }
    }
    picked.iter_mut().filter(|p| **p == usize::MAX).for_each(|p| *p = last_positive);
    picked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kmeans::params::Metric;
    use ndarray::array;

    #[test]
    fn picks_distinct_points_and_respects_weights() {
        let p = array![[0.0, 0.0], [5.0, 5.0], [9.0, 0.0], [100.0, 100.0]];
        let w = array![1.0, 1.0, 1.0, 0.0]; // the far point has no weight, so it is never chosen
        let data = Data::new(p.view(), Some(w.view()), Metric::Euclidean, None).unwrap();
        for seed in 0..50 {
            let c = kmeans_plus_plus(&data, 3, &mut Rng::new(seed)).unwrap();
            let mut rows: Vec<[u64; 2]> = c.chunks(2).map(|r| [r[0].to_bits(), r[1].to_bits()]).collect();
            rows.sort();
            rows.dedup();
            assert_eq!(rows.len(), 3, "seed {seed}: {c:?}");
            assert!(!c.contains(&100.0));
        }
    }

    #[test]
    fn more_centres_than_distinct_points_is_an_error() {
        let p = array![[1.0], [1.0], [2.0]];
        let data = Data::new(p.view(), None, Metric::Euclidean, None).unwrap();
        let err = kmeans_plus_plus(&data, 3, &mut Rng::new(0)).unwrap_err();
        assert_eq!(err.to_string(), "k: 3 is more than the number of distinct points with positive weight (2)");
        assert!(kmeans_plus_plus(&data, 2, &mut Rng::new(0)).is_ok());
    }
}
