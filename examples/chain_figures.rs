//! Prints the checkout options for a few merchant → shopper pairs (the figures quoted in the README).
use green_delivery::consolidation::{delivery_options, LatLon, OptionsInput};

fn main() {
    if std::env::args().any(|a| a == "z") {
        return negative_zero();
    }
    if std::env::args().any(|a| a == "table") {
        return settings_table();
    }
    if std::env::args().any(|a| a == "country-table") {
        return country_table();
    }
    if std::env::args().any(|a| a == "countries") {
        return countries();
    }
    if std::env::args().any(|a| a == "time") {
        return timing();
    }
    if std::env::args().any(|a| a == "city") {
        return sample_city();
    }
    let london = LatLon { lat: 51.52, lon: -0.08 };
    for (name, depot) in [
        ("no depot", None),
        ("London (local)", Some(LatLon { lat: 51.53, lon: -0.1 })),
        ("Manchester", Some(LatLon { lat: 53.48, lon: -2.24 })),
        ("Edinburgh", Some(LatLon { lat: 55.95, lon: -3.19 })),
    ] {
        let r = delivery_options(&OptionsInput { shopper: Some(london), depot, ..Default::default() }).unwrap();
        println!("{name} → London shopper");
        for o in &r.options {
            let s = o.saving_range.map_or(String::new(), |s| {
                format!(
                    "{:.0}% ({:.0} to {:.0}%){}",
                    o.saving_percent.unwrap(),
                    s.low,
                    s.high,
                    if o.saving_clear { "" } else { " not clear" }
                )
            });
            println!(
                "  {:16} {:8.1} g ({:.1}–{:.1}) central {:.1}  saving {s}",
                o.id, o.g_co2e, o.range.low, o.range.high, o.central_g
            );
        }
    }
}

#[allow(dead_code)]
fn negative_zero() {
    let r = delivery_options(&OptionsInput {
        shopper: Some(LatLon { lat: 51.5, lon: -0.1 }),
        settings: [("failures.rate".to_owned(), 5e-324)].into(),
        ..Default::default()
    })
    .unwrap();
    let text = format!("{r:#?}");
    for (i, line) in text.lines().enumerate() {
        if line.contains("-0.0") {
            println!("{i}: {line}");
            println!("{}", text.lines().skip(i.saturating_sub(12)).take(13).collect::<Vec<_>>().join("\n"));
        }
    }
}

/// The page's sample city (3,000 east-London orders, depot at 51.5416, −0.0076) through `consolidate`.
fn sample_city() {
    use green_delivery::consolidation::{consolidate, parse_orders_csv, ConsolidateInput};
    let text = std::fs::read_to_string("www/data/sample-orders.csv").unwrap();
    let orders = parse_orders_csv(&text).unwrap().orders;
    let depot = Some(LatLon { lat: 51.5416, lon: -0.0076 });
    for area in [None, Some(green_delivery::consolidation::Area::Suburban)] {
        let r = consolidate(&ConsolidateInput { orders: orders.clone(), depot, area, ..Default::default() }).unwrap();
        println!("sample city, area {:?} ({})", r.variants.area, r.variants.area_from);
        for s in &r.scenarios {
            let saving = s.saving_range.map_or(String::new(), |g| {
                format!(
                    "{:.0}% ({:.0} to {:.0}%){}",
                    s.saving_percent.unwrap(),
                    g.low,
                    g.high,
                    if s.saving_clear { "" } else { " not clear" }
                )
            });
            println!("  {:13} {:8.0} kg ({:.0}–{:.0})  {saving}", s.id, s.kg_co2e, s.range.low, s.range.high);
        }
    }
}

#[allow(dead_code)]
fn timing() {
    let input = OptionsInput {
        shopper: Some(LatLon { lat: 51.52, lon: -0.08 }),
        depot: Some(LatLon { lat: 53.48, lon: -2.24 }),
        ..Default::default()
    };
    let t = std::time::Instant::now();
    for _ in 0..1000 {
        std::hint::black_box(delivery_options(&input).unwrap());
    }
    println!("native: {:.3} ms per call", t.elapsed().as_secs_f64());
}

/// The settings table as README markdown (README "Settings"; tests/readme_settings.rs checks they agree).
#[allow(dead_code)]
fn settings_table() {
    use green_delivery::consolidation::pricing::settings::TABLE;
    use green_delivery::consolidation::Area;
    println!("| id | central | low–high | unit | source |");
    println!("|---|---|---|---|---|");
    for row in &TABLE {
        let d = row.default;
        let by_area = row.by_area.map_or(String::new(), |_| {
            let u = row.default_in(Area::Urban);
            let r = row.default_in(Area::Rural);
            format!(" (urban {} ({}–{}); rural {} ({}–{}))", u.central, u.low, u.high, r.central, r.low, r.high)
        });
        println!(
            "| `{}` | {}{} | {}–{} | {} | {} |",
            row.id.as_str(),
            d.central,
            by_area,
            d.low,
            d.high,
            row.unit,
            row.source
        );
    }
}

/// Each covered country's defaults as README markdown (README "Country defaults"; tests/readme_settings.rs checks
/// they agree).
#[allow(dead_code)]
fn country_table() {
    use green_delivery::consolidation::pricing::country::{COVERED, PROXY};
    println!("| country | setting | central | low–high | source |");
    println!("|---|---|---|---|---|");
    for p in COVERED.iter().chain([&PROXY]) {
        if let Some(g) = p.grid {
            println!(
                "| {} | grid (`{}`) | {} kg/kWh | — | {}, {}, {}; boundary: {} |",
                p.code, g.id, g.kg_per_kwh, g.source, g.year, g.licence, g.boundary
            );
        }
        for (id, s, source) in p.rows {
            println!("| {} | `{}` | {} | {}–{} | {} |", p.code, id.as_str(), s.central, s.low, s.high, source);
        }
    }
}

/// Standard and cargo-bike g per parcel in each covered country's capital, shop and shopper 10 km apart.
#[allow(dead_code)]
fn countries() {
    for (code, lat, lon) in [
        ("GB", 51.5074, -0.1278),
        ("CN", 39.9042, 116.4074),
        ("US", 38.9072, -77.0369),
        ("JP", 35.6762, 139.6503),
        ("DE", 52.52, 13.405),
        ("FR", 48.8566, 2.3522),
        ("BR", -15.7939, -47.8828),
    ] {
        let r = delivery_options(&OptionsInput {
            shopper: Some(LatLon { lat, lon }),
            depot: Some(LatLon { lat: lat + 10.0 / 111.2, lon }),
            country: Some(code.into()),
            ..Default::default()
        })
        .unwrap();
        let o = |id: &str| {
            let o = r.options.iter().find(|o| o.id == id).unwrap();
            format!("{:.0} g ({:.0}–{:.0})", o.g_co2e, o.range.low, o.range.high)
        };
        println!("| {code} | {} | {} |", o("standard"), o("cargoBike"));
    }
}
