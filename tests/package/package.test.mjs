// The npm package as a user gets it: `npm pack` at the root (its prepack builds the wasm), the tarball installed
// into a fresh project (Vite and TypeScript as that project's dev dependencies, from the npm cache when they are
// there), then: Node computes deliveryOptions with a bare `await init()`; the installed CLI runs; `tsc --noEmit`
// checks a file using the API's and the element's types; a Vite build of a two-line widget page, and the same
// widget from a plain static folder with no bundler, render in Chromium with the .wasm fetched once.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, CSP } from '../../scripts/serve.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const rootPackage = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const rootLock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
/** The exact versions the repository pins, so the test project's install can come from the npm cache. */
const pinned = (name) => rootLock.packages[`node_modules/${name}`].version;

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

let work; // the temporary folder: the tarball and the shop's project
let shop; // the shop's project, where the tarball is installed
let packed; // npm pack --json's description of the tarball
let browser;

const sh = (command, args, options = {}) =>
  execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20, ...options });

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'green-delivery-package-'));
  // npm pack runs `prepack` (set-up + build), so the tarball holds a fresh build.
  // prepack's build writes to stderr, so stdout is npm's JSON (whatever precedes its opening line is skipped).
  const out = sh('npm', ['pack', '--json', '--pack-destination', work], { cwd: ROOT });
  [packed] = JSON.parse(out.slice(out.search(/^\[/m)));
  shop = join(work, 'shop');
  mkdirSync(shop);
  writeFileSync(
    join(shop, 'package.json'),
    JSON.stringify({
      name: 'example-shop', private: true, type: 'module',
      devDependencies: { vite: pinned('vite'), typescript: pinned('typescript') },
    }, null, 2),
  );
  sh('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', join(work, packed.filename)], { cwd: shop });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('the tarball: only what users need, no runtime dependencies', () => {
  const files = packed.files.map((f) => f.path).sort();
  console.log(`# ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${files.length} files`);
  for (const f of packed.files) console.log(`#   ${String(f.size).padStart(7)}  ${f.path}`);
  for (const needed of [
    'package.json', 'README.md', 'CHANGELOG.md', 'LICENSE-MIT', 'LICENSE-APACHE', 'custom-elements.json',
    'lib/index.js', 'lib/node.js', 'lib/index.d.ts', 'lib/node.d.ts', 'lib/element.d.ts', 'lib/widget.d.ts',
    'bin/green-delivery.js', 'www/widget.js', 'www/green-delivery-options.js', 'www/widget-wasm.js', 'www/loader.js',
    'www/errors.js', 'www/pkg/green_delivery.js', 'www/pkg/green_delivery_bg.wasm', 'www/pkg/green_delivery.d.ts',
    'www/widget-pkg/green_delivery.js', 'www/widget-pkg/green_delivery_bg.wasm', 'www/widget-pkg/green_delivery.d.ts',
  ]) {
    assert.ok(files.includes(needed), `${needed} is packed`);
  }
  assert.equal(files.filter((f) => /^www\/pkg\/snippets\/.+\/boundary\.js$/.test(f)).length, 1, 'the binding\'s JS half, once');
  assert.ok(files.some((f) => /^www\/widget-pkg\/snippets\/.+\/boundary\.js$/.test(f)));
  const unwanted = files.filter((f) => /\.(br|gz|rs|toml|lock|html|css|csv)$|^(src|tests|scripts|bench|data|target)\//.test(f));
  assert.deepEqual(unwanted, []);
  assert.ok(packed.size < 450_000, `tarball ${packed.size} bytes`);
  const installed = JSON.parse(readFileSync(join(shop, 'node_modules/green-delivery/package.json'), 'utf8'));
  assert.equal(installed.private, undefined);
  assert.deepEqual(installed.dependencies ?? {}, {});
  assert.equal(installed.version, rootPackage.version);
});

test('Node: import init, { deliveryOptions } from "green-delivery"; await init() with no argument', () => {
  writeFileSync(
    join(shop, 'server.mjs'),
    `import init, { deliveryOptions, isGreenDeliveryError } from 'green-delivery';
await init();
const { options } = deliveryOptions({ shopper: { lat: 51.52, lon: -0.08 }, depot: { lat: 51.45, lon: -0.2 } });
let error;
try { deliveryOptions({ shopper: { lat: 91, lon: 0 } }); } catch (err) { error = { is: isGreenDeliveryError(err), code: err.code, field: err.field }; }
console.log(JSON.stringify({ options: options.map((o) => [o.id, Math.round(o.gCo2e)]), error }));
`,
  );
  const out = JSON.parse(sh(process.execPath, ['server.mjs'], { cwd: shop }));
  assert.deepEqual(out.options, [['express', 9381], ['consolidated', 236], ['pickupWalk', 139], ['pickupCar', 974], ['cargoBike', 96]]);
  assert.deepEqual(out.error, { is: true, code: 'out-of-range', field: 'shopper.lat' });
});

test('the installed command line: npx green-delivery', () => {
  const out = sh(join(shop, 'node_modules/.bin/green-delivery'), ['options', '--from', '51.45,-0.2', '--to', '51.52,-0.08', '--format', 'csv']);
  assert.match(out, /^consolidated,Consolidated day,236\.\d+,/m);
  const csv = sh(join(shop, 'node_modules/.bin/green-delivery'), ['consolidate', '-', '--depot', '51.45,-0.2', '--format', 'csv'], {
    input: 'lat,lon\n51.52,-0.08\n51.53,-0.09\n51.5,-0.1\n',
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  assert.equal(csv.trimEnd().split('\n').length, 5);
});

test('TypeScript: tsc --noEmit on a file using the API and the element\'s types', () => {
  writeFileSync(
    join(shop, 'check.ts'),
    `import init, { deliveryOptions, isGreenDeliveryError, type DeliveryOptionsResult, type ErrorCode } from 'green-delivery';
import 'green-delivery/widget';
import { GreenDeliveryOptions, type GreenDeliverySelectDetail, type GreenDeliveryErrorDetail } from 'green-delivery/element';

await init();
const result: DeliveryOptionsResult = deliveryOptions({ shopper: { lat: 51.5, lon: -0.1 }, vehicle: 'electric-van' });
const grams: number = result.options[0].gCo2e;
try {
  deliveryOptions({ shopper: { lat: 91, lon: 0 } });
} catch (err) {
  if (isGreenDeliveryError(err)) {
    const code: ErrorCode = err.code;
    const field: string = err.field;
    console.log(code, field, grams);
  }
}

const widget = document.querySelector('green-delivery-options');
if (widget) {
  widget.destination = '51.52,-0.09';
  widget.pickupDistance = 3;
  widget.selected = 'cargoBike';
  widget.factors = { 'diesel-van': { kgPerUnit: 0.3 } };
  widget.offers = ['express', 'cargoBike'];
  widget.addEventListener('green-delivery-select', (event) => {
    const detail: GreenDeliverySelectDetail = event.detail;
    console.log(detail.id, detail.estimate.gCo2e.toFixed(0));
  });
  widget.addEventListener('green-delivery-error', (event) => {
    const detail: GreenDeliveryErrorDetail = event.detail;
    if (detail.code === 'load-failed' || detail.attribute === 'destination') console.log(detail.message);
  });
  const shown: number = widget.estimates.length;
  console.log(shown);
}
const made: GreenDeliveryOptions = document.createElement('green-delivery-options');
document.addEventListener('green-delivery-select', (event) => console.log(event.detail.estimate.label));
// @ts-expect-error estimates is read-only
made.estimates = [];
// @ts-expect-error not a delivery option
made.selected = 'teleport';
// @ts-expect-error a number is not a lat,lon pair
deliveryOptions({ shopper: 51.5 });
customElements.define('my-delivery-options', class extends GreenDeliveryOptions {});
`,
  );
  writeFileSync(
    join(shop, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true, noEmit: true, skipLibCheck: false, types: [],
      },
      files: ['check.ts'],
    }),
  );
  try {
    sh(process.execPath, [join(shop, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', shop], { cwd: shop });
  } catch (err) {
    assert.fail(`tsc failed:\n${err.stdout}${err.stderr}`);
  }
  // In Node (the "node" condition), init() and initSync() take no argument.
  writeFileSync(join(shop, 'node-check.ts'), `import init, { initSync, deliveryOptions, wasmUrl } from 'green-delivery';
await init();
initSync();
const u: URL = wasmUrl;
console.log(u.href, deliveryOptions({ shopper: { lat: 51.5, lon: -0.1 } }).options.length);
`);
  writeFileSync(
    join(shop, 'tsconfig.node.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022', 'DOM'], strict: true, noEmit: true, types: [],
      },
      files: ['node-check.ts'],
    }),
  );
  try {
    sh(process.execPath, [join(shop, 'node_modules/typescript/bin/tsc'), '--noEmit', '-p', join(shop, 'tsconfig.node.json')], { cwd: shop });
  } catch (err) {
    assert.fail(`tsc (Node) failed:\n${err.stdout}${err.stderr}`);
  }
});

test('the custom-elements manifest matches the element', () => {
  const manifest = JSON.parse(readFileSync(join(shop, 'node_modules/green-delivery/custom-elements.json'), 'utf8'));
  const element = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'green-delivery-options');
  const source = readFileSync(join(shop, 'node_modules/green-delivery/www/green-delivery-options.js'), 'utf8');
  for (const attribute of element.attributes) assert.ok(source.includes(`'${attribute.name}'`) || source.includes(`${attribute.name}:`), attribute.name);
  for (const part of element.cssParts) assert.ok(source.includes(part.name), part.name);
  for (const property of element.cssProperties) assert.ok(source.includes(property.name), property.name);
  assert.deepEqual(element.events.map((e) => e.name), ['green-delivery-select', 'green-delivery-error']);
});

/** Opens `url` and waits for the widget's five options; returns the .wasm requests and any console errors. */
async function openWidgetPage(url) {
  const page = await browser.newPage();
  const wasm = [];
  const errors = [];
  const foreign = [];
  page.on('request', (req) => {
    if (new URL(req.url()).pathname.endsWith('.wasm')) wasm.push(req.url());
    if (new URL(req.url()).origin !== new URL(url).origin) foreign.push(req.url());
  });
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(String(err)));
  const response = await page.goto(url);
  await page.locator('green-delivery-options [part~="option"]').first().waitFor({ timeout: 20_000 });
  const options = await page.locator('green-delivery-options [part~="option"]').evaluateAll((rows) =>
    rows.map((r) => [r.dataset.id, r.querySelector('[part="value"]').textContent]),
  );
  return { page, response, options, wasm, errors, foreign };
}

test('Vite: a shop built with vite build shows the widget, fetching its .wasm once', async () => {
  const app = join(shop, 'vite-app');
  mkdirSync(app);
  writeFileSync(join(app, 'main.js'), `import 'green-delivery/widget';\n`);
  writeFileSync(
    join(app, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Vite shop</title>
<script type="module" src="./main.js"></script></head>
<body><green-delivery-options depot="51.5072,-0.1276" destination="51.5200,-0.0900" vehicle="electric-van"></green-delivery-options>
<green-delivery-options depot="51.5072,-0.1276" destination="51.4600,-0.2100" offers="express,cargoBike"></green-delivery-options></body></html>
`,
  );
  sh(process.execPath, [join(shop, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: app });
  writeFileSync(join(app, 'dist/favicon.ico'), ''); // so that the browser's own request is not a 404
  const assets = readdirSync(join(app, 'dist/assets'));
  const wasmFiles = assets.filter((f) => f.endsWith('.wasm'));
  assert.equal(wasmFiles.length, 1, `only the widget's .wasm is bundled: ${assets.join(', ')}`);
  assert.match(wasmFiles[0], /^green_delivery_bg-[\w-]{6,}\.wasm$/, 'content-hashed');
  assert.ok(statSync(join(app, 'dist/assets', wasmFiles[0])).size < 250_000, 'the widget build, not the full one');
  const { server, url } = await serve(0, undefined, join(app, 'dist'));
  try {
    const { page, response, options, wasm, errors, foreign } = await openWidgetPage(url);
    assert.equal(response.headers()['content-security-policy'], CSP);
    assert.deepEqual(options.map(([id]) => id), ['express', 'consolidated', 'pickupWalk', 'pickupCar', 'cargoBike', 'express', 'cargoBike']);
    assert.ok(options.every(([, grams]) => /^\d[\d,]* g$/.test(grams)), JSON.stringify(options));
    assert.equal(wasm.length, 1, `the .wasm is fetched once: ${wasm.join(', ')}`);
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    await page.close();
  } finally {
    server.close();
  }
});

test('no bundler: the same widget, and the full API, from a plain static folder', async () => {
  writeFileSync(
    join(shop, 'static.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static shop</title>
<script type="module" src="node_modules/green-delivery/www/widget.js"></script>
<script type="module" src="node_modules/green-delivery/www/widget.js"></script></head>
<body><green-delivery-options depot="51.5072,-0.1276" destination="51.5200,-0.0900"></green-delivery-options>
<green-delivery-options depot="51.5072,-0.1276" destination="51.4600,-0.2100"></green-delivery-options></body></html>
`,
  );
  writeFileSync(join(shop, 'favicon.ico'), '');
  const { server, url } = await serve(0, undefined, shop);
  try {
    const { page, options, wasm, errors, foreign } = await openWidgetPage(`${url}static.html`);
    assert.equal(options.length, 10);
    assert.equal(wasm.length, 1, `the .wasm is fetched once: ${wasm.join(', ')}`);
    assert.match(wasm[0], /\/node_modules\/green-delivery\/www\/widget-pkg\/green_delivery_bg\.wasm$/);
    // The widget's numbers are the API's: the full package from lib/index.js (the browser entry) agrees.
    const direct = await page.evaluate(async () => {
      const api = await import('/node_modules/green-delivery/lib/index.js');
      await api.default();
      return api.deliveryOptions({ shopper: { lat: 51.52, lon: -0.09 }, depot: { lat: 51.5072, lon: -0.1276 } }).options.map((o) => o.gCo2e);
    });
    const grams = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    assert.deepEqual(options.slice(0, 5).map(([, g]) => g), direct.map((g) => `${grams.format(g)} g`));
    assert.equal(await page.evaluate(() => customElements.get('green-delivery-options')?.name), 'GreenDeliveryOptions');
    assert.deepEqual(errors, []);
    assert.deepEqual(foreign, []);
    await page.close();
  } finally {
    server.close();
  }
});
