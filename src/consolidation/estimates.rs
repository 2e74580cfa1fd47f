//! Baselines from practice, failed first attempts, and ranges: the parts of pricing that [`delivery_options`] and
//! [`consolidate`] share.
//!
//! # Ranges: one setting at a time, combined by root-sum-square
//!
//! Every uncertain setting has a central value and a cited (or assumed) low and high. Each figure (g or kg CO2e,
//! and the saving against the baseline) is evaluated with one setting at its low and then at its high, all others
//! central. For a figure with central value c, let `down_i = max(0, c − min(f(low_i), f(high_i)))` and
//! `up_i = max(0, max(f(low_i), f(high_i)) − c)`. Then
//!
//! ```text
//! range.low  = c − √(Σ down_i²)      range.high = c + √(Σ up_i²)
//! ```
//!
//! clipped to what the figure can be (emissions ≥ 0). A saving s is combined as the ratio it stands for: the swings
//! of ln(100 − s) (the log of this figure as a percentage of the baseline) are combined as above and mapped back,
//! so that independent swings multiply rather than add and a saving never reaches 100% unless a figure is 0.
//! Root-sum-square treats the settings as
//! independent: it is narrower than stacking every extreme (which no study would call plausible) and wider than any
//! one setting. A setting the caller gave is known: it has no range and adds nothing. `sensitivity` lists, per
//! figure, each setting that moves it: the figure with the setting at its low (`low`) and at its high (`high`),
//! sorted by swing `|high − low|`, largest first. Savings are re-evaluated with the baseline under the same setting,
//! so a setting that moves both (circuity, the van factor) moves the saving only as much as it moves their ratio.
//!
//! [`delivery_options`]: super::delivery_options
//! [`consolidate`]: super::consolidate

use serde::{Deserialize, Serialize};

use crate::error::{within, Result};
use crate::trace::Term;

/// A figure's low and high, in the figure's unit.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Range {
    pub low: f64,
    pub high: f64,
}

/// How far one setting moves one figure: the figure with the setting at its low and at its high.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sensitivity {
    pub setting: &'static str,
    /// The figure with the setting at its low value.
    pub low: f64,
    /// The figure with the setting at its high value.
    pub high: f64,
    /// The setting's own low and high values.
    pub setting_low: f64,
    pub setting_high: f64,
}

/// An uncertain setting: its name, central, low and high values, and where they come from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Uncertain {
    pub name: &'static str,
    pub central: f64,
    pub low: f64,
    pub high: f64,
    pub unit: &'static str,
    pub source: &'static str,
}

impl Uncertain {
    /// The setting as given by the caller (no range), or its default with its cited range.
    pub(crate) fn given_or(
        name: &'static str,
        given: Option<f64>,
        (central, low, high): (f64, f64, f64),
        unit: &'static str,
        source: &'static str,
    ) -> Self {
        match given {
            Some(v) => Uncertain { name, central: v, low: v, high: v, unit, source: "input" },
            None => Uncertain { name, central, low, high, unit, source },
        }
    }

    /// A known value: no range.
    pub(crate) fn exact(name: &'static str, value: f64, unit: &'static str, source: &'static str) -> Self {
        Uncertain { name, central: value, low: value, high: value, unit, source }
    }

    pub(crate) fn has_range(&self) -> bool {
        self.low != self.central || self.high != self.central
    }

    /// The setting as a trace term: `12 (8–20) unit`, with its source.
    pub(crate) fn term(&self) -> Term {
        Term::new(self.name, self.central, self.unit).with_source(Some(&if self.has_range() {
            format!("{} [range {}–{}]", self.source, self.low, self.high)
        } else {
            self.source.to_owned()
        }))
    }
}

/// How a figure's swings are combined: clipped at `min` (emissions), or, for a saving, in ln(100 − s).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bounds {
    pub min: f64,
    pub saving: bool,
}

pub(crate) const EMISSIONS: Bounds = Bounds { min: 0.0, saving: false };
pub(crate) const SAVINGS: Bounds = Bounds { min: f64::NEG_INFINITY, saving: true };

impl Bounds {
    /// The space swings are combined in (increasing or decreasing), and back.
    fn to(self, v: f64) -> f64 {
        if self.saving {
            (100.0 - v).ln()
        } else {
            v
        }
    }
    fn from(self, t: f64) -> f64 {
        if self.saving {
            100.0 - t.exp()
        } else {
            t
        }
    }
}

/// Ranges and sensitivities of every figure by one-at-a-time extremes (module docs). `eval(values, out)` writes
/// every figure for the given setting values (in the order of `settings`); `bounds[j]` clips figure j. Figures that
/// are not finite (a saving against a 0 kg baseline) get no range.
pub(crate) fn spread(
    settings: &[Uncertain],
    bounds: &[Bounds],
    eval: impl Fn(&[f64], &mut [f64]),
) -> (Vec<f64>, Vec<Option<Range>>, Vec<Vec<Sensitivity>>) {
    let n = bounds.len();
    let mut values: Vec<f64> = settings.iter().map(|s| s.central).collect();
    let mut central = vec![0.0; n];
    eval(&values, &mut central);
    let mut down = vec![0.0; n];
    let mut up = vec![0.0; n];
    let mut sens: Vec<Vec<Sensitivity>> = vec![Vec::new(); n];
    let (mut at_low, mut at_high) = (vec![0.0; n], vec![0.0; n]);
    for (i, s) in settings.iter().enumerate() {
        if !s.has_range() {
            continue;
        }
        values[i] = s.low;
        eval(&values, &mut at_low);
        values[i] = s.high;
        eval(&values, &mut at_high);
        values[i] = s.central;
        for j in 0..n {
            let (lo, hi, c) = (at_low[j], at_high[j], central[j]);
            if !(lo.is_finite() && hi.is_finite() && c.is_finite()) {
                continue;
            }
            let swing = (hi - lo).abs();
            if swing <= 1e-12 * c.abs().max(1e-12) && (lo - c).abs() <= 1e-12 * c.abs().max(1e-12) {
                continue;
            }
            let b = bounds[j];
            let (tl, th, tc) = (b.to(lo), b.to(hi), b.to(c));
            if tl.is_finite() && th.is_finite() && tc.is_finite() {
                down[j] += (tc - tl.min(th)).max(0.0).powi(2);
                up[j] += (tl.max(th) - tc).max(0.0).powi(2);
            }
            sens[j].push(Sensitivity { setting: s.name, low: lo, high: hi, setting_low: s.low, setting_high: s.high });
        }
    }
    let ranges = (0..n)
        .map(|j| {
            let (c, b) = (central[j], bounds[j]);
            let tc = b.to(c);
            (c.is_finite() && tc.is_finite()).then(|| {
                let (a, z) = (b.from(tc - down[j].sqrt()), b.from(tc + up[j].sqrt()));
                Range { low: a.min(z).clamp(b.min.min(c), c), high: a.max(z).max(c) }
            })
        })
        .collect();
    for list in &mut sens {
        list.sort_by(|a, b| (b.high - b.low).abs().total_cmp(&(a.high - a.low).abs()).then(a.setting.cmp(b.setting)));
    }
    (central, ranges, sens)
}

/// (baseline − x) / baseline × 100; NaN when the baseline is not above 0 or the quotient is not finite.
pub(crate) fn saving(baseline: f64, x: f64) -> f64 {
    let p = (baseline - x) / baseline * 100.0;
    if baseline > 0.0 && p.is_finite() {
        p
    } else {
        f64::NAN
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Cited defaults and ranges: (central, low, high).

/// Parcels on a typical UK carrier round: 32 / 100 / 168 (Shahmohammadi et al. 2020, Table 3).
pub const PARCELS_PER_ROUND: (f64, f64, f64) = (100.0, 32.0, 168.0);
/// Drop km per typical UK round: 11.9 / 45 / 96 (Shahmohammadi et al. 2020, Table 3).
pub const DROP_KM: (f64, f64, f64) = (45.0, 11.9, 96.0);
/// Parcels per next-day/express round: an assumption, the half-full round (range: the cited minimum 32 to the
/// typical 100).
pub const NEXT_DAY_PARCELS_PER_ROUND: (f64, f64, f64) = (50.0, 32.0, 100.0);
/// Parcels per consolidated-day round: an assumption, the cited dense end (168), range typical (100) to 168.
pub const CONSOLIDATED_PARCELS_PER_ROUND: (f64, f64, f64) = (168.0, 100.0, 168.0);
/// First-time delivery failure rate: IMRG MetaPack UK Delivery Index, carded deliveries 4.65% (2014 average);
/// low 2.77% (12 months to Feb 2019), high 10% (Edwards et al. 2010's lowest scenario; IMRG's June 2014 peak was
/// 9.21%).
pub const FAILURE_RATE: (f64, f64, f64) = (0.0465, 0.0277, 0.10);
/// Share of failed parcels the shopper fetches (from the carrier's depot or a collection point) instead of a
/// redelivery: an assumption, 0.5 (0.2–0.8).
pub const COLLECT_SHARE: (f64, f64, f64) = (0.5, 0.2, 0.8);
/// One-way km of a shopper's trip to fetch a failed parcel: an assumption, 5 (2–10): the reference sheet's
/// farthest collection point (Shahmohammadi et al. 2020: 1 / 2 / 5 km) for a depot or enquiry office.
pub const COLLECT_KM: (f64, f64, f64) = (5.0, 2.0, 10.0);
/// Share of those trips made by car (the rest on foot or by bike, 0 g): an assumption, 0.4 (0.2–0.6), the pickup
/// car share.
pub const COLLECT_CAR_SHARE: (f64, f64, f64) = (0.4, 0.2, 0.6);
/// Road km per great-circle km: 1.3 (1.2–1.4), an assumption in the usual circuity range.
pub const ROAD_FACTOR: (f64, f64, f64) = (1.3, 1.2, 1.4);
/// Pickup car share in `consolidate`: 0.4 (0.2–0.6), an assumption.
pub const PICKUP_CAR_SHARE: (f64, f64, f64) = (0.4, 0.2, 0.6);
/// Distance to a pickup point, one way: 1 / 2 / 5 km (Shahmohammadi et al. 2020, Table 3).
pub const PICKUP_KM: (f64, f64, f64) = (2.0, 1.0, 5.0);
/// Parcels per pickup-point stop: an assumption, 10 (5–30).
pub const PARCELS_PER_PICKUP_STOP: (f64, f64, f64) = (10.0, 5.0, 30.0);

pub(crate) const SHAHMOHAMMADI: &str =
    "Shahmohammadi et al. 2020, Environ. Sci. Technol. 54(6), Table 3 (CC BY-NC-ND 4.0)";
pub(crate) const IMRG: &str =
    "IMRG MetaPack UK Delivery Index: carded deliveries 4.65% in 2014, 2.77% Mar 2018–Feb 2019; \
     high: Edwards et al. 2010, Transp. Res. Rec. 2191, lowest scenario 10%";

/// The van's WTW kg CO2e/km by DESNZ 2025 size class, as a multiplier of the average van: (Class I, Class III),
/// WTW = TTW + WTT rows. Diesel: Class I 0.15738 + 0.03746 (5_303_3081_4_1, 28_906_3081_4_1), Class III
/// 0.27878 + 0.06706 (5_303_3095_4_1, 28_906_3095_4_1), average 0.31689. Petrol: Class I 0.20188 + 0.05614,
/// Class III 0.33845 + 0.09783, average 0.27518.
pub(crate) fn van_class_multipliers(id: &str) -> Option<(f64, f64)> {
    match id {
        "diesel-van" => Some(((0.15738 + 0.03746) / 0.31689, (0.27878 + 0.06706) / 0.31689)),
        "petrol-van" => Some(((0.20188 + 0.05614) / 0.27518, (0.33845 + 0.09783) / 0.27518)),
        _ => None,
    }
}
pub(crate) const VAN_CLASS_SOURCE: &str =
    "DESNZ 2025 van size classes, Class I (up to 1.305 t) to Class III (1.74–3.5 t), WTW (OGL v3.0)";

/// The e-cargo bike's kg/km with the rider's extra food (22 g/km, University of Westminster / Pedal Me 2021) as
/// its high; the default 4.5 g/km is charging only.
pub(crate) const BIKE_FOOD_KG_PER_KM: f64 = 0.022;
pub(crate) const BIKE_SOURCE: &str =
    "University of Westminster / Pedal Me 2021: charging 4.5 g/km, +22 g/km rider's food";

/// Failed first attempts of home deliveries: the rate, and what each failure adds.
#[derive(Debug, Clone, Copy, Default, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Failures {
    /// First-time failure rate, 0 to 1; default 0.0465 (IMRG), range 0.0277–0.10.
    pub rate: Option<f64>,
    /// Share of failed parcels the shopper fetches instead of a redelivery, 0 to 1; default 0.5 (assumption).
    pub collect_share: Option<f64>,
    /// One-way km of that trip, 0 to 1,000; default 5 (assumption).
    pub collect_km: Option<f64>,
    /// Share of those trips by car, 0 to 1; default 0.4 (assumption).
    pub collect_car_share: Option<f64>,
}

impl Failures {
    /// The four settings, checked; `prefix` names the field (`failures.`).
    pub(crate) fn settings(&self, prefix: &str) -> Result<[Uncertain; 4]> {
        let share = |name: &str, v: Option<f64>| v.map(|v| within(&format!("{prefix}{name}"), v, 0.0, 1.0)).transpose();
        Ok([
            Uncertain::given_or("failures.rate", share("rate", self.rate)?, FAILURE_RATE, "share", IMRG),
            Uncertain::given_or(
                "failures.collectShare",
                share("collectShare", self.collect_share)?,
                COLLECT_SHARE,
                "share",
                "assumption",
            ),
            Uncertain::given_or(
                "failures.collectKm",
                self.collect_km
                    .map(|v| within(&format!("{prefix}collectKm"), v, 0.0, super::limits::MAX_PICKUP_KM))
                    .transpose()?,
                COLLECT_KM,
                "km",
                "assumption",
            ),
            Uncertain::given_or(
                "failures.collectCarShare",
                share("collectCarShare", self.collect_car_share)?,
                COLLECT_CAR_SHARE,
                "share",
                "assumption",
            ),
        ])
    }
}

/// A home delivery's kg with failures: its vehicle kg, `redo` of which is repeated on a redelivery, plus the
/// shoppers' collection trips. `f` = [rate, collectShare, collectKm, collectCarShare]; `car` kg per car-km.
pub(crate) fn with_failures(vehicle: f64, redo: f64, parcels: f64, f: [f64; 4], car: f64) -> f64 {
    let [rate, collect, km, car_share] = f;
    vehicle + rate * (1.0 - collect) * redo + parcels * rate * collect * 2.0 * km * car_share * car
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setting(name: &'static str, c: f64, lo: f64, hi: f64) -> Uncertain {
        Uncertain { name, central: c, low: lo, high: hi, unit: "", source: "" }
    }

    #[test]
    fn one_at_a_time_root_sum_square() {
        // y = a + 2b: a in [0, 2] (central 1), b in [1, 1.5] (central 1), c has no range.
        let s = [setting("a", 1.0, 0.0, 2.0), setting("b", 1.0, 1.0, 1.5), setting("c", 5.0, 5.0, 5.0)];
        let (central, ranges, sens) =
            spread(&s, &[EMISSIONS], |v: &[f64], out: &mut [f64]| out[0] = v[0] + 2.0 * v[1] + 0.0 * v[2]);
        assert_eq!(central[0], 3.0);
        let r = ranges[0].unwrap();
        assert!((r.low - 2.0).abs() < 1e-12);
        assert!((r.high - (3.0 + (1.0f64 + 1.0).sqrt())).abs() < 1e-12);
        assert_eq!(sens[0].iter().map(|x| x.setting).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!((sens[0][0].low, sens[0][0].high), (2.0, 4.0));
    }

    #[test]
    fn a_setting_without_a_range_adds_nothing() {
        let eval = |v: &[f64], out: &mut [f64]| out[0] = v[0] * v[1];
        let with = spread(&[setting("a", 2.0, 1.0, 3.0), setting("b", 4.0, 4.0, 4.0)], &[EMISSIONS], eval);
        let without =
            spread(&[setting("a", 2.0, 1.0, 3.0)], &[EMISSIONS], |v: &[f64], out: &mut [f64]| out[0] = v[0] * 4.0);
        assert_eq!(with.1, without.1);
        assert_eq!(with.2, without.2);
    }

    #[test]
    fn savings_combine_as_ratios_and_stay_below_100() {
        // s = 100 × (1 − a·b / 10): each setting halves or doubles the ratio (central 20%).
        let s = [setting("a", 2.0, 1.0, 4.0), setting("b", 1.0, 0.5, 2.0)];
        let (central, ranges, _) =
            spread(&s, &[SAVINGS], |v: &[f64], out: &mut [f64]| out[0] = 100.0 * (1.0 - v[0] * v[1] / 10.0));
        let r = ranges[0].unwrap();
        assert!((central[0] - 80.0).abs() < 1e-12);
        assert!(r.low < 80.0 && 80.0 < r.high && r.high < 100.0, "{r:?}");
        // ln(20) ± √2·ln(2): the ratio spans 20/2^√2 to 20·2^√2.
        let k = 2f64.powf(2f64.sqrt());
        assert!((r.high - (100.0 - 20.0 / k)).abs() < 1e-9 && (r.low - (100.0 - 20.0 * k)).abs() < 1e-9);
    }

    #[test]
    fn clipped_to_bounds() {
        let (_, ranges, _) =
            spread(&[setting("a", 1.0, -5.0, 1.0)], &[EMISSIONS], |v: &[f64], out: &mut [f64]| out[0] = v[0]);
        assert_eq!(ranges[0].unwrap().low, 0.0);
    }
}
