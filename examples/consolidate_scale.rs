//! Times `consolidate` natively on the synthetic orders of bench/consolidate.mjs (a blob ~15 km across around
//! central London, 1–3 parcels each, depot to the south-west): `cargo run --release --example consolidate_scale --
//! 100000 [fast|balanced|thorough]`.
use std::time::Instant;

use green_delivery::consolidation::plan::Effort;
use green_delivery::consolidation::{consolidate, ConsolidateInput, LatLon, Orders};

/// The 32-bit LCG of bench/consolidate.mjs, so the orders are the same.
struct Lcg(u32);
impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        f64::from(self.0) / 4_294_967_296.0
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let effort = match args.get(1).map(String::as_str) {
        Some("fast") => Effort::Fast,
        Some("thorough") => Effort::Thorough,
        _ => Effort::Balanced,
    };
    let mut r = Lcg(42);
    let mut orders = Orders::default();
    for _ in 0..n {
        let radius = 0.15 * (r.next() + r.next() + r.next() - 1.5);
        let t = 2.0 * std::f64::consts::PI * r.next();
        let (lat, lon) = (51.5 + radius * t.sin(), -0.12 + 1.6 * radius * t.cos());
        orders.push(lat, lon, 1.0 + (3.0 * r.next()).floor(), None, None);
    }
    let input = ConsolidateInput {
        orders,
        depot: Some(LatLon { lat: 51.45, lon: -0.3 }),
        effort: Some(effort),
        ..Default::default()
    };
    let t = Instant::now();
    let result = consolidate(&input).unwrap();
    let ms = t.elapsed().as_secs_f64() * 1000.0;
    for s in &result.scenarios {
        println!("  {:13} trips {:7} min {:?} vehicle-km {:10.1}", s.id, s.trips, s.min_rounds, s.vehicle_km);
    }
    println!("n {n} {effort:?}: {ms:.0} ms");
}
