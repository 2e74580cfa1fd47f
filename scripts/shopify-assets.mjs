// Writes the Shopify theme app extension's assets/ (integrations/shopify/assets/) from a build: the widget as one
// classic script, its .wasm, and the UK postcode table. Shopify's asset folders are flat (no subfolders), so the
// widget's module graph (widget-pkg/, strings/) cannot be uploaded as it is; the classic build, made with `flat`,
// looks for its tables beside itself, and the block names the .wasm with `wasm="{{ … | asset_url }}"`.
// These are build outputs (the .wasm is 200 KB of binary that changes with every Rust change), so they are not
// committed: run this after `npm run build` and before `shopify app deploy`. The block's own stylesheet,
// assets/green-delivery-block.css, is a source file and is committed.
//   node scripts/shopify-assets.mjs [--out DIR]
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildClassic, CLASSIC_FILE } from './build-classic.mjs';

const WWW = fileURLToPath(new URL('../www/', import.meta.url));
export const SHOPIFY_ASSETS = fileURLToPath(new URL('../integrations/shopify/assets/', import.meta.url));

/** The files copied from www/ as they are, by their name in assets/. Only the UK postcode table: other countries'
 *  places need their tables too (www/data/, up to 5 MB in all), or a depot and destination as "lat,lon". */
const COPIED = {
  'green_delivery_bg.wasm': 'widget-pkg/green_delivery_bg.wasm',
  'postcode-districts.json': 'data/postcode-districts.json',
};

const STYLESHEET = 'green-delivery-block.css';

/** Writes the assets into `out` (and the block's stylesheet, when `out` is another folder); returns their names and
 *  sizes in bytes. */
export async function shopifyAssets(out = SHOPIFY_ASSETS) {
  for (const source of Object.values(COPIED)) {
    try {
      statSync(join(WWW, source));
    } catch {
      throw new Error(`www/${source} is missing: run npm run build first`);
    }
  }
  mkdirSync(out, { recursive: true });
  const stylesheet = join(SHOPIFY_ASSETS, STYLESHEET);
  if (stylesheet !== join(out, STYLESHEET)) copyFileSync(stylesheet, join(out, STYLESHEET));
  await buildClassic({ outfile: join(out, CLASSIC_FILE), flat: true });
  for (const [name, source] of Object.entries(COPIED)) copyFileSync(join(WWW, source), join(out, name));
  return Object.fromEntries([CLASSIC_FILE, ...Object.keys(COPIED), STYLESHEET].map((name) => [name, statSync(join(out, name)).size]));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const sizes = await shopifyAssets(values.out ?? SHOPIFY_ASSETS);
  for (const [name, size] of Object.entries(sizes)) console.log(`${name}: ${(size / 1000).toFixed(1)} KB`);
}
