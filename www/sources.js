// "Sources and assumptions": every factor with its source, year and licence, and a field to override it.
import { loadGreenDelivery } from './wasm.js';
import { fmt } from './format.js';
import { overrides, setOverride, clearOverrides } from './overrides.js';

const api = await loadGreenDelivery();
const body = document.querySelector('#sources-table tbody');
const status = document.getElementById('sources-status');

function cell(row, text) {
  row.insertCell().textContent = text;
}

function render() {
  const current = overrides();
  let table;
  try {
    table = api.factors(current);
    status.textContent = Object.keys(current).length ? `${Object.keys(current).length} factor(s) overridden in this browser.` : '';
  } catch (err) {
    status.textContent = `Your overrides were not valid and are ignored: ${err.message}`;
    table = api.factors(undefined);
  }
  body.replaceChildren();
  for (const f of table) {
    const row = body.insertRow();
    row.id = `factor-${f.id}`;
    cell(row, f.label);
    row.insertCell().textContent = f.id;
    const valueCell = row.insertCell();
    const input = document.createElement('input');
    input.type = 'number';
    input.step = 'any';
    input.min = '0';
    input.value = String(f.kgPerUnit);
    input.setAttribute('aria-label', `${f.label}, kg CO2e per ${f.unit}`);
    input.addEventListener('change', () => {
      const value = input.value.trim() === '' ? undefined : Number(input.value);
      setOverride(f.id, value);
    });
    valueCell.append(input);
    cell(row, `kg CO2e/${f.unit}`);
    const rows = f.desnzRows.map((r) => `${r.part} ${r.row}`).join('; ');
    cell(row, f.source === 'override' ? 'your override' : rows ? `${f.source} (rows ${rows})` : f.source);
    cell(row, f.year ?? '');
    cell(row, f.licence);
  }
  // Digital-energy figures (servers, data transfer) and the comparisons' assumption, listed read-only.
  for (const f of api.digitalFactors(undefined)) {
    const row = body.insertRow();
    row.id = `factor-${f.id}`;
    [f.label, f.id, fmt(f.value), f.unit, f.note ? `${f.source}. ${f.note}` : f.source, f.year ?? '', f.licence].forEach((t) => cell(row, String(t)));
  }
  for (const term of api.comparisons(1, undefined).trace.filter((t) => !t.name.startsWith('factor'))) {
    const row = body.insertRow();
    row.id = `assumption-${term.name}`;
    [`Everyday comparisons: ${term.name}`, term.name, fmt(term.value), term.unit, term.source, '', ''].forEach((t) => cell(row, t));
  }
}

document.getElementById('sources-reset').addEventListener('click', clearOverrides);
addEventListener('green-delivery:overrides', render);
render();
