// Die Seite (Titel, Kopf, Navigation, Sprachmenü, Fußzeile), die Ansicht für Kundinnen und Kunden, die Quellen und
// die Hinweise von loading.js auf Deutsch: eine Übersetzung von ../en-GB/page.js mit denselben Exporten.
import { n } from './numbers.js';

export const lang = 'de-DE';
const plural = (count, forms) => (forms[new Intl.PluralRules(lang).select(count)] ?? forms.other).replace('#', n.count(count));

export const HTML = {
  title: 'green-delivery: CO₂-Fußabdruck von Lieferungen, berechnet in Ihrem Browser',
  description: 'Sehen Sie, wie viel gebündelte Lieferungen einsparen – vollständig in Ihrem Browser. Keine Bestelldaten verlassen diese Seite.',
  tagline: 'CO₂-Fußabdruck von Lieferungen und Einsparungen durch Bündelung, vollständig in Ihrem Browser berechnet. Nichts, was Sie eingeben, verlässt diese Seite.',
  language: 'Sprache',
  country: 'Land',
  navLabel: 'Ansichten',
  tabShopper: 'Kundschaft',
  tabMerchant: 'Händler',
  tabClassroom: 'Klassenzimmer',
  tabSources: 'Quellen',
  footer: 'Läuft lokal in WebAssembly. Enthält Informationen des öffentlichen Sektors, lizenziert unter der Open Government Licence v3.0.',
  shopperTitle: 'Wie klimafreundlich ist meine Lieferung?',
  placeInitial: 'Ein Beispiel: Lieferung nach EC2A (Postleitzahlbezirk, auf etwa 1,7 km genau). Geben Sie oben Ihre PLZ oder Ihren Ort ein, um Ihr eigenes Ergebnis zu sehen.',
  calculating: 'Wird berechnet …',
  resultsLabel: 'Versandarten, niedrigste Emissionen zuerst, CO₂e je Paket',
  co2e: 'CO₂e',
  co2eNote: '(CO₂-Äquivalent) rechnet alle Treibhausgase in die Menge CO₂ um, die das Klima gleich stark erwärmen würde.',
  placeLabel: 'PLZ oder Ort',
  placePlaceholder: 'z. B. 80331 oder München',
  locate: 'Meinen Standort verwenden',
  placeHint: 'Ihre PLZ oder Ihr Standort wird nur auf dieser Seite nachgeschlagen und nirgendwohin gesendet.',
  vehicle: 'Zustellfahrzeug',
  dieselVan: 'Diesel-Transporter',
  petrolVan: 'Benzin-Transporter',
  electricVan: 'Elektro-Transporter',
  advanced: 'Erweitert: Koordinaten, Entfernung und Shop',
  theShop: 'Der Shop',
  shopPlace: 'PLZ oder Ort des Shops',
  shopPlacePlaceholder: 'z. B. 10115',
  shopLat: 'Breitengrad des Shops',
  shopLon: 'Längengrad des Shops',
  you: 'Sie',
  yourLat: 'Ihr Breitengrad',
  yourLon: 'Ihr Längengrad',
  roadKm: 'Oder Straßen-km vom Shop zu Ihnen',
  mapCaption: 'Klicken Sie, um Ihren Standort festzulegen. Die Ringe um den Shop liegen 5 km auseinander; es werden keine Kartenkacheln geladen.',
  wholeOrder: 'Ihre ganze Bestellung',
  wholeOrderIntro: 'Die Lieferung ist nur ein Teil des Fußabdrucks einer Bestellung: Auch die Verpackung und Ihre Zeit online zählen mit.',
  orderOptionHint: 'Mit der oben gewählten Versandart.',
  packaging: 'Verpackung',
  board: 'Karton',
  paper: 'Papier',
  plastic: 'Kunststoff',
  plasticFilm: 'Kunststofffolie',
  packagingMass: 'Gewicht der Verpackung (g)',
  endsUp: 'Entsorgung',
  recycling: 'Recycling',
  incineration: 'Verbrennung (mit Energierückgewinnung)',
  landfill: 'Deponie',
  pagesViewed: 'Aufgerufene Seiten',
  mbPerPage: 'MB je Seite',
  partsCaption: 'Fußabdruck Ihrer Bestellung nach Teilen',
  part: 'Teil',
  share: 'Anteil',
  assumptions: 'Annahmen',
  sourcesTitle: 'Quellen und Annahmen',
  sourcesIntro:
    'Jeder voreingestellte Faktor mit Quelle, Jahr und Lizenz. Geben Sie einen Wert ein, um ihn anzupassen: Ihre Anpassungen bleiben in diesem Browser (localStorage) und werden nirgendwohin gesendet.',
  resetOverrides: 'Alle Anpassungen zurücksetzen',
  searchLabel: 'Faktoren suchen (Name, ID oder Quelle)',
  searchPlaceholder: 'z. B. Diesel, Strom, DESNZ, CC BY',
  factorsCaption: 'Faktoren (Emissionsfaktoren in kg CO₂e je Einheit, Well-to-Wheel) und Annahmen, nach Art gruppiert',
};

export const LOADING = {
  failed: 'Der Rechner konnte nicht geladen werden, daher können hier keine Werte angezeigt werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  retry: 'Erneut versuchen',
  loading: 'Der Rechner wird geladen …',
};

export const SHOPPER = {
  cited: (sentence) => [`${sentence} (`, ')'],
  /** An option's figure: "160 g (120–260 g) CO2e". */
  perParcel: (figure) => `${figure} CO₂e`,
  lowest: 'Niedrigste Emissionen',
  amongLowest: 'Unter den niedrigsten',
  exampleTo: 'Ein Beispiel: Lieferung nach',
  exampleLine: (line) => `${line} Geben Sie oben Ihre PLZ oder Ihren Ort ein, um Ihr eigenes Ergebnis zu sehen.`,
  stillFor: 'Weiterhin angezeigt: das Ergebnis für',
  stillForExample: 'Weiterhin angezeigt: das Beispiel für',
  didYouMean: 'Meinten Sie',
  sourcesLink: 'Quellen und Annahmen',
  deliveringTo: 'Lieferung nach',
  asYouSetIt: 'von Ihnen festgelegt',
  ourAssumption: 'unsere Annahme',
  howWorkedOut: 'so wird gerechnet',
  everyday: (distance) => `So viel wie etwa ${distance} Fahrt mit einem Benziner.`,
  carFactor: (gramsPerKm) => `Der Alltagsvergleich rechnet mit ${gramsPerKm} CO₂e je km für einen Benziner.`,
  byRoad: (distance) => `${distance} auf der Straße vom Shop`,
  pickOption: 'Wählen Sie oben eine Versandart, um Ihre ganze Bestellung zu sehen.',
  withOption: (label) => `Mit der oben gewählten Versandart: ${label}.`,
  PARTS: { delivery: 'Lieferung', packaging: 'Verpackung', digital: 'Online', online: 'Online' },
  orderSummary: (total, parts) =>
    `Ihre Bestellung: ${total} CO₂e, davon ${parts.map(([name, grams]) => `${name} ${grams}`).join(', ')}.`,
  orderError: 'Der Fußabdruck Ihrer Bestellung kann nicht angezeigt werden. ',
  mapByDistance: (shop, distance) => `Karte: der Shop bei ${shop}; Sie sind auf der Straße ${distance} entfernt. Klicken Sie, um Ihren Standort festzulegen.`,
  mapByPlace: (shop, you) => `Karte: der Shop bei ${shop}, Sie bei ${you}. Klicken Sie, um Ihren Standort zu verschieben.`,
  mapShop: 'Shop',
  mapYou: 'Sie',
  country: (name) => name,
};

export const SOURCES = {
  HEADINGS: ['Faktor', 'ID', 'Wert', 'Einheit', 'Quelle', 'Jahr', 'Lizenz'],
  KINDS: {
    vehicles: 'Fahrzeuge und Wege (je km)',
    freight: 'Güterverkehr: Hauptlauf (je Tonnenkilometer)',
    grids: 'Stromnetze (je kWh)',
    fuels: 'Kraftstoffe (je Liter)',
    materials: 'Materialien und Abfall (je Tonne)',
    digital: 'Digitales: Server und Datenübertragung',
    chain: 'Lieferkette: Annahmen (zentraler Wert, niedrig–hoch; per ID in API, Widget oder CLI anpassbar)',
    comparisons: 'Alltagsvergleiche',
    other: 'Sonstiges',
  },
  overrideOf: (value, source) => `Ihre Anpassung statt des Standardwerts ${value} (${source})`,
  ownValue: 'Ihr eigener Wert',
  COMPARISON_NAMES: { phoneChargeKwh: 'Energie für eine Handyladung' },
  perUnit: (unit) => `kg CO₂e je ${unit}`,
  rows: (rows) => `Zeilen ${rows}`,
  everydayRow: (name) => `Alltagsvergleiche: ${name}`,
  byArea: (urban, rural) => `städtisch ${urban}; ländlich ${rural}`,
  countAll: (total) => plural(total, { one: '# Faktor bzw. Annahme.', other: '# Faktoren und Annahmen.' }),
  countNone: (query) => `Kein Faktor passt zu „${query}“. Versuchen Sie ein kürzeres Wort, etwa „Transporter“ oder „Strom“.`,
  countSome: (shown, total, query) => `${n.count(shown)} von ${n.count(total)} passen zu „${query}“.`,
  overridden: (count) =>
    plural(count, { one: '# Faktor in diesem Browser angepasst.', other: '# Faktoren in diesem Browser angepasst.' }),
  notSaved: (why) => `Nicht gespeichert: ${why}`,
};

/** Die Namen der Faktoren, nach id (die des Rechners sind englisch); Verpackungen aus Material und Verbleib. */
const FACTORS = {
  'diesel-van': 'Diesel-Transporter (Durchschnitt, bis 3,5 t)',
  'petrol-van': 'Benzin-Transporter (Durchschnitt, bis 3,5 t)',
  'electric-van': 'Elektro-Transporter (Durchschnitt, bis 3,5 t)',
  'e-cargo-bike': 'E-Lastenrad',
  'hgv-artic': 'Sattelzug (Diesel), je Tonnenkilometer',
  'petrol-car': 'Benziner (Durchschnitt)',
  'diesel-car': 'Diesel-Pkw (Durchschnitt)',
  'electric-car': 'Elektroauto (Durchschnitt)',
  walk: 'Zu Fuß',
  cycle: 'Fahrrad',
  'diesel-fuel': 'Diesel (mit durchschnittlichem Biokraftstoffanteil)',
  'petrol-fuel': 'Benzin (mit durchschnittlichem Biokraftstoffanteil)',
  'uk-grid-2025': 'Strom im britischen Netz 2025 (Erzeugung, Übertragung und Vorkette)',
  'grid-world': 'Strom im weltweiten Netzdurchschnitt',
  'grid-eu': 'Strom im EU-Netz',
  'ccf-utilisation': 'Durchschnittliche vCPU-Auslastung, wenn unbekannt',
  'swd-embodied-grid': 'Weltweite Emissionsintensität des Stroms für graue Emissionen',
};
const MATERIALS = {
  board: 'Karton', paper: 'Papier', plastic: 'Kunststoffe (Durchschnitt)', 'plastic-film': 'Kunststofffolie',
  'weee-small': 'Elektrokleingeräte', 'weee-large': 'Elektrogroßgeräte', 'weee-mixed': 'Elektrogeräte (gemischt)',
  battery: 'Batterien', 'battery-li-ion': 'Lithium-Ionen-Batterien', 'battery-alkaline': 'Alkali-Batterien',
};
const ROUTES = {
  landfill: 'Deponierung', incineration: 'Verbrennung mit Energierückgewinnung', recycling: 'Recycling im geschlossenen Kreislauf',
  'recycling-open': 'Recycling im offenen Kreislauf', primary: 'Primärherstellung', 'closed-loop-source': 'Herstellung aus Recyclingmaterial',
};
const PROVIDERS = { aws: 'AWS', gcp: 'Google Cloud', azure: 'Azure' };
const CCF = { 'min-watts': 'Watt je vCPU im Leerlauf', 'max-watts': 'Watt je vCPU unter Volllast', pue: 'PUE' };
const SEGMENTS = { 'data-centre': 'Rechenzentren', network: 'Netze', 'user-device': 'Endgeräte' };
const regions = new Intl.DisplayNames([lang], { type: 'region' });
/** Der Name eines Faktors aus seiner id; ein unbekannter behält den Namen des Rechners. */
export function factorLabel(id, label) {
  if (FACTORS[id]) return FACTORS[id];
  const grid = id.match(/^grid-([a-z]{2})$/);
  if (grid) return `Strom im Netz: ${regions.of(grid[1].toUpperCase())}`;
  const material = Object.keys(ROUTES).map((r) => id.match(new RegExp(`^(.+)-${r}$`)) && [id.slice(0, -r.length - 1), r]).find(Boolean);
  if (material && MATERIALS[material[0]]) return `${MATERIALS[material[0]]}, ${ROUTES[material[1]]}`;
  const ccf = id.match(/^ccf-(aws|gcp|azure)-(.+)$/);
  if (ccf && CCF[ccf[2]]) return `${PROVIDERS[ccf[1]]}, ${CCF[ccf[2]]}`;
  const swd = id.match(/^swd-(.+)-(operational|embodied)$/);
  if (swd && SEGMENTS[swd[1]]) return `${SEGMENTS[swd[1]]}, ${swd[2] === 'operational' ? 'Betrieb' : 'Herstellung (graue Emissionen)'}`;
  return label;
}
const UNITS = { 'vehicle-km': 'Fahrzeug-km', 'passenger-km': 'Personen-km', 'tonne-km': 'Tonnen-km', litre: 'Liter', tonne: 'Tonne' };
export const unitName = (unit) => UNITS[unit] ?? unit;
