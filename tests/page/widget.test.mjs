// <green-delivery-options> on the example merchant checkout, as shoppers and merchants meet it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSession, screenshot, cspViolations } from './browser.mjs';
import { rankByEmissions } from '../../www/ranking.js';

const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
const PHONE = { width: 375, height: 812 };
const LAPTOP = { width: 1280, height: 800 };

let session;
let tab;
const wasmRequests = [];
before(async () => {
  session = await startSession();
  tab = await session.open('/checkout-example.html');
  await tab.page.waitForFunction(() => document.querySelector('#delivery').estimates.length === 8);
});
after(() => session?.close());

/**
 * Starts listening for the next `name` event on the document, before the action that should fire it; the
 * returned function resolves with its detail (plus its flags), or rejects after 5 s.
 */
async function nextEvent(name) {
  await tab.page.evaluate((name) => {
    window.__nextEvent = new Promise((resolve, reject) => {
      setTimeout(() => reject(new Error(`no ${name} event within 5 s`)), 5000);
      document.addEventListener(name, (e) => resolve({ ...e.detail, bubbles: e.bubbles, composed: e.composed }), { once: true });
    });
  }, name);
  return () => tab.page.evaluate(() => window.__nextEvent);
}

const rows = (id) => tab.page.locator(`#${id}`).locator('[part~="option"]');
/** The ids of the options a widget shows, in the order shown. */
const shownIds = (id) => tab.page.locator(`#${id}`).evaluate((el) => [...el.shadowRoot.querySelectorAll('[part~="option"]')].map((r) => r.dataset.id));

/** WCAG 2.2 AA violations axe-core finds on `page`. */
const axe = async (page) => {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
};

test('the widget shows the same numbers as deliveryOptions', async () => {
  const { shown, direct } = await tab.page.evaluate(async () => {
    const api = await import('/widget-pkg/green_delivery.js'); // the instance the widgets share
    const widget = document.querySelector('#delivery');
    const direct = api.deliveryOptions({
      depot: { lat: 51.5072, lon: -0.1276 },
      shopper: { lat: 51.52, lon: -0.09 },
      vehicle: 'electric-van',
    }).options;
    const shown = [...widget.shadowRoot.querySelectorAll('[part~="option"]')].map((row) => ({
      id: row.dataset.id,
      text: row.querySelector('[part="value"]').textContent,
      whisker: Boolean(row.querySelector('[part="bar-range"]')),
      label: row.querySelector('[part="label"]').textContent,
      saving: row.querySelector('[part="saving"]').textContent,
      why: row.querySelector('[part="why"]').textContent,
    }));
    return { shown, direct: direct.map((o) => ({ id: o.id, g: o.gCo2e, range: o.range })) };
  });
  assert.equal(shown.length, direct.length);
  const { OPTION_LABELS } = await import('../../www/strings/en-GB/chain.js');
  // Lowest emissions first.
  const { sorted, claim } = rankByEmissions(direct.map((o) => ({ ...o, gCo2e: o.g })));
  assert.deepEqual(shown.map((r) => r.id), sorted.map((o) => o.id));
  shown.forEach((row, i) => {
    assert.equal(row.id, sorted[i].id);
    // The words come from the strings module: a label, a saving against standard delivery, a sentence.
    assert.equal(row.label, OPTION_LABELS[row.id]);
    assert.match(row.saving, row.id === 'standard' ? /baseline/ : /(less|more) than standard delivery|^No clear difference from standard delivery$/, row.saving);
    assert.ok(row.why.length > 20 && !/undefined|NaN/.test(row.why), row.why);
    // 2–3 significant figures, in g or kg, with the range beside: "160 g (120–260 g)" or "3.6 kg (2.9–4.1 kg)".
    assert.match(row.text, /^[\d.,]+ k?g \([\d.,]+–[\d.,]+ k?g\)$/, row.text);
    const central = row.text.split(' ')[0].replace(/,/g, '');
    assert.ok(central.replace(/^0\.0*/, '').replace('.', '').length <= 3, `${row.text}: at most 3 significant figures`);
    assert.ok(row.whisker, `${row.id}: its range is drawn on its bar`);
    assert.ok(sorted[i].range.low <= sorted[i].g && sorted[i].g <= sorted[i].range.high);
  });
  await screenshot(tab.page, 'widget-ranges');
  const greenest = direct.reduce((a, b) => (b.g < a.g ? b : a));
  assert.equal(await tab.page.locator('#delivery [part~="greenest"]').getAttribute('data-id'), greenest.id);
  // "Greenest" only when its range is clear of the next option's; else "Among the lowest". One badge only.
  assert.equal(await tab.page.locator('#delivery [part~="greenest"] [part="badge"]').textContent(), claim === 'lowest' ? 'Greenest' : 'Among the lowest');
  assert.deepEqual((await tab.page.locator('#delivery [part="badge"]').allTextContents()).filter(Boolean).length, 1);
});

test('choosing with the mouse fires green-delivery-select with the estimate', async () => {
  const ids = await shownIds('delivery');
  const events = await nextEvent('green-delivery-select');
  await rows('delivery').nth(3).click();
  const detail = await events();
  assert.equal(detail.id, ids[3]);
  assert.equal(detail.estimate.id, ids[3]);
  assert.ok(detail.estimate.gCo2e > 0);
  assert.ok(detail.bubbles && detail.composed);
  assert.equal(await tab.page.locator('#delivery').getAttribute('selected'), ids[3]);
  // The demo shop's line names the choice by its label, with no figure that a new destination would leave stale.
  assert.equal(await tab.page.locator('#choice').textContent(), `Chosen: ${detail.label}.`);
});

test('choosing with the keyboard works like a radio group', async () => {
  const ids = await shownIds('delivery');
  const radio = tab.page.locator('#delivery').locator(`input[value="${ids[3]}"]`);
  await radio.focus();
  const next = await nextEvent('green-delivery-select');
  await tab.page.keyboard.press('ArrowDown');
  assert.equal((await next()).id, ids[4]);
  assert.equal(await tab.page.locator('#delivery').getAttribute('selected'), ids[4]);
  assert.equal(await tab.page.locator('#delivery').getByRole('radiogroup').count(), 1);
});

test('a selected attribute pre-selects an option', async () => {
  await tab.page.locator('#gift').evaluate((el) => el.setAttribute('selected', 'cargoBike'));
  assert.equal(await tab.page.locator('#gift').getByRole('radio', { checked: true }).getAttribute('value'), 'cargoBike');
});

test('two widgets share one wasm instance', async () => {
  const requests = await tab.page.evaluate(() =>
    performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.wasm')).map((r) => r.name),
  );
  assert.equal(requests.length, 1, requests.join());
  assert.equal(await rows('gift').count(), 3, 'the offers attribute limits the options');
});

test('changing an attribute re-renders, and properties mirror attributes', async () => {
  const before = await tab.page.locator('#delivery [data-id="sameDayCourier"] [part="value"]').textContent();
  await tab.page.locator('#delivery').evaluate((el) => {
    el.destination = '51.60,-0.30';
  });
  await tab.page.waitForFunction((b) => {
    const v = document.querySelector('#delivery').shadowRoot.querySelector('[data-id="sameDayCourier"] [part="value"]');
    return v && v.textContent !== b;
  }, before);
  assert.equal(await tab.page.locator('#delivery').getAttribute('destination'), '51.60,-0.30');
  const mirrored = await tab.page.locator('#delivery').evaluate((el) => {
    el.setAttribute('pickup-distance', '3');
    return el.pickupDistance;
  });
  assert.equal(mirrored, '3');
});

test('a bad attribute shows a polite message and an error event, and the page keeps working', async () => {
  const error = await nextEvent('green-delivery-error');
  await tab.page.locator('#gift').evaluate((el) => el.setAttribute('destination', 'not a place'));
  const detail = await error();
  // The merchant's details are in the event; shoppers see a short sentence, not the developer's message.
  assert.equal(detail.message, 'destination must be "latitude,longitude", got "not a place"');
  assert.equal(detail.attribute, 'destination');
  assert.equal(detail.field, 'shopper');
  assert.equal(await tab.page.locator('#gift [part="message"]').textContent(),
    "Sorry, the delivery footprints can't be shown. The location can't be used.");
  assert.equal(await rows('gift').count(), 0, 'no stale estimates');
  const range = await nextEvent('green-delivery-error');
  await tab.page.locator('#gift').evaluate((el) => el.setAttribute('destination', '95,0'));
  const out = await range();
  assert.match(out.message, /lat must be between -90 and 90, got 95/);
  const shown = await tab.page.locator('#gift [part="message"]').textContent();
  assert.match(shown, /^Sorry, the delivery footprints can't be shown\./);
  assert.doesNotMatch(shown, /shopper|got 95/);
  if (out.code !== undefined) {
    // Once the API sets code and field (the boundary rewrite), the attribute comes from the field.
    assert.equal(out.code, 'out-of-range');
    assert.equal(out.field, 'shopper.lat');
    assert.equal(out.attribute, 'destination');
    assert.equal(shown, "Sorry, the delivery footprints can't be shown. The latitude must be between -90 and 90.");
  }
  // The rest of the page, and the other widget, still work.
  await tab.page.locator('#pay').click();
  await rows('delivery').first().click();
  assert.equal(await tab.page.locator('#delivery').getAttribute('selected'), (await shownIds('delivery'))[0]);
  await tab.page.locator('#gift').evaluate((el) => el.setAttribute('destination', '51.46,-0.21'));
  await tab.page.waitForFunction(() => document.querySelector('#gift').estimates.length === 3);
  await screenshot(tab.page, 'widget-checkout');
});

test('the parcel locker is offered, and a saving whose interval spans zero reads "no clear difference"', async () => {
  const locker = tab.page.locator('#delivery [data-id="locker"]');
  assert.equal(await locker.locator('[part="label"]').evaluate((n) => n.firstChild.textContent), 'Parcel locker');
  const { estimate, saving } = await tab.page.evaluate(() => {
    const widget = document.querySelector('#delivery');
    const root = widget.shadowRoot;
    return {
      estimate: widget.estimates.find((o) => o.id === 'nextDay'),
      saving: root.querySelector('[data-id="nextDay"] [part="saving"]').textContent,
    };
  });
  // Next-day goes on the carriers' normal network: its saving against standard delivery is nil, never headlined.
  assert.equal(estimate.savingClear, false);
  assert.equal(saving, 'No clear difference from standard delivery');
  // Every row that is not clear says so; every clear one gives a figure with its interval.
  const rowsText = await tab.page.evaluate(() =>
    document.querySelector('#delivery').estimates.map((o) => ({
      id: o.id, clear: o.savingClear,
      text: document.querySelector('#delivery').shadowRoot.querySelector(`[data-id="${o.id}"] [part="saving"]`).textContent,
    })),
  );
  for (const r of rowsText) {
    if (r.id === 'standard') continue;
    if (r.clear) assert.match(r.text, /^\d[\d.,]*% (less|more) than standard delivery \(/, r.text);
    else assert.match(r.text, /^No clear difference from standard delivery$/, r.text);
  }
  // The saving is read out with the option.
  const described = await tab.page.locator('#delivery input[value="nextDay"]').getAttribute('aria-describedby');
  assert.match(described, /saving-nextDay/);
});

test('area, weight and the setting attributes reach deliveryOptions, and errors name their attribute', async () => {
  const widget = tab.page.locator('#gift');
  const expected = await tab.page.evaluate(async () => {
    const api = await import('/widget-pkg/green_delivery.js');
    const r = api.deliveryOptions({
      depot: { lat: 51.5072, lon: -0.1276 }, shopper: { lat: 51.46, lon: -0.21 }, area: 'rural', weightKg: 30,
      settings: { 'pickup.km': 4, 'round.stemKm': 25 },
    });
    return Object.fromEntries(r.options.map((o) => [o.id, o.gCo2e]));
  });
  await widget.evaluate((el) => {
    el.setAttribute('area', 'rural');
    el.weight = 30;
    el.pickupDistance = 4;
    el.setAttribute('stem-distance', '25');
  });
  await tab.page.waitForFunction((g) => document.querySelector('#gift').estimates.find((o) => o.id === 'sameDayCourier')?.gCo2e === g, expected.sameDayCourier);
  const shown = await widget.evaluate((el) => ({ ...Object.fromEntries(el.estimates.map((o) => [o.id, o.gCo2e])), area: el.result.variants.area }));
  assert.deepEqual(shown, { sameDayCourier: expected.sameDayCourier, pickupWalk: expected.pickupWalk, cargoBike: expected.cargoBike, area: 'rural' });
  // A setting out of its limits: the error names the setting's field and the attribute it comes from.
  const error = await nextEvent('green-delivery-error');
  await widget.evaluate((el) => el.setAttribute('pickup-distance', '-3'));
  const detail = await error();
  assert.equal(detail.field, 'settings.pickup.km');
  assert.equal(detail.attribute, 'pickup-distance');
  const bad = await nextEvent('green-delivery-error');
  await widget.evaluate((el) => el.setAttribute('area', 'moon'));
  assert.equal((await bad()).attribute, 'area');
  await widget.evaluate((el) => {
    for (const a of ['area', 'weight', 'pickup-distance', 'stem-distance']) el.removeAttribute(a);
  });
  await tab.page.waitForFunction(() => document.querySelector('#gift').estimates.length === 3);
});

test('"What is counted" states the boundary in plain words', async () => {
  const details = tab.page.locator('#delivery [part="boundary"]');
  assert.equal(await details.locator('summary').textContent(), 'What is counted');
  await details.locator('summary').click();
  const text = await details.locator('p').textContent();
  assert.match(text, /^Per one parcel delivered to the shopper's door, pickup point or locker, /);
  assert.match(text, /Counted: line-haul .*Not counted: .*returns/);
  await tab.page.setViewportSize({ width: 375, height: 812 });
  await screenshot(tab.page, 'widget-phone');
  await tab.page.setViewportSize({ width: 1280, height: 800 });
  await screenshot(tab.page, 'widget-laptop');
  await details.locator('summary').click();
});

test('offers: each known id once; a repeated or unknown id is refused with an error event', async () => {
  const gift = tab.page.locator('#gift');
  const before = await gift.evaluate((el) => el.getAttribute('offers'));
  const repeated = await nextEvent('green-delivery-error');
  const started = Date.now();
  await gift.evaluate((el) => el.setAttribute('offers', Array(20000).fill('standard').join(',')));
  const detail = await repeated();
  assert.ok(Date.now() - started < 3000, `${Date.now() - started} ms`);
  assert.deepEqual([detail.code, detail.field, detail.attribute], ['conflict', 'offers', 'offers']);
  assert.equal(await rows('gift').count(), 0);
  assert.equal(await gift.evaluate((el) => getComputedStyle(el).getPropertyValue('--gd-rows')), '1');
  const unknown = await nextEvent('green-delivery-error');
  await gift.evaluate((el) => { el.offers = ['standard', 'teleport']; });
  assert.equal((await unknown()).code, 'unknown-value');
  const notList = await nextEvent('green-delivery-error');
  await gift.evaluate((el) => { el.offers = 'standard'; });
  assert.equal((await notList()).code, 'wrong-type');
  await gift.evaluate((el, offers) => { el.offers = undefined; el.setAttribute('offers', offers); }, before);
  await tab.page.waitForFunction(() => document.querySelector('#gift').estimates.length === 3);
});

test('no request leaves the origin, no console errors, nothing blocked by the CSP', async () => {
  assert.deepEqual(tab.foreignRequests, []);
  assert.deepEqual(tab.consoleErrors, []);
  assert.deepEqual(await cspViolations(tab.page), []);
});

test("a page's aggressive CSS does not reach inside the widget", async () => {
  const page = (css) => `<!doctype html><html><head><style>${css}</style>
    <script type="module" src="/widget.js"></script></head><body>
    <green-delivery-options depot="51.5072,-0.1276" destination="51.52,-0.09"></green-delivery-options></body></html>`;
  const host = 'green-delivery-options { display: block !important; width: 480px !important; }';
  const hostile = `* { all: unset; } * { color: magenta !important; font-size: 30px !important; line-height: 3 !important; }`;
  const layout = async (css) => {
    const { page: p } = await session.open('/icon.svg');
    await p.route('**/isolation.html', (route) => route.fulfill({ body: page(css), contentType: 'text/html' }));
    await p.goto(new URL('/isolation.html', session.url).href);
    await p.waitForFunction(() => document.querySelector('green-delivery-options')?.estimates?.length === 8);
    const boxes = await p.evaluate(() => {
      const el = document.querySelector('green-delivery-options');
      const origin = el.shadowRoot.querySelector('[part="container"]').getBoundingClientRect();
      // Parts that are hidden (an empty badge) have no box to compare.
      const shown = [...el.shadowRoot.querySelectorAll('[part]')].filter((n) => n.getBoundingClientRect().width > 0);
      return shown.map((n) => {
        const r = n.getBoundingClientRect();
        return [n.getAttribute('part'), Math.round(r.x - origin.x), Math.round(r.y - origin.y), Math.round(r.width), Math.round(r.height), getComputedStyle(n).color];
      });
    });
    await p.close();
    return boxes;
  };
  assert.deepEqual(await layout(host + hostile), await layout(host));
});

/** A fresh checkout example at `size` (and colour scheme), its two widgets drawn. */
async function checkout(size, { colorScheme = 'light', init, lang } = {}) {
  const opened = await session.open('about:blank');
  await opened.page.emulateMedia({ colorScheme });
  await opened.page.setViewportSize(size);
  if (init) await opened.page.addInitScript(init);
  if (lang) {
    // Every widget's lang, once the markup is parsed and before the modules run: its first drawing is in that language.
    await opened.page.addInitScript((tag) => document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') for (const w of document.querySelectorAll('green-delivery-options')) w.setAttribute('lang', tag);
    }), lang);
  }
  await opened.page.goto(new URL('/checkout-example.html', session.url).href);
  await opened.page.waitForFunction(() => document.querySelector('#delivery').estimates?.length === 8 && document.querySelector('#gift').estimates?.length === 3);
  return opened;
}

test('the first Tab into the widget lands on the lowest option, and the order on screen is the order of the tabs', async () => {
  const { page } = await checkout(LAPTOP);
  await page.locator('h1').click();
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.querySelector('#delivery').shadowRoot.activeElement?.value);
  const ids = await page.locator('#delivery').evaluate((el) => el.estimates.map((o) => o.id));
  assert.equal(focused, ids[0]);
  // Top to bottom on screen is lowest to highest.
  const tops = await page.locator('#delivery').evaluate((el) => el.estimates.map((o) => el.shadowRoot.querySelector(`[data-id="${o.id}"]`).getBoundingClientRect().top));
  assert.deepEqual(tops, [...tops].sort((a, b) => a - b));
  const grams = await page.locator('#delivery').evaluate((el) => el.estimates.map((o) => o.gCo2e));
  assert.deepEqual(grams, [...grams].sort((a, b) => a - b));
  await page.close();
});

test('preselect="greenest" checks the lowest option, which selected reports, without a select event; a choice wins', async () => {
  const { page } = await checkout(LAPTOP, {
    init: () => {
      window.__selects = [];
      document.addEventListener('green-delivery-select', (e) => window.__selects.push(e.detail.id));
    },
  });
  const gift = page.locator('#gift');
  const ids = await gift.evaluate((el) => el.estimates.map((o) => o.id));
  assert.equal(await gift.evaluate((el) => el.selected), null, 'nothing is checked without preselect');
  await gift.evaluate((el) => { el.preselect = 'greenest'; });
  assert.equal(await gift.getAttribute('preselect'), 'greenest');
  assert.equal(await gift.getByRole('radio', { checked: true }).getAttribute('value'), ids[0]);
  assert.equal(await gift.evaluate((el) => el.selected), ids[0]);
  assert.equal(await gift.getAttribute('selected'), null, 'a preselection is no one\'s choice: the attribute stays unset');
  await page.waitForTimeout(200);
  assert.deepEqual(await page.evaluate(() => window.__selects), []);
  // The shopper's choice wins, and is an event.
  await gift.locator(`[data-id="${ids[2]}"] input`).click();
  assert.deepEqual(await page.evaluate(() => window.__selects), [ids[2]]);
  assert.equal(await gift.evaluate((el) => el.selected), ids[2]);
  assert.equal(await gift.getByRole('radio', { checked: true }).getAttribute('value'), ids[2]);
  // The merchant's selected wins too; removing it gives the preselection back.
  await gift.evaluate((el, id) => { el.selected = id; }, ids[1]);
  assert.equal(await gift.getByRole('radio', { checked: true }).getAttribute('value'), ids[1]);
  await gift.evaluate((el) => el.removeAttribute('selected'));
  assert.equal(await gift.getByRole('radio', { checked: true }).getAttribute('value'), ids[0]);
  await gift.evaluate((el) => el.removeAttribute('preselect'));
  assert.equal(await gift.getByRole('radio', { checked: true }).count(), 0);
  // The example shop preselects its first widget, and reads what is checked when the shopper pays.
  const first = await page.locator('#delivery').evaluate((el) => el.estimates[0].id);
  await page.locator('#pay').click();
  assert.equal(await page.locator('#choice').textContent(), `Paying with delivery option ${first}.`);
  await page.close();
});

/** Each shown option's height, whether its explanation is visible, and its disclosure button's state. */
const optionBoxes = (widget) =>
  widget.evaluate((el) => [...el.shadowRoot.querySelectorAll('[part~="option"]')].map((row) => ({
    id: row.dataset.id,
    height: row.getBoundingClientRect().height,
    why: row.querySelector('[part="why"]').getBoundingClientRect().height > 0,
    more: row.querySelector('[part="more"]').getBoundingClientRect().width > 0,
    expanded: row.querySelector('[part="more"]').getAttribute('aria-expanded'),
  })));

test('compact on a phone (one line per option, the explanation behind a button), full on a laptop, or as forced', async () => {
  const { page } = await checkout(PHONE);
  const delivery = page.locator('#delivery');
  let boxes = await optionBoxes(delivery);
  for (const b of boxes) {
    assert.ok(!b.why && b.more && b.expanded === 'false', JSON.stringify(b));
    assert.ok(b.height <= 76, `${b.id}: ${b.height}px`);
  }
  const height = (await delivery.boundingBox()).height;
  assert.ok(height < 600, `the widget is ${height}px tall on a phone`);
  // "Pay now" is on the first screen below the first widget's... at least the first widget fits the phone's screen.
  assert.ok((await delivery.boundingBox()).y + height < PHONE.height, 'the whole first widget is on the first screen');
  // The disclosure opens the explanation, and says so.
  const first = boxes[0].id;
  const button = delivery.locator(`[data-id="${first}"] [part="more"]`);
  assert.match(await button.evaluate((b) => b.textContent), /^Details$/);
  await button.click();
  boxes = await optionBoxes(delivery);
  assert.ok(boxes[0].why && boxes[0].expanded === 'true');
  assert.equal(await delivery.getAttribute('selected'), null, 'opening the details chooses nothing');
  await screenshot(page, 'widget-compact-375');
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  // From the keyboard, the disclosure shows the same focus ring as every other control (WCAG 2.4.7).
  await delivery.locator(`[data-id="${first}"] input`).focus();
  await page.keyboard.press('Tab');
  const ring = await delivery.evaluate((el) => {
    const focused = el.shadowRoot.activeElement;
    const style = getComputedStyle(focused);
    return { part: focused.getAttribute('part'), style: style.outlineStyle, width: style.outlineWidth };
  });
  assert.deepEqual(ring, { part: 'more', style: 'solid', width: '3px' });
  await screenshot(page, 'widget-compact-375-details-focus');
  // Forced full on a phone: every explanation shown, whole (no clamp: its box holds all its lines).
  await delivery.evaluate((el) => { el.layout = 'full'; });
  boxes = await optionBoxes(delivery);
  assert.ok(boxes.every((b) => b.why && !b.more));
  const clipped = await delivery.evaluate((el) => [...el.shadowRoot.querySelectorAll('[part="why"], [part="saving"]')].filter((n) => n.scrollHeight > n.clientHeight + 1).length);
  assert.equal(clipped, 0);
  await page.setViewportSize(LAPTOP);
  await delivery.evaluate((el) => el.removeAttribute('layout'));
  await page.waitForTimeout(100);
  boxes = await optionBoxes(delivery);
  assert.ok(boxes.every((b) => b.why && !b.more), 'full on a laptop');
  await screenshot(page, 'widget-full-1280');
  await delivery.evaluate((el) => { el.layout = 'compact'; });
  boxes = await optionBoxes(delivery);
  assert.ok(boxes.every((b) => !b.why && b.more), 'compact when asked, at any width');
  await page.close();
});

test('in a 280 px column with German words, no name is cut', async () => {
  const { page } = await session.open('/checkout-example.html');
  await page.setViewportSize(PHONE);
  await page.evaluate(() => {
    const column = document.createElement('div');
    column.style.width = '280px';
    column.id = 'column';
    column.innerHTML = '<green-delivery-options id="narrow" lang="de" depot="51.5072,-0.1276" destination="51.52,-0.09"></green-delivery-options>';
    document.querySelector('main').prepend(column);
  });
  await page.waitForFunction(() => document.querySelector('#narrow').estimates?.length === 8);
  const names = await page.locator('#narrow').evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('[part="label"], [part="value"], [part="badge"]')].map((n) => {
      const box = n.getBoundingClientRect();
      const row = n.closest('[part~="option"]').getBoundingClientRect();
      return { text: n.textContent, scroll: n.scrollWidth, client: n.clientWidth, inside: box.left >= row.left && box.right <= row.right + 0.5 };
    }));
  assert.ok(names.some((n) => n.text === 'Paketshop, zu Fuß'));
  for (const n of names) {
    if (!n.text) continue;
    assert.ok(n.scroll <= n.client || n.client === 0, `${n.text}: ${n.scroll} > ${n.client}`);
    assert.ok(n.inside, `${n.text} runs out of its row`);
  }
  assert.ok(await page.locator('#narrow').evaluate((el) => el.shadowRoot.querySelector('.root').classList.contains('compact')));
  await page.locator('#column').screenshot({ path: fileURLToPath(new URL('../../test-output/widget-de-280.png', import.meta.url)) });
  await page.close();
});

test('dark mode follows prefers-color-scheme, and the --gd-* properties still win; axe finds nothing in either', async () => {
  const luminance = (rgb) => {
    const [r, g, b] = rgb.match(/\d+/g).map(Number);
    return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
  };
  const background = (page) => page.locator('#delivery').evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('[part="container"]')).backgroundColor);
  for (const scheme of ['light', 'dark']) {
    for (const size of [PHONE, LAPTOP]) {
      const { page } = await checkout(size, { colorScheme: scheme });
      const bg = luminance(await background(page));
      assert.ok(scheme === 'dark' ? bg < 0.2 : bg > 0.9, `${scheme}: background luminance ${bg}`);
      if (size === PHONE) await page.locator('#delivery [part="more"]').first().click(); // an explanation open too
      assert.deepEqual(await axe(page), [], `${scheme} at ${size.width}px`);
      await screenshot(page, `widget-${scheme}-${size.width}`);
      if (scheme === 'dark' && size === LAPTOP) {
        await page.locator('#delivery').evaluate((el) => el.style.setProperty('--gd-background', 'rgb(255, 250, 240)'));
        assert.equal(await background(page), 'rgb(255, 250, 240)');
        // A page without a dark look pins the widget to light with the standard property.
        await page.locator('#delivery').evaluate((el) => { el.style.removeProperty('--gd-background'); el.style.colorScheme = 'light'; });
        assert.ok(luminance(await background(page)) > 0.9);
      }
      await page.close();
    }
  }
});

test('no layout shift when the widgets draw their options (CLS < 0.01), on a phone and a laptop, in each language', async () => {
  for (const [size, lang] of [PHONE, LAPTOP].flatMap((size) => ['en-GB', 'de-DE', 'zh-CN'].map((lang) => [size, lang]))) {
    const { page } = await checkout(size, {
      lang,
      init: () => {
        window.__cls = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
        }).observe({ type: 'layout-shift', buffered: true });
      },
    });
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#delivery').evaluate((el) => el.shadowRoot.querySelector('.root').lang), lang);
    const cls = await page.evaluate(() => window.__cls);
    assert.ok(cls < 0.01, `layout shift ${cls} at ${size.width}px in ${lang}`);
    // Below the fold a shift does not count in CLS, but would on a shop's page with less above the widget: the
    // options drawn fit the height reserved for them.
    for (const id of ['delivery', 'gift']) {
      const [drawn, reserved] = await page.locator(`#${id}`).evaluate((el) => {
        const group = el.shadowRoot.querySelector('fieldset');
        return [group.getBoundingClientRect().height, parseFloat(getComputedStyle(group).minHeight)];
      });
      assert.ok(drawn <= reserved + 1, `#${id} at ${size.width}px in ${lang}: drawn ${drawn} px, reserved ${reserved} px`);
    }
    await page.close();
  }
});

test('each option is announced as one sentence: name, figure, range, and "greenest" where it applies', async () => {
  const { page } = await checkout(PHONE);
  const delivery = page.locator('#delivery');
  const { OPTION_LABELS } = await import('../../www/strings/en-GB/chain.js');
  const sentences = await delivery.locator('input[type="radio"]').evaluateAll((radios) => radios.map((r) => r.getAttribute('aria-label')));
  const ids = await delivery.evaluate((el) => el.estimates.map((o) => o.id));
  const badge = await delivery.locator('[part="badge"]').first().textContent();
  sentences.forEach((sentence, i) => {
    const tail = i === 0 ? `, ${badge.toLowerCase()}` : '';
    assert.match(sentence, new RegExp(`^${OPTION_LABELS[ids[i]]}: [\\d.,]+ k?g, from [\\d.,]+ k?g to [\\d.,]+ k?g${tail}\\.$`), sentence);
    assert.doesNotMatch(sentence, / ,|,,|\s{2}/);
  });
  // The browser's accessible name is that sentence (the role and name a screen reader gets).
  assert.equal(await page.getByRole('radio', { name: sentences[0], exact: true }).count(), 1);
  // The disclosure buttons say whose details they open.
  assert.equal(await delivery.getByRole("button", { name: `Details ${OPTION_LABELS[ids[0]]}`, exact: true }).count(), 1);
  await page.close();
});

test('a lowest option whose range is clear of the next one\'s is "Greenest"; overlapping, "Among the lowest"', async () => {
  const { page } = await checkout(PHONE);
  const gift = page.locator('#gift');
  const badge = () => gift.locator('[part="badge"]').first().textContent();
  const estimates = () => gift.evaluate((el) => el.estimates.map((o) => ({ id: o.id, gCo2e: o.gCo2e, range: o.range })));
  // Walking to a pickup point against a same-day courier: ranges apart.
  await gift.evaluate((el) => el.setAttribute('offers', 'sameDayCourier,pickupWalk'));
  await page.waitForFunction(() => document.querySelector('#gift').estimates.length === 2);
  const apart = await estimates();
  assert.equal(rankByEmissions(apart).claim, 'lowest', JSON.stringify(apart));
  assert.equal(await badge(), 'Greenest');
  assert.match(await gift.locator('input[type="radio"]').first().getAttribute('aria-label'), /, greenest\.$/);
  // Next-day and standard delivery: the same network, the same range.
  await gift.evaluate((el) => el.setAttribute('offers', 'nextDay,standard'));
  await page.waitForFunction(() => document.querySelector('#gift').estimates.every((o) => ['nextDay', 'standard'].includes(o.id)));
  assert.equal(rankByEmissions(await estimates()).claim, 'amongLowest');
  assert.equal(await badge(), 'Among the lowest');
  assert.match(await gift.locator('input[type="radio"]').first().getAttribute('aria-label'), /, among the lowest\.$/);
  await page.close();
});

test("the language asked for last wins, whichever language's words arrive first; a superseded answer is not drawn", async () => {
  const { page } = await checkout(LAPTOP);
  // German's words arrive 600 ms late, Chinese's at once: the widget is switched to German, then to Chinese.
  await page.route('**/strings/de-DE/**', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await page.evaluate(async () => {
    const widget = document.querySelector('#delivery');
    widget.setAttribute('lang', 'de-DE');
    await new Promise((resolve) => setTimeout(resolve, 50));
    widget.setAttribute('lang', 'zh-CN');
  });
  await page.waitForTimeout(1500); // German's words have arrived by now
  const drawn = await page.locator('#delivery').evaluate((w) => ({ lang: w.shadowRoot.querySelector('.root').lang, title: w.shadowRoot.querySelector('.title').textContent }));
  const { WIDGET_TEXT } = await import('../../www/strings/zh-CN/chain.js');
  assert.deepEqual(drawn, { lang: 'zh-CN', title: WIDGET_TEXT.title });
  // A destination changed while the first one's postcode table loads: only the last one's figures are drawn.
  await page.route('**/data/postcode-districts.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  const grams = () => page.locator('#delivery').evaluate((w) => w.estimates.map((o) => [o.id, o.gCo2e]));
  await page.evaluate(async () => {
    const widget = document.querySelector('#delivery');
    widget.setAttribute('lang', 'en-GB');
    widget.setAttribute('destination', 'LS1 4AP'); // a postcode in Leeds: waits for the table
    await new Promise((resolve) => setTimeout(resolve, 50));
    widget.setAttribute('destination', '51.5300,-0.1000'); // coordinates in London: no table
  });
  await page.waitForTimeout(1500); // the table has arrived by now
  const raced = await grams();
  await page.unroute('**/data/postcode-districts.json');
  await page.locator('#delivery').evaluate((w) => w.setAttribute('destination', '51.4,-0.1'));
  await page.waitForFunction(() => document.querySelector('#delivery').result.options.length > 0);
  await page.locator('#delivery').evaluate((w) => w.setAttribute('destination', '51.5300,-0.1000'));
  await page.waitForTimeout(300);
  assert.deepEqual(raced, await grams(), "the London destination's figures, not Leeds's");
  await page.close();
});
