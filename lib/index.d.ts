/// <reference lib="esnext.disposable" />
// (wasm-bindgen types KMeansStepper with [Symbol.dispose], so the types need that lib, TypeScript ≥ 5.2.)
// The full API: every function, its option and result types, and GreenDeliveryError (with `code` and `field`).
export * from '../www/pkg/green_delivery.js';
export { default } from '../www/pkg/green_delivery.js';
