// Die eigenen Texte des Rechners in der Ansicht „Quellen“ (www/sources.js) auf Deutsch: woher jede Annahme, jede
// Zahl zur Digitalenergie und jeder Alltagsvergleich stammt, ihre Einheiten und die Quelle eines Faktors. Die API
// liefert sie englisch (so stehen sie in den Rust-Tabellen); hier wird jeder englische Text wörtlich nachgeschlagen,
// und ein Text ohne Eintrag bleibt englisch. Zitate (Autorinnen und Autoren, Titel, Zeitschriften, URLs, Lizenzen, Zeilencodes) stehen
// wie veröffentlicht. tests/page/i18n.test.mjs prüft, dass jeder Text der API hier einen Eintrag hat.
import { lookup, CCF, SWD } from '../lookup.js';

export const lang = 'de-DE';

/** Einheitenzeichen, die auch auf Deutsch so geschrieben werden (reine Zitate behält ../lookup.js ohnehin bei). */
const AS_PUBLISHED = ['km', 'kg', 'PUE'];

const SWD_DE = 'Sustainable Web Design Model v4 (sustainablewebdesign.org), wie in CO2.js.';

/** Die Quellen der Annahmen, der Zahlen zur Digitalenergie („Quelle. Anmerkung“), der Alltagsvergleiche und der
 *  Faktoren, nach englischem Text. */
const SOURCES = {
  // Annahmen der Lieferkette
  assumption: 'Annahme',
  'assumption in the usual 1.2–1.4 circuity range (Ballou, Rahardja & Sakai 2002, Transp. Res. A 36(9))':
    'Annahme im üblichen Bereich des Umwegfaktors von 1,2–1,4 (Ballou, Rahardja & Sakai 2002, Transp. Res. A 36(9))',
  'DESNZ 2025 van size classes, Class I to Class III, WTW, as a share of the average van (OGL v3.0)':
    'DESNZ 2025, Größenklassen der Transporter (Class I bis Class III), WTW, im Verhältnis zum durchschnittlichen Transporter (OGL v3.0)',
  "University of Westminster / Pedal Me 2021: the rider's extra food, up to 22 g/km; not counted centrally":
    'University of Westminster / Pedal Me 2021: zusätzlicher Kalorienbedarf beim Fahren, bis zu 22 g/km; im zentralen Wert nicht mitgezählt',
  "assumption: China's parcels travel further between cities than the UK's":
    'Annahme: Pakete legen in China zwischen den Städten weitere Wege zurück als im Vereinigten Königreich',
  "assumption: the extra road km of trunking through the carrier's sort centre instead of straight to the delivery depot":
    'Annahme: zusätzliche Straßen-km, wenn der Hauptlauf über das Paketzentrum des Paketdienstes statt direkt zum Zustelldepot führt',
  "assumption: a typical e-commerce parcel, as charged on the trunk (the order's weightKg when given)":
    'Annahme: ein typisches Paket aus dem Onlinehandel, wie im Hauptlauf angerechnet (das weightKg der Bestellung, wenn angegeben)',
  "assumption, per parcel handled at one logistics site; in line with Evri's 2021 site electricity, about 8 g CO2e per parcel over its whole network (derived); GLEC's default hub intensities could not be opened":
    'Annahme, je Paket, das an einem Logistikstandort umgeschlagen wird; im Einklang mit dem Stromverbrauch der Standorte von Evri 2021, etwa 8 g CO₂e je Paket über das ganze Netz (abgeleitet); die Standardwerte von GLEC für Umschlagpunkte ließen sich nicht öffnen',
  'Shahmohammadi et al. 2020: carrier depot to round, geometric mean 17.87 km each way; range an assumption':
    'Shahmohammadi et al. 2020: vom Depot des Paketdienstes bis zur Tour, geometrisches Mittel 17,87 km je Richtung; Spanne angenommen',
  "urban: Allen et al. 2018, Transp. Res. D 61:325–338 (central London: 127 parcels, 11.9 km); suburban: Shahmohammadi et al. 2020 Table 3 (32 / 100 / 168 parcels; 11.9 / 45 / 96 km); rural: Shahmohammadi's sparse end (assumption for the range)":
    'städtisch: Allen et al. 2018, Transp. Res. D 61:325–338 (Londoner Innenstadt: 127 Pakete, 11,9 km); vorstädtisch: Shahmohammadi et al. 2020 Table 3 (32 / 100 / 168 Pakete; 11,9 / 45 / 96 km); ländlich: Shahmohammadis dünn besiedelte Gebiete (Spanne angenommen)',
  "assumption: a fixed delivery day fills the carrier's round; high 1.68 = Shahmohammadi's 168 over 100":
    'Annahme: Ein fester Liefertag füllt die Tour des Paketdienstes; hoher Wert 1,68 = 168 statt 100 Pakete bei Shahmohammadi',
  'assumption near the break-even of about six stops a trip reported for rush deliveries (Jaller & Pahwa 2020, Transp. Res. D, press summary)':
    'Annahme nahe dem Break-even-Punkt von etwa sechs Stopps je Fahrt, die für Eillieferungen berichtet wird (Jaller & Pahwa 2020, Transp. Res. D, laut Pressezusammenfassung)',
  "assumption: a same-day courier's local hub to the shopper's area, each way":
    'Annahme: vom örtlichen Standort eines Kuriers für Lieferungen am selben Tag bis ins Gebiet der Kundschaft, je Richtung',
  'assumption: parcel stations (快递驿站) sit in or at the gate of residential compounds':
    'Annahme: Paketshops (快递驿站) liegen in Wohnanlagen oder an deren Tor',
  'assumption: station pickups are on foot': 'Annahme: Zum Paketshop geht man zu Fuß',
  'assumption: parcels a van leaves at one locker bank': 'Annahme: Pakete, die ein Transporter an einer Packstation ablädt',
  'assumption: lockers (智能快递柜) stand inside residential compounds':
    'Annahme: Packstationen (智能快递柜) stehen innerhalb der Wohnanlagen',
  'assumption: locker pickups are on foot': 'Annahme: Zur Packstation geht man zu Fuß',
  "assumption: a locker bank's electricity over the parcels it holds":
    'Annahme: der Strom einer Packstation, umgelegt auf die Pakete darin',
  "assumption: shoppers' trips combined with other errands add no km (trip chaining, Brown & Guiffrida 2014, Int. J. Logistics Res. Appl.)":
    'Annahme: Wege der Kundschaft, die mit anderen Erledigungen verbunden werden, verursachen keine zusätzlichen km (Wegeketten, Brown & Guiffrida 2014, Int. J. Logistics Res. Appl.)',
  "Llorca & Moeckel 2021 (ETRR 13:33): at least half of parcels still need vans; high McLeod et al. 2020 (most of a central-London carrier's manifest moved to bikes and porters)":
    'Llorca & Moeckel 2021 (ETRR 13:33): Mindestens die Hälfte der Pakete braucht weiterhin Transporter; hoher Wert nach McLeod et al. 2020 (ein Paketdienst in der Londoner Innenstadt verlagerte den Großteil seiner Sendungen auf Räder und Fußboten)',
  "IMRG/NetDespatch 2019: 2.77% of first attempts carded, Mar 2018–Feb 2019; high Metapack's June 2014 peak 9.21%; low an assumption":
    'IMRG/NetDespatch 2019: Bei 2,77 % der ersten Zustellversuche blieb nur eine Benachrichtigungskarte, März 2018 bis Februar 2019; hoher Wert: Spitze von 9,21 % im Juni 2014 bei Metapack; niedriger Wert angenommen',
  'assumption: failed parcels the shopper collects at once (the rest are re-attempted, then collected if the re-attempt fails too)':
    'Annahme: nicht zugestellte Pakete, die die Kundschaft sofort selbst abholt (die übrigen werden erneut zugestellt und abgeholt, falls auch dieser Versuch scheitert)',
  "assumption: shopper to the carrier's depot, one way": 'Annahme: von der Kundschaft zum Depot des Paketdienstes, einfacher Weg',
  'assumption: collection trips by car (the rest on foot or by public transport, not counted)':
    'Annahme: Abholwege mit dem Auto (die übrigen zu Fuß oder mit öffentlichen Verkehrsmitteln, nicht gezählt)',
  "assumption; a collection point's trip emits 13% of a depot trip (Edwards et al. 2010, Transp. Res. Rec. 2191)":
    'Annahme; ein Weg zu einer Abholstelle verursacht 13 % der Emissionen eines Wegs zum Depot (Edwards et al. 2010, Transp. Res. Rec. 2191)',
  'MEE, NBS & NEA 2023 national electricity carbon footprint factor, 0.6205 kg CO2e/kWh (life cycle, with T&D) ÷ the CO2-only 0.5306 = 1.169; range an assumption':
    'MEE, NBS & NEA 2023, nationaler CO₂-Fußabdruck-Faktor für Strom, 0,6205 kg CO₂e/kWh (Lebenszyklus, mit Übertragung und Verteilung) ÷ reiner CO₂-Faktor 0,5306 = 1,169; Spanne angenommen',
  "assumption, no published per-km value found: DESNZ's UK van as a proxy, wider range (low: much of the last mile runs on electric tricycles)":
    'Annahme, kein veröffentlichter Wert je km gefunden: der britische Transporter von DESNZ als Näherung, mit breiterer Spanne (niedrig: Ein Großteil der letzten Meile fährt mit Elektro-Dreirädern)',
  "assumption, no published per-km value found: DESNZ's UK car as a proxy, wider range":
    'Annahme, kein veröffentlichter Wert je km gefunden: der britische Pkw von DESNZ als Näherung, mit breiterer Spanne',
  'assumption: US ground parcels cross a continent': 'Annahme: Pakete im US-Bodenversand durchqueren einen Kontinent',
  'assumption: fewer, further pickup points': 'Annahme: weniger und weiter entfernte Abholstellen',
  'assumption: most pickup trips by car': 'Annahme: Die meisten Abholwege werden mit dem Auto zurückgelegt',
  'assumption: lockers in stores, reached by road': 'Annahme: Packstationen in Geschäften, über die Straße erreicht',
  'assumption: most locker trips by car': 'Annahme: Die meisten Wege zur Packstation werden mit dem Auto zurückgelegt',
  'assumption: T&D losses, upstream fuel supply and CH4/N2O over a CO2-only factor at generation':
    'Annahme: Übertragungs- und Verteilungsverluste, vorgelagerte Brennstoffversorgung sowie CH₄/N₂O zusätzlich zu einem reinen CO₂-Faktor bei der Erzeugung',
  "assumption: US carriers' walk-in step vans are larger than UK vans; no per-km value verified":
    'Annahme: Die begehbaren Zustellfahrzeuge (Step Vans) der US-Paketdienste sind größer als britische Transporter; kein Wert je km überprüft',
  "EPA Automotive Trends Report 2023: new model-year 2022 vehicles 337 g CO2/mile on the road (209 g/km) against DESNZ's average petrol car 163 g/km TTW; the fleet is older, so the range runs higher (public domain)":
    'EPA Automotive Trends Report 2023: Neufahrzeuge des Modelljahrs 2022 stoßen im Straßenbetrieb 337 g CO₂/Meile aus (209 g/km), gegenüber 163 g/km TTW beim durchschnittlichen Benziner von DESNZ; der Fahrzeugbestand ist älter, daher reicht die Spanne höher (gemeinfrei)',
  'assumption: convenience-store pickups nearby': 'Annahme: Abholung in einem nahen Convenience-Store (Konbini)',
  'assumption: lockers at stations and apartment blocks': 'Annahme: Packstationen an Bahnhöfen und in Wohnanlagen',
  'MLIT 宅配便再配達実態調査, October 2024: 10.2% of parcels redelivered (urban 11.6%, rural 8.1%; Yamato, Sagawa, Japan Post); Government of Japan Standard Terms of Use 2.0':
    'MLIT 宅配便再配達実態調査, Oktober 2024: 10,2 % der Pakete erneut zugestellt (städtisch 11,6 %, ländlich 8,1 %; Yamato, Sagawa, Japan Post); Government of Japan Standard Terms of Use 2.0',
  'assumption: upstream over a CO2-only factor, and the unverified average (wide)':
    'Annahme: Vorkette zusätzlich zu einem reinen CO₂-Faktor; der Durchschnittswert ist nicht überprüft (daher eine breite Spanne)',
  'assumption: many delivery vans are light or kei vans, smaller than UK vans':
    'Annahme: Viele Zustellfahrzeuge sind leichte Transporter oder Kei-Vans, kleiner als britische Transporter',
  'assumption: kei cars are a large share of the fleet': 'Annahme: Kei-Cars machen einen großen Teil des Fahrzeugbestands aus',
  "assumption, used only without a merchant depot: merchant to the carrier's delivery depot by road":
    'Annahme, nur ohne Depot des Händlers verwendet: vom Händler zum Zustelldepot des Paketdienstes, auf der Straße',
  'assumption (merchant scenarios): shoppers driving to a pickup point; the rest walk or cycle':
    'Annahme (Szenarien des Händlers): Anteil der Kundschaft, der mit dem Auto zum Paketshop fährt; die übrigen gehen zu Fuß oder fahren Rad',
  'assumption: shopper to a locker bank, one way': 'Annahme: von der Kundschaft zur Packstation, einfacher Weg',
  'assumption: locker trips by car (the rest on foot or by bike)':
    'Annahme: Wege zur Packstation mit dem Auto (die übrigen zu Fuß oder mit dem Rad)',
  "DESNZ's UK grid rows already count T&D losses and WTT: 1; another country's CO2-only grid factor is taken to the same boundary (its source says how)":
    'Die britischen Stromzeilen von DESNZ enthalten Übertragungs- und Verteilungsverluste sowie WTT bereits: 1; der reine CO₂-Netzfaktor eines anderen Landes wird auf dieselbe Systemgrenze gebracht (wie, steht in seiner Quelle)',
  "DESNZ's vans are the UK's fleet: 1; another country's vans as a share of them":
    'Die Transporter von DESNZ sind der britische Bestand: 1; die Transporter eines anderen Landes im Verhältnis dazu',
  "DESNZ's cars are the UK's fleet: 1; another country's cars as a share of them":
    'Die Pkw von DESNZ sind der britische Bestand: 1; die Pkw eines anderen Landes im Verhältnis dazu',
  'assumption: dense Paketshop and Packstation networks': 'Annahme: dichte Netze aus Paketshops und Packstationen',
  "assumption: EU vans and cars like the UK's (DESNZ) within ±15%":
    'Annahme: Transporter und Pkw in der EU wie im Vereinigten Königreich (DESNZ), auf ±15 % genau',
  "assumption: France's life-cycle factors run well above its direct 32 g (nuclear and renewable upstream, T&D losses)":
    'Annahme: Frankreichs Lebenszyklus-Faktoren liegen deutlich über seinen direkten 32 g (Vorketten von Kernkraft und erneuerbaren Energien, Übertragungs- und Verteilungsverluste)',
  // Alltagsvergleiche
  'assumption: a ~4,000 mAh, 3.85 V phone battery holds about 15 Wh; charger losses ignored':
    'Annahme: Ein Handyakku mit ~4.000 mAh und 3,85 V speichert etwa 15 Wh; Ladeverluste nicht berücksichtigt',
  // Digitalenergie: Quelle und Anmerkung
  [`${CCF} Per vCPU, from SPECpower results for the provider's processors (CCF, Appendix I).`]:
    `${CCF} Je vCPU, aus SPECpower-Ergebnissen für die Prozessoren des Anbieters (CCF, Appendix I).`,
  [`${CCF} CCF's conservative estimate from public AWS data.`]: `${CCF} Konservative Schätzung von CCF aus öffentlichen AWS-Daten.`,
  [`${CCF} Data-centre energy ÷ IT energy, as CCF uses for the provider.`]:
    `${CCF} Energie des Rechenzentrums ÷ Energie der IT, wie CCF sie für diesen Anbieter verwendet.`,
  [`${CCF} Microsoft's fleet-wide trailing 12-month PUE, as quoted in CCF's PUE section (its Appendix I says 1.125).`]:
    `${CCF} PUE von Microsoft über alle Rechenzentren, gleitend über 12 Monate, wie im PUE-Abschnitt von CCF zitiert (dessen Appendix I nennt 1,125).`,
  [`${CCF} Hyperscale data centres in 2020, from the 2016 U.S. Data Center Energy Usage Report (LBNL), as CCF uses.`]:
    `${CCF} Hyperscale-Rechenzentren im Jahr 2020, aus dem 2016 U.S. Data Center Energy Usage Report (LBNL), wie von CCF verwendet.`,
  [`${SWD} Electricity per GB transferred, at the segment's grid.`]:
    `${SWD_DE} Strom je übertragenem GB, zum Strommix des jeweiligen Abschnitts.`,
  [`${SWD} Making the equipment, expressed as kWh per GB; SWD converts it at its global grid intensity.`]:
    `${SWD_DE} Herstellung der Geräte, ausgedrückt in kWh je GB; SWD rechnet sie mit seiner globalen Netzintensität um.`,
  [`${SWD} SWD v4 converts every embodied kWh at this fixed global figure, whatever the local grid.`]:
    `${SWD_DE} SWD v4 rechnet jede kWh aus der Herstellung mit diesem festen globalen Wert um, unabhängig vom örtlichen Stromnetz.`,
  // Faktoren
  'no fuel or electricity used': 'kein Kraftstoff- oder Stromverbrauch',
  'Ember yearly electricity data, 2024 annual average (as bundled by CO2.js)':
    'Ember yearly electricity data, Jahresdurchschnitt 2024 (wie in CO2.js enthalten)',
};

/** Die Einheiten der Annahmen, der Zahlen zur Digitalenergie und der Alltagsvergleiche, nach englischem Text; „je“
 *  wie im Rest der Seite. */
const UNITS = {
  'road km/great-circle km': 'Straßen-km je km Luftlinie',
  '× DESNZ average van': '× Transporter im Mittel (DESNZ)',
  'kg CO2e/km': 'kg CO₂e je km',
  'kWh/parcel': 'kWh je Paket',
  'parcels/round': 'Pakete je Tour',
  'km/round': 'km je Tour',
  '× parcels/round': '× Pakete je Tour',
  'parcels/run': 'Pakete je Fahrt',
  'parcels/stop': 'Pakete je Anfahrt',
  share: 'Anteil',
  '× grid factor': '× Netzfaktor',
  '× DESNZ fuelled van': '× Transporter mit Verbrenner (DESNZ)',
  '× DESNZ fuelled car': '× Pkw mit Verbrenner (DESNZ)',
  'W/vCPU': 'W je vCPU',
  ratio: 'Verhältnis',
  'kWh/GB': 'kWh je GB',
  'g CO2e/kWh': 'g CO₂e je kWh',
  'kWh/charge': 'kWh je Ladung',
};

export const { sourceText, unitText, translates } = lookup({ asPublished: AS_PUBLISHED, sources: SOURCES, units: UNITS });
/** Eine Quelle, die ein anderes Land liefert (als Näherung), hinter dessen Namen. */
export const fromCountry = (country, source) => `${country}: ${source}`;
