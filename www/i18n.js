// Which language a person reads, and its words. Every sentence on the page, in the widget and in the CLI comes from
// a strings table per language, www/strings/<tag>/<part>.js, all with the same exports as en-GB's (the shape is the
// contract: tests/page/i18n.test.mjs checks it). Parts load separately, so the widget fetches only its own words.
import { LANGUAGES } from './strings/languages.js';

export { LANGUAGES };
export const DEFAULT_LANG = 'en-GB';

/**
 * The first tag in `wanted` (most wanted first; empty and malformed entries skipped) that has a strings table: the
 * exact tag, else the same language ("de-AT" → de-DE, "zh", "zh-Hans-SG" → zh-CN). British English when none has.
 */
export function pickLang(wanted) {
  const tags = Object.keys(LANGUAGES);
  for (const raw of wanted) {
    if (typeof raw !== 'string' || raw.trim() === '') continue;
    let tag;
    try {
      [tag] = Intl.getCanonicalLocales(raw.trim());
    } catch {
      continue; // not a language tag
    }
    const exact = tags.find((t) => t.toLowerCase() === tag.toLowerCase());
    if (exact) return exact;
    const language = new Intl.Locale(tag).language;
    const same = tags.find((t) => new Intl.Locale(t).language === language);
    if (same) return same;
  }
  return DEFAULT_LANG;
}

// Vite leaves a dynamic import with variables alone in a dependency (its dynamic-import-vars skips node_modules), so
// a shop's Vite build would not contain the strings; it does turn import.meta.glob into a map of lazy chunks. Outside
// Vite, import.meta.glob is undefined and the plain dynamic import runs (browsers, webpack, Rollup, esbuild).
let bundled = null;
try {
  bundled = import.meta.glob('./strings/*/*.js');
} catch {
  // not built by Vite
}

/** The parts of the page language's strings that its first view needs: boot.js asks for them at once, and a first
 *  visit's payload counts them (scripts/compress.mjs). */
export const FIRST_VIEW_STRINGS = ['page', 'errors', 'numbers', 'chain', 'places', 'overrides'];

/** A part of a language's strings table ('chain', 'widget', 'page', …), loaded once. Only a listed language and a
 *  plain part name make a path, so no caller's text can point the import anywhere else. */
const loaded = new Map();
export function loadStrings(lang, part) {
  if (!Object.hasOwn(LANGUAGES, lang) || !/^[a-z]+$/.test(part)) {
    return Promise.reject(new RangeError(`no strings for language ${JSON.stringify(String(lang))}, part ${JSON.stringify(String(part))}`));
  }
  const key = `${lang}/${part}`;
  const viteChunk = bundled?.[`./strings/${key}.js`];
  if (!loaded.has(key)) loaded.set(key, viteChunk ? viteChunk() : import(`./strings/${lang}/${part}.js`));
  return loaded.get(key);
}

const SAVED = 'green-delivery:lang';
/** The language picked in the page's menu, kept for the next visit; '' if none (or storage is blocked). */
function savedLang() {
  try {
    return globalThis.localStorage?.getItem(SAVED) ?? '';
  } catch {
    return '';
  }
}
/** Remembers the language picked in the menu (an address's `?lang=` is not remembered: a shared link is a visit). */
export function saveLang(tag) {
  try {
    globalThis.localStorage?.setItem(SAVED, tag);
  } catch {
    // storage blocked: the choice lasts as long as the ?lang= in the address
  }
}

/**
 * The page's language: `?lang=` first, then the one picked in the menu before, then the browser's languages.
 * Switching reloads the page with `?lang=`, so every view renders once, in one language, and the address can be
 * shared.
 */
export function pageLang() {
  const asked = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  return pickLang([asked, savedLang(), ...(globalThis.navigator?.languages ?? [])]);
}

/**
 * Puts a table's words into static markup: an element with `data-i18n="key"` gets `table[key]` as its text, and
 * `data-i18n-attr="placeholder:key aria-label:key2"` sets those attributes. Markup keeps its British English as the
 * text shown before scripts run; keys of other parts are left to their own tables (tests/page/i18n.test.mjs scans
 * each rendered language for English left behind).
 */
export function translate(root, table) {
  for (const node of root.querySelectorAll('[data-i18n]')) {
    const key = node.dataset.i18n;
    if (!(key in table)) continue; // another part's key: its own module translates it
    // Only what differs is written: the markup is British English, and every write makes the browser lay out again.
    if (node.textContent !== table[key]) node.textContent = table[key];
  }
  for (const node of root.querySelectorAll('[data-i18n-attr]')) {
    for (const pair of node.dataset.i18nAttr.trim().split(/\s+/)) {
      const [attr, key] = pair.split(':');
      if (key in table && node.getAttribute(attr) !== table[key]) node.setAttribute(attr, table[key]);
    }
  }
}
