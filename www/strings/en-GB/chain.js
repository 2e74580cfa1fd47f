// Every sentence and label a person reads about the delivery chain, in British English. The core returns ids and
// numbers; this module turns them into words, through format.js for every number. A translation is a copy of this
// file with the same exports (the shape is the contract: tests/page/i18n.test.mjs checks it).
import { n } from './numbers.js';

export const lang = 'en-GB';
export { n };
const { sig, km, grams, percent } = n;
const percentRange = (range) => n.percentRange(range, (a, b) => `${a} to ${b}`);

/** Checkout options, by id. */
export const OPTION_LABELS = {
  sameDayCourier: 'Same-day courier',
  nextDay: 'Next-day',
  standard: 'Standard delivery',
  consolidated: 'Fixed delivery day',
  pickupWalk: 'Pickup point, on foot',
  pickupCar: 'Pickup point, by car',
  locker: 'Parcel locker',
  cargoBike: 'Cargo bike',
};

/** The merchant's scenarios, by id. */
export const SCENARIO_LABELS = {
  dedicated: 'Same-day courier (dedicated trips)',
  consolidated: 'Your own consolidated rounds',
  pickup: 'Your own rounds to pickup points',
  cargoBike: 'Cargo bikes from a micro-hub',
  standard: 'Standard carrier delivery',
  nextDay: 'Next-day carrier delivery',
};

/** Chain elements (EN 17837 / ISO 14083), by id. */
export const ELEMENT_LABELS = {
  'line-haul': 'Line-haul (lorry to the local depot)',
  hub: 'Depots, hubs and lockers',
  'delivery-round': 'Delivery round',
  redelivery: 'Redeliveries',
  'customer-trip': "Shoppers' own trips",
  packaging: 'Packaging',
};

/** What a result leaves out, and why, by id. */
export const EXCLUDED_LABELS = {
  'vehicle-manufacture': 'making the vehicles',
  warehousing: "the merchant's warehouse",
  'first-mile-collection': "the carrier's collection from the shop",
  returns: 'returns',
  packaging: 'packaging',
};
export const REASON_LABELS = {
  'outside-iso-14083': 'ISO 14083 counts operations, not manufacture',
  'before-dispatch': 'it happens before the parcel is sent',
  'shared-by-all-the-merchants-parcels': "it is shared by all the shop's parcels and small per parcel",
  'not-modelled': 'not modelled yet',
  'counted-in-the-order-footprint': 'counted in the whole-order footprint instead',
};

/** The functional unit, in words. */
export const FUNCTIONAL_UNITS = {
  'parcel-delivered': "one parcel delivered to the shopper's door, pickup point or locker",
  'orders-delivered': "these orders, delivered in one day's rounds",
};

/** The boundary of a result in one sentence, for the widget's and views' "what is counted" line. */
export function boundarySentence(boundary) {
  const included = boundary.included.map((e) => ELEMENT_LABELS[e].toLowerCase()).join(', ');
  const excluded = boundary.excluded.map((x) => `${EXCLUDED_LABELS[x.element] ?? x.element} (${REASON_LABELS[x.reason] ?? x.reason})`);
  return (
    `Per ${FUNCTIONAL_UNITS[boundary.functionalUnit]}, shared out per parcel (EN 17837). ` +
    `Counted: ${included}. Not counted: ${excluded.join('; ')}.`
  );
}

/** Short names of the settings, for tornado rows and tables. */
export const SETTING_NAMES = {
  roadFactor: 'Road km per straight-line km',
  vanFactor: 'Van size class',
  'bike.foodKgPerKm': "Cargo bike rider's extra food",
  'lineHaul.km': 'Lorry km from the shop',
  'lineHaul.detourKm': "Lorry detour via the carrier's hub",
  'parcel.kg': 'Parcel weight',
  'hub.kwhPerParcel': 'Electricity per parcel at each depot',
  'round.stemKm': "Depot to the round, one way",
  'round.parcels': "Parcels on a carrier's round",
  'round.km': "Km driven within the round's area",
  'consolidated.fill': 'How much fuller a fixed-day round is',
  'sameDay.parcelsPerRun': "Parcels on a same-day courier's run",
  'sameDay.stemKm': "Courier's hub to your area",
  'pickup.parcelsPerStop': 'Parcels left at each pickup point',
  'pickup.km': 'Distance to a pickup point',
  'pickup.carShare': 'Shoppers driving to pickup points',
  'locker.parcelsPerStop': 'Parcels left at each locker bank',
  'locker.km': 'Distance to a locker',
  'locker.carShare': 'Shoppers driving to lockers',
  'locker.kwhPerParcel': "A locker's electricity per parcel",
  'customerTrip.chainedShare': 'Trips combined with other errands',
  'cargoBike.bikeableShare': 'Parcels that fit a cargo bike',
  'failures.rate': 'First deliveries that fail',
  'failures.collectShare': 'Failed parcels collected at once',
  'failures.collectKm': "Trip to the carrier's depot",
  'failures.collectCarShare': 'Collection trips made by car',
  'failures.collectionPointShare': 'Collections at a nearby collection point',
  'grid.uplift': "Grid factor taken to a full life-cycle boundary",
  'van.countryFactor': "This country's vans against UK vans",
  'car.countryFactor': "This country's cars against UK cars",
};

const share = (v) => percent(100 * v);
/** "1 parcel", "4 parcels" (settings can be set to 1): the form by Intl.PluralRules. */
const rules = new Intl.PluralRules(lang);
const parcels = (v, forms = { one: 'parcel', other: 'parcels' }) => `${sig(v)} ${forms[rules.select(v)] ?? forms.other}`;

/** Each setting as a sentence, for the list of assumptions. */
export const SETTING_SENTENCES = {
  roadFactor: (v) => `Roads are ${sig(v)} times as long as a straight line.`,
  vanFactor: (v) =>
    n.nearOne(v) ? 'The van emits about the same per km as the average van.' : `The van emits ${sig(v)} times as much per km as the average van.`,
  'bike.foodKgPerKm': (v) => `A cargo bike's rider adds ${grams(v * 1000)} CO2e per km in extra food.`,
  'lineHaul.km': (v) => `A lorry carries the parcel ${km(v)} from the shop to the carrier's local depot.`,
  'lineHaul.detourKm': (v) => `Going through the carrier's sorting hub adds ${km(v)} to the lorry's trip.`,
  'parcel.kg': (v) => `The parcel weighs ${sig(v)} kg.`,
  'hub.kwhPerParcel': (v) => `Each depot or hub uses ${sig(v)} kWh of electricity per parcel.`,
  'round.stemKm': (v) => `The delivery van drives ${km(v)} from its depot to the round, each way.`,
  'round.parcels': (v) => `A carrier's round delivers ${parcels(v)}.`,
  'round.km': (v) => `A round drives ${km(v)} between its stops.`,
  'consolidated.fill': (v) => `A fixed delivery day fills rounds ${sig(v)} times as full.`,
  'sameDay.parcelsPerRun': (v) => `A same-day courier carries ${parcels(v)} per run.`,
  'sameDay.stemKm': (v) => `The courier's hub is ${km(v)} from your area.`,
  'pickup.parcelsPerStop': (v) => `Each pickup point receives ${parcels(v)} per stop.`,
  'pickup.km': (v) => `The nearest pickup point is ${km(v)} from you, one way.`,
  'pickup.carShare': (v) => `${share(v)} of shoppers drive to their pickup point.`,
  'locker.parcelsPerStop': (v) => `Each locker bank receives ${parcels(v)} per stop.`,
  'locker.km': (v) => `The nearest locker is ${km(v)} from you, one way.`,
  'locker.carShare': (v) => `${share(v)} of shoppers drive to a locker.`,
  'locker.kwhPerParcel': (v) => `A locker uses ${sig(v)} kWh of electricity per parcel.`,
  'customerTrip.chainedShare': (v) => `${share(v)} of shoppers' trips are combined with other errands and add no km.`,
  'cargoBike.bikeableShare': (v) => `${share(v)} of parcels fit a cargo bike.`,
  'failures.rate': (v) => `${share(v)} of first delivery attempts fail.`,
  'failures.collectShare': (v) => `${share(v)} of failed parcels are collected by the shopper straight away.`,
  'failures.collectKm': (v) => `The carrier's depot is ${km(v)} from the shopper, one way.`,
  'failures.collectCarShare': (v) => `${share(v)} of collection trips are made by car.`,
  'failures.collectionPointShare': (v) => `${share(v)} of collections are at a nearby collection point.`,
  'grid.uplift': (v) => `The country's published grid factor is multiplied by ${sig(v)} to count grid losses and fuel supply too.`,
  'van.countryFactor': (v) =>
    n.nearOne(v)
      ? 'A delivery van here emits about the same per km as the average UK van.'
      : `A delivery van here emits ${sig(v)} times as much per km as the average UK van.`,
  'car.countryFactor': (v) =>
    n.nearOne(v) ? 'A car here emits about the same per km as the average UK car.' : `A car here emits ${sig(v)} times as much per km as the average UK car.`,
};

/** A setting's central value in a result, or `undefined`. */
const setting = (result, id) => result.settings.find((s) => s.id === id)?.value;

/** Km of the legs of one option named `name` (and, if given, of one element). */
const legKm = (option, name, element) =>
  option.legs.filter((l) => l.name === name && (!element || l.element === element)).reduce((a, l) => a + l.km, 0);

/** The line-haul part of a sentence: "A lorry carries it 270 km to the local depot" or nothing. */
function lineHaul(option, result) {
  const leg = option.legs.find((l) => l.element === 'line-haul');
  if (!leg || !(leg.tonneKm > 0)) return '';
  const kg = setting(result, 'parcel.kg') ?? 2;
  return `A lorry carries it ${km((leg.tonneKm * 1000) / kg)} to the carrier's local depot; then `;
}

/** "Counting the 2.8% of first attempts that fail…", for home deliveries. */
function failureNote(option, result) {
  const rate = setting(result, 'failures.rate');
  if (!(rate > 0) || !option.legs.some((l) => l.element === 'redelivery' || l.name === 'collection')) return '';
  return ` It counts the ${share(rate)} of first attempts that fail: a second attempt, or a trip to collect the parcel.`;
}

/** One sentence per option: what carries the parcel, from the result's own legs and settings. With `short`, only
 *  what sets the option apart (no line-haul, no failures), for the widget's rows. */
export function optionExplanation(option, result, { short = false } = {}) {
  const start = short ? '' : lineHaul(option, result);
  const van = km(legKm(option, 'vans', 'delivery-round'));
  const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
  const sentences = {
    sameDayCourier: () =>
      `${start}a courier van carries it with ${parcels((setting(result, 'sameDay.parcelsPerRun') ?? 5) - 1, { one: 'other parcel', other: 'other parcels' })} from a local hub: ${km(legKm(option, 'courier'))} for yours.`,
    nextDay: () => `Next-day goes on the carriers' normal network, so it costs the same as standard delivery.`,
    standard: () => `${start}its share of a round of ${parcels(setting(result, 'round.parcels'))} is ${van} by van.`,
    consolidated: () =>
      `${start}on a fixed delivery day the round is ${sig(setting(result, 'consolidated.fill'))} times as full: ${van} by van for yours.`,
    pickupWalk: () =>
      `${start}the van leaves ${parcels(setting(result, 'pickup.parcelsPerStop'))} at each pickup point (${van} for yours); walking there emits nothing.`,
    pickupCar: () =>
      `${start}the van leaves parcels at a pickup point (${van} for yours), and you drive ${km(legKm(option, 'car'))} there and back, less trips combined with other errands.`,
    locker: () =>
      `${start}the van fills a locker bank (${van} for yours); the locker uses electricity, and ${share(setting(result, 'locker.carShare') ?? 0)} of shoppers drive to it.`,
    cargoBike: () => {
      const bikeable = setting(result, 'cargoBike.bikeableShare') ?? 1;
      const last = km(legKm(option, 'bikes', 'delivery-round') / (bikeable || 1));
      if (bikeable <= 0) return `${start}it is too big for a cargo bike, so it goes in the carrier's van.`;
      if (bikeable >= 1) return `${start}a van takes it to a micro-hub and a cargo bike rides the last ${last}.`;
      return `${start}${share(bikeable)} of parcels fit a cargo bike: a van takes them to a micro-hub and a bike rides the last ${last}; the rest go by van.`;
    },
  };
  const text = sentences[option.id]?.() ?? '';
  return cap(text) + (short ? '' : failureNote(option, result));
}

/** A saving against the baseline, or "no clear difference" when its interval spans zero. */
export function savingText(option, baselineLabel) {
  if (option.savingPercent == null) return '';
  if (!option.savingClear) return `no clear difference from ${baselineLabel.toLowerCase()}`;
  const p = option.savingPercent;
  const r = option.savingRange;
  // "More" reads the interval as increases too: a saving of −940% to −97% is "97–940% more".
  const range = r ? ` (${percentRange(p >= 0 ? r : { low: -r.high, high: -r.low })})` : '';
  return p >= 0 ? `${percent(p)} less than ${baselineLabel.toLowerCase()}${range}` : `${percent(-p)} more than ${baselineLabel.toLowerCase()}${range}`;
}

/** What the baseline option says in place of a saving. */
export const BASELINE_TEXT = 'the usual service (baseline)';

/** A setting a result used, as a sentence; a setting with no sentence yet reads "name: value unit.". */
export const settingSentence = (s) => SETTING_SENTENCES[s.id]?.(s.value) ?? `${SETTING_NAMES[s.id] ?? s.id}: ${sig(s.value)} ${s.unit}.`;

/** The widget's own words (www/green-delivery-options.js). */
export const WIDGET_TEXT = {
  title: 'Delivery footprint per parcel (CO2e)',
  greenest: 'Greenest',
  retry: 'Retry',
  loading: 'Loading…',
  loadFailed: 'The delivery footprints could not load.',
  cantShow: "Sorry, the delivery footprints can't be shown.",
  whatIsCounted: 'What is counted',
  /** The badge of the first option when its range overlaps the next one's (www/ranking.js). */
  amongLowest: 'Among the lowest',
  /** The compact layout's disclosure button, read with the option's name: "Details Standard delivery". */
  details: 'Details',
  /** An option as a screen reader announces it, in one sentence: "Parcel locker: 46 g, from 20 g to 110 g, greenest."
   *  `range` is [low, high] (written) or null; `badge` the badge's words or ''. */
  optionSentence: (name, figure, range, badge) =>
    `${name}: ${figure}${range ? `, from ${range[0]} to ${range[1]}` : ''}${badge ? `, ${badge.toLowerCase()}` : ''}.`,
};

/** The heading of a "what is counted" line, and the coverage note beside a list of figures. */
export const WHAT_IS_COUNTED = 'What is counted';
export const medianNote = (coverage) =>
  `Each figure is the median of many random draws of the settings; its range covers ${percent(100 * coverage)} of them.`;

/** The coverage of an interval, in words: "90% of draws". */
export const coverageText = (range) => `${percent(100 * range.coverage)} interval`;
