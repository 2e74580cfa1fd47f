// The slowest calls the work limits allow, in wasm (Node): each capped function at its limit, on data chosen to
// defeat the tree filter (uniform noise in many columns) or with `algorithm: "lloyd"`. Prints the seconds of each and
// how it ended (a result, or `too-much-work` naming the option). The limits' promise is that none takes much over 10 s.
//   node bench/limits.mjs [--only=<text>]
import { performance } from 'node:perf_hooks';
import { initSync, kmeans, elbow, silhouette, predict, parseOrders, consolidate } from '../lib/node.js';

initSync();
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7) ?? '';

/** n × dim uniform values in [0, 1), from a fixed seed. */
function noise(n, dim, seed = 1) {
  const out = new Float64Array(n * dim);
  let s = seed >>> 0;
  for (let i = 0; i < out.length; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32;
  }
  return out;
}

const cases = [
  ['kmeans 2,048 × dim 1,024, k 512 (the battery)', () => kmeans(noise(2048, 1024), { k: 512, dim: 1024, seed: 1, tol: 0, maxIter: 10000 })],
  ['kmeans 2,048 × dim 1,024, k 512, nInit 3', () => kmeans(noise(2048, 1024), { k: 512, dim: 1024, seed: 1, nInit: 3, maxIter: 10000, tol: 0 })],
  ['kmeans 1,000,000 × dim 2, k 128, lloyd', () => kmeans(noise(1e6, 2), { k: 128, seed: 1, tol: 0, maxIter: 10000, algorithm: 'lloyd' })],
  ['kmeans 100,000 × dim 1, k 1,000, lloyd', () => kmeans(noise(1e5, 1), { k: 1000, dim: 1, seed: 1, tol: 0, maxIter: 10000, algorithm: 'lloyd' })],
  ['kmeans 100,000 × dim 1 from 100,000 given centroids, lloyd (one pass is 12× the limit)', () => kmeans(noise(1e5, 1), { k: 1e5, dim: 1, init: noise(1e5, 1, 3), algorithm: 'lloyd' })],
  ['kmeans 2,048 × dim 1,024 from 512 given centroids, tol 0', () => kmeans(noise(2048, 1024), { k: 512, dim: 1024, init: noise(512, 1024, 3), tol: 0, maxIter: 10000 })],
  ['kmeans 16,000,000 × dim 2, k 2 (the most points)', () => kmeans(noise(16e6, 2), { k: 2, seed: 1, tol: 0, maxIter: 10000 })],
  ['kmeans 20,000 × dim 64, k 2,900, k-means++ only', () => kmeans(noise(20000, 64), { k: 2900, dim: 64, seed: 1, maxIter: 1 })],
  ['elbow 100,000 × dim 32, k 1–30', () => elbow(noise(1e5, 32), { kMin: 1, kMax: 30, dim: 32, seed: 1, tol: 0, maxIter: 10000 })],
  ['silhouette 14,000 × dim 6 (at the limit)', () => silhouette(noise(14000, 6), new Uint32Array(14000).map((_, i) => i % 7), { dim: 6, sampleSize: 14000 })],
  ['silhouette 20,000 × dim 25 (refused)', () => silhouette(noise(20000, 25), new Uint32Array(20000).map((_, i) => i % 7), { dim: 25, sampleSize: 20000 })],
  ['silhouette 20,000 × dim 1', () => silhouette(noise(20000, 1), new Uint32Array(20000).map((_, i) => i % 7), { dim: 1, sampleSize: 20000 })],
  ['predict 100,000 × 100,000 centroids, dim 1 (the battery)', () => predict(new Float64Array(1e5), { centroids: noise(1e5, 1), dim: 1 })],
  ['predict 3,980 × 1,000 centroids, dim 1,000 (at the limit)', () => predict(noise(3980, 1000), { centroids: noise(1000, 1000, 2), dim: 1000 })],
  ['predict 800,000 × 1,000 centroids, dim 1 (at the limit)', () => predict(noise(8e5, 1), { centroids: noise(1000, 1, 2), dim: 1 })],
  ['consolidate 200,000 orders at one address, capacity 1', () => consolidate({ lat: new Float64Array(2e5).fill(51.5), lon: new Float64Array(2e5).fill(-0.1), depot: { lat: 51.45, lon: -0.2 }, capacity: 1 })],
  ['consolidate 1,000,000 orders over a city (the most)', () => {
    const xy = noise(1e6, 2, 7);
    return consolidate({ lat: xy.subarray(0, 1e6).map((v) => 51.3 + 0.4 * v), lon: xy.subarray(1e6).map((v) => -0.4 + 0.6 * v), depot: { lat: 51.5, lon: -0.1 } });
  }],
  ['parseOrders lat,lon + 60,000,000 lines of "x"', () => parseOrders('lat,lon\n' + 'x\n'.repeat(60e6))],
  ['parseOrders 134,217,728 characters of one cell', () => parseOrders('lat,lon\n' + '1'.repeat(2 ** 27 - 8))],
];

let worst = 0;
for (const [name, run] of cases) {
  if (!name.includes(only)) continue;
  const start = performance.now();
  let outcome;
  try {
    const r = run();
    outcome = r?.labels ? `result, ${r.iterations} iterations` : r?.scenarios ? 'result' : Array.isArray(r) ? `result, ${r.length} ks` : r?.errors ? `result, ${r.orders.lat.length} orders, ${r.errors.length} row errors` : 'result';
  } catch (e) {
    outcome = `${e.code ?? e.name} ${e.field ?? ''}: ${e.message}`.slice(0, 140);
  }
  const s = (performance.now() - start) / 1000;
  worst = Math.max(worst, s);
  console.log(`${s.toFixed(2).padStart(7)} s  ${name}  → ${outcome}`);
}
console.log(`worst: ${worst.toFixed(2)} s`);
