// A shop's own export, read as it comes: the columns are recognised by their usual names (Shopify's "Shipping Zip"
// and "Shipping City", "postcode", "latitude", …) or chosen by the merchant, and a file with UK postcodes but no
// coordinates is located to postcode districts offline (a row with a town and no postcode, to the town's centre).
// An order is one parcel unless the merchant has a parcels column: item quantities ("Lineitem quantity", "qty") are
// not parcels (four coasters travel in one box), so they are never taken for one. The result is the plain CSV that `parseOrders` reads
// (`lat,lon,parcels,id`), with each of its lines traced back to the file's own line numbers.
import { parsePostcodeOf, lookupPostcode, findPlace } from './places.js';

/** The roles a column can play, with the names each is known by (compared without case, spaces or punctuation). */
export const ALIASES = {
  lat: ['lat', 'latitude', 'shippinglatitude', 'y'],
  lon: ['lon', 'lng', 'long', 'longitude', 'shippinglongitude', 'x'],
  parcels: ['parcels', 'parcelcount', 'numberofparcels', 'packages', 'packagecount'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode', 'shippingzip', 'shippingpostcode', 'shippingpostalcode', 'billingzip'],
  town: ['shippingcity', 'city', 'town', 'shippingtown', 'billingcity'],
  id: ['id', 'name', 'order', 'orderid', 'ordernumber', 'ordername'],
};
const key = (name) => name.toLowerCase().replace(/[^a-z0-9]/g, '');

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

/** The column (index) for each role, from the header: `{ lat, lon, parcels, postcode, town, id }`, -1 where none. */
export function detectColumns(header) {
  const keys = header.map(key);
  return Object.fromEntries(
    Object.entries(ALIASES).map(([role, names]) => [role, names.map((n) => keys.indexOf(n)).find((i) => i >= 0) ?? -1]),
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

/** A cell as written, without Excel's text prefix: a spreadsheet shows `'N1 9EX` as N1 9EX, and exports the `'`. */
const cellText = (cell) => (cell ?? '').trim().replace(/^'/, '').trim();

/** A quantity: a plain decimal number (`3`, `2.5`), else NaN; `0x10`, `1e3`, `Infinity` are not quantities. */
const number = (cell) => (/^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*$/.test(cell ?? '') ? Number(cell) : NaN);

/**
 * The file as `parseOrders` CSV. Rows sharing an order id (Shopify writes one row per line item, with the address on
 * the first) become one order: one parcel, or the sum of its rows' parcels when a parcels column is mapped. Returns
 * `{ csv, lineOf, errors, located, byTown, precisionKm }`: `lineOf[i]` is the file's line for the row on the CSV's
 * line i + 2; `errors` are rows that could not be placed; `located` counts orders placed by postcode (in `country`'s
 * table), `byTown` those with a town and no postcode, placed at the town's centre; `precisionKm` is the median
 * district radius (90% of postcodes within it; UK districts only, null when none has one).
 */
export async function toOrdersCsv(text, columns, country = 'GB') {
  const [head, ...rows] = readCsv(text);
  if (!head) return { csv: 'lat,lon,parcels\n', lineOf: [], errors: [], located: 0, byTown: 0, precisionKm: null };
  const cols = columns ?? detectColumns(head.cells);
  const orders = [];
  const byId = new Map();
  for (const { line, cells } of rows) {
    const id = cols.id >= 0 ? cellText(cells[cols.id]) : '';
    let order = id ? byId.get(id) : undefined;
    if (!order) {
      // Without a parcels column an order is one parcel, however many line items it has.
      order = { line, id, parcels: cols.parcels >= 0 ? 0 : 1, badParcels: null, lat: '', lon: '', postcode: '', town: '' };
      orders.push(order);
      if (id) byId.set(id, order);
    }
    if (cols.parcels >= 0) {
      const parcels = number(cellText(cells[cols.parcels]));
      if (!Number.isFinite(parcels)) order.badParcels ??= cells[cols.parcels] ?? '';
      else order.parcels += parcels;
    }
    for (const role of ['lat', 'lon', 'postcode', 'town']) {
      if (cols[role] >= 0 && !order[role]) order[role] = cellText(cells[cols[role]]);
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
    if ((lat === '' || lon === '') && order.postcode) {
      const place = parsePostcodeOf(order.postcode, country) ? await lookupPostcode(order.postcode, { country }) : null;
      if (!place) {
        // The code and the postcode let the page word it in its language; the message is for the logs.
        errors.push({
          line: order.line,
          code: 'unknown-postcode',
          postcode: order.postcode,
          message: `"${order.postcode}" is not a postcode we know in ${country}, so this order could not be placed`,
        });
        continue;
      }
      [lat, lon] = [String(place.lat), String(place.lon)];
      located++;
      if (place.precisionKm != null) radii.push(place.precisionKm); // a town's or area's centre has none
    } else if ((lat === '' || lon === '') && order.town) {
      // A town with no postcode ("Walthamstow"): its centre, if the place tables know it in `country`.
      const place = await findPlace(order.town, { country });
      if (!place) {
        errors.push({
          line: order.line,
          code: 'unknown-town',
          town: order.town,
          message: `"${order.town}" is not a town we know in ${country}, and this order has no postcode, so it could not be placed`,
        });
        continue;
      }
      [lat, lon] = [String(place.lat), String(place.lon)];
      byTown++;
    } else if (lat === '' || lon === '') {
      errors.push({ line: order.line, code: 'no-location', message: 'this order has no postcode and no latitude and longitude, so it could not be placed' });
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
    located,
    byTown,
    precisionKm: radii.length ? radii[Math.floor(radii.length / 2)] : null,
  };
}
