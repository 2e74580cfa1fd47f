// One view at a time, chosen by the URL's #fragment, so each view can be linked to and the back button works; and
// the page's language: `<html lang>`, the shell's words (title, header, navigation, footer), and a menu that
// switches language by reloading with `?lang=` (every view then renders once, in one language).
import { LANGUAGES, pageLang, loadStrings, translate, saveLang } from './i18n.js';
import { COVERED_COUNTRIES, countryName } from './places.js';
import { pageCountry } from './country.js';

const views = [...document.querySelectorAll('main > section.view')];
const links = [...document.querySelectorAll('nav .tabs a')];

// Each view's heading can take focus (not by Tab): when the view switches, focus moves to it, so a keyboard or
// screen reader user starts at the top of the new view instead of on a link that has gone (or on `body`).
for (const view of views) view.querySelector('h2')?.setAttribute('tabindex', '-1');

// The shopper view's module is in the page's markup; the others are fetched and run when their view is first shown,
// so a shopper's phone neither downloads nor runs the merchant's, the classroom's or the sources' code.
const LATER = { merchant: ['./merchant.js'], classroom: ['./classroom.js', './formulas.js'], sources: ['./sources.js'] };

function show({ focus = false } = {}) {
  const wanted = views.find((v) => `#${v.id}` === location.hash) ?? views[0];
  for (const view of views) view.hidden = view !== wanted;
  for (const path of LATER[wanted.id] ?? []) {
    import(path).catch((err) => console.warn(`green-delivery: ${path} could not load`, err)); // once: import() keeps it
  }
  for (const link of links) {
    if (link.hash === `#${wanted.id}`) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (focus) wanted.querySelector('h2')?.focus();
}

// Not on the first load: the page opens where the reader is, with focus where the browser puts it.
addEventListener('hashchange', () => show({ focus: true }));
show();

const lang = pageLang(); // boot.js has set <html lang> to it

/**
 * A header menu that reloads the page with `?<param>=` the value picked (keeping the #view), so every view renders
 * once, with that choice. `options` are `Option`s; `key` is the label's key in the page's strings table.
 */
function reloadingMenu(param, key, label, options, remember = () => {}) {
  const box = document.createElement('label');
  box.className = 'language';
  const text = document.createElement('span');
  text.dataset.i18n = key;
  text.textContent = label;
  const select = document.createElement('select');
  select.name = param;
  select.append(...options);
  select.addEventListener('change', () => {
    remember(select.value);
    const url = new URL(location.href);
    url.searchParams.set(param, select.value);
    location.assign(url);
  });
  box.append(text, ' ', select);
  return box;
}

/** The language menu: each language named in itself (and tagged, so screen readers say it in that language); the
 *  choice is remembered, so the next visit without ?lang= opens in it too. */
const languageMenu = (label) =>
  reloadingMenu('lang', 'language', label, Object.entries(LANGUAGES).map(([tag, name]) => {
    const option = new Option(name, tag, tag === lang, tag === lang);
    option.lang = tag;
    return option;
  }), saveLang);

/** The country menu: where the shop delivers, each country named in the page's language; every view then opens
 *  with that country's defaults, places and example. */
function countryMenu(label) {
  const country = pageCountry(lang);
  return reloadingMenu('country', 'country', label,
    COVERED_COUNTRIES.map((code) => new Option(countryName(code, lang), code, code === country, code === country)));
}

// The markup is British English; another language's reader sees the page once its words are in (boot.js hid it
// until then: never a flash of English). Always shown again, even if the words cannot load.
try {
  const page = await loadStrings(lang, 'page');
  // Into the room the markup keeps for them, so that nothing under the header moves when they arrive.
  const header = document.querySelector('body > header');
  (header.querySelector('.header-menus') ?? header).append(languageMenu(page.HTML.language), countryMenu(page.HTML.country));
  // The whole markup at once (each view's module does its own section too, before it writes anything): this runs
  // before any view writes a sentence, as they wait for more of the strings than this.
  translate(document.head, page.HTML);
  translate(document.body, page.HTML);
  document.title = page.HTML.title;
  // `translate` looks inside its root; the navigation's own name is set here.
  document.querySelector('body > nav')?.setAttribute('aria-label', page.HTML.navLabel);
} finally {
  document.documentElement.classList.remove('translating');
}
