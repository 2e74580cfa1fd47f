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
      for (const { id, value, unit } of rows) {
        for (const digits of numbersIn(value, lang)) assert.ok(significant(digits) <= 3, `${id}: "${value}"`);
        if (unit === 'share') assert.match(value, /^\d[\d.,]*\s?% \(\d[\d.,]*[–-]\d[\d.,]*\s?%\)/, `${id} reads as a percentage: "${value}"`);
      }
      for (const { id, title } of rows) assert.ok(title.length > 0, `${id} keeps its figures as published`);
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

/** A formula line's numbers in `lang`, as numbers. */
const valuesIn = (text, lang) => numbersIn(text, lang).map(Number);

for (const lang of ['en-GB', 'de-DE', 'zh-CN']) {
  test(`${lang}: the formulas read in 2–3 significant figures, and the emission line adds up as written`, async () => {
    for (const size of ['laptop', 'phone']) {
      const { page, consoleErrors } = await session.open(`/?lang=${lang}#classroom`, { before: (p) => p.setViewportSize(WIDTHS[size]) });
      await page.waitForFunction(() => document.querySelector('#emission output').value !== '');
      const emission = page.locator('#emission');
      // The diesel van's published factors (0.25561 and 0.06128 kg per km) over 10 km, and a factor people type.
      for (const [ttw, wtt, activity] of [[0.25561, 0.06128, 10], [0.21335, 0.06183, 37], [0, 0.177, 27.5], [0.5, 0.25, 4]]) {
        await emission.locator('[name=ttw]').fill(String(ttw));
        await emission.locator('[name=wtt]').fill(String(wtt));
        await emission.locator('[name=activity]').fill(String(activity));
        const line = await emission.locator('output').textContent();
        // Its kg figures: "a + b = c", with a + b = c as written.
        const [, rest] = line.split(/ [≈=] (?=[\d.,]+ \+)/);
        assert.ok(rest, line);
        const [a, b, c] = valuesIn(rest, lang);
        assert.ok(Math.abs(a + b - c) < 1e-9 * Math.max(1, c), `${line}: ${a} + ${b} ≠ ${c}`);
        // Within rounding of the exact figure, and no figure past 3 significant digits but the activity as typed.
        const exact = activity * (ttw + wtt);
        assert.ok(Math.abs(c - exact) <= 0.05 * exact, `${line} against ${exact}`);
        for (const digits of numbersIn(line, lang).slice(1)) assert.ok(significant(digits) <= 3, `${line}: ${digits}`);
        // "≈" where figures were rounded, "=" where they are whole.
        assert.equal(line.includes('≈'), Math.abs(c - exact) > 1e-9, line);
      }
      await emission.locator('[name=ttw]').fill('0.25561');
      await emission.locator('[name=wtt]').fill('0.06128');
      await emission.locator('[name=activity]').fill('10');
      const efficiency = page.locator('#efficiency');
      await efficiency.locator('[name=output]').fill('150');
      await efficiency.locator('[name=input]').fill('70');
      const ratio = await efficiency.locator('output').textContent();
      assert.ok(ratio.includes('≈') && numbersIn(ratio, lang).every((d) => significant(d) <= 3), ratio);
      await page.locator('#formulas').screenshot({ path: `${SHOTS}/formulas-${lang}-${size}.png` });
      assert.deepEqual(consoleErrors, []);
      await page.close();
    }
  });
}
