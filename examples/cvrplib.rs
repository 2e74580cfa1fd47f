//! Plans CVRPLIB X instances with the round planner and prints the gap to the best known solution.
//!
//! `cargo run --release --example cvrplib [effort] [files…]` (effort: fast, balanced or thorough; default
//! balanced; files default to every `bench/cvrplib/*.vrp`). Best-known costs are CVRPLIB's, in its rounded metric
//! (each edge rounded to the nearest integer); the gap is measured in that metric, and the exact (unrounded)
//! Euclidean length is printed beside it.
use std::time::Instant;

use green_delivery::consolidation::plan::{plan, Effort};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let effort = match args.first().map(String::as_str) {
        Some("fast") => Effort::Fast,
        Some("thorough") => Effort::Thorough,
        _ => Effort::Balanced,
    };
    let mut files: Vec<String> = args.iter().filter(|a| a.ends_with(".vrp")).cloned().collect();
    if files.is_empty() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/bench/cvrplib");
        files = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path().display().to_string())
            .filter(|p| p.ends_with(".vrp"))
            .collect();
        files.sort_by_key(|f| {
            f.split("-n").nth(1).and_then(|s| s.split('-').next()).and_then(|s| s.parse::<usize>().ok())
        });
    }
    let bks = bks_table();
    println!("| instance | n | depot | Q | BKS | ours | gap | rounds | min | ms (median of 3) |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut gaps = Vec::new();
    for f in &files {
        let inst = green_delivery::consolidation::plan::cvrplib::parse(&std::fs::read_to_string(f).unwrap()).unwrap();
        let mut times = Vec::new();
        let mut rounds = Vec::new();
        for _ in 0..3 {
            let t = Instant::now();
            rounds = plan(inst.depot, &inst.xy, &inst.demand, inst.capacity, effort, 1);
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        times.sort_by(f64::total_cmp);
        let rounded = green_delivery::consolidation::plan::cvrplib::rounded_cost(&inst, &rounds);
        let best = bks.iter().find(|b| b.0 == inst.name).map(|b| b.1);
        let gap = best.map(|b| (rounded / b - 1.0) * 100.0);
        if let Some(g) = gap {
            gaps.push(g);
        }
        let min = (inst.demand.iter().sum::<f64>() / inst.capacity).ceil();
        let depot = match inst.depot {
            [x, y] if x == 500.0 && y == 500.0 => "central",
            [x, y] if x == 0.0 && y == 0.0 => "eccentric",
            _ => "random",
        };
        println!(
            "| {} | {} | {} | {} | {} | {:.0} | {} | {} | {} | {:.0} |",
            inst.name,
            inst.xy.len(),
            depot,
            inst.capacity,
            best.map_or("?".into(), |b| format!("{b}")),
            rounded,
            gap.map_or("?".into(), |g| format!("{g:.2}%")),
            rounds.len(),
            min,
            times[1]
        );
    }
    if !gaps.is_empty() {
        let mean = gaps.iter().sum::<f64>() / gaps.len() as f64;
        let worst = gaps.iter().copied().fold(f64::MIN, f64::max);
        println!("\nmean gap {mean:.2}%, worst {worst:.2}% over {} instances ({effort:?})", gaps.len());
    }
}

/// CVRPLIB best-known costs (rounded metric), http://vrp.galgos.inf.puc-rio.br/index.php/en/ (X set).
fn bks_table() -> Vec<(&'static str, f64)> {
    vec![
        ("X-n101-k25", 27591.0),
        ("X-n106-k14", 26362.0),
        ("X-n110-k13", 14971.0),
        ("X-n120-k6", 13332.0),
        ("X-n157-k13", 16876.0),
        ("X-n200-k36", 58578.0),
        ("X-n256-k16", 18839.0),
        ("X-n303-k21", 21736.0),
        ("X-n401-k29", 66154.0),
        ("X-n502-k39", 69226.0),
        ("X-n801-k40", 73311.0),
        ("X-n1001-k43", 72355.0),
    ]
}
