// One shared, memoised wasm instance per package, found relative to this module, for everything on a page.
//   'full'   www/pkg: the page (k-means, consolidation, footprints)
//   'widget' www/widget-pkg: the checkout widget's smaller build (factors, deliveryOptions, the formula models)
const PACKAGES = { full: './pkg/', widget: './widget-pkg/' };
const ready = {};

/** Resolves to the green-delivery API; later calls (from any widget or view) reuse the same instance. */
export function loadGreenDelivery(which = 'full') {
  ready[which] ??= (async () => {
    const base = new URL(PACKAGES[which], import.meta.url);
    const api = await import(new URL('green_delivery.js', base).href);
    await api.default({ module_or_path: new URL('green_delivery_bg.wasm', base) });
    return api;
  })();
  return ready[which];
}
