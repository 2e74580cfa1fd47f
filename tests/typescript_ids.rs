//! The TypeScript unions of ids (`src/wasm/ids.d.ts`, which the wasm packages' `.d.ts` include) are written from the
//! crate's own tables, so that a misspelt id (`vehicle: 'hovercraft'`) is a type error and the types cannot drift
//! from the tables. This test fails when the committed file differs from what the tables give;
//! `UPDATE_IDS=1 cargo test --test typescript_ids` rewrites it.
#![cfg(not(target_arch = "wasm32"))]

use green_delivery::consolidation::pricing::country::COVERED;
use green_delivery::consolidation::pricing::settings::Id;
use green_delivery::consolidation::{OPTION_IDS, SCENARIO_IDS};
use green_delivery::factors::{defaults, Unit};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/wasm/ids.d.ts");

/// `export type Name = "a" | "b" | …;` after its doc comment, wrapped at 120 columns.
fn union(out: &mut String, doc: &str, name: &str, ids: &[&str]) {
    out.push_str(&format!("/** {doc} */\nexport type {name} =\n"));
    let mut line = String::new();
    for id in ids {
        let item = format!("| \"{id}\"");
        if !line.is_empty() && line.len() + 1 + item.len() > 118 {
            out.push_str(&format!("  {line}\n"));
            line.clear();
        }
        line = if line.is_empty() { item } else { format!("{line} {item}") };
    }
    out.push_str(&format!("  {line};\n"));
}

fn generate() -> String {
    let factor_ids = |unit: Option<Unit>| -> Vec<&str> {
        defaults().iter().filter(|f| unit.is_none_or(|u| f.unit == u)).map(|f| f.id).collect()
    };
    let settings: Vec<&str> = Id::ALL.iter().map(|id| id.as_str()).collect();
    let countries: Vec<&str> = COVERED.iter().map(|p| p.code).collect();
    let mut out = String::from(
        "// Written by tests/typescript_ids.rs from the crate's tables: do not edit; after changing a table, run\n\
         // `UPDATE_IDS=1 cargo test --test typescript_ids`. src/wasm/checkout.rs includes it in the packages' .d.ts.\n",
    );
    union(&mut out, "Every factor of the table (`factors()`), by id.", "FactorId", &factor_ids(None));
    union(
        &mut out,
        "The vehicle-km factors: what `vehicle`, `car`, `bike`, `pickup.car` and `cargoBike.vehicle` take.",
        "VehicleId",
        &factor_ids(Some(Unit::VehicleKm)),
    );
    union(&mut out, "The per-kWh factors: what `grid` takes.", "GridId", &factor_ids(Some(Unit::Kwh)));
    union(&mut out, "The delivery options of `deliveryOptions`.", "OptionId", &OPTION_IDS);
    union(&mut out, "The scenarios of `consolidate`.", "ScenarioId", &SCENARIO_IDS);
    union(&mut out, "The ids of the settings table (README, \"Settings\").", "SettingId", &settings);
    union(
        &mut out,
        "The countries with defaults of their own (ISO 3166-1 alpha-2); any other two-letter code gets proxy \
         defaults, flagged. Case-insensitive.",
        "CountryCode",
        &countries,
    );
    out
}

#[test]
fn the_typescript_ids_are_the_tables() {
    let want = generate();
    if std::env::var_os("UPDATE_IDS").is_some() {
        std::fs::write(PATH, &want).expect("write src/wasm/ids.d.ts");
    }
    let have = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        have == want,
        "src/wasm/ids.d.ts differs from the tables; run `UPDATE_IDS=1 cargo test --test typescript_ids`\n{want}"
    );
}
