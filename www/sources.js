// "Sources and assumptions": every factor with its source, year and licence, and a field to override it.
import { whenLoaded } from './loading.js';
import { fmt, published } from './format.js';
import { describeError, errorDetail } from './errors.js';
import { usableOverrides, withOverride, saveOverrides, saveDigitalOverrides, clearOverrides } from './overrides.js';

let api = null;
const body = document.querySelector('#sources-table tbody');
const status = document.getElementById('sources-status');

function cell(row, text) {
  row.insertCell().textContent = text;
}

/** Saves the set of overrides `next` only if `check(next)` — the API given it — accepts it, so that a refused value
 *  (a PUE below 1, say) is never stored and never reaches the other views; the status line says why, in plain
 *  words, and the field goes back to the value in use. Clearing an override (`value` undefined) is always saved. */
function saveIfAccepted(value, next, check, save, input, shown) {
  if (value !== undefined) {
    try {
      check(next);
    } catch (err) {
      input.value = String(shown);
      status.textContent = `Not saved: ${describeError(err)}`;
      status.title = errorDetail(err).message;
      return;
    }
  }
  save(next);
}

/** A number field that sets (or, emptied, clears) one override. */
function valueInput(value, label, set, { min = 0, max } = {}) {
  const input = document.createElement('input');
  input.type = 'number';
  input.step = 'any';
  input.min = String(min);
  if (max !== undefined) input.max = String(max);
  input.value = published(value); // as published: 0.27518, not 0.27518000000000004
  input.setAttribute('aria-label', label);
  input.addEventListener('change', () => set(input.value.trim() === '' ? undefined : Number(input.value), input));
  return input;
}

/** The table with the usable overrides, or the defaults should the API still refuse them. */
function withOverrides(list, current) {
  try {
    return list(current);
  } catch {
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
  if (!api) return;
  // Only the overrides the API accepts are shown and built upon; stored ones it refuses are left out, with a notice.
  const { factors: current = {}, digital = {}, notice } = usableOverrides(api);
  const count = Object.keys(current).length + Object.keys(digital).length;
  status.textContent = [count ? `${count} factor(s) overridden in this browser.` : '', notice].filter(Boolean).join(' ');
  status.removeAttribute('title');
  const table = withOverrides(api.factors, current);
  const digitalTable = withOverrides(api.digitalFactors, digital);
  body.replaceChildren();
  for (const f of table) {
    const save = (v, input) =>
      saveIfAccepted(v, withOverride(current, f.id, v === undefined ? undefined : { kgPerUnit: v }), api.factors,
        saveOverrides, input, f.kgPerUnit);
    const rows = f.desnzRows.map((r) => `${r.part} ${r.row}`).join('; ');
    addRow(f, valueInput(f.kgPerUnit, `${f.label}, kg CO2e per ${f.unit}`, save), `kg CO2e/${f.unit}`,
      rows ? `${f.source} (rows ${rows})` : f.source);
  }
  // Digital-energy figures (servers, data transfer), each in its own unit.
  for (const f of digitalTable) {
    const save = (v, input) =>
      saveIfAccepted(v, withOverride(digital, f.id, v), api.digitalFactors, saveDigitalOverrides, input, f.value);
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
whenLoaded(document.getElementById('sources'), (loaded) => {
  api = loaded;
  render();
});
