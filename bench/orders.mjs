// Synthetic orders and a median timer shared by the consolidation benchmarks, so that they time the same inputs alike.

/** A seedable 32-bit LCG: enough for synthetic coordinates. */
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** n orders in a blob ~15 km across around central London, 1-3 parcels each. */
export function orders(n, seed = 42) {
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

/** Calls `run` `runs` times (after one warm-up call when runs > 1, which compiles the hot paths); the median ms
 * and the last result. */
export function medianOf(runs, run) {
  if (runs > 1) run();
  const ms = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = run();
    ms.push(performance.now() - t0);
  }
  ms.sort((a, b) => a - b);
  return { ms: ms[Math.floor(runs / 2)], result };
}
