// green-delivery, the full API, for browsers (with or without a bundler) and any other ES module host with fetch.
// `await init()` fetches the .wasm beside the glue through `new URL('green_delivery_bg.wasm', import.meta.url)`,
// which Vite, webpack 5 and Rollup follow and copy as an asset. Node gets node.js instead (package.json `exports`).
export { default } from '../www/pkg/green_delivery.js';
export * from '../www/pkg/green_delivery.js';
