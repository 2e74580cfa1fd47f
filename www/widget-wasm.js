// The checkout widget's calculator: www/widget-pkg, the smaller build (deliveryOptions alone), loaded once and
// shared by every widget on the page. Its own module, so that a shop's bundler sees only the widget's glue and
// .wasm, never the page's full package.
import { loadPackage } from './loader.js';

export { retryLoading, onceRetried } from './loader.js';

/** Resolves to the widget package's API; every widget (and wasm.js's 'widget') shares the one instance. */
export function loadWidgetPackage() {
  return loadPackage('widget', {
    glue: () => import('./widget-pkg/green_delivery.js'),
    wasm: new URL('./widget-pkg/green_delivery_bg.wasm', import.meta.url),
    retryGlue: new URL('./widget-pkg/green_delivery.js', import.meta.url),
  });
}
