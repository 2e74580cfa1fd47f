// Writes www/data/sample-orders.csv: a synthetic "sample city" of 3,000 orders around a depot in north-east
// London, for the merchant view. Seeded, so the file is the same on every run. Orders cluster in neighbourhoods
// whose density falls with distance from the centre, like real order books; most are one parcel.
// Usage: node scripts/make-sample-orders.mjs [count] > www/data/sample-orders.csv  (default 3000)
const count = Number(process.argv[2] ?? 3000);
let state = 20251126;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

const depot = { lat: 51.5416, lon: -0.0076 }; // a depot by Hackney Wick
const kmPerDegLat = 111.195;
const kmPerDegLon = kmPerDegLat * Math.cos((depot.lat * Math.PI) / 180);
// 24 neighbourhoods within ~12 km; nearer ones are busier.
const hoods = Array.from({ length: 24 }, () => {
  const r = 12 * Math.sqrt(random());
  const a = 2 * Math.PI * random();
  return { x: r * Math.cos(a), y: r * Math.sin(a), spread: 0.4 + random() * 1.2, weight: 1 / (1 + r / 4) };
});
const total = hoods.reduce((s, h) => s + h.weight, 0);

const rows = ['id,lat,lon,parcels,weight_kg'];
for (let i = 0; i < count; i++) {
  let pick = random() * total;
  const hood = hoods.find((h) => (pick -= h.weight) <= 0) ?? hoods[0];
  const x = hood.x + gaussian() * hood.spread;
  const y = hood.y + gaussian() * hood.spread;
  const parcels = random() < 0.8 ? 1 : random() < 0.75 ? 2 : 3;
  const weight = (parcels * (0.4 + random() * 2.6)).toFixed(2);
  rows.push(`A${String(i + 1).padStart(5, '0')},${(depot.lat + y / kmPerDegLat).toFixed(5)},${(depot.lon + x / kmPerDegLon).toFixed(5)},${parcels},${weight}`);
}
process.stdout.write(`${rows.join('\n')}\n`);
