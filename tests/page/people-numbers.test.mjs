// Issue 24, numbers as people read them in the Sources view's settings and in "Learn the formulas": 2–3 significant
// figures (a share as a percentage, as the shopper reads it), every figure as published kept in the tooltip, and
// formula lines whose arithmetic adds up as written. Screenshots at 375 and 1280 px go to /tmp/wt24m-shots/ (or
// $SHOTS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, SHOTS, WIDTHS } from './browser.mjs';


let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** The numbers written in `text` in `lang` ("17.87", "0,614", "1,100"), as their digit strings without separators. */
function numbersIn(text, lang) {
  const [group, decimal] = lang === 'de-DE' ? ['.', ','] : [',', '.'];
  return (text.match(/\d[\d.,]*/g) ?? []).map((n) => n.replace(/[.,]$/, '').split(group).join('').replace(decimal, '.'));
}
/** Significant figures of a written number: "0.0277" 3, "17.87" 4, "100" 1, "168" 3. */
const significant = (digits) => {
  const bare = digits.replace('.', '').replace(/^0+/, '');
  return (digits.includes('.') ? bare : bare.replace(/0+$/, '')).length;
};

for (const lang of ['en-GB', 'de-DE', 'zh-CN']) {
  test(`${lang}: the chain's settings read in 2–3 significant figures, a share as a percentage, every figure kept in the tooltip`, async () => {
    for (const size of ['laptop', 'phone']) {
      const { page, consoleErrors } = await session.open(`/?lang=${lang}#sources`, { before: (p) => p.setViewportSize(WIDTHS[size]) });
      await page.waitForSelector('tbody[data-kind="chain"] tr:not(.group)');
      const rows = await page.locator('tbody[data-kind="chain"] tr:not(.group)').evaluateAll((trs) =>
        trs.map((tr) => ({ id: tr.cells[1].textContent, value: tr.cells[2].textContent, title: tr.cells[2].title, unit: tr.cells[3].textContent })));
      assert.ok(rows.length > 20);
      for (const { id, value, title, unit } of rows) {
        for (const digits of numbersIn(value, lang)) assert.ok(significant(digits) <= 3, `${id}: "${value}"`);
        if (unit === 'share') assert.match(value, /^\d[\d.,]*\s?% \(\d[\d.,]*[–-]\d[\d.,]*\s?%\)/, `${id} reads as a percentage: "${value}"`);
        assert.ok(title.length > 0, `${id} keeps its figures as published`);
      }
      // The failed-delivery rate reads as the shopper's view writes it ("2.8%"), its published value in the tooltip.
      const failures = rows.find((r) => r.id === 'failures.rate');
      const published = await page.evaluate(async () => {
        const api = await (await import('/wasm.js')).loadGreenDelivery();
        const { pageCountry } = await import('/country.js');
        const { pageLang } = await import('/i18n.js');
        return api.chainSettings(pageCountry(pageLang())).find((s) => s.id === 'failures.rate').central;
      });
      const percent = await page.evaluate(async ([lang, v]) => (await import(`/strings/${lang}/numbers.js`)).n.percent(100 * v), [lang, published]);
      assert.ok(failures.value.startsWith(`${percent} (`), `${failures.value} against ${percent}`);
      assert.ok(failures.title.includes(String(published).replace('.', lang === 'de-DE' ? ',' : '.')), failures.title);
      await page.locator('#setting-failures-rate').scrollIntoViewIfNeeded();
      await page.locator('tbody[data-kind="chain"]').screenshot({ path: `${SHOTS}/sources-settings-${lang}-${size}.png` });
      assert.deepEqual(consoleErrors, []);
      await page.close();
    }
  });
}
