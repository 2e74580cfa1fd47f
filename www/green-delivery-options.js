// <green-delivery-options>: each delivery option's g CO2e per parcel at checkout, as an accessible radio group.
// The class lives here; widget.js defines the tag. All numbers come from the wasm `deliveryOptions` (ids and
// numbers); every word comes from the strings of the widget's language, loaded when first needed: its `lang`
// attribute, else the nearest `lang` around it (the page's <html lang>), else the browser's languages.
import { loadWidgetPackage, retryLoading, onceRetried } from './widget-wasm.js';
import { describeError, errorDetail, packageError } from './errors.js';
import { logScale } from './format.js';
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

const STYLES = `
  /* The final height is reserved before the numbers arrive (rows are of fixed height, taller when narrow: the
     saving may take two lines and the explanation four; the container is inside, out of the page's CSS' reach),
     so nothing below moves. */
  :host { display: block; }
  .list { display: grid; gap: 6px; }
  .ready slot { display: none; }
  slot { display: block; }
  :host([hidden]) { display: none; }
  .root {
    all: initial; display: block; box-sizing: border-box; max-width: 36rem; container-type: inline-size;
    font: 400 15px/1.45 var(--gd-font, system-ui, -apple-system, "Segoe UI", Roboto, sans-serif);
    color: var(--gd-ink, #1b1b1b); background: var(--gd-background, #fff);
    border: 1px solid var(--gd-line, #d6d6d0); border-radius: var(--gd-radius, 8px); padding: 12px;
  }
  .root * { box-sizing: border-box; }
  .title { display: block; font-weight: 700; margin: 0 0 8px; min-height: 1.45em; } /* filled once its words load */
  fieldset {
    all: unset; display: block; --gd-row: 186px; --gd-saving-lines: 2; --gd-why-lines: 4;
    min-height: calc(var(--gd-rows, 8) * (var(--gd-row) + 6px) + 24px);
  }
  @container (min-width: 440px) { fieldset { --gd-row: 132px; --gd-saving-lines: 1; --gd-why-lines: 2; } }
  .option {
    display: grid; grid-template-columns: auto 1fr auto;
    grid-template-areas: "radio label label" ". value value" ". bar bar" ". saving saving" ". why why";
    gap: 2px 8px; align-items: center; align-content: start; padding: 8px; margin: 0; border: 1px solid transparent; height: var(--gd-row); overflow: hidden;
    border-radius: calc(var(--gd-radius, 8px) - 2px); cursor: pointer;
  }
  .option:hover { border-color: var(--gd-line, #d6d6d0); }
  .option.selected { border-color: var(--gd-accent, #0a6b4f); background: var(--gd-selected, #eef7f3); }
  input { grid-area: radio; margin: 0; width: 18px; height: 18px; accent-color: var(--gd-accent, #0a6b4f); }
  input:focus-visible { outline: 3px solid var(--gd-accent, #0a6b4f); outline-offset: 2px; }
  .label { grid-area: label; font-weight: 600; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  .value { grid-area: value; font-variant-numeric: tabular-nums; white-space: nowrap; overflow: hidden; }
  .bar { grid-area: bar; display: block; position: relative; height: 10px; background: var(--gd-track, #ecece6); border-radius: 4px; }
  .fill { display: block; height: 100%; background: var(--gd-bar, #56B4E9); border-radius: 4px 0 0 4px; }
  .range { position: absolute; top: -2px; height: 14px; border: 2px solid var(--gd-range, #1b1b1b); border-top: 0; border-bottom: 0; }
  .range::after { content: ""; position: absolute; left: 0; right: 0; top: 6px; border-top: 2px solid var(--gd-range, #1b1b1b); }
  .greenest .fill { background: var(--gd-accent, #0a6b4f); }
  .saving, .why { font-size: 13px; line-height: 18px; display: -webkit-box; -webkit-box-orient: vertical; overflow: hidden; }
  .saving { grid-area: saving; font-weight: 600; max-height: calc(var(--gd-saving-lines) * 18px); -webkit-line-clamp: var(--gd-saving-lines); }
  .why { grid-area: why; color: var(--gd-muted, #555); max-height: calc(var(--gd-why-lines) * 18px); -webkit-line-clamp: var(--gd-why-lines); }
  .boundary { display: block; margin-top: 8px; font-size: 13px; line-height: 18px; color: var(--gd-muted, #555); }
  .boundary summary { cursor: pointer; color: var(--gd-accent, #0a6b4f); font-weight: 600; }
  .boundary summary:focus-visible { outline: 3px solid var(--gd-accent, #0a6b4f); outline-offset: 2px; }
  .boundary p { margin: 4px 0 0; }
  .root:not(.ready) .boundary { visibility: hidden; } /* its line is reserved too */
  .boundary[hidden] { display: none; }
  .badge {
    margin-left: 6px; padding: 0 6px; border-radius: 999px; font-size: 12px; font-weight: 700;
    color: var(--gd-badge-ink, #fff); background: var(--gd-accent, #0a6b4f);
  }
  .message { display: block; margin: 4px 0 0; color: var(--gd-error, #8a1c1c); font-size: 14px; }
  .message:empty, .badge:empty { display: none; }
  .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
  .retry {
    all: unset; display: inline-block; margin: 6px 0 0; padding: 4px 12px; cursor: pointer; font-weight: 600;
    color: var(--gd-accent, #0a6b4f); border: 1px solid var(--gd-accent, #0a6b4f); border-radius: 4px;
  }
  .retry:focus-visible { outline: 3px solid var(--gd-accent, #0a6b4f); outline-offset: 2px; }
  .retry[hidden] { display: none; }
  .note { display: block; margin-top: 6px; font-size: 12px; color: var(--gd-muted, #555); }
`;

/** Attributes and the `deliveryOptions` field each sets. `lat,lon` pairs become `{ lat, lon }`. An error's `field`
 *  (`shopper.lat`) names the attribute through its first part (`shopper` → `destination`). */
const ATTRIBUTES = {
  depot: { field: 'depot', parse: latLon },
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

function number(text, name, field) {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw packageError('not-finite', field, `${name} must be a number, got "${text}"`);
  return value;
}

const camel = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());

export class GreenDeliveryOptions extends HTMLElement {
  static observedAttributes = [...Object.keys(ATTRIBUTES), 'selected', 'offers', 'lang'];

  #factors = undefined;
  #settings = undefined;
  #offers = undefined;
  #estimates = [];
  #result = null;
  #pending = false;
  /** The words in use: `{ lang, chain, n, errors }`, or null until they have loaded. */
  #words = null;

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
  }

  connectedCallback() {
    // Properties a page set before the tag was defined are own properties that hide the class's accessors:
    // take them out and set them again through the accessors (the web.dev "upgrade" pattern).
    for (const name of ['factors', 'settings', 'offers', ...[...Object.keys(ATTRIBUTES), 'selected'].map(camel)]) {
      if (Object.prototype.hasOwnProperty.call(this, name)) {
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
    }
    this.#reserve();
    this.#schedule();
  }

  /** The number of rows to reserve room for: the options offered (all of them by default, never more). */
  #reserve() {
    const offers = this.offers;
    const count = Array.isArray(offers) ? Math.min(new Set(offers).size, ALL_OPTIONS) || ALL_OPTIONS : ALL_OPTIONS;
    this.style.setProperty('--gd-rows', String(count));
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value) return;
    if (name === 'selected') this.#markSelected();
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

  /** Which options to offer, by id, in order (default: all). Also settable as the `offers` attribute. */
  get offers() {
    return this.#offers ?? this.getAttribute('offers')?.split(',').map((s) => s.trim()).filter(Boolean);
  }
  set offers(value) {
    this.#offers = value;
    this.#reserve();
    this.#schedule();
  }

  /** The estimates shown, as returned by `deliveryOptions`. */
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
      this.#words = { lang, ...(await wordsFor(lang)) };
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
    // The words load alongside the calculator; a failure to load either is said in the widget's language if it can be.
    const loadingWords = this.#loadWords();
    let api;
    let words;
    try {
      api = await loadWidgetPackage();
      words = await loadingWords;
    } catch (err) {
      await loadingWords.catch(() => {});
      return this.#loadFailed(err);
    }
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
      result = api.deliveryOptions(input);
    } catch (err) {
      return this.#fail(err);
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
    this.#estimates = offered ? offered.map((id) => byId.get(id)) : result.options;
    this.#result = result;
    this.message.textContent = '';
    this.#draw();
  }

  #draw() {
    // A log scale, so that a 30 g option and an 11 kg one can both be read; the whisker is the option's range.
    const scale = logScale(this.#estimates.flatMap((o) => [o.range?.low ?? o.gCo2e, o.range?.high ?? o.gCo2e, o.gCo2e]));
    const greenest = this.#estimates.reduce((best, o) => (o.gCo2e < best.gCo2e ? o : best), this.#estimates[0]);
    const result = this.#result;
    const { chain, n } = this.#words;
    const { OPTION_LABELS, WIDGET_TEXT, BASELINE_TEXT, optionExplanation, savingText, boundarySentence } = chain;
    const baseline = OPTION_LABELS[result.baseline] ?? result.baseline;
    const rows = this.#estimates.map((option) => {
      const row = document.createElement('label');
      row.className = option === greenest ? 'option greenest' : 'option';
      row.setAttribute('part', option === greenest ? 'option greenest' : 'option');
      row.dataset.id = option.id;
      const radio = document.createElement('input');
      radio.type = 'radio';
      radio.name = 'delivery';
      radio.value = option.id;
      const label = document.createElement('span');
      label.className = 'label';
      label.setAttribute('part', 'label');
      label.id = `name-${option.id}`;
      label.textContent = OPTION_LABELS[option.id] ?? option.id;
      const badge = document.createElement('span');
      badge.className = 'badge';
      badge.setAttribute('part', 'badge');
      badge.id = `badge-${option.id}`;
      badge.textContent = option === greenest ? WIDGET_TEXT.greenest : '';
      const value = document.createElement('span');
      value.className = 'value';
      value.setAttribute('part', 'value');
      value.id = `value-${option.id}`;
      value.textContent = n.gramsRange(option.gCo2e, option.range);
      value.append(badge);
      const bar = document.createElement('span');
      bar.className = 'bar';
      bar.setAttribute('part', 'bar');
      bar.setAttribute('aria-hidden', 'true');
      const fill = document.createElement('span');
      fill.className = 'fill';
      fill.setAttribute('part', 'bar-fill');
      fill.style.width = `${100 * scale(option.gCo2e)}%`;
      bar.append(fill);
      if (option.range && option.range.high > option.range.low) {
        const whisker = document.createElement('span');
        whisker.className = 'range';
        whisker.setAttribute('part', 'bar-range');
        const [from, to] = [scale(option.range.low), scale(option.range.high)];
        whisker.style.left = `${100 * from}%`;
        whisker.style.width = `${100 * Math.max(to - from, 0.005)}%`;
        bar.append(whisker);
      }
      const why = document.createElement('span');
      why.className = 'why';
      why.setAttribute('part', 'why');
      why.textContent = optionExplanation(option, result, { short: true });
      // Against the baseline; "no clear difference" where the saving's interval spans zero.
      const saving = document.createElement('span');
      saving.className = 'saving';
      saving.setAttribute('part', 'saving');
      saving.id = `saving-${option.id}`;
      const versus = option.id === result.baseline ? BASELINE_TEXT : savingText(option, baseline);
      saving.textContent = versus.charAt(0).toUpperCase() + versus.slice(1);
      // Announced once: the name, then the badge as its own word, then the figure; the explanation as the description.
      // (aria-labelledby replaces the wrapping label's text, which would otherwise read the explanation twice.)
      const sep = document.createElement('span');
      sep.className = 'sr';
      sep.id = `sep-${option.id}`;
      sep.textContent = ',';
      label.append(sep);
      const figure = document.createElement('span');
      figure.id = `figure-${option.id}`;
      figure.textContent = value.firstChild.textContent;
      value.replaceChild(figure, value.firstChild);
      radio.setAttribute('aria-labelledby', [label.id, ...(option === greenest ? [sep.id, badge.id] : []), figure.id].join(' '));
      radio.setAttribute('aria-describedby', `saving-${option.id} why-${option.id}`);
      why.id = `why-${option.id}`;
      row.append(radio, label, value, bar, saving, why);
      return row;
    });
    this.list.replaceChildren(...rows);
    this.boundaryText.textContent = boundarySentence(result.boundary);
    this.boundary.hidden = false;
    this.box.classList.add('ready');
    this.#markSelected();
  }

  #markSelected() {
    const id = this.getAttribute('selected');
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

// camelCase properties mirror the simple attributes: pickup-distance <-> pickupDistance.
for (const name of [...Object.keys(ATTRIBUTES), 'selected']) {
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
