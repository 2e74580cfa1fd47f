//! The factors that price each [`Mode`], and the settings that scale them.

use super::chain::{Mode, Part};
use super::settings::{Id, Settings, Spread, Values};
use crate::consolidation::scenarios::{Factors, Leg};
use crate::error::Result;
use crate::factors::Factor;
use crate::trace::Term;

/// The factor of each mode for one call.
pub struct Modes {
    pub van: Factor,
    pub hgv: Factor,
    pub car: Factor,
    pub walk: Factor,
    pub bike: Factor,
    pub electricity: Factor,
}

/// The DESNZ 2025 van size classes' WTW kg CO2e/km as a share of the average van: (Class I, Class III). Diesel:
/// Class I 0.15738 + 0.03746 (rows 5_303_3081_4_1, 28_906_3081_4_1), Class III 0.27878 + 0.06706 (5_303_3095_4_1,
/// 28_906_3095_4_1), average 0.31689. Petrol: Class I 0.20188 + 0.05614, Class III 0.33845 + 0.09783, average
/// 0.27518.
fn van_classes(id: &str) -> Option<(f64, f64)> {
    match id {
        "diesel-van" => Some(((0.15738 + 0.03746) / 0.31689, (0.27878 + 0.06706) / 0.31689)),
        "petrol-van" => Some(((0.20188 + 0.05614) / 0.27518, (0.33845 + 0.09783) / 0.27518)),
        _ => None,
    }
}

impl Modes {
    /// The factors by id (errors name `fields`: van, car, bike).
    pub fn new(factors: &Factors, van: (&str, &str), car: (&str, &str), bike: (&str, &str)) -> Result<Self> {
        Ok(Modes {
            van: factors.vehicle(van.0, van.1)?,
            hgv: factors.get("hgv-artic")?.clone(),
            car: factors.vehicle(car.0, car.1)?,
            walk: factors.get("walk")?.clone(),
            bike: factors.vehicle(bike.0, bike.1)?,
            electricity: factors.electricity()?,
        })
    }

    /// Fits the factor settings to the factors chosen: the van's size-class range and the country's van factor
    /// apply only to a DESNZ diesel or petrol van that was not overridden, the country's car factor only to a
    /// DESNZ fuelled car, the rider's food only to the table's e-cargo bike, and `grid.uplift` only to the
    /// country's grid (`country_grid`), not to one the caller gave.
    pub fn fit(&self, settings: &mut Settings, country_grid: bool) {
        match van_classes(self.van.id).filter(|_| self.van.source != "override") {
            Some((low, high)) => settings.default_to(Id::VanFactor, Spread::tri(low, 1.0, high)),
            None => {
                settings.know(Id::VanFactor, 1.0, None);
                settings.know(Id::VanCountry, 1.0, None);
            }
        }
        if !matches!(self.car.id, "petrol-car" | "diesel-car") || self.car.source == "override" {
            settings.know(Id::CarCountry, 1.0, None);
        }
        if self.bike.id != "e-cargo-bike" || self.bike.source == "override" {
            settings.know(Id::BikeFoodKgPerKm, 0.0, None);
        }
        if !country_grid {
            settings.know(Id::GridUplift, 1.0, None);
        }
    }

    /// The settings that scale a mode's factor: (`vanFactor` × `van.countryFactor`, or `car.countryFactor`) and
    /// `grid.uplift` for electricity (a site's, or an electric vehicle's); each is 1 where it does not apply.
    fn scale(&self, mode: Mode, v: &Values) -> (f64, f64) {
        let grid =
            if mode == Mode::Electricity || self.factor(mode).kwh_per_km.is_some() { v[Id::GridUplift] } else { 1.0 };
        let fleet = match mode {
            Mode::Van => v[Id::VanFactor] * v[Id::VanCountry],
            Mode::Car => v[Id::CarCountry],
            _ => 1.0,
        };
        (fleet, grid)
    }

    pub fn factor(&self, mode: Mode) -> &Factor {
        match mode {
            Mode::Van => &self.van,
            Mode::Hgv => &self.hgv,
            Mode::Car => &self.car,
            Mode::Walk => &self.walk,
            Mode::Bike => &self.bike,
            Mode::Electricity => &self.electricity,
        }
    }

    /// A part's kg CO2e with the settings `v`.
    pub fn kg(&self, part: &Part, v: &Values) -> f64 {
        let (fleet, grid) = self.scale(part.mode, v);
        let per_unit = match part.mode {
            Mode::Bike => self.bike.kg_per_unit * grid + v[Id::BikeFoodKgPerKm],
            mode => self.factor(mode).kg_per_unit * fleet * grid,
        };
        part.amount * per_unit
    }

    /// A part as a traced leg, with the settings `v` (the van's size class and the rider's food applied).
    pub fn leg(&self, factors: &Factors, part: &Part, v: &Values) -> Result<Leg> {
        let mut leg = factors.leg((part.element, part.name), self.factor(part.mode), part.amount, part.shopper)?;
        let scale = |leg: &mut Leg, k: f64| {
            leg.kg_co2e *= k;
            leg.ttw_kg = leg.ttw_kg.map(|x| x * k);
            leg.wtt_kg = leg.wtt_kg.map(|x| x * k);
            leg.litres = leg.litres.map(|x| x * k);
        };
        let (_, grid) = self.scale(part.mode, v);
        let ids: &[Id] = match part.mode {
            Mode::Van => &[Id::VanFactor, Id::VanCountry, Id::GridUplift],
            Mode::Car => &[Id::CarCountry, Id::GridUplift],
            _ => &[Id::GridUplift],
        };
        for &id in ids {
            let k = if id == Id::GridUplift { grid } else { v[id] };
            if k != 1.0 {
                scale(&mut leg, k);
                leg.trace.push(Term::new(id.as_str(), k, "× factor"));
            }
        }
        match part.mode {
            Mode::Bike if v[Id::BikeFoodKgPerKm] > 0.0 => {
                let food = part.amount * v[Id::BikeFoodKgPerKm];
                leg.kg_co2e += food;
                leg.wtt_kg = leg.wtt_kg.map(|x| x + food);
                leg.trace.push(Term::new(Id::BikeFoodKgPerKm.as_str(), v[Id::BikeFoodKgPerKm], "kg CO2e/km"));
            }
            _ => {}
        }
        Ok(leg)
    }
}
