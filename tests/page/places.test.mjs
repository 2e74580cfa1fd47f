// The place field (place-field.js) in a browser, for a German and a Chinese merchant: what a person types, what the
// field says, which coordinates it fills, and which place tables the browser fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSession, screenshot } from './browser.mjs';

let session;
before(async () => {
  session = await startSession();
});
after(() => session?.close());

/** A page with one place field bound for `options`; `type(text)` fills it and waits for the field's answer. */
async function field(options) {
  const tab = await session.open('/');
  const dataRequests = [];
  tab.page.on('request', (req) => {
    const path = new URL(req.url()).pathname;
    if (path.startsWith('/data/')) dataRequests.push(path);
  });
  await tab.page.evaluate(async (options) => {
    document.body.innerHTML = `<main lang="${options.lang}" style="font: 16px system-ui; padding: 1rem; max-width: 40rem">
      <label>Ort <input id="place" list="towns" autocomplete="off"></label><datalist id="towns"></datalist>
      <input id="lat"><input id="lon"><p id="status"></p><p id="answers">0</p></main>`;
    const { bindPlaceField, placeLine } = await import('/place-field.js');
    const words = await import(`/strings/${options.lang}/places.js`);
    const [input, lat, lon, status, answers] = ['place', 'lat', 'lon', 'status', 'answers'].map((id) => document.getElementById(id));
    bindPlaceField(input, {
      lat, lon, ...options,
      onPlace(place, problem) {
        status.textContent = problem ?? placeLine(options.prefix, place, words);
        answers.textContent = String(Number(answers.textContent) + 1);
      },
    });
  }, options);
  async function type(text) {
    const before = await tab.page.locator('#answers').textContent();
    await tab.page.evaluate(() => { for (const id of ['lat', 'lon']) document.getElementById(id).value = ''; });
    await tab.page.locator('#place').fill(text);
    await tab.page.waitForFunction((n) => document.getElementById('answers').textContent !== n, before);
    return {
      status: await tab.page.locator('#status').textContent(),
      lat: await tab.page.locator('#lat').inputValue(),
      lon: await tab.page.locator('#lon').inputValue(),
      options: await tab.page.locator('#towns option').evaluateAll((os) => os.map((o) => o.value)),
    };
  }
  return { ...tab, type, dataRequests };
}

test('a German merchant: a PLZ, München and Muenchen are placed; Tokio is offered, and Japan is refused by road', async () => {
  const tab = await field({ lang: 'de-DE', country: 'DE', prefix: 'Lieferung nach' });
  const plz = await tab.type('80331');
  assert.equal(plz.status, 'Lieferung nach 80331 (Postleitzahl von München, Ortsmitte).');
  assert.ok(Math.abs(Number(plz.lat) - 48.137) < 0.05 && Math.abs(Number(plz.lon) - 11.575) < 0.05, `${plz.lat}, ${plz.lon}`);
  const town = await tab.type('München');
  assert.equal(town.status, 'Lieferung nach München, Deutschland (Ortsmitte).');
  assert.equal((await tab.type('Muenchen')).lat, town.lat);
  // Typed without its accent, the town is shown with it: the reader sees what was found.
  assert.equal((await tab.type('Munchen')).status, 'Lieferung nach München, Deutschland (Ortsmitte).');
  assert.deepEqual(tab.dataRequests, ['/data/postcodes-DE.json', '/data/places-DE.json'], 'only Germany\'s tables');
  // Tokyo is in no German table: it is offered with its country, and nothing is filled.
  const tokyo = await tab.type('Tokyo');
  assert.equal(tokyo.lat, '');
  assert.match(tokyo.status, /^„Tokyo“ wurde im Liefergebiet \(Deutschland\) nicht gefunden\. Meinten Sie Tokyo, Japan\?/);
  assert.ok(tokyo.options.includes('Tokyo, Japan'), tokyo.options.join(' / '));
  // Picked as offered, it is a place in Japan: no road leads there from a German depot, so it is not priced.
  const picked = await tab.type('Tokyo, Japan');
  assert.equal(picked.status, 'Keine Lieferung auf der Straße möglich – Lager: Deutschland, Ziel: Japan.');
  assert.equal(picked.lat, '');
  // Paris is reached by road from Germany.
  const paris = await tab.type('Paris, Frankreich');
  assert.equal(paris.status, 'Lieferung nach Paris, Frankreich (Ortsmitte).');
  await screenshot(tab.page, 'places-de');
  await tab.page.close();
});

test('a Chinese merchant: 北京 and 上海 are placed and named in Chinese; suggestions carry the country', async () => {
  const tab = await field({ lang: 'zh-CN', country: 'CN', prefix: '送至' });
  const beijing = await tab.type('北京');
  assert.equal(beijing.status, '送至北京（中国），定位于城镇中心。');
  assert.ok(Math.abs(Number(beijing.lat) - 39.904) < 0.1 && Math.abs(Number(beijing.lon) - 116.407) < 0.1, `${beijing.lat}, ${beijing.lon}`);
  const shanghai = await tab.type('上海');
  assert.ok(Math.abs(Number(shanghai.lat) - 31.23) < 0.1, shanghai.lat);
  assert.ok(shanghai.options.includes('上海（中国）'), shanghai.options.join(' / '));
  const postcode = await tab.type('100010');
  assert.equal(postcode.status, '送至100010，北京市东城区的邮编，定位于当地中心。');
  assert.deepEqual(tab.dataRequests, ['/data/places-CN.json', '/data/postcodes-CN.json']);
  const munich = await tab.type('慕尼黑');
  assert.match(munich.status, /^在中国没有找到“慕尼黑”。您要找的是慕尼黑（德国）吗？/);
  // From a Chinese depot, Munich is on the same landmass: chosen, it is placed.
  assert.equal((await tab.type('慕尼黑（德国）')).status, '送至慕尼黑（德国），定位于城镇中心。');
  await tab.type('北京');
  await screenshot(tab.page, 'places-zh');
  await tab.page.close();
});

test('a British merchant by default: Newcastle is upon Tyne, and a Belfast postcode is across the sea', async () => {
  const tab = await field({ lang: 'en-GB', prefix: 'Delivering to' });
  assert.equal((await tab.type('Newcastle')).status, 'Delivering to Newcastle upon Tyne, England (town centre).');
  // A misspelling that GeoNames keeps among London's alternate names is shown as London; another language's name
  // for it, as written.
  assert.equal((await tab.type('Londn')).status, 'Delivering to London, England (town centre).');
  assert.equal((await tab.type('Londres')).status, 'Delivering to Londres, England (town centre).');
  assert.equal((await tab.type('BT1')).status, 'No delivery by road from the United Kingdom to BT1.');
  await tab.page.close();
});

test('the place sources, as the Sources view lists them: each with its licence and a link, in German', async () => {
  const tab = await session.open('/');
  const items = await tab.page.evaluate(async () => {
    const { placeSourceList } = await import('/place-field.js');
    const words = await import('/strings/de-DE/places.js');
    const list = document.body.appendChild(placeSourceList(words));
    return [...list.querySelectorAll('li')].map((li) => ({ text: li.textContent, href: li.querySelector('a').href }));
  });
  assert.equal(items.length, 7);
  assert.ok(items.every((i) => i.href.startsWith('https://')));
  assert.match(items[0].text, /^Orte in allen Ländern, .*GeoNames.*CC BY 4\.0\. © GeoNames, geonames\.org\.$/);
  assert.ok(items.some((i) => /Open Database Licence.*© OpenStreetMap contributors/.test(i.text)));
  await tab.page.close();
});
