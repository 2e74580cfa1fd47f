//! Literature check: published last-mile findings, recomputed by `deliveryOptions` from the papers' own inputs.
//!
//! Each row cites its paper, the inputs taken from it, the published figure with the spread the paper states (or,
//! where it states one number, the tolerance said in the row), the model's figure, and whether it lands inside.
//! A row that does not land is a finding kept as such (`Lands::No` with the structural reason): the test fails if
//! a divergence silently disappears or appears, so that nothing is tuned away.
//! `cargo test --test literature -- --nocapture` prints the table (the README quotes it).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use green_delivery::consolidation::{delivery_options, Area, DeliveryOptions, Element, LatLon, OptionsInput};

#[derive(Debug, PartialEq)]
enum Lands {
    Yes,
    No(&'static str),
}

struct Row {
    source: &'static str,
    inputs: &'static str,
    figure: &'static str,
    published: (f64, f64),
    model: f64,
    expected: Lands,
}

fn options(area: Area, settings: &[(&str, f64)]) -> DeliveryOptions {
    let settings: BTreeMap<String, f64> = settings.iter().map(|(k, v)| (k.to_string(), *v)).collect();
    delivery_options(&OptionsInput {
        shopper: Some(LatLon { lat: 51.5, lon: -0.1 }),
        area: Some(area),
        settings,
        ..Default::default()
    })
    .unwrap()
}

fn option<'a>(r: &'a DeliveryOptions, id: &str) -> &'a green_delivery::consolidation::DeliveryOption {
    r.options.iter().find(|o| o.id == id).unwrap()
}

/// The last mile alone: no line-haul and no sites (the papers' scope).
const LAST_MILE: [(&str, f64); 3] = [("lineHaul.km", 0.0), ("hub.kwhPerParcel", 0.0), ("vanFactor", 1.0)];

/// Edwards et al. 2010's round: 120 drops over 80 km (stem included, so `round.stemKm` 0), and a failure rate.
fn edwards(rate: f64) -> DeliveryOptions {
    let mut s = LAST_MILE.to_vec();
    s.extend([("round.parcels", 120.0), ("round.km", 80.0), ("round.stemKm", 0.0), ("failures.rate", rate)]);
    options(Area::Suburban, &s)
}

/// g CO2e of one element of the standard option, central settings.
fn element_g(r: &DeliveryOptions, id: &str, element: Element) -> f64 {
    option(r, id).legs.iter().filter(|l| l.element == element).map(|l| l.kg_co2e).sum::<f64>() * 1000.0
}

#[test]
fn published_figures_recomputed() {
    let base = edwards(0.0);
    let per_drop = option(&base, "standard").central_g;
    let ttw_per_drop = option(&base, "standard").legs.iter().map(|l| l.ttw_kg.unwrap()).sum::<f64>() * 1000.0;
    let overhead = |rate: f64| (option(&edwards(rate), "standard").central_g / per_drop - 1.0) * 100.0;
    let customer_share = |rate: f64| {
        let r = edwards(rate);
        let (trip, van) =
            (element_g(&r, "standard", Element::CustomerTrip), element_g(&r, "standard", Element::Redelivery));
        trip / (trip + van) * 100.0
    };
    let urban = options(Area::Urban, &LAST_MILE);
    let urban_round_km = option(&urban, "standard")
        .legs
        .iter()
        .filter(|l| l.element == Element::DeliveryRound)
        .map(|l| l.km)
        .sum::<f64>();
    let bike_saving = |area, bikeable: f64| {
        let mut s = LAST_MILE.to_vec();
        s.extend([("cargoBike.bikeableShare", bikeable), ("failures.rate", 0.0)]);
        option(&options(area, &s), "cargoBike").saving_percent.unwrap()
    };
    let channel = options(Area::Suburban, &[]);
    let channel_bikes = option(&channel, "cargoBike").saving_range.unwrap();
    let rows = [
        Row {
            source: "Edwards, McKinnon & Cullinane 2010, 'Carbon auditing the last mile' (report); round of TRR 2191",
            inputs: "120 drops over 80 km; DESNZ 2025 average diesel van, TTW; no failures",
            figure: "g CO2 per van drop (published 181 g; ±15% for the change of factor year and van)",
            published: (181.0 * 0.85, 181.0 * 1.15),
            model: ttw_per_drop,
            expected: Lands::Yes,
        },
        Row {
            source: "Edwards et al. 2010, Transp. Res. Rec. 2191:136–143",
            inputs: "same round; 10% first-time failures; our defaults for what a failure adds",
            figure: "% added per drop by failed deliveries (published 9%; 7.7–10.4 at ±15%)",
            published: (9.0 * 0.85, 9.0 * 1.15),
            model: overhead(0.10),
            expected: Lands::No(
                "our collection trip (8 km each way, 60% by car, 30% chained, half at collection points) is the \
                 paper's 'typical' trip made heavier: the paper's inputs for it could not be read",
            ),
        },
        Row {
            source: "Edwards et al. 2010, Transp. Res. Rec. 2191:136–143",
            inputs: "same round; 50% first-time failures",
            figure: "% added per drop by failed deliveries (published 75%; 64–86 at ±15%)",
            published: (75.0 * 0.85, 75.0 * 1.15),
            model: overhead(0.50),
            expected: Lands::No("as above"),
        },
        Row {
            source: "Edwards et al. 2010, Transp. Res. Rec. 2191:136–143",
            inputs: "the two rows above",
            figure: "how much faster than linear: added % at 50% ÷ at 10% (published 75/9 = 8.3; linear = 5)",
            published: (75.0 * 0.85 / (9.0 * 1.15), 75.0 * 1.15 / (9.0 * 0.85)),
            model: overhead(0.5) / overhead(0.1),
            expected: Lands::Yes,
        },
        Row {
            source: "Edwards et al. 2010, Transp. Res. Rec. 2191:136–143",
            inputs: "same round; 10% first-time failures",
            figure: "% of the failures' extra CO2 from shoppers' own trips (published 85–95%)",
            published: (85.0, 95.0),
            model: customer_share(0.10),
            expected: Lands::No(
                "72%: our re-attempt is one more stop at the round's marginal km (½ × 80/120 km), heavier than the \
                 paper's re-attempt within the same shift",
            ),
        },
        Row {
            source: "Allen et al. 2018, Transp. Res. D 61:325–338",
            inputs: "the urban variant's round, no stem",
            figure: "km driven in the area per parcel, central London (published 11.9 km / 127 parcels = 0.094)",
            published: (11.9 / 127.0 * 0.99, 11.9 / 127.0 * 1.01),
            model: urban_round_km - 2.0 * 17.87 / 127.0,
            expected: Lands::Yes,
        },
        Row {
            source: "McLeod et al. 2020, Transp. Res. D (central-London manifests to porters and cycle couriers)",
            inputs: "urban round; every parcel bikeable; last mile only; no failures",
            figure: "% CO2 saved by cargo bikes against the van round (published −45%; 40–50)",
            published: (40.0, 50.0),
            model: bike_saving(Area::Urban, 1.0),
            expected: Lands::No(
                "our micro-hub is fed by a van driving the carrier's full stem (17.87 km each way per 127 parcels), \
                 which bikes cannot remove; the paper's micro-depots sat inside the delivery area",
            ),
        },
        Row {
            source: "Shahmohammadi et al. 2020, Environ. Sci. Technol. 54(6) (stochastic model, CC BY-NC-ND 4.0)",
            inputs: "all defaults (suburban round, line-haul, hubs, failures); their scope adds the shopper's \
                     channel and returns, ours the chain from the merchant",
            figure: "% GHG saved by e-cargo bikes (published −26%): does our 90% interval hold it?",
            published: (channel_bikes.low, channel_bikes.high),
            model: 26.0,
            expected: Lands::Yes,
        },
    ];
    println!("| source | inputs | figure | published | model | lands |");
    println!("|---|---|---|---|---|---|");
    for row in &rows {
        println!(
            "| {} | {} | {} | {:.3}–{:.3} | {:.3} | {} |",
            row.source,
            row.inputs,
            row.figure,
            row.published.0,
            row.published.1,
            row.model,
            match &row.expected {
                Lands::Yes => "yes".to_owned(),
                Lands::No(why) => format!("no: {why}"),
            }
        );
    }
    for row in &rows {
        let lands = row.published.0 <= row.model && row.model <= row.published.1;
        assert_eq!(lands, row.expected == Lands::Yes, "{}: {} (model {})", row.source, row.figure, row.model);
    }
}
