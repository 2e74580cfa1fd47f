//! The one table of the delivery chain's settings: every number the chain is priced with that is not a DESNZ
//! factor, with its default, low and high, distribution, unit, limits and source.
//!
//! A caller overrides any of them by id (`settings: { "failures.rate": 0.05 }`); a value given is known, so it has no
//! range. The table is checked before any heavy work runs: an unknown id is `unknown-id`, a value outside the row's
//! limits `out-of-range`, both naming `settings.<id>`.
//!
//! The carrier's round (`round.parcels`, `round.km`) depends on the area the parcels go to ([`Area`]), and the two
//! are drawn together: a denser draw has more parcels *and* fewer km ([`Row::drawn_with`]).

use std::collections::BTreeMap;
use std::ops::Index;

use serde::{Deserialize, Serialize};

use super::country::Country;
use crate::error::{within, Code, Error, Result};
use crate::kmeans::rng::Rng;

/// The area a carrier's round serves: a structural choice (a named variant), not a parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Area {
    /// Central London (Allen et al. 2018: 127 parcels, 11.9 km driven in the area).
    Urban,
    /// The typical UK round (Shahmohammadi et al. 2020, most likely values: 100 parcels, 45 km).
    #[default]
    Suburban,
    /// Sparse rounds (Shahmohammadi et al. 2020's extremes: 32 parcels, 96 km).
    Rural,
}

impl Area {
    pub fn as_str(self) -> &'static str {
        match self {
            Area::Urban => "urban",
            Area::Suburban => "suburban",
            Area::Rural => "rural",
        }
    }
}

/// How a setting's uncertainty is drawn in the Monte Carlo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Distribution {
    /// Triangular from low through the central value (the mode) to high.
    Triangular,
    /// Known: no range.
    Fixed,
}

/// A setting's central value and range.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Spread {
    pub central: f64,
    pub low: f64,
    pub high: f64,
    pub distribution: Distribution,
}

impl Spread {
    pub const fn tri(low: f64, central: f64, high: f64) -> Self {
        Spread { central, low, high, distribution: Distribution::Triangular }
    }
    pub const fn fixed(v: f64) -> Self {
        Spread { central: v, low: v, high: v, distribution: Distribution::Fixed }
    }

    pub fn has_range(&self) -> bool {
        self.low < self.high
    }

    /// The value at quantile `u` (0 to 1).
    pub fn at(&self, u: f64) -> f64 {
        let (a, c, b) = (self.low, self.central, self.high);
        match self.distribution {
            _ if b <= a => c,
            Distribution::Fixed => c,
            Distribution::Triangular => {
                let split = (c - a) / (b - a);
                if u < split {
                    a + (u * (b - a) * (c - a)).sqrt()
                } else {
                    b - ((1.0 - u) * (b - a) * (b - c)).sqrt()
                }
            }
        }
    }
}

macro_rules! ids {
    ($($variant:ident = $id:literal,)*) => {
        /// A setting of the chain, by name; `as_str` is its id in JS and in the table.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        pub enum Id { $($variant,)* }
        impl Id {
            pub const ALL: &'static [Id] = &[$(Id::$variant,)*];
            pub fn as_str(self) -> &'static str {
                match self { $(Id::$variant => $id,)* }
            }
        }
    };
}

ids! {
    RoadFactor = "roadFactor",
    VanFactor = "vanFactor",
    BikeFoodKgPerKm = "bike.foodKgPerKm",
    LineHaulKm = "lineHaul.km",
    LineHaulDetourKm = "lineHaul.detourKm",
    ParcelKg = "parcel.kg",
    HubKwhPerParcel = "hub.kwhPerParcel",
    RoundStemKm = "round.stemKm",
    RoundParcels = "round.parcels",
    RoundKm = "round.km",
    ConsolidatedFill = "consolidated.fill",
    SameDayParcelsPerRun = "sameDay.parcelsPerRun",
    SameDayStemKm = "sameDay.stemKm",
    PickupParcelsPerStop = "pickup.parcelsPerStop",
    PickupKm = "pickup.km",
    PickupCarShare = "pickup.carShare",
    LockerParcelsPerStop = "locker.parcelsPerStop",
    LockerKm = "locker.km",
    LockerCarShare = "locker.carShare",
    LockerKwhPerParcel = "locker.kwhPerParcel",
    TripChainedShare = "customerTrip.chainedShare",
    BikeableShare = "cargoBike.bikeableShare",
    FailureRate = "failures.rate",
    CollectShare = "failures.collectShare",
    CollectKm = "failures.collectKm",
    CollectCarShare = "failures.collectCarShare",
    CollectionPointShare = "failures.collectionPointShare",
    GridUplift = "grid.uplift",
    VanCountry = "van.countryFactor",
    CarCountry = "car.countryFactor",
}

/// The first of the rows a country changes from 1 (see [`super::country`]): they are drawn from a stream of their
/// own, so that adding them left the UK's draws, and so its figures, exactly as they were.
pub const FIRST_COUNTRY_ROW: usize = Id::GridUplift as usize;

/// The number of settings.
pub const N: usize = Id::ALL.len();

/// One row of the settings table.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub id: Id,
    /// The default in a suburban area (the only area most settings depend on: see [`Row::by_area`]).
    pub default: Spread,
    /// The defaults in urban and rural areas, for the settings that depend on the area.
    pub by_area: Option<(Spread, Spread)>,
    pub unit: &'static str,
    /// The values a caller may give.
    pub limits: (f64, f64),
    /// Where the default comes from, or `assumption` and why.
    pub source: &'static str,
    /// Drawn from the same quantile as another setting (`true`: the opposite quantile), so the two move together.
    pub drawn_with: Option<(Id, bool)>,
}

impl Row {
    pub fn default_in(&self, area: Area) -> Spread {
        match (area, self.by_area) {
            (Area::Urban, Some((urban, _))) => urban,
            (Area::Rural, Some((_, rural))) => rural,
            _ => self.default,
        }
    }
}

pub(crate) const SHAHMOHAMMADI: &str =
    "Shahmohammadi et al. 2020, Environ. Sci. Technol. 54(6), Table 3 (CC BY-NC-ND 4.0)";
const ALLEN: &str = "urban: Allen et al. 2018, Transp. Res. D 61:325–338 (central London: 127 parcels, 11.9 km); \
                     suburban: Shahmohammadi et al. 2020 Table 3 (32 / 100 / 168 parcels; 11.9 / 45 / 96 km); \
                     rural: Shahmohammadi's sparse end (assumption for the range)";
const SHARE: (f64, f64) = (0.0, 1.0);
/// The source of a value the caller gave.
pub const INPUT: &str = "input";
const KM: (f64, f64) = (0.0, 1000.0);

/// The settings table, in [`Id`] order.
pub static TABLE: [Row; N] = [
    row(
        Id::RoadFactor,
        Spread::tri(1.2, 1.3, 1.4),
        "road km/great-circle km",
        (1.0, 3.0),
        "assumption in the usual 1.2–1.4 circuity range (Ballou, Rahardja & Sakai 2002, Transp. Res. A 36(9))",
    ),
    row(
        Id::VanFactor,
        Spread::tri(0.614, 1.0, 1.092),
        "× DESNZ average van",
        (0.01, 100.0),
        "DESNZ 2025 van size classes, Class I to Class III, WTW, as a share of the average van (OGL v3.0)",
    ),
    row(
        Id::BikeFoodKgPerKm,
        Spread::tri(0.0, 0.0, 0.022),
        "kg CO2e/km",
        (0.0, 1.0),
        "University of Westminster / Pedal Me 2021: the rider's extra food, up to 22 g/km; not counted centrally",
    ),
    row(
        Id::LineHaulKm,
        Spread::tri(50.0, 150.0, 400.0),
        "km",
        (0.0, 5000.0),
        "assumption, used only without a merchant depot: merchant to the carrier's delivery depot by road",
    ),
    row(
        Id::LineHaulDetourKm,
        Spread::tri(0.0, 50.0, 200.0),
        "km",
        (0.0, 5000.0),
        "assumption: the extra road km of trunking through the carrier's sort centre instead of straight to the \
         delivery depot",
    ),
    row(
        Id::ParcelKg,
        Spread::tri(0.5, 2.0, 5.0),
        "kg",
        (0.0, 1000.0),
        "assumption: a typical e-commerce parcel, as charged on the trunk (the order's weightKg when given)",
    ),
    row(
        Id::HubKwhPerParcel,
        Spread::tri(0.005, 0.02, 0.1),
        "kWh/parcel",
        (0.0, 100.0),
        "assumption, per parcel handled at one logistics site; in line with Evri's 2021 site electricity, about 8 g \
         CO2e per parcel over its whole network (derived); GLEC's default hub intensities could not be opened",
    ),
    row(
        Id::RoundStemKm,
        Spread::tri(5.0, 17.87, 40.0),
        "km",
        KM,
        "Shahmohammadi et al. 2020: carrier depot to round, geometric mean 17.87 km each way; range an assumption",
    ),
    Row {
        by_area: Some((Spread::tri(100.0, 127.0, 168.0), Spread::tri(20.0, 32.0, 80.0))),
        drawn_with: None,
        ..row(Id::RoundParcels, Spread::tri(32.0, 100.0, 168.0), "parcels/round", (1.0, 100_000.0), ALLEN)
    },
    Row {
        by_area: Some((Spread::tri(8.0, 11.9, 25.0), Spread::tri(60.0, 96.0, 150.0))),
        drawn_with: Some((Id::RoundParcels, true)),
        ..row(Id::RoundKm, Spread::tri(11.9, 45.0, 96.0), "km/round", (0.0, 10_000.0), ALLEN)
    },
    row(
        Id::ConsolidatedFill,
        Spread::tri(1.0, 1.25, 1.68),
        "× parcels/round",
        (1.0, 100.0),
        "assumption: a fixed delivery day fills the carrier's round; high 1.68 = Shahmohammadi's 168 over 100",
    ),
    row(
        Id::SameDayParcelsPerRun,
        Spread::tri(1.0, 5.0, 20.0),
        "parcels/run",
        (1.0, 1000.0),
        "assumption near the break-even of about six stops a trip reported for rush deliveries (Jaller & Pahwa \
         2020, Transp. Res. D, press summary)",
    ),
    row(
        Id::SameDayStemKm,
        Spread::tri(3.0, 8.0, 20.0),
        "km",
        KM,
        "assumption: a same-day courier's local hub to the shopper's area, each way",
    ),
    row(Id::PickupParcelsPerStop, Spread::tri(5.0, 10.0, 30.0), "parcels/stop", (1.0, 100_000.0), "assumption"),
    row(Id::PickupKm, Spread::tri(1.0, 2.0, 5.0), "km", KM, SHAHMOHAMMADI),
    row(
        Id::PickupCarShare,
        Spread::tri(0.2, 0.4, 0.6),
        "share",
        SHARE,
        "assumption (merchant scenarios): shoppers driving to a pickup point; the rest walk or cycle",
    ),
    row(
        Id::LockerParcelsPerStop,
        Spread::tri(10.0, 30.0, 60.0),
        "parcels/stop",
        (1.0, 100_000.0),
        "assumption: parcels a van leaves at one locker bank",
    ),
    row(Id::LockerKm, Spread::tri(0.3, 1.0, 3.0), "km", KM, "assumption: shopper to a locker bank, one way"),
    row(
        Id::LockerCarShare,
        Spread::tri(0.1, 0.3, 0.5),
        "share",
        SHARE,
        "assumption: locker trips by car (the rest on foot or by bike)",
    ),
    row(
        Id::LockerKwhPerParcel,
        Spread::tri(0.01, 0.03, 0.1),
        "kWh/parcel",
        (0.0, 100.0),
        "assumption: a locker bank's electricity over the parcels it holds",
    ),
    row(
        Id::TripChainedShare,
        Spread::tri(0.1, 0.3, 0.6),
        "share",
        SHARE,
        "assumption: shoppers' trips combined with other errands add no km (trip chaining, Brown & Guiffrida \
         2014, Int. J. Logistics Res. Appl.)",
    ),
    row(
        Id::BikeableShare,
        Spread::tri(0.3, 0.5, 0.8),
        "share",
        SHARE,
        "Llorca & Moeckel 2021 (ETRR 13:33): at least half of parcels still need vans; high McLeod et al. 2020 \
         (most of a central-London carrier's manifest moved to bikes and porters)",
    ),
    row(
        Id::FailureRate,
        Spread::tri(0.02, 0.0277, 0.0921),
        "share",
        SHARE,
        "IMRG/NetDespatch 2019: 2.77% of first attempts carded, Mar 2018–Feb 2019; high Metapack's June 2014 \
         peak 9.21%; low an assumption",
    ),
    row(
        Id::CollectShare,
        Spread::tri(0.1, 0.2, 0.5),
        "share",
        SHARE,
        "assumption: failed parcels the shopper collects at once (the rest are re-attempted, then collected if \
         the re-attempt fails too)",
    ),
    row(Id::CollectKm, Spread::tri(3.0, 8.0, 15.0), "km", KM, "assumption: shopper to the carrier's depot, one way"),
    row(
        Id::CollectCarShare,
        Spread::tri(0.4, 0.6, 0.8),
        "share",
        SHARE,
        "assumption: collection trips by car (the rest on foot or by public transport, not counted)",
    ),
    row(
        Id::CollectionPointShare,
        Spread::tri(0.2, 0.5, 0.8),
        "share",
        SHARE,
        "assumption; a collection point's trip emits 13% of a depot trip (Edwards et al. 2010, Transp. Res. Rec. \
         2191)",
    ),
    row(
        Id::GridUplift,
        Spread::fixed(1.0),
        "× grid factor",
        (0.01, 100.0),
        "DESNZ's UK grid rows already count T&D losses and WTT: 1; another country's CO2-only grid factor is \
         taken to the same boundary (its source says how)",
    ),
    row(
        Id::VanCountry,
        Spread::fixed(1.0),
        "× DESNZ fuelled van",
        (0.01, 100.0),
        "DESNZ's vans are the UK's fleet: 1; another country's vans as a share of them",
    ),
    row(
        Id::CarCountry,
        Spread::fixed(1.0),
        "× DESNZ fuelled car",
        (0.01, 100.0),
        "DESNZ's cars are the UK's fleet: 1; another country's cars as a share of them",
    ),
];

const fn row(id: Id, default: Spread, unit: &'static str, limits: (f64, f64), source: &'static str) -> Row {
    Row { id, default, by_area: None, unit, limits, source, drawn_with: None }
}

pub fn row_of(id: Id) -> &'static Row {
    &TABLE[id as usize]
}

/// Every setting's value in one draw (or at the central values).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Values(pub [f64; N]);

impl Index<Id> for Values {
    type Output = f64;
    fn index(&self, id: Id) -> &f64 {
        &self.0[id as usize]
    }
}

/// The settings for one call: each row's spread in the chosen area, with the caller's values fixed.
#[derive(Debug, Clone)]
pub struct Settings {
    pub spreads: [Spread; N],
    /// Where a value fixed for this call comes from: `input` (the caller's `settings`), or what the call knew it
    /// from (e.g. `weightKg`); `None` for a setting drawn from its row.
    pub known: [Option<&'static str>; N],
    pub area: Area,
    /// The country whose defaults the table took.
    pub country: Country,
}

impl Settings {
    /// The table in `area` with `country`'s defaults, and `overrides` (by id) checked and fixed. Errors name
    /// `settings.<id>`.
    pub fn new(area: Area, country: &Country, overrides: &BTreeMap<String, f64>) -> Result<Self> {
        let mut spreads = TABLE.map(|r| r.default_in(area));
        for &(id, spread, _) in country.profile.rows {
            spreads[id as usize] = spread;
        }
        let mut known = [None; N];
        for (key, &value) in overrides {
            let field = format!("settings.{key}");
            let Some(&id) = Id::ALL.iter().find(|id| id.as_str() == key) else {
                let ids: Vec<&str> = Id::ALL.iter().map(|id| id.as_str()).collect();
                return Err(Error::new(
                    Code::UnknownId,
                    field,
                    format!("unknown setting `{key}`, expected one of {}", ids.join(", ")),
                ));
            };
            let (min, max) = row_of(id).limits;
            spreads[id as usize] = Spread::fixed(within(&field, value, min, max)? + 0.0);
            known[id as usize] = Some(INPUT);
        }
        Ok(Settings { spreads, known, area, country: *country })
    }

    /// Whether the caller gave `id` in `settings`.
    pub fn given(&self, id: Id) -> bool {
        self.known[id as usize] == Some(INPUT)
    }

    /// Replaces the default spread of `id` unless the caller gave it (a default that depends on the factor chosen).
    pub fn default_to(&mut self, id: Id, spread: Spread) {
        if !self.given(id) {
            self.spreads[id as usize] = spread;
        }
    }

    /// Fixes `id` at `value` unless the caller gave it: a setting the call knows better, from `source` (e.g. the
    /// parcel's `weightKg`), which results then report; `None` when the setting does not apply to the factor
    /// chosen (the van's size class for an electric van), which is not reported.
    pub fn know(&mut self, id: Id, value: f64, source: Option<&'static str>) {
        if !self.given(id) {
            self.spreads[id as usize] = Spread::fixed(value);
            self.known[id as usize] = source;
        }
    }

    /// The settings a result lists: those that move one of its figures (`moved`, by id), and those the call fixed.
    pub fn used(&self, moved: &[&str]) -> Vec<Id> {
        Id::ALL
            .iter()
            .copied()
            .filter(|id| moved.contains(&id.as_str()) || self.known[*id as usize].is_some())
            .collect()
    }

    pub fn central(&self) -> Values {
        Values(self.spreads.map(|s| s.central))
    }

    /// One Monte Carlo draw: each setting at its own quantile, or at the quantile of the one it is drawn with. A
    /// known setting still takes its quantile from the stream, so that fixing one setting leaves the others' draws
    /// as they were. The country rows take theirs from `country_rng` ([`FIRST_COUNTRY_ROW`]).
    pub fn draw(&self, rng: &mut Rng, country_rng: &mut Rng) -> Values {
        let mut u = [0.0; N];
        for (i, row) in TABLE.iter().enumerate() {
            u[i] = match row.drawn_with {
                Some((with, true)) => 1.0 - u[with as usize],
                Some((with, false)) => u[with as usize],
                None if i >= FIRST_COUNTRY_ROW => country_rng.next_f64(),
                None => rng.next_f64(),
            };
        }
        let mut v = [0.0; N];
        for i in 0..N {
            v[i] = self.spreads[i].at(u[i]);
        }
        Values(v)
    }

    pub fn spread(&self, id: Id) -> Spread {
        self.spreads[id as usize]
    }
}

/// One row as results list it: the value used, its range and distribution, and where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingUsed {
    pub id: &'static str,
    pub value: f64,
    pub low: f64,
    pub high: f64,
    pub distribution: Distribution,
    pub unit: &'static str,
    /// `input` when the caller gave it, what the call knew it from (`weightKg`…), else the row's source.
    pub source: &'static str,
    /// Whose default the value is: `GB` (the table's own, UK rows), `CN`, `US`…, or `world` (the proxy for a
    /// country with no table); `None` when the caller gave it or the call knew it.
    pub country: Option<&'static str>,
    /// Whether `country` is not the country asked for: the value stands in for one not known.
    pub proxy: bool,
}

impl Settings {
    /// The settings `used` lists (in table order), as results report them.
    pub fn report(&self, used: &[Id]) -> Vec<SettingUsed> {
        Id::ALL
            .iter()
            .filter(|id| used.contains(id))
            .map(|&id| {
                let (s, row) = (self.spread(id), row_of(id));
                let of_country = self.country.profile.row(id);
                let source = self.known[id as usize].or(of_country.map(|r| r.2)).unwrap_or(row.source);
                let country = match (self.known[id as usize], of_country) {
                    (Some(_), _) => None,
                    (None, Some(_)) => Some(self.country.profile.code),
                    (None, None) => Some("GB"),
                };
                SettingUsed {
                    id: id.as_str(),
                    value: s.central,
                    low: s.low,
                    high: s.high,
                    distribution: s.distribution,
                    unit: row.unit,
                    source,
                    country,
                    proxy: country.is_some_and(|c| self.country.code != c),
                }
            })
            .collect()
    }
}

/// One row of the settings table as JS reads it: the suburban default and, where the area changes it, the
/// urban and rural ones.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowView {
    pub id: &'static str,
    pub central: f64,
    pub low: f64,
    pub high: f64,
    pub distribution: Distribution,
    pub unit: &'static str,
    pub min: f64,
    pub max: f64,
    pub source: &'static str,
    /// Whose default it is: `GB`, the country asked for, or `world` (the proxy).
    pub country: &'static str,
    /// Whether `country` is not the country asked for.
    pub proxy: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urban: Option<[f64; 3]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rural: Option<[f64; 3]>,
}

/// The whole settings table in `country`, for the Sources view.
///
/// ```
/// use green_delivery::consolidation::pricing::{country::Country, settings::table};
/// let rows = table(&Country::gb());
/// assert_eq!(rows[0].id, "roadFactor");
/// assert!(rows.iter().any(|r| r.id == "round.parcels" && r.urban == Some([100.0, 127.0, 168.0])));
/// let cn = table(&Country::parse(Some("CN")).unwrap());
/// assert!(cn.iter().any(|r| r.id == "locker.km" && r.country == "CN" && !r.proxy));
/// assert!(cn.iter().any(|r| r.id == "round.parcels" && r.country == "GB" && r.proxy));
/// ```
pub fn table(country: &Country) -> Vec<RowView> {
    let triple = |s: Spread| [s.low, s.central, s.high];
    TABLE
        .iter()
        .map(|row| {
            let own = country.profile.row(row.id);
            let (default, source) = own.map_or((row.default, row.source), |r| (r.1, r.2));
            let code = own.map_or("GB", |_| country.profile.code);
            RowView {
                id: row.id.as_str(),
                central: default.central,
                low: default.low,
                high: default.high,
                distribution: default.distribution,
                unit: row.unit,
                min: row.limits.0,
                max: row.limits.1,
                source,
                country: code,
                proxy: country.code != code,
                urban: row.by_area.map(|(u, _)| triple(u)),
                rural: row.by_area.map(|(_, r)| triple(r)),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_id_order_and_each_default_lies_in_its_limits() {
        for (i, row) in TABLE.iter().enumerate() {
            assert_eq!(row.id as usize, i, "{}", row.id.as_str());
            for area in [Area::Urban, Area::Suburban, Area::Rural] {
                let s = row.default_in(area);
                assert!(s.low <= s.central && s.central <= s.high, "{} {area:?}", row.id.as_str());
                assert!(row.limits.0 <= s.low && s.high <= row.limits.1, "{} {area:?}", row.id.as_str());
            }
            if let Some((with, _)) = row.drawn_with {
                assert!((with as usize) < i, "{} is drawn with a later row", row.id.as_str());
            }
        }
    }

    #[test]
    fn triangular_quantiles() {
        let s = Spread::tri(0.0, 1.0, 4.0);
        assert_eq!((s.at(0.0), s.at(1.0)), (0.0, 4.0));
        assert!((s.at(0.25) - 1.0).abs() < 1e-12); // P(X < mode) = (1 − 0) / (4 − 0)
        assert_eq!(Spread::fixed(3.0).at(0.7), 3.0);
    }

    #[test]
    fn dense_draws_have_more_parcels_and_fewer_km() {
        let s = Settings::new(Area::Suburban, &Country::gb(), &BTreeMap::new()).unwrap();
        let (mut rng, mut other) = (Rng::new(7), Rng::new(8));
        let draws: Vec<Values> = (0..200).map(|_| s.draw(&mut rng, &mut other)).collect();
        for w in draws.windows(2) {
            let (a, b) = (&w[0], &w[1]);
            if a[Id::RoundParcels] > b[Id::RoundParcels] {
                assert!(a[Id::RoundKm] <= b[Id::RoundKm]);
            }
        }
    }

    #[test]
    fn overrides_are_checked_by_id_and_limits() {
        let err =
            |k: &str, v: f64| Settings::new(Area::Urban, &Country::gb(), &[(k.to_owned(), v)].into()).unwrap_err();
        let e = err("round.parcel", 3.0);
        assert_eq!((e.code(), e.field()), (Code::UnknownId, "settings.round.parcel"));
        let e = err("failures.rate", 1.5);
        assert_eq!((e.code(), e.field()), (Code::OutOfRange, "settings.failures.rate"));
        let s = Settings::new(Area::Urban, &Country::gb(), &[("round.parcels".to_owned(), 80.0)].into()).unwrap();
        assert_eq!(s.spread(Id::RoundParcels), Spread::fixed(80.0));
        assert!(s.spread(Id::RoundKm).has_range());
    }
}
