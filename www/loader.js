// The memoised loading behind wasm.js (the page) and widget-wasm.js (the widget): one wasm instance per package,
// shared by everything on a page, and one Retry for every view and widget waiting for it. A failed attempt (the
// .wasm blocked, a 404, no network) is forgotten, so the next call tries again.
const ready = {};
const failedImports = {};

/**
 * Resolves to a package's API, loading it once. `glue()` imports its wasm-bindgen glue with a literal specifier
 * (so Vite, webpack 5 and Rollup bundle it), `wasm` is its .wasm (a `new URL('…', import.meta.url)`, which they
 * copy as an asset), and `retryGlue` is the glue's URL to ask for afresh if importing it failed.
 */
export function loadPackage(name, { glue, wasm, retryGlue }) {
  ready[name] ??= (async () => {
    // The .wasm is asked for now, beside the glue and its imports, not one round trip after them.
    const response = fetch(wasm);
    response.catch(() => {}); // a failure is reported by init below, or by the glue's import first
    let api;
    try {
      // Browsers remember a module script that failed to load; after such a failure, ask for it afresh.
      api = failedImports[name]
        ? await import(/* @vite-ignore */ /* webpackIgnore: true */ `${retryGlue.href}?retry=${failedImports[name]}`)
        : await glue();
    } catch (err) {
      failedImports[name] = (failedImports[name] ?? 0) + 1;
      throw err;
    }
    await api.default({ module_or_path: response });
    return api;
  })().catch((err) => {
    delete ready[name];
    throw err;
  });
  return ready[name];
}

const retries = new EventTarget();

/** Asks everything that is waiting for the calculator (views, widgets) to try loading it again. */
export function retryLoading() {
  retries.dispatchEvent(new Event('retry'));
}

/** Calls `listener` once, at the next `retryLoading()`. */
export function onceRetried(listener) {
  retries.addEventListener('retry', listener, { once: true });
}
