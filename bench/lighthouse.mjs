// Lighthouse's mobile performance score for the page, several cold runs, as issue 24 measures it: the page served by
// scripts/serve.mjs, Lighthouse 12.2.3 (the last release that runs on Node 20) with its default mobile settings
// (simulated slow 4G and a 4× slower CPU) and Debian's Chromium. Prints each run's score and metrics, their medians,
// and the first paint Lighthouse *observed* (unthrottled) beside the FCP it simulated from it: the simulation counts
// every high-priority script that had arrived before that paint, so a machine busy at that moment moves FCP and LCP
// by a second or more. Compare pages interleaved, on an idle machine, never a single run.
// Lighthouse is not a dependency of the package: `npm i --no-save -E lighthouse@12.2.3` first (then `npm run build`).
// Options: `node bench/lighthouse.mjs [runs] [path]` (5 runs of '/' by default).
import { createRequire } from 'node:module';
import { serve } from '../scripts/serve.mjs';

const runs = Number(process.argv[2] ?? 5);
const path = process.argv[3] ?? '/';
let lighthouse, launch;
try {
  lighthouse = (await import('lighthouse')).default;
  // Lighthouse's own launcher, wherever npm put Lighthouse.
  ({ launch } = await import(createRequire(import.meta.resolve('lighthouse')).resolve('chrome-launcher')));
} catch {
  console.error('bench:lighthouse needs Lighthouse: npm i --no-save -E lighthouse@12.2.3');
  process.exit(1);
}

const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
};
const { server, url } = await serve(0);
const chrome = await launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows = [];
try {
  for (let i = 0; i < runs; i++) {
    const { lhr } = await lighthouse(new URL(path, url).href, { port: chrome.port, onlyCategories: ['performance'], output: 'json', logLevel: 'error' });
    const row = { score: lhr.categories.performance.score * 100 };
    for (const [key, id] of Object.entries(METRICS)) row[key] = lhr.audits[id].numericValue;
    row.observedPaint = lhr.audits.metrics.details?.items?.[0]?.observedFirstContentfulPaint ?? NaN;
    rows.push(row);
    console.log(
      `run ${i + 1}: score ${row.score.toFixed(0)}, FCP ${ms(row.fcp)}, LCP ${ms(row.lcp)}, TBT ${ms(row.tbt)}, CLS ${row.cls.toFixed(3)}, ` +
        `SI ${ms(row.si)} (first paint observed at ${ms(row.observedPaint)})`,
    );
  }
} finally {
  chrome.kill();
  server.close();
}
const median = (key) => rows.map((r) => r[key]).sort((a, b) => a - b)[rows.length >> 1];
console.log(
  `median of ${runs}: score ${median('score').toFixed(0)} (${Math.min(...rows.map((r) => r.score)).toFixed(0)}–` +
    `${Math.max(...rows.map((r) => r.score)).toFixed(0)}), FCP ${ms(median('fcp'))}, LCP ${ms(median('lcp'))}, ` +
    `TBT ${ms(median('tbt'))}, CLS ${median('cls').toFixed(3)}, SI ${ms(median('si'))}`,
);

function ms(value) {
  return `${Math.round(value)} ms`;
}
