//! Every DESNZ value the factor table ships equals the official 2025 flat file's value for the same row ID, and each
//! row is what the factor claims (activity wording, unit, part). Also: the generated Rust file is what
//! `scripts/extract_factors.py` writes today.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use green_delivery::factors::{defaults, Part, Unit};

const OFFICIAL: &str = "data/desnz-ghg-conversion-factors-2025-flat.csv";

/// One official row, by column name.
struct Row(HashMap<String, String>);

impl Row {
    fn get(&self, column: &str) -> &str {
        self.0.get(column).map(String::as_str).unwrap_or_else(|| panic!("no column {column}"))
    }
}

/// Splits CSV text into records: commas, double-quoted fields (with `""` escapes), CRLF or LF line ends.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut records, mut record, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            (false, c) => field.push(c),
        }
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

fn official() -> (Vec<String>, HashMap<String, Row>) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(OFFICIAL);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut records = parse_csv(&text).into_iter();
    let header = records.next().unwrap();
    let mut rows = HashMap::new();
    let mut count = 0;
    for record in records {
        assert_eq!(record.len(), header.len(), "{record:?}");
        count += 1;
        let row = Row(header.iter().cloned().zip(record).collect());
        let id = row.get("ID").to_owned();
        if !id.is_empty() {
            assert!(rows.insert(id.clone(), row).is_none(), "row {id} appears twice");
        }
    }
    // data/README.md: 8,742 rows.
    assert_eq!(count, 8742);
    (header, rows)
}

/// Which DESNZ rows can supply each part (see the factors module docs).
fn part_matches(part: Part, row: &Row) -> bool {
    let (level1, level2) = (row.get("Level 1"), row.get("Level 2"));
    match part {
        Part::Ttw => ["Delivery vehicles", "Passenger vehicles", "Fuels", "Freighting goods"].contains(&level1),
        Part::Wtt => ["WTT- delivery vehs & freight", "WTT- pass vehs & travel- land", "WTT- fuels"].contains(&level1),
        Part::Generation => ["UK electricity", "UK electricity for EVs"].contains(&level1),
        Part::TransmissionDistribution => {
            ["Transmission and distribution", "UK electricity T&D for EVs"].contains(&level1)
                && !level2.contains("heat")
        }
        Part::WttGeneration => level2 == "WTT- UK electricity (generation)",
        Part::WttTransmissionDistribution => level2 == "WTT- UK electricity (T&D)",
        Part::Total => ["Waste disposal", "Material use"].contains(&level1),
    }
}

#[test]
fn every_shipped_desnz_value_is_the_official_one() {
    let (header, rows) = official();
    assert_eq!(header.last().map(String::as_str), Some("GHG Conversion Factor 2025"));
    let mut checked = 0;
    for factor in defaults() {
        for shipped in &factor.desnz_rows {
            let id = factor.id;
            let row = rows.get(shipped.row).unwrap_or_else(|| panic!("{id}: no official row {}", shipped.row));
            // The per-gas rows (CO2, CH4, N2O) share the wording; the factor must be the total.
            assert_eq!(row.get("GHG/Unit"), "kg CO2e", "{id}: row {}", shipped.row);
            let text = row.get("GHG Conversion Factor 2025");
            let value: f64 = text.parse().unwrap_or_else(|e| panic!("{id}: row {} value {text:?}: {e}", shipped.row));
            assert_eq!(shipped.value, value, "{id}: row {}", shipped.row);
            assert_eq!(factor.year, Some(2025), "{id}");
            checked += 1;
        }
    }
    assert_eq!(checked, 63, "rows checked");
}

#[test]
fn every_row_is_what_its_factor_claims() {
    let (_, rows) = official();
    for factor in defaults() {
        for shipped in &factor.desnz_rows {
            let (id, row) = (factor.id, &rows[shipped.row]);
            let uom = match factor.unit {
                Unit::VehicleKm => "km",
                Unit::Kwh => "kWh",
                Unit::Litre => "litres",
                Unit::Tonne => "tonnes",
                Unit::TonneKm => "tonne.km",
                Unit::PassengerKm => panic!("{id}: DESNZ has no passenger-km row here"),
            };
            assert_eq!(row.get("UOM"), uom, "{id}: row {}", shipped.row);
            let wording = ["Level 1", "Level 2", "Level 3", "Level 4", "Column Text"].map(|c| row.get(c));
            for word in &factor.desnz_wording {
                assert!(wording.contains(word), "{id}: row {} is {wording:?}, not {word:?}", shipped.row);
            }
            assert!(
                part_matches(shipped.part, row),
                "{id}: row {} ({wording:?}) cannot be {:?}",
                shipped.row,
                shipped.part
            );
        }
    }
}

#[test]
fn reference_sheet_rows_are_the_vans_and_the_uk_grid() {
    // The figures the project's reference sheet quotes, found by their wording.
    let (_, rows) = official();
    let van = |id: &str| {
        let row = &rows[id];
        assert_eq!((row.get("Level 3"), row.get("UOM")), ("Average (up to 3.5 tonnes)", "km"), "{id}");
        row.get("GHG Conversion Factor 2025").to_owned()
    };
    assert_eq!(van("5_303_3102_4_1"), "0.25561");
    assert_eq!(van("28_906_3102_4_1"), "0.06128");
    assert_eq!(van("8_303_3108_4_1"), "0.06315");
    assert_eq!(van("14_303_3108_4_1"), "0.00662");
    assert_eq!(van("28_906_3108_4_1"), "0.01759");
    let grid: Vec<&str> = ["7_400_4000_5_1", "13_402_4000_5_1", "15_917_4000_5_1", "15_918_4000_5_1"]
        .map(|id| rows[id].get("GHG Conversion Factor 2025"))
        .to_vec();
    assert_eq!(grid, ["0.177", "0.01853", "0.0459", "0.00397"]);
}

#[test]
fn repo_copy_is_the_shared_official_file_when_present() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = root.join("../shared/data/desnz-ghg-conversion-factors-2025-flat.csv");
    let Ok(shared) = std::fs::read(&shared) else {
        eprintln!("skipped: {} is not here", shared.display());
        return;
    };
    assert!(std::fs::read(root.join(OFFICIAL)).unwrap() == shared, "{OFFICIAL} differs from the shared copy");
}

#[test]
fn generated_rows_are_up_to_date() {
    let root = env!("CARGO_MANIFEST_DIR");
    let run = Command::new("python3").args(["scripts/extract_factors.py", "--check"]).current_dir(root).output();
    match run {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => eprintln!("skipped: python3 is not installed"),
        Err(e) => panic!("python3: {e}"),
        Ok(out) => assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr)),
    }
}

#[test]
fn csv_parser_handles_quotes_and_crlf() {
    let records = parse_csv("a,\"b, c\",\"d \"\"e\"\"\"\r\n,END\r\n");
    assert_eq!(records, [vec!["a", "b, c", "d \"e\""], vec!["", "END"]]);
}
