//! Literature check: published last-mile footprints, recomputed by `deliveryOptions` from the papers' own inputs.
//!
//! Each row cites its paper, the inputs taken from it, the published figure (and range where the paper states
//! one), the model's figure, and whether it lands inside. A row that does not land is a finding, kept as such
//! (`Lands::No` with the reason): the test fails if a divergence silently disappears or appears, so that nothing
//! is tuned away. `cargo test --test literature -- --nocapture` prints the table.
#![cfg(not(target_arch = "wasm32"))]

use green_delivery::consolidation::{delivery_options, DeliveryOptions, Failures, LatLon, OptionsInput};

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

fn options(input: OptionsInput) -> DeliveryOptions {
    delivery_options(&OptionsInput { shopper: Some(LatLon { lat: 51.5, lon: -0.1 }), ..input }).unwrap()
}

fn g(r: &DeliveryOptions, id: &str) -> f64 {
    r.options.iter().find(|o| o.id == id).unwrap().g_co2e
}

fn ttw(r: &DeliveryOptions, id: &str) -> f64 {
    r.options.iter().find(|o| o.id == id).unwrap().ttw_g.unwrap()
}

/// The round both Edwards et al. 2010 papers use: 120 drops over 80 km (stem included, so stemKm 0).
fn edwards_round(rate: f64) -> OptionsInput {
    OptionsInput {
        stem_km: Some(0.0),
        drop_km: Some(80.0),
        parcels_per_round: Some(120.0),
        failures: Failures { rate: Some(rate), ..Default::default() },
        ..Default::default()
    }
}

#[test]
fn published_last_mile_footprints() {
    let no_failures = options(edwards_round(0.0));
    let overhead =
        |rate: f64| g(&options(edwards_round(rate)), "standard") / g(&no_failures, "standard") * 100.0 - 100.0;
    let per_km = options(OptionsInput {
        stem_km: Some(0.5),
        drop_km: Some(0.0),
        parcels_per_round: Some(1.0),
        failures: Failures { rate: Some(0.0), ..Default::default() },
        ..Default::default()
    });
    let van_per_km = g(&per_km, "sameDayCourier");
    let e_van = options(OptionsInput {
        vehicle: Some("electric-van".into()),
        stem_km: Some(0.5),
        failures: Failures { rate: Some(0.0), ..Default::default() },
        ..Default::default()
    });
    let collection_share = |rate: f64| {
        let o = options(edwards_round(rate));
        let o = o.options.iter().find(|o| o.id == "standard").unwrap();
        let kg = |name: &str| o.legs.iter().filter(|l| l.name == name).map(|l| l.kg_co2e).sum::<f64>();
        kg("collection") / (kg("collection") + kg("redelivery")) * 100.0
    };
    let rows = [
        Row {
            source: "Edwards, McKinnon & Cullinane 2010, Int. J. Phys. Distrib. Logist. Manag. 40(1/2) 103-123 \
                     (report 'Carbon auditing the last mile')",
            inputs: "van round of 120 drops over 80 km (Edwards et al. 2010, TRR 2191); DESNZ 2025 diesel van, TTW",
            figure: "g CO2 per successful van drop",
            published: (181.0 * 0.85, 181.0 * 1.15), // one figure, 181 g: ±15% for the change of factor year
            model: ttw(&no_failures, "standard"),
            expected: Lands::Yes,
        },
        Row {
            source: "Edwards et al. 2010, Transp. Res. Rec. 2191, 136-143",
            inputs: "same round; 10% first-time failures; our defaults for what a failure adds",
            figure: "% added per drop by failed deliveries (paper: 9% at 10% failures)",
            published: (9.0 * 0.85, 9.0 * 1.15),
            model: overhead(0.10),
            expected: Lands::No(
                "~2.8x the paper's 9%: our assumed collection trip (40% by car, 2 x 5 km, for this parcel alone) is \
                 heavier than the paper's customer travel; not tuned",
            ),
        },
        Row {
            source: "Edwards et al. 2010, Transp. Res. Rec. 2191, 136-143",
            inputs: "same round; 50% first-time failures",
            figure: "% added per drop by failed deliveries (paper: 75% at 50% failures)",
            published: (75.0 * 0.85, 75.0 * 1.15),
            model: overhead(0.50),
            expected: Lands::No("~1.7x the paper's 75%: as above"),
        },
        Row {
            source: "Edwards et al. 2010, Transp. Res. Rec. 2191, 136-143",
            inputs: "same round; 10% first-time failures",
            figure: "% of the failures' extra CO2 from customers' own trips (paper: 85-95%)",
            published: (85.0, 95.0),
            model: collection_share(0.10),
            expected: Lands::No("80%: close; half of failed parcels redelivered by van in our assumption"),
        },
        Row {
            source: "Temporelli et al. 2022, Energies 15(20) 7817 (CC BY 4.0)",
            inputs: "1 km by diesel van vs 1 km by e-cargo bike",
            figure: "g CO2e saved per km, diesel van -> e-cargo bike (paper, life cycle: 250)",
            published: (250.0 * 0.9, 250.0 * 1.1),
            model: van_per_km - 4.5,
            expected: Lands::No(
                "+25%: DESNZ's average UK van (317 g/km WTW) is heavier than the paper's van, and the paper's life \
                 cycle counts building the bike and battery, which WTW leaves out",
            ),
        },
        Row {
            source: "Temporelli et al. 2022, Energies 15(20) 7817 (CC BY 4.0)",
            inputs: "1 km by diesel van vs 1 km by battery-electric van (UK grid 2025)",
            figure: "g CO2e saved per km, diesel van -> e-van (paper, life cycle, Italian grid: 173)",
            published: (173.0 * 0.9, 173.0 * 1.1),
            model: van_per_km - g(&e_van, "sameDayCourier"),
            expected: Lands::No("+33%: different van, grid (UK 2025 vs Italy) and scope (WTW vs life cycle)"),
        },
    ];
    println!("| source | inputs | figure | published | model | lands |");
    println!("|---|---|---|---|---|---|");
    for row in &rows {
        let lands = row.published.0 <= row.model && row.model <= row.published.1;
        println!(
            "| {} | {} | {} | {:.0}–{:.0} | {:.0} | {} |",
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
        assert_eq!(lands, row.expected == Lands::Yes, "{}: {} (model {})", row.source, row.figure, row.model);
    }
}
