// Runs the merchant's analysis off the main thread, so the page stays responsive on 100k+ orders.
// Messages in:  { type: 'run', id, file: { name, text }, settings }   or   { type: 'export-geojson' }
// Messages out (each run's carry the `id` of the run they answer, even when a later run has started meanwhile, so
// that the page can drop a superseded run's answers, errors included; a result says `overridesIgnored` when the
// saved overrides had to be left out):
//   { type: 'progress', value, step, values } (what it is doing as an id, worded by the page in its language:
//   www/strings/<lang>/merchant.js, PROGRESS) · { type: 'parsed', count, errors, errorCount } · { type: 'no-orders', errorCount }
//   { type: 'result', … } · { type: 'geojson', text }
//   { type: 'need-depot' }: the file is read, but no depot was given, so nothing is priced (the page asks for it)
//   { type: 'load-failed', message }: the calculator (the .wasm) could not load; a later run tries again
//   { type: 'error', message, code, field, name }: the package's error, for the view to put in plain words
// Every run answers with 'result', 'no-orders', 'need-depot', 'load-failed' or 'error'. After an error the page replaces this
// worker: a wasm instance that has failed part-way (a stack overflow, say) is not used again.
import { loadGreenDelivery } from './wasm.js';
import { readOrderFile } from './order-columns.js';

let lastGeojson = null;
let lastRunId = 0; // the latest run asked for: only for errors that escape without saying whose they are

/** Round LineStrings as one flat [lon, lat, …] array with start offsets: cheap to transfer and to draw. */
function flattenRounds(geojson) {
  const rounds = geojson.features.filter((f) => f.properties.kind === 'round');
  const offsets = new Uint32Array(rounds.length + 1);
  let length = 0;
  rounds.forEach((f, i) => {
    offsets[i] = length;
    length += f.geometry.coordinates.length * 2;
  });
  offsets[rounds.length] = length;
  const coords = new Float64Array(length);
  rounds.forEach((f, i) => coords.set(f.geometry.coordinates.flat(), offsets[i]));
  return { coords, offsets };
}

async function run({ id, file, settings }) {
  const progress = (value, step, values = {}) => postMessage({ type: 'progress', id, value, step, values });
  progress(0.05, 'loading');
  let api;
  try {
    api = await loadGreenDelivery();
  } catch (err) {
    postMessage({ type: 'load-failed', id, message: String(err?.message ?? err) });
    return;
  }
  progress(0.15, 'reading', { name: file.name });
  const isGeojson = /\.(geo)?json$/i.test(file.name) || file.text.trimStart().startsWith('{');
  let parsed;
  if (isGeojson) parsed = { ...api.ordersFromGeoJson(file.text), mapping: null };
  else {
    // A shop's own export (postcodes, line items, …) is mapped to the plain CSV parseOrders reads; its errors keep
    // the file's own line numbers (www/order-columns.js, which the command line shares).
    parsed = await readOrderFile(file.text, api.parseOrders, {
      columns: settings.columns ?? null,
      country: settings.country,
      onLocate: () => progress(0.2, 'locating', { name: file.name }),
    });
  }
  const { orders, errors, mapping } = parsed;
  postMessage({ type: 'parsed', id, count: orders.lat.length, parcels: orders.parcels.reduce((a, b) => a + b, 0),
    errors: errors.slice(0, 100), errorCount: errors.length, mapping });
  if (orders.lat.length === 0) {
    postMessage({ type: 'no-orders', id, errorCount: errors.length });
    return;
  }
  // A merchant's orders are never priced from a depot the merchant did not give: the file is read and counted, and
  // the page asks for the depot.
  if (!settings.depot) {
    postMessage({ type: 'need-depot', id });
    return;
  }
  const planning = { orders: orders.lat.length };
  progress(0.35, 'planning', planning);
  const phases = { vans: 'planning', pickup: 'pickup', bikes: 'bikes', pricing: 'pricing', done: 'pricing' };
  // The planner reports a few hundred times at most; the bar moves from 0.35 to 0.9 with it.
  const onProgress = (p) => progress(0.35 + 0.55 * p.fraction, phases[p.phase] ?? 'planning', planning);
  const consolidate = (factors) => {
    const r = api.consolidate({
      lat: orders.lat,
      lon: orders.lon,
      parcels: orders.parcels,
      // Weights, where the file has them, decide which parcels a cargo bike can take.
      ...(orders.weightKg ? { weightKg: orders.weightKg } : {}),
      depot: settings.depot,
      country: settings.country,
      vehicle: settings.vehicle,
      capacity: settings.capacity,
      ...(settings.area ? { area: settings.area } : {}),
      ...(settings.pickupPoints ? { pickup: { points: settings.pickupPoints } } : {}),
      factors,
      geojson: true,
      onProgress,
    });
    // A figure of ∞ or NaN is never shown: treat it as the overflow it is.
    for (const sc of r.scenarios) {
      for (const v of [sc.kgCo2e, sc.vehicleKm, sc.gCo2ePerParcel]) {
        if (!Number.isFinite(v)) throw Object.assign(new Error(`scenarios.${sc.id} is not finite, got ${v}`), { code: 'overflow', field: '' });
      }
    }
    return r;
  };
  // Saved overrides that make the analysis impossible are dropped (the page says so); a bad setting, which the
  // defaults share, is reported as it is.
  let result;
  let overridesIgnored = false;
  try {
    result = consolidate(settings.factors);
  } catch (err) {
    if (settings.factors === undefined) throw err;
    try {
      result = consolidate(undefined);
    } catch {
      throw err;
    }
    overridesIgnored = true;
  }
  progress(0.9, 'drawing');
  lastGeojson = result.geojson;
  const { coords, offsets } = flattenRounds(result.geojson);
  const { lat, lon } = orders;
  const roundOf = result.roundOf;
  delete result.geojson;
  postMessage(
    { type: 'result', id, result, lat, lon, roundOf, coords, offsets, overridesIgnored },
    [lat.buffer, lon.buffer, roundOf.buffer, coords.buffer, offsets.buffer],
  );
}

/** The package's error as plain data (an Error cannot be posted with its extra properties). */
function describe(err) {
  return {
    message: String(err?.message ?? err),
    name: typeof err?.name === 'string' ? err.name : undefined,
    code: typeof err?.code === 'string' ? err.code : undefined,
    field: typeof err?.field === 'string' ? err.field : undefined,
  };
}

onmessage = async ({ data }) => {
  try {
    if (data.type === 'run') {
      lastRunId = data.id;
      await run(data);
    } else if (data.type === 'export-geojson') {
      postMessage({ type: 'geojson', text: JSON.stringify(lastGeojson) });
    }
  } catch (err) {
    try {
      postMessage({ type: 'error', id: data.id, ...describe(err) });
    } catch {
      postMessage({ type: 'error', id: data.id, message: 'the analysis failed' });
    }
  }
};

// Anything that still escapes becomes an error message rather than a silent, dead worker.
addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  postMessage({ type: 'error', id: lastRunId, ...describe(event.reason) });
});
