// Die Wörter der Händleransicht auf Deutsch. Dieselben Exporte wie en-GB/merchant.js; Zahlen über `n` ("1.234,5 kg").
// Szenarionamen bleiben, wie sie sind: Substantive werden im Deutschen nicht kleingeschrieben.
import { n } from './numbers.js';

export const lang = 'de-DE';

const plural = new Intl.PluralRules('de-DE');
const pl = (count, forms) => forms[plural.select(count)] ?? forms.other;

export const HTML = {
  'merchant.title': 'Bestellungen analysieren',
  'merchant.intro':
    'Laden Sie die Lieferorte Ihrer Bestellungen und sehen Sie, wie viele Kilometer, wie viel Energie und wie viele Emissionen Sie sparen, wenn Sie sie zu Touren bündeln, an Paketshops liefern oder mit Lastenrädern zustellen. Die Datei wird nur in Ihrem Browser gelesen und nie hochgeladen.',
  'merchant.file': 'Bestelldatei (CSV mit Postleitzahlen, Orten oder Breiten- und Längengrad; oder GeoJSON-Punkte)',
  'merchant.dropBefore': '… oder ziehen Sie eine Datei hierher oder',
  'merchant.sample': 'laden Sie die Beispielstadt',
  'merchant.dropAfter': '(3.000 Bestellungen im Osten Londons).',
  'merchant.columns': 'Spalten in Ihrer Datei',
  'merchant.columnsHint':
    'Anhand ihrer üblichen Namen erkannt (Bestellexporte von Shopify, WooCommerce und Etsy, „postcode“, „latitude“ …); korrigieren Sie falsch zugeordnete Spalten. Jede Bestellung ist ein Paket, solange Sie keine Paketspalte wählen: Artikelmengen sind keine Pakete.',
  'merchant.colPostcode': 'Postleitzahl',
  'merchant.colLat': 'Breitengrad',
  'merchant.colLon': 'Längengrad',
  'merchant.colTown': 'Ort (für Zeilen ohne Postleitzahl)',
  'merchant.colCountry': 'Land (leer: das des Shops)',
  'merchant.colParcels': 'Pakete je Bestellung',
  'merchant.colId': 'Bestellnummer (Zeilen mit derselben Nummer bilden eine Bestellung)',
  'merchant.depot': 'Ihr Depot',
  'merchant.settings': 'Einstellungen',
  'merchant.depotPlace': 'Postleitzahl oder Ort des Depots',
  'merchant.depotPlaceHint': 'z. B. E15 oder Leeds',
  'merchant.depotLat': 'Breitengrad des Depots',
  'merchant.depotLon': 'Längengrad des Depots',
  'merchant.vehicle': 'Fahrzeug',
  'merchant.dieselVan': 'Diesel-Transporter',
  'merchant.petrolVan': 'Benzin-Transporter',
  'merchant.electricVan': 'Elektro-Transporter',
  'merchant.capacity': 'Kapazität (Pakete je Tour)',
  'merchant.pickupPoints': 'Anzahl der Paketshops (leer: etwa einer je 12,6 km²)',
  'merchant.area': 'Touren der Paketdienste',
  'merchant.areaAuto': 'automatisch (aus der Dichte der Bestellungen)',
  'merchant.areaUrban': 'in der Stadt (Londoner Innenstadt: 127 Pakete, 11,9 km)',
  'merchant.areaSuburban': 'im Vorort (typische britische Tour: 100 Pakete, 45 km)',
  'merchant.areaRural': 'auf dem Land (32 Pakete, 96 km)',
  'merchant.rowErrors': 'Zeilen, die nicht gelesen werden konnten',
  'merchant.mapEmpty': 'Karte der Bestellungen: erscheint, sobald Bestellungen geladen sind',
  'merchant.legend': 'Legende',
  'merchant.legendDepot': 'Depot',
  'merchant.legendHub': 'Mikro-Depot (Lastenräder)',
  'merchant.legendPickup': 'Paketshop',
  'merchant.legendOrder': 'Bestellung, nach Tour eingefärbt',
  'merchant.mapSummaryEmpty': 'Hier erscheinen Bestellungen, Touren und Paketshops, auf einem einfachen Kilometerraster (ohne Kartenkacheln).',
  'merchant.scenarios': 'Szenarien: kg CO₂e (Well-to-Wheel)',
  'merchant.bars': 'Emissionen der Szenarien',
  'merchant.scaleNote':
    'Balken auf linearer Skala ab null; die Fehlerlinie auf jedem Balken zeigt seine Spanne: Darin liegen 90 % der Monte-Carlo-Ziehungen über die Annahmen.',
  'merchant.moves': 'Was das Ergebnis am stärksten bewegt',
  'merchant.tornadoLegend': 'Legende des Tornado-Diagramms',
  'merchant.tornadoLow': 'Annahme auf ihrem niedrigen Wert',
  'merchant.tornadoHigh': 'Annahme auf ihrem hohen Wert',
  'merchant.tableRegion': 'Vergleich der Szenarien (seitlich scrollbar)',
  'merchant.caption': 'Vergleich der Szenarien',
  'merchant.thScenario': 'Szenario',
  'merchant.thVehicleKm': 'Fahrstrecke der Fahrzeuge',
  'merchant.thShopperKm': 'Wege der Kundschaft',
  'merchant.thEnergy': 'Energie',
  'merchant.thKg': 'Emissionen (CO₂e)',
  'merchant.thPerParcel': 'CO₂e je Paket',
  'merchant.thSaved': 'Gegenüber der Basis',
  'merchant.exportCsv': 'Szenarien herunterladen (CSV)',
  'merchant.exportGeojson': 'Touren herunterladen (GeoJSON)',
  'merchant.exportJson': 'Bericht herunterladen (JSON)',
};

export const PROGRESS = {
  starting: () => 'Wird gestartet …',
  loading: () => 'Rechner wird geladen …',
  reading: ({ name }) => `${name} wird gelesen …`,
  locating: ({ name }) => `Bestellungen aus ${name} werden verortet …`,
  planning: ({ orders }) => `Touren für ${n.count(orders)} ${pl(orders, { one: 'Bestellung', other: 'Bestellungen' })} werden geplant …`,
  pickup: () => 'Paketshops werden platziert …',
  bikes: () => 'Lastenrad-Touren werden geplant …',
  pricing: () => 'Emissionen werden berechnet …',
  drawing: () => 'Wird gezeichnet …',
  done: () => 'Fertig.',
};

/** Ein Land: ein Code als deutscher Name („Vereinigtes Königreich“), ein Name so, wie die Datei ihn schreibt. */
const countryName = (code) => (/^[A-Z]{2}$/.test(code) ? new Intl.DisplayNames(['de-DE'], { type: 'region' }).of(code) : code);

export const ROW_ERRORS = {
  'unknown-postcode': ({ postcode, country }) =>
    `„${postcode}“ ist keine uns bekannte Postleitzahl (${countryName(country)}), daher konnte diese Bestellung nicht verortet werden`,
  'unknown-town': ({ town }) => `„${town}“ ist kein uns bekannter Ort, und diese Bestellung hat keine Postleitzahl, daher konnte sie nicht verortet werden`,
  'no-location': () => 'diese Bestellung hat weder Postleitzahl noch Ort noch Breiten- und Längengrad und konnte daher nicht verortet werden',
  'other-country': ({ country }) =>
    `Lieferland ${countryName(country)}: Dafür haben wir weder Postleitzahlen noch Orte, daher konnte diese Bestellung nicht verortet werden`,
  'no-table': ({ country }) =>
    `Lieferland ${countryName(country)}: Die Ortsdaten dafür sind hier nicht installiert, daher konnte diese Bestellung nicht verortet werden`,
};

const AREAS = { urban: 'städtischen', suburban: 'vorstädtischen', rural: 'ländlichen' };

export const T = {
  none: '(keine)',
  column: (i) => `Spalte ${i}`,
  depot: 'Depot:',
  depotElsewhere: (text, code, places) =>
    `Kein Ort namens „${text}“ gefunden (${countryName(code)}). Meinten Sie ${new Intl.ListFormat('de-DE', { type: 'disjunction' }).format(places)}? Wählen Sie ${places.length > 1 ? 'unten einen der Orte' : 'den Ort unten'}, um Ihr Depot dorthin zu legen.`,
  depotOffers: 'Mögliche Orte Ihres Depots',
  sampleDepot: 'Depot: das eigene der Beispielstadt, im Osten Londons.',
  needDepot:
    'Wo beginnen Ihre Lieferungen? Geben Sie oben die Postleitzahl oder den Ort Ihres Depots an (oder Breiten- und Längengrad): Ihre Bestellungen werden von Ihrem eigenen Depot aus berechnet, und vorher wird nichts berechnet.',
  failPrefix: 'Die Bestellungen konnten nicht analysiert werden. ',
  failFallback: 'Prüfen Sie die Datei und die Einstellungen und versuchen Sie es dann erneut.',
  stoppedPrefix: 'Die Analyse wurde unerwartet abgebrochen. ',
  stoppedFallback: 'Versuchen Sie es erneut oder mit einer kleineren Datei.',
  sampleFailed: 'Die Beispielstadt konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es dann erneut.',
  join: (sentences) => sentences.join(' '),
  overridesIgnored: 'Mit Ihren gespeicherten Anpassungen ist diese Analyse nicht möglich; sie verwendet deshalb die Standardwerte.',
  noOrders: (name, errorCount) =>
    `${name}: Es konnten keine Bestellungen gelesen werden` +
    (errorCount ? `; ${n.count(errorCount)} ${pl(errorCount, { one: 'Zeile enthält', other: 'Zeilen enthalten' })} Fehler (unten aufgeführt).` : '.'),
  loaded({ name, layout, rows, orders, count, parcels, located, byTown = 0, precisionKm, unmatched = 0, errorCount }) {
    const source = layout
      ? `${{ shopify: 'Shopify', woocommerce: 'WooCommerce', etsy: 'Etsy' }[layout]}-Bestellexport, ${n.count(rows)} ${pl(rows, { one: 'Zeile', other: 'Zeilen' })} mit ${n.count(orders)} ${pl(orders, { one: 'Bestellung', other: 'Bestellungen' })}; `
      : '';
    const where = located
      ? `; ${located === count ? 'alle' : n.count(located)} über die Postleitzahl verortet${precisionKm != null ? `, auf etwa ${n.km(precisionKm)} (mittlerer Bezirksradius)` : ' (in der Mitte des jeweiligen Orts)'}`
      : '';
    const towns = byTown ? `; ${byTown === count ? 'alle' : n.count(byTown)} mit Ort, aber ohne Postleitzahl, in der Ortsmitte verortet` : '';
    const notFound = unmatched ? `; ${n.count(unmatched)} ${pl(unmatched, { one: 'Adresse', other: 'Adressen' })} nicht gefunden` : '';
    const bad = errorCount - unmatched;
    const skipped = bad ? `; ${n.count(bad)} ${pl(bad, { one: 'Zeile', other: 'Zeilen' })} wegen Fehlern übersprungen` : '';
    return `${name}: ${source}${n.count(count)} ${pl(count, { one: 'Bestellung', other: 'Bestellungen' })} mit ${n.count(parcels)} ${pl(parcels, { one: 'Paket', other: 'Paketen' })} geladen${where}${towns}${notFound}${skipped}${errorCount ? ' (unten aufgeführt).' : '.'}`;
  },
  line: (line, message) => `Zeile ${line}: ${message}`,
  feature: (feature, message) => `Objekt ${feature}: ${message}`,
  more: (count) => `… und ${n.count(count)} weitere.`,
  area: (area, chosen) =>
    `Die Touren der Paketdienste entsprechen denen eines ${AREAS[area]} Gebiets (${chosen ? 'wie gewählt' : 'aus der Dichte der Bestellungen geschätzt'}). `,
  baselineName: (label) => `${label} (Basis)`,
  cutBar: (label, figure, times) => `Der Balken für „${label}“ ist gekürzt: Mit ${figure} ist der Wert ${times}-mal so hoch wie der nächsthöchste und passt nicht auf diese Skala.`,
  co2e: (figure) => `${figure} CO₂e`,
  noSaving: 'Keine Ersparnis, die sich aufschlüsseln ließe',
  tornadoTitle: (option, base, central, median, more) =>
    more
      ? `Wie viel mehr „${option}“ verursacht als „${base}“ (${central} mehr, wenn jede Annahme auf ihrem mittleren Wert steht; Median der Simulationsläufe ${median}) und wie weit jede Annahme das verschiebt`
      : `Die Ersparnis von „${option}“ gegenüber „${base}“ (${central}, wenn jede Annahme auf ihrem mittleren Wert steht; Median der Simulationsläufe ${median}) und wie weit jede Annahme sie verschiebt`,
  tornadoFlat: (option, base, central, median, more) =>
    more
      ? `Wie viel mehr „${option}“ verursacht als „${base}“ (${central} mehr, wenn jede Annahme auf ihrem mittleren Wert steht; Median der Simulationsläufe ${median}): Keine Annahme verschiebt das um mehr als die angezeigte Genauigkeit.`
      : `Die Ersparnis von „${option}“ gegenüber „${base}“ (${central}, wenn jede Annahme auf ihrem mittleren Wert steht; Median der Simulationsläufe ${median}): Keine Annahme verschiebt sie um mehr als die angezeigte Genauigkeit.`,
  tornado: (option, base, more) =>
    more
      ? `Wie jede Annahme, von ihrem niedrigen bis zu ihrem hohen Wert, verändert, wie viel mehr „${option}“ verursacht als „${base}“`
      : `Wie jede Annahme, von ihrem niedrigen bis zu ihrem hohen Wert, die Ersparnis von „${option}“ gegenüber „${base}“ verändert`,
  span: (a, b) => `${a} bis ${b}`,
  baseline: 'Basis',
  same: 'gleich',
  noClear: 'kein klarer Unterschied',
  less: (figure) => `${figure} weniger`,
  increase: (figure) => `${figure} mehr`,
  withRange: (figure, range) => `${figure} (${range})`,
  to: (a, b) => `${a} bis ${b}`,
  moreToLess: (more, less) => `von ${more} mehr bis ${less} weniger`,
  diesel: (litres) => `${n.sig(litres)} l Diesel`,
  petrol: (litres) => `${n.sig(litres)} l Benzin`,
  kwh: (kwh) => `${n.sig(kwh)} kWh`,
  energyBy: (delivery, shoppers) => [delivery && `Zustellung: ${delivery}`, shoppers && `eigene Fahrten der Kundschaft: ${shoppers}`].filter(Boolean).join('; '),
  plus: ' + ',
  noneEmitsLess: (base) => `Für diese Bestellungen verursacht keine Option weniger Emissionen als „${base}“.`,
  range: (range, coverage) => ` (${range}, ${String(coverage).replace(/\s%$/, '-%')}-Intervall)`,
  noClearHeadline: (base, option, saving, range) =>
    `Kein klarer Unterschied zu „${base}“: „${option}“ spart vielleicht ${saving}, aber die Spanne${range} schließt auch den Fall ohne Ersparnis ein.`,
  headline: (option, kg, baseKg, base, saving, range) => `${option}: ${kg} statt ${baseKg} bei „${base}“, ${saving} weniger${range}.`,
  scaleBar: (km) => n.km(km),
  mapSummary({ orders, trips, minRounds, pickupPoints, hub, km }) {
    const fill = trips <= minRounds ? 'so wenige, wie die Pakete zulassen' : `die Pakete brauchen mindestens ${n.count(minRounds)}`;
    return (
      `Karte: ${n.count(orders)} ${pl(orders, { one: 'Bestellung', other: 'Bestellungen' })} in ${n.count(trips)} gebündelten ${pl(trips, { one: 'Tour', other: 'Touren' })} (${fill}) ab dem Depot ` +
      `(oranges Quadrat), mit ${n.count(pickupPoints)} ${pl(pickupPoints, { one: 'Paketshop', other: 'Paketshops' })} (${pl(pickupPoints, { one: 'schwarzes Dreieck', other: 'schwarze Dreiecke' })})${hub ? ' und dem Mikro-Depot der Lastenräder (grüner Kreis)' : ''}. Maßstab: ${n.km(km)}.`
    );
  },
};
