// boot.js's list of modules to preload (PRELOADS) must be the whole static import graph of the modules it loads,
// views.js and shopper.js: a module missing from it is fetched only when its importer has arrived, one network round
// trip per level, which is what made the shopper's first figure slow on a phone. With the page's tests, after the
// build: the widget's glue (www/widget-pkg/), whose imports are preloaded too, is a build output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { staticGraph } from '../../scripts/module-graph.mjs';

const WWW = new URL('../../www/', import.meta.url);
const read = (path) => readFileSync(new URL(path, WWW), 'utf8');

test("boot.js preloads exactly the static imports of views.js and shopper.js, and the widget's glue with its own", () => {
  const html = read('index.html');
  // The page's one script is boot.js; the rest are fetched by it (after the first paint, when the markup's answer holds).
  assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag), ['<script type="module" src="boot.js">']);
  assert.doesNotMatch(html, /rel="(module)?preload"/, 'a preload in the markup is fetched before the first paint');
  const boot = read('boot.js');
  const list = boot.slice(boot.indexOf('export const PRELOADS = ['), boot.indexOf('];', boot.indexOf('export const PRELOADS')));
  const preloaded = [...list.matchAll(/'([^']+)'/g)].map(([, href]) => href);
  assert.match(boot, /import\('\.\/views\.js'\)/);
  assert.match(boot, /import\('\.\/shopper\.js'\)/);
  const graph = staticGraph(['views.js', 'shopper.js']);
  for (const entry of ['views.js', 'shopper.js']) graph.delete(entry); // import() fetches these itself
  // The glue is imported dynamically (wasm.js), so its imports (wasm-bindgen's snippets) are preloaded too.
  const glue = staticGraph(['widget-pkg/green_delivery.js']);
  assert.ok(glue.size > 1, "the widget's glue imports its snippets");
  assert.deepEqual(preloaded.toSorted(), [...glue, ...graph].toSorted());
  assert.equal(new Set(preloaded).size, preloaded.length, 'a module preloaded twice');
});
