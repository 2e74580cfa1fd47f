// The static import graph of the page's ES modules, read from their source: what a browser fetches for an entry
// module before running it (dynamic `import()` is not followed). The page's first-visit payload (compress.mjs) and
// its <link rel="modulepreload"> list (tests/page/preload.test.mjs) are both this graph.
import { readFileSync } from 'node:fs';
import { posix } from 'node:path';

const WWW = new URL('../www/', import.meta.url);

/** Every module the `entries` (paths under www/) import statically, deeply, with the entries themselves. */
export function staticGraph(entries) {
  const seen = new Set();
  const visit = (path) => {
    if (seen.has(path)) return;
    seen.add(path);
    const source = readFileSync(new URL(path, WWW), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''); // not comments
    // Either quote: wasm-bindgen's glue writes some of its imports with double quotes.
    for (const [, from, bare] of source.matchAll(/^\s*(?:import|export)\s[^;]*?\bfrom\s*['"](\.[^'"]+)['"]|^\s*import\s*['"](\.[^'"]+)['"]/gm)) {
      visit(posix.normalize(posix.join(posix.dirname(path), from ?? bare)));
    }
  };
  entries.forEach(visit);
  return seen;
}
