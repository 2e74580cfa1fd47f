// Every `::part()` the widget exposes is documented, in the README and in custom-elements.json, and nothing
// documented is gone: the parts are read from the element's source (each `setAttribute('part', …)` and each
// `span(className, part)` of its row builder), so a new part without its documentation fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const source = read('www/green-delivery-options.js');

/** The parts named in the element's source. */
function sourceParts() {
  const names = new Set();
  // setAttribute('part', 'more') or setAttribute('part', first ? 'option greenest' : 'option'): every quoted word.
  for (const [, expr] of source.matchAll(/setAttribute\(\s*'part',\s*([^)]*)\)/g)) {
    for (const [, text] of expr.matchAll(/'([^']*)'/g)) text.split(/\s+/).filter(Boolean).forEach((n) => names.add(n));
  }
  // span('fill', 'bar-fill'): the row builder's second argument is the part (null for none).
  for (const [, name] of source.matchAll(/\bspan\(\s*'[^']*',\s*'([^']+)'/g)) names.add(name);
  return names;
}

const sorted = (set) => [...set].sort();

test('the widget names its parts where this test can read them', () => {
  const parts = sourceParts();
  // A floor, so that a change of how the source names parts cannot empty the comparison below.
  for (const known of ['container', 'option', 'greenest', 'bar-range', 'retry']) assert.ok(parts.has(known), known);
});

test('custom-elements.json documents exactly the parts the widget has', () => {
  const manifest = JSON.parse(read('custom-elements.json'));
  const element = manifest.modules.flatMap((m) => m.declarations).find((d) => d.tagName === 'green-delivery-options');
  assert.deepEqual(sorted(new Set(element.cssParts.map((p) => p.name))), sorted(sourceParts()));
  for (const part of element.cssParts) assert.ok(part.description?.length > 3, `${part.name} has a description`);
});

test('the README\'s Theming paragraph documents exactly the parts the widget has', () => {
  const readme = read('README.md');
  const theming = readme.match(/`::part\(\)` for ([\s\S]*?)\. The page's own CSS/);
  assert.ok(theming, 'README.md: "`::part()` for `a`, `b` …. The page\'s own CSS"');
  const documented = new Set([...theming[1].matchAll(/`([\w-]+)`/g)].map((m) => m[1]));
  assert.deepEqual(sorted(documented), sorted(sourceParts()));
});
