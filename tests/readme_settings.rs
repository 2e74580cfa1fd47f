//! The README's settings table is the code's: every row of `pricing::settings::TABLE`, with its central value,
//! range, unit and source, and nothing else.
#![cfg(not(target_arch = "wasm32"))]

use green_delivery::consolidation::pricing::settings::TABLE;

#[test]
fn the_readme_lists_every_setting_as_the_code_defines_it() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("### Settings").expect("a Settings section")..];
    let section = &section[..section[4..].find("\n### ").map_or(section.len(), |i| i + 4)];
    let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| `")).collect();
    assert_eq!(rows.len(), TABLE.len(), "one README row per setting");
    for (line, row) in rows.iter().zip(&TABLE) {
        let d = row.default;
        let cells: Vec<&str> = line.split(" | ").collect();
        assert_eq!(cells[0], format!("| `{}`", row.id.as_str()));
        assert!(cells[1].starts_with(&d.central.to_string()), "{}: central {}", row.id.as_str(), cells[1]);
        assert_eq!(cells[2], format!("{}–{}", d.low, d.high), "{}", row.id.as_str());
        assert_eq!(cells[3], row.unit, "{}", row.id.as_str());
        assert_eq!(cells[4].trim_end_matches(" |"), row.source, "{}", row.id.as_str());
    }
}

/// The README's country table is the code's: each country's grid and rows, in order, with their sources.
#[test]
fn the_readme_lists_every_country_default_as_the_code_defines_it() {
    use green_delivery::consolidation::pricing::country::{COVERED, PROXY};
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("### Country defaults").expect("a Country defaults section")..];
    let section = &section[..section[4..].find("\n### ").map_or(section.len(), |i| i + 4)];
    let rows: Vec<&str> = section.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| country")).collect();
    let mut want = Vec::new();
    for p in COVERED.iter().chain([&PROXY]) {
        if let Some(g) = p.grid {
            want.push(format!(
                "| {} | grid (`{}`) | {} kg/kWh | — | {}, {}, {}; boundary: {} |",
                p.code, g.id, g.kg_per_kwh, g.source, g.year, g.licence, g.boundary
            ));
        }
        for (id, s, source) in p.rows {
            want.push(format!(
                "| {} | `{}` | {} | {}–{} | {} |",
                p.code,
                id.as_str(),
                s.central,
                s.low,
                s.high,
                source
            ));
        }
    }
    assert_eq!(rows, want);
}
