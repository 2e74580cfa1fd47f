// Splits wasm-bindgen's www/pkg/green_delivery.d.ts in two, so that the Node entry's types need no DOM lib:
//   green_delivery_api.d.ts  the API (functions, classes, the option and result types): plain ECMAScript types
//   green_delivery.d.ts      `export * from './green_delivery_api.js'` and wasm-bindgen's init(), whose inputs are
//                            DOM types (RequestInfo, Response, BufferSource, WebAssembly.Module)
// lib/index.d.ts (browsers) re-exports green_delivery.d.ts; lib/node.d.ts re-exports the API alone, with its own
// init(). Both see one declaration of every type. scripts/build.sh runs it after wasm-pack.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const PKG = fileURLToPath(new URL('../www/pkg/', import.meta.url));
const REEXPORT = "export * from './green_delivery_api.js';\n";
const INIT = '\nexport type InitInput =';

const dts = readFileSync(PKG + 'green_delivery.d.ts', 'utf8');
if (!dts.startsWith(REEXPORT)) {
  const at = dts.indexOf(INIT);
  if (at < 0) throw new Error('www/pkg/green_delivery.d.ts: no `export type InitInput` (has wasm-bindgen changed?)');
  writeFileSync(PKG + 'green_delivery_api.d.ts', dts.slice(0, at + 1));
  writeFileSync(PKG + 'green_delivery.d.ts', REEXPORT + dts.slice(at + 1));
}
