//! Times the round planner natively on n uniform random stops (demand 1–3, capacity 100): `cargo run --release
//! --example plan_scale -- 100000 fast`.
use std::time::Instant;

use green_delivery::consolidation::plan::{length, plan, Effort};
use green_delivery::kmeans::Rng;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let effort = match args.get(1).map(String::as_str) {
        Some("fast") => Effort::Fast,
        Some("thorough") => Effort::Thorough,
        _ => Effort::Balanced,
    };
    let mut rng = Rng::new(42);
    let xy: Vec<[f64; 2]> = (0..n).map(|_| [30.0 * rng.next_f64(), 30.0 * rng.next_f64()]).collect();
    let q: Vec<f64> = (0..n).map(|_| 1.0 + rng.below(3) as f64).collect();
    let t = Instant::now();
    let rounds = plan([0.0, 15.0], &xy, &q, 100.0, effort, 1);
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    let min = (q.iter().sum::<f64>() / 100.0).ceil();
    println!(
        "n {n} {effort:?}: {} rounds (min {min}), length {:.0}, {ms:.0} ms",
        rounds.len(),
        length([0.0, 15.0], &xy, &rounds)
    );
}
