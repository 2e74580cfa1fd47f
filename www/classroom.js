// Classroom: k-means one step at a time on points the teacher places. Each step is shown in its two parts: the
// assignment (points take the colour of their nearest centroid) and then the update (centroids move to the middle
// of their points, leaving a trail). Below: the inertia curve and the elbow.
import { whenLoaded } from './loading.js';
import { describeError, errorDetail } from './errors.js';
import { el, reset, colour, lineChart, niceTicks } from './plot.js';
import { pageLang, loadStrings, translate } from './i18n.js';

// The teacher's language: the narration, the labels and the numbers ("1.234,5" in German). The formulas section
// sits inside this one; formulas.js translates its own part of the markup from the same table.
const lang = pageLang();
const [{ HTML, T }, { n }] = await Promise.all([loadStrings(lang, 'classroom'), loadStrings(lang, 'numbers')]);
const tickFormat = new Intl.NumberFormat(n.locale, { maximumSignificantDigits: 3 });
/** A tick value in the teacher's language: "0", "2.5", "1,500" ("1.500" in German). */
const tickLabel = (v) => tickFormat.format(v);
translate(document.getElementById('classroom'), HTML);

let api = null;
const form = document.getElementById('classroom-controls');
const plot = document.getElementById('classroom-plot');
const curve = document.getElementById('classroom-inertia');
const elbowPlot = document.getElementById('classroom-elbow');
const elbowTable = document.querySelector('#classroom-elbow-table tbody');
const phaseLine = document.getElementById('classroom-phase');
const status = document.getElementById('classroom-status');
const distances = document.getElementById('classroom-distances');
const how = document.getElementById('classroom-how');
const phaseItems = { assign: document.getElementById('phase-assign'), update: document.getElementById('phase-update') };
const playButton = form.elements.play;

/** The classroom's line charts are drawn in a viewBox of about the size they are shown at (style.css keeps them
 *  at least this wide), so their 14 px labels read as 14 px, on a projector too. */
const CHART = { width: 260, height: 170 };

/** The inertia axis: its label and tick values. From 10,000 up the ticks are written short ("15k", "1.5万"), so
 *  that 14 px tick values fit beside the axis label. */
function inertiaAxis(values) {
  const short = Math.max(0, ...values) >= 10000;
  return short ? { yLabel: T.inertiaAxisLarge, tick: (v) => (v === 0 ? tickLabel(0) : T.thousands(v)) } : { yLabel: T.inertiaAxis, tick: tickLabel };
}

/** Data coordinates run 0–100 on both axes ("km"), y upwards; the SVG's y runs downwards. */
const SIZE = 100;
const svgY = (y) => SIZE - y;

let points = [];
let stepper = null;
let inertias = [];
let timer = null;
/** What is on screen: labels (null before the first assignment) and centroids, row-major. */
let shown = { labels: null, centroids: new Float64Array() };
/** Each centroid's past positions, oldest first. */
let trails = [];
/** After an assignment, the step's result and the centroids the update will move to; null when the next press
 *  assigns. */
let pending = null;
let done = false;
/** The last run the class watched to convergence, for the elbow: its k, its points and its inertia. */
let lastRun = null;
/** The elbow's k-means++ starts for each k, of which it keeps the best (scikit-learn's classic n_init): one start
 *  can settle in a worse grouping than the run the class has just watched. */
const ELBOW_STARTS = 10;

/** A small seeded generator (mulberry32), so the sample and the random start are the same for the whole class. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws from a uniform generator (Box–Muller). */
function normal(next) {
  return () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
}

/** Three overlapping groups of 12 and four outliers: enough structure that k-means takes several steps, and a
 *  random start can go wrong. Deterministic: the same 40 points every time (a second press adds 40 more). */
export function samplePoints(offset = 0) {
  const next = random(2024 + offset);
  const gauss = normal(next);
  const groups = [
    { c: [30, 38], s: 9 },
    { c: [58, 62], s: 10 },
    { c: [72, 30], s: 8 },
  ];
  const clamp = (v) => Math.min(98, Math.max(2, v));
  const out = [];
  for (let i = 0; i < 36; i++) {
    const { c, s } = groups[i % 3];
    out.push([clamp(c[0] + gauss() * s), clamp(c[1] + gauss() * s)]);
  }
  out.push([6, 92], [94, 90], [90, 6], [12, 8]);
  return out.map(([x, y]) => [Math.round(x * 10) / 10, Math.round(y * 10) / 10]);
}

function addSamplePoints() {
  points.push(...samplePoints(points.length));
  restart();
}

const k = () => Number(form.elements.k.value);
const seed = () => Number(form.elements.seed.value);
const startKind = () => form.elements.init.value;
/** The k field's range (its min and max: 1–8). */
const kRange = () => [Number(form.elements.k.min), Number(form.elements.k.max)];
/** Whether the k typed is a whole number within the field's range. */
function kUsable() {
  const [min, max] = kRange();
  return Number.isInteger(k()) && k() >= min && k() <= max && form.elements.k.value.trim() !== '';
}
/** The points as one key: the elbow uses a run's inertia only on the points that run had. */
const pointsKey = () => points.map((p) => p.join(',')).join(' ');

/** "Random points": k distinct points drawn with the seed, passed to the stepper as its starting centroids. */
function randomStart() {
  const next = random(seed());
  const indices = points.map((_, i) => i);
  const chosen = [];
  for (let j = 0; j < Math.min(k(), indices.length); j++) {
    const pick = j + Math.floor(next() * (indices.length - j));
    [indices[j], indices[pick]] = [indices[pick], indices[j]];
    chosen.push(...points[indices[j]]);
  }
  return new Float64Array(chosen);
}

function say(phase, sentence = '', extra = '') {
  phaseLine.textContent = phase;
  status.textContent = sentence;
  distances.textContent = extra;
  how.hidden = !extra;
  status.removeAttribute('title');
}

function markPhase(current) {
  for (const [name, item] of Object.entries(phaseItems)) {
    if (name === current) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
  }
}

function restart() {
  pause();
  inertias = [];
  stepper?.free();
  stepper = null;
  pending = null;
  done = false;
  trails = [];
  shown = { labels: null, centroids: new Float64Array() };
  say('', '', '');
  markPhase(null);
  if (points.length > 0 && api && !kUsable()) {
    // Refused like the API refuses k = 0, with the range in words; the points stay.
    const value = form.elements.k.value.trim();
    say('', T.kOutOfRange(value === '' ? null : Number(value), ...kRange()));
  } else if (points.length > 0 && api) {
    try {
      // With more clusters than points there is no random start to draw: the API says what is wrong.
      const init = startKind() === 'random' && k() <= points.length ? randomStart() : 'k-means++';
      stepper = new api.KMeansStepper(new Float64Array(points.flat()), { k: k(), seed: seed(), init });
      shown.centroids = stepper.centroids;
      for (let j = 0; j < shown.centroids.length / 2; j++) trails.push([[shown.centroids[2 * j], shown.centroids[2 * j + 1]]]);
      const how = startKind() === 'random' ? T.randomStart(k(), seed()) : T.plusPlusStart(seed());
      say(T.ready, T.start(points.length, how));
    } catch (err) {
      const sentence = err?.field === 'k' && k() > points.length
        ? T.tooManyClusters(k(), points.length)
        : describeError(err);
      say('', sentence);
      status.title = errorDetail(err).message;
    }
  } else if (api) {
    say('', T.empty);
  }
  draw();
}

/** The sentence about "distances computed": what was measured, against plain k-means's points × centroids. */
/** A run the class watched has converged: the elbow may use it. */
function converged() {
  done = true;
  lastRun = { k: k(), key: pointsKey(), inertia: inertias.at(-1) };
}

function distanceSentence(evaluations) {
  return T.distances(evaluations, points.length, k());
}

/** Part 1: every point takes the colour of its nearest centroid; the centroids stay where they were. */
function assign() {
  const r = stepper.step();
  const next = stepper.centroids;
  shown = { labels: stepper.labels, centroids: shown.centroids };
  const step = r.iteration;
  if (r.changed === 0) {
    // Nothing changed cluster, so the update would leave every centroid where it is.
    inertias.push(r.inertia);
    converged();
    markPhase('assign');
    say(T.assignConvergedPhase(step), T.assignConverged(step - 1), distanceSentence(r.evaluations));
    pause();
  } else {
    pending = { r, next };
    markPhase('assign');
    say(T.assignPhase(step), T.assign(step, r.changed), distanceSentence(r.evaluations));
  }
  draw();
}

/** Part 2: every centroid moves to the mean of its points; its trail grows. */
function update() {
  const { r, next } = pending;
  pending = null;
  const before = inertias.at(-1);
  shown = { labels: shown.labels, centroids: next };
  for (let j = 0; j < next.length / 2; j++) trails[j]?.push([next[2 * j], next[2 * j + 1]]);
  inertias.push(r.inertia);
  const fell = before === undefined ? T.inertiaNow(r.inertia) : T.inertiaFell(before, r.inertia);
  markPhase('update');
  if (r.converged) {
    converged();
    say(T.updateConvergedPhase(r.iteration), T.updateConverged(fell), distances.textContent);
    pause();
  } else {
    say(T.updatePhase(r.iteration), T.update(fell), distances.textContent);
  }
  draw();
}

function step() {
  if (!stepper || done) return;
  if (pending) update();
  else assign();
}

function play() {
  if (!stepper || done) return;
  timer = setInterval(step, 800);
  playButton.textContent = T.pause;
  playButton.setAttribute('aria-pressed', 'true');
}

function pause() {
  clearInterval(timer);
  timer = null;
  playButton.textContent = T.play;
  playButton.setAttribute('aria-pressed', 'false');
}

function axes() {
  el('rect', { x: 0, y: 0, width: SIZE, height: SIZE, class: 'plot-frame' }, plot);
  for (const t of niceTicks(SIZE, 5)) {
    el('line', { x1: t, y1: 0, x2: t, y2: SIZE, class: 'plot-grid' }, plot);
    el('line', { x1: 0, y1: svgY(t), x2: SIZE, y2: svgY(t), class: 'plot-grid' }, plot);
    // Positions for labels of 5.7 units (style.css): at least 14 px once the plot is 315 px wide (viewBox 128).
    el('text', { x: t, y: SIZE + 6, class: 'plot-tick x-tick', 'text-anchor': 'middle' }, plot).textContent = tickLabel(t);
    el('text', { x: -1.5, y: svgY(t) + 2, class: 'plot-tick y-tick', 'text-anchor': 'end' }, plot).textContent = tickLabel(t);
  }
  el('text', { x: SIZE / 2, y: SIZE + 13.5, class: 'plot-axis-label', 'text-anchor': 'middle' }, plot).textContent = T.east;
  el('text', { x: -17, y: SIZE / 2, class: 'plot-axis-label', 'text-anchor': 'middle', transform: `rotate(-90 -17 ${SIZE / 2})` }, plot).textContent = T.north;
}

function draw() {
  const { labels, centroids } = shown;
  const count = centroids.length / 2;
  const sizes = new Array(count).fill(0);
  labels?.forEach((label) => sizes[label]++);
  const iteration = stepper?.iteration ?? 0;
  const summary = labels ? T.plotAssigned(iteration, Boolean(pending), points.length, count, sizes) : T.plotStart(points.length, count);
  reset(plot, summary);
  axes();
  // While the update is pending, a faint line joins each point to the centroid it just chose.
  if (pending && labels) {
    points.forEach(([x, y], i) => {
      const j = labels[i];
      el('line', { x1: x, y1: svgY(y), x2: centroids[2 * j], y2: svgY(centroids[2 * j + 1]), stroke: colour(j), class: 'link' }, plot);
    });
  }
  points.forEach(([x, y], i) => {
    el('circle', { cx: x, cy: svgY(y), r: 1.5, fill: labels ? colour(labels[i]) : '#777', class: 'point' }, plot);
  });
  trails.forEach((trail, j) => {
    if (trail.length < 2) return;
    el('polyline', { points: trail.map(([x, y]) => `${x},${svgY(y)}`).join(' '), stroke: colour(j), class: 'trail' }, plot);
    trail.slice(0, -1).forEach(([x, y]) => el('circle', { cx: x, cy: svgY(y), r: 0.9, fill: colour(j), class: 'trail-stop' }, plot));
  });
  for (let j = 0; j < count; j++) {
    const [x, y] = [centroids[2 * j], svgY(centroids[2 * j + 1])];
    el('rect', { x: x - 2.4, y: y - 2.4, width: 4.8, height: 4.8, fill: colour(j), class: 'centroid' }, plot);
    el('text', { x: x + 3.2, y: y - 3, class: 'centroid-label' }, plot).textContent = String(j + 1);
  }
  lineChart(curve, inertias.map((_, i) => i + 1), inertias, {
    label: T.inertiaChart(inertias),
    xLabel: T.stepAxis,
    ...inertiaAxis(inertias),
    ...CHART,
  });
}

function showElbow() {
  if (!api) return;
  elbowTable.replaceChildren();
  try {
    const kMax = Math.min(8, new Set(points.map(String)).size);
    const r = api.elbow(new Float64Array(points.flat()), { kMin: 1, kMax, seed: seed(), nInit: ELBOW_STARTS });
    const ks = Array.from(r.k);
    const values = Array.from(r.inertia);
    // A run the class watched on these points may still have found a better grouping than the best start: the
    // elbow then shows that run's inertia, and says so.
    const ours = lastRun?.key === pointsKey() ? ks.indexOf(lastRun.k) : -1;
    const fromRun = ours >= 0 && lastRun.inertia < values[ours];
    if (fromRun) values[ours] = lastRun.inertia;
    lineChart(elbowPlot, ks, values, {
      label: T.elbowChart(ks, values),
      xLabel: T.kAxis,
      ...inertiaAxis(values),
      ...CHART,
    });
    ks.forEach((kk, i) => {
      const row = elbowTable.insertRow();
      row.insertCell().textContent = String(kk);
      row.insertCell().textContent = fromRun && i === ours ? T.elbowYourRun(values[i]) : n.sig(values[i]);
    });
  } catch (err) {
    say('', describeError(err));
    status.title = errorDetail(err).message;
  }
}

plot.addEventListener('click', (event) => {
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(plot.getScreenCTM().inverse());
  if (p.x >= 0 && p.x <= SIZE && p.y >= 0 && p.y <= SIZE) {
    points.push([Math.round(p.x * 10) / 10, Math.round(svgY(p.y) * 10) / 10]);
    restart();
  }
});
form.addEventListener('submit', (event) => event.preventDefault());
form.elements.k.addEventListener('change', restart);
form.elements.seed.addEventListener('change', restart);
for (const radio of form.elements.init) radio.addEventListener('change', restart);
form.elements.sample.addEventListener('click', addSamplePoints);
form.elements.clear.addEventListener('click', () => {
  points = [];
  restart();
});
form.elements.step.addEventListener('click', () => {
  pause();
  step();
});
playButton.addEventListener('click', () => (timer ? pause() : play()));
form.elements.reset.addEventListener('click', restart);
form.elements.elbow.addEventListener('click', showElbow);

draw();
whenLoaded(document.getElementById('classroom'), (loaded) => {
  api = loaded;
  if (points.length === 0) addSamplePoints();
  else restart();
});
