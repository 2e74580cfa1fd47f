// Round planning benchmark (issue 13), all in wasm, in Node.
//
// 1. CVRPLIB instances: the 100 of the X set (bench/cvrplib/, 100 to 1,000 customers, which the planner's settings
//    were chosen on) and four of Arnold et al.'s Belgium set (bench/cvrplib/belgium/, 3,000 to 7,000 customers,
//    never tuned on). The planner, built for wasm32-wasip1 from examples/cvrplib.rs and run in Node's WASI, against
//    each instance's best-known routes, both measured in exact Euclidean distance; rounds against ⌈Σd/Q⌉; ms after a
//    warm-up. When python3 has pyvrp or ortools, bench/cvrp_peers.py runs them on the same instances for 1 s each
//    and their gaps are printed beside ours.
// 2. The sample city and synthetic 10k / 100k / 1M orders through consolidate(): consolidated km, rounds against
//    minRounds, ms and peak memory.
//
// The gaps are also given by stops per round (the best-known solution's customers / rounds: under 30, 30–80, over
// 80), since long rounds (petals around the depot) are where the planner is furthest from the best known (issue 22).
//
// `npm run bench:rounds` builds and runs everything. Options: `node bench/rounds.mjs [fast|balanced|thorough]
// [--no-peers] [--only=X-n1] [--seeds=1-5]` (--only keeps the instances whose name contains the text, and skips
// part 2; --seeds plans each instance once per seed and gives each gap as the mean over the seeds, with the spread).
import { readFileSync, readdirSync, openSync, closeSync, mkdtempSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WASI } from 'node:wasi';
import { orders, medianOf } from './orders.mjs';
import { initSync, consolidate, parseOrders } from '../www/pkg/green_delivery.js';

const args = process.argv.slice(2);
const effort = args.find((a) => !a.startsWith('--')) ?? 'balanced';
const only = args.find((a) => a.startsWith('--only='))?.slice(7);
const seedsArg = args.find((a) => a.startsWith('--seeds='));
const dir = new URL('./cvrplib/', import.meta.url).pathname;
const size = (name) => Number(name.match(/-n(\d+)-/)?.[1] ?? Infinity);
const listed = (sub) =>
  readdirSync(dir + sub)
    .filter((f) => f.endsWith('.vrp') && (!only || f.includes(only)))
    .map((f) => sub + f.slice(0, -4))
    .sort((a, b) => size(a) - size(b));
// Paths under bench/cvrplib/ without .vrp; an instance's name is its file's.
const names = [...listed(''), ...listed('belgium/')];
const nameOf = (path) => path.split('/').pop();

/** Runs examples/cvrplib.rs (wasm32-wasip1) on `names`; its JSON lines, by instance. */
function planInWasm() {
  const wasm = new URL('../target/wasm32-wasip1/release/examples/cvrplib.wasm', import.meta.url);
  const out = join(mkdtempSync(join(tmpdir(), 'rounds-')), 'out.jsonl');
  const stdout = openSync(out, 'w');
  const wasi = new WASI({
    version: 'preview1',
    args: ['cvrplib', effort, ...(seedsArg ? [seedsArg] : []), ...names.map((path) => `/cvrplib/${path}.vrp`)],
    preopens: { '/cvrplib': dir },
    stdout,
    returnOnExit: true,
  });
  const instance = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasm)), wasi.getImportObject());
  const code = wasi.start(instance);
  closeSync(stdout);
  if (code !== 0) throw new Error(`cvrplib.wasm exited with ${code}`);
  // One line per instance and seed: by instance, a list in seed order.
  const runs = new Map();
  for (const r of readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))) {
    runs.set(r.instance, [...(runs.get(r.instance) ?? []), r]);
  }
  return runs;
}

/** bench/cvrp_peers.py's JSON lines, by instance; empty when python3 or both solvers are missing. */
function peers() {
  if (args.includes('--no-peers')) return new Map();
  const files = names.map((path) => join(dir, `${path}.vrp`));
  const run = spawnSync('python3', [new URL('./cvrp_peers.py', import.meta.url).pathname, '--seconds', '1', ...files], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return run.status === 0 ? byInstance(run.stdout) : new Map();
}

function byInstance(jsonLines) {
  const rows = jsonLines.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  return new Map(rows.map((r) => [r.instance, r]));
}

const pct = (x) => (x == null ? '–' : `${x.toFixed(2)}%`);
const gap = (length, best) => (length == null ? null : (length / best - 1) * 100);
const summary = (xs) => (xs.length ? `mean ${pct(xs.reduce((a, b) => a + b, 0) / xs.length)}, worst ${pct(Math.max(...xs))}` : '–');

const ours = planInWasm();
const other = peers();
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
const seeds = ours.values().next().value?.map((r) => r.seed) ?? [1];
const many = seeds.length > 1;
const spread = (xs) => (many ? `${pct(mean(xs))} (${pct(Math.min(...xs))}–${pct(Math.max(...xs))})` : pct(xs[0]));
const group = (perRound) => (perRound < 30 ? 'under 30' : perRound <= 80 ? '30–80' : 'over 80');
console.log(`## CVRPLIB: gap to the best known in exact Euclidean distance (effort: ${effort}, seeds ${seeds.join(', ')})\n`);
console.log(`| instance | set | stops / round | depot | ours${many ? ' (mean, min–max over seeds)' : ''} | PyVRP 1 s | OR-Tools 1 s | rounds / ⌈Σd/Q⌉ | ms (wasm) |`);
console.log('|---|---|---|---|---|---|---|---|---|');
// Per set and group: each instance's gap per seed (ours), the peers' gaps and our times.
const groups = new Map();
for (const path of names) {
  const name = nameOf(path);
  const runs = ours.get(name);
  const r = runs[0];
  const p = other.get(name);
  const set = path.startsWith('belgium/') ? 'Belgium' : 'X';
  const perRound = r.n / r.bestRounds;
  const gaps = runs.map((run) => gap(run.ours, run.best));
  const peer = { pyvrp: gap(p?.pyvrp?.length, r.best), ortools: gap(p?.ortools?.length, r.best) };
  for (const key of [`${set}, all`, `${set}, ${group(perRound)} stops a round`]) {
    if (!groups.has(key)) groups.set(key, { gaps: [], pyvrp: [], ortools: [], ms: [] });
    const g = groups.get(key);
    g.gaps.push(gaps);
    for (const who of ['pyvrp', 'ortools']) if (peer[who] != null) g[who].push(peer[who]);
    g.ms.push(...runs.map((run) => run.ms));
  }
  const ms = runs.map((run) => run.ms);
  console.log(
    `| ${name} | ${set} | ${perRound.toFixed(0)} | ${r.depot} | ${spread(gaps)} | ${pct(peer.pyvrp)} | ${pct(peer.ortools)} | ${r.rounds} / ${r.minRounds} | ${mean(ms).toFixed(0)} |`,
  );
}
console.log(`\n## By stops per round (best known's customers / rounds)\n`);
console.log(`| set, group | instances | ours, seed ${seeds[0]}: mean, worst |${many ? ' ours, mean over seeds (min–max of the seeds\' means) |' : ''} PyVRP 1 s | OR-Tools 1 s | ms in wasm: mean, max |`);
console.log(`|---|---|---|${many ? '---|' : ''}---|---|---|`);
const order = ['all', 'under 30', '30–80', 'over 80'];
const rank = (key) => [key.startsWith('X') ? 0 : 1, order.findIndex((o) => key.includes(`, ${o}`))];
const keys = [...groups.keys()].sort((a, b) => rank(a)[0] - rank(b)[0] || rank(a)[1] - rank(b)[1]);
for (const key of keys) {
  const g = groups.get(key);
  const first = g.gaps.map((xs) => xs[0]);
  // The group's mean gap with each seed, then their mean and spread.
  const bySeed = seeds.map((_, s) => mean(g.gaps.map((xs) => xs[s])));
  const seedCol = many ? ` ${pct(mean(bySeed))} (${pct(Math.min(...bySeed))}–${pct(Math.max(...bySeed))}) |` : '';
  console.log(
    `| ${key} | ${g.gaps.length} | ${summary(first)} |${seedCol} ${summary(g.pyvrp)} | ${summary(g.ortools)} | ${mean(g.ms).toFixed(0)}, ${Math.max(...g.ms).toFixed(0)} |`,
  );
}
const x = groups.get('X, all');
if (x) {
  const first = x.gaps.map((xs) => xs[0]);
  const met = mean(first) <= 5 && Math.max(...first) <= 8 && Math.max(...x.ms) <= 200;
  console.log(`\nX targets (mean ≤ 5%, every instance ≤ 8%, ≤ 200 ms each): ${met ? 'met' : 'NOT met'}`);
}

if (!only) {
  const wasm = initSync({ module: readFileSync(new URL('../www/pkg/green_delivery_bg.wasm', import.meta.url)) });
  const sample = parseOrders(readFileSync(new URL('../www/data/sample-orders.csv', import.meta.url), 'utf8')).orders;
  const cases = [
    ['sample city (3,000)', { lat: sample.lat, lon: sample.lon, parcels: sample.parcels }, { lat: 51.5416, lon: -0.0076 }, 5],
    ['10,000', orders(10000), { lat: 51.45, lon: -0.3 }, 5],
    ['100,000', orders(100000), { lat: 51.45, lon: -0.3 }, 3],
    ['1,000,000', orders(1000000), { lat: 51.45, lon: -0.3 }, 1],
  ];
  console.log(`\n## consolidate(): the whole call, four scenarios (effort: ${effort})\n`);
  console.log('| orders | consolidated km | rounds | minRounds | ms (median) | wasm memory MB | rss MB |');
  console.log('|---|---|---|---|---|---|---|');
  for (const [name, o, depot, runs] of cases) {
    const input = { ...o, depot, effort };
    const { ms, result } = medianOf(runs, () => consolidate(input));
    const c = result.scenarios.find((s) => s.id === 'consolidated');
    const mb = (b) => (b / 2 ** 20).toFixed(0);
    console.log(
      `| ${name} | ${c.vehicleKm.toFixed(0)} | ${c.trips} | ${c.minRounds} | ${ms.toFixed(0)} | ${mb(wasm.memory.buffer.byteLength)} | ${mb(process.memoryUsage().rss)} |`,
    );
  }
}
