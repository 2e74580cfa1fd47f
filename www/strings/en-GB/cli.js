// The command line's words in British English (bin/green-delivery.js): its help, its messages on stderr, and the
// words of its table. Machine formats (JSON, CSV, GeoJSON) are the same in every language and take nothing from here.
import { n } from './numbers.js';

export const lang = 'en-GB';

const plural = new Intl.PluralRules('en-GB');
const pl = (count, forms) => forms[plural.select(count)] ?? forms.other;

const LANG_OPTION = `  --lang TAG             language of the help, the messages and the table: en-GB, zh-CN, de-DE (default: from
                         LC_ALL, LC_MESSAGES or LANG, e.g. de_DE.UTF-8; else British English)`;

/** The help of the tool and of each command; `version` is the package's. */
export const HELP = {
  main: (version) => `green-delivery ${version}: delivery footprints and consolidation, computed by the green-delivery wasm core

Usage:
  green-delivery consolidate <orders.csv|orders.geojson|-> --depot LAT,LON [options]
  green-delivery options --to LAT,LON [--from LAT,LON] [options]
  green-delivery factors [--format csv|json]
  green-delivery <command> --help

Commands:
  consolidate   compare consolidated rounds, pickup points and cargo bikes with carriers' rounds and dedicated trips
  options       g CO2e per parcel for each delivery option to one address (the checkout widget's numbers)
  factors       the default emission factors, each with its source, year and licence

Every command takes --lang TAG (en-GB, zh-CN, de-DE) for its help, messages and table; the default comes from
LC_ALL, LC_MESSAGES or LANG. JSON, CSV and GeoJSON are the same in every language.
Exit status: 0 done, 1 bad input (row and field named on stderr), 2 usage error.
Input is read up to 134,217,728 bytes (128 MiB, the calculator's text limit); a device or pipe that sends nothing
for 30 s (GREEN_DELIVERY_READ_TIMEOUT, in seconds) is given up. Numbers are plain decimals (12, -0.5).
`,
  consolidate: () => `Usage: green-delivery consolidate <orders.csv|orders.geojson|-> --depot LAT,LON [options]

Reads orders (CSV with lat/lon[/parcels/weight_kg/id] columns, or a GeoJSON FeatureCollection of Points; "-" reads
stdin) and compares six ways of delivering them, as the page's merchant view does (savings against standard
carrier rounds). A shop's own export is read as the page reads it: Shopify's, WooCommerce's and Etsy's order CSVs
by their columns, line items grouped into orders (one parcel each); postcodes and towns placed offline, in a row's
own country or else --country (the npm package has UK postcode districts; a checkout of the repository has every
table). Orders whose address is not found are listed on stderr and left out.

Options:
  --depot LAT,LON        the depot (required), e.g. 51.5416,-0.0076
  --vehicle ID           van factor id: diesel-van (default), petrol-van, electric-van
  --capacity N           parcels per round (default 100)
  --pickup-points N      number of pickup points (default: one per π·(2 km)² of the orders' area)
  --area AREA            the carriers' rounds for standard and next-day: urban, suburban, rural (default: from the
                         orders' density)
  --country CC           the country delivered in, ISO 3166-1 alpha-2 (default GB): its grid, fleet, line-haul
                         and pickup defaults (CN, DE, FR, GB, JP, US; another country gets proxies, flagged)
  --grid ID              grid factor id for electric vehicles (default: the country's grid)
  --format FORMAT        json (default: the page's JSON report), csv (the page's scenario table), geojson (rounds)
  --out FILE             write there instead of stdout
  --skip-bad-rows        use the good rows when some are bad (each bad row is still listed on stderr)
${LANG_OPTION}
  -h, --help             this help

A bad row stops the run with exit status 1, naming its line and field, unless --skip-bad-rows is given.
`,
  options: () => `Usage: green-delivery options --to LAT,LON [--from LAT,LON] [options]

Grams of CO2e for one parcel delivered each way (same-day courier, next-day, standard, fixed delivery day, pickup
point on foot or by car, parcel locker, cargo bike), as the checkout widget shows them: each figure is the median of
a Monte Carlo over the settings, with its 90% range, and its saving against standard delivery ("no clear
difference" when the saving's range spans zero).

Options:
  --to LAT,LON           the shopper's address (required)
  --from LAT,LON         the merchant's depot, where the line-haul starts (default: the setting lineHaul.km)
  --area AREA            the carrier's round where the shopper lives: urban, suburban (default), rural
  --weight KG            the parcel's weight (sets parcel.kg, and whether a cargo bike can take it)
  --pickup-km KM         shopper to the pickup point, one way (the setting pickup.km)
  --setting ID=VALUE     any setting of the chain by id, e.g. failures.rate=0.05 (repeatable; README, "Settings")
  --baseline ID          the option savings are measured against (default standard)
  --vehicle ID           van factor id: diesel-van (default), petrol-van, electric-van
  --car ID               the shopper's car for pickup trips: petrol-car (default), diesel-car, electric-car
  --country CC           the country delivered in, ISO 3166-1 alpha-2 (default GB): its grid, fleet, line-haul
                         and pickup defaults (CN, DE, FR, GB, JP, US; another country gets proxies, flagged)
  --grid ID              grid factor id for electric vehicles (default: the country's grid)
  --format FORMAT        table (default), json (the API's result), csv
  --out FILE             write there instead of stdout
${LANG_OPTION}
  -h, --help             this help
`,
  factors: () => `Usage: green-delivery factors [--format csv|json] [--out FILE] [--lang TAG]

Lists the default factor table: id, label, unit, kg CO2e per unit (well-to-wheel) with its TTW/WTT split, source,
year and licence. --format json gives every field, DESNZ row ids included.
`,
};

/** Messages on stderr (each printed after "green-delivery: "), and the words of the options table. */
export const M = {
  latLon: (option, got) => `${option} must be LAT,LON (two decimal numbers, e.g. 51.54,-0.01), got "${got}"`,
  decimal: (option, got) => `${option} must be a decimal number, got "${got}"`,
  tooLarge: (name, bytes) => `${name} is larger than ${n.count(bytes)} bytes (128 MiB), the most the calculator reads`,
  cannotRead: (name, why) => `cannot read ${name}: ${why}`,
  noSuchFile: 'no such file',
  isFolder: 'it is a folder',
  silent: (name, seconds) => `${name} sent nothing for ${seconds} s; give a file, or pipe the orders in`,
  cannotWrite: (out, why) => `cannot write ${out}: ${why}`,
  /** The package's error: the option or file it is about, its code and field, and its message (for developers). */
  apiError: (where, code, field, message) => `${where ? `${where}: ` : ''}${code}${field ? ` (field ${field})` : ''}: ${message}`,
  oneFile: 'give one orders file (or - for stdin)',
  noFile: 'the orders file is missing (give a path, or - for stdin)',
  depotRequired: '--depot LAT,LON is required',
  reading: (source) => `Reading ${source}…`,
  parsing: (source) => `Parsing ${source}…`,
  planning: (orders) => `Planning rounds for ${n.count(orders)} orders…`,
  writing: 'Writing…',
  rowLine: (source, line, message) => `${source} line ${line}: ${message}`,
  rowFeature: (source, feature, message) => `${source} feature ${feature}: ${message}`,
  badRows: (bad, source, good) =>
    `${n.count(bad)} bad ${pl(bad, { one: 'row', other: 'rows' })} in ${source}; fix ${pl(bad, { one: 'it', other: 'them' })}, or give --skip-bad-rows to use the ${n.count(good)} good ${pl(good, { one: 'one', other: 'ones' })}`,
  noOrders: (source) => `${source}: no orders could be read`,
  skipped: (line) => `skipped ${line}`,
  /** What a mapped file held (a shop's export, or postcodes): "shop.csv: a Shopify orders export, 23 rows in 12
   *  orders; 9 orders, 9 parcels placed; 3 addresses not found (listed above)". */
  readSummary: (source, { layout, rows, orders, placed, parcels, unmatched }) =>
    `${source}: ${layout ? `${{ shopify: 'a Shopify', woocommerce: 'a WooCommerce', etsy: 'an Etsy' }[layout]} orders export, ` : ''}` +
    `${n.count(rows)} ${pl(rows, { one: 'row', other: 'rows' })} in ${n.count(orders)} ${pl(orders, { one: 'order', other: 'orders' })}; ` +
    `${n.count(placed)} ${pl(placed, { one: 'order', other: 'orders' })}, ${n.count(parcels)} ${pl(parcels, { one: 'parcel', other: 'parcels' })} placed` +
    (unmatched ? `; ${n.count(unmatched)} ${pl(unmatched, { one: 'address', other: 'addresses' })} not found (listed above)` : ''),
  unexpected: (arg) => `unexpected argument "${arg}"`,
  toRequired: '--to LAT,LON is required',
  settingForm: (got) => `--setting must be ID=VALUE (e.g. failures.rate=0.05), got "${got}"`,
  unknownCommand: (command) => `unknown command "${command}"`,
  unknownOption: (option) => `unknown option "${option}"`,
  format: (formats, got) => `--format must be one of ${formats.join(', ')}, got "${got}"`,
  lang: (tags, got) => `--lang must be one of ${tags.join(', ')} (or the same language, e.g. de, zh-Hans), got "${got}"`,
  usage: (command) => `Run "green-delivery ${command ? `${command} ` : ''}--help" for usage.`,
  internal: (message) => `internal error, please report it: ${message}`,
  /** The options table: a figure in CO2e, and the mark of the greenest option. */
  co2e: (figure) => `${figure} CO2e`,
  greenest: ' (greenest)',
};
