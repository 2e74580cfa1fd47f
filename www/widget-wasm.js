// The checkout widget's calculator: www/widget-pkg, the smaller build (deliveryOptions alone), loaded once and
// shared by every widget on the page. Its own module, so that a shop's bundler sees only the widget's glue and
// .wasm, never the page's full package.
import { loadPackage } from './loader.js';

export { retryLoading, onceRetried } from './loader.js';

/** The .wasm beside this module (a bundler copies it; a CDN serves it from the same folder). */
const DEFAULT_WASM = new URL('./widget-pkg/green_delivery_bg.wasm', import.meta.url);

/**
 * Resolves to the widget package's API; every widget (and wasm.js's 'widget') shares the one instance. `wasm`, a
 * URL, says where to fetch the .wasm from instead of beside this module; only the first load uses it, since a page
 * holds one instance (a later, different URL is ignored, with one console warning).
 */
export function loadWidgetPackage(wasm = DEFAULT_WASM) {
  const href = String(wasm);
  if (loading && loading !== href && !warned) {
    warned = true;
    console.warn(`green-delivery: the widget's .wasm is already loaded from ${loading}; ${href} is not fetched (one instance per page)`);
  }
  const api = loadPackage('widget', {
    glue: () => import('./widget-pkg/green_delivery.js'),
    wasm,
    retryGlue: new URL('./widget-pkg/green_delivery.js', import.meta.url),
  });
  loading ??= href;
  // A failed load is forgotten by loadPackage, so the next widget's URL is tried afresh.
  api.catch(() => {
    if (loading === href) loading = null;
  });
  return api;
}
/** The URL the shared instance is loading (or loaded) from, or null before the first load. */
let loading = null;
let warned = false;
