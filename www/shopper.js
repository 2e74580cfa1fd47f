// Shopper view: "How green is my delivery?" The question and its answer on one screen: the postcode or town field
// (looked up offline), and directly under it each option's CO2e per parcel, lowest first, with its difference from
// the baseline and one everyday comparison; then the whole order and the assumptions in sentences. Until the shopper
// says where, the answer is for the country's example place, and says so. A place not found keeps the answer on
// screen, marked as for the place before, with the message (and what the text may have meant) beside the field. `deliveryOptions` gives ids and numbers; the words and the
// number formats come from the page language's strings (www/strings/<lang>/chain.js, page.js, numbers.js).
import { whenLoaded, loadNotice } from './loading.js';
import { pageLang, loadStrings, translate } from './i18n.js';
import { el, reset, barItem } from './plot.js';
import { withUsableOverrides, overridesStored, joinNotices } from './overrides.js';
import { showError, clearError, requireFinite } from './errors.js';
import { bindPlaceField, placeLine, showPlaceProblem } from './place-field.js';
import { pageCountry, EXAMPLES } from './country.js';
import { placeForDelivery, countryName } from './places.js';
import { rankByEmissions } from './ranking.js';

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

let api = null; // the widget's build: the options, drawn before the full package has arrived
let fullApi = null; // the full package: the everyday comparisons, checking stored overrides, the whole order
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
const placeError = document.getElementById('shopper-place-error');
const depotError = document.getElementById('shopper-depot-error');
// What the figures count, in plain words, under the answer (with a link to the sources and assumptions): one line
// until opened.
const boundaryBox = document.getElementById('shopper-boundary');
boundaryBox.querySelector('summary').textContent = WHAT_IS_COUNTED;
const boundaryLine = boundaryBox.querySelector('p');
const notices = { delivery: '', order: '' };
const KM_PER_DEGREE = 111.195;
const MAP_KM = 15; // the map shows ±15 km around the shop

/** Where the parcel goes, as the view names it: the last place found (kept while a text typed after it is not
 *  found), or `null` for coordinates typed or clicked. The markup's coordinates are the British example's, EC2A. */
let destination = { kind: 'postcode', name: 'EC2A', precisionKm: 1.7 };
/** Whether the answer is for the country's example place, which the shopper never chose: the view says so. */
let example = true;
/** Whether the coordinates hold a place yet (another country's example is looked up first): no figure before. */
let placed = country === 'GB';
// A place that could not be found, for the shopper or the shop: the answer stays, for the place before.
const problems = { shopper: null, depot: null };
/** Set by a search the shopper made: once its answer is drawn, the lowest option is brought into view. */
let searched = false;
let chosen = null; // the option picked for the whole order; the baseline until the shopper picks
/** The options the list shows (their JSON, with the baseline): when a drawing would show the same options, only
 *  their everyday comparisons are written, in place. The full package's arrival then costs a phone no second
 *  build and layout of the list. */
let drawnOptions = '';
let drawings = 0; // counts the drawings, so that a part left for later is dropped once a newer drawing exists
/** Whether the answer in the markup still stands: the British example's, as the calculator draws it (written by
 *  `npm run prerender`, checked by tests/page/prerender.test.mjs). boot.js says whether it holds for this visit (the
 *  language, the country, no overrides stored). Until the shopper changes something, no calculator runs to draw it
 *  again: on a phone, the first screen costs no wasm call and no layout of the list. */
let prerendered = document.documentElement.classList.contains('answer-shown');
/** An option that had focus when the list was cleared: it gets focus back when the list is drawn, if focus has not
 *  gone anywhere else meanwhile. */
let refocus = null;

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

/** Notices about the saved overrides (in use, ignored or unusable), each sentence once. */
function showNotices() {
  noticeLine.textContent = joinNotices([notices.delivery, notices.order]);
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
  return shortCitation(source.split(/[,;:(]/)[0].trim());
}

/** A citation of at most `max` characters, cut only between words ("University of Westminster / Pedal Me 2021",
 *  never "… Pedal Me 202"); the whole source is the link's title. */
export function shortCitation(text, max = 48) {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > 0 ? cut : max - 1).replace(/[\s/&,;:–-]+$/, '')}…`;
}

/** The calculator's own texts in the page's language (www/strings/<lang>/sources.js), for the citations' tooltips:
 *  loaded when the reader first points at or tabs into the assumptions, not on a first visit. English needs none. */
let sourceWords = null;
if (lang !== 'en-GB') {
  const translateTitles = async () => {
    sourceWords ??= await loadStrings(lang, 'sources').catch(() => null);
    for (const link of assumptions.querySelectorAll('a[data-source]')) link.title = sourceWords?.sourceText(link.dataset.source) ?? link.dataset.source;
  };
  for (const type of ['pointerover', 'focusin']) assumptions.addEventListener(type, translateTitles, { once: true });
}

/** An assumption in a sentence, its citation behind a link to the sources table, and, when the result says whose
 *  value it is (`settings[].country`), that country by name. */
function assumptionItem(sentence, source, area, country) {
  const item = document.createElement('li');
  const link = document.createElement('a');
  link.href = '#sources';
  link.textContent = citation(source, area);
  link.title = sourceWords?.sourceText(source) ?? source;
  link.dataset.source = source;
  const [before, after] = SHOPPER.cited(sentence);
  item.append(before, ...(country ? [SHOPPER.country(countryName(country, lang)), ', '] : []), link, after);
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
  if (list.contains(document.activeElement)) refocus = document.activeElement.value;
  list.replaceChildren();
  drawnOptions = '';
  drawings++; // nothing left for later is drawn over the cleared figures
  delete list.dataset.calculator;
  assumptions.replaceChildren();
  boundaryLine.replaceChildren();
  boundaryBox.hidden = true;
  notices.delivery = '';
  showNotices();
  clearOrder();
}

/** No figure on screen for an answer not computed yet: "Calculating…" until a calculator draws it. */
function showCalculating() {
  clearFigures();
  placeStatus.textContent = placed ? placeSentence() : '';
  answer.setAttribute('aria-busy', 'true');
  loading.hidden = false;
  orderOption.textContent = HTML.orderOptionHint;
  document.documentElement.classList.add('answer-shown'); // style.css hid the markup's answer until now
}

/** The sentence over the answer: for which place it is, and whether that is the example or the place before. */
function placeSentence() {
  const where = destinationNow();
  if (problems.shopper || problems.depot) return placeLine(example ? SHOPPER.stillForExample : SHOPPER.stillFor, where, placeWords);
  if (example) return SHOPPER.exampleLine(placeLine(SHOPPER.exampleTo, where, placeWords));
  return placeLine(SHOPPER.deliveringTo, where, placeWords);
}

/** Brings the lowest option into view after a search, if it is not; without motion for those who ask for none. */
function showLowest() {
  const first = list.firstElementChild;
  if (!first) return;
  const box = first.getBoundingClientRect();
  if (box.top >= 0 && box.bottom <= innerHeight) return;
  const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
  first.scrollIntoView({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
}

/** Draws the answer after a change. On a calculator's `arrival`, the answer in the markup stands if nothing has
 *  changed; otherwise the list is drawn now and what is under it (what is counted, the assumptions, the whole order's
 *  footprint with its own first wasm calls) in a task of its own: a phone then runs two shorter tasks, not one long. */
function render({ arrival = false } = {}) {
  if (!arrival) prerendered = false;
  drawMap(); // the map needs no calculator
  showPlaceProblem(placeError, problems.shopper, form.elements.place, SHOPPER.didYouMean);
  showPlaceProblem(depotError, problems.depot, form.elements.depotPlace, SHOPPER.didYouMean);
  // The widget's build computes the options (the same as the full package's: tests/fuzz/widget-matches-page), unless
  // stored overrides need the full package to check them; the full package adds the everyday comparisons. So the
  // full package's first call compiles only its comparisons' code: on a phone, its arrival is a shorter task.
  const calc = overridesStored() ? fullApi : (api ?? fullApi);
  if (!calc || !placed) {
    if (!arrival) showCalculating(); // the figures on screen, if any, answer what was there before this change
    return;
  }
  if (prerendered) {
    list.dataset.calculator = fullApi ? 'full' : 'widget'; // ready for the shopper's first change
    return;
  }
  // A place not found changed no coordinate: the figures below are still those of the place named here.
  placeStatus.textContent = placeSentence();
  answer.classList.toggle('stale', Boolean(problems.shopper || problems.depot));
  let result;
  try {
    ({ result, notice: notices.delivery } = withUsableOverrides(calc, (f) => {
      const r = calc.deliveryOptions(input(f));
      requireFinite(r.options.map((o) => o.gCo2e));
      if (!fullApi) return r;
      // The comparisons must work for every figure too, or none is shown.
      r.comparisons = r.options.map((o) => fullApi.comparisons(o.gCo2e, f));
      r.trace = r.comparisons[0]?.trace; // the same for every figure: the petrol car's factor
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
  // A linear scale from zero, so that an option 37 times another is drawn 37 times as long; each bar's whisker is
  // its range (the longest whisker ends at the right edge).
  const top = Math.max(...result.options.flatMap((o) => [o.range.high, o.gCo2e]));
  const scale = (v) => Math.max(0, v) / top;
  const { sorted: ranked, claim } = rankByEmissions(result.options);
  const comparisonOf = new Map(result.options.map((o, i) => [o, result.comparisons?.[i]]));
  const sorted = ranked.map((o) => ({ o, c: comparisonOf.get(o) }));
  const options = JSON.stringify([result.options, result.baseline]);
  if (options === drawnOptions) {
    for (const { o, c } of sorted) list.querySelector(`li[data-id="${CSS.escape(o.id)}"] .comparison`).textContent = c ? everyday(c) : '';
  } else drawList(sorted, result, claim, scale);
  drawnOptions = options;
  answer.setAttribute('aria-busy', 'false');
  loading.hidden = true;
  const calculator = fullApi ? 'full' : 'widget';
  const rest = () => {
    drawBelowList(result, baseline);
    list.dataset.calculator = calculator; // drawn with the full package's parts? Tests wait for 'full'
  };
  const drawing = ++drawings;
  if (arrival) setTimeout(() => drawing === drawings && rest()); // unless a later drawing has come first
  else rest();
}

/** What is counted, the assumptions in sentences, and the whole order: under the list. */
function drawBelowList(result, baseline) {
  const sources = document.createElement('a');
  sources.href = '#sources';
  sources.textContent = SHOPPER.sourcesLink;
  boundaryBox.hidden = false;
  boundaryLine.replaceChildren(
    `${boundarySentence(result.boundary)} ${medianNote(baseline?.range.coverage ?? result.options[0].range.coverage)} `,
    sources,
    '.',
  );
  // The assumptions in sentences (the settings the figures used), each with its citation behind a link to the
  // sources table.
  const car = result.trace?.find((t) => /petrol-car/.test(t.name));
  assumptions.replaceChildren(
    // A value borrowed from another country (a proxy) names that country; the country's own values need no label.
    ...result.settings.map((setting) => assumptionItem(settingSentence(setting), setting.source, result.variants.area, setting.proxy ? setting.country : null)),
    ...(car ? [assumptionItem(SHOPPER.carFactor(grams(car.value * 1000)), car.source)] : []),
  );
  renderOrder();
}

/** The options, lowest first, each a radio button with its bar, range, difference from the baseline, everyday
 *  comparison (once the full package has brought it) and explanation. */
function drawList(sorted, result, claim, scale) {
  // An option that had focus keeps it (or gets it back, if the list was cleared under it).
  const active = document.activeElement;
  const focused = list.contains(active) ? active.value : (active === document.body ? refocus : null);
  refocus = null;
  list.replaceChildren(
    ...sorted.map(({ o: option, c }, rank) => {
      const optionName = OPTION_LABELS[option.id] ?? option.id;
      const item = barItem(optionName, SHOPPER.perParcel(gramsRange(option.gCo2e, option.range)), scale(option.gCo2e), {
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
      radio.defaultChecked = option.id === chosen; // as an attribute, so that the markup's answer keeps it
      // Never restored by the browser (back, reload): it would check the same position in a list drawn in another
      // order, another option.
      radio.autocomplete = 'off';
      const name = document.createElement('span');
      name.className = 'option-name';
      name.append(radio, ' ', head.querySelector('strong'));
      // "Lowest emissions" only when its range is clear of the next option's; else "among the lowest".
      const badgeWords = greenest ? (claim === 'lowest' ? SHOPPER.lowest : SHOPPER.amongLowest) : '';
      if (greenest) {
        const badge = document.createElement('span');
        badge.className = 'badge';
        badge.dataset.claim = claim;
        badge.textContent = badgeWords;
        name.append(' ', badge);
      }
      label.append(name, head.querySelector('.option-value'));
      head.replaceWith(label);
      // One sentence for screen readers, as the widget says it: name, figure, range, and the badge's words.
      const ends = option.range.high > option.range.low ? n.gramsEnds(option.gCo2e, option.range) : null;
      radio.setAttribute('aria-label', chain.WIDGET_TEXT.optionSentence(optionName, grams(option.gCo2e), ends, badgeWords));
      radio.setAttribute('aria-describedby', `shopper-versus-${option.id} shopper-why-${option.id}`);
      item.classList.toggle('chosen', radio.checked);
      const vs = document.createElement('p');
      vs.className = 'versus';
      vs.id = `shopper-versus-${option.id}`;
      vs.textContent = versus(option, result.baseline);
      const compare = document.createElement('p');
      compare.className = 'comparison';
      compare.textContent = c ? everyday(c) : ''; // its line is kept until the full package fills it
      const why = document.createElement('p');
      why.className = 'why';
      why.id = `shopper-why-${option.id}`;
      why.textContent = optionExplanation(option, result);
      item.querySelector('.bar').before(vs);
      item.append(compare, why);
      return item;
    }),
  );
  if (focused) list.querySelector(`input[value="${CSS.escape(focused)}"]`)?.focus();
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
  if (!list.querySelector('input:checked')) {
    clearOrder();
    return;
  }
  const o = orderForm.elements;
  const out = document.getElementById('order-summary');
  const parts = document.querySelector('#order-parts tbody');
  const picked = list.querySelector(`li[data-id="${chosen}"] strong`)?.textContent ?? chosen;
  orderOption.textContent = SHOPPER.withOption(picked);
  if (!fullApi) {
    // Its figures come with the full package (render() draws them then); none is left from another option.
    parts.replaceChildren();
    out.textContent = '';
    return;
  }
  try {
    const { result: r, notice } = withUsableOverrides(fullApi, (factors, digitalFactors) => {
      const order = fullApi.orderFootprint({
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
  example = false;
  placed = true;
  problems.shopper = null;
  render();
});

// The place fields: a postcode or town fills the coordinates under "advanced"; typing coordinates there instead
// makes the view name them.
// The markup opens on the British example; another country opens on its own (a shop in its capital, a shopper's
// postcode nearby), looked up here: no figure is shown until it is found. The field itself stays empty: the
// shopper never chose the example.
if (country !== 'GB') {
  const { shop, shopper } = EXAMPLES[country];
  form.elements.depotLat.value = String(shop.lat);
  form.elements.depotLon.value = String(shop.lon);
  placeStatus.textContent = '';
  placeForDelivery(shopper, { country, lang })
    .then(({ place }) => {
      if (!example || !place) return; // the shopper has already said where
      form.elements.lat.value = String(place.lat);
      form.elements.lon.value = String(place.lon);
      destination = place;
      placed = true;
      render();
    })
    .catch((err) => console.warn('green-delivery: the example place could not be found', err));
} else if (form.elements.lat.value !== form.elements.lat.defaultValue || form.elements.lon.value !== form.elements.lon.defaultValue) {
  // A reload restored other coordinates than the example's: they are named as coordinates.
  destination = null;
  example = false;
}
if (!prerendered) showCalculating(); // the markup's answer is not this visit's
/** A search the shopper started: its answer, once drawn, is brought into view. */
const searching = () => {
  searched = true;
};
form.elements.place.addEventListener('input', searching);
form.elements.place.addEventListener('change', searching);
form.elements.locate.addEventListener('click', searching);
bindPlaceField(form.elements.place, {
  lang,
  country,
  lat: form.elements.lat,
  lon: form.elements.lon,
  locate: form.elements.locate,
  onPlace(place, problem, suggestions) {
    if (place) {
      destination = place;
      example = false;
      placed = true;
      form.elements.distance.value = '';
    }
    problems.shopper = problem ? { text: problem, suggestions } : null;
    render();
    if (place && searched) showLowest();
    searched = false;
  },
});
bindPlaceField(form.elements.depotPlace, {
  lang,
  country,
  depotCountry: null, // the shop's own place: any place in the country, no road check
  lat: form.elements.depotLat,
  lon: form.elements.depotLon,
  onPlace(place, problem, suggestions) {
    problems.depot = problem ? { text: problem, suggestions } : null;
    render();
  },
});
form.addEventListener('input', (event) => {
  const name = event.target.name;
  if (name === 'shopper-option') return; // handled below
  if (name === 'place' || name === 'depotPlace') {
    // An emptied field has nothing to complain about; any other text is looked up (above).
    const which = name === 'place' ? 'shopper' : 'depot';
    if (event.target.value.trim() === '' && problems[which]) {
      problems[which] = null;
      render();
    }
    return;
  }
  if (name === 'depotLat' || name === 'depotLon') {
    problems.depot = null;
    form.elements.depotPlace.value = '';
  }
  if (name === 'lat' || name === 'lon') {
    destination = null;
    example = false;
    placed = true;
    problems.shopper = null;
    form.elements.place.value = '';
  }
  if (name === 'distance') example = false;
  render();
});
list.addEventListener('change', (event) => {
  if (event.target.name !== 'shopper-option') return;
  prerendered = false;
  chosen = event.target.value;
  for (const item of list.children) item.classList.toggle('chosen', item.dataset.id === chosen);
  renderOrder();
});
orderForm.addEventListener('input', () => {
  prerendered = false;
  renderOrder();
});
orderForm.addEventListener('submit', (event) => event.preventDefault());
form.addEventListener('submit', (event) => event.preventDefault());
addEventListener('green-delivery:overrides', render);
// What the shopper changed before this module ran (on a phone, in its first second) is a change like any other.
const changedEarly = (control) => {
  if (control.type === 'radio') return control.checked !== control.defaultChecked;
  if (control instanceof HTMLSelectElement) return !control.options[control.selectedIndex]?.defaultSelected;
  return 'defaultValue' in control && control.value !== control.defaultValue;
};
chosen = list.querySelector('input:checked')?.value ?? null;
if ([...form.elements].some((control) => control.name !== 'shopper-option' && changedEarly(control))) render();
else if ([...list.querySelectorAll('input'), ...orderForm.elements].some(changedEarly)) {
  prerendered = false;
  renderOrder();
}
render({ arrival: true }); // the map, at once; the figures (unless the markup's stand) once a calculator has loaded
// The options first, from the smaller build; their everyday comparisons and the order's footprint when the full
// package follows. One notice for both: if either cannot load, the view says so, and Retry tries again for both.
const notice = loadNotice(section);
whenLoaded(section, (loaded) => {
  api = loaded;
  render({ arrival: true });
}, notice, 'widget');
whenLoaded(section, (loaded) => {
  fullApi = loaded;
  render({ arrival: true });
}, notice);
