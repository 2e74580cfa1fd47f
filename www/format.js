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

/** The real minus sign: Intl writes a hyphen-minus ("-2,800%") in most languages, which reads as a dash. */
export const MINUS = '\u2212';
/** Intl's parts joined, with its minus sign (whatever character the language uses) written as U+2212. */
const joined = (parts) => parts.map((p) => (p.type === 'minusSign' ? MINUS : p.value)).join('');
/** `format(value)`, with a negative's sign as "−2,800%". Only a negative (or −0) has a minus sign to replace, and
 *  formatToParts costs several times what format does (a page writes hundreds of figures as it opens). */
const write = (formatter, value) => (value < 0 || Object.is(value, -0) ? joined(formatter.formatToParts(value)) : formatter.format(value));
/** `formatRange(a, b)` likewise. A hyphen between the ends (Chinese writes "53-150") becomes an en dash, as English
 *  and German write it: one way in every language, and with a negative end only the minus signs look like minus
 *  signs. */
const writeRange = (formatter, a, b) => {
  // Both ends non-negative: no minus sign, and the only hyphen is the one between the ends.
  if (a >= 0 && b >= 0 && !Object.is(a, -0)) return formatter.formatRange(a, b).replace('-', '\u2013');
  const parts = formatter.formatRangeToParts(a, b);
  for (const p of parts) if (p.type === 'literal' && p.source === 'shared') p.value = p.value.replace('-', '\u2013');
  return joined(parts);
};

/** Digits for an estimate: 3 significant figures from 100 up, 2 below ("3.6", "31", "511", "1,200"). */
const sigDigits = (value) => (Math.abs(value) >= 100 ? 3 : 2);
/** `value` rounded to its own `sigDigits`: each end of a range is written as it would be alone ("53–150 g", not
 *  "53.2–150 g", which a formatter with one precision for both ends writes). */
const ownDigits = (value) => Number(value.toPrecision(sigDigits(value)));

/** Below this, a plain figure is written "< 0.001": 2 significant figures of 3.8e-13 would be float noise
 *  ("0.00000000000038 L"), not information. */
const TINY = 0.001;

/** A factor within ±5% of 1 reads "about the same" (a van class factor of 1.02 is not "1 times as much"). */
export const nearOne = (factor) => Math.abs(factor - 1) <= 0.05;

/**
 * The formatting rules in one language. `locale` is a BCP 47 tag; `tonne` writes a number of tonnes in that
 * language (`(n) => `${n} t``), since Intl has no tonne unit; `unitDisplay` is how Intl writes the others ('short':
 * "2.4 kg"; 'long' in Chinese: "2.4千克", as Chinese text writes units); `below` writes "less than" a figure
 * ("< 0.01 mm"), for values too small to write honestly.
 */
export function numbers(locale, { tonne = (n) => `${n} t`, unitDisplay = 'short', below = (x) => `< ${x}` } = {}) {
  const unitFormat = (u, digits) => nf(locale, { style: 'unit', unit: u, unitDisplay, maximumSignificantDigits: digits });
  const unit = (u, digits, value) => write(unitFormat(u, digits), value);
  const plain = (digits, value) => write(nf(locale, { maximumSignificantDigits: digits }), value);
  /** "< 0.001" for 0 < |value| < 0.001 ("> −0.001" below zero). */
  const tinyPlain = (value) => (value > 0 ? below(plain(1, TINY)) : `> ${plain(1, -TINY)}`);
  /** 2–3 significant figures, as `sig` says; a tiny non-zero value in its "less than" form. */
  const sig = (value) => {
    if (!Number.isFinite(value)) return '—';
    if (value !== 0 && Math.abs(value) < TINY) return tinyPlain(value);
    return plain(sigDigits(value), value);
  };
  /** The unit a mass in grams reads best in, and its divisor: g, kg from 1,000 g, t from 1,000 kg. */
  const massUnit = (g) => {
    const a = Math.abs(g);
    return a >= 1e6 ? [null, 1e6] : a >= 1e3 ? ['kilogram', 1e3] : ['gram', 1];
  };
  /** A mass in grams in the unit `[u, div]`: "160 g", "3.6 kg", "1.2 t"; a tiny mass "< 0.01 g". */
  const massIn = ([u, div], g, digits = sigDigits) => {
    const x = g / div;
    if (u === 'gram' && g !== 0 && Math.abs(g) < 0.01) return g > 0 ? below(unit('gram', 1, 0.01)) : `> ${unit('gram', 1, -0.01)}`;
    return u ? unit(u, digits(x), x) : tonne(plain(digits(x), x));
  };
  const mass = (g, digits = sigDigits) => massIn(massUnit(g), g, digits);
  /** A share in percent: "94%"; just under 100 keeps a decimal so that it never reads 100% when it is not. */
  const percent = (p) =>
    Number.isFinite(p)
      ? write(nf(locale, { style: 'percent', maximumSignificantDigits: Math.abs(p) >= 99.5 && Math.abs(p) < 100 ? 3 : 2 }), p / 100)
      : '—';
  /** A distance in km in the unit it reads best in: "24,200 km", "850 m", "3 mm"; below 0.01 mm, "< 0.01 mm". */
  const km = (value) => {
    if (!Number.isFinite(value)) return '—';
    const m = Math.abs(value) * 1000;
    if (m >= 1000) return unit('kilometer', sigDigits(value), value);
    if (m >= 1 || m === 0) return unit('meter', sigDigits(value * 1000), value * 1000);
    const mm = value * 1e6;
    if (Math.abs(mm) >= 0.01) return unit('millimeter', sigDigits(mm), mm);
    return value > 0 ? below(unit('millimeter', 1, 0.01)) : `> ${unit('millimeter', 1, -0.01)}`;
  };
  const rangeFormat = (digits) => nf(locale, { maximumSignificantDigits: digits });
  return {
    locale,
    sig,
    grams: (g) => (Number.isFinite(g) ? mass(g) : '—'),
    kilograms: (kg) => (Number.isFinite(kg) ? mass(kg * 1000) : '—'),
    km,
    percent,
    /** A figure in grams with its range, both in the central value's unit: "160 g (120–260 g)". */
    gramsRange(g, range) {
      if (!Number.isFinite(g)) return '—';
      const central = mass(g);
      if (!range || !(range.high > range.low)) return central;
      const [u, div] = massUnit(g);
      const lo = ownDigits(range.low / div);
      const hi = ownDigits(range.high / div);
      // formatRange writes the language's own range ("120–260 g", "120-260克"), one unit for both ends.
      const both = u
        ? writeRange(unitFormat(u, Math.max(sigDigits(lo), sigDigits(hi))), lo, hi)
        : tonne(writeRange(rangeFormat(Math.max(sigDigits(lo), sigDigits(hi))), lo, hi));
      return `${central} (${both})`;
    },
    /** A range's two ends, each written alone but in the central value's unit, as `gramsRange` shows them: for a
     *  sentence ("from 0.66 kg to 3.3 kg"). */
    gramsEnds(g, range) {
      const u = massUnit(g);
      return [massIn(u, range.low), massIn(u, range.high)];
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
      const numbersRange = writeRange(nf(locale, { maximumSignificantDigits: 2 }), range.low, range.high);
      return `${around(parts.slice(0, first))}${numbersRange}${around(parts.slice(first + 1))}`;
    },
    /** Whether a factor reads "about the same" rather than "1.3 times as much" (±5% of 1). */
    nearOne,
    /** Up to 6 significant figures: inputs as typed (classroom, formulas), not estimates. */
    fmt: (value) => plain(6, value),
    /** At most `digits` decimals (0–2), for coordinates and settings typed by the user. */
    round: (value, digits = 0) => write(nf(locale, { maximumFractionDigits: digits }), value),
    /** A whole count: "3,796", "3.796", "3,796". */
    count: (value) => write(nf(locale, { maximumFractionDigits: 0 }), value),
  };
}

/** A factor as published (the DESNZ values have up to 5 decimals): float noise removed, nothing rounded away,
 *  so 0.21335 + 0.06183 reads 0.27518, not 0.27518000000000004. */
export const published = (value) => String(Number(value.toPrecision(12)));
