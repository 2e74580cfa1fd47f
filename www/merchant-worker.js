// Runs the merchant's analysis off the main thread, so the page stays responsive on 100k+ orders.
// Messages in:  { type: 'run', file: { name, text }, settings }   or   { type: 'export-geojson' }
// Messages out: { type: 'progress', value, label } · { type: 'parsed', count, errors } · { type: 'result', … }
//               { type: 'geojson', text } · { type: 'error', message }
import { loadGreenDelivery } from './wasm.js';

let lastGeojson = null;

function progress(value, label) {
  postMessage({ type: 'progress', value, label });
}

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

async function run({ file, settings }) {
  progress(0.05, 'Loading the calculator…');
  const api = await loadGreenDelivery();
  progress(0.15, `Reading ${file.name}…`);
  const isGeojson = /\.(geo)?json$/i.test(file.name) || file.text.trimStart().startsWith('{');
  const parsed = isGeojson ? api.ordersFromGeoJson(file.text) : api.parseOrders(file.text);
  const { orders, errors } = parsed;
  postMessage({ type: 'parsed', count: orders.lat.length, errors: errors.slice(0, 100), errorCount: errors.length });
  if (orders.lat.length === 0) throw new Error('no valid orders in the file');
  progress(0.35, `Planning rounds for ${orders.lat.length.toLocaleString()} orders…`);
  const result = api.consolidate({
    lat: orders.lat,
    lon: orders.lon,
    parcels: orders.parcels,
    depot: settings.depot,
    vehicle: settings.vehicle,
    capacity: settings.capacity,
    ...(settings.pickupPoints ? { pickup: { points: settings.pickupPoints } } : {}),
    factors: settings.factors,
    geojson: true,
  });
  progress(0.9, 'Drawing…');
  lastGeojson = result.geojson;
  const { coords, offsets } = flattenRounds(result.geojson);
  const { lat, lon } = orders;
  const roundOf = result.roundOf;
  delete result.geojson;
  postMessage(
    { type: 'result', result, lat, lon, roundOf, coords, offsets },
    [lat.buffer, lon.buffer, roundOf.buffer, coords.buffer, offsets.buffer],
  );
}

onmessage = async ({ data }) => {
  try {
    if (data.type === 'run') await run(data);
    else if (data.type === 'export-geojson') postMessage({ type: 'geojson', text: JSON.stringify(lastGeojson) });
  } catch (err) {
    postMessage({ type: 'error', message: err.message });
  }
};
