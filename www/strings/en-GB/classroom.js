// The classroom's words in British English: k-means step by step (www/classroom.js), with the narration of each
// step, and the three formula models (www/formulas.js). Figures go through the language's `n`.
import { n } from './numbers.js';

export const lang = 'en-GB';

const plural = new Intl.PluralRules('en-GB');
/** The form of a word for a count: `forms.one` or `forms.other`. */
const pl = (count, forms) => forms[plural.select(count)] ?? forms.other;
const points = (count) => `${n.count(count)} ${pl(count, { one: 'point', other: 'points' })}`;

/** Static markup of the classroom and formulas sections, by data-i18n key. */
export const HTML = {
  'classroom.title': 'Classroom: k-means step by step',
  'classroom.caption': 'Points coloured by cluster; squares are centroids, dashed lines their trails. Click to add a point.',
  'classroom.intro': 'Each step has two parts.',
  'classroom.assignWord': 'Assign:',
  'classroom.assignText': 'every point joins its nearest centroid.',
  'classroom.updateWord': 'Update:',
  'classroom.updateText': 'every centroid moves to the middle of its points. Repeat until nothing changes.',
  'classroom.k': 'k (clusters)',
  'classroom.seed': 'Seed',
  'classroom.start': 'Starting centroids',
  'classroom.random': 'Random points',
  'classroom.plusPlus': 'k-means++',
  'classroom.step': 'Step',
  'classroom.play': 'Play',
  'classroom.restart': 'Restart',
  'classroom.sample': 'Add 40 sample points',
  'classroom.clear': 'Clear points',
  'classroom.phases': 'The two parts of a step',
  'classroom.how': 'How the computer does it',
  'classroom.phaseAssign': '1. Assign',
  'classroom.phaseUpdate': '2. Update',
  'classroom.inertiaCaption': 'Inertia (sum of squared distances from each point to its centroid) after each update: it never rises.',
  'classroom.elbowTitle': 'Choosing k: the elbow',
  'classroom.elbowIntro': 'Inertia always falls as k grows; the "elbow" where it stops falling fast suggests a good k.',
  'classroom.elbowButton': 'Compute the elbow (k = 1…8)',
  'classroom.elbowCaption': 'Inertia against k for the points above: for each k, the best of 10 k‑means++ starts.',
  'classroom.elbowTable': 'Elbow data',
  'classroom.thK': 'k',
  'classroom.thInertia': 'inertia',
  'formulas.title': 'Learn the formulas',
  'formulas.intro': 'Every estimate here is built from three models. Change a number and the result is recomputed by the WebAssembly module.',
  'formulas.noscript': 'The calculators need JavaScript and WebAssembly.',
  'formulas.efficiency': 'Efficiency = Output / Input',
  'formulas.output': 'Output',
  'formulas.outputUnit': 'Output unit',
  'formulas.input': 'Input',
  'formulas.inputUnit': 'Input unit',
  'formulas.parcels': 'parcels',
  'formulas.vehicleKm': 'vehicle-km',
  'formulas.energy': 'Energy = Power × Time',
  'formulas.power': 'Power',
  'formulas.powerUnit': 'Power unit',
  'formulas.time': 'Time',
  'formulas.timeUnit': 'Time unit',
  'formulas.pue': 'PUE (data centres; blank for none)',
  'formulas.emission': 'Emission = Activity × Emission factor',
  'formulas.emissionHint':
    'Written as Waste × Concentration, it is the same model: tonnes of waste × kg CO2e per tonne. A factor split into tank-to-wheel (TTW, burnt in the vehicle) and well-to-tank (WTT, making the fuel) gives well-to-wheel WTW = TTW + WTT.',
  'formulas.activity': 'Activity',
  'formulas.activityUnit': 'Activity unit',
  'formulas.ttw': 'Factor TTW, kg CO2e per unit',
  'formulas.wtt': 'Factor WTT, kg CO2e per unit',
  'formulas.fromEnergy': "Use the energy above as the activity (kWh); the factor is then the electricity grid's, in kg CO2e per kWh",
  'formulas.activityEnergy': 'Activity: the energy above, kWh',
  'formulas.ttwKwh': 'Factor TTW, kg CO2e per kWh',
  'formulas.wttKwh': 'Factor WTT, kg CO2e per kWh',
  'formulas.defaultFactor': 'Default factor: average diesel van up to 3.5 t, DESNZ 2025 conversion factors (OGL v3.0).',
  'formulas.gridFactor':
    'Default factor: UK grid electricity 2025, per kWh used (generation, transmission and distribution losses, and the emissions upstream of both, all counted as WTT), DESNZ 2025 conversion factors (OGL v3.0).',
};

/** The narration: what each press of Step did, in words a class can follow. */
export const T = {
  play: 'Play',
  pause: 'Pause',
  ready: 'Ready.',
  /** How the starting centroids were chosen. */
  randomStart: (k, seed) => `${points(k)} picked at random (seed ${seed})`,
  plusPlusStart: (seed) => `k-means++ (seed ${seed}): each next centroid far from those already placed`,
  start: (count, how) => `${points(count)}; the starting centroids are ${how}. Press Step to assign.`,
  tooManyClusters: (k, count) => `k = ${k} is more than the number of points (${n.count(count)}): add points or lower k.`,
  /** k outside the field's range (or not a whole number; `k` null when the field is empty): the points stay. */
  kOutOfRange: (k, min, max) =>
    `${k === null ? 'k is empty' : `k = ${n.fmt(k)} can't be used`}: the number of clusters must be a whole number from ${min} to ${max}.`,
  /** An elbow value taken from the run the class watched, which found a better grouping than the elbow's starts. */
  elbowYourRun: (value) => `${n.sig(value)} (your run above)`,
  empty: 'Click the plot to add points, or add the sample points.',
  /** "How the computer does it" (a detail under the narration): the distances it measured this step, against
   *  plain k-means's points × centroids. The narration itself stays in the teacher's words. */
  distances(evaluations, count, k) {
    const all = count * k;
    const base = `The computer measured ${n.count(evaluations)} distances this step. Measuring every point against every centroid takes ${n.count(count)} × ${k} = ${n.count(all)}`;
    if (evaluations < all) return `${base}; a tree filter, which groups the points in boxes, skipped the other ${n.count(all - evaluations)}, because whole boxes of points are clearly nearest one centroid.`;
    return `${base}; with so few points, the tree filter's box checks (each counts as two distances) save nothing here.`;
  },
  assignConvergedPhase: (step) => `Step ${step}, assign: converged.`,
  assignConverged: (steps) =>
    `No point changed colour, so no centroid has anywhere new to go: k‑means has finished after ${n.count(steps)} full ${pl(steps, { one: 'step', other: 'steps' })}.`,
  assignPhase: (step) => `Step ${step}, part 1 of 2: assign.`,
  /** Part 1: what changed colour, and why. */
  assign: (step, changed) =>
    step === 1
      ? `Each point takes the colour of its nearest centroid: all ${points(changed)} get their first colour. Next: each centroid moves to the middle of its colour.`
      : `${points(changed)} changed colour: the centroids moved, so another centroid is now nearest to ${pl(changed, { one: 'it', other: 'them' })}. Next: the centroids move again.`,
  inertiaNow: (value) => `inertia is now ${n.sig(value)}`,
  inertiaFell: (before, after) => `inertia fell from ${n.sig(before)} to ${n.sig(after)}`,
  updateConvergedPhase: (step) => `Step ${step}, part 2 of 2: update. Converged.`,
  updateConverged: (fell) => `Each centroid moved to the middle of its points, but barely: the groups have settled, so k‑means stops here (${fell}).`,
  updatePhase: (step) => `Step ${step}, part 2 of 2: update.`,
  update: (fell) => `Each centroid moved to the middle of its colour (dashed trail), so the points are closer to their centroids: ${fell}. Next: assign again.`,
  /** The plot's text alternative. */
  plotAssigned: (step, pending, count, clusters, sizes) =>
    `k-means step ${step}${pending ? ', assigned' : ', updated'}: ${points(count)} in ${clusters} clusters of ${sizes.map(n.count).join(', ')}`,
  plotStart: (count, clusters) => `${points(count)}, ${clusters} initial centroids, not yet assigned`,
  east: 'km east',
  north: 'km north',
  inertiaChart: (values) => (values.length ? `Inertia by iteration: ${values.map(n.sig).join(', ')}` : 'Inertia by iteration: no steps yet'),
  stepAxis: 'step',
  inertiaAxis: 'inertia (km²)',
  /** A tick value from 10,000 up, short enough to stand beside the axis label at 14 px: "15k". */
  thousands: (v) => `${n.sig(v / 1000)}k`,
  inertiaAxisLarge: 'inertia (km²)',
  elbowChart: (ks, values) => `Inertia against k: ${ks.map((k, i) => `k ${k}: ${n.sig(values[i])}`).join('; ')}`,
  kAxis: 'k (clusters)',
};

/** A calculator's error: which field, and the rule it broke (the core's rules: input above 0, PUE at least 1, the
 *  others not negative). */
const FIELDS = {
  input: 'The input', output: 'The output', power: 'The power', time: 'The time', pue: 'The PUE',
  activity: 'The activity', ttw: 'The TTW factor', wtt: 'The WTT factor',
};
const LIMITS = { input: 'must be greater than 0', pue: 'must be at least 1' };

/** The formulas' words that are the classroom's (the lines themselves: strings/<lang>/formulas.js). Units are the ones
 *  the reader typed. */
export const F = {
  /** One term of Energy = Power × Time: a PUE is named, the others carry their units. */
  energyTerm: (value, unit, isPue) => `${n.fmt(value)} ${isPue ? '(PUE)' : unit}`,
  unit: 'unit',
  /** A sentence naming the field and what it may be ("The PUE must be at least 1."); the developer's message
   *  ("pue must be at least 1, got 0.5") stays out of sight. */
  error({ code, field } = {}) {
    const key = String(field ?? '').split('.').pop();
    const name = FIELDS[key];
    if (name && code === 'not-finite') return `${name} must be a number.`;
    if (name && code === 'out-of-range') return `${name} ${LIMITS[key] ?? 'must be 0 or more'}.`;
    return "That value can't be used in the calculation.";
  },
};
