// The one formatting rule for every figure a person reads (shopper view, merchant view, widget, CLI): 2–3
// significant figures, readable units (km above 1,000 m, kg above 1,000 g, t above 1,000 kg), and a range written
// beside its central value: "160 g (120–260 g)". Exports (JSON, CSV, GeoJSON) never go through here: they keep full
// precision. The Sources table shows factors as published (`published`), not rounded.
//
// Every rule takes the reader's language: `numbers('de-DE').grams(1234)` is "1,2 kg", `numbers('zh-CN')` writes
// "1.2千克". Digits, separators and the units Intl knows (g, kg, km, m, %) come from Intl.NumberFormat; a tonne,
// which Intl does not name, comes from the language's strings table (`units.t`, "{n} t").

const cache = new Map();
/** An Intl.NumberFormat for `locale` and `options`, made once. */
function nf(locale, options) {
  const key = `${locale}|${JSON.stringify(options)}`;
  if (!cache.has(key)) cache.set(key, new Intl.NumberFormat(locale, options));
  return cache.get(key);
}

/** Digits for an estimate: 3 significant figures from 100 up, 2 below ("3.6", "31", "511", "1,200"). */
const sigDigits = (value) => (Math.abs(value) >= 100 ? 3 : 2);

/**
 * The formatting rules in one language. `locale` is a BCP 47 tag; `tonne` writes a number of tonnes in that
 * language (`(n) => `${n} t``), since Intl has no tonne unit; `unitDisplay` is how Intl writes the others ('short':
 * "2.4 kg"; 'long' in Chinese: "2.4千克", as Chinese text writes units).
 */
export function numbers(locale, { tonne = (n) => `${n} t`, unitDisplay = 'short' } = {}) {
  const unit = (u, digits, value) =>
    nf(locale, { style: 'unit', unit: u, unitDisplay, maximumSignificantDigits: digits }).format(value);
  const plain = (digits, value) => nf(locale, { maximumSignificantDigits: digits }).format(value);
  /** 2–3 significant figures, as `sig` says. */
  const sig = (value) => (Number.isFinite(value) ? plain(sigDigits(value), value) : '—');
  /** A mass in grams in the unit it reads best in: "160 g", "3.6 kg", "1.2 t". */
  const mass = (g, digits = sigDigits) => {
    const a = Math.abs(g);
    if (a >= 1e6) return tonne(plain(digits(g / 1e6), g / 1e6));
    if (a >= 1e3) return unit('kilogram', digits(g / 1e3), g / 1e3);
    return unit('gram', digits(g), g);
  };
  /** A share in percent: "94%"; just under 100 keeps a decimal so that it never reads 100% when it is not. */
  const percent = (p) =>
    Number.isFinite(p)
      ? nf(locale, { style: 'percent', maximumSignificantDigits: Math.abs(p) >= 99.5 && Math.abs(p) < 100 ? 3 : 2 }).format(p / 100)
      : '—';
  const rangeFormat = (digits) => nf(locale, { maximumSignificantDigits: digits });
  return {
    locale,
    sig,
    grams: (g) => (Number.isFinite(g) ? mass(g) : '—'),
    kilograms: (kg) => (Number.isFinite(kg) ? mass(kg * 1000) : '—'),
    km: (value) => (Math.abs(value) < 1 ? unit('meter', sigDigits(value * 1000), value * 1000) : unit('kilometer', sigDigits(value), value)),
    percent,
    /** A figure in grams with its range, both in the central value's unit: "160 g (120–260 g)". */
    gramsRange(g, range) {
      if (!Number.isFinite(g)) return '—';
      const central = mass(g);
      if (!range || !(range.high > range.low)) return central;
      const a = Math.abs(g);
      const [u, div] = a >= 1e6 ? [null, 1e6] : a >= 1e3 ? ['kilogram', 1e3] : ['gram', 1];
      const lo = range.low / div;
      const hi = range.high / div;
      // formatRange writes the language's own range ("120–260 g", "120-260克"), one unit for both ends.
      const both = u
        ? nf(locale, { style: 'unit', unit: u, unitDisplay, maximumSignificantDigits: Math.max(sigDigits(lo), sigDigits(hi)) }).formatRange(lo, hi)
        : tonne(rangeFormat(Math.max(sigDigits(lo), sigDigits(hi))).formatRange(lo, hi));
      return `${central} (${both})`;
    },
    kilogramsRange(kg, range) {
      return this.gramsRange(kg * 1000, range && { low: range.low * 1000, high: range.high * 1000 });
    },
    /** A percentage range: "88–97%"; with a negative end, "−140% to 33%" in the language's words, so that a dash
     *  never reads as a minus (`to` gives the words: (a, b) => `${a} to ${b}`). */
    percentRange(range, to = (a, b) => `${a} – ${b}`) {
      if (range.low < 0 || range.high < 0) return to(percent(range.low), percent(range.high));
      // The numbers' range in the language's form ("68–89"), inside its percent pattern ("…%", "… %"): one sign.
      const parts = nf(locale, { style: 'percent' }).formatToParts(0.5);
      const first = parts.findIndex((p) => p.type === 'integer');
      const around = (list) => list.map((p) => p.value).join('');
      const numbersRange = nf(locale, { maximumSignificantDigits: 2 }).formatRange(range.low, range.high);
      return `${around(parts.slice(0, first))}${numbersRange}${around(parts.slice(first + 1))}`;
    },
    /** Up to 6 significant figures: inputs as typed (classroom, formulas), not estimates. */
    fmt: (value) => plain(6, value),
    /** At most `digits` decimals (0–2), for coordinates and settings typed by the user. */
    round: (value, digits = 0) => nf(locale, { maximumFractionDigits: digits }).format(value),
    /** A whole count: "3,796", "3.796", "3,796". */
    count: (value) => nf(locale, { maximumFractionDigits: 0 }).format(value),
  };
}

/** A factor as published (the DESNZ values have up to 5 decimals): float noise removed, nothing rounded away,
 *  so 0.21335 + 0.06183 reads 0.27518, not 0.27518000000000004. */
export const published = (value) => String(Number(value.toPrecision(12)));

/** A logarithmic bar scale over `values` (all > 0): fraction(v) in [0.04, 1], so a 30 g option and an 11 kg one
 *  can both be read. `lo` is a decade below the smallest value. */
export function logScale(values) {
  const positive = values.filter((v) => v > 0 && Number.isFinite(v));
  const hi = Math.max(...positive, 1e-9);
  const lo = Math.min(...positive, hi) / 3;
  const span = Math.log(hi / lo) || 1;
  return (v) => (v > 0 ? Math.min(1, Math.max(0.04, Math.log(v / lo) / span)) : 0);
}

// British English, the page's first language: for modules not yet moved to the reader's language.
// TODO(issue 20): every view takes its language's `numbers` from its strings table; then these go.
const en = numbers('en-GB');
export const { sig, grams, kilograms, km, percent, gramsRange, fmt, round } = en;
export const kilogramsRange = (kg, range) => en.kilogramsRange(kg, range);
export const percentRange = (range) => en.percentRange(range, (a, b) => `${a} to ${b}`);
