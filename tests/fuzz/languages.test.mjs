// The languages, as a hostile caller and a careless translator could break them: any text as a language tag picks a
// language that has a strings table (never throws); no text makes loadStrings import anything but a listed table;
// every language's tables have en-GB's shape (the same files, the same exports, functions that return text); and
// each language's numbers format any double without throwing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import fc from 'fast-check';
import { LANGUAGES, pickLang, loadStrings } from '../../www/i18n.js';

const SEED = 20261206;
const STRINGS = new URL('../../www/strings/', import.meta.url);
const parts = (lang) => readdirSync(new URL(`${lang}/`, STRINGS)).filter((f) => f.endsWith('.js')).sort();

test('pickLang: any text picks a listed language; known tags pick their table', () => {
  const tags = Object.keys(LANGUAGES);
  fc.assert(
    fc.property(fc.array(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.constantFrom(...tags, 'zh', 'de-AT', 'zh-Hant-TW', '__proto__', 'constructor', '../en-GB', 'x-private')), { maxLength: 5 }), (wanted) => {
      assert.ok(tags.includes(pickLang(wanted)));
    }),
    { seed: SEED, numRuns: 2000 },
  );
  assert.equal(pickLang(['de-AT', 'zh-CN']), 'de-DE');
  assert.equal(pickLang(['fr-FR', 'zh-Hans-SG']), 'zh-CN');
  assert.equal(pickLang([null, 42, '', 'en-US']), 'en-GB');
  assert.equal(pickLang(['not a tag!', 'DE-de']), 'de-DE');
});

test('loadStrings: only a listed language and a plain part name reach import()', async () => {
  for (const [lang, part] of [['../../evil', 'x'], ['__proto__', 'chain'], ['en-GB', '../chain'], ['en-GB', 'chain.js'], ['en-gb', 'chain']]) {
    await assert.rejects(loadStrings(lang, part), RangeError, `${lang}/${part}`);
  }
  const chain = await loadStrings('en-GB', 'chain');
  assert.equal(chain.lang, 'en-GB');
});

test('every language has en-GB\'s strings tables, with the same exports of the same kinds', async () => {
  const reference = parts('en-GB');
  assert.ok(reference.includes('chain.js'));
  for (const lang of Object.keys(LANGUAGES)) {
    assert.deepEqual(parts(lang), reference, `${lang}: the same parts as en-GB`);
    for (const file of reference) {
      const en = await import(new URL(`en-GB/${file}`, STRINGS).href);
      const other = await import(new URL(`${lang}/${file}`, STRINGS).href);
      assert.deepEqual(Object.keys(other).sort(), Object.keys(en).sort(), `${lang}/${file}: the same exports`);
      for (const [name, value] of Object.entries(en)) {
        assert.equal(typeof other[name], typeof value, `${lang}/${file} ${name}`);
        if (value && typeof value === 'object' && !Array.isArray(value) && name !== 'n') {
          assert.deepEqual(Object.keys(other[name]).sort(), Object.keys(value).sort(), `${lang}/${file} ${name}: the same keys`);
        }
      }
    }
  }
});

test('each language\'s numbers format any double, and a range, without throwing', async () => {
  for (const lang of Object.keys(LANGUAGES)) {
    const { n } = await import(new URL(`${lang}/numbers.js`, STRINGS).href);
    fc.assert(
      fc.property(fc.double(), fc.double(), fc.double(), (a, b, c) => {
        for (const f of ['sig', 'grams', 'kilograms', 'km', 'percent', 'fmt', 'count']) assert.equal(typeof n[f](a), 'string');
        const [low, high] = [Math.min(b, c), Math.max(b, c)];
        assert.equal(typeof n.gramsRange(a, { low, high }), 'string');
        if (Number.isFinite(low) && Number.isFinite(high)) assert.equal(typeof n.percentRange({ low, high }), 'string');
      }),
      { seed: SEED, numRuns: 300 },
    );
  }
});
