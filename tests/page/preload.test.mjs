// The page's <link rel="modulepreload"> list (www/index.html) must be the whole static import graph of its first
// modules, views.js and shopper.js: a module missing from it is fetched only when its importer has arrived, one
// network round trip per level, which is what made the shopper's first figure slow on a phone. With the page's tests,
// after the build: the widget's glue (www/widget-pkg/), whose imports are preloaded too, is a build output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { staticGraph } from '../../scripts/module-graph.mjs';

const WWW = new URL('../../www/', import.meta.url);
const read = (path) => readFileSync(new URL(path, WWW), 'utf8');

test("index.html preloads exactly the static imports of views.js and shopper.js, and the widget's glue with its own", () => {
  const html = read('index.html');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, href]) => href);
  const entries = [...html.matchAll(/<script type="module" src="([^"]+)">/g)].map(([, src]) => src);
  assert.deepEqual(entries.slice(0, 2), ['views.js', 'shopper.js']); // the two that draw the first screen
  const graph = staticGraph(['views.js', 'shopper.js']);
  for (const entry of entries) graph.delete(entry); // the script tags fetch these themselves
  // The glue is imported dynamically (wasm.js), so its imports (wasm-bindgen's snippets) are preloaded too.
  const glue = staticGraph(['widget-pkg/green_delivery.js']);
  assert.ok(glue.size > 1, "the widget's glue imports its snippets");
  assert.deepEqual(preloaded.toSorted(), [...glue, ...graph].toSorted());
  assert.equal(new Set(preloaded).size, preloaded.length, 'a module preloaded twice');
});
