// Die Sätze von www/errors.js auf Deutsch: `code` und `field` eines Fehlers werden zu einem verständlichen Satz.
// Feldnamen stehen mit Artikel im Nominativ, damit die Sätze grammatisch bleiben.

/** Verständliche Namen der Felder, nach Pfad (Array-Index als `[]`). */
export const FIELD_NAMES = {
  'shopper.lat': 'der Breitengrad',
  'shopper.lon': 'der Längengrad',
  shopper: 'der Standort',
  'depot.lat': 'der Breitengrad des Depots',
  'depot.lon': 'der Längengrad des Depots',
  depot: 'das Depot',
  'orders[].lat': 'der Breitengrad einer Bestellung',
  'orders[].lon': 'der Längengrad einer Bestellung',
  'orders[].parcels': 'die Paketanzahl einer Bestellung',
  lat: 'der Breitengrad',
  lon: 'der Längengrad',
  parcels: 'die Paketanzahl',
  weight_kg: 'das Gewicht',
  capacity: 'die Paketanzahl je Tour',
  vehicle: 'das Fahrzeug',
  car: 'das Auto',
  grid: 'das Stromnetz',
  country: 'das Land',
  stemKm: 'die Straßenentfernung vom Shop',
  'settings.lineHaul.km': 'die Straßenentfernung vom Shop',
  pickupKm: 'die Entfernung zum Paketshop',
  'pickup.points': 'die Anzahl der Paketshops',
  pickupPoints: 'die Anzahl der Paketshops',
  roadFactor: 'der Umwegfaktor',
  option: 'die Versandart',
  'packaging.items[].massKg': 'das Verpackungsgewicht',
  'packaging.items[].material': 'das Verpackungsmaterial',
  'packaging.items[].route': 'die Entsorgung der Verpackung',
  'digital.pages': 'die Anzahl der aufgerufenen Seiten',
  'digital.bytesPerPage': 'die Größe einer Seite',
  k: 'die Anzahl der Cluster',
  seed: 'der Startwert',
  geojson: 'die Datei',
  factors: 'die Liste der Faktor-Anpassungen',
  digitalFactors: 'die Liste der Digitalenergie-Anpassungen',
  offers: 'die Liste der Versandarten',
};

export const factorName = (id) => `der Faktor „${id}“`;
export const digitalName = (id) => `der Wert „${id}“`;

export const RANGES = {
  lat: 'zwischen -90 und 90',
  lon: 'zwischen -180 und 180',
  'settings.lineHaul.km': 'zwischen 0 und 5.000 km',
};

export const WHOLE_INPUT = {
  'too-deep': 'Diese Datei ist zu tief verschachtelt, um gelesen zu werden.',
  'too-large': 'Diese Datei ist zu groß, um gelesen zu werden.',
  'too-much-work': 'Das ist mehr, als der Rechner hier bewältigen kann; versuchen Sie es mit weniger Bestellungen oder Punkten.',
  overflow: 'Die Zahlen sind zu groß, um damit zu rechnen.',
  unreadable: 'Diese Datei konnte nicht gelesen werden.',
  'bad-file':
    'Das Format dieser Datei kann der Rechner nicht lesen. Nötig ist eine CSV-Datei mit einer Kopfzeile, die eine Spalte für die Postleitzahl (oder den Ort) oder Spalten für Breite und Länge nennt, oder eine GeoJSON-Datei mit Punkten.',
  aborted: 'Die Berechnung wurde abgebrochen.',
  conflict: 'Einige dieser Einstellungen passen nicht zusammen.',
};

/** „Der Breitengrad“ oder, ohne Namen (`null`), „Dieser Wert“. */
const the = (name) => (name ? name.charAt(0).toUpperCase() + name.slice(1) : 'Dieser Wert');

export const ABOUT_A_FIELD = {
  'not-finite': (name) => `${the(name)} muss eine Zahl sein.`,
  'out-of-range': (name, range) => (range ? `${the(name)} muss ${range} liegen.` : `${the(name)} liegt außerhalb des nutzbaren Bereichs.`),
  'not-integer': (name) => `${the(name)} muss eine ganze Zahl sein.`,
  'wrong-type': (name) => `${the(name)} hat nicht den richtigen Datentyp.`,
  required: (name) => `${the(name)} fehlt.`,
  'unknown-field': (name) => `${the(name)} ist dem Rechner als Einstellung nicht bekannt.`,
  'unknown-id': (name) => `${the(name)} ist dem Rechner nicht bekannt.`,
  'unknown-value': (name) => `${the(name)} ist dem Rechner nicht bekannt.`,
  invalid: (name) => `${the(name)} kann nicht verwendet werden.`,
  conflict: (name) => `${the(name)} widerspricht einer anderen Einstellung.`,
  overflow: (name) => `${the(name)} ist zu groß, um damit zu rechnen.`,
};

export const FALLBACK = 'Dieser Wert kann nicht verwendet werden.';
