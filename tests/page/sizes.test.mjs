// Every size the README states is the build's: the figures `npm run build` prints (scripts/compress.mjs, which also
// writes them to target/sizes.json), measured here again from www/ as it is. A figure more than 5% away fails, with
// the build's value beside it, so that a change of size needs only the README updated. (The tarball's figures are
// checked where it is packed, in tests/package/package.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { measure, firstVisitFiles } from '../../scripts/compress.mjs';
import { startSession, shopperDrawn } from './browser.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const sizes = measure();
const KB = 1000;

/** "12.3 KB" or "12.3" → bytes. */
const bytes = (text) => Number(text.replace(/ ?KB$/, '').replace(/,/g, '')) * KB;

/** Compares each [what, stated text, measured bytes]; returns the ones more than 5% away, as sentences. */
function differences(figures) {
  return figures
    .filter(([, stated, measured]) => !(Math.abs(bytes(stated) - measured) <= 0.05 * measured))
    .map(([what, stated, measured]) => `${what}: the README says ${stated}, the build measures ${(measured / KB).toFixed(1)} KB`);
}

/** The cells of the README's table row that starts with `start` (and holds `having`). */
function row(start, having = '') {
  const line = readme.split('\n').find((l) => l.startsWith(start) && l.includes(having));
  assert.ok(line, `README.md has a table row starting "${start}"`);
  return line.split('|').slice(1, -1).map((c) => c.trim());
}

/** The numbers `pattern` captures in the README's text (its line breaks read as spaces). */
const prose = readme.replace(/\s+/g, ' ');
function stated(pattern) {
  const m = prose.match(pattern);
  assert.ok(m, `README.md states ${pattern}`);
  return m.slice(1);
}

const HINT = '\n(npm run build prints the sizes; node scripts/compress.mjs --json has them all)';

test('the Hosting section\'s measured payloads are the build\'s', () => {
  const rows = [
    ['| the page, first visit', 'the page', sizes.page],
    ['| the widget (', 'the widget', sizes.widget],
    ["| of which the widget's `.wasm`", "the widget's .wasm", sizes.widgetWasm],
  ];
  const figures = [];
  for (const [start, what, measured] of rows) {
    const [, files, raw, gz, br] = row(start);
    assert.equal(Number(files), measured.files, `${what}: files`);
    figures.push([`${what}, raw`, raw, measured.raw], [`${what}, gzip`, gz, measured.gz], [`${what}, Brotli`, br, measured.br]);
  }
  assert.deepEqual(differences(figures), [], HINT);
});

test('a first visit fetches exactly the files the page\'s first-visit payload counts', async () => {
  const session = await startSession(); // its own browser: nothing in the HTTP cache
  try {
    const fetched = new Set();
    const { page } = await session.open('/', {
      before: (p) => p.on('request', (req) => fetched.add(decodeURIComponent(new URL(req.url()).pathname.slice(1)) || 'index.html')),
    });
    await shopperDrawn(page);
    await page.waitForLoadState('networkidle');
    const counted = firstVisitFiles(Object.keys(sizes.files));
    // Either side's extras, by name (the full package's .d.ts files are not served to a page, so not in sizes.files).
    assert.deepEqual({ notCounted: [...fetched].filter((f) => !counted.includes(f)).sort(), neverFetched: counted.filter((f) => !fetched.has(f)).sort() },
      { notCounted: [], neverFetched: [] });
  } finally {
    await session.close();
  }
});

test('the widget\'s Size paragraph states the build\'s figures', () => {
  const [gz, br, files, wasmGz] = stated(
    /prints its payload in British English, ([\d.]+) KB gzip and ([\d.]+) KB Brotli for its (\d+) files; the wasm alone is ([\d.]+) KB gzip/,
  );
  assert.equal(Number(files), sizes.widget.files, 'the widget\'s files');
  const words = stated(/A language's words are ([\d.]+) KB gzip \(en-GB\), ([\d.]+) KB \(de-DE\) or ([\d.]+) KB \(zh-CN\)/);
  const [pageGz, pageBr] = stated(/The page's full package[^.]* has a wasm of ([\d.]+) KB gzip, ([\d.]+) KB Brotli/);
  const figures = [
    ['the widget, gzip', gz, sizes.widget.gz],
    ['the widget, Brotli', br, sizes.widget.br],
    ["the widget's .wasm, gzip", wasmGz, sizes.widgetWasm.gz],
    ...['en-GB', 'de-DE', 'zh-CN'].map((lang, i) => [`${lang}'s widget words, gzip`, words[i], sizes.strings[lang].widget.gz]),
    ["the page's .wasm, gzip", pageGz, sizes.pageWasm.gz],
    ["the page's .wasm, Brotli", pageBr, sizes.pageWasm.br],
  ];
  assert.deepEqual(differences(figures), [], HINT);
});

test('the place tables\' sizes are the files\'', () => {
  const file = (name) => sizes.files[`data/${name}`] ?? assert.fail(`www/data/${name} is built`);
  const figures = [];
  /** "147 / 52 / 44 KB" against a file's raw, gzip and Brotli. */
  const triple = (what, text, f) =>
    text.replace(/ KB.*/, '').split(' / ').forEach((n, i) => figures.push([`${what} ${['raw', 'gzip', 'Brotli'][i]}`, n, f[['raw', 'gz', 'br'][i]]]));
  const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gz: t.gz + f.gz, br: t.br + f.br }), { raw: 0, gz: 0, br: 0 });
  const zips = Array.from({ length: 10 }, (_, i) => file(`postcodes-US-${i}.json`));
  for (const country of ['GB', 'DE', 'FR', 'US', 'JP', 'CN']) {
    const [, towns, postcodes, townSizes, postcodeSizes] = row(`| ${country} |`, 'places-');
    triple(`${country} towns`, townSizes, file(towns.match(/`(.+?)`/)[1]));
    if (country === 'US') triple('US ZIP codes, in all', postcodeSizes, sum(zips));
    else triple(`${country} postcodes`, postcodeSizes, file(postcodes.match(/`(.+?)`/)[1]));
  }
  triple('towns elsewhere', row('| elsewhere |', 'places-')[3], file('places-world.json'));
  // The Merchant view's sentence: gzip, towns then postcodes.
  for (const [country, postcodes] of [['GB', 'postcode-districts'], ['DE', 'postcodes-DE'], ['FR', 'postcodes-FR'], ['JP', 'postcodes-JP'], ['CN', 'postcodes-CN']]) {
    const [towns, codes] = stated(new RegExp(`${country} (\\d+) \\+ (\\d+) KB`));
    figures.push([`${country} towns, gzip`, towns, file(`places-${country}.json`).gz], [`${country} postcodes, gzip`, codes, file(`${postcodes}.json`).gz]);
  }
  const [usTowns, zipLow, zipHigh] = stated(/US (\d+) KB \+ one of ten ZIP files of (\d+)–(\d+) KB/);
  const zipGz = zips.map((f) => f.gz);
  figures.push(['US towns, gzip', usTowns, file('places-US.json').gz], ['smallest ZIP file, gzip', zipLow, Math.min(...zipGz)], ['largest ZIP file, gzip', zipHigh, Math.max(...zipGz)]);
  figures.push(['towns elsewhere, gzip', stated(/towns elsewhere \(to suggest, never to pick\) (\d+) KB/)[0], file('places-world.json').gz]);
  assert.deepEqual(differences(figures), [], HINT);
});
