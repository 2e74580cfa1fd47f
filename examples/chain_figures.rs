//! Prints the checkout options for a few merchant → shopper pairs (the figures quoted in the README).
use green_delivery::consolidation::{delivery_options, LatLon, OptionsInput};

fn main() {
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
