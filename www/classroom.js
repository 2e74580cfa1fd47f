// Classroom: k-means one step at a time on points the teacher places, with the inertia curve and the elbow.
import { whenLoaded } from './loading.js';
import { fmt } from './format.js';
import { el, reset, colour, lineChart } from './plot.js';

let api = null;
const form = document.getElementById('classroom-controls');
const plot = document.getElementById('classroom-plot');
const curve = document.getElementById('classroom-inertia');
const elbowPlot = document.getElementById('classroom-elbow');
const elbowTable = document.querySelector('#classroom-elbow-table tbody');
const status = document.getElementById('classroom-status');
const playButton = form.elements.play;

let points = [];
let stepper = null;
let inertias = [];
let timer = null;

/** A small seeded generator (mulberry32), so "Add sample points" is reproducible for a class. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function addSamplePoints() {
  const next = random(Number(form.elements.seed.value) + points.length);
  const centres = [[25, 30], [70, 25], [50, 72], [20, 75]];
  for (let i = 0; i < 40; i++) {
    const [cx, cy] = centres[i % centres.length];
    points.push([cx + (next() + next() + next() - 1.5) * 16, cy + (next() + next() + next() - 1.5) * 16]);
  }
  restart();
}

function restart() {
  pause();
  inertias = [];
  stepper?.free();
  stepper = null;
  status.textContent = '';
  if (points.length > 0 && api) {
    try {
      stepper = new api.KMeansStepper(new Float64Array(points.flat()), {
        k: Number(form.elements.k.value),
        seed: Number(form.elements.seed.value),
      });
    } catch (err) {
      status.textContent = err.message;
    }
  }
  draw();
}

function step() {
  if (!stepper) return;
  const r = stepper.step();
  inertias.push(r.inertia);
  draw();
  const done = r.converged ? ' Converged: no point changed cluster.' : '';
  status.textContent =
    `Iteration ${r.iteration}: ${r.changed} points changed cluster, inertia ${fmt(r.inertia)}, ` +
    `${r.evaluations} distances computed.${done}`;
  if (r.converged) pause();
}

function play() {
  if (!stepper || stepper.converged) return;
  timer = setInterval(step, 700);
  playButton.textContent = 'Pause';
  playButton.setAttribute('aria-pressed', 'true');
}

function pause() {
  clearInterval(timer);
  timer = null;
  playButton.textContent = 'Play';
  playButton.setAttribute('aria-pressed', 'false');
}

function draw() {
  const labels = stepper && stepper.iteration > 0 ? stepper.labels : null;
  const centroids = stepper ? stepper.centroids : new Float64Array();
  const k = centroids.length / 2;
  const sizes = new Array(k).fill(0);
  labels?.forEach((label) => sizes[label]++);
  const summary = labels
    ? `k-means after ${stepper.iteration} iterations: ${points.length} points in ${k} clusters of ${sizes.join(', ')}`
    : `${points.length} points, ${k} initial centroids, not yet assigned`;
  reset(plot, summary);
  el('rect', { x: 0, y: 0, width: 100, height: 100, class: 'plot-frame' }, plot);
  points.forEach(([x, y], i) => {
    el('circle', { cx: x, cy: y, r: 1.4, fill: labels ? colour(labels[i]) : '#777', class: 'point' }, plot);
  });
  for (let j = 0; j < k; j++) {
    const [x, y] = [centroids[2 * j], centroids[2 * j + 1]];
    el('rect', { x: x - 2.2, y: y - 2.2, width: 4.4, height: 4.4, fill: colour(j), class: 'centroid' }, plot);
    el('text', { x: x + 3, y: y - 3, class: 'centroid-label' }, plot).textContent = String(j + 1);
  }
  lineChart(curve, inertias.map((_, i) => i + 1), inertias, {
    label: inertias.length
      ? `Inertia by iteration: ${inertias.map(fmt).join(', ')}`
      : 'Inertia by iteration: no steps yet',
    xLabel: 'iteration',
    yLabel: 'inertia',
  });
}

function showElbow() {
  if (!api) return;
  elbowTable.replaceChildren();
  try {
    const kMax = Math.min(8, new Set(points.map(String)).size);
    const r = api.elbow(new Float64Array(points.flat()), { kMin: 1, kMax, seed: Number(form.elements.seed.value) });
    const ks = Array.from(r.k);
    const values = Array.from(r.inertia);
    lineChart(elbowPlot, ks, values, {
      label: `Inertia against k: ${ks.map((k, i) => `k ${k}: ${fmt(values[i])}`).join('; ')}`,
      xLabel: 'k',
      yLabel: 'inertia',
    });
    ks.forEach((k, i) => {
      const row = elbowTable.insertRow();
      row.insertCell().textContent = String(k);
      row.insertCell().textContent = fmt(values[i]);
    });
  } catch (err) {
    status.textContent = err.message;
  }
}

plot.addEventListener('click', (event) => {
  const p = new DOMPoint(event.clientX, event.clientY).matrixTransform(plot.getScreenCTM().inverse());
  if (p.x >= 0 && p.x <= 100 && p.y >= 0 && p.y <= 100) {
    points.push([p.x, p.y]);
    restart();
  }
});
form.addEventListener('submit', (event) => event.preventDefault());
form.elements.k.addEventListener('change', restart);
form.elements.seed.addEventListener('change', restart);
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

whenLoaded(document.getElementById('classroom'), (loaded) => {
  api = loaded;
  if (points.length === 0) addSamplePoints();
  else restart();
});
