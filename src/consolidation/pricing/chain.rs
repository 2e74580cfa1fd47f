//! The chain's elements, and the registry of checkout options written as lists of them.
//!
//! Every option is a function that emits [`Part`]s: an element, the vehicle or site that does the work, and the
//! amount in that factor's unit (km, tonne-km or kWh) for one parcel. The engine sums the parts' kg in each
//! Monte Carlo draw; the trace turns the same parts, at the central settings, into legs. So a figure and its trace
//! cannot disagree.
//!
//! | option | line-haul | hubs | delivery round (van km per parcel unless said) | customer trip |
//! |---|---|---|---|---|
//! | `sameDayCourier` | yes | courier's local hub | (2·Sₛ + D·√(P/R)) / P: a courier run of P parcels from a local hub | failures |
//! | `nextDay` | yes | sort centre, delivery depot | as `standard`: next-day is the carriers' normal network (IMRG: 62.5% of UK parcels) | failures |
//! | `standard` | yes | sort centre, delivery depot | (2·S + D) / R | failures |
//! | `consolidated` | yes | sort centre, delivery depot | (2·S + D·√k) / (k·R): a fixed day fills rounds k times | failures |
//! | `pickupWalk` | yes | sort centre, delivery depot | (2·S + D/√s) / R: s parcels a stop | 2·p km on foot |
//! | `pickupCar` | yes | sort centre, delivery depot | as `pickupWalk` | 2·p km by car, less chained trips |
//! | `locker` | yes | sort centre, delivery depot, locker | (2·S + D/√l) / R | 2·q km, a car share, less chained trips |
//! | `cargoBike` | yes | sort centre, delivery depot, micro-hub | bikeable share b: 2·S / R by van to the micro-hub, then D / R by e-cargo bike; the rest as `standard` | failures |
//!
//! S = `round.stemKm` (the carrier's delivery depot to the round), R = `round.parcels`, D = `round.km` (driven in
//! the area), drawn together by area. A round of n parcels over the same area drives D·√(n/R)
//! (Beardwood–Halton–Hammersley). Line-haul is the parcel's mass × (road km from the merchant's depot to the
//! shopper + the sort centre's detour) by articulated HGV per tonne-km; without a depot, `lineHaul.km`.
//!
//! Failed first attempts (home deliveries only): of a rate f, a share c is collected by the shopper at once; the
//! rest are re-attempted, each as one more stop on a round that runs anyway (½·D/R: the marginal km of a stop,
//! not an average share), and a re-attempt fails again at the rate f and is then collected. A collection is a
//! trip of 2 × `failures.collectKm` by car for `failures.collectCarShare` of shoppers, less chained trips; at a
//! collection point (`failures.collectionPointShare`) it emits 13% of a depot trip (Edwards et al. 2010).

use serde::Serialize;

use super::settings::{Id, Values};

/// An element of the transport chain (ISO 14083's transport chain elements; hubs are elements too).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Element {
    /// From the merchant to the carrier's delivery depot, via its sort centre.
    LineHaul,
    /// A logistics site: sort centre, delivery depot, micro-hub, locker.
    Hub,
    /// The last mile: the stem from the depot (or hub) and the km driven between stops.
    DeliveryRound,
    /// Re-attempts of failed first deliveries.
    Redelivery,
    /// Shoppers' own trips: to a pickup point or locker, or to collect a failed parcel.
    CustomerTrip,
    /// The parcel's packaging, cradle to grave.
    Packaging,
}

impl Element {
    pub fn as_str(self) -> &'static str {
        match self {
            Element::LineHaul => "line-haul",
            Element::Hub => "hub",
            Element::DeliveryRound => "delivery-round",
            Element::Redelivery => "redelivery",
            Element::CustomerTrip => "customer-trip",
            Element::Packaging => "packaging",
        }
    }
}

/// What does the work of a part, and so which factor prices it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The delivery van (per km), × `vanFactor`.
    Van,
    /// The trunk HGV (per tonne-km).
    Hgv,
    /// The shopper's car (per km).
    Car,
    /// The shopper on foot (0 g).
    Walk,
    /// The e-cargo bike (per km), + `bike.foodKgPerKm`.
    Bike,
    /// A site's electricity (per kWh).
    Electricity,
}

/// One element's work for one parcel (or for the whole of a merchant's orders).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Part {
    pub element: Element,
    /// What it is within the element: `trunk`, `sortCentre`, `vans`, `bikes`, `collection`…
    pub name: &'static str,
    pub mode: Mode,
    /// In the factor's unit: km, tonne-km or kWh.
    pub amount: f64,
    /// Shoppers' own travel (else the carrier's or merchant's).
    pub shopper: bool,
}

impl Part {
    pub fn new(element: Element, name: &'static str, mode: Mode, amount: f64) -> Self {
        Part { element, name, mode, amount, shopper: element == Element::CustomerTrip }
    }
}

/// A collection point's trip emits this share of a trip to the carrier's depot (Edwards et al. 2010, TRR 2191:
/// Royal Mail Local Collect post offices, 13%).
pub const COLLECTION_POINT_RATIO: f64 = 0.13;

/// What one checkout call knows besides the settings.
#[derive(Debug, Clone, Copy)]
pub struct Checkout {
    /// Great-circle km from the merchant's depot to the shopper, when the depot is known.
    pub depot_km: Option<f64>,
}

/// The parcel's line-haul, merchant to delivery depot via the sort centre.
pub fn line_haul(v: &Values, depot_km: Option<f64>, emit: &mut dyn FnMut(Part)) {
    let km = match depot_km {
        Some(gc) => gc * v[Id::RoadFactor] + v[Id::LineHaulDetourKm],
        None => v[Id::LineHaulKm],
    };
    emit(Part::new(Element::LineHaul, "trunk", Mode::Hgv, v[Id::ParcelKg] / 1000.0 * km));
}

/// The carrier's network sites: the sort centre and the delivery depot.
fn network_hubs(v: &Values, emit: &mut dyn FnMut(Part)) {
    emit(Part::new(Element::Hub, "sortCentre", Mode::Electricity, v[Id::HubKwhPerParcel]));
    emit(Part::new(Element::Hub, "deliveryDepot", Mode::Electricity, v[Id::HubKwhPerParcel]));
}

/// Km per parcel of a round of `n` parcels over the carrier's area: (2·S + D·√(n/R)) / n, and its in-area part.
fn round_km(v: &Values, n: f64) -> (f64, f64) {
    let in_area = v[Id::RoundKm] * (n / v[Id::RoundParcels]).sqrt() / n;
    (2.0 * v[Id::RoundStemKm] / n + in_area, in_area)
}

/// One shopper's collection trip, in car km (chaining, the car share and collection points applied).
pub fn collection_car_km(v: &Values) -> f64 {
    let point = v[Id::CollectionPointShare];
    2.0 * v[Id::CollectKm]
        * v[Id::CollectCarShare]
        * (1.0 - v[Id::TripChainedShare])
        * (1.0 - point + point * COLLECTION_POINT_RATIO)
}

/// Failed first attempts of `parcels` home-delivered parcels whose round drives `in_area` km per parcel between
/// stops by `mode` (module docs).
pub fn failures(v: &Values, parcels: f64, in_area: f64, mode: Mode, emit: &mut dyn FnMut(Part)) {
    let (f, c) = (v[Id::FailureRate], v[Id::CollectShare]);
    let reattempted = parcels * f * (1.0 - c);
    if reattempted > 0.0 {
        emit(Part::new(
            Element::Redelivery,
            if mode == Mode::Bike { "bikes" } else { "vans" },
            mode,
            reattempted * 0.5 * in_area,
        ));
    }
    let collected = parcels * f * (c + (1.0 - c) * f);
    if collected > 0.0 {
        emit(Part::new(Element::CustomerTrip, "collection", Mode::Car, collected * collection_car_km(v)));
    }
}

/// A parcel on the carrier's standard network, from the depot on.
fn standard_round(v: &Values, share: f64, emit: &mut dyn FnMut(Part)) {
    let (km, in_area) = round_km(v, v[Id::RoundParcels]);
    emit(Part::new(Element::DeliveryRound, "vans", Mode::Van, share * km));
    failures(v, share, in_area, Mode::Van, emit);
}

/// A pickup trip of `km` one way, by car for `car_share` of shoppers, less chained trips; the rest on foot.
fn pickup_trip(v: &Values, km: f64, car_share: f64, emit: &mut dyn FnMut(Part)) {
    if car_share < 1.0 {
        emit(Part::new(Element::CustomerTrip, "walk", Mode::Walk, 2.0 * km * (1.0 - car_share)));
    }
    if car_share > 0.0 {
        emit(Part::new(
            Element::CustomerTrip,
            "car",
            Mode::Car,
            2.0 * km * car_share * (1.0 - v[Id::TripChainedShare]),
        ));
    }
}

fn same_day_courier(v: &Values, c: &Checkout, emit: &mut dyn FnMut(Part)) {
    line_haul(v, c.depot_km, emit);
    emit(Part::new(Element::Hub, "localHub", Mode::Electricity, v[Id::HubKwhPerParcel]));
    let p = v[Id::SameDayParcelsPerRun];
    let in_area = v[Id::RoundKm] * (p / v[Id::RoundParcels]).sqrt() / p;
    emit(Part::new(Element::DeliveryRound, "courier", Mode::Van, 2.0 * v[Id::SameDayStemKm] / p + in_area));
    failures(v, 1.0, in_area, Mode::Van, emit);
}

fn standard(v: &Values, c: &Checkout, emit: &mut dyn FnMut(Part)) {
    line_haul(v, c.depot_km, emit);
    network_hubs(v, emit);
    standard_round(v, 1.0, emit);
}

fn consolidated(v: &Values, c: &Checkout, emit: &mut dyn FnMut(Part)) {
    line_haul(v, c.depot_km, emit);
    network_hubs(v, emit);
    let (km, in_area) = round_km(v, v[Id::RoundParcels] * v[Id::ConsolidatedFill]);
    emit(Part::new(Element::DeliveryRound, "vans", Mode::Van, km));
    failures(v, 1.0, in_area, Mode::Van, emit);
}

/// A van round dropping `per_stop` parcels at each stop: its stops are 1/per_stop as many over the same area.
fn drop_round(v: &Values, per_stop: f64, emit: &mut dyn FnMut(Part)) {
    let km = (2.0 * v[Id::RoundStemKm] + v[Id::RoundKm] / per_stop.sqrt()) / v[Id::RoundParcels];
    emit(Part::new(Element::DeliveryRound, "vans", Mode::Van, km));
}

fn pickup(v: &Values, c: &Checkout, car_share: f64, emit: &mut dyn FnMut(Part)) {
    line_haul(v, c.depot_km, emit);
    network_hubs(v, emit);
    drop_round(v, v[Id::PickupParcelsPerStop], emit);
    pickup_trip(v, v[Id::PickupKm], car_share, emit);
}

fn pickup_walk(v: &Values, c: &Checkout, emit: &mut dyn FnMut(Part)) {
    pickup(v, c, 0.0, emit);
}

fn pickup_car(v: &Values, c: &Checkout, emit: &mut dyn FnMut(Part)) {
    pickup(v, c, 1.0, emit);
}

fn locker(v: &Values, c: &Checkout, emit: &mut dyn FnMut(Part)) {
    line_haul(v, c.depot_km, emit);
    network_hubs(v, emit);
    emit(Part::new(Element::Hub, "locker", Mode::Electricity, v[Id::LockerKwhPerParcel]));
    drop_round(v, v[Id::LockerParcelsPerStop], emit);
    pickup_trip(v, v[Id::LockerKm], v[Id::LockerCarShare], emit);
}

fn cargo_bike(v: &Values, c: &Checkout, emit: &mut dyn FnMut(Part)) {
    line_haul(v, c.depot_km, emit);
    network_hubs(v, emit);
    let b = v[Id::BikeableShare];
    if b > 0.0 {
        let r = v[Id::RoundParcels];
        emit(Part::new(Element::DeliveryRound, "feeder", Mode::Van, b * 2.0 * v[Id::RoundStemKm] / r));
        emit(Part::new(Element::Hub, "microHub", Mode::Electricity, b * v[Id::HubKwhPerParcel]));
        emit(Part::new(Element::DeliveryRound, "bikes", Mode::Bike, b * v[Id::RoundKm] / r));
        failures(v, b, v[Id::RoundKm] / r, Mode::Bike, emit);
    }
    if b < 1.0 {
        standard_round(v, 1.0 - b, emit);
    }
}

/// One registry entry: an option (`C` = [`Checkout`]) or a scenario (`C` = [`Merchant`]), its id and its chain.
pub struct Entry<C> {
    pub id: &'static str,
    pub chain: fn(&Values, &C, &mut dyn FnMut(Part)),
}

/// The ids of a registry, in its order.
const fn ids<C, const N: usize>(entries: &[Entry<C>; N]) -> [&'static str; N] {
    let mut ids = [""; N];
    let mut i = 0;
    while i < N {
        ids[i] = entries[i].id;
        i += 1;
    }
    ids
}

/// The registry of checkout options, in the order results list them.
pub const OPTIONS: [Entry<Checkout>; 8] = [
    Entry { id: "sameDayCourier", chain: same_day_courier },
    Entry { id: "nextDay", chain: standard },
    Entry { id: "standard", chain: standard },
    Entry { id: "consolidated", chain: consolidated },
    Entry { id: "pickupWalk", chain: pickup_walk },
    Entry { id: "pickupCar", chain: pickup_car },
    Entry { id: "locker", chain: locker },
    Entry { id: "cargoBike", chain: cargo_bike },
];

/// What a merchant's planned rounds drove (at the central road factor), for [`SCENARIOS`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Merchant {
    /// Parcels in all.
    pub parcels: f64,
    /// The road factor the rounds were measured with: draws scale road km by `roadFactor` / this.
    pub road: f64,
    /// Σ parcels × great-circle km from the depot to each order (the carrier's line-haul).
    pub parcel_gc_km: f64,
    pub dedicated_km: f64,
    pub consolidated_km: f64,
    pub pickup_van_km: f64,
    /// Shoppers' one-way km to their pickup points, all orders.
    pub pickup_one_way_km: f64,
    /// Whether `pickup_one_way_km` was given (so not scaled by the road factor).
    pub pickup_km_given: bool,
    /// Shares of shoppers cycling to a pickup point (walk takes what car and cycle leave).
    pub cycle_share: f64,
    pub trunk_km: f64,
    pub bike_km: f64,
}

/// The merchant's own vans and bikes start at its depot (no line-haul, and its depot is warehousing); a failed
/// delivery is re-attempted as one more stop, half of the rounds' km per parcel.
fn own_round(v: &Values, m: &Merchant, name: &'static str, km: f64, mode: Mode, emit: &mut dyn FnMut(Part)) {
    let km = km * v[Id::RoadFactor] / m.road;
    emit(Part::new(Element::DeliveryRound, name, mode, km));
    failures(v, m.parcels, km / m.parcels, mode, emit);
}

fn dedicated(v: &Values, m: &Merchant, emit: &mut dyn FnMut(Part)) {
    // A re-attempt is another dedicated trip: twice the half-share `failures` charges.
    let km = m.dedicated_km * v[Id::RoadFactor] / m.road;
    emit(Part::new(Element::DeliveryRound, "vans", Mode::Van, km));
    failures(v, m.parcels, 2.0 * km / m.parcels, Mode::Van, emit);
}

fn own_consolidated(v: &Values, m: &Merchant, emit: &mut dyn FnMut(Part)) {
    own_round(v, m, "vans", m.consolidated_km, Mode::Van, emit);
}

fn own_pickup(v: &Values, m: &Merchant, emit: &mut dyn FnMut(Part)) {
    emit(Part::new(Element::DeliveryRound, "vans", Mode::Van, m.pickup_van_km * v[Id::RoadFactor] / m.road));
    let trip = 2.0 * m.pickup_one_way_km * if m.pickup_km_given { 1.0 } else { v[Id::RoadFactor] / m.road };
    let car = v[Id::PickupCarShare];
    emit(Part::new(Element::CustomerTrip, "walk", Mode::Walk, trip * (1.0 - car - m.cycle_share).max(0.0)));
    emit(Part::new(Element::CustomerTrip, "cycle", Mode::Walk, trip * m.cycle_share));
    emit(Part::new(Element::CustomerTrip, "car", Mode::Car, trip * car * (1.0 - v[Id::TripChainedShare])));
}

fn own_cargo_bike(v: &Values, m: &Merchant, emit: &mut dyn FnMut(Part)) {
    let b = v[Id::BikeableShare];
    if b > 0.0 {
        let road = v[Id::RoadFactor] / m.road;
        emit(Part::new(Element::DeliveryRound, "feeder", Mode::Van, b * m.trunk_km * road));
        emit(Part::new(Element::Hub, "microHub", Mode::Electricity, b * m.parcels * v[Id::HubKwhPerParcel]));
        // Fewer stops over the same area: √b of the km (Beardwood–Halton–Hammersley).
        let km = b.sqrt() * m.bike_km * road;
        emit(Part::new(Element::DeliveryRound, "bikes", Mode::Bike, km));
        failures(v, b * m.parcels, km / (b * m.parcels), Mode::Bike, emit);
    }
    if b < 1.0 {
        // Parcels too big for a bike ride in the merchant's consolidated vans, at their km per parcel.
        let km = (1.0 - b) * m.consolidated_km * v[Id::RoadFactor] / m.road;
        emit(Part::new(Element::DeliveryRound, "vans", Mode::Van, km));
        failures(v, (1.0 - b) * m.parcels, km / ((1.0 - b) * m.parcels), Mode::Van, emit);
    }
}

/// The carrier's network for the merchant's parcels: line-haul to its delivery depot, its two sites, and its rounds
/// in the orders' area.
fn carrier(v: &Values, m: &Merchant, emit: &mut dyn FnMut(Part)) {
    let km = m.parcel_gc_km * v[Id::RoadFactor] + m.parcels * v[Id::LineHaulDetourKm];
    emit(Part::new(Element::LineHaul, "trunk", Mode::Hgv, v[Id::ParcelKg] / 1000.0 * km));
    emit(Part::new(Element::Hub, "sortCentre", Mode::Electricity, m.parcels * v[Id::HubKwhPerParcel]));
    emit(Part::new(Element::Hub, "deliveryDepot", Mode::Electricity, m.parcels * v[Id::HubKwhPerParcel]));
    let (km, in_area) = round_km(v, v[Id::RoundParcels]);
    emit(Part::new(Element::DeliveryRound, "vans", Mode::Van, m.parcels * km));
    failures(v, m.parcels, in_area, Mode::Van, emit);
}

/// The registry of `consolidate`'s scenarios, in the order results list them.
pub const SCENARIOS: [Entry<Merchant>; 6] = [
    Entry { id: "dedicated", chain: dedicated },
    Entry { id: "consolidated", chain: own_consolidated },
    Entry { id: "pickup", chain: own_pickup },
    Entry { id: "cargoBike", chain: own_cargo_bike },
    Entry { id: "standard", chain: carrier },
    Entry { id: "nextDay", chain: carrier },
];

/// The option ids, in registry order.
pub const OPTION_IDS: [&str; OPTIONS.len()] = ids(&OPTIONS);

/// The scenario ids, in registry order.
pub const SCENARIO_IDS: [&str; SCENARIOS.len()] = ids(&SCENARIOS);
