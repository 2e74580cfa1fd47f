/// <reference lib="esnext.disposable" />
// (wasm-bindgen types KMeansStepper with [Symbol.dispose], so the types need that lib, TypeScript ≥ 5.2.)
// The full API in Node: as in the browser, except that `init()` and `initSync()` need no argument. No DOM lib is
// needed: this re-exports the API without wasm-bindgen's init() (www/pkg/green_delivery_api.d.ts, split off by
// scripts/api-types.mjs), whose inputs are DOM types, and types init()'s inputs with what the project has.
export * from '../www/pkg/green_delivery_api.js';

/** The instances of the global class `K` where the project's libs declare it (URL and Response: @types/node or the
 *  DOM lib), else `Else`. */
type Instance<K extends string, Else> = typeof globalThis extends Record<K, abstract new (...args: any[]) => infer T> ? T : Else;
/** WebAssembly.Module where the project's libs declare it. */
type WasmModule = typeof globalThis extends { WebAssembly: { Module: abstract new (...args: any[]) => infer T } } ? T : never;

/** What `initSync()` takes: the .wasm's bytes (a Buffer is a Uint8Array), or a compiled WebAssembly.Module. */
export type NodeSyncInitInput = ArrayBuffer | ArrayBufferView | WasmModule;
/** What `init()` takes: the same, or a fetch Response. */
export type NodeInitInput = NodeSyncInitInput | Instance<'Response', never>;

/** The package's .wasm file, as a file: URL. */
export declare const wasmUrl: Instance<'URL', { readonly href: string }>;

/** Instantiates the calculator, reading the package's own .wasm when no argument is given. It resolves to the
 *  wasm's raw exports, which the API does not need. */
export default function init(
  options?: { module_or_path: NodeInitInput | Promise<NodeInitInput> } | NodeInitInput | Promise<NodeInitInput>,
): Promise<object>;

/** Synchronous `init`, reading the package's own .wasm when no argument is given. */
export declare function initSync(options?: { module: NodeSyncInitInput } | NodeSyncInitInput): object;
