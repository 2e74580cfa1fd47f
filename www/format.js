// Number formatting shared by every view: the reader's locale, at most 6 significant figures.
const numberFormat = new Intl.NumberFormat(undefined, { maximumSignificantDigits: 6 });

export const fmt = (value) => numberFormat.format(value);
