// The package's TypeScript types, checked fast against this checkout (the built www/pkg and www/widget-pkg, linked
// into a temporary project as node_modules/green-delivery, so package.json's `exports` pick the files as for an
// installed copy); tests/package/package.test.mjs checks the packed tarball the same way. `tsc --strict` with
// skipLibCheck off, so an error inside the package's own .d.ts fails too:
// - a Node-only project (lib ES2022, no DOM lib, no @types): the Node entry must need no DOM type;
// - a browser project (DOM lib, the widget and the element);
// - ids are unions written from the crate's tables (src/wasm/ids.d.ts): a misspelt vehicle, grid, factor or
//   option id is a type error (each `@ts-expect-error` fails the run if its line compiles).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
let project;

before(() => {
  project = mkdtempSync(join(tmpdir(), 'green-delivery-types-'));
  mkdirSync(join(project, 'node_modules'));
  symlinkSync(ROOT, join(project, 'node_modules/green-delivery'), 'dir');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'types-check', private: true, type: 'module' }));
});
after(() => project && rmSync(project, { recursive: true, force: true }));

/** Runs tsc --strict on `files` (name → source) with these compiler options; returns tsc's output, or throws it. */
function tsc(name, options, files) {
  for (const [file, text] of Object.entries(files)) writeFileSync(join(project, file), text);
  writeFileSync(
    join(project, `${name}.json`),
    JSON.stringify({ compilerOptions: { target: 'ES2022', strict: true, noEmit: true, skipLibCheck: false, types: [], ...options }, files: Object.keys(files) }),
  );
  try {
    return { ok: true, out: execFileSync(process.execPath, [TSC, '-p', join(project, `${name}.json`)], { encoding: 'utf8' }) };
  } catch (err) {
    return { ok: false, out: `${err.stdout}${err.stderr}` };
  }
}

const NODE = { module: 'NodeNext', moduleResolution: 'NodeNext', lib: ['ES2022'] };
const BROWSER = { module: 'ESNext', moduleResolution: 'Bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'] };

test('Node-only project (no DOM lib): the Node entry type-checks, and misspelt ids are errors', () => {
  const { ok, out } = tsc('tsconfig.node', NODE, {
    'server.ts': `import init, { initSync, deliveryOptions, consolidate, factors, wasmUrl, type VehicleId, type FactorId } from 'green-delivery';
await init();
initSync();
export const href: string = wasmUrl.href;
const vehicle: VehicleId = 'electric-van';
export const options = deliveryOptions({
  shopper: { lat: 51.5, lon: -0.1 }, vehicle, car: 'diesel-car', grid: 'grid-fr', country: 'DE', baseline: 'nextDay',
  factors: { 'diesel-van': { kgPerUnit: 0.3 } }, settings: { 'failures.rate': 0.05 },
}).options;
export const ids: FactorId[] = factors().map((f) => f.id);
// @ts-expect-error not a vehicle id
deliveryOptions({ shopper: { lat: 51.5, lon: -0.1 }, vehicle: 'hovercraft' });
// @ts-expect-error a grid id is not a vehicle
deliveryOptions({ shopper: { lat: 51.5, lon: -0.1 }, vehicle: 'grid-fr' });
// @ts-expect-error not a grid id
deliveryOptions({ shopper: { lat: 51.5, lon: -0.1 }, grid: 'grid-mars' });
// @ts-expect-error not a factor id
deliveryOptions({ shopper: { lat: 51.5, lon: -0.1 }, factors: { 'diesel-vam': { kgPerUnit: 0.3 } } });
// @ts-expect-error not an option id
deliveryOptions({ shopper: { lat: 51.5, lon: -0.1 }, baseline: 'express' });
// @ts-expect-error not a setting id
deliveryOptions({ shopper: { lat: 51.5, lon: -0.1 }, settings: { 'failure.rate': 0.05 } });
// @ts-expect-error not a vehicle id
consolidate({ depot: { lat: 51.5, lon: -0.1 }, orders: [], pickup: { car: 'hovercraft' } });
`,
  });
  assert.ok(ok, out);
});

test('the negative check is real: without @ts-expect-error, vehicle: "hovercraft" fails tsc, naming it', () => {
  const { ok, out } = tsc('tsconfig.negative', NODE, {
    'typo.ts': `import { deliveryOptions } from 'green-delivery';
export const r = deliveryOptions({ shopper: { lat: 51.5, lon: -0.1 }, vehicle: 'hovercraft' });
`,
  });
  assert.equal(ok, false);
  assert.match(out, /typo\.ts\(2,[\d]+\): error TS2322: Type '"hovercraft"' is not assignable to type 'VehicleId/);
  assert.equal(out.trim().split('\n').filter((l) => /error TS/.test(l)).length, 1, out);
});

test('browser project: the API, the widget and the element type-check, and misspelt ids are errors', () => {
  const { ok, out } = tsc('tsconfig.browser', BROWSER, {
    'shop.ts': `import init, { deliveryOptions, type GridId } from 'green-delivery';
import 'green-delivery/widget';
import type { GreenDeliveryOptions, VehicleId } from 'green-delivery/element';
await init();
const grid: GridId = 'uk-grid-2025';
export const n: number = deliveryOptions({ shopper: { lat: 51.5, lon: -0.1 }, vehicle: 'petrol-van', grid }).options.length;
const widget = document.querySelector('green-delivery-options');
if (widget) {
  const v: VehicleId | null = widget.vehicle;
  widget.vehicle = 'electric-van';
  widget.grid = 'grid-de';
  widget.country = 'JP';
  widget.country = 'IE';
  widget.factors = { 'electric-van': { ttw: 0, wtt: 0.05 } };
  widget.destination = 'E1 6AN';
  console.log(v);
  // @ts-expect-error not a vehicle id
  widget.vehicle = 'hovercraft';
  // @ts-expect-error not a grid id
  widget.grid = 'mars';
  // @ts-expect-error not a factor id
  widget.factors = { hovercraft: { kgPerUnit: 1 } };
}
export const made: GreenDeliveryOptions = document.createElement('green-delivery-options');
`,
  });
  assert.ok(ok, out);
});
