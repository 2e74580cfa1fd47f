// Injected first into the classic-script build (scripts/build-classic.mjs), which maps `import.meta.url` to this:
// a classic script has no import.meta, so the widget finds its files (the .wasm, the place tables) beside the
// script's own URL, read while the script runs (document.currentScript is null afterwards).
export const scriptUrl = document.currentScript?.src || document.baseURI;
