// Times deliveryOptions() — the checkout widget's call — in the widget's own wasm (www/widget-pkg), in Node, and
// prints the time per call against the 2 ms budget (issue 19), for a shopper with and without a merchant depot.
// Build first: `bash scripts/build.sh` (or run `npm run bench:options`, which does both).
import { readFileSync } from 'node:fs';
import { initSync, deliveryOptions } from '../www/widget-pkg/green_delivery.js';

initSync({ module: readFileSync(new URL('../www/widget-pkg/green_delivery_bg.wasm', import.meta.url)) });

const BUDGET_MS = 2;
const cases = {
  'no depot': {},
  'Manchester → London': { depot: { lat: 53.48, lon: -2.24 } },
  'urban, 1.2 kg parcel': { depot: { lat: 51.53, lon: -0.1 }, area: 'urban', weightKg: 1.2 },
};
let failed = false;
for (const [name, extra] of Object.entries(cases)) {
  const call = (i) => deliveryOptions({ shopper: { lat: 51.52 + i * 1e-5, lon: -0.08 }, ...extra });
  for (let i = 0; i < 100; i++) call(i); // warm-up
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const calls = 300;
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) call(i);
    runs.push((performance.now() - t0) / calls);
  }
  runs.sort((a, b) => a - b);
  const median = runs[2];
  const ok = median <= BUDGET_MS;
  failed ||= !ok;
  console.log(`deliveryOptions, ${name}: ${median.toFixed(2)} ms per call (median of 5 × 300 calls; budget ${BUDGET_MS} ms) ${ok ? 'ok' : 'OVER'}`);
}
const r = deliveryOptions({ shopper: { lat: 51.52, lon: -0.08 }, depot: { lat: 53.48, lon: -2.24 } });
for (const o of r.options) {
  console.log(`  ${o.id.padEnd(15)} ${o.gCo2e.toFixed(0).padStart(6)} g (${o.range.low.toFixed(0)}–${o.range.high.toFixed(0)}, ${o.range.coverage * 100}%)` +
    `  saving ${o.savingPercent.toFixed(0)}% ${o.savingClear ? '' : '(not clear)'}`);
}
process.exitCode = failed ? 1 : 0;
