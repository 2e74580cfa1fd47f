import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const lang of ['en-GB', 'de-DE', 'zh-CN']) {
const page = await (await browser.newContext({ viewport: { width: 960, height: 540 }, deviceScaleFactor: 2 })).newPage();
await page.goto(`http://127.0.0.1:8099/?lang=${lang}`);
await page.locator('nav a[href="#classroom"]').click();
await page.waitForFunction(() => document.querySelectorAll('#classroom-plot circle.point').length === 40);
await page.evaluate(() => scrollTo(0, 0));
const out = {};
for (const s of ['body > header', 'nav', '#classroom h2', '#classroom-plot', '#classroom-narration', '#classroom-controls', '#classroom-how summary', '#classroom-inertia', '.inertia figcaption', '.stage-plot figcaption']) {
  const b = await page.locator(s).first().boundingBox(); out[s] = b && [Math.round(b.x), Math.round(b.y), Math.round(b.x + b.width), Math.round(b.y + b.height)];
}
console.log(lang, JSON.stringify(out));
await page.screenshot({ path: `/tmp/wf/cl-${lang}.png` });
}
await browser.close();
