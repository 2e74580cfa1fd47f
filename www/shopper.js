// Shopper view: "How green is my delivery?" Each option's g CO2e per parcel as a bar, with everyday comparisons.
import { whenLoaded } from './loading.js';
import { fmt, sig, gramsRange, logScale, km, grams } from './format.js';
import { el, reset, barItem } from './plot.js';
import { withUsableOverrides } from './overrides.js';
import { showError, clearError, requireFinite } from './errors.js';

let api = null;
const form = document.getElementById('shopper-form');
const map = document.getElementById('shopper-map');
const list = document.getElementById('shopper-results');
const error = document.getElementById('shopper-error');
const assumptions = document.getElementById('shopper-assumptions');
const orderForm = document.getElementById('order-form');
const noticeLine = document.getElementById('shopper-notice');
const notices = { delivery: '', order: '' };
const KM_PER_DEGREE = 111.195;
const MAP_KM = 15; // the map shows ±15 km around the shop

const number = (name) => (form.elements[name].value.trim() === '' ? NaN : Number(form.elements[name].value));

function input(factors) {
  const distance = form.elements.distance.value.trim();
  return {
    depot: { lat: number('depotLat'), lon: number('depotLon') },
    shopper: { lat: number('lat'), lon: number('lon') },
    vehicle: form.elements.vehicle.value,
    ...(distance === '' ? {} : { stemKm: Number(distance) }),
    factors,
  };
}

/** Notices about the saved overrides (ignored or unusable), each sentence once. */
function showNotices() {
  const sentences = [notices.delivery, notices.order].join(' ').split(/(?<=\.) /).filter(Boolean);
  noticeLine.textContent = [...new Set(sentences)].join(' ');
}

/** Plain words for the settings `deliveryOptions` reports. */
const SETTING_NAMES = {
  stemKm: 'Road distance from the depot to your area, one way',
  dropKm: 'Driving between stops on a typical round',
  parcelsPerRound: 'Parcels on a typical round',
  roadFactor: 'Road distance per straight-line km',
  pickupKm: 'Distance to a pickup point, one way',
  parcelsPerPickupStop: 'Parcels dropped per pickup-point stop',
  nextDayParcelsPerRound: 'Parcels on a next-day / express round',
  consolidatedParcelsPerRound: 'Parcels on a consolidated-day round',
  vehicleFactor: 'Van size class (× the average van)',
  bikeFactor: 'Cargo bike, kg CO2e per km',
  'failures.rate': 'First deliveries that fail',
  'failures.collectShare': 'Failed parcels fetched by the shopper',
  'failures.collectKm': 'Trip to fetch a failed parcel, one way',
  'failures.collectCarShare': 'Those trips made by car',
};

/** Grams as metres of driving and phone charges: the core's comparisons, shared with the other footprints. */
function comparisons(c) {
  return `≈ ${km(c.metresDriven / 1000)} of driving a petrol car · ≈ ${sig(c.phoneCharges)} phone charges`;
}

function render() {
  if (!api) {
    drawMap(); // the map needs no calculator
    return;
  }
  let result;
  try {
    ({ result, notice: notices.delivery } = withUsableOverrides(api, (f) => {
      const r = api.deliveryOptions(input(f));
      requireFinite(r.options.map((o) => o.gCo2e));
      // The comparisons must work for every figure too, or none is shown.
      r.comparisons = r.options.map((o) => api.comparisons(o.gCo2e, f));
      r.trace = api.comparisons(1, f).trace;
      requireFinite(r.comparisons.flatMap((c) => [c.metresDriven, c.phoneCharges]));
      return r;
    }));
    clearError(error);
  } catch (err) {
    // Nothing that depends on the bad input stays on screen: the bars, the assumptions and the order's total go.
    showError(error, err);
    list.replaceChildren();
    assumptions.replaceChildren();
    notices.delivery = '';
    showNotices();
    drawMap();
    renderOrder();
    return;
  }
  showNotices();
  // A log scale, so that options 30 g and 11 kg apart can both be read; each bar's whisker is its range.
  const scale = logScale(result.options.flatMap((o) => [o.range.low, o.range.high, o.gCo2e]));
  const greenest = result.options.reduce((a, b) => (b.gCo2e < a.gCo2e ? b : a));
  list.replaceChildren(
    ...result.options.map((option) => {
      const name = option === greenest ? `${option.label} (greenest)` : option.label;
      const item = barItem(name, `${gramsRange(option.gCo2e, option.range)} CO2e`, scale(option.gCo2e), {
        from: scale(option.range.low),
        to: scale(option.range.high),
      });
      item.classList.toggle('greenest', option === greenest);
      item.dataset.id = option.id;
      item.dataset.grams = String(option.gCo2e); // full precision, for tests and tools
      const compare = document.createElement('p');
      compare.className = 'comparison';
      compare.textContent = comparisons(result.comparisons[result.options.indexOf(option)]);
      const why = document.createElement('p');
      why.className = 'why';
      why.textContent = option.explanation;
      item.append(compare, why);
      return item;
    }),
  );
  drawMap();
  renderOrder();
  // One line per setting behind the numbers, each linked to the sources table.
  assumptions.replaceChildren(
    ...result.settings.map((term) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = '#sources';
      link.textContent = term.source ?? 'sources';
      item.append(`${SETTING_NAMES[term.name] ?? term.name}: ${sig(term.value)} ${term.unit} (`, link, ')');
      return item;
    }),
    ...result.trace.map((term) => {
      const item = document.createElement('li');
      const link = document.createElement('a');
      link.href = '#sources';
      link.textContent = term.source;
      item.append(`Comparisons use ${term.name}: ${fmt(term.value)} ${term.unit} (`, link, ')');
      return item;
    }),
  );
}

/** The whole order: delivery (the chosen option), packaging and the online part, as one sentence and a table. */
function renderOrder() {
  if (!api) return;
  const o = orderForm.elements;
  const out = document.getElementById('order-summary');
  const parts = document.querySelector('#order-parts tbody');
  try {
    const { result: r, notice } = withUsableOverrides(api, (factors, digitalFactors) => {
      const order = api.orderFootprint({
        delivery: input(factors),
        option: o.option.value,
        packaging: { items: [{ material: o.material.value, massKg: Number(o.packagingGrams.value) / 1000, route: o.route.value }] },
        digital: { pages: Number(o.pages.value), bytesPerPage: Number(o.megabytesPerPage.value) * 1e6, digitalFactors },
        factors,
      });
      requireFinite([order.gCo2e, ...order.parts.map((p) => p.gCo2e)]);
      return order;
    });
    notices.order = notice;
    showNotices();
    clearError(out);
    out.classList.remove('error');
    out.textContent = r.summary;
    parts.replaceChildren();
    for (const part of r.parts) {
      const row = parts.insertRow();
      row.insertCell().textContent = part.id;
      row.insertCell().textContent = grams(part.gCo2e);
      row.insertCell().textContent = `${sig(100 * part.share)}%`;
    }
  } catch (err) {
    // The old total is never left on screen next to an input it no longer matches.
    parts.replaceChildren();
    showError(out, err, { prefix: "Your order's footprint can't be shown. " });
    out.classList.add('error');
  }
}

/** A tile-free map: the shop, the shopper, and a 5 km scale bar on a local plane around the shop. */
function drawMap() {
  const [lat0, lon0] = [number('depotLat'), number('depotLon')];
  const [lat, lon] = [number('lat'), number('lon')];
  reset(map, `Map: the shop at ${fmt(lat0)}, ${fmt(lon0)} and you at ${fmt(lat)}, ${fmt(lon)}. Click to move yourself.`);
  const toX = (lo) => 50 + (((lo - lon0) * KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180)) / MAP_KM) * 50;
  const toY = (la) => 50 - (((la - lat0) * KM_PER_DEGREE) / MAP_KM) * 50;
  el('rect', { x: 0, y: 0, width: 100, height: 100, class: 'plot-frame' }, map);
  for (const r of [5, 10, 15]) el('circle', { cx: 50, cy: 50, r: (r / MAP_KM) * 50, class: 'ring' }, map);
  el('line', { x1: 5, y1: 95, x2: 5 + (5 / MAP_KM) * 50, y2: 95, class: 'scale' }, map);
  el('text', { x: 5, y: 92, class: 'scale-label' }, map).textContent = '5 km';
  el('rect', { x: 47.5, y: 47.5, width: 5, height: 5, class: 'shop' }, map);
  el('text', { x: 54, y: 49, class: 'map-label' }, map).textContent = 'shop';
  if (Number.isFinite(lat) && Number.isFinite(lon)) {
    const [x, y] = [toX(lon), toY(lat)];
    el('circle', { cx: x, cy: y, r: 2.5, class: 'you' }, map);
    // The label goes on whichever side has room.
    const label = el('text', { x: x > 85 ? x - 3.5 : x + 3.5, y: y + 1.5, class: 'map-label' }, map);
    label.setAttribute('text-anchor', x > 85 ? 'end' : 'start');
    label.textContent = 'you';
  }
}

map.addEventListener('click', (event) => {
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(map.getScreenCTM().inverse());
  const [lat0, lon0] = [number('depotLat'), number('depotLon')];
  const km = { x: ((p.x - 50) / 50) * MAP_KM, y: ((50 - p.y) / 50) * MAP_KM };
  form.elements.lat.value = (lat0 + km.y / KM_PER_DEGREE).toFixed(5);
  form.elements.lon.value = (lon0 + km.x / (KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180))).toFixed(5);
  form.elements.distance.value = '';
  render();
});
form.addEventListener('input', render);
orderForm.addEventListener('input', renderOrder);
orderForm.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('submit', (event) => event.preventDefault());
addEventListener('green-delivery:overrides', render);
render(); // the map, at once; the figures once the calculator has loaded
whenLoaded(document.getElementById('shopper'), (loaded) => {
  api = loaded;
  render();
});
