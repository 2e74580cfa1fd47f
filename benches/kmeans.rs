//! Native k-means core: `cargo bench --bench kmeans`. 100k 2-D points (a fixed-seed Gaussian mixture like
//! bench/kmeans.mjs, in km), k = 8, 32, 128: 20 iterations from the same k data points (accelerated and plain Lloyd,
//! so the effect of the tree filter shows), and a default fit (k-means++, tol 1e-4).

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use criterion::{BenchmarkId, Criterion, SamplingMode};
    use green_delivery::kmeans::{Init, KMeansParams};
    use ndarray::Array2;

    const N: usize = 100_000;

    /// xorshift64*: a few lines of deterministic randomness, enough for benchmark data.
    struct Rand(u64);
    impl Rand {
        fn unit(&mut self) -> f64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
        }
        fn normal(&mut self) -> f64 {
            (-2.0 * (1.0 - self.unit()).ln()).sqrt() * (std::f64::consts::TAU * self.unit()).cos()
        }
    }

    /// 12 hotspots of 0.5–4 km spread in a 60 × 40 km area, plus 10% scattered points.
    fn metro(n: usize) -> Array2<f64> {
        let mut r = Rand(20240611);
        let spots: Vec<[f64; 3]> = (0..12).map(|_| [60.0 * r.unit(), 40.0 * r.unit(), 0.5 + 3.5 * r.unit()]).collect();
        let mut xy = Vec::with_capacity(2 * n);
        for _ in 0..n {
            if r.unit() < 0.1 {
                xy.extend([60.0 * r.unit(), 40.0 * r.unit()]);
            } else {
                let [x, y, s] = spots[(r.unit() * 12.0) as usize];
                xy.extend([x + s * r.normal(), y + s * r.normal()]);
            }
        }
        Array2::from_shape_vec((n, 2), xy).unwrap()
    }

    pub fn benches() {
        let mut c = Criterion::default().sample_size(10).configure_from_args();
        let points = metro(N);
        let mut group = c.benchmark_group("kmeans 100k 2-D");
        group.sampling_mode(SamplingMode::Flat); // runs take 10–500 ms: one call per sample keeps the total short
        for k in [8, 32, 128] {
            // Every (N/k)th point: k distinct data points, the same start for every variant.
            let init = Array2::from_shape_fn((k, 2), |(i, j)| points[[i * (N / k), j]]);
            let fixed = KMeansParams::new(k).init(Init::Centroids(init)).max_iter(20).tol(0.0);
            let view = points.view();
            group.bench_function(BenchmarkId::new("20 iterations", k), |b| b.iter(|| fixed.fit(view, None).unwrap()));
            let plain = fixed.clone().accelerated(false);
            group.bench_function(BenchmarkId::new("20 iterations, plain Lloyd", k), |b| {
                b.iter(|| plain.fit(view, None).unwrap())
            });
            let default = KMeansParams::new(k).seed(1);
            group.bench_function(BenchmarkId::new("default fit", k), |b| b.iter(|| default.fit(view, None).unwrap()));
        }
        group.finish();
        c.final_summary();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::benches();
}

// criterion is a native-only dev-dependency; `cargo clippy --all-targets --target wasm32-unknown-unknown` still
// builds this file, so it needs a main there too.
#[cfg(target_arch = "wasm32")]
fn main() {}
