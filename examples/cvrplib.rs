//! Plans CVRPLIB X instances with the round planner and prints, per instance, one JSON line: our length and the
//! best-known solution's, both in exact Euclidean distance, rounds against ⌈Σd/Q⌉, and the median time of three
//! runs after a warm-up.
//!
//! `bench/rounds.mjs` builds this for `wasm32-wasip1` and runs it in Node's WASI, so the times are the planner's
//! in wasm (the same code the page's `consolidate` runs). Natively:
//! `cargo run --release --example cvrplib -- [fast|balanced|thorough] bench/cvrplib/X-n101-k25.vrp …`;
//! each `.vrp` needs its best-known `.sol` beside it.
use std::time::Instant;

use green_delivery::consolidation::plan::{check_rounds, cvrplib, length, plan, Effort};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let effort = match args.first().map(String::as_str) {
        Some("fast") => Effort::Fast,
        Some("thorough") => Effort::Thorough,
        _ => Effort::Balanced,
    };
    for file in args.iter().filter(|a| a.ends_with(".vrp")) {
        let read = |path: &str| std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let inst = cvrplib::parse(&read(file)).unwrap();
        let best = cvrplib::parse_solution(&read(&file.replace(".vrp", ".sol"))).unwrap();
        let run = || plan(inst.depot, &inst.xy, &inst.demand, inst.capacity, effort, 1);
        run(); // warm-up: the wasm engine's tiers, the allocator's pages
        let mut times = Vec::new();
        let mut rounds = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            rounds = run();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        // A gap is only worth printing for rounds a van could drive.
        check_rounds(rounds.iter().map(Vec::as_slice), &inst.demand, inst.capacity)
            .unwrap_or_else(|e| panic!("{}: {e}", inst.name));
        let depot = match inst.depot {
            [x, y] if x == 500.0 && y == 500.0 => "central",
            [x, y] if x == 0.0 && y == 0.0 => "eccentric",
            _ => "random",
        };
        let min_rounds = (inst.demand.iter().sum::<f64>() / inst.capacity).ceil();
        println!(
            r#"{{"instance":"{}","n":{},"depot":"{depot}","capacity":{},"best":{},"ours":{},"rounds":{},"minRounds":{min_rounds},"ms":{:.1}}}"#,
            inst.name,
            inst.xy.len(),
            inst.capacity,
            length(inst.depot, &inst.xy, &best),
            length(inst.depot, &inst.xy, &rounds),
            rounds.len(),
            times[1],
        );
    }
}
