//! One parcel at checkout: the g CO2e of each way of getting it to one shopper, in well under a millisecond.
//!
//! Each option is a chain of elements from the [registry](super::pricing::chain) (line-haul from the merchant's
//! depot, the carrier's hubs, the delivery round in the shopper's [`Area`], redeliveries and the shopper's own
//! trips), priced by the [engine](super::pricing::engine): the figure is the median of a seeded Monte Carlo over
//! the [settings table](super::pricing::settings), with a 90% interval, one-at-a-time sensitivities and the saving
//! against the baseline (`savingClear` only when the saving's interval lies on one side of zero).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::pricing::chain::{Checkout, Part, OPTIONS, OPTION_IDS};
use super::pricing::country::{Country, CountryCode};
use super::pricing::modes::Modes;
use super::pricing::settings::{Id, Settings};
use super::pricing::{engine, parcel_boundary, Area, Boundary, Range, Sensitivity, SettingUsed};
use super::scenarios::{Factors, Leg};
use super::LatLon;
use crate::error::{within, Error, Result};
use crate::factors::FactorOverride;
use crate::geo::haversine_km;

/// The heaviest parcel an e-cargo bike takes: an assumption (a large cargo bike's box carries about 100–250 kg in
/// all, but one parcel is handled by one rider).
pub const BIKE_MAX_PARCEL_KG: f64 = 25.0;

/// One shopper and the merchant's settings.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OptionsInput {
    /// Required.
    pub shopper: Option<LatLon>,
    /// The merchant's depot: the line-haul runs from here. Without it, `lineHaul.km`.
    pub depot: Option<LatLon>,
    /// The area the shopper's round serves; default `suburban` (the typical UK round).
    pub area: Option<Area>,
    /// The parcel's mass, 0 to 1,000 kg: sets `parcel.kg`, and whether a cargo bike can take it.
    pub weight_kg: Option<f64>,
    /// Vehicle-km factor id of the carrier's van; default `diesel-van`.
    pub vehicle: Option<String>,
    /// Default `petrol-car`.
    pub car: Option<String>,
    /// Default `e-cargo-bike`.
    pub bike: Option<String>,
    pub grid: Option<String>,
    pub grid_kg_per_kwh: Option<f64>,
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub factors: BTreeMap<String, FactorOverride>,
    /// Settings by id (the [settings table](super::pricing::settings)); a value given has no range.
    #[serde(default, deserialize_with = "crate::input::or_default")]
    pub settings: BTreeMap<String, f64>,
    /// The option savings are measured against; default `standard`.
    pub baseline: Option<String>,
    /// The country delivered in (ISO 3166-1 alpha-2, any case); default `GB`. Picks the country's defaults
    /// ([`country`](super::pricing::country)).
    pub country: Option<String>,
}

/// Every option, the baseline, the structural choices and settings used, and the boundary.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DeliveryOptions {
    /// [`OPTION_IDS`], in that order.
    pub options: Vec<DeliveryOption>,
    /// The id savings are measured against.
    pub baseline: &'static str,
    pub variants: Variants,
    pub boundary: Boundary,
    /// Every setting that moves a figure or was given, in table order.
    pub settings: Vec<SettingUsed>,
}

/// The structural choices a result used (named variants, not parameters).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Variants {
    /// `urban`, `suburban` or `rural`: which round the carrier drives.
    pub area: Area,
    /// `depot` (road km from the merchant's depot + the sort centre's detour) or `typical` (`lineHaul.km`).
    pub line_haul: &'static str,
    /// `weight` (the parcel's weight decides) or `share` (`cargoBike.bikeableShare`).
    pub bikeable: &'static str,
    /// The country asked for, in upper case.
    pub country: CountryCode,
    /// Whether the country has no table of its own, so that its defaults are proxies.
    pub country_proxy: bool,
}

/// One way of delivering the parcel.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeliveryOption {
    pub id: &'static str,
    /// Well-to-wheel g CO2e for this parcel: the median over the draws.
    pub g_co2e: f64,
    /// The interval around it, and the share of draws it covers.
    pub range: Range,
    /// The figure with every setting at its central value: what `legs` add up to.
    pub central_g: f64,
    /// The settings that move the figure, one at a time, largest swing first.
    pub sensitivity: Vec<Sensitivity>,
    /// (baseline − this) / baseline × 100, median over the draws; `None` when the baseline can be 0 g.
    pub saving_percent: Option<f64>,
    pub saving_range: Option<Range>,
    /// Whether the whole saving interval lies on one side of zero; else "no clear difference".
    pub saving_clear: bool,
    /// TTW and WTT, split as the central legs split.
    pub ttw_g: Option<f64>,
    pub wtt_g: Option<f64>,
    /// Delivery vehicles' km for this parcel at the central settings, line-haul and redeliveries included.
    pub vehicle_km: f64,
    /// The shopper's km at the central settings (expected: collections count as their share).
    pub shopper_km: f64,
    /// The chain, element by element, at the central settings.
    pub legs: Vec<Leg>,
}

/// The g CO2e per parcel of each way of delivering one parcel to one shopper.
///
/// ```
/// use green_delivery::consolidation::{delivery_options, LatLon, OptionsInput};
/// let r = delivery_options(&OptionsInput {
///     shopper: Some(LatLon { lat: 51.52, lon: -0.08 }),
///     depot: Some(LatLon { lat: 53.48, lon: -2.24 }), // Manchester
///     ..Default::default()
/// })
/// .unwrap();
/// let standard = r.options.iter().find(|o| o.id == "standard").unwrap();
/// assert!(standard.g_co2e < 1000.0); // a line-haul by HGV, not a 700 km van round
/// assert!(standard.range.low < standard.g_co2e && standard.g_co2e < standard.range.high);
/// assert!(standard.legs.iter().any(|l| l.element.as_str() == "line-haul"));
/// ```
pub fn delivery_options(input: &OptionsInput) -> Result<DeliveryOptions> {
    let shopper = input.shopper.ok_or_else(|| Error::required("shopper"))?.check("shopper")?;
    let depot = input.depot.map(|d| d.check("depot")).transpose()?;
    let baseline = super::pricing::baseline(input.baseline.as_deref(), &OPTION_IDS, "option")?;
    let weight = input.weight_kg.map(|w| within("weightKg", w, 0.0, super::limits::MAX_ORDER_WEIGHT_KG)).transpose()?;
    let country = Country::parse(input.country.as_deref())?;
    let depot_km = depot.map(|d| haversine_km(d.lat, d.lon, shopper.lat, shopper.lon));
    depot_km.map(|km| super::check_road_reach("shopper", km)).transpose()?;
    let area = input.area.unwrap_or_default();
    let mut settings = Settings::new(area, &country, &input.settings)?;
    let factors = Factors::new(&input.factors, input.grid.as_deref(), input.grid_kg_per_kwh, &country)?;
    let modes = Modes::new(
        &factors,
        ("vehicle", input.vehicle.as_deref().unwrap_or("diesel-van")),
        ("car", input.car.as_deref().unwrap_or("petrol-car")),
        ("bike", input.bike.as_deref().unwrap_or("e-cargo-bike")),
    )?;
    modes.fit(&mut settings, factors.country_grid());
    if let Some(kg) = weight {
        settings.know(Id::ParcelKg, kg, Some("weightKg"));
        let bikeable = if kg <= BIKE_MAX_PARCEL_KG { 1.0 } else { 0.0 };
        settings.know(Id::BikeableShare, bikeable, Some("weightKg, up to 25 kg by bike (assumption)"));
    }
    let checkout = Checkout { depot_km };
    let b = OPTION_IDS.iter().position(|o| *o == baseline).unwrap_or(2);

    let priced = engine::price(&settings, OPTIONS.len(), b, |v, out| {
        for (g, entry) in out.iter_mut().zip(&OPTIONS) {
            let mut kg = 0.0;
            (entry.chain)(v, &checkout, &mut |p: Part| kg += modes.kg(&p, v));
            *g = kg * 1000.0;
        }
    });
    let central = settings.central();
    let mut moved = Vec::new();
    let options = OPTIONS
        .iter()
        .zip(priced)
        .map(|(entry, p)| {
            let mut parts = Vec::new();
            (entry.chain)(&central, &checkout, &mut |part: Part| parts.push(part));
            let legs = parts.iter().map(|part| modes.leg(&factors, part, &central)).collect::<Result<Vec<Leg>>>()?;
            let split = |f: fn(&Leg) -> Option<f64>| {
                let kg: Option<f64> = legs.iter().map(f).sum();
                kg.map(|kg| if p.central > 0.0 { kg * 1000.0 / p.central * p.median } else { 0.0 })
            };
            moved.extend(p.sensitivity.iter().map(|s| s.setting));
            let (saving_percent, saving_range, saving_clear) = match p.saving {
                Some((m, r, clear)) => (Some(m), Some(r), clear),
                None => (None, None, false),
            };
            Ok(DeliveryOption {
                id: entry.id,
                g_co2e: p.median,
                range: p.range,
                central_g: p.central,
                sensitivity: p.sensitivity,
                saving_percent,
                saving_range,
                saving_clear,
                ttw_g: split(|l| l.ttw_kg),
                wtt_g: split(|l| l.wtt_kg),
                // + 0.0: an empty sum is −0 in Rust.
                vehicle_km: legs.iter().filter(|l| !l.shopper).map(|l| l.km).sum::<f64>() + 0.0,
                shopper_km: legs.iter().filter(|l| l.shopper).map(|l| l.km).sum::<f64>() + 0.0,
                legs,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let used = settings.used(&moved);
    Ok(DeliveryOptions {
        options,
        baseline,
        variants: Variants {
            area,
            line_haul: if depot.is_some() { "depot" } else { "typical" },
            bikeable: if weight.is_some() { "weight" } else { "share" },
            country_proxy: !country.covered(),
            country: country.code,
        },
        boundary: parcel_boundary(),
        settings: settings.report(&used),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::consolidation::pricing::chain::collection_car_km;
    use crate::consolidation::pricing::{Element, SettingUsed};
    use crate::error::Code;

    fn at(lat: f64, lon: f64) -> Option<LatLon> {
        Some(LatLon { lat, lon })
    }

    fn input() -> OptionsInput {
        OptionsInput { shopper: at(51.52, -0.08), ..Default::default() }
    }

    fn option<'a>(r: &'a DeliveryOptions, id: &str) -> &'a DeliveryOption {
        r.options.iter().find(|o| o.id == id).unwrap()
    }

    /// Every setting known at its central value: the figure is then the closed form, with no spread.
    fn known(mut i: OptionsInput) -> OptionsInput {
        let s = Settings::new(i.area.unwrap_or_default(), &Country::gb(), &BTreeMap::new()).unwrap();
        for id in Id::ALL {
            i.settings.entry(id.as_str().to_owned()).or_insert(s.spread(*id).central);
        }
        i
    }

    #[test]
    fn closed_form_known_answers() {
        // No depot: line-haul 150 km × 2 kg by artic; hubs 0.02 kWh each on the UK grid; the suburban round
        // (S 17.87, R 100, D 45); failures 2.77%, 20% collected at once.
        let r = delivery_options(&known(input())).unwrap();
        let (van, car, hgv, grid) = (0.31689, 0.20871, 0.078 + 0.01823, 0.177 + 0.01853 + 0.0459 + 0.00397);
        let line_haul = 0.002 * 150.0 * hgv;
        let hubs = 2.0 * 0.02 * grid;
        let (f, c) = (0.0277, 0.2);
        let trip = 2.0 * 8.0 * 0.6 * 0.7 * (0.5 + 0.5 * 0.13) * car;
        let fail = |in_area: f64, per_km: f64| f * (1.0 - c) * 0.5 * in_area * per_km + f * (c + (1.0 - c) * f) * trip;
        let standard = line_haul + hubs + (2.0 * 17.87 + 45.0) / 100.0 * van + fail(0.45, van);
        let close = |id: &str, kg: f64| {
            let o = option(&r, id);
            assert!((o.g_co2e / (kg * 1000.0) - 1.0).abs() < 1e-9, "{id}: {} vs {}", o.g_co2e, kg * 1000.0);
            assert_eq!((o.range.low, o.range.high), (o.g_co2e, o.g_co2e), "{id}");
            assert!(o.sensitivity.is_empty());
        };
        close("standard", standard);
        close("nextDay", standard);
        let pickup = line_haul + hubs + (2.0 * 17.87 + 45.0 / 10f64.sqrt()) / 100.0 * van;
        close("pickupWalk", pickup);
        close("pickupCar", pickup + 2.0 * 2.0 * 0.7 * car);
        let locker = line_haul
            + hubs
            + 0.03 * grid
            + (2.0 * 17.87 + 45.0 / 30f64.sqrt()) / 100.0 * van
            + 2.0 * 1.0 * 0.3 * 0.7 * car;
        close("locker", locker);
        let p = 5.0;
        let in_area = 45.0 * (p / 100.0f64).sqrt() / p;
        close("sameDayCourier", line_haul + 0.02 * grid + (2.0 * 8.0 / p + in_area) * van + fail(in_area, van));
        let k: f64 = 1.25;
        let in_area = 45.0 * k.sqrt() / (k * 100.0);
        close("consolidated", line_haul + hubs + (2.0 * 17.87 / (k * 100.0) + in_area) * van + fail(in_area, van));
        let bike = 0.5 * (2.0 * 17.87 / 100.0 * van + 0.02 * grid + 0.45 * 0.0045)
            + 0.5 * f * (1.0 - c) * 0.5 * 0.45 * 0.0045
            + 0.5 * f * (c + (1.0 - c) * f) * trip
            + 0.5 * ((2.0 * 17.87 + 45.0) / 100.0 * van + fail(0.45, van));
        close("cargoBike", line_haul + hubs + bike);
        assert!(
            (collection_car_km(&Settings::new(Area::Suburban, &Country::gb(), &BTreeMap::new()).unwrap().central())
                - 2.0 * 8.0 * 0.6 * 0.7 * 0.565)
                .abs()
                < 1e-12
        );
    }

    #[test]
    fn every_leg_names_its_element_and_the_legs_add_up_to_the_central_figure() {
        let r = delivery_options(&OptionsInput { depot: at(53.48, -2.24), ..input() }).unwrap();
        for o in &r.options {
            let sum: f64 = o.legs.iter().map(|l| l.kg_co2e).sum::<f64>() * 1000.0;
            assert!((sum / o.central_g - 1.0).abs() < 1e-9, "{}", o.id);
            assert_eq!(o.legs[0].element, Element::LineHaul, "{}", o.id);
            assert!(o.legs.iter().any(|l| l.element == Element::DeliveryRound), "{}", o.id);
            assert!(o.range.low < o.g_co2e && o.g_co2e < o.range.high, "{}: {:?}", o.id, o.range);
            assert_eq!(o.range.coverage, 0.9);
            let (ttw, wtt) = (o.ttw_g.unwrap(), o.wtt_g.unwrap());
            assert!((ttw + wtt - o.g_co2e).abs() < 1e-9 * o.g_co2e, "{}", o.id);
        }
        assert_eq!(r.variants.line_haul, "depot");
        assert_eq!(r.boundary.functional_unit, "parcel-delivered");
    }

    #[test]
    fn a_distant_merchant_costs_a_line_haul_not_a_van_round() {
        let from = |lat, lon| delivery_options(&OptionsInput { depot: at(lat, lon), ..input() }).unwrap();
        let local = from(51.53, -0.1);
        let manchester = from(53.48, -2.24);
        let edinburgh = from(55.95, -3.19);
        for id in OPTION_IDS {
            let (l, m, e) = (option(&local, id).g_co2e, option(&manchester, id).g_co2e, option(&edinburgh, id).g_co2e);
            assert!(m > l && e > m, "{id}: {l} {m} {e}");
            assert!(m < 1.6 * l, "{id}: Manchester {m} g vs local {l} g");
            assert!(e < 3000.0, "{id}: {e} g from Edinburgh");
        }
    }

    #[test]
    fn next_day_is_the_standard_network_and_same_day_costs_more() {
        let r = delivery_options(&input()).unwrap();
        assert_eq!(option(&r, "nextDay").g_co2e, option(&r, "standard").g_co2e);
        assert!(!option(&r, "nextDay").saving_clear);
        assert!(option(&r, "sameDayCourier").g_co2e > option(&r, "standard").g_co2e);
        assert_eq!(option(&r, "standard").saving_percent, Some(0.0));
    }

    #[test]
    fn denser_areas_cost_less_per_parcel() {
        let g =
            |area| option(&delivery_options(&OptionsInput { area: Some(area), ..input() }).unwrap(), "standard").g_co2e;
        assert!(g(Area::Urban) < g(Area::Suburban) && g(Area::Suburban) < g(Area::Rural));
    }

    #[test]
    fn a_heavy_parcel_is_not_bikeable_and_its_mass_drives_the_line_haul() {
        let with = |kg| {
            let mut i = known(input());
            i.settings.remove("parcel.kg");
            i.settings.remove("cargoBike.bikeableShare");
            delivery_options(&OptionsInput { weight_kg: Some(kg), ..i }).unwrap()
        };
        let (light, heavy) = (with(1.0), with(30.0));
        let bikes = |r: &DeliveryOptions| option(r, "cargoBike").legs.iter().any(|l| l.name == "bikes");
        assert!(bikes(&light) && !bikes(&heavy));
        assert_eq!(heavy.variants.bikeable, "weight");
        // What the weight fixed is reported, with where it comes from, so that the words can say it.
        let reported =
            |r: &DeliveryOptions, id: &str| r.settings.iter().find(|s| s.id == id).map(|s| (s.value, s.source));
        assert_eq!(reported(&heavy, "parcel.kg"), Some((30.0, "weightKg")));
        assert_eq!(reported(&heavy, "cargoBike.bikeableShare").map(|s| s.0), Some(0.0));
        let trunk = |r: &DeliveryOptions| option(r, "standard").legs[0].kg_co2e;
        assert!((trunk(&heavy) / trunk(&light) - 30.0).abs() < 1e-9);
    }

    #[test]
    fn the_baseline_is_chosen_by_id_and_errors_name_the_field() {
        let r = delivery_options(&OptionsInput { baseline: Some("sameDayCourier".into()), ..input() }).unwrap();
        assert_eq!(r.baseline, "sameDayCourier");
        let locker = option(&r, "locker");
        assert!(locker.saving_clear && locker.saving_range.unwrap().low > 0.0);
        let err = |i: OptionsInput| delivery_options(&i).unwrap_err();
        let e = err(OptionsInput { baseline: Some("express".into()), ..input() });
        assert_eq!((e.code(), e.field()), (Code::UnknownId, "baseline"));
        assert_eq!(err(OptionsInput::default()).to_string(), "shopper: required");
        let e = err(OptionsInput { settings: [("round.parcels".into(), 0.0)].into(), ..input() });
        assert_eq!((e.code(), e.field()), (Code::OutOfRange, "settings.round.parcels"));
        let e = err(OptionsInput { weight_kg: Some(f64::NAN), ..input() });
        assert_eq!(e.field(), "weightKg");
        assert!(err(OptionsInput { vehicle: Some("tank".into()), ..input() })
            .to_string()
            .starts_with("vehicle: unknown"));
    }

    #[test]
    fn given_settings_are_reported_as_input_and_unmoving_ones_are_left_out() {
        let r =
            delivery_options(&OptionsInput { settings: [("failures.rate".into(), 0.05)].into(), ..input() }).unwrap();
        let rate = r.settings.iter().find(|s| s.id == "failures.rate").unwrap();
        assert_eq!((rate.value, rate.low, rate.high, rate.source), (0.05, 0.05, 0.05, "input"));
        // Without a depot the detour does not matter, so it is not listed.
        assert!(r.settings.iter().all(|s| s.id != "lineHaul.detourKm"));
        assert!(r.settings.iter().any(|s| s.id == "lineHaul.km"));
    }

    fn in_country(code: &str, shopper: Option<LatLon>, depot: Option<LatLon>) -> OptionsInput {
        OptionsInput { shopper, depot, country: Some(code.into()), ..Default::default() }
    }

    fn setting<'a>(r: &'a DeliveryOptions, id: &str) -> &'a SettingUsed {
        r.settings.iter().find(|s| s.id == id).unwrap_or_else(|| panic!("{id} not listed"))
    }

    #[test]
    fn gb_given_or_not_gives_the_same_figures() {
        let depot = at(51.53, -0.1);
        let none = delivery_options(&OptionsInput { depot, ..input() }).unwrap();
        for code in ["GB", "gb"] {
            let gb = delivery_options(&in_country(code, at(51.52, -0.08), depot)).unwrap();
            assert_eq!(gb.options, none.options, "{code}");
            assert_eq!(gb.settings, none.settings, "{code}");
        }
        assert!(none.settings.iter().all(|s| s.country.is_none_or(|c| c == "GB") && !s.proxy));
        assert_eq!((none.variants.country.to_string().as_str(), none.variants.country_proxy), ("GB", false));
        // The rows a country changes are 1 and not listed in the UK.
        assert!(none
            .settings
            .iter()
            .all(|s| !matches!(s.id, "grid.uplift" | "van.countryFactor" | "car.countryFactor")));
    }

    #[test]
    fn a_beijing_shopper_is_priced_on_chinese_defaults() {
        let r = delivery_options(&in_country("cn", at(39.9042, 116.4074), at(39.95, 116.30))).unwrap();
        assert_eq!((r.variants.country.to_string().as_str(), r.variants.country_proxy), ("CN", false));
        let uplift = setting(&r, "grid.uplift");
        assert_eq!((uplift.country, uplift.proxy, uplift.value), (Some("CN"), false, 1.169));
        assert!(uplift.source.contains("0.6205"));
        let locker = setting(&r, "locker.km");
        assert_eq!((locker.country, locker.value), (Some("CN"), 0.2));
        // No Chinese value for the round: the UK's, flagged as a proxy.
        let round = setting(&r, "round.parcels");
        assert_eq!((round.country, round.proxy), (Some("GB"), true));
        // The hubs run on China's grid, and the trace names its factor.
        let standard = option(&r, "standard");
        let hub = standard.legs.iter().find(|l| l.name == "sortCentre").unwrap();
        assert_eq!(hub.factor, "grid-cn-mee-2023");
        assert!(hub.trace.iter().any(|t| t.name == "grid.uplift"));
        let gb = delivery_options(&OptionsInput {
            depot: at(39.95, 116.30),
            ..in_country("GB", at(39.9042, 116.4074), None)
        })
        .unwrap();
        let kg =
            |r: &DeliveryOptions| option(r, "standard").legs.iter().find(|l| l.name == "sortCentre").unwrap().kg_co2e;
        assert!(kg(&r) > 2.0 * kg(&gb), "CN grid {} vs UK grid {}", kg(&r), kg(&gb));
    }

    #[test]
    fn an_electric_van_emits_less_in_france_than_in_china() {
        let g = |code: &str| {
            let i = OptionsInput {
                vehicle: Some("electric-van".into()),
                ..in_country(code, at(48.85, 2.35), at(48.9, 2.3))
            };
            option(&delivery_options(&i).unwrap(), "standard").g_co2e
        };
        let (fr, cn, de) = (g("FR"), g("CN"), g("DE"));
        assert!(fr < de && de < cn, "FR {fr} DE {de} CN {cn}");
        assert!(fr < 0.3 * cn, "FR {fr} vs CN {cn}");
    }

    #[test]
    fn a_german_shopper_gets_german_defaults() {
        let r = delivery_options(&in_country("DE", at(52.52, 13.405), at(52.45, 13.3))).unwrap();
        let grid = option(&r, "locker").legs.iter().find(|l| l.name == "locker").unwrap();
        assert_eq!(grid.factor, "grid-de-uba-2023");
        assert_eq!(setting(&r, "pickup.km").country, Some("DE"));
        assert_eq!(setting(&r, "van.countryFactor").country, Some("DE"));
        assert_eq!(setting(&r, "failures.rate").country, Some("GB"));
        assert!(setting(&r, "failures.rate").proxy);
    }

    #[test]
    fn japan_s_failure_rate_is_mlit_s() {
        let r = delivery_options(&in_country("JP", at(35.68, 139.76), at(35.6, 139.7))).unwrap();
        let f = setting(&r, "failures.rate");
        assert_eq!((f.value, f.country), (0.102, Some("JP")));
        assert!(f.source.starts_with("MLIT"));
    }

    #[test]
    fn an_uncovered_country_gets_proxies_and_says_so() {
        let r = delivery_options(&in_country("br", at(-23.55, -46.63), at(-23.6, -46.7))).unwrap();
        assert_eq!((r.variants.country.to_string().as_str(), r.variants.country_proxy), ("BR", true));
        assert!(r.settings.iter().all(|s| s.proxy || s.country.is_none()), "every default is a proxy in BR");
        assert_eq!(setting(&r, "grid.uplift").country, Some("world"));
        let hub = option(&r, "standard").legs.iter().find(|l| l.name == "sortCentre").unwrap();
        assert_eq!(hub.factor, "grid-world");
        // Wider than the UK's: the proxy's line-haul, failure rate and grid have ranges of their own.
        assert!(setting(&r, "failures.rate").high > 0.0921);
    }

    #[test]
    fn a_grid_the_caller_gives_is_used_as_given() {
        let i = OptionsInput { grid_kg_per_kwh: Some(0.1), ..in_country("CN", at(39.9, 116.4), at(39.95, 116.3)) };
        let r = delivery_options(&i).unwrap();
        assert!(r.settings.iter().all(|s| s.id != "grid.uplift"));
        let hub = option(&r, "standard").legs.iter().find(|l| l.name == "sortCentre").unwrap();
        assert!((hub.kg_co2e - 0.02 * 0.1).abs() < 1e-12);
    }

    #[test]
    fn a_bad_country_and_an_unreachable_shopper_are_errors_naming_the_field() {
        for bad in ["CHN", "1A", "", "中"] {
            let e = delivery_options(&in_country(bad, at(39.9, 116.4), None)).unwrap_err();
            assert_eq!((e.code(), e.field()), (Code::Invalid, "country"), "{bad:?}");
        }
        // London depot, Beijing shopper: 8,100 km, no road leg.
        let e = delivery_options(&in_country("CN", at(39.9042, 116.4074), at(51.53, -0.1))).unwrap_err();
        assert_eq!((e.code(), e.field()), (Code::OutOfRange, "shopper"));
        assert!(e.to_string().contains("no road reaches it"), "{e}");
        // Miami to Seattle, the longest US road line-haul, is priced.
        assert!(delivery_options(&in_country("US", at(47.61, -122.33), at(25.76, -80.19))).is_ok());
    }

    #[test]
    fn no_result_holds_minus_zero() {
        let r = delivery_options(&OptionsInput {
            shopper: at(-0.0, -0.0),
            depot: at(-0.0, -0.0),
            factors: [("diesel-van".into(), FactorOverride::total(0.0))].into(),
            ..Default::default()
        })
        .unwrap();
        let json = format!("{r:?}");
        assert!(!json.contains("-0.0"), "{json}");
    }
}

#[cfg(test)]
mod input_tests {
    use crate::input::{from_value, Value};

    #[test]
    fn a_setting_of_the_wrong_type_is_named_by_its_id() {
        let v = Value::Object(vec![
            (
                "shopper".into(),
                Value::Object(vec![("lat".into(), Value::Number(51.5)), ("lon".into(), Value::Number(0.0))]),
            ),
            ("settings".into(), Value::Object(vec![("pickup.km".into(), Value::Text("far".into()))])),
        ]);
        let e = from_value::<super::OptionsInput>(v).unwrap_err();
        assert_eq!(e.field(), "settings.pickup.km", "{e}");
    }
}
