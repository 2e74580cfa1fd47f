// <green-delivery-options>: each delivery option's g CO2e per parcel at checkout, as an accessible radio group.
// The class lives here; widget.js defines the tag. All numbers come from the wasm `deliveryOptions` (ids and
// numbers); every word comes from the strings of the widget's language, loaded when first needed: its `lang`
// attribute, else the nearest `lang` around it (the page's <html lang>), else the browser's languages.
import { loadWidgetPackage, retryLoading, onceRetried } from './widget-wasm.js';
import { describeError, errorDetail, packageError } from './errors.js';
import { rankByEmissions } from './ranking.js';
import { pickLang, loadStrings } from './i18n.js';

/** How many options `deliveryOptions` returns (all of www/strings/<lang>/chain.js's OPTION_LABELS), for the room
 *  reserved before it answers. */
const ALL_OPTIONS = 8;

/** The `lang` that applies to `element`: its own, else its nearest ancestor's, across shadow roots; '' if none. */
function langAround(element) {
  for (let node = element; node; node = node.parentElement ?? node.getRootNode().host) {
    const lang = node.getAttribute?.('lang');
    if (lang) return lang;
  }
  return '';
}

/** The widget's words in `lang`: the chain's labels and sentences, the number formats and the error sentences. */
async function wordsFor(lang) {
  const [chain, { n }, errors] = await Promise.all(['chain', 'numbers', 'errors'].map((part) => loadStrings(lang, part)));
  return { chain, n, errors };
}

/** The colours, light and dark, each overridden by its `--gd-*` property. Dark follows the reader's
 *  `prefers-color-scheme` (through `color-scheme: light dark`, which a page can pin with `color-scheme: light` on the
 *  element); browsers without `light-dark()` keep the light ones. */
const PALETTE = {
  '--gd-ink': ['#1b1b1b', '#ecece6'],
  '--gd-muted': ['#555', '#b9b9b2'],
  '--gd-background': ['#fff', '#1c1d1b'],
  '--gd-line': ['#d6d6d0', '#4d4e49'],
  '--gd-bar': ['#56B4E9', '#56B4E9'],
  '--gd-track': ['#ecece6', '#34352f'],
  '--gd-range': ['#1b1b1b', '#ecece6'],
  '--gd-selected': ['#eef7f3', '#163a2e'],
  '--gd-accent': ['#0a6b4f', '#5ccfa3'],
  '--gd-badge-ink': ['#fff', '#0b241b'],
  '--gd-error': ['#8a1c1c', '#ff9d90'],
};
const palette = (pick) => Object.entries(PALETTE).map(([name, both]) => `--_${name.slice(5)}: var(${name}, ${pick(...both)});`).join(' ');

/** Below this width (px) the widget draws its compact layout, unless `layout` says otherwise. */
const COMPACT_BELOW = 480;

const STYLES = `
  :host { display: block; color-scheme: light dark; }
  :host([hidden]) { display: none; }
  slot { display: block; }
  .ready slot { display: none; }
  .root {
    all: initial; color-scheme: inherit; display: block; box-sizing: border-box; max-width: 36rem; container-type: inline-size;
    font: 400 15px/1.45 var(--gd-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    color: var(--_ink); background: var(--_background);
    border: 1px solid var(--_line); border-radius: var(--gd-radius, 8px); padding: 12px;
    ${palette((light) => light)}
  }
  @supports (color: light-dark(#000, #fff)) { .root { ${palette((light, dark) => `light-dark(${light}, ${dark})`)} } }
  .root * { box-sizing: border-box; }
  .title { display: block; font-weight: 700; margin: 0 0 8px; min-height: var(--_title); } /* filled once its words load */
  /* The height is reserved before the numbers arrive, so nothing below moves: every row is at least --_row tall
     (as tall as a row usually is in its layout; a longer one grows), and the group at least the title and its rows
     (--gd-rows, the number offered). */
  fieldset {
    all: unset; display: block; --_title: 1.45em; --_row: 114px; --_badge: 0px;
    min-height: calc(var(--_title) + 8px + var(--gd-rows, 8) * (var(--_row) + 6px) - 6px + var(--_badge));
  }
  /* Full: a name line, the bar, the saving and two lines of explanation (three when narrower). Compact: two lines
     (a name that wraps, or the figure over its range), and the badge on a line of its own. */
  @container (max-width: 519px) { fieldset { --_row: 132px; } }
  .compact fieldset { --_row: 54px; --_badge: 20px; }
  .list { display: grid; gap: 6px; }
  .option {
    display: grid; grid-template-columns: minmax(0, 1fr) auto; grid-template-areas: "choice more" "detail detail";
    align-content: start; min-height: var(--_row); padding: 8px; border: 1px solid transparent;
    border-radius: calc(var(--gd-radius, 8px) - 2px); cursor: pointer;
  }
  .option:hover { border-color: var(--_line); }
  .option.selected { border-color: var(--_accent); background: var(--_selected); }
  .choice {
    grid-area: choice; display: grid; grid-template-columns: 18px minmax(0, 1fr) auto; gap: 0 8px; align-items: baseline;
    cursor: pointer;
  }
  input { margin: 0; width: 18px; height: 18px; align-self: center; accent-color: var(--_accent); }
  input:focus-visible, button:focus-visible, .boundary summary:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
  /* Names wrap, and a word too long for its line breaks rather than being cut. */
  .head { min-width: 0; overflow-wrap: anywhere; hyphens: auto; }
  .label { font-weight: 600; }
  .badge {
    display: inline-block; margin-left: 6px; padding: 0 6px; border-radius: 999px; font-size: 12px; line-height: 18px;
    font-weight: 700; color: var(--_badge-ink); background: var(--_accent); white-space: nowrap;
  }
  .badge:empty { display: none; }
  .value { text-align: right; font-variant-numeric: tabular-nums; }
  .figure, .spread { white-space: nowrap; }
  .detail { grid-area: detail; padding-left: 26px; }
  .bar { display: block; position: relative; height: 10px; margin: 6px 0 4px; background: var(--_track); border-radius: 4px; }
  .fill { display: block; height: 100%; min-width: 2px; background: var(--_bar); border-radius: 4px 0 0 4px; }
  .range { position: absolute; top: -2px; height: 14px; border: 2px solid var(--_range); border-top: 0; border-bottom: 0; }
  .range::after { content: ""; position: absolute; left: 0; right: 0; top: 6px; border-top: 2px solid var(--_range); }
  .greenest .fill { background: var(--_accent); }
  .saving, .why { display: block; font-size: 13px; line-height: 18px; }
  .saving { font-weight: 600; }
  .why { color: var(--_muted); }
  .more { display: none; }
  /* Compact: one line per option (its name, which may wrap, and its figure over its range); the bar, the saving and
     the explanation behind a disclosure button. */
  .compact .option { align-items: center; padding: 6px 4px 6px 8px; }
  .compact .choice { align-items: center; line-height: 20px; }
  .compact .badge { display: table; margin: 2px 0 0; }
  .compact .badge:empty { display: none; }
  .compact .figure, .compact .spread { display: block; }
  .compact .figure { font-weight: 600; }
  .compact .spread { font-size: 12px; line-height: 16px; color: var(--_muted); }
  .compact .option:not(.open) .detail { display: none; }
  .compact .detail { padding-top: 4px; }
  .compact .more {
    all: unset; grid-area: more; display: block; width: 32px; height: 32px; margin-left: 4px; border-radius: 4px; cursor: pointer;
    position: relative; color: var(--_accent);
  }
  /* A chevron that points down when closed and up when open. */
  .compact .more::before {
    content: ""; position: absolute; left: 11px; top: 9px; width: 8px; height: 8px;
    border: solid currentColor; border-width: 0 2px 2px 0; transform: rotate(45deg);
  }
  .compact .open .more::before { top: 13px; transform: rotate(-135deg); }
  .compact .more:hover { background: var(--_track); }
  /* "all: unset" above also took away the focus ring that every other button has. */
  .compact .more:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
  /* In a narrow column the figure goes under the name, so that the name has the whole line; the title may take two. */
  @container (max-width: 299px) {
    fieldset { --_title: 2.9em; }
    .compact .choice { grid-template-columns: 18px minmax(0, 1fr); }
    .compact .value { grid-column: 2; text-align: left; }
    .compact .figure, .compact .spread { display: inline; }
  }
  .boundary { display: block; margin-top: 8px; font-size: 13px; line-height: 18px; color: var(--_muted); }
  .boundary summary { cursor: pointer; color: var(--_accent); font-weight: 600; }
  .boundary p { margin: 4px 0 0; }
  .root:not(.ready) .boundary { visibility: hidden; } /* its line is reserved too */
  .boundary[hidden] { display: none; }
  .message { display: block; margin: 4px 0 0; color: var(--_error); font-size: 14px; }
  .message:empty { display: none; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .retry {
    all: unset; display: inline-block; margin: 6px 0 0; padding: 4px 12px; cursor: pointer; font-weight: 600;
    color: var(--_accent); border: 1px solid var(--_accent); border-radius: 4px;
  }
  .retry[hidden] { display: none; }
`;

/** Attributes and the `deliveryOptions` field each sets. `lat,lon` pairs become `{ lat, lon }`. An error's `field`
 *  (`shopper.lat`) names the attribute through its first part (`shopper` → `destination`). */
const ATTRIBUTES = {
  // "lat,lon", or a postcode or town (as for `destination`): a shop's settings often hold an address, not coordinates.
  depot: { field: 'depot', parse: latLon, postcode: true },
  // The country whose defaults apply (ISO 3166-1 alpha-2), and where `destination` places are looked up.
  country: { field: 'country', parse: String },
  destination: { field: 'shopper', parse: latLon, postcode: true },
  vehicle: { field: 'vehicle', parse: String },
  car: { field: 'car', parse: String },
  'pickup-distance': { field: 'settings.pickup.km', parse: number },
  'stem-distance': { field: 'settings.round.stemKm', parse: number },
  area: { field: 'area', parse: String },
  weight: { field: 'weightKg', parse: number },
  grid: { field: 'grid', parse: String },
};
const FIELD_TO_ATTRIBUTE = {
  ...Object.fromEntries(Object.entries(ATTRIBUTES).map(([a, { field }]) => [field, a])),
  factors: 'factors', // the properties
  settings: 'settings',
  offers: 'offers',
  wasm: 'wasm',
};

/** The attribute (or property) an error's field comes from; `null` for the whole input or an unknown field,
 *  `undefined` when the error names no field. A setting's field (`settings.pickup.km`) names its attribute when it
 *  has one, else the `settings` property. */
function attributeOf(field) {
  if (typeof field !== 'string') return undefined;
  return FIELD_TO_ATTRIBUTE[field] ?? FIELD_TO_ATTRIBUTE[field.split(/[.[]/)[0]] ?? null;
}

/** Sets `field` of `input`: `settings.<id>` goes into `input.settings` by its whole id (ids contain dots). */
function setField(input, field, value) {
  if (field.startsWith('settings.')) input.settings = { ...input.settings, [field.slice('settings.'.length)]: value };
  else input[field] = value;
}

function latLon(text, name, field) {
  const parts = text.split(',').map((p) => p.trim());
  const [lat, lon] = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || !Number.isFinite(lat) || !Number.isFinite(lon)) {
    throw packageError('invalid', field, `${name} must be "latitude,longitude", got "${text}"`);
  }
  return { lat, lon };
}

/** A place's centre: a postcode or town in the shop's `country` (GB when none is set) that a van from there can
 *  reach by road. The place tables and their module load only when a place is first given. */
async function placeOf(text, name, field, { country, lang }) {
  const { placeForDelivery } = await import('./places.js');
  const { place, problem } = await placeForDelivery(text, { country: country ?? 'GB', lang });
  if (!place) throw packageError('unknown-value', field, `${name} must be "latitude,longitude" or a postcode or town: ${problem ?? text}`);
  return { lat: place.lat, lon: place.lon };
}

/** The `wasm` attribute as a URL (relative to the page), or undefined when it is not set: then the .wasm is
 *  fetched from beside the widget's modules. */
function wasmUrl(text) {
  if (text === null) return undefined;
  try {
    if (text.trim() === '') throw new TypeError('empty');
    return new URL(text, document.baseURI);
  } catch {
    throw packageError('invalid', 'wasm', `wasm must be the URL of the widget's green_delivery_bg.wasm, got "${text.slice(0, 40)}"`);
  }
}

function number(text, name, field) {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw packageError('not-finite', field, `${name} must be a number, got "${text}"`);
  return value;
}

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

/** The attributes a camelCase property mirrors: pickup-distance <-> pickupDistance. (`selected` has its own.) */
const MIRRORED = [...Object.keys(ATTRIBUTES), 'preselect', 'layout', 'wasm'];

export class GreenDeliveryOptions extends HTMLElement {
  static observedAttributes = [...MIRRORED, 'selected', 'offers', 'lang'];

  #factors = undefined;
  #settings = undefined;
  #offers = undefined;
  #estimates = [];
  #result = null;
  #pending = false;
  /** Counts renders: one that a later render has superseded while it waited shows nothing. */
  #renders = 0;
  /** The words in use: `{ lang, chain, n, errors }`, or null until they have loaded. */
  #words = null;
  /** Whether the first option may be called the lowest ('lowest') or only 'amongLowest' (www/ranking.js). */
  #claim = 'lowest';
  #resizing;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
    root.adoptedStyleSheets = [sheet];
    const box = document.createElement('div');
    box.className = 'root';
    box.setAttribute('part', 'container');
    const fieldset = document.createElement('fieldset');
    fieldset.setAttribute('role', 'radiogroup');
    const legend = document.createElement('span');
    legend.className = 'title';
    legend.id = 'title';
    legend.setAttribute('part', 'title');
    this.legend = legend;
    fieldset.setAttribute('aria-labelledby', 'title');
    this.list = document.createElement('div');
    this.list.className = 'list';
    // The merchant's fallback content stays in view (in the reserved space) until the numbers are ready.
    const slot = document.createElement('slot');
    fieldset.append(legend, slot, this.list);
    this.box = box;
    this.message = document.createElement('span');
    this.message.className = 'message';
    this.message.setAttribute('part', 'message');
    this.message.setAttribute('role', 'status');
    this.retry = document.createElement('button');
    this.retry.type = 'button';
    this.retry.className = 'retry';
    this.retry.setAttribute('part', 'retry');
    this.retry.hidden = true;
    // Every widget waiting for the calculator tries again; they share one instance.
    this.retry.addEventListener('click', () => retryLoading());
    // What the figures count, in plain words: closed by default, one line tall.
    this.boundary = document.createElement('details');
    this.boundary.className = 'boundary';
    this.boundary.setAttribute('part', 'boundary');
    const summary = document.createElement('summary');
    this.summary = summary;
    this.boundaryText = document.createElement('p');
    this.boundary.append(summary, this.boundaryText);
    box.append(fieldset, this.message, this.retry, this.boundary);
    root.append(box);
    this.list.addEventListener('change', (event) => this.#choose(event.target.value));
    // The layout follows the element's width (observed before the first paint, so it is drawn once, in its layout).
    this.#resizing = new ResizeObserver(([entry]) => this.#layout(entry.contentRect.width));
  }

  /** Compact below COMPACT_BELOW px of width, full above, unless `layout` is "compact" or "full". */
  #layout(width = this.getBoundingClientRect().width) {
    const forced = this.getAttribute('layout');
    const compact = forced === 'compact' || (forced !== 'full' && width < COMPACT_BELOW);
    this.box.classList.toggle('compact', compact);
  }

  connectedCallback() {
    // Properties a page set before the tag was defined are own properties that hide the class's accessors:
    // take them out and set them again through the accessors (the web.dev "upgrade" pattern).
    for (const name of ['factors', 'settings', 'offers', 'selected', ...MIRRORED.map(camel)]) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#reserve();
    // Measured now, not only when the observer first reports: its report comes after a first layout, and switching
    // layout then would count as a layout shift.
    this.#layout();
    this.#resizing.observe(this);
    this.#schedule();
  }

  disconnectedCallback() {
    this.#resizing.disconnect();
  }

  /** The number of rows to reserve room for: the options offered (all of them by default, never more). */
  #reserve() {
    const offers = this.offers;
    const count = Array.isArray(offers) ? Math.min(new Set(offers).size, ALL_OPTIONS) || ALL_OPTIONS : ALL_OPTIONS;
    this.style.setProperty('--gd-rows', String(count));
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value) return;
    if (name === 'selected' || name === 'preselect') this.#markSelected();
    else if (name === 'layout') this.#layout();
    else {
      if (name === 'offers') this.#reserve();
      this.#schedule();
    }
  }

  /** Factor overrides, e.g. `{ 'diesel-van': { kgPerUnit: 0.3 } }` (a property only: it is rich data). */
  get factors() {
    return this.#factors;
  }
  set factors(value) {
    this.#factors = value;
    this.#schedule();
  }

  /** Settings of the chain by id, e.g. `{ 'failures.rate': 0.05 }` (a property only); the attributes
   *  `pickup-distance` and `stem-distance` win over the same ids here. */
  get settings() {
    return this.#settings;
  }
  set settings(value) {
    this.#settings = value;
    this.#schedule();
  }

  /** Which options to offer, by id (default: all); they are shown lowest emissions first. Also settable as the
   *  `offers` attribute. */
  get offers() {
    return this.#offers ?? this.getAttribute('offers')?.split(',').map((s) => s.trim()).filter(Boolean);
  }
  set offers(value) {
    this.#offers = value;
    this.#reserve();
    this.#schedule();
  }

  /** The estimates shown, as returned by `deliveryOptions`, in the order shown (lowest emissions first). */
  get estimates() {
    return this.#estimates;
  }

  /** The whole `deliveryOptions` result behind them (baseline, variants, boundary, settings), or null. */
  get result() {
    return this.#result;
  }

  /** The language the widget speaks: one with a strings table, picked from its `lang` (or the nearest one around it),
   *  then the browser's languages. */
  get language() {
    return pickLang([langAround(this), ...(globalThis.navigator?.languages ?? [])]);
  }

  /** Loads the words of the widget's language (once per language) and puts them in the fixed parts. */
  async #loadWords() {
    const lang = this.language;
    if (this.#words?.lang !== lang) {
      const words = { lang, ...(await wordsFor(lang)) };
      // The language may have changed while they loaded: the words of the language asked for last win, whichever
      // arrives first.
      if (this.language !== lang) return this.#loadWords();
      this.#words = words;
      const text = this.#words.chain.WIDGET_TEXT;
      this.legend.textContent = text.title;
      this.retry.textContent = text.retry;
      this.summary.textContent = text.whatIsCounted;
    }
    return this.#words;
  }

  #schedule() {
    if (this.#pending) return;
    this.#pending = true;
    queueMicrotask(() => {
      this.#pending = false;
      if (this.isConnected) this.#render();
    });
  }

  async #render() {
    const render = ++this.#renders;
    const superseded = () => render !== this.#renders;
    // The words load alongside the calculator; a failure to load either is said in the widget's language if it can be.
    const loadingWords = this.#loadWords();
    let api;
    let words;
    let wasm;
    try {
      wasm = wasmUrl(this.getAttribute('wasm'));
    } catch (err) {
      await loadingWords.catch(() => {});
      return superseded() ? undefined : this.#fail(err);
    }
    try {
      api = await loadWidgetPackage(wasm);
      words = await loadingWords;
    } catch (err) {
      await loadingWords.catch(() => {});
      return superseded() ? undefined : this.#loadFailed(err);
    }
    if (superseded()) return undefined;
    this.retry.hidden = true;
    let result;
    try {
      const input = {};
      if (this.#settings) input.settings = { ...this.#settings };
      for (const [attribute, { field, parse, postcode }] of Object.entries(ATTRIBUTES)) {
        const text = this.getAttribute(attribute);
        if (text === null) continue;
        // A place, not "latitude,longitude": with a `country`, any postcode or town there; without, a UK postcode
        // (located to its district's centre). The tables load only now (places.js and its data).
        const country = this.getAttribute('country') || undefined;
        const place = postcode && !/\d\s*,/.test(text) && (country || /^[A-Za-z]{1,2}\d/.test(text.trim()));
        if (place) setField(input, field, await placeOf(text, attribute, field, { country, lang: words.lang }));
        else setField(input, field, parse(text, attribute, field));
      }
      if (this.#factors) input.factors = this.#factors;
      if (superseded()) return undefined; // the place lookups above wait for their tables
      result = api.deliveryOptions(input);
    } catch (err) {
      return superseded() ? undefined : this.#fail(err);
    }
    // Each known option once: an unknown id, a repeated one, or offers that are not a list of ids is refused.
    const offered = this.offers;
    if (offered !== undefined && offered !== null && !Array.isArray(offered)) {
      return this.#fail(packageError('wrong-type', 'offers', 'offers must be a list of option ids'));
    }
    const byId = new Map(result.options.map((o) => [o.id, o]));
    const seen = new Set();
    for (const id of offered ?? []) {
      if (!byId.has(id)) return this.#fail(packageError('unknown-value', 'offers', `offers: unknown option "${String(id).slice(0, 40)}"`));
      if (seen.has(id)) return this.#fail(packageError('conflict', 'offers', `offers: "${id}" is given more than once`));
      seen.add(id);
    }
    // Lowest emissions first: the greener choice is the first seen, and the first Tab reaches.
    const { sorted, claim } = rankByEmissions(offered ? offered.map((id) => byId.get(id)) : result.options);
    this.#estimates = sorted;
    this.#claim = claim;
    this.#result = result;
    this.message.textContent = '';
    this.#draw();
  }

  #draw() {
    // A linear scale from zero to the highest end of any range: twice the emissions is twice the length.
    const top = Math.max(...this.#estimates.map((o) => o.range?.high ?? o.gCo2e)) || 1;
    const scale = (g) => Math.min(1, Math.max(0, g / top));
    const result = this.#result;
    const { chain, n } = this.#words;
    const { OPTION_LABELS, WIDGET_TEXT, BASELINE_TEXT, optionExplanation, savingText, boundarySentence } = chain;
    const baseline = OPTION_LABELS[result.baseline] ?? result.baseline;
    const span = (className, part, text = '') => {
      const node = document.createElement('span');
      node.className = className;
      if (part) node.setAttribute('part', part);
      node.textContent = text;
      return node;
    };
    const rows = this.#estimates.map((option, index) => {
      const first = index === 0;
      const id = option.id;
      const name = OPTION_LABELS[id] ?? id;
      const row = document.createElement('div');
      row.className = first ? 'option greenest' : 'option';
      row.setAttribute('part', first ? 'option greenest' : 'option');
      row.dataset.id = id;
      // The name, the badge and the figure with its range: one label, so a click anywhere on them chooses.
      const choice = document.createElement('label');
      choice.className = 'choice';
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'delivery';
      radio.value = id;
      const label = span('label', 'label', name);
      label.id = `name-${id}`;
      // "Greenest" only when its range is clear of the next option's; "Among the lowest" otherwise.
      const badgeText = first && this.#estimates.length > 1 ? WIDGET_TEXT[this.#claim === 'lowest' ? 'greenest' : 'amongLowest'] : '';
      const head = span('head');
      head.append(label, span('badge', 'badge', badgeText));
      // "19 g (6.1–63 g)": the figure, then its range (the same text as gramsRange, in two parts to stack when compact).
      const both = n.gramsRange(option.gCo2e, option.range);
      const central = n.grams(option.gCo2e);
      const value = span('value', 'value');
      value.append(span('figure', null, central), span('spread', null, both.startsWith(central) ? both.slice(central.length) : ''));
      // One sentence for screen readers: name, figure, range, and "greenest" where the badge says so.
      const range = option.range && option.range.high > option.range.low ? n.gramsEnds(option.gCo2e, option.range) : null;
      radio.setAttribute('aria-label', WIDGET_TEXT.optionSentence(name, central, range, badgeText));
      radio.setAttribute('aria-describedby', `saving-${id} why-${id}`);
      choice.append(radio, head, value);

      // The bar, the saving and the explanation: always shown in the full layout, behind the button when compact.
      const detail = document.createElement('div');
      detail.className = 'detail';
      detail.id = `detail-${id}`;
      const bar = span('bar', 'bar');
      bar.setAttribute('aria-hidden', 'true');
      const fill = span('fill', 'bar-fill');
      fill.style.width = `${100 * scale(option.gCo2e)}%`;
      bar.append(fill);
      if (range) {
        const whisker = span('range', 'bar-range');
        whisker.style.left = `${100 * scale(option.range.low)}%`;
        whisker.style.width = `${100 * Math.max(scale(option.range.high) - scale(option.range.low), 0.005)}%`;
        bar.append(whisker);
      }
      // Against the baseline; "no clear difference" where the saving's interval spans zero.
      const versus = id === result.baseline ? BASELINE_TEXT : savingText(option, baseline);
      const saving = span('saving', 'saving', versus.charAt(0).toUpperCase() + versus.slice(1));
      saving.id = `saving-${id}`;
      const why = span('why', 'why', optionExplanation(option, result, { short: true }));
      why.id = `why-${id}`;
      detail.append(bar, saving, why);

      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'more';
      more.id = `more-${id}`;
      more.setAttribute('part', 'more');
      more.setAttribute('aria-expanded', 'false');
      more.setAttribute('aria-controls', detail.id);
      more.setAttribute('aria-labelledby', `${more.id} ${label.id}`); // "Details Standard delivery"
      more.append(span('sr', null, WIDGET_TEXT.details));
      more.addEventListener('click', () => {
        const open = row.classList.toggle('open');
        more.setAttribute('aria-expanded', String(open));
      });
      // A click on the rest of the row (its bar or explanation) chooses it too.
      row.addEventListener('click', (event) => {
        if (!event.target.closest('label, button')) radio.click();
      });
      row.append(choice, more, detail);
      return row;
    });
    this.list.replaceChildren(...rows);
    this.boundaryText.textContent = boundarySentence(result.boundary);
    this.boundary.hidden = false;
    this.box.lang = this.#words.lang;
    this.box.classList.add('ready');
    this.#markSelected();
  }

  /** The option checked: the `selected` attribute (the merchant's or the shopper's choice) when it is shown; else,
   *  with `preselect="greenest"`, the first (lowest) option; else none. */
  #checkedId() {
    const ids = this.#estimates.map((o) => o.id);
    const chosen = this.getAttribute('selected');
    if (ids.includes(chosen)) return chosen;
    return this.getAttribute('preselect') === 'greenest' ? (ids[0] ?? null) : null;
  }

  /** The id of the option checked: the one chosen (by the merchant's `selected` or the shopper), else the one
   *  preselected; null when none is. A preselection does not set the attribute: it is no one's choice yet. */
  get selected() {
    return this.#estimates.length ? this.#checkedId() : this.getAttribute('selected');
  }
  set selected(value) {
    if (value === null || value === undefined) this.removeAttribute('selected');
    else this.setAttribute('selected', String(value));
  }

  #markSelected() {
    const id = this.#checkedId();
    for (const row of this.list.children) {
      const on = row.dataset.id === id;
      row.querySelector('input').checked = on;
      row.classList.toggle('selected', on);
    }
  }

  #choose(id) {
    const estimate = this.#estimates.find((o) => o.id === id);
    if (!estimate) return;
    this.setAttribute('selected', id);
    const label = this.#words?.chain.OPTION_LABELS[id] ?? id;
    this.dispatchEvent(
      new CustomEvent('green-delivery-select', { bubbles: true, composed: true, detail: { id, label, estimate } }),
    );
  }

  /** Shows shoppers a short sentence; the merchant's details (message, code, field and the attribute they come
   *  from) go in the `green-delivery-error` event. Estimates shown before are cleared, never left stale. */
  #fail(err, { text, attribute } = {}) {
    this.#estimates = [];
    this.#result = null;
    this.list.replaceChildren();
    this.boundary.hidden = true;
    this.box.classList.add('ready');
    const detail = errorDetail(err);
    const sentence = describeError(err, { fallback: '', words: this.#words?.errors });
    this.message.textContent = text ?? `${this.#words?.chain.WIDGET_TEXT.cantShow ?? ''}${sentence ? ` ${sentence}` : ''}`;
    this.dispatchEvent(
      new CustomEvent('green-delivery-error', {
        bubbles: true,
        composed: true,
        detail: { ...detail, attribute: attribute === undefined ? attributeOf(detail.field) : attribute },
      }),
    );
  }

  /** The calculator could not load: say so, offer Retry, and render as soon as a retry succeeds. */
  #loadFailed(err) {
    this.#fail(
      { message: errorDetail(err).message, code: 'load-failed', field: '' },
      { text: this.#words?.chain.WIDGET_TEXT.loadFailed ?? '', attribute: null },
    );
    this.retry.hidden = false;
    this.retry.disabled = false;
    onceRetried(() => {
      this.retry.disabled = true;
      this.message.textContent = this.#words?.chain.WIDGET_TEXT.loading ?? '';
      this.#schedule();
    });
  }
}

for (const name of MIRRORED) {
  Object.defineProperty(GreenDeliveryOptions.prototype, camel(name), {
    get() {
      return this.getAttribute(name);
    },
    set(value) {
      if (value === null || value === undefined) this.removeAttribute(name);
      else this.setAttribute(name, String(value));
    },
  });
}
