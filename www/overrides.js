// Factor overrides the user typed in the sources table. They live in this browser's localStorage only and are
// passed to every calculation; nothing is ever sent anywhere. Emission factors (kg CO2e per unit) and the
// digital-energy figures (each in its own unit) are kept apart, as the API takes them apart.
//
// localStorage is not trusted: another tab, an older version or a hand edit may have left anything there (text
// that is not JSON, `[null]`, values the API refuses). Such a value is ignored, with a notice, and the views use
// the default figures; it is replaced at the next override the user saves, or by "Reset all overrides".
import { pageLang, loadStrings } from './i18n.js';
import { FACTOR_KEY as KEY, DIGITAL_KEY, OVERRIDE_KEYS } from './storage-keys.js';

// The notices are in the page's language (www/strings/<lang>/overrides.js), and so are the factors' names.
const [{ O }, { factorLabel }] = await Promise.all([loadStrings(pageLang(), 'overrides'), loadStrings(pageLang(), 'page')]);

const empty = (o) => Object.keys(o).length === 0;

const isPlainObject = (value) =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype;

/** `{ value, unreadable }`: the stored object, or `{}` and `unreadable: true` when it is not a plain object. */
function load(key) {
  let text;
  try {
    text = localStorage.getItem(key);
  } catch {
    return { value: {}, unreadable: false }; // storage switched off: no overrides
  }
  if (text === null) return { value: {}, unreadable: false };
  try {
    const stored = JSON.parse(text);
    return isPlainObject(stored) ? { value: stored, unreadable: false } : { value: {}, unreadable: true };
  } catch {
    return { value: {}, unreadable: true };
  }
}

function write(key, next) {
  if (empty(next)) localStorage.removeItem(key);
  else localStorage.setItem(key, JSON.stringify(next));
  dispatchEvent(new CustomEvent('green-delivery:overrides'));
}

/** `base` with `id` set to `value`, or removed when `value` is `undefined`. */
export function withOverride(base, id, value) {
  const next = { ...base };
  if (value === undefined) delete next[id];
  else next[id] = value;
  return next;
}

/** Emission factor overrides as stored, `{ id: { kgPerUnit } }` (`{}` when unreadable); not yet checked by the API. */
export const overrides = () => load(KEY).value;

/** Digital-energy overrides as stored, `{ id: value }` (`{}` when unreadable); not yet checked by the API. */
export const digitalOverrides = () => load(DIGITAL_KEY).value;

/** Whether overrides are stored (readable, not empty): checking them needs the full package's `factors`. */
export const overridesStored = () =>
  OVERRIDE_KEYS.some((key) => {
    const { value, unreadable } = load(key);
    return !unreadable && !empty(value);
  });

/**
 * The overrides the API accepts, for calculations: `{ factors, digital, notice, inUse }`. A stored set that cannot be
 * read, or that the API refuses, is left out (`undefined`: the defaults) and `notice` says so in plain words ('' if
 * not). `inUse` names the factors whose defaults the accepted overrides replace ('' if none), for the views that
 * compute with them.
 */
export function usableOverrides(api) {
  const notices = [];
  const names = [];
  const check = (key, list, what) => {
    const { value, unreadable } = load(key);
    if (unreadable) {
      notices.push(O.unreadable(what));
      return undefined;
    }
    if (empty(value)) return undefined;
    try {
      const table = list(value);
      for (const f of table) if (Object.hasOwn(value, f.id)) names.push(factorLabel(f.id, f.label));
      return value;
    } catch {
      notices.push(O.invalid(what));
      return undefined;
    }
  };
  const factors = check(KEY, (o) => api.factors(o), 'factor');
  const digital = check(DIGITAL_KEY, (o) => api.digitalFactors(o), 'digital');
  const notice = notices.length ? O.join([...notices, O.defaults]) : '';
  return { factors, digital, notice, inUse: names.length ? O.inUse(names) : '' };
}

/**
 * Runs `calculate(factors, digital)` with the usable overrides. If the overrides make it fail where the defaults
 * succeed, the default figures are returned with a notice, so that an override can never blank a view. An error
 * the defaults share (a bad input) is thrown as it is. Returns `{ result, notice, factors, digital }`, the last
 * two being the overrides actually used, which `notice` then names.
 */
export function withUsableOverrides(api, calculate) {
  const { factors, digital, notice, inUse } = usableOverrides(api);
  try {
    return { result: calculate(factors, digital), notice: O.join([notice, inUse].filter(Boolean)), factors, digital };
  } catch (err) {
    if (factors === undefined && digital === undefined) throw err;
    let result;
    try {
      result = calculate(undefined, undefined);
    } catch {
      throw err;
    }
    const ignored = O.impossible;
    return { result, notice: notice ? O.join([notice, ignored]) : ignored, factors: undefined, digital: undefined };
  }
}

/** Notices as one text in the page's language, each sentence once (the shopper's delivery and order often say the
 *  same); '' when there are none. A sentence ends at ". " or at "。" ("3.5 t" is no end). */
export function joinNotices(texts) {
  const sentences = texts.flatMap((text) => text.split(/(?<=\.) |(?<=。)/)).filter(Boolean);
  return O.join([...new Set(sentences)]);
}

/** Stores the whole set of emission factor overrides, `{ id: { kgPerUnit } }`, and tells the views. Callers
 *  store only a set the API has accepted (see sources.js). */
export const saveOverrides = (next) => write(KEY, next);

/** Stores the whole set of digital-energy overrides, `{ id: value }`, and tells the views. */
export const saveDigitalOverrides = (next) => write(DIGITAL_KEY, next);

export function clearOverrides() {
  localStorage.removeItem(KEY);
  localStorage.removeItem(DIGITAL_KEY);
  dispatchEvent(new CustomEvent('green-delivery:overrides'));
}
