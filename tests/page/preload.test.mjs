// The page's <link rel="modulepreload"> list (www/index.html) must be the whole static import graph of its first
// modules: boot.js, and views.js and shopper.js, which boot.js runs. A module missing from it is fetched only when its
// importer has arrived, one network round trip per level, which is what made the shopper's first figure slow on a
// phone. boot.js's own imports are needed before anything runs; the rest are asked for at low priority, so that they
// never delay the first paint of the markup's answer. With the page's tests, after the build: the widget's glue
// (www/widget-pkg/), whose imports are preloaded too, is a build output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { staticGraph } from '../../scripts/module-graph.mjs';

const WWW = new URL('../../www/', import.meta.url);
const read = (path) => readFileSync(new URL(path, WWW), 'utf8');

test("index.html preloads exactly the static imports of boot.js, views.js and shopper.js, and the widget's glue with its own", () => {
  const html = read('index.html');
  // The page's one script; boot.js imports the other two.
  assert.deepEqual([...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag), ['<script type="module" src="boot.js">']);
  assert.match(read('boot.js'), /import\('\.\/views\.js'\);\s+import\('\.\/shopper\.js'\);/);
  const links = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"( fetchpriority="low")?>/g)].map(([, href, low]) => ({ href, low: Boolean(low) }));
  const preloaded = links.map((l) => l.href);
  const entries = ['boot.js', 'views.js', 'shopper.js'];
  const graph = staticGraph(entries);
  for (const entry of entries) graph.delete(entry); // the script tag and import() fetch these themselves
  // The glue is imported dynamically (wasm.js), so its imports (wasm-bindgen's snippets) are preloaded too.
  const glue = staticGraph(['widget-pkg/green_delivery.js']);
  assert.ok(glue.size > 1, "the widget's glue imports its snippets");
  assert.deepEqual(preloaded.toSorted(), [...glue, ...graph].toSorted());
  assert.equal(new Set(preloaded).size, preloaded.length, 'a module preloaded twice');
  // At full priority only what boot.js needs to run.
  const bootGraph = staticGraph(['boot.js']);
  bootGraph.delete('boot.js');
  assert.deepEqual(links.filter((l) => !l.low).map((l) => l.href).toSorted(), [...bootGraph].toSorted());
  assert.doesNotMatch(html, /rel="preload"/, 'the .wasm is asked for by boot.js, after the first paint when the answer holds');
});
