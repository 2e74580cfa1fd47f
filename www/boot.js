// The page's one script tag. The markup already holds the answer for the British example in British English
// (`npm run prerender` writes it; tests/page/prerender.test.mjs checks it is what the calculator draws), so a first
// visit paints a whole answer without any script or wasm. This module decides whether that answer holds for this
// visit, then fetches the page's modules: after the first paint when it holds (a phone spends its first second on
// the answer, not on code), at once when it does not.
import { pageLang } from './i18n.js';
import { OVERRIDE_KEYS } from './storage-keys.js';

/** The static imports of views.js and shopper.js, and of the widget's glue, asked for all at once: a module not
 *  listed would be fetched only when its importer had arrived, a round trip per level (tests/page/preload.test.mjs
 *  checks the list is the whole graph). */
export const PRELOADS = [
  'i18n.js',
  'strings/languages.js',
  'places.js',
  'strings/en-GB/places.js',
  'country.js',
  'widget-pkg/green_delivery.js',
  'widget-pkg/snippets/green-delivery-2812ef499de69bc8/src/wasm/boundary.js',
  'loading.js',
  'wasm.js',
  'loader.js',
  'widget-wasm.js',
  'errors.js',
  'plot.js',
  'format.js',
  'overrides.js',
  'storage-keys.js',
  'place-field.js',
  'ranking.js',
];

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
// The markup's answer is for British English, the British example and the default factors. Another language, another
// country or saved overrides get their own answer, computed: until it is drawn, the markup's is hidden (style.css),
// and another language's reader sees the page only once its words are in (never a flash of English).
const answerHolds = lang === 'en-GB' && (params.get('country') ?? 'GB').toUpperCase() === 'GB' && !OVERRIDE_KEYS.some(stored);
if (!answerHolds) root.classList.add('recalculating');
root.lang = lang;
if (lang !== 'en-GB') root.classList.add('translating');

function load() {
  // The widget's .wasm first: it is the longest download the first figures wait for.
  const wasm = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', type: 'application/wasm', crossOrigin: '' });
  wasm.href = 'widget-pkg/green_delivery_bg.wasm';
  document.head.append(wasm);
  for (const href of PRELOADS) document.head.append(Object.assign(document.createElement('link'), { rel: 'modulepreload', href }));
  // views.js first: it shows the view the address asks for and puts in the shell's words.
  import('./views.js').finally(() => import('./shopper.js'));
}

// The other views hold no answer in the markup: their modules are needed at once.
const shopperFirst = ['', '#shopper'].includes(location.hash);
if (answerHolds && shopperFirst) requestAnimationFrame(() => setTimeout(load));
else load();
