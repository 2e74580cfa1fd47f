// Shopper view: "How green is my delivery?" The answer first: each option's CO2e per parcel, lowest first, with its
// difference from the baseline and one everyday comparison; then where (a postcode or town, looked up offline),
// then the whole order and the assumptions in sentences. `deliveryOptions` gives ids and numbers; the words and the
// number formats come from the page language's strings (www/strings/<lang>/chain.js, page.js, numbers.js).
import { whenLoaded } from './loading.js';
import { logScale } from './format.js';
import { pageLang, loadStrings, translate } from './i18n.js';
import { el, reset, barItem } from './plot.js';
import { withUsableOverrides } from './overrides.js';
import { showError, clearError, requireFinite } from './errors.js';
import { bindPlaceField, placeLine } from './place-field.js';
import { pageCountry, EXAMPLES } from './country.js';

const lang = pageLang();
/** Where the shop delivers: its defaults price the options, and the place search prefers its places. */
const country = pageCountry(lang);
const [chain, { HTML, SHOPPER }, { n }, placeWords] = await Promise.all(
  ['chain', 'page', 'numbers', 'places'].map((part) => loadStrings(lang, part)),
);
const {
  OPTION_LABELS, BASELINE_TEXT, WHAT_IS_COUNTED, optionExplanation, savingText, settingSentence, boundarySentence, medianNote,
} = chain;
const { fmt, gramsRange, km, grams, round, percent } = n;
/** A country's name in the page's language ("Deutschland", "中国"), for the settings that say whose value they used. */
const regionNames = new Intl.DisplayNames([lang], { type: 'region' });
const countryName = (code) => {
  try {
    return regionNames.of(code === 'world' ? '001' : code); // "world", the proxy, is UN M49's 001
  } catch {
    return code; // not a region code: shown as given
  }
};

let api = null;
const section = document.getElementById('shopper');
translate(section, HTML);
const form = document.getElementById('shopper-form');
const map = document.getElementById('shopper-map');
const answer = document.getElementById('shopper-answer');
const loading = document.getElementById('shopper-loading');
const placeStatus = document.getElementById('shopper-place');
const list = document.getElementById('shopper-results');
const error = document.getElementById('shopper-error');
const assumptions = document.getElementById('shopper-assumptions');
const orderForm = document.getElementById('order-form');
const orderOption = document.getElementById('order-option');
const noticeLine = document.getElementById('shopper-notice');
// What the figures count, in plain words, under the answer (with a link to the sources and assumptions): one line
// until opened.
const boundaryBox = document.createElement('details');
boundaryBox.id = 'shopper-boundary';
boundaryBox.className = 'hint';
const boundarySummary = document.createElement('summary');
boundarySummary.textContent = WHAT_IS_COUNTED;
const boundaryLine = document.createElement('p');
boundaryBox.append(boundarySummary, boundaryLine);
boundaryBox.hidden = true;
noticeLine.after(boundaryBox);
const notices = { delivery: '', order: '' };
const KM_PER_DEGREE = 111.195;
const MAP_KM = 15; // the map shows ±15 km around the shop

/** Where the parcel goes, as the view names it; `null` while a place typed is not (yet) found. */
let destination = { kind: 'postcode', name: 'EC2A', precisionKm: 1.7 };
// A place that could not be found, for the shopper or the shop: no figure is shown while either is set.
const problems = { shopper: null, depot: null };
let chosen = null; // the option picked for the whole order; the baseline until the shopper picks

const number = (name) => (form.elements[name].value.trim() === '' ? NaN : Number(form.elements[name].value));

/** The road distance typed is the line-haul from the shop (`lineHaul.km`), in place of the shop's location. */
function input(factors) {
  const distance = form.elements.distance.value.trim();
  return {
    ...(distance === '' ? { depot: { lat: number('depotLat'), lon: number('depotLon') } } : { settings: { 'lineHaul.km': Number(distance) } }),
    shopper: { lat: number('lat'), lon: number('lon') },
    vehicle: form.elements.vehicle.value,
    country,
    factors,
  };
}

/** Notices about the saved overrides (ignored or unusable), each sentence once. */
function showNotices() {
  const sentences = [notices.delivery, notices.order].join(' ').split(/(?<=\.) /).filter(Boolean);
  noticeLine.textContent = [...new Set(sentences)].join(' ');
}

/** Short link text for a citation: the publisher and year, never row codes. The whole citation is its title. A
 *  source given per area ("urban: …; suburban: …; rural: …") is cited for the `area` the figures used. */
function citation(source, area) {
  if (source === 'input') return SHOPPER.asYouSetIt;
  const perArea = source.split(/; (?=(?:urban|suburban|rural): )/).find((part) => part.startsWith(`${area}: `));
  if (perArea) return citation(perArea.slice(area.length + 2));
  if (/DESNZ/.test(source)) return 'DESNZ 2025';
  if (/^assumption/i.test(source)) return SHOPPER.ourAssumption;
  if (/great-circle/.test(source)) return SHOPPER.howWorkedOut;
  return source.split(/[,;:(]/)[0].trim().slice(0, 48);
}

/** An assumption in a sentence, its citation behind a link to the sources table, and, when the result says whose
 *  value it is (`settings[].country`), that country by name. */
function assumptionItem(sentence, source, area, country) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = '#sources';
  link.textContent = citation(source, area);
  link.title = source;
  const [before, after] = SHOPPER.cited(sentence);
  item.append(before, ...(country ? [SHOPPER.country(countryName(country)), ', '] : []), link, after);
  if (country) item.dataset.country = country;
  return item;
}

/** The difference from the baseline with its interval, or "no clear difference" when the interval spans zero. */
function versus(option, baselineId) {
  const text = option.id === baselineId ? BASELINE_TEXT : savingText(option, OPTION_LABELS[baselineId] ?? baselineId);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** One everyday comparison, in readable units: the distance a petrol car would drive for the same CO2e. */
const everyday = (c) => SHOPPER.everyday(km(c.metresDriven / 1000));

/** Clears every figure: none is left next to an input it no longer matches. */
function clearFigures() {
  list.replaceChildren();
  assumptions.replaceChildren();
  boundaryLine.replaceChildren();
  boundaryBox.hidden = true;
  notices.delivery = '';
  showNotices();
  clearOrder();
}

function render() {
  drawMap(); // the map needs no calculator
  if (!api) return;
  placeStatus.textContent = placeLine(SHOPPER.deliveringTo, destinationNow(), placeWords);
  const placeProblem = problems.shopper ?? problems.depot;
  if (placeProblem) {
    error.textContent = placeProblem;
    delete error.dataset.code;
    clearFigures();
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
      requireFinite(r.comparisons.map((c) => c.metresDriven));
      return r;
    }));
    clearError(error);
  } catch (err) {
    showError(error, err);
    clearFigures();
    return;
  }
  showNotices();
  const baseline = result.options.find((o) => o.id === result.baseline);
  chosen = result.options.some((o) => o.id === chosen) ? chosen : (baseline?.id ?? result.options[0].id);
  // A log scale, so that options 30 g and 11 kg apart can both be read; each bar's whisker is its range.
  const scale = logScale(result.options.flatMap((o) => [o.range.low, o.range.high, o.gCo2e]));
  const sorted = result.options.map((o, i) => ({ o, c: result.comparisons[i] })).sort((a, b) => a.o.gCo2e - b.o.gCo2e);
  list.replaceChildren(
    ...sorted.map(({ o: option, c }, rank) => {
      const item = barItem(OPTION_LABELS[option.id] ?? option.id, SHOPPER.perParcel(gramsRange(option.gCo2e, option.range)), scale(option.gCo2e), {
        from: scale(option.range.low),
        to: scale(option.range.high),
      });
      const greenest = rank === 0;
      item.classList.toggle('greenest', greenest);
      item.dataset.id = option.id;
      item.dataset.grams = String(option.gCo2e); // full precision, for tests and tools
      // The head becomes a radio button's label: picking an option sets the whole order's delivery.
      const head = item.querySelector('.option-head');
      const label = document.createElement('label');
      label.className = 'option-head';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'shopper-option';
      radio.value = option.id;
      radio.checked = option.id === chosen;
      const name = document.createElement('span');
      name.className = 'option-name';
      name.append(radio, ' ', head.querySelector('strong'));
      if (greenest) {
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.textContent = SHOPPER.lowest;
        name.append(' ', badge);
      }
      label.append(name, head.querySelector('.option-value'));
      head.replaceWith(label);
      item.classList.toggle('chosen', radio.checked);
      const vs = document.createElement('p');
      vs.className = 'versus';
      vs.textContent = versus(option, result.baseline);
      const compare = document.createElement('p');
      compare.className = 'comparison';
      compare.textContent = everyday(c);
      const why = document.createElement('p');
      why.className = 'why';
      why.textContent = optionExplanation(option, result);
      item.querySelector('.bar').before(vs);
      item.append(compare, why);
      return item;
    }),
  );
  const sources = document.createElement('a');
  sources.href = '#sources';
  sources.textContent = SHOPPER.sourcesLink;
  boundaryBox.hidden = false;
  boundaryLine.replaceChildren(
    `${boundarySentence(result.boundary)} ${medianNote(baseline?.range.coverage ?? result.options[0].range.coverage)} `,
    sources,
    '.',
  );
  answer.setAttribute('aria-busy', 'false');
  loading.hidden = true;
  renderOrder();
  // The assumptions in sentences (the settings the figures used), each with its citation behind a link to the
  // sources table.
  const car = result.trace.find((t) => /petrol-car/.test(t.name));
  assumptions.replaceChildren(
    // A value borrowed from another country (a proxy) names that country; the country's own values need no label.
    ...result.settings.map((setting) => assumptionItem(settingSentence(setting), setting.source, result.variants.area, setting.proxy ? setting.country : null)),
    ...(car ? [assumptionItem(SHOPPER.carFactor(grams(car.value * 1000)), car.source)] : []),
  );
}

/** Where the parcel goes now: the place found, or the coordinates or distance typed under "advanced". */
function destinationNow() {
  if (form.elements.distance.value.trim() !== '') return { kind: 'distance', name: SHOPPER.byRoad(km(number('distance'))) };
  return destination ?? { kind: 'coordinates', name: `${round(number('lat'), 4)}, ${round(number('lon'), 4)}` };
}

function clearOrder() {
  const out = document.getElementById('order-summary');
  document.querySelector('#order-parts tbody').replaceChildren();
  out.textContent = '';
  out.classList.remove('error');
  orderOption.textContent = SHOPPER.pickOption;
}

/** The whole order: delivery (the option picked above), packaging and the online part, as one sentence and a table. */
function renderOrder() {
  if (!api) return;
  if (!list.querySelector('input:checked')) {
    clearOrder();
    return;
  }
  const o = orderForm.elements;
  const out = document.getElementById('order-summary');
  const parts = document.querySelector('#order-parts tbody');
  const picked = list.querySelector(`li[data-id="${chosen}"] strong`)?.textContent ?? chosen;
  orderOption.textContent = SHOPPER.withOption(picked);
  try {
    const { result: r, notice } = withUsableOverrides(api, (factors, digitalFactors) => {
      const order = api.orderFootprint({
        delivery: input(factors),
        option: chosen,
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
    // The sentence is written here, in the page's language, not taken from the result's English `summary`.
    const name = (part) => SHOPPER.PARTS[part.id] ?? part.id;
    out.textContent = SHOPPER.orderSummary(grams(r.gCo2e), r.parts.map((part) => [name(part), grams(part.gCo2e)]));
    parts.replaceChildren();
    for (const part of r.parts) {
      const row = parts.insertRow();
      row.insertCell().textContent = name(part);
      row.insertCell().textContent = grams(part.gCo2e);
      row.insertCell().textContent = percent(100 * part.share);
    }
  } catch (err) {
    // The old total is never left on screen next to an input it no longer matches.
    parts.replaceChildren();
    showError(out, err, { prefix: SHOPPER.orderError });
    out.classList.add('error');
  }
}

/** A tile-free map: the shop, the shopper, and a 5 km scale bar on a local plane around the shop. With a distance
 *  typed instead of a place, "you" is not drawn: the distance says nothing about where. */
function drawMap() {
  const [lat0, lon0] = [number('depotLat'), number('depotLon')];
  const [lat, lon] = [number('lat'), number('lon')];
  const byDistance = form.elements.distance.value.trim() !== '';
  const shop = `${fmt(lat0)}, ${fmt(lon0)}`;
  reset(map, byDistance
    ? SHOPPER.mapByDistance(shop, km(number('distance')))
    : SHOPPER.mapByPlace(shop, `${fmt(lat)}, ${fmt(lon)}`));
  const toX = (lo) => 50 + (((lo - lon0) * KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180)) / MAP_KM) * 50;
  const toY = (la) => 50 - (((la - lat0) * KM_PER_DEGREE) / MAP_KM) * 50;
  el('rect', { x: 0, y: 0, width: 100, height: 100, class: 'plot-frame' }, map);
  for (const r of [5, 10, 15]) el('circle', { cx: 50, cy: 50, r: (r / MAP_KM) * 50, class: 'ring' }, map);
  el('line', { x1: 5, y1: 95, x2: 5 + (5 / MAP_KM) * 50, y2: 95, class: 'scale' }, map);
  el('text', { x: 5, y: 92, class: 'scale-label' }, map).textContent = km(5);
  el('rect', { x: 47.5, y: 47.5, width: 5, height: 5, class: 'shop' }, map);
  el('text', { x: 54, y: 49, class: 'map-label' }, map).textContent = SHOPPER.mapShop;
  if (!byDistance && Number.isFinite(lat) && Number.isFinite(lon)) {
    const [x, y] = [toX(lon), toY(lat)];
    el('circle', { cx: x, cy: y, r: 2.5, class: 'you' }, map);
    // The label goes on whichever side has room.
    const label = el('text', { x: x > 85 ? x - 3.5 : x + 3.5, y: y + 1.5, class: 'map-label' }, map);
    label.setAttribute('text-anchor', x > 85 ? 'end' : 'start');
    label.textContent = SHOPPER.mapYou;
  }
}

map.addEventListener('click', (event) => {
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(map.getScreenCTM().inverse());
  const [lat0, lon0] = [number('depotLat'), number('depotLon')];
  const km = { x: ((p.x - 50) / 50) * MAP_KM, y: ((50 - p.y) / 50) * MAP_KM };
  form.elements.lat.value = (lat0 + km.y / KM_PER_DEGREE).toFixed(5);
  form.elements.lon.value = (lon0 + km.x / (KM_PER_DEGREE * Math.cos((lat0 * Math.PI) / 180))).toFixed(5);
  form.elements.distance.value = '';
  form.elements.place.value = '';
  destination = null;
  problems.shopper = null;
  render();
});

// The place fields: a postcode or town fills the coordinates under "advanced"; typing coordinates there instead
// makes the view name them.
// The markup opens on the British example; another country opens on its own (a shop in its capital, a shopper's
// postcode nearby), before the fields are bound and looked up.
if (country !== 'GB') {
  const example = EXAMPLES[country];
  form.elements.depotLat.value = String(example.shop.lat);
  form.elements.depotLon.value = String(example.shop.lon);
  form.elements.place.value = example.shopper;
  placeStatus.textContent = '';
  destination = null; // until the postcode is found
}
bindPlaceField(form.elements.place, {
  lang,
  country,
  lat: form.elements.lat,
  lon: form.elements.lon,
  locate: form.elements.locate,
  onPlace(place, problem) {
    destination = place;
    problems.shopper = problem;
    if (place) form.elements.distance.value = '';
    render();
  },
});
bindPlaceField(form.elements.depotPlace, {
  lang,
  country,
  depotCountry: null, // the shop's own place: any place in the country, no road check
  lat: form.elements.depotLat,
  lon: form.elements.depotLon,
  onPlace(place, problem) {
    problems.depot = problem;
    render();
  },
});
form.addEventListener('input', (event) => {
  const name = event.target.name;
  if (name === 'place' || name === 'depotPlace' || name === 'shopper-option') return; // handled above and below
  if (name === 'depotLat' || name === 'depotLon') {
    problems.depot = null;
    form.elements.depotPlace.value = '';
  }
  if (name === 'lat' || name === 'lon') {
    destination = null;
    problems.shopper = null;
    form.elements.place.value = '';
  }
  render();
});
list.addEventListener('change', (event) => {
  if (event.target.name !== 'shopper-option') return;
  chosen = event.target.value;
  for (const item of list.children) item.classList.toggle('chosen', item.dataset.id === chosen);
  renderOrder();
});
orderForm.addEventListener('input', renderOrder);
orderForm.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('submit', (event) => event.preventDefault());
addEventListener('green-delivery:overrides', render);
// A reload may restore the fields as they were left: name what they hold.
if (form.elements.place.value.trim() === '') destination = null;
render(); // the map, at once; the figures once the calculator has loaded
whenLoaded(section, (loaded) => {
  api = loaded;
  render();
});
