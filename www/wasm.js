// One shared, memoised wasm instance for everything on the page (calculators, views, widgets).
import init, * as api from './pkg/green_delivery.js';

let ready;

/** Resolves to the green-delivery API once the module is compiled; later calls reuse the same instance. */
export function loadGreenDelivery() {
  ready ??= init({ module_or_path: new URL('./pkg/green_delivery_bg.wasm', import.meta.url) }).then(() => api);
  return ready;
}
