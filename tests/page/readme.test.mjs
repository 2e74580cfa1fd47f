// The README's JS example runs in Chromium against the built package and prints what the README says it prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startSession } from './browser.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
// The one ```js block followed by "prints:" (the body may not cross another fence).
const example = readme.match(/```js\n((?:(?!```)[\s\S])*)```\s*prints:\s*```text\n([\s\S]*?)```/);

test('the README example prints what the README shows', async () => {
  assert.ok(example, 'README.md has a ```js block followed by "prints:" and a ```text block');
  const [, code, expected] = example;
  const session = await startSession();
  try {
    // The example imports './pkg/…', so it is served as a module from the site root.
    const { page, consoleErrors, foreignRequests } = await session.open('/');
    await page.route('**/readme-example.js', (route) => route.fulfill({ body: code, contentType: 'text/javascript' }));
    const lines = [];
    page.on('console', (msg) => msg.type() === 'log' && lines.push(msg.text()));
    await page.addScriptTag({ url: '/readme-example.js', type: 'module' });
    const want = expected.trim().split('\n');
    for (let waited = 0; lines.length < want.length && waited < 5000; waited += 50) await page.waitForTimeout(50);
    assert.deepEqual(lines, want);
    assert.deepEqual(consoleErrors, []);
    assert.deepEqual(foreignRequests, []);
  } finally {
    await session.close();
  }
});
