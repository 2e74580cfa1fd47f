// The offline place search (www/places.js) in Node: the tables are read from www/data/ through a fetch that counts
// what is asked for, so a test can tell that only the asked country's table was loaded.
import { test, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

let fetched = [];
globalThis.fetch = async (url) => {
  const path = fileURLToPath(url);
  fetched.push(path.replace(/^.*\/www\//, ''));
  try {
    const body = await readFile(path, 'utf8');
    return { ok: true, status: 200, json: async () => JSON.parse(body) };
  } catch {
    return { ok: false, status: 404, json: async () => { throw new Error('404'); } };
  }
};

// A fresh module per test, so that its table cache starts empty and fetches are counted from zero.
let n = 0;
const load = () => import(`../../www/places.js?fresh=${n++}`);
beforeEach(() => { fetched = []; });

/** Great-circle distance, km. */
function km(a, b) {
  const r = (d) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lon - a.lon) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}
const BEIJING = { lat: 39.904, lon: 116.407 };
const TOKYO = { lat: 35.690, lon: 139.692 };
const MUNICH = { lat: 48.137, lon: 11.575 };
const BERLIN = { lat: 52.520, lon: 13.405 };
const PARIS = { lat: 48.857, lon: 2.352 };
const NEW_YORK_10001 = { lat: 40.750, lon: -73.997 };
const LEEDS = { lat: 53.797, lon: -1.548 };
const NEWCASTLE_UPON_TYNE = { lat: 54.973, lon: -1.614 };

test('北京 and Beijing are the same place in China, found from the Chinese table alone', async () => {
  const { findPlace } = await load();
  const han = await findPlace('北京', { country: 'CN', lang: 'zh-CN' });
  assert.equal(han.country, 'CN');
  assert.ok(km(han, BEIJING) < 10, `北京 at ${han.lat}, ${han.lon}`);
  assert.equal(han.name, '北京（中国）');
  assert.deepEqual(fetched, ['data/places-CN.json']);
  const latin = await findPlace('Beijing', { country: 'CN' });
  assert.equal(latin.country, 'CN');
  assert.deepEqual([latin.lat, latin.lon], [han.lat, han.lon]);
  assert.equal(latin.name, 'Beijing, China');
  assert.equal((await findPlace('上海', { country: 'CN' })).town, '上海');
  assert.ok(km(await findPlace('Shanghai', { country: 'CN' }), { lat: 31.23, lon: 121.47 }) < 15);
});

test('東京 and Tokyo are Tokyo, Japan', async () => {
  const { findPlace } = await load();
  for (const text of ['東京', 'Tokyo', '东京']) {
    const place = await findPlace(text, { country: 'JP', lang: 'zh-CN' });
    assert.equal(place.country, 'JP', text);
    assert.ok(km(place, TOKYO) < 15, `${text} at ${place.lat}, ${place.lon}`);
  }
});

test('München, Munich, Muenchen and Munchen are Munich; Köln is Cologne; the country is named in the reader\'s language', async () => {
  const { findPlace } = await load();
  for (const text of ['München', 'Munich', 'Muenchen', 'Munchen', 'MÜNCHEN', 'münchen']) {
    const place = await findPlace(text, { country: 'DE', lang: 'de-DE' });
    assert.equal(place.country, 'DE', text);
    assert.ok(km(place, MUNICH) < 10, `${text} at ${place.lat}, ${place.lon}`);
  }
  assert.equal((await findPlace('München', { country: 'DE', lang: 'de-DE' })).name, 'München, Deutschland');
  assert.equal((await findPlace('慕尼黑', { country: 'DE', lang: 'zh-CN' })).name, '慕尼黑（德国）');
  const cologne = await findPlace('Cologne', { country: 'DE' });
  assert.deepEqual([cologne.country, cologne.town], ['DE', 'Cologne']);
  assert.ok(km(cologne, { lat: 50.94, lon: 6.96 }) < 10);
  // Named as typed, where the table has that spelling; the place is the same.
  for (const text of ['Köln', 'Koeln', 'Koln']) {
    const place = await findPlace(text, { country: 'DE' });
    assert.deepEqual([place.country, place.lat, place.lon], ['DE', cologne.lat, cologne.lon], text);
  }
  assert.equal((await findPlace('köln', { country: 'DE' })).name, 'Köln, Germany');
  assert.deepEqual(fetched, ['data/places-DE.json']);
});

test('a German PLZ is placed at the town it serves, in Germany', async () => {
  const { findPlace, precisionText } = await load();
  const munich = await findPlace('80331', { country: 'DE' });
  assert.equal(munich.country, 'DE');
  assert.equal(munich.kind, 'postcode');
  assert.ok(km(munich, MUNICH) < 5, `80331 at ${munich.lat}, ${munich.lon}`);
  const berlin = await findPlace('10115', { country: 'DE' });
  assert.ok(km(berlin, BERLIN) < 10, `10115 at ${berlin.lat}, ${berlin.lon}`);
  assert.equal(precisionText(berlin), 'postcode of Berlin, at its centre');
  assert.deepEqual(fetched, ['data/postcodes-DE.json']);
});

test('a US ZIP code and a French code postal', async () => {
  const { findPlace, precisionText } = await load();
  const zip = await findPlace('10001', { country: 'US' });
  assert.equal(zip.country, 'US');
  assert.ok(km(zip, NEW_YORK_10001) < 2, `10001 at ${zip.lat}, ${zip.lon}`);
  assert.equal(precisionText(zip), 'ZIP code area, at its centre');
  assert.deepEqual(fetched, ['data/postcodes-US-1.json'], 'one tenth of the ZIP table');
  const paris = await findPlace('75001', { country: 'FR' });
  assert.equal(paris.country, 'FR');
  assert.equal(paris.town, 'Paris');
  assert.ok(km(paris, PARIS) < 5, `75001 at ${paris.lat}, ${paris.lon}`);
});

test('a Japanese postcode is placed at its municipality', async () => {
  const { findPlace } = await load();
  // 100-0001 is Chiyoda, Chiyoda-ku (the Imperial Palace), in any common writing.
  for (const text of ['100-0001', '1000001', '〒100-0001', '１００－０００１']) {
    const place = await findPlace(text, { country: 'JP' });
    assert.deepEqual([place?.country, place?.kind, place?.town], ['JP', 'postcode', '千代田区'], text);
    assert.ok(km(place, { lat: 35.685, lon: 139.753 }) < 5, `${text} at ${place.lat}, ${place.lon}`);
  }
  // Osaka's Chūō-ku (541-0041) is not Tokyo's (104-0061): same name, told apart by the prefecture.
  const osaka = await findPlace('541-0041', { country: 'JP' });
  assert.ok(km(osaka, { lat: 34.68, lon: 135.51 }) < 5, `541-0041 at ${osaka.lat}, ${osaka.lon}`);
  const ginza = await findPlace('104-0061', { country: 'JP' });
  assert.ok(km(ginza, { lat: 35.67, lon: 139.77 }) < 5, `104-0061 at ${ginza.lat}, ${ginza.lon}`);
  assert.deepEqual(fetched, ['data/postcodes-JP.json']);
});

test('a Chinese postcode is placed at its county, or at the county of its first four digits', async () => {
  const { findPlace, resolvePlace, precisionText } = await load();
  const dongcheng = await findPlace('100010', { country: 'CN' });
  assert.deepEqual([dongcheng.country, dongcheng.town], ['CN', '北京市东城区']);
  assert.ok(km(dongcheng, { lat: 39.93, lon: 116.42 }) < 3);
  assert.ok(km(await findPlace('100000', { country: 'CN' }), BEIJING) < 5);
  const xihu = await findPlace('310012', { country: 'CN' });
  assert.equal(xihu.town, '杭州市西湖区', 'not Nanchang\'s 西湖区');
  // Not listed: its first four digits are Hangzhou's.
  const hangzhou = await findPlace('310013', { country: 'CN' });
  assert.equal(hangzhou.town, '杭州市');
  assert.ok(km(hangzhou, { lat: 30.27, lon: 120.15 }) < 10);
  assert.equal(precisionText(hangzhou, await import('../../www/strings/zh-CN/places.js')), '杭州市的邮编，定位于当地中心');
  assert.deepEqual(fetched, ['data/postcodes-CN.json']);
  const unknown = await resolvePlace('999999', { country: 'CN', lang: 'zh-CN' });
  assert.equal(unknown.place, null);
  assert.equal(unknown.problem, '中国的邮编列表中没有 999999。请核对，或输入城镇名称。');
  assert.match((await resolvePlace('00000', { country: 'US' })).problem, /^The postcode 00000 is not in the list of postcodes for the United States\./);
});

test('GB behaviour is unchanged: districts, full postcodes and towns', async () => {
  const { findPlace, precisionText, lookupPostcode } = await load();
  const ec2a = await findPlace('EC2A');
  assert.deepEqual([ec2a.kind, ec2a.name, ec2a.country], ['postcode', 'EC2A', 'GB']);
  assert.ok(km(ec2a, { lat: 51.524, lon: -0.082 }) < 2);
  assert.match(precisionText(ec2a), /^postcode district, within about [\d.]+ km$/);
  const ls6 = await findPlace('ls6 1an');
  assert.equal(ls6.name, 'LS6');
  assert.ok(km(ls6, { lat: 53.82, lon: -1.58 }) < 3);
  assert.equal(await lookupPostcode('ZZ9 9ZZ'), null);
  const leeds = await findPlace('Leeds');
  assert.deepEqual([leeds.name, leeds.country], ['Leeds, England', 'GB']);
  assert.ok(km(leeds, LEEDS) < 3);
  assert.equal((await findPlace('Manchester')).name, 'Manchester, England');
  assert.deepEqual(fetched, ['data/postcode-districts.json', 'data/places-GB.json']);
});

test('Newcastle: upon Tyne for a British merchant; South Africa is labelled, never picked for GB', async () => {
  const { findPlace, resolvePlace, searchTowns } = await load();
  const gb = await findPlace('Newcastle', { country: 'GB' });
  assert.equal(gb.name, 'Newcastle upon Tyne, England');
  assert.ok(km(gb, NEWCASTLE_UPON_TYNE) < 3);
  const za = await findPlace('Newcastle', { country: 'ZA' });
  assert.equal(za.name, 'Newcastle, South Africa');
  assert.equal(za.country, 'ZA');
  const anywhere = await findPlace('Newcastle', { country: null });
  assert.match(anywhere.name, /^Newcastle.*, (South Africa|England|Northern Ireland|Australia)$/);
  // Typed as suggested, the other country's place is the person's choice.
  const chosen = await findPlace('Newcastle, South Africa', { country: 'GB' });
  assert.deepEqual([chosen.country, chosen.elsewhere], ['ZA', true]);
  // A place found only elsewhere is offered with its country, and nothing is picked.
  const paris = await resolvePlace('Paris', { country: 'GB' });
  assert.equal(paris.place, null);
  assert.equal(paris.suggestions[0].name, 'Paris, France');
  assert.match(paris.problem, /No place called “Paris” was found in the United Kingdom\. Did you mean Paris, France/);
  const list = await searchTowns('Paris', 8, { country: 'GB' });
  assert.ok(list.every((t) => t.elsewhere === (t.country !== 'GB')));
  const de = await resolvePlace('Paris', { country: 'DE', lang: 'de-DE' });
  assert.match(de.problem, /Meinten Sie Paris, Frankreich/);
});

test("a spreadsheet's text prefix is no part of a place, and a space ends a postcode's district", async () => {
  const { findPlace, resolvePlace, parsePostcode } = await load();
  // Excel writes a postcode it must not read as a number as 'N1 9EX; people copy it into the field.
  assert.equal((await findPlace("'N1 9EX")).name, 'N1');
  assert.equal((await resolvePlace(" 'Leeds ")).place.name, 'Leeds, England');
  // "LS1 4", on the way to "LS1 4AP", is LS1, not the district LS14; "LS14" typed whole is LS14.
  assert.deepEqual(parsePostcode('LS1 4'), { outward: 'LS1', full: null });
  assert.deepEqual(parsePostcode('ls1 4a'), { outward: 'LS1', full: null });
  assert.deepEqual(parsePostcode('LS1 4AP'), { outward: 'LS1', full: 'LS1 4AP' });
  assert.deepEqual(parsePostcode('LS14'), { outward: 'LS14', full: null });
  assert.equal((await findPlace('LS1 4')).name, 'LS1');
});

test("another country's postcode is said to be one, with where to choose that country", async () => {
  const { resolvePlace } = await load();
  const berlin = await resolvePlace('10115', { country: 'GB' });
  assert.equal(berlin.place, null);
  assert.equal(berlin.problem, '“10115” is not a postcode in the United Kingdom, but it has the form of one in the United States, Germany or France. To use it, choose that country in the Country menu at the top.');
  assert.match((await resolvePlace('N1 9EX', { country: 'DE', lang: 'de-DE' })).problem, /^„N1 9EX“ ist hier keine Postleitzahl \(Land: Deutschland\), hat aber die Form einer Postleitzahl anderswo \(Land: Vereinigtes Königreich\)\./);
  assert.match((await resolvePlace('100020', { country: 'GB', lang: 'zh-CN' })).problem, /^“100020”不是英国的邮编，但格式与中国的邮编相同。/);
  // A name is still a name: no postcode form, no such sentence.
  assert.match((await resolvePlace('Qwxyzton', { country: 'GB' })).problem, /^No town called “Qwxyzton” was found\./);
});

test('road reach: one road region per landmass, with the Channel Tunnel; refusals in words', async () => {
  const { roadReachable, noRoadText, findPlace } = await load();
  assert.equal(roadReachable('DE', 'JP'), false);
  assert.equal(roadReachable('DE', 'FR'), true);
  assert.equal(roadReachable('GB', 'FR'), true);
  assert.equal(roadReachable('US', 'CA'), true);
  assert.equal(roadReachable('US', 'BR'), false);
  assert.equal(roadReachable('GB', 'IE'), false);
  assert.equal(roadReachable('JP', 'JP'), true);
  assert.equal(roadReachable('AU', 'AU'), true);
  assert.equal(roadReachable('AU', 'NZ'), false);
  const tokyo = await findPlace('Tokyo', { country: 'JP' });
  assert.equal(roadReachable('DE', tokyo), false);
  assert.equal(await noRoadText('DE', tokyo), 'No delivery by road from Germany to Japan.');
  assert.equal(await noRoadText('DE', tokyo, 'zh-CN'), '无法从德国经公路送达日本。');
  const belfast = await findPlace('BT1');
  assert.equal(roadReachable('GB', belfast), false);
  assert.equal(roadReachable('IE', belfast), true);
  assert.equal(roadReachable('GB', await findPlace('EC2A')), true);
});

test('folding keeps CJK characters and folds Latin accents', async () => {
  const { fold } = await load();
  assert.equal(fold('東京都'), '東京都');
  assert.equal(fold('ガーデン'), 'ガーデン');
  assert.equal(fold('Ｍünchen'), 'munchen');
  assert.equal(fold('Straße'), 'strasse');
  assert.equal(fold("Saint-Étienne"), 'saint etienne');
});

test('every place source has a licence, an attribution and words in each language', async () => {
  const { PLACE_SOURCES } = await load();
  const { LANGUAGES } = await import('../../www/strings/languages.js');
  const en = await import('../../www/strings/en-GB/places.js');
  for (const lang of Object.keys(LANGUAGES)) {
    const words = await import(`../../www/strings/${lang}/places.js`);
    // The same exports in every language: a translation is a copy of en-GB's table.
    assert.deepEqual(Object.keys(words).sort(), Object.keys(en).sort(), lang);
    assert.deepEqual(Object.keys(words.problems).sort(), Object.keys(en.problems).sort(), lang);
    assert.deepEqual(Object.keys(words.precision).sort(), Object.keys(en.precision).sort(), lang);
    for (const s of PLACE_SOURCES) assert.ok(words.SOURCE_COVERS[s.id], `${lang}: ${s.id}`);
  }
  for (const s of PLACE_SOURCES) assert.ok(s.name && s.licence && s.attribution && s.url.startsWith('https://'), s.id);
});

test('hostile text: every kind of input gives a place or a sentence, never an exception', async () => {
  const { resolvePlace, searchTowns } = await load();
  const inputs = ['', '   ', '\u0000', '((((', '.*', '\\', '𠀀', '👍🏽', 'x'.repeat(10000), '北'.repeat(500), ',', '（', '123456789', '-1', 'NaN', '〒', 'D-', 'E1 6AN E1 6AN'];
  for (const country of ['GB', 'DE', 'FR', 'US', 'JP', 'CN', 'ZA', null]) {
    for (const text of inputs) {
      const { place, problem } = await resolvePlace(text, { country, lang: 'de-DE' });
      assert.ok(text.trim() === '' ? place === null && problem === null : Boolean(place) !== Boolean(problem), `${country} ${JSON.stringify(text.slice(0, 20))}`);
      assert.ok(Array.isArray(await searchTowns(text, 8, { country })));
    }
  }
});

test('placeForDelivery: the search and the road check in one call', async () => {
  const { placeForDelivery } = await load();
  const tokyo = await placeForDelivery('Tokyo', { country: 'JP', depotCountry: 'DE', lang: 'de-DE' });
  assert.equal(tokyo.place, null);
  assert.equal(tokyo.problem, 'Keine Lieferung auf der Straße möglich – Lager: Deutschland, Ziel: Japan.');
  const osaka = await placeForDelivery('大阪', { country: 'JP' });
  assert.equal(osaka.place.country, 'JP');
  assert.equal((await placeForDelivery('Tokyo', { country: 'JP', depotCountry: null })).place.country, 'JP');
  assert.equal((await placeForDelivery('80331', { country: 'DE', depotCountry: 'FR' })).place.town, 'München');
});

test('editDistance: Damerau–Levenshtein (adjacent swaps count once), stopping early past the bound', async () => {
  const { editDistance } = await load();
  assert.equal(editDistance('manchestr', 'manchester'), 1);
  assert.equal(editDistance('lodnon', 'london'), 1, 'a swap of neighbours is one edit');
  assert.equal(editDistance('leeds', 'leeds'), 0);
  assert.equal(editDistance('bristol', 'brsitl'), 2);
  assert.equal(editDistance('abc', 'xyz', 2), 3, 'more than the bound is reported as bound + 1');
  assert.equal(editDistance('a', 'abcdef', 2), 3, 'lengths too far apart are not compared');
});

test('a typo is offered the closest towns of the country, never picked', async () => {
  const { resolvePlace } = await load();
  const manchester = await resolvePlace('Manchestr', { country: 'GB' });
  assert.equal(manchester.place, null);
  assert.equal(manchester.problem, 'No town called “Manchestr” was found. Did you mean Manchester?');
  assert.deepEqual(manchester.suggestions.map((p) => p.name), ['Manchester, England']);
  // Offered as a text the search finds: picked, it is Manchester.
  const picked = await resolvePlace(manchester.suggestions[0].name, { country: 'GB' });
  assert.equal(picked.place.town, 'Manchester');
  assert.deepEqual((await resolvePlace('Lodnon', { country: 'GB' })).suggestions[0].town, 'London');
  // In German, with the spelling closest to what was typed (München, not Munchen or Munich).
  const munich = await resolvePlace('Münchn', { country: 'DE', lang: 'de-DE' });
  assert.equal(munich.problem, 'Kein Ort namens „Münchn“ gefunden. Meinten Sie München?');
  assert.equal((await resolvePlace('Berln', { country: 'DE', lang: 'zh-CN' })).problem, '没有找到名为“Berln”的城镇。您要找的是Berlin吗？');
  // Nothing close: the usual sentence, no offers; short or non-Latin texts are not guessed at.
  for (const text of ['Qwxyzton', 'Lx', '東京x']) {
    const none = await resolvePlace(text, { country: 'GB' });
    assert.equal(none.place, null, text);
    assert.deepEqual(none.suggestions, [], text);
  }
});

test('"EC1" offers the districts it starts; "XX1" is refused as before', async () => {
  const { resolvePlace } = await load();
  const ec1 = await resolvePlace('EC1', { country: 'GB' });
  assert.equal(ec1.place, null);
  assert.deepEqual(ec1.suggestions.map((p) => p.name), ['EC1A', 'EC1M', 'EC1N', 'EC1P', 'EC1R', 'EC1V', 'EC1Y']);
  assert.match(ec1.problem, /^EC1 is not a whole postcode district\. Did you mean EC1A, .* or EC1Y\?/);
  const xx1 = await resolvePlace('XX1', { country: 'GB' });
  assert.equal(xx1.problem, 'The postcode district XX1 is not in the list of UK postcodes. Check it, or type a town.');
  assert.deepEqual(xx1.suggestions, []);
});

test('an address or a town with its postcode finds the place it contains, in the country only', async () => {
  const { findPlace } = await load();
  const london = await findPlace('10 Downing Street, London', { country: 'GB' });
  assert.equal(london.town, 'London');
  assert.equal((await findPlace('Leeds LS1', { country: 'GB' })).name, 'LS1', 'the postcode first: it is the more precise');
  assert.equal((await findPlace('Leeds LS1 4AP', { country: 'GB' })).name, 'LS1');
  assert.equal((await findPlace('Flat 2, 5 Park Road, Bradford', { country: 'GB' })).town, 'Bradford');
  assert.equal((await findPlace('Alexanderplatz 1, 10178 Berlin', { country: 'DE', lang: 'de-DE' })).name, '10178');
  assert.equal((await findPlace('New York, NY 10001', { country: 'US' })).country, 'US');
  // A street word is never the town ("Street" is a town in Somerset): with no town named, nothing is found.
  assert.equal(await findPlace('10 Downing Street', { country: 'GB' }), null);
  // A place named only abroad is not picked from inside an address.
  assert.equal(await findPlace('1 Rue de Rivoli, Paris', { country: 'GB' }), null);
});
