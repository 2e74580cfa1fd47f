// Plain sentences for people from the package's errors. Every error the API throws carries a stable `code` and the
// `field` it is about (a JS path such as `shopper.lat`, `orders[3].lat` or `factors.diesel-van.ttw`); the message
// is for developers. This module branches on code and field only, never on message text, and falls back to a
// generic sentence when either is missing or unknown.

// The words live in www/strings/<lang>/errors.js. The page sets its language's table before any view runs
// (loading.js, `setErrorWords`); the widget passes its own (`words`), so it never downloads another language's.
let pageWords = null;
/** The table `describeError` uses when none is passed: the page's language. */
export function setErrorWords(words) {
  pageWords = words;
}

/** The friendly name of a field path, or '' when there is nothing useful to say. */
export function fieldName(field, words = pageWords) {
  if (typeof field !== 'string' || field === '' || !words) return '';
  const names = words.FIELD_NAMES;
  const path = field.replace(/\[\d+\]/g, '[]');
  if (names[path]) return names[path];
  const factor = path.match(/^(?:.*\.)?factors\.([^.]+)(?:\.(kgPerUnit|ttw|wtt))?$/);
  if (factor) return words.factorName(factor[1]);
  const digital = path.match(/^(?:.*\.)?digitalFactors\.([^.]+)$/);
  if (digital) return words.digitalName(digital[1]);
  const last = path.split('.').pop().replace(/\[\]$/, '');
  return names[last] ?? '';
}

/**
 * One plain sentence for people about a package error, from its `code` and `field` only, in the language of `words`
 * (a www/strings/<lang>/errors.js module; the page's by default). Unknown or missing codes give `fallback`. A code
 * about a field whose name is unknown is said of "this value".
 */
export function describeError(err, { fallback, words = pageWords } = {}) {
  if (!words) return fallback ?? ''; // no table loaded (it always is before a view or widget renders)
  fallback ??= words.FALLBACK;
  const code = err?.code;
  const field = err?.field;
  const name = fieldName(field, words);
  if (typeof code !== 'string') return fallback;
  const aboutField = words.ABOUT_A_FIELD[code];
  // A range by the whole path first ('settings.lineHaul.km'), then by its last part ('lat').
  const path = String(field).replace(/\[\d+\]/g, '');
  if (aboutField && name) return aboutField(name, words.RANGES[path] ?? words.RANGES[path.split('.').pop()] ?? '');
  if (words.WHOLE_INPUT[code]) return words.WHOLE_INPUT[code];
  if (aboutField) return aboutField(null, '');
  return fallback;
}

/** What a developer needs to know about an error: for events, logs and `title` attributes. */
export function errorDetail(err) {
  return {
    message: String(err?.message ?? err),
    code: typeof err?.code === 'string' ? err.code : undefined,
    field: typeof err?.field === 'string' ? err.field : undefined,
  };
}

/**
 * Shows `err` in `element` as a plain sentence (optionally after `prefix`), keeping the developer's details in
 * data attributes and the tooltip, so they can be read without being shown to everyone.
 */
export function showError(element, err, { prefix = '', fallback, words } = {}) {
  const detail = errorDetail(err);
  element.textContent = prefix + describeError(err, { fallback, words });
  element.title = detail.message;
  element.dataset.code = detail.code ?? '';
  element.dataset.field = detail.field ?? '';
}

/** Empties an element that `showError` filled. */
export function clearError(element) {
  element.textContent = '';
  element.removeAttribute('title');
  delete element.dataset.code;
  delete element.dataset.field;
}

/** An Error shaped like the package's, for checks made in JS before the API is called. */
export function packageError(code, field, message) {
  const err = new Error(message);
  err.name = 'GreenDeliveryError';
  err.code = code;
  err.field = field;
  return err;
}

/** Throws an `overflow` error unless every value is a finite number: a figure of ∞ or NaN is never shown. */
export function requireFinite(values, field = '') {
  for (const value of values) {
    if (!Number.isFinite(value)) throw packageError('overflow', field, `${field || 'a result'} is not a finite number, got ${value}`);
  }
}
