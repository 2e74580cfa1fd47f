// Merchant view: load orders (CSV or GeoJSON, or the sample city), compare delivery scenarios, export results.
// The work runs in a Web Worker; this module only reads settings, draws and exports.
import { round } from './format.js';
import { PALETTE, barItem } from './plot.js';
import { overrides } from './overrides.js';

const form = document.getElementById('merchant-form');
const drop = document.getElementById('merchant-drop');
const bar = document.getElementById('merchant-progress');
const progressLabel = document.getElementById('merchant-progress-label');
const loadStatus = document.getElementById('merchant-load-status');
const rowErrors = document.getElementById('merchant-row-errors');
const canvas = document.getElementById('merchant-map');
const mapSummary = document.getElementById('merchant-map-summary');
const bars = document.getElementById('merchant-bars');
const table = document.querySelector('#merchant-table tbody');
const exports = document.getElementById('merchant-exports');

const worker = new Worker(new URL('./merchant-worker.js', import.meta.url), { type: 'module' });
let file = null;
let latest = null;

const number = (name) => Number(form.elements[name].value);

function settings() {
  return {
    depot: { lat: number('depotLat'), lon: number('depotLon') },
    vehicle: form.elements.vehicle.value,
    capacity: number('capacity'),
    pickupPoints: form.elements.pickupPoints.value.trim() === '' ? undefined : number('pickupPoints'),
    factors: overrides(),
  };
}

function run() {
  if (!file) return;
  latest = null;
  exports.hidden = true;
  bar.value = 0;
  bar.hidden = false;
  progressLabel.textContent = 'Starting…';
  worker.postMessage({ type: 'run', file, settings: settings() });
}

async function load(source) {
  file = { name: source.name, text: await source.text() };
  run();
}

worker.onmessage = ({ data }) => {
  if (data.type === 'progress') {
    bar.value = data.value;
    progressLabel.textContent = data.label;
  } else if (data.type === 'parsed') {
    showParsed(data);
  } else if (data.type === 'result') {
    bar.value = 1;
    progressLabel.textContent = 'Done.';
    latest = data;
    showResult(data);
  } else if (data.type === 'geojson') {
    download('green-delivery-rounds.geojson', data.text, 'application/geo+json');
  } else if (data.type === 'error') {
    bar.hidden = true;
    progressLabel.textContent = '';
    loadStatus.textContent = `Could not analyse the orders: ${data.message}`;
  }
};

function showParsed({ count, errors, errorCount }) {
  loadStatus.textContent =
    `${file.name}: ${count.toLocaleString()} orders loaded` +
    (errorCount ? `, ${errorCount.toLocaleString()} rows skipped because of errors (listed below).` : '.');
  rowErrors.replaceChildren(
    ...errors.map((e) => {
      const item = document.createElement('li');
      item.textContent = e.line !== undefined ? `Line ${e.line}: ${e.message}` : `Feature ${e.feature}: ${e.message}`;
      return item;
    }),
  );
  if (errorCount > errors.length) {
    const more = document.createElement('li');
    more.textContent = `…and ${errorCount - errors.length} more.`;
    rowErrors.append(more);
  }
}

function showResult({ result, lat, lon, roundOf, coords, offsets }) {
  drawMap(result, lat, lon, roundOf, coords, offsets);
  const scenarios = result.scenarios;
  const worst = Math.max(...scenarios.map((s) => s.kgCo2e));
  bars.replaceChildren(
    ...scenarios.map((s) => barItem(s.label, `${round(s.kgCo2e, 1)} kg CO2e`, s.kgCo2e / worst)),
  );
  table.replaceChildren();
  for (const s of scenarios) {
    const row = table.insertRow();
    row.dataset.id = s.id;
    const cells = [
      s.label,
      round(s.vehicleKm),
      round(s.shopperKm),
      round(s.kwh),
      round(s.kgCo2e, 1),
      round(s.gCo2ePerParcel),
      s.savingPercent === null ? '—' : `${round(s.savingPercent, 1)}%`,
    ];
    cells.forEach((text, i) => {
      const cell = i === 0 ? document.createElement('th') : row.insertCell();
      if (i === 0) {
        cell.scope = 'row';
        row.append(cell);
      }
      cell.textContent = text;
    });
  }
  exports.hidden = false;
}

/** Orders coloured by round, the rounds as routes, the depot and pickup points, on a local plane in km. */
function drawMap(result, lat, lon, roundOf, coords, offsets) {
  const ratio = devicePixelRatio || 1;
  const width = canvas.clientWidth;
  const height = Math.round(width * 0.75);
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  canvas.style.height = `${height}px`;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
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

  // One path per palette colour, and points written straight into pixels: 100k orders draw in a few ms.
  ctx.globalAlpha = 0.35;
  ctx.lineWidth = 1;
  for (let c = 0; c < PALETTE.length; c++) {
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
  }
  ctx.globalAlpha = 1;
  const image = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const rgb = PALETTE.map((hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)));
  for (let i = 0; i < lat.length; i++) {
    const [r, g, b] = rgb[roundOf[i] % rgb.length];
    const x0 = Math.round(px(lon[i]) * ratio) - 1;
    const y0 = Math.round(py(lat[i]) * ratio) - 1;
    for (let dy = 0; dy < 2 * ratio; dy++) {
      for (let dx = 0; dx < 2 * ratio; dx++) {
        const x = x0 + dx;
        const y = y0 + dy;
        if (x < 0 || y < 0 || x >= canvas.width || y >= canvas.height) continue;
        const at = 4 * (y * canvas.width + x);
        image.data[at] = r;
        image.data[at + 1] = g;
        image.data[at + 2] = b;
        image.data[at + 3] = 255;
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
  ctx.fillStyle = '#E69F00';
  ctx.strokeStyle = '#000';
  ctx.fillRect(px(depot.lon) - 6, py(depot.lat) - 6, 12, 12);
  ctx.strokeRect(px(depot.lon) - 6, py(depot.lat) - 6, 12, 12);
  // Scale bar: a round number of km about a fifth of the width.
  const km = [0.5, 1, 2, 5, 10, 20, 50, 100].find((k) => k * scale >= width / 6) ?? 100;
  ctx.fillStyle = '#000';
  ctx.fillRect(12, height - 16, km * scale, 3);
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillText(`${km} km`, 12, height - 22);
  const rounds = offsets.length - 1;
  const summary =
    `Map of ${lat.length.toLocaleString()} orders in ${rounds.toLocaleString()} consolidated rounds from the depot ` +
    `(orange square), with ${result.pickupPoints.length} pickup points (black triangles). Scale bar: ${km} km.`;
  canvas.setAttribute('aria-label', summary);
  mapSummary.textContent = summary;
}

function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function csv() {
  const head = ['scenario', 'vehicle_km', 'shopper_km', 'kwh', 'kg_co2e', 'ttw_kg', 'wtt_kg', 'g_co2e_per_parcel', 'saving_percent'];
  const rows = latest.result.scenarios.map((s) =>
    [s.id, s.vehicleKm, s.shopperKm, s.kwh, s.kgCo2e, s.ttwKg ?? '', s.wttKg ?? '', s.gCo2ePerParcel, s.savingPercent ?? ''].join(','),
  );
  return [head.join(','), ...rows].join('\n') + '\n';
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
  const response = await fetch(new URL('./data/sample-orders.csv', import.meta.url));
  file = { name: 'sample-orders.csv', text: await response.text() };
  form.elements.depotLat.value = '51.5416';
  form.elements.depotLon.value = '-0.0076';
  run();
});
form.addEventListener('change', (event) => event.target.name !== 'file' && run());
form.addEventListener('submit', (event) => event.preventDefault());
addEventListener('green-delivery:overrides', run);
document.getElementById('export-csv').addEventListener('click', () => download('green-delivery-scenarios.csv', csv(), 'text/csv'));
document.getElementById('export-json').addEventListener('click', () => {
  const { result } = latest;
  const report = { generated: new Date().toISOString(), file: file.name, settings: settings(), ...result, roundOf: undefined, pickupOf: undefined };
  download('green-delivery-report.json', JSON.stringify(report, null, 2), 'application/json');
});
document.getElementById('export-geojson').addEventListener('click', () => worker.postMessage({ type: 'export-geojson' }));
