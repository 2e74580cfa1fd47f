//! SWAP* (Vidal 2022, "Hybrid genetic search for the CVRP: open-source implementation and SWAP* neighborhood",
//! Computers & Operations Research 140): exchange a stop u of round A with a stop v of round B, where u need not take
//! v's place but goes to its cheapest place in B without v, and v to its cheapest place in A without u.
//!
//! Why: the node moves of the granular local search create one edge at a time between near neighbours, so two long
//! rounds that overlap (a parcel van's 80–150 stops) keep their shape; SWAP* re-shapes them, a pair of stops at a
//! time, wherever in the two rounds the stops fit best. The best exchange of a pair of rounds costs O(|A|·|B|): for
//! each stop, the three cheapest places in the other round are found once, and at least one of them stays valid
//! once v is out (only two places touch v), or u takes v's own place.
//!
//! Only rounds that hold neighbouring stops are paired, and in each pair only the stops with a near neighbour in
//! the other round move (a granular SWAP*: HGS-CVRP pairs rounds by polar sector and moves every stop), so a pass
//! costs about stops × neighbours + Σ over pairs of (boundary stops²), not stops².
use super::{Move, RouteOperator, Search};

/// A place to insert a stop: after node `after` (0: at the start of the round), at `cost` added length.
#[derive(Clone, Copy)]
struct Place {
    cost: f64,
    after: u32,
    before: u32,
}

const NO_PLACE: Place = Place { cost: f64::INFINITY, after: u32::MAX, before: u32::MAX };

/// The three cheapest places, cheapest first.
type Best3 = [Place; 3];

fn keep(best: &mut Best3, p: Place) {
    if p.cost < best[2].cost {
        best[2] = p;
        if best[2].cost < best[1].cost {
            best.swap(1, 2);
            if best[1].cost < best[0].cost {
                best.swap(0, 1);
            }
        }
    }
}

/// The best exchange found between two rounds: u (of A) goes into B at `u_to`, v (of B) into A at `v_to`.
struct Exchange {
    delta: f64,
    u: u32,
    v: u32,
    u_to: Place,
    v_to: Place,
}

impl Search<'_> {
    /// Length saved by taking stop `c` out of its round.
    fn removal_gain(&self, c: u32) -> f64 {
        let (p, s) = (self.pred(c), self.succ(c));
        self.d(p, c) + self.d(c, s) - self.d(p, s)
    }

    /// The stops of round `from` with a neighbour in round `into`: the only ones SWAP* moves there (a stop with
    /// no near neighbour in a round has no cheap place in it either).
    fn near_stops(&self, from: usize, into: usize) -> Vec<u32> {
        self.routes[from]
            .iter()
            .copied()
            .filter(|&c| self.neighbours(c).iter().any(|&v| self.route_of[v as usize] as usize == into))
            .collect()
    }

    /// For each of `stops`, its three cheapest places in round `into`; and into `rows`, each one's distances to
    /// `into`'s stops in order and then to the depot (a row of `into.len() + 1`), for [`Search::place_without`].
    /// Each distance is found once: a place's cost is the distances to the stops before and after it, which the
    /// places before and after share, less the round's edge there, which every stop shares. (Finding all three
    /// for every place was most of SWAP*'s time.)
    fn places(&mut self, stops: &[u32], into: usize, rows: &mut Vec<f64>) -> Vec<Best3> {
        let target = &self.routes[into];
        let m = target.len();
        self.work += (stops.len() * (m + 1)) as u64;
        let node = |p: usize| target.get(p).copied().unwrap_or(0);
        let edges: Vec<f64> = (0..=m).map(|p| self.d(if p == 0 { 0 } else { target[p - 1] }, node(p))).collect();
        rows.clear();
        stops
            .iter()
            .map(|&c| {
                let mut best = [NO_PLACE; 3];
                let depot = self.d(0, c);
                let (mut prev, mut to_prev) = (0, depot);
                for (p, &edge) in edges.iter().enumerate() {
                    let next = node(p);
                    let to_next = if p == m { depot } else { self.d(c, next) };
                    keep(&mut best, Place { cost: to_prev + to_next - edge, after: prev, before: next });
                    rows.push(to_next);
                    (prev, to_prev) = (next, to_next);
                }
                best
            })
            .collect()
    }

    /// The cheapest place for `c` in a round that loses `gone`: one of its three best that does not touch `gone`,
    /// or `gone`'s own place (between its neighbours, which become adjacent). `row` is c's distances to that
    /// round's stops and the depot ([`Search::places`]); `bridge` the distance between `gone`'s neighbours.
    fn place_without(&self, row: &[f64], best: &Best3, gone: u32, bridge: f64) -> Place {
        let (p, s) = (self.pred(gone), self.succ(gone));
        let (at, depot) = (self.pos[gone as usize] as usize, row[row.len() - 1]);
        let to_p = if at == 0 { depot } else { row[at - 1] };
        let to_s = if at + 2 == row.len() { depot } else { row[at + 1] };
        let mut place = Place { cost: to_p + to_s - bridge, after: p, before: s };
        for b in best {
            if b.after != gone && b.before != gone && b.cost < place.cost {
                place = *b;
                break; // cheapest first
            }
        }
        place
    }

    /// The best SWAP* exchange between rounds `a` and `b`, if any shortens them and fits both vans.
    fn best_exchange(&mut self, a: usize, b: usize) -> Option<Exchange> {
        let (from_a, from_b) = (self.near_stops(a, b), self.near_stops(b, a));
        if from_a.is_empty() || from_b.is_empty() {
            return None;
        }
        let (mut rows_b, mut rows_a) = (Vec::new(), Vec::new());
        let into_b = self.places(&from_a, b, &mut rows_b);
        let into_a = self.places(&from_b, a, &mut rows_a);
        let (row_b, row_a) = (self.routes[b].len() + 1, self.routes[a].len() + 1);
        let (load_a, load_b) = (self.load[a], self.load[b]);
        let gain_b: Vec<f64> = from_b.iter().map(|&v| self.removal_gain(v)).collect();
        let bridge = |s: &Search, c: u32| s.d(s.pred(c), s.succ(c));
        let bridge_b: Vec<f64> = from_b.iter().map(|&v| bridge(self, v)).collect();
        self.work += (from_a.len() * from_b.len()) as u64;
        let mut best: Option<Exchange> = None;
        for (i, &u) in from_a.iter().enumerate() {
            let qu = self.q[u as usize];
            let gain_u = self.removal_gain(u);
            let bridge_u = bridge(self, u);
            for (j, &v) in from_b.iter().enumerate() {
                let qv = self.q[v as usize];
                if load_a - qu + qv > self.cap || load_b - qv + qu > self.cap {
                    continue;
                }
                let u_to = self.place_without(&rows_b[i * row_b..(i + 1) * row_b], &into_b[i], v, bridge_b[j]);
                let v_to = self.place_without(&rows_a[j * row_a..(j + 1) * row_a], &into_a[j], u, bridge_u);
                let delta = u_to.cost + v_to.cost - gain_u - gain_b[j];
                if delta < best.as_ref().map_or(-self.eps, |e| e.delta) {
                    best = Some(Exchange { delta, u, v, u_to, v_to });
                }
            }
        }
        best
    }

    /// Takes `out` from round `r` and puts `c` after stop `after` (0: first).
    fn exchange_in(&mut self, r: u32, out: u32, c: u32, after: u32) {
        let mut stops = self.take_route(r);
        stops.retain(|&s| s != out);
        let at =
            if after == 0 { 0 } else { 1 + stops.iter().position(|&s| s == after).expect("the place is in the round") };
        stops.insert(at, c);
        self.set_route(r, stops);
    }
}

/// SWAP* as a round operator: `how` is [u, v, the stop u goes in after (0: first), the stop v goes in after].
pub(in crate::consolidation::plan) struct SwapStar;

impl RouteOperator for SwapStar {
    fn evaluate(&self, s: &mut Search, a: usize, b: usize) -> Option<Move> {
        s.best_exchange(a, b).map(|e| Move { delta: e.delta, how: [e.u, e.v, e.u_to.after, e.v_to.after] })
    }

    fn apply(&self, s: &mut Search, a: usize, b: usize, m: &Move) {
        let [u, v, u_after, v_after] = m.how;
        s.exchange_in(b as u32, v, u, u_after);
        s.exchange_in(a as u32, u, v, v_after);
    }
}

#[cfg(test)]
mod tests {
    use super::super::super::{check_rounds, plan, Effort};
    use super::super::testing::{check_applied, on_random_rounds, random};
    use super::*;
    use crate::kmeans::Rng;

    /// Every SWAP* exchange's delta is the change in the rounds' total length, loads stay within capacity, every stop
    /// stays in exactly one round; and the exchange found is the best one among the stops it may move (those with a
    /// neighbour in the other round), by brute force over every place in the other round.
    #[test]
    fn delta_is_the_length_change_and_the_exchange_is_the_best() {
        let mut found = 0;
        on_random_rounds(7, 40, &mut |s, case| {
            let cap = s.cap;
            let live: Vec<usize> = (0..s.routes.len()).filter(|&r| !s.routes[r].is_empty()).collect();
            if live.len() < 2 {
                return;
            }
            let (a, b) = (live[0], live[1]);
            // Brute force: every u, v and every place for each in the other round without the other stop.
            let mut brute = f64::INFINITY;
            let before = s.cost();
            for &u in &s.near_stops(a, b) {
                for &v in &s.near_stops(b, a) {
                    let (qu, qv) = (s.q[u as usize], s.q[v as usize]);
                    if s.load[a] - qu + qv > cap || s.load[b] - qv + qu > cap {
                        continue;
                    }
                    let ra: Vec<u32> = s.routes[a].iter().copied().filter(|&c| c != u).collect();
                    let rb: Vec<u32> = s.routes[b].iter().copied().filter(|&c| c != v).collect();
                    let best_in = |r: &[u32], c: u32| {
                        (0..=r.len())
                            .map(|p| {
                                let mut t = r.to_vec();
                                t.insert(p, c);
                                s.route_len(&t)
                            })
                            .fold(f64::INFINITY, f64::min)
                    };
                    let total = best_in(&ra, v) + best_in(&rb, u);
                    brute = brute.min(total - s.route_len(&s.routes[a]) - s.route_len(&s.routes[b]));
                }
            }
            match SwapStar.evaluate(s, a, b) {
                Some(m) => {
                    found += 1;
                    assert!((m.delta - brute).abs() < 1e-9, "case {case}: SWAP* {} vs brute force {brute}", m.delta);
                    SwapStar.apply(s, a, b, &m);
                    check_applied(s, before, m.delta, &format!("case {case}"));
                }
                None => assert!(brute >= -1e-9, "case {case}: SWAP* missed an exchange saving {brute}"),
            }
        });
        assert!(found >= 10, "only {found} of 40 cases had an improving exchange to check");
    }

    #[test]
    fn plans_keep_every_stop_within_capacity() {
        let mut rng = Rng::new(3);
        let (xy, q) = random(&mut rng, 400);
        let rounds = plan([50.0, 50.0], &xy, &q, 60.0, Effort::Balanced, 1);
        check_rounds(rounds.iter().map(Vec::as_slice), &q, 60.0).unwrap();
    }
}
