// Writes `<file>.br` (Brotli, quality 11) and `<file>.gz` (gzip -9) beside every text and wasm asset in www/, so
// that scripts/serve.mjs (or any host that serves precompressed files) can send them as they are, and prints the
// compressed sizes of the page's and the widget's payloads, which it also writes to target/sizes.json (the figures the
// README states; tests/js/readme-sizes.test.mjs holds them to it). A compressed file newer than its source is kept.
//   node scripts/compress.mjs          compress, print sizes, write target/sizes.json
//   node scripts/compress.mjs --json   the same, with the sizes as JSON on stdout
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { staticGraph } from './module-graph.mjs';
import { FIRST_VIEW_STRINGS } from '../www/i18n.js';

const ROOT = fileURLToPath(new URL('../www/', import.meta.url));
/** What is worth compressing: text and wasm (images such as .png are compressed already). */
export const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.csv', '.geojson', '.wasm', '.txt', '.map']);

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (COMPRESSIBLE.has(extname(entry.name))) yield path;
  }
}

const fresh = (target, source) => {
  try {
    return statSync(target).mtimeMs >= statSync(source).mtimeMs;
  } catch {
    return false;
  }
};

export const brotli = (data) =>
  brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_GENERIC,
    },
  });
export const gzip = (data) => gzipSync(data, { level: 9 });

/** Compresses every asset under www/; returns { path: { raw, br, gz } } (paths relative to www/). */
export function compressAll() {
  const sizes = {};
  for (const path of files(ROOT)) {
    const data = readFileSync(path);
    for (const [ext, compress] of [['.br', brotli], ['.gz', gzip]]) {
      if (!fresh(path + ext, path)) writeFileSync(path + ext, compress(data));
    }
    sizes[relative(ROOT, path)] = { raw: data.length, br: statSync(path + '.br').size, gz: statSync(path + '.gz').size };
  }
  return sizes;
}

/** The strings parts the widget loads for one language (www/strings/<lang>/), besides the British error sentences
 *  that errors.js carries for every caller. */
export const WIDGET_STRINGS = ['chain', 'numbers', 'errors'];


/** The files of `names` (paths under www/) that a first visit downloads, in British English: the markup, the static
 *  import graph of boot.js and the two modules it loads (the other views' modules come when those views are first shown), the
 *  first view's strings, and both packages (the shopper's first figures come from the widget's, then the full one
 *  follows: wasm.js). The sample city, fetched on demand, is not counted. tests/page/payload.test.mjs checks this
 *  list against what a browser fetches. */
export function firstVisitFiles(names) {
  const modules = [...staticGraph(['boot.js', 'views.js', 'shopper.js'])];
  const strings = FIRST_VIEW_STRINGS.map((part) => `strings/en-GB/${part}.js`);
  const packages = names.filter((n) => n.startsWith('pkg/') || n.startsWith('widget-pkg/'));
  return [...new Set(['index.html', 'style.css', 'icon.svg', ...modules, ...strings, ...packages])];
}

/** The page's and the widget's payloads (see firstVisitFiles, and the widget's files below); and the bytes of each
 *  language's strings: the widget's parts, and every part (the page's). */
export function payloads(sizes) {
  const names = Object.keys(sizes);
  const widgetFiles = [
    'widget.js', 'green-delivery-options.js', 'ranking.js', 'widget-wasm.js', 'loader.js', 'errors.js', 'format.js', 'i18n.js',
    'strings/languages.js', ...WIDGET_STRINGS.map((part) => `strings/en-GB/${part}.js`),
    ...names.filter((n) => n.startsWith('widget-pkg/')),
  ];
  const pageFiles = firstVisitFiles(names);
  const sum = (list) =>
    list.reduce((t, n) => ({ files: t.files + 1, raw: t.raw + sizes[n].raw, br: t.br + sizes[n].br, gz: t.gz + sizes[n].gz }), {
      files: 0, raw: 0, br: 0, gz: 0,
    });
  const languages = [...new Set(names.filter((n) => /^strings\/[^/]+\//.test(n)).map((n) => n.split('/')[1]))].sort();
  const strings = Object.fromEntries(
    languages.map((lang) => [lang, {
      widget: sum(WIDGET_STRINGS.map((part) => `strings/${lang}/${part}.js`).filter((n) => sizes[n])),
      all: sum(names.filter((n) => n.startsWith(`strings/${lang}/`))),
    }]),
  );
  // The classic script (scripts/build-classic.mjs) and the .wasm: all a page without modules downloads, every
  // language's widget words included.
  const classicFiles = ['green-delivery-widget.js', 'widget-pkg/green_delivery_bg.wasm'];
  const classic = classicFiles.every((n) => sizes[n]) ? sum(classicFiles) : null;
  return { page: sum(pageFiles), widget: sum(widgetFiles), classic, strings };
}

/** Everything measured, as target/sizes.json holds it: the payloads (bytes: raw, gzip, Brotli, and files), each
 *  language's strings, the two .wasm files, and every asset. */
export function measure() {
  const files = compressAll();
  const wasm = (path) => ({ files: 1, ...files[path] });
  return { ...payloads(files), pageWasm: wasm('pkg/green_delivery_bg.wasm'), widgetWasm: wasm('widget-pkg/green_delivery_bg.wasm'), files };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = measure();
  const target = fileURLToPath(new URL('../target/', import.meta.url));
  mkdirSync(target, { recursive: true });
  writeFileSync(target + 'sizes.json', JSON.stringify(result, null, 2) + '\n');
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(result, null, 2));
  } else {
    const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
    for (const name of ['page', 'widget', 'classic']) {
      const p = result[name];
      if (!p) continue;
      console.log(`[build] ${name} payload (${p.files} files): ${kb(p.raw)} raw, ${kb(p.gz)} gzip, ${kb(p.br)} brotli`);
    }
    for (const [lang, { widget, all }] of Object.entries(result.strings)) {
      console.log(`[build] strings ${lang}: widget's ${kb(widget.gz)} gzip, all parts ${kb(all.gz)} gzip (${all.files} files)`);
    }
    for (const [name, s] of [['pkg/green_delivery_bg.wasm', result.pageWasm], ['widget-pkg/green_delivery_bg.wasm', result.widgetWasm]]) {
      console.log(`[build] ${name}: ${kb(s.raw)} raw, ${kb(s.gz)} gzip, ${kb(s.br)} brotli`);
    }
    console.log('[build] sizes written to target/sizes.json');
  }
}
