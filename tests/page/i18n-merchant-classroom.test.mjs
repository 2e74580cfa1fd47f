// The merchant view, the classroom (with its narration after some k-means steps) and the formulas, rendered in
// zh-CN and de-DE through ?lang=: no English phrase from their en-GB tables is left in any visible text node or in an
// aria-label, placeholder, title or input value; the figures are written the language's way; and screenshots of
// both languages (laptop, and the classroom on a 960×540 projector) go to test-output/ to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot, merchantReady } from './browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/**
 * English phrases of three words or more from the en-GB tables of the merchant view and the classroom: the static
 * markup's words, and every sentence function called with sample values. Values are numbers or "§", which end a
 * phrase, so what is left is the table's own wording. Codes, units and names (CO2e, DESNZ, km, CSV, GeoJSON,
 * k-means++, "Shipping Zip", "Shipping City") are shorter than three words once numbers and punctuation split them.
 */
async function englishPhrases(page) {
  const phrases = await page.evaluate(async () => {
    const sample = {
      name: '§', orders: 3, count: 3, parcels: 3, located: 2, precisionKm: 1.5, errorCount: 2, trips: 4, minRounds: 3,
      pickupPoints: 2, hub: true, km: 1, postcode: '§',
    };
    const texts = [];
    const collect = (value) => {
      if (typeof value === 'string') texts.push(value);
      else if (typeof value === 'function') {
        for (const args of [[3, 3, 3, 3, 3, 3], [1, 1, 1, 1, 1, 1], ['§', '§', '§', '§', '§', '§'], [sample], [[3, 3], [3, 3]]]) {
          try {
            collect(value(...args));
          } catch {
            // this function takes other arguments
          }
        }
      } else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    for (const part of ['merchant', 'classroom', 'overrides']) collect(await import(`/strings/en-GB/${part}.js`));
    const phrases = new Set();
    for (const text of texts) {
      for (const piece of text.split(/[^A-Za-z' -]+/)) {
        const words = piece.trim().split(/\s+/).filter((w) => /[A-Za-z]{2,}/.test(w));
        if (words.length >= 2) phrases.add(words.join(' ').toLowerCase());
        // A one-word label ("Settings", "Energy") counts when it is a whole text by itself.
        if (words.length === 1 && piece.trim() === text.trim()) phrases.add(`=${words[0].toLowerCase()}`);
      }
    }
    return [...phrases];
  });
  return phrases.filter((p) => !KEPT.has(p));
}

/** Names and codes every language keeps: Shopify's column names, the unit "kg CO2e" (split by its digit), the
 *  algorithm's name, and words German spells as English does. */
const KEPT = new Set(['shipping zip', 'shipping city', 'lineitem quantity', 'kg co', '=k-means', '=k', '=depot', '=pause', '=baseline']);

/** Every text a person can see or hear in `selector`: visible text nodes, and labels, placeholders, titles and
 *  the values of text fields. */
const readable = (page, selector) =>
  page.evaluate((selector) => {
    const root = document.querySelector(selector);
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      // translate="no" marks the file's own words (its column names), which stay as the file has them.
      if (!node.textContent.trim() || node.parentElement.closest('[hidden], noscript, script, style, [translate="no"]')) continue;
      out.push(node.textContent);
    }
    for (const el of root.querySelectorAll('[aria-label], [placeholder], [title]')) {
      for (const attr of ['aria-label', 'placeholder', 'title']) if (el.hasAttribute(attr)) out.push(el.getAttribute(attr));
    }
    for (const el of root.querySelectorAll('input:not([type]), input[type="text"], output')) out.push(el.value);
    return out.map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  }, selector);

/** The phrases of `english` found in `texts`, each with the text it was found in. `others` are British English
 *  labels of another part that this branch falls back to (see openAt): they are taken out first. */
function leftovers(texts, english, others = []) {
  const found = [];
  for (const raw of texts) {
    const text = others.reduce((t, label) => (typeof label === 'string' ? t.replaceAll(label, '§') : t.replace(label, '§')), raw);
    const plain = text.replace(/[^A-Za-z' -]+/g, ' ').replace(/\s+/g, ' ').toLowerCase();
    for (const phrase of english) {
      const hit = phrase.startsWith('=') ? plain.trim() === phrase.slice(1) : ` ${plain} `.includes(` ${phrase} `);
      if (hit) found.push(`"${phrase}" in "${text}"`);
    }
  }
  return found;
}

/**
 * Opens `path` at a laptop size, recording the addresses that answered 404. The only one allowed is another part's
 * strings table not written yet (chain.js, whose translation is another branch's), which the views replace with the
 * British English one; any other console error fails the test.
 */
async function openAt(path, { storage = {} } = {}) {
  const missing = [];
  const tab = await session.open(path, {
    before: async (p) => {
      await p.setViewportSize({ width: 1280, height: 800 });
      // Saved overrides, as another tab or an older version may have left them.
      await p.addInitScript((storage) => Object.entries(storage).forEach(([k, v]) => localStorage.setItem(k, v)), storage);
      p.on('response', (r) => r.status() === 404 && missing.push(new URL(r.url()).pathname));
    },
  });
  /** The chain's British English labels when this language's chain table is missing, else none. */
  const fallbackLabels = async () => {
    if (!missing.some((m) => m.endsWith('/chain.js'))) return [];
    return tab.page.evaluate(async () => {
      const chain = await import('/strings/en-GB/chain.js');
      return [chain.SCENARIO_LABELS, chain.SETTING_NAMES, chain.OPTION_LABELS].flatMap(Object.values).sort((a, b) => b.length - a.length);
    }).then((labels) => [...labels, /Per [^]*$/]); // and chain.js's boundarySentence, which ends the boundary line
  };
  const clean = () => {
    assert.deepEqual(missing.filter((m) => !/^\/strings\/[\w-]+\/chain\.js$/.test(m)), []);
    assert.deepEqual(tab.consoleErrors.filter((e) => !(missing.length && /status of 404/.test(e))), []);
  };
  return { page: tab.page, clean, fallbackLabels };
}

/** The language's own tables, to find buttons by their translated names. */
const tables = (page, lang) =>
  page.evaluate(async (lang) => {
    const merchant = await import(`/strings/${lang}/merchant.js`);
    const classroom = await import(`/strings/${lang}/classroom.js`);
    return { merchant: merchant.HTML, classroom: classroom.HTML, done: merchant.PROGRESS.done() };
  }, lang);

test('every language has the same tables as British English: the same parts, exports and keys', async () => {
  /** A table's shape: each export, and the keys of each object export, with the type of each value. */
  const shape = (module) =>
    Object.entries(module)
      .filter(([name]) => name !== 'lang')
      .flatMap(([name, value]) =>
        value && typeof value === 'object' ? Object.entries(value).map(([k, v]) => `${name}.${k}: ${typeof v}`) : [`${name}: ${typeof value}`])
      .sort();
  for (const part of ['merchant', 'classroom', 'cli', 'numbers', 'overrides']) {
    const british = shape(await import(`../../www/strings/en-GB/${part}.js`));
    for (const lang of ['zh-CN', 'de-DE']) {
      const module = await import(`../../www/strings/${lang}/${part}.js`);
      assert.deepEqual(shape(module), british, `${lang}/${part}.js`);
      if (part !== 'numbers') assert.equal(module.lang, lang);
    }
  }
});

for (const lang of ['zh-CN', 'de-DE']) {
  test(`${lang}: the merchant view with the sample city has no English left from its table`, async () => {
    // Unreadable saved overrides: the notice about them is in the page's language too.
    const { page, clean, fallbackLabels } = await openAt(`/?lang=${lang}#merchant`, { storage: { 'green-delivery:factor-overrides': 'not json' } });
    const english = await englishPhrases(page);
    assert.ok(english.length > 100, `${english.length} phrases to look for`);
    const words = await tables(page, lang);
    await merchantReady(page);
    await page.getByRole('button', { name: words.merchant['merchant.sample'] }).click();
    await page.waitForFunction((done) => document.querySelector('#merchant-progress-label').textContent === done, words.done, { timeout: 30_000 });
    await page.waitForSelector('#merchant-table tbody tr');
    const status = await page.locator('#merchant-load-status').textContent();
    if (lang === 'zh-CN') assert.equal(status, 'sample-orders.csv：已载入 3,000 个订单、3,796 件包裹。');
    else assert.equal(status, 'sample-orders.csv: 3.000 Bestellungen mit 3.796 Paketen geladen.');
    // Figures in the language's units: 千克 in Chinese, a decimal comma in German.
    const kg = await page.locator('#merchant-table tr[data-id="consolidated"] > :nth-child(5)').textContent();
    if (lang === 'zh-CN') assert.match(kg, /^[\d,.]+千克（[\d,.]+–[\d,.]+千克）$/);
    else assert.match(kg, /^[\d.]+(,\d+)? kg \([\d.]+(,\d+)?–[\d.]+(,\d+)? kg\)$/);
    assert.equal(await page.locator('#merchant-exports').isVisible(), true);
    assert.equal(
      await page.locator('#merchant-notice').textContent(),
      lang === 'zh-CN'
        ? '您保存的排放因子自定义值无法读取，已忽略。各项数字均采用默认值。'
        : 'Ihre gespeicherten Faktor-Anpassungen konnten nicht gelesen werden und werden ignoriert. Die Zahlen verwenden die Standardwerte.',
    );
    const found = leftovers(await readable(page, '#merchant'), english, await fallbackLabels());
    assert.deepEqual(found, [], `English left in the ${lang} merchant view`);
    await page.locator('#merchant').screenshot({ path: new URL(`../../test-output/merchant-${lang}.png`, import.meta.url).pathname });
    clean();
    await page.close();
  });

  test(`${lang}: the classroom, its narration after k-means steps, and the formulas have no English left`, async () => {
    const { page, clean, fallbackLabels } = await openAt(`/?lang=${lang}#classroom`);
    await page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle.point').length === 40);
    const english = await englishPhrases(page);
    const words = await tables(page, lang);
    const texts = [];
    // Ready, then assign, update, assign, update, assign: every kind of narration line up to the second step.
    texts.push(...(await readable(page, '#classroom')));
    for (let i = 0; i < 5; i++) {
      await page.getByRole('button', { name: words.classroom['classroom.step'], exact: true }).click();
      texts.push(...(await readable(page, '#classroom')));
    }
    assert.match(await page.locator('#classroom-phase').textContent(), lang === 'zh-CN' ? /^第 3 次迭代/ : /^Schritt 3, Teil 1 von 2/);
    // Play to convergence, the elbow, and a formula error.
    await page.getByRole('button', { name: words.classroom['classroom.play'] }).click();
    await page.waitForFunction(() => document.querySelector('#classroom-narration').textContent.match(/收敛|konvergiert/i), null, { timeout: 30_000 });
    await page.getByRole('button', { name: words.classroom['classroom.elbowButton'] }).click();
    await page.locator('#efficiency [name="input"]').fill('0');
    texts.push(...(await readable(page, '#classroom')));
    const error = await page.locator('#efficiency .error').textContent();
    assert.equal(error, lang === 'zh-CN' ? '投入必须大于 0。' : 'Der Aufwand muss größer als 0 sein.');
    await page.locator('#efficiency [name="input"]').fill('48');
    const efficiency = await page.locator('#efficiency output').textContent();
    assert.equal(efficiency, lang === 'zh-CN' ? '120 件 ÷ 48 车公里 = 2.5 件/车公里' : '120 Pakete ÷ 48 Fahrzeug-km = 2,5 Pakete/Fahrzeug-km');
    texts.push(...(await readable(page, '#classroom')));
    assert.deepEqual(leftovers(texts, english, await fallbackLabels()), [], `English left in the ${lang} classroom`);
    await screenshot(page, `classroom-${lang}-laptop`);
    clean();
    await page.close();
  });

  test(`${lang}: k outside 1–8, the formulas' errors and the energy as the activity, in the language's words`, async () => {
    const { page, clean, fallbackLabels } = await openAt(`/?lang=${lang}#classroom`);
    await page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle.point').length === 40);
    const english = await englishPhrases(page);
    const texts = [];
    const k = page.locator('#classroom-controls [name="k"]');
    const expected = lang === 'zh-CN'
      ? { 9: 'k = 9 不能使用：簇的个数必须是 1 到 8 之间的整数。', 0: 'k = 0 不能使用：簇的个数必须是 1 到 8 之间的整数。' }
      : { 9: 'k = 9 ist nicht möglich: Die Anzahl der Cluster muss eine ganze Zahl von 1 bis 8 sein.', 0: 'k = 0 ist nicht möglich: Die Anzahl der Cluster muss eine ganze Zahl von 1 bis 8 sein.' };
    for (const value of ['9', '0']) {
      await k.fill(value);
      await k.dispatchEvent('change');
      assert.equal(await page.locator('#classroom-status').textContent(), expected[value]);
      assert.equal(await page.locator('#classroom-plot rect.centroid').count(), 0);
      assert.equal(await page.locator('#classroom-plot circle.point').count(), 40, 'the points are kept');
      texts.push(...(await readable(page, '#classroom')));
    }
    await screenshot(page, `classroom-k-9-${lang}`);
    // The formulas' errors name the field and its range.
    await page.locator('#energy [name="pue"]').fill('0.5');
    assert.equal(await page.locator('#energy .error').textContent(), lang === 'zh-CN' ? 'PUE不能小于 1。' : 'Der PUE muss mindestens 1 sein.');
    await page.locator('#energy [name="pue"]').fill('1.5');
    // The energy as the activity: the grid's factor per kWh, said in the language.
    await page.locator('#emission [name="fromEnergy"]').check();
    const hint = await page.locator('#emission .hint').last().textContent();
    assert.match(hint, lang === 'zh-CN' ? /^默认因子：2025 年英国电网/ : /^Standardfaktor: britisches Stromnetz 2025/);
    assert.match(await page.locator('#emission output').textContent(), lang === 'zh-CN' ? /^0\.0075 kWh × .* ≈ 0 \+ 0\.0018 = 0\.0018 千克/ : /^0,0075 kWh × .* ≈ 0 \+ 0,0018 = 0,0018 kg/);
    assert.equal(await page.locator('#emission [name="activity"]').isDisabled(), true);
    texts.push(...(await readable(page, '#classroom')));
    // The hint speaks plainly: no "task" (Aufgabenstellung, 题目).
    assert.doesNotMatch(await page.locator('#emission .hint').first().textContent(), /Aufgabenstellung|题目/);
    assert.deepEqual(leftovers(texts, english, await fallbackLabels()), [], `English left in the ${lang} classroom`);
    await page.locator('#emission').scrollIntoViewIfNeeded();
    await screenshot(page, `formulas-from-energy-${lang}`);
    clean();
    await page.close();
  });

  test(`${lang}: on a 960×540 projector the plot and the narration fit one screen`, async () => {
    const context = await session.open('about:blank').then(({ page }) => page.context());
    const projector = await context.browser().newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 2, locale: lang });
    const page = await projector.newPage();
    // No ?lang= here: the browser's language (zh-CN, de-DE) picks the page's.
    await page.goto(new URL('/#classroom', session.url).href);
    await page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle.point').length === 40);
    const words = await tables(page, lang);
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: words.classroom['classroom.step'], exact: true }).click();
    for (const selector of ['#classroom-plot', '#classroom-narration', '#classroom-controls']) {
      const b = await page.locator(selector).boundingBox();
      assert.ok(b.x >= 0 && b.y >= 0 && b.x + b.width <= 960 && b.y + b.height <= 540, `${selector} at ${JSON.stringify(b)}`);
    }
    await page.screenshot({ path: new URL(`../../test-output/classroom-${lang}-projector.png`, import.meta.url).pathname });
    await projector.close();
  });
}

test('on a phone, the German and Chinese merchant view and classroom are no wider than the screen', async () => {
  for (const lang of ['zh-CN', 'de-DE']) {
    for (const view of ['merchant', 'classroom']) {
      const { page } = await session.open(`/?lang=${lang}#${view}`, { before: (p) => p.setViewportSize({ width: 375, height: 812 }) });
      const words = await tables(page, lang);
      if (view === 'merchant') {
        await merchantReady(page);
        await page.getByRole('button', { name: words.merchant['merchant.sample'] }).click();
        await page.waitForFunction((done) => document.querySelector('#merchant-progress-label').textContent === done, words.done, { timeout: 30_000 });
      } else {
        await page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle.point').length === 40);
        for (let i = 0; i < 3; i++) await page.getByRole('button', { name: words.classroom['classroom.step'], exact: true }).click();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `${lang} ${view}: ${overflow}px wider than the screen`);
      await page.locator(`#${view}`).screenshot({ path: new URL(`../../test-output/${view}-${lang}-phone.png`, import.meta.url).pathname });
      await page.close();
    }
  }
});
