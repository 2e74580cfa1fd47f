//! The country a parcel is delivered in (`country`, ISO 3166-1 alpha-2), and each covered country's defaults: its
//! grid electricity, and its values of the settings table's rows where they differ from the UK's.
//!
//! Everything country-specific is here, in one table ([`COVERED`]) and one proxy ([`PROXY`]) for countries outside
//! it. A row a country does not list keeps the UK default, and results say so (`settings[].country: "GB"`,
//! `proxy: true`).
//!
//! **Grid boundaries differ.** DESNZ's UK grid row includes T&D losses and the WTT of generation; the other
//! countries' official factors are CO2 only, at generation (or at the meter). They are used as published, never
//! mixed in silently: the setting `grid.uplift` (× the grid factor) takes each one to a CO2e, WTT-inclusive
//! boundary, with its own source or labelled as an assumption, and its own range. For the UK it is 1.
//!
//! **Vehicles.** `van.countryFactor` and `car.countryFactor` scale DESNZ's fuelled vans and cars (UK fleets) to a
//! country's fleet; electric vehicles, the e-cargo bike and sites follow the country's grid instead.

use std::fmt::Write as _;

use serde::{Serialize, Serializer};

use super::settings::{Id, Spread};
use crate::error::{Error, Result};
use crate::factors::{Factor, Unit};
use crate::models::emission::FactorParts;

/// A country's grid electricity as its source publishes it.
#[derive(Debug, Clone, Copy)]
pub struct Grid {
    /// The factor id legs name, e.g. `grid-cn-mee-2023`.
    pub id: &'static str,
    pub label: &'static str,
    pub kg_per_kwh: f64,
    pub source: &'static str,
    pub year: u16,
    pub licence: &'static str,
    /// What the value counts and leaves out.
    pub boundary: &'static str,
}

impl Grid {
    /// As a factor per kWh, all of it WTT (electricity is upstream of the vehicle or site).
    pub fn factor(&self) -> Factor {
        Factor {
            id: self.id,
            label: self.label.into(),
            unit: Unit::Kwh,
            kg_per_unit: self.kg_per_kwh,
            parts: FactorParts::Split { ttw: 0.0, wtt: self.kg_per_kwh },
            kwh_per_km: None,
            desnz_rows: Vec::new(),
            desnz_wording: Vec::new(),
            source: self.source.into(),
            year: Some(self.year),
            licence: self.licence.into(),
            // `grid.uplift` takes it to a CO2e, WTT-inclusive boundary.
            note: self.boundary.into(),
        }
    }
}

/// One country's defaults.
#[derive(Debug)]
pub struct Profile {
    /// `GB`, `CN`…, or `world` for the proxy.
    pub code: &'static str,
    /// `None`: DESNZ's `uk-grid-2025`.
    pub grid: Option<Grid>,
    /// The rows of the settings table this country sets, with their sources.
    pub rows: &'static [(Id, Spread, &'static str)],
}

impl Profile {
    pub fn row(&self, id: Id) -> Option<&(Id, Spread, &'static str)> {
        self.rows.iter().find(|r| r.0 == id)
    }
}

/// The e-cargo bike's electricity, kWh per km: its cited 4.5 g CO2/km (University of Westminster / Pedal Me 2021)
/// ÷ the UK's 2021 generation factor (BEIS 2021, 0.21233 kg CO2e/kWh), so that it can follow another grid
/// (an assumption: the study's own grid factor was not published with the figure).
pub const BIKE_KWH_PER_KM: f64 = 0.0045 / 0.21233;

const ASSUMED_UPLIFT: &str = "assumption: T&D losses, upstream fuel supply and CH4/N2O over a CO2-only factor \
                              at generation";
const EU_FLEET: &str = "assumption: EU vans and cars like the UK's (DESNZ) within ±15%";
const PROXY_VAN: &str = "assumption, no published per-km value found: DESNZ's UK van as a proxy, wider range";
const PROXY_CAR: &str = "assumption, no published per-km value found: DESNZ's UK car as a proxy, wider range";

/// The covered countries, in the order `chainSettings` lists them.
pub static COVERED: [Profile; 6] = [
    Profile { code: "GB", grid: None, rows: &[] },
    Profile {
        code: "CN",
        grid: Some(Grid {
            id: "grid-cn-mee-2023",
            label: "China grid electricity (MEE 2023)",
            kg_per_kwh: 0.5306,
            source: "MEE & NBS, 2023 national average electricity CO2 emission factor (公告, published 2026)",
            year: 2023,
            licence: "government notice, licence not stated (cited, one number)",
            boundary: "CO2 only, at generation, national average; no T&D losses, no upstream (WTT), no CH4/N2O \
                       (unlike DESNZ's WTT-inclusive UK rows)",
        }),
        rows: &[
            (Id::LineHaulKm, Spread::tri(100.0, 500.0, 2000.0), "assumption: China's parcels travel further between cities than the UK's"),
            (Id::PickupKm, Spread::tri(0.1, 0.3, 1.0), "assumption: parcel stations (快递驿站) sit in or at the gate of residential compounds"),
            (Id::PickupCarShare, Spread::tri(0.0, 0.05, 0.2), "assumption: station pickups are on foot"),
            (Id::LockerKm, Spread::tri(0.05, 0.2, 0.8), "assumption: lockers (智能快递柜) stand inside residential compounds"),
            (Id::LockerCarShare, Spread::tri(0.0, 0.05, 0.2), "assumption: locker pickups are on foot"),
            (Id::GridUplift, Spread::tri(1.05, 1.169, 1.3), "MEE, NBS & NEA 2023 national electricity carbon footprint factor, 0.6205 kg CO2e/kWh (life cycle, with T&D) ÷ the CO2-only 0.5306 = 1.169; range an assumption"),
            (Id::VanCountry, Spread::tri(0.5, 1.0, 1.3), "assumption, no published per-km value found: DESNZ's UK van as a proxy, wider range (low: much of the last mile runs on electric tricycles)"),
            (Id::CarCountry, Spread::tri(0.7, 1.0, 1.3), PROXY_CAR),
        ],
    },
    Profile {
        code: "US",
        grid: Some(Grid {
            id: "grid-us-eia-2022",
            label: "US grid electricity (EIA 2022)",
            kg_per_kwh: 0.86 * 0.45359237,
            source: "US EIA, FAQ 'How much carbon dioxide is produced per kilowatthour of U.S. electricity \
                     generation?': 0.86 lb CO2/kWh in 2022",
            year: 2022,
            licence: "US government work (public domain)",
            boundary: "CO2 only, at utility-scale generation; no T&D losses, no upstream (WTT), no CH4/N2O",
        }),
        rows: &[
            (Id::LineHaulKm, Spread::tri(100.0, 600.0, 3000.0), "assumption: US ground parcels cross a continent"),
            (Id::PickupKm, Spread::tri(1.0, 4.0, 15.0), "assumption: fewer, further pickup points"),
            (Id::PickupCarShare, Spread::tri(0.6, 0.85, 1.0), "assumption: most pickup trips by car"),
            (Id::LockerKm, Spread::tri(1.0, 3.0, 10.0), "assumption: lockers in stores, reached by road"),
            (Id::LockerCarShare, Spread::tri(0.5, 0.8, 1.0), "assumption: most locker trips by car"),
            (Id::GridUplift, Spread::tri(1.05, 1.15, 1.35), ASSUMED_UPLIFT),
            (Id::VanCountry, Spread::tri(1.0, 1.5, 2.5), "assumption: US carriers' walk-in step vans are larger than UK vans; no per-km value verified"),
            (Id::CarCountry, Spread::tri(1.1, 1.3, 1.6), "EPA Automotive Trends Report 2023: new model-year 2022 vehicles 337 g CO2/mile on the road (209 g/km) against DESNZ's average petrol car 163 g/km TTW; the fleet is older, so the range runs higher (public domain)"),
        ],
    },
    Profile {
        code: "JP",
        grid: Some(Grid {
            id: "grid-jp-assumed",
            label: "Japan grid electricity (assumption)",
            kg_per_kwh: 0.45,
            source: "assumption: retailers' FY2023 factors published under Japan's GHG reporting law (MOE/METI), \
                     e.g. 0.380 unadjusted and 0.464 residual (Shikoku Electric), 0.496 adjusted (Hokuriku \
                     Electric); the national average was not verified",
            year: 2023,
            licence: "assumption",
            boundary: "CO2 only, per kWh sold; no upstream (WTT), no CH4/N2O",
        }),
        rows: &[
            (Id::LineHaulKm, Spread::tri(50.0, 300.0, 1000.0), "assumption"),
            (Id::FailureRate, Spread::tri(0.081, 0.102, 0.116), "MLIT 宅配便再配達実態調査, October 2024: 10.2% of parcels redelivered (urban 11.6%, rural 8.1%; Yamato, Sagawa, Japan Post); Government of Japan Standard Terms of Use 2.0"),
            (Id::PickupKm, Spread::tri(0.1, 0.4, 1.5), "assumption: convenience-store pickups nearby"),
            (Id::PickupCarShare, Spread::tri(0.05, 0.2, 0.5), "assumption"),
            (Id::LockerKm, Spread::tri(0.05, 0.3, 1.0), "assumption: lockers at stations and apartment blocks"),
            (Id::LockerCarShare, Spread::tri(0.0, 0.1, 0.3), "assumption"),
            (Id::GridUplift, Spread::tri(0.85, 1.1, 1.35), "assumption: upstream over a CO2-only factor, and the unverified average (wide)"),
            (Id::VanCountry, Spread::tri(0.6, 0.85, 1.1), "assumption: many delivery vans are light or kei vans, smaller than UK vans"),
            (Id::CarCountry, Spread::tri(0.6, 0.8, 1.0), "assumption: kei cars are a large share of the fleet"),
        ],
    },
    Profile {
        code: "DE",
        grid: Some(Grid {
            id: "grid-de-uba-2023",
            label: "Germany grid electricity (UBA 2023)",
            kg_per_kwh: 0.380,
            source: "Umweltbundesamt, Entwicklung der spezifischen Treibhausgas-Emissionen des deutschen \
                     Strommix: 380 g CO2/kWh of electricity consumed in 2023",
            year: 2023,
            licence: "UBA publication, licence not stated (cited, one number)",
            boundary: "CO2 only, direct emissions of generation per kWh consumed; no upstream (WTT), no CH4/N2O",
        }),
        rows: &[
            (Id::LineHaulKm, Spread::tri(50.0, 250.0, 700.0), "assumption"),
            (Id::PickupKm, Spread::tri(0.3, 1.0, 3.0), "assumption: dense Paketshop and Packstation networks"),
            (Id::PickupCarShare, Spread::tri(0.15, 0.35, 0.6), "assumption"),
            (Id::GridUplift, Spread::tri(1.05, 1.15, 1.3), ASSUMED_UPLIFT),
            (Id::VanCountry, Spread::tri(0.9, 1.0, 1.15), EU_FLEET),
            (Id::CarCountry, Spread::tri(0.9, 1.0, 1.15), EU_FLEET),
        ],
    },
    Profile {
        code: "FR",
        grid: Some(Grid {
            id: "grid-fr-rte-2023",
            label: "France grid electricity (RTE 2023)",
            kg_per_kwh: 0.032,
            source: "RTE, Bilan électrique 2023: 32 g CO2eq per kWh produced in France",
            year: 2023,
            licence: "RTE publication, licence not stated (cited, one number)",
            boundary: "direct emissions of generation in France per kWh produced; no imports, no T&D losses, no \
                       life cycle (nuclear and renewable upstream)",
        }),
        rows: &[
            (Id::LineHaulKm, Spread::tri(50.0, 300.0, 800.0), "assumption"),
            (Id::GridUplift, Spread::tri(1.2, 1.6, 2.5), "assumption: France's life-cycle factors run well above its direct 32 g (nuclear and renewable upstream, T&D losses)"),
            (Id::VanCountry, Spread::tri(0.9, 1.0, 1.15), EU_FLEET),
            (Id::CarCountry, Spread::tri(0.9, 1.0, 1.15), EU_FLEET),
        ],
    },
];

/// The defaults of a country outside [`COVERED`]: the world's grid, and the UK's rows with wider ranges.
pub static PROXY: Profile = Profile {
    code: "world",
    grid: Some(Grid {
        id: "grid-world",
        label: "World grid electricity (Ember 2024)",
        kg_per_kwh: 0.47294,
        source: "Ember yearly electricity data, 2024 annual average (as bundled by CO2.js)",
        year: 2024,
        licence: "CC BY-SA 4.0",
        boundary: "the world's average emissions intensity of generation; no T&D losses",
    }),
    rows: &[
        (Id::LineHaulKm, Spread::tri(50.0, 300.0, 2000.0), "assumption for a country with no table of its own"),
        (Id::FailureRate, Spread::tri(0.02, 0.05, 0.15), "assumption for a country with no table of its own"),
        (
            Id::GridUplift,
            Spread::tri(0.3, 1.0, 2.0),
            "assumption: a country's grid may be far cleaner or dirtier than the world's average",
        ),
        (Id::VanCountry, Spread::tri(0.7, 1.0, 1.6), PROXY_VAN),
        (Id::CarCountry, Spread::tri(0.7, 1.0, 1.6), PROXY_CAR),
    ],
};

/// An ISO 3166-1 alpha-2 code in upper case: two ASCII letters, kept inline (no heap, nothing to drop, which keeps
/// the widget's wasm small).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CountryCode([u8; 2]);

impl PartialEq<&str> for CountryCode {
    fn eq(&self, other: &&str) -> bool {
        other.as_bytes() == self.0
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_char(char::from(self.0[0]))?;
        f.write_char(char::from(self.0[1]))
    }
}

impl Serialize for CountryCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// The country of a call: the code asked for (upper case) and the defaults it gets.
#[derive(Debug, Clone, Copy)]
pub struct Country {
    pub code: CountryCode,
    pub profile: &'static Profile,
}

impl Country {
    /// `country` as given (two letters, any case; default `GB`). A malformed code is an error naming `country`;
    /// a well-formed code outside [`COVERED`] gets [`PROXY`].
    ///
    /// ```
    /// use green_delivery::consolidation::pricing::country::Country;
    /// assert_eq!(Country::parse(Some("cn")).unwrap().profile.code, "CN");
    /// assert_eq!(Country::parse(Some("BR")).unwrap().profile.code, "world");
    /// assert_eq!(Country::parse(None).unwrap().code, "GB");
    /// assert_eq!(Country::parse(Some("GBR")).unwrap_err().field(), "country");
    /// ```
    pub fn parse(code: Option<&str>) -> Result<Self> {
        let code = code.unwrap_or("GB");
        if code.len() != 2 || !code.bytes().all(|b| b.is_ascii_alphabetic()) {
            // The message does not echo the value: formatting it would cost the widget's wasm more than it says.
            return Err(Error::invalid("country", "must be an ISO 3166-1 alpha-2 code: two letters, e.g. GB, CN, US"));
        }
        let bytes = code.as_bytes();
        let code = CountryCode([bytes[0].to_ascii_uppercase(), bytes[1].to_ascii_uppercase()]);
        let profile = COVERED.iter().find(|p| code == p.code).unwrap_or(&PROXY);
        Ok(Country { code, profile })
    }

    /// Whether the country has a table of its own.
    pub fn covered(&self) -> bool {
        self.profile.code != PROXY.code
    }

    pub fn gb() -> Self {
        Country { code: CountryCode(*b"GB"), profile: &COVERED[0] }
    }
}

/// The ids of the covered countries.
pub fn covered() -> impl Iterator<Item = &'static str> {
    COVERED.iter().map(|p| p.code)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consolidation::pricing::settings::row_of;

    #[test]
    fn every_country_row_lies_in_the_setting_limits_and_does_not_depend_on_the_area() {
        for p in COVERED.iter().chain([&PROXY]) {
            for &(id, s, source) in p.rows {
                let row = row_of(id);
                assert!(row.by_area.is_none(), "{} {}: a country row would hide the area's", p.code, id.as_str());
                assert!(s.low <= s.central && s.central <= s.high, "{} {}", p.code, id.as_str());
                assert!(row.limits.0 <= s.low && s.high <= row.limits.1, "{} {}", p.code, id.as_str());
                assert!(!source.is_empty());
            }
            // A grid whose boundary is not the UK's carries an uplift row with a range.
            if p.grid.is_some() {
                assert!(p.row(Id::GridUplift).is_some_and(|r| r.1.has_range()), "{}", p.code);
            }
        }
        assert!(COVERED[0].rows.is_empty() && COVERED[0].grid.is_none(), "GB is the table's own defaults");
    }

    #[test]
    fn codes_are_checked_and_case_insensitive() {
        assert_eq!(Country::parse(Some("de")).unwrap().code.to_string(), "DE");
        assert!(Country::parse(Some("de")).unwrap().covered());
        let br = Country::parse(Some("br")).unwrap();
        assert_eq!((br.code.to_string().as_str(), br.covered()), ("BR", false));
        for bad in ["", "G", "G1", "GBR", "中国", "g "] {
            let e = Country::parse(Some(bad)).unwrap_err();
            assert_eq!(e.field(), "country", "{bad:?}");
        }
    }

    #[test]
    fn china_s_grid_row_is_co2_only_at_generation_and_says_so() {
        let cn = COVERED.iter().find(|p| p.code == "CN").unwrap().grid.unwrap();
        assert_eq!(cn.kg_per_kwh, 0.5306);
        assert!(cn.boundary.contains("CO2 only, at generation"));
        let f = cn.factor();
        assert_eq!(
            (f.id, f.year, f.label.as_str()),
            ("grid-cn-mee-2023", Some(2023), "China grid electricity (MEE 2023)")
        );
        assert!(f.note.contains("no T&D losses"));
    }
}
