// The command line (bin/green-delivery.js) on the sample city: golden numbers (rounded, so that the last digits of a
// float do not make the test brittle), the same numbers as the API the page uses, exit codes, stdin, --help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { parseOrders, consolidate, deliveryOptions, factors } from '../../lib/node.js';

const CLI = fileURLToPath(new URL('../../bin/green-delivery.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../www/data/sample-orders.csv', import.meta.url));
// The merchant view's defaults for the sample city (www/index.html, www/merchant.js).
const DEPOT = '51.5416,-0.0076';

// The environment's locale picks the CLI's language: these tests run it in British English unless they say.
const BRITISH = { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' };
const run = (args, input, env = BRITISH) => spawnSync(process.execPath, [CLI, ...args], { input, env, encoding: 'utf8', maxBuffer: 64 << 20 });
const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

// Golden figures for the sample city, depot 51.5416,-0.0076, diesel van, 100 parcels a round, the carrier's rounds
// of an urban area (inferred); medians of the seeded Monte Carlo; savings against the baseline, standard carrier
// delivery (so dedicated trips save a negative share, and next-day, on the same network, none).
const GOLDEN = {
  dedicated: { vehicleKm: 54578, kgCo2e: 15992.3, savingPercent: -2301.0 },
  consolidated: { vehicleKm: 1344, kgCo2e: 433.7, savingPercent: 33.9 },
  pickup: { vehicleKm: 925, kgCo2e: 634.3, savingPercent: 2.4 },
  cargoBike: { vehicleKm: 2049, kgCo2e: 119.2, savingPercent: 81.2 },
  standard: { vehicleKm: 1428, kgCo2e: 634.3, savingPercent: 0.0 },
  nextDay: { vehicleKm: 1428, kgCo2e: 634.3, savingPercent: 0.0 },
};
// The merchant view's scenario CSV header (tests/page/merchant.test.mjs checks the page's download against it).
const SCENARIO_CSV_HEAD = 'scenario,baseline,area,vehicle_km,shopper_km,kwh,kg_co2e,kg_co2e_low,kg_co2e_high,coverage,kg_co2e_central,ttw_kg,wtt_kg,g_co2e_per_parcel,saving_percent,saving_percent_low,saving_percent_high,saving_clear';
const TEXT_COLUMNS = new Set(['scenario', 'baseline', 'area', 'saving_clear']);
/** A scenario CSV as objects keyed by column name, numbers parsed. */
const scenarioRows = (stdout) => {
  const [head, ...lines] = stdout.trimEnd().split('\n');
  const names = head.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [names[i], TEXT_COLUMNS.has(names[i]) ? v : v === '' ? null : Number(v)])));
};

await init();
const { orders: SAMPLE_ORDERS } = parseOrders(readFileSync(SAMPLE, 'utf8'));
const DIRECT = consolidate({ ...SAMPLE_ORDERS, depot: { lat: 51.5416, lon: -0.0076 } });

test('consolidate --format json: the golden figures, and exactly what the API (the page) computes', () => {
  const { status, stdout, stderr } = run(['consolidate', SAMPLE, '--depot', DEPOT]);
  assert.equal(status, 0, stderr);
  assert.equal(stderr, '', 'no progress bar when stderr is not a terminal');
  const report = JSON.parse(stdout);
  assert.equal(report.file, 'sample-orders.csv');
  assert.equal(report.orders, 3000);
  assert.equal(report.parcels, 3796);
  assert.equal(report.baseline, 'standard');
  assert.deepEqual(report.scenarios.map((s) => s.id), Object.keys(GOLDEN));
  const baseline = report.scenarios.find((s) => s.id === report.baseline);
  for (const s of report.scenarios) {
    assert.equal(round(s.vehicleKm), GOLDEN[s.id].vehicleKm, `${s.id} vehicle-km`);
    assert.equal(round(s.kgCo2e, 1), GOLDEN[s.id].kgCo2e, `${s.id} kg CO2e`);
    assert.equal(round(s.savingPercent, 1), GOLDEN[s.id].savingPercent, `${s.id} saving`);
    assert.ok(Math.abs(s.ttwKg + s.wttKg - s.kgCo2e) < 1e-6 * s.kgCo2e, `${s.id} WTW = TTW + WTT`);
    // The saving is the median of draw-by-draw savings against the baseline: clear only when its interval is.
    assert.equal(s.savingClear, s !== baseline && (s.savingRange.low > 0 || s.savingRange.high < 0), `${s.id} savingClear`);
    assert.ok(s.range.low <= s.kgCo2e && s.kgCo2e <= s.range.high, `${s.id} within its range`);
    assert.ok(s.savingRange.low <= s.savingPercent + 1e-9 && s.savingPercent <= s.savingRange.high + 1e-9, `${s.id} saving within its range`);
    assert.ok(s.sensitivity.length > 0, `${s.id} sensitivity`);
    // The baseline's saving against itself is 0 whatever the settings, so nothing moves it.
    assert.equal(s.savingSensitivity.length > 0, s !== baseline && s.id !== 'nextDay', `${s.id} saving sensitivity`);
  }
  // The page's worker calls the same function on the same columns: the numbers must be identical, not close.
  // Everything but the per-order indexes (roundOf, pickupOf), which the report leaves out as the page's does.
  const { roundOf, pickupOf, ...direct } = DIRECT;
  assert.ok(roundOf && pickupOf);
  assert.deepEqual(report, { file: 'sample-orders.csv', ...JSON.parse(JSON.stringify(direct)) });
});

test('consolidate --format csv: the page\'s scenario table, golden figures', () => {
  const { status, stdout, stderr } = run(['consolidate', SAMPLE, '--depot', DEPOT, '--format', 'csv']);
  assert.equal(status, 0, stderr);
  assert.equal(stdout.split('\n')[0], SCENARIO_CSV_HEAD);
  const rows = scenarioRows(stdout);
  assert.deepEqual(rows.map((r) => r.scenario), Object.keys(GOLDEN));
  for (const r of rows) {
    const id = r.scenario;
    assert.equal(r.baseline, 'standard');
    assert.equal(round(r.vehicle_km), GOLDEN[id].vehicleKm, `${id} vehicle_km`);
    assert.equal(round(r.kg_co2e, 1), GOLDEN[id].kgCo2e, `${id} kg_co2e`);
    assert.equal(round(r.saving_percent, 1), GOLDEN[id].savingPercent, `${id} saving_percent`);
    assert.equal(r.area, 'urban', 'the sample city is dense');
    // A diesel van uses no kWh: only the carrier's sites and the bikes' micro-hub do.
    assert.equal(r.kwh === 0, ['dedicated', 'consolidated', 'pickup'].includes(id), `${id} kWh`);
    assert.ok(Math.abs(r.ttw_kg + r.wtt_kg - r.kg_co2e) < 1e-6 * r.kg_co2e);
    // The API's numbers, at the exports' 12 significant figures.
    const s = DIRECT.scenarios.find((d) => d.id === id);
    const twelve = (x) => Number(x.toPrecision(12));
    assert.deepEqual(
      [r.vehicle_km, r.kg_co2e, r.kg_co2e_low, r.kg_co2e_high, r.kg_co2e_central, r.g_co2e_per_parcel, r.saving_percent, r.saving_percent_low, r.saving_percent_high, r.saving_clear],
      [...[s.vehicleKm, s.kgCo2e, s.range.low, s.range.high, s.centralKg, s.gCo2ePerParcel, s.savingPercent, s.savingRange.low, s.savingRange.high].map(twelve), String(s.savingClear)],
      id,
    );
  }
});

test('an electric van and a smaller round change the figures as they should', () => {
  const args = ['consolidate', SAMPLE, '--depot', DEPOT, '--format', 'csv'];
  const ev = run([...args, '--vehicle', 'electric-van']);
  const small = run([...args, '--capacity', '50']);
  assert.equal(ev.status, 0, ev.stderr);
  assert.equal(small.status, 0, small.stderr);
  const row = (out, id) => scenarioRows(out.stdout).find((r) => r.scenario === id);
  assert.ok(row(ev, 'consolidated').kwh > 0, 'an electric van reports kWh');
  assert.ok(row(ev, 'consolidated').kg_co2e < GOLDEN.consolidated.kgCo2e, 'and emits less than diesel');
  assert.ok(row(small, 'consolidated').vehicle_km > GOLDEN.consolidated.vehicleKm, 'smaller rounds drive further');
});

test('consolidate --format geojson --out FILE writes the rounds', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-cli-'));
  try {
    const out = join(dir, 'rounds.geojson');
    const { status, stdout, stderr } = run(['consolidate', SAMPLE, '--depot', DEPOT, '--format', 'geojson', '--out', out]);
    assert.equal(status, 0, stderr);
    assert.equal(stdout, '');
    const geojson = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(geojson.type, 'FeatureCollection');
    assert.ok(geojson.features.some((f) => f.geometry.type === 'LineString'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the JSON report names the file whole, however long its path (messages cut it, the report does not)', () => {
  const dir = mkdtempSync(join(tmpdir(), `gd-cli-${'deep-folder-'.repeat(8)}`));
  try {
    const file = join(dir, 'orders-from-the-shop-in-december.csv');
    writeFileSync(file, 'lat,lon\n51.52,-0.08\n51.53,-0.07\n');
    const { status, stdout, stderr } = run(['consolidate', file, '--depot', DEPOT]);
    assert.equal(status, 0, stderr);
    assert.equal(JSON.parse(stdout).file, 'orders-from-the-shop-in-december.csv');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('- reads the orders from stdin, with the same result as the file', () => {
  const fromFile = run(['consolidate', SAMPLE, '--depot', DEPOT, '--format', 'csv']);
  const fromStdin = run(['consolidate', '-', '--depot', DEPOT, '--format', 'csv'], readFileSync(SAMPLE, 'utf8'));
  assert.equal(fromStdin.status, 0, fromStdin.stderr);
  assert.equal(fromStdin.stdout, fromFile.stdout);
});

test('a bad row: exit 1, its line and field named; --skip-bad-rows uses the good ones', () => {
  const csv = 'id,lat,lon,parcels\na,51.52,-0.08,2\nb,51.53,-0.09,x\nc,95,-0.07,1\nd,51.50,-0.1,1\n';
  const bad = run(['consolidate', '-', '--depot', '51.45,-0.2'], csv);
  assert.equal(bad.status, 1);
  assert.equal(bad.stdout, '');
  assert.match(bad.stderr, /stdin line 3: parcels must be a number, got "x"/);
  assert.match(bad.stderr, /stdin line 4: lat must be between -90 and 90, got 95/);
  assert.match(bad.stderr, /2 bad rows/);
  const skipped = run(['consolidate', '-', '--depot', '51.45,-0.2', '--skip-bad-rows', '--format', 'csv'], csv);
  assert.equal(skipped.status, 0, skipped.stderr);
  assert.match(skipped.stderr, /skipped stdin line 3/);
  assert.deepEqual(scenarioRows(skipped.stdout).map((r) => r.scenario), Object.keys(GOLDEN), 'every scenario, from the two good rows');
});

test('a bad option value: exit 1 naming the option, the code and the field', () => {
  const r = run(['consolidate', SAMPLE, '--depot', '91,0']);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--depot: out-of-range \(field depot\.lat\)/);
  const v = run(['options', '--to', '51.5,-0.1', '--vehicle', 'rocket']);
  assert.equal(v.status, 1);
  assert.match(v.stderr, /--vehicle: unknown-id \(field vehicle\)/);
  const missing = run(['consolidate', 'no-such-file.csv', '--depot', DEPOT]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /cannot read no-such-file\.csv/);
});

test('any file, device or pipe: read up to the limit, given up when silent, echoed short and without escapes', () => {
  const zero = run(['consolidate', '/dev/zero', '--depot', DEPOT]);
  assert.equal(zero.status, 1);
  assert.match(zero.stderr, /\/dev\/zero is larger than 134,217,728 bytes \(128 MiB\)/);
  const dir = mkdtempSync(join(tmpdir(), 'gd-cli-'));
  try {
    const fifo = join(dir, 'orders.fifo');
    spawnSync('mkfifo', [fifo]);
    const started = Date.now();
    const silent = spawnSync(process.execPath, [CLI, 'consolidate', fifo, '--depot', DEPOT], {
      encoding: 'utf8', env: { ...process.env, GREEN_DELIVERY_READ_TIMEOUT: '1' }, timeout: 20_000,
    });
    assert.equal(silent.status, 1, silent.stderr);
    assert.match(silent.stderr, /sent nothing for 1 s/);
    assert.ok(Date.now() - started < 10_000);
    assert.equal(run(['consolidate', dir, '--depot', DEPOT]).status, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // Escape sequences in a cell, and a 10 MB cell: stderr holds neither.
  const hostile = run(['consolidate', '-', '--depot', DEPOT], `lat,lon\n\x1b]0;X\x07\x1b[2J,0\n${'z'.repeat(10_000_000)},0\n`);
  assert.equal(hostile.status, 1);
  assert.ok(!/[\x00-\x08\x0b-\x1f\x7f]/.test(hostile.stderr), JSON.stringify(hostile.stderr.slice(0, 200)));
  assert.ok(hostile.stderr.length < 1000, `${hostile.stderr.length} characters of stderr`);
  assert.match(hostile.stderr, /stdin line 2: lat must be a number, got "\?]0;X\?\?\[2J"/);
  const option = run(['consolidate', SAMPLE, '--depot', `\x1b[2J${'9'.repeat(1000)}`]);
  assert.equal(option.status, 2);
  assert.ok(!option.stderr.includes('\x1b') && option.stderr.length < 300, option.stderr);
});

test('a weight left blank is no weight, not an error', () => {
  const r = run(['consolidate', '-', '--depot', DEPOT, '--format', 'json'], 'lat,lon,weight_kg\n51.5,-0.1,2.5\n51.52,-0.12,\n');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).weightKg, 2.5);
});

test('negative coordinates after an option, decimal numbers only, quiet on a closed pipe', () => {
  const joined = run(['options', '--to=-33.87,151.2', '--from=-33.9,151.1', '--format', 'json']);
  const spaced = run(['options', '--to', '-33.87,151.2', '--from', '-33.9,151.1', '--format', 'json']);
  assert.equal(spaced.status, 0, spaced.stderr);
  assert.equal(spaced.stdout, joined.stdout);
  for (const args of [['--capacity', '0x64'], ['--capacity', '1e2'], ['--capacity', 'Infinity'], ['--pickup-points', '0b11'], ['--depot', '0x33,0']]) {
    const r = run(['consolidate', SAMPLE, '--depot', DEPOT, ...args]);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, /decimal number/);
  }
  // `| true` closes the pipe before anything is written: EPIPE, which is the reader's choice, not an error.
  const piped = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${CLI}" factors --format json | true`], { encoding: 'utf8' });
  assert.equal(piped.status, 0, piped.stderr);
  assert.equal(piped.stderr, '');
});

test('usage errors exit 2 and point to --help', () => {
  for (const args of [[], ['frob'], ['consolidate', SAMPLE], ['consolidate', '--depot', DEPOT], ['consolidate', SAMPLE, '--depot', DEPOT, '--bogus'],
    ['consolidate', SAMPLE, '--depot', 'here'], ['consolidate', SAMPLE, '--depot', DEPOT, '--format', 'xml'], ['options'], ['factors', '--format', 'xml']]) {
    const r = run(args);
    assert.equal(r.status, 2, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /green-delivery/);
  }
});

test('--help, for the tool and each command', () => {
  const main = run(['--help']);
  assert.equal(main.status, 0);
  for (const command of ['consolidate', 'options', 'factors']) assert.match(main.stdout, new RegExp(`green-delivery ${command}`));
  for (const command of ['consolidate', 'options', 'factors']) {
    const r = run([command, '--help']);
    assert.equal(r.status, 0);
    assert.match(r.stdout, new RegExp(`^Usage: green-delivery ${command}`));
  }
  assert.match(run(['consolidate', '-h']).stdout, /--depot LAT,LON/);
});

test('options: the checkout widget\'s numbers', async () => {
  const r = run(['options', '--from', '51.45,-0.2', '--to', '51.52,-0.08', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const direct = deliveryOptions({ shopper: { lat: 51.52, lon: -0.08 }, depot: { lat: 51.45, lon: -0.2 } });
  // --format json is the API's result, ids and numbers only.
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(direct)));
  const json = JSON.parse(r.stdout);
  assert.deepEqual(json.options.map((o) => o.id), ['sameDayCourier', 'nextDay', 'standard', 'consolidated', 'pickupWalk', 'pickupCar', 'locker', 'cargoBike']);
  assert.equal(json.baseline, 'standard');
  for (const o of json.options) {
    assert.equal(o.label, undefined, 'the core writes no words');
    assert.ok(o.range.low <= o.gCo2e && o.gCo2e <= o.range.high && o.range.coverage === 0.9, o.id);
    // A parcel across London: a few hundred grams, a same-day courier a few kg at most.
    assert.ok(o.gCo2e > 50 && o.gCo2e < 5000, `${o.id}: ${o.gCo2e} g`);
  }
  // The table: each option's label, figure with its range and saving, in the strings module's words.
  const { OPTION_LABELS, optionExplanation, savingText } = await import('../../www/strings/en-GB/chain.js');
  const { gramsRange } = (await import('../../www/strings/en-GB/numbers.js')).n;
  const table = run(['options', '--from', '51.45,-0.2', '--to', '51.52,-0.08']);
  assert.equal(table.status, 0, table.stderr);
  const lines = table.stdout.split('\n');
  for (const o of direct.options) {
    const at = lines.findIndex((l) => l.startsWith(`${OPTION_LABELS[o.id]}  `));
    assert.ok(at >= 0, `${o.id} has a line`);
    assert.ok(lines[at].includes(`${gramsRange(o.gCo2e, o.range)} CO2e`), lines[at]);
    const saving = o.id === 'standard' ? 'the usual service (baseline)' : savingText(o, 'Standard delivery');
    assert.ok(lines[at].includes(saving), `${lines[at]} says ${saving}`);
    assert.equal(lines[at + 1], `  ${optionExplanation(o, direct)}`);
  }
  // A saving whose interval spans zero is never headlined: next-day is the standard network.
  assert.match(table.stdout, /^Next-day +[\d.,]+ k?g \(.+\) CO2e +no clear difference from standard delivery$/m);
  assert.equal(table.stdout.match(/\(greenest\)/g).length, 1);
  assert.match(table.stdout, /its range covers 90% of them\.\nPer one parcel delivered .*Not counted: /);
  const csv = run(['options', '--to', '51.52,-0.08', '--format', 'csv']);
  assert.equal(csv.stdout.split('\n')[0],
    'option,label,g_co2e,ttw_g,wtt_g,vehicle_km,shopper_km,explanation,g_co2e_low,g_co2e_high,coverage,baseline,saving_percent,saving_percent_low,saving_percent_high,saving_clear');
  assert.match(csv.stdout, /^locker,Parcel locker,[\d.]+,/m);
  assert.match(csv.stdout, /^nextDay,Next-day,.*,standard,0,0,0,false$/m);
  // Every CSV the CLI writes has its numbers at 12 significant figures at most (README, "Exports").
  for (const args of [['options', '--to', '51.52,-0.08'], ['consolidate', SAMPLE, '--depot', DEPOT], ['factors']]) {
    const out = run([...args, '--format', 'csv']).stdout;
    const numbers = out.match(/(?<![\w.-])-?\d+(\.\d+)?(e-?\d+)?(?![\w.])/g);
    assert.ok(numbers.length > 20, args[0]);
    for (const n of numbers) assert.ok(n.replace(/^-?0*\.?0*|e.*$|\./g, '').length <= 12, `${args[0]}: ${n}`);
  }
});

test('options: --area, --weight, --pickup-km and --setting reach the API, and their errors name the flag', () => {
  const args = ['options', '--to', '51.52,-0.08', '--format', 'json'];
  const r = run([...args, '--area', 'rural', '--weight', '30', '--pickup-km', '4', '--setting', 'failures.rate=0.05', '--setting', 'round.stemKm=25', '--baseline', 'pickupWalk']);
  assert.equal(r.status, 0, r.stderr);
  const direct = deliveryOptions({
    shopper: { lat: 51.52, lon: -0.08 }, area: 'rural', weightKg: 30, baseline: 'pickupWalk',
    settings: { 'failures.rate': 0.05, 'round.stemKm': 25, 'pickup.km': 4 },
  });
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(direct)));
  assert.deepEqual(direct.variants, { area: 'rural', lineHaul: 'typical', bikeable: 'weight', country: 'GB', countryProxy: false });
  const given = Object.fromEntries(direct.settings.filter((s) => s.source === 'input').map((s) => [s.id, s.value]));
  assert.deepEqual(given, { 'round.stemKm': 25, 'pickup.km': 4, 'failures.rate': 0.05 });
  const bad = (extra, pattern) => {
    const out = run([...args, ...extra]);
    assert.equal(out.status, 1, out.stderr);
    assert.match(out.stderr, pattern);
  };
  bad(['--pickup-km=-1'], /--pickup-km: out-of-range \(field settings\.pickup\.km\)/);
  bad(['--setting', 'failures.rate=2'], /--setting: out-of-range \(field settings\.failures\.rate\)/);
  bad(['--setting', 'round.parcel=10'], /--setting: unknown-id \(field settings\.round\.parcel\)/);
  bad(['--area', 'moon'], /--area: unknown-value \(field area\)/);
  bad(['--weight=-2'], /--weight: out-of-range \(field weightKg\)/);
  for (const extra of [['--setting', 'failures.rate'], ['--setting', 'failures.rate=lots'], ['--weight', 'heavy']]) {
    const out = run([...args, ...extra]);
    assert.equal(out.status, 2, `${extra.join(' ')}: ${out.stderr}`);
  }
});

test('consolidate --area sets the carriers\' rounds the baseline faces', () => {
  const r = run(['consolidate', SAMPLE, '--depot', DEPOT, '--area', 'rural']);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).variants, { area: 'rural', areaFrom: 'input', country: 'GB', countryProxy: false });
  const bad = run(['consolidate', SAMPLE, '--depot', DEPOT, '--area', 'moon']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--area: unknown-value \(field area\)/);
});

test('factors: CSV and JSON list the table', () => {
  const csv = run(['factors']);
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'id,label,unit,kg_co2e_per_unit,ttw,wtt,source,year,licence');
  assert.equal(lines.length - 1, factors().length);
  assert.match(csv.stdout, /^diesel-van,"Diesel van \(average, up to 3\.5 t\)",vehicle-km,0\.31689,0\.25561,0\.06128,/m);
  // No float noise (0.21335 + 0.06183 is 0.27518000000000004 in binary), and the DESNZ values' digits kept.
  assert.match(csv.stdout, /^petrol-van,"Petrol van \(average, up to 3\.5 t\)",vehicle-km,0\.27518,0\.21335,0\.06183,/m);
  assert.match(csv.stdout, /^board-primary,.*,tonne,1199\.72542,/m);
  const json = JSON.parse(run(['factors', '--format', 'json']).stdout);
  assert.deepEqual(json.map((f) => f.id), factors().map((f) => f.id));
});

test('a progress bar on stderr when stderr is a terminal (util-linux `script` gives it one)', (t) => {
  if (spawnSync('script', ['--version']).status !== 0) return t.skip('no `script` command to make a terminal');
  const out = join(mkdtempSync(join(tmpdir(), 'gd-cli-')), 'report.json');
  const command = [process.execPath, CLI, 'consolidate', SAMPLE, '--depot', DEPOT, '--out', out].map((a) => `'${a}'`).join(' ');
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /\[#+\.*\] +\d+% Planning rounds for 3,000 orders/);
  assert.equal(JSON.parse(readFileSync(out, 'utf8')).orders, 3000);
});

test('--lang and the locale: help, messages and the table in German and Chinese; JSON the same in every language', async () => {
  const inLocale = (vars) => ({ ...BRITISH, ...vars });
  // --lang, anywhere on the line, and the environment's locale (LC_ALL before LC_MESSAGES before LANG).
  const german = run(['--lang', 'de-DE', '--help']);
  assert.equal(german.status, 0);
  assert.match(german.stdout, /^green-delivery [\d.]+: CO₂-Fußabdruck/);
  assert.match(german.stdout, /\nAufruf:\n/);
  assert.match(run(['options', '--help', '--lang=de']).stdout, /^Aufruf: green-delivery options/);
  const chinese = run(['consolidate', '--help'], undefined, inLocale({ LANG: 'zh_CN.UTF-8' }));
  assert.match(chinese.stdout, /^用法：green-delivery consolidate/);
  assert.match(chinese.stdout, /--depot LAT,LON        仓库位置（必填）/);
  assert.match(run(['--help'], undefined, inLocale({ LC_ALL: 'de_DE.UTF-8', LANG: 'zh_CN.UTF-8' })).stdout, /\nAufruf:\n/);
  assert.match(run(['--help'], undefined, inLocale({ LC_MESSAGES: 'zh_CN.UTF-8' })).stdout, /\n用法：\n/);
  assert.match(run(['--help'], undefined, inLocale({ LANG: 'fr_FR.UTF-8' })).stdout, /\nUsage:\n/, 'no French table: British English');
  assert.match(run(['--help', '--lang', 'en-US'], undefined, inLocale({ LANG: 'de_DE.UTF-8' })).stdout, /\nUsage:\n/);
  // No line of the British help is left in the others (option names, ids and examples are the same in every one).
  const { HELP } = await import('../../www/strings/en-GB/cli.js');
  for (const [lang, env] of [['de-DE', undefined], ['zh-CN', undefined]]) {
    for (const [topic, help] of Object.entries(HELP)) {
      const args = topic === 'main' ? ['--help', '--lang', lang] : [topic, '--help', '--lang', lang];
      const out = run(args, undefined, env).stdout;
      const english = help('0').split('\n').map((l) => l.replace(/^ *(-\S+|--\S+ \S+)? +/, '').trim()).filter((l) => /[a-z]{3,} [a-z]{3,} [a-z]{3,}/.test(l));
      for (const line of english) assert.ok(!out.includes(line), `${lang} ${topic} help still says "${line}"`);
    }
  }
  // Messages: a usage error and bad input, in the reader's words, with the same exit codes.
  const zhUsage = run(['options', '--to', 'x'], undefined, inLocale({ LANG: 'zh_CN.UTF-8' }));
  assert.equal(zhUsage.status, 2);
  assert.equal(zhUsage.stderr, 'green-delivery: --to 必须写成 LAT,LON（两个小数，例如 51.54,-0.01），收到的是 "x"\n用法见 "green-delivery options --help"。\n');
  const deMissing = run(['consolidate', 'no-such-file.csv', '--depot', DEPOT, '--lang', 'de-DE']);
  assert.equal(deMissing.status, 1);
  assert.equal(deMissing.stderr, 'green-delivery: no-such-file.csv kann nicht gelesen werden: Datei nicht gefunden\n');
  const deBad = run(['consolidate', '-', '--depot', DEPOT, '--lang', 'de-DE'], 'lat,lon,parcels\n51.5,-0.1,1\n51.5,-0.1,x\n');
  assert.equal(deBad.status, 1);
  assert.match(deBad.stderr, /stdin Zeile 3: .*\n.*1 fehlerhafte Zeile in stdin; korrigieren Sie sie oder verwenden Sie mit --skip-bad-rows nur die 1 fehlerfreie\n$/);
  const unknown = run(['factors', '--bogus'], undefined, inLocale({ LANG: 'zh_CN.UTF-8' }));
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /未知选项 "--bogus"/);
  const badLang = run(['--help', '--lang', 'xx']);
  assert.equal(badLang.status, 2);
  assert.match(badLang.stderr, /--lang must be one of en-GB, zh-CN, de-DE/);
  // The table: the language's numbers and words around the chain's.
  const table = run(['options', '--from', '51.45,-0.2', '--to', '51.52,-0.08', '--lang', 'de-DE']);
  assert.equal(table.status, 0, table.stderr);
  assert.match(table.stdout, /\d+(,\d+)? k?g \(\d+(,\d+)?–\d+(,\d+)? k?g\) CO₂e/);
  assert.equal(table.stdout.match(/\(am grünsten\)/g).length, 1);
  const zhTable = run(['options', '--from', '51.45,-0.2', '--to', '51.52,-0.08', '--lang', 'zh-CN']);
  assert.match(zhTable.stdout, /\d+克（\d+–\d+克） 二氧化碳当量/); // an en dash between the ends, as in every language
  // Machine formats are language-neutral: the same bytes whatever the language.
  for (const args of [
    ['options', '--from', '51.45,-0.2', '--to', '51.52,-0.08', '--format', 'json'],
    ['options', '--to', '51.52,-0.08', '--format', 'csv'],
    ['factors', '--format', 'csv'],
    ['consolidate', SAMPLE, '--depot', DEPOT, '--format', 'json'],
  ]) {
    const british = run(args).stdout;
    assert.ok(british.length > 100, args.join(' '));
    assert.equal(run([...args, '--lang', 'de-DE']).stdout, british, `${args.join(' ')} in German`);
    assert.equal(run(args, undefined, inLocale({ LANG: 'zh_CN.UTF-8' })).stdout, british, `${args.join(' ')} in Chinese`);
  }
});

test('--country: a Beijing shopper from a Beijing depot is priced on Chinese defaults; a bad code and an unreachable shopper name their flag', () => {
  const ok = run(['options', '--to', '39.9042,116.4074', '--from', '39.95,116.30', '--country', 'cn', '--format', 'json']);
  assert.equal(ok.status, 0, ok.stderr);
  const r = JSON.parse(ok.stdout);
  assert.equal(r.variants.country, 'CN');
  const uplift = r.settings.find((s) => s.id === 'grid.uplift');
  assert.deepEqual([uplift.country, uplift.proxy], ['CN', false]);
  assert.ok(r.options.find((o) => o.id === 'standard').legs.some((l) => l.factor === 'grid-cn-mee-2023'));
  // Same numbers as the API.
  assert.deepEqual(r, JSON.parse(JSON.stringify(deliveryOptions({ shopper: { lat: 39.9042, lon: 116.4074 }, depot: { lat: 39.95, lon: 116.3 }, country: 'cn' }))));
  const br = JSON.parse(run(['options', '--to', '-23.55,-46.63', '--country', 'BR', '--format', 'json']).stdout);
  assert.equal(br.variants.countryProxy, true);
  const bad = run(['options', '--to', '39.9,116.4', '--country', 'CHN']);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /--country/);
  const far = run(['options', '--to', '39.9,116.4', '--from', '51.53,-0.1', '--country', 'CN']);
  assert.equal(far.status, 1);
  assert.match(far.stderr, /no road reaches it/);
  const de = run(['consolidate', SAMPLE, '--depot', DEPOT, '--country', 'DE', '--format', 'csv']);
  assert.equal(de.status, 0, de.stderr);
});

// Shop exports as the shops write them (tests/fixtures: files written to each export's layout, several line items
// per order, three orders in each that cannot be placed): read with the page's own reader (www/order-columns.js).
const FIXTURE = (name) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const SHOP_EXPORTS = {
  'shopify-orders-export.csv': { layout: 'shopify', rows: 23, orders: 12, placed: 9, parcels: 9, unmatched: 3, located: 8, byTown: 1 },
  'woocommerce-orders.csv': { layout: 'woocommerce', rows: 15, orders: 8, placed: 5, parcels: 5, unmatched: 3, located: 5, byTown: 0 },
  'etsy-sold-order-items.csv': { layout: 'etsy', rows: 12, orders: 7, placed: 4, parcels: 4, unmatched: 3, located: 4, byTown: 0 },
  'etsy-sold-orders.csv': { layout: 'etsy', rows: 7, orders: 7, placed: 4, parcels: 4, unmatched: 3, located: 4, byTown: 0 },
};

test('a Shopify, WooCommerce or Etsy export works unchanged: exit 0, its counts on stderr and in the report', () => {
  for (const [name, read] of Object.entries(SHOP_EXPORTS)) {
    const { status, stdout, stderr } = run(['consolidate', FIXTURE(name), '--depot', '51.54,-0.01']);
    assert.equal(status, 0, `${name}: ${stderr}`);
    const report = JSON.parse(stdout);
    assert.deepEqual(report.read, read, name);
    assert.equal(report.orders, read.placed);
    assert.equal(report.parcels, read.parcels);
    const lines = stderr.trimEnd().split('\n');
    // Each order not placed, on its own line, then the summary.
    assert.equal(lines.length, read.unmatched + 1, stderr);
    assert.ok(lines.slice(0, -1).every((l) => /^green-delivery: skipped .* line \d+: /.test(l)), stderr);
    const article = read.layout === 'etsy' ? 'an Etsy' : read.layout === 'shopify' ? 'a Shopify' : 'a WooCommerce';
    assert.match(lines.at(-1), new RegExp(`: ${article} orders export, ${read.rows} rows in ${read.orders} orders; ${read.placed} orders, ${read.parcels} parcels placed; 3 addresses not found \\(listed above\\)$`));
  }
  const shopify = run(['consolidate', FIXTURE('shopify-orders-export.csv'), '--depot', '51.54,-0.01']);
  assert.match(shopify.stderr, /line 12: this order has no postcode, town, or latitude and longitude/);
  assert.match(shopify.stderr, /line 15: "ZZ9 9ZZ" is not a postcode we know in GB/);
  assert.match(shopify.stderr, /line 19: this order is to CA, where we have no postcode or town table/);
  // The same file through stdin, and the scenario CSV: the same orders.
  const csv = run(['consolidate', '-', '--depot', '51.54,-0.01', '--format', 'csv'], readFileSync(FIXTURE('shopify-orders-export.csv'), 'utf8'));
  assert.equal(csv.status, 0, csv.stderr);
  assert.match(csv.stderr, /stdin: a Shopify orders export, 23 rows in 12 orders; 9 orders, 9 parcels placed/);
  // A CSV with no location column at all is refused as before, naming the columns it needs.
  const nowhere = run(['consolidate', '-', '--depot', '51.54,-0.01'], 'foo,bar\n1,2\n');
  assert.equal(nowhere.status, 1);
  assert.match(nowhere.stderr, /stdin: bad-file \(field csv\): csv: needs a lat \(or latitude\) and a lon/);
  // In German, from the locale.
  const german = run(['consolidate', FIXTURE('etsy-sold-order-items.csv'), '--depot', '51.54,-0.01'], undefined, { ...BRITISH, LANG: 'de_DE.UTF-8' });
  assert.equal(german.status, 0, german.stderr);
  assert.match(german.stderr, /Etsy-Bestellexport, 12 Zeilen mit 7 Bestellungen; 4 Bestellungen mit 4 Paketen verortet; 3 Adressen nicht gefunden \(oben aufgeführt\)/);
});

test('installed from npm (the UK postcode table only), an order in another covered country says which table it needs', () => {
  // The package's files as npm installs them: www/data holds postcode-districts.json alone.
  const dir = mkdtempSync(join(tmpdir(), 'gd-cli-installed-'));
  const root = fileURLToPath(new URL('../../', import.meta.url));
  try {
    for (const d of ['bin', 'www/data']) mkdirSync(join(dir, d), { recursive: true });
    copyFileSync(join(root, 'bin/green-delivery.js'), join(dir, 'bin/green-delivery.js'));
    copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
    copyFileSync(join(root, 'www/data/postcode-districts.json'), join(dir, 'www/data/postcode-districts.json'));
    symlinkSync(join(root, 'lib'), join(dir, 'lib'));
    for (const entry of readdirSync(join(root, 'www'))) if (entry !== 'data') symlinkSync(join(root, 'www', entry), join(dir, 'www', entry));
    const csv = 'Name,Lineitem quantity,Shipping City,Shipping Zip,Shipping Country\n#1,2,London,E1 6AN,GB\n#1,1,,,\n#2,1,Berlin,10115,DE\n#3,1,London,N1 9EX,GB\n';
    const installed = spawnSync(process.execPath, [join(dir, 'bin/green-delivery.js'), 'consolidate', '-', '--depot', '51.54,-0.01'], { input: csv, env: BRITISH, encoding: 'utf8' });
    assert.equal(installed.status, 0, installed.stderr);
    assert.match(installed.stderr, /stdin line 4: the postcode table for DE \(www\/data\/postcodes-DE\.json\) is not installed here/);
    assert.deepEqual(JSON.parse(installed.stdout).read, { layout: 'shopify', rows: 4, orders: 3, placed: 2, parcels: 2, unmatched: 1, located: 2, byTown: 0 });
    // From the repository, with every table, the Berlin order is placed.
    const checkout = run(['consolidate', '-', '--depot', '51.54,-0.01'], csv);
    assert.equal(checkout.status, 0, checkout.stderr);
    assert.equal(JSON.parse(checkout.stdout).read.placed, 3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
