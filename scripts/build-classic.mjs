// Builds the widget as one classic script (an IIFE, no modules) for pages that cannot use `type="module"`:
// www/green-delivery-widget.js defines <green-delivery-options> like www/widget.js, with its modules, the wasm glue
// and the widget's words (and place words) in all its languages inside, so a page fetches two files (the script and the .wasm)
// instead of the module graph's dozen. The .wasm and the place tables are found beside the script
// (document.currentScript.src, since a classic script has no import.meta.url); the `wasm` attribute can say
// otherwise.
//   node scripts/build-classic.mjs                 writes www/green-delivery-widget.js
//   buildClassic({ outfile, flat: true })          (scripts/shopify-assets.mjs) place tables beside the script,
//                                                  not in data/, for hosts whose assets are one flat folder
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { LANGUAGES } from '../www/strings/languages.js';
import { WIDGET_STRINGS } from './compress.mjs';

const WWW = new URL('../www/', import.meta.url);
export const CLASSIC_FILE = 'green-delivery-widget.js';

/** Replaces `from` with `to` in `text`, exactly once: if the source changed, the build stops rather than ship a
 *  script that silently does something else. */
function replaceOnce(text, from, to, file) {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + from.length) >= 0) {
    throw new Error(`build-classic: expected one "${from}" in ${file}; update scripts/build-classic.mjs`);
  }
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** Source changes for the classic build, per file of www/. */
function edits({ flat }) {
  // The widget's words in every language, bundled (as Vite's import.meta.glob would give them), with the place
  // words a postcode or town destination needs: a host with flat folders (Shopify) has no strings/ to fetch them
  // from. Any other part would be imported at run time from beside the script.
  const parts = Object.keys(LANGUAGES).flatMap((lang) => [...WIDGET_STRINGS, 'places'].map((part) => `./strings/${lang}/${part}.js`));
  const glob = `({ ${parts.map((p) => `${JSON.stringify(p)}: () => import(${JSON.stringify(p)})`).join(', ')} })`;
  return {
    'i18n.js': [
      ["import.meta.glob('./strings/*/*.js')", glob],
      ['import(`./strings/${lang}/${part}.js`)', 'import(new URL(`./strings/${lang}/${part}.js`, import.meta.url).href)'],
    ],
    'places.js': flat ? [['`./data/${name}.json`', '`./${name}.json`']] : [],
  };
}

/** Writes the classic script to `outfile`; resolves to esbuild's result. */
export async function buildClassic({ outfile = fileURLToPath(new URL(CLASSIC_FILE, WWW)), flat = false } = {}) {
  const changes = edits({ flat });
  const sourceEdits = {
    name: 'classic-edits',
    setup(b) {
      b.onLoad({ filter: /[\\/]www[\\/](i18n|places)\.js$/ }, async ({ path }) => {
        const name = path.split(/[\\/]/).pop();
        let text = await readFile(path, 'utf8');
        for (const [from, to] of changes[name]) text = replaceOnce(text, from, to, name);
        return { contents: text, loader: 'js' };
      });
    },
  };
  return build({
    entryPoints: [fileURLToPath(new URL('widget.js', WWW))],
    outfile,
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    inject: [fileURLToPath(new URL('./classic/script-url.js', import.meta.url))],
    define: { 'import.meta.url': 'scriptUrl' },
    plugins: [sourceEdits],
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildClassic();
  console.log(`[build] www/${CLASSIC_FILE} (classic script)`);
}
