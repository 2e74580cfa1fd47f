//! 2-opt* between two rounds: exchange their tails, so that u and its neighbour v become adjacent.
use super::{Move, NodeOperator, Pair, Search};

/// With `heads`: (u, x), (v, y) → (u, v), (x, y), that is ru[..=u] + rev(rv[..=v]) and rev(ru[x..]) + rv[y..].
/// Without: (v, y), (pu, u) → (v, u), (pu, y), that is ru[..=pu] + rv[y..] and rv[..=v] + ru[u..].
pub(in crate::consolidation::plan) struct TwoOptStar {
    pub heads: bool,
}

impl NodeOperator for TwoOptStar {
    fn evaluate(&self, s: &Search, p: &Pair) -> Option<Move> {
        let Pair { u, v, pu, ru, rv, .. } = *p;
        if p.same() {
            return None;
        }
        let (lu, lv) = (s.load[ru as usize], s.load[rv as usize]);
        let (pre_u, pre_v) = (s.pre[u as usize], s.pre[v as usize]);
        if self.heads {
            let fits = pre_u + pre_v <= s.cap && (lu - pre_u) + (lv - pre_v) <= s.cap;
            fits.then(|| Move::new(p.u_v + p.x_y - p.u_x - p.v_y))
        } else {
            let pre_pu = s.pre_of(pu);
            let fits = pre_v + lu - pre_pu <= s.cap && pre_pu + lv - pre_v <= s.cap;
            fits.then(|| Move::new(p.u_v + p.pu_y - p.v_y - p.pu_u))
        }
    }

    fn apply(&self, s: &mut Search, p: &Pair, _: &Move) -> [u32; 6] {
        let Pair { u, v, ru, rv, .. } = *p;
        let (at_u, at_v) = (s.pos[u as usize] as usize, s.pos[v as usize] as usize);
        let a = s.take_route(ru);
        let b = s.take_route(rv);
        let (na, nb) = if self.heads {
            let mut na = a[..=at_u].to_vec();
            na.extend(b[..=at_v].iter().rev());
            let mut nb: Vec<u32> = a[at_u + 1..].iter().rev().copied().collect();
            nb.extend_from_slice(&b[at_v + 1..]);
            (na, nb)
        } else {
            let mut na = a[..at_u].to_vec();
            na.extend_from_slice(&b[at_v + 1..]);
            let mut nb = b[..=at_v].to_vec();
            nb.extend_from_slice(&a[at_u..]);
            (na, nb)
        };
        s.set_route(ru, na);
        s.set_route(rv, nb);
        p.around()
    }
}

node_operator_tests! {
    heads_delta_is_the_length_change_within_capacity: TwoOptStar { heads: true }, seed 6, at least 1000;
    tails_delta_is_the_length_change_within_capacity: TwoOptStar { heads: false }, seed 7, at least 1000;
}
