//! Reading CVRPLIB instances (the VRPLIB text format, `EUC_2D`), for the benchmark and the known-answer tests.

use crate::error::{Code, Error, Result};

/// A capacitated VRP instance on the plane.
#[derive(Debug, Clone, PartialEq)]
pub struct Instance {
    pub name: String,
    pub capacity: f64,
    pub depot: [f64; 2],
    /// Customers (the depot excluded), in file order.
    pub xy: Vec<[f64; 2]>,
    pub demand: Vec<f64>,
}

/// Parses a VRPLIB file with one depot listed first (node 1), as the X set has.
///
/// ```
/// let text = "NAME : tiny\nCAPACITY : 10\nNODE_COORD_SECTION\n1 0 0\n2 3 4\nDEMAND_SECTION\n1 0\n2 5\nDEPOT_SECTION\n1\n-1\nEOF\n";
/// let i = green_delivery::consolidation::plan::cvrplib::parse(text).unwrap();
/// assert_eq!((i.capacity, i.depot, i.xy[0], i.demand[0]), (10.0, [0.0, 0.0], [3.0, 4.0], 5.0));
/// ```
pub fn parse(text: &str) -> Result<Instance> {
    let bad = |reason: &str| Error::new(Code::Invalid, "instance", reason);
    let (mut name, mut capacity) = (String::new(), None);
    let mut coords: Vec<[f64; 2]> = Vec::new();
    let mut demand: Vec<f64> = Vec::new();
    let mut section = "";
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some((key, value)) = line.split_once(':') {
            match key.trim() {
                "NAME" => name = value.trim().to_owned(),
                "CAPACITY" => capacity = value.trim().parse::<f64>().ok(),
                _ => {}
            }
            continue;
        }
        match line {
            "NODE_COORD_SECTION" | "DEMAND_SECTION" | "DEPOT_SECTION" | "EOF" => {
                section = line;
                continue;
            }
            _ => {}
        }
        let nums: Vec<f64> = line.split_whitespace().filter_map(|t| t.parse().ok()).collect();
        match (section, nums.as_slice()) {
            ("NODE_COORD_SECTION", [_, x, y]) => coords.push([*x, *y]),
            ("DEMAND_SECTION", [_, d]) => demand.push(*d),
            _ => {}
        }
    }
    let capacity = capacity.ok_or_else(|| bad("no CAPACITY"))?;
    if coords.len() < 2 || coords.len() != demand.len() {
        return Err(bad("NODE_COORD_SECTION and DEMAND_SECTION disagree"));
    }
    Ok(Instance { name, capacity, depot: coords[0], xy: coords[1..].to_vec(), demand: demand[1..].to_vec() })
}

/// Total length of `rounds` (indices into `instance.xy`) in CVRPLIB's rounded metric: each edge's Euclidean length
/// rounded to the nearest integer, as the published best-known costs are.
pub fn rounded_cost(instance: &Instance, rounds: &[Vec<usize>]) -> f64 {
    let d = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).hypot(a[1] - b[1]).round();
    let mut total = 0.0;
    for r in rounds {
        let mut at = instance.depot;
        for &i in r {
            total += d(at, instance.xy[i]);
            at = instance.xy[i];
        }
        total += d(at, instance.depot);
    }
    total
}
