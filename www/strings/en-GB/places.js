// The place search's words (places.js, place-field.js), in British English. A translation is a copy of this file with
// the same exports. Numbers go through Intl in this language; countries are given as ISO codes and named through
// Intl.DisplayNames, in this language, by `country` below.

export const lang = 'en-GB';

const n2 = (v) => new Intl.NumberFormat(lang, { maximumSignificantDigits: 2 }).format(v);

/** Countries whose English name takes "the" inside a sentence ("from the United Kingdom"). */
const THE = new Set(['GB', 'US', 'NL', 'AE', 'PH', 'CF', 'DO', 'GM', 'BS', 'MV', 'SC']);
/** A country's name inside a sentence. */
const country = (code) => `${THE.has(code) ? 'the ' : ''}${new Intl.DisplayNames([lang], { type: 'region' }).of(code)}`;

/** The parts of the UK, by GeoNames admin code: British towns are named by their part ("Leeds, England"). */
export const UK_PARTS = { ENG: 'England', SCT: 'Scotland', WLS: 'Wales', NIR: 'Northern Ireland' };

/** A place's name with what tells it apart: ["Newcastle", "South Africa"] → "Newcastle, South Africa". */
export const label = (parts) => parts.join(', ');

/** How precise a found place is, in words. */
export const precision = {
  postcodeDistrict: (km) => `postcode district, within about ${n2(km)} km`,
  /** A postcode placed at the town it serves (Germany, France). */
  postcodeTown: (town) => `postcode of ${town}, at its centre`,
  /** A US ZIP code, at its area's internal point. */
  postcodeArea: 'ZIP code area, at its centre',
  town: 'town centre',
  device: (metres) => `from your device, within about ${metres < 1000 ? `${n2(metres)} m` : `${n2(metres / 1000)} km`}`,
};

/** "Delivering to EC2A (postcode district, within about 1.7 km)." */
export const placeLine = (prefix, name, precisionText) => `${prefix} ${name}${precisionText ? ` (${precisionText})` : ''}.`;

export const YOUR_LOCATION = 'your location';
export const LOCATING = 'Locating…';

/** A postcode people may type, per country, for the hints below. */
export const POSTCODE_EXAMPLES = { CN: '100010', JP: '100-0001', GB: 'LS6 1AN or LS6', US: '10001', DE: '80331', FR: '75001' };

/** Why nothing was placed. Countries are ISO codes ('DE'); `place` a place's own name where it is not a country. */
export const problems = {
  districtUnknown: (outward) => `The postcode district ${outward} is not in the list of UK postcodes. Check it, or type a town.`,
  postcodeUnknown: (code, where) => `The postcode ${code} is not in the list of postcodes for ${country(where)}. Check it, or type a town.`,
  noPostcodeTable: (where) => `Postcodes in ${country(where)} cannot be looked up offline: no open table of their positions was found. Type a town instead.`,
  noTown: (text, example) => `No town called “${text}” was found. ${example ? `Try a postcode (such as ${example}) or another spelling.` : 'Try another spelling.'}`,
  /** A postcode of other countries, not of the merchant's ("10115" on a British page). */
  otherPostcode: (text, where, others) =>
    `“${text}” is not a postcode in ${country(where)}, but it has the form of one in ${new Intl.ListFormat(lang, { type: 'disjunction' }).format(others.map(country))}. To use it, choose that country in the Country menu at the top.`,
  /** The text names places only in other countries: they are offered, never picked. */
  /** A typo: the towns spelt closest to it ("Manchestr": Manchester). */
  closeMatch: (text, places) => `No town called “${text}” was found. Did you mean ${new Intl.ListFormat(lang, { type: 'disjunction' }).format(places)}?`,
  /** Not a UK postcode district, but the start of some ("EC1": EC1A, EC1M…). */
  districtClose: (outward, districts) =>
    `${outward} is not a whole postcode district. Did you mean ${new Intl.ListFormat(lang, { type: 'disjunction' }).format(districts)}? Or type your full postcode.`,
  elsewhere: (text, where, places) =>
    `No place called “${text}” was found in ${country(where)}. Did you mean ${new Intl.ListFormat(lang, { type: 'disjunction' }).format(places)}? Pick it from the list to deliver there.`,
  noRoad: (from, to, place) => `No delivery by road from ${country(from)} to ${place ?? country(to)}.`,
  loadFailed: 'The list of places could not load. Check your connection, or enter coordinates under "Advanced".',
  noGeolocation: 'This browser cannot tell the page where you are. Type a postcode or town instead.',
  geolocationDenied: 'The page was not allowed to use your location. Type a postcode or town instead.',
  geolocationFailed: 'Your location could not be found. Type a postcode or town instead.',
};

/** What each place source (places.js PLACE_SOURCES, by id) gives the search, for the Sources view. */
export const SOURCE_COVERS = {
  geonames: 'Towns in every country, in local and Latin script; the positions of German, French and Japanese postcodes',
  nspl: 'UK postcode districts',
  'census-zcta': 'US ZIP codes',
  'osm-plz': 'German postcodes (PLZ): the places each serves',
  'japan-post': 'Japanese postcodes (郵便番号): the municipality each is in',
  'china-region': 'Chinese postcodes (邮政编码): the county each is in',
  etalab: 'French postcodes (codes postaux): the communes each serves',
};
export const SOURCES_HEADING = 'Place search (postcodes and towns, offline)';
