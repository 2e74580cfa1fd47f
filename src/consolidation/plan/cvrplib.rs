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

/// Reads a CVRPLIB solution file (`Route #1: 45 17 4`, customers numbered from 1, then `Cost 27591`) as rounds of
/// indices into [`Instance::xy`].
///
/// ```
/// let rounds = green_delivery::consolidation::plan::cvrplib::parse_solution("Route #1: 2 1\nRoute #2: 3\nCost 9\n").unwrap();
/// assert_eq!(rounds, vec![vec![1, 0], vec![2]]);
/// ```
pub fn parse_solution(text: &str) -> Result<Vec<Vec<usize>>> {
    let bad = |reason: &str| Error::new(Code::Invalid, "solution", reason);
    let mut rounds = Vec::new();
    for line in text.lines().filter(|l| l.starts_with("Route")) {
        let (_, stops) = line.split_once(':').ok_or_else(|| bad("a Route line without ':'"))?;
        let round: Option<Vec<usize>> =
            stops.split_whitespace().map(|t| t.parse::<usize>().ok().and_then(|c| c.checked_sub(1))).collect();
        rounds.push(round.ok_or_else(|| bad("a customer number that is not a whole number from 1"))?);
    }
    if rounds.is_empty() {
        return Err(bad("no Route lines"));
    }
    Ok(rounds)
}
