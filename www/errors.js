// Plain sentences for people from the package's errors. Every error the API throws carries a stable `code` and the
// `field` it is about (a JS path such as `shopper.lat`, `orders[3].lat` or `factors.diesel-van.ttw`); the message
// is for developers. This module branches on code and field only, never on message text, and falls back to a
// generic sentence when either is missing or unknown.

/** Friendly names for fields, by their path with any array index written `[]`. */
const FIELD_NAMES = {
  'shopper.lat': 'latitude',
  'shopper.lon': 'longitude',
  shopper: 'location',
  'depot.lat': 'depot latitude',
  'depot.lon': 'depot longitude',
  depot: 'depot',
  'orders[].lat': 'latitude of an order',
  'orders[].lon': 'longitude of an order',
  'orders[].parcels': 'number of parcels of an order',
  lat: 'latitude',
  lon: 'longitude',
  parcels: 'number of parcels',
  weight_kg: 'weight',
  capacity: 'parcels per round',
  vehicle: 'vehicle',
  car: 'car',
  grid: 'electricity grid',
  stemKm: 'road distance from the shop',
  pickupKm: 'distance to the pickup point',
  'pickup.points': 'number of pickup points',
  pickupPoints: 'number of pickup points',
  roadFactor: 'road factor',
  option: 'delivery option',
  'packaging.items[].massKg': 'packaging mass',
  'packaging.items[].material': 'packaging material',
  'packaging.items[].route': 'packaging end of life',
  'digital.pages': 'number of pages viewed',
  'digital.bytesPerPage': 'size of a page',
  k: 'number of clusters',
  seed: 'seed',
  geojson: 'file',
  factors: 'factor overrides',
  digitalFactors: 'digital-energy overrides',
  offers: 'list of delivery options',
};

/** Ranges worth stating in words, by the last part of the field. */
const RANGES = {
  lat: 'between -90 and 90',
  lon: 'between -180 and 180',
};

/** The friendly name of a field path, or '' when there is nothing useful to say. */
export function fieldName(field) {
  if (typeof field !== 'string' || field === '') return '';
  const path = field.replace(/\[\d+\]/g, '[]');
  if (FIELD_NAMES[path]) return FIELD_NAMES[path];
  const factor = path.match(/^(?:.*\.)?factors\.([^.]+)(?:\.(kgPerUnit|ttw|wtt))?$/);
  if (factor) return `${factor[1]} factor`;
  const digital = path.match(/^(?:.*\.)?digitalFactors\.([^.]+)$/);
  if (digital) return `${digital[1]} figure`;
  const last = path.split('.').pop().replace(/\[\]$/, '');
  return FIELD_NAMES[last] ?? '';
}

const WHOLE_INPUT = {
  'too-deep': 'This file is too deeply nested to read.',
  'too-large': 'This file is too large to read.',
  'too-much-work': 'That is more than the calculator can work through here; try fewer orders or points.',
  overflow: 'The numbers are too large to calculate with.',
  unreadable: 'This file could not be read.',
  'bad-file': 'This file is not in a format the calculator can read.',
  aborted: 'The calculation was stopped.',
  conflict: 'Some of these settings cannot be used together.',
};

const ABOUT_A_FIELD = {
  'not-finite': (name) => `The ${name} must be a number.`,
  'out-of-range': (name, field) => {
    const range = RANGES[String(field).split('.').pop()];
    return range ? `The ${name} must be ${range}.` : `The ${name} is outside the range that can be used.`;
  },
  'not-integer': (name) => `The ${name} must be a whole number.`,
  'wrong-type': (name) => `The ${name} is not the right kind of value.`,
  required: (name) => `The ${name} is missing.`,
  'unknown-field': (name) => `The ${name} is not a setting the calculator knows.`,
  'unknown-id': (name) => `The ${name} is not one the calculator knows.`,
  'unknown-value': (name) => `The ${name} is not one the calculator knows.`,
  invalid: (name) => `The ${name} can't be used.`,
  conflict: (name) => `The ${name} conflicts with another setting.`,
  overflow: (name) => `The ${name} is too large to calculate with.`,
};

export const FALLBACK = "That value can't be used.";

/**
 * One plain sentence for people about a package error, from its `code` and `field` only. Unknown or missing codes
 * give `fallback`. A code about a field whose name is unknown is said of "this value".
 */
export function describeError(err, { fallback = FALLBACK } = {}) {
  const code = err?.code;
  const field = err?.field;
  const name = fieldName(field);
  if (typeof code !== 'string') return fallback;
  if (ABOUT_A_FIELD[code] && name) {
    const sentence = ABOUT_A_FIELD[code](name, field.replace(/\[\d+\]/g, ''));
    return sentence;
  }
  if (WHOLE_INPUT[code]) return WHOLE_INPUT[code];
  if (ABOUT_A_FIELD[code]) return ABOUT_A_FIELD[code]('value', '').replace(/^The value/, 'This value');
  return fallback;
}

/** What a developer needs to know about an error: for events, logs and `title` attributes. */
export function errorDetail(err) {
  return {
    message: String(err?.message ?? err),
    code: typeof err?.code === 'string' ? err.code : undefined,
    field: typeof err?.field === 'string' ? err.field : undefined,
  };
}

/**
 * Shows `err` in `element` as a plain sentence (optionally after `prefix`), keeping the developer's details in
 * data attributes and the tooltip, so they can be read without being shown to everyone.
 */
export function showError(element, err, { prefix = '', fallback } = {}) {
  const detail = errorDetail(err);
  element.textContent = prefix + describeError(err, { fallback });
  element.title = detail.message;
  element.dataset.code = detail.code ?? '';
  element.dataset.field = detail.field ?? '';
}

/** Empties an element that `showError` filled. */
export function clearError(element) {
  element.textContent = '';
  element.removeAttribute('title');
  delete element.dataset.code;
  delete element.dataset.field;
}

/** An Error shaped like the package's, for checks made in JS before the API is called. */
export function packageError(code, field, message) {
  const err = new Error(message);
  err.name = 'GreenDeliveryError';
  err.code = code;
  err.field = field;
  return err;
}

/** Throws an `overflow` error unless every value is a finite number: a figure of ∞ or NaN is never shown. */
export function requireFinite(values, field = '') {
  for (const value of values) {
    if (!Number.isFinite(value)) throw packageError('overflow', field, `${field || 'a result'} is not a finite number, got ${value}`);
  }
}
