// Number formatting shared by every view: the reader's locale, at most 6 significant figures.
const numberFormat = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 6 });

export const fmt = (value) => numberFormat.format(value);

const fixed = [0, 1, 2].map((digits) => new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }));

/** A value with at most `digits` decimals (0–2), for tables where 6 significant figures would be noise. */
export const round = (value, digits = 0) => fixed[digits].format(value);
