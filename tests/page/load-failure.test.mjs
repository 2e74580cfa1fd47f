// The calculator (the .wasm) cannot load: every view and the widget say so in plain words and offer Retry, and
// Retry works once the file can be fetched again.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot, merchantReady, shopperDrawn } from './browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

const block = (page) => page.route('**/*.wasm', (route) => route.abort('blockedbyclient'));

/** The notice in `selector`: its text and whether a Retry button is shown. */
const notice = (page, selector) =>
  page.evaluate((selector) => {
    const box = document.querySelector(`${selector} .load-failed`);
    const button = box?.querySelector('button');
    return { shown: Boolean(box && !box.hidden), text: box?.textContent ?? '', retry: button?.textContent ?? '' };
  }, selector);

test('the page: every view says the calculator could not load, and Retry brings every view back', async () => {
  const { page, consoleErrors } = await session.open('/#shopper', { before: block });
  // Each view's module runs when the view is first shown (views.js): each says so as it opens.
  const views = { shopper: ['#shopper'], merchant: ['#merchant'], classroom: ['#classroom', '#formulas'], sources: ['#sources'] };
  for (const [view, parts] of Object.entries(views)) {
    await page.goto(new URL(`/#${view}`, session.url).href);
    await page.waitForFunction((parts) => parts.every((p) => document.querySelector(`${p} .load-failed`)?.hidden === false), parts);
    for (const part of parts) {
      const { shown, text, retry } = await notice(page, part);
      assert.ok(shown, `${part} shows the notice`);
      assert.match(text, /^The calculator could not load/, part);
      assert.equal(retry, 'Retry', part);
    }
    await screenshot(page, `load-failed-${view}`);
  }
  // A file the merchant asks for while the calculator is missing: the same plain notice, no raw error.
  await page.goto(new URL('/#merchant', session.url).href);
  await merchantReady(page);
  await page.getByRole('button', { name: 'load the sample city' }).click();
  await page.waitForFunction(() => document.querySelector('#merchant-progress').hidden);
  assert.doesNotMatch(await page.locator('#merchant-load-status').textContent(), /fetch|wasm|TypeError/i);
  assert.ok((await notice(page, '#merchant')).shown);

  // A failed Retry keeps the notice up.
  await page.locator('#merchant .load-failed button').click();
  await page.waitForFunction(() => !document.querySelector('#merchant .load-failed button').disabled);
  assert.ok((await notice(page, '#shopper')).shown);

  // Unblocked, one Retry brings back every view, and the merchant's pending file is analysed.
  await page.unroute('**/*.wasm');
  await page.locator('#merchant .load-failed button').click();
  await page.waitForFunction(() => document.querySelector('#merchant-progress-label').textContent === 'Done.', null, { timeout: 30_000 });
  await shopperDrawn(page);
  await page.waitForFunction(() => document.querySelectorAll('#sources-table tbody tr').length > 20);
  await page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle').length === 40);
  await page.waitForFunction(() => document.querySelector('#energy output').value !== '');
  for (const part of Object.values(views).flat()) assert.equal((await notice(page, part)).shown, false, `${part} hides the notice`);
  assert.equal(await page.locator('#merchant-load-status').textContent(), 'sample-orders.csv: 3,000 orders, 3,796 parcels loaded.');
  await page.goto(new URL('/#shopper', session.url).href);
  await screenshot(page, 'load-failed-shopper-after-retry');
  // The only console errors are the blocked requests themselves.
  assert.deepEqual(consoleErrors.filter((e) => !/ERR_BLOCKED_BY_CLIENT|Failed to load resource|wasm|fetch/i.test(e)), []);
  await page.close();
});

test('the widget: a short notice and Retry inside the widget, and an error event with the details', async () => {
  const { page } = await session.open('/checkout-example.html', {
    async before(page) {
      await block(page);
      await page.addInitScript(() => {
        window.__errors = [];
        document.addEventListener('green-delivery-error', (e) => window.__errors.push(e.detail));
      });
    },
  });
  await page.waitForFunction(() => window.__errors.length >= 2);
  for (const id of ['delivery', 'gift']) {
    assert.equal(await page.locator(`#${id} [part="message"]`).textContent(), 'The delivery footprints could not load.');
    assert.equal(await page.locator(`#${id} [part="retry"]`).isVisible(), true);
  }
  const [detail] = await page.evaluate(() => window.__errors);
  assert.equal(detail.code, 'load-failed');
  assert.equal(detail.attribute, null);
  assert.equal(typeof detail.message, 'string');
  await screenshot(page, 'load-failed-widget');

  await page.unroute('**/*.wasm');
  await page.locator('#delivery [part="retry"]').click();
  await page.waitForFunction(() => document.querySelector('#delivery').estimates.length === 8);
  await page.waitForFunction(() => document.querySelector('#gift').estimates.length === 3);
  assert.equal(await page.locator('#delivery [part="retry"]').isVisible(), false);
  assert.equal(await page.locator('#delivery [part="message"]').textContent(), '');
  await screenshot(page, 'load-failed-widget-after-retry');
  await page.close();
});
