//! Plans CVRPLIB X instances with the round planner and prints, per instance, one JSON line: our length and the
//! best-known solution's, both in exact Euclidean distance, rounds against ⌈Σd/Q⌉, and the median time of three
//! runs after a warm-up.
//!
//! `bench/rounds.mjs` builds this for `wasm32-wasip1` and runs it in Node's WASI, so the times are the planner's
//! in wasm (the same code the page's `consolidate` runs). Natively:
//! `cargo run --release --example cvrplib -- [fast|balanced|thorough] [--seeds=1-5] bench/cvrplib/X-n101-k25.vrp …`;
//! each `.vrp` needs its best-known `.sol` beside it. With `--seeds=A-B` each instance is planned once per seed
//! (one line each, timed once after the warm-up) instead of three times with seed 1.
use std::time::Instant;

use green_delivery::consolidation::plan::{check_rounds, cvrplib, length, plan, Effort};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let effort = match args.first().map(String::as_str) {
        Some("fast") => Effort::Fast,
        Some("thorough") => Effort::Thorough,
        _ => Effort::Balanced,
    };
    let seeds: Vec<u32> = match args.iter().find_map(|a| a.strip_prefix("--seeds=")) {
        Some(range) => {
            let (a, b) = range.split_once('-').unwrap_or((range, range));
            (a.parse().expect("--seeds=A-B")..=b.parse().expect("--seeds=A-B")).collect()
        }
        None => vec![1],
    };
    let runs = if seeds.len() == 1 { 3 } else { 1 };
    for file in args.iter().filter(|a| a.ends_with(".vrp")) {
        let read = |path: &str| std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let inst = cvrplib::parse(&read(file)).unwrap();
        let best = cvrplib::parse_solution(&read(&file.replace(".vrp", ".sol"))).unwrap();
        let run = |seed| plan(inst.depot, &inst.xy, &inst.demand, inst.capacity, effort, seed);
        run(seeds[0]); // warm-up: the wasm engine's tiers, the allocator's pages
        let depot = match inst.depot {
            [x, y] if x == 500.0 && y == 500.0 => "central",
            [x, y] if x == 0.0 && y == 0.0 => "eccentric",
            _ => "random",
        };
        let min_rounds = (inst.demand.iter().sum::<f64>() / inst.capacity).ceil();
        for &seed in &seeds {
            let mut times = Vec::new();
            let mut rounds = Vec::new();
            for _ in 0..runs {
                let t = Instant::now();
                rounds = run(seed);
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            times.sort_by(f64::total_cmp);
            // A gap is only worth printing for rounds a van could drive.
            check_rounds(rounds.iter().map(Vec::as_slice), &inst.demand, inst.capacity)
                .unwrap_or_else(|e| panic!("{}: {e}", inst.name));
            println!(
                r#"{{"instance":"{}","seed":{seed},"n":{},"depot":"{depot}","capacity":{},"best":{},"bestRounds":{},"ours":{},"rounds":{},"minRounds":{min_rounds},"ms":{:.1}}}"#,
                inst.name,
                inst.xy.len(),
                inst.capacity,
                length(inst.depot, &inst.xy, &best),
                best.len(),
                length(inst.depot, &inst.xy, &rounds),
                rounds.len(),
                times[times.len() / 2],
            );
        }
    }
}
