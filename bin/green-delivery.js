#!/usr/bin/env node
// green-delivery on the command line: the page's numbers, from the same wasm, for batch jobs and CI.
// Exit codes: 0 done (also when stdout is closed early, as by `head`), 1 bad input (the row or the field at fault is
// named), 2 usage (see --help). Arguments are parsed by Node's own util.parseArgs (a negative number may follow an
// option: `--to -33.87,151.2`); the progress bar (a few steps around one wasm call) is drawn on stderr only when
// stderr is a terminal, so pipes and CI logs stay clean. Whatever is echoed from the input is cut short and
// stripped of control characters, so a file cannot write escape sequences to the terminal.
import { parseArgs } from 'node:util';
import { closeSync, constants, createReadStream, fstatSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { initSync, consolidate, parseOrders, ordersFromGeoJson, deliveryOptions, factors } from '../lib/node.js';
import { pickLang, LANGUAGES } from '../www/i18n.js';
import { setTableReader } from '../www/places.js';
import { readOrderFile } from '../www/order-columns.js';
import { csvLines, scenarioCsv } from '../www/csv.js';
// The CSV's label and explanation columns are data, the same in every language: always British English.
import { OPTION_LABELS as CSV_LABELS, optionExplanation as csvExplanation } from '../www/strings/en-GB/chain.js';

const VERSION = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

// The place tables, for a shop's export with postcodes or towns and no coordinates: read from www/data/ beside this
// file (Node's fetch cannot read files). The npm package ships the UK's postcode districts only (every country's
// tables would double its size); a checkout of the repository has them all. An order whose table is missing is
// reported as not placed, with the table it needs.
setTableReader(async (name) => {
  try {
    return JSON.parse(await readFile(new URL(`../www/data/${name}.json`, import.meta.url), 'utf8'));
  } catch (err) {
    if (err.code === 'ENOENT') throw Object.assign(new Error(`www/data/${name}.json is not installed`), { code: 'no-table', table: name });
    throw err;
  }
});

/**
 * The language of the help, the messages and the table: --lang TAG (or --lang=TAG) when given, else the
 * environment's locale as POSIX orders it (LC_ALL, then LC_MESSAGES, then LANG: "de_DE.UTF-8" → de-DE; "C" and
 * "POSIX" name none), else British English. `asked` is the --lang value, for checking that it names a language.
 */
export function cliLang(argv, env = process.env) {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => typeof v === 'string' && v !== '') ?? '';
  const tag = locale.split(/[.@]/)[0].replace(/_/g, '-');
  const fromEnv = pickLang([tag === 'C' || tag === 'POSIX' ? '' : tag]);
  const at = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  if (at < 0) return { lang: fromEnv };
  const asked = argv[at].startsWith('--lang=') ? argv[at].slice('--lang='.length) : argv[at + 1];
  const lang = pickLang([asked]);
  // pickLang falls back to British English: an --lang that is not English and not one of ours is a usage error.
  let english = false;
  try {
    english = new Intl.Locale(asked).language === 'en';
  } catch {
    // not a language tag
  }
  return lang === 'en-GB' && !english ? { lang: fromEnv, bad: asked ?? '' } : { lang };
}

/** The language's tables: the CLI's words, its numbers, and the chain's words (British English for a language
 *  without a chain table yet). */
async function wordsFor(lang) {
  const at = (part) => new URL(`../www/strings/${lang}/${part}.js`, import.meta.url).href;
  const [cli, numbers, chain] = await Promise.all([
    import(at('cli')),
    import(at('numbers')),
    import(at('chain')).catch(() => import('../www/strings/en-GB/chain.js')),
  ]);
  return { HELP: cli.HELP, M: cli.M, n: numbers.n, chain };
}
/** The words in use, set by main() before anything is said. */
let HELP;
let M;
let n;
let chain;

const OPTIONS = {
  consolidate: {
    depot: { type: 'string' }, vehicle: { type: 'string' }, capacity: { type: 'string' },
    'pickup-points': { type: 'string' }, area: { type: 'string' }, grid: { type: 'string' }, country: { type: 'string' }, format: { type: 'string', default: 'json' },
    out: { type: 'string' }, 'skip-bad-rows': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' },
  },
  options: {
    from: { type: 'string' }, to: { type: 'string' }, vehicle: { type: 'string' }, car: { type: 'string' },
    grid: { type: 'string' }, area: { type: 'string' }, weight: { type: 'string' }, 'pickup-km': { type: 'string' },
    setting: { type: 'string', multiple: true }, baseline: { type: 'string' }, country: { type: 'string' },
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

/** The most bytes read from a file or stdin: the API's text limit (it counts characters; a byte is at most one). */
const MAX_BYTES = 2 ** 27;
/** A plain decimal number, as people write one: no hex, exponent, Infinity or spaces inside. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;
/** Longest piece of input echoed in a message, in characters. */
const ECHO = 40;

/** Text from the input as a message may show it: control characters as "?", cut to ECHO characters. */
function shown(text) {
  const clean = String(text).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > ECHO ? `${clean.slice(0, ECHO)}…` : clean;
}
/** A whole line for stderr: control characters as "?" (the line itself is ours, so it is not cut). */
const clean = (line) => String(line).replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');

/** Which option a field of the API's input comes from, for error messages. */
const FIELD_OPTION = {
  consolidate: { depot: '--depot', vehicle: '--vehicle', capacity: '--capacity', pickup: '--pickup-points', grid: '--grid', area: '--area', country: '--country' },
  options: {
    depot: '--from', shopper: '--to', vehicle: '--vehicle', car: '--car', grid: '--grid', area: '--area', weightKg: '--weight',
    'settings.pickup.km': '--pickup-km', settings: '--setting', baseline: '--baseline', country: '--country',
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
  if (parts.length !== 2 || !parts.every((p) => DECIMAL.test(p))) {
    throw new UsageError(M.latLon(option, shown(text)));
  }
  return { lat: Number(parts[0]), lon: Number(parts[1]) };
}

function count(text, option) {
  if (!DECIMAL.test(text.trim())) throw new UsageError(M.decimal(option, shown(text)));
  return Number(text);
}

/**
 * A file's (or stdin's, for "-") text, read up to MAX_BYTES: a larger regular file is refused before it is read, a
 * device or pipe as soon as it passes the limit (/dev/zero, say), and one that sends nothing for the timeout is
 * given up on. Bad input (exit 1) in each case, with the limit named.
 */
async function readInput(path) {
  const name = path === '-' ? 'stdin' : shown(path);
  const tooLarge = () => new InputError([M.tooLarge(name, MAX_BYTES)]);
  let fd;
  let pipe = false;
  try {
    // A FIFO is opened by the stream, off the main thread: opening one blocks until a writer comes, and the
    // timeout below must be able to give up on that too.
    pipe = path !== '-' && (statSync(path).isFIFO() || statSync(path).isSocket());
    fd = path === '-' ? 0 : pipe ? undefined : openSync(path, 'r');
    if (!pipe && fstatSync(fd).isDirectory()) throw Object.assign(new Error('it is a folder'), { code: 'EISDIR' });
    if (!pipe && fstatSync(fd).isFile() && fstatSync(fd).size > MAX_BYTES) throw tooLarge();
  } catch (err) {
    if (fd !== undefined && fd !== 0) closeSync(fd);
    if (err instanceof InputError) throw err;
    throw new InputError([M.cannotRead(name, err.code === 'ENOENT' ? M.noSuchFile : err.code === 'EISDIR' ? M.isFolder : shown(err.message))]);
  }
  const seconds = Number(process.env.GREEN_DELIVERY_READ_TIMEOUT ?? 30);
  const options = { highWaterMark: 1 << 20 };
  // stdin as Node opens it (a pipe or a terminal is read without blocking a thread, so it can be given up on).
  const stream = fd === 0 ? process.stdin : pipe ? createReadStream(path, options) : createReadStream(null, { ...options, fd });
  const chunks = [];
  let bytes = 0;
  await new Promise((resolve, reject) => {
    let timer;
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        // A FIFO's open may still be waiting for a writer, which would keep the process from ever exiting: be that
        // writer for a moment, so that the open returns (and reads an end).
        if (pipe) {
          try {
            closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK));
          } catch {
            // No open was waiting.
          }
        }
        stop(new InputError([M.silent(name, seconds)]));
      }, seconds * 1000);
    };
    const stop = (err) => {
      clearTimeout(timer);
      stream.destroy();
      if (err) reject(err);
      else resolve();
    };
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      if (bytes > MAX_BYTES) return stop(tooLarge());
      chunks.push(chunk);
      idle();
    });
    stream.on('end', () => stop());
    stream.on('error', (err) => stop(new InputError([M.cannotRead(name, shown(err.message))])));
    idle();
  });
  return Buffer.concat(chunks, bytes).toString('utf8');
}

/**
 * parseArgs reads a value that starts with "-" as an option ("--to -33.87,151.2" is ambiguous to it): a negative
 * number after an option that takes a value is joined to it ("--to=-33.87,151.2").
 */
function joinNegativeValues(args, options) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const name = args[i].startsWith('--') ? args[i].slice(2) : null;
    if (name && options[name]?.type === 'string' && /^-[\d.]/.test(args[i + 1] ?? '')) out.push(`${args[i]}=${args[++i]}`);
    else out.push(args[i]);
  }
  return out;
}

function write(text, out) {
  if (out === undefined || out === '-') {
    process.stdout.write(text);
    return;
  }
  try {
    writeFileSync(out, text);
  } catch (err) {
    throw new InputError([M.cannotWrite(shown(out), shown(err.message))]);
  }
}

/** Columns a text takes in a terminal: two for a wide (CJK) character, so that the table lines up in Chinese. */
const columns = (text) => [...text].reduce((w, c) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(c) ? 2 : 1), 0);
const pad = (text, width) => text + ' '.repeat(Math.max(0, width - columns(text)));

/** The package's error (code and field) as a line naming the option or the file it comes from. */
function apiError(err, command, source) {
  if (typeof err?.code !== 'string' || typeof err?.field !== 'string') throw err;
  const root = err.field.split(/[.[]/)[0];
  const where = FIELD_OPTION[command]?.[err.field] ?? FIELD_OPTION[command]?.[root] ?? (['csv', 'geojson'].includes(root) ? source : null);
  return new InputError([M.apiError(where, err.code, err.field, err.message)]);
}

// ---------------------------------------------------------------------------------------------------- commands

async function runConsolidate(values, positionals) {
  if (positionals.length !== 1) {
    throw new UsageError(positionals.length ? M.oneFile : M.noFile);
  }
  if (values.depot === undefined) throw new UsageError(M.depotRequired);
  const [path] = positionals;
  const source = path === '-' ? 'stdin' : shown(path);
  const input = { depot: latLon(values.depot, '--depot') };
  if (values.vehicle !== undefined) input.vehicle = values.vehicle;
  if (values.capacity !== undefined) input.capacity = count(values.capacity, '--capacity');
  if (values['pickup-points'] !== undefined) input.pickup = { points: count(values['pickup-points'], '--pickup-points') };
  if (values.grid !== undefined) input.grid = values.grid;
  if (values.area !== undefined) input.area = values.area;
  if (values.country !== undefined) input.country = values.country;

  const bar = progressBar();
  try {
    bar.step(0.05, M.reading(source));
    const text = await readInput(path);
    bar.step(0.15, M.parsing(source));
    const geojson = /\.(geo)?json$/i.test(path) || text.trimStart().startsWith('{');
    let parsed;
    try {
      // A CSV is read as the page reads it (www/order-columns.js): a shop's export by its own columns, its line
      // items grouped into orders, its postcodes and towns placed offline, in --country unless a row says its own.
      parsed = geojson ? ordersFromGeoJson(text) : await readOrderFile(text, parseOrders, { country: (values.country ?? 'GB').toUpperCase() });
    } catch (err) {
      throw apiError(err, 'consolidate', source);
    }
    const { orders, errors, mapping } = parsed;
    const line = (e) => (e.line !== undefined ? M.rowLine(source, e.line, e.message) : M.rowFeature(source, e.feature, e.message));
    // An order whose address the tables do not know (its error has a code) is reported and left out, as the page
    // does; a row the calculator refuses (a bad number) is bad input, and stops the run unless --skip-bad-rows.
    const unplaced = errors.filter((e) => e.code !== undefined).map(line);
    const rowLines = errors.filter((e) => e.code === undefined).map(line);
    if (rowLines.length && !values['skip-bad-rows']) throw new InputError([...rowLines, M.badRows(rowLines.length, source, orders.lat.length)]);
    const parcels = orders.parcels.reduce((a, b) => a + b, 0);
    // What was read, for a file that was mapped (a shop's export, postcodes): the page's load line, on stderr.
    const read = mapping?.orders === undefined ? null : {
      layout: mapping.layout, rows: mapping.rows, orders: mapping.orders, placed: orders.lat.length, parcels,
      unmatched: mapping.unmatched, located: mapping.located, byTown: mapping.byTown,
    };
    if (read) {
      bar.done();
      for (const l of unplaced) console.error(`green-delivery: ${clean(M.skipped(l))}`);
      console.error(`green-delivery: ${clean(M.readSummary(source, read))}`);
    }
    if (orders.lat.length === 0) throw new InputError([M.noOrders(source)]);
    bar.step(0.35, M.planning(orders.lat.length));
    let result;
    try {
      result = consolidate({ ...orders, ...input, geojson: values.format === 'geojson' });
    } catch (err) {
      throw apiError(err, 'consolidate', source);
    }
    bar.step(0.9, M.writing);
    let out;
    if (values.format === 'csv') out = scenarioCsv(result);
    else if (values.format === 'geojson') out = JSON.stringify(result.geojson) + '\n';
    else {
      // The page's JSON report, without its timestamp (so that the same input gives the same bytes). The file's
      // name is data here, not a message: JSON escapes it, so it is whole (`source` is cut for messages).
      // `read`: what the file held, for a shop's export or a file of postcodes (rows, orders, those placed and their
      // parcels, the addresses not found).
      const report = { file: path === '-' ? 'stdin' : basename(path), ...(read ? { read } : {}), ...result, roundOf: undefined, pickupOf: undefined };
      out = JSON.stringify(report, null, 2) + '\n';
    }
    write(out, values.out);
    bar.done();
    for (const l of rowLines) console.error(`green-delivery: ${M.skipped(l)}`);
  } finally {
    bar.done();
  }
}

function runOptions(values, positionals) {
  if (positionals.length) throw new UsageError(M.unexpected(shown(positionals[0])));
  if (values.to === undefined) throw new UsageError(M.toRequired);
  const input = { shopper: latLon(values.to, '--to') };
  if (values.from !== undefined) input.depot = latLon(values.from, '--from');
  for (const key of ['vehicle', 'car', 'grid', 'area', 'baseline', 'country']) if (values[key] !== undefined) input[key] = values[key];
  if (values.weight !== undefined) input.weightKg = count(values.weight, '--weight');
  // Settings by id: --setting ID=VALUE (repeatable), and the flags that name one setting.
  const settings = {};
  for (const pair of values.setting ?? []) {
    const at = pair.indexOf('=');
    if (at < 1) throw new UsageError(M.settingForm(shown(pair)));
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
  const { OPTION_LABELS, BASELINE_TEXT, optionExplanation, savingText, boundarySentence, medianNote } = chain;
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
        o.id, CSV_LABELS[o.id] ?? o.id, o.gCo2e, o.ttwG, o.wttG, o.vehicleKm, o.shopperKm, csvExplanation(o, result), o.range.low, o.range.high,
        o.range.coverage, result.baseline, o.savingPercent, o.savingRange?.low, o.savingRange?.high, o.savingClear,
      ]),
    ]);
  } else {
    const greenest = result.options.reduce((best, o) => (o.gCo2e < best.gCo2e ? o : best));
    const width = Math.max(...result.options.map((o) => columns(label(o.id))));
    const figures = result.options.map((o) => M.co2e(n.gramsRange(o.gCo2e, o.range)));
    const figureWidth = Math.max(...figures.map(columns));
    out = result.options
      .map((o, i) =>
        `${pad(label(o.id), width)}  ${pad(figures[i], figureWidth)}  ${saving(o)}${o === greenest ? M.greenest : ''}\n` +
        `  ${optionExplanation(o, result)}\n`,
      )
      .join('');
    out += `\n${medianNote(result.options[0].range.coverage)}\n${boundarySentence(result.boundary)}\n`;
  }
  write(out, values.out);
}

function runFactors(values, positionals) {
  if (positionals.length) throw new UsageError(M.unexpected(shown(positionals[0])));
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

export async function main(argv = process.argv.slice(2), env = process.env) {
  const { lang, bad } = cliLang(argv, env);
  ({ HELP, M, n, chain } = await wordsFor(lang));
  if (bad !== undefined) {
    console.error(`green-delivery: ${clean(M.lang(Object.keys(LANGUAGES), shown(bad)))}`);
    return 2;
  }
  // --lang may come first ("green-delivery --lang de-DE --help"): the command is the first other word.
  const words = argv.filter((a, i) => !(a === '--lang' || a.startsWith('--lang=') || argv[i - 1] === '--lang'));
  const [command, ...rest] = words;
  if (command === undefined) {
    process.stderr.write(HELP.main(VERSION));
    return 2;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' && HELP[rest[0]] ? rest[0] : 'main';
    process.stdout.write(HELP[topic](VERSION));
    return 0;
  }
  if (command === '--version' || command === '-v') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    if (!COMMANDS[command]) throw new UsageError(M.unknownCommand(shown(command)));
    let parsed;
    try {
      parsed = parseArgs({ args: joinNegativeValues(rest, OPTIONS[command]), options: OPTIONS[command], allowPositionals: true, strict: true });
    } catch (err) {
      // Node words its own errors in English; the commonest, an unknown option, is said in the reader's words.
      const unknown = err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && err.message.match(/'([^']*)'/);
      throw new UsageError(unknown ? M.unknownOption(shown(unknown[1])) : err.message.replace(/\. To specify a positional argument.*$/s, ''));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      process.stdout.write(HELP[command](VERSION));
      return 0;
    }
    if (!FORMATS[command].includes(values.format)) throw new UsageError(M.format(FORMATS[command], shown(values.format)));
    initSync();
    await COMMANDS[command](values, positionals);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`green-delivery: ${clean(err.message)}`);
      console.error(M.usage(COMMANDS[command] ? command : ''));
      return 2;
    }
    if (err instanceof InputError) {
      for (const line of err.lines) console.error(`green-delivery: ${clean(line)}`);
      return 1;
    }
    // Not the input's fault (the calculator failed): one line, no stack of wasm frames.
    console.error(`green-delivery: ${M.internal(clean(err?.message ?? err))}`);
    return 1;
  }
}

// `green-delivery … | head` closes stdout early: that is the reader's choice, not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
process.exitCode = await main();
