// What a view shows while the calculator (the wasm module) cannot load: one plain sentence and a Retry button.
// Retry in any view tries again for every view waiting, and each renders normally once the module has loaded.
import { loadGreenDelivery, retryLoading, onceRetried } from './wasm.js';
import { pageLang, loadStrings } from './i18n.js';
import { setErrorWords } from './errors.js';

// The notice's words, in the page's language (www/strings/<lang>/page.js), and the page's error sentences: every view
// imports this module, so both are ready before any view runs.
const [{ LOADING }, errorWords] = await Promise.all([loadStrings(pageLang(), 'page'), loadStrings(pageLang(), 'errors')]);
setErrorWords(errorWords);

/** The notice for one view (or part of one), inserted after its heading when first shown. */
export function loadNotice(where) {
  let box = null;
  let text;
  let button;
  return {
    /** Shows the notice, saying the calculator could not load; Retry asks every waiting view to try again. */
    failed() {
      if (!box) {
        box = document.createElement('div');
        box.className = 'load-failed';
        box.setAttribute('role', 'alert');
        text = document.createElement('p');
        button = document.createElement('button');
        button.type = 'button';
        button.textContent = LOADING.retry;
        button.addEventListener('click', () => retryLoading());
        box.append(text, button);
        const heading = where.querySelector(':scope > h2, :scope > h3');
        if (heading) heading.after(box);
        else where.prepend(box);
      }
      box.hidden = false;
      text.textContent = LOADING.failed;
      button.disabled = false;
    },
    /** Keeps the notice up while a retry is under way. */
    loading() {
      if (!box) return;
      text.textContent = LOADING.loading;
      button.disabled = true;
    },
    hide() {
      if (box) box.hidden = true;
    },
  };
}

/**
 * Calls `start(api)` once the calculator has loaded. Until then, `where` shows the notice, and each Retry tries
 * again. Never rejects, so a module that awaits it is never left dead. `notice` may be shared with other code
 * that reports the same failure (the merchant's worker does). `which` is the package: 'full', or 'widget' (the
 * smaller build, enough for the delivery options).
 */
export async function whenLoaded(where, start, notice = loadNotice(where), which = 'full') {
  for (;;) {
    let api;
    try {
      api = await loadGreenDelivery(which);
    } catch (err) {
      console.warn('green-delivery: the calculator could not load', err);
      notice.failed();
      await new Promise((resolve) => onceRetried(resolve));
      notice.loading();
      continue;
    }
    notice.hide();
    return start(api);
  }
}
