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
};
