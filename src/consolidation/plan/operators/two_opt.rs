//! 2-opt inside a round: edges (a, a'), (b, b') become (a, b), (a', b'), reversing the stops from a' to b.
use super::{Move, NodeOperator, Pair, Search};

/// 2-opt between u and v of one round (a is whichever comes first).
pub(in crate::consolidation::plan) struct TwoOpt;

impl NodeOperator for TwoOpt {
    fn evaluate(&self, s: &Search, p: &Pair) -> Option<Move> {
        if !p.same() {
            return None;
        }
        // a is whichever of u and v comes first: (a, a') and (b, b') are (u, x) and (v, y) or the other way.
        if s.pos[p.u as usize] < s.pos[p.v as usize] {
            (p.x != p.v).then(|| Move::new(p.u_v + p.x_y - p.u_x - p.v_y))
        } else {
            (p.y != p.u).then(|| Move::new(p.u_v + p.x_y - p.v_y - p.u_x))
        }
    }

    fn apply(&self, s: &mut Search, p: &Pair, _: &Move) -> [u32; 6] {
        let (a, b) = if s.pos[p.u as usize] < s.pos[p.v as usize] { (p.u, p.v) } else { (p.v, p.u) };
        let an = s.succ(a);
        let mut stops = s.take_route(p.ru);
        let (i, j) = (s.pos[an as usize] as usize, s.pos[b as usize] as usize);
        stops[i..=j].reverse();
        s.set_route(p.ru, stops);
        p.around()
    }
}

node_operator_tests! {
    delta_is_the_length_change_within_capacity: TwoOpt, seed 5, at least 500;
}
