// Issue 14, tried as people would: the answer on a phone's first screen, a postcode or a town instead of
// coordinates, a shop's own export, a checkout that does not jump, no axe-core violations, keyboard-only paths, and
// screenshots of every view at a phone's and a laptop's width (test-output/people-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSession, screenshot, merchantReady, shopperDrawn, holding } from './browser.mjs';

const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
const SHOPIFY = fileURLToPath(new URL('./fixtures/shopify-orders.csv', import.meta.url));
const PHONE = { width: 375, height: 812 };
const LAPTOP = { width: 1280, height: 800 };

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** Waits for every option (eight, the parcel locker included) to be shown. */
// Eight options, with their everyday comparisons: the full package has drawn them (the widget's build draws them first).
test('on a phone, the first option and its figure are on the first screen', async () => {
  const { page } = await session.open('/', { before: (p) => p.setViewportSize(PHONE) });
  await shopperDrawn(page);
  assert.equal(await page.locator('#shopper-answer').getAttribute('aria-busy'), 'false');
  const figure = await page.locator('#shopper-results li').first().locator('.option-value').boundingBox();
  assert.ok(figure.y + figure.height <= PHONE.height, `the first figure ends at ${figure.y + figure.height}px`);
  await page.close();
});

test('an option focused before the full package arrives keeps focus when the list is drawn again', async () => {
  const { before, release } = holding('**/pkg/green_delivery_bg.wasm'); // the full package's, not the widget's
  const { page } = await session.open('/', { before });
  await page.waitForFunction(() => document.querySelectorAll('#shopper-results[data-calculator="widget"] li').length === 8);
  const second = await page.locator('#shopper-results input[type=radio]').nth(1).evaluate((r) => {
    r.focus();
    return r.value;
  });
  release();
  await shopperDrawn(page);
  assert.equal(await page.evaluate(() => document.activeElement?.value), second);
  await page.close();
});

// (The British example's answer is in the markup: tests/page/prerender.test.mjs. Another country's is computed.)
test('while the calculator loads, the answer says "Calculating…" and is aria-busy', async () => {
  const { before, release } = holding('**/*_bg.wasm'); // both packages'
  const { page } = await session.open('/?country=DE', { before });
  await page.waitForFunction(() => document.documentElement.classList.contains('answer-shown'));
  assert.equal(await page.locator('#shopper-answer').getAttribute('aria-busy'), 'true');
  assert.ok(await page.locator('#shopper-loading').isVisible());
  assert.equal(await page.locator('#shopper-loading').textContent(), 'Calculating…');
  release();
  await shopperDrawn(page);
  assert.ok(!(await page.locator('#shopper-loading').isVisible()));
  await page.close();
});

test('a postcode district and a town name give options, and the view names the place', async () => {
  const { page, consoleErrors, foreignRequests } = await session.open('/');
  await shopperDrawn(page);
  const field = page.getByLabel('Postcode or town', { exact: true });
  await field.fill('LS6 1AN');
  await page.waitForFunction(() => document.querySelector('#shopper-place').textContent.includes('LS6'));
  assert.match(await page.locator('#shopper-place').textContent(), /^Delivering to LS6 \(postcode district, within about [\d.]+ km\)\.$/);
  await shopperDrawn(page);
  const leedsDistrict = await page.evaluate(() => [Number(document.querySelector('[name=lat]').value), Number(document.querySelector('[name=lon]').value)]);
  assert.ok(Math.abs(leedsDistrict[0] - 53.82) < 0.05 && Math.abs(leedsDistrict[1] + 1.57) < 0.05, String(leedsDistrict));
  await field.fill('Manchester');
  await page.waitForFunction(() => document.querySelector('#shopper-place').textContent.includes('Manchester'));
  assert.equal(await page.locator('#shopper-place').textContent(), 'Delivering to Manchester, England (town centre).');
  await shopperDrawn(page);
  // A place that is not found keeps the answer for the place before (Manchester, by name), and says what to try
  // beside the field (issue 24).
  await field.fill('Qwxyzton');
  await page.waitForFunction(() => document.querySelector('#shopper-place-error').textContent.includes('Qwxyzton'));
  assert.equal(await page.locator('#shopper-results li').count(), 8);
  assert.equal(await page.locator('#shopper-place').textContent(), 'Still showing the answer for Manchester, England (town centre).');
  assert.equal(await page.locator('#order-parts tbody tr').count(), 3);
  await field.fill('EC2A');
  await page.waitForFunction(() => document.querySelector('#shopper-place').textContent.startsWith('Delivering to EC2A'));
  await shopperDrawn(page);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(foreignRequests, [], 'the lookup is offline');
  await page.close();
});

test('"Use my location" uses the device position, which stays in the page', async () => {
  const { page, foreignRequests } = await session.open('/');
  await page.context().grantPermissions(['geolocation']);
  await page.context().setGeolocation({ latitude: 53.4808, longitude: -2.2426, accuracy: 30 });
  await shopperDrawn(page);
  await page.getByRole('button', { name: 'Use my location' }).click();
  await page.waitForFunction(() => document.querySelector('#shopper-place').textContent.includes('your location'));
  assert.equal(await page.locator('#shopper-place').textContent(), 'Delivering to your location (from your device, within about 30 m).');
  assert.equal(Number(await page.locator('[name=lat]').inputValue()), 53.4808);
  await shopperDrawn(page);
  assert.deepEqual(foreignRequests, []);
  await page.close();
});

test('a Shopify-style export with postcodes loads, and its counts match', async () => {
  const { page } = await session.open('/#merchant');
  await merchantReady(page);
  await page.setInputFiles('input[name=file]', SHOPIFY);
  await merchantDepot(page);
  await page.waitForFunction(() => document.querySelectorAll('#merchant-table tbody tr').length > 0);
  const status = await page.locator('#merchant-load-status').textContent();
  // 8 line-item rows of 6 orders; #1006's postcode is not a district: an address not found. One parcel per order: item quantities
  // (2+1, 1, 3, 1+2, 1) are not parcels.
  assert.match(status, /5 orders, 5 parcels loaded; all located by postcode, about [\d.]+ km/);
  assert.match(status, /^shopify-orders\.csv: a Shopify orders export, 8 rows in 6 orders; /);
  assert.match(status, /1 address not found \(listed below\)\.$/);
  assert.match(await page.locator('#merchant-row-errors').textContent(), /Line 9: "ZZ9 9ZZ"/);
  // The column-mapping step shows what was recognised, and a change re-runs.
  assert.ok(await page.locator('#merchant-columns').isVisible());
  assert.equal(await page.locator('[name=col-parcels] option:checked').textContent(), '(none)');
  assert.equal(await page.locator('[name=col-postcode] option:checked').textContent(), 'Shipping Zip');
  await page.locator('[name=col-parcels]').selectOption({ label: 'Lineitem quantity' });
  await page.waitForFunction(() => /5 orders, 11 parcels/.test(document.querySelector('#merchant-load-status').textContent));
  await page.close();
});

/** The merchant's depot, typed as a person would: a merchant's own file is priced only from it. */
const merchantDepot = async (page, place = 'E15') => {
  await page.getByLabel('Depot postcode or town').fill(place);
  await page.waitForFunction((p) => document.querySelector('#merchant-depot-place').textContent.includes(p), place);
};

test("the merchant's headline names the lowest emitter, and says so plainly when nothing beats the baseline", async () => {
  const { page, consoleErrors } = await session.open('/#merchant');
  await merchantReady(page);
  await page.setInputFiles('input[name=file]', SHOPIFY);
  await merchantDepot(page);
  await page.waitForFunction(() =>
    document.querySelector('#merchant-load-status').textContent.startsWith('shopify-orders.csv:') &&
    document.querySelector('#merchant-progress-label').textContent === 'Done.');
  // The figures at full precision, from the page's own JSON report.
  const reportOf = async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download report (JSON)' }).click()]);
    const chunks = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk);
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  };
  const report = await reportOf();
  assert.equal(report.baseline, 'standard');
  const labels = await page.evaluate(async () => (await import('/strings/en-GB/chain.js')).SCENARIO_LABELS);
  const base = report.scenarios.find((s) => s.id === 'standard');
  // Next-day runs on the standard network (its saving is 0 to 0): never the answer, nor the one broken down.
  const closest = report.scenarios.filter((s) => s.id !== 'standard' && !(s.savingRange?.low === 0 && s.savingRange?.high === 0))
    .reduce((a, b) => (b.kgCo2e < a.kgCo2e ? b : a));
  assert.notEqual(closest.id, 'nextDay');
  // Five orders in east London: the headline follows the figures. Nothing below the baseline: it says so; below
  // it but with a saving whose interval spans zero: "no clear difference"; a clear saving: the option, named.
  const headline = await page.locator('#merchant-headline').textContent();
  console.log(`five Shopify orders: ${headline}`);
  if (!(closest.kgCo2e < base.kgCo2e)) {
    assert.equal(headline, 'None of the options emits less than standard carrier delivery for these orders.');
  } else if (!closest.savingClear) {
    assert.ok(headline.startsWith('No clear difference from standard carrier delivery: '), headline);
  } else {
    assert.ok(headline.startsWith(`${labels[closest.id]}: `), headline);
  }
  assert.equal(await page.locator('#merchant-headline').getAttribute('data-id'), closest.savingClear && closest.kgCo2e < base.kgCo2e ? closest.id : '');
  // The tornado shows what could make the closest option beat the baseline, and its title names that figure: its
  // saving, or, for an option that emits more, how much more (never "a saving of −45%").
  const name = labels[closest.id].toLowerCase().replace(/[()/]/g, '.');
  const more = closest.centralKg > base.centralKg;
  assert.match(await page.locator('#merchant-tornado').getAttribute('aria-label'), new RegExp(more ? `how much more ${name} emits than` : `saving of ${name} against`));
  assert.match(await page.locator('#merchant-tornado-title').textContent(), new RegExp(more ? `^How much more ${name} emits than standard carrier delivery \\(` : `^The saving of ${name} against standard carrier delivery \\(`));

  // Orders a cargo bike beats the baseline for: the headline names the lowest of all, with "less", never "more".
  const city = 'id,lat,lon,parcels\n' + Array.from({ length: 400 }, (_, i) =>
    `o${i},${(51.53 + 0.02 * Math.sin(i * 1.7)).toFixed(4)},${(-0.02 + 0.03 * Math.cos(i * 2.3)).toFixed(4)},1`).join('\n') + '\n';
  await page.setInputFiles('input[name=file]', { name: 'city.csv', mimeType: 'text/csv', buffer: Buffer.from(city) });
  await page.waitForFunction(() =>
    document.querySelector('#merchant-load-status').textContent.startsWith('city.csv:') &&
    document.querySelector('#merchant-progress-label').textContent === 'Done.');
  const lowest = (await reportOf()).scenarios.reduce((a, b) => (b.kgCo2e < a.kgCo2e ? b : a));
  assert.notEqual(lowest.id, 'standard', 'something beats the baseline here');
  assert.equal(await page.locator('#merchant-headline').getAttribute('data-id'), lowest.id);
  assert.ok(lowest.savingClear, 'the lowest saves clearly here');
  assert.ok((await page.locator('#merchant-headline').textContent()).startsWith(`${labels[lowest.id]}: `));
  assert.match(await page.locator('#merchant-headline').textContent(), /^.+: [\d.,]+ k?g instead of [\d.,]+ k?g by standard carrier delivery, [\d.,]+% less \((?:[\d.,]+–[\d.,]+%|[−-]?[\d.,]+% to [−-]?[\d.,]+%), 90% interval\)\.$/);
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the widget takes a UK postcode as its destination', async () => {
  const { page } = await session.open('/checkout-example.html');
  await page.waitForFunction(() => document.querySelector('#delivery').estimates.length === 8);
  await page.locator('#gift').evaluate((el) => el.setAttribute('destination', 'M1 1AE'));
  // Manchester from a London depot: a lorry's line-haul of a few hundred km (2 kg × km > 0.5 t-km), not a van trip.
  await page.waitForFunction(() =>
    document.querySelector('#gift').estimates[0]?.legs.find((l) => l.element === 'line-haul')?.tonneKm > 0.5);
  await page.locator('#gift').evaluate((el) => el.setAttribute('destination', 'ZZ9 9ZZ'));
  await page.waitForFunction(() => document.querySelector('#gift').shadowRoot.querySelector('[part=message]').textContent !== '');
  await page.close();
});

test("the widget's layout shift under slow network and CPU is below 0.01", async () => {
  const { page } = await session.open('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  for (const size of [PHONE, LAPTOP]) {
    await page.setViewportSize(size);
    await page.goto(new URL('/checkout-example.html', session.url).href);
    // The fallback content is shown while the module loads.
    await page.waitForFunction(() => document.querySelector('#delivery').estimates?.length === 8, null, { timeout: 60000 });
    await page.waitForFunction(() => document.querySelector('#gift').estimates?.length === 3, null, { timeout: 60000 });
    await page.waitForTimeout(300);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `layout shift ${cls} at ${size.width}px`);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await page.close();
});

const axe = async (page) => {
  await page.evaluate(AXE); // the page's CSP forbids inline scripts; evaluate is not a script element
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
};

test('axe-core finds no WCAG 2.2 AA violation on any view or the checkout example', async () => {
  const { page } = await session.open('/');
  await shopperDrawn(page);
  for (const view of ['shopper', 'merchant', 'classroom', 'sources']) {
    await page.goto(new URL(`/#${view}`, session.url).href);
    if (view === 'merchant') {
      await merchantReady(page); // its module runs when the view is first shown
      await page.getByRole('button', { name: 'load the sample city' }).click();
      await page.waitForFunction(() => document.querySelectorAll('#merchant-table tbody tr').length > 0, null, { timeout: 60000 });
    }
    if (view === 'merchant') {
      // The merchant's own file, before the merchant gives a depot: the prompt in place of a result.
      await page.setInputFiles('input[name=file]', SHOPIFY);
      await page.waitForFunction(() => document.querySelector('#merchant-headline').classList.contains('prompt'));
      assert.deepEqual(await axe(page), [], 'merchant, asking for the depot');
    }
    if (view === 'sources') await page.waitForFunction(() => document.querySelectorAll('#sources-table tbody tr').length > 20);
    if (view === 'shopper') await page.locator('#shopper-advanced summary').click();
    assert.deepEqual(await axe(page), [], view);
  }
  const checkout = await session.open('/checkout-example.html');
  await checkout.page.waitForFunction(() => document.querySelector('#delivery').estimates.length === 8);
  assert.deepEqual(await axe(checkout.page), [], 'checkout example');
  await page.close();
  await checkout.page.close();
});

test('axe-core: the shopper with a place not found (the message, the places offered, the answer kept) and after a view switch', async () => {
  for (const size of [PHONE, LAPTOP]) {
    const { page } = await session.open('/', { before: (p) => p.setViewportSize(size) });
    await shopperDrawn(page);
    await page.getByLabel('Postcode or town', { exact: true }).fill('Manchestr');
    await page.waitForFunction(() => document.querySelector('#shopper-place-error button'));
    assert.deepEqual(await axe(page), [], `typo at ${size.width}px`);
    await page.locator('nav a[href="#merchant"]').click();
    await page.waitForFunction(() => document.activeElement.id === 'merchant-title');
    assert.deepEqual(await axe(page), [], `merchant heading focused at ${size.width}px`);
    await page.close();
  }
});

test('keyboard only: type a postcode, pick the lowest option, and the whole order follows', async () => {
  const { page } = await session.open('/');
  await shopperDrawn(page);
  await page.locator('nav a[href="#sources"]').focus();
  // From the last tab link, Tab reaches the question first (the place field, then "Use my location"), then the
  // options (the checked one: the baseline).
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'place');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'locate');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.name), 'shopper-option');
  // Arrow keys move through the options (and wrap): Up as many times as the baseline is from the top.
  const at = await page.evaluate(() => [...document.querySelectorAll('#shopper-results input')].findIndex((r) => r.checked));
  for (let i = 0; i < at; i++) await page.keyboard.press('ArrowUp');
  const picked = await page.evaluate(() => document.activeElement.value);
  assert.equal(await page.locator('#shopper-results li').first().getAttribute('data-id'), picked);
  assert.match(await page.locator('#order-option').textContent(), /^With /);
  await page.locator('[name=place]').focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('BS1');
  await page.waitForFunction(() => document.querySelector('#shopper-place').textContent.includes('BS1'));
  await shopperDrawn(page);
  await page.close();
});

test('keyboard only: the merchant loads the sample and reaches the scrolling table', async () => {
  const { page } = await session.open('/#merchant', { before: (p) => p.setViewportSize(PHONE) });
  await merchantReady(page);
  await page.getByRole('button', { name: 'load the sample city' }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('#merchant-table tbody tr').length > 0, null, { timeout: 60000 });
  const scroller = page.locator('#merchant .table-scroll');
  assert.equal(await scroller.getAttribute('tabindex'), '0');
  assert.ok(await scroller.getAttribute('aria-label'));
  await scroller.focus();
  await page.keyboard.press('ArrowRight');
  await page.close();
});

test('screenshots of every view at a phone and a laptop width', async () => {
  for (const [name, size] of [['phone', PHONE], ['laptop', LAPTOP]]) {
    const { page } = await session.open('/', { before: (p) => p.setViewportSize(size) });
    await shopperDrawn(page);
    await screenshot(page, `people-shopper-${name}`);
    await page.goto(new URL('/#merchant', session.url).href);
    await merchantReady(page);
    await page.setInputFiles('input[name=file]', SHOPIFY);
    await merchantDepot(page);
    await page.waitForFunction(() => document.querySelectorAll('#merchant-table tbody tr').length > 0, null, { timeout: 60000 });
    await screenshot(page, `people-merchant-${name}`);
    // What the merchant sees without scrolling further (the full page is too tall to read at a phone's width), and
    // the tornado on its own.
    await page.screenshot({ path: new URL(`../../test-output/people-merchant-${name}-screen.png`, import.meta.url).pathname });
    await page.locator('.tornado-figure').screenshot({ path: new URL(`../../test-output/people-merchant-${name}-tornado.png`, import.meta.url).pathname });
    await page.goto(new URL('/#classroom', session.url).href);
    await page.waitForFunction(() => document.querySelector('#classroom-plot circle'));
    await page.getByRole('button', { name: 'Step' }).click();
    await screenshot(page, `people-classroom-${name}`);
    await page.goto(new URL('/#sources', session.url).href);
    await page.waitForFunction(() => document.querySelectorAll('#sources-table tbody tr').length > 20);
    await screenshot(page, `people-sources-${name}`);
    await page.goto(new URL('/checkout-example.html', session.url).href);
    await page.waitForFunction(() => document.querySelector('#delivery').estimates.length === 8);
    await screenshot(page, `people-checkout-${name}`);
    await page.close();
  }
});
