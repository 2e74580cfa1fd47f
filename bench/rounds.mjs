// Round planning benchmark (issue 13), in wasm, in Node: the sample city and synthetic 10k / 100k / 1M orders
// through consolidate(): consolidated km, rounds against the fewest (minRounds), ms and peak memory. The CVRPLIB X
// table (gaps to the best known) comes from the native example run before this script (see package.json).
// Build first: `bash scripts/build.sh` (or run `npm run bench:rounds`, which does both).
import { readFileSync } from 'node:fs';
import { orders } from './orders.mjs';
import { initSync, consolidate, parseOrders } from '../www/pkg/green_delivery.js';

const wasm = initSync({ module: readFileSync(new URL('../www/pkg/green_delivery_bg.wasm', import.meta.url)) });
const effort = process.argv[2] ?? 'balanced';

const sample = parseOrders(readFileSync(new URL('../www/data/sample-orders.csv', import.meta.url), 'utf8')).orders;
const cases = [
  ['sample city (3,000)', { lat: sample.lat, lon: sample.lon, parcels: sample.parcels }, { lat: 51.5416, lon: -0.0076 }, 5],
  ['10,000', orders(10000), { lat: 51.45, lon: -0.3 }, 5],
  ['100,000', orders(100000), { lat: 51.45, lon: -0.3 }, 3],
  ['1,000,000', orders(1000000), { lat: 51.45, lon: -0.3 }, 1],
];
console.log(`effort: ${effort}`);
console.log('| orders | consolidated km | rounds | minRounds | ms, all 4 scenarios (median) | wasm memory MB | rss MB |');
console.log('|---|---|---|---|---|---|---|');
for (const [name, o, depot, runs] of cases) {
  const input = { ...o, depot, effort };
  if (runs > 1) consolidate(input); // warm-up
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = consolidate(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const c = result.scenarios.find((s) => s.id === 'consolidated');
  const mb = (b) => (b / 2 ** 20).toFixed(0);
  console.log(
    `| ${name} | ${c.vehicleKm.toFixed(0)} | ${c.trips} | ${c.minRounds} | ${times[Math.floor(runs / 2)].toFixed(0)} | ${mb(wasm.memory.buffer.byteLength)} | ${mb(process.memoryUsage().rss)} |`,
  );
}
