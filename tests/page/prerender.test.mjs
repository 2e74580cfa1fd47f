// Issue 24: the shopper's first screen, answered by the markup. The British example's answer is written into
// www/index.html (npm run prerender), so a first visit paints it with no script and no wasm, and Lighthouse's phone
// finds nothing to wait for. These check that the markup's answer is exactly what the calculator draws, that it stands
// (untouched) until the shopper changes something, and that a visit it does not answer (another country or language,
// saved overrides) never shows its figures.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSession, screenshot, shopperDrawn, holding } from './browser.mjs';
import { INDEX, writtenRegions, drawnRegions, shownRegions } from '../../scripts/prerender.mjs';

const PHONE = { width: 375, height: 812 };

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** The options as a shopper reads them: name and figure, lowest first. */
const optionLines = (page) =>
  page.locator('#shopper-results li').evaluateAll((items) => items.map((li) => `${li.querySelector('strong').textContent}: ${li.querySelector('.option-value').textContent}`));

test('the markup holds exactly the answer the calculator draws for the British example (else: npm run prerender)', async () => {
  const { page, consoleErrors } = await session.open('/');
  const html = readFileSync(INDEX, 'utf8');
  const written = writtenRegions(html);
  assert.deepEqual([...written.keys()], ['shopper-answer', 'order-option', 'order-summary order-parts', 'shopper-assumptions']);
  const drawn = await drawnRegions(page, html);
  for (const [ids, markup] of written) assert.equal(drawn.get(ids), markup, `${ids}: the markup is not what the page draws; run npm run prerender`);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a first visit shows the whole answer before either calculator has loaded, and nothing moves or is redrawn when they do', async () => {
  const { before, release } = holding('**/*_bg.wasm'); // both packages'
  const { page } = await session.open('/', { before: (p) => Promise.all([p.setViewportSize(PHONE), before(p)]) });
  await page.waitForLoadState('load');
  const answer = page.locator('#shopper-answer');
  assert.equal(await answer.getAttribute('aria-busy'), 'false');
  assert.ok(!(await page.locator('#shopper-loading').isVisible()), '"Calculating…" is not shown');
  assert.match(await page.locator('#shopper-place').textContent(), /^An example: delivering to EC2A/);
  const lines = await optionLines(page);
  assert.equal(lines.length, 8);
  assert.match(lines[0], /^Pickup point, on foot: \d+ g/);
  assert.ok(await page.locator('#shopper-results input:checked').count() === 1, 'the baseline is picked');
  assert.match(await page.locator('#order-summary').textContent(), /^Your order: \d+ g CO2e/);
  assert.ok(await page.locator('#shopper-assumptions li').count() > 5);
  const figure = await page.locator('#shopper-results li .option-value').first().boundingBox();
  assert.ok(figure.y + figure.height <= PHONE.height, `the first figure ends at ${figure.y + figure.height} px`);
  await screenshot(page, 'prerendered-375-before-wasm');
  // The list's nodes are marked: a drawing would replace them.
  await page.evaluate(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => list.getEntries().forEach((e) => (window.__shifts += e.value))).observe({ type: 'layout-shift', buffered: true });
    document.querySelector('#shopper-results li').__fromMarkup = true;
  });
  release();
  await shopperDrawn(page);
  assert.equal(await page.evaluate(() => document.querySelector('#shopper-results li').__fromMarkup), true, 'the list was drawn again');
  // Nothing in the answer has been written over (the page's words, say, by their markup keys).
  const html = readFileSync(INDEX, 'utf8');
  assert.deepEqual(await shownRegions(page, html), writtenRegions(html));
  assert.equal(await page.evaluate(() => window.__shifts), 0);
  // The first change is answered by the calculator: the answer for the place typed.
  await page.getByLabel('Postcode or town', { exact: true }).fill('Leeds');
  await page.waitForFunction(() => /Leeds/.test(document.querySelector('#shopper-place').textContent));
  assert.notDeepEqual(await optionLines(page), lines);
  await page.close();
});

test('an option picked before the full package arrives gets its own whole order, never the markup\'s', async () => {
  const { before, release } = holding('**/pkg/green_delivery_bg.wasm'); // the full package's, not the widget's
  const { page, consoleErrors } = await session.open('/', { before });
  // The widget's build has drawn nothing (the markup's list stands); the whole order needs the full package.
  await page.waitForFunction(() => document.querySelector('#shopper-results').dataset.calculator === 'widget');
  const markupOrder = await page.locator('#order-summary').textContent();
  assert.match(markupOrder, /^Your order: /);
  await page.locator('#shopper-results li[data-id="pickupWalk"] input').check();
  assert.equal(await page.locator('#order-summary').textContent(), '', 'the order for the option before is gone');
  assert.match(await page.locator('#order-option').textContent(), /^With pickup point, on foot/i);
  release();
  await page.waitForFunction(() => document.querySelector('#order-summary').textContent !== '');
  assert.equal(await orderDelivery(page), await grams(page, 'pickupWalk'));
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

/** The whole order's delivery, in grams as written, and an option's figure rounded as the order writes it. */
const orderDelivery = async (page) => Number(/of which delivery ([\d,]+) g/.exec(await page.locator('#order-summary').textContent())[1].replace(',', ''));
const grams = async (page, id) => Math.round(Number(await page.locator(`#shopper-results li[data-id="${id}"]`).getAttribute('data-grams')));

test('a change made before the page\'s modules run is answered when they do, with focus kept; back restores no other option', async () => {
  // The markup's answer is up (boot.js has run) and the shopper's module is held back: the van is changed and an
  // option focused, as on a phone's first second.
  const shopperModule = holding('**/shopper.js');
  const { page, consoleErrors } = await session.open('/', { before: shopperModule.before });
  await page.waitForFunction(() => document.documentElement.classList.contains('answer-shown'));
  await page.locator('#shopper-form select[name=vehicle]').selectOption('electric-van');
  await page.locator('#shopper-results li[data-id="nextDay"] input').focus();
  shopperModule.release();
  await page.waitForFunction(() => document.querySelector('#shopper-results').dataset.calculator === 'full' && document.querySelectorAll('#shopper-results li').length === 8);
  assert.equal(await page.evaluate(() => document.activeElement?.value), 'nextDay', 'focus is back on the option it was on');
  const electric = await page.evaluate(() => Number(document.querySelector('#shopper-results li[data-id="standard"]').dataset.grams));
  const direct = await page.evaluate(async () => {
    const api = await (await import('/wasm.js')).loadGreenDelivery();
    return api.deliveryOptions({ depot: { lat: 51.5072, lon: -0.1276 }, shopper: { lat: 51.5231, lon: -0.0879 }, vehicle: 'electric-van', country: 'GB' })
      .options.find((o) => o.id === 'standard').gCo2e;
  });
  assert.equal(electric, direct, 'the answer is for the electric van');
  // Another option picked, a page left and come back to: the browser restores the van, never a radio by position
  // (the list it would restore into is in another order).
  await page.locator('#shopper-results li[data-id="pickupCar"] input').check();
  await page.goto(new URL('/checkout-example.html', session.url).href);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#shopper-results').dataset.calculator === 'full' && document.querySelector('#order-summary').textContent !== '');
  const checked = await page.locator('#shopper-results input:checked').getAttribute('value');
  assert.equal(await orderDelivery(page), await grams(page, checked), `the order is for ${checked}, the option checked`);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a visit the markup does not answer (another country, another language, overrides saved) never shows its figures', async () => {
  const british = await (async () => {
    const { page } = await session.open('/');
    const lines = await optionLines(page);
    await page.close();
    return lines;
  })();
  const cases = [
    ['/?country=DE', null],
    ['/?lang=de-DE', null],
    ['/', (p) => p.addInitScript(() => localStorage.setItem('green-delivery:factor-overrides', JSON.stringify({ 'diesel-van': { kgPerUnit: 1 } })))],
  ];
  for (const [path, setUp] of cases) {
    const { before, release } = holding('**/*_bg.wasm');
    const { page, consoleErrors } = await session.open(path, { before: (p) => Promise.all([before(p), setUp?.(p)]) });
    await page.waitForLoadState('load');
    // Until this visit's own answer is drawn: no option, "Calculating…" (once the page's words are in), aria-busy.
    await page.waitForFunction(() => document.documentElement.classList.contains('answer-shown'));
    assert.equal(await page.locator('#shopper-results li').count(), 0, path);
    assert.ok(await page.locator('#shopper-loading').isVisible(), path);
    assert.equal(await page.locator('#shopper-answer').getAttribute('aria-busy'), 'true', path);
    assert.equal(await page.locator('#order-summary').textContent(), '', path);
    assert.equal(await page.locator('#shopper-assumptions li').count(), 0, path);
    release();
    await shopperDrawn(page, { timeout: 30_000 });
    assert.notDeepEqual(await optionLines(page), british, path);
    await screenshot(page, `prerender-not-used-${path.replace(/\W+/g, '-')}${setUp ? 'overrides' : ''}`);
    assert.deepEqual(consoleErrors, [], path);
    await page.evaluate(() => localStorage.clear()); // the session's other pages share this storage
    await page.close();
  }
});
