/// <reference lib="esnext.disposable" />
// (wasm-bindgen types KMeansStepper with [Symbol.dispose], so the types need that lib, TypeScript ≥ 5.2.)
// The full API in Node: as in the browser, except that `init()` and `initSync()` need no argument.
export * from '../www/pkg/green_delivery.js';
import type { InitInput, InitOutput, SyncInitInput } from '../www/pkg/green_delivery.js';

/** The package's .wasm file, as a file: URL. */
export declare const wasmUrl: URL;

/** Instantiates the calculator, reading the package's own .wasm when no argument is given. */
export default function init(
  options?: { module_or_path: InitInput | Promise<InitInput> } | InitInput | Promise<InitInput>,
): Promise<InitOutput>;

/** Synchronous `init`, reading the package's own .wasm when no argument is given. */
export declare function initSync(options?: { module: SyncInitInput } | SyncInitInput): InitOutput;
