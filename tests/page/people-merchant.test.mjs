// Issue 24, the merchant view as people read it: a tornado centred on the value its one-at-a-time swings move from,
// an option that emits more called an increase (never "a saving of −45%"), table headers whose units are the cells'
// own, and a depot field that says what it could not find beside it, as an error, with a button per suggestion.
// Screenshots at a phone's and a laptop's width go to /tmp/wt24m-shots/ (or $SHOTS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { startSession, merchantReady, SHOTS, WIDTHS } from './browser.mjs';

const SHOPIFY = fileURLToPath(new URL('./fixtures/shopify-orders.csv', import.meta.url));

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** The view in `lang` at `size`, its controls wired. */
async function merchant(lang, size) {
  const { page, consoleErrors } = await session.open(`/?lang=${lang}#merchant`, { before: (p) => p.setViewportSize(WIDTHS[size]) });
  await merchantReady(page);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return { page, consoleErrors };
}

/** Waits until the analysis of `file` is drawn. */
const analysed = (page, file) =>
  page.waitForFunction(
    (file) => document.querySelector('#merchant-load-status').textContent.startsWith(file) && !document.querySelector('#merchant-progress').hidden &&
      document.querySelector('#merchant-progress').value === 1 && document.querySelectorAll('#merchant-table tbody tr').length === 6,
    file,
    { timeout: 60_000 },
  );

/** A percentage as written in `lang` ("87%", "−45 %", "1,5 %") as a number, and the place value of its last digit. */
function readPercent(text, lang) {
  const digits = text.replace(/[%\s\u00a0\u202f]/g, '').replace('\u2212', '-');
  const plain = lang === 'de-DE' ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(/,/g, '');
  const decimals = plain.includes('.') ? plain.split('.')[1].length : 0;
  return { value: Number(plain), step: 10 ** -decimals };
}

/** The tornado as drawn: the value over its centre line, and each row's two ends as written beside its bars. */
async function tornadoDrawn(page, lang) {
  const to = { 'en-GB': ' to ', 'de-DE': ' bis ', 'zh-CN': ' 至 ' }[lang];
  const texts = await page.locator('#merchant-tornado text').evaluateAll((els) => els.map((el) => ({ text: el.textContent, middle: el.getAttribute('text-anchor') === 'middle' })));
  const centre = texts.find((t) => t.middle).text;
  const rows = texts.filter((t) => !t.middle && t.text.includes(to) && /\d\s?%$/.test(t.text)).map((t) => t.text.split(to));
  return { centre, rows };
}

/** Every row's low ≤ centre ≤ high, within the rounding of the figures as written. */
function assertStraddles({ centre, rows }, lang, what) {
  const c = readPercent(centre, lang);
  assert.ok(rows.length >= 1, `${what}: the tornado has rows`);
  for (const [a, b] of rows) {
    const [lo, hi] = [readPercent(a, lang), readPercent(b, lang)];
    const slack = Math.max(lo.step, hi.step, c.step) / 2 + 1e-9;
    assert.ok(
      Math.min(lo.value, hi.value) - slack <= c.value + slack && c.value - slack <= Math.max(lo.value, hi.value) + slack,
      `${what}: the row "${a} … ${b}" does not reach the centre line at ${centre}`,
    );
  }
}

/** A negative figure: the minus sign, or a hyphen-minus before a digit that does not end a range ("400-1,900%"). */
const NEGATIVE = /\u2212|(?<!\d)-\d/;

/** The page's JSON report, at full precision. */
async function report(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-json').click()]);
  const chunks = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** The saving with every setting at its central value, as the tornado's centre should read it. */
const centralSaving = (r, id) => {
  const base = r.scenarios.find((s) => s.id === r.baseline);
  const s = r.scenarios.find((x) => x.id === id);
  return ((base.centralKg - s.centralKg) / base.centralKg) * 100;
};

for (const lang of ['en-GB', 'de-DE', 'zh-CN']) {
  test(`${lang}: the sample city's tornado is centred on the saving with every setting central, and every row reaches it`, async () => {
    for (const size of ['laptop', 'phone']) {
      const { page, consoleErrors } = await merchant(lang, size);
      await page.locator('#merchant button[name=sample]').click();
      await analysed(page, 'sample-orders.csv');
      await page.waitForSelector('#merchant-tornado rect');
      const drawn = await tornadoDrawn(page, lang);
      assertStraddles(drawn, lang, `sample city, ${lang}`);
      const r = await report(page);
      const id = await page.locator('#merchant-headline').getAttribute('data-id');
      const expected = await page.evaluate(async ([lang, v]) => (await import(`/strings/${lang}/numbers.js`)).n.percent(v), [lang, centralSaving(r, id)]);
      assert.equal(drawn.centre, expected, 'the centre line is the central saving');
      // The title says what the centre is, and gives the median of the draws beside it.
      const median = await page.evaluate(async ([lang, v]) => (await import(`/strings/${lang}/numbers.js`)).n.percent(v), [lang, r.scenarios.find((s) => s.id === id).savingPercent]);
      const title = await page.locator('#merchant-tornado-title').textContent();
      assert.ok(title.includes(expected) && title.includes(median), title);
      assert.match(title, { 'en-GB': /every setting at its central value; median of the draws/, 'de-DE': /mittleren Wert steht; Median der Simulationsläufe/, 'zh-CN': /各项假设都取中间值时.*模拟抽样的中位数/ }[lang]);
      await page.locator('.tornado-figure').screenshot({ path: `${SHOTS}/tornado-sample-${lang}-${size}.png` });
      await page.locator('#merchant-table').screenshot({ path: `${SHOTS}/table-sample-${lang}-${size}.png` });
      // Each column's unit is its cells' own: a header names no unit its cells do not use (no "g CO2e per parcel"
      // over "1.5 kg", no "Shopper km" over "117 m").
      const headers = await page.locator('#merchant-table thead th').allTextContents();
      const rows = await page.locator('#merchant-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
      const UNITS = lang === 'zh-CN' ? /千克|克|吨|公里|千米|米|毫米/g : /\b(?:kg|g|t|km|m|mm)\b/g;
      headers.forEach((header, i) => {
        const named = new Set(header.match(UNITS) ?? []);
        if (named.size === 0) return;
        for (const row of rows) {
          for (const unit of row[i].match(UNITS) ?? []) assert.ok(named.has(unit), `"${header}" over "${row[i]}"`);
        }
      });
      assert.deepEqual(consoleErrors, []);
      await page.close();
    }
  });
}

test("a shop's own orders: the tornado reaches its centre, and an option that emits more is called an increase", async () => {
  for (const lang of ['en-GB', 'de-DE', 'zh-CN']) {
    for (const size of ['laptop', 'phone']) {
      const { page, consoleErrors } = await merchant(lang, size);
      await page.setInputFiles('input[name=file]', SHOPIFY);
      // The depot in east London, by its coordinates (a German or Chinese page looks places up in its own country).
      await page.evaluate(() => {
        const form = document.getElementById('merchant-form');
        form.elements.depotLat.value = '51.5416';
        form.elements.depotLon.value = '-0.0076';
        form.elements.depotLon.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await analysed(page, 'shopify-orders.csv');
      await page.waitForFunction(() => document.querySelector('#merchant-tornado-title').textContent !== '');
      const r = await report(page);
      const same = (s) => s.savingRange?.low === 0 && s.savingRange?.high === 0;
      const closest = r.scenarios.filter((s) => s.id !== r.baseline && !same(s)).reduce((a, b) => (b.kgCo2e < a.kgCo2e ? b : a));
      const central = centralSaving(r, closest.id);
      const title = await page.locator('#merchant-tornado-title').textContent();
      console.log(`${lang} ${size}: ${title}`);
      if ((await page.locator('#merchant-tornado rect').count()) > 0) {
        const drawn = await tornadoDrawn(page, lang);
        assertStraddles(drawn, lang, `Shopify export, ${lang}`);
        // Drawn as the increase when the option emits more: its centre is a positive figure.
        assert.equal(readPercent(drawn.centre, lang).value >= 0, true, `centre ${drawn.centre}`);
      }
      // Never a negative figure called a saving: the title says "more" when the option emits more.
      assert.ok(!NEGATIVE.test(title), `no negative saving in the title: ${title}`);
      if (central < 0) {
        assert.match(title, { 'en-GB': /^How much more .+ emits than /, 'de-DE': /^Wie viel mehr „.+“ verursacht als /, 'zh-CN': /多排放多少/ }[lang]);
      }
      // The table's change against the baseline: a saving reads "less", an increase "more", and a range that
      // spans zero ("no clear difference") in words from "more" to "less": never a minus sign, which would read as
      // the opposite of a negative saving.
      const column = await page.locator('#merchant-table tbody tr > :nth-child(7)').allTextContents();
      for (const text of column) assert.ok(!NEGATIVE.test(text), `"${text}"`);
      const spanning = r.scenarios.filter((s) => !s.savingClear && s.savingRange && s.savingRange.low < 0 && s.savingRange.high > 0);
      const words = { 'en-GB': /^no clear difference \(from .+ more to .+ less\)$/, 'de-DE': /^kein klarer Unterschied \(von .+ mehr bis .+ weniger\)$/, 'zh-CN': /^差异不明显（从增加 .+ 到减少 .+）$/ }[lang];
      assert.equal(column.filter((t) => words.test(t)).length, spanning.length, column.join(' | '));
      if (r.scenarios.some((s) => s.savingClear && s.savingPercent < 0)) {
        const more = { 'en-GB': /% more \(/, 'de-DE': /% mehr \(/, 'zh-CN': /^增加 / }[lang];
        assert.ok(column.some((t) => more.test(t)), column.join(' | '));
      }
      await page.locator('.tornado-figure').screenshot({ path: `${SHOTS}/tornado-shop-${lang}-${size}.png` });
      await page.locator('#merchant-table').screenshot({ path: `${SHOTS}/table-shop-${lang}-${size}.png` });
      assert.deepEqual(consoleErrors, []);
      await page.close();
    }
  }
});

test("the depot field says what it could not find beside it, as an error, with a button per place it may mean", async () => {
  const cases = [
    { lang: 'en-GB', typed: 'Berlin', pick: /^Berlin, Germany$/, depot: /depot/, lat: 52.52 },
    { lang: 'de-DE', typed: 'Leeds', pick: /^Leeds, Vereinigtes Königreich$/, depot: /Depot/, lat: 53.8 },
    { lang: 'en-GB', typed: 'Manchestr', pick: /^Manchester, England$/, lat: 53.48 },
  ];
  for (const { lang, typed, pick, depot, lat } of cases) {
    for (const size of ['laptop', 'phone']) {
      const { page, consoleErrors } = await merchant(lang, size);
      const field = page.locator('#merchant input[name=depotPlace]');
      const error = page.locator('#merchant-depot-error');
      await field.fill(typed);
      await page.waitForFunction(() => document.querySelectorAll('#merchant-depot-error button').length > 0);
      const text = await error.locator('p').first().textContent();
      assert.ok(text.includes(typed), text);
      // In a depot's words: the shopper's "deliver there" is not a depot's.
      assert.ok(!/deliver there|dorthin zu liefern|liefern lassen/.test(text), text);
      if (depot) assert.match(text, depot);
      // Styled as an error, announced, and tied to the field; the "Depot:" line is not used for it.
      assert.equal(await error.getAttribute('role'), 'alert');
      const [errorColour, hintColour] = await page.evaluate(() => [
        getComputedStyle(document.querySelector('#merchant-depot-error p')).color,
        getComputedStyle(document.querySelector('#merchant-depot-place')).color,
      ]);
      assert.notEqual(errorColour, hintColour, 'the problem is not a grey hint');
      assert.match(await field.getAttribute('aria-describedby'), /merchant-depot-error/);
      assert.equal(await page.locator('#merchant-depot-place').textContent(), '');
      // The field and its problem on one screen.
      const [f, e] = [await field.boundingBox(), await error.boundingBox()];
      assert.ok(e.y - (f.y + f.height) < 120, `the problem is ${e.y - f.y} px below the field`);
      await page.locator('#merchant-depot').screenshot({ path: `${SHOTS}/depot-${typed}-${lang}-${size}.png` });
      // A suggestion, picked, is the depot: the problem goes, the depot line names it, the coordinates are its own.
      await error.getByRole('button', { name: pick }).click();
      await page.waitForFunction(() => document.querySelector('#merchant-depot-place').textContent !== '');
      assert.equal(await error.textContent(), '');
      assert.match(await page.locator('#merchant-depot-place').textContent(), new RegExp(pick.source.replace(/^\^|\$$/g, '')));
      assert.ok(Math.abs(Number(await page.locator('#merchant input[name=depotLat]').inputValue()) - lat) < 0.2);
      assert.ok(await field.evaluate((el) => el === document.activeElement), 'focus is back on the field');
      assert.deepEqual(consoleErrors, []);
      await page.close();
    }
  }
});
