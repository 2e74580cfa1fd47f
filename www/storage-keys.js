// Where this browser keeps the reader's factor overrides (localStorage, written by overrides.js). boot.js reads
// them too: a visit with overrides stored computes its answer instead of showing the one in the markup.
export const FACTOR_KEY = 'green-delivery:factor-overrides';
export const DIGITAL_KEY = 'green-delivery:digital-overrides';
export const OVERRIDE_KEYS = [FACTOR_KEY, DIGITAL_KEY];
