// Die Wörter des Klassenzimmers (k-Means Schritt für Schritt) und der Formelrechner auf Deutsch. Dieselben Exporte
// wie en-GB/classroom.js; Zahlen über `n` ("1.234,5").
import { n } from './numbers.js';

export const lang = 'de-DE';

const plural = new Intl.PluralRules('de-DE');
const pl = (count, forms) => forms[plural.select(count)] ?? forms.other;
const points = (count) => `${n.count(count)} ${pl(count, { one: 'Punkt', other: 'Punkte' })}`;

export const HTML = {
  'classroom.title': 'Klassenzimmer: k-Means Schritt für Schritt',
  'classroom.caption': 'Punkte nach Cluster eingefärbt; Quadrate sind Zentroide, gestrichelte Linien ihre Wege. Klicken Sie, um einen Punkt hinzuzufügen.',
  'classroom.intro': 'Jeder Schritt hat zwei Teile.',
  'classroom.assignWord': 'Zuordnen:',
  'classroom.assignText': 'Jeder Punkt wird dem nächstgelegenen Zentroid zugeordnet.',
  'classroom.updateWord': 'Aktualisieren:',
  'classroom.updateText': 'Jeder Zentroid rückt in die Mitte seiner Punkte. Beides wiederholt sich, bis sich nichts mehr ändert.',
  'classroom.k': 'k (Cluster)',
  'classroom.seed': 'Startwert (Seed)',
  'classroom.start': 'Start-Zentroide',
  'classroom.random': 'Zufällige Punkte',
  'classroom.plusPlus': 'k-means++',
  'classroom.step': 'Schritt',
  'classroom.play': 'Abspielen',
  'classroom.restart': 'Neu starten',
  'classroom.sample': '40 Beispielpunkte',
  'classroom.clear': 'Löschen',
  'classroom.phases': 'Die zwei Teile eines Schritts',
  'classroom.how': 'Wie der Computer es macht',
  'classroom.phaseAssign': '1. Zuordnen',
  'classroom.phaseUpdate': '2. Aktualisieren',
  'classroom.inertiaCaption': 'Quadratsumme (Summe der quadrierten Abstände aller Punkte zu ihrem Zentroid) nach jeder Aktualisierung: Sie steigt nie.',
  'classroom.elbowTitle': 'k wählen: die Ellbogenmethode',
  'classroom.elbowIntro': 'Mit wachsendem k sinkt die Quadratsumme immer; der „Ellbogen“, ab dem sie nur noch langsam sinkt, zeigt ein gutes k an.',
  'classroom.elbowButton': 'Ellbogen berechnen (k = 1…8)',
  'classroom.elbowCaption': 'Quadratsumme in Abhängigkeit von k für die Punkte oben: für jedes k die beste von 10 Startbelegungen mit k-means++.',
  'classroom.elbowTable': 'Werte zur Ellbogenmethode',
  'classroom.thK': 'k',
  'classroom.thInertia': 'Quadratsumme',
  'formulas.title': 'Die Formeln kennenlernen',
  'formulas.intro': 'Jede Schätzung auf dieser Seite beruht auf drei Modellen. Ändern Sie eine Zahl, und das WebAssembly-Modul berechnet das Ergebnis neu.',
  'formulas.noscript': 'Die Rechner brauchen JavaScript und WebAssembly.',
  'formulas.efficiency': 'Effizienz = Ertrag / Aufwand',
  'formulas.output': 'Ertrag',
  'formulas.outputUnit': 'Einheit des Ertrags',
  'formulas.input': 'Aufwand',
  'formulas.inputUnit': 'Einheit des Aufwands',
  'formulas.parcels': 'Pakete',
  'formulas.vehicleKm': 'Fahrzeug-km',
  'formulas.energy': 'Energie = Leistung × Zeit',
  'formulas.power': 'Leistung',
  'formulas.powerUnit': 'Einheit der Leistung',
  'formulas.time': 'Zeit',
  'formulas.timeUnit': 'Einheit der Zeit',
  'formulas.pue': 'PUE (für Rechenzentren; sonst leer lassen)',
  'formulas.emission': 'Emission = Aktivität × Emissionsfaktor',
  'formulas.emissionHint':
    'Als „Abfall × Konzentration“ geschrieben ist es dasselbe Modell: Tonnen Abfall × kg CO₂e je Tonne. Teilt man einen Faktor in Tank-to-Wheel (TTW, Verbrennung im Fahrzeug) und Well-to-Tank (WTT, Herstellung des Kraftstoffs) auf, ergibt die Summe Well-to-Wheel: WTW = TTW + WTT.',
  'formulas.activity': 'Aktivität',
  'formulas.activityUnit': 'Einheit der Aktivität',
  'formulas.ttw': 'Faktor TTW, kg CO₂e je Einheit',
  'formulas.wtt': 'Faktor WTT, kg CO₂e je Einheit',
  'formulas.fromEnergy': 'Die Energie von oben als Aktivität verwenden (kWh); der Faktor ist dann der des Stromnetzes (kg CO₂e je kWh)',
  'formulas.activityEnergy': 'Aktivität: die Energie von oben, kWh',
  'formulas.ttwKwh': 'Faktor TTW, kg CO₂e je kWh',
  'formulas.wttKwh': 'Faktor WTT, kg CO₂e je kWh',
  'formulas.defaultFactor': 'Standardfaktor: durchschnittlicher Diesel-Transporter bis 3,5 t, britische DESNZ-Umrechnungsfaktoren 2025 (OGL v3.0).',
  'formulas.gridFactor':
    'Standardfaktor: britisches Stromnetz 2025, je verbrauchter kWh (Erzeugung, Übertragungs- und Verteilungsverluste und die Vorketten beider, alles als WTT gezählt), britische DESNZ-Umrechnungsfaktoren 2025 (OGL v3.0).',
};

export const T = {
  play: 'Abspielen',
  pause: 'Pause',
  ready: 'Bereit.',
  randomStart: (k, seed) => `${n.count(k)} ${pl(k, { one: 'zufällig gewählter Punkt', other: 'zufällig gewählte Punkte' })} (Seed ${seed})`,
  plusPlusStart: (seed) => `mit k-means++ gewählt (Seed ${seed}): Jeder weitere Zentroid liegt möglichst weit von den bereits gesetzten entfernt`,
  start: (count, how) => `${points(count)}; die Start-Zentroide sind ${how}. Drücken Sie „Schritt“, um zuzuordnen.`,
  tooManyClusters: (k, count) => `k = ${k} ist größer als die Anzahl der Punkte (${n.count(count)}): Fügen Sie Punkte hinzu oder verkleinern Sie k.`,
  kOutOfRange: (k, min, max) =>
    `${k === null ? 'k ist leer' : `k = ${n.fmt(k)} ist nicht möglich`}: Die Anzahl der Cluster muss eine ganze Zahl von ${min} bis ${max} sein.`,
  elbowYourRun: (value) => `${n.sig(value)} (Ihr Durchlauf oben)`,
  empty: 'Klicken Sie in das Diagramm, um Punkte hinzuzufügen, oder fügen Sie die Beispielpunkte hinzu.',
  distances(evaluations, count, k) {
    const all = count * k;
    const base = `Der Computer hat in diesem Schritt ${n.count(evaluations)} Abstände berechnet. Jeden Punkt mit jedem Zentroid zu vergleichen, braucht ${n.count(count)} × ${k} = ${n.count(all)}`;
    if (evaluations < all) return `${base}; ein Baumfilter, der die Punkte in Boxen gruppiert, hat die übrigen ${n.count(all - evaluations)} übersprungen, weil ganze Boxen eindeutig einem Zentroid am nächsten liegen.`;
    return `${base}; bei so wenigen Punkten sparen die Box-Prüfungen des Baumfilters (jede zählt wie zwei Abstände) hier nichts.`;
  },
  assignConvergedPhase: (step) => `Schritt ${step}, Zuordnen: konvergiert.`,
  assignConverged: (steps) =>
    `Kein Punkt hat die Farbe gewechselt, also hat kein Zentroid einen neuen Platz: k-Means ist nach ${n.count(steps)} ${pl(steps, { one: 'vollständigen Schritt', other: 'vollständigen Schritten' })} fertig.`,
  assignPhase: (step) => `Schritt ${step}, Teil 1 von 2: Zuordnen.`,
  assign: (step, changed) =>
    step === 1
      ? `Jeder Punkt nimmt die Farbe des nächstgelegenen Zentroids an: Alle ${points(changed)} bekommen ihre erste Farbe. Als Nächstes: Jeder Zentroid rückt in die Mitte seiner Farbe.`
      : `${points(changed)} ${pl(changed, { one: 'hat', other: 'haben' })} die Farbe gewechselt: Die Zentroide sind gerückt, jetzt liegt ${pl(changed, { one: 'ihm', other: 'ihnen' })} ein anderer Zentroid am nächsten. Als Nächstes: Die Zentroide rücken erneut.`,
  inertiaNow: (value) => `die Quadratsumme beträgt jetzt ${n.sig(value)}`,
  inertiaFell: (before, after) => `die Quadratsumme sank von ${n.sig(before)} auf ${n.sig(after)}`,
  updateConvergedPhase: (step) => `Schritt ${step}, Teil 2 von 2: Aktualisieren. Konvergiert.`,
  updateConverged: (fell) => `Jeder Zentroid ist in die Mitte seiner Punkte gerückt, aber kaum noch: Die Gruppen stehen fest, also hört k-Means hier auf (${fell}).`,
  updatePhase: (step) => `Schritt ${step}, Teil 2 von 2: Aktualisieren.`,
  update: (fell) => `Jeder Zentroid ist in die Mitte seiner Farbe gerückt (gestrichelte Spur), also liegen die Punkte näher an ihren Zentroiden: ${fell}. Als Nächstes: erneut zuordnen.`,
  plotAssigned: (step, pending, count, clusters, sizes) =>
    `k-Means, Schritt ${step}${pending ? ', zugeordnet' : ', aktualisiert'}: ${points(count)} in ${clusters} Clustern mit ${sizes.map(n.count).join(', ')} Punkten`,
  plotStart: (count, clusters) => `${points(count)}, ${clusters} Start-Zentroide, noch nicht zugeordnet`,
  east: 'km nach Osten',
  north: 'km nach Norden',
  // Decimal commas: lists of figures are separated by semicolons.
  inertiaChart: (values) => (values.length ? `Quadratsumme je Schritt: ${values.map(n.sig).join('; ')}` : 'Quadratsumme je Schritt: noch keine Schritte'),
  stepAxis: 'Schritt',
  inertiaAxis: 'Quadratsumme (km²)',
  /** From 10,000 up the ticks count thousands ("15" on an axis of "Tausend km²"): "15 Tsd." beside the axis label
   *  would not fit at 14 px. */
  thousands: (v) => n.sig(v / 1000),
  inertiaAxisLarge: 'Tausend km²',
  elbowChart: (ks, values) => `Quadratsumme je k: ${ks.map((k, i) => `k = ${k}: ${n.sig(values[i])}`).join('; ')}`,
  kAxis: 'k (Cluster)',
};

/** A calculator's error: which field, and the rule it broke (the core's rules: Aufwand above 0, PUE at least 1,
 *  the others not negative). */
const FIELDS = {
  input: 'Der Aufwand', output: 'Der Ertrag', power: 'Die Leistung', time: 'Die Zeit', pue: 'Der PUE',
  activity: 'Die Aktivität', ttw: 'Der Faktor TTW', wtt: 'Der Faktor WTT',
};
const LIMITS = { input: 'muss größer als 0 sein', pue: 'muss mindestens 1 sein' };

export const F = {
  energyTerm: (value, unit, isPue) => `${n.fmt(value)} ${isPue ? '(PUE)' : unit}`,
  unit: 'Einheit',
  error({ code, field } = {}) {
    const key = String(field ?? '').split('.').pop();
    const name = FIELDS[key];
    if (name && code === 'not-finite') return `${name} muss eine Zahl sein.`;
    if (name && code === 'out-of-range') return `${name} ${LIMITS[key] ?? 'darf nicht negativ sein'}.`;
    return 'Mit diesem Wert lässt sich nicht rechnen.';
  },
};
