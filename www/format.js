// The one formatting rule for every figure a person reads (shopper view, merchant view, widget): 2–3 significant
// figures, readable units (km above 1,000 m, kg above 1,000 g, t above 1,000 kg), and a range written beside its
// central value: "160 g (120–260 g)". Exports (JSON, CSV, GeoJSON) never go through here: they keep full precision.
// The Sources table shows factors as published (`published`), not rounded.

const formats = new Map();
const format = (options) => {
  const key = JSON.stringify(options);
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(undefined, options));
  return formats.get(key);
};

/** 3 significant figures from 100 up, 2 below ("3.6", "31", "511", "1,200"): about as precise as the estimates. */
export function sig(value) {
  if (!Number.isFinite(value)) return '—';
  const digits = Math.abs(value) >= 100 ? 3 : 2;
  return format({ maximumSignificantDigits: digits }).format(value);
}

/** The unit a mass in grams reads best in, and its divisor. */
function massUnit(grams) {
  const g = Math.abs(grams);
  if (g >= 1e6) return ['t', 1e6];
  if (g >= 1e3) return ['kg', 1e3];
  return ['g', 1];
}

/** Grams of CO2e, in g, kg or t: "160 g", "3.6 kg". */
export const grams = (g) => {
  const [unit, div] = massUnit(g);
  return `${sig(g / div)} ${unit}`;
};

/** Kilograms of CO2e, in the same units: "31 kg", "850 g". */
export const kilograms = (kg) => grams(kg * 1000);

/** Kilometres: "850 m" below 1 km, else "3.9 km", "1,610 km". */
export const km = (value) => (Math.abs(value) < 1 ? `${sig(value * 1000)} m` : `${sig(value)} km`);

/** A percentage: "94%"; just under 100 keeps a decimal so that it never reads 100% when it is not ("99.8%"). */
export function percent(p) {
  if (!Number.isFinite(p)) return '—';
  const digits = Math.abs(p) >= 99.5 && Math.abs(p) < 100 ? 3 : 2;
  return `${format({ maximumSignificantDigits: digits }).format(p)}%`;
}

/** A figure in grams with its range, both in the central value's unit: "160 g (120–260 g)". */
export function gramsRange(g, range) {
  const [unit, div] = massUnit(g);
  const central = `${sig(g / div)} ${unit}`;
  if (!range || !(range.high > range.low)) return central;
  return `${central} (${sig(range.low / div)}–${sig(range.high / div)} ${unit})`;
}

/** The same for kilograms. */
export const kilogramsRange = (kg, range) =>
  gramsRange(kg * 1000, range && { low: range.low * 1000, high: range.high * 1000 });

/** A percentage range: "88–97%"; with a negative end, "−140% to 33%", so that a dash never reads as a minus. */
export const percentRange = (range) =>
  range.low < 0 || range.high < 0
    ? `${percent(range.low)} to ${percent(range.high)}`
    : `${percent(range.low).slice(0, -1)}–${percent(range.high)}`;

/** Up to 6 significant figures: for the classroom and formula views, which show inputs as typed (not estimates). */
export const fmt = (value) => format({ maximumSignificantDigits: 6 }).format(value);

/** A factor as published (the DESNZ values have up to 5 decimals): float noise removed, nothing rounded away,
 *  so 0.21335 + 0.06183 reads 0.27518, not 0.27518000000000004. */
export const published = (value) => String(Number(value.toPrecision(12)));

/** A value with at most `digits` decimals (0–2), for coordinates and settings typed by the user. */
export const round = (value, digits = 0) => format({ maximumFractionDigits: digits }).format(value);

/** A logarithmic bar scale over `values` (all > 0): fraction(v) in [0.04, 1], so a 30 g option and an 11 kg one
 *  can both be read. `lo` is a decade below the smallest value. */
export function logScale(values) {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const hi = Math.max(...positive, 1e-9);
  const lo = Math.min(...positive, hi) / 3;
  const span = Math.log(hi / lo) || 1;
  return (v) => (v > 0 ? Math.min(1, Math.max(0.04, Math.log(v / lo) / span)) : 0);
}
