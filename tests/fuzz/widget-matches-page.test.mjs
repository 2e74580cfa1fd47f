// The widget's package (www/widget-pkg, built without the `full` feature and trimmed for size) must give exactly
// the page's (www/pkg) delivery estimates: the same result, deep-equal to the last bit (-0 apart from 0), or the
// same error (code, field and message), over many fixed-seed inputs: countries, places, options, vehicles, grids,
// factor overrides and settings.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { SETTING_NAMES, OPTION_LABELS } from '../../www/strings/en-GB/chain.js';

const SEED = 20261206;
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

async function load(dir) {
  const base = new URL(`../../www/${dir}/`, import.meta.url);
  const api = await import(new URL('green_delivery.js', base).href);
  api.initSync({ module: readFileSync(new URL('green_delivery_bg.wasm', base)) });
  return api;
}

/** A city in each covered country, and one outside them (proxy defaults). */
const PLACES = {
  GB: [51.5072, -0.1276], CN: [39.9042, 116.4074], US: [40.7128, -74.006], JP: [35.6762, 139.6503],
  DE: [52.52, 13.405], FR: [48.8566, 2.3522], BR: [-23.5505, -46.6333],
};
const SETTING_IDS = Object.keys(SETTING_NAMES);
const OPTION_IDS = Object.keys(OPTION_LABELS);

const inputArb = fc.record(
  {
    country: fc.constantFrom(...Object.keys(PLACES)),
    lowerCase: fc.boolean(),
    shopperOffset: fc.tuple(fc.double({ min: -0.5, max: 0.5, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true })),
    // Mostly near the shopper; now and then far (a long line-haul) or too far for a road.
    depotOffset: fc.option(fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -60, max: 60, noNaN: true })), { nil: undefined }),
    area: fc.constantFrom('urban', 'suburban', 'rural'),
    weightKg: fc.double({ min: 0.05, max: 40, noNaN: true }),
    vehicle: fc.constantFrom('diesel-van', 'petrol-van', 'electric-van'),
    car: fc.constantFrom('petrol-car', 'diesel-car', 'electric-car'),
    grid: fc.oneof(
      fc.constantFrom('uk-grid-2025', 'grid-fr', 'grid-de', 'grid-cn', 'grid-world', 'diesel-van'),
      fc.double({ min: 0, max: 1.2, noNaN: true }),
    ),
    factors: fc.dictionary(
      fc.constantFrom('diesel-van', 'petrol-car', 'electric-van', 'hgv-artic', 'diesel-fuel', 'uk-grid-2025', 'e-cargo-bike'),
      fc.oneof(
        fc.record({ kgPerUnit: fc.double({ min: 0, max: 2, noNaN: true }) }),
        fc.record({ ttw: fc.double({ min: 0, max: 1, noNaN: true }), wtt: fc.double({ min: 0, max: 0.3, noNaN: true }) }),
      ),
      { maxKeys: 2 },
    ),
    settings: fc.dictionary(
      fc.constantFrom(...SETTING_IDS),
      fc.oneof({ weight: 4, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }) }, { weight: 2, arbitrary: fc.double({ min: 1, max: 200, noNaN: true }) }),
      { maxKeys: 4 },
    ),
    baseline: fc.constantFrom(...OPTION_IDS),
  },
  { requiredKeys: ['country', 'shopperOffset', 'lowerCase'] },
);

function toInput(c) {
  const [lat, lon] = PLACES[c.country];
  const shopper = { lat: lat + c.shopperOffset[0], lon: lon + c.shopperOffset[1] };
  const input = { shopper, country: c.lowerCase ? c.country.toLowerCase() : c.country };
  if (c.depotOffset) input.depot = { lat: Math.max(-90, Math.min(90, shopper.lat + c.depotOffset[0])), lon: shopper.lon + c.depotOffset[1] };
  for (const key of ['area', 'weightKg', 'vehicle', 'car', 'factors', 'settings', 'baseline']) if (c[key] !== undefined) input[key] = c[key];
  if (typeof c.grid === 'number') input.gridKgPerKwh = c.grid;
  else if (c.grid !== undefined) input.grid = c.grid;
  return input;
}

/** The result, or the error as { code, field, message } (anything else thrown fails the test). */
function outcome(api, input) {
  try {
    return { result: api.deliveryOptions(structuredClone(input)) };
  } catch (err) {
    assert.ok(api.isGreenDeliveryError(err), `threw something other than GreenDeliveryError: ${err}`);
    return { error: { code: err.code, field: err.field, message: err.message } };
  }
}

test('the widget package gives the page package’s deliveryOptions, bit for bit, and the same errors', async (t) => {
  const [page, widget] = [await load('pkg'), await load('widget-pkg')];
  const seen = { ok: 0, errors: 0, countries: new Set(), optionsOk: new Set() };
  fc.assert(
    fc.property(inputArb, (c) => {
      const input = toInput(c);
      const expected = outcome(page, input);
      // deepStrictEqual compares numbers with Object.is: -0 is not 0, and NaN equals NaN.
      assert.deepStrictEqual(outcome(widget, input), expected, JSON.stringify(input));
      if (expected.result) {
        seen.ok += 1;
        seen.countries.add(expected.result.variants.country);
        for (const o of expected.result.options) seen.optionsOk.add(o.id);
      } else {
        seen.errors += 1;
      }
    }),
    { seed: SEED, numRuns: Math.round(400 * SCALE), endOnFailure: true, includeErrorInReport: true },
  );
  t.diagnostic(`${seen.ok} results and ${seen.errors} errors identical; countries ${[...seen.countries].join(', ')}`);
  // The comparison must cover real results in every country and every option, not only errors.
  assert.ok(seen.ok >= 100 * SCALE, `only ${seen.ok} valid cases`);
  assert.deepEqual([...seen.countries].sort(), Object.keys(PLACES).sort());
  assert.deepEqual([...seen.optionsOk].sort(), [...OPTION_IDS].sort());
});

test('the widget package exports deliveryOptions and the error test, and nothing of the page’s', async () => {
  const widget = await load('widget-pkg');
  assert.equal(typeof widget.deliveryOptions, 'function');
  assert.equal(typeof widget.isGreenDeliveryError, 'function');
  for (const name of ['consolidate', 'kmeans', 'factors', 'comparisons', 'efficiency', 'orderFootprint']) assert.equal(widget[name], undefined, name);
});
