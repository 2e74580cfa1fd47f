//! Packaging, e-waste, digital and order footprints: hand-computed cases (exact to 1e-9, relative), invariants on
//! random inputs, and errors that name the field.
#![cfg(not(target_arch = "wasm32"))]

use green_delivery::consolidation::{LatLon, OptionsInput};
use green_delivery::factors::{get, FactorTable};
use green_delivery::footprint::*;
use proptest::prelude::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs())
}

fn assert_close(a: f64, b: f64) {
    assert!(close(a, b), "{a} vs {b}");
}

fn item(material: &str, mass_kg: f64, route: &str) -> PackagingItem {
    PackagingItem { material: material.into(), mass_kg, route: route.into(), recycled_content: None }
}

fn device(kind: &str, mass_kg: f64, route: &str) -> EwasteItem {
    EwasteItem { item: kind.into(), mass_kg, route: route.into() }
}

fn packaging(items: Vec<PackagingItem>) -> PackagingInput {
    PackagingInput { items, ..Default::default() }
}

#[test]
fn packaging_mix_by_hand() {
    let p = packaging_footprint(&PackagingInput {
        items: vec![
            item("board", 0.35, "recycling"),
            item("paper", 0.04, "landfill"),
            item("plastic-film", 0.015, "incineration"),
            item("plastic", 0.01, "recycling"),
        ],
        orders_per_year: Some(50_000.0),
        ..Default::default()
    })
    .unwrap();
    // Disposal, g = kg × kg CO2e/t: 0.35 × 4.68568 + 0.04 × 1164.4894 + 0.015 × 4.68568 + 0.01 × 4.68568.
    let disposal = [1.639988, 46.579576, 0.0702852, 0.0468568];
    for (line, g) in p.items.iter().zip(disposal) {
        assert_close(line.disposal_g, g);
    }
    // Making them, at the default half recycled content: ½ × (primary + closed-loop source) per tonne.
    let made = [
        0.35 * (1199.72542 + 1098.11442) / 2.0,
        0.04 * (1345.0779 + 1050.0779) / 2.0,
        0.015 * (2916.50513 + 1103.56537) / 2.0,
        0.01 * (3172.49932 + 1575.39106) / 2.0,
    ];
    for (line, g) in p.items.iter().zip(made) {
        assert_close(line.production_g.unwrap(), g);
        assert_eq!(line.recycled_content, Some(0.5));
    }
    let production: f64 = made.iter().sum();
    assert_close(p.production_g.unwrap(), production);
    assert_close(p.g_co2e, 48.336706 + production);
    // Benefit: board 0.35 × (1199.72542 − 1098.11442); plastics 0.01 × (3172.49932 − 1575.39106).
    assert_close(p.items[0].avoided_g.unwrap(), 35.56385);
    assert_close(p.items[3].avoided_g.unwrap(), 15.9710826);
    assert_close(p.items[3].primary_g.unwrap(), 31.7249932);
    assert_close(p.avoided_g, 51.5349326);
    let year = p.per_year.as_ref().unwrap();
    assert_close(year.kg_co2e, (48.336706 + production) * 50.0);
    assert_close(year.avoided_kg, 2576.74663);
    assert_close(year.tonnes, 20.75);
    // The whole mix each way, made the same way: landfill 0.39 × 1164.4894 + 0.025 × 8.98311; the others
    // 0.415 × 4.68568.
    assert_close(p.routes[0].g_co2e.unwrap(), production + 454.37544375);
    assert_close(p.routes[1].g_co2e.unwrap(), production + 1.9445572);
    assert_close(p.routes[2].g_co2e.unwrap(), production + 1.9445572);
    // Recycling it all saves board 35.56385 + paper 0.04 × 295 + film 0.015 × 1812.93976 + plastics 15.9710826.
    assert_close(p.routes[2].avoided_g.unwrap(), 90.529029);
    assert_eq!((p.routes[0].avoided_g, p.routes[1].avoided_g), (None, None));
    assert!(p.notes.is_empty());
}

#[test]
fn ewaste_by_hand() {
    let e = ewaste_footprint(&EwasteInput {
        items: vec![
            device("weee-small", 2.2, "recycling"),
            device("battery-li-ion", 0.3, "landfill"),
            device("weee-large", 40.0, "incineration"),
            device("battery-alkaline", 0.1, "recycling"),
        ],
        ..Default::default()
    })
    .unwrap();
    let disposal = [10.308496, 2.694933, 187.4272, 0.468568];
    for (line, g) in e.items.iter().zip(disposal) {
        assert_close(line.disposal_g, g);
    }
    assert_close(e.g_co2e, 200.899197);
    assert_close(e.items[0].primary_g.unwrap(), 12425.480386);
    assert_close(e.items[3].primary_g.unwrap(), 463.347826);
    // No closed-loop source rows for electricals: no benefit, and a note for each recycled item.
    assert_eq!(e.avoided_g, 0.0);
    assert_eq!(e.notes.len(), 2);
    assert!(e.notes[0].starts_with("items[0]: DESNZ has no closed-loop source row for weee-small"));
    // Batteries cannot be incinerated by DESNZ's table, so neither can the whole mix.
    assert_eq!(e.routes[1].g_co2e, None);
    assert_close(e.routes[0].g_co2e.unwrap(), 42.6 * 8.98311);
}

#[test]
fn digital_by_hand() {
    let d = digital_footprint(&DigitalInput {
        pages: 12.0,
        bytes_per_page: 1.5e6,
        server: Some(ServerInput {
            provider: "azure".into(),
            vcpu_seconds: 4.0,
            utilisation: Some(0.3),
            ..Default::default()
        }),
        ..Default::default()
    })
    .unwrap();
    assert_close(d.gb, 0.018);
    // Servers: (0.78 + 0.3 × (3.76 − 0.78)) W = 1.674 W × 4 s × 1.185 = 7.93476 J = 2.2041e-6 kWh, × 245.4 g/kWh.
    let s = &d.segments[0];
    assert_eq!((s.id, s.method), ("dataCentre", "ccf"));
    assert_close(s.kwh, 2.2041e-6);
    assert_close(s.g_co2e, 5.4088614e-4);
    // Network: 0.018 GB × 0.059 kWh/GB × 245.4; embodied 0.018 × 0.013 × 494.
    assert_close(d.segments[1].kwh, 0.001062);
    assert_close(d.segments[1].operational_g, 0.2606148);
    assert_close(d.segments[1].embodied_g, 0.115596);
    // Device: 0.018 × 0.080 × 245.4; embodied 0.018 × 0.081 × 494.
    assert_close(d.segments[2].operational_g, 0.353376);
    assert_close(d.segments[2].embodied_g, 0.720252);
    assert_close(d.kwh, 0.0025042041);
    assert_close(d.g_co2e, 1.45037968614);
}

#[test]
fn order_by_hand() {
    let o = order_footprint(&OrderInput {
        delivery: Some(OptionsInput { shopper: Some(LatLon { lat: 53.4, lon: -2.2 }), ..Default::default() }),
        option: Some("pickupWalk".into()),
        packaging: Some(packaging(vec![item("board", 0.2, "landfill")])),
        digital: Some(DigitalInput {
            pages: 5.0,
            bytes_per_page: 2e6,
            grid_kg_per_kwh: Some(0.1),
            ..Default::default()
        }),
        ..Default::default()
    })
    .unwrap();
    // The option's own figure from deliveryOptions; 200 g of board made at half recycled content, then landfilled.
    let chosen = green_delivery::consolidation::delivery_options(&OptionsInput {
        shopper: Some(LatLon { lat: 53.4, lon: -2.2 }),
        ..Default::default()
    })
    .unwrap();
    let delivery = chosen.options.iter().find(|o| o.id == "pickupWalk").unwrap().g_co2e;
    let packaging = 0.2 * (1199.72542 + 1098.11442) / 2.0 + 0.2 * 1164.4894;
    // 0.01 GB, no servers: 0.194 kWh/GB × 100 g/kWh + 0.106 × 494.
    let online = 0.01 * (0.194 * 100.0 + 0.106 * 494.0);
    let parts: Vec<(&str, f64)> = o.parts.iter().map(|p| (p.id, p.g_co2e)).collect();
    assert_eq!(parts.iter().map(|p| p.0).collect::<Vec<_>>(), ["delivery", "packaging", "online"]);
    for ((_, got), want) in parts.iter().zip([delivery, packaging, online]) {
        assert_close(*got, want);
    }
    assert_close(o.g_co2e, delivery + packaging + online);
    assert!(o.summary.starts_with("Your order: "), "{}", o.summary);
    assert_close(o.comparisons.metres_driven.unwrap(), o.g_co2e / 0.20871);
    assert_close(o.parts.iter().map(|p| p.share).sum(), 1.0);
}

#[test]
fn comparisons_by_hand() {
    let c = comparisons(73.62, &FactorTable::default()).unwrap();
    assert_close(c.metres_driven.unwrap(), 73.62 / 0.20871);
    assert_close(c.phone_charges.unwrap(), 20.0); // 0.015 kWh × 245.4 g/kWh = 3.681 g a charge
    assert_eq!(PHONE_CHARGE_KWH, 0.015);
}

#[test]
fn errors_name_the_field() {
    let p = |i: PackagingItem| {
        packaging_footprint(&packaging(vec![item("paper", 1.0, "landfill"), i])).unwrap_err().to_string()
    };
    assert_eq!(p(item("board", -0.1, "landfill")), "items[1].massKg must be at least 0, got -0.1");
    assert!(p(item("glass", 1.0, "landfill")).starts_with("items[1].material: unknown material `glass`"));
    assert!(p(item("board", 1.0, "river")).starts_with("items[1].route: unknown route `river`"));
    let e = ewaste_footprint(&EwasteInput {
        items: vec![device("battery-li-ion", 1.0, "incineration")],
        ..Default::default()
    });
    assert_eq!(
        e.unwrap_err().to_string(),
        "items[0].route: DESNZ 2025 has no incineration row for `battery` waste, so there is no figure to use; choose \
         one of landfill, recycling"
    );
    let d = |server: ServerInput| {
        digital_footprint(&DigitalInput { pages: 1.0, bytes_per_page: 1.0, server: Some(server), ..Default::default() })
            .unwrap_err()
            .to_string()
    };
    let aws = ServerInput { provider: "aws".into(), vcpu_seconds: 1.0, ..Default::default() };
    assert_eq!(
        d(ServerInput { utilisation: Some(2.0), ..aws.clone() }),
        "server.utilisation must be between 0 and 1, got 2"
    );
    assert_eq!(d(ServerInput { pue: Some(0.99), ..aws.clone() }), "server.pue must be between 1 and 10, got 0.99");
    let custom = ServerInput { provider: "custom".into(), min_watts: Some(1.0), max_watts: Some(2.0), ..aws };
    assert_eq!(d(custom), "server.pue: required with provider `custom`");
    assert!(comparisons(-5.0, &FactorTable::default()).is_err());
    // Finite but absurd inputs: an error, never ∞ or NaN.
    assert_eq!(p(item("board", 1e306, "landfill")), "items: too large to compute");
    let year = PackagingInput { orders_per_year: Some(1e308), ..packaging(vec![item("paper", 1.0, "landfill")]) };
    assert_eq!(packaging_footprint(&year).unwrap_err().to_string(), "ordersPerYear: too large to compute");
    let huge = DigitalInput { pages: 1e300, bytes_per_page: 1e300, ..Default::default() };
    assert_eq!(
        digital_footprint(&huge).unwrap_err().to_string(),
        "bytesPerPage: pages × bytesPerPage is too large to compute"
    );
    let server = ServerInput { provider: "aws".into(), vcpu_seconds: f64::MAX, ..Default::default() };
    let busy = DigitalInput { pages: 1.0, bytes_per_page: 1.0, server: Some(server), ..Default::default() };
    let e = digital_footprint(&busy).unwrap_err();
    assert_eq!((e.code(), e.field()), (green_delivery::error::Code::OutOfRange, "server.vcpuSeconds"));
}

/// A random packaging item: material, mass in kg, route.
fn any_item() -> impl Strategy<Value = PackagingItem> {
    let material = prop::sample::select(vec!["board", "paper", "plastic", "plastic-film"]);
    let route = prop::sample::select(ROUTES.to_vec());
    (material, 0.0..5.0f64, route).prop_map(|(m, kg, r)| item(m, kg, r))
}

proptest! {
    #[test]
    fn order_parts_sum_to_the_total(
        items in prop::collection::vec(any_item(), 0..6),
        pages in 0.0..50.0f64,
        bytes in 0.0..1e7f64,
        option in prop::sample::select(green_delivery::consolidation::OPTION_IDS.to_vec()),
    ) {
        let o = order_footprint(&OrderInput {
            delivery: Some(OptionsInput { shopper: Some(LatLon { lat: 51.5, lon: 0.0 }), ..Default::default() }),
            option: Some(option.into()),
            packaging: Some(packaging(items)),
            digital: Some(DigitalInput { pages, bytes_per_page: bytes, ..Default::default() }),
            ..Default::default()
        })
        .unwrap();
        prop_assert_eq!(o.g_co2e, o.parts.iter().map(|p| p.g_co2e).sum::<f64>());
        let p = o.packaging.unwrap();
        let cradle_to_grave: f64 = p.items.iter().map(|l| l.disposal_g + l.production_g.unwrap()).sum();
        prop_assert!(close(p.g_co2e, cradle_to_grave) || p.g_co2e == 0.0);
        let d = o.digital.unwrap();
        prop_assert_eq!(d.g_co2e, d.segments.iter().map(|s| s.g_co2e).sum::<f64>());
        prop_assert!(close(d.g_co2e, d.operational_g + d.embodied_g) || d.g_co2e == 0.0);
    }

    #[test]
    fn each_route_is_its_desnz_row_times_the_mass(
        material in prop::sample::select(vec!["board", "paper", "plastic", "plastic-film"]),
        kg in 0.001..100.0f64,
    ) {
        // Disposal alone: production is the same whatever the route.
        let g = |route: &str| {
            let p = packaging_footprint(&packaging(vec![item(material, kg, route)])).unwrap();
            p.g_co2e - p.production_g.unwrap()
        };
        let row = |route: &str| get("t", &format!("{material}-{route}")).unwrap().kg_per_unit;
        for route in ROUTES {
            prop_assert!(close(g(route), kg * row(route)), "{} {}", material, route);
        }
        // So the routes rank exactly as the rows do.
        for a in ROUTES {
            for b in ROUTES {
                prop_assert_eq!(g(a).partial_cmp(&g(b)), row(a).partial_cmp(&row(b)));
            }
        }
    }

    #[test]
    fn doubling_the_mass_doubles_the_emission(items in prop::collection::vec(any_item(), 1..6)) {
        let once = packaging_footprint(&packaging(items.clone())).unwrap();
        let doubled: Vec<PackagingItem> = items.into_iter().map(|i| PackagingItem { mass_kg: 2.0 * i.mass_kg, ..i }).collect();
        let twice = packaging_footprint(&packaging(doubled)).unwrap();
        prop_assert!(close(twice.g_co2e, 2.0 * once.g_co2e) || once.g_co2e == 0.0);
        prop_assert!(close(twice.avoided_g, 2.0 * once.avoided_g) || once.avoided_g == 0.0);
    }

    #[test]
    fn doubling_a_device_doubles_its_emission(
        kind in prop::sample::select(vec!["weee-small", "weee-large", "weee-mixed", "battery-li-ion", "battery-alkaline"]),
        kg in 0.001..100.0f64,
        route in prop::sample::select(vec!["landfill", "recycling"]),
    ) {
        let g = |kg| ewaste_footprint(&EwasteInput { items: vec![device(kind, kg, route)], ..Default::default() }).unwrap().g_co2e;
        prop_assert!(close(g(2.0 * kg), 2.0 * g(kg)));
    }

    #[test]
    fn a_greener_grid_lowers_operational_emissions_in_proportion(
        pages in 0.1..50.0f64,
        bytes in 1e3..1e7f64,
        seconds in 0.0..100.0f64,
        grid in 0.01..1.0f64,
        cleaner in 0.0..1.0f64,
        provider in prop::sample::select(vec!["aws", "gcp", "azure"]),
    ) {
        let at = |kg_per_kwh: f64| digital_footprint(&DigitalInput {
            pages,
            bytes_per_page: bytes,
            server: Some(ServerInput { provider: provider.into(), vcpu_seconds: seconds, ..Default::default() }),
            grid_kg_per_kwh: Some(kg_per_kwh),
            ..Default::default()
        })
        .unwrap();
        let (dirty, clean) = (at(grid), at(grid * cleaner));
        prop_assert!(close(clean.operational_g, cleaner * dirty.operational_g) || clean.operational_g == 0.0);
        prop_assert!(close(dirty.operational_g, dirty.kwh * grid * 1000.0));
        // The energy does not change, nor does SWD's embodied part (fixed at its global intensity).
        prop_assert_eq!(clean.kwh, dirty.kwh);
        prop_assert_eq!(clean.embodied_g, dirty.embodied_g);
    }

    #[test]
    fn the_benefit_never_exceeds_primary_production(items in prop::collection::vec(any_item(), 1..6)) {
        let p = packaging_footprint(&packaging(items)).unwrap();
        for line in &p.items {
            if let (Some(avoided), Some(primary)) = (line.avoided_g, line.primary_g) {
                prop_assert!(avoided >= 0.0 && avoided <= primary);
            }
        }
    }
}
