// Die Wörter der Kommandozeile auf Deutsch: Hilfe, Meldungen auf stderr und die Wörter der Tabelle. JSON, CSV und
// GeoJSON sind in jeder Sprache gleich und nehmen nichts von hier.
import { n } from './numbers.js';

export const lang = 'de-DE';

const plural = new Intl.PluralRules('de-DE');
const pl = (count, forms) => forms[plural.select(count)] ?? forms.other;

const LANG_OPTION = `  --lang TAG             Sprache von Hilfe, Meldungen und Tabelle: en-GB, zh-CN, de-DE (Standard: aus LC_ALL,
                         LC_MESSAGES oder LANG, z. B. de_DE.UTF-8; sonst britisches Englisch)`;

export const HELP = {
  main: (version) => `green-delivery ${version}: CO₂-Fußabdruck von Paketzustellungen und Bündelung, berechnet vom wasm-Kern von green-delivery

Aufruf:
  green-delivery consolidate <orders.csv|orders.geojson|-> --depot LAT,LON [Optionen]
  green-delivery options --to LAT,LON [--from LAT,LON] [Optionen]
  green-delivery factors [--format csv|json]
  green-delivery <Befehl> --help

Befehle:
  consolidate   vergleicht gebündelte Touren, Paketshops und Lastenräder mit den Touren der Paketdienste und Einzelfahrten
  options       g CO₂e je Paket für jede Versandart an eine Adresse (die Zahlen des Checkout-Widgets)
  factors       die Standard-Emissionsfaktoren, jeweils mit Quelle, Jahr und Lizenz

Jeder Befehl akzeptiert --lang TAG (en-GB, zh-CN, de-DE) für Hilfe, Meldungen und Tabelle; der Standard kommt aus
LC_ALL, LC_MESSAGES oder LANG. JSON, CSV und GeoJSON sind in jeder Sprache gleich.
Exit-Status: 0 fertig, 1 fehlerhafte Eingabe (Zeile und Feld auf stderr genannt), 2 Aufruffehler.
Gelesen werden höchstens 134.217.728 Bytes (128 MiB, die Textgrenze des Rechners); ein Gerät oder eine Pipe, die
30 s lang nichts sendet (GREEN_DELIVERY_READ_TIMEOUT, in Sekunden), wird aufgegeben. Zahlen sind einfache
Dezimalzahlen mit Punkt (12, -0.5).
`,
  consolidate: () => `Aufruf: green-delivery consolidate <orders.csv|orders.geojson|-> --depot LAT,LON [Optionen]

Liest Bestellungen (CSV mit den Spalten lat/lon[/parcels/weight_kg/id] oder eine GeoJSON-FeatureCollection aus
Punkten; "-" liest von stdin) und vergleicht wie die Händleransicht der Seite sechs Arten der Zustellung
(Ersparnis gegenüber den Standardtouren der Paketdienste). Ein Shop-Export wird wie auf der Seite gelesen: die
Bestell-CSVs von Shopify, WooCommerce und Etsy anhand ihrer Spalten, Artikelzeilen zu Bestellungen zusammengefasst
(je ein Paket); Postleitzahlen und Orte werden offline verortet, im Land der Zeile, sonst in --country (das npm-Paket
enthält die britischen Postleitzahlbezirke, ein Checkout des Repositorys alle Tabellen). Bestellungen, deren Adresse
nicht gefunden wird, werden auf stderr aufgeführt und ausgelassen.

Optionen:
  --depot LAT,LON        das Depot (Pflicht), z. B. 51.5416,-0.0076
  --vehicle ID           Emissionsfaktor des Transporters: diesel-van (Standard), petrol-van, electric-van
  --capacity N           Pakete je Tour (Standard 100)
  --pickup-points N      Anzahl der Paketshops (Standard: einer je π·(2 km)² des Bestellgebiets)
  --area AREA            Touren der Paketdienste für Standardversand und nächsten Tag: urban, suburban, rural
                         (Standard: aus der Dichte der Bestellungen)
  --country CC           Land der Zustellung, ISO 3166-1 Alpha-2 (Standard GB): seine Annahmen für Strommix,
                         Fahrzeuge, Hauptlauf und Abholung (CN, DE, FR, GB, JP, US; andere Länder erhalten
                         gekennzeichnete Ersatzwerte)
  --grid ID              Strommix-Faktor für Elektrofahrzeuge (Standard: der Strommix des Landes)
  --format FORMAT        json (Standard: der JSON-Bericht der Seite), csv (die Szenarientabelle), geojson (Touren)
  --out FILE             dorthin schreiben statt auf stdout
  --skip-bad-rows        bei fehlerhaften Zeilen die fehlerfreien verwenden (jede fehlerhafte wird trotzdem auf
                         stderr gemeldet)
${LANG_OPTION}
  -h, --help             diese Hilfe

Eine fehlerhafte Zeile beendet den Lauf mit Exit-Status 1 und nennt Zeile und Feld, außer mit --skip-bad-rows.
`,
  options: () => `Aufruf: green-delivery options --to LAT,LON [--from LAT,LON] [Optionen]

Gramm CO₂e für ein Paket je Versandart (am selben Tag, am nächsten Tag, Standardversand, fester Liefertag,
Paketshop zu Fuß oder per Auto, Packstation, Lastenrad), wie das Checkout-Widget sie zeigt: Jede Zahl ist der
Median einer Monte-Carlo-Simulation über die Annahmen, mit ihrer 90-%-Spanne und ihrer Ersparnis gegenüber dem
Standardversand („kein klarer Unterschied“, wenn die Spanne der Ersparnis null einschließt).

Optionen:
  --to LAT,LON           die Adresse der Kundin oder des Kunden (Pflicht)
  --from LAT,LON         das Depot des Händlers, wo der Hauptlauf beginnt (Standard: die Annahme lineHaul.km)
  --area AREA            die Tour des Paketdienstes am Wohnort: urban, suburban (Standard), rural
  --weight KG            Gewicht des Pakets (setzt parcel.kg und entscheidet, ob ein Lastenrad es mitnehmen kann)
  --pickup-km KM         einfache Strecke zum Paketshop (die Annahme pickup.km)
  --setting ID=VALUE     eine beliebige Annahme der Kette nach ID, z. B. failures.rate=0.05 (wiederholbar; README,
                         "Settings")
  --baseline ID          die Versandart, an der Ersparnisse gemessen werden (Standard standard)
  --vehicle ID           Emissionsfaktor des Transporters: diesel-van (Standard), petrol-van, electric-van
  --car ID               das Auto für Fahrten zum Paketshop: petrol-car (Standard), diesel-car, electric-car
  --country CC           Land der Zustellung, ISO 3166-1 Alpha-2 (Standard GB): seine Annahmen für Strommix,
                         Fahrzeuge, Hauptlauf und Abholung (CN, DE, FR, GB, JP, US; andere Länder erhalten
                         gekennzeichnete Ersatzwerte)
  --grid ID              Strommix-Faktor für Elektrofahrzeuge (Standard: der Strommix des Landes)
  --format FORMAT        table (Standard), json (das Ergebnis der API), csv
  --out FILE             dorthin schreiben statt auf stdout
${LANG_OPTION}
  -h, --help             diese Hilfe
`,
  factors: () => `Aufruf: green-delivery factors [--format csv|json] [--out FILE] [--lang TAG]

Listet die Tabelle der Standardfaktoren: ID, Bezeichnung, Einheit, kg CO₂e je Einheit (Well-to-Wheel) mit der
Aufteilung in TTW/WTT, Quelle, Jahr und Lizenz. --format json gibt alle Felder aus, samt DESNZ-Zeilen-IDs.
`,
};

export const M = {
  latLon: (option, got) => `${option} muss LAT,LON sein (zwei Dezimalzahlen mit Punkt, z. B. 51.54,-0.01), erhalten: "${got}"`,
  decimal: (option, got) => `${option} muss eine Dezimalzahl mit Punkt sein, erhalten: "${got}"`,
  tooLarge: (name, bytes) => `${name} ist größer als ${n.count(bytes)} Bytes (128 MiB), mehr liest der Rechner nicht`,
  cannotRead: (name, why) => `${name} kann nicht gelesen werden: ${why}`,
  noSuchFile: 'Datei nicht gefunden',
  isFolder: 'das ist ein Ordner',
  silent: (name, seconds) => `${name} hat ${seconds} s lang nichts gesendet; geben Sie eine Datei an oder leiten Sie die Bestellungen per Pipe ein`,
  cannotWrite: (out, why) => `${out} kann nicht geschrieben werden: ${why}`,
  apiError: (where, code, field, message) => `${where ? `${where}: ` : ''}${code}${field ? ` (Feld ${field})` : ''}: ${message}`,
  oneFile: 'geben Sie genau eine Bestelldatei an (oder - für stdin)',
  noFile: 'die Bestelldatei fehlt (geben Sie einen Pfad an oder - für stdin)',
  depotRequired: '--depot LAT,LON ist erforderlich',
  reading: (source) => `${source} wird gelesen …`,
  parsing: (source) => `${source} wird ausgewertet …`,
  planning: (orders) => `Touren für ${n.count(orders)} ${pl(orders, { one: 'Bestellung', other: 'Bestellungen' })} werden geplant …`,
  writing: 'Wird geschrieben …',
  rowLine: (source, line, message) => `${source} Zeile ${line}: ${message}`,
  rowFeature: (source, feature, message) => `${source} Objekt ${feature}: ${message}`,
  badRows: (bad, source, good) =>
    `${n.count(bad)} fehlerhafte ${pl(bad, { one: 'Zeile', other: 'Zeilen' })} in ${source}; korrigieren Sie sie oder verwenden Sie mit --skip-bad-rows nur die ${n.count(good)} ${pl(good, { one: 'fehlerfreie', other: 'fehlerfreien' })}`,
  noOrders: (source) => `${source}: Es konnten keine Bestellungen gelesen werden`,
  skipped: (line) => `übersprungen: ${line}`,
  /** Was eine zugeordnete Datei enthielt (ein Shop-Export oder Postleitzahlen). */
  readSummary: (source, { layout, rows, orders, placed, parcels, unmatched }) =>
    `${source}: ${layout ? `${{ shopify: 'Shopify', woocommerce: 'WooCommerce', etsy: 'Etsy' }[layout]}-Bestellexport, ` : ''}` +
    `${n.count(rows)} ${pl(rows, { one: 'Zeile', other: 'Zeilen' })} mit ${n.count(orders)} ${pl(orders, { one: 'Bestellung', other: 'Bestellungen' })}; ` +
    `${n.count(placed)} ${pl(placed, { one: 'Bestellung', other: 'Bestellungen' })} mit ${n.count(parcels)} ${pl(parcels, { one: 'Paket', other: 'Paketen' })} verortet` +
    (unmatched ? `; ${n.count(unmatched)} ${pl(unmatched, { one: 'Adresse', other: 'Adressen' })} nicht gefunden (oben aufgeführt)` : ''),
  unexpected: (arg) => `unerwartetes Argument "${arg}"`,
  toRequired: '--to LAT,LON ist erforderlich',
  settingForm: (got) => `--setting muss ID=VALUE sein (z. B. failures.rate=0.05), erhalten: "${got}"`,
  unknownCommand: (command) => `unbekannter Befehl "${command}"`,
  unknownOption: (option) => `unbekannte Option "${option}"`,
  format: (formats, got) => `--format muss eines von ${formats.join(', ')} sein, erhalten: "${got}"`,
  lang: (tags, got) => `--lang muss eines von ${tags.join(', ')} sein (oder dieselbe Sprache, z. B. de, zh-Hans), erhalten: "${got}"`,
  usage: (command) => `Hilfe zum Aufruf: "green-delivery ${command ? `${command} ` : ''}--help".`,
  internal: (message) => `interner Fehler, bitte melden: ${message}`,
  co2e: (figure) => `${figure} CO₂e`,
  greenest: ' (am grünsten)',
};
