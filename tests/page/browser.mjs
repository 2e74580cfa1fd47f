// Shared set-up for page tests: the project's own server on a free port, Debian's Chromium through
// playwright-core, and a record of everything that could break privacy or hygiene.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';

export const OUTPUT = new URL('../../test-output/', import.meta.url);

const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/**
 * Starts server + browser. `open(path, { before })` gives a page plus the lists of foreign requests and console
 * errors; `before(page)`, if given, runs before the page is loaded (to set up routes, say).
 */
export async function startSession() {
  const { server, url } = await serve(0);
  const origin = new URL(url).origin;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: FLAGS });
  const context = await browser.newContext({ locale: 'en-US' });
  return {
    url,
    async open(path = '', { before } = {}) {
      const page = await context.newPage();
      const foreignRequests = [];
      const consoleErrors = [];
      page.on('request', (req) => {
        if (new URL(req.url()).origin !== origin) foreignRequests.push(req.url());
      });
      page.on('console', (msg) => msg.type() === 'error' && consoleErrors.push(msg.text()));
      page.on('pageerror', (err) => consoleErrors.push(String(err)));
      // Anything the Content-Security-Policy blocks is recorded in the page, for `cspViolations(page)`.
      await page.addInitScript(() => {
        // Main-thread tasks over 50 ms, for the responsiveness test.
        window.__longTasks = [];
        new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
          type: 'longtask',
          buffered: true,
        });
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`),
        );
      });
      await before?.(page);
      const response = await page.goto(new URL(path, url).href);
      return { page, response, foreignRequests, consoleErrors };
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Holds back the files matching `glob` until `release()`: `before` is for session.open. */
export function holding(glob) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  const before = (p) => p.route(glob, async (route) => {
    await held;
    await route.continue();
  });
  return { before, release };
}

/** The shopper's eight options as the full package draws them (the widget's build draws them first, then they are
 * drawn again with their everyday comparisons: a test that measures the first list may find it detached). */
export const shopperDrawn = (page, options) =>
  page.waitForFunction(() => {
    const list = document.getElementById('shopper-results');
    return list.dataset.calculator === 'full' && list.children.length === 8;
  }, null, options);
/** Waits until the merchant view's controls answer: its module clears the form's aria-busy once they are wired. */
export const merchantReady = (page) => page.waitForSelector('#merchant-form[aria-busy="false"]', { state: 'attached' });

/** What the page's Content-Security-Policy blocked so far. */
export const cspViolations = (page) => page.evaluate(() => window.__cspViolations);

export async function screenshot(page, name) {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, OUTPUT).pathname, fullPage: true });
}

/** Where issue 24's screenshots go (/tmp/wt24m-shots/, or $SHOTS), and the two widths they are taken at. */
export const SHOTS = process.env.SHOTS ?? '/tmp/wt24m-shots';
export const WIDTHS = { phone: { width: 375, height: 812 }, laptop: { width: 1280, height: 800 } };
mkdirSync(SHOTS, { recursive: true });
