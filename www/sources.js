// "Sources and assumptions": every factor with its source, year and licence, and a field to override it. The words
// and number formats are the page language's (www/strings/<lang>/page.js, chain.js, numbers.js); the API's own
// texts in English (the sources, notes and units of the settings, digital figures and everyday comparisons, and a
// factor's source) go through strings/<lang>/sources.js, which keeps what they cite as published; ids and licences
// are as published.
import { whenLoaded } from './loading.js';
import { published } from './format.js';
import { describeError, errorDetail } from './errors.js';
import { usableOverrides, withOverride, saveOverrides, saveDigitalOverrides, clearOverrides } from './overrides.js';
import { pageLang, loadStrings, translate } from './i18n.js';
import { placeSourceList } from './place-field.js';
import { pageCountry } from './country.js';
import { countryName } from './places.js';

const lang = pageLang();
/** The page's country: the settings table shows its defaults (and which are another country's, as proxies). */
const country = pageCountry(lang);
const [{ HTML, SOURCES, factorLabel, unitName }, { SETTING_NAMES }, { n }, placeWords, { sourceText, unitText, fromCountry }] =
  await Promise.all(['page', 'chain', 'numbers', 'places', 'sources'].map((part) => loadStrings(lang, part)));
let api = null;
const section = document.getElementById('sources');
translate(section, HTML);
const table = document.getElementById('sources-table');
const status = document.getElementById('sources-status');
const search = document.getElementById('sources-search');
const count = document.getElementById('sources-count');
// The place search's own sources (postcode and town tables), with the attribution each licence asks for.
document.getElementById('place-sources-title').textContent = placeWords.SOURCES_HEADING;
document.getElementById('place-sources').replaceChildren(placeSourceList(placeWords));
const { HEADINGS } = SOURCES;
document.querySelectorAll('#sources-head th').forEach((th, i) => {
  th.textContent = HEADINGS[i];
});

/** The kinds the table is grouped by, in order; `kindOf` puts each row in one. */
const KINDS = ['vehicles', 'freight', 'grids', 'fuels', 'materials', 'digital', 'chain', 'comparisons', 'other'].map((kind) => [
  kind,
  SOURCES.KINDS[kind],
]);

/** A value as published, in the page's digits: every figure kept, float noise removed ("0,27518" in German). */
const publishedFormat = new Intl.NumberFormat(lang, { maximumSignificantDigits: 12 });
const asPublished = (value) => publishedFormat.format(Number(published(value)));

function kindOf(f, digital) {
  if (digital) return 'digital';
  if (f.unit === 'vehicle-km' || f.unit === 'passenger-km') return 'vehicles';
  if (f.unit === 'tonne-km') return 'freight';
  if (f.unit === 'kWh' || f.id.includes('grid')) return 'grids';
  if (f.unit === 'litre' || f.id.endsWith('-fuel')) return 'fuels';
  if (f.unit === 'tonne') return 'materials';
  return 'other';
}

/** `[low, central, high]` as "central (low–high)", every figure as published (the value cell's tooltip). */
const range = ([low, central, high]) => `${asPublished(central)} (${asPublished(low)}–${asPublished(high)})`;

/** A setting's `[low, central, high]` as a person reads it: 2–3 significant figures, "18 (5–40)"; a share (the
 *  settings table's unit "share", a fraction of 1) as a percentage, "2.8% (2–9.2%)", as the other views write it. */
const readable = ([low, central, high], unit) => {
  const share = unit === 'share';
  const value = share ? n.percent(100 * central) : n.sig(central);
  // A setting with no spread ("1 (1–1)") is its value alone.
  if (low === high) return value;
  return `${value} (${share ? n.percentRange({ low: 100 * low, high: 100 * high }) : `${n.sig(low)}–${n.sig(high)}`})`;
};

/** A cell labelled with its column's heading, so that the stacked (phone) layout can show it beside the value. */
function cell(row, text, column = row.cells.length) {
  const td = row.insertCell();
  td.dataset.label = HEADINGS[column];
  if (text instanceof Node) td.append(text);
  else td.textContent = text;
  return td;
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
      status.textContent = SOURCES.notSaved(describeError(err));
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

/** One factor's row, in its kind's group: its value as a field that overrides it, and where the value comes from.
 *  `source` and `english` (the source as the API gives it, so that a search in English finds the row in every
 *  language) are the default's: an overridden row still says what it replaces, and where that came from. */
function addRow(groups, kind, f, input, unit, { source, english, year, licence, defaultValue }) {
  const row = groups.get(kind).insertRow();
  row.id = `factor-${f.id}`;
  const label = factorLabel(f.id, f.label);
  const own = f.source === 'override';
  cell(row, label);
  cell(row, f.id).className = 'id';
  cell(row, input);
  cell(row, unit);
  cell(row, own ? SOURCES.overrideOf(n.fmt(defaultValue), source) : source);
  cell(row, year ?? '');
  cell(row, own ? SOURCES.ownValue : licence);
  row.dataset.search = [label, f.label, f.id, source, english, f.source, unit, f.unit, licence].join(' ').toLowerCase();
}

/** One <tbody> per kind, each headed by a row naming it. */
function makeGroups() {
  for (const old of table.querySelectorAll('tbody')) old.remove();
  const groups = new Map();
  for (const [kind, name] of KINDS) {
    const body = table.createTBody();
    body.dataset.kind = kind;
    const head = body.insertRow();
    head.className = 'group';
    const th = document.createElement('th');
    th.scope = 'rowgroup';
    th.colSpan = HEADINGS.length;
    th.id = `sources-group-${kind}`;
    th.textContent = name;
    head.append(th);
    groups.set(kind, body);
  }
  return groups;
}

/** Shows only the rows whose name, id, unit, source or licence contain every word typed; empty groups hide. */
function filter() {
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  let total = 0;
  for (const body of table.tBodies) {
    let inGroup = 0;
    for (const row of body.rows) {
      if (row.className === 'group') continue;
      total++;
      const match = words.every((w) => row.dataset.search.includes(w));
      row.hidden = !match;
      if (match) inGroup++;
    }
    shown += inGroup;
    body.hidden = inGroup === 0;
  }
  count.textContent = words.length === 0
    ? SOURCES.countAll(total)
    : shown === 0
      ? SOURCES.countNone(search.value.trim())
      : SOURCES.countSome(shown, total, search.value.trim());
}

function render() {
  if (!api) return;
  // A field being edited is replaced below. Blurring it first lets its pending change (fired on blur) run its own
  // render now, not in the middle of this one; focus comes back to the same row's field afterwards.
  const focused = table.contains(document.activeElement) ? document.activeElement.closest('tr')?.id : undefined;
  if (focused) document.activeElement.blur();
  // Only the overrides the API accepts are shown and built upon; stored ones it refuses are left out, with a notice.
  const { factors: current = {}, digital = {}, notice } = usableOverrides(api);
  const overridden = Object.keys(current).length + Object.keys(digital).length;
  status.textContent = [overridden ? SOURCES.overridden(overridden) : '', notice].filter(Boolean).join(' ');
  status.removeAttribute('title');
  const factorTable = withOverrides(api.factors, current);
  const digitalTable = withOverrides(api.digitalFactors, digital);
  // The defaults, for what an overridden row replaces.
  const defaults = new Map([...api.factors(), ...api.digitalFactors()].map((f) => [f.id, f]));
  const groups = makeGroups();
  for (const f of factorTable) {
    const save = (v, input) =>
      saveIfAccepted(v, withOverride(current, f.id, v === undefined ? undefined : { kgPerUnit: v }), api.factors,
        saveOverrides, input, f.kgPerUnit);
    const d = defaults.get(f.id);
    const rows = d.desnzRows.map((r) => `${r.part} ${r.row}`).join('; ');
    const cited = (source) => (rows ? `${source} (${SOURCES.rows(rows)})` : source);
    addRow(groups, kindOf(f, false), f, valueInput(f.kgPerUnit, `${factorLabel(f.id, f.label)}, ${SOURCES.perUnit(unitName(f.unit))}`, save),
      SOURCES.perUnit(unitName(f.unit)),
      { source: cited(sourceText(d.source)), english: cited(d.source), year: d.year, licence: d.licence, defaultValue: d.kgPerUnit });
  }
  // Digital-energy figures (servers, data transfer), each in its own unit.
  for (const f of digitalTable) {
    const save = (v, input) =>
      saveIfAccepted(v, withOverride(digital, f.id, v), api.digitalFactors, saveDigitalOverrides, input, f.value);
    // The API's rules: a PUE is at least 1, a ratio (utilisation) within [0, 1].
    const range = f.unit === 'PUE' ? { min: 1 } : f.unit === 'ratio' ? { max: 1 } : {};
    const unit = unitText(f.unit);
    const d = defaults.get(f.id);
    const source = d.note ? `${d.source}. ${d.note}` : d.source;
    addRow(groups, 'digital', f, valueInput(f.value, `${factorLabel(f.id, f.label)}, ${unit}`, save, range), unit,
      { source: sourceText(source), english: source, year: d.year, licence: d.licence, defaultValue: d.value });
  }
  // The delivery chain's settings: every default with its range and source (the page does not override them).
  for (const s of api.chainSettings(country)) {
    const row = groups.get('chain').insertRow();
    row.id = `setting-${s.id.replace(/\./g, '-')}`;
    const byArea = (write) => (s.urban ? ` (${SOURCES.byArea(write(s.urban, s.unit), write(s.rural, s.unit))})` : '');
    // Whose value it is, where the settings table says (`country`, an ISO code): named in the page's language.
    // A value borrowed from another country (a proxy) names it; "world", the proxy for countries without a value, is
    // UN M49's region 001: "World", "Welt", "世界".
    const whose = s.proxy ? countryName(s.country, lang) : '';
    const source = whose ? fromCountry(whose, sourceText(s.source)) : sourceText(s.source);
    const unit = unitText(s.unit);
    [SETTING_NAMES[s.id] ?? s.id, s.id, `${readable([s.low, s.central, s.high], s.unit)}${byArea(readable)}`, unit, source, '', '']
      .forEach((t) => cell(row, t));
    row.cells[1].className = 'id';
    // Every figure as published, for whoever needs more than 2–3 significant figures.
    row.cells[2].title = `${range([s.low, s.central, s.high])}${byArea(range)}`;
    if (s.country) row.dataset.country = s.country;
    row.dataset.search = [SETTING_NAMES[s.id], s.id, unit, s.unit, source, s.source, s.country].join(' ').toLowerCase();
  }
  for (const term of api.comparisons(1, undefined).trace.filter((t) => !t.name.startsWith('factor'))) {
    const row = groups.get('comparisons').insertRow();
    row.id = `assumption-${term.name}`;
    const [unit, source] = [unitText(term.unit), sourceText(term.source)];
    [SOURCES.everydayRow(SOURCES.COMPARISON_NAMES[term.name] ?? term.name), term.name, n.fmt(term.value), unit, source, '', '']
      .forEach((t) => cell(row, t));
    row.cells[1].className = 'id';
    row.dataset.search = [term.name, unit, term.unit, source, term.source].join(' ').toLowerCase();
  }
  filter();
  if (focused) document.getElementById(focused)?.querySelector('input')?.focus();
}

search.addEventListener('input', filter);
document.getElementById('sources-reset').addEventListener('click', clearOverrides);
addEventListener('green-delivery:overrides', render);
whenLoaded(document.getElementById('sources'), (loaded) => {
  api = loaded;
  render();
});
