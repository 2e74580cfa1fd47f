// Merchant view: load orders, see the scenarios, handle bad rows, stay responsive on 100k orders.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSession, screenshot, cspViolations, OUTPUT, merchantReady } from './browser.mjs';

let session;
let tab;
before(async () => {
  session = await startSession();
  tab = await session.open('/#merchant');
  await merchantReady(tab.page);
});
after(() => session?.close());

/** Waits until `file` is loaded and its analysis is done. */
const done = (file, timeout = 30_000) =>
  tab.page.waitForFunction(
    (file) =>
      document.querySelector('#merchant-load-status').textContent.startsWith(`${file}:`) &&
      document.querySelector('#merchant-progress-label').textContent === 'Done.',
    file,
    { timeout },
  );
const cell = (id, column) => tab.page.locator(`#merchant-table tr[data-id="${id}"] > :nth-child(${column})`).textContent();
/** A cell's leading number ("1,610 km" → 1610; "850 m" → 0.85). */
/** A cell's leading number in its column's base unit: km (from m), kg (from g or t). */
const cellNumber = async (id, column) => {
  const text = await cell(id, column);
  const n = Number(text.split(' ')[0].replace(/[,%]/g, ''));
  return n * ({ m: 1e-3, g: 1e-3, t: 1e3 }[text.split(' ')[1]] ?? 1);
};
const IDS = ['dedicated', 'consolidated', 'pickup', 'cargoBike', 'standard', 'nextDay'];

test('the sample city gives the scenarios that consolidate() gives', async () => {
  await tab.page.getByRole('button', { name: 'load the sample city' }).click();
  await done('sample-orders.csv');
  assert.equal(await tab.page.locator('#merchant-load-status').textContent(), 'sample-orders.csv: 3,000 orders, 3,796 parcels loaded.');
  assert.equal(await tab.page.locator('#merchant-table tbody tr').count(), 6);
  const { direct, formatted, baseline } = await tab.page.evaluate(async () => {
    const api = await (await import('/wasm.js')).loadGreenDelivery(); // the page's own instance, once loaded
    const f = (await import('/strings/en-GB/numbers.js')).n;
    const { SCENARIO_LABELS } = await import('/strings/en-GB/chain.js');
    await api.default();
    const { orders } = api.parseOrders(await (await fetch('/data/sample-orders.csv')).text());
    const r = api.consolidate({ ...orders, depot: { lat: 51.5416, lon: -0.0076 }, vehicle: 'diesel-van', capacity: 100 });
    const formatted = Object.fromEntries(r.scenarios.map((s) => [s.id, { kg: f.kilogramsRange(s.kgCo2e, s.range), km: f.km(s.vehicleKm) }]));
    return {
      direct: Object.fromEntries(r.scenarios.map((s) => [s.id, { ...s, label: SCENARIO_LABELS[s.id] }])),
      formatted,
      baseline: r.baseline,
    };
  });
  assert.equal(baseline, 'standard');
  for (const id of IDS) {
    assert.equal(await cell(id, 5), formatted[id].kg, `${id} kg CO2e, with its range`);
    assert.equal(await cell(id, 2), formatted[id].km, `${id} vehicle km`);
    const r = direct[id].range;
    assert.ok(r.low <= direct[id].kgCo2e && direct[id].kgCo2e <= r.high, id);
  }
  // Energy by who uses it: the cargo bikes' electricity and the feeder van's diesel are the delivery's; the petrol is
  // shoppers' own trips to fetch failed parcels, written apart, with the same litres as the legs.
  const energy = await cell('cargoBike', 4);
  const shopperPetrol = direct.cargoBike.legs.filter((l) => l.shopper && l.fuel === 'petrol-fuel').reduce((a, l) => a + l.litres, 0);
  assert.match(energy, /^delivery: [\d.,]+ L diesel \+ [\d.,]+ kWh; shoppers' own trips: ([\d.,]+) L petrol$/);
  assert.equal(Number(energy.match(/trips: ([\d.,]+) L/)[1]), Number(shopperPetrol.toPrecision(2)));
  // The first row is the baseline; the headline names the greenest scenario against it, with the saving's range.
  assert.equal(await tab.page.locator('#merchant-table tbody tr').first().getAttribute('data-id'), 'standard');
  const headline = await tab.page.locator('#merchant-headline').textContent();
  console.log(`sample city headline: ${headline}`);
  assert.match(headline, /^.+: [\d.,]+ k?g instead of [\d.,]+ k?g by standard carrier delivery, [\d.,]+% less \((?:[\d.,]+%? ?– ?[\d.,]+%|[−-]?[\d.,]+% to [−-]?[\d.,]+%), 90% interval\)\.$/);
  const best = await tab.page.locator('#merchant-headline').getAttribute('data-id');
  // The lowest emitter of all six, and below the baseline (tests/page/people.test.mjs: when none is).
  assert.equal(best, IDS.reduce((a, b) => (direct[b].kgCo2e < direct[a].kgCo2e ? b : a)));
  assert.ok(direct[best].kgCo2e < direct.standard.kgCo2e);
  assert.ok(headline.startsWith(`${direct[best].label}: `));
  assert.ok(direct[best].savingRange.low <= direct[best].savingPercent && direct[best].savingPercent <= direct[best].savingRange.high);
  // A headline is only for a saving whose interval excludes zero; one that spans zero reads "no clear difference".
  assert.ok(direct[best].savingClear);
  for (const id of IDS) {
    const text = await cell(id, 7);
    if (id === 'standard') assert.equal(text, 'baseline');
    else if (id === 'nextDay') assert.equal(text, 'the same', 'next-day runs on the same network as standard');
    else if (!direct[id].savingClear) assert.match(text, /^no clear difference \(/, id);
  }
  // The boundary and the carrier's area, in words.
  assert.match(await tab.page.locator('#merchant-boundary').textContent(), /^The carriers' rounds are those of an urban area \(from the orders' density\)\. Per these orders, delivered in one day's rounds/);
  // The tornado: one row per setting that moves the saving to the shown precision, largest swing first; none
  // whose low and high read the same ("88% to 88%"); a legend for its two colours and a title naming the saving.
  const all = direct[best].savingSensitivity;
  const moving = await tab.page.evaluate(async (rows) => {
    const { n } = await import('/strings/en-GB/numbers.js');
    return rows.filter((r) => n.percent(r.low) !== n.percent(r.high)).map((r) => r.setting);
  }, all);
  assert.ok(moving.length >= 3, 'several assumptions move the saving');
  const swings = all.map((r) => Math.abs(r.high - r.low));
  assert.deepEqual([...swings].sort((a, b) => b - a), swings);
  const names = await tab.page.evaluate(async () => (await import('/strings/en-GB/chain.js')).SETTING_NAMES);
  const spans = await tab.page.locator('#merchant-tornado text').allTextContents();
  const labels = spans.filter((t) => Object.values(names).includes(t));
  assert.deepEqual(labels, moving.map((id) => names[id]), 'one row per setting that moves the saving, in order');
  assert.ok(!spans.some((t) => /^(.+) to \1$/.test(t)), `no empty row: ${spans.join(' | ')}`);
  assert.ok((await tab.page.locator('#merchant-tornado rect').count()) >= moving.length);
  const fontSize = await tab.page.locator('#merchant-tornado text').first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  assert.ok(fontSize >= 14, `tornado labels are ${fontSize}px`);
  // The central line is drawn first, under the names and bars, so that a name it crosses stays readable.
  const lineFirst = await tab.page.locator('#merchant-tornado').evaluate((svg) =>
    Boolean(svg.querySelector('line.axis').compareDocumentPosition(svg.querySelector('text')) & Node.DOCUMENT_POSITION_FOLLOWING));
  assert.ok(lineFirst, 'the central line comes before the first name');
  assert.ok(await tab.page.locator('#merchant-tornado-legend').isVisible());
  assert.deepEqual(await tab.page.locator('#merchant-tornado-legend li').allTextContents(), [' Assumption at its low value', ' Assumption at its high value']);
  // Centred on the saving with every setting at its central value, which the one-at-a-time swings move from; the
  // median of the draws (the headline's figure) beside it (tests/page/people-merchant.test.mjs draws the rest).
  const central = ((direct.standard.centralKg - direct[best].centralKg) / direct.standard.centralKg) * 100;
  const pct = (v) => tab.page.evaluate(async (v) => (await import('/strings/en-GB/numbers.js')).n.percent(v), v);
  assert.equal(
    await tab.page.locator('#merchant-tornado-title').textContent(),
    `The saving of ${direct[best].label.toLowerCase()} against standard carrier delivery (${await pct(central)} with every setting at its central value; median of the draws ${await pct(direct[best].savingPercent)}), and how far each assumption moves it`,
  );
  assert.equal(await tab.page.locator('#merchant-depot-place').textContent(), "Depot: the sample city's own, in east London.");
  // Bars on a linear scale from zero, each with its range as a whisker: each bar's length is its kg over the
  // longest whisker's end. The same-day courier, about 20 times the next highest, would leave the others as slivers:
  // its bar is drawn cut (full width, no whisker), the others scale to the next highest whisker, and a sentence
  // says so.
  const highest = (id) => Math.max(direct[id].range.high, direct[id].kgCo2e);
  const [first, second] = [...IDS].sort((a, b) => highest(b) - highest(a));
  assert.equal(first, 'dedicated');
  assert.ok(highest(first) > 3 * highest(second));
  assert.equal(await tab.page.locator('#merchant-bars .bar-range').count(), 5);
  assert.deepEqual(await tab.page.locator('#merchant-bars li.cut').evaluateAll((items) => items.map((li) => li.dataset.id)), ['dedicated']);
  for (const id of IDS) {
    const width = await tab.page.locator(`#merchant-bars li[data-id="${id}"] .bar-fill`).evaluate((el) => Number(el.getAttribute('width')));
    const expected = id === first ? 100 : (100 * direct[id].kgCo2e) / highest(second);
    assert.ok(Math.abs(width - expected) < 0.006, `${id}: ${width}%, expected ${expected}%`); // drawn to 0.01%
  }
  assert.match(await tab.page.locator('#merchant .scale-note').first().textContent(), /^Bars on a linear scale from zero/);
  const times = await tab.page.evaluate(async (v) => (await import('/strings/en-GB/numbers.js')).n.sig(v), highest(first) / highest(second));
  assert.match(await tab.page.locator('#merchant-cut').textContent(), new RegExp(`^The bar of same-day courier \\(dedicated trips\\) is cut short: at [\\d.]+ t it is ${times} times the next highest, off this scale\\.$`));
  // How full the rounds are: the API's trips against the fewest that could carry the parcels.
  const { trips, minRounds } = direct.consolidated;
  const fill = trips === minRounds ? 'the fewest the parcels allow' : `the parcels need at least ${minRounds.toLocaleString('en-GB')}`;
  await tab.page.waitForFunction(() => document.querySelector('#merchant-map').getAttribute('aria-label').startsWith('Map of'));
  const label = await tab.page.locator('#merchant-map').getAttribute('aria-label');
  assert.ok(label.startsWith(`Map of 3,000 orders in ${trips.toLocaleString('en-GB')} consolidated rounds (${fill}) from the depot`), label);
  assert.equal(await tab.page.locator('#merchant-map-summary').textContent(), label);
  await screenshot(tab.page, 'merchant');
});

test('results export as CSV, GeoJSON and a JSON report', async () => {
  const save = async (name) => {
    const [download] = await Promise.all([tab.page.waitForEvent('download'), tab.page.getByRole('button', { name }).click()]);
    const stream = await download.createReadStream();
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    return { file: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
  };
  const csv = await save('Download scenarios (CSV)');
  assert.equal(csv.file, 'green-delivery-scenarios.csv');
  const lines = csv.text.trim().split('\n');
  assert.equal(lines[0], 'scenario,baseline,area,vehicle_km,shopper_km,kwh,kg_co2e,kg_co2e_low,kg_co2e_high,coverage,kg_co2e_central,ttw_kg,wtt_kg,g_co2e_per_parcel,saving_percent,saving_percent_low,saving_percent_high,saving_clear');
  assert.deepEqual(lines.slice(1).map((l) => l.split(',')[0]), IDS);
  // Full precision in the export.
  const kg = lines[2].split(',')[6];
  assert.ok(kg.replace(/^0\.0*/, '').replace('.', '').length > 3, `exports keep full precision, got ${kg}`);

  const geojson = JSON.parse((await save('Download rounds (GeoJSON)')).text);
  assert.equal(geojson.type, 'FeatureCollection');
  const stops = geojson.features.filter((f) => f.properties.kind === 'stop');
  assert.equal(stops.length, 3000);
  const rounds = geojson.features.filter((f) => f.geometry.type === 'LineString');
  assert.ok(rounds.length > 1 && stops.every((f) => Number.isInteger(f.properties.round)));

  const report = JSON.parse((await save('Download report (JSON)')).text);
  assert.equal(report.file, 'sample-orders.csv');
  assert.equal(report.orders, 3000);
  assert.equal(report.scenarios.length, 6);
  assert.equal(report.baseline, 'standard');
});

test('changing the capacity re-runs the analysis', async () => {
  const before = await cellNumber('consolidated', 2);
  await tab.page.getByLabel('Capacity, parcels per round').fill('30');
  await tab.page.getByLabel('Capacity, parcels per round').dispatchEvent('change');
  await tab.page.waitForFunction(
    (b) => Number(document.querySelector('#merchant-table tr[data-id="consolidated"] > :nth-child(2)')?.textContent.split(' ')[0].replace(/,/g, '')) !== b,
    before,
  );
  assert.ok((await cellNumber('consolidated', 2)) > before, 'smaller rounds drive more stem km');
});

test("choosing the carriers' area re-prices the baseline, not the merchant's own rounds", async () => {
  const kg = (id) => cellNumber(id, 5);
  const [standard, consolidated] = [await kg('standard'), await kg('consolidated')];
  await tab.page.locator('select[name="area"]').selectOption('rural');
  await tab.page.waitForFunction(() => /rural area \(as chosen\)/.test(document.querySelector('#merchant-boundary').textContent));
  assert.ok((await kg('standard')) > standard, 'sparse rounds cost the carrier more per parcel');
  assert.equal(await kg('consolidated'), consolidated);
  await tab.page.locator('select[name="area"]').selectOption('');
  await tab.page.waitForFunction(() => /from the orders' density/.test(document.querySelector('#merchant-boundary').textContent));
});

test("a merchant's own file is never priced from the sample city's depot: it asks for the merchant's", async () => {
  const csv = 'id,lat,lon,parcels\na,51.5,-0.1,1\nb,51.52,-0.12,2\nc,51.53,-0.11,1\n';
  await tab.page.locator('input[type=file]').setInputFiles({ name: 'mine.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await tab.page.waitForFunction(() => document.querySelector('#merchant-headline').classList.contains('prompt'));
  // The file is read and counted, the sample's depot is gone, and no figure is shown.
  assert.equal(await tab.page.locator('#merchant-load-status').textContent(), 'mine.csv: 3 orders, 4 parcels loaded.');
  assert.equal(await tab.page.getByLabel('Depot latitude').inputValue(), '');
  assert.equal(await tab.page.getByLabel('Depot longitude').inputValue(), '');
  assert.equal(await tab.page.locator('#merchant-depot-place').textContent(), '');
  assert.match(await tab.page.locator('#merchant-headline').textContent(), /^Where do your deliveries start\? Give your depot's postcode or town/);
  assert.equal(await tab.page.locator('#merchant-table tbody tr').count(), 0);
  assert.equal(await tab.page.locator('#merchant-bars li').count(), 0);
  assert.equal(await tab.page.locator('#merchant-tornado rect').count(), 0);
  await screenshot(tab.page, 'merchant-needs-depot');
  // The merchant's depot, by postcode district: now it is priced, from there.
  await tab.page.getByLabel('Depot postcode or town').fill('E15');
  await done('mine.csv');
  assert.match(await tab.page.locator('#merchant-depot-place').textContent(), /^Depot: E15 /);
  assert.equal(await tab.page.locator('#merchant-table tbody tr').count(), 6);
  assert.ok(!(await tab.page.locator('#merchant-headline').evaluate((el) => el.classList.contains('prompt'))));
  const lat = Number(await tab.page.getByLabel('Depot latitude').inputValue());
  assert.ok(Math.abs(lat - 51.54) < 0.03, `E15's centre, got ${lat}`);
  // The sample city brings its own depot back, and the merchant's next file the merchant's.
  await tab.page.getByRole('button', { name: 'load the sample city' }).click();
  await done('sample-orders.csv');
  assert.equal(await tab.page.getByLabel('Depot latitude').inputValue(), '51.5416');
  await tab.page.locator('input[type=file]').setInputFiles({ name: 'mine2.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await done('mine2.csv');
  assert.equal(Number(await tab.page.getByLabel('Depot latitude').inputValue()), lat);
  assert.equal(await tab.page.getByLabel('Depot postcode or town').inputValue(), 'E15');
});

test("a Shopify export's line items are one parcel per order; 'N1 9EX and a town-only Walthamstow are placed", async () => {
  // Order #1: 4 coasters and 2 mugs in one box, its postcode with Excel's text prefix; #2 has a town and no
  // postcode; #3 a plain postcode; #4 a town the tables do not know.
  const csv = [
    'Name,Email,Lineitem quantity,Lineitem name,Shipping City,Shipping Zip,Shipping Country',
    "#1,a@example.com,4,Coaster,London,'N1 9EX,GB",
    '#1,a@example.com,2,Mug,,,',
    '#2,b@example.com,1,Teapot,Walthamstow,,GB',
    '#3,c@example.com,3,Tray,London,E8 1HE,GB',
    '#4,d@example.com,1,Jug,Qwxyzton,,GB',
  ].join('\n') + '\n';
  await tab.page.locator('input[type=file]').setInputFiles({ name: 'shopify.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await done('shopify.csv');
  assert.match(
    await tab.page.locator('#merchant-load-status').textContent(),
    /^shopify\.csv: a Shopify orders export, 5 rows in 4 orders; 3 orders, 3 parcels loaded; 2 located by postcode, about [\d.]+ km \(median district radius\); 1 with a town and no postcode, located to the town's centre; 1 address not found \(listed below\)\.$/,
  );
  assert.deepEqual(await tab.page.locator('#merchant-row-errors li').allTextContents(), [
    'Line 6: "Qwxyzton" is not a town we know, and this order has no postcode, so it could not be placed',
  ]);
  assert.equal(await tab.page.locator('[name=col-parcels] option:checked').textContent(), '(none)');
  assert.equal(await tab.page.locator('[name=col-town] option:checked').textContent(), 'Shipping City');
  assert.equal(await tab.page.locator('[name=col-id] option:checked').textContent(), 'Name');
  // The three placed orders are where N1, Walthamstow's centre and E8 are (the GeoJSON's stops).
  const [download] = await Promise.all([tab.page.waitForEvent('download'), tab.page.getByRole('button', { name: 'Download rounds (GeoJSON)' }).click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  const stops = JSON.parse(Buffer.concat(chunks).toString('utf8')).features.filter((f) => f.properties.kind === 'stop');
  const near = (lat, lon) => stops.some((f) => Math.abs(f.geometry.coordinates[1] - lat) < 0.01 && Math.abs(f.geometry.coordinates[0] - lon) < 0.01);
  assert.equal(stops.length, 3);
  assert.ok(near(51.5376, -0.0982), 'N1');
  assert.ok(near(51.591, -0.021), 'Walthamstow');
  // A parcels column, chosen by the merchant, is counted: here the line items' quantities, 4 + 2, 1 and 3.
  const quantity = await tab.page.locator('[name=col-parcels] option', { hasText: 'Lineitem quantity' }).getAttribute('value');
  await tab.page.locator('[name=col-parcels]').selectOption(quantity);
  await tab.page.waitForFunction(() => /^shopify\.csv: a Shopify orders export, 5 rows in 4 orders; 3 orders, 10 parcels loaded/.test(document.querySelector('#merchant-load-status').textContent));
});

test('on a phone, the headline follows the depot field, and is in view after a file is loaded', async () => {
  const phone = await session.open('/#merchant', { before: (p) => p.setViewportSize({ width: 375, height: 812 }) });
  await merchantReady(phone.page);
  await phone.page.emulateMedia({ reducedMotion: 'reduce' });
  const csv = 'id,lat,lon\na,51.5,-0.1\nb,51.52,-0.12\n';
  await phone.page.locator('input[type=file]').setInputFiles({ name: 'phone.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await phone.page.waitForFunction(() => document.querySelector('#merchant-headline').classList.contains('prompt'));
  const picker = await phone.page.locator('input[name=file]').boundingBox();
  const prompt = await phone.page.locator('#merchant-headline').boundingBox();
  console.log(`phone: the prompt is ${Math.round(prompt.y - picker.y)} px below the file picker`);
  assert.ok(prompt.y - picker.y < 700, `the prompt is ${prompt.y - picker.y} px below the picker`);
  // The prompt is brought into view (at once: reduced motion), and the depot's field is on the same screen.
  await phone.page.waitForFunction(() => {
    const box = document.querySelector('#merchant-headline').getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
  const field = await phone.page.getByLabel('Depot postcode or town').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(field >= 0, `the depot field is ${field} px from the top of the screen`);
  await phone.page.screenshot({ path: new URL('merchant-phone-prompt.png', OUTPUT).pathname });
  await phone.page.getByLabel('Depot postcode or town').fill('Leeds');
  await phone.page.waitForFunction(() => document.querySelector('#merchant-progress-label').textContent === 'Done.', null, { timeout: 30_000 });
  await phone.page.waitForFunction(() => {
    const box = document.querySelector('#merchant-headline').getBoundingClientRect();
    return box.top >= 0 && box.bottom <= innerHeight;
  });
  assert.match(await phone.page.locator('#merchant-headline').textContent(), /standard carrier delivery/);
  await phone.page.screenshot({ path: new URL('merchant-phone-result.png', OUTPUT).pathname });
  // The tornado, at a phone's width (an element screenshot: the full page is too tall to read).
  await phone.page.locator('.tornado-figure').screenshot({ path: new URL('merchant-phone-tornado.png', OUTPUT).pathname });
  await phone.page.close();
});

test("on a phone, the tornado's words stay inside it, in German's long names too", async () => {
  const phone = await session.open('/?lang=de-DE#merchant', { before: (p) => p.setViewportSize({ width: 375, height: 812 }) });
  await merchantReady(phone.page);
  await phone.page.locator('#merchant button[name=sample]').click();
  await phone.page.waitForSelector('#merchant-tornado rect', { timeout: 60_000 });
  const outside = await phone.page.evaluate(() => {
    const svg = document.querySelector('#merchant-tornado').getBoundingClientRect();
    return [...document.querySelectorAll('#merchant-tornado text')]
      .filter((t) => { const box = t.getBoundingClientRect(); return box.left < svg.left - 1 || box.right > svg.right + 1; })
      .map((t) => t.textContent);
  });
  assert.deepEqual(outside, []);
  // A name too long for one line wraps (its words all kept), and its row grows.
  const lines = await phone.page.locator('#merchant-tornado text:has(tspan + tspan)').count();
  assert.ok(lines >= 1, 'a long German name wraps');
  await phone.page.locator('.tornado-figure').screenshot({ path: new URL('merchant-de-DE-phone-tornado.png', OUTPUT).pathname });
  await phone.page.close();
});

test('a CSV with bad rows names their lines and still counts the good ones', async () => {
  const csv = 'id,lat,lon,parcels\na,51.5,-0.1,1\nb,not-a-number,-0.1,1\nc,51.52,-0.12,2\nd,51.53,-0.11,0\n';
  await tab.page.locator('input[type=file]').setInputFiles({ name: 'orders.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await done('orders.csv');
  assert.equal(await tab.page.locator('#merchant-load-status').textContent(), 'orders.csv: 2 orders, 3 parcels loaded; 2 rows skipped because of errors (listed below).');
  const errors = await tab.page.locator('#merchant-row-errors li').allTextContents();
  assert.equal(errors.length, 2);
  assert.match(errors[0], /^Line 3: .*lat/);
  assert.match(errors[1], /^Line 5: .*parcels/);
});

test("a file that cannot be read says what a readable one needs, as an error, and hides the last file's columns", async () => {
  const csv = 'id,lat,lon\na,51.5,-0.1\nb,51.52,-0.12\n';
  const columns = tab.page.locator('#merchant-columns');
  const status = tab.page.locator('#merchant-load-status');
  for (const [name, bytes] of [['picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])], ['empty.csv', Buffer.alloc(0)]]) {
    // Each after a good file, whose columns show and whose status is no error.
    await tab.page.locator('input[type=file]').setInputFiles({ name: 'good.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await done('good.csv');
    assert.equal(await columns.isVisible(), true);
    await tab.page.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
    await tab.page.waitForFunction(() => document.getElementById('merchant-load-status').classList.contains('error'));
    assert.match(await status.textContent(), /header row naming a postcode \(or town\) column, or latitude and longitude columns/, name);
    assert.equal(await columns.isVisible(), false, `${name}: good.csv's columns are gone`);
    assert.equal(await tab.page.locator('#merchant-table tbody tr').count(), 0, `${name}: no figures`);
  }
  await screenshot(tab.page, 'merchant-bad-file');
  // The next good file is an answer again, not an error.
  await tab.page.locator('input[type=file]').setInputFiles({ name: 'good2.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await done('good2.csv');
  assert.equal(await status.evaluate((el) => el.classList.contains('error')), false);
  assert.equal(await columns.isVisible(), true);
});

test("a shop export's quoted name may hold a bare CR, and a parcel count is a plain decimal", async () => {
  // The name "a<CR>b" spans lines 2 and 3, so "c" (parcels 0x10, not 16) is on line 4 and "d" on line 5.
  const csv = 'Name,Parcels,Latitude,Longitude\n"a\rb",1,51.5,-0.1\nc,0x10,51.52,-0.12\nd,2,51.53,-0.11\n';
  await tab.page.locator('input[type=file]').setInputFiles({ name: 'shop.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await done('shop.csv');
  assert.match(await tab.page.locator('#merchant-load-status').textContent(), /^shop\.csv: 2 orders, 3 parcels loaded; 1 row skipped/);
  const errors = await tab.page.locator('#merchant-row-errors li').allTextContents();
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^Line 4: .*parcels/);
});

test('an answer to superseded settings is never shown, even when the calculator loads slowly', async () => {
  // The .wasm arrives 1.5 s late; a run with capacity 0 (an error) is superseded by one with 100 within 0.3 s.
  const slow = await session.open('/#merchant', {
    before: (page) =>
      page.route('**/*_bg.wasm', async (route) => {
        await new Promise((resolve) => setTimeout(resolve, 1500));
        await route.continue();
      }),
  });
  await merchantReady(slow.page);
  // The merchant's depot, given before the file.
  for (const [label, value] of [['Depot latitude', '51.54'], ['Depot longitude', '-0.01']]) {
    await slow.page.getByLabel(label).fill(value);
    await slow.page.getByLabel(label).dispatchEvent('change');
  }
  const capacity = slow.page.getByLabel('Capacity, parcels per round');
  await capacity.fill('0');
  await capacity.dispatchEvent('change');
  const csv = 'id,lat,lon,parcels\na,51.5,-0.1,1\nb,51.52,-0.12,2\n';
  await slow.page.locator('input[type=file]').setInputFiles({ name: 'late.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await capacity.fill('100');
  await capacity.dispatchEvent('change');
  await slow.page.evaluate(() => {
    window.__statuses = [];
    const status = document.querySelector('#merchant-load-status');
    new MutationObserver(() => window.__statuses.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
  });
  await slow.page.waitForFunction(() => document.querySelector('#merchant-progress-label').textContent === 'Done.', null, { timeout: 30_000 });
  assert.equal(await capacity.inputValue(), '100');
  assert.match(await slow.page.locator('#merchant-load-status').textContent(), /^late\.csv: 2 orders, 3 parcels loaded\.$/);
  assert.ok((await slow.page.locator('#merchant-table tr[data-id="consolidated"]').count()) === 1);
  const statuses = await slow.page.evaluate(() => window.__statuses);
  assert.ok(!statuses.some((s) => /range|Could not/i.test(s)), statuses.join(' | '));
  await slow.page.close();
});

test('100k orders run in the worker with progress shown, and the page stays responsive', async () => {
  // From a file on disk: a buffer would be decoded into a File by Playwright's own script in the page, which is
  // itself a long main-thread task and not the page's.
  const big = new URL('big.csv', OUTPUT);
  mkdirSync(OUTPUT, { recursive: true });
  writeFileSync(big, execFileSync('node', ['scripts/make-sample-orders.mjs', '100000'], { maxBuffer: 64 << 20 }));
  // The merchant's own depot (the orders are around east London), found before the clock starts.
  await tab.page.getByLabel('Depot postcode or town').fill('E15');
  await tab.page.waitForFunction(() => document.querySelector('#merchant-depot-place').textContent.startsWith('Depot: E15'));
  await tab.page.waitForFunction(() => !/…$/.test(document.querySelector('#merchant-progress-label').textContent));
  await tab.page.evaluate(() => {
    window.__labels = [];
    new MutationObserver(() => window.__labels.push(document.querySelector('#merchant-progress-label').textContent)).observe(
      document.querySelector('#merchant-progress-label'),
      { childList: true, characterData: true, subtree: true },
    );
    window.__longTasks.length = 0;
  });
  await tab.page.locator('input[type=file]').setInputFiles(big.pathname);
  await done('big.csv', 120_000);
  assert.match(await tab.page.locator('#merchant-load-status').textContent(), /^big\.csv: 100,000 orders, [\d,]+ parcels loaded\.$/);
  const labels = await tab.page.evaluate(() => window.__labels);
  assert.ok(labels.some((l) => l.startsWith('Planning rounds for 100,000 orders')), labels.join(' | '));
  const longest = Math.max(0, ...(await tab.page.evaluate(() => window.__longTasks)));
  console.log(`100k orders: the longest main-thread task took ${Math.round(longest)} ms`);
  assert.ok(longest <= 200, `a main-thread task took ${longest} ms`);
  await tab.page.getByLabel('Capacity, parcels per round').fill('100');
});

test('no request leaves the origin, no console errors, nothing blocked by the CSP', async () => {
  assert.deepEqual(tab.foreignRequests, []);
  assert.deepEqual(tab.consoleErrors, []);
  assert.deepEqual(await cspViolations(tab.page), []);
});

test('shop exports as the shops write them: Shopify, WooCommerce and Etsy files are grouped into orders, and the counts are said', async () => {
  // Files written to each export's layout (tests/fixtures): several line items per order, and in each three orders
  // that cannot be placed (no address, a postcode no table has, a country with no tables).
  const { page } = await session.open('/#merchant');
  await merchantReady(page);
  await page.getByLabel('Depot postcode or town').fill('E15');
  await page.waitForFunction(() => document.querySelector('#merchant-depot-place').textContent.includes('E15'));
  const load = async (name) => {
    await page.setInputFiles('input[name=file]', fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)));
    await page.waitForFunction(
      (name) =>
        document.querySelector('#merchant-load-status').textContent.startsWith(`${name}:`) &&
        document.querySelector('#merchant-progress-label').textContent === 'Done.',
      name,
      { timeout: 30_000 },
    );
    return {
      status: await page.locator('#merchant-load-status').textContent(),
      errors: await page.locator('#merchant-row-errors li').allTextContents(),
    };
  };
  // Shopify: 23 line-item rows of 12 orders (#1001 has three items, #1004 four); `Id` is on each order's first row
  // only, so the orders are told by `Name`. One parcel per order: item quantities are not parcels.
  const shopify = await load('shopify-orders-export.csv');
  assert.match(
    shopify.status,
    /^shopify-orders-export\.csv: a Shopify orders export, 23 rows in 12 orders; 9 orders, 9 parcels loaded; 8 located by postcode, about [\d.]+ km \(median district radius\); 1 with a town and no postcode, located to the town's centre; 3 addresses not found \(listed below\)\.$/,
  );
  assert.deepEqual(shopify.errors, [
    'Line 12: this order has no postcode, town or latitude and longitude, so it could not be placed',
    'Line 15: "ZZ9 9ZZ" is not a postcode we know in the United Kingdom, so this order could not be placed',
    'Line 19: this order goes to Canada, where we have no postcode or town table, so it could not be placed',
  ]);
  assert.equal(await page.locator('[name=col-id] option:checked').textContent(), 'Name');
  assert.equal(await page.locator('[name=col-postcode] option:checked').textContent(), 'Shipping Zip');
  assert.equal(await page.locator('[name=col-country] option:checked').textContent(), 'Shipping Country');
  assert.equal(await page.locator('[name=col-parcels] option:checked').textContent(), '(none)');
  assert.equal(await page.locator('#merchant-table tbody tr').count(), 6);
  await screenshot(page, 'merchant-shopify-export');
  // WooCommerce, one row per item: 15 rows of 8 orders, grouped by order_id.
  const woo = await load('woocommerce-orders.csv');
  assert.match(woo.status, /^woocommerce-orders\.csv: a WooCommerce orders export, 15 rows in 8 orders; 5 orders, 5 parcels loaded; all located by postcode, about [\d.]+ km \(median district radius\); 3 addresses not found \(listed below\)\.$/);
  assert.deepEqual(woo.errors, [
    'Line 8: this order has no postcode, town or latitude and longitude, so it could not be placed',
    'Line 11: "XX1 1XX" is not a postcode we know in the United Kingdom, so this order could not be placed',
    'Line 13: this order goes to Ireland, where we have no postcode or town table, so it could not be placed',
  ]);
  // Etsy's "Order Items" (one row per item, the country as a name) and "Orders" (one row per order).
  const items = await load('etsy-sold-order-items.csv');
  assert.match(items.status, /^etsy-sold-order-items\.csv: an Etsy orders export, 12 rows in 7 orders; 4 orders, 4 parcels loaded; all located by postcode, about [\d.]+ km \(median district radius\); 3 addresses not found \(listed below\)\.$/);
  assert.deepEqual(items.errors, [
    'Line 8: "QQ1 1QQ" is not a postcode we know in the United Kingdom, so this order could not be placed',
    'Line 9: "Qwxyzton" is not a town we know, and this order has no postcode, so it could not be placed',
    'Line 11: this order goes to Ireland, where we have no postcode or town table, so it could not be placed',
  ]);
  const etsyOrders = await load('etsy-sold-orders.csv');
  assert.match(etsyOrders.status, /^etsy-sold-orders\.csv: an Etsy orders export, 7 rows in 7 orders; 4 orders, 4 parcels loaded; .*; 3 addresses not found \(listed below\)\.$/);
  await page.close();
});

test('a shop export in German and Chinese: the counts in the page\'s language', async () => {
  for (const [lang, expected] of [
    ['de-DE', /^shopify-orders-export\.csv: Shopify-Bestellexport, 23 Zeilen mit 12 Bestellungen; 9 Bestellungen mit 9 Paketen geladen; 8 über die Postleitzahl verortet, auf etwa [\d,]+ km \(mittlerer Bezirksradius\); 1 mit Ort, aber ohne Postleitzahl, in der Ortsmitte verortet; 3 Adressen nicht gefunden \(unten aufgeführt\)\.$/],
    ['zh-CN', /^shopify-orders-export\.csv：Shopify 订单导出文件，共 23 行、12 个订单；已载入 9 个订单、9 件包裹；8 个订单已按邮编定位，误差约 [\d.]+\s?公里（邮编区半径的中位数）；1 个订单只有城镇、没有邮编，已定位到城镇中心；3 个地址未能找到（见下方列表）。$/],
  ]) {
    const { page } = await session.open(`/?lang=${lang}&country=GB#merchant`);
    await merchantReady(page);
    await page.setInputFiles('input[name=file]', fileURLToPath(new URL('../fixtures/shopify-orders-export.csv', import.meta.url)));
    await page.waitForFunction(() => document.querySelector('#merchant-load-status').textContent.startsWith('shopify-orders-export.csv'));
    assert.match(await page.locator('#merchant-load-status').textContent(), expected);
    const errors = await page.locator('#merchant-row-errors li').allTextContents();
    assert.equal(errors.length, 3);
    assert.match(errors[2], lang === 'de-DE' ? /Lieferland Kanada:/ : /此订单寄往加拿大/);
    await page.close();
  }
});
