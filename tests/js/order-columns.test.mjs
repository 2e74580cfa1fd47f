// The shop-export reader the merchant view and the CLI share (www/order-columns.js): which export a header is,
// which column each role takes, an order's country, and what an order that cannot be placed says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { setTableReader } from '../../www/places.js';
import { detectLayout, detectColumns, countryOf, toOrdersCsv, readOrderFile } from '../../www/order-columns.js';

setTableReader(async (name) => JSON.parse(await readFile(new URL(`../../www/data/${name}.json`, import.meta.url), 'utf8')));
const header = async (fixture) => (await readFile(new URL(`../fixtures/${fixture}`, import.meta.url), 'utf8')).split('\n')[0].split(',');

test("Shopify's export is told by its header, and its orders by Name: its Id is on an order's first row only", async () => {
  const cells = await header('shopify-orders-export.csv');
  assert.equal(detectLayout(cells), 'shopify');
  const columns = detectColumns(cells);
  assert.equal(cells[columns.id], 'Name');
  assert.equal(cells[columns.postcode], 'Shipping Zip');
  assert.equal(cells[columns.town], 'Shipping City');
  assert.equal(cells[columns.country], 'Shipping Country');
  assert.equal(columns.parcels, -1, 'Lineitem quantity is not parcels');
  // Any other file with an Id and a Name keeps the plain id.
  assert.equal(detectColumns(['Id', 'Name', 'Postcode']).id, 0);
  assert.equal(detectLayout(['Id', 'Name', 'Postcode']), null);
});

test('WooCommerce and Etsy exports are told by their headers, Etsy\'s "Delivery …" spelling too', async () => {
  assert.equal(detectLayout(await header('woocommerce-orders.csv')), 'woocommerce');
  assert.equal(detectLayout(await header('etsy-sold-order-items.csv')), 'etsy');
  assert.equal(detectLayout(await header('etsy-sold-orders.csv')), 'etsy');
  const uk = ['Sale Date', 'Order ID', 'Delivery City', 'Delivery Zipcode', 'Delivery Country', 'Quantity'];
  assert.deepEqual(detectColumns(uk), { lat: -1, lon: -1, parcels: -1, postcode: 3, town: 2, country: 4, id: 1 });
});

test("an order's country: a code, a name, or the merchant's when blank; any other name as written", () => {
  assert.equal(countryOf('GB', 'DE'), 'GB');
  assert.equal(countryOf('uk', 'DE'), 'GB');
  assert.equal(countryOf('United Kingdom', 'DE'), 'GB');
  assert.equal(countryOf('United States', 'GB'), 'US');
  assert.equal(countryOf(' Deutschland ', 'GB'), 'DE');
  assert.equal(countryOf('', 'FR'), 'FR');
  assert.equal(countryOf('Ireland', 'GB'), 'Ireland');
});

test('orders that cannot be placed say why, with a cell cut short; a missing table is a row, not a failure', async () => {
  const long = `E${'9'.repeat(5000)}`;
  const csv = `Name,Lineitem quantity,Shipping City,Shipping Zip,Shipping Country\n#1,1,London,${long},GB\n#2,1,Toronto,M5V 3L9,CA\n#3,1,,,\n#4,2,London,E1 6AN,GB\n#4,1,,,\n`;
  const { errors, rows, orders, located } = await toOrdersCsv(csv, null, 'GB');
  assert.deepEqual([rows, orders, located], [5, 4, 1]);
  assert.deepEqual(errors.map((e) => [e.line, e.code]), [[2, 'unknown-postcode'], [3, 'other-country'], [4, 'no-location']]);
  assert.ok(errors[0].postcode.length <= 41 && errors[0].message.length < 200, errors[0].message);
  // The npm package has no German tables: the order says which one it needs, and the rest are read.
  setTableReader(async (name) => {
    if (name !== 'postcode-districts') throw Object.assign(new Error('not installed'), { code: 'no-table', table: name });
    return JSON.parse(await readFile(new URL(`../../www/data/${name}.json`, import.meta.url), 'utf8'));
  });
  const installed = await toOrdersCsv('Order ID,Sale Date,Ship Zipcode,Ship Country\n1,x,10115,Germany\n2,x,E1 6AN,United Kingdom\n', null, 'GB');
  assert.deepEqual(installed.errors.map((e) => [e.code, e.table]), [['no-table', 'postcodes-DE']]);
  assert.equal(installed.located, 1);
});

test('a plain lat,lon file goes to parseOrders as it is', async () => {
  const text = 'lat,lon,parcels\n51.5,-0.1,2\n';
  const seen = [];
  const parsed = await readOrderFile(text, (t) => (seen.push(t), { orders: { lat: [51.5] }, errors: [] }));
  assert.deepEqual(seen, [text]);
  assert.equal(parsed.mapping.rows, undefined, 'nothing mapped, nothing counted apart');
  // So does a file with no location column at all: parseOrders' own error names the columns it needs.
  const nowhere = 'foo,bar\n1,2\n';
  await readOrderFile(nowhere, (t) => (seen.push(t), { orders: { lat: [] }, errors: [] }));
  assert.deepEqual(seen, [text, nowhere]);
});
