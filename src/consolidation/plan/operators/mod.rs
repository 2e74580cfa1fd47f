//! The local search's moves, each in a module of its own behind one small trait, registered in the lists the
//! search walks (as PyVRP's `NODE_OPERATORS` and `ROUTE_OPERATORS`):
//!
//! - [`NODE_OPERATORS`]: moves around a stop u and one of its near neighbours v ([`Pair`]), each creating an edge
//!   next to (u, v): [`relocate`] (u after or before v), [`relocate_pair`] (u and its successor), [`exchange`]
//!   (swap u and v), [`two_opt`] (inside a round), [`two_opt_star`] (tails between two rounds, both ways),
//!   [`cross_exchange`] (chains of one or two stops between two rounds). The search tries them in this order and
//!   applies the first that shortens the rounds.
//! - [`ROUTE_OPERATORS`]: moves between two rounds that hold neighbouring stops: [`swap_star`].
//!
//! An operator's `evaluate` gives the move's [`Move::delta`], the change in the rounds' total length, computed from
//! the distances it adds and removes, and only for moves that keep every round within capacity (loads are checked
//! exactly, `load ≤ capacity`); `apply` makes the move. Each module's tests check, on random small instances, that
//! the delta of every move found equals the change in total length measured from scratch after applying it, that
//! loads stay within capacity and every stop stays in exactly one round.

/// Each node operator's test: every move it finds on random small rounds, applied, changes the total length by its
/// delta (measured from scratch) and keeps every round within capacity
/// ([`testing::check_node_operator`]); `at least` is how many moves must have been checked.
macro_rules! node_operator_tests {
    ($($name:ident: $op:expr, seed $seed:expr, at least $min:expr;)*) => {
        #[cfg(test)]
        mod tests {
            use super::*;
            $(
                #[test]
                fn $name() {
                    let checked = super::super::testing::check_node_operator(&$op, $seed);
                    assert!(checked >= $min, "only {checked} moves checked");
                }
            )*
        }
    };
}

pub(super) mod cross_exchange;
pub(super) mod exchange;
pub(super) mod relocate;
pub(super) mod relocate_pair;
pub(super) mod swap_star;
pub(super) mod two_opt;
pub(super) mod two_opt_star;

use std::collections::HashMap;

use super::Search;

/// A move as an operator found it: the length change, and what `apply` needs to make it (operator-specific).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Move {
    pub delta: f64,
    pub how: [u32; 4],
}

impl Move {
    fn new(delta: f64) -> Self {
        Move { delta, how: [0; 4] }
    }
}

/// A stop u with its round, the nodes after and before it (0: the depot) and the lengths around it: the part of a
/// [`Pair`] that does not depend on the neighbour, found once for all of u's neighbours.
#[derive(Debug, Clone, Copy)]
pub(super) struct Stop {
    u: u32,
    /// u's successor, the successor's successor (0 when u is last) and u's predecessor.
    x: u32,
    xx: u32,
    pu: u32,
    ru: u32,
    /// d(pu, u), d(u, x), d(pu, x), d(x, xx), d(pu, xx).
    pu_u: f64,
    u_x: f64,
    pu_x: f64,
    x_xx: f64,
    pu_xx: f64,
}

impl Stop {
    pub(super) fn new(s: &Search, u: u32) -> Self {
        let (x, pu) = (s.succ(u), s.pred(u));
        let xx = if x == 0 { 0 } else { s.succ(x) };
        Stop {
            u,
            x,
            xx,
            pu,
            ru: s.route_of[u as usize],
            pu_u: s.d(pu, u),
            u_x: s.d(u, x),
            pu_x: s.d(pu, x),
            x_xx: s.d(x, xx),
            pu_xx: s.d(pu, xx),
        }
    }
}

/// A stop u and a neighbour v, with their rounds, the nodes around them (0: the depot) and the lengths between
/// those nodes that the node operators need, as they stand before any move. Each length is [`Search::d`]'s, found
/// once here rather than by each operator (the operators' evaluations were mostly square roots, most of them the
/// same ones again), so the deltas are the same to the last bit.
#[derive(Debug, Clone, Copy)]
pub(super) struct Pair {
    pub u: u32,
    pub v: u32,
    /// u's successor, the successor's successor (0 when u is last) and u's predecessor.
    pub x: u32,
    pub xx: u32,
    pub pu: u32,
    /// v's successor and predecessor.
    pub y: u32,
    pub pv: u32,
    pub ru: u32,
    pub rv: u32,
    /// Lengths: `a_b` is d(a, b).
    pub u_v: f64,
    pub pu_u: f64,
    pub u_x: f64,
    pub pu_x: f64,
    pub x_xx: f64,
    pub pu_xx: f64,
    pub pv_v: f64,
    pub v_y: f64,
    pub u_y: f64,
    pub pv_u: f64,
    pub x_y: f64,
    pub v_x: f64,
    pub pu_v: f64,
    pub pu_y: f64,
}

impl Pair {
    #[cfg(test)]
    pub(super) fn new(s: &Search, u: u32, v: u32) -> Self {
        Pair::of(s, &Stop::new(s, u), v)
    }

    /// Stop `at` (its u) and its neighbour `v`.
    #[inline]
    pub(super) fn of(s: &Search, at: &Stop, v: u32) -> Self {
        let &Stop { u, x, xx, pu, ru, pu_u, u_x, pu_x, x_xx, pu_xx } = at;
        let (y, pv) = (s.succ(v), s.pred(v));
        Pair {
            u,
            v,
            x,
            xx,
            pu,
            y,
            pv,
            ru,
            rv: s.route_of[v as usize],
            u_v: s.d(u, v),
            pu_u,
            u_x,
            pu_x,
            x_xx,
            pu_xx,
            pv_v: s.d(pv, v),
            v_y: s.d(v, y),
            u_y: s.d(u, y),
            pv_u: s.d(pv, u),
            x_y: s.d(x, y),
            v_x: s.d(v, x),
            pu_v: s.d(pu, v),
            pu_y: s.d(pu, y),
        }
    }

    /// Whether u and v share a round.
    pub(super) fn same(&self) -> bool {
        self.ru == self.rv
    }

    /// The nodes whose surroundings most moves change, for the search to look at again.
    fn around(&self) -> [u32; 6] {
        [self.v, self.x, self.pu, self.y, self.pv, 0]
    }
}

/// A move around a stop and one of its neighbours.
pub(super) trait NodeOperator: Sync {
    /// The move for `p`, if it applies and keeps both rounds within capacity (improving or not).
    fn evaluate(&self, s: &Search, p: &Pair) -> Option<Move>;
    /// Makes the move `evaluate` gave for `p`; returns the nodes around it (0 where none).
    fn apply(&self, s: &mut Search, p: &Pair, m: &Move) -> [u32; 6];
}

/// A move between two rounds.
pub(super) trait RouteOperator: Sync {
    /// The best move between rounds `a` and `b` that shortens them and fits both, if any (its work counted).
    fn evaluate(&self, s: &mut Search, a: usize, b: usize) -> Option<Move>;
    /// Makes the move `evaluate` gave for rounds `a` and `b`.
    fn apply(&self, s: &mut Search, a: usize, b: usize, m: &Move);
}

/// Declares the node moves once, in the order the search tries them: the list [`NODE_OPERATORS`], and
/// [`first_improving`], which walks the same list with static calls. (The search tries every operator on every pair
/// it looks at; through `dyn` that was an indirect call each, which wasm cannot inline: measured, a tenth of
/// `consolidate` on the sample city.)
macro_rules! node_operators {
    ($($op:expr,)*) => {
        /// The node moves, in the order the search tries them (CROSS-exchange last: on very large inputs the search
        /// leaves it out, `Effort::exchanges_chains`).
        pub(super) static NODE_OPERATORS: &[&dyn NodeOperator] = &[$(&$op,)*];

        /// The first of the first `count` [`NODE_OPERATORS`] whose move for `p` shortens the rounds by more than
        /// the search's epsilon: its index in the list, and the move.
        #[inline]
        pub(super) fn first_improving(s: &Search, p: &Pair, count: usize) -> Option<(usize, Move)> {
            let mut i = 0;
            $(
                if i == count {
                    return None;
                }
                if let Some(m) = NodeOperator::evaluate(&$op, s, p).filter(|m| m.delta < -s.eps) {
                    return Some((i, m));
                }
                i += 1;
            )*
            let _ = i;
            None
        }
    };
}

node_operators! {
    relocate::Relocate { after: true },
    relocate::Relocate { after: false },
    relocate_pair::RelocatePair,
    exchange::Exchange,
    two_opt::TwoOpt,
    two_opt_star::TwoOptStar { heads: true },
    two_opt_star::TwoOptStar { heads: false },
    cross_exchange::CrossExchange,
}

/// The round moves, in the order the search tries them on a pair of rounds.
pub(super) static ROUTE_OPERATORS: &[&dyn RouteOperator] = &[&swap_star::SwapStar];

impl Search<'_> {
    /// Passes of the [`ROUTE_OPERATORS`] over the pairs of rounds with neighbouring stops, each followed by the local
    /// search around what changed, until a pass finds nothing or after `passes`. A pair of
    /// rounds is tried again only when one of them changed since it was last tried (as HGS-CVRP does), so the later
    /// passes cost less.
    pub(in crate::consolidation::plan) fn polish_rounds(&mut self, limit: u64, passes: usize) {
        let mut tried = HashMap::new();
        for _ in 0..passes {
            let touched = self.route_pass(limit, &mut tried);
            if touched.is_empty() || self.stopped.is_some() {
                return;
            }
            self.local_search(&touched, limit);
        }
    }

    /// The rounds that hold a neighbour of one of round `r`'s stops, after `r` in number (each pair once).
    fn near_rounds(&self, r: usize) -> Vec<usize> {
        let mut near: Vec<usize> = self.routes[r]
            .iter()
            .flat_map(|&c| self.neighbours(c).iter().map(|&v| self.route_of[v as usize] as usize))
            .filter(|&o| o > r)
            .collect();
        near.sort_unstable();
        near.dedup();
        near
    }

    /// One pass: every pair of rounds with neighbouring stops, one of which changed since the pair was last tried
    /// (`tried`: the clock then), applying the first operator's improving move for the pair (SWAP*: the pair's best
    /// exchange). Returns the stops of the rounds it changed, for the local search to look at again.
    fn route_pass(&mut self, limit: u64, tried: &mut HashMap<(usize, usize), u64>) -> Vec<u32> {
        let mut changed = vec![false; self.routes.len()];
        for a in 0..self.routes.len() {
            for b in self.near_rounds(a) {
                if self.work > limit || self.tick() {
                    break;
                }
                let last = tried.get(&(a, b)).copied().unwrap_or(0);
                if self.changed[a] <= last && self.changed[b] <= last {
                    continue;
                }
                tried.insert((a, b), self.clock);
                for op in ROUTE_OPERATORS {
                    if let Some(m) = op.evaluate(self, a, b).filter(|m| m.delta < -self.eps) {
                        op.apply(self, a, b, &m);
                        changed[a] = true;
                        changed[b] = true;
                        break;
                    }
                }
            }
        }
        (0..self.routes.len()).filter(|&r| changed[r]).flat_map(|r| self.routes[r].clone()).collect()
    }
}

#[cfg(test)]
pub(super) mod testing {
    //! Random small instances and solutions, and the check every operator's test makes.
    use super::super::{shuffle, Effort, Neighbours, Search};
    use crate::kmeans::Rng;

    /// A random instance: stops in a 100 × 100 square, 1–5 parcels each.
    pub fn random(rng: &mut Rng, n: usize) -> (Vec<[f64; 2]>, Vec<f64>) {
        let xy = (0..n).map(|_| [rng.next_f64() * 100.0, rng.next_f64() * 100.0]).collect();
        let q = (0..n).map(|_| 1.0 + rng.below(5) as f64).collect();
        (xy, q)
    }

    /// Total length from scratch.
    pub fn total(s: &Search) -> f64 {
        s.routes.iter().map(|r| s.route_len(r)).sum()
    }

    /// Runs `check` on a search over random rounds (the stops in random order, cut when the next would overload
    /// the van, which leaves moves worth finding), for `cases` random instances of 6 to 25 stops.
    pub fn on_random_rounds(seed: u32, cases: usize, check: &mut dyn FnMut(&mut Search, usize)) {
        let mut rng = Rng::new(seed);
        for case in 0..cases {
            let n = 6 + rng.below(20);
            let (xy, q) = random(&mut rng, n);
            let cap = 8.0 + rng.below(20) as f64;
            let neighbours = Neighbours::new(&xy, Effort::Fast);
            let sorted_q: Vec<f64> = neighbours.order.iter().map(|&i| q[i]).collect();
            let mut progress = |_: f64| -> crate::error::Result<()> { Ok(()) };
            let depot = [rng.next_f64() * 100.0, rng.next_f64() * 100.0];
            let mut s = Search::new(depot, &neighbours, &sorted_q, cap, &mut progress);
            let mut order: Vec<u32> = (1..=n as u32).collect();
            shuffle(&mut order, &mut rng);
            let mut r = s.new_route();
            for c in order {
                if s.load[r as usize] + s.q[c as usize] > cap {
                    r = s.new_route();
                }
                let mut stops = s.take_route(r);
                stops.push(c);
                s.set_route(r, stops);
            }
            check(&mut s, case);
        }
    }

    /// After a move of `delta` from `before`: the total length changed by `delta`, no round is over capacity, the
    /// indexes agree with the rounds, and every stop is in exactly one round.
    pub fn check_applied(s: &Search, before: f64, delta: f64, what: &str) {
        let after = total(s);
        assert!((after - (before + delta)).abs() < 1e-9, "{what}: delta {delta}, length change {}", after - before);
        let n = s.pts.len() - 1;
        let mut seen = vec![0; n + 1];
        for (r, stops) in s.routes.iter().enumerate() {
            let load: f64 = stops.iter().map(|&c| s.q[c as usize]).sum();
            assert!(load <= s.cap, "{what}: round {r} carries {load} > {}", s.cap);
            assert_eq!(load, s.load[r], "{what}: round {r}'s load");
            for (p, &c) in stops.iter().enumerate() {
                seen[c as usize] += 1;
                assert_eq!((s.route_of[c as usize] as usize, s.pos[c as usize] as usize), (r, p), "{what}: stop {c}");
            }
        }
        assert!(seen[1..].iter().all(|&k| k == 1), "{what}: every stop once");
    }

    /// Every node move `op` finds on random rounds, applied one at a time (the rounds restored after each): its
    /// delta is the length change and the rounds stay valid. Returns how many moves were checked.
    pub fn check_node_operator(op: &dyn super::NodeOperator, seed: u32) -> usize {
        let mut checked = 0;
        on_random_rounds(seed, 30, &mut |s, case| {
            let start = s.routes.clone();
            let n = s.pts.len() as u32 - 1;
            for u in 1..=n {
                for v in 1..=n {
                    if u == v {
                        continue;
                    }
                    let p = super::Pair::new(s, u, v);
                    let Some(m) = op.evaluate(s, &p) else { continue };
                    let before = total(s);
                    op.apply(s, &p, &m);
                    check_applied(s, before, m.delta, &format!("case {case}, u {u}, v {v}"));
                    checked += 1;
                    for (r, stops) in start.iter().enumerate() {
                        s.set_route(r as u32, stops.clone());
                    }
                }
            }
        });
        checked
    }
}
