// The shopper's first visit as a phone on slow 4G sees it: the page served by scripts/serve.mjs, loaded cold in
// Debian's Chromium with DevTools' slow-4G network (150 ms, 1.6 Mbit/s down) and a 4× slower CPU, as Lighthouse's
// mobile run assumes. Prints, per run and as medians: when the first gram figure shows, when the full package is
// ready (the everyday comparisons drawn), the main thread's blocking time after the first paint (Σ of each long
// task's time over 50 ms, Lighthouse's TBT) and the longest task. Build first (`npm run bench:page` does both).
// On '/', the first figures are the markup's (the British example, tests/page/prerender.test.mjs), and the full
// package's arrival is when the page can answer a change with everything; on a page that computes its own answer
// (`/?lang=de-DE`), the calculators draw both.
// Options: `node bench/page.mjs [runs] [path]` (5 runs of '/' by default).
import { chromium } from 'playwright-core';
import { serve } from '../scripts/serve.mjs';

const runs = Number(process.argv[2] ?? 5);
const path = process.argv[3] ?? '/';
const { server, url } = await serve(0);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const rows = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } }); // a fresh cache each run
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__tasks = [];
    new PerformanceObserver((list) => window.__tasks.push(...list.getEntries().map((e) => [e.startTime, e.duration]))).observe({
      type: 'longtask',
      buffered: true,
    });
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(new URL(path, url).href);
  const now = () => page.evaluate(() => performance.now());
  // Shown: not hidden while the page's words load, nor as the markup's answer on a visit it does not answer (boot.js).
  const shown = () => {
    const { classList } = document.documentElement;
    return classList.contains('answer-shown') && !classList.contains('translating') && document.querySelectorAll('#shopper-results li').length === 8;
  };
  await page.waitForFunction(shown, null, { timeout: 60_000 });
  const first = await now();
  await page.waitForFunction(() => document.getElementById('shopper-results').dataset.calculator === 'full', null, { timeout: 60_000 });
  const full = await now();
  await page.waitForTimeout(3000); // whatever follows the drawing
  const { tasks, fcp } = await page.evaluate(() => ({
    tasks: window.__tasks,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0,
  }));
  const blocking = tasks.filter(([start]) => start >= fcp).reduce((t, [, d]) => t + Math.max(0, d - 50), 0);
  const longest = Math.max(0, ...tasks.map(([, d]) => d));
  rows.push({ first, full, blocking, longest });
  console.log(`run ${i + 1}: first figure ${Math.round(first)} ms, full package ${Math.round(full)} ms, blocking ${Math.round(blocking)} ms, longest task ${Math.round(longest)} ms`);
  await context.close();
}
const median = (key) => Math.round(rows.map((r) => r[key]).sort((a, b) => a - b)[rows.length >> 1]);
console.log(
  `median of ${runs}: first figure ${median('first')} ms, full package ${median('full')} ms, blocking time ${median('blocking')} ms, longest task ${median('longest')} ms`,
);
await browser.close();
server.close();
