//! The one engine: from a list of figures written as functions of the settings, each figure's median and interval
//! (a seeded Monte Carlo over the settings' distributions), its one-at-a-time sensitivity (for the tornado), and
//! its saving against the baseline with that saving's own interval.
//!
//! Each draw prices every figure with the same settings, so a saving is computed draw by draw: settings that move
//! the baseline and the option alike (the van factor, circuity) cancel, as they should.

use std::cmp::Ordering;

use serde::Serialize;

use super::settings::{Id, Settings, Values};
use crate::kmeans::rng::Rng;

/// Draws per call: the 5th and 95th percentiles rest on 25 draws each (to within about one percentile), and a
/// checkout call stays well under a millisecond in wasm.
pub const SAMPLES: usize = 500;
/// The share of draws an interval covers: from the 5th to the 95th percentile.
pub const COVERAGE: f64 = 0.9;
/// The Monte Carlo's seed: the same input always gives the same figures.
pub const SEED: u32 = 1;
/// The seed of the country rows' own stream ([`super::settings::FIRST_COUNTRY_ROW`]).
pub const COUNTRY_SEED: u32 = 2;

/// A figure's interval, in the figure's unit, and the share of draws it covers.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    pub low: f64,
    pub high: f64,
    pub coverage: f64,
}

impl Range {
    pub fn exact(v: f64) -> Self {
        Range { low: v, high: v, coverage: COVERAGE }
    }
}

/// How far one setting moves one figure, all others at their central values: the figure with the setting at its
/// low (`low`) and at its high (`high`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sensitivity {
    pub setting: &'static str,
    pub low: f64,
    pub high: f64,
    pub setting_low: f64,
    pub setting_high: f64,
}

/// One figure, priced.
#[derive(Debug, Clone, PartialEq)]
pub struct Priced {
    /// The median over the draws: the figure people read.
    pub median: f64,
    pub range: Range,
    /// The figure with every setting at its central value (what the trace's legs add up to).
    pub central: f64,
    pub sensitivity: Vec<Sensitivity>,
    /// The saving against the baseline in percent: median, interval, and whether the interval excludes zero.
    /// `None` when the baseline is 0 in some draw (a saving against nothing is not a number).
    pub saving: Option<(f64, Range, bool)>,
    pub saving_sensitivity: Vec<Sensitivity>,
}

/// (baseline − x) / baseline × 100; NaN when the baseline is not above 0.
fn saving(baseline: f64, x: f64) -> f64 {
    if baseline > 0.0 {
        (baseline - x) / baseline * 100.0
    } else {
        f64::NAN
    }
}

/// The median and the central `COVERAGE` interval of `xs` (reordered in place); `None` if any is not finite.
/// By selection, not a full sort (a call prices 16 figures of 1,000 draws each): the median splits the draws, and
/// each tail's quantile is then selected within its own half.
fn quantiles(xs: &mut [f64]) -> Option<(f64, f64, f64)> {
    if xs.is_empty() || xs.iter().any(|x| !x.is_finite()) {
        return None;
    }
    let n = xs.len() - 1;
    // The k-th smallest of `part` (which starts at index `offset` of the whole), interpolated towards the next.
    fn at(part: &mut [f64], offset: usize, pos: f64) -> f64 {
        let (i, frac) = (pos.floor() as usize - offset, pos.fract());
        select(part, i);
        let x = part[i];
        let next = part[i + 1..].iter().copied().fold(f64::INFINITY, f64::min);
        if frac > 0.0 && next.is_finite() {
            x + frac * (next - x)
        } else {
            x
        }
    }
    let tail = (1.0 - COVERAGE) / 2.0;
    let mid = n / 2;
    let median = at(xs, 0, 0.5 * n as f64);
    let (left, right) = xs.split_at_mut(mid);
    let low = at(left, 0, tail * n as f64);
    let high = at(right, mid, (1.0 - tail) * n as f64);
    Some((median, low, high))
}

/// Reorders `xs` so that `xs[k]` is its k-th smallest (by `total_cmp`), with none larger before it and none smaller
/// after it: what `select_nth_unstable_by` does, in a three-way quickselect a few lines long, as the standard
/// library's selection and sorts would add kilobytes to the widget's wasm. The draws come in random order, so the
/// middle pivot is as good as any; runs of equal draws are set aside in one pass.
fn select(xs: &mut [f64], k: usize) {
    let (mut lo, mut hi) = (0, xs.len());
    loop {
        let pivot = xs[lo + (hi - lo) / 2];
        // xs[lo..lt] < pivot, xs[lt..i] == pivot, xs[gt..hi] > pivot.
        let (mut lt, mut i, mut gt) = (lo, lo, hi);
        while i < gt {
            match xs[i].total_cmp(&pivot) {
                Ordering::Less => {
                    xs.swap(lt, i);
                    lt += 1;
                    i += 1;
                }
                Ordering::Greater => {
                    gt -= 1;
                    xs.swap(i, gt);
                }
                Ordering::Equal => i += 1,
            }
        }
        if k < lt {
            hi = lt;
        } else if k >= gt {
            lo = gt;
        } else {
            return;
        }
    }
}

/// Sorts a short list (a sensitivity list has one entry per setting, about 30) by insertion. `order` must be total,
/// so the result is the one any sort gives, without a sort's kilobytes of wasm.
fn insertion_sort<T>(list: &mut [T], order: impl Fn(&T, &T) -> Ordering) {
    for i in 1..list.len() {
        let mut j = i;
        while j > 0 && order(&list[j - 1], &list[j]) == Ordering::Greater {
            list.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Adds 0 to turn −0 into +0: no result shows "−0".
fn plus_zero(x: f64) -> f64 {
    x + 0.0
}

/// Prices `n` figures: `eval(values, out)` writes each figure for one set of setting values. `baseline` is the
/// index of the figure savings are measured against. Every setting with a range is tried for the sensitivity
/// lists; one that moves no figure is left out of them.
pub fn price(settings: &Settings, n: usize, baseline: usize, eval: impl Fn(&Values, &mut [f64])) -> Vec<Priced> {
    let central_values = settings.central();
    let mut central = vec![0.0; n];
    eval(&central_values, &mut central);

    // Monte Carlo: every figure and every saving, draw by draw.
    let (mut rng, mut country_rng) = (Rng::new(SEED), Rng::new(COUNTRY_SEED));
    let mut figures = vec![vec![0.0; SAMPLES]; n];
    let mut savings = vec![vec![0.0; SAMPLES]; n];
    let mut out = vec![0.0; n];
    for d in 0..SAMPLES {
        eval(&settings.draw(&mut rng, &mut country_rng), &mut out);
        for j in 0..n {
            figures[j][d] = out[j];
            savings[j][d] = saving(out[baseline], out[j]);
        }
    }

    // One at a time, for the tornado.
    let mut sens: Vec<Vec<Sensitivity>> = vec![Vec::new(); n];
    let mut saving_sens: Vec<Vec<Sensitivity>> = vec![Vec::new(); n];
    let (mut at_low, mut at_high) = (vec![0.0; n], vec![0.0; n]);
    for &id in Id::ALL {
        let s = settings.spread(id);
        if !s.has_range() {
            continue;
        }
        let mut v = central_values;
        v.0[id as usize] = s.low;
        eval(&v, &mut at_low);
        v.0[id as usize] = s.high;
        eval(&v, &mut at_high);
        let entry = |low: f64, high: f64| Sensitivity {
            setting: id.as_str(),
            low: plus_zero(low),
            high: plus_zero(high),
            setting_low: s.low,
            setting_high: s.high,
        };
        for j in 0..n {
            let (lo, hi) = (at_low[j], at_high[j]);
            // A setting that does not move the figure is left out (no empty rows in a tornado).
            if (hi - lo).abs() > 1e-9 * central[j].abs().max(1e-12) {
                sens[j].push(entry(lo, hi));
            }
            let (slo, shi) = (saving(at_low[baseline], lo), saving(at_high[baseline], hi));
            if j != baseline && slo.is_finite() && shi.is_finite() && (shi - slo).abs() > 1e-9 {
                saving_sens[j].push(entry(slo, shi));
            }
        }
    }
    // The order is total: ties go by setting id, unique in a list.
    let by_swing = |list: &mut Vec<Sensitivity>| {
        insertion_sort(list, |a, b| {
            (b.high - b.low).abs().total_cmp(&(a.high - a.low).abs()).then(a.setting.cmp(b.setting))
        })
    };

    (0..n)
        .map(|j| {
            let (median, low, high) = quantiles(&mut figures[j]).unwrap_or((central[j], central[j], central[j]));
            let saving = if j == baseline {
                // The baseline against itself: exactly 0, with no spread of rounding noise.
                savings[j].iter().all(|s| s.is_finite()).then_some((0.0, Range::exact(0.0), false))
            } else {
                quantiles(&mut savings[j]).map(|(m, lo, hi)| {
                    (
                        plus_zero(m),
                        Range { low: plus_zero(lo), high: plus_zero(hi), coverage: COVERAGE },
                        lo > 0.0 || hi < 0.0,
                    )
                })
            };
            let mut sensitivity = std::mem::take(&mut sens[j]);
            let mut saving_sensitivity = std::mem::take(&mut saving_sens[j]);
            by_swing(&mut sensitivity);
            by_swing(&mut saving_sensitivity);
            Priced {
                median: plus_zero(median),
                range: Range { low: plus_zero(low), high: plus_zero(high), coverage: COVERAGE },
                central: plus_zero(central[j]),
                sensitivity,
                saving,
                saving_sensitivity,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::consolidation::pricing::country::Country;
    use crate::consolidation::pricing::settings::Area;

    fn settings() -> Settings {
        Settings::new(Area::Suburban, &Country::gb(), &BTreeMap::new()).unwrap()
    }

    #[test]
    fn select_and_insertion_sort_agree_with_the_standard_library() {
        let mut rng = Rng::new(7);
        for n in [1, 2, 3, 10, 101, 1000] {
            // Random draws, runs of equal values, signed zeros and sorted input.
            let lists: [Vec<f64>; 3] = [
                (0..n).map(|_| rng.next_f64() - 0.5).collect(),
                (0..n).map(|i| [(i % 3) as f64, -0.0, 0.0][(i * 7) % 3]).collect(),
                (0..n).map(|i| i as f64).collect(),
            ];
            for xs in lists {
                let mut sorted = xs.clone();
                sorted.sort_by(f64::total_cmp);
                for k in [0, n / 2, n - 1, n / 20] {
                    let mut ys = xs.clone();
                    select(&mut ys, k);
                    assert_eq!(ys[k].to_bits(), sorted[k].to_bits(), "n {n}, k {k}");
                    assert!(ys[..k].iter().all(|y| y.total_cmp(&ys[k]).is_le()));
                    assert!(ys[k + 1..].iter().all(|y| y.total_cmp(&ys[k]).is_ge()));
                }
                let mut ys = xs.clone();
                insertion_sort(&mut ys, f64::total_cmp);
                assert_eq!(
                    ys.iter().map(|y| y.to_bits()).collect::<Vec<_>>(),
                    sorted.iter().map(|y| y.to_bits()).collect::<Vec<_>>()
                );
            }
        }
    }

    #[test]
    fn a_known_setting_gives_a_point_and_no_sensitivity() {
        let s = Settings::new(Area::Suburban, &Country::gb(), &[("failures.rate".to_owned(), 0.1)].into()).unwrap();
        let p = price(&s, 1, 0, |v, out| out[0] = 10.0 * v[Id::FailureRate]);
        assert_eq!((p[0].median, p[0].range.low, p[0].range.high), (1.0, 1.0, 1.0));
        assert!(p[0].sensitivity.is_empty());
    }

    #[test]
    fn the_interval_covers_the_stated_share_of_a_uniform_sum() {
        // y = pickup.km (triangular 1, 2, 5): its 5th and 95th percentiles in closed form.
        let p = price(&settings(), 1, 0, |v, out| out[0] = v[Id::PickupKm]);
        let (a, c, b) = (1.0f64, 2.0f64, 5.0f64);
        let q05 = a + (0.05 * (b - a) * (c - a)).sqrt();
        let q95 = b - (0.05 * (b - a) * (b - c)).sqrt();
        assert!((p[0].range.low - q05).abs() < 0.05, "{:?} vs {q05}", p[0].range);
        assert!((p[0].range.high - q95).abs() < 0.1, "{:?} vs {q95}", p[0].range);
        assert_eq!(p[0].range.coverage, 0.9);
        assert_eq!(p[0].central, 2.0);
        // The median of a right-skewed triangle lies above its mode.
        assert!(p[0].median > 2.0);
    }

    #[test]
    fn savings_are_drawn_together_and_clear_only_when_the_interval_excludes_zero() {
        // Figure 1 is always half the baseline: a clear 50% saving whatever the draw. Figure 2 is the baseline
        // ± noise from another setting: no clear difference.
        let p = price(&settings(), 3, 0, |v, out| {
            out[0] = 100.0 * v[Id::RoadFactor];
            out[1] = 50.0 * v[Id::RoadFactor];
            out[2] = 100.0 * v[Id::RoadFactor] * (0.5 + v[Id::PickupKm] / 4.0);
        });
        let (m, r, clear) = p[1].saving.unwrap();
        assert!((m - 50.0).abs() < 1e-9 && (r.low - 50.0).abs() < 1e-9 && clear);
        let (_, r, clear) = p[2].saving.unwrap();
        assert!(r.low < 0.0 && r.high > 0.0 && !clear, "{r:?}");
        assert_eq!(p[0].saving, Some((0.0, Range::exact(0.0), false)));
        // Circuity moves both alike, so it does not move the saving of figure 1.
        assert!(p[1].saving_sensitivity.is_empty());
    }

    #[test]
    fn the_same_input_gives_the_same_figures() {
        let f = |v: &Values, out: &mut [f64]| out[0] = v[Id::RoundParcels] * v[Id::RoundKm];
        assert_eq!(price(&settings(), 1, 0, f), price(&settings(), 1, 0, f));
    }
}
