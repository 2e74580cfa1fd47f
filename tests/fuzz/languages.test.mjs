// The languages, as a hostile caller could break them: no text makes loadStrings import anything but a listed table,
// and each language's numbers format any double without throwing. (The tables' shape and pickLang on any tag are
// tested in tests/page/i18n.test.mjs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LANGUAGES, loadStrings } from '../../www/i18n.js';

const SEED = 20261206;
const STRINGS = new URL('../../www/strings/', import.meta.url);

test('loadStrings: only a listed language and a plain part name reach import()', async () => {
  for (const [lang, part] of [['../../evil', 'x'], ['__proto__', 'chain'], ['en-GB', '../chain'], ['en-GB', 'chain.js'], ['en-gb', 'chain']]) {
    await assert.rejects(loadStrings(lang, part), RangeError, `${lang}/${part}`);
  }
  const chain = await loadStrings('en-GB', 'chain');
  assert.equal(chain.lang, 'en-GB');
});

test('each language\'s numbers format any double, and a range, without throwing', async () => {
  for (const lang of Object.keys(LANGUAGES)) {
    const { n } = await import(new URL(`${lang}/numbers.js`, STRINGS).href);
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), (a, b, c) => {
        for (const f of ['sig', 'grams', 'kilograms', 'km', 'percent', 'fmt', 'count']) {
          const text = n[f](a);
          assert.equal(typeof text, 'string');
          // A negative carries the real minus sign (U+2212), never a hyphen-minus.
          assert.ok(!/-\d/.test(text), `${lang} ${f}(${a}) = "${text}"`);
        }
        const [low, high] = [Math.min(b, c), Math.max(b, c)];
        assert.equal(typeof n.gramsRange(a, { low, high }), 'string');
        if (Number.isFinite(low) && Number.isFinite(high)) assert.equal(typeof n.percentRange({ low, high }), 'string');
      }),
      { seed: SEED, numRuns: 300 },
    );
  }
});
