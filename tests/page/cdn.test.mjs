// The widget served from another origin, as jsDelivr or unpkg would serve the npm package, on a shop page with a
// strict Content-Security-Policy: as modules (www/widget.js) and as the one classic script
// (www/green-delivery-widget.js, scripts/build-classic.mjs), and with the `wasm` attribute naming a third origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot, cspViolations } from './browser.mjs';
import { serveCdn, serveShop } from './origins.mjs';
import { buildClassic } from '../../scripts/build-classic.mjs';

const WIDGET = (attrs = '') => `<green-delivery-options depot="51.5072,-0.1276" destination="51.5200,-0.0900" ${attrs}></green-delivery-options>`;
const page = (head, body) => `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Shop</title>${head}</head><body><h1>Checkout</h1>${body}</body></html>`;

let session;
let cdn;
let wasmHost;
let shop;
before(async () => {
  await buildClassic(); // from the sources as they are now (npm run build does the same)
  cdn = await serveCdn();
  wasmHost = await serveCdn();
  const wasmElsewhere = `${wasmHost.origin}/widget-pkg/green_delivery_bg.wasm`;
  // The CSP the README asks a shop to add for the CDN: its scripts, WebAssembly compilation, and the .wasm fetch.
  const csp = () =>
    `default-src 'none'; script-src ${cdn.origin} 'wasm-unsafe-eval'; connect-src ${cdn.origin} ${wasmHost.origin}`;
  shop = await serveShop(
    {
      '/module.html': page(`<script type="module" src="${cdn.origin}/widget.js"></script>`, WIDGET()),
      '/classic.html': page(`<script src="${cdn.origin}/green-delivery-widget.js" defer></script>`, WIDGET('id="a"') + WIDGET('id="b" vehicle="electric-van"')),
      '/postcode.html': page(
        `<script src="${cdn.origin}/green-delivery-widget.js" defer></script>`,
        '<green-delivery-options depot="51.5072,-0.1276" destination="EC1A 1BB"></green-delivery-options>' +
          '<green-delivery-options lang="de-DE" depot="52.52,13.405" country="DE" destination="80331"></green-delivery-options>' +
          '<green-delivery-options lang="zh-CN" depot="51.5072,-0.1276" destination="M1 1AE"></green-delivery-options>',
      ),
      '/wasm-elsewhere.html': page(
        `<script src="${cdn.origin}/green-delivery-widget.js" defer></script>`,
        WIDGET(`id="a" wasm="${wasmElsewhere}"`) + WIDGET(`id="b" wasm="${cdn.origin}/nowhere.wasm"`),
      ),
      // A Shopify block added twice to a page includes the script twice.
      '/twice.html': page(`<script src="${cdn.origin}/green-delivery-widget.js" defer></script>`.repeat(2), WIDGET() + WIDGET()),
      '/bad-wasm.html': page(`<script src="${cdn.origin}/green-delivery-widget.js" defer></script>`, WIDGET('wasm=" "')),
    },
    { csp },
  );
  // The same page without connect-src: what a shop that copies only script-src gets.
  session = await startSession();
});
after(async () => {
  await session?.close();
  for (const s of [cdn, wasmHost, shop]) s?.server.close();
});

/** Opens `path` on the shop; resolves to the tab and the URLs it asked of each origin, in order. */
async function openShop(path, { on = shop } = {}) {
  const warnings = [];
  const tab = await session.open(`${on.origin}${path}`, {
    before: (page) => page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text())),
  });
  const byOrigin = (origin) => tab.foreignRequests.filter((u) => u.startsWith(`${origin}/`)).map((u) => u.slice(origin.length));
  return { ...tab, byOrigin, warnings };
}

const ready = (page, count = 1) =>
  page.waitForFunction((count) => [...document.querySelectorAll('green-delivery-options')].filter((w) => w.estimates.length === 8).length === count, count);

test('from a CDN as modules, under a strict CSP: it renders, with no CSP violation, only the CDN asked', async () => {
  const { page, byOrigin, foreignRequests, consoleErrors } = await openShop('/module.html');
  await ready(page);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  const fromCdn = byOrigin(cdn.origin);
  assert.equal(fromCdn.filter((u) => u.endsWith('.wasm')).length, 1);
  assert.equal(foreignRequests.length, fromCdn.length + 1, 'the page and the CDN, nothing else');
  console.log(`modules from the CDN: ${fromCdn.length} requests: ${fromCdn.join(' ')}`);
  await screenshot(page, 'cdn-module');
});

test('from a CDN as one classic script: two requests (the script and the .wasm) for two widgets, no CSP violation', async () => {
  const { page, byOrigin, foreignRequests, consoleErrors } = await openShop('/classic.html');
  await ready(page, 2);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  const fromCdn = byOrigin(cdn.origin);
  assert.deepEqual(fromCdn, ['/green-delivery-widget.js', '/widget-pkg/green_delivery_bg.wasm']);
  assert.equal(foreignRequests.length, 3);
  // The same numbers as the module build computes for the same input.
  const first = await page.evaluate(() => document.querySelector('#a').estimates.map((o) => [o.id, o.gCo2e]));
  const mod = await openShop('/module.html');
  await ready(mod.page);
  const viaModules = await mod.page.evaluate(() => document.querySelector('green-delivery-options').estimates.map((o) => [o.id, o.gCo2e]));
  assert.deepEqual(first, viaModules);
  console.log(`classic script from the CDN: ${fromCdn.length} requests: ${fromCdn.join(' ')}`);
  await screenshot(page, 'cdn-classic');
});

test('the classic script finds the place tables beside itself, and has every language\'s words inside', async () => {
  const { page, byOrigin, consoleErrors } = await openShop('/postcode.html');
  await ready(page, 3);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  // Only tables: no strings module is fetched, in any language.
  assert.deepEqual(byOrigin(cdn.origin).sort(), [
    '/data/postcode-districts.json', '/data/postcodes-DE.json', '/green-delivery-widget.js', '/widget-pkg/green_delivery_bg.wasm',
  ]);
  const titles = await page.evaluate(() => [...document.querySelectorAll('green-delivery-options')].map((w) => w.shadowRoot.querySelector('[part="title"]').textContent));
  assert.equal(new Set(titles).size, 3, titles.join(' | '));
  await screenshot(page, 'cdn-classic-languages');
});

test('the classic script included twice: harmless, the calculator is loaded once', async () => {
  const { page, byOrigin, consoleErrors } = await openShop('/twice.html');
  await ready(page, 2);
  assert.deepEqual(consoleErrors, []);
  assert.equal(byOrigin(cdn.origin).filter((u) => u.endsWith('.wasm')).length, 1);
});

test('the wasm attribute: the first widget\'s URL is fetched, once; a second, different URL is ignored with a warning', async () => {
  const { page, byOrigin, warnings } = await openShop('/wasm-elsewhere.html');
  await ready(page, 2);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(byOrigin(wasmHost.origin), ['/widget-pkg/green_delivery_bg.wasm']);
  assert.deepEqual(byOrigin(cdn.origin), ['/green-delivery-widget.js'], 'no .wasm from the CDN, nor /nowhere.wasm');
  assert.equal(await page.evaluate(() => document.querySelector('#a').wasm), `${wasmHost.origin}/widget-pkg/green_delivery_bg.wasm`);
  assert.equal(warnings.length, 1, warnings.join('\n'));
  assert.match(warnings[0], /already loaded from .*green_delivery_bg\.wasm; .*nowhere\.wasm is not fetched/);
  // A widget added later with yet another URL shares the instance too (and is not warned about twice).
  await page.evaluate((url) => {
    const w = document.createElement('green-delivery-options');
    w.setAttribute('depot', '51.5,-0.1');
    w.setAttribute('destination', '51.52,-0.09');
    w.wasm = url;
    document.body.append(w);
  }, `${cdn.origin}/other.wasm`);
  await ready(page, 3);
  assert.ok(byOrigin(cdn.origin).every((u) => !u.endsWith('.wasm')));
  assert.equal(warnings.length, 1);
});

test('a wasm attribute that is not a URL is a clear error on the attribute', async () => {
  const { page } = await openShop('/bad-wasm.html');
  // The first error may come before a listener can be added: wait for its message, then change the attribute to
  // another bad value and catch that event.
  const shown = await page.waitForFunction(() => document.querySelector('green-delivery-options').shadowRoot.querySelector('[part="message"]').textContent);
  assert.match(await shown.jsonValue(), /\S/);
  const detail = await page.evaluate(
    () =>
      new Promise((resolve) => {
        document.addEventListener('green-delivery-error', (e) => resolve(e.detail), { once: true });
        document.querySelector('green-delivery-options').setAttribute('wasm', '');
      }),
  );
  assert.equal(detail.code, 'invalid');
  assert.equal(detail.attribute, 'wasm');
  assert.match(detail.message, /wasm must be the URL/);
});

test('without connect-src for the CDN, the .wasm fetch is blocked: the CSP the README gives is the one needed', async () => {
  const strict = await serveShop(
    { '/classic.html': page(`<script src="${cdn.origin}/green-delivery-widget.js" defer></script>`, WIDGET()) },
    { csp: () => `default-src 'none'; script-src ${cdn.origin} 'wasm-unsafe-eval'` },
  );
  try {
    const { page } = await openShop('/classic.html', { on: strict });
    const code = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const w = document.querySelector('green-delivery-options');
          const check = () => w.shadowRoot?.querySelector('[part="retry"]:not([hidden])') && resolve('load-failed');
          document.addEventListener('green-delivery-error', (e) => resolve(e.detail.code), { once: true });
          setInterval(check, 50);
        }),
    );
    assert.equal(code, 'load-failed');
    assert.ok((await cspViolations(page)).some((v) => v.startsWith('connect-src') && v.endsWith('.wasm')));
  } finally {
    strict.server.close();
  }
});
