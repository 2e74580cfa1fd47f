// Property-based fuzzing of every export of both built packages (www/pkg, www/widget-pkg) in Node, with a fixed
// seed. Each case takes a known-good call and breaks one to three places in its arguments: wrong types, NaN,
// ±Infinity, -0, 1e308, 5e-324, fractions, missing, extra and misspelt keys, throwing getters, Proxies, BigInts,
// Symbols, deep nesting, huge arrays. Every call must either return finite results that keep the export's
// invariants, or throw the package's GreenDeliveryError with a known `code` and a `field`; after every throw the
// instance must still answer a known-good call bit for bit. `FUZZ_SCALE` multiplies the case counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SETTING_NAMES, SETTING_SENTENCES, OPTION_LABELS } from '../../www/strings/en-GB/chain.js';

const SEED = 20261201;
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);
const CODES = new Set([
  'not-finite', 'out-of-range', 'not-integer', 'wrong-type', 'required', 'unknown-field', 'unknown-id',
  'unknown-value', 'conflict', 'too-deep', 'too-large', 'too-much-work', 'overflow', 'unreadable', 'aborted',
  'bad-file', 'invalid',
]);

async function load(dir) {
  const base = new URL(`../../www/${dir}/`, import.meta.url);
  const api = await import(new URL('green_delivery.js', base).href);
  await api.default({ module_or_path: readFileSync(new URL('green_delivery_bg.wasm', base)) });
  return api;
}

// ---------- known-good calls, one per export (with the name of each argument, as errors name it) ----------

const depot = { lat: 51.5, lon: -0.1 };
const delivery = {
  shopper: { lat: 51.52, lon: -0.08 }, depot, vehicle: 'diesel-van', area: 'urban', weightKg: 3,
  settings: { 'round.parcels': 100, 'round.km': 45, roadFactor: 1.3, 'pickup.km': 2 },
  factors: { 'diesel-van': { ttw: 0.2, wtt: 0.05 } },
};
const packaging = { items: [{ material: 'board', massKg: 0.3, route: 'recycling' }], ordersPerYear: 1000 };
const digital = { pages: 5, bytesPerPage: 2e6, server: { provider: 'aws', vcpuSeconds: 0.5 } };
const orders = Array.from({ length: 12 }, (_, i) => ({
  lat: 51.5 + 0.01 * Math.sin(i), lon: -0.1 + 0.01 * Math.cos(i * 1.7), parcels: 1 + (i % 3), id: `o${i}`,
}));
const points = [0, 0, 0, 1, 1, 0, 10, 10, 10, 11, 11, 10, 20, 0, 20, 1, 21, 0];
const labels = [0, 0, 0, 1, 1, 1, 2, 2, 2];
const csv = 'lat,lon,parcels,id\n51.5,-0.1,2,a\n51.51,-0.12,1,b\nnot,a,row,c\n';
const geojson = {
  type: 'FeatureCollection',
  features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [-0.1, 51.5] }, properties: { parcels: 2 } }],
};

/** name → { args(), roots, ok(result) }: `args` builds fresh arguments; `ok` checks a successful result. */
const WIDGET_EXPORTS = {
  deliveryOptions: { args: () => [structuredClone(delivery)], roots: [''], ok: (r) => r.options.length >= 4 && r.options.every((o) => o.gCo2e >= 0) },
};

const FULL_EXPORTS = {
  ...WIDGET_EXPORTS,
  efficiency: { args: () => [{ output: 120, input: 48, outputUnit: 'parcels', inputUnit: 'km' }], roots: [''], ok: (r) => r.value >= 0 },
  energy: { args: () => [{ power: 2, powerUnit: 'kW', time: 3, timeUnit: 'h', pue: 1.2 }], roots: [''], ok: (r) => r.kwh >= 0 && r.kwh >= r.deviceKwh },
  emission: {
    args: () => [{ activity: 10, activityUnit: 'km', factor: { ttw: 0.2, wtt: 0.05, name: 'van' } }],
    roots: [''], ok: (r) => r.kgCo2e >= 0,
  },
  emissionFromEnergy: {
    fn: 'emission', args: () => [{ energy: { power: 2, time: 3 }, factor: { kgPerUnit: 0.2 } }], roots: [''], ok: (r) => r.kgCo2e >= 0,
  },
  factors: { args: () => [{ 'diesel-van': { kgPerUnit: 0.3 }, 'petrol-car': { ttw: 0.1, wtt: 0.02 } }], roots: ['factors'], ok: (r) => r.length > 20 && r.every((f) => f.kgPerUnit >= 0) },
  comparisons: { args: () => [250, { 'petrol-car': { kgPerUnit: 0.17 } }], roots: ['grams', 'factors'], ok: (r) => r.grams >= 0 },
  packagingFootprint: { args: () => [structuredClone(packaging)], roots: [''], ok: (r) => r.gCo2e >= 0 },
  ewasteFootprint: { args: () => [{ items: [{ item: 'weee-small', massKg: 1, route: 'recycling' }] }], roots: [''], ok: (r) => r.gCo2e >= 0 },
  digitalFootprint: { args: () => [structuredClone(digital)], roots: [''], ok: (r) => r.gCo2e >= 0 && r.kwh >= 0 },
  orderFootprint: {
    args: () => [{ delivery: structuredClone(delivery), option: 'consolidated', packaging: structuredClone(packaging), digital: structuredClone(digital) }],
    roots: [''], ok: (r) => Math.abs(r.gCo2e - r.parts.reduce((s, p) => s + p.gCo2e, 0)) <= 1e-9 * Math.max(1, r.gCo2e),
  },
  digitalFactors: { args: () => [{ 'ccf-aws-pue': 1.2 }], roots: ['digitalFactors'], ok: (r) => r.length > 5 },
  // No argument: hostile extra arguments are ignored, and the table is the same every time.
  chainSettings: { args: () => [], roots: [], cost: 50, ok: (r) => r.length > 20 && r.every((row) => row.low <= row.central && row.central <= row.high) },
  consolidate: {
    args: () => [{ orders: structuredClone(orders), depot: { ...depot }, capacity: 5, seed: 1 }], roots: [''], cost: 8,
    ok: (r, [input]) => r.roundOf.length === r.orders && r.scenarios.every((s) => s.kgCo2e >= 0) && r.orders === (input.orders?.length ?? input.lat?.length),
  },
  consolidateColumns: {
    fn: 'consolidate', cost: 8,
    args: () => [{ lat: orders.map((o) => o.lat), lon: new Float64Array(orders.map((o) => o.lon)), parcels: orders.map((o) => o.parcels), depot: { ...depot }, geojson: true }],
    roots: [''], ok: (r) => r.roundOf.length === r.orders,
  },
  parseOrders: { args: () => [csv], roots: ['csv'], ok: (r) => r.orders.lat.length + r.errors.length >= 0 },
  // Importers read files: a bad feature is a row error in the result, not a throw (and an empty cell a default).
  ordersFromGeoJson: { args: () => [structuredClone(geojson)], roots: ['geojson'], importer: true, ok: (r) => r.orders.lat.length === r.orders.lon.length },
  ordersFromGeoJsonText: { fn: 'ordersFromGeoJson', args: () => [JSON.stringify(geojson)], roots: ['geojson'], ok: () => true },
  kmeans: {
    args: () => [new Float64Array(points), { k: 3, seed: 1, maxIter: 50, weights: [1, 1, 1, 2, 2, 2, 1, 1, 1] }], roots: ['points', ''], cost: 2,
    ok: (r) => r.labels.every((l) => l < r.centroids.length / r.dim),
  },
  predict: { args: () => [points.slice(), { centroids: [0, 0, 10, 10, 20, 0], dim: 2 }], roots: ['points', ''],
    ok: (r, [, model]) => r.every((l) => l < model.centroids.length / (model.dim ?? 2)),
  },
  elbow: { args: () => [points.slice(), { kMin: 1, kMax: 4, seed: 1 }], roots: ['points', ''], cost: 4, ok: (r) => r.inertia.every((v, i, a) => i === 0 || v <= a[i - 1] * (1 + 1e-9) + 1e-9) },
  silhouette: { args: () => [points.slice(), new Uint32Array(labels), { seed: 1 }], roots: ['points', 'labels', ''], ok: (r) => r >= -1 && r <= 1 },
  KMeansStepper: {
    args: () => [points.slice(), { k: 3, seed: 1 }], roots: ['points', ''], cost: 2,
    call: (api, args) => {
      const stepper = new api.KMeansStepper(...args);
      try {
        const step = stepper.step();
        return { step, centroids: stepper.centroids, labels: stepper.labels };
      } finally {
        stepper.free();
      }
    },
    ok: (r) => r.labels.length >= 1,
  },
};

// ---------- hostile values ----------

/** Each makes a fresh value (Proxies and getters must not be shared between calls). */
const HOSTILE = {
  text: () => '12', empty: () => '', true: () => true, emptyList: () => [], emptyObject: () => ({}),
  nan: () => NaN, inf: () => Infinity, negInf: () => -Infinity, negZero: () => -0, huge: () => 1e308,
  tiny: () => 5e-324, negative: () => -1, fraction: () => 2.5, bigInt: () => 10n, symbol: () => Symbol('x'),
  fn: () => () => 1, date: () => new Date(0), null: () => null, undefined: () => undefined,
  valueOf: () => ({ valueOf() { throw new Error('valueOf'); } }),
  getter: () => Object.defineProperty({}, 'lat', { enumerable: true, get() { throw new Error('getter'); } }),
  proxy: () => new Proxy({}, { ownKeys() { throw new Error('ownKeys'); } }),
  revoked: () => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; },
  arrayProxy: () => new Proxy([1, 2], { get(t, k) { if (k === 'length') throw new Error('length'); return t[k]; } }),
  deep: () => { let v = 1; for (let i = 0; i < 40; i++) v = [v]; return v; },
  deeper: () => { let v = {}; for (let i = 0; i < 5000; i++) v = { a: v }; return v; },
  hugeArray: () => { const a = []; a.length = 2 ** 26; return a; },
  bigInts: () => new BigInt64Array(2),
  dataView: () => new DataView(new ArrayBuffer(8)),
  numbersWithBigInt: () => [1, 2n, 3],
  longText: () => 'x'.repeat(1000),
};
const HOSTILE_NAMES = Object.keys(HOSTILE);
/** Hostile values that are never a valid number (null and undefined may mean "use the default"). */
const NEVER_NUMBERS = new Set(['text', 'empty', 'true', 'emptyList', 'emptyObject', 'bigInt', 'symbol', 'fn', 'date', 'valueOf', 'getter', 'proxy', 'revoked', 'deep', 'hugeArray', 'numbersWithBigInt']);

/** Every path to a value in `args` (arrays of more than 4 items: the first two and the last). */
function paths(value, at = []) {
  const out = [at];
  if (value && typeof value === 'object') {
    if (ArrayBuffer.isView(value)) return out;
    const keys = Object.keys(value);
    const chosen = Array.isArray(value) && keys.length > 4 ? [keys[0], keys[1], keys.at(-1)] : keys;
    for (const k of chosen) out.push(...paths(value[k], [...at, Array.isArray(value) ? Number(k) : k]));
  }
  return out;
}

function fieldOf(roots, path) {
  let text = roots[path[0]];
  for (const part of path.slice(1)) text += typeof part === 'number' ? `[${part}]` : text === '' ? part : `.${part}`;
  return text;
}

function getAt(root, path) {
  return path.reduce((v, k) => (v == null ? undefined : v[k]), root);
}

/** Applies one mutation at `path` of the argument list; returns what the error's field must then be, if known. */
function mutate(args, roots, path, { kind, hostile, number, anything }) {
  const parent = getAt(args, path.slice(0, -1));
  const key = path.at(-1);
  const holder = path.length === 1 ? args : parent;
  if (holder == null || typeof holder !== 'object' || ArrayBuffer.isView(holder)) return null;
  const old = holder[key];
  switch (kind) {
    case 'value':
      holder[key] = HOSTILE[hostile]();
      // A number replaced by something that is never a number must be refused, naming this very place.
      return typeof old === 'number' && NEVER_NUMBERS.has(hostile) && path.length > 1 ? fieldOf(roots, path) : null;
    case 'number':
      holder[key] = number;
      return null;
    case 'anything':
      holder[key] = anything;
      return null;
    case 'remove':
      if (Array.isArray(holder) && typeof key === 'number' && holder.length < 1000) holder.splice(key, 1);
      else delete holder[key];
      return null;
    case 'extra':
      if (old && typeof old === 'object' && !Array.isArray(old) && !ArrayBuffer.isView(old)) {
        old.notAField = 1;
        return null;
      }
      return null;
    case 'misspell':
      if (!Array.isArray(holder) && typeof key === 'string') {
        delete holder[key];
        holder[`${key}x`] = old;
      }
      return null;
    default:
      return null;
  }
}

const mutationArb = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('value', 'value', 'value', 'number', 'anything', 'remove', 'extra', 'misspell'),
  anything: fc.anything({ maxDepth: 3, withBigInt: true, withTypedArray: true, withDate: true, withMap: true, withSparseArray: true }),
  hostile: fc.constantFrom(...HOSTILE_NAMES),
  number: fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, -1, 2.5, 1e308, -1e308, 5e-324, 2 ** 32, 2 ** 53, NaN, Infinity)),
});

// ---------- checks ----------

/** The path of a number in `value` that is not finite, or null. */
function nonFinite(value, path = '') {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path || '(result)';
  if (value === null || typeof value !== 'object') return null;
  if (ArrayBuffer.isView(value)) {
    const i = Array.prototype.findIndex.call(value, (x) => typeof x === 'number' && !Number.isFinite(x));
    return i >= 0 ? `${path}[${i}]` : null;
  }
  for (const [k, v] of Object.entries(value)) {
    const found = nonFinite(v, `${path}.${k}`);
    if (found) return found;
  }
  return null;
}

/** A result as JSON text that keeps typed arrays and -0, for bit-identical comparisons. */
function fingerprint(value) {
  return JSON.stringify(value, (_, v) => (ArrayBuffer.isView(v) ? [v.constructor.name, ...v] : Object.is(v, -0) ? '-0' : v));
}

function call(api, spec, name, args) {
  return spec.call ? spec.call(api, args) : api[spec.fn ?? name](...args);
}

async function fuzzPackage(t, dir, exportsTable, casesPerExport) {
  const api = await load(dir);
  const reference = {};
  for (const [name, spec] of Object.entries(exportsTable)) reference[name] = fingerprint(call(api, spec, name, spec.args()));
  // The widget's package has deliveryOptions alone (about 2 ms a call); the page's the much quicker efficiency.
  const canary = () =>
    fingerprint(api.efficiency ? api.efficiency({ output: 120, input: 48 }) : api.deliveryOptions({ shopper: { lat: 51.52, lon: -0.08 } }));
  const canaryReference = canary();
  const counts = {};
  for (const [name, spec] of Object.entries(exportsTable)) {
    const outcome = { cases: 0, ok: 0, errors: {}, ms: performance.now() };
    const allPaths = paths(spec.args());
    const runs = Math.max(1, Math.round((casesPerExport * SCALE) / (spec.cost ?? 1)));
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), (mutations) => {
        const args = spec.args();
        const expectFields = [];
        for (const m of mutations) {
          let field = null;
          try {
            field = mutate(args, spec.roots, allPaths[m.at % allPaths.length], m);
          } catch {
            // An earlier mutation put a Proxy or getter on this path: this one cannot be applied.
          }
          // Only a single mutation is sure to survive: a later one may overwrite or remove the same place.
          if (field !== null && mutations.length === 1 && !spec.importer) expectFields.push(field);
        }
        outcome.cases += 1;
        let result;
        try {
          result = call(api, spec, name, args);
        } catch (err) {
          assert.ok(!(err instanceof WebAssembly.RuntimeError), `${name}: the module trapped: ${err}`);
          assert.ok(api.isGreenDeliveryError(err), `${name}: threw something other than GreenDeliveryError: ${err}`);
          assert.equal(err.name, 'GreenDeliveryError');
          assert.ok(CODES.has(err.code), `${name}: unknown code ${err.code}`);
          assert.equal(typeof err.field, 'string');
          assert.ok(typeof err.message === 'string' && err.message.length > 0);
          // With one mutation that puts a non-number where a number was, the error names that place (or a
          // part of it, e.g. the parent object read by a getter).
          if (expectFields.length === 1) {
            assert.ok(
              err.field === expectFields[0] || err.field.startsWith(expectFields[0]) || expectFields[0].startsWith(err.field) && err.field !== '',
              `${name}: error names ${JSON.stringify(err.field)} (${err.code}), expected ${expectFields[0]}`,
            );
          }
          outcome.errors[err.code] = (outcome.errors[err.code] ?? 0) + 1;
          assert.equal(canary(), canaryReference, `${name}: the instance answers differently after an error`);
          return;
        }
        assert.equal(expectFields.length, 0, `${name}: accepted a non-number at ${expectFields[0]}`);
        const bad = nonFinite(result);
        assert.equal(bad, null, `${name}: returned a number that is not finite at ${bad}`);
        assert.ok(spec.ok(result, args), `${name}: result breaks its invariant`);
        outcome.ok += 1;
      }),
      { seed: SEED, numRuns: runs, endOnFailure: true, includeErrorInReport: true },
    );
    outcome.ms = Math.round(performance.now() - outcome.ms);
    counts[name] = outcome;
  }
  // After everything, every known-good call answers exactly as before.
  for (const [name, spec] of Object.entries(exportsTable)) {
    assert.equal(fingerprint(call(api, spec, name, spec.args())), reference[name], `${name} changed after the fuzzing`);
  }
  const total = Object.values(counts).reduce((s, c) => s + c.cases, 0);
  t.diagnostic(`${dir}: ${total} cases`);
  for (const [name, c] of Object.entries(counts)) {
    t.diagnostic(`  ${name}: ${c.cases} cases in ${c.ms} ms, ${c.ok} ok, errors ${JSON.stringify(c.errors)}`);
  }
  return total;
}

test('the page package: every export, hostile arguments, the instance keeps working', async (t) => {
  const total = await fuzzPackage(t, 'pkg', FULL_EXPORTS, 8000);
  assert.ok(total >= 100000 * SCALE, `only ${total} cases`);
});

test('the widget package: every export, hostile arguments, the instance keeps working', async (t) => {
  await fuzzPackage(t, 'widget-pkg', WIDGET_EXPORTS, 6000);
});

// ---------- deliveryOptions' settings and area ----------

/** Every setting id the strings module words (the SettingId union). */
const SETTING_IDS = Object.keys(SETTING_NAMES);
const AREAS = ['urban', 'suburban', 'rural'];
/** The countries with defaults of their own (CountryCode). */
const COUNTRIES = ['GB', 'CN', 'US', 'JP', 'DE', 'FR'];
const goodCountry = (c) => c == null || (typeof c === 'string' && /^[A-Za-z]{2}$/.test(c));

const settingsCaseArb = fc.record({
  settings: fc.dictionary(
    fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...SETTING_IDS) }, { weight: 1, arbitrary: fc.constantFrom('pickup.kms', 'round', 'Round.km', '', 'failures') }),
    fc.oneof(
      { weight: 12, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) },
      { weight: 4, arbitrary: fc.double({ min: 1, max: 500, noNaN: true }) },
      { weight: 1, arbitrary: fc.constantFrom(0, -0, 1, 1e308, -1, 5e-324, NaN, Infinity, 100_001) },
      { weight: 1, arbitrary: fc.constantFrom('2', null, true, [], {}) },
    ),
    { maxKeys: 5 },
  ),
  area: fc.option(fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...AREAS) }, { weight: 1, arbitrary: fc.constantFrom('moon', '', 'URBAN') }), { nil: undefined }),
  weightKg: fc.option(fc.oneof(fc.double({ min: 0, max: 60, noNaN: true }), fc.constantFrom(-1, 1e9, NaN)), { nil: undefined }),
  withDepot: fc.boolean(),
  country: fc.option(
    fc.oneof(
      { weight: 8, arbitrary: fc.constantFrom(...COUNTRIES, 'cn', 'de', 'BR', 'zz') },
      { weight: 1, arbitrary: fc.constantFrom('GBR', '', 'G', '1A', '中国', 'g ', 5, null, true, {}) },
    ),
    { nil: undefined },
  ),
});

for (const dir of ['pkg', 'widget-pkg']) {
  test(`${dir}: deliveryOptions with random settings by id, areas and weights: valid results or errors that name the field`, async (t) => {
    const api = await load(dir);
    const good = () => fingerprint(api.deliveryOptions({ shopper: { lat: 51.52, lon: -0.08 } }));
    const reference = good();
    const outcome = { ok: 0, errors: {} };
    fc.assert(
      fc.property(settingsCaseArb, ({ settings, area, weightKg, withDepot, country }) => {
        const input = { shopper: { lat: 51.52, lon: -0.08 }, settings };
        if (withDepot) input.depot = depot;
        if (country !== undefined) input.country = country;
        if (area !== undefined) input.area = area;
        if (weightKg !== undefined) input.weightKg = weightKg;
        let r;
        try {
          r = api.deliveryOptions(input);
        } catch (err) {
          assert.ok(api.isGreenDeliveryError(err), `threw something other than GreenDeliveryError: ${err}`);
          assert.ok(CODES.has(err.code), err.code);
          // The error names a setting given, the area or the weight.
          // (A value that is not a number is refused while the map is read, naming the whole map.)
          const fields = [...Object.keys(settings).map((id) => `settings.${id}`), 'area', 'weightKg', 'country'];
          if (Object.values(settings).some((v) => typeof v !== 'number')) fields.push('settings');
          assert.ok(fields.includes(err.field), `${err.code} names ${JSON.stringify(err.field)}, expected one of ${fields.join(', ')}`);
          if (err.field === 'area') assert.ok(!AREAS.includes(area));
          if (err.field === 'country') assert.ok(!goodCountry(country), `${JSON.stringify(country)} refused`);
          outcome.errors[err.code] = (outcome.errors[err.code] ?? 0) + 1;
          assert.equal(good(), reference, 'the instance answers differently after an error');
          return;
        }
        outcome.ok += 1;
        assert.ok(goodCountry(country), `${JSON.stringify(country)} accepted`);
        const code = (country ?? 'GB').toUpperCase();
        assert.equal(r.variants.country, code);
        assert.equal(r.variants.countryProxy, !COUNTRIES.includes(code));
        // Each default names whose value it is, flagged when it is not the country asked for.
        for (const u of r.settings) {
          if (u.source === 'input') assert.equal(u.country, null, u.id);
          if (u.country !== null) assert.equal(u.proxy, u.country !== code, `${u.id}: ${u.country} for ${code}`);
        }
        assert.equal(nonFinite(r), null, `a number that is not finite at ${nonFinite(r)}`);
        assert.equal(r.variants.area, area ?? 'suburban');
        assert.equal(r.variants.lineHaul, withDepot ? 'depot' : 'typical');
        assert.equal(r.variants.bikeable, weightKg === undefined ? 'share' : 'weight');
        assert.deepEqual(r.options.map((o) => o.id), Object.keys(OPTION_LABELS), 'every option the strings module names, in order');
        for (const o of r.options) {
          assert.ok(o.gCo2e >= 0 && o.range.low <= o.gCo2e * (1 + 1e-9) && o.gCo2e <= o.range.high * (1 + 1e-9), `${o.id} within its range`);
          assert.ok(o.range.coverage > 0 && o.range.coverage < 1);
          // A saving headlined only when its whole interval is on one side of zero.
          if (o.savingClear) assert.ok(o.savingRange.low > 0 || o.savingRange.high < 0, `${o.id}: clear saving ${JSON.stringify(o.savingRange)}`);
          assert.ok(o.legs.every((l) => ['line-haul', 'hub', 'delivery-round', 'redelivery', 'customer-trip'].includes(l.element)), o.id);
        }
        // Every setting given is reported as the caller's, at the value given (+0 for -0); every one reported has words.
        for (const [id, value] of Object.entries(settings)) {
          const used = r.settings.find((u) => u.id === id);
          assert.ok(used && used.source === 'input' && used.value === value + 0, `${id} reported as given`);
        }
        for (const u of r.settings) assert.ok(SETTING_SENTENCES[u.id], `no sentence for setting ${u.id}`);
      }),
      { seed: SEED, numRuns: Math.round(1500 * SCALE), endOnFailure: true, includeErrorInReport: true },
    );
    t.diagnostic(`${dir}: ${outcome.ok} ok, errors ${JSON.stringify(outcome.errors)}`);
    assert.ok(outcome.ok > 250, `only ${outcome.ok} valid cases`);
  });
}

/** `fails(f, code, field)`: f throws that GreenDeliveryError, and a known-good call still answers as before. */
function checks(api) {
  // The widget's package has no efficiency: its good call is a delivery's figures.
  const good = () =>
    api.efficiency ? api.efficiency({ output: 120, input: 48 }).value : fingerprint(api.deliveryOptions({ shopper: { lat: 51.52, lon: -0.08 } }));
  const reference = good();
  const fails = (f, code, field) => {
    assert.throws(f, (err) => api.isGreenDeliveryError(err) && err.code === code && (field === undefined || err.field === field),
      `expected ${code} on ${field}`);
    assert.equal(good(), reference);
  };
  return { good, fails };
}

test('regressions from issue 11, each followed by a good call', async () => {
  const api = await load('pkg');
  const { good, fails } = checks(api);
  for (let i = 0; i < 800; i++) {
    try { api.consolidate({ lat: [1n], lon: [0], depot }); } catch { /* counted below */ }
  }
  assert.equal(good(), 2.5);
  fails(() => api.consolidate({ lat: [1n], lon: [0], depot }), 'wrong-type', 'lat[0]');
  fails(() => api.kmeans([1, Symbol('s')], { k: 1 }), 'wrong-type', 'points[1]');
  fails(() => api.kmeans([1, { valueOf() { throw new Error(); } }], { k: 1 }), 'wrong-type', 'points[1]');
  fails(() => api.deliveryOptions(new Proxy({}, { ownKeys() { throw new Error(); } })), 'unreadable', '');
  fails(() => api.factors([null]), 'wrong-type', 'factors');
  fails(() => api.parseOrders(42), 'wrong-type', 'csv');
  fails(() => api.silhouette([0, 0, 1, 1], [0, -1]), 'out-of-range', 'labels[1]');
  fails(() => api.silhouette([0, 0, 1, 1], new Uint32Array([0, 2 ** 32 - 1])), 'out-of-range', 'labels[1]');
  fails(() => api.kmeans(new Array(2 ** 28), { k: 1 }), 'too-large', 'points');
  fails(() => api.efficiency({ output: 1e308, input: 5e-324 }), 'overflow', 'input');
  fails(() => api.comparisons(1e308), 'overflow', 'grams');
  fails(() => api.comparisons('250'), 'wrong-type', 'grams');
  fails(() => api.factors({ 'diesel-van': { kgPerUnit: 1e308 } }), 'out-of-range', 'factors.diesel-van.kgPerUnit');
  fails(() => api.consolidate({ lat: [51.5, 51.6], lon: [0, 0], depot, settings: { roadFactor: 1e308 } }), 'out-of-range', 'settings.roadFactor');
  fails(() => api.consolidate({ lat: [51.5, 51.6], lon: [0, 0], depot, roadFactor: 1.3 }), 'unknown-field', 'roadFactor');
  fails(() => api.deliveryOptions({ shopper: depot, pickupKm: 2 }), 'unknown-field', 'pickupKm');
  fails(() => api.deliveryOptions({ shopper: depot, settings: { 'pickup.km': -1 } }), 'out-of-range', 'settings.pickup.km');
  fails(() => api.deliveryOptions({ shopper: depot, area: 'moon' }), 'unknown-value', 'area');
  fails(() => api.consolidate({ lat: [null], lon: [null], depot }), 'wrong-type', 'lat[0]');
  fails(() => api.consolidate({ lat: ['51'], lon: [true], depot }), 'wrong-type', 'lat[0]');
  fails(() => api.kmeans([0, 0, 1, 1], { k: 1, dim: 2.5 }), 'not-integer', 'dim');
  fails(() => api.predict([51.5, 0], { centroids: [51.5, 0], metric: 'geo', origin: [NaN, 0] }), 'not-finite');
  fails(() => api.kmeans(new Float64Array(200), { k: 2, nInit: 1e9 }), 'too-much-work', 'nInit');
  fails(() => api.elbow(new Float64Array(200), { kMin: 1, kMax: 20000 }), 'too-much-work', 'kMax');
  fails(() => api.silhouette(new Float64Array(4e5), new Uint32Array(2e5), { sampleSize: 2e5 }), 'too-much-work', 'sampleSize');
  fails(() => api.energy({ power: 1, time: 1, pu: 1.2 }), 'unknown-field', 'pu');
  fails(() => api.emission({ activity: 1, factor: { kgPerUnit: 1, typo: 2 } }), 'unknown-field', 'factor.typo');
  let deep = 1;
  for (let i = 0; i < 20000; i++) deep = [deep];
  const text = `{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[0,51]},"properties":{"parcels":${'['.repeat(20000)}1${']'.repeat(20000)}}}]}`;
  for (let i = 0; i < 5; i++) fails(() => api.ordersFromGeoJson(text), 'too-deep');
  fails(() => api.consolidate({ orders: [{ lat: 51.5, lon: 0, parcels: deep }], depot }), 'too-deep');

  // Many orders at one address: capacity decides the rounds.
  const same = api.consolidate({ lat: Array(101).fill(51.5), lon: Array(101).fill(0), depot, capacity: 100 });
  assert.equal(same.scenarios.find((s) => s.id === 'consolidated').trips, 2);
  assert.ok(Number.isFinite(same.scenarios.find((s) => s.id === 'consolidated').savingPercent ?? 0));

  // Importers: decimal commas, CR-only lines, empty rows, per-feature GeoJSON errors.
  const decimalComma = api.parseOrders('lat,lon\n51,52,-0,12\n');
  assert.equal(decimalComma.orders.lat.length, 0);
  assert.match(decimalComma.errors[0].message, /decimal comma/);
  assert.deepEqual([...api.parseOrders('lat;lon\n51,52;-0,12\n').orders.lat], [51.52]);
  assert.equal(api.parseOrders('lat,lon\r51.5,0\rx,0\r').errors[0].line, 3);
  assert.equal(api.parseOrders('lat,lon\n51.5,0\n,\n').errors[0].message, 'empty row');
  const features = api.ordersFromGeoJson({ type: 'FeatureCollection', features: [null, geojson.features[0], { type: 'Feature', properties: 'x', geometry: geojson.features[0].geometry }] });
  assert.deepEqual(features.errors.map((e) => e.feature), [0, 2]);
  assert.equal(features.orders.lat.length, 1);
});

test('issue 21: work limits, order counts and the boundary contract, each followed by a good call', async () => {
  const api = await load('pkg');
  const { good, fails } = checks(api);
  // Work counts dim and iterations: refused up front, or stopped while running, naming the option to change.
  fails(() => api.predict(new Float64Array(1e5), { centroids: new Float64Array(1e5), dim: 1 }), 'too-much-work', 'points');
  fails(() => api.kmeans(new Float64Array(2048 * 1024), { k: 512, dim: 1024, nInit: 4 }), 'too-much-work', 'nInit');
  fails(() => api.silhouette(new Float64Array(20000 * 25), new Uint32Array(20000).map((_, i) => i % 2), { dim: 25, sampleSize: 20000 }),
    'too-much-work', 'sampleSize');
  fails(() => api.elbow(new Float64Array(1e5 * 32), { kMin: 1, kMax: 50, dim: 32 }), 'too-much-work', 'kMax');
  // More orders than one call takes: named by their count, not blamed on capacity.
  const many = 1_000_001;
  fails(() => api.consolidate({ lat: new Float64Array(many).fill(51.5), lon: new Float64Array(many), depot, capacity: 100 }),
    'too-large', 'orders');
  fails(() => api.parseOrders(`lat,lon\n${'x\n'.repeat(many)}`), 'too-large', 'csv');
  // Field names are the caller's own: camelCase in objects, the column and its index for columns.
  fails(() => api.consolidate({ orders: [{ lat: 51.5, lon: 0 }, { lat: 51.5, lon: 0, weightKg: -1 }], depot }), 'out-of-range', 'orders[1].weightKg');
  fails(() => api.consolidate({ lat: [51.5, 51.5], lon: [0, 0], weightKg: [1, 2e6], depot }), 'out-of-range', 'weightKg[1]');
  fails(() => api.consolidate({ lat: [51.5, 95], lon: [0, 0], depot }), 'out-of-range', 'lat[1]');
  fails(() => api.consolidate({ orders: [{ lat: 51.5, lon: 0, weightKg: NaN }], depot }), 'not-finite', 'orders[0].weightKg');
  // Ids: text, or finite numbers written as String(n) writes them.
  for (const bad of [Infinity, NaN, -Infinity, true, [1]]) {
    fails(() => api.consolidate({ orders: [{ lat: 51.5, lon: 0, id: bad }], depot }), 'wrong-type', 'orders[0].id');
    fails(() => api.consolidate({ lat: [51.5], lon: [0], ids: [bad], depot }), 'wrong-type', 'ids[0]');
  }
  const ids = [7, 0.1 + 0.2, 1e21, 1e-7, -0, 'A-1'];
  const withIds = api.consolidate({ orders: ids.map((id) => ({ lat: 51.5, lon: 0, id })), depot, geojson: true });
  const written = withIds.geojson.features.filter((f) => f.geometry.type === 'Point' && f.properties.id !== undefined).map((f) => f.properties.id);
  for (const id of ids) assert.ok(written.includes(String(id)), `${String(id)} in ${written}`);
  // A GeoJSON feature must say it is one.
  const point = { type: 'Point', coordinates: [0, 51.5] };
  const read = api.ordersFromGeoJson({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: point }, { type: 'Nope', geometry: point }, { geometry: point }] });
  assert.deepEqual([read.orders.lat.length, read.errors.map((e) => e.feature)], [1, [1, 2]]);
  // An unknown vehicle or grid lists the ids of its kind only.
  for (const [input, field, kind] of [[{ vehicle: 'rocket' }, 'vehicle', 'e-cargo-bike'], [{ grid: 'moon' }, 'grid', 'grid-fr']]) {
    let err;
    try { api.consolidate({ lat: [51.5], lon: [0], depot, ...input }); } catch (e) { err = e; }
    assert.equal(err.field, field);
    assert.ok(err.message.includes(kind), err.message);
    assert.ok(!err.message.includes('board-landfill') && !err.message.includes('battery'), err.message);
  }
  // No result holds -0.
  const negative = (v) => (typeof v === 'number' ? Object.is(v, -0) : v && typeof v === 'object' && Object.values(v).some(negative));
  const plain = api.consolidate({ lat: [51.5, 51.6], lon: [-0, -0], weightKg: [NaN, NaN], depot: { lat: 51.5, lon: -0 } });
  assert.ok(!negative(plain) && !negative(Array.from(plain.orders?.lat ?? [])));
  assert.equal(Object.is(api.parseOrders('lat,lon\n-0,-0\n').orders.lat[0], -0), false);
  assert.ok(!negative(api.deliveryOptions({ shopper: { lat: -0, lon: -0 }, depot: { lat: -0, lon: -0 }, settings: { 'round.km': -0, 'round.stemKm': -0, 'pickup.km': -0 } })));
  // A weight left blank in a file is null in parseOrders' columns (a result holds no NaN), and they consolidate.
  const weighed = api.parseOrders('lat,lon,weight_kg\n51.5,0,2.5\n51.6,0,\n');
  assert.deepEqual(weighed.orders.weightKg, [2.5, null]);
  assert.equal(api.consolidate({ ...weighed.orders, depot }).weightKg, 2.5);
  fails(() => api.consolidate({ lat: [51.5], lon: [0], weightKg: ['2'], depot }), 'wrong-type', 'weightKg[0]');
  // A cell is echoed short and without control characters.
  const echoed = api.parseOrders(`lat,lon\n\x1b]0;X\x07\x1b[2J,0\n${'z'.repeat(1e6)},0\n`).errors.map((e) => e.message);
  assert.ok(!/[\x00-\x1f]/.test(echoed[0]), echoed[0]);
  assert.ok(echoed[1].length < 100, echoed[1].length);
});

test('issue 20: country and road reach, errors naming the field, each followed by a good call', async () => {
  for (const dir of ['pkg', 'widget-pkg']) {
    const api = await load(dir);
    const { fails } = checks(api);
    const beijing = { lat: 39.9042, lon: 116.4074 };
    for (const bad of ['CHN', '', 'c', '1A', 86, ['CN']]) {
      fails(() => api.deliveryOptions({ shopper: beijing, country: bad }), typeof bad === 'string' ? 'invalid' : 'wrong-type', 'country');
    }
    // A London depot cannot reach a Beijing shopper by road.
    fails(() => api.deliveryOptions({ shopper: beijing, depot: { lat: 51.53, lon: -0.1 }, country: 'CN' }), 'out-of-range', 'shopper');
    const r = api.deliveryOptions({ shopper: beijing, depot: { lat: 39.95, lon: 116.3 }, country: 'cn' });
    assert.equal(r.variants.country, 'CN');
    assert.equal(r.settings.find((s) => s.id === 'grid.uplift').country, 'CN');
  }
});
