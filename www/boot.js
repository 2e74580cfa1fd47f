// The page's one script tag. The markup already holds the answer for the British example in British English
// (`npm run prerender` writes it; tests/page/prerender.test.mjs checks it is what the calculator draws), so a first
// visit paints a whole answer without any script or wasm. This module decides whether that answer holds for this
// visit, then fetches the page's modules: after the first paint when it holds (a phone spends its first second on
// the answer, not on code), at once when it does not.
import { pageLang, loadStrings, FIRST_VIEW_STRINGS } from './i18n.js';
import { OVERRIDE_KEYS } from './storage-keys.js';

const root = document.documentElement;
const params = new URLSearchParams(location.search);
const lang = pageLang();
const stored = (key) => {
  try {
    return localStorage.getItem(key) !== null;
  } catch {
    return false; // storage switched off: no overrides
  }
};
// The markup's answer is for British English, the British example and the default factors: style.css shows it only
// once this says it holds. Another language, another country or saved overrides get their own answer, computed
// (shopper.js), and another language's reader sees the page only once its words are in (never a flash of English).
const answerHolds = lang === 'en-GB' && (params.get('country') ?? 'GB').toUpperCase() === 'GB' && !OVERRIDE_KEYS.some(stored);
if (answerHolds) root.classList.add('answer-shown');
root.lang = lang;
if (lang !== 'en-GB') root.classList.add('translating');

function load() {
  // The widget's .wasm, the longest download the first figures wait for, beside the modules' first run.
  const wasm = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', type: 'application/wasm', crossOrigin: '' });
  wasm.href = 'widget-pkg/green_delivery_bg.wasm';
  document.head.append(wasm);
  // Every view waits for some of its language's words: asked for now, beside the modules, not once they have run
  // (each part is fetched once; the views then await it).
  for (const part of FIRST_VIEW_STRINGS) loadStrings(lang, part).catch(() => {});
  // The browser's first Intl object sets up its locale data (tens of milliseconds on a phone, whichever comes first):
  // made now, in a task of its own while the words are on their way, it is off the path to a computed first figure.
  // When the markup's answer holds, nothing is formatted until the shopper changes something.
  if (!answerHolds) setTimeout(() => new Intl.NumberFormat(lang).format(1));
  // The view the address asks for, the shell's words and menus (views.js); the shopper's view, always in the page.
  import('./views.js');
  import('./shopper.js');
}

// The other views hold no answer in the markup: their modules are needed at once.
const shopperFirst = ['', '#shopper'].includes(location.hash);
if (answerHolds && shopperFirst) requestAnimationFrame(() => setTimeout(load));
else load();
