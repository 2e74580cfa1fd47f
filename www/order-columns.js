// A shop's own export, read as it comes: the columns are recognised by their usual names (Shopify's "Shipping Zip"
// and "Shipping City", "postcode", "latitude", …) or chosen by the merchant, and a file with postcodes but no
// coordinates is located offline with www/places.js (a row with a town and no postcode, to the town's centre), each
// order in its own country when the file has a country column, else in the merchant's.
// The exports of Shopify, WooCommerce and Etsy are told by their header (LAYOUTS), so that each is read as the shop
// writes it: one row per line item, grouped into orders by the order's own id.
// An order is one parcel unless the merchant has a parcels column: item quantities ("Lineitem quantity", "qty") are
// not parcels (four coasters travel in one box), so they are never taken for one. The result is the plain CSV that `parseOrders` reads
// (`lat,lon,parcels,id`), with each of its lines traced back to the file's own line numbers.
import { parsePostcodeOf, lookupPostcode, findPlace, COVERED_COUNTRIES, withoutTextPrefix } from './places.js';

/** The roles a column can play, with the names each is known by (compared without case, spaces or punctuation). */
export const ALIASES = {
  lat: ['lat', 'latitude', 'shippinglatitude', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'shippinglongitude', 'x'],
  parcels: ['parcels', 'parcelcount', 'numberofparcels', 'packages', 'packagecount'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode', 'shippingzip', 'shippingpostcode', 'shippingpostalcode', 'shipzipcode',
    'deliveryzipcode', 'billingzip'],
  town: ['shippingcity', 'city', 'town', 'shippingtown', 'shipcity', 'deliverycity', 'billingcity'],
  country: ['shippingcountry', 'shipcountry', 'deliverycountry', 'country', 'countrycode'],
  id: ['id', 'name', 'order', 'orderid', 'ordernumber', 'ordername'],
};
const key = (name) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Shop exports told by their header (`all`: column names every such file has), and the column each role takes
 * there (the first of its names present), whatever ALIASES would pick first. None maps an item quantity to parcels.
 * - Shopify's orders export (Orders → Export): one row per line item, `Name` (#1001) on every row, the order's own
 *   fields (Email, Financial Status, …, the Billing and Shipping columns, `Id`) on its first row only; `Id` is
 *   blank on the others, so it cannot group them. Columns as in Shopify's order CSV column descriptions
 *   (help.shopify.com/en/manual/migrating-to-shopify/transporter-app/csv-orders) and in exports quoted at
 *   docs.xbp.app/docs/development/integrations/shopify/order-format, where the first-row rule is described.
 *   `Shipping Zip` comes as '75008 (a text prefix keeping its leading zero); `Shipping Country` is a code (FR).
 * - WooCommerce has no orders CSV of its own; its documented exporters write snake_case keys: `order_id`,
 *   `order_number`, …, `shipping_postcode`, `shipping_city`, `shipping_country` (a code), one row per order with
 *   the items in `line_item_N` cells (woocommerce.com/document/import-and-export-of-woocommerce-orders/), or one
 *   row per item repeating the order's fields (Customer/Order/Coupon Export's "one row per item" format).
 * - Etsy's Shop Manager CSVs (Settings → Options → Download data): "Orders" (EtsySoldOrders…csv, one row per order)
 *   and "Order Items" (EtsySoldOrderItems…csv, one row per item, `Quantity` on each), both with `Sale Date`,
 *   `Order ID`, `Ship City`, `Ship Zipcode` and `Ship Country` (a name: "United Kingdom"). Etsy publishes no column
 *   list; these are the headers as exported, quoted alike in several public tools that read them (for example
 *   github.com/YitongM/Etsy2ParcelMonkeyCSV, whose model spells them "Delivery City", "Delivery Zipcode", …: both
 *   spellings are read).
 */
export const LAYOUTS = {
  shopify: {
    all: ['name', 'lineitemquantity', 'shippingzip'],
    roles: { id: ['name'], postcode: ['shippingzip'], town: ['shippingcity'], country: ['shippingcountry'] },
  },
  woocommerce: {
    all: ['orderid', 'shippingpostcode'],
    roles: { id: ['orderid', 'ordernumber'], postcode: ['shippingpostcode'], town: ['shippingcity'], country: ['shippingcountry'] },
  },
  etsy: {
    all: ['saledate', 'orderid'],
    roles: { id: ['orderid'], postcode: ['shipzipcode', 'deliveryzipcode'], town: ['shipcity', 'deliverycity'], country: ['shipcountry', 'deliverycountry'] },
  },
};

/** The shop export a header is from (a key of LAYOUTS), or null. */
export function detectLayout(header) {
  const keys = new Set(header.map(key));
  return Object.keys(LAYOUTS).find((name) => LAYOUTS[name].all.every((k) => keys.has(k))) ?? null;
}

/**
 * RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. Returns rows with their 1-based line.
 * Lines are counted as editors and `parseOrders` count them: CRLF, LF and a lone CR each end one, inside quotes too.
 */
export function readCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else if (c === '\r' && s[i + 1] === '\n') {
        field += '\r\n';
        i++;
        line++;
      } else {
        if (c === '\n' || c === '\r') line++;
        field += c;
      }
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(field);
      rows.push({ line: rowLine, cells: row });
      row = [];
      field = '';
      line++;
      rowLine = line;
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push({ line: rowLine, cells: row });
  }
  return rows.filter((r) => r.cells.some((c) => c.trim() !== ''));
}

/** The column (index) for each role, from the header: `{ lat, lon, parcels, postcode, town, country, id }`, -1
 *  where none; a shop export's own columns (LAYOUTS) first. */
export function detectColumns(header) {
  const keys = header.map(key);
  const first = (names) => names.map((n) => keys.indexOf(n)).find((i) => i >= 0) ?? -1;
  const layout = LAYOUTS[detectLayout(header)]?.roles ?? {};
  return Object.fromEntries(
    Object.entries(ALIASES).map(([role, names]) => {
      const own = layout[role] ? first(layout[role]) : -1;
      return [role, own >= 0 ? own : first(names)];
    }),
  );
}

/** True when the file needs this module: no lat/lon columns, a parcel count `parseOrders` would not recognise, or
 *  an order id other than a plain `id` (a shop's "Name" repeats on each line item, and its rows make one order). */
export function needsMapping(header, columns = detectColumns(header)) {
  const keys = header.map(key);
  const plain = (role, names) => columns[role] >= 0 && names.includes(keys[columns[role]]);
  if (!(plain('lat', ['lat', 'latitude']) && plain('lon', ['lon', 'lng', 'longitude']))) return true;
  if (columns.id >= 0 && keys[columns.id] !== 'id') return true;
  return columns.parcels >= 0 && keys[columns.parcels] !== 'parcels';
}


/** A cell echoed in a message, cut to 40 characters (a 10 MB cell is not repeated back whole). */
const echo = (text) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** A quantity: a plain decimal number (`3`, `2.5`), else NaN; `0x10`, `1e3`, `Infinity` are not quantities. */
const number = (cell) => (/^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(cell ?? '') ? Number(cell) : NaN);

/** Country names a file may give instead of a code ("United Kingdom" in Etsy's `Ship Country`), for the countries
 *  with place tables, as keys (lower case, letters and digits only). */
const COUNTRY_NAMES = new Map([
  ...COVERED_COUNTRIES.map((code) => [key(new Intl.DisplayNames(['en'], { type: 'region' }).of(code)), code]),
  ...['uk', 'greatbritain', 'britain', 'england', 'scotland', 'wales', 'northernireland'].map((name) => [name, 'GB']),
  ...['usa', 'unitedstatesofamerica', 'america'].map((name) => [name, 'US']),
  ['deutschland', 'DE'], ['peoplesrepublicofchina', 'CN'], ['chinamainland', 'CN'],
]);

/** An order's country as a code: a two-letter code as written (UK as GB), a known name as its code, any other text
 *  as written (no table has it, and the row says so); `fallback` (the merchant's country) when the cell is blank. */
export function countryOf(cell, fallback = 'GB') {
  const text = withoutTextPrefix(cell);
  if (text === '') return fallback;
  if (/^[a-z]{2}$/i.test(text)) return text.toUpperCase() === 'UK' ? 'GB' : text.toUpperCase();
  return COUNTRY_NAMES.get(key(text)) ?? text;
}

/** A place lookup, with a table this install lacks (the npm package has the UK's postcode districts only) as null
 *  and `missing` set, so that the order says why it was not placed instead of the whole file failing. */
async function lookup(find, missing) {
  try {
    return await find();
  } catch (err) {
    if (err?.code !== 'no-table') throw err;
    missing.table = err.table ?? '';
    return null;
  }
}

/**
 * The file as `parseOrders` CSV. Rows sharing an order id (Shopify writes one row per line item, with the address on
 * the first) become one order: one parcel, or the sum of its rows' parcels when a parcels column is mapped. Each
 * order is looked up in its own country (the `country` column's code or name) or else in `country`. Returns
 * `{ csv, lineOf, errors, rows, orders, located, byTown, precisionKm }`: `lineOf[i]` is the file's line for the row on
 * the CSV's line i + 2; `errors` are orders that could not be placed (each with a `code`: unknown-postcode,
 * unknown-town, no-location, other-country, no-table); `rows` counts the file's rows, `orders` the orders they make;
 * `located` counts orders placed by postcode, `byTown` those with a town and no postcode, placed at the town's
 * centre; `precisionKm` is the median district radius (90% of postcodes within it; UK districts only, null when
 * none has one).
 */
export async function toOrdersCsv(text, columns, country = 'GB') {
  const [head, ...rows] = readCsv(text);
  if (!head) return { csv: 'lat,lon,parcels\n', lineOf: [], errors: [], rows: 0, orders: 0, located: 0, byTown: 0, precisionKm: null };
  const cols = { ...detectColumns(head.cells), ...columns };
  const orders = [];
  const byId = new Map();
  for (const { line, cells } of rows) {
    const id = cols.id >= 0 ? withoutTextPrefix(cells[cols.id]) : '';
    let order = id ? byId.get(id) : undefined;
    if (!order) {
      // Without a parcels column an order is one parcel, however many line items it has.
      order = { line, id, parcels: cols.parcels >= 0 ? 0 : 1, badParcels: null, lat: '', lon: '', postcode: '', town: '', country: '' };
      orders.push(order);
      if (id) byId.set(id, order);
    }
    if (cols.parcels >= 0) {
      const parcels = number(withoutTextPrefix(cells[cols.parcels]));
      if (!Number.isFinite(parcels)) order.badParcels ??= cells[cols.parcels] ?? '';
      else order.parcels += parcels;
    }
    // Shopify fills the address on an order's first row only: the first non-blank value of each is the order's.
    for (const role of ['lat', 'lon', 'postcode', 'town', 'country']) {
      if (cols[role] >= 0 && !order[role]) order[role] = withoutTextPrefix(cells[cols[role]]);
    }
  }
  const out = ['lat,lon,parcels,id'];
  const lineOf = [];
  const errors = [];
  const radii = [];
  let located = 0;
  let byTown = 0;
  for (const order of orders) {
    let { lat, lon } = order;
    const where = countryOf(order.country, country);
    const missing = {};
    const unplaced = (code, values, message) => errors.push({ line: order.line, code, country: echo(where), ...values, message });
    if ((lat === '' || lon === '') && (order.postcode || order.town) && !COVERED_COUNTRIES.includes(where)) {
      unplaced('other-country', {}, `this order is to ${echo(where)}, where we have no postcode or town table, so it could not be placed`);
      continue;
    }
    if ((lat === '' || lon === '') && order.postcode) {
      const place = parsePostcodeOf(order.postcode, where) ? await lookup(() => lookupPostcode(order.postcode, { country: where }), missing) : null;
      if (!place) {
        // The code and the postcode let the page word it in its language; the message is for the logs.
        if (missing.table !== undefined) unplaced('no-table', { table: missing.table }, `the postcode table for ${where} (www/data/${missing.table}.json) is not installed here, so this order could not be placed`);
        else unplaced('unknown-postcode', { postcode: echo(order.postcode) }, `"${echo(order.postcode)}" is not a postcode we know in ${where}, so this order could not be placed`);
        continue;
      }
      [lat, lon] = [String(place.lat), String(place.lon)];
      located++;
      if (place.precisionKm != null) radii.push(place.precisionKm); // a town's or area's centre has none
    } else if ((lat === '' || lon === '') && order.town) {
      // A town with no postcode ("Walthamstow"): its centre, if the place tables know it in its country.
      const place = await lookup(() => findPlace(order.town, { country: where }), missing);
      if (!place) {
        if (missing.table !== undefined) unplaced('no-table', { table: missing.table }, `the town table for ${where} (www/data/${missing.table}.json) is not installed here, so this order could not be placed`);
        else unplaced('unknown-town', { town: echo(order.town) }, `"${echo(order.town)}" is not a town we know in ${where}, and this order has no postcode, so it could not be placed`);
        continue;
      }
      [lat, lon] = [String(place.lat), String(place.lon)];
      byTown++;
    } else if (lat === '' || lon === '') {
      unplaced('no-location', {}, 'this order has no postcode, town, or latitude and longitude, so it could not be placed');
      continue;
    }
    const parcels = order.badParcels !== null ? order.badParcels : String(order.parcels);
    out.push([lat, lon, parcels, order.id].map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','));
    // One entry per line the row takes here (a quoted name may hold line breaks), so that lineOf[line - 2] is right.
    const lines = 1 + (order.id.match(/\r\n|\r|\n/g)?.length ?? 0);
    for (let i = 0; i < lines; i++) lineOf.push(order.line);
  }
  radii.sort((a, b) => a - b);
  return {
    csv: `${out.join('\n')}\n`,
    lineOf,
    errors,
    rows: rows.length,
    orders: orders.length,
    located,
    byTown,
    precisionKm: radii.length ? radii[Math.floor(radii.length / 2)] : null,
  };
}

/**
 * A CSV order file read as the page and the command line both read it: a plain `lat,lon` file by `parseOrders`
 * itself; anything else (a shop's export, postcodes, towns, chosen `columns`) through toOrdersCsv, with every
 * error on the file's own line. `parseOrders` is the API's. Returns parseOrders' `{ orders, errors }` and `mapping`:
 * `{ header, columns, layout }`, and when the file was mapped `{ rows, orders, unmatched, located, byTown,
 * precisionKm }` (`unmatched`: orders whose address could not be placed, the errors with a `code`). `onLocate` is
 * called before a mapped file's places are looked up (the tables may have to be fetched).
 */
export async function readOrderFile(text, parseOrders, { columns = null, country = 'GB', onLocate } = {}) {
  const header = readCsv(text.slice(0, text.search(/\r?\n|$/)))[0]?.cells ?? [];
  const cols = columns ?? detectColumns(header);
  const mapping = { header, columns: cols, layout: detectLayout(header) };
  // A file with no location column at all (not even a town) goes to parseOrders as it is: its error names the
  // columns it needs, where mapping would only say, row by row, that no order has an address.
  const nowhere = cols.postcode < 0 && cols.town < 0 && (cols.lat < 0 || cols.lon < 0);
  if (!columns && (nowhere || !needsMapping(header, cols))) return { ...parseOrders(text), mapping };
  onLocate?.();
  const mapped = await toOrdersCsv(text, cols, country);
  const parsed = parseOrders(mapped.csv);
  const errors = [...mapped.errors, ...parsed.errors.map((e) => ({ ...e, line: mapped.lineOf[e.line - 2] ?? e.line }))]
    .sort((a, b) => a.line - b.line);
  const { rows, orders, located, byTown, precisionKm } = mapped;
  return { orders: parsed.orders, errors, mapping: { ...mapping, rows, orders, unmatched: mapped.errors.length, located, byTown, precisionKm } };
}
