// green-delivery, the full API, for Node ≥ 20: `await init()` and `initSync()` read the package's own .wasm from
// disk, so no argument is needed. Anything given is passed on to wasm-bindgen's init unchanged.
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import init, { initSync as initSyncWith } from '../www/pkg/green_delivery.js';

export * from '../www/pkg/green_delivery.js';

/** The package's .wasm, as a file: URL. */
export const wasmUrl = new URL('../www/pkg/green_delivery_bg.wasm', import.meta.url);

/** Instantiates the calculator (once; later calls resolve to the same instance). */
export default async function initGreenDelivery(options) {
  return init(options ?? { module_or_path: await readFile(wasmUrl) });
}

/** The same, synchronously: for scripts and command lines. */
export function initSync(options) {
  return initSyncWith(options ?? { module: readFileSync(wasmUrl) });
}
