// The page shell (title, header, navigation, language menu, footer), the shopper view, the sources view and the
// notices of loading.js, in British English. `HTML` holds the words of the static markup, by `data-i18n` key
// (i18n.js's `translate`); the other exports are the sentences the views write. A translation has the same exports.
import { n } from './numbers.js';

export const lang = 'en-GB';
/** One of `forms` ({ one, other, … }) for the count `count`, by the language's plural rules. */
const plural = (count, forms) => (forms[new Intl.PluralRules(lang).select(count)] ?? forms.other).replace('#', n.count(count));

export const HTML = {
  title: 'green-delivery: delivery footprints, computed in your browser',
  description: 'See how much grouping deliveries saves, entirely in your browser. No order data leaves this page.',
  tagline: 'Delivery footprints and consolidation savings, computed entirely in your browser. Nothing you type leaves this page.',
  language: 'Language',
  country: 'Country',
  navLabel: 'Views',
  tabShopper: 'Shopper',
  tabMerchant: 'Merchant',
  tabClassroom: 'Classroom',
  tabSources: 'Sources',
  footer: 'Runs locally in WebAssembly. Contains public sector information licensed under the Open Government Licence v3.0.',
  // Shopper view
  shopperTitle: 'How green is my delivery?',
  placeInitial: 'An example: delivering to EC2A (postcode district, within about 1.7 km). Type your postcode or town above for your own answer.',
  calculating: 'Calculating…',
  resultsLabel: 'Delivery options, lowest emissions first, CO2e per parcel',
  co2e: 'CO2e',
  co2eNote: '(carbon dioxide equivalent) counts all greenhouse gases as the amount of CO2 that would warm the climate as much.',
  placeLabel: 'Postcode or town',
  placePlaceholder: 'e.g. LS6 or Leeds',
  locate: 'Use my location',
  placeHint: 'Your postcode or location is looked up in this page, never sent anywhere.',
  vehicle: 'Delivery van',
  dieselVan: 'Diesel van',
  petrolVan: 'Petrol van',
  electricVan: 'Electric van',
  advanced: 'Advanced: coordinates, distance and the shop',
  theShop: 'The shop',
  shopPlace: 'Shop postcode or town',
  shopPlacePlaceholder: 'e.g. WC2N',
  shopLat: 'Shop latitude',
  shopLon: 'Shop longitude',
  you: 'You',
  yourLat: 'Your latitude',
  yourLon: 'Your longitude',
  roadKm: 'Or road km from the shop to you',
  mapCaption: 'Click to set your location. Rings every 5 km around the shop; no map tiles are loaded.',
  wholeOrder: 'Your whole order',
  wholeOrderIntro: "Delivery is one part of an order's footprint: the packaging and your time online count too.",
  orderOptionHint: 'With the delivery option you pick above.',
  packaging: 'Packaging',
  board: 'Cardboard',
  paper: 'Paper',
  plastic: 'Plastic',
  plasticFilm: 'Plastic film',
  packagingMass: 'Packaging mass, g',
  endsUp: 'It ends up',
  recycling: 'Recycled',
  incineration: 'Incinerated (energy recovery)',
  landfill: 'In landfill',
  pagesViewed: 'Pages viewed',
  mbPerPage: 'MB per page',
  partsCaption: "Your order's footprint by part",
  part: 'Part',
  share: 'Share',
  assumptions: 'Assumptions',
  // Sources view
  sourcesTitle: 'Sources and assumptions',
  sourcesIntro:
    'Every default factor, with its source, year and licence. Type a value to override it: overrides stay in this browser (localStorage) and are never sent anywhere.',
  resetOverrides: 'Reset all overrides',
  searchLabel: 'Search factors (name, id or source)',
  searchPlaceholder: 'e.g. diesel, grid, DESNZ, CC BY',
  factorsCaption: 'Factors (emission factors are well-to-wheel kg CO2e per unit) and assumptions, grouped by kind',
};

/** loading.js: what a view shows while the calculator cannot load. */
export const LOADING = {
  failed: 'The calculator could not load, so the figures here cannot be shown. Check your connection, then try again.',
  retry: 'Retry',
  loading: 'Loading the calculator…',
};

/** The shopper view's sentences. */
export const SHOPPER = {
  /** A sentence and its citation: "Roads are… (our assumption)". */
  cited: (sentence) => [`${sentence} (`, ')'],
  /** An option's figure: "160 g (120–260 g) CO2e". */
  perParcel: (figure) => `${figure} CO2e`,
  lowest: 'Lowest emissions',
  amongLowest: 'Among the lowest',
  /** Before the place line while the answer is for the country's example place (the shopper never chose it). */
  exampleTo: 'An example: delivering to',
  exampleLine: (line) => `${line} Type your postcode or town above for your own answer.`,
  /** Before the place line while a later search found nothing: the answer shown is still the place before's. */
  stillFor: 'Still showing the answer for',
  stillForExample: 'Still showing the example for',
  /** The name of the buttons offering what a text not found may have meant. */
  didYouMean: 'Did you mean',
  sourcesLink: 'Sources and assumptions',
  deliveringTo: 'Delivering to',
  asYouSetIt: 'as you set it',
  ourAssumption: 'our assumption',
  howWorkedOut: 'how it is worked out',
  /** One everyday comparison: the distance a petrol car would drive for the same CO2e ("1.2 km"). */
  everyday: (distance) => `About as much as driving a petrol car ${distance}.`,
  carFactor: (gramsPerKm) => `The everyday comparison uses a petrol car's ${gramsPerKm} CO2e per km.`,
  byRoad: (distance) => `${distance} by road from the shop`,
  pickOption: 'Pick a delivery option above to see your whole order.',
  withOption: (label) => `With ${label.toLowerCase()}, the delivery option picked above.`,
  PARTS: { delivery: 'Delivery', packaging: 'Packaging', digital: 'Online', online: 'Online' },
  /** "Your order: 552 g CO2e, of which delivery 320 g, packaging 231 g, online 1.6 g." */
  orderSummary: (total, parts) =>
    `Your order: ${total} CO2e, of which ${parts.map(([name, grams]) => `${name.toLowerCase()} ${grams}`).join(', ')}.`,
  orderError: "Your order's footprint can't be shown. ",
  mapByDistance: (shop, distance) => `Map: the shop at ${shop}; you are ${distance} away by road. Click to set your location.`,
  mapByPlace: (shop, you) => `Map: the shop at ${shop} and you at ${you}. Click to move yourself.`,
  mapShop: 'shop',
  mapYou: 'you',
  /** The country whose value a setting used, beside its citation ("Germany"). */
  country: (name) => name,
};

/** The sources view's words. */
export const SOURCES = {
  HEADINGS: ['Factor', 'Id', 'Value', 'Unit', 'Source', 'Year', 'Licence'],
  KINDS: {
    vehicles: 'Vehicles and travel (per km)',
    freight: 'Freight: line-haul (per tonne-km)',
    grids: 'Grids: electricity (per kWh)',
    fuels: 'Fuels (per litre)',
    materials: 'Materials and waste (per tonne)',
    digital: 'Digital: servers and data transfer',
    chain: 'Delivery chain: settings (central value, low–high; override them by id in the API, widget or CLI)',
    comparisons: 'Everyday comparisons',
    other: 'Other',
  },
  /** An overridden row: what the user's value replaces, and where that came from. */
  overrideOf: (value, source) => `your override, in place of the default ${value} (${source})`,
  ownValue: 'your own value',
  /** The everyday comparisons' own assumptions, by the API's name. */
  COMPARISON_NAMES: { phoneChargeKwh: 'energy to charge a phone once' },
  perUnit: (unit) => `kg CO2e per ${unit}`,
  rows: (rows) => `rows ${rows}`,
  everydayRow: (name) => `Everyday comparisons: ${name}`,
  byArea: (urban, rural) => `urban ${urban}; rural ${rural}`,
  countAll: (total) => plural(total, { one: '# factor or assumption.', other: '# factors and assumptions.' }),
  countNone: (query) => `No factor matches "${query}". Try a shorter word, such as "van" or "grid".`,
  countSome: (shown, total, query) => `${n.count(shown)} of ${n.count(total)} match "${query}".`,
  overridden: (count) => plural(count, { one: '# factor overridden in this browser.', other: '# factors overridden in this browser.' }),
  notSaved: (why) => `Not saved: ${why}`,
};

/** A factor's name: the calculator's own (British English) label. A translation names it from its id. */
export const factorLabel = (id, label) => label;
/** A unit of activity in words ("vehicle-km"). */
export const unitName = (unit) => unit;
