// Classroom view: k-means step by step, the inertia curve and the elbow, as a teacher uses them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot } from './browser.mjs';

let session;
let tab;
before(async () => {
  session = await startSession();
  tab = await session.open('/#classroom');
  await tab.page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle').length === 40);
});
after(() => session?.close());

const status = () => tab.page.locator('#classroom-status').textContent();
const inertiaSeries = async () => {
  const label = await tab.page.locator('#classroom-inertia').getAttribute('aria-label');
  return label.replace('Inertia by iteration: ', '').split(', ').map((v) => Number(v.replaceAll(',', '')));
};

test('the first step assigns every point', async () => {
  await tab.page.getByRole('button', { name: 'Step' }).click();
  const text = await status();
  const match = text.match(/^Iteration 1: 40 points changed cluster, inertia [\d,.]+, (\d+) distances computed\.$/);
  assert.ok(match, text);
  // Plain Lloyd computes 40 points × 4 centroids. The tree filter's box tests count as two distances each, so
  // on a first step over so few points the count can go somewhat above 160.
  assert.ok(Number(match[1]) > 0 && Number(match[1]) <= 2 * 160, text);
  const fills = await tab.page.locator('#classroom-plot circle').evaluateAll((cs) => new Set(cs.map((c) => c.getAttribute('fill'))).size);
  assert.equal(fills, 4, 'four clusters, four colours');
});

test('playing runs to convergence and inertia never rises', async () => {
  await tab.page.getByRole('button', { name: 'Play' }).click();
  await tab.page.waitForFunction(() => document.querySelector('#classroom-status').textContent.includes('Converged'), null, { timeout: 20_000 });
  const series = await inertiaSeries();
  assert.ok(series.length >= 2, series.join());
  for (let i = 1; i < series.length; i++) assert.ok(series[i] <= series[i - 1], `step ${i + 1} rose: ${series}`);
  assert.equal(await tab.page.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed'), 'false');
});

test('clicking the plot adds a point and restarts', async () => {
  const box = await tab.page.locator('#classroom-plot').boundingBox();
  await tab.page.mouse.click(box.x + box.width * 0.9, box.y + box.height * 0.9);
  assert.equal(await tab.page.locator('#classroom-plot circle').count(), 41);
  assert.match(await tab.page.locator('#classroom-plot').getAttribute('aria-label'), /^41 points, 4 initial centroids/);
});

test('k larger than the points is explained, not thrown', async () => {
  await tab.page.getByRole('button', { name: 'Clear points' }).click();
  const plot = await tab.page.locator('#classroom-plot').boundingBox();
  await tab.page.mouse.click(plot.x + 20, plot.y + 20);
  assert.equal(await status(), 'k: 4 is more than the number of points (1)');
  await tab.page.getByRole('button', { name: 'Add 40 sample points' }).click();
  assert.equal(await status(), '');
});

test('the elbow falls as k grows', async () => {
  await tab.page.getByRole('button', { name: /Compute the elbow/ }).click();
  const rows = await tab.page.locator('#classroom-elbow-table tbody tr').allTextContents();
  assert.equal(rows.length, 8);
  const values = await tab.page.locator('#classroom-elbow-table tbody td:nth-child(2)').allTextContents();
  const numbers = values.map((v) => Number(v.replaceAll(',', '')));
  for (let i = 1; i < numbers.length; i++) assert.ok(numbers[i] < numbers[i - 1], numbers.join());
  await screenshot(tab.page, 'classroom');
});

test('no request leaves the origin and the console stays clean', () => {
  assert.deepEqual(tab.foreignRequests, []);
  assert.deepEqual(tab.consoleErrors, []);
});
