//! k-means: known answers, invariants on random data, and edge cases.
#![cfg(not(target_arch = "wasm32"))]

use green_delivery::kmeans::{predict, Init, KMeansParams, KMeansSteps, Metric, Rng};
use ndarray::{array, Array1, Array2};
use proptest::prelude::*;

/// `n` points around each centre, spread `sd` (uniform noise in a square, so clusters are well separated).
fn blobs(centres: &[[f64; 2]], n: usize, sd: f64, seed: u32) -> Array2<f64> {
    let mut rng = Rng::new(seed);
    let rows: Vec<f64> = centres.iter().flat_map(|c| (0..n).map(move |_| *c)).flat_map(|c| [c[0], c[1]]).collect();
    let jittered: Vec<f64> = rows.iter().map(|v| v + sd * (2.0 * rng.next_f64() - 1.0)).collect();
    Array2::from_shape_vec((centres.len() * n, 2), jittered).unwrap()
}

fn random_points(n: usize, d: usize, seed: u32) -> Array2<f64> {
    let mut rng = Rng::new(seed);
    Array2::from_shape_fn((n, d), |_| rng.next_f64() * 100.0)
}

fn sq(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// Index of the nearest row of `centroids` by brute force.
fn nearest(x: &[f64], centroids: &Array2<f64>) -> usize {
    let rows: Vec<&[f64]> = centroids.rows().into_iter().map(|r| r.to_slice().unwrap()).collect();
    (0..rows.len()).fold(0, |b, j| if sq(x, rows[j]) < sq(x, rows[b]) { j } else { b })
}

#[test]
fn recovers_well_separated_centres() {
    let centres = [[0.0, 0.0], [50.0, 0.0], [0.0, 50.0], [50.0, 50.0]];
    let points = blobs(&centres, 250, 3.0, 1);
    let fit = KMeansParams::new(4).seed(7).fit(points.view(), None).unwrap();
    assert!(fit.converged);
    for c in centres {
        let found = fit.centroids.rows().into_iter().any(|r| sq(r.to_slice().unwrap(), &c) < 0.5 * 0.5);
        assert!(found, "centre {c:?} not recovered: {:?}", fit.centroids);
    }
    assert_eq!(fit.sizes, [250; 4]);
    assert_eq!(fit.cluster_weights, [250.0; 4]);
}

#[test]
fn geo_clusters_across_the_antimeridian() {
    // Two towns in the Aleutians straddling 180°, and one far to the east.
    let points = array![[52.00, 179.95], [52.01, -179.97], [52.02, 179.99], [52.0, -170.0], [52.01, -170.02]];
    let fit = KMeansParams::new(2).metric(Metric::Geo).seed(0).fit(points.view(), None).unwrap();
    assert_eq!(fit.labels[0], fit.labels[1]);
    assert_eq!(fit.labels[0], fit.labels[2]);
    assert_ne!(fit.labels[0], fit.labels[3]);
    let town = fit.centroids.row(fit.labels[0] as usize);
    assert!(town[1].abs() > 179.9, "centroid longitude {} should sit on the date line", town[1]);
    // Inertia is in km²: the three points lie within ~3 km of their centroid.
    assert!(fit.inertia > 0.1 && fit.inertia < 20.0, "{}", fit.inertia);
    let again = predict(points.view(), fit.centroids.view(), Metric::Geo, fit.plane).unwrap();
    assert_eq!(again, fit.labels);
}

#[test]
fn empty_cluster_is_reseeded_from_the_farthest_point() {
    let points = array![[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [20.0, 20.0]];
    // The second centroid starts where no point is nearest to it.
    let init = array![[5.0, 5.0], [1000.0, 1000.0]];
    let fit = KMeansParams::new(2).init(Init::Centroids(init)).fit(points.view(), None).unwrap();
    assert_eq!(fit.sizes.iter().filter(|&&s| s == 0).count(), 0, "{:?}", fit.sizes);
    assert_eq!(fit.labels[3], 1, "the farthest point seeds the empty cluster");
    assert_eq!(fit.centroids.row(1).to_vec(), [20.0, 20.0]);
}

#[test]
fn duplicates_and_k_equal_to_distinct_points() {
    let points = array![[1.0, 1.0], [1.0, 1.0], [2.0, 2.0], [2.0, 2.0], [2.0, 2.0], [9.0, 9.0]];
    let fit = KMeansParams::new(3).seed(4).fit(points.view(), None).unwrap();
    assert_eq!(fit.inertia, 0.0);
    let mut sizes = fit.sizes.clone();
    sizes.sort();
    assert_eq!(sizes, [1, 2, 3]);
    let err = KMeansParams::new(4).seed(4).fit(points.view(), None).unwrap_err();
    assert_eq!(err.to_string(), "k: 4 is more than the number of distinct points with positive weight (3)");
}

#[test]
fn k_rules() {
    let points = array![[1.0], [2.0]];
    assert_eq!(
        KMeansParams::new(3).fit(points.view(), None).unwrap_err().to_string(),
        "k: 3 is more than the number of points (2)"
    );
    assert_eq!(KMeansParams::new(0).fit(points.view(), None).unwrap_err().to_string(), "k must be at least 1, got 0");
    let init = array![[1.0]];
    let err = KMeansParams::new(2).init(Init::Centroids(init)).fit(points.view(), None).unwrap_err();
    assert_eq!(err.to_string(), "init: expected k = 2 centroids, got 1");
}

#[test]
fn a_weight_of_two_is_a_duplicated_point() {
    let points = random_points(60, 2, 5);
    let weights = Array1::from_shape_fn(60, |i| if i % 3 == 0 { 2.0 } else { 1.0 });
    let duplicated: Vec<f64> = (0..60)
        .flat_map(|i| if i % 3 == 0 { vec![i, i] } else { vec![i] })
        .flat_map(|i| points.row(i).to_vec())
        .collect();
    let duplicated = Array2::from_shape_vec((80, 2), duplicated).unwrap();
    let init = Init::Centroids(points.slice(ndarray::s![0..4, ..]).to_owned());
    let weighted = KMeansParams::new(4).init(init.clone()).fit(points.view(), Some(weights.view())).unwrap();
    let plain = KMeansParams::new(4).init(init).fit(duplicated.view(), None).unwrap();
    assert!((weighted.inertia - plain.inertia).abs() < 1e-9 * plain.inertia);
    assert!(weighted.centroids.iter().zip(plain.centroids.iter()).all(|(a, b)| (a - b).abs() < 1e-9));
    assert_eq!(weighted.cluster_weights.iter().sum::<f64>(), 80.0);
}

#[test]
fn zero_tolerance_runs_max_iter_unless_labels_settle() {
    let points = random_points(2000, 2, 9);
    let fit = KMeansParams::new(20).seed(1).tol(0.0).max_iter(3).fit(points.view(), None).unwrap();
    assert_eq!((fit.iterations, fit.converged), (3, false));
    let fit = KMeansParams::new(20).seed(1).tol(0.0).fit(points.view(), None).unwrap();
    assert!(fit.converged && fit.iterations < 300);
}

#[test]
fn pruning_skips_most_distance_work_in_2d() {
    let centres: Vec<[f64; 2]> = (0..16).map(|i| [(i % 4) as f64 * 30.0, (i / 4) as f64 * 30.0]).collect();
    let points = blobs(&centres, 500, 10.0, 2);
    let fit = KMeansParams::new(16).seed(3).tol(0.0).fit(points.view(), None).unwrap();
    assert!(fit.skipped_fraction() > 0.9, "skipped only {}", fit.skipped_fraction());
}

/// Step by step, the accelerated and the plain path agree on labels, centroids (to the bit) and the number of
/// changed labels, even at scales where squared distances underflow or come near the accepted limit, and on
/// an integer grid full of ties.
#[test]
fn accelerated_equals_plain_lloyd_at_extreme_scales() {
    for scale in [2f64.powi(-540), 1e-300, 1.0, 1e70] {
        for seed in 0..20 {
            let mut rng = Rng::new(seed);
            let points = Array2::from_shape_fn((200, 2), |_| rng.below(9) as f64 * scale);
            let init = array![[0.0, 0.0], [8.0, 8.0], [0.0, 8.0], [4.0, 3.0]] * scale;
            let params = KMeansParams::new(4).init(Init::Centroids(init)).tol(0.0);
            let mut fast = KMeansSteps::new(&params, points.view(), None).unwrap();
            let mut plain = KMeansSteps::new(&params.clone().accelerated(false), points.view(), None).unwrap();
            for _ in 0..6 {
                let (a, b) = (fast.step(), plain.step());
                assert_eq!(a.changed, b.changed, "scale {scale}, seed {seed}");
                assert_eq!(fast.labels(), plain.labels(), "scale {scale}, seed {seed}");
                let bits = |s: &KMeansSteps| s.centroids().unwrap().iter().map(|v| v.to_bits()).collect::<Vec<_>>();
                assert_eq!(bits(&fast), bits(&plain), "scale {scale}, seed {seed}");
            }
        }
    }
}

/// Squares of 6s and 7s from 0 and from s underflow to the same subnormal at 7s but not at 6s: a box test that
/// trusted a relative margin alone would drop centroid 0 for the leaf [6s, 7s], while the full scan ties at 7s.
#[test]
fn subnormal_distances_do_not_fool_the_box_test() {
    let s = 2f64.powi(-540);
    let points = Array2::from_shape_fn((34, 1), |(i, _)| [0.0, 6.0 * s, 7.0 * s][i.saturating_sub(31)]);
    let params = KMeansParams::new(2).init(Init::Centroids(array![[0.0], [s]]));
    let mut fast = KMeansSteps::new(&params, points.view(), None).unwrap();
    let mut plain = KMeansSteps::new(&params.clone().accelerated(false), points.view(), None).unwrap();
    assert_eq!(fast.step().changed, plain.step().changed);
    assert_eq!(fast.labels(), plain.labels());
    assert_eq!(plain.labels()[33], 0, "a tie: the lower index");
}

/// Plain Lloyd written out directly, as a reference independent of the engine: every distance, labels by
/// lowest index on ties, centroids recomputed from scratch in input order (a cluster left empty keeps its
/// centroid). Returns the labels of the last assignment and the centroids after the last update.
fn straightforward_lloyd(points: &Array2<f64>, init: &Array2<f64>, iterations: usize) -> (Vec<u32>, Array2<f64>) {
    let mut centroids = init.clone();
    let mut labels = vec![0u32; points.nrows()];
    for _ in 0..iterations {
        for (i, row) in points.rows().into_iter().enumerate() {
            labels[i] = nearest(row.to_slice().unwrap(), &centroids) as u32;
        }
        let mut sums = Array2::<f64>::zeros(centroids.dim());
        let mut counts = vec![0usize; centroids.nrows()];
        for (i, row) in points.rows().into_iter().enumerate() {
            let j = labels[i] as usize;
            counts[j] += 1;
            for (s, v) in sums.row_mut(j).iter_mut().zip(row) {
                *s += v;
            }
        }
        for (j, &count) in counts.iter().enumerate() {
            if count > 0 {
                centroids.row_mut(j).assign(&(&sums.row(j) / count as f64));
            }
        }
    }
    (labels, centroids)
}

#[test]
fn matches_a_straightforward_lloyd_in_2d() {
    // Spread-out random points and lat/lon-scale ones (large offsets, small spread). The engine visits points in a
    // spatial order and sums whole groups of them at once, so centroids may differ in the last bits; labels agree.
    for (points, name) in [
        (random_points(3000, 2, 21), "random"),
        (random_points(3000, 2, 22).mapv(|v| 40.0 + v * 1e-3), "lat/lon scale"),
    ] {
        for k in [1, 5, 17] {
            let init = points.slice(ndarray::s![0..k, ..]).to_owned();
            let (labels, centroids) = straightforward_lloyd(&points, &init, 8);
            for accelerated in [true, false] {
                let fit = KMeansParams::new(k)
                    .init(Init::Centroids(init.clone()))
                    .tol(0.0)
                    .max_iter(8)
                    .accelerated(accelerated)
                    .fit(points.view(), None)
                    .unwrap();
                let scale = points.iter().fold(0.0f64, |m, v| m.max(v.abs()));
                let close = fit.centroids.iter().zip(centroids.iter()).all(|(a, b)| (a - b).abs() <= 1e-12 * scale);
                assert!(close, "{name}, k {k}: {:?} vs {centroids:?}", fit.centroids);
                if fit.iterations == 8 {
                    // The fit relabels by its final centroids; the reference's labels are one update behind.
                    let relabelled: Vec<u32> =
                        points.rows().into_iter().map(|r| nearest(r.to_slice().unwrap(), &centroids) as u32).collect();
                    assert_eq!(fit.labels, relabelled, "{name}, k {k}");
                } else {
                    assert_eq!(fit.labels, labels, "{name}, k {k}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn accelerated_equals_plain_lloyd_with_ties(seed in 0u32..1000, n in 20usize..300, k in 1usize..10) {
        // Points on a small integer grid: many exact ties between centroids, which the lowest index must win.
        let mut rng = Rng::new(seed);
        let points = Array2::from_shape_fn((n, 2), |_| rng.below(8) as f64);
        let init = Init::Centroids(Array2::from_shape_fn((k, 2), |_| rng.below(8) as f64));
        let params = KMeansParams::new(k).init(init).tol(0.0).max_iter(30);
        let fast = params.clone().fit(points.view(), None).unwrap();
        let plain = params.accelerated(false).fit(points.view(), None).unwrap();
        prop_assert_eq!(&fast.labels, &plain.labels);
        prop_assert_eq!(&fast.centroids, &plain.centroids);
        for (i, row) in points.rows().into_iter().enumerate() {
            prop_assert_eq!(fast.labels[i] as usize, nearest(row.to_slice().unwrap(), &fast.centroids));
        }
    }

    #[test]
    fn accelerated_equals_plain_lloyd(seed in 0u32..1000, n in 20usize..400, k in 1usize..12, d in 1usize..5) {
        let points = random_points(n, d, seed);
        let k = k.min(n);
        let fast = KMeansParams::new(k).seed(seed).tol(0.0).fit(points.view(), None).unwrap();
        let plain = KMeansParams::new(k).seed(seed).tol(0.0).accelerated(false).fit(points.view(), None).unwrap();
        prop_assert_eq!(&fast.labels, &plain.labels);
        prop_assert_eq!(&fast.centroids, &plain.centroids);
        prop_assert_eq!(fast.iterations, plain.iterations);
    }

    #[test]
    fn labels_are_the_nearest_centroid(seed in 0u32..1000, n in 10usize..300, k in 1usize..8) {
        let points = random_points(n, 2, seed);
        let fit = KMeansParams::new(k.min(n)).seed(seed).fit(points.view(), None).unwrap();
        for (i, row) in points.rows().into_iter().enumerate() {
            prop_assert_eq!(fit.labels[i] as usize, nearest(row.to_slice().unwrap(), &fit.centroids));
        }
    }

    #[test]
    fn inertia_never_rises(seed in 0u32..1000, n in 10usize..300, k in 1usize..10) {
        let points = random_points(n, 2, seed);
        let mut steps = KMeansSteps::new(&KMeansParams::new(k.min(n)).seed(seed), points.view(), None).unwrap();
        let mut last = f64::INFINITY;
        for _ in 0..50 {
            let step = steps.step();
            prop_assert!(step.inertia <= last * (1.0 + 1e-12), "{} then {}", last, step.inertia);
            last = step.inertia;
            if step.converged { break; }
        }
    }

    #[test]
    fn same_seed_same_result(seed in any::<u32>(), n_init in 1usize..4) {
        let points = random_points(200, 2, 11);
        let a = KMeansParams::new(5).seed(seed).n_init(n_init).fit(points.view(), None).unwrap();
        let b = KMeansParams::new(5).seed(seed).n_init(n_init).fit(points.view(), None).unwrap();
        prop_assert_eq!(a, b);
    }

    #[test]
    fn permuting_points_permutes_labels(seed in 0u32..1000, n in 10usize..200) {
        let points = random_points(n, 2, seed);
        let mut order: Vec<usize> = (0..n).collect();
        let mut rng = Rng::new(seed);
        for i in (1..n).rev() { order.swap(i, rng.below(i + 1)); }
        let permuted = Array2::from_shape_fn((n, 2), |(i, j)| points[[order[i], j]]);
        let init = Init::Centroids(points.slice(ndarray::s![0..3, ..]).to_owned());
        let a = KMeansParams::new(3).init(init.clone()).fit(points.view(), None).unwrap();
        let b = KMeansParams::new(3).init(init).fit(permuted.view(), None).unwrap();
        for (i, &from) in order.iter().enumerate() {
            prop_assert_eq!(b.labels[i], a.labels[from]);
        }
        prop_assert!(a.centroids.iter().zip(b.centroids.iter()).all(|(x, y)| (x - y).abs() < 1e-9));
    }
}
