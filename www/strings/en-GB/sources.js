// The calculator's own texts in the Sources view (www/sources.js), in British English: where each setting and
// digital-energy figure comes from, their units, and a factor's source, as the API gives them (the Rust tables are
// written in English). A translation looks each exact English text up in a table of its own and gives it back
// unchanged where it has none; citations (authors, titles, journals, URLs, licences, row codes) stay as published.
// tests/page/i18n.test.mjs checks that every translation has every text the API gives.

export const lang = 'en-GB';

/** A source or note (a setting's, a digital-energy figure's "source. note", a factor's), in this language. */
export const sourceText = (english) => english;
/** A setting's or digital-energy figure's unit ("parcels/round", "ratio"), in this language. */
export const unitText = (english) => english;
/** Whether this language has `english` in its tables (British English is the original: every text). */
export const translates = () => true;
/** A source borrowed from another country (a proxy), after that country's name. */
export const fromCountry = (country, source) => `${country}: ${source}`;
