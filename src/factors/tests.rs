//! Known answers from the reference sheet (DESNZ 2025, Ember, Pedal Me), table invariants, overrides and errors.

use super::*;
use crate::models::{emission, EmissionInput};

fn factor(id: &str) -> &'static Factor {
    match get("test", id) {
        Ok(factor) => factor,
        Err(err) => panic!("{err}"),
    }
}

fn split(id: &str) -> (f64, f64) {
    match factor(id).parts {
        FactorParts::Split { ttw, wtt } => (ttw, wtt),
        FactorParts::Total(_) => panic!("{id} has no TTW/WTT split"),
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

#[test]
fn every_id_the_project_needs_is_there() {
    for id in [
        "diesel-van",
        "petrol-van",
        "electric-van",
        "e-cargo-bike",
        "petrol-car",
        "diesel-car",
        "electric-car",
        "walk",
        "cycle",
        "uk-grid-2025",
        "diesel-fuel",
        "petrol-fuel",
        "grid-world",
        "grid-eu",
        "grid-de",
        "grid-fr",
        "grid-us",
        "grid-in",
        "grid-cn",
        "board-landfill",
        "board-recycling",
        "plastic-landfill",
        "plastic-recycling",
        "board-primary",
        "plastic-primary",
        "weee-small-landfill",
        "weee-large-recycling",
        "weee-mixed-incineration",
        "battery-landfill",
        "paper-recycling",
        "plastic-film-incineration",
    ] {
        assert!(get("test", id).is_ok(), "{id} is missing");
    }
}

#[test]
fn ids_are_unique_kebab_case() {
    let mut ids: Vec<&str> = defaults().iter().map(|f| f.id).collect();
    for id in &ids {
        let kebab =
            id.split('-').all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()));
        assert!(kebab, "{id} is not kebab-case");
    }
    let n = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), n, "duplicate ids");
}

#[test]
fn every_generated_row_belongs_to_a_desnz_factor_and_back() {
    for &(id, part, row, _) in ROWS {
        let f = factor(id);
        assert_eq!(f.source, DESNZ, "{id}");
        assert!(f.desnz_rows.iter().any(|r| r.row == row && r.part == part), "{id} lacks {row}");
    }
    for f in defaults() {
        assert_eq!(f.source == DESNZ, !f.desnz_rows.is_empty(), "{}: DESNZ factors, and only they, have rows", f.id);
        assert_eq!(f.desnz_rows.is_empty(), f.desnz_wording.is_empty(), "{}: rows come with DESNZ wording", f.id);
        // A factor is either one total or a split, never both.
        let totals = f.desnz_rows.iter().filter(|r| r.part == Part::Total).count();
        assert!(totals == 0 || totals == f.desnz_rows.len(), "{}", f.id);
    }
}

#[test]
fn every_factor_has_a_source_year_licence_and_consistent_total() {
    for f in defaults() {
        assert!(!f.label.is_empty() && !f.source.is_empty() && !f.licence.is_empty(), "{}", f.id);
        assert_eq!(f.kg_per_unit, f.parts.wtw(), "{}", f.id);
        assert!(f.kg_per_unit.is_finite() && f.kg_per_unit >= 0.0, "{}", f.id);
        let sum: f64 = f.desnz_rows.iter().map(|r| r.value).sum();
        if !f.desnz_rows.is_empty() {
            assert!(close(f.kg_per_unit, sum), "{}: {} vs rows {sum}", f.id, f.kg_per_unit);
        }
        let expected_licence = match f.source.as_str() {
            DESNZ => OGL,
            EMBER => CC_BY_SA,
            "University of Westminster / Pedal Me" => "cited figure",
            _ => "not applicable",
        };
        assert_eq!(f.licence, expected_licence, "{}", f.id);
        assert_eq!(f.year.is_some(), !["walk", "cycle"].contains(&f.id), "{}", f.id);
    }
}

#[test]
fn vans_known_answers() {
    assert_eq!(split("diesel-van"), (0.25561, 0.06128));
    assert!(close(factor("diesel-van").kg_per_unit, 0.31689));
    assert_eq!(split("petrol-van"), (0.21335, 0.06183));
    assert!(close(factor("petrol-van").kg_per_unit, 0.27518));
    // BEV van: TTW 0; WTT = WTT row + electricity + T&D.
    let (ttw, wtt) = split("electric-van");
    assert_eq!(ttw, 0.0);
    assert!(close(wtt, 0.01759 + 0.06315 + 0.00662));
    assert!(close(factor("electric-van").kg_per_unit, 0.08736));
    let rows: Vec<(Part, &str)> = factor("electric-van").desnz_rows.iter().map(|r| (r.part, r.row)).collect();
    assert_eq!(
        rows,
        [
            (Part::Ttw, "5_303_3108_4_1"),
            (Part::Generation, "8_303_3108_4_1"),
            (Part::TransmissionDistribution, "14_303_3108_4_1"),
            (Part::Wtt, "28_906_3108_4_1"),
        ]
    );
}

#[test]
fn cars_known_answers() {
    assert_eq!(split("petrol-car"), (0.16272, 0.04599));
    assert!(close(factor("petrol-car").kg_per_unit, 0.20871));
    assert_eq!(split("diesel-car"), (0.17304, 0.04146));
    assert!(close(factor("diesel-car").kg_per_unit, 0.21450));
    assert!(close(factor("electric-car").kg_per_unit, 0.05096));
    assert_eq!(split("electric-car").0, 0.0);
}

#[test]
fn fuels_per_litre_known_answers() {
    // The reference sheet: diesel 2.57082 and petrol 2.06916 kg CO2e per litre, TTW.
    assert_eq!(split("diesel-fuel"), (2.57082, 0.61101));
    assert_eq!(split("petrol-fuel"), (2.06916, 0.58094));
    assert_eq!(factor("diesel-fuel").unit, Unit::Litre);
    assert_eq!(Unit::Litre.as_str(), "litre");
}

#[test]
fn uk_grid_is_all_four_parts_all_upstream() {
    let (ttw, wtt) = split("uk-grid-2025");
    assert_eq!(ttw, 0.0);
    assert!(close(wtt, 0.177 + 0.01853 + 0.04590 + 0.00397));
    assert!(close(factor("uk-grid-2025").kg_per_unit, 0.2454));
    assert_eq!(factor("uk-grid-2025").unit, Unit::Kwh);
}

#[test]
fn other_sources_known_answers() {
    assert_eq!(split("grid-world"), (0.0, 0.47294));
    assert_eq!(factor("grid-fr").kg_per_unit, 0.04418);
    assert_eq!(factor("grid-in").year, Some(2024));
    assert_eq!(split("e-cargo-bike"), (0.0, 0.0045));
    assert_eq!(factor("e-cargo-bike").licence, "cited figure");
    assert_eq!((factor("walk").kg_per_unit, factor("cycle").unit), (0.0, Unit::PassengerKm));
}

#[test]
fn waste_and_materials_known_answers() {
    assert_eq!(factor("board-landfill").parts, FactorParts::Total(1164.4894));
    assert_eq!(factor("board-recycling").kg_per_unit, 4.68568);
    assert_eq!(factor("plastic-landfill").kg_per_unit, 8.98311);
    assert_eq!(factor("board-primary").kg_per_unit, 1199.72542);
    assert_eq!(factor("plastic-primary").kg_per_unit, 3172.49932);
    assert_eq!(factor("board-landfill").unit, Unit::Tonne);
    assert_eq!(factor("board-landfill").desnz_rows[0].row, "20_506_5446_15_1");
    // What recycling can displace: primary production and, where DESNZ has it, the closed-loop source.
    for (id, value) in [
        ("board-closed-loop-source", 1098.11442),
        ("paper-primary", 1345.0779),
        ("paper-closed-loop-source", 1050.0779),
        ("plastic-closed-loop-source", 1575.39106),
        ("plastic-film-primary", 2916.50513),
        ("plastic-film-closed-loop-source", 1103.56537),
        ("weee-small-primary", 5647.94563),
        ("weee-large-primary", 3267.0),
        ("battery-li-ion-primary", 6308.0),
        ("battery-alkaline-primary", 4633.47826),
    ] {
        assert_eq!(factor(id).parts, FactorParts::Total(value), "{id}");
        assert_eq!(factor(id).unit, Unit::Tonne, "{id}");
    }
    // DESNZ has no such rows, so neither does the table.
    for id in ["weee-small-closed-loop-source", "weee-mixed-primary", "battery-incineration", "battery-li-ion-landfill"]
    {
        assert!(get("test", id).is_err(), "{id}");
    }
}

#[test]
fn electric_energy_use_comes_from_the_table() {
    let van = factor("electric-van").kwh_per_km.unwrap();
    assert!(close(van, 0.06315 / 0.177));
    assert!((van - 0.357).abs() < 0.001);
    assert!(close(factor("electric-car").kwh_per_km.unwrap(), 0.03663 / 0.177));
    for f in defaults() {
        assert_eq!(f.kwh_per_km.is_some(), ["electric-van", "electric-car"].contains(&f.id), "{}", f.id);
    }
}

#[test]
fn re_basing_on_another_grid() {
    let van = factor("electric-van");
    // On the full UK grid factor the van lands within 0.5% of DESNZ's own per-km figure.
    let uk = van.on_grid(factor("uk-grid-2025")).unwrap();
    assert!(close(uk.kg_per_unit, 0.06315 / 0.177 * 0.2454));
    assert!((uk.kg_per_unit / 0.08736 - 1.0).abs() < 0.005);
    let fr = van.on_grid(factor("grid-fr")).unwrap();
    assert_eq!(fr.parts, FactorParts::Split { ttw: 0.0, wtt: 0.06315 / 0.177 * 0.04418 });
    assert_eq!(fr.licence, "OGL v3.0 + CC BY-SA 4.0");
    assert_eq!(fr.id, "electric-van");
    let rows: Vec<&str> = fr.desnz_rows.iter().map(|r| r.row).collect();
    assert_eq!(rows, ["8_303_3108_4_1", "7_400_4000_5_1"]);
    // Re-basing again uses the same energy use.
    assert!(close(fr.grid("g", 1.0).unwrap().kg_per_unit, van.kwh_per_km.unwrap()));
    assert_eq!(van.grid("g", 0.0).unwrap().kg_per_unit, 0.0);
}

#[test]
fn re_basing_errors_name_the_field() {
    let van = factor("electric-van");
    assert_eq!(
        van.grid("gridKgPerKwh", f64::NAN).unwrap_err().to_string(),
        "gridKgPerKwh must be a finite number, got NaN"
    );
    assert_eq!(
        van.grid("gridKgPerKwh", -0.1).unwrap_err().to_string(),
        "gridKgPerKwh must be between 0 and 10, got -0.1"
    );
    assert_eq!(
        factor("diesel-van").grid("grid", 0.1).unwrap_err().to_string(),
        "grid: `diesel-van` has no known kWh per km, so it cannot be put on another grid"
    );
    assert_eq!(
        van.on_grid(factor("board-landfill")).unwrap_err().to_string(),
        "grid: `board-landfill` is per tonne, not per kWh"
    );
}

#[test]
fn unknown_ids_list_the_known_ones() {
    let err = get("factors", "rocket").unwrap_err();
    let Error::Invalid { field, reason, code: crate::error::Code::UnknownId } = &err else { panic!("{err:?}") };
    assert_eq!(field, "factors");
    assert!(reason.starts_with("unknown factor id `rocket`, expected one of diesel-van, petrol-van, electric-van,"));
    // Only vehicles for a vehicle, only grids for a grid; every id for a field of no one kind.
    let listed = |field: &str| {
        let e = FactorTable::default().get(field, "x").unwrap_err().to_string();
        e.split("expected one of ").nth(1).unwrap().split(", ").map(str::to_owned).collect::<Vec<_>>()
    };
    for field in ["vehicle", "pickup.car", "cargoBike.vehicle"] {
        let ids = listed(field);
        assert!(ids.iter().all(|id| get("", id).unwrap().unit == Unit::VehicleKm), "{field}: {ids:?}");
        assert!(ids.contains(&"e-cargo-bike".to_owned()) && !ids.contains(&"uk-grid-2025".to_owned()));
    }
    let grids = listed("grid");
    assert!(grids.iter().all(|id| get("", id).unwrap().unit == Unit::Kwh) && grids.contains(&"grid-fr".to_owned()));
    assert_eq!(listed("mode").len(), defaults().len());
    assert!(FactorTable::default().get("mode", "").unwrap_err().to_string().starts_with("mode: unknown factor id ``"));
}

#[test]
fn overrides_replace_one_factor_and_say_so() {
    let table = FactorTable::with_overrides([
        ("diesel-van", FactorOverride::split(0.2, 0.05)),
        ("board-landfill", FactorOverride::total(500.0)),
        ("electric-van", FactorOverride::total(0.0)),
    ])
    .unwrap();
    let van = table.get("vehicle", "diesel-van").unwrap();
    assert_eq!((van.parts, van.kg_per_unit), (FactorParts::Split { ttw: 0.2, wtt: 0.05 }, 0.25));
    assert_eq!((van.source.as_str(), van.year), ("override", None));
    assert!(van.desnz_rows.is_empty());
    assert_eq!(van.label, factor("diesel-van").label);
    assert!(van.note.contains("the default was 0.31689"), "{}", van.note);
    assert_eq!(table.get("waste", "board-landfill").unwrap().parts, FactorParts::Total(500.0));
    // An overridden electric vehicle no longer claims DESNZ's energy use.
    assert_eq!(table.get("vehicle", "electric-van").unwrap().kwh_per_km, None);
    // The rest are the defaults.
    assert_eq!(table.get("vehicle", "petrol-van").unwrap(), factor("petrol-van"));
    assert_eq!(table.factors().len(), defaults().len());
    assert_eq!(FactorTable::with_overrides(Vec::<(&str, FactorOverride)>::new()).unwrap(), FactorTable::default());
}

#[test]
fn override_errors_name_the_factor() {
    let err = |id: &str, value| FactorTable::with_overrides([(id, value)]).unwrap_err().to_string();
    assert_eq!(
        err("diesel-van", FactorOverride::total(f64::NAN)),
        "factors.diesel-van.kgPerUnit must be a finite number, got NaN"
    );
    assert_eq!(
        err("diesel-van", FactorOverride::split(0.1, f64::INFINITY)),
        "factors.diesel-van.wtt must be a finite number, got Infinity"
    );
    assert_eq!(err("walk", FactorOverride::split(-1.0, 0.0)), "factors.walk.ttw must be between 0 and 1000000, got -1");
    assert_eq!(
        err("diesel-van", FactorOverride { kg_per_unit: Some(1.0), ttw: Some(1.0), wtt: None }),
        "factors.diesel-van: give either kgPerUnit, or both ttw and wtt"
    );
    assert_eq!(
        err("diesel-van", FactorOverride::default()),
        "factors.diesel-van: give either kgPerUnit, or both ttw and wtt"
    );
    assert!(
        err("spaceship", FactorOverride::total(1.0)).starts_with("factors.spaceship: unknown factor id `spaceship`")
    );
}

#[test]
fn emission_trace_names_the_factor_and_its_rows() {
    let board = factor("board-landfill");
    let e = emission(&EmissionInput {
        activity: Some(0.2),
        activity_unit: Some(board.unit.as_str().into()),
        energy: None,
        factor: board.emission_factor(),
    })
    .unwrap();
    assert!(close(e.kg_co2e, 0.2 * 1164.4894));
    assert_eq!(e.trace[1].name, "factor (board-landfill)");
    assert_eq!(e.trace[1].unit, "kg CO2e/tonne");
    assert_eq!(e.trace[1].source.as_deref(), Some(&*format!("{DESNZ}, OGL v3.0; rows 20_506_5446_15_1 (total)")));
    let overridden = FactorTable::with_overrides([("walk", FactorOverride::total(0.01))]).unwrap();
    let walk = overridden.get("mode", "walk").unwrap().emission_factor();
    assert_eq!(walk.source.as_deref(), Some("override, caller's own value"));
}

#[test]
fn citation_lists_every_row_with_its_part() {
    assert_eq!(
        factor("uk-grid-2025").citation(),
        format!(
            "{DESNZ}, OGL v3.0; rows 7_400_4000_5_1 (generation), 13_402_4000_5_1 (T&D), 15_917_4000_5_1 (WTT of \
             generation), 15_918_4000_5_1 (WTT of T&D)"
        )
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn serializes_in_camel_case_with_its_parts() {
    let json = serde_json::to_value(factor("electric-van")).unwrap();
    assert_eq!(json["id"], "electric-van");
    assert_eq!(json["unit"], "vehicle-km");
    assert_eq!(json["parts"]["ttw"], 0.0);
    assert_eq!(json["desnzRows"][2]["part"], "transmissionDistribution");
    assert_eq!(json["desnzRows"][2]["row"], "14_303_3108_4_1");
    assert!(json["kwhPerKm"].is_f64() && json["kgPerUnit"].is_f64());
    assert_eq!(json["licence"], "OGL v3.0");
    let board = serde_json::to_value(factor("board-landfill")).unwrap();
    assert_eq!(board["parts"], serde_json::json!({ "kgPerUnit": 1164.4894 }));
    assert!(board.get("kwhPerKm").is_none());
    let walk = serde_json::to_value(factor("walk")).unwrap();
    assert!(walk["year"].is_null() && walk.get("desnzWording").is_none());
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn overrides_deserialize_from_js_shapes() {
    let overrides: std::collections::BTreeMap<String, FactorOverride> =
        serde_json::from_str(r#"{ "diesel-van": { "ttw": 0.2, "wtt": 0.05 }, "grid-fr": { "kgPerUnit": 0.05 } }"#)
            .unwrap();
    let table = FactorTable::with_overrides(overrides).unwrap();
    assert_eq!(table.get("grid", "grid-fr").unwrap().kg_per_unit, 0.05);
    let typo = serde_json::from_str::<FactorOverride>(r#"{ "kgPerUnitt": 1 }"#).unwrap_err().to_string();
    assert!(typo.starts_with("unknown field `kgPerUnitt`"), "{typo}");
}

#[test]
fn overrides_beyond_the_plausible_bound_are_refused_at_the_door() {
    for f in defaults() {
        assert!(f.kg_per_unit <= MAX_KG_PER_UNIT, "{} would be refused as an override", f.id);
    }
    let err = |id: &str, value| FactorTable::with_overrides([(id, value)]).unwrap_err();
    let e = err("diesel-van", FactorOverride::total(1e308));
    assert_eq!((e.code(), e.field()), (Code::OutOfRange, "factors.diesel-van.kgPerUnit"));
    assert_eq!(err("diesel-van", FactorOverride::split(0.1, 1e308)).field(), "factors.diesel-van.wtt");
    assert_eq!(err("board-landfill", FactorOverride::split(1e6 + 1.0, 0.0)).field(), "factors.board-landfill.ttw");
    assert!(FactorTable::with_overrides([("battery-li-ion-primary", FactorOverride::total(MAX_KG_PER_UNIT))]).is_ok());
    let e = factor("electric-van").grid("gridKgPerKwh", 1e308).unwrap_err();
    assert_eq!((e.code(), e.field()), (Code::OutOfRange, "gridKgPerKwh"));
}
