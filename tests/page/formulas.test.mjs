// The "Learn the formulas" panel, as a user meets it in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot } from './browser.mjs';
import { CSP } from '../../scripts/serve.mjs';

let session;
let tab;
before(async () => {
  session = await startSession();
  tab = await session.open('/#classroom');
  await tab.page.waitForFunction(() => document.querySelector('#energy output').value !== '');
});
after(() => session?.close());

const result = (id) => tab.page.locator(`#${id} output`).textContent();
const error = (id) => tab.page.locator(`#${id} .error`).textContent();

test('the page is served with the CSP and the wasm MIME type', async () => {
  assert.equal(tab.response.headers()['content-security-policy'], CSP);
  const wasm = await fetch(new URL('pkg/green_delivery_bg.wasm', session.url));
  assert.equal(wasm.headers.get('content-type'), 'application/wasm');
});

test('efficiency: parcels per vehicle-km', async () => {
  await tab.page.getByLabel('Output', { exact: true }).fill('150');
  await tab.page.getByLabel('Input', { exact: true }).fill('60');
  assert.equal(await result('efficiency'), '150 parcels ÷ 60 vehicle-km = 2.5 parcels/vehicle-km');
});

test('energy: a 200 W server for 90 s at PUE 1.5', async () => {
  assert.equal(await result('energy'), '200 W × 90 s × 1.5 (PUE) = 0.0075 kWh (27,000 J)');
  await tab.page.getByLabel('Power unit').selectOption('kW');
  await tab.page.getByLabel('Time unit').selectOption('h');
  await tab.page.getByLabel(/^PUE/).fill('');
  await tab.page.getByLabel('Power', { exact: true }).fill('11');
  await tab.page.getByLabel('Time', { exact: true }).fill('2.5');
  assert.equal(await result('energy'), '11 kW × 2.5 h = 27.5 kWh (99,000,000 J)');
});

test('emission: 10 km in a diesel van is about 3.2 kg CO2e WTW (3.1689), in figures that add up as written', async () => {
  assert.equal(
    await result('emission'),
    '10 vehicle-km × (about 0.26 TTW + 0.061 WTT) kg CO2e/vehicle-km ≈ 2.6 + 0.6 = 3.2 kg CO2e WTW',
  );
});

test('emission from the energy above uses the UK grid factor per kWh, and says so', async () => {
  const form = tab.page.locator('#emission');
  const grid = await tab.page.evaluate(async () => {
    const api = await import('/pkg/green_delivery.js');
    return api.factors().find((f) => f.id === 'uk-grid-2025');
  });
  assert.equal(grid.unit, 'kWh');
  await form.getByLabel(/Use the energy above/).check();
  // The factor fields hold the grid's factor, and every label says it is per kWh.
  assert.equal(Number(await form.locator('[name="ttw"]').inputValue()), grid.parts.ttw);
  assert.ok(Math.abs(Number(await form.locator('[name="wtt"]').inputValue()) - grid.parts.wtt) < 1e-12);
  assert.equal(await form.locator('[name="wtt"]').inputValue(), '0.2454', 'as published, without float noise');
  assert.equal(await form.getByLabel('Factor TTW, kg CO2e per kWh').count(), 1);
  assert.equal(await form.getByLabel('Factor WTT, kg CO2e per kWh').count(), 1);
  assert.match(await form.locator('.hint').last().textContent(), /^Default factor: UK grid electricity 2025, per kWh used/);
  assert.doesNotMatch(await form.textContent(), /diesel van|vehicle-km|per unit/);
  // The activity is the energy above: its fields are disabled and labelled so.
  const activity = form.getByLabel('Activity: the energy above, kWh');
  assert.equal(await activity.isDisabled(), true);
  assert.equal(await form.locator('[name="activityUnit"]').isDisabled(), true);
  assert.equal(await form.locator('[name="activityUnit"]').inputValue(), 'kWh');
  assert.equal(await activity.inputValue(), '27.5', 'the energy set by the energy test');
  // 27.5 kWh × 0.2454 kg CO2e/kWh = 6.7485 kg.
  const kg = 27.5 * grid.kgPerUnit;
  assert.equal(Number(kg.toPrecision(2)), 6.7);
  assert.equal(await result('emission'), '27.5 kWh × (about 0 TTW + 0.25 WTT) kg CO2e/kWh ≈ 0 + 6.7 = 6.7 kg CO2e WTW');
  await form.scrollIntoViewIfNeeded();
  await screenshot(tab.page, 'formulas-from-energy');
  // A factor typed for the grid is the reader's own: the line follows it.
  await form.getByLabel(/WTT/).fill('0.177');
  assert.equal(await result('emission'), '27.5 kWh × (0 TTW + 0.177 WTT) kg CO2e/kWh ≈ 0 + 4.9 = 4.9 kg CO2e WTW');
  // Back to distance: the van's factor, the activity and the labels return.
  await form.getByLabel(/Use the energy above/).uncheck();
  assert.equal(await form.locator('[name="ttw"]').inputValue(), '0.25561');
  assert.equal(await form.locator('[name="wtt"]').inputValue(), '0.06128');
  assert.equal(await form.getByLabel('Activity', { exact: true }).isDisabled(), false);
  assert.equal(await form.getByLabel('Activity', { exact: true }).inputValue(), '10');
  assert.equal(await form.locator('[name="activityUnit"]').inputValue(), 'vehicle-km');
  assert.match(await form.locator('.hint').last().textContent(), /^Default factor: average diesel van/);
  assert.equal(
    await result('emission'),
    '10 vehicle-km × (about 0.26 TTW + 0.061 WTT) kg CO2e/vehicle-km ≈ 2.6 + 0.6 = 3.2 kg CO2e WTW',
  );
  // Checked again, the grid factor the reader typed is kept.
  await form.getByLabel(/Use the energy above/).check();
  assert.equal(await form.locator('[name="wtt"]').inputValue(), '0.177');
  await form.getByLabel(/Use the energy above/).uncheck();
});

test('bad input shows a sentence naming the field and its range, and the calculator recovers', async () => {
  await tab.page.getByLabel('Input', { exact: true }).fill('0');
  assert.equal(await error('efficiency'), 'The input must be greater than 0.');
  assert.equal(await result('efficiency'), '');
  await tab.page.getByLabel('Input', { exact: true }).fill('');
  assert.equal(await error('efficiency'), 'The input must be a number.');
  await tab.page.getByLabel('Input', { exact: true }).fill('30');
  assert.equal(await error('efficiency'), '');
  assert.equal(await result('efficiency'), '150 parcels ÷ 30 vehicle-km = 5 parcels/vehicle-km');
  const pue = tab.page.getByLabel(/^PUE/);
  await pue.fill('0.5');
  assert.equal(await error('energy'), 'The PUE must be at least 1.');
  await pue.fill('');
  await tab.page.getByLabel('Power', { exact: true }).fill('-5');
  assert.equal(await error('energy'), 'The power must be 0 or more.');
  await tab.page.locator('#energy').scrollIntoViewIfNeeded();
  await screenshot(tab.page, 'formulas-errors');
  await tab.page.getByLabel('Power', { exact: true }).fill('11');
  assert.equal(await error('energy'), '');
  // No developer's message ("got 0") anywhere.
  assert.doesNotMatch(await tab.page.locator('#formulas').textContent(), /got -?\d|must be a finite number/);
  await screenshot(tab.page, 'formulas');
});

test('the emission hint speaks plainly: no "brief"', async () => {
  const hint = await tab.page.locator('#emission .hint').first().textContent();
  assert.match(hint, /^Written as Waste × Concentration, it is the same model:/);
  assert.doesNotMatch(await tab.page.locator('#formulas').textContent(), /brief/i);
});

test('no request leaves the origin and the console stays clean', () => {
  assert.deepEqual(tab.foreignRequests, []);
  assert.deepEqual(tab.consoleErrors, []);
});
