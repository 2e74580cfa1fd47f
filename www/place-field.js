// A "Postcode or town" field: looks the text up offline (places.js) as it is typed, in the merchant's country,
// suggests towns in a <datalist> (other countries' labelled with their country), and fills the latitude and
// longitude fields it is bound to. A place the depot cannot reach by road is refused with the reason, never priced.
// A "Use my location" button, if given, asks the browser for the device's position, which stays in the page.
import { placeForDelivery, searchTowns, parsePostcodeOf, precisionText, PLACE_SOURCES } from './places.js';
import * as EN from './strings/en-GB/places.js';
import { loadStrings, pickLang } from './i18n.js';

/** "Delivering to EC2A (postcode district, within about 1.7 km)." in the language of `words` (a
 *  strings/<lang>/places.js table; British English if none is given). */
export function placeLine(prefix, place, words = EN) {
  if (!place) return '';
  return words.placeLine(prefix, place.name, precisionText(place, words));
}

// A place field's problem beside it: the sentence saying why nothing was placed, and a button for each place the text
// may have meant, which types it into the field (the box is styled as an error: `.error.field-error`, role="alert",
// in the page's markup).
/**
 * Shows `problem` (`{ text, suggestions }`, or null to clear) in `box`; `input` is the field a suggestion is typed
 * into, and `groupLabel` names the group of buttons for a screen reader ("Did you mean").
 */
export function showPlaceProblem(box, problem, input, groupLabel) {
  // Drawn again only when it says something else: a button is never replaced under the pointer, and the alert is
  // not repeated when the answer is redrawn for another reason.
  const said = problem ? JSON.stringify([problem.text, problem.suggestions?.map((p) => p.name)]) : '';
  if (box.dataset.said === said) return;
  box.dataset.said = said;
  box.replaceChildren();
  if (!problem) return;
  const text = document.createElement('p');
  text.textContent = problem.text;
  box.append(text);
  if (!problem.suggestions?.length) return;
  const offers = document.createElement('p');
  offers.className = 'place-offers';
  offers.setAttribute('role', 'group');
  offers.setAttribute('aria-label', groupLabel);
  for (const place of problem.suggestions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = place.name;
    button.addEventListener('click', () => {
      // Typed as offered, the field finds it; focus goes back to the field, as this button is about to go.
      input.value = place.name;
      input.focus();
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    offers.append(button);
  }
  box.append(offers);
}

const fixed = (v) => String(Number(v.toFixed(5)));
/** How long typing must pause before a text that finds nothing is said to (after the 150 ms each lookup waits). */
const PROBLEM_PAUSE_MS = 850;

/**
 * Binds `input` (a text field) to the `lat` and `lon` fields. `onPlace(place, problem, suggestions)` is called with
 * the place found (and the coordinates already filled), or with `null`, a sentence saying why nothing was found and
 * the places the text may have meant (`{ name }`, each a text the field finds when typed; often none).
 * `country` is the merchant's country (ISO 3166-1 alpha-2, default GB): the search prefers it and never answers
 * silently for another. `depotCountry` (default `country`) is where the van leaves from: a place it cannot reach by
 * road is refused (null for no such check, as for the depot's own field). `lang` is the reader's language (default en-GB) for every sentence.
 */
export function bindPlaceField(input, { lat, lon, locate, onPlace, lang = 'en-GB', country = 'GB', depotCountry = country }) {
  const suggestions = input.list;
  const wordsReady = lang === 'en-GB' ? Promise.resolve(EN) : loadStrings(pickLang([lang]), 'places');
  let asked = 0;
  let timer = null;

  let lastText = null;
  /** `typing`: looked up after a keystroke. A text that finds nothing is then said so only once the typing has
   *  paused (or the field is left): "L", "LS", "LS1 4" on the way to "LS1 4AP" are not mistakes, and an alert at
   *  each key would interrupt a screen reader at every one. A place found is answered at once. */
  async function lookUp(typing = false) {
    const text = input.value.trim();
    lastText = text;
    const ask = ++asked;
    if (text === '') return;
    if (text.replace(/\s/g, '').length < 2 && !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u.test(text)) return; // still typing
    let found;
    try {
      const isPostcode = Boolean(parsePostcodeOf(text, country));
      const [resolved, towns] = await Promise.all([
        placeForDelivery(text, { country, lang, depotCountry }),
        isPostcode ? [] : searchTowns(text, 8, { country, lang }),
      ]);
      if (ask !== asked) return; // a later keystroke has its own answer
      found = resolved;
      // The list offers the towns starting with the text, or, for a text that finds nothing, what it may have
      // meant ("Manchester" for "Manchestr").
      // A list for another text is never left offered: with nothing to offer, the list is emptied.
      const offered = towns.length ? towns : (found.place ? [] : found.suggestions ?? []);
      suggestions?.replaceChildren(...offered.map((t) => Object.assign(document.createElement('option'), { value: t.name })));
      if (!found.place) {
        // Not found, found only elsewhere, or out of the depot's road reach; with the places it may have meant.
        if (typing) await new Promise((resolve) => setTimeout(resolve, PROBLEM_PAUSE_MS));
        if (ask !== asked) return;
        onPlace(null, found.problem, found.suggestions ?? []);
        return;
      }
    } catch (err) {
      if (ask !== asked) return;
      console.warn('green-delivery: the place list could not load', err);
      onPlace(null, (await wordsReady).problems.loadFailed);
      return;
    }
    lat.value = fixed(found.place.lat);
    lon.value = fixed(found.place.lon);
    onPlace(found.place, null);
  }

  input.addEventListener('input', () => {
    asked++; // what was asked before this key is answered no more
    clearTimeout(timer);
    timer = setTimeout(() => lookUp(true), 150);
  });
  input.addEventListener('change', () => {
    clearTimeout(timer);
    // Leaving the field changes nothing if its text was looked up already (and a second answer to the same text
    // would redraw whatever the first one drew, under the pointer).
    if (input.value.trim() !== lastText) lookUp();
  });
  if (input.value.trim() !== '') lookUp();

  locate?.addEventListener('click', async () => {
    const words = await wordsReady;
    if (!navigator.geolocation) {
      onPlace(null, words.problems.noGeolocation);
      return;
    }
    const label = locate.textContent;
    locate.disabled = true;
    locate.textContent = words.LOCATING;
    const done = () => {
      locate.disabled = false;
      locate.textContent = label;
    };
    navigator.geolocation.getCurrentPosition(
      (position) => {
        done();
        asked++;
        input.value = '';
        lat.value = fixed(position.coords.latitude);
        lon.value = fixed(position.coords.longitude);
        onPlace({ kind: 'device', name: words.YOUR_LOCATION, accuracyM: position.coords.accuracy, lat: position.coords.latitude, lon: position.coords.longitude }, null);
      },
      (err) => {
        done();
        onPlace(null, err.code === 1 ? words.problems.geolocationDenied : words.problems.geolocationFailed);
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
    );
  });
}

/** The place search's sources as a list for the Sources view: what each gives, its name (linked), licence and the
 *  attribution it asks for, in the language of `words` (a strings/<lang>/places.js table). */
export function placeSourceList(words = EN) {
  const list = document.createElement('ul');
  list.className = 'place-sources';
  for (const source of PLACE_SOURCES) {
    const item = list.appendChild(document.createElement('li'));
    // The source's name, licence and attribution are quoted as published (in <cite>), not translated.
    const link = Object.assign(document.createElement('a'), { href: source.url, textContent: source.name });
    const cite = document.createElement('cite');
    cite.append(link, `. ${source.licence}. ${source.attribution}.`.replace('..', '.'));
    item.append(`${words.SOURCE_COVERS[source.id]}: `, cite);
  }
  return list;
}
