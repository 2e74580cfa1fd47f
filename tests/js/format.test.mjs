// One way to write a number (issue 24, item 5): known answers per language for format.js's rules, through each
// language's `n` (www/strings/<lang>/numbers.js), as every view, the widget and the CLI's text output use them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MINUS } from '../../www/format.js';

const langs = ['en-GB', 'zh-CN', 'de-DE'];
const load = async (lang) => (await import(`../../www/strings/${lang}/numbers.js`)).n;

/** Significant digits in a written figure: its digits without leading zeros (trailing zeros of an integer part
 *  such as "24,200" are not significant). */
function significant(text) {
  const number = text.match(/\d[\d.,\s\u202f\u00a0]*/)?.[0] ?? '';
  const digits = number.replace(/[^\d]/g, '').replace(/^0+/, '');
  const decimal = /[.,]\d/.test(number) && !/^\d{1,3}([.,]\d{3})+$/.test(number.trim());
  return decimal ? digits.length : digits.replace(/0+$/, '').length;
}

test('the same figure in the same unit: 1500 g is "1.5 kg", and a card\'s parts follow its total', async () => {
  const expected = {
    'en-GB': ['1.5 kg', '1.5 kg', '2.5 t', '144 km', '24,200 km'],
    'zh-CN': ['1.5千克', '1.5千克', '2.5吨', '144公里', '24,200公里'],
    'de-DE': ['1,5 kg', '1,5 kg', '2,5 t', '144 km', '24.200 km'],
  };
  for (const lang of langs) {
    const n = await load(lang);
    assert.deepEqual([n.grams(1500), n.kilograms(1.5), n.grams(2.5e6), n.km(144.14), n.km(24157.4)], expected[lang], lang);
  }
});

test('negatives carry the real minus sign (U+2212), never a hyphen-minus', async () => {
  const expected = { 'en-GB': `${MINUS}2,800%`, 'zh-CN': `${MINUS}2,800%`, 'de-DE': `${MINUS}2.800\u00a0%` };
  for (const lang of langs) {
    const n = await load(lang);
    assert.equal(n.percent(-2800), expected[lang], lang);
    for (const text of [n.percent(-2800), n.grams(-1234), n.km(-3), n.sig(-0.5), n.count(-7), n.gramsRange(-500, { low: -900, high: -100 }),
      n.percentRange({ low: -140, high: 33 })]) {
      assert.ok(!text.includes('-'), `${lang}: hyphen-minus in "${text}"`);
      assert.ok(text.includes(MINUS), `${lang}: no minus sign in "${text}"`);
    }
  }
});

test("a range's ends are each written as they would be alone, with one dash in every language", async () => {
  const expected = {
    'en-GB': ['89 g (53–150 g)', '1.4 kg (0.66–3.3 kg)', '20–49%'],
    'zh-CN': ['89克（53–150克）', '1.4千克（0.66–3.3千克）', '20–49%'],
    'de-DE': ['89 g (53–150 g)', '1,4 kg (0,66–3,3 kg)', '20–49\u00a0%'],
  };
  for (const lang of langs) {
    const n = await load(lang);
    // 53.2 beside 150 was "53.2": one precision for both ends gave the low end a digit its own figure would not have.
    assert.deepEqual([n.gramsRange(89, { low: 53.2, high: 150 }), n.gramsRange(1400, { low: 663, high: 3300 }), n.percentRange({ low: 20, high: 49 })],
      expected[lang], lang);
    // A sentence's ends are the range's, in its unit: "from 0.66 kg to 3.3 kg", not "from 663 g".
    assert.deepEqual(n.gramsEnds(1400, { low: 663, high: 3300 }), lang === 'zh-CN' ? ['0.66千克', '3.3千克'] : lang === 'de-DE' ? ['0,66 kg', '3,3 kg'] : ['0.66 kg', '3.3 kg']);
  }
});

test('one percentage, one way: 4.65% is "4.7%" wherever it is written', async () => {
  const expected = { 'en-GB': '4.7%', 'zh-CN': '4.7%', 'de-DE': '4,7\u00a0%' };
  for (const lang of langs) assert.equal((await load(lang)).percent(4.65), expected[lang], lang);
});

test('tiny values read "less than", not float noise', async () => {
  const expected = {
    'en-GB': ['< 0.01 mm', '< 0.001', '< 0.01 g', '1.2 mm', '0 m'],
    'zh-CN': ['不到0.01毫米', '不到0.001', '不到0.01克', '1.2毫米', '0米'],
    'de-DE': ['< 0,01 mm', '< 0,001', '< 0,01 g', '1,2 mm', '0 m'],
  };
  for (const lang of langs) {
    const n = await load(lang);
    // 0.000000012 m (a merchant table's km per parcel) and 0.00000000000038 L (litres of fuel).
    assert.deepEqual([n.km(0.000000000012), n.sig(3.8e-13), n.grams(1e-9), n.km(0.0000012), n.km(0)], expected[lang], lang);
  }
});

test('ratios: within ±5% of 1 reads "about the same"', async () => {
  const chains = await Promise.all(langs.map((lang) => import(`../../www/strings/${lang}/chain.js`)));
  const about = { 'en-GB': /about the same/, 'zh-CN': /大致相同/, 'de-DE': /etwa so viel/ };
  const times = { 'en-GB': /1\.3 times as much/, 'zh-CN': /1\.3倍/, 'de-DE': /1,3-mal so viel/ };
  chains.forEach((chain, i) => {
    const lang = langs[i];
    for (const v of [1, 1.02, 0.96]) {
      for (const id of ['vanFactor', 'van.countryFactor', 'car.countryFactor']) {
        const text = chain.SETTING_SENTENCES[id](v);
        assert.match(text, about[lang], `${lang} ${id}(${v}): ${text}`);
        assert.doesNotMatch(text, /\b1 times|1倍|1-mal|1-Fache/, text);
      }
    }
    assert.match(chain.SETTING_SENTENCES.vanFactor(1.3), times[lang]);
  });
});

test('no figure a person reads has more than 3 significant digits', async () => {
  for (const lang of langs) {
    const n = await load(lang);
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (v) => {
        for (const f of ['sig', 'grams', 'kilograms', 'km', 'percent']) {
          const text = n[f](v);
          assert.ok(significant(text) <= 3, `${lang} ${f}(${v}) = "${text}"`);
          assert.ok(!text.includes('-'), `${lang} ${f}(${v}) = "${text}"`);
        }
      }),
      { seed: 20261206, numRuns: 500 },
    );
    assert.equal(significant(n.km(24157.4)), 3);
  }
});
