// "Sources and assumptions": every factor with its source, year and licence, and a field to override it.
import { loadGreenDelivery } from './wasm.js';
import { fmt } from './format.js';
import { overrides, digitalOverrides, setOverride, setDigitalOverride, clearOverrides } from './overrides.js';

const api = await loadGreenDelivery();
const body = document.querySelector('#sources-table tbody');
const status = document.getElementById('sources-status');

function cell(row, text) {
  row.insertCell().textContent = text;
}

/** Saves an override (or, `undefined`, clears it) only if `check` — the API given it with the others — accepts
 *  it, so that a refused value (a PUE below 1, say) never reaches the other views; the status line says why. */
function saveIfAccepted(value, check, save) {
  if (value !== undefined) {
    try {
      check();
    } catch (err) {
      status.textContent = `Not saved: ${err.message}`;
      return;
    }
  }
  save();
}

/** A number field that sets (or, emptied, clears) one override. */
function valueInput(value, label, set, { min = 0, max } = {}) {
  const input = document.createElement('input');
  input.type = 'number';
  input.step = 'any';
  input.min = String(min);
  if (max !== undefined) input.max = String(max);
  input.value = String(value);
  input.setAttribute('aria-label', label);
  input.addEventListener('change', () => set(input.value.trim() === '' ? undefined : Number(input.value)));
  return input;
}

/** The table with the user's overrides, or the defaults (and a message) when they are not valid. */
function withOverrides(list, current, what) {
  try {
    return list(current);
  } catch (err) {
    status.textContent += ` Your ${what} overrides were not valid and are ignored: ${err.message}`;
    return list(undefined);
  }
}

/** One factor's row: its value as a field that overrides it, and where the value comes from. */
function addRow(f, input, unit, source) {
  const row = body.insertRow();
  row.id = `factor-${f.id}`;
  cell(row, f.label);
  cell(row, f.id);
  row.insertCell().append(input);
  cell(row, unit);
  cell(row, f.source === 'override' ? 'your override' : source);
  cell(row, f.year ?? '');
  cell(row, f.licence);
}

function render() {
  const current = overrides();
  const digital = digitalOverrides();
  const count = Object.keys(current).length + Object.keys(digital).length;
  status.textContent = count ? `${count} factor(s) overridden in this browser.` : '';
  const table = withOverrides(api.factors, current, 'emission factor');
  const digitalTable = withOverrides(api.digitalFactors, digital, 'digital');
  body.replaceChildren();
  for (const f of table) {
    const save = (v) =>
      saveIfAccepted(v, () => api.factors({ ...current, [f.id]: { kgPerUnit: v } }), () => setOverride(f.id, v));
    const rows = f.desnzRows.map((r) => `${r.part} ${r.row}`).join('; ');
    addRow(f, valueInput(f.kgPerUnit, `${f.label}, kg CO2e per ${f.unit}`, save), `kg CO2e/${f.unit}`,
      rows ? `${f.source} (rows ${rows})` : f.source);
  }
  // Digital-energy figures (servers, data transfer), each in its own unit.
  for (const f of digitalTable) {
    const save = (v) =>
      saveIfAccepted(v, () => api.digitalFactors({ ...digital, [f.id]: v }), () => setDigitalOverride(f.id, v));
    // The API's rules: a PUE is at least 1, a ratio (utilisation) within [0, 1].
    const range = f.unit === 'PUE' ? { min: 1 } : f.unit === 'ratio' ? { max: 1 } : {};
    addRow(f, valueInput(f.value, `${f.label}, ${f.unit}`, save, range), f.unit, f.note ? `${f.source}. ${f.note}` : f.source);
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
