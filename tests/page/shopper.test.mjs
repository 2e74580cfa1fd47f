// Shopper view, the sources table with local overrides, and page-wide accessibility checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot, cspViolations } from './browser.mjs';

// The default place, postcode district EC2A, located to its centre from the NSPL table.
const HERE = { lat: 51.5231, lon: -0.0879 };
let session;
let tab;
/** The coordinates and distance are under "Advanced". */
const advanced = async () => {
  const details = tab.page.locator('#shopper-advanced');
  if (!(await details.evaluate((d) => d.open))) await details.locator('summary').click();
};
before(async () => {
  session = await startSession();
  tab = await session.open('/');
  await tab.page.waitForFunction(() => document.querySelectorAll('#shopper-results li').length === 8);
});
after(() => session?.close());

const shown = () =>
  tab.page.locator('#shopper-results li').evaluateAll((items) =>
    items.map((li) => ({
      id: li.dataset.id,
      grams: Math.round(Number(li.dataset.grams)),
      value: li.querySelector('.option-value').textContent,
      whisker: Boolean(li.querySelector('.bar-range')),
      text: li.textContent,
    })),
  );
/** deliveryOptions' own figures, and as the one formatting rule writes them. */
const direct = (input) =>
  tab.page.evaluate(async (input) => {
    const api = await import('/pkg/green_delivery.js');
    const { gramsRange } = await import('/format.js');
    return api.deliveryOptions(input).options.map((o) => ({ id: o.id, grams: Math.round(o.gCo2e), value: `${gramsRange(o.gCo2e, o.range)} CO2e` }));
  }, input);

test('each option shows its g CO2e per parcel, with the greenest marked', async () => {
  const options = await shown();
  const expected = await direct({ depot: { lat: 51.5072, lon: -0.1276 }, shopper: HERE, vehicle: 'diesel-van', factors: {} });
  // Lowest emissions first.
  assert.deepEqual(options.map(({ id, grams, value }) => ({ id, grams, value })), [...expected].sort((a, b) => a.grams - b.grams));
  for (const o of options) {
    // "160 g (120–260 g) CO2e": 2–3 significant figures, the range beside, drawn as a whisker on the bar.
    assert.match(o.value, /^[\d.,]+ k?g \([\d.,]+–[\d.,]+ k?g\) CO2e$/, o.value);
    assert.ok(o.whisker, `${o.id} shows its range on its bar`);
  }
  await screenshot(tab.page, 'shopper-ranges');
  const greenest = expected.reduce((a, b) => (b.grams < a.grams ? b : a));
  assert.equal(await tab.page.locator('#shopper-results li.greenest').getAttribute('data-id'), greenest.id);
  assert.equal(await tab.page.locator('#shopper-results li').first().getAttribute('data-id'), greenest.id);
  // The name and the badge are separate words; the difference from the baseline is beside each.
  assert.equal(await tab.page.locator('#shopper-results li.greenest .badge').textContent(), 'Lowest emissions');
  assert.doesNotMatch(await tab.page.locator('#shopper-results li.greenest strong').textContent(), /Lowest|greenest/);
  assert.match(await tab.page.locator('#shopper-results li.greenest .versus').textContent(), /^[\d.]+% less than standard delivery \([\d.]+%?\s?–\s?[\d.]+%\)$/);
  assert.match(await tab.page.locator('#shopper-results li[data-id="standard"] .versus').textContent(), /baseline/);
});

test('labels and sentences come from the strings module; a saving that is not clear reads "no clear difference"', async () => {
  const { result, labels } = await tab.page.evaluate(async () => {
    const api = await import('/pkg/green_delivery.js');
    const { OPTION_LABELS } = await import('/strings/en-GB/chain.js');
    const f = document.getElementById('shopper-form').elements;
    const result = api.deliveryOptions({
      depot: { lat: Number(f.depotLat.value), lon: Number(f.depotLon.value) }, shopper: { lat: Number(f.lat.value), lon: Number(f.lon.value) },
      vehicle: 'diesel-van',
    });
    return { result: JSON.parse(JSON.stringify(result)), labels: OPTION_LABELS };
  });
  const items = await shown();
  // The parcel locker is one of the options.
  assert.ok(items.some((o) => o.id === 'locker'));
  assert.equal(await tab.page.locator('#shopper-results li[data-id="locker"] strong').textContent(), 'Parcel locker');
  for (const o of result.options) {
    const item = tab.page.locator(`#shopper-results li[data-id="${o.id}"]`);
    assert.equal(await item.locator('strong').textContent(), labels[o.id]);
    const versus = await item.locator('.versus').textContent();
    if (o.id === result.baseline) assert.match(versus, /baseline/);
    else if (!o.savingClear) assert.equal(versus, 'No clear difference from standard delivery', o.id);
    else assert.match(versus, /^[\d.,]+% (less|more) than standard delivery \(/, `${o.id}: ${versus}`);
    const why = await item.locator('.why').textContent();
    assert.ok(why.length > 30 && !/undefined|NaN/.test(why), why);
  }
  // Next-day goes on the standard network: never headlined as a saving or a cost.
  assert.equal(await tab.page.locator('#shopper-results li[data-id="nextDay"] .versus').textContent(), 'No clear difference from standard delivery');
  // The boundary in plain words, with a link to the sources.
  const boundary = tab.page.locator('#shopper-boundary');
  assert.equal(await boundary.locator('summary').textContent(), 'What is counted');
  await boundary.locator('summary').click();
  assert.ok(await boundary.locator('p').isVisible());
  assert.match(await boundary.locator('p').textContent(), /^Per one parcel delivered .*Not counted: .*range covers 90% of them\. Sources and assumptions\.$/);
  assert.equal(await boundary.locator('a').getAttribute('href'), '#sources');
  // One assumption per setting the figures used, as the strings module words it.
  assert.equal(await tab.page.locator('#shopper-assumptions li').count(), result.settings.length + 1);
  assert.match(await tab.page.locator('#shopper-assumptions').textContent(), /of first delivery attempts fail\./);
});

test('one everyday comparison converts grams with the petrol car factor, and the assumptions are sentences', async () => {
  const car = await tab.page.evaluate(async () => {
    const api = await import('/pkg/green_delivery.js');
    return api.factors(undefined).find((f) => f.id === 'petrol-car').kgPerUnit;
  });
  const express = (await shown()).find((o) => o.id === 'sameDayCourier');
  const metres = await tab.page.evaluate(async ({ car, HERE }) => {
    const api = await import('/pkg/green_delivery.js');
    const { km } = await import('/format.js');
    const exact = api.deliveryOptions({ depot: { lat: 51.5072, lon: -0.1276 }, shopper: HERE }).options[0].gCo2e;
    return km(exact / car / 1000);
  }, { car, HERE });
  assert.ok(express.text.includes(`About as much as driving a petrol car ${metres}.`), express.text);
  assert.ok(!express.text.includes('phone'), 'one comparison, not two');
  const items = await tab.page.locator('#shopper-assumptions li').allTextContents();
  assert.ok(items.length >= 4);
  for (const item of items) {
    assert.match(item, /\.\s\(.+\)$/, `a sentence, then its citation: ${item}`);
    assert.doesNotMatch(item, /\d_\d{3}_|phoneChargeKwh|stemKm/, item);
  }
  assert.equal(await tab.page.locator('#shopper-assumptions li a').first().getAttribute('href'), '#sources');
  // CO2e is explained in one line.
  assert.match(await tab.page.locator('.co2e-note').textContent(), /carbon dioxide equivalent/);
});

test('the whole order adds delivery, packaging and online, as orderFootprint does, for the option picked', async () => {
  // The baseline is picked until the shopper picks another; picking one drives the total.
  assert.ok(await tab.page.locator('#shopper-results li[data-id="standard"] input').isChecked());
  await tab.page.locator('#shopper-results li[data-id="cargoBike"] input').check();
  assert.match(await tab.page.locator('#order-option').textContent(), /cargo bike/);
  await tab.page.getByLabel('Packaging mass, g').fill('400');
  await tab.page.getByLabel('It ends up').selectOption('landfill');
  const expected = await tab.page.evaluate(async (HERE) => {
    const api = await import('/pkg/green_delivery.js');
    return api.orderFootprint({
      delivery: { depot: { lat: 51.5072, lon: -0.1276 }, shopper: HERE, vehicle: 'diesel-van' },
      option: 'cargoBike',
      packaging: { items: [{ material: 'board', massKg: 0.4, route: 'landfill' }] },
      digital: { pages: 8, bytesPerPage: 2e6 },
    });
  }, HERE);
  // The sentence is the page's (in its language, through the one formatting rule), with orderFootprint's figures.
  const g = (value) => tab.page.evaluate(async (v) => (await import('/strings/en-GB/numbers.js')).n.grams(v), value);
  const [delivery, packaging, online] = expected.parts.map((p) => p.gCo2e);
  assert.equal(
    await tab.page.locator('#order-summary').textContent(),
    `Your order: ${await g(expected.gCo2e)} CO2e, of which delivery ${await g(delivery)}, packaging ${await g(packaging)}, online ${await g(online)}.`,
  );
  assert.deepEqual(expected.parts.map((p) => p.id), ['delivery', 'packaging', 'online']);
  const parts = await tab.page.locator('#order-parts tbody tr').allTextContents();
  assert.equal(parts.length, 3);
  // A refused mass clears the total and the parts, and says so in plain words (the details are in the tooltip).
  await tab.page.getByLabel('Packaging mass, g').fill('-1');
  assert.match(await tab.page.locator('#order-summary').textContent(), /^Your order's footprint can't be shown\. /);
  assert.match(await tab.page.locator('#order-summary').getAttribute('title'), /massKg/);
  assert.equal(await tab.page.locator('#order-parts tbody tr').count(), 0);
  await tab.page.getByLabel('Packaging mass, g').fill('200');
  assert.match(await tab.page.locator('#order-summary').textContent(), /^Your order: /);
  assert.equal(await tab.page.locator('#order-parts tbody tr').count(), 3);
});

test('clicking the map moves the shopper and updates the numbers', async () => {
  await advanced();
  const before = await shown();
  await tab.page.locator('#shopper-map').scrollIntoViewIfNeeded();
  const box = await tab.page.locator('#shopper-map').boundingBox();
  await tab.page.mouse.click(box.x + box.width * 0.95, box.y + box.height * 0.5);
  const lon = Number(await tab.page.getByLabel('Your longitude').inputValue());
  assert.ok(lon > 0.05, `clicked east of the shop, got longitude ${lon}`);
  const after = await shown();
  assert.ok(after.find((o) => o.id === 'sameDayCourier').grams > before.find((o) => o.id === 'sameDayCourier').grams);
});

test('a distance from the shop replaces the coordinates', async () => {
  await advanced();
  await tab.page.getByLabel('Your latitude').fill(String(HERE.lat));
  await tab.page.getByLabel('Your longitude').fill(String(HERE.lon));
  await tab.page.getByLabel('Or road km from the shop to you').fill('10');
  // The road distance is the line-haul from the shop, in place of the shop's location.
  const expected = await direct({ shopper: HERE, settings: { 'lineHaul.km': 10 }, vehicle: 'diesel-van' });
  const byId = Object.fromEntries((await shown()).map((o) => [o.id, o.grams]));
  assert.deepEqual(byId, Object.fromEntries(expected.map((o) => [o.id, o.grams])));
  assert.match(await tab.page.locator('#shopper-assumptions').textContent(), /A lorry carries the parcel 10 km from the shop.*\(as you set it\)/);
  // A bad latitude: a plain sentence, not the developer's message, and no figure left from the old input.
  await tab.page.getByLabel('Your latitude').fill('');
  const error = await tab.page.locator('#shopper-error').textContent();
  assert.ok(error.length > 0 && !/shopper\.lat|NaN/.test(error), error);
  assert.match(await tab.page.locator('#shopper-error').getAttribute('title'), /shopper\.lat/);
  assert.equal(await tab.page.locator('#shopper-results li').count(), 0);
  assert.equal(await tab.page.locator('#shopper-assumptions li').count(), 0);
  assert.doesNotMatch(await tab.page.locator('#order-summary').textContent(), /^Your order:/);
  assert.equal(await tab.page.locator('#order-parts tbody tr').count(), 0);
  await screenshot(tab.page, 'shopper-bad-latitude');
  await tab.page.getByLabel('Your latitude').fill(String(HERE.lat));
  assert.equal(await tab.page.locator('#shopper-error').textContent(), '');
  assert.equal(await tab.page.locator('#shopper-results li').count(), 8);
  assert.match(await tab.page.locator('#order-summary').textContent(), /^Your order:/);
  await screenshot(tab.page, 'shopper');
});

test('the sources table lists every factor with its source, and overrides stay local', async () => {
  await tab.page.goto(new URL('/#sources', session.url).href);
  await tab.page.waitForFunction(() => document.querySelectorAll('#sources-table tbody tr').length > 20);
  const diesel = tab.page.locator('#factor-diesel-van');
  assert.match(await diesel.textContent(), /5_303_3102_4_1/);
  assert.match(await diesel.textContent(), /OGL v3\.0/);
  await diesel.getByRole('spinbutton').fill('1');
  await diesel.getByRole('spinbutton').dispatchEvent('change');
  assert.match(await diesel.textContent(), /your override/);
  assert.deepEqual(await tab.page.evaluate(() => JSON.parse(localStorage.getItem('green-delivery:factor-overrides'))), {
    'diesel-van': { kgPerUnit: 1 },
  });
  // The override reaches the shopper's numbers, and survives a reload.
  await tab.page.goto(new URL('/#shopper', session.url).href);
  await tab.page.reload();
  await tab.page.waitForFunction(() => document.querySelectorAll('#shopper-results li').length === 8);
  const overridden = await direct({ depot: { lat: 51.5072, lon: -0.1276 }, shopper: HERE, vehicle: 'diesel-van', factors: { 'diesel-van': { kgPerUnit: 1 } } });
  const byId = (a, b) => a.id.localeCompare(b.id);
  assert.deepEqual((await shown()).map(({ id, grams }) => ({ id, grams })).sort(byId), overridden.map(({ id, grams }) => ({ id, grams })).sort(byId));
  await tab.page.goto(new URL('/#sources', session.url).href);
  await tab.page.getByRole('button', { name: 'Reset all overrides' }).click();
  assert.equal(await tab.page.evaluate(() => localStorage.getItem('green-delivery:factor-overrides')), null);
  await screenshot(tab.page, 'sources');
});

test('digital-energy figures can be overridden too, and reach the whole order', async () => {
  await tab.page.goto(new URL('/#sources', session.url).href);
  const network = tab.page.locator('#factor-swd-network-operational');
  await network.waitFor();
  assert.match(await network.textContent(), /CC BY 4\.0/);
  await network.getByRole('spinbutton').fill('0.5');
  await network.getByRole('spinbutton').dispatchEvent('change');
  assert.match(await network.textContent(), /your override/);
  assert.deepEqual(await tab.page.evaluate(() => JSON.parse(localStorage.getItem('green-delivery:digital-overrides'))), {
    'swd-network-operational': 0.5,
  });
  // A PUE below 1 is refused by the API: the status line says so, and nothing is stored.
  const pue = tab.page.locator('#factor-ccf-aws-pue');
  await pue.getByRole('spinbutton').fill('0.5');
  await pue.getByRole('spinbutton').dispatchEvent('change');
  assert.match(await tab.page.locator('#sources-status').textContent(), /^Not saved: /);
  assert.match(await tab.page.locator('#sources-status').getAttribute('title'), /ccf-aws-pue must be between 1 and 10/);
  assert.equal(Number(await pue.getByRole('spinbutton').inputValue()), 1.135, 'the field shows the value in use again');
  assert.deepEqual(Object.keys(await tab.page.evaluate(() => JSON.parse(localStorage.getItem('green-delivery:digital-overrides')))), ['swd-network-operational']);

  await tab.page.goto(new URL('/#shopper', session.url).href);
  await tab.page.reload();
  await tab.page.waitForFunction(() => document.querySelector('#order-summary')?.textContent.startsWith('Your order'));
  const expected = await tab.page.evaluate(async (HERE) => {
    const api = await import('/pkg/green_delivery.js');
    // Packaging and online as the form now stands (a reload may restore earlier choices); the reload puts the
    // shopper back at the default place.
    const o = document.getElementById('order-form').elements;
    const f = document.getElementById('shopper-form').elements;
    const order = (digitalFactors) => api.orderFootprint({
      delivery: { depot: { lat: 51.5072, lon: -0.1276 }, shopper: { lat: Number(f.lat.value), lon: Number(f.lon.value) }, vehicle: 'diesel-van' },
      option: document.querySelector('#shopper-results input:checked').value,
      packaging: { items: [{ material: o.material.value, massKg: Number(o.packagingGrams.value) / 1000, route: o.route.value }] },
      digital: { pages: Number(o.pages.value), bytesPerPage: Number(o.megabytesPerPage.value) * 1e6, digitalFactors },
    }).summary;
    return { overridden: order({ 'swd-network-operational': 0.5 }), defaults: order(undefined) };
  }, HERE);
  assert.notEqual(expected.overridden, expected.defaults);
  assert.equal(await tab.page.locator('#order-summary').textContent(), expected.overridden);
  await tab.page.goto(new URL('/#sources', session.url).href);
  await tab.page.getByRole('button', { name: 'Reset all overrides' }).click();
  assert.equal(await tab.page.evaluate(() => localStorage.getItem('green-delivery:digital-overrides')), null);
});

test('every input has a label, and the page fits a phone', async () => {
  const unlabelled = await tab.page.evaluate(() =>
    [...document.querySelectorAll('input, select')]
      .filter((el) => el.labels.length === 0 && !el.getAttribute('aria-label'))
      .map((el) => el.name || el.id),
  );
  assert.deepEqual(unlabelled, []);
  await tab.page.setViewportSize({ width: 375, height: 800 });
  for (const view of ['shopper', 'merchant', 'classroom', 'sources']) {
    await tab.page.goto(new URL(`/#${view}`, session.url).href);
    const overflow = await tab.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 1, `${view} is ${overflow}px wider than a phone`);
  }
});

test('no request leaves the origin, no console errors, nothing blocked by the CSP', async () => {
  assert.deepEqual(tab.foreignRequests, []);
  assert.deepEqual(tab.consoleErrors, []);
  assert.deepEqual(await cspViolations(tab.page), []);
});
