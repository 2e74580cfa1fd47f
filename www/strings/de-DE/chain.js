// Die Lieferkette in deutschen Worten: eine Übersetzung von ../en-GB/chain.js mit denselben Exporten (die Form ist
// der Vertrag: tests/page/i18n.test.mjs prüft sie). Jede Zahl geht durch ./numbers.js (Intl, de-DE).
import { n } from './numbers.js';

export const lang = 'de-DE';
export { n };
const { sig, km, grams, percent } = n;
const percentRange = (range) => n.percentRange(range, (a, b) => `${a} bis ${b}`);

/** Versandoptionen an der Kasse, nach id. */
export const OPTION_LABELS = {
  sameDayCourier: 'Am selben Tag',
  nextDay: 'Am nächsten Tag',
  standard: 'Standardversand',
  consolidated: 'Fester Liefertag',
  pickupWalk: 'Paketshop, zu Fuß',
  pickupCar: 'Paketshop, per Auto',
  locker: 'Packstation',
  cargoBike: 'Lastenrad',
};

/** Die Szenarien des Händlers, nach id. */
export const SCENARIO_LABELS = {
  dedicated: 'Kurier am selben Tag (eigene Fahrten)',
  consolidated: 'Eigene gebündelte Touren',
  pickup: 'Eigene Touren zu Paketshops',
  cargoBike: 'Lastenräder ab einem Mikro-Depot',
  standard: 'Standardversand mit Paketdienst',
  nextDay: 'Versand am nächsten Tag mit Paketdienst',
};

/** Elemente der Transportkette (EN 17837 / ISO 14083), nach id. */
export const ELEMENT_LABELS = {
  'line-haul': 'Hauptlauf (Lkw bis zum Zustelldepot)',
  hub: 'Depots, Umschlagzentren und Packstationen',
  'delivery-round': 'Zustelltour',
  redelivery: 'Zweitzustellungen',
  'customer-trip': 'Wege der Kundschaft zur Abholung',
  packaging: 'Verpackung',
};

/** Was ein Ergebnis auslässt, und warum, nach id. */
export const EXCLUDED_LABELS = {
  'vehicle-manufacture': 'Herstellung der Fahrzeuge',
  warehousing: 'Lager des Händlers',
  'first-mile-collection': 'Abholung beim Händler durch den Paketdienst',
  returns: 'Retouren',
  packaging: 'Verpackung',
};
export const REASON_LABELS = {
  'outside-iso-14083': 'ISO 14083 zählt den Betrieb, nicht die Herstellung',
  'before-dispatch': 'fällt vor dem Versand an',
  'shared-by-all-the-merchants-parcels': 'verteilt sich auf alle Pakete des Shops und ist je Paket gering',
  'not-modelled': 'noch nicht modelliert',
  'counted-in-the-order-footprint': 'wird stattdessen im Fußabdruck der ganzen Bestellung gezählt',
};

/** Die funktionelle Einheit, in Worten. */
export const FUNCTIONAL_UNITS = {
  'parcel-delivered': 'ein Paket, zugestellt an die Haustür, in einen Paketshop oder eine Packstation',
  'orders-delivered': 'diese Bestellungen, zugestellt in den Touren eines Tages',
};

/** Die Systemgrenze eines Ergebnisses in einem Satz. */
export function boundarySentence(boundary) {
  const included = boundary.included.map((e) => ELEMENT_LABELS[e]).join(', ');
  const excluded = boundary.excluded.map((x) => `${EXCLUDED_LABELS[x.element] ?? x.element} (${REASON_LABELS[x.reason] ?? x.reason})`);
  return (
    `Bezugsgröße: ${FUNCTIONAL_UNITS[boundary.functionalUnit]}; auf das einzelne Paket umgelegt (EN 17837). ` +
    `Gezählt: ${included}. Nicht gezählt: ${excluded.join('; ')}.`
  );
}

/** Kurznamen der Annahmen, für Tabellen und Tornado-Diagramme. */
export const SETTING_NAMES = {
  roadFactor: 'Straßen-km je km Luftlinie',
  vanFactor: 'Größenklasse des Transporters',
  'bike.foodKgPerKm': 'Zusätzlicher Kalorienbedarf beim Lastenradfahren',
  'lineHaul.km': 'Lkw-km ab dem Shop',
  'lineHaul.detourKm': 'Lkw-Umweg über das Paketzentrum',
  'parcel.kg': 'Paketgewicht',
  'hub.kwhPerParcel': 'Strom je Paket in jedem Depot',
  'round.stemKm': 'Vom Depot bis zum Zustellgebiet, einfache Strecke',
  'round.parcels': 'Pakete auf einer Zustelltour',
  'round.km': 'Gefahrene km im Tourgebiet',
  'consolidated.fill': 'Wie viel voller eine Tour am festen Liefertag ist',
  'sameDay.parcelsPerRun': 'Pakete je Fahrt des Kuriers',
  'sameDay.stemKm': 'Vom Kurierstandort in Ihr Gebiet',
  'pickup.parcelsPerStop': 'Pakete je Anfahrt eines Paketshops',
  'pickup.km': 'Weg zum Paketshop',
  'pickup.carShare': 'Mit dem Auto zum Paketshop',
  'locker.parcelsPerStop': 'Pakete je Anfahrt einer Packstation',
  'locker.km': 'Weg zur Packstation',
  'locker.carShare': 'Mit dem Auto zur Packstation',
  'locker.kwhPerParcel': 'Strom der Packstation je Paket',
  'customerTrip.chainedShare': 'Mit anderen Erledigungen verbundene Wege',
  'cargoBike.bikeableShare': 'Pakete, die aufs Lastenrad passen',
  'failures.rate': 'Fehlgeschlagene Erstzustellungen',
  'failures.collectShare': 'Nach Fehlversuch sofort abgeholte Pakete',
  'failures.collectKm': 'Weg zum Depot des Paketdienstes',
  'failures.collectCarShare': 'Abholwege mit dem Auto',
  'failures.collectionPointShare': 'Abholungen in einer nahen Abholstelle',
  'grid.uplift': 'Strommix-Faktor, auf den ganzen Lebenszyklus hochgerechnet',
  'van.countryFactor': 'Transporter hier im Vergleich zu britischen',
  'car.countryFactor': 'Pkw hier im Vergleich zu britischen',
};

const share = (v) => percent(100 * v);
/** „1 Paket“, „4 Pakete“ (Annahmen lassen sich auf 1 setzen): die Form nach Intl.PluralRules. */
const rules = new Intl.PluralRules(lang);
const parcels = (v, forms = { one: 'Paket', other: 'Pakete' }) => `${sig(v)} ${forms[rules.select(v)] ?? forms.other}`;
/** "1,5-mal": Faktoren werden in Ziffern mit Bindestrich geschrieben. */
const times = (v) => `${sig(v)}-mal`;

/** Jede Annahme als Satz, für die Liste der Annahmen. */
export const SETTING_SENTENCES = {
  roadFactor: (v) => `Der Weg über die Straße ist ${times(v)} so lang wie die Luftlinie.`,
  vanFactor: (v) =>
    n.nearOne(v)
      ? 'Der Transporter stößt je km etwa so viel aus wie ein durchschnittlicher Transporter.'
      : `Der Transporter stößt je km ${times(v)} so viel aus wie ein durchschnittlicher Transporter.`,
  'bike.foodKgPerKm': (v) => `Der zusätzliche Kalorienbedarf beim Lastenradfahren verursacht ${grams(v * 1000)} CO₂e je km.`,
  'lineHaul.km': (v) => `Ein Lkw bringt das Paket ${km(v)} weit vom Shop zum örtlichen Depot des Paketdienstes.`,
  'lineHaul.detourKm': (v) => `Der Weg über das Paketzentrum verlängert die Lkw-Fahrt um ${km(v)}.`,
  'parcel.kg': (v) => `Das Paket wiegt ${sig(v)} kg.`,
  'hub.kwhPerParcel': (v) => `Jedes Depot bzw. Umschlagzentrum verbraucht ${sig(v)} kWh Strom je Paket.`,
  'round.stemKm': (v) => `Der Transporter fährt je Richtung ${km(v)} vom Depot bis ins Zustellgebiet.`,
  'round.parcels': (v) => `Eine Zustelltour des Paketdienstes umfasst ${parcels(v)}.`,
  'round.km': (v) => `Auf einer Tour fährt der Transporter ${km(v)} zwischen den Stopps.`,
  'consolidated.fill': (v) => `An einem festen Liefertag sind die Touren ${times(v)} so voll.`,
  'sameDay.parcelsPerRun': (v) => `Ein Kurier für die Lieferung am selben Tag hat je Fahrt ${parcels(v)} dabei.`,
  'sameDay.stemKm': (v) => `Der Kurierstandort liegt ${km(v)} von Ihrem Gebiet entfernt.`,
  'pickup.parcelsPerStop': (v) => `Jeder Paketshop erhält je Anfahrt ${parcels(v)}.`,
  'pickup.km': (v) => `Der nächste Paketshop ist ${km(v)} entfernt (einfacher Weg).`,
  'pickup.carShare': (v) => `${share(v)} der Kundschaft fahren mit dem Auto zum Paketshop.`,
  'locker.parcelsPerStop': (v) => `Jede Packstation erhält je Anfahrt ${parcels(v)}.`,
  'locker.km': (v) => `Die nächste Packstation ist ${km(v)} entfernt (einfacher Weg).`,
  'locker.carShare': (v) => `${share(v)} der Kundschaft fahren mit dem Auto zur Packstation.`,
  'locker.kwhPerParcel': (v) => `Eine Packstation verbraucht ${sig(v)} kWh Strom je Paket.`,
  'customerTrip.chainedShare': (v) => `${share(v)} der Wege werden mit anderen Erledigungen verbunden und verursachen keine zusätzlichen Kilometer.`,
  'cargoBike.bikeableShare': (v) => `${share(v)} der Pakete passen auf ein Lastenrad.`,
  'failures.rate': (v) => `${share(v)} der ersten Zustellversuche schlagen fehl.`,
  'failures.collectShare': (v) => `${share(v)} der nicht zugestellten Pakete holt die Kundschaft sofort selbst ab.`,
  'failures.collectKm': (v) => `Das Depot des Paketdienstes ist ${km(v)} entfernt (einfacher Weg).`,
  'failures.collectCarShare': (v) => `${share(v)} der Abholwege werden mit dem Auto zurückgelegt.`,
  'failures.collectionPointShare': (v) => `${share(v)} der Abholungen erfolgen in einer nahen Abholstelle.`,
  'grid.uplift': (v) => `Der veröffentlichte Strommix-Faktor des Landes wird mit ${sig(v)} multipliziert, damit auch Netzverluste und Brennstoffbereitstellung zählen.`,
  'van.countryFactor': (v) =>
    n.nearOne(v)
      ? 'Ein Lieferwagen stößt hier je km etwa so viel aus wie ein durchschnittlicher britischer Transporter.'
      : `Ein Lieferwagen stößt hier je km das ${sig(v)}-Fache eines durchschnittlichen britischen Transporters aus.`,
  'car.countryFactor': (v) =>
    n.nearOne(v)
      ? 'Ein Pkw stößt hier je km etwa so viel aus wie ein durchschnittlicher britischer Pkw.'
      : `Ein Pkw stößt hier je km das ${sig(v)}-Fache eines durchschnittlichen britischen Pkw aus.`,
};

/** Der zentrale Wert einer Annahme in einem Ergebnis, oder `undefined`. */
const setting = (result, id) => result.settings.find((s) => s.id === id)?.value;

/** Km der Teilstrecken `name` einer Option (und, falls angegeben, eines Elements). */
const legKm = (option, name, element) =>
  option.legs.filter((l) => l.name === name && (!element || l.element === element)).reduce((a, l) => a + l.km, 0);

/** Der Hauptlauf als eigener Satz, oder nichts. */
function lineHaul(option, result) {
  const leg = option.legs.find((l) => l.element === 'line-haul');
  if (!leg || !(leg.tonneKm > 0)) return '';
  const kg = setting(result, 'parcel.kg') ?? 2;
  return `Ein Lkw bringt das Paket ${km((leg.tonneKm * 1000) / kg)} weit zum örtlichen Depot des Paketdienstes. `;
}

/** Fehlgeschlagene Zustellversuche, bei Lieferungen an die Haustür. */
function failureNote(option, result) {
  const rate = setting(result, 'failures.rate');
  if (!(rate > 0) || !option.legs.some((l) => l.element === 'redelivery' || l.name === 'collection')) return '';
  return ` Eingerechnet sind auch die ${share(rate)} gescheiterten Erstzustellungen: ein zweiter Zustellversuch oder ein Weg zur Abholung.`;
}

/** Ein Satz je Option: was das Paket befördert, aus den Teilstrecken und Annahmen des Ergebnisses. Mit `short` nur,
 *  was die Option unterscheidet (ohne Hauptlauf und Fehlversuche), für die Zeilen des Widgets. */
export function optionExplanation(option, result, { short = false } = {}) {
  const start = short ? '' : lineHaul(option, result);
  const van = km(legKm(option, 'vans', 'delivery-round'));
  const sentences = {
    sameDayCourier: () =>
      `Ein Kurier bringt Ihr Paket zusammen mit ${parcels((setting(result, 'sameDay.parcelsPerRun') ?? 5) - 1, { one: 'weiteren Paket', other: 'weiteren Paketen' })} von einem Standort in der Nähe; auf Ihr Paket entfallen ${km(legKm(option, 'courier'))}.`,
    nextDay: () => 'Läuft über das normale Netz der Paketdienste: so viel CO₂e wie der Standardversand.',
    standard: () => `Ihr Anteil an einer Tour mit ${parcels(setting(result, 'round.parcels'), { one: 'Paket', other: 'Paketen' })}: ${van} Fahrt im Transporter.`,
    consolidated: () => `An einem festen Liefertag ist die Tour ${times(setting(result, 'consolidated.fill'))} so voll: Auf Ihr Paket entfallen ${van} Fahrt im Transporter.`,
    pickupWalk: () =>
      `Der Transporter liefert je Paketshop ${parcels(setting(result, 'pickup.parcelsPerStop'))} ab (auf Ihr Paket entfallen ${van}); der Fußweg dorthin verursacht keine Emissionen.`,
    pickupCar: () =>
      `Der Transporter beliefert einen Paketshop (${van} für Ihr Paket); Sie fahren ${km(legKm(option, 'car'))} hin und zurück, abzüglich mit Erledigungen verbundener Wege.`,
    locker: () =>
      `Der Transporter befüllt eine Packstation (auf Ihr Paket entfallen ${van}); die Station braucht Strom, und ${share(setting(result, 'locker.carShare') ?? 0)} der Kundschaft kommen mit dem Auto.`,
    cargoBike: () => {
      const bikeable = setting(result, 'cargoBike.bikeableShare') ?? 1;
      const last = km(legKm(option, 'bikes', 'delivery-round') / (bikeable || 1));
      if (bikeable <= 0) return 'Ihr Paket ist zu groß für ein Lastenrad und fährt deshalb im Transporter des Paketdienstes.';
      if (bikeable >= 1) return `Ein Transporter bringt Ihr Paket zu einem Mikro-Depot, ein Lastenrad fährt die letzten ${last}.`;
      return `${share(bikeable)} der Pakete passen aufs Lastenrad: Ein Transporter bringt sie zum Mikro-Depot, das Rad fährt die letzten ${last}; der Rest bleibt im Transporter.`;
    },
  };
  const text = sentences[option.id]?.() ?? '';
  // Next-day is said in one sentence of its own (as in en-GB): no line-haul before it.
  return (option.id === 'nextDay' ? '' : start) + text + (short ? '' : failureNote(option, result));
}

/** Eine Versandart nach „zu“ und nach „als“, mit Artikel im Dativ: „zum Standardversand“, „als beim Standardversand“.
 *  Eine unbekannte Bezeichnung steht in Anführungszeichen. */
const VERSUS = {
  [OPTION_LABELS.sameDayCourier]: ['zur Lieferung am selben Tag', 'bei Lieferung am selben Tag'],
  [OPTION_LABELS.nextDay]: ['zur Lieferung am nächsten Tag', 'bei Lieferung am nächsten Tag'],
  [OPTION_LABELS.standard]: ['zum Standardversand', 'beim Standardversand'],
  [OPTION_LABELS.consolidated]: ['zum festen Liefertag', 'beim festen Liefertag'],
  [OPTION_LABELS.pickupWalk]: ['zur Abholung im Paketshop zu Fuß', 'bei Abholung im Paketshop zu Fuß'],
  [OPTION_LABELS.pickupCar]: ['zur Abholung im Paketshop per Auto', 'bei Abholung im Paketshop per Auto'],
  [OPTION_LABELS.locker]: ['zur Packstation', 'bei der Packstation'],
  [OPTION_LABELS.cargoBike]: ['zur Zustellung per Lastenrad', 'bei Zustellung per Lastenrad'],
};
const versus = (label) => VERSUS[label] ?? [`zu „${label}“`, `bei „${label}“`];

/** Die Einsparung gegenüber der Vergleichsbasis, oder „kein klarer Unterschied“, wenn ihr Intervall null einschließt. */
export function savingText(option, baselineLabel) {
  if (option.savingPercent == null) return '';
  const [zu, bei] = versus(baselineLabel);
  if (!option.savingClear) return `kein klarer Unterschied ${zu}`;
  const p = option.savingPercent;
  const r = option.savingRange;
  const range = r ? ` (${percentRange(p >= 0 ? r : { low: -r.high, high: -r.low })})` : '';
  return p >= 0 ? `${percent(p)} weniger als ${bei}${range}` : `${percent(-p)} mehr als ${bei}${range}`;
}

/** Was die Vergleichsbasis statt einer Einsparung sagt. */
export const BASELINE_TEXT = 'der übliche Versand (Vergleichsbasis)';

/** Eine Annahme als Satz; ohne eigenen Satz „Name: Wert Einheit.“. */
export const settingSentence = (s) => SETTING_SENTENCES[s.id]?.(s.value) ?? `${SETTING_NAMES[s.id] ?? s.id}: ${sig(s.value)} ${s.unit}.`;

/** Die Worte des Widgets (www/green-delivery-options.js). */
export const WIDGET_TEXT = {
  title: 'CO₂e je Paket nach Versandart',
  greenest: 'Am grünsten',
  retry: 'Erneut versuchen',
  loading: 'Wird geladen …',
  loadFailed: 'Die Emissionswerte konnten nicht geladen werden.',
  cantShow: 'Die Emissionswerte können leider nicht angezeigt werden.',
  whatIsCounted: 'Was gezählt wird',
  amongLowest: 'Unter den niedrigsten',
  details: 'Details',
  optionSentence: (name, figure, range, badge) =>
    `${name}: ${figure}${range ? `, zwischen ${range[0]} und ${range[1]}` : ''}${badge ? `, ${badge.toLowerCase()}` : ''}.`,
};

export const WHAT_IS_COUNTED = 'Was gezählt wird';
export const medianNote = (coverage) =>
  `Jeder Wert ist der Median vieler zufälliger Ziehungen der Annahmen; seine Spanne umfasst ${percent(100 * coverage)} davon.`;

/** Die Abdeckung eines Intervalls: „90-%-Intervall“. */
export const coverageText = (range) => `${percent(100 * range.coverage).replace(/\s%$/, '-%')}-Intervall`;
