// One shared, memoised wasm instance per package, found relative to this module, for everything on a page.
//   'full'   www/pkg: the page (k-means, consolidation, footprints)
//   'widget' www/widget-pkg: the checkout widget's smaller build (factors, deliveryOptions, the formula models)
// A failed attempt (the .wasm blocked, a 404, no network) is forgotten, so the next call tries again.
const PACKAGES = { full: './pkg/', widget: './widget-pkg/' };
const ready = {};
const failedImports = {};

/** Resolves to the green-delivery API; later calls (from any widget or view) reuse the same instance. */
export function loadGreenDelivery(which = 'full') {
  ready[which] ??= (async () => {
    const base = new URL(PACKAGES[which], import.meta.url);
    const glue = new URL('green_delivery.js', base);
    // Browsers remember a module script that failed to load; after such a failure, ask for it afresh.
    if (failedImports[which]) glue.search = `?retry=${failedImports[which]}`;
    let api;
    try {
      api = await import(glue.href);
    } catch (err) {
      failedImports[which] = (failedImports[which] ?? 0) + 1;
      throw err;
    }
    await api.default({ module_or_path: new URL('green_delivery_bg.wasm', base) });
    return api;
  })().catch((err) => {
    delete ready[which];
    throw err;
  });
  return ready[which];
}

const retries = new EventTarget();

/** Asks everything that is waiting for the calculator (views, widgets) to try loading it again. */
export function retryLoading() {
  retries.dispatchEvent(new Event('retry'));
}

/** Calls `listener` once, at the next `retryLoading()`. */
export function onceRetried(listener) {
  retries.addEventListener('retry', listener, { once: true });
}
