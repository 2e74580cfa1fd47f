#!/usr/bin/env node
// green-delivery on the command line: the page's numbers, from the same wasm, for batch jobs and CI.
// Exit codes: 0 done, 1 bad input (the row or the field at fault is named), 2 usage (see --help).
// Arguments are parsed by Node's own util.parseArgs; the progress bar (a few steps around one wasm call) is drawn
// on stderr only when stderr is a terminal, so pipes and CI logs stay clean.
import { parseArgs } from 'node:util';
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { initSync, consolidate, parseOrders, ordersFromGeoJson, deliveryOptions, factors } from '../lib/node.js';
import { gramsRange } from '../www/format.js';
import {
  OPTION_LABELS, BASELINE_TEXT, optionExplanation, savingText, boundarySentence, medianNote,
} from '../www/strings/en-GB.js';

const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

const HELP = {
  main: `green-delivery ${VERSION}: delivery footprints and consolidation, computed by the green-delivery wasm core

Usage:
  green-delivery consolidate <orders.csv|orders.geojson|-> --depot LAT,LON [options]
  green-delivery options --to LAT,LON [--from LAT,LON] [options]
  green-delivery factors [--format csv|json]
  green-delivery <command> --help

Commands:
  consolidate   compare consolidated rounds, pickup points and cargo bikes with carriers' rounds and dedicated trips
  options       g CO2e per parcel for each delivery option to one address (the checkout widget's numbers)
  factors       the default emission factors, each with its source, year and licence

Exit status: 0 done, 1 bad input (row and field named on stderr), 2 usage error.
`,
  consolidate: `Usage: green-delivery consolidate <orders.csv|orders.geojson|-> --depot LAT,LON [options]

Reads orders (CSV with lat/lon[/parcels/weight_kg/id] columns, or a GeoJSON FeatureCollection of Points; "-" reads
stdin) and compares six ways of delivering them, as the page's merchant view does (savings against standard
carrier rounds).

Options:
  --depot LAT,LON        the depot (required), e.g. 51.5416,-0.0076
  --vehicle ID           van factor id: diesel-van (default), petrol-van, electric-van
  --capacity N           parcels per round (default 100)
  --pickup-points N      number of pickup points (default: one per π·(2 km)² of the orders' area)
  --area AREA            the carriers' rounds for standard and next-day: urban, suburban, rural (default: from the
                         orders' density)
  --grid ID              grid factor id for electric vehicles (default uk-grid-2025)
  --format FORMAT        json (default: the page's JSON report), csv (the page's scenario table), geojson (rounds)
  --out FILE             write there instead of stdout
  --skip-bad-rows        use the good rows when some are bad (each bad row is still listed on stderr)
  -h, --help             this help

A bad row stops the run with exit status 1, naming its line and field, unless --skip-bad-rows is given.
`,
  options: `Usage: green-delivery options --to LAT,LON [--from LAT,LON] [options]

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
  --grid ID              grid factor id for electric vehicles (default uk-grid-2025)
  --format FORMAT        table (default), json (the API's result), csv
  --out FILE             write there instead of stdout
  -h, --help             this help
`,
  factors: `Usage: green-delivery factors [--format csv|json] [--out FILE]

Lists the default factor table: id, label, unit, kg CO2e per unit (well-to-wheel) with its TTW/WTT split, source,
year and licence. --format json gives every field, DESNZ row ids included.
`,
};

const OPTIONS = {
  consolidate: {
    depot: { type: 'string' }, vehicle: { type: 'string' }, capacity: { type: 'string' },
    'pickup-points': { type: 'string' }, area: { type: 'string' }, grid: { type: 'string' }, format: { type: 'string', default: 'json' },
    out: { type: 'string' }, 'skip-bad-rows': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
  },
  options: {
    from: { type: 'string' }, to: { type: 'string' }, vehicle: { type: 'string' }, car: { type: 'string' },
    grid: { type: 'string' }, area: { type: 'string' }, weight: { type: 'string' }, 'pickup-km': { type: 'string' },
    setting: { type: 'string', multiple: true }, baseline: { type: 'string' },
    format: { type: 'string', default: 'table' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' },
  },
  factors: { format: { type: 'string', default: 'csv' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
};
const FORMATS = { consolidate: ['json', 'csv', 'geojson'], options: ['table', 'json', 'csv'], factors: ['csv', 'json'] };

/** A usage error: exit status 2. */
class UsageError extends Error {}
/** Bad input: exit status 1. `lines` are printed as they are. */
class InputError extends Error {
  constructor(lines) {
    super(lines[0]);
    this.lines = lines;
  }
}

/** Which option a field of the API's input comes from, for error messages. */
const FIELD_OPTION = {
  consolidate: { depot: '--depot', vehicle: '--vehicle', capacity: '--capacity', pickup: '--pickup-points', grid: '--grid', area: '--area' },
  options: {
    depot: '--from', shopper: '--to', vehicle: '--vehicle', car: '--car', grid: '--grid', area: '--area', weightKg: '--weight',
    'settings.pickup.km': '--pickup-km', settings: '--setting', baseline: '--baseline',
  },
};

// ---------------------------------------------------------------------------------------------------- progress

/** A one-line bar on stderr when it is a terminal; nothing otherwise. */
function progressBar(enabled = process.stderr.isTTY === true) {
  let drawn = false;
  return {
    step(fraction, label) {
      if (!enabled) return;
      const width = 24;
      const full = Math.round(fraction * width);
      const line = `[${'#'.repeat(full)}${'.'.repeat(width - full)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${label}`;
      const columns = process.stderr.columns || 80;
      process.stderr.write(`\r\x1b[2K${line.slice(0, columns - 1)}`);
      drawn = true;
    },
    done() {
      if (enabled && drawn) process.stderr.write('\r\x1b[2K');
      drawn = false;
    },
  };
}

// ---------------------------------------------------------------------------------------------------- helpers

function latLon(text, option) {
  const parts = String(text).split(',').map((p) => p.trim());
  const numbers = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n))) {
    throw new UsageError(`${option} must be LAT,LON (two numbers, e.g. 51.54,-0.01), got "${text}"`);
  }
  return { lat: numbers[0], lon: numbers[1] };
}

function count(text, option) {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n)) throw new UsageError(`${option} must be a number, got "${text}"`);
  return n;
}

function readInput(path) {
  if (path === '-') {
    try {
      return readFileSync(0, 'utf8');
    } catch (err) {
      throw new InputError([`cannot read stdin: ${err.message}`]);
    }
  }
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new InputError([`cannot read ${path}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`]);
  }
}

function write(text, out) {
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (err) {
    throw new InputError([`cannot write ${out}: ${err.message}`]);
  }
}

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
function cell(value) {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
const csvLines = (rows) => rows.map((row) => row.map(cell).join(',')).join('\n') + '\n';

/** The package's error (code and field) as a line naming the option or the file it comes from. */
function apiError(err, command, source) {
  if (typeof err?.code !== 'string' || typeof err?.field !== 'string') throw err;
  const root = err.field.split(/[.[]/)[0];
  const where = FIELD_OPTION[command]?.[err.field] ?? FIELD_OPTION[command]?.[root] ?? (['csv', 'geojson'].includes(root) ? source : null);
  const field = err.field ? ` (field ${err.field})` : '';
  return new InputError([`${where ? `${where}: ` : ''}${err.code}${field}: ${err.message}`]);
}

// ---------------------------------------------------------------------------------------------------- commands

/** The page's scenario CSV (www/merchant.js), column for column. */
function scenarioCsv(result) {
  const head = ['scenario', 'baseline', 'area', 'vehicle_km', 'shopper_km', 'kwh', 'kg_co2e', 'kg_co2e_low', 'kg_co2e_high',
    'coverage', 'kg_co2e_central', 'ttw_kg', 'wtt_kg', 'g_co2e_per_parcel', 'saving_percent', 'saving_percent_low',
    'saving_percent_high', 'saving_clear'];
  const rows = result.scenarios.map((s) => [
    s.id, result.baseline, result.variants.area, s.vehicleKm, s.shopperKm, s.kwh, s.kgCo2e, s.range.low, s.range.high,
    s.range.coverage, s.centralKg, s.ttwKg ?? '', s.wttKg ?? '', s.gCo2ePerParcel, s.savingPercent ?? '',
    s.savingRange?.low ?? '', s.savingRange?.high ?? '', s.savingClear,
  ]);
  return [head.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n';
}

function runConsolidate(values, positionals) {
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length ? 'give one orders file (or - for stdin)' : 'the orders file is missing (give a path, or - for stdin)');
  }
  if (values.depot === undefined) throw new UsageError('--depot LAT,LON is required');
  const [path] = positionals;
  const source = path === '-' ? 'stdin' : path;
  const input = { depot: latLon(values.depot, '--depot') };
  if (values.vehicle !== undefined) input.vehicle = values.vehicle;
  if (values.capacity !== undefined) input.capacity = count(values.capacity, '--capacity');
  if (values['pickup-points'] !== undefined) input.pickup = { points: count(values['pickup-points'], '--pickup-points') };
  if (values.grid !== undefined) input.grid = values.grid;
  if (values.area !== undefined) input.area = values.area;

  const bar = progressBar();
  try {
    bar.step(0.05, `Reading ${source}…`);
    const text = readInput(path);
    bar.step(0.15, `Parsing ${source}…`);
    const geojson = /\.(geo)?json$/i.test(path) || text.trimStart().startsWith('{');
    let parsed;
    try {
      parsed = geojson ? ordersFromGeoJson(text) : parseOrders(text);
    } catch (err) {
      throw apiError(err, 'consolidate', source);
    }
    const { orders, errors } = parsed;
    const rowLines = errors.map((e) =>
      e.line !== undefined ? `${source} line ${e.line}: ${e.message}` : `${source} feature ${e.feature}: ${e.message}`,
    );
    if (errors.length && !values['skip-bad-rows']) {
      throw new InputError([
        ...rowLines,
        `${errors.length} bad row${errors.length === 1 ? '' : 's'} in ${source}; fix ${errors.length === 1 ? 'it' : 'them'}, or give --skip-bad-rows to use the ${orders.lat.length} good one${orders.lat.length === 1 ? "" : "s"}`,
      ]);
    }
    if (orders.lat.length === 0) throw new InputError([`${source}: no orders could be read`]);
    bar.step(0.35, `Planning rounds for ${orders.lat.length.toLocaleString('en')} orders…`);
    let result;
    try {
      result = consolidate({ ...orders, ...input, geojson: values.format === 'geojson' });
    } catch (err) {
      throw apiError(err, 'consolidate', source);
    }
    bar.step(0.9, 'Writing…');
    let out;
    if (values.format === 'csv') out = scenarioCsv(result);
    else if (values.format === 'geojson') out = JSON.stringify(result.geojson) + '\n';
    else {
      // The page's JSON report, without its timestamp (so that the same input gives the same bytes).
      const report = { file: basename(source), ...result, roundOf: undefined, pickupOf: undefined };
      out = JSON.stringify(report, null, 2) + '\n';
    }
    write(out, values.out);
    bar.done();
    for (const line of errors.length ? rowLines : []) console.error(`green-delivery: skipped ${line}`);
  } finally {
    bar.done();
  }
}

function runOptions(values, positionals) {
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  if (values.to === undefined) throw new UsageError('--to LAT,LON is required');
  const input = { shopper: latLon(values.to, '--to') };
  if (values.from !== undefined) input.depot = latLon(values.from, '--from');
  for (const key of ['vehicle', 'car', 'grid', 'area', 'baseline']) if (values[key] !== undefined) input[key] = values[key];
  if (values.weight !== undefined) input.weightKg = count(values.weight, '--weight');
  // Settings by id: --setting ID=VALUE (repeatable), and the flags that name one setting.
  const settings = {};
  for (const pair of values.setting ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(`--setting must be ID=VALUE (e.g. failures.rate=0.05), got "${pair}"`);
    settings[pair.slice(0, at).trim()] = count(pair.slice(at + 1), `--setting ${pair.slice(0, at).trim()}`);
  }
  if (values['pickup-km'] !== undefined) settings['pickup.km'] = count(values['pickup-km'], '--pickup-km');
  if (Object.keys(settings).length) input.settings = settings;
  let result;
  try {
    result = deliveryOptions(input);
  } catch (err) {
    throw apiError(err, 'options');
  }
  const label = (id) => OPTION_LABELS[id] ?? id;
  // The saving in words: "37% less than standard delivery (23–52%)", or "no clear difference from …".
  const saving = (o) => (o.id === result.baseline ? BASELINE_TEXT : savingText(o, label(result.baseline)));
  let out;
  if (values.format === 'json') out = JSON.stringify(result, null, 2) + '\n';
  else if (values.format === 'csv') {
    // The first eight columns as before; the range, coverage and saving after them.
    out = csvLines([
      ['option', 'label', 'g_co2e', 'ttw_g', 'wtt_g', 'vehicle_km', 'shopper_km', 'explanation', 'g_co2e_low', 'g_co2e_high',
        'coverage', 'baseline', 'saving_percent', 'saving_percent_low', 'saving_percent_high', 'saving_clear'],
      ...result.options.map((o) => [
        o.id, label(o.id), o.gCo2e, o.ttwG, o.wttG, o.vehicleKm, o.shopperKm, optionExplanation(o, result), o.range.low, o.range.high,
        o.range.coverage, result.baseline, o.savingPercent, o.savingRange?.low, o.savingRange?.high, o.savingClear,
      ]),
    ]);
  } else {
    const greenest = result.options.reduce((best, o) => (o.gCo2e < best.gCo2e ? o : best));
    const width = Math.max(...result.options.map((o) => label(o.id).length));
    const figures = result.options.map((o) => `${gramsRange(o.gCo2e, o.range)} CO2e`);
    const figureWidth = Math.max(...figures.map((f) => f.length));
    out = result.options
      .map((o, i) =>
        `${label(o.id).padEnd(width)}  ${figures[i].padEnd(figureWidth)}  ${saving(o)}${o === greenest ? ' (greenest)' : ''}\n` +
        `  ${optionExplanation(o, result)}\n`,
      )
      .join('');
    out += `\n${medianNote(result.options[0].range.coverage)}\n${boundarySentence(result.boundary)}\n`;
  }
  write(out, values.out);
}

function runFactors(values, positionals) {
  if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const table = factors();
  let out;
  if (values.format === 'json') out = JSON.stringify(table, null, 2) + '\n';
  else {
    out = csvLines([
      ['id', 'label', 'unit', 'kg_co2e_per_unit', 'ttw', 'wtt', 'source', 'year', 'licence'],
      ...table.map((f) => [f.id, f.label, f.unit, f.kgPerUnit, f.parts.ttw ?? '', f.parts.wtt ?? '', f.source, f.year, f.licence]),
    ]);
  }
  write(out, values.out);
}

const COMMANDS = { consolidate: runConsolidate, options: runOptions, factors: runFactors };

// ---------------------------------------------------------------------------------------------------- main

export function main(argv = process.argv.slice(2)) {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(HELP.main);
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' && HELP[rest[0]] ? rest[0] : 'main';
    process.stdout.write(HELP[topic]);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    if (!COMMANDS[command]) throw new UsageError(`unknown command "${command}"`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: OPTIONS[command], allowPositionals: true, strict: true });
    } catch (err) {
      throw new UsageError(err.message.replace(/\. To specify a positional argument.*$/s, ''));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      process.stdout.write(HELP[command]);
      return 0;
    }
    if (!FORMATS[command].includes(values.format)) {
      throw new UsageError(`--format must be one of ${FORMATS[command].join(', ')}, got "${values.format}"`);
    }
    initSync();
    COMMANDS[command](values, positionals);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`green-delivery: ${err.message}`);
      console.error(`Run "green-delivery ${COMMANDS[command] ? `${command} ` : ''}--help" for usage.`);
      return 2;
    }
    if (err instanceof InputError) {
      for (const line of err.lines) console.error(`green-delivery: ${line}`);
      return 1;
    }
    console.error(`green-delivery: ${err?.stack ?? err}`);
    return 1;
  }
}

process.exitCode = main();
