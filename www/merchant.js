// Merchant view: load orders (CSV or GeoJSON, or the sample city), compare delivery scenarios, export results.
// The work runs in a Web Worker; this module only reads settings, draws and exports. A worker that fails or dies
// is replaced, so no file, however hostile, can leave the view stuck.
import { PALETTE, barItem, tornado, writeUnbroken } from './plot.js';
import { loadGreenDelivery, onceRetried } from './wasm.js';
import { whenLoaded, loadNotice } from './loading.js';
import { usableOverrides } from './overrides.js';
import { showError, clearError } from './errors.js';
import { bindPlaceField, placeLine, showPlaceProblem } from './place-field.js';
import { pageLang, loadStrings, translate } from './i18n.js';
import { pageCountry } from './country.js';
import { scenarioCsv } from './csv.js';

// The reader's language: this view's words, the chain's labels, the place words and the language's number rules;
// and the page's country, whose defaults price the merchant's own orders and whose places the depot field prefers.
const lang = pageLang();
const country = pageCountry(lang);
const SAMPLE_NAME = 'sample-orders.csv';
const [{ HTML, T, PROGRESS, ROW_ERRORS }, { SCENARIO_LABELS, SETTING_NAMES, boundarySentence }, { n }, placeWords] = await Promise.all(
  ['merchant', 'chain', 'numbers', 'places'].map((part) => loadStrings(lang, part)),
);
const { km, kilograms, grams, percent } = n;
const kilogramsRange = (kg, range) => n.kilogramsRange(kg, range); // a method: it calls this.gramsRange
const percentRange = (range) => n.percentRange(range, T.to);
/** A saving's interval. Across zero it is written in words, "from 2.3% more to 54% less": a bare "−2.3% to 54%"
 *  reads as a change upwards, the opposite of what a negative saving means. */
const savingInterval = (range) =>
  range.low < 0 && range.high > 0 ? T.moreToLess(percent(-range.low), percent(range.high)) : percentRange(range);

const form = document.getElementById('merchant-form');
const drop = document.getElementById('merchant-drop');
const bar = document.getElementById('merchant-progress');
const progressLabel = document.getElementById('merchant-progress-label');
const loadStatus = document.getElementById('merchant-load-status');
const rowErrors = document.getElementById('merchant-row-errors');
const canvas = document.getElementById('merchant-map');
const mapSummary = document.getElementById('merchant-map-summary');
const bars = document.getElementById('merchant-bars');
const headline = document.getElementById('merchant-headline');
const tornadoChart = document.getElementById('merchant-tornado');
const tornadoTitle = document.getElementById('merchant-tornado-title');
const tornadoLegend = document.getElementById('merchant-tornado-legend');
const table = document.querySelector('#merchant-table tbody');
const exports = document.getElementById('merchant-exports');
const noticeLine = document.getElementById('merchant-notice');
const boundaryLine = document.getElementById('merchant-boundary');
const cutNote = document.getElementById('merchant-cut');
/** A scenario whose bar (with its range) is more than this many times the next one's is drawn cut (showResult). */
const OFF_SCALE = 3;
const section = document.getElementById('merchant');
translate(section, HTML);
const notice = loadNotice(section);
const FALLBACK = T.failFallback;

let worker = null;
let runId = 0; // the run whose messages are shown; older runs' messages are ignored
let file = null;
let latest = null;
let waitingForRetry = false;
let maps = 0; // counts the maps asked for: only the latest is drawn
let running = false; // a run is under way, and its answer is awaited

/** A fresh worker, with a fresh wasm instance. Messages from a worker that has been replaced are ignored. */
function startWorker() {
  worker?.terminate();
  const created = new Worker(new URL('./merchant-worker.js', import.meta.url), { type: 'module' });
  created.onmessage = ({ data }) => created === worker && handle(data);
  // The worker died (its script failed to load, or an error escaped it): report it, and start afresh next time.
  const died = (event) => {
    event.preventDefault?.();
    if (created !== worker) return;
    worker.terminate();
    worker = null;
    if (!running) return; // nothing was asked of it: the next run starts a new one
    fail({ message: event.message ?? 'the worker stopped' }, { prefix: T.stoppedPrefix, fallback: T.stoppedFallback });
  };
  created.onerror = died;
  created.onmessageerror = died;
  worker = created;
}

const number = (name) => Number(form.elements[name].value);

/** The depot as given, or null while either coordinate is blank: a file is then read and counted, never priced. */
function depot() {
  const [lat, lon] = [form.elements.depotLat.value.trim(), form.elements.depotLon.value.trim()];
  return lat === '' || lon === '' ? null : { lat: Number(lat), lon: Number(lon) };
}

function settings() {
  return {
    depot: depot(),
    // The sample city is in London: its orders are priced on British defaults whatever the page's country.
    country: file?.name === SAMPLE_NAME ? 'GB' : country,
    vehicle: form.elements.vehicle.value,
    capacity: number('capacity'),
    area: form.elements.area.value || undefined,
    pickupPoints: form.elements.pickupPoints.value.trim() === '' ? undefined : number('pickupPoints'),
    factors: stored.factors,
    ...(columns ? { columns } : {}),
  };
}

/** The columns the merchant chose in the mapping step (null: as recognised from the header). */
let columns = null;
const columnsBox = document.getElementById('merchant-columns');
const ROLES = ['postcode', 'lat', 'lon', 'town', 'country', 'parcels', 'id'];

/** Fills the column-mapping step from the file's header and the columns in use. */
function showColumns(mapping) {
  if (!mapping?.header?.length) {
    columnsBox.hidden = true;
    return;
  }
  columnsBox.hidden = false;
  for (const role of ROLES) {
    const select = form.elements[`col-${role}`];
    // The file's column names are its own words: translate="no" keeps them from being taken for the page's.
    const named = mapping.header.map((name, i) => Object.assign(new Option(name || T.column(i + 1), String(i)), { translate: !name }));
    select.replaceChildren(new Option(T.none, '-1'), ...named);
    select.value = String(mapping.columns[role] ?? -1);
  }
}

/** The saved overrides the API accepts (checked on the main thread when the calculator is there), with a notice. */
let stored = { factors: undefined };
function checkOverrides(api) {
  stored = usableOverrides(api);
  noticeLine.textContent = stored.notice;
}

function run() {
  if (!file) return;
  latest = null;
  exports.hidden = true;
  bar.value = 0;
  bar.hidden = false;
  progressLabel.textContent = PROGRESS.starting();
  clearError(loadStatus);
  loadStatus.classList.remove('error');
  rowErrors.replaceChildren();
  running = true;
  if (!worker) startWorker();
  worker.postMessage({ type: 'run', id: ++runId, file, settings: settings() });
}

/** Clears every figure of an earlier analysis, so that none is left next to an input it no longer matches. */
function clearResults() {
  latest = null;
  exports.hidden = true;
  bars.replaceChildren();
  headline.textContent = '';
  headline.classList.remove('prompt');
  boundaryLine.textContent = '';
  tornadoChart.replaceChildren();
  tornadoChart.setAttribute('height', '0'); // no empty space where an earlier chart was
  tornadoTitle.textContent = '';
  tornadoLegend.hidden = true;
  table.replaceChildren();
  maps++; // a map still waiting to be drawn is not drawn
  const ctx = canvas.getContext('2d');
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  canvas.setAttribute('aria-label', HTML['merchant.mapEmpty']);
  mapSummary.textContent = HTML['merchant.mapSummaryEmpty'];
}

/** Shows an error in plain words (details in the tooltip), clears the figures, and replaces the worker, whose
 *  wasm instance may not be trustworthy after a failure. */
function fail(err, { prefix = T.failPrefix, fallback = FALLBACK } = {}) {
  running = false;
  bar.hidden = true;
  progressLabel.textContent = '';
  showError(loadStatus, err, { prefix, fallback });
  loadStatus.classList.add('error');
  rowErrors.replaceChildren();
  clearResults();
  worker?.terminate();
  worker = null;
}

/** The worker could not load the calculator: say so, and run again after Retry. */
function loadFailed() {
  running = false;
  bar.hidden = true;
  progressLabel.textContent = '';
  clearResults();
  worker?.terminate();
  worker = null;
  notice.failed();
  if (waitingForRetry) return;
  waitingForRetry = true;
  onceRetried(async () => {
    waitingForRetry = false;
    notice.loading();
    try {
      checkOverrides(await loadGreenDelivery());
      notice.hide();
    } catch {
      // The worker loads its own copy; if it fails too it says so again.
    }
    run();
  });
}

/** The depot the merchant gave (typed, found or chosen), kept while the sample city shows its own; and whether the
 *  fields now hold the sample city's depot, which no other file is priced from. */
let ownDepot = null;
let sampleDepotShown = false;
const SAMPLE_DEPOT = { lat: '51.5416', lon: '-0.0076' };
const depotLine = document.getElementById('merchant-depot-place');
const depotError = document.getElementById('merchant-depot-error');

/** Puts a depot in the fields: the sample city's, the merchant's own, or none (then the view asks for it). */
function showDepot({ place = '', line = '', lat = '', lon = '' } = {}) {
  form.elements.depotPlace.value = place;
  depotLine.textContent = line;
  showPlaceProblem(depotError, null);
  form.elements.depotLat.value = lat;
  form.elements.depotLon.value = lon;
}

/** Whether the next result should be brought into view: after a file is loaded, not after each setting. */
let reveal = false;

async function load(source) {
  columns = null; // a new file: its columns are recognised afresh, and the last file's are not shown meanwhile
  showColumns(null);
  // The merchant's own orders, from the merchant's own depot: never the sample city's. A depot the merchant has
  // typed stays as it is (its search may still be under way).
  if (sampleDepotShown) showDepot(ownDepot ?? {});
  sampleDepotShown = false;
  clearResults();
  reveal = true;
  try {
    file = { name: source.name, text: await source.text() };
  } catch (err) {
    file = null;
    fail({ code: 'unreadable', message: String(err?.message ?? err) });
    return;
  }
  run();
}

function handle(data) {
  if (data.type === 'geojson') {
    download('green-delivery-rounds.geojson', data.text, 'application/geo+json');
    return;
  }
  if (data.id !== runId) return; // an earlier run, already superseded
  if (data.type === 'progress') {
    bar.value = data.value;
    // The worker sends what it is doing as an id and values; the words are the reader's language's.
    const label = PROGRESS[data.step]?.(data.values ?? {}) ?? '';
    // Planning reports many times with the same label: only a new one is written (and read out).
    if (progressLabel.textContent !== label) progressLabel.textContent = label;
  } else if (data.type === 'parsed') {
    notice.hide();
    showParsed(data);
  } else if (data.type === 'no-orders') {
    running = false;
    bar.hidden = true;
    progressLabel.textContent = '';
    clearResults();
    loadStatus.textContent = T.noOrders(file.name, data.errorCount);
  } else if (data.type === 'need-depot') {
    running = false;
    bar.hidden = true;
    progressLabel.textContent = '';
    clearResults();
    // In place of a result: what to give. The headline sits just under the depot's fields.
    headline.textContent = T.needDepot;
    headline.classList.add('prompt');
    if (reveal) bringIntoView(headline); // and again for the result, once the depot is given
  } else if (data.type === 'result') {
    running = false;
    bar.value = 1;
    progressLabel.textContent = PROGRESS.done();
    latest = data;
    headline.classList.remove('prompt');
    noticeLine.textContent = T.join([stored.notice, data.overridesIgnored ? T.overridesIgnored : stored.inUse].filter(Boolean));
    showResult(data);
    if (reveal) {
      reveal = false;
      bringIntoView(headline);
    }
  } else if (data.type === 'load-failed') {
    loadFailed();
  } else if (data.type === 'error') {
    fail(data);
  }
}

/** Scrolls `element` into view if it is not (on a phone the answer is below the picker), at once for a reader who
 *  asked for reduced motion. */
function bringIntoView(element) {
  const box = element.getBoundingClientRect();
  if (box.top >= 0 && box.bottom <= innerHeight) return;
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'nearest', behavior: smooth ? 'smooth' : 'auto' });
}

function showParsed({ count, parcels, errors, errorCount, mapping }) {
  clearError(loadStatus);
  showColumns(mapping);
  // A shop's export says what it is and how many orders its rows made; addresses not found are counted apart.
  loadStatus.textContent = T.loaded({
    name: file.name,
    layout: mapping?.layout,
    rows: mapping?.rows,
    orders: mapping?.orders,
    count,
    parcels: Math.round(parcels ?? count),
    located: mapping?.located ?? 0,
    byTown: mapping?.byTown ?? 0,
    precisionKm: mapping?.precisionKm,
    unmatched: mapping?.unmatched ?? 0,
    errorCount,
  });
  rowErrors.replaceChildren(
    ...errors.map((e) => {
      const item = document.createElement('li');
      // Rows this page placed (order-columns.js) carry a code, worded here; the calculator's own are as it says.
      const message = ROW_ERRORS[e.code]?.(e) ?? e.message;
      item.textContent = e.line !== undefined ? T.line(n.count(e.line), message) : T.feature(n.count(e.feature), message);
      return item;
    }),
  );
  if (errorCount > errors.length) {
    const more = document.createElement('li');
    more.textContent = T.more(errorCount - errors.length);
    rowErrors.append(more);
  }
}

function showResult({ result, lat, lon, roundOf, coords, offsets }) {
  // The map after the figures, in tasks of its own: drawn at once, 100,000 orders made one task of 90–500 ms (the
  // routes' strokes most of it), so each palette colour's routes, then the orders' dots, get a task.
  const map = ++maps;
  const steps = mapSteps(result, lat, lon, roundOf, coords, offsets);
  const run = (i) => {
    if (map !== maps || i === steps.length) return; // a newer map, or done
    steps[i]();
    setTimeout(() => run(i + 1));
  };
  setTimeout(() => run(0));
  // The baseline first, then the carriers' other services, then the merchant's own options.
  const order = ['standard', 'nextDay', 'dedicated', 'consolidated', 'pickup', 'cargoBike'];
  const base = result.scenarios.find((s) => s.id === result.baseline);
  const scenarios = [base, ...order.map((id) => result.scenarios.find((s) => s.id === id)).filter((s) => s && s !== base)];
  const label = (s) => SCENARIO_LABELS[s.id];
  const { sentence, best, closest } = headlineOf(base, scenarios);
  headline.textContent = sentence;
  headline.dataset.id = best?.id ?? '';
  boundaryLine.textContent = T.area(result.variants.area, result.variants.areaFrom === 'input') + boundarySentence(result.boundary);
  // A linear scale from zero, so that a bar twice as long is twice the emissions (a log scale made 20 times look
  // 1.65 times as long). The longest whisker spans the track, unless one scenario is off the scale (below).
  const highest = (s) => Math.max(s.range.high, s.kgCo2e);
  const [first, second] = [...scenarios].sort((a, b) => highest(b) - highest(a));
  // A scenario more than OFF_SCALE times the next (same-day's dedicated trips: 16 t against 0.95 t) would leave the
  // others as slivers, where the merchant's question lies. Its bar is drawn cut, and a sentence says so.
  const cut = second && highest(first) > OFF_SCALE * highest(second) ? first : null;
  const top = (cut ? highest(second) : highest(first)) || 1;
  const scale = (kg) => Math.min(1, Math.max(0, kg) / top);
  bars.replaceChildren(
    ...scenarios.map((s) => {
      const name = s === base ? T.baselineName(label(s)) : label(s);
      const range = s === cut ? null : { from: scale(s.range.low), to: scale(s.range.high) };
      const item = barItem(name, T.co2e(kilogramsRange(s.kgCo2e, s.range)), scale(s.kgCo2e), range);
      item.dataset.id = s.id;
      item.classList.toggle('cut', s === cut);
      return item;
    }),
  );
  cutNote.hidden = !cut;
  cutNote.textContent = cut ? T.cutBar(label(cut), n.kilograms(cut.kgCo2e), n.sig(highest(cut) / highest(second))) : '';
  // The assumptions behind the headline's saving; when nothing beats the baseline, those that could make the closest
  // option do so.
  drawTornado(best ?? closest, base);
  table.replaceChildren();
  for (const s of scenarios) {
    const row = table.insertRow();
    row.dataset.id = s.id;
    const cells = [
      label(s),
      km(s.vehicleKm),
      km(s.shopperKm),
      energy(s),
      kilogramsRange(s.kgCo2e, s.range),
      grams(s.gCo2ePerParcel),
      savingCell(s, base),
    ];
    cells.forEach((text, i) => {
      const cell = i === 0 ? document.createElement('th') : row.insertCell();
      if (i === 0) {
        cell.scope = 'row';
        row.append(cell);
      }
      if (i === 0) cell.textContent = text; // a name: its brackets ("(dedicated trips)") may break
      else writeUnbroken(cell, text);
    });
  }
  exports.hidden = false;
}

/** The saving of `s` against `base` with every setting at its central value (each scenario's `centralKg`): the value
 *  the one-at-a-time swings of `savingSensitivity` move from, so the tornado is centred on it (the Monte Carlo
 *  median, `savingPercent`, is another figure). Null when the baseline emits nothing to save on. */
function centralSaving(s, base) {
  return base.centralKg > 0 ? ((base.centralKg - s.centralKg) / base.centralKg) * 100 : null;
}

/** The tornado of `shown`'s saving against `base`, centred on its central saving. An option that emits more than the
 *  baseline there is drawn as its increase (the saving's negative), and worded so: never "the saving (−45%)". */
function drawTornado(shown, base) {
  const central = shown && shown.savingPercent != null ? centralSaving(shown, base) : null;
  if (central == null) {
    tornado(tornadoChart, 0, [], { label: T.noSaving, format: percent, span: T.span });
    tornadoTitle.textContent = T.noSaving;
    tornadoLegend.hidden = true;
    return;
  }
  const more = central < 0;
  const sign = more ? -1 : 1;
  const [option, against] = [SCENARIO_LABELS[shown.id], SCENARIO_LABELS[base.id]];
  const rows = shown.savingSensitivity.map((r) => ({ ...r, low: sign * r.low, high: sign * r.high }));
  const drawn = tornado(tornadoChart, sign * central, rows, {
    label: T.tornado(option, against, more),
    format: percent,
    span: T.span,
    name: (setting) => SETTING_NAMES[setting] ?? setting,
  });
  // The title names the figure the bars move (which option's saving or increase, against what), the centre line's
  // value and the median of the draws, which the headline and the table give.
  const figures = [percent(sign * central), percent(sign * shown.savingPercent), more];
  tornadoTitle.textContent = drawn ? T.tornadoTitle(option, against, ...figures) : T.tornadoFlat(option, against, ...figures);
  tornadoLegend.hidden = drawn === 0;
}

/** The change against the baseline in the table: the baseline itself, "the same" (next-day on the same network),
 *  "no clear difference" when the interval spans zero, else the saving ("31% less") or the increase ("45% more"),
 *  with its interval, never a negative saving. */
function savingCell(s, base) {
  if (s === base) return T.baseline;
  if (s.savingPercent === null) return '—';
  const { low, high } = s.savingRange;
  if (low === 0 && high === 0) return T.same;
  if (!s.savingClear) return T.withRange(T.noClear, savingInterval(s.savingRange));
  if (s.savingPercent < 0) return T.withRange(T.increase(percent(-s.savingPercent)), percentRange({ low: -high, high: -low }));
  return T.withRange(T.less(percent(s.savingPercent)), percentRange(s.savingRange));
}

/** Energy by who uses it, each in the unit that fits: the delivery's (vans' and bikes' fuel or electricity, sites'
 *  electricity) apart from the shoppers' own trips (their cars' petrol), so the two are never read as one. */
function energy(s) {
  const of = (shopper) => {
    const legs = s.legs.filter((leg) => leg.shopper === shopper);
    const total = (pick) => legs.reduce((sum, leg) => sum + (pick(leg) ?? 0), 0);
    const parts = [];
    const diesel = total((leg) => (leg.fuel === 'diesel-fuel' ? leg.litres : 0));
    const petrol = total((leg) => (leg.fuel === 'petrol-fuel' ? leg.litres : 0));
    const kwh = total((leg) => leg.kwh);
    if (diesel > 0) parts.push(T.diesel(diesel));
    if (petrol > 0) parts.push(T.petrol(petrol));
    if (kwh > 0) parts.push(T.kwh(kwh));
    return parts.join(T.plus);
  };
  return T.energyBy(of(false), of(true)) || '—';
}


/** The headline: the lowest-emission scenario against the baseline, with the saving's range and its coverage. A
 *  saving whose interval spans zero is never headlined: the headline then says there is no clear difference. An
 *  option that emits more than the baseline is never named as the answer. `best` is the option named (null when
 *  none clearly beats the baseline); `closest` the lowest of the others. */
function headlineOf(base, scenarios) {
  const label = (s) => SCENARIO_LABELS[s.id];
  // Next-day runs on the standard network: its figures are the baseline's, and it is neither an answer nor a saving
  // to break down.
  const same = (s) => s.savingRange?.low === 0 && s.savingRange?.high === 0;
  const others = scenarios.filter((s) => s !== base && !same(s));
  const closest = others.reduce((a, b) => (b.kgCo2e < a.kgCo2e ? b : a), others[0]) ?? null;
  if (!closest) return { sentence: '', best: null, closest };
  if (!(closest.kgCo2e < base.kgCo2e) || closest.savingPercent === null) {
    return { sentence: T.noneEmitsLess(label(base)), best: null, closest };
  }
  const range = closest.savingRange ? T.range(savingInterval(closest.savingRange), percent(100 * closest.savingRange.coverage)) : '';
  if (!closest.savingClear) {
    return {
      sentence: T.noClearHeadline(label(base), label(closest), percent(closest.savingPercent), range),
      best: null,
      closest,
    };
  }
  return {
    best: closest,
    closest,
    sentence: T.headline(label(closest), kilograms(closest.kgCo2e), kilograms(base.kgCo2e), label(base), percent(closest.savingPercent), range),
  };
}

/** Orders coloured by round, the rounds as routes, the depot and pickup points, on a local plane in km: as steps to
 *  run in order, the first clearing the canvas. */
function mapSteps(result, lat, lon, roundOf, coords, offsets) {
  const ratio = devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = Math.round(width * 0.75);
  const ctx = canvas.getContext('2d');
  const clear = () => {
    canvas.width = width * ratio;
    canvas.height = height * ratio;
    canvas.style.height = `${height}px`;
    ctx.scale(ratio, ratio);
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
  };
  const depot = settings().depot;
  const kx = 111.195 * Math.cos((depot.lat * Math.PI) / 180);
  const ky = 111.195;
  let [minX, maxX, minY, maxY] = [0, 0, 0, 0];
  for (let i = 0; i < lat.length; i++) {
    const x = (lon[i] - depot.lon) * kx;
    const y = (lat[i] - depot.lat) * ky;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const scale = Math.min((width - 20) / (maxX - minX || 1), (height - 20) / (maxY - minY || 1));
  const px = (lo) => 10 + ((lo - depot.lon) * kx - minX) * scale;
  const py = (la) => height - 10 - ((la - depot.lat) * ky - minY) * scale;

  // One path per palette colour, and points written straight into pixels.
  const routes = (c) => {
    ctx.globalAlpha = 0.35;
    ctx.lineWidth = 1;
    ctx.strokeStyle = PALETTE[c];
    ctx.beginPath();
    for (let r = c; r + 1 < offsets.length; r += PALETTE.length) {
      for (let j = offsets[r]; j < offsets[r + 1]; j += 2) {
        const [x, y] = [px(coords[j]), py(coords[j + 1])];
        if (j === offsets[r]) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
  };
  /** The orders' dots, the pickup points, the hub and the depot, the scale bar and the map's summary. */
  const ordersAndPlaces = () => {
    // The canvas's size and pixels read once: a DOM property read per pixel made this the page's longest task.
    const [w, h] = [canvas.width, canvas.height];
    const image = ctx.getImageData(0, 0, w, h);
    const pixels = image.data;
    const rgb = PALETTE.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
    const dot = Math.ceil(2 * ratio); // a dot 2 CSS px wide
    for (let i = 0; i < lat.length; i++) {
      const [r, g, b] = rgb[roundOf[i] % rgb.length];
      const x0 = Math.round(px(lon[i]) * ratio) - 1;
      const y0 = Math.round(py(lat[i]) * ratio) - 1;
      for (let y = Math.max(0, y0); y < Math.min(h, y0 + dot); y++) {
        for (let x = Math.max(0, x0); x < Math.min(w, x0 + dot); x++) {
          const at = 4 * (y * w + x);
          pixels[at] = r;
          pixels[at + 1] = g;
          pixels[at + 2] = b;
          pixels[at + 3] = 255;
        }
      }
    }
    ctx.putImageData(image, 0, 0);
    ctx.globalAlpha = 1;
    ctx.fillStyle = '#000';
    for (const p of result.pickupPoints) {
      ctx.beginPath();
      ctx.moveTo(px(p.lon), py(p.lat) - 5);
      ctx.lineTo(px(p.lon) - 4, py(p.lat) + 3);
      ctx.lineTo(px(p.lon) + 4, py(p.lat) + 3);
      ctx.fill();
    }
    if (result.hub) {
      // The micro-hub the cargo bikes start from: a green circle.
      ctx.fillStyle = '#009E73';
      ctx.strokeStyle = '#000';
      ctx.beginPath();
      ctx.arc(px(result.hub.lon), py(result.hub.lat), 6, 0, 2 * Math.PI);
      ctx.fill();
      ctx.stroke();
    }
    ctx.fillStyle = '#E69F00';
    ctx.strokeStyle = '#000';
    ctx.fillRect(px(depot.lon) - 6, py(depot.lat) - 6, 12, 12);
    ctx.strokeRect(px(depot.lon) - 6, py(depot.lat) - 6, 12, 12);
    // Scale bar: a round number of km about a fifth of the width.
    const barKm = [0.5, 1, 2, 5, 10, 20, 50, 100].find((k) => k * scale >= width / 6) ?? 100;
    ctx.fillStyle = '#000';
    ctx.fillRect(12, height - 16, barKm * scale, 3);
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText(T.scaleBar(barKm), 12, height - 22);
    // How full the rounds are (their number against the fewest that could carry the parcels) is in the summary.
    const { trips, minRounds } = result.scenarios.find((s) => s.id === 'consolidated');
    const summary = T.mapSummary({
      orders: lat.length, trips, minRounds, pickupPoints: result.pickupPoints.length, hub: Boolean(result.hub), km: barKm,
    });
    canvas.setAttribute('aria-label', summary);
    mapSummary.textContent = summary;
  };
  return [clear, ...PALETTE.map((_, c) => () => routes(c)), ordersAndPlaces];
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

drop.addEventListener('dragover', (event) => {
  event.preventDefault();
  drop.classList.add('dragging');
});
drop.addEventListener('dragleave', () => drop.classList.remove('dragging'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('dragging');
  const dropped = event.dataTransfer.files[0];
  if (dropped) load(dropped);
});
form.elements.file.addEventListener('change', () => form.elements.file.files[0] && load(form.elements.file.files[0]));
form.elements.sample.addEventListener('click', async () => {
  try {
    const response = await fetch(new URL('./data/sample-orders.csv', import.meta.url));
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    file = { name: SAMPLE_NAME, text: await response.text() };
    columns = null;
    showColumns(null);
  } catch (err) {
    fail({ message: String(err?.message ?? err) }, { prefix: '', fallback: T.sampleFailed });
    return;
  }
  // The sample city keeps its own depot, in east London; the merchant's own comes back with the merchant's file.
  showDepot({ ...SAMPLE_DEPOT, line: T.sampleDepot });
  sampleDepotShown = true;
  reveal = true;
  run();
});
form.addEventListener('change', (event) => {
  const name = event.target.name;
  if (name === 'file' || name === 'depotPlace') return;
  if (name.startsWith('col-')) columns = Object.fromEntries(ROLES.map((role) => [role, Number(form.elements[`col-${role}`].value)]));
  if (name === 'depotLat' || name === 'depotLon') {
    // Coordinates typed by hand: the merchant's own depot (a place found earlier no longer describes it).
    form.elements.depotPlace.value = '';
    depotLine.textContent = '';
    showPlaceProblem(depotError, null);
    ownDepot = { lat: form.elements.depotLat.value, lon: form.elements.depotLon.value };
    sampleDepotShown = false;
  }
  run();
});
bindPlaceField(form.elements.depotPlace, {
  lang,
  country,
  depotCountry: null, // the depot's own place: anywhere in the country
  lat: form.elements.depotLat,
  lon: form.elements.depotLon,
  onPlace(place, problem, suggestions = []) {
    // What was not found is said beside the field, as an error, with a button per place it may have meant; a place
    // found only in another country is offered as the depot's, in a depot's words.
    const elsewhere = suggestions.some((p) => p.elsewhere);
    const text = elsewhere ? T.depotElsewhere(form.elements.depotPlace.value.trim(), country, suggestions.map((p) => p.name)) : problem;
    showPlaceProblem(depotError, problem ? { text, suggestions } : null, form.elements.depotPlace, T.depotOffers);
    depotLine.textContent = problem ? '' : placeLine(T.depot, place, placeWords);
    if (!place) return;
    // The field checks its text again when it loses focus: the same place is not a new depot, and re-running would
    // hide the figures (and the download buttons) that the person is reaching for.
    const same = ownDepot && !sampleDepotShown && ownDepot.lat === form.elements.depotLat.value && ownDepot.lon === form.elements.depotLon.value;
    ownDepot = { place: form.elements.depotPlace.value, line: depotLine.textContent, lat: form.elements.depotLat.value, lon: form.elements.depotLon.value };
    sampleDepotShown = false;
    if (!same) run();
  },
});
// An emptied depot field has nothing left to complain about (the search only answers a text).
form.elements.depotPlace.addEventListener('input', () => form.elements.depotPlace.value.trim() === '' && showPlaceProblem(depotError, null));
form.addEventListener('submit', (event) => event.preventDefault());
addEventListener('green-delivery:overrides', async () => {
  try {
    checkOverrides(await loadGreenDelivery());
  } catch {
    // not loaded: the notice is up, and Retry re-runs
  }
  run();
});
document.getElementById('export-csv').addEventListener('click', () => download('green-delivery-scenarios.csv', scenarioCsv(latest.result), 'text/csv'));
document.getElementById('export-json').addEventListener('click', () => {
  const { result } = latest;
  const report = { generated: new Date().toISOString(), file: file.name, settings: settings(), ...result, roundOf: undefined, pickupOf: undefined };
  download('green-delivery-report.json', JSON.stringify(report, null, 2), 'application/json');
});
document.getElementById('export-geojson').addEventListener('click', () => worker?.postMessage({ type: 'export-geojson' }));

// The page's own copy of the calculator checks the saved overrides, and says at once if it cannot load; the
// worker loads its own copy when it has work to do.
startWorker();
whenLoaded(section, checkOverrides, notice);
// Every control now answers (a file dropped or a button pressed before this would have been lost).
form.setAttribute('aria-busy', 'false');
