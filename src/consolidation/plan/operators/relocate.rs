//! Relocate: move stop u next to its neighbour v, after or before it, in v's round or its own.
use super::{Move, NodeOperator, Pair, Search};

/// Relocate u after v (`after`) or before it.
pub(in crate::consolidation::plan) struct Relocate {
    pub after: bool,
}

impl NodeOperator for Relocate {
    fn evaluate(&self, s: &Search, p: &Pair) -> Option<Move> {
        let Pair { u, v, x, pu, y, pv, .. } = *p;
        let fits_u = p.same() || s.load[p.rv as usize] + s.q[u as usize] <= s.cap;
        let (next_to_v, other) = if self.after { (y, pu) } else { (pv, x) };
        if !fits_u || next_to_v == u || v == other {
            return None; // overloads v's round, or u is already there
        }
        let remove_u = p.pu_x - p.pu_u - p.u_x;
        Some(Move::new(if self.after { remove_u + p.u_v + p.u_y - p.v_y } else { remove_u + p.pv_u + p.u_v - p.pv_v }))
    }

    fn apply(&self, s: &mut Search, p: &Pair, _: &Move) -> [u32; 6] {
        let (u, v) = (p.u, p.v);
        let ru = s.route_of[u as usize];
        let mut a = s.take_route(ru);
        a.remove(s.pos[u as usize] as usize);
        s.set_route(ru, a);
        let rv = s.route_of[v as usize];
        let mut b = s.take_route(rv);
        let at = s.pos[v as usize] as usize + usize::from(self.after);
        b.insert(at, u);
        s.set_route(rv, b);
        p.around()
    }
}

node_operator_tests! {
    after_v_delta_is_the_length_change_within_capacity: Relocate { after: true }, seed 1, at least 1000;
    before_v_delta_is_the_length_change_within_capacity: Relocate { after: false }, seed 2, at least 1000;
}
