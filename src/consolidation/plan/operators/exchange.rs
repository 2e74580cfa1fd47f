//! Exchange: swap stop u and its neighbour v, in one round or between two.
use super::{Move, NodeOperator, Pair, Search};

/// Swap u and v (not next to each other).
pub(in crate::consolidation::plan) struct Exchange;

impl NodeOperator for Exchange {
    fn evaluate(&self, s: &Search, p: &Pair) -> Option<Move> {
        let Pair { u, v, x, y, ru, rv, .. } = *p;
        if x == v || y == u {
            return None;
        }
        let (qu, qv) = (s.q[u as usize], s.q[v as usize]);
        let fits = p.same() || (s.load[ru as usize] - qu + qv <= s.cap && s.load[rv as usize] - qv + qu <= s.cap);
        fits.then(|| Move::new(p.pu_v + p.v_x + p.pv_u + p.u_y - p.pu_u - p.u_x - p.pv_v - p.v_y))
    }

    fn apply(&self, s: &mut Search, p: &Pair, _: &Move) -> [u32; 6] {
        let Pair { u, v, ru, rv, .. } = *p;
        let (at_u, at_v) = (s.pos[u as usize] as usize, s.pos[v as usize] as usize);
        if ru == rv {
            let mut a = s.take_route(ru);
            a.swap(at_u, at_v);
            s.set_route(ru, a);
        } else {
            let mut a = s.take_route(ru);
            let mut b = s.take_route(rv);
            a[at_u] = v;
            b[at_v] = u;
            s.set_route(ru, a);
            s.set_route(rv, b);
        }
        p.around()
    }
}

node_operator_tests! {
    delta_is_the_length_change_within_capacity: Exchange, seed 4, at least 1000;
}
