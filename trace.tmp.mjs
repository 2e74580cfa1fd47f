import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
const page = await (await browser.newContext({ viewport: { width: 412, height: 823 } })).newPage();
await browser.startTracing(page, { path: '/tmp/wf/trace.json', categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink', 'v8.wasm'] });
await page.goto('http://127.0.0.1:8099/' + (process.argv[2] ?? ''));
await page.waitForFunction(() => document.querySelectorAll('#shopper-results li').length === 8, null, { timeout: 60000 });
await page.waitForTimeout(3000);
await browser.stopTracing();
await browser.close();
const { traceEvents } = JSON.parse(readFileSync('/tmp/wf/trace.json', 'utf8'));
const main = traceEvents.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain');
const evs = traceEvents.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const all = evs.filter((e) => e.name === 'RunTask'); console.log('main thread busy ms', (all.reduce((t, e) => t + e.dur, 0) / 1000).toFixed(0), 'tasks>50ms (x4 throttle ~ >12.5ms)', all.filter((e) => e.dur > 12500).map((e) => (e.dur / 1000).toFixed(0)).join(','));
const tasks = [];
for (const t of tasks) {
  const inside = evs.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 3000);
  const agg = new Map();
  for (const e of inside) { const k = e.name + (e.args?.data?.url ? ' ' + e.args.data.url.replace(/^.*8099\//, '') : '') + (e.args?.data?.functionName ? ' ' + e.args.data.functionName : ''); agg.set(k, Math.max(agg.get(k) ?? 0, e.dur)); }
  console.log(`task ${(t.dur / 1000).toFixed(0)} ms:`, [...agg].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`).join(' | '));
}
