// The command line (bin/green-delivery.js) on the sample city: golden numbers (rounded, so that the last digits of a
// float do not make the test brittle), the same numbers as the API the page uses, exit codes, stdin, --help.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import init, { parseOrders, consolidate, deliveryOptions, factors } from '../../lib/node.js';

const CLI = fileURLToPath(new URL('../../bin/green-delivery.js', import.meta.url));
const SAMPLE = fileURLToPath(new URL('../../www/data/sample-orders.csv', import.meta.url));
// The merchant view's defaults for the sample city (www/index.html, www/merchant.js).
const DEPOT = '51.5416,-0.0076';

const run = (args, input) => spawnSync(process.execPath, [CLI, ...args], { input, encoding: 'utf8', maxBuffer: 64 << 20 });
const round = (x, digits = 0) => Math.round(x * 10 ** digits) / 10 ** digits;

// Golden figures for the sample city, depot 51.5416,-0.0076, diesel van, 100 parcels a round.
const GOLDEN = {
  dedicated: { vehicleKm: 53395, kgCo2e: 16920.2, savingPercent: 0 },
  consolidated: { vehicleKm: 1612, kgCo2e: 510.8, savingPercent: 97.0 },
  pickup: { vehicleKm: 926, kgCo2e: 853.3, savingPercent: 95.0 },
  cargoBike: { vehicleKm: 2396, kgCo2e: 31.0, savingPercent: 99.8 },
};

await init();

test('consolidate --format json: the golden figures, and exactly what the API (the page) computes', () => {
  const { status, stdout, stderr } = run(['consolidate', SAMPLE, '--depot', DEPOT]);
  assert.equal(status, 0, stderr);
  assert.equal(stderr, '', 'no progress bar when stderr is not a terminal');
  const report = JSON.parse(stdout);
  assert.equal(report.file, 'sample-orders.csv');
  assert.equal(report.orders, 3000);
  assert.equal(report.parcels, 3796);
  assert.deepEqual(report.scenarios.map((s) => s.id), Object.keys(GOLDEN));
  for (const s of report.scenarios) {
    assert.equal(round(s.vehicleKm), GOLDEN[s.id].vehicleKm, `${s.id} vehicle-km`);
    assert.equal(round(s.kgCo2e, 1), GOLDEN[s.id].kgCo2e, `${s.id} kg CO2e`);
    assert.equal(round(s.savingPercent, 1), GOLDEN[s.id].savingPercent, `${s.id} saving`);
    assert.ok(Math.abs(s.ttwKg + s.wttKg - s.kgCo2e) < 1e-6 * s.kgCo2e, `${s.id} WTW = TTW + WTT`);
  }
  // The page's worker calls the same function on the same columns: the numbers must be identical, not close.
  const { orders } = parseOrders(readFileSync(SAMPLE, 'utf8'));
  const direct = consolidate({ ...orders, depot: { lat: 51.5416, lon: -0.0076 } });
  assert.deepEqual(report.scenarios, JSON.parse(JSON.stringify(direct.scenarios)));
});

test('consolidate --format csv: the page\'s scenario table, golden figures', () => {
  const { status, stdout, stderr } = run(['consolidate', SAMPLE, '--depot', DEPOT, '--format', 'csv']);
  assert.equal(status, 0, stderr);
  const [head, ...rows] = stdout.trimEnd().split('\n');
  assert.equal(head, 'scenario,vehicle_km,shopper_km,kwh,kg_co2e,ttw_kg,wtt_kg,g_co2e_per_parcel,saving_percent');
  assert.equal(rows.length, 4);
  for (const row of rows) {
    const [id, vehicleKm, , kwh, kg, ttw, wtt, , saving] = row.split(',');
    assert.equal(round(Number(vehicleKm)), GOLDEN[id].vehicleKm, `${id} vehicle_km`);
    assert.equal(round(Number(kg), 1), GOLDEN[id].kgCo2e, `${id} kg_co2e`);
    assert.equal(round(Number(saving), 1), GOLDEN[id].savingPercent, `${id} saving_percent`);
    assert.equal(Number(kwh), 0, 'a diesel van uses no kWh');
    assert.ok(Math.abs(Number(ttw) + Number(wtt) - Number(kg)) < 1e-6 * Number(kg));
  }
});

test('an electric van and a smaller round change the figures as they should', () => {
  const args = ['consolidate', SAMPLE, '--depot', DEPOT, '--format', 'csv'];
  const ev = run([...args, '--vehicle', 'electric-van']);
  const small = run([...args, '--capacity', '50']);
  assert.equal(ev.status, 0, ev.stderr);
  assert.equal(small.status, 0, small.stderr);
  const row = (out, id) => out.stdout.split('\n').find((l) => l.startsWith(`${id},`)).split(',').map(Number);
  assert.ok(row(ev, 'consolidated')[3] > 0, 'an electric van reports kWh');
  assert.ok(row(ev, 'consolidated')[4] < GOLDEN.consolidated.kgCo2e, 'and emits less than diesel');
  assert.ok(row(small, 'consolidated')[1] > GOLDEN.consolidated.vehicleKm, 'smaller rounds drive further');
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
  assert.equal(skipped.stdout.trimEnd().split('\n').length, 5);
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

test('options: the checkout widget\'s numbers', () => {
  const r = run(['options', '--from', '51.45,-0.2', '--to', '51.52,-0.08', '--format', 'json']);
  assert.equal(r.status, 0, r.stderr);
  const direct = deliveryOptions({ shopper: { lat: 51.52, lon: -0.08 }, depot: { lat: 51.45, lon: -0.2 } });
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(JSON.stringify(direct)));
  // The README's figures.
  assert.deepEqual(JSON.parse(r.stdout).options.map((o) => [o.id, Math.round(o.gCo2e)]),
    [['express', 9381], ['consolidated', 236], ['pickupWalk', 139], ['pickupCar', 974], ['cargoBike', 96]]);
  const table = run(['options', '--from', '51.45,-0.2', '--to', '51.52,-0.08']);
  assert.match(table.stdout, /^Express +9,381 g\n/);
  assert.match(table.stdout, /Cargo bike +96 g {2}\(greenest\)/);
  const csv = run(['options', '--to', '51.52,-0.08', '--format', 'csv']);
  assert.equal(csv.stdout.split('\n')[0], 'option,label,g_co2e,ttw_g,wtt_g,vehicle_km,shopper_km,explanation');
});

test('factors: CSV and JSON list the table', () => {
  const csv = run(['factors']);
  assert.equal(csv.status, 0, csv.stderr);
  const lines = csv.stdout.trimEnd().split('\n');
  assert.equal(lines[0], 'id,label,unit,kg_co2e_per_unit,ttw,wtt,source,year,licence');
  assert.equal(lines.length - 1, factors().length);
  assert.match(csv.stdout, /^diesel-van,"Diesel van \(average, up to 3\.5 t\)",vehicle-km,0\.31689,0\.25561,0\.06128,/m);
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
