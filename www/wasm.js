// One shared, memoised wasm instance per package, found relative to this module, for everything on a page.
//   'full'   www/pkg: the page (k-means, consolidation, footprints)
//   'widget' www/widget-pkg: the checkout widget's smaller build (deliveryOptions alone)
// A failed attempt (the .wasm blocked, a 404, no network) is forgotten, so the next call tries again.
// Specifiers are literal, so that bundlers find the glue and the .wasm (see loader.js).
import { loadPackage } from './loader.js';
import { loadWidgetPackage } from './widget-wasm.js';

export { retryLoading, onceRetried } from './loader.js';

// A page opened on the shopper view draws its first figures with the widget's build, a third of the full one's
// bytes; the full package (the other views, the whole order's footprint) is fetched once that has arrived, so the two
// do not share a slow connection. In a worker, or on another view, the full package is fetched at once.
const shopperFirst = globalThis.document !== undefined && ['', '#shopper'].includes(globalThis.location.hash);
const fullAfter = shopperFirst ? loadWidgetPackage().catch(() => {}) : Promise.resolve();

/** Resolves to the green-delivery API; later calls (from any widget or view) reuse the same instance. */
export async function loadGreenDelivery(which = 'full') {
  if (which === 'widget') return loadWidgetPackage();
  await fullAfter;
  return loadPackage('full', {
    glue: () => import('./pkg/green_delivery.js'),
    wasm: new URL('./pkg/green_delivery_bg.wasm', import.meta.url),
    retryGlue: new URL('./pkg/green_delivery.js', import.meta.url),
  });
}
