// The shopper's answer for the British example, written into www/index.html between its
// `<!-- prerendered: id … -->` and `<!-- /prerendered -->` markers, as the page itself draws it: a first visit then
// paints a whole answer with no script and no wasm (boot.js, shopper.js). `npm run prerender` (after the build, with
// Chromium) rewrites it; tests/page/prerender.test.mjs fails when what the page draws differs from what is written.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const INDEX = fileURLToPath(new URL('../www/index.html', import.meta.url));
// Between the markers, the markup as the browser writes it out (outerHTML), indented on its first line only: read
// back, it is the same.
const REGION = /^([ \t]*)<!-- prerendered: ([\w -]+) -->\n([\s\S]*?)\n[ \t]*<!-- \/prerendered -->/gm;

/** Each region of `html` by its marker's ids ("order-summary order-parts"): the markup written there. */
export function writtenRegions(html) {
  return new Map([...html.matchAll(REGION)].map(([, indent, ids, body]) => [ids, body.slice(indent.length)]));
}

/**
 * What the page in `page` (opened on '/', British English, no overrides) draws for each region of `html`, drawn
 * afresh by the calculator: the van is changed and changed back, so that nothing is left from the markup.
 * `data-calculator` (which calculator is ready) is left out: the markup's answer is there before either is.
 */
export async function drawnRegions(page, html) {
  const ready = () => page.waitForFunction(() => document.getElementById('shopper-results').dataset.calculator === 'full');
  await ready();
  for (const van of ['petrol-van', 'diesel-van']) {
    await page.selectOption('#shopper-form select[name=vehicle]', van);
    await ready();
    await page.waitForFunction(() => document.querySelectorAll('#order-parts tbody tr').length > 0);
  }
  return shownRegions(page, html);
}

/** What the page in `page` shows now in each region of `html`, without `data-calculator` and without the empty
 *  `style` attributes that Playwright's screenshots leave on inputs (the page writes none). */
export async function shownRegions(page, html) {
  const regions = new Map();
  for (const ids of writtenRegions(html).keys()) {
    regions.set(ids, await page.evaluate((ids) => ids.split(' ').map((id) => {
      const copy = document.getElementById(id).cloneNode(true);
      for (const node of [copy, ...copy.querySelectorAll('[data-calculator]')]) node.removeAttribute('data-calculator');
      for (const node of copy.querySelectorAll('[style=""]')) node.removeAttribute('style');
      return copy.outerHTML;
    }).join('\n'), ids));
  }
  return regions;
}

/** `html` with each region's markup replaced by `regions`'. */
export function withRegions(html, regions) {
  return html.replace(REGION, (whole, indent, ids) => `${indent}<!-- prerendered: ${ids} -->\n${indent}${regions.get(ids)}\n${indent}<!-- /prerendered -->`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { chromium } = await import('playwright-core');
  const { serve } = await import('./serve.mjs');
  const { server, url } = await serve(0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--lang=en-GB'],
  });
  try {
    const page = await browser.newPage({ locale: 'en-GB' });
    await page.goto(url);
    const html = readFileSync(INDEX, 'utf8');
    const next = withRegions(html, await drawnRegions(page, html));
    writeFileSync(INDEX, next);
    console.log(next === html ? '[prerender] www/index.html already holds the answer the page draws' : '[prerender] www/index.html: the answer rewritten');
  } finally {
    await browser.close();
    server.close();
  }
}
