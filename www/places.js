// Offline place search: UK postcodes (to their district's centre) and town names, from two tables in data/ that are
// fetched only when first needed, so the first figures never wait for them. Nothing typed here leaves the page:
// the tables are static files from this site, and the lookup runs in the browser.
//   data/postcode-districts.json  ONS NSPL (OGL v3.0): { districts: { E1: [lat, lon, radius90Km], … } }
//   data/towns.json               GeoNames (CC BY 4.0): { towns: [[name, country, admin, lat, lon], …] } by population

const tables = {};
function table(name) {
  tables[name] ??= fetch(new URL(`./data/${name}.json`, import.meta.url))
    .then((response) => {
      if (!response.ok) throw new Error(`data/${name}.json: HTTP ${response.status}`);
      return response.json();
    })
    .catch((err) => {
      delete tables[name]; // a later lookup tries again
      throw err;
    });
  return tables[name];
}

/** A UK postcode or outward code in any spacing or case ("e1 6an", "EC2A", "sw1a1aa"), as
 *  `{ outward, full }`, or null. Only the outward code (the district) is used for the position. */
export function parsePostcode(text) {
  const compact = String(text ?? '').replace(/\s+/g, '').toUpperCase();
  const full = compact.match(/^([A-Z]{1,2}\d[A-Z\d]?)(\d[A-Z]{2})$/);
  if (full) return { outward: full[1], full: `${full[1]} ${full[2]}` };
  const outward = compact.match(/^[A-Z]{1,2}\d[A-Z\d]?$/);
  return outward ? { outward: compact, full: null } : null;
}

/** A UK postcode's district centre: `{ kind: 'postcode', name, lat, lon, precisionKm }`, or null if the district is
 *  not in the table (or the text is not a postcode). `precisionKm`: 90% of the district's postcodes lie within it. */
export async function lookupPostcode(text) {
  const code = parsePostcode(text);
  if (!code) return null;
  const { districts } = await table('postcode-districts');
  const row = districts[code.outward];
  if (!row) return null;
  const [lat, lon, precisionKm] = row;
  return { kind: 'postcode', name: code.outward, outward: code.outward, lat, lon, precisionKm };
}

const COUNTRIES = { GB: 'UK', IE: 'Ireland', IM: 'Isle of Man', JE: 'Jersey', GG: 'Guernsey' };
const UK_PARTS = { ENG: 'England', SCT: 'Scotland', WLS: 'Wales', NIR: 'Northern Ireland' };
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
let folded = null;

/** Where a town is, in words: "Leeds, England", "Paris, FR". */
function townName([name, country, admin]) {
  if (country === 'GB') return `${name}, ${UK_PARTS[admin] ?? 'UK'}`;
  return `${name}, ${COUNTRIES[country] ?? country}`;
}

/** Towns whose name starts with the text (exact names first, then larger places first), at most `limit`. A town's
 *  `precisionKm` is nominal: the table gives the town's centre only. */
export async function searchTowns(text, limit = 8) {
  const query = fold(String(text ?? '').split(',')[0]);
  if (query.length < 2) return [];
  const { towns } = await table('towns');
  folded ??= towns.map((t) => fold(t[0]));
  const exact = [];
  const prefix = [];
  for (let i = 0; i < towns.length && exact.length < limit; i++) {
    if (folded[i] === query) exact.push(i);
    else if (prefix.length < limit && folded[i].startsWith(query)) prefix.push(i);
  }
  return [...exact, ...prefix].slice(0, limit).map((i) => {
    const [, country, , lat, lon] = towns[i];
    return { kind: 'town', name: townName(towns[i]), country, lat, lon, precisionKm: null };
  });
}

/** The place the text most likely means: a postcode district, else the best town match (a "Town, Country" typed
 *  as suggested picks that one). Null when nothing matches. */
export async function findPlace(text) {
  const trimmed = String(text ?? '').trim();
  if (trimmed === '') return null;
  if (parsePostcode(trimmed)) return lookupPostcode(trimmed);
  const matches = await searchTowns(trimmed, 50);
  return matches.find((m) => fold(m.name) === fold(trimmed)) ?? matches[0] ?? null;
}

/** How precise a found place is, in words: "postcode district, within about 1.3 km", "town centre". */
export function precisionText(place) {
  if (place.kind === 'postcode') return `postcode district, within about ${Number(place.precisionKm.toPrecision(2))} km`;
  if (place.kind === 'town') return 'town centre';
  if (place.kind === 'device') return `from your device, within about ${place.accuracyM < 1000 ? `${Number(place.accuracyM.toPrecision(2))} m` : `${Number((place.accuracyM / 1000).toPrecision(2))} km`}`;
  return '';
}
