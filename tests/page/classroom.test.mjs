// Classroom view: k-means step by step as a teacher uses it: each step in two visible phases (assign, then
// update), centroid trails, random start vs k-means++, axes with values, a sentence for the distances measured,
// the elbow, and a projector layout (1920×1080 at 200%: 960×540 CSS px) with plot and narration on one screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot } from './browser.mjs';

let session;
let tab;
before(async () => {
  session = await startSession();
  tab = await session.open('/#classroom');
  await tab.page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle.point').length === 40);
});
after(() => session?.close());

const status = () => tab.page.locator('#classroom-status').textContent();
const phase = () => tab.page.locator('#classroom-phase').textContent();
const stepButton = () => tab.page.getByRole('button', { name: 'Step', exact: true });
const inertiaSeries = async () => {
  const label = await tab.page.locator('#classroom-inertia').getAttribute('aria-label');
  return label.replace('Inertia by iteration: ', '').split(', ').map((v) => Number(v.replaceAll(',', '')));
};
/** Centroid squares' centres, in SVG units. */
const centroids = () =>
  tab.page.locator('#classroom-plot rect.centroid').evaluateAll((rs) =>
    rs.map((r) => [Number(r.getAttribute('x')) + 2.4, Number(r.getAttribute('y')) + 2.4]));
const pointFills = () => tab.page.locator('#classroom-plot circle.point').evaluateAll((cs) => cs.map((c) => c.getAttribute('fill')));
const trails = () => tab.page.locator('#classroom-plot polyline.trail').evaluateAll((ps) => ps.map((p) => p.getAttribute('points')));

test('a step shows the assignment, then the update, as two phases', async () => {
  const start = await centroids();
  assert.equal(start.length, 3, 'k = 3 by default');
  assert.deepEqual(new Set(await pointFills()), new Set(['#777']), 'grey before the first assignment');

  // Press 1: points take their centroid's colour; the centroids have not moved.
  await stepButton().click();
  assert.equal(await phase(), 'Step 1, part 1 of 2: assign.');
  assert.match(await status(), /^Each point takes the colour of its nearest centroid: all 40 points get their first colour\./);
  assert.equal(new Set(await pointFills()).size, 3, 'three clusters, three colours');
  assert.deepEqual(await centroids(), start, 'the assignment does not move the centroids');
  assert.equal(await tab.page.locator('#phase-assign').getAttribute('aria-current'), 'step');
  assert.equal(await tab.page.locator('#classroom-plot line.link').count(), 40, 'each point linked to its centroid');
  const colours = await pointFills();

  // Press 2: the centroids move; the colours stay; each centroid leaves a trail.
  await stepButton().click();
  assert.equal(await phase(), 'Step 1, part 2 of 2: update.');
  assert.match(await status(), /^Each centroid moved to the middle of its colour \(dashed trail\), so the points are closer to their centroids: inertia is now [\d,.]+\./);
  assert.deepEqual(await pointFills(), colours, 'the update does not recolour points');
  assert.notDeepEqual(await centroids(), start, 'the centroids moved');
  assert.equal(await tab.page.locator('#phase-update').getAttribute('aria-current'), 'step');
  assert.equal(await tab.page.locator('#phase-assign').getAttribute('aria-current'), null);
  assert.equal((await trails()).length, 3, 'one trail per centroid');
  assert.equal(await tab.page.locator('#classroom-plot line.link').count(), 0);
  assert.equal((await inertiaSeries()).length, 1, "inertia is recorded after the update");
});

test('the distances measured are in a "How the computer does it" detail, not in the narration', async () => {
  await tab.page.getByRole('button', { name: 'Restart' }).click();
  const how = tab.page.locator('#classroom-how');
  assert.equal(await how.isVisible(), false, 'nothing to tell before a step');
  await stepButton().click();
  // Closed at first: the teacher opens it on demand.
  assert.equal(await how.getAttribute('open'), null);
  assert.equal(await tab.page.locator('#classroom-distances').isVisible(), false);
  await tab.page.locator('#classroom-how summary').click();
  assert.equal(await tab.page.locator('#classroom-how summary').textContent(), 'How the computer does it');
  const text = await tab.page.locator('#classroom-distances').textContent();
  const match = text.match(/^The computer measured (\d+) distances this step\. Measuring every point against every centroid takes 40 × 3 = 120; /);
  assert.ok(match, text);
  // The tree filter's box tests count as two distances each, so on so few points the count can exceed 120.
  assert.ok(Number(match[1]) > 0 && Number(match[1]) <= 2 * 120, text);
  assert.match(text, /tree filter/);
  // The detail is outside the live region: a screen reader hears the narration, not the counts, at each step.
  assert.equal(await tab.page.locator('#classroom-narration #classroom-distances').count(), 0);
  await tab.page.locator('#classroom-how summary').click();
});

test('the narration is in the teacher\'s words at every step: no implementation words', async () => {
  await tab.page.getByRole('button', { name: 'Restart' }).click();
  const jargon = /tree filter|box check|boxes|distances measured|evaluations|k-d tree/i;
  const said = [];
  for (let i = 0; i < 12; i++) {
    await stepButton().click();
    const text = await tab.page.locator('#classroom-narration').textContent();
    said.push(text);
    assert.doesNotMatch(text, jargon, text);
    if (/[Cc]onverged/.test(text)) break;
  }
  // What moved, and why: colours change because the centroids moved; centroids move to the middle of their colour.
  assert.ok(said.some((t) => /changed colour: the centroids moved, so another centroid is now nearest to (it|them)/.test(t)), said.join('\n'));
  assert.ok(said.some((t) => /moved to the middle of its colour/.test(t)), said.join('\n'));
  assert.match(await tab.page.locator('#classroom-distances').textContent(), jargon, 'the counts went to the detail');
});

test('playing runs to convergence through several steps, trails grow, and inertia never rises', async () => {
  await tab.page.getByRole('button', { name: 'Restart' }).click();
  await tab.page.getByRole('button', { name: 'Play' }).click();
  await tab.page.waitForFunction(() => /[Cc]onverged/.test(document.querySelector('#classroom-narration').textContent), null, { timeout: 30_000 });
  const series = await inertiaSeries();
  assert.ok(series.length >= 4, `the sample takes several steps from a random start: ${series.join()}`);
  for (let i = 1; i < series.length; i++) assert.ok(series[i] <= series[i - 1], `step ${i + 1} rose: ${series}`);
  assert.equal(await tab.page.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed'), 'false');
  const longest = Math.max(...(await trails()).map((t) => t.split(' ').length));
  assert.ok(longest >= 4, `a trail of ${longest} positions`);
  await screenshot(tab.page, 'classroom-converged');
});

test('the random start and k-means++ take different paths', async () => {
  const path = async () => {
    await tab.page.getByRole('button', { name: 'Restart' }).click();
    const start = await centroids();
    for (let i = 0; i < 6; i++) await stepButton().click();
    return { start, trails: await trails() };
  };
  assert.ok(await tab.page.getByLabel('Random points').isChecked());
  const random = await path();
  await tab.page.getByLabel('k-means++').check();
  assert.match(await status(), /k-means\+\+/);
  const plusPlus = await path();
  assert.notDeepEqual(plusPlus.start, random.start);
  assert.notDeepEqual(plusPlus.trails, random.trails);
  // The same choice and seed gives the same path again.
  await tab.page.getByLabel('Random points').check();
  assert.deepEqual(await path(), random);
});

test('both charts have axes with tick values; the elbow labels every k', async () => {
  const ticks = (svg, cls) => tab.page.locator(`${svg} text.${cls}`).allTextContents();
  assert.deepEqual(await ticks('#classroom-plot', 'x-tick'), ['0', '20', '40', '60', '80', '100']);
  assert.deepEqual(await ticks('#classroom-plot', 'y-tick'), ['0', '20', '40', '60', '80', '100']);
  const yTicks = await tab.page.locator('#classroom-inertia text.tick:not(.x-tick)').allTextContents();
  assert.ok(yTicks.length >= 3 && yTicks[0] === '0', yTicks.join());
  await tab.page.getByRole('button', { name: /Compute the elbow/ }).click();
  assert.deepEqual(await ticks('#classroom-elbow', 'x-tick'), ['1', '2', '3', '4', '5', '6', '7', '8']);
  const elbowY = await tab.page.locator('#classroom-elbow text.tick:not(.x-tick)').allTextContents();
  assert.ok(elbowY.length >= 3, elbowY.join());
  assert.match(await tab.page.locator('#classroom-elbow').textContent(), /inertia/);
});

test('the elbow falls as k grows', async () => {
  const rows = await tab.page.locator('#classroom-elbow-table tbody tr').allTextContents();
  assert.equal(rows.length, 8);
  const values = await tab.page.locator('#classroom-elbow-table tbody td:nth-child(2)').allTextContents();
  const numbers = values.map((v) => Number(v.replaceAll(',', '')));
  for (let i = 1; i < numbers.length; i++) assert.ok(numbers[i] < numbers[i - 1], numbers.join());
  await screenshot(tab.page, 'classroom');
});

test('the elbow never contradicts the run the class just watched: k = 3, seed 1, run to convergence', async () => {
  await tab.page.getByRole('button', { name: 'Restart' }).click();
  assert.equal(await tab.page.getByLabel('k (clusters)').inputValue(), '3');
  assert.equal(await tab.page.getByLabel('Seed').inputValue(), '1');
  await tab.page.getByRole('button', { name: 'Play' }).click();
  await tab.page.waitForFunction(() => /[Cc]onverged/.test(document.querySelector('#classroom-narration').textContent), null, { timeout: 30_000 });
  const run = (await inertiaSeries()).at(-1);
  await tab.page.getByRole('button', { name: /Compute the elbow/ }).click();
  const cells = await tab.page.locator('#classroom-elbow-table tbody td:nth-child(2)').allTextContents();
  const values = cells.map((v) => Number(v.replace(/ \(.*\)$/, '').replaceAll(',', '')));
  assert.ok(values[2] <= run, `the elbow's k = 3 (${cells[2]}) is worse than the run just watched (${run})`);
  for (let i = 1; i < values.length; i++) assert.ok(values[i] <= values[i - 1], `the elbow rises at k = ${i + 1}: ${cells.join(' | ')}`);
  // Each k is the best of several starts, and the caption says so.
  assert.match(await tab.page.locator('#classroom-elbow').locator('xpath=ancestor::figure').locator('figcaption').textContent(), /best of 10/);
  await tab.page.locator('#classroom-elbow-table').scrollIntoViewIfNeeded();
  await screenshot(tab.page, 'classroom-elbow-after-run');
});

test('clicking the plot adds a point where it was clicked, and restarts', async () => {
  await tab.page.locator('#classroom-plot').scrollIntoViewIfNeeded();
  const box = await tab.page.locator('#classroom-plot').boundingBox();
  await tab.page.mouse.click(box.x + box.width * 0.8, box.y + box.height * 0.8);
  assert.equal(await tab.page.locator('#classroom-plot circle.point').count(), 41);
  assert.match(await tab.page.locator('#classroom-plot').getAttribute('aria-label'), /^41 points, 3 initial centroids/);
  // Low on the screen is low on the y axis (km north runs upwards).
  const added = await tab.page.locator('#classroom-plot circle.point').last().evaluate((c) => Number(c.getAttribute('cy')));
  assert.ok(added > 90, `drawn at y ${added} of 100`);
});

test('k larger than the points is explained in words, not thrown', async () => {
  await tab.page.getByRole('button', { name: 'Clear points' }).click();
  const plot = await tab.page.locator('#classroom-plot').boundingBox();
  await tab.page.mouse.click(plot.x + plot.width / 2, plot.y + plot.height / 2);
  assert.equal(await status(), 'k = 3 is more than the number of points (1): add points or lower k.');
  assert.match(await tab.page.locator('#classroom-status').getAttribute('title'), /k/);
  await tab.page.getByRole('button', { name: 'Add 40 sample points' }).click();
  assert.match(await status(), /^41 points; the starting centroids are 3 points picked at random/);
});

test('k outside 1–8 is refused with the range in words, and the points stay', async () => {
  const kField = tab.page.getByLabel('k (clusters)');
  const count = await tab.page.locator('#classroom-plot circle.point').count();
  for (const [value, sentence] of [
    ['9', "k = 9 can't be used: the number of clusters must be a whole number from 1 to 8."],
    ['0', "k = 0 can't be used: the number of clusters must be a whole number from 1 to 8."],
    ['', 'k is empty: the number of clusters must be a whole number from 1 to 8.'],
  ]) {
    await kField.fill(value);
    await kField.dispatchEvent('change');
    assert.equal(await status(), sentence);
    assert.equal(await tab.page.locator('#classroom-plot rect.centroid').count(), 0, `no centroids drawn for k = ${value}`);
    assert.equal(await tab.page.locator('#classroom-plot circle.point').count(), count, 'the points are kept');
    await stepButton().click();
    assert.equal(await status(), sentence, 'Step does nothing');
  }
  await kField.fill('9');
  await kField.dispatchEvent('change');
  await screenshot(tab.page, 'classroom-k-9');
  await kField.fill('3');
  await kField.dispatchEvent('change');
  assert.equal(await tab.page.locator('#classroom-plot rect.centroid').count(), 3);
  assert.match(await status(), /^\d+ points; the starting centroids are 3 points picked at random/);
});

test('when the run the class watched beats the elbow\'s best start, the elbow shows that run, and says so', async () => {
  // 80 sample points, k = 5, seed 28, random start: this run settles at 13,926, below the best of the elbow's 10
  // k-means++ starts (14,049).
  await tab.page.getByRole('button', { name: 'Clear points' }).click();
  await tab.page.getByRole('button', { name: 'Add 40 sample points' }).click();
  await tab.page.getByRole('button', { name: 'Add 40 sample points' }).click();
  for (const [label, value] of [['k (clusters)', '5'], ['Seed', '28']]) {
    await tab.page.getByLabel(label).fill(value);
    await tab.page.getByLabel(label).dispatchEvent('change');
  }
  assert.match(await status(), /^80 points; the starting centroids are 5 points picked at random \(seed 28\)/);
  await tab.page.getByRole('button', { name: 'Play' }).click();
  await tab.page.waitForFunction(() => /[Cc]onverged/.test(document.querySelector('#classroom-narration').textContent), null, { timeout: 30_000 });
  const run = (await inertiaSeries()).at(-1);
  await tab.page.getByRole('button', { name: /Compute the elbow/ }).click();
  const cells = await tab.page.locator('#classroom-elbow-table tbody td:nth-child(2)').allTextContents();
  assert.equal(cells[4], `${run.toLocaleString('en-GB')} (your run above)`, cells.join(' | '));
  const values = cells.map((v) => Number(v.replace(/ \(.*\)$/, '').replaceAll(',', '')));
  for (let i = 1; i < values.length; i++) assert.ok(values[i] <= values[i - 1], `the elbow rises at k = ${i + 1}: ${cells.join(' | ')}`);
  assert.equal(cells.filter((c) => c.includes('your run')).length, 1, 'only the k of the run');
  await tab.page.locator('#classroom-elbow-table').scrollIntoViewIfNeeded();
  await screenshot(tab.page, 'classroom-elbow-your-run');
  // Other points: the run no longer counts.
  await tab.page.getByRole('button', { name: 'Add 40 sample points' }).click();
  await tab.page.getByRole('button', { name: /Compute the elbow/ }).click();
  assert.doesNotMatch(await tab.page.locator('#classroom-elbow-table').textContent(), /your run/);
});

test('on a projector (1920×1080 at 200%), plot and narration fit one 960×540 screen', async () => {
  const context = await tab.page.context().browser().newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 2, locale: 'en-US' });
  const page = await context.newPage();
  const within = async (where) => {
    for (const selector of ['#classroom-plot', '#classroom-narration', '#classroom-controls', '#classroom-how summary',
      '#classroom-inertia', '.inertia figcaption', '.stage-plot figcaption']) {
      const b = await page.locator(selector).boundingBox();
      assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.width <= 960 && b.y + b.height <= 540,
        `${where}: ${selector} at ${JSON.stringify(b)}`);
    }
  };
  // Opened from a link (the page scrolls to the view) and from the tab (the page stays at the top).
  await page.goto(new URL('/#classroom', session.url).href);
  await page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle.point').length === 40);
  for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await within('linked');
  // Every label of the plot and of the inertia chart is at least 14 px as drawn (font size × the SVG's scale), and
  // no two overlap.
  const labels = await page.evaluate(() =>
    [...document.querySelectorAll('#classroom-plot text, #classroom-inertia text')].map((t) => {
      const m = t.getScreenCTM();
      const r = t.getBoundingClientRect();
      return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b), box: [r.left, r.top, r.right, r.bottom] };
    }));
  assert.ok(labels.length > 20, `${labels.length} labels`);
  for (const l of labels) assert.ok(l.px >= 14 - 0.01, `"${l.text}" is ${l.px.toFixed(1)} px`);
  const overlap = (a, b) => a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1;
  const chart = labels.filter((l) => l.box[0] > 600);
  for (const [i, a] of chart.entries()) for (const b of chart.slice(i + 1)) assert.ok(!overlap(a.box, b.box), `"${a.text}" overlaps "${b.text}"`);
  // The narration and captions read at 14 px or more too.
  for (const selector of ['#classroom-status', '.stage-plot figcaption', '#classroom-how summary']) {
    const px = await page.locator(selector).evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    assert.ok(px >= 14, `${selector}: ${px} px`);
  }
  await screenshot(page, 'classroom-projector');
  await page.goto(new URL('/', session.url).href);
  await page.locator('nav a[href="#classroom"]').click();
  await page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle.point').length === 40);
  await page.evaluate(() => scrollTo(0, 0));
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(() => /[Cc]onverged/.test(document.querySelector('#classroom-narration').textContent), null, { timeout: 30_000 });
  await within('from the tab, converged');
  await page.screenshot({ path: new URL('../../test-output/classroom-projector-screen.png', import.meta.url).pathname });
  await context.close();
});

test('screenshots at a projector, a phone and a laptop, in English, Chinese and German', async () => {
  const sizes = [['projector', { width: 960, height: 540 }], ['phone', { width: 375, height: 812 }], ['laptop', { width: 1280, height: 800 }]];
  for (const lang of ['en-GB', 'zh-CN', 'de-DE']) {
    for (const [name, size] of sizes) {
      // On the projector, reached from the tab: the page stays at the top, header and all.
      const { page } = await session.open(`/?lang=${lang}${name === 'projector' ? '' : '#classroom'}`, { before: (p) => p.setViewportSize(size) });
      if (name === 'projector') await page.locator('nav a[href="#classroom"]').click();
      await page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle.point').length === 40);
      await page.evaluate(() => scrollTo(0, 0));
      const step = page.locator('#classroom-controls button[name="step"]');
      for (let i = 0; i < 3; i++) await step.click();
      if (name === 'projector') {
        // The Chinese and German pages too: plot, narration and the whole inertia chart on the one screen.
        await page.evaluate(() => scrollTo(0, 0));
        for (const selector of ['#classroom-plot', '#classroom-narration', '#classroom-controls', '#classroom-inertia', '.inertia figcaption', '.stage-plot figcaption']) {
          const b = await page.locator(selector).boundingBox();
          assert.ok(b.y >= 0 && b.y + b.height <= 540 && b.x + b.width <= 960, `${lang}: ${selector} at ${JSON.stringify(b)}`);
        }
        await page.screenshot({ path: new URL(`../../test-output/classroom-${name}-${lang}.png`, import.meta.url).pathname });
      } else {
        await page.locator('#classroom button[name="elbow"]').click();
        await screenshot(page, `classroom-${name}-${lang}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${lang} ${name}: ${overflow}px wider than the screen`);
      await page.close();
    }
  }
});

test('no request leaves the origin and the console stays clean', () => {
  assert.deepEqual(tab.foreignRequests, []);
  assert.deepEqual(tab.consoleErrors, []);
});
