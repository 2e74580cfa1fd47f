//! Round planning on the plane: which stops share a round, and in what order (a capacitated vehicle routing
//! problem, CVRP, with as many vehicles as needed).
//!
//! [`plan`] works on planar coordinates (km, or any unit: CVRPLIB instances are planned as given) with exact
//! Euclidean distances, in three stages, all deterministic for a given seed:
//!
//! 1. **Savings.** Clarke & Wright (1964) in the parallel version: every stop starts in a round of its own, and
//!    the pairs (i, j) are merged in order of their saving d(0,i) + d(0,j) − d(i,j) whenever i and j end their
//!    rounds and the loads fit. Only each stop's [`Effort`]-dependent nearest few neighbours are paired, so this is
//!    O(n·k log(n·k)) instead of O(n² log n); a second pass pairs the ends of the rounds left with their nearest
//!    ends. Savings make depot-aware "petals" and few rounds.
//! 2. **Granular local search** (Toth & Vigo 2003's granular neighbourhoods, as in Vidal's HGS-CVRP): for each stop u
//!    and each of its neighbours v, the moves that create the edge (u, v): relocate u (or the pair u, succ(u), either
//!    way round) next to v, swap u and v, 2-opt* between their rounds (both tail exchanges), 2-opt inside a
//!    round, and CROSS-exchange of chains of one or two stops between rounds. The first improving move is applied;
//!    a stop whose surroundings changed is searched again, until no move improves. Loads are checked exactly (`load + parcels ≤ capacity`), so no round is ever over capacity.
//!    Each move is an operator of its own (module `operators`: evaluate and apply), in the list the search walks; SWAP*
//!    (between pairs of rounds with neighbouring stops) runs after this search and after ruin and recreate.
//! 3. **Ruin and recreate** (Schrimpf et al. 2000; Christiaens & Vanden Berghe's SISR 2020 for the string
//!    removal and the annealing): remove 2–30 stops in short strings around a random stop, re-insert them greedily
//!    (in random order, far from the depot first, or largest first) at the cheapest place next to one of their
//!    neighbours, and run the local search on what changed. The step is kept by simulated annealing (a lengthening
//!    δ with probability e^(−δ/T), T falling from the mean edge to a hundredth of it) or undone by restoring the
//!    changed rounds; the best rounds seen are returned. The local search after each step pairs each stop with only
//!    its [`RUIN_NEIGHBOURS`] nearest neighbours. This runs for a work budget set by [`Effort`], counted in
//!    moves evaluated, so the same input and seed give the same rounds natively and in wasm, with no clock.
//!
//!    Long rounds (more than [`LONG_ROUND`] stops on average) get more of this budget and a hotter start, up to
//!    [`LONG_ROUND_MAX`] stops: their rounds must change shape (petals, not compact clusters), which takes more steps.
//!
//! Measured (wasm, mean over seeds 1–5, on a shared machine): on the 100 CVRPLIB X instances (100–1,000 customers,
//! at most 25 stops a round) the default is 1.57% longer than the best known on average, in about 120–180 ms per
//! instance; on Belgium's Leuven2 (87 stops a round) 4.72%, Antwerp2 (58) 5.24%, in about 0.65 s each.

pub mod cvrplib;
mod operators;

use crate::consolidation::spatial::{hilbert_order, Grid};
use crate::error::{Code, Error, Result};
use crate::kmeans::Rng;
use operators::{Pair, Stop, NODE_OPERATORS};

/// Progress is reported about every this many move evaluations (well under a millisecond of work).
const TICK: u64 = 1 << 14;

/// The rounds the tests allow for `min` = ⌈Σ parcels / capacity⌉: `min + 1 + min / 20`. Savings and the local
/// search never open a round (ruin and recreate only when a stop fits nowhere), but they do not pack bins either:
/// measured, 100,000 city orders come within 0.5% of the minimum and a million (8 neighbours per stop) about 4%
/// above; small rounds of large parcels (capacity 30, parcels 1–10) about 5% above. (On CVRPLIB's X instances,
/// whose parcels fill up to a whole round, ⌈Σ/Q⌉ cannot always be reached: the best-known solutions use up to 18
/// rounds more, and ours 0–9 more than those.)
pub fn max_rounds(min: usize) -> usize {
    min + 1 + min / 20
}

/// Move evaluations of ruin and recreate at the default effort, for inputs of 100 to 5,000 stops (about 65 ms
/// natively and 80 ms in wasm for 1,000 stops).
pub const BUDGET: f64 = 2.0e6;

/// From this many stops the ruin-and-recreate budget falls as 1/n: measured on bench/orders.mjs's city orders, the
/// full budget shortens the rounds by 1% at 3,000 orders, 0.3% at 10,000 and 0.01% at 100,000, for 0.13 s each.
const TAPER_FROM: f64 = 5_000.0;

/// Ruin and recreate anneals (keeps some lengthening steps) up to this many stops; above, it keeps improvements only.
const ANNEAL_MAX: usize = 50_000;

/// The annealing's starting temperature, as a share of the first solution's mean edge.
const TEMPERATURE: f64 = 1.0;

/// In savings' second pass, each round's end is paired with this many nearest ends of other rounds.
const END_NEIGHBOURS: usize = 8;

/// Rounds of more stops than this on average get more ruin and recreate ([`Effort::budget`]): measured on
/// Belgium's Leuven2 (87 stops a round), 2, 8 and 16 times the budget shorten the rounds from 7.0% over the best
/// known to 6.5, 5.2 and 4.2% (seeds 1–3, natively), where the X instances (at most 25 stops a round) gain little.
const LONG_ROUND: f64 = 25.0;

/// Above this many stops long rounds get neither the larger budget nor the hotter annealing: measured in wasm on
/// bench/orders.mjs's city (50 stops a round), at 30,000 orders they lengthened `consolidate` from about 0.85 to
/// 1.0–1.3 s and gave the same rounds.
const LONG_ROUND_MAX: usize = 20_000;

/// How much longer than [`LONG_ROUND`] the rounds are (`per_round` stops on average; at least 1, and 1 above
/// [`LONG_ROUND_MAX`] stops): the larger budget and the hotter annealing both grow with it.
fn long_rounds(n: usize, per_round: f64) -> f64 {
    if n <= LONG_ROUND_MAX {
        (per_round / LONG_ROUND).max(1.0)
    } else {
        1.0
    }
}

/// The share of the budget for rounds of under 0.8 × [`LONG_ROUND`] stops (rising to all of it at [`LONG_ROUND`]),
/// up to [`LONG_ROUND_MAX`] stops. With CROSS-exchange and the granular ruin and recreate, the X instances came
/// 1.43% over the best known (1.67% before) but took about a tenth longer (wasm, seeds 1–5); at this share they
/// come 1.57% over in less time than before (measured on a loaded machine: about 140 against 175–185 ms), and
/// Belgium's short-round instances 2.29% (2.48% before).
const SHORT_ROUNDS: f64 = 0.65;

/// At most this many ruin-and-recreate evaluations per stop for long rounds, `balanced` (about 0.55 s natively for
/// Leuven2's 4,000 stops) and `thorough`.
const BALANCED_PER_STOP: f64 = 1_500.0;
const THOROUGH_PER_STOP: f64 = 20_000.0;

/// During ruin and recreate, the local search pairs each stop with only this many of its nearest neighbours (of
/// [`Effort::neighbours`]; re-insertion still looks at all of them): the changes a step makes are local, and the
/// budget, counted in pairs tried, then buys more steps. Measured natively, balanced, seeds 1–5, with
/// CROSS-exchange: 10 against all 30 shortened the X instances' rounds from 1.43 to 1.40% over the best known and
/// Leuven2's (87 stops a round) from 5.09 to 4.70%, for two thirds of the distance evaluations; 8 and 15 did less.
const RUIN_NEIGHBOURS: usize = 10;

/// Ruin and recreate removes 2 to this many stops a step (fewer on tiny inputs).
const MAX_REMOVED: usize = 30;

/// Above [`POLISH_MAX`] stops, `fast` and `balanced`'s first local search pairs each stop with only this many of its
/// nearest neighbours once a move has changed the rounds near it ([`LARGE_FIRST_LOOK`] before). Measured natively on
/// bench/orders.mjs's city, a million orders (8 neighbours a stop), the vans' rounds: 6 neighbours throughout
/// 844,999 km (844,558 with all 8, for a third more pairs tried), 7.4 million pairs tried; a first look at 2 then
/// 6 845,564 km for 4.3 million, then 3 845,590 for 2.9 million; a first look at 1 then 2 845,914 for 1.6 million,
/// then 3 845,867 for 2.0 million; 2 throughout 845,664 for 2.4 million, 1 throughout 845,965 for 1.2 million. Most of
/// what the search gains there is between nearest neighbours, so the last few tenths of a percent go for the time.
const LARGE_GRANULAR: usize = 2;

/// Above [`POLISH_MAX`] stops, `fast` and `balanced`'s first local search pairs each stop with only this many of its
/// nearest neighbours until a move changes the rounds near it, then with [`LARGE_GRANULAR`] (as in FILO's granular
/// neighbourhoods, which grow where the search is active): most stops of the savings' rounds have nothing to gain.
/// At a million orders the vans' rounds come 845,914 km (+0.11%) against 844,999 with 6 neighbours throughout, for
/// 1.6 million pairs tried instead of 7.4 (the bikes' 1,307,991 against 1,307,183, 1.5 million instead of 7.2).
const LARGE_FIRST_LOOK: usize = 1;

/// Above this many stops, `balanced` leaves SWAP* out (`thorough` above [`POLISH_MAX`]; [`Effort::swaps_rounds`]).
pub const SWAP_STAR_MAX: usize = 30_000;

/// Above this many stops, `balanced`'s SWAP* makes at most [`SWAP_STAR_PASSES`] passes over the pairs of rounds each
/// time it polishes them: measured natively on bench/orders.mjs's city, the later passes took most of `consolidate`'s
/// time (30,000 orders: 0.68 s CPU with every pass, 0.55 s with two, 0.44 s with one, 0.21 s without SWAP*) for
/// little (the vans' rounds 27,880, 27,886, 27,901 and 27,970 km; at 10,000 orders 10,197 km in 0.56 s, 10,204 km in
/// 0.47 s with two passes). Belgium's instances (3,000 to 7,000 stops) and the sample city keep every pass.
pub const SWAP_STAR_FULL: usize = 8_000;

/// See [`SWAP_STAR_FULL`].
const SWAP_STAR_PASSES: usize = 2;

/// Above this many stops, `fast` and `balanced` keep the planned rounds as they are ([`Effort::polishes`]).
pub const POLISH_MAX: usize = 200_000;

/// How much work the planner may do: a budget counted in move evaluations, not in time, so results do not depend
/// on the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Effort {
    /// Savings and one local search: about a third of the default's time on large inputs.
    Fast,
    /// The default: local search, then ruin and recreate for 20,000 evaluations per stop up to a fixed total of
    /// [`BUDGET`] (from 100 stops), falling as 1/n from [`TAPER_FROM`] stops, with fewer neighbours per stop above
    /// 5,000, 50,000 and 200,000 stops and no sphere polish above [`POLISH_MAX`], so that `consolidate` takes
    /// about 0.6 s for 100,000 orders and about 4 s for a million in wasm (bench/orders.mjs's orders, Node).
    #[default]
    Balanced,
    /// Four times the default's ruin-and-recreate budget.
    Thorough,
}

impl Effort {
    /// Neighbours per stop for `n` stops.
    fn neighbours(self, n: usize) -> usize {
        let k = if n <= 5_000 {
            30
        } else if n <= 50_000 {
            16
        } else if n <= 200_000 {
            12
        } else {
            8
        };
        match self {
            Effort::Fast => k.min(12),
            _ => k,
        }
    }

    /// Whether each planned round is polished again on the sphere (2-opt and Or-opt on great-circle chords,
    /// [`route_in_order`](crate::consolidation::routing::route_in_order)) for `n` stops. Measured on the bench's
    /// synthetic city, the polish shortens the planar rounds by under 0.1% but takes a fifth of `consolidate` at a
    /// million orders, so the default skips it above [`POLISH_MAX`] stops (`thorough` always polishes).
    pub fn polishes(self, n: usize) -> bool {
        self == Effort::Thorough || n <= POLISH_MAX
    }

    /// Whether the local search exchanges chains of stops between rounds (CROSS-exchange, the last of
    /// [`NODE_OPERATORS`]) for `n` stops: above [`POLISH_MAX`], `fast` and `balanced` leave it out. Measured natively
    /// on bench/orders.mjs's city, a million orders: the vans' rounds came 844,558 km without it against 844,641 with
    /// it (the cargo bikes' 1,306,803 against 1,306,786), for about a tenth less time (4.1–4.9 s against 3.4–3.6 s
    /// CPU, a loaded machine). With hardly any ruin and recreate at that size, the chains the move exchanges do not
    /// pay for its evaluations.
    fn exchanges_chains(self, n: usize) -> bool {
        self == Effort::Thorough || n <= POLISH_MAX
    }

    /// Whether the rounds are re-shaped by SWAP* ([`operators::swap_star`]) for `n` stops: measured natively, it shortens long
    /// rounds by about 1% of their length (Belgium's Leuven2, 87 stops a round: 7.8 → 6.9% from the best known) for
    /// 0.1 s at 10,000 stops, but 1.3 s at 100,000 and 11 s at a million, so `balanced` stops at [`SWAP_STAR_MAX`]
    /// and `thorough` at [`POLISH_MAX`] (in wasm, a million orders took 28.6 s thorough with it, for 0.3% shorter
    /// rounds, against 10.2 s before SWAP*).
    fn swaps_rounds(self, n: usize) -> bool {
        match self {
            Effort::Fast => false,
            Effort::Balanced => n <= SWAP_STAR_MAX,
            Effort::Thorough => n <= POLISH_MAX,
        }
    }

    /// How many SWAP* passes each polish of the rounds makes for `n` stops ([`Search::polish_rounds`]): until one
    /// finds nothing, but for `balanced` above [`SWAP_STAR_FULL`] stops at most [`SWAP_STAR_PASSES`].
    fn swap_passes(self, n: usize) -> usize {
        if self == Effort::Balanced && n > SWAP_STAR_FULL {
            SWAP_STAR_PASSES
        } else {
            usize::MAX
        }
    }

    /// Move evaluations for the ruin-and-recreate stage, for `n` stops in rounds of `per_round` stops on average.
    fn budget(self, n: usize, per_round: f64) -> u64 {
        // A fixed total from 100 stops, then less: on large inputs the time grows with n only through the savings
        // and the first local search.
        let base = (n as f64 * 20_000.0).min(BUDGET * (TAPER_FROM / n as f64).min(1.0));
        // Short rounds need less since CROSS-exchange ([`SHORT_ROUNDS`]).
        let base =
            if n <= LONG_ROUND_MAX { base * (per_round / LONG_ROUND).powi(2).clamp(SHORT_ROUNDS, 1.0) } else { base };
        // Long rounds need more steps to change shape (each step re-plans a few stops of a few rounds): the budget
        // grows as the square of the rounds' length over LONG_ROUND, up to a number of evaluations per stop.
        let long = long_rounds(n, per_round).powi(2);
        let upto = |times: f64, per_stop: f64| (times * base * long).min((times * base).max(n as f64 * per_stop));
        match self {
            Effort::Fast => 0,
            Effort::Balanced => upto(1.0, BALANCED_PER_STOP) as u64,
            Effort::Thorough => upto(4.0, THOROUGH_PER_STOP) as u64,
        }
    }
}

/// Rounds for `xy` (stops, planar) from `depot`, each a list of indices into `xy` in visiting order. Every
/// `demand` must be in (0, capacity] and finite; every stop is in exactly one round, and no round carries more than
/// `capacity`.
///
/// ```
/// use green_delivery::consolidation::plan::{plan, Effort};
/// let xy = [[1.0, 0.0], [2.0, 0.0], [-1.0, 0.0], [-2.0, 0.0]];
/// let rounds = plan([0.0, 0.0], &xy, &[1.0; 4], 2.0, Effort::Balanced, 1);
/// assert_eq!(rounds.len(), 2);
/// assert!(rounds.iter().all(|r| r.len() == 2));
/// ```
pub fn plan(
    depot: [f64; 2],
    xy: &[[f64; 2]],
    demand: &[f64],
    capacity: f64,
    effort: Effort,
    seed: u32,
) -> Vec<Vec<usize>> {
    match plan_with(&Neighbours::new(xy, effort), depot, demand, capacity, effort, seed, &mut |_| Ok(())) {
        Ok(rounds) => rounds,
        Err(_) => unreachable!("only the progress callback can stop the planner"),
    }
}

/// The stops' neighbour lists (and their Hilbert order), which depend only on where the stops are and the
/// [`Effort`]: `consolidate` builds them once for the vans' and the bikes' rounds over the same orders.
pub struct Neighbours {
    /// Stop `order[c]` is node c + 1 of the search: the stops along a Hilbert curve, so that neighbours on the map
    /// are neighbours in memory (at a million stops, cache misses otherwise dominate), and the first local search
    /// visits them in that order.
    order: Vec<usize>,
    /// The stops' coordinates in that order.
    xy: Vec<[f64; 2]>,
    /// Neighbours per stop.
    k: usize,
    /// Node c's neighbours are `near[(c - 1) * k..c * k]` (nodes ≥ 1, nearest first).
    near: Vec<u32>,
}

impl Neighbours {
    /// The neighbour lists of the stops `xy` for `effort`.
    pub fn new(xy: &[[f64; 2]], effort: Effort) -> Self {
        let n = xy.len();
        let order = hilbert_order(xy);
        let xy: Vec<[f64; 2]> = order.iter().map(|&i| xy[i]).collect();
        let k = effort.neighbours(n).min(n.saturating_sub(1));
        let mut near = Vec::with_capacity(n * k);
        if k > 0 {
            let grid = Grid::new(&xy);
            let mut found = Vec::with_capacity(k + 2);
            for (i, p) in xy.iter().enumerate() {
                grid.nearest_into(*p, k + 1, &xy, i, &mut found);
                let mut taken = 0;
                for &(_, _, j) in &found {
                    if j != i && taken < k {
                        near.push(j as u32 + 1);
                        taken += 1;
                    }
                }
                // Only when many stops share one place can `found` hold i beyond the first k + 1; pad with i's
                // nearest again (a no-op pair for every move).
                while taken < k {
                    near.push(found[0].2 as u32 + 1);
                    taken += 1;
                }
            }
        }
        Neighbours { order, xy, k, near }
    }

    /// How many stops.
    pub fn len(&self) -> usize {
        self.xy.len()
    }

    /// The stops (indices into the `xy` given) along the Hilbert curve.
    pub(crate) fn order(&self) -> &[usize] {
        &self.order
    }

    /// Whether there are no stops.
    pub fn is_empty(&self) -> bool {
        self.xy.is_empty()
    }
}

/// [`plan`] with the neighbour lists built beforehand (`demand` in the order of the stops given to
/// [`Neighbours::new`]), reporting the share of the work done (0 to 1) to `progress` every so often (about every
/// [`TICK`] move evaluations). An error from `progress` stops the planning and is returned.
///
/// The share is an estimate: savings count for the first tenth; the first local search for the next half (or all
/// the rest when there is no ruin and recreate), measured against about 1.25 evaluations per neighbour pair (what
/// it takes on city orders); ruin and recreate for the rest, against its budget.
pub fn plan_with(
    neighbours: &Neighbours,
    depot: [f64; 2],
    demand: &[f64],
    capacity: f64,
    effort: Effort,
    seed: u32,
    progress: &mut dyn FnMut(f64) -> Result<()>,
) -> Result<Vec<Vec<usize>>> {
    let n = neighbours.len();
    if n == 0 {
        return Ok(Vec::new());
    }
    progress(0.0)?;
    let order = &neighbours.order;
    let sorted_q: Vec<f64> = order.iter().map(|&i| demand[i]).collect();
    let mut s = Search::new(depot, neighbours, &sorted_q, capacity, progress);
    if !effort.exchanges_chains(n) {
        s.node_operators = NODE_OPERATORS.len() - 1;
        s.granular = LARGE_GRANULAR.min(s.k);
        s.first_look = LARGE_FIRST_LOOK;
    }
    s.savings();
    let split = if effort.budget(n, 1.0) > 0 && n >= 3 && s.k > 0 { 0.6 } else { 1.0 };
    s.stage(0.1, split, 1.25 * (n * s.k.max(1)) as f64);
    let mut rng = Rng::new(seed);
    let start: Vec<u32> = (1..=n as u32).collect();
    s.local_search(&start, u64::MAX);
    s.granular = s.k;
    s.first_look = usize::MAX;
    let swap_star = effort.swaps_rounds(n);
    if swap_star {
        s.polish_rounds(u64::MAX, effort.swap_passes(n));
    }
    let rounds = s.routes.iter().filter(|r| !r.is_empty()).count().max(1);
    let budget = effort.budget(n, n as f64 / rounds as f64);
    s.stage(split, 1.0, budget as f64);
    s.ruin_and_recreate(&mut rng, budget);
    if swap_star {
        s.polish_rounds(u64::MAX, effort.swap_passes(n));
    }
    if let Some(e) = s.stopped.take() {
        return Err(e);
    }
    Ok(s.routes
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|r| r.into_iter().map(|c| order[c as usize - 1]).collect())
        .collect())
}

/// Total length of `rounds` (as [`plan`] returns them) from `depot`.
pub fn length(depot: [f64; 2], xy: &[[f64; 2]], rounds: &[Vec<usize>]) -> f64 {
    let d = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
    rounds
        .iter()
        .map(|r| {
            let mut at = depot;
            let mut km = 0.0;
            for &i in r {
                km += d(at, xy[i]);
                at = xy[i];
            }
            km + d(at, depot)
        })
        .sum()
}

/// Checks that `rounds` (stop indices into `demand`) are rounds a van could drive: none empty, none carrying more
/// than `capacity`, and every stop in exactly one. The planner's output always passes; its tests, the consolidation
/// tests and the CVRPLIB benchmark check it with this.
pub fn check_rounds<'a>(rounds: impl IntoIterator<Item = &'a [usize]>, demand: &[f64], capacity: f64) -> Result<()> {
    let bad = |reason: String| Err(Error::new(Code::Invalid, "rounds", reason));
    let mut seen = vec![0u32; demand.len()];
    for r in rounds {
        if r.is_empty() {
            return bad("a round has no stops".into());
        }
        let load: f64 = r.iter().map(|&i| demand[i]).sum();
        if load > capacity {
            return bad(format!("a round carries {load} > {capacity}"));
        }
        for &i in r {
            seen[i] += 1;
        }
    }
    match seen.iter().position(|&s| s != 1) {
        Some(i) => bad(format!("stop {i} is in {} rounds, not exactly one", seen[i])),
        None => Ok(()),
    }
}

fn shuffle(v: &mut [u32], rng: &mut Rng) {
    for i in (1..v.len()).rev() {
        let j = rng.below(i + 1);
        v.swap(i, j);
    }
}

/// The solution being improved. Node 0 is the depot; node c ≥ 1 is stop c − 1 of the [`Neighbours`].
struct Search<'a> {
    pts: Vec<[f64; 2]>,
    q: Vec<f64>,
    cap: f64,
    k: usize,
    /// How many of each stop's neighbours the local search pairs it with: all `k`, or [`RUIN_NEIGHBOURS`] during
    /// ruin and recreate.
    granular: usize,
    /// How many of the [`NODE_OPERATORS`] the local search tries: all, or all but the last
    /// ([`Effort::exchanges_chains`]).
    node_operators: usize,
    /// Node c's neighbours are `near[(c - 1) * k..c * k]` (nodes ≥ 1, nearest first).
    near: &'a [u32],
    routes: Vec<Vec<u32>>,
    load: Vec<f64>,
    route_of: Vec<u32>,
    pos: Vec<u32>,
    /// Load of the round up to and including the node.
    pre: Vec<f64>,
    /// Move evaluations so far.
    work: u64,
    /// Improvements smaller than this are ignored, so rounding cannot cycle.
    eps: f64,
    /// Routes saved for undo in the current ruin-and-recreate step (route, old stops), and the step's stamp.
    journal: Vec<(u32, Vec<u32>)>,
    saved: Vec<u32>,
    stamp: u32,
    journaling: bool,
    /// When each round last changed, on a clock that ticks at every change (SWAP* re-pairs only changed rounds).
    changed: Vec<u64>,
    clock: u64,
    /// Queue of nodes to search from.
    queue: Vec<u32>,
    queued: Vec<bool>,
    /// How many of its neighbours (at most `granular`) a stop is paired with until a move changes the rounds near
    /// it, and the stops where one has since the search last looked from them ([`LARGE_FIRST_LOOK`]).
    first_look: usize,
    moved_near: Vec<bool>,
    /// Where progress goes, the current stage (share at its start and end, work at its start, work expected), the
    /// work at which to report next, and the error that stopped the search.
    progress: &'a mut dyn FnMut(f64) -> Result<()>,
    stage: (f64, f64, u64, f64),
    next_tick: u64,
    stopped: Option<Error>,
}

impl<'a> Search<'a> {
    fn new(
        depot: [f64; 2],
        neighbours: &'a Neighbours,
        demand: &[f64],
        cap: f64,
        progress: &'a mut dyn FnMut(f64) -> Result<()>,
    ) -> Self {
        let xy = &neighbours.xy;
        let n = xy.len();
        let mut pts = Vec::with_capacity(n + 1);
        pts.push(depot);
        pts.extend_from_slice(xy);
        let mut q = Vec::with_capacity(n + 1);
        q.push(0.0);
        q.extend_from_slice(demand);
        let scale = xy.iter().map(|p| (p[0] - depot[0]).hypot(p[1] - depot[1])).fold(0.0, f64::max).max(1e-300);
        Search {
            pts,
            q,
            cap,
            k: neighbours.k,
            granular: neighbours.k,
            node_operators: NODE_OPERATORS.len(),
            near: &neighbours.near,
            routes: Vec::new(),
            load: Vec::new(),
            route_of: vec![0; n + 1],
            pos: vec![0; n + 1],
            pre: vec![0.0; n + 1],
            work: 0,
            eps: scale * 1e-10,
            journal: Vec::new(),
            saved: Vec::new(),
            stamp: 1,
            journaling: false,
            changed: Vec::new(),
            clock: 0,
            queue: Vec::new(),
            queued: vec![false; n + 1],
            first_look: usize::MAX,
            moved_near: vec![false; n + 1],
            progress,
            stage: (0.0, 0.0, 0, 1.0),
            next_tick: TICK,
            stopped: None,
        }
    }

    /// Starts a stage of progress: from share `from` to `to` over about `expected` move evaluations.
    fn stage(&mut self, from: f64, to: f64, expected: f64) {
        self.stage = (from, to, self.work, expected.max(1.0));
        self.next_tick = self.work;
        self.tick();
    }

    /// Reports progress when due; whether the search must stop (the callback failed, now or before).
    #[inline]
    fn tick(&mut self) -> bool {
        if self.work >= self.next_tick && self.stopped.is_none() {
            self.next_tick = self.work + TICK;
            let (from, to, start, expected) = self.stage;
            let share = from + (to - from) * ((self.work - start) as f64 / expected).min(1.0);
            if let Err(e) = (self.progress)(share) {
                self.stopped = Some(e);
            }
        }
        self.stopped.is_some()
    }

    #[inline(always)]
    fn d(&self, a: u32, b: u32) -> f64 {
        let (p, q) = (self.pts[a as usize], self.pts[b as usize]);
        ((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1])).sqrt()
    }

    fn neighbours(&self, c: u32) -> &[u32] {
        let at = (c as usize - 1) * self.k;
        &self.near[at..at + self.k]
    }

    #[inline(always)]
    fn succ(&self, c: u32) -> u32 {
        let r = &self.routes[self.route_of[c as usize] as usize];
        r.get(self.pos[c as usize] as usize + 1).copied().unwrap_or(0)
    }

    #[inline(always)]
    fn pred(&self, c: u32) -> u32 {
        let p = self.pos[c as usize] as usize;
        if p == 0 {
            0
        } else {
            self.routes[self.route_of[c as usize] as usize][p - 1]
        }
    }

    /// Load up to and including node `c` (0 for the depot).
    #[inline(always)]
    fn pre_of(&self, c: u32) -> f64 {
        if c == 0 {
            0.0
        } else {
            self.pre[c as usize]
        }
    }

    /// Replaces round `r`'s stops, keeping the indexes in step (and the old stops for undo when journaling).
    fn set_route(&mut self, r: u32, stops: Vec<u32>) {
        let ri = r as usize;
        let mut load = 0.0;
        for (p, &c) in stops.iter().enumerate() {
            load += self.q[c as usize];
            self.route_of[c as usize] = r;
            self.pos[c as usize] = p as u32;
            self.pre[c as usize] = load;
        }
        self.load[ri] = load;
        self.routes[ri] = stops;
        self.clock += 1;
        self.changed[ri] = self.clock;
    }

    /// Takes round `r`'s stops out to be changed and put back with [`Search::set_route`] (saving a copy first
    /// when journaling).
    fn take_route(&mut self, r: u32) -> Vec<u32> {
        let ri = r as usize;
        if self.journaling && self.saved[ri] != self.stamp {
            self.saved[ri] = self.stamp;
            self.journal.push((r, self.routes[ri].clone()));
        }
        std::mem::take(&mut self.routes[ri])
    }

    fn new_route(&mut self) -> u32 {
        if let Some(r) = self.routes.iter().position(|r| r.is_empty()) {
            return r as u32;
        }
        self.routes.push(Vec::new());
        self.load.push(0.0);
        self.changed.push(0);
        self.saved.push(0);
        let r = self.routes.len() as u32 - 1;
        if self.journaling {
            self.saved[r as usize] = self.stamp;
            self.journal.push((r, Vec::new()));
        }
        r
    }

    fn cost(&self) -> f64 {
        self.routes
            .iter()
            .filter(|r| !r.is_empty())
            .map(|r| {
                let mut c = self.d(0, r[0]) + self.d(r[r.len() - 1], 0);
                for w in r.windows(2) {
                    c += self.d(w[0], w[1]);
                }
                c
            })
            .sum()
    }

    /// Clarke–Wright savings on the neighbour pairs, parallel version.
    ///
    /// The rounds grow as paths: each merge links two end stops and updates the round's two ends, in O(1), so no
    /// round is copied while merging (copying made this quadratic in the round length, and at a million stops the
    /// copies' cache misses dominated). Round r (the slot of its first stop) runs from `first[r]` to `last[r]`,
    /// oriented as if its stops were kept in a list that a merge of i's round with j's extends as (…, i) + (j, …).
    fn savings(&mut self) {
        let n = self.pts.len() - 1;
        // At most one pair per neighbour (on city orders, 8 neighbours a stop, about 4.6 per stop): room for all, so the
        // list is never copied to grow (half of that was too little at a million stops).
        let mut pairs: Vec<Saving> = Vec::with_capacity(n * self.k + 1);
        // Each stop's distance from the depot once, not once per pair (the same values to the last bit).
        let d0: Vec<f64> = (0..=n as u32).map(|c| self.d(0, c)).collect();
        for from in (1..=n as u32).step_by(TIER_CHUNK) {
            self.neighbour_savings(&d0, &mut pairs, from, (from - 1 + TIER_CHUNK as u32).min(n as u32));
        }
        let mut m = Merges::new(&self.q);
        m.merge(&mut pairs, self.cap);
        // A second pass over the ends of the rounds that are left: with few neighbours per stop (large inputs),
        // many rounds end where none of their ends' neighbours ends a round, and stay part-full. Pairing each end
        // with the nearest ends of other rounds joins them (measured at a million stops, 8 neighbours: 4.8% more
        // rounds than the fewest before, see `max_rounds`).
        let ends: Vec<u32> = (0..n)
            .filter(|&r| m.first[r] != 0)
            .flat_map(|r| [m.first[r], m.last[r]].into_iter().take(if m.first[r] == m.last[r] { 1 } else { 2 }))
            .collect();
        let ends_xy: Vec<[f64; 2]> = ends.iter().map(|&c| self.pts[c as usize]).collect();
        let grid = Grid::new(&ends_xy);
        let mut found = Vec::with_capacity(END_NEIGHBOURS + 2);
        for (a, &i) in ends.iter().enumerate() {
            grid.nearest_into(ends_xy[a], END_NEIGHBOURS + 1, &ends_xy, a, &mut found);
            for &(_, _, b) in &found {
                if ends[b] > i && m.slot[ends[b] as usize] != m.slot[i as usize] {
                    self.push_saving(&d0, &mut pairs, i, ends[b]);
                }
            }
        }
        m.merge(&mut pairs, self.cap);
        let routes = m.rounds();
        self.load = vec![0.0; routes.len()];
        self.saved = vec![0; routes.len()];
        self.changed = vec![0; routes.len()];
        self.routes = vec![Vec::new(); routes.len()];
        for (r, stops) in routes.into_iter().enumerate() {
            self.set_route(r as u32, stops);
        }
    }

    /// Adds the savings of stops `from` to `to` (inclusive) with their neighbours, each pair once. Not inlined, and
    /// called for a few stops at a time: see [`TIER_CHUNK`].
    #[inline(never)]
    fn neighbour_savings(&self, d0: &[f64], pairs: &mut Vec<Saving>, from: u32, to: u32) {
        for i in from..=to {
            for &j in self.neighbours(i) {
                if j > i || !self.neighbours(j).contains(&i) {
                    self.push_saving(d0, pairs, i, j);
                }
            }
        }
    }

    /// Adds the pair (i, j) when joining their rounds saves length: d(0,i) + d(0,j) − d(i,j) > 0. The key is the
    /// saving as an `f32`, its bits inverted (for positive floats the bits rank as the values do), so that
    /// [`sort_by_saving`] can radix-sort it. `d0[c]` is d(0, c).
    #[inline(always)]
    fn push_saving(&self, d0: &[f64], pairs: &mut Vec<Saving>, i: u32, j: u32) {
        let s = d0[i as usize] + d0[j as usize] - self.d(i, j);
        if s > 0.0 {
            pairs.push((!(s as f32).to_bits(), i.min(j), i.max(j)));
        }
    }

    fn push(&mut self, c: u32) {
        if c != 0 && !self.queued[c as usize] {
            self.queued[c as usize] = true;
            self.queue.push(c);
        }
    }

    /// Searches from the nodes of `start`, then from every node near a change, until no move improves or the work
    /// passes `limit`.
    fn local_search(&mut self, start: &[u32], limit: u64) {
        for &c in start.iter().rev() {
            self.push(c);
        }
        while let Some(u) = self.queue.pop() {
            self.queued[u as usize] = false;
            if self.work > limit || self.tick() {
                for &c in &self.queue {
                    self.queued[c as usize] = false;
                    self.moved_near[c as usize] = false;
                }
                self.queue.clear();
                return;
            }
            let granular = if self.moved_near[u as usize] { self.granular } else { self.first_look.min(self.granular) };
            self.moved_near[u as usize] = false;
            if let Some(touched) = self.improve_from(u, granular) {
                for c in touched.into_iter().chain([u]) {
                    if c != 0 {
                        self.moved_near[c as usize] = true;
                    }
                    self.push(c);
                }
            }
        }
    }

    /// Tries every move of the search's [`NODE_OPERATORS`] for (u, v), v each of u's `granular` nearest neighbours in
    /// turn; applies the first that improves and returns the nodes around it.
    fn improve_from(&mut self, u: u32, granular: usize) -> Option<[u32; 6]> {
        let at = Stop::new(self, u);
        for t in 0..granular {
            let v = self.near[(u as usize - 1) * self.k + t];
            if v == u {
                continue;
            }
            self.work += 1;
            let pair = Pair::of(self, &at, v);
            if let Some((op, m)) = operators::first_improving(self, &pair, self.node_operators) {
                return Some(NODE_OPERATORS[op].apply(self, &pair, &m));
            }
        }
        None
    }

    /// Cheapest feasible insertion of c next to one of its neighbours (or, failing that, anywhere; or in a new
    /// round): (cost, route, position).
    fn best_insertion(&mut self, c: u32, removed: &[bool]) -> (f64, u32, usize) {
        let qc = self.q[c as usize];
        let mut best = (f64::INFINITY, u32::MAX, 0usize);
        for t in 0..self.k {
            let v = self.near[(c as usize - 1) * self.k + t];
            if removed[v as usize] {
                continue;
            }
            self.work += 1;
            let r = self.route_of[v as usize];
            if self.load[r as usize] + qc > self.cap {
                continue;
            }
            let p = self.pos[v as usize] as usize;
            let (pv, y) = (self.pred(v), self.succ(v));
            let before = self.d(pv, c) + self.d(c, v) - self.d(pv, v);
            let after = self.d(v, c) + self.d(c, y) - self.d(v, y);
            if before < best.0 {
                best = (before, r, p);
            }
            if after < best.0 {
                best = (after, r, p + 1);
            }
        }
        if best.1 == u32::MAX {
            // No neighbour's round has room: any round with room, at its cheapest place.
            for r in 0..self.routes.len() {
                let stops = &self.routes[r];
                if stops.is_empty() || self.load[r] + qc > self.cap {
                    continue;
                }
                self.work += stops.len() as u64 + 1;
                let mut prev = 0;
                for p in 0..=stops.len() {
                    let next = stops.get(p).copied().unwrap_or(0);
                    let delta = self.d(prev, c) + self.d(c, next) - self.d(prev, next);
                    if delta < best.0 {
                        best = (delta, r as u32, p);
                    }
                    prev = next;
                }
            }
        }
        let alone = 2.0 * self.d(0, c);
        if best.1 == u32::MAX || alone < best.0 {
            let r = self.new_route();
            return (alone, r, 0);
        }
        best
    }

    /// Ruin and recreate until the work budget is spent; keeps a step when the total length does not grow.
    fn ruin_and_recreate(&mut self, rng: &mut Rng, budget: u64) {
        let n = self.pts.len() - 1;
        if budget == 0 || n < 3 || self.k == 0 {
            return;
        }
        let start_work = self.work;
        let limit = self.work.saturating_add(budget);
        let mut current = self.cost();
        let mut best = current;
        let rounds = self.routes.iter().filter(|r| !r.is_empty()).count().max(1);
        // Simulated annealing (as in SISR): a step that lengthens the rounds by δ is kept with probability e^(−δ/T),
        // T falling geometrically from T0 to T0/100, scaled to the mean edge of the first solution. Above
        // ANNEAL_MAX stops, copying the best rounds would cost more than the search gains, so only improvements
        // are kept.
        let anneal = n <= ANNEAL_MAX;
        let mut best_routes = if anneal { Some(self.routes.clone()) } else { None };
        let avg_route = (n as f64 / rounds as f64).max(1.0);
        // Long rounds anneal hotter, by (stops a round / LONG_ROUND)^1.5: measured natively on Leuven2 (87 stops a
        // round) and Antwerp2 (58), balanced, seeds 1–5, T0 of 3, 6 and 10 mean edges gave 5.6, 5.4 and 5.4% over the
        // best known (Antwerp2 5.9, 5.7, 5.7%) against 6.1% (6.1%) at 1; the X instances keep 1.
        let hotter = long_rounds(n, avg_route).powf(1.5);
        let t0 = TEMPERATURE * hotter * current / (n + rounds) as f64;
        let max_string = (avg_route.min(10.0)) as usize;
        let max_removed = MAX_REMOVED.min(n / 2).max(2);
        let mut removed = vec![false; n + 1];
        self.journaling = true;
        self.granular = RUIN_NEIGHBOURS.min(self.k);
        while self.work < limit && !self.tick() {
            self.stamp = self.stamp.wrapping_add(1).max(1);
            self.journal.clear();
            // Ruin: strings around the seed and its neighbours, at most one per round.
            let seed = 1 + rng.below(n) as u32;
            let target = 2 + rng.below(max_removed - 1);
            let mut out: Vec<u32> = Vec::with_capacity(target + max_string);
            let mut routes_hit: Vec<u32> = Vec::new();
            let candidates: Vec<u32> = std::iter::once(seed).chain(self.neighbours(seed).iter().copied()).collect();
            for c in candidates {
                if out.len() >= target {
                    break;
                }
                if removed[c as usize] {
                    continue;
                }
                let r = self.route_of[c as usize];
                if routes_hit.contains(&r) {
                    continue;
                }
                routes_hit.push(r);
                let len = 1 + rng.below(max_string.min(target - out.len()).max(1));
                let stops = self.take_route(r);
                let p = self.pos[c as usize] as usize;
                let len = len.min(stops.len());
                let start = p.saturating_sub(rng.below(len)).min(stops.len() - len);
                let mut kept = stops[..start].to_vec();
                kept.extend_from_slice(&stops[start + len..]);
                for &s in &stops[start..start + len] {
                    removed[s as usize] = true;
                    out.push(s);
                }
                self.set_route(r, kept);
            }
            // Recreate: in random order, far from the depot first, or largest first (which packs the rounds).
            match rng.below(3) {
                0 => shuffle(&mut out, rng),
                1 => out.sort_unstable_by(|&a, &b| self.d(0, b).total_cmp(&self.d(0, a)).then(a.cmp(&b))),
                _ => out.sort_unstable_by(|&a, &b| self.q[b as usize].total_cmp(&self.q[a as usize]).then(a.cmp(&b))),
            }
            for &c in &out {
                let (_, r, p) = self.best_insertion(c, &removed);
                let mut stops = self.take_route(r);
                stops.insert(p, c);
                self.set_route(r, stops);
                removed[c as usize] = false;
            }
            self.local_search(&out, limit);
            let after = self.touched_cost_change() + current;
            let threshold = if anneal {
                let done = (self.work - start_work) as f64 / budget as f64;
                -t0 * 0.01f64.powf(done.min(1.0)) * (1.0 - rng.next_f64()).ln()
            } else {
                0.0
            };
            if after <= current + self.eps + threshold {
                current = after;
                if anneal && current < best - self.eps {
                    best = current;
                    best_routes = Some(self.routes.clone());
                }
            } else {
                // Undo: restore the saved rounds (the first saved copy of each is its state before the step).
                let journal = std::mem::take(&mut self.journal);
                self.journaling = false;
                for (r, stops) in journal.into_iter().rev() {
                    self.set_route(r, stops);
                }
                self.journaling = true;
            }
        }
        self.journaling = false;
        self.granular = self.k;
        self.journal.clear();
        if let Some(routes) = best_routes.filter(|_| best < current - self.eps) {
            for r in 0..self.routes.len() {
                self.set_route(r as u32, routes.get(r).cloned().unwrap_or_default());
            }
        }
    }

    fn route_len(&self, stops: &[u32]) -> f64 {
        if stops.is_empty() {
            return 0.0;
        }
        let mut c = self.d(0, stops[0]) + self.d(stops[stops.len() - 1], 0);
        for w in stops.windows(2) {
            c += self.d(w[0], w[1]);
        }
        c
    }

    /// The length change of the rounds changed in this step: now minus as saved.
    fn touched_cost_change(&self) -> f64 {
        self.journal.iter().map(|(r, old)| self.route_len(&self.routes[*r as usize]) - self.route_len(old)).sum()
    }
}

/// Long loops that run once per call are split into calls of a function (not inlined) over this many items at a
/// time. In the browser and Node, V8 first runs wasm compiled quickly (Liftoff) and swaps in optimised code
/// (TurboFan) only for later calls of a function, never in the middle of one: a loop over a million stops inside
/// one call runs the slow code throughout. Measured in Node at a million orders, compiling everything optimised up
/// front (`--no-liftoff`) made `consolidate` about a tenth faster than the default, the savings' merge (sort
/// included) most of all: 358 against 492 ms.
const TIER_CHUNK: usize = 4096;

/// `f`, called through a pointer the optimisers cannot see through: wasm-opt inlines a function called from one
/// place whatever Rust's `#[inline(never)]` says, which would put a [`TIER_CHUNK`] loop back into one long call.
fn not_inlined<F>(f: F) -> F {
    std::hint::black_box(f)
}

/// A candidate merge (key, i, j): the key ranks savings, largest first (see [`Search::push_saving`]).
type Saving = (u32, u32, u32);

/// Sorts by key, stably: a radix sort in four passes of 8 bits, fewer when a digit is the same for every key (at a
/// million stops, comparison sorting the five million pairs was a tenth of `consolidate`; three passes of 11 bits
/// took a fifth longer than these natively, their 2,048 buckets scattering the writes over more cache lines).
fn sort_by_saving(pairs: &mut Vec<Saving>) {
    const BITS: u32 = 8;
    const MASK: u32 = (1 << BITS) - 1;
    let mut sorted = vec![(0, 0, 0); pairs.len()];
    // The four passes' bucket counts in one read of the pairs, not one each.
    let mut counts = vec![[0usize; 1 << BITS]; 4];
    // (Chunked: see TIER_CHUNK.)
    #[inline(never)]
    fn count(pairs: &[Saving], counts: &mut [[usize; 1 << BITS]]) {
        for p in pairs {
            for (pass, c) in counts.iter_mut().enumerate() {
                c[((p.0 >> (pass as u32 * BITS)) & MASK) as usize] += 1;
            }
        }
    }
    #[inline(never)]
    fn scatter(pairs: &[Saving], sorted: &mut [Saving], at: &mut [usize; 1 << BITS], shift: u32) {
        for p in pairs {
            let b = ((p.0 >> shift) & MASK) as usize;
            sorted[at[b]] = *p;
            at[b] += 1;
        }
    }
    type Count = fn(&[Saving], &mut [[usize; 1 << BITS]]);
    type Scatter = fn(&[Saving], &mut [Saving], &mut [usize; 1 << BITS], u32);
    let (count, scatter) = (not_inlined(count as Count), not_inlined(scatter as Scatter));
    for chunk in pairs.chunks(TIER_CHUNK) {
        count(chunk, &mut counts);
    }
    for (pass, mut at) in counts.into_iter().enumerate() {
        if at.contains(&pairs.len()) {
            continue; // every key has the same digit here
        }
        let mut sum = 0;
        for a in at.iter_mut() {
            (*a, sum) = (sum, sum + *a);
        }
        for chunk in pairs.chunks(TIER_CHUNK) {
            scatter(chunk, &mut sorted, &mut at, pass as u32 * BITS);
        }
        std::mem::swap(pairs, &mut sorted);
    }
}

/// Clarke & Wright's parallel merging: every stop starts in a round of its own (node c in slot c − 1), and pairs
/// (i, j), largest saving first, join the round ending in i to the round starting in j when both are ends and the
/// loads fit.
struct Merges {
    /// `link[c]`: c's neighbours in its round (0: none yet).
    link: Vec<[u32; 2]>,
    /// Bit c (of word c / 64) is set while c ends its round (has fewer than two links): the pairs come in order of
    /// saving, not of place, so each look at `link` was a cache miss; a bit per stop (125 KB at a million) stays in
    /// cache, and most pairs fail this test.
    ends: Vec<u64>,
    /// `slot[c]`: the round of an end stop c.
    slot: Vec<u32>,
    /// Each slot's end stops (`first` 0: the slot is empty) and load.
    first: Vec<u32>,
    last: Vec<u32>,
    load: Vec<f64>,
}

impl Merges {
    /// Every stop alone; `q` is the demand by node (node 0, the depot, included).
    fn new(q: &[f64]) -> Self {
        let n = q.len() - 1;
        let first: Vec<u32> = (1..=n as u32).collect();
        Merges {
            link: vec![[0u32; 2]; n + 1],
            ends: vec![u64::MAX; (n + 1).div_ceil(64)],
            slot: (0..=n as u32).map(|c| c.saturating_sub(1)).collect(),
            last: first.clone(),
            first,
            load: q[1..].to_vec(),
        }
    }

    /// Sorts `pairs` (largest saving first; equal savings in the order they were found), applies every merge that
    /// still fits, and empties `pairs` for the next pass.
    fn merge(&mut self, pairs: &mut Vec<Saving>, cap: f64) {
        sort_by_saving(pairs);
        let merge_some = not_inlined(Merges::merge_some as fn(&mut Merges, &[Saving], f64));
        for chunk in pairs.chunks(TIER_CHUNK) {
            merge_some(self, chunk, cap);
        }
        pairs.clear();
    }

    /// [`Merges::merge`]'s merges for `pairs`, sorted (not inlined: see [`TIER_CHUNK`]).
    #[inline(never)]
    fn merge_some(&mut self, pairs: &[Saving], cap: f64) {
        let is_end = |ends: &[u64], c: u32| ends[c as usize / 64] & (1 << (c % 64)) != 0;
        for &(_, i, j) in pairs {
            if !is_end(&self.ends, i) || !is_end(&self.ends, j) {
                continue;
            }
            let (ri, rj) = (self.slot[i as usize] as usize, self.slot[j as usize] as usize);
            if ri == rj || self.load[ri] + self.load[rj] > cap {
                continue;
            }
            // (other end of i's round, …, i) + (j, …, other end of j's round), in slot ri.
            let head = if self.last[ri] == i { self.first[ri] } else { self.last[ri] };
            let tail = if self.first[rj] == j { self.last[rj] } else { self.first[rj] };
            for (a, b) in [(i, j), (j, i)] {
                let l = &mut self.link[a as usize];
                if l[0] != 0 {
                    l[1] = b;
                    self.ends[a as usize / 64] &= !(1 << (a % 64));
                } else {
                    l[0] = b;
                }
            }
            (self.first[ri], self.last[ri]) = (head, tail);
            self.slot[head as usize] = ri as u32;
            self.slot[tail as usize] = ri as u32;
            self.load[ri] += self.load[rj];
            self.load[rj] = 0.0;
            self.first[rj] = 0;
        }
    }

    /// The rounds in slot order, each walked from its first stop.
    fn rounds(&self) -> Vec<Vec<u32>> {
        let mut routes = Vec::new();
        for r in 0..self.first.len() {
            if self.first[r] == 0 {
                continue;
            }
            let mut stops = Vec::new();
            let (mut prev, mut at) = (0, self.first[r]);
            loop {
                stops.push(at);
                if at == self.last[r] {
                    break;
                }
                let l = self.link[at as usize];
                let next = if l[0] != prev { l[0] } else { l[1] };
                (prev, at) = (at, next);
            }
            routes.push(stops);
        }
        routes
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn random(rng: &mut Rng, n: usize) -> (Vec<[f64; 2]>, Vec<f64>) {
        let xy = (0..n).map(|_| [rng.next_f64() * 100.0, rng.next_f64() * 100.0]).collect();
        let q = (0..n).map(|_| 1.0 + rng.below(10) as f64).collect();
        (xy, q)
    }

    /// Neighbour lists where many stops share a place equal the nearest-first lists with ties broken cyclically by
    /// index (the grid's rule, which it follows for crowded places without scanning them), and 200,000 stops at one
    /// address get theirs, and their rounds, in seconds rather than minutes.
    #[test]
    fn crowded_places_get_the_same_neighbours_fast() {
        let mut rng = Rng::new(3);
        let spots = [[0.0, 0.0], [-0.0, 5.0], [3.0, 3.0]];
        let xy: Vec<[f64; 2]> = (0..600)
            .map(|i| if i % 7 == 0 { [rng.next_f64() * 10.0, rng.next_f64() * 10.0] } else { spots[rng.below(3)] })
            .collect();
        let nb = Neighbours::new(&xy, Effort::default());
        let (k, n) = (nb.k, nb.xy.len());
        let d = |i: usize, j: usize| (nb.xy[i][0] - nb.xy[j][0]).powi(2) + (nb.xy[i][1] - nb.xy[j][1]).powi(2);
        for i in 0..n {
            let mut others: Vec<usize> = (0..n).filter(|&j| j != i).collect();
            others.sort_by(|&a, &b| d(i, a).total_cmp(&d(i, b)).then(((a + n - i) % n).cmp(&((b + n - i) % n))));
            let want: Vec<u32> = others[..k].iter().map(|&j| j as u32 + 1).collect();
            assert_eq!(nb.near[i * k..(i + 1) * k], want[..], "stop {i}");
        }
        let started = std::time::Instant::now();
        let n = 200_000;
        let rounds = plan([0.0, 0.0], &vec![[1.0, 2.0]; n], &vec![1.0; n], 1.0, Effort::default(), 1);
        assert_eq!(rounds.len(), n);
        assert!(started.elapsed().as_secs_f64() < 30.0, "{:?}", started.elapsed());
    }

    fn check(rounds: &[Vec<usize>], q: &[f64], cap: f64) {
        if let Err(e) = check_rounds(rounds.iter().map(Vec::as_slice), q, cap) {
            panic!("{e}");
        }
    }

    /// The shared check refuses each way rounds can be wrong, and accepts right ones.
    #[test]
    fn check_rounds_refuses_what_a_van_could_not_drive() {
        let q = [1.0, 2.0, 3.0];
        let check = |rounds: &[&[usize]]| check_rounds(rounds.iter().copied(), &q, 4.0).map_err(|e| e.to_string());
        assert_eq!(check(&[&[0, 2], &[1]]), Ok(()));
        assert!(check(&[&[0, 1, 2]]).unwrap_err().contains("carries 6 > 4"));
        assert!(check(&[&[0, 2]]).unwrap_err().contains("stop 1 is in 0 rounds"));
        assert!(check(&[&[0, 2], &[1, 0]]).unwrap_err().contains("stop 0 is in 2 rounds"));
        assert!(check(&[&[0, 2], &[1], &[]]).unwrap_err().contains("no stops"));
    }

    #[test]
    fn every_stop_once_and_no_round_over_capacity() {
        let mut rng = Rng::new(5);
        for n in [1, 2, 3, 7, 50, 300] {
            for cap in [10.0, 25.0, 100.0] {
                let (xy, q) = random(&mut rng, n);
                let depot = [rng.next_f64() * 100.0, rng.next_f64() * 100.0];
                for effort in [Effort::Fast, Effort::Balanced] {
                    let rounds = plan(depot, &xy, &q, cap, effort, 3);
                    check(&rounds, &q, cap);
                }
            }
        }
    }

    /// Ruin and recreate keeps lengthening steps while it anneals, but returns the best rounds it saw: never longer
    /// than the local search's rounds it started from, which `fast` returns when both have the same neighbour lists
    /// (every other stop, up to 13 stops).
    #[test]
    fn ruin_and_recreate_never_returns_longer_rounds() {
        let mut rng = Rng::new(11);
        for n in [3, 4, 5, 6, 7, 8, 10, 13] {
            for cap in [10.0, 15.0, 25.0, 40.0] {
                let (xy, q) = random(&mut rng, n);
                let fast = length([50.0, 50.0], &xy, &plan([50.0, 50.0], &xy, &q, cap, Effort::Fast, 1));
                let balanced = plan([50.0, 50.0], &xy, &q, cap, Effort::Balanced, 1);
                check(&balanced, &q, cap);
                assert!(length([50.0, 50.0], &xy, &balanced) <= fast + 1e-9, "n {n}, capacity {cap}");
            }
        }
    }

    /// The radix sort agrees with the standard library's stable sort by key, ties and all.
    #[test]
    fn savings_sort_is_a_stable_sort_by_key() {
        let mut rng = Rng::new(3);
        for n in [0, 1, 2, 100, 5_000] {
            // Few distinct keys, spread over all 32 bits, so that ties and every pass are exercised.
            let keys: Vec<u32> = (0..50).map(|_| rng.next_u64() as u32).collect();
            let mut pairs: Vec<Saving> = (0..n).map(|i| (keys[rng.below(50)], i as u32, 0)).collect();
            let mut expected = pairs.clone();
            expected.sort_by_key(|p| p.0);
            sort_by_saving(&mut pairs);
            assert_eq!(pairs, expected);
        }
    }

    #[test]
    fn same_seed_same_rounds() {
        let mut rng = Rng::new(9);
        let (xy, q) = random(&mut rng, 200);
        let a = plan([50.0, 50.0], &xy, &q, 30.0, Effort::Balanced, 4);
        let b = plan([50.0, 50.0], &xy, &q, 30.0, Effort::Balanced, 4);
        assert_eq!(a, b);
    }

    #[test]
    fn many_stops_at_one_place() {
        let xy = vec![[3.0, 4.0]; 40];
        let q = vec![1.0; 40];
        let rounds = plan([0.0, 0.0], &xy, &q, 7.0, Effort::Balanced, 1);
        check(&rounds, &q, 7.0);
        assert_eq!(rounds.len(), 6);
    }
    /// The optimum by brute force: every order of the stops, each cut optimally into rounds (the split of a giant
    /// tour, Beasley 1983), which together reach every CVRP solution.
    fn brute_force(depot: [f64; 2], xy: &[[f64; 2]], q: &[f64], cap: f64) -> f64 {
        let d = |a: [f64; 2], b: [f64; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
        let split = |seq: &[usize]| {
            let n = seq.len();
            let mut best = vec![f64::INFINITY; n + 1];
            best[0] = 0.0;
            for i in 0..n {
                let (mut load, mut inner) = (0.0, 0.0);
                for j in i..n {
                    load += q[seq[j]];
                    if load > cap {
                        break;
                    }
                    if j > i {
                        inner += d(xy[seq[j - 1]], xy[seq[j]]);
                    }
                    let c = best[i] + d(depot, xy[seq[i]]) + inner + d(xy[seq[j]], depot);
                    best[j + 1] = best[j + 1].min(c);
                }
            }
            best[n]
        };
        crate::consolidation::routing::least_over_orders(xy.len(), &split)
    }

    #[test]
    fn small_instances_are_within_2_percent_of_the_optimum() {
        let mut rng = Rng::new(21);
        let mut worst: f64 = 0.0;
        for n in 2..=8 {
            for _ in 0..4 {
                let (xy, q) = random(&mut rng, n);
                let depot = [rng.next_f64() * 100.0, rng.next_f64() * 100.0];
                let cap = 10.0 + rng.below(15) as f64;
                let rounds = plan(depot, &xy, &q, cap, Effort::Balanced, 1);
                check(&rounds, &q, cap);
                let best = brute_force(depot, &xy, &q, cap);
                let ours = length(depot, &xy, &rounds);
                assert!(ours <= best * 1.02, "n = {n}: {ours} vs optimum {best}");
                worst = worst.max(ours / best - 1.0);
            }
        }
        eprintln!("worst gap over the optimum: {:.3}%", worst * 100.0);
    }

    #[test]
    fn rounds_are_the_fewest_give_or_take_the_slack() {
        let mut rng = Rng::new(8);
        for (n, cap) in [(300, 50.0), (1000, 100.0), (2000, 30.0)] {
            let (xy, q) = random(&mut rng, n);
            let rounds = plan([50.0, 50.0], &xy, &q, cap, Effort::Fast, 2);
            check(&rounds, &q, cap);
            let min = (q.iter().sum::<f64>() / cap).ceil() as usize;
            assert!(rounds.len() <= max_rounds(min), "{} rounds, at least {min}", rounds.len());
        }
    }

    /// Two public instances (CVRPLIB X set, Uchoa et al. 2017), against their best-known routes re-measured in exact
    /// distance, with a loose bound: a check that the planner is in the right league, not a timing test.
    #[test]
    fn known_answers_on_two_cvrplib_instances() {
        for (text, best) in [
            (
                include_str!("../../../bench/cvrplib/X-n101-k25.vrp"),
                include_str!("../../../bench/cvrplib/X-n101-k25.sol"),
            ),
            (
                include_str!("../../../bench/cvrplib/X-n110-k13.vrp"),
                include_str!("../../../bench/cvrplib/X-n110-k13.sol"),
            ),
        ] {
            let i = cvrplib::parse(text).unwrap();
            let best = cvrplib::parse_solution(best).unwrap();
            check(&best, &i.demand, i.capacity);
            let rounds = plan(i.depot, &i.xy, &i.demand, i.capacity, Effort::Balanced, 1);
            check(&rounds, &i.demand, i.capacity);
            let gap = length(i.depot, &i.xy, &rounds) / length(i.depot, &i.xy, &best) - 1.0;
            assert!(gap < 0.06, "{}: gap {:.2}%", i.name, gap * 100.0);
        }
    }
}
