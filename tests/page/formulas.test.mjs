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

test('emission chained from energy through a grid intensity', async () => {
  const form = tab.page.locator('#emission');
  await form.getByLabel(/TTW/).fill('0');
  await form.getByLabel(/WTT/).fill('0.177');
  await form.getByLabel(/Use the energy above/).check();
  // 27.5 kWh (set by the energy test) × 0.177 kg/kWh
  assert.equal(await result('emission'), '27.5 kWh × (0 TTW + 0.177 WTT) kg CO2e/kWh ≈ 0 + 4.9 = 4.9 kg CO2e WTW');
  await form.getByLabel(/Use the energy above/).uncheck();
});

test('bad input shows an error naming the field, and the calculator recovers', async () => {
  await tab.page.getByLabel('Input', { exact: true }).fill('0');
  assert.equal(await error('efficiency'), 'input must be greater than 0, got 0');
  assert.equal(await result('efficiency'), '');
  await tab.page.getByLabel('Input', { exact: true }).fill('');
  assert.equal(await error('efficiency'), 'input must be a finite number, got NaN');
  await tab.page.getByLabel('Input', { exact: true }).fill('30');
  assert.equal(await error('efficiency'), '');
  assert.equal(await result('efficiency'), '150 parcels ÷ 30 vehicle-km = 5 parcels/vehicle-km');
  await screenshot(tab.page, 'formulas');
});

test('no request leaves the origin and the console stays clean', () => {
  assert.deepEqual(tab.foreignRequests, []);
  assert.deepEqual(tab.consoleErrors, []);
});
