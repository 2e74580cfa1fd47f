// The merchant view's words in British English (www/merchant.js, its worker's progress, www/order-columns.js's row
// messages). Figures go through the language's `n`; scenario labels come from chain.js and are passed in as they are,
// so that each language decides its own capitals (English lowercases them mid-sentence, German must not).
import { n } from './numbers.js';

export const lang = 'en-GB';

const plural = new Intl.PluralRules('en-GB');
/** The form of a word for a count: `forms.one` or `forms.other`. */
const pl = (count, forms) => forms[plural.select(count)] ?? forms.other;
const lower = (s) => s.toLowerCase();

/** The section's static markup, by data-i18n key (www/index.html keeps these words as written before scripts run). */
export const HTML = {
  'merchant.title': 'Analyse your orders',
  'merchant.intro':
    'Load your order locations to see how consolidating them into rounds, pickup points or cargo-bike rounds cuts kilometres, energy and emissions. The file is read in your browser and never uploaded.',
  'merchant.file': 'Orders file (CSV with postcodes, towns or lat, lon; or GeoJSON points)',
  'merchant.dropBefore': '…or drop a file here, or',
  'merchant.sample': 'load the sample city',
  'merchant.dropAfter': '(3,000 orders in east London).',
  'merchant.columns': 'Columns in your file',
  'merchant.columnsHint':
    'Recognised by their usual names (Shopify\'s, WooCommerce\'s and Etsy\'s order exports, "postcode", "latitude"…); change any that are wrong. Each order is one parcel unless you choose a parcels column: item quantities are not parcels.',
  'merchant.colPostcode': 'Postcode',
  'merchant.colLat': 'Latitude',
  'merchant.colLon': 'Longitude',
  'merchant.colTown': 'Town (for rows without a postcode)',
  'merchant.colCountry': "Country (blank: the shop's)",
  'merchant.colParcels': 'Parcels per order',
  'merchant.colId': 'Order id (rows with the same id are one order)',
  'merchant.depot': 'Your depot',
  'merchant.settings': 'Settings',
  'merchant.depotPlace': 'Depot postcode or town',
  'merchant.depotPlaceHint': 'e.g. E15 or Leeds',
  'merchant.depotLat': 'Depot latitude',
  'merchant.depotLon': 'Depot longitude',
  'merchant.vehicle': 'Vehicle',
  'merchant.dieselVan': 'Diesel van',
  'merchant.petrolVan': 'Petrol van',
  'merchant.electricVan': 'Electric van',
  'merchant.capacity': 'Capacity, parcels per round',
  'merchant.pickupPoints': 'Pickup points (blank: about one per 12.6 km²)',
  'merchant.area': "Carriers' rounds in",
  'merchant.areaAuto': "the orders' area (from their density)",
  'merchant.areaUrban': 'an urban area (central London: 127 parcels, 11.9 km)',
  'merchant.areaSuburban': 'a suburban area (the typical UK round: 100 parcels, 45 km)',
  'merchant.areaRural': 'a rural area (32 parcels, 96 km)',
  'merchant.rowErrors': 'Rows that could not be read',
  'merchant.mapEmpty': 'Map of orders: load orders to draw it',
  'merchant.legend': 'Map legend',
  'merchant.legendDepot': 'Depot',
  'merchant.legendHub': 'Micro-hub (cargo bikes)',
  'merchant.legendPickup': 'Pickup point',
  'merchant.legendOrder': 'Order, coloured by round',
  'merchant.mapSummaryEmpty': 'Orders, rounds and pickup points appear here, on a plain km grid (no map tiles).',
  'merchant.scenarios': 'Scenarios: kg CO2e (well-to-wheel)',
  'merchant.bars': 'Scenario emissions',
  'merchant.scaleNote':
    'Bars on a linear scale from zero; the whisker on each bar is its range: 90% of the Monte Carlo draws over the assumptions fall inside it.',
  'merchant.moves': 'What moves the answer most',
  'merchant.tornadoLegend': 'Tornado chart legend',
  'merchant.tornadoLow': 'Assumption at its low value',
  'merchant.tornadoHigh': 'Assumption at its high value',
  'merchant.tableRegion': 'Scenario comparison table (scrolls sideways)',
  'merchant.caption': 'Scenario comparison',
  'merchant.thScenario': 'Scenario',
  'merchant.thVehicleKm': 'Vehicle distance',
  'merchant.thShopperKm': "Shoppers' distance",
  'merchant.thEnergy': 'Energy',
  'merchant.thKg': 'Emissions (CO2e)',
  'merchant.thPerParcel': 'CO2e per parcel',
  'merchant.thSaved': 'Against the baseline',
  'merchant.exportCsv': 'Download scenarios (CSV)',
  'merchant.exportGeojson': 'Download rounds (GeoJSON)',
  'merchant.exportJson': 'Download report (JSON)',
};

/** Progress lines, by the id the worker sends (www/merchant-worker.js), with its values. */
export const PROGRESS = {
  starting: () => 'Starting…',
  loading: () => 'Loading the calculator…',
  reading: ({ name }) => `Reading ${name}…`,
  locating: ({ name }) => `Locating ${name}'s orders…`,
  planning: ({ orders }) => `Planning rounds for ${n.count(orders)} orders…`,
  pickup: () => 'Placing pickup points…',
  bikes: () => 'Planning cargo-bike rounds…',
  pricing: () => 'Pricing…',
  drawing: () => 'Drawing…',
  done: () => 'Done.',
};

/** A country by its code, as a sentence names it ("the United Kingdom", "Germany"); a name as the file wrote it. */
const THE = new Set(['GB', 'US', 'NL', 'AE', 'CZ', 'PH']);
const countryIn = (code) =>
  /^[A-Z]{2}$/.test(code) ? `${THE.has(code) ? 'the ' : ''}${new Intl.DisplayNames(['en-GB'], { type: 'region' }).of(code)}` : code;

/** Messages about one row of the file, by the code www/order-columns.js gives them. */
export const ROW_ERRORS = {
  'unknown-postcode': ({ postcode, country }) => `"${postcode}" is not a postcode we know in ${countryIn(country)}, so this order could not be placed`,
  'unknown-town': ({ town }) => `"${town}" is not a town we know, and this order has no postcode, so it could not be placed`,
  'no-location': () => 'this order has no postcode, town or latitude and longitude, so it could not be placed',
  'other-country': ({ country }) => `this order goes to ${countryIn(country)}, where we have no postcode or town table, so it could not be placed`,
  'no-table': ({ country }) => `the place table for ${countryIn(country)} is not installed here, so this order could not be placed`,
};

export const T = {
  none: '(none)',
  column: (i) => `column ${i}`,
  depot: 'Depot:',
  /** The depot's place found only in another country: offered, in a depot's words (the shopper's "to deliver there"
   *  does not fit a depot). */
  depotElsewhere: (text, code, places) =>
    `No place called “${text}” was found in ${countryIn(code)}. Did you mean ${new Intl.ListFormat('en-GB', { type: 'disjunction' }).format(places)}? ${places.length > 1 ? 'Choose one' : 'Choose it'} below to put your depot there.`,
  /** The buttons offering the places the depot's text may have meant, for a screen reader. */
  depotOffers: 'Places your depot may be in',
  sampleDepot: "Depot: the sample city's own, in east London.",
  needDepot:
    'Where do your deliveries start? Give your depot\'s postcode or town (or its latitude and longitude) above: your orders are priced from your own depot, and nothing is worked out until you give it.',
  // Errors: a prefix before the plain-words error, and the advice when there is nothing better to say.
  failPrefix: 'Could not analyse the orders. ',
  failFallback: 'Check the file and the settings, then try again.',
  stoppedPrefix: 'The analysis stopped unexpectedly. ',
  stoppedFallback: 'Try again, or try a smaller file.',
  sampleFailed: 'The sample city could not be loaded. Check your connection, then try again.',
  join: (sentences) => sentences.join(' '),
  overridesIgnored: 'Your saved overrides make this analysis impossible, so it uses the default values.',
  noOrders: (name, errorCount) =>
    `${name}: no orders could be read` +
    (errorCount ? `; ${n.count(errorCount)} ${pl(errorCount, { one: 'row has errors', other: 'rows have errors' })} (listed below).` : '.'),
  /** "sample-orders.csv: 3,000 orders, 3,796 parcels loaded; all located to postcode district, about 1.8 km …."; a
   *  shop's export first says what it is and how its rows made orders, and addresses not found are counted apart. */
  loaded({ name, layout, rows, orders, count, parcels, located, byTown = 0, precisionKm, unmatched = 0, errorCount }) {
    const source = layout
      ? `${{ shopify: 'a Shopify', woocommerce: 'a WooCommerce', etsy: 'an Etsy' }[layout]} orders export, ${n.count(rows)} ${pl(rows, { one: 'row', other: 'rows' })} in ${n.count(orders)} ${pl(orders, { one: 'order', other: 'orders' })}; `
      : '';
    const where = located
      ? `; ${located === count ? 'all' : n.count(located)} located by postcode${precisionKm != null ? `, about ${n.km(precisionKm)} (median district radius)` : ' (to the centre of the place each serves)'}`
      : '';
    const towns = byTown ? `; ${byTown === count ? 'all' : n.count(byTown)} with a town and no postcode, located to the town's centre` : '';
    const notFound = unmatched ? `; ${n.count(unmatched)} ${pl(unmatched, { one: 'address', other: 'addresses' })} not found` : '';
    const bad = errorCount - unmatched;
    const skipped = bad ? `; ${n.count(bad)} ${pl(bad, { one: 'row', other: 'rows' })} skipped because of errors` : '';
    return `${name}: ${source}${n.count(count)} ${pl(count, { one: 'order', other: 'orders' })}, ${n.count(parcels)} ${pl(parcels, { one: 'parcel', other: 'parcels' })} loaded${where}${towns}${notFound}${skipped}${errorCount ? ' (listed below).' : '.'}`;
  },
  line: (line, message) => `Line ${line}: ${message}`,
  feature: (feature, message) => `Feature ${feature}: ${message}`,
  more: (count) => `…and ${n.count(count)} more.`,
  /** The carriers' area, and whether the merchant chose it. */
  area: (area, chosen) =>
    `The carriers' rounds are those of ${{ urban: 'an urban', suburban: 'a suburban', rural: 'a rural' }[area]} area (${chosen ? 'as chosen' : "from the orders' density"}). `,
  baselineName: (label) => `${label} (baseline)`,
  /** Under the bars, when one is drawn cut: its figure, and how many times the next highest it is. */
  cutBar: (label, figure, times) => `The bar of ${lower(label)} is cut short: at ${figure} it is ${times} times the next highest, off this scale.`,
  co2e: (figure) => `${figure} CO2e`,
  noSaving: 'No saving to break down',
  /** The tornado's title: the figure it explains (a saving, or for an option that emits more, its increase), the
   *  value at its centre line (every setting central) and the median of the draws, which the headline gives. */
  tornadoTitle: (option, base, central, median, more) =>
    more
      ? `How much more ${lower(option)} emits than ${lower(base)} (${central} more with every setting at its central value; median of the draws ${median}), and how far each assumption moves it`
      : `The saving of ${lower(option)} against ${lower(base)} (${central} with every setting at its central value; median of the draws ${median}), and how far each assumption moves it`,
  tornadoFlat: (option, base, central, median, more) =>
    more
      ? `How much more ${lower(option)} emits than ${lower(base)} (${central} more with every setting at its central value; median of the draws ${median}): no assumption moves it by as much as the shown precision.`
      : `The saving of ${lower(option)} against ${lower(base)} (${central} with every setting at its central value; median of the draws ${median}): no assumption moves it by as much as the shown precision.`,
  tornado: (option, base, more) =>
    more
      ? `How each assumption, from its low to its high value, moves how much more ${lower(option)} emits than ${lower(base)}`
      : `How each assumption, from its low to its high value, moves the saving of ${lower(option)} against ${lower(base)}`,
  /** The tornado's "low to high" beside each bar. */
  span: (a, b) => `${a} to ${b}`,
  baseline: 'baseline',
  same: 'the same',
  noClear: 'no clear difference',
  /** A clear saving, or a clear increase, against the baseline: "31% less", "45% more". */
  less: (figure) => `${figure} less`,
  increase: (figure) => `${figure} more`,
  /** A saving with its range: "31% (19–42%)". */
  withRange: (figure, range) => `${figure} (${range})`,
  /** A percentage range with a negative end. */
  to: (a, b) => `${a} to ${b}`,
  /** A saving's interval that spans zero: "from 2.3% more to 54% less". */
  moreToLess: (more, less) => `from ${more} more to ${less} less`,
  diesel: (litres) => `${n.sig(litres)} L diesel`,
  petrol: (litres) => `${n.sig(litres)} L petrol`,
  kwh: (kwh) => `${n.sig(kwh)} kWh`,
  energyBy: (delivery, shoppers) => [delivery && `delivery: ${delivery}`, shoppers && `shoppers' own trips: ${shoppers}`].filter(Boolean).join('; '),
  plus: ' + ',
  noneEmitsLess: (base) => `None of the options emits less than ${lower(base)} for these orders.`,
  /** "(23–52%, 90% interval)". */
  range: (range, coverage) => ` (${range}, ${coverage} interval)`,
  noClearHeadline: (base, option, saving, range) =>
    `No clear difference from ${lower(base)}: ${lower(option)} may save ${saving}, but its range${range} includes no saving.`,
  headline: (option, kg, baseKg, base, saving, range) => `${option}: ${kg} instead of ${baseKg} by ${lower(base)}, ${saving} less${range}.`,
  scaleBar: (km) => n.km(km),
  /** The map's text alternative, which is also its caption. */
  mapSummary({ orders, trips, minRounds, pickupPoints, hub, km }) {
    const fill = trips <= minRounds ? 'the fewest the parcels allow' : `the parcels need at least ${n.count(minRounds)}`;
    return (
      `Map of ${n.count(orders)} ${pl(orders, { one: 'order', other: 'orders' })} in ${n.count(trips)} consolidated ${pl(trips, { one: 'round', other: 'rounds' })} (${fill}) from the depot ` +
      `(orange square), with ${n.count(pickupPoints)} pickup ${pl(pickupPoints, { one: 'point', other: 'points' })} (black triangles)${hub ? " and the cargo bikes' micro-hub (green circle)" : ''}. Scale bar: ${n.km(km)}.`
    );
  },
};
