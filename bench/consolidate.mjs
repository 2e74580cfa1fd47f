// Times the full consolidate() (all four scenarios) in wasm, in Node, on synthetic orders around a depot.
// Build first: `bash scripts/build.sh` (or run `npm run bench:consolidate`, which does both).
import { readFileSync } from 'node:fs';
import { initSync, consolidate, deliveryOptions, parseOrders } from '../www/pkg/green_delivery.js';

initSync({ module: readFileSync(new URL('../www/pkg/green_delivery_bg.wasm', import.meta.url)) });

// SplitMix64-free, seedable: a 32-bit LCG is enough for synthetic coordinates.
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** n orders in a blob ~15 km across around central London, 1-3 parcels each. */
function orders(n, seed = 42) {
  const r = rng(seed);
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  const parcels = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const radius = 0.15 * (r() + r() + r() - 1.5);
    const t = 2 * Math.PI * r();
    lat[i] = 51.5 + radius * Math.sin(t);
    lon[i] = -0.12 + 1.6 * radius * Math.cos(t);
    parcels[i] = 1 + Math.floor(3 * r());
  }
  return { lat, lon, parcels };
}

const depot = { lat: 51.45, lon: -0.3 };
const budget = { 10000: 200, 100000: 2000 };
let failed = false;
for (const n of [10000, 100000]) {
  const input = { ...orders(n), depot };
  consolidate(input); // warm-up (compiles the hot paths)
  const runs = n <= 10000 ? 5 : 3;
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = consolidate(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)];
  const ok = median <= budget[n];
  failed ||= !ok;
  console.log(`consolidate ${n} orders: median ${median.toFixed(0)} ms over ${runs} runs (budget ${budget[n]} ms) ${ok ? 'ok' : 'OVER'}`);
  for (const s of result.scenarios) {
    console.log(
      `  ${s.id.padEnd(13)} trips ${String(s.trips).padStart(6)}  vehicle-km ${s.vehicleKm.toFixed(0).padStart(8)}` +
        `  ${s.gCo2ePerParcel.toFixed(1).padStart(7)} g/parcel  saving ${(s.savingPercent ?? 0).toFixed(1)}%`,
    );
  }
}

// The checkout widget's call: one shopper, constant time.
const t0 = performance.now();
const calls = 10000;
for (let i = 0; i < calls; i++) deliveryOptions({ shopper: { lat: 51.5 + i * 1e-6, lon: -0.1 }, depot });
console.log(`deliveryOptions: ${(((performance.now() - t0) / calls) * 1000).toFixed(1)} µs per call`);

// CSV import of 100k rows.
const { lat, lon, parcels } = orders(100000);
let csv = 'lat,lon,parcels\n';
for (let i = 0; i < lat.length; i++) csv += `${lat[i]},${lon[i]},${parcels[i]}\n`;
const t1 = performance.now();
const parsed = parseOrders(csv);
console.log(`parseOrders 100000 rows: ${(performance.now() - t1).toFixed(0)} ms, ${parsed.errors.length} errors`);
process.exitCode = failed ? 1 : 0;
