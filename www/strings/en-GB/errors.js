// The sentences of www/errors.js, in British English: an error's `code` and `field` become one plain sentence.
// A translation has the same exports.

/** Friendly names for fields, by their path with any array index written `[]`. */
export const FIELD_NAMES = {
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
  country: 'country',
  stemKm: 'road distance from the shop',
  'settings.lineHaul.km': 'road distance from the shop',
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

/** A factor or digital figure named by its id. */
export const factorName = (id) => `${id} factor`;
export const digitalName = (id) => `${id} figure`;

/** Ranges worth stating in words, by the last part of the field. */
export const RANGES = {
  lat: 'between -90 and 90',
  lon: 'between -180 and 180',
  'settings.lineHaul.km': 'between 0 and 5,000 km',
};

/** Errors about the whole input, by code. */
export const WHOLE_INPUT = {
  'too-deep': 'This file is too deeply nested to read.',
  'too-large': 'This file is too large to read.',
  'too-much-work': 'That is more than the calculator can work through here; try fewer orders or points.',
  overflow: 'The numbers are too large to calculate with.',
  unreadable: 'This file could not be read.',
  'bad-file':
    'This file is not in a format the calculator can read. It needs to be a CSV file with a header row naming a postcode (or town) column, or latitude and longitude columns; or a GeoJSON file of points.',
  aborted: 'The calculation was stopped.',
  conflict: 'Some of these settings cannot be used together.',
};

/** "The latitude" or, for a field with no friendly name (`null`), "This value". */
const the = (name) => (name ? `The ${name}` : 'This value');

/** Errors about one field, by code: `name` is its friendly name (or null), `range` its range in words (or ''). */
export const ABOUT_A_FIELD = {
  'not-finite': (name) => `${the(name)} must be a number.`,
  'out-of-range': (name, range) => (range ? `${the(name)} must be ${range}.` : `${the(name)} is outside the range that can be used.`),
  'not-integer': (name) => `${the(name)} must be a whole number.`,
  'wrong-type': (name) => `${the(name)} is not the right kind of value.`,
  required: (name) => `${the(name)} is missing.`,
  'unknown-field': (name) => `${the(name)} is not a setting the calculator knows.`,
  'unknown-id': (name) => `${the(name)} is not one the calculator knows.`,
  'unknown-value': (name) => `${the(name)} is not one the calculator knows.`,
  invalid: (name) => `${the(name)} can't be used.`,
  conflict: (name) => `${the(name)} conflicts with another setting.`,
  overflow: (name) => `${the(name)} is too large to calculate with.`,
};

export const FALLBACK = "That value can't be used.";
