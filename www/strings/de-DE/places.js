// Die Wörter der Ortssuche (places.js, place-field.js) auf Deutsch; dieselben Exporte wie en-GB/places.js.
// Numbers go through Intl in this language; countries are given as ISO codes and named through Intl.DisplayNames.
// Country names stand after a colon or in brackets, so that no article is needed ("die Vereinigten Staaten").

export const lang = 'de-DE';

const n2 = (v) => new Intl.NumberFormat(lang, { maximumSignificantDigits: 2 }).format(v);

const country = (code) => new Intl.DisplayNames([lang], { type: 'region' }).of(code);

/** The parts of the UK, by GeoNames admin code. */
export const UK_PARTS = { ENG: 'England', SCT: 'Schottland', WLS: 'Wales', NIR: 'Nordirland' };

/** ["Newcastle", "Südafrika"] → "Newcastle, Südafrika". */
export const label = (parts) => parts.join(', ');

export const precision = {
  postcodeDistrict: (km) => `Postleitzahlbezirk, auf etwa ${n2(km)} km genau`,
  postcodeTown: (town) => `Postleitzahl von ${town}, Ortsmitte`,
  postcodeArea: 'Mitte des ZIP-Code-Gebiets',
  town: 'Ortsmitte',
  device: (metres) => `von Ihrem Gerät, auf etwa ${metres < 1000 ? `${n2(metres)} m` : `${n2(metres / 1000)} km`} genau`,
};

export const placeLine = (prefix, name, precisionText) => `${prefix} ${name}${precisionText ? ` (${precisionText})` : ''}.`;

export const YOUR_LOCATION = 'Ihr Standort';
export const LOCATING = 'Standort wird ermittelt …';

export const POSTCODE_EXAMPLES = { CN: '100010', JP: '100-0001', GB: 'LS6 1AN oder LS6', US: '10001', DE: '80331', FR: '75001' };

export const problems = {
  districtUnknown: (outward) => `Den Postleitzahlbezirk ${outward} gibt es in der Liste britischer Postleitzahlen nicht. Bitte prüfen Sie ihn oder geben Sie einen Ort ein.`,
  postcodeUnknown: (code, where) => `Die Postleitzahl ${code} steht nicht in der Liste (Land: ${country(where)}). Bitte prüfen Sie sie oder geben Sie einen Ort ein.`,
  noPostcodeTable: (where) => `Postleitzahlen lassen sich für dieses Land (${country(where)}) nicht offline suchen: Es gibt keine offene Tabelle ihrer Lage. Bitte geben Sie einen Ort ein.`,
  noTown: (text, example) => `Kein Ort namens „${text}“ gefunden. ${example ? `Versuchen Sie eine Postleitzahl (etwa ${example}) oder eine andere Schreibweise.` : 'Versuchen Sie eine andere Schreibweise.'}`,
  /** A postcode of other countries, not of the merchant's ("10115" on a British page). */
  otherPostcode: (text, where, others) =>
    `„${text}“ ist hier keine Postleitzahl (Land: ${country(where)}), hat aber die Form einer Postleitzahl anderswo (Land: ${new Intl.ListFormat(lang, { type: 'disjunction' }).format(others.map(country))}). Um sie zu verwenden, wählen Sie dieses Land oben im Menü „Land“.`,
  closeMatch: (text, places) => `Kein Ort namens „${text}“ gefunden. Meinten Sie ${new Intl.ListFormat(lang, { type: 'disjunction' }).format(places)}?`,
  districtClose: (outward, districts) =>
    `${outward} ist kein vollständiger Postleitzahlbezirk. Meinten Sie ${new Intl.ListFormat(lang, { type: 'disjunction' }).format(districts)}? Oder geben Sie Ihre ganze Postleitzahl ein.`,
  elsewhere: (text, where, places) =>
    `„${text}“ wurde im Liefergebiet (${country(where)}) nicht gefunden. Meinten Sie ${new Intl.ListFormat(lang, { type: 'disjunction' }).format(places)}? Wählen Sie den Ort aus der Liste, um dorthin zu liefern.`,
  noRoad: (from, to, place) => `Keine Lieferung auf der Straße möglich – Lager: ${country(from)}, Ziel: ${place ?? country(to)}.`,
  loadFailed: 'Die Ortsliste konnte nicht geladen werden. Prüfen Sie Ihre Verbindung oder geben Sie unter „Erweitert“ Koordinaten ein.',
  noGeolocation: 'Dieser Browser kann der Seite Ihren Standort nicht mitteilen. Bitte geben Sie stattdessen eine Postleitzahl oder einen Ort ein.',
  geolocationDenied: 'Die Seite durfte Ihren Standort nicht verwenden. Bitte geben Sie stattdessen eine Postleitzahl oder einen Ort ein.',
  geolocationFailed: 'Ihr Standort konnte nicht ermittelt werden. Bitte geben Sie stattdessen eine Postleitzahl oder einen Ort ein.',
};

/** Was jede Ortsquelle (PLACE_SOURCES in places.js, nach id) der Suche liefert, für die Quellenansicht. */
export const SOURCE_COVERS = {
  geonames: 'Orte in allen Ländern, in Landesschrift und lateinischer Schrift; die Lage deutscher, französischer und japanischer Postleitzahlen',
  nspl: 'Britische Postleitzahlbezirke',
  'census-zcta': 'US-amerikanische ZIP-Codes',
  'osm-plz': 'Deutsche Postleitzahlen: die Orte, die sie versorgen',
  'japan-post': 'Japanische Postleitzahlen (郵便番号): die Gemeinde, in der sie liegen',
  'china-region': 'Chinesische Postleitzahlen (邮政编码): der Kreis, in dem sie liegen',
  etalab: 'Französische Postleitzahlen (codes postaux): die Gemeinden, die sie versorgen',
};
export const SOURCES_HEADING = 'Ortssuche (Postleitzahlen und Orte, offline)';
