#!/usr/bin/env python3
"""Copy the DESNZ 2025 values the factor table uses into src/factors/desnz_2025.rs.

The DESNZ numbers are never typed by hand: this script reads them from the official flat file, by row ID, so the
generated Rust file is the only place in the repo (besides the official file) that holds them.

    python3 scripts/extract_factors.py           # rewrite src/factors/desnz_2025.rs
    python3 scripts/extract_factors.py --check   # exit 1 if the file is not what this script would write

Standard library only.
"""

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "data" / "desnz-ghg-conversion-factors-2025-flat.csv"
OUTPUT = ROOT / "src" / "factors" / "desnz_2025.rs"

# What each part adds up to (see `Part` in src/factors/mod.rs): ttw is tank-to-wheel; every other part of a vehicle
# or grid factor is upstream (well-to-tank under GLEC / ISO 14083); total is a factor with no split (waste, materials).
PARTS = {
    "ttw": "Ttw",
    "wtt": "Wtt",
    "generation": "Generation",
    "t&d": "TransmissionDistribution",
    "wtt-generation": "WttGeneration",
    "wtt-t&d": "WttTransmissionDistribution",
    "total": "Total",
}

# (factor id, part, DESNZ row ID). The row IDs are the `ID` column of the flat file; per km rows (UOM "km") for
# vehicles, per tonne-km for freight, per litre for fuels, per kWh for the grid, per tonne for waste and materials.
ROWS = [
    # Vans, "Average (up to 3.5 tonnes)", average laden.
    ("diesel-van", "ttw", "5_303_3102_4_1"),  # Delivery vehicles > Vans > Diesel
    ("diesel-van", "wtt", "28_906_3102_4_1"),  # WTT- delivery vehs & freight > WTT- vans > Diesel
    ("petrol-van", "ttw", "5_303_3103_4_1"),
    ("petrol-van", "wtt", "28_906_3103_4_1"),
    ("electric-van", "ttw", "5_303_3108_4_1"),  # Battery Electric Vehicle: 0 in the vehicle
    ("electric-van", "generation", "8_303_3108_4_1"),  # UK electricity for EVs
    ("electric-van", "t&d", "14_303_3108_4_1"),  # UK electricity T&D for EVs
    ("electric-van", "wtt", "28_906_3108_4_1"),
    # Line-haul: HGVs (all diesel), "All artics", average laden, per tonne-km (Freighting goods).
    ("hgv-artic", "ttw", "27_304_3136_14_1"),  # Freighting goods > HGV (all diesel) > All artics
    ("hgv-artic", "wtt", "28_907_3136_14_1"),  # WTT- delivery vehs & freight > WTT- HGV (all diesel) > All artics
    # Cars, "Average car" (the shopper's own trip).
    ("petrol-car", "ttw", "4_301_3070_4_1"),  # Passenger vehicles > Cars (by size) > Petrol
    ("petrol-car", "wtt", "26_904_3070_4_1"),  # WTT- pass vehs & travel- land > WTT- cars (by size)
    ("diesel-car", "ttw", "4_301_3069_4_1"),
    ("diesel-car", "wtt", "26_904_3069_4_1"),
    ("electric-car", "ttw", "4_301_3076_4_1"),
    ("electric-car", "generation", "8_301_3076_4_1"),
    ("electric-car", "t&d", "14_301_3076_4_1"),
    ("electric-car", "wtt", "26_904_3076_4_1"),
    # Fuels, per litre: turn a fuelled vehicle's TTW kg CO2e into litres burnt (litres = TTW kg ÷ the TTW row).
    ("diesel-fuel", "ttw", "1_101_1011_8_1"),  # Fuels > Liquid fuels > Diesel (average biofuel blend)
    ("diesel-fuel", "wtt", "11_101_1011_8_1"),  # WTT- fuels > Liquid fuels > Diesel (average biofuel blend)
    ("petrol-fuel", "ttw", "1_101_1017_8_1"),  # Fuels > Liquid fuels > Petrol (average biofuel blend)
    ("petrol-fuel", "wtt", "11_101_1017_8_1"),
    # UK grid electricity, per kWh consumed.
    ("uk-grid-2025", "generation", "7_400_4000_5_1"),  # UK electricity > Electricity generated
    ("uk-grid-2025", "t&d", "13_402_4000_5_1"),  # Transmission and distribution > T&D- UK electricity
    ("uk-grid-2025", "wtt-generation", "15_917_4000_5_1"),
    ("uk-grid-2025", "wtt-t&d", "15_918_4000_5_1"),
    # Waste disposal, per tonne. Recycling is closed-loop where DESNZ has it, else open-loop.
    ("board-landfill", "total", "20_506_5446_15_1"),
    ("board-incineration", "total", "20_506_5444_15_1"),
    ("board-recycling", "total", "20_506_5443_15_1"),  # closed-loop
    ("paper-landfill", "total", "20_506_5460_15_1"),
    ("paper-incineration", "total", "20_506_5458_15_1"),
    ("paper-recycling", "total", "20_506_5457_15_1"),  # closed-loop
    ("plastic-landfill", "total", "20_505_5383_15_1"),
    ("plastic-incineration", "total", "20_505_5381_15_1"),
    ("plastic-recycling", "total", "20_505_5380_15_1"),  # closed-loop
    ("plastic-recycling-open", "total", "20_505_5379_15_1"),  # open-loop
    ("plastic-film-landfill", "total", "20_505_5390_15_1"),
    ("plastic-film-incineration", "total", "20_505_5388_15_1"),
    ("plastic-film-recycling", "total", "20_505_5387_15_1"),  # closed-loop
    ("plastic-film-recycling-open", "total", "20_505_5386_15_1"),  # open-loop
    ("weee-small-landfill", "total", "20_503_5341_15_1"),
    ("weee-small-incineration", "total", "20_503_5339_15_1"),
    ("weee-small-recycling", "total", "20_503_5337_15_1"),  # open-loop (no closed-loop row)
    ("weee-large-landfill", "total", "20_503_5327_15_1"),
    ("weee-large-incineration", "total", "20_503_5325_15_1"),
    ("weee-large-recycling", "total", "20_503_5323_15_1"),  # open-loop
    ("weee-mixed-landfill", "total", "20_503_5334_15_1"),
    ("weee-mixed-incineration", "total", "20_503_5332_15_1"),
    ("weee-mixed-recycling", "total", "20_503_5330_15_1"),  # open-loop
    ("battery-landfill", "total", "20_503_5348_15_1"),  # one "Batteries" row; no Li-ion / alkaline split
    ("battery-recycling", "total", "20_503_5344_15_1"),  # open-loop
    # Material use, per tonne: primary production, and closed-loop source (made from recycled material of the same
    # kind) where DESNZ has one; recycling's benefit to the user of the material is primary - closed-loop source.
    # DESNZ has no closed-loop source rows for electricals or batteries, and no material-use row for mixed WEEE.
    ("board-primary", "total", "19_506_5156_15_1"),
    ("board-closed-loop-source", "total", "19_506_5159_15_1"),
    ("paper-primary", "total", "19_506_5164_15_1"),
    ("paper-closed-loop-source", "total", "19_506_5167_15_1"),
    ("plastic-primary", "total", "19_505_5120_15_1"),
    ("plastic-closed-loop-source", "total", "19_505_5123_15_1"),
    ("plastic-film-primary", "total", "19_505_5124_15_1"),
    ("plastic-film-closed-loop-source", "total", "19_505_5127_15_1"),
    ("weee-small-primary", "total", "19_503_5088_15_1"),  # Electrical items - small
    ("weee-large-primary", "total", "19_503_5080_15_1"),  # Electrical items - large
    ("battery-li-ion-primary", "total", "19_503_5096_15_1"),  # Batteries - Li ion
    ("battery-alkaline-primary", "total", "19_503_5092_15_1"),  # Batteries - Alkaline
]

# A value as DESNZ prints it must also be a Rust f64 literal once ".0" is added to whole numbers.
NUMBER = re.compile(r"^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$")


def official_rows():
    with SOURCE.open(newline="", encoding="utf-8") as f:
        return {row["ID"]: row for row in csv.DictReader(f)}


def rust_literal(text):
    if not NUMBER.match(text):
        sys.exit(f"not a number: {text!r}")
    # "6308" would be an integer in Rust; "8e-05" and "0.0459" already parse as f64.
    return text + ".0" if text.isdigit() else text


def generate():
    official = official_rows()
    seen = set()
    lines = []
    for factor, part, row_id in ROWS:
        if row_id in seen:
            sys.exit(f"row {row_id} is listed twice")
        seen.add(row_id)
        if part not in PARTS:
            sys.exit(f"{factor}: unknown part {part!r}")
        row = official.get(row_id)
        if row is None:
            sys.exit(f"{factor}: no row {row_id} in {SOURCE.name}")
        # The per-gas rows share a factor's wording; only the "kg CO2e" row is the total the table wants.
        if row["GHG/Unit"] != "kg CO2e":
            sys.exit(f"{factor}: row {row_id} is {row['GHG/Unit']!r}, not 'kg CO2e'")
        value = rust_literal(row["GHG Conversion Factor 2025"])
        lines.append(f'    ("{factor}", Part::{PARTS[part]}, "{row_id}", {value}),\n')
    return (
        "// @generated by scripts/extract_factors.py from data/desnz-ghg-conversion-factors-2025-flat.csv.\n"
        "// Do not edit: change the row list in the script and run it again.\n"
        "// Contains public sector information licensed under the Open Government Licence v3.0.\n"
        "\n"
        "use super::Part;\n"
        "\n"
        "/// (factor id, part, DESNZ row ID, kg CO2e per unit) for every DESNZ 2025 row the factor table uses.\n"
        "pub(super) const ROWS: &[(&str, Part, &str, f64)] = &[\n" + "".join(lines) + "];\n"
    )


def main():
    text = generate()
    if sys.argv[1:] == ["--check"]:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            sys.exit(f"{OUTPUT.relative_to(ROOT)} is out of date: run python3 scripts/extract_factors.py")
        return
    if sys.argv[1:]:
        sys.exit(__doc__)
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(ROWS)} rows to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
