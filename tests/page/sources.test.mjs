// Sources view: the factor table grouped by kind, a search box, columns that are never clipped (1280 px), a
// stacked layout on a phone, and no axe-core violation. Overrides are tested in shopper.test.mjs and
// hostile-input.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startSession, screenshot } from './browser.mjs';

const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
const SIZES = { phone: { width: 375, height: 812 }, laptop: { width: 1280, height: 800 }, projector: { width: 960, height: 540 } };

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

const open = async (size = SIZES.laptop) => {
  const tab = await session.open('/#sources', { before: (p) => p.setViewportSize(size) });
  await tab.page.waitForFunction(() => document.querySelectorAll('#sources-table tbody tr').length > 20);
  return tab;
};
const visibleRows = (page) =>
  page.locator('#sources-table tbody tr:not(.group)').evaluateAll((rows) => rows.filter((r) => r.checkVisibility()).map((r) => r.id));
const visibleGroups = (page) =>
  page.locator('#sources-table tbody').evaluateAll((bodies) => bodies.filter((b) => b.checkVisibility()).map((b) => b.dataset.kind));

test('the factors are grouped by kind, each group headed', async () => {
  const { page } = await open();
  const groups = await page.locator('#sources-table tr.group th').allTextContents();
  for (const kind of ['Vehicles', 'Grids', 'Fuels', 'Materials and waste', 'Digital']) {
    assert.ok(groups.some((g) => g.startsWith(kind)), `${kind} in ${groups}`);
  }
  const inGroup = (id) => page.locator(`#${id}`).evaluate((row) => row.closest('tbody').dataset.kind);
  assert.equal(await inGroup('factor-diesel-van'), 'vehicles');
  assert.equal(await inGroup('factor-uk-grid-2025'), 'grids');
  assert.equal(await inGroup('factor-grid-fr'), 'grids');
  assert.equal(await inGroup('factor-diesel-fuel'), 'fuels');
  assert.equal(await inGroup('factor-board-recycling'), 'materials');
  assert.equal(await inGroup('factor-ccf-aws-pue'), 'digital');
  assert.equal(await inGroup('assumption-phoneChargeKwh'), 'comparisons');
  assert.equal(await page.locator('#assumption-phoneChargeKwh td').first().textContent(), 'Everyday comparisons: energy to charge a phone once');
  assert.equal(await inGroup('factor-hgv-artic'), 'freight');
  assert.deepEqual(await visibleGroups(page), ['vehicles', 'freight', 'grids', 'fuels', 'materials', 'digital', 'chain', 'comparisons']);
  // Every setting of the delivery chain, with its range and source, as the API's table has it.
  const table = await page.evaluate(async () => (await (await import('/wasm.js')).loadGreenDelivery()).chainSettings());
  assert.equal(await page.locator('tbody[data-kind="chain"] tr:not(.group)').count(), table.length);
  const rounds = await page.locator('#setting-round-parcels td').allTextContents();
  assert.deepEqual(rounds.slice(1, 3), ['round.parcels', '100 (32–168) (urban 127 (100–168); rural 32 (20–80))']);
  assert.equal(rounds[4], table.find((r) => r.id === 'round.parcels').source);
  // A setting with no spread is its value alone, never "1 (1–1)".
  const values = await page.locator('tbody[data-kind="chain"] tr:not(.group) td:nth-child(3)').allTextContents();
  assert.deepEqual(values.filter((v) => /\(([^()–]+)–\1\)/.test(v)), []);
  const flat = table.find((r) => r.low === r.high && !r.urban);
  if (flat) assert.doesNotMatch(await page.locator(`#setting-${flat.id.replace(/\./g, '-')} td:nth-child(3)`).textContent(), /\(/);
  await page.close();
});

test('the search box filters rows by name, id or source, and says how many match', async () => {
  const { page } = await open();
  const all = (await visibleRows(page)).length;
  assert.match(await page.locator('#sources-count').textContent(), new RegExp(`^${all} factors and assumptions\\.$`));
  const box = page.getByLabel('Search factors (name, id or source)');
  await box.fill('diesel');
  const diesel = await visibleRows(page);
  assert.ok(diesel.includes('factor-diesel-van') && diesel.includes('factor-diesel-fuel') && diesel.includes('factor-diesel-car'), diesel.join());
  // Ids with "diesel", and the line-haul lorry, whose name says it is diesel.
  assert.ok(diesel.every((id) => /diesel/.test(id) || id === 'factor-hgv-artic'), diesel.join());
  assert.deepEqual(await visibleGroups(page), ['vehicles', 'freight', 'fuels'], 'groups without a match hide');
  assert.equal(await page.locator('#sources-count').textContent(), `${diesel.length} of ${all} match "diesel".`);
  // By id, by source, and every word must match.
  await box.fill('ccf-aws');
  assert.deepEqual(await visibleRows(page), ['factor-ccf-aws-min-watts', 'factor-ccf-aws-max-watts', 'factor-ccf-aws-pue']);
  await box.fill('Ember');
  assert.deepEqual(await visibleGroups(page), ['grids']);
  assert.ok((await visibleRows(page)).length >= 5);
  await box.fill('ember france');
  assert.deepEqual(await visibleRows(page), ['factor-grid-fr']);
  await box.fill('5_303_3102_4_1');
  assert.deepEqual(await visibleRows(page), ['factor-diesel-van'], 'a DESNZ row code finds its factor');
  await box.fill('qwxyz');
  assert.deepEqual(await visibleRows(page), []);
  assert.match(await page.locator('#sources-count').textContent(), /^No factor matches "qwxyz"\./);
  await box.fill('');
  assert.equal((await visibleRows(page)).length, all);
  await page.close();
});

test('an override still works while the table is filtered, and the filter survives the re-render', async () => {
  const { page } = await open();
  await page.getByLabel('Search factors (name, id or source)').fill('petrol van');
  const field = page.locator('#factor-petrol-van').getByRole('spinbutton');
  await field.fill('0.3');
  await field.dispatchEvent('change');
  assert.match(await page.locator('#factor-petrol-van').textContent(), /your override/);
  // The row still says what it replaces and where that came from; the licence is the user's own.
  const cells = await page.locator('#factor-petrol-van td').allTextContents();
  assert.match(cells[4], /^your override, in place of the default 0\.\d+ \(UK Government GHG Conversion Factors .*2025 \(DESNZ\).*rows /);
  assert.equal(cells[6], 'your own value');
  assert.deepEqual(await visibleRows(page), ['factor-petrol-van']);
  await page.getByRole('button', { name: 'Reset all overrides' }).click();
  assert.doesNotMatch(await page.locator('#factor-petrol-van').textContent(), /your override/);
  assert.equal(await page.evaluate(() => localStorage.getItem('green-delivery:factor-overrides')), null);
  await page.close();
});

test('at 1280 px no column is clipped: the table fits, and every cell fits its column', async () => {
  const { page } = await open(SIZES.laptop);
  const fit = await page.evaluate(() => {
    const table = document.getElementById('sources-table');
    const cells = [...table.querySelectorAll('th, td')].filter((c) => c.checkVisibility());
    return {
      table: table.getBoundingClientRect().right,
      page: document.documentElement.clientWidth,
      pageScroll: document.documentElement.scrollWidth,
      clipped: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => `${c.parentElement.id || 'head'}[${c.cellIndex}]`),
      year: Math.min(...cells.filter((c) => c.cellIndex === 5 && c.tagName === 'TD').map((c) => c.clientWidth)),
      licence: Math.min(...cells.filter((c) => c.cellIndex === 6 && c.tagName === 'TD').map((c) => c.clientWidth)),
    };
  });
  assert.ok(fit.table <= fit.page, `table ends at ${fit.table}px of ${fit.page}px`);
  assert.equal(fit.pageScroll, fit.page, 'no sideways scrolling');
  assert.deepEqual(fit.clipped, []);
  assert.ok(fit.year >= 40 && fit.licence >= 60, JSON.stringify(fit));
  const headers = await page.locator('#sources-table thead th').evaluateAll((ths) => ths.map((th) => th.scrollWidth <= th.clientWidth));
  assert.deepEqual(headers, headers.map(() => true), 'headings fit');
  await page.close();
});

test('on a phone each factor is a card, with every value labelled and nothing wider than the screen', async () => {
  const { page } = await open(SIZES.phone);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 1, `${overflow}px wider than the phone`);
  const diesel = page.locator('#factor-diesel-van');
  const box = await diesel.boundingBox();
  assert.ok(box.width <= SIZES.phone.width, JSON.stringify(box));
  const cells = await diesel.locator('td').evaluateAll((tds) => tds.map((td) => [td.dataset.label, getComputedStyle(td, '::before').content]));
  assert.deepEqual(cells.map(([label]) => label), ['Factor', 'Id', 'Value', 'Unit', 'Source', 'Year', 'Licence']);
  assert.equal(cells[6][1], '"Licence"', 'each value is shown with its column name');
  const clipped = await page.locator('#sources-table td').evaluateAll((tds) =>
    tds.filter((c) => c.checkVisibility() && c.scrollWidth > c.clientWidth + 1).map((c) => c.parentElement.id));
  assert.deepEqual(clipped, []);
  await page.close();
});

test('axe-core finds no WCAG 2.2 AA violation, at a laptop and a phone width, filtered or not', async () => {
  for (const size of [SIZES.laptop, SIZES.phone]) {
    const { page } = await open(size);
    await page.evaluate(AXE);
    const run = () => page.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(await run(), [], `${size.width}px`);
    await page.getByLabel('Search factors (name, id or source)').fill('grid');
    assert.deepEqual(await run(), [], `${size.width}px, filtered`);
    await page.close();
  }
});

test('screenshots at a phone, a laptop and a projector', async () => {
  for (const [name, size] of Object.entries(SIZES)) {
    const { page, consoleErrors, foreignRequests } = await open(size);
    await screenshot(page, `sources-${name}`);
    await page.getByLabel('Search factors (name, id or source)').fill('diesel');
    await screenshot(page, `sources-${name}-search`);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
    await page.close();
  }
});
