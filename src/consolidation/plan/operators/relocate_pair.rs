//! Relocate a pair: move stop u and its successor x after u's neighbour v, as u, x or reversed as x, u.
use super::{Move, NodeOperator, Pair, Search};

/// Relocate (u, succ(u)) after v; `how[0]` is 1 when the pair goes in reversed.
pub(in crate::consolidation::plan) struct RelocatePair;

impl NodeOperator for RelocatePair {
    fn evaluate(&self, s: &Search, p: &Pair) -> Option<Move> {
        let Pair { u, v, x, pu, y, .. } = *p;
        if x == 0 || v == x || y == u || v == pu {
            return None; // no successor, v inside the pair, or the pair already after v
        }
        if !p.same() && s.load[p.rv as usize] + s.q[u as usize] + s.q[x as usize] > s.cap {
            return None;
        }
        let removal = p.pu_xx - p.pu_u - p.x_xx;
        let ahead = removal + p.u_v + p.x_y - p.v_y;
        let back = removal + p.v_x + p.u_y - p.v_y;
        Some(if back < ahead { Move { delta: back, how: [1, 0, 0, 0] } } else { Move::new(ahead) })
    }

    fn apply(&self, s: &mut Search, p: &Pair, m: &Move) -> [u32; 6] {
        let Pair { u, v, x, xx, pu, y, pv, .. } = *p;
        let ru = s.route_of[u as usize];
        let mut a = s.take_route(ru);
        let at = s.pos[u as usize] as usize;
        a.drain(at..at + 2);
        s.set_route(ru, a);
        let rv = s.route_of[v as usize];
        let mut b = s.take_route(rv);
        let at = s.pos[v as usize] as usize + 1;
        let pair = if m.how[0] == 1 { [x, u] } else { [u, x] };
        b.splice(at..at, pair);
        s.set_route(rv, b);
        [v, x, pu, y, xx, pv]
    }
}

node_operator_tests! {
    delta_is_the_length_change_within_capacity: RelocatePair, seed 3, at least 1000;
}
