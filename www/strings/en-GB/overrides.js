// What the views say about the factor overrides saved in this browser (www/overrides.js), in British English.
export const lang = 'en-GB';

const WHAT = { factor: 'factor', digital: 'digital-energy' };

export const O = {
  /** Sentences one after another. */
  join: (sentences) => sentences.join(' '),
  unreadable: (what) => `Your saved ${WHAT[what]} overrides could not be read and are ignored.`,
  invalid: (what) => `Your saved ${WHAT[what]} overrides are not valid and are ignored.`,
  defaults: 'The figures use the default values.',
  impossible: 'Your saved overrides make this calculation impossible, so it uses the default values.',
  /** The factors whose saved values replace the defaults (a view may use only some of them). */
  inUse: (names) =>
    `Your own values for ${new Intl.ListFormat(lang, { type: 'conjunction' }).format(names)} replace the defaults wherever they apply: change or reset them under Sources.`,
};
