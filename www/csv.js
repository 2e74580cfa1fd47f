// CSV exports, one implementation for the page's merchant export (www/merchant.js) and the command line
// (bin/green-delivery.js), so that the same result gives the same bytes.
// Numbers are written at most 12 significant figures, in JavaScript's shortest form (README, "Exports"): the float
// noise of arithmetic goes (0.21335 + 0.06183 is 0.27518000000000004 in binary, written 0.27518), and every digit
// that data or models carry stays (the DESNZ values have at most 9 significant figures; the figures themselves are
// far less certain than 12).

/** A number as the exports write it. */
export const csvNumber = (x) => String(Number(x.toPrecision(12)));

/** A CSV cell: empty for null or undefined, a number by `csvNumber`, text quoted when it holds a comma, a quote or
 *  a line break. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? csvNumber(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows of cells as CSV text, one line each, ending with a line break. */
export const csvLines = (rows) => rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';

/** The scenario table of a `consolidate` result: the merchant view's "Download scenarios (CSV)" and the CLI's
 *  `consolidate --format csv`. */
export function scenarioCsv(result) {
  const head = ['scenario', 'baseline', 'area', 'vehicle_km', 'shopper_km', 'kwh', 'kg_co2e', 'kg_co2e_low', 'kg_co2e_high',
    'coverage', 'kg_co2e_central', 'ttw_kg', 'wtt_kg', 'g_co2e_per_parcel', 'saving_percent', 'saving_percent_low',
    'saving_percent_high', 'saving_clear'];
  const rows = result.scenarios.map((s) => [
    s.id, result.baseline, result.variants.area, s.vehicleKm, s.shopperKm, s.kwh, s.kgCo2e, s.range.low, s.range.high,
    s.range.coverage, s.centralKg, s.ttwKg, s.wttKg, s.gCo2ePerParcel, s.savingPercent, s.savingRange?.low,
    s.savingRange?.high, s.savingClear,
  ]);
  return csvLines([head, ...rows]);
}
