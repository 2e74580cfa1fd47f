//! CROSS-exchange (Taillard et al. 1997; among the segment moves of Arnold & Sörensen's KGLS): between the rounds of
//! u and its neighbour v, exchange the chain of one or two stops that starts at u with the chain of one or two that
//! follows v, each chain either way round, so that u (or the far end of its chain) comes after v.
//!
//! Why: relocate, relocate a pair, exchange and 2-opt* move one or two stops, or whole tails, so re-shaping two
//! overlapping long rounds takes many steps that must each shorten them; exchanging short chains reaches some of
//! those re-shapes in one step. Measured natively, balanced, seeds 1–5, with ruin and recreate's local search on 10
//! neighbours: Leuven2 (87 stops a round) 5.1 → 4.7% over the best known and Antwerp2 (58) 5.8 → 5.2% for the same
//! number of distance evaluations; chains of up to three stops (and relocating a chain of three) gave no more for
//! a fifth more work.
use super::{Move, NodeOperator, Pair, Search};

/// The longest chain exchanged.
const MAX_CHAIN: usize = 2;

/// Exchange ru[u..u + a] with rv[v + 1..v + 1 + b]; `how` = [a, b, u's chain reversed, v's chain reversed].
pub(in crate::consolidation::plan) struct CrossExchange;

/// The cheaper way round for a chain put between two nodes: (added length, 1 if reversed).
fn either_way(forward: f64, reversed: f64) -> (f64, u32) {
    if reversed < forward {
        (reversed, 1)
    } else {
        (forward, 0)
    }
}

impl NodeOperator for CrossExchange {
    fn evaluate(&self, s: &Search, p: &Pair) -> Option<Move> {
        let Pair { u, v, pu, y: b1, ru, rv, .. } = *p;
        if p.same() || b1 == 0 {
            return None;
        }
        let (ra, rb) = (&s.routes[ru as usize], &s.routes[rv as usize]);
        let (at_u, at_v) = (s.pos[u as usize] as usize, s.pos[v as usize] as usize);
        let node = |r: &[u32], i: usize| r.get(i).copied().unwrap_or(0);
        // Per chain length, for u's chain u..aa (followed by na) and v's chain b1..bb (followed by nb): the ends,
        // the load, and the distances that do not depend on the other chain.
        let (la, lb) = (MAX_CHAIN.min(ra.len() - at_u), MAX_CHAIN.min(rb.len() - at_v - 1));
        // (The chains of one stop, u and b1, have their lengths in the pair already.)
        let mut ca = [(0u32, 0u32, 0.0, 0.0, 0.0, 0.0); MAX_CHAIN];
        for (i, c) in ca.iter_mut().enumerate().take(la) {
            let (aa, na) = (ra[at_u + i], node(ra, at_u + i + 1));
            let q = s.pre[aa as usize] - s.pre_of(pu);
            *c = if i == 0 { (aa, na, q, p.u_x, p.u_v, p.x_y) } else { (aa, na, q, p.x_xx, p.v_x, s.d(b1, na)) };
        }
        let mut cb = [(0u32, 0u32, 0.0, 0.0, 0.0, 0.0); MAX_CHAIN];
        for (i, c) in cb.iter_mut().enumerate().take(lb) {
            let (bb, nb) = (rb[at_v + 1 + i], node(rb, at_v + 2 + i));
            let pu_bb = if i == 0 { p.pu_y } else { s.d(pu, bb) };
            *c = (bb, nb, s.pre[bb as usize] - s.pre[v as usize], s.d(bb, nb), pu_bb, s.d(u, nb));
        }
        let (pu_u, v_u, v_b1, pu_b1) = (p.pu_u, p.u_v, p.v_y, p.pu_y);
        let (load_a, load_b) = (s.load[ru as usize], s.load[rv as usize]);
        let mut best: Option<Move> = None;
        for (a, &(aa, na, q_a, aa_na, v_aa, b1_na)) in ca.iter().enumerate().take(la) {
            for (b, &(bb, nb, q_b, bb_nb, pu_bb, u_nb)) in cb.iter().enumerate().take(lb) {
                if load_a - q_a + q_b > s.cap || load_b - q_b + q_a > s.cap {
                    continue;
                }
                // u's chain between v and nb, v's chain between pu and na (d(u, nb) and d(b1, na) are known).
                let aa_nb = if a == 0 { u_nb } else { s.d(aa, nb) };
                let bb_na = if b == 0 { b1_na } else { s.d(bb, na) };
                let (a_in, rev_a) = either_way(v_u + aa_nb, v_aa + u_nb);
                let (b_in, rev_b) = either_way(pu_b1 + bb_na, pu_bb + b1_na);
                let delta = a_in + b_in - (pu_u + aa_na + v_b1 + bb_nb);
                if best.is_none_or(|m| delta < m.delta) {
                    best = Some(Move { delta, how: [a as u32 + 1, b as u32 + 1, rev_a, rev_b] });
                }
            }
        }
        best
    }

    fn apply(&self, s: &mut Search, p: &Pair, m: &Move) -> [u32; 6] {
        let Pair { u, v, pu, ru, rv, .. } = *p;
        let [a, b, rev_a, rev_b] = m.how;
        let (a, b) = (a as usize, b as usize);
        let (at_u, at_v) = (s.pos[u as usize] as usize, s.pos[v as usize] as usize);
        let mut ra = s.take_route(ru);
        let mut rb = s.take_route(rv);
        let mut chain_a: Vec<u32> = ra[at_u..at_u + a].to_vec();
        let mut chain_b: Vec<u32> = rb[at_v + 1..at_v + 1 + b].to_vec();
        let (last_a, last_b) = (chain_a[a - 1], chain_b[b - 1]);
        let (na, nb) = (ra.get(at_u + a).copied().unwrap_or(0), rb.get(at_v + 1 + b).copied().unwrap_or(0));
        if rev_a == 1 {
            chain_a.reverse();
        }
        if rev_b == 1 {
            chain_b.reverse();
        }
        ra.splice(at_u..at_u + a, chain_b);
        rb.splice(at_v + 1..at_v + 1 + b, chain_a);
        s.set_route(ru, ra);
        s.set_route(rv, rb);
        [v, pu, na, nb, last_a, last_b]
    }
}

node_operator_tests! {
    delta_is_the_length_change_within_capacity: CrossExchange, seed 8, at least 1000;
}
