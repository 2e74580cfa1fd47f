// Small SVG helpers shared by the views: no charting library, no innerHTML, and every chart gets a text
// alternative (role="img" with an aria-label, plus a <title>).
import { MINUS } from './format.js';

const SVG = 'http://www.w3.org/2000/svg';

/** Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export const colour = (i) => PALETTE[i % PALETTE.length];

/** A tornado chart: one row per `{ setting, low, high }` (the figure with the setting at its low and high),
 *  largest swing first, bars from the figure's central value: `tornado-low` towards the figure at the setting's low
 *  value, `tornado-high` towards the figure at its high value (the page's legend says so). A row whose low and high
 *  read the same once written (`format`) moves nothing a reader can see, and is left out. `format` writes a figure,
 *  `span` a low and a high in the reader's words ("3% to 40%"). Returns the number of rows drawn. */
export function tornado(svg, central, rows, { label, format, name = (s) => s, span = (a, b) => `${a} to ${b}`, width = svg.clientWidth || 560 }) {
  rows = rows.filter((r) => format(r.low) !== format(r.high));
  // Each setting's name sits on its own line above its bar, in 14 px type (style.css), and the chart is drawn at the
  // width it is shown at, in real pixels, so long names never squeeze the bars on a phone.
  const rowHeight = 48;
  const text = 14;
  const lineHeight = 18;
  const pad = { left: 4, right: 4, top: 22, bottom: 8 };
  reset(svg, label);
  if (rows.length === 0) {
    svg.setAttribute('height', '0');
    return 0;
  }
  // Words are measured in the labels' own font on a canvas: no layout per word, and right while the view is hidden.
  const measure = measurer(svg);
  // A name wider than the chart (German's are long) wraps onto more lines, and its row grows by as many.
  const names = rows.map((r) => wrap(name(r.setting), width - pad.left - pad.right, measure));
  const tops = [];
  let height = pad.top;
  for (const lines of names) {
    tops.push(height);
    height += rowHeight + (lines.length - 1) * lineHeight;
  }
  height += pad.bottom;
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('height', String(height));
  const lo = Math.min(central, ...rows.flatMap((r) => [r.low, r.high]));
  const hi = Math.max(central, ...rows.flatMap((r) => [r.low, r.high]));
  // The low-to-high words go just past each bar's end: the bars take what the widest of them leaves.
  const spans = rows.map((r) => span(format(Math.min(r.low, r.high)), format(Math.max(r.low, r.high))));
  const widest = Math.max(...spans.map(measure));
  const barWidth = Math.max(80, width - pad.left - pad.right - widest - 8);
  const x = (v) => pad.left + ((v - lo) / (hi - lo || 1)) * barWidth;
  // The central line first, under the names and the bars: a name it crosses stays readable (style.css gives the
  // names a halo in the page's colour).
  el('line', { x1: x(central), y1: pad.top - 4, x2: x(central), y2: height - pad.bottom, class: 'axis' }, svg);
  rows.forEach((r, i) => {
    const label = el('text', { x: pad.left, y: tops[i] + text, class: 'tick' }, svg);
    names[i].forEach((line, j) => {
      // A space between lines, so that the name's text reads as written.
      el('tspan', { x: pad.left, dy: j === 0 ? 0 : lineHeight }, label).textContent = j < names[i].length - 1 ? `${line} ` : line;
    });
    const y = tops[i] + (names[i].length - 1) * lineHeight;
    // The longer side first, so that when both ends fall on one side of the central value the shorter stays seen.
    const ends = [['tornado-low', r.low], ['tornado-high', r.high]].sort((p, q) => Math.abs(q[1] - central) - Math.abs(p[1] - central));
    for (const [cls, v] of ends) {
      if (v === central) continue;
      el('rect', { x: Math.min(x(v), x(central)), y: y + text + 6, width: Math.abs(x(v) - x(central)), height: 16, class: cls }, svg);
    }
    el('text', { x: Math.max(x(r.low), x(r.high), x(central)) + 6, y: y + text + 19, class: 'tick' }, svg).textContent = spans[i];
  });
  // The central value over its line, kept inside the chart when the line is near an edge.
  el('text', { x: Math.min(Math.max(x(central), 40), width - 40), y: text, class: 'tick', 'text-anchor': 'middle' }, svg).textContent = format(central);
  return rows.length;
}

/** A function giving the width in px of a text in `svg`'s tick labels' font (style.css). */
function measurer(svg) {
  const probe = el('text', { class: 'tick' }, svg);
  const style = getComputedStyle(probe);
  const context = document.createElement('canvas').getContext('2d');
  context.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  probe.remove();
  return (words) => context.measureText(words).width;
}

/** `words` as lines no wider than `width` (by `measure`). A single word wider than that stays whole. */
function wrap(words, width, measure) {
  const fits = (line) => measure(line) <= width;
  const lines = [];
  let line = '';
  for (const word of words.split(' ')) {
    const longer = line ? `${line} ${word}` : word;
    if (line && !fits(longer)) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  lines.push(line);
  return lines;
}

/** Creates an SVG element with attributes. */
export function el(name, attributes = {}, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  parent?.append(node);
  return node;
}

/** Empties `svg` and sets its text alternative. */
export function reset(svg, label) {
  svg.replaceChildren();
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  el('title', {}, svg).textContent = label;
}

/** About `count` round tick values from 0 to at least `max` (steps of 1, 2 or 5 × a power of ten). */
export function niceTicks(max, count = 4) {
  if (!(max > 0) || !Number.isFinite(max)) return [0, 1];
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks = [];
  for (let i = 0; i * step < max + step * 1e-9; i++) ticks.push(Number((i * step).toPrecision(12)));
  if (ticks[ticks.length - 1] < max - step * 1e-9) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

// Ticks in the page's language (<html lang>, which views.js sets before any chart is drawn: read at the first tick),
// with the real minus sign.
let tickFormat = null;
/** A tick value: "0", "2.5", "1,500", "12,000" ("1.500" in German); negatives with U+2212. */
export function tickLabel(v) {
  tickFormat ??= new Intl.NumberFormat(globalThis.document?.documentElement.lang || undefined, { maximumSignificantDigits: 3 });
  return tickFormat.format(v).replace('-', MINUS);
}

/** Integer ticks over [x0, x1]: every integer up to 12 of them, else round steps. */
function integerTicks(x0, x1) {
  const span = x1 - x0;
  const step = span <= 12 ? 1 : niceTicks(span, 6)[1];
  const ticks = [];
  for (let x = x0; x <= x1; x += Math.max(1, Math.round(step))) ticks.push(x);
  if (ticks[ticks.length - 1] !== x1 && span > 12) ticks.push(x1);
  return ticks;
}

/** A line chart of `ys` against `xs` in a `width × height` viewBox, with axes, tick values and axis labels. `xs`
 *  are whole numbers (iterations, k): every one is labelled up to 12 of them. `tick` writes a tick value in the
 *  reader's language (the browser's by default). */
export function lineChart(svg, xs, ys, { label, xLabel, yLabel, width = 320, height = 200, tick = tickLabel }) {
  reset(svg, label);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const pad = { left: 64, right: 12, top: 12, bottom: 36 };
  // An empty chart still shows its axes, so the students see what will be drawn.
  const [x0, x1] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [1, 2];
  const yTicks = niceTicks(Math.max(0, ...ys) || 1);
  const y1 = yTicks[yTicks.length - 1];
  const sx = (x) => pad.left + (x1 === x0 ? 0.5 : (x - x0) / (x1 - x0)) * (width - pad.left - pad.right);
  const sy = (y) => height - pad.bottom - (y / y1) * (height - pad.top - pad.bottom);
  for (const t of yTicks) {
    if (t > 0) el('line', { x1: pad.left, y1: sy(t), x2: width - pad.right, y2: sy(t), class: 'grid' }, svg);
    el('line', { x1: pad.left - 4, y1: sy(t), x2: pad.left, y2: sy(t), class: 'axis' }, svg);
    el('text', { x: pad.left - 6, y: sy(t) + 4, class: 'tick', 'text-anchor': 'end' }, svg).textContent = tick(t);
  }
  el('line', { x1: pad.left, y1: sy(0), x2: width - pad.right, y2: sy(0), class: 'axis' }, svg);
  el('line', { x1: pad.left, y1: pad.top, x2: pad.left, y2: sy(0), class: 'axis' }, svg);
  el('text', { x: (width + pad.left) / 2, y: height - 4, class: 'axis-label', 'text-anchor': 'middle' }, svg).textContent = xLabel;
  // Centred on the whole height, not the plot's: a long label (German's "Quadratsumme (km²)") then still fits.
  const yText = el('text', { x: 11, y: height / 2, class: 'axis-label', 'text-anchor': 'middle',
    transform: `rotate(-90 11 ${height / 2})` }, svg);
  yText.textContent = yLabel;
  if (xs.length === 0) return;
  for (const x of integerTicks(x0, x1)) {
    el('line', { x1: sx(x), y1: sy(0), x2: sx(x), y2: sy(0) + 4, class: 'axis' }, svg);
    el('text', { x: sx(x), y: sy(0) + 16, class: 'tick x-tick', 'text-anchor': 'middle' }, svg).textContent = tickLabel(x);
  }
  el('polyline', { points: xs.map((x, i) => `${sx(x)},${sy(ys[i])}`).join(' '), class: 'series' }, svg);
  xs.forEach((x, i) => el('circle', { cx: sx(x), cy: sy(ys[i]), r: 3, class: 'series-point' }, svg));
}

/** A list item: a name, a value, and a bar `fraction` of the track long (the text carries the number); with
 *  `range` ({ from, to } as fractions of the track), a whisker over the bar shows the figure's low and high. */
/** Writes `text` into `element` with each bracketed part ("(406–950 kg)", Chinese "（406–950千克）") in a span that
 *  does not break inside: the line may break before a range, never within it ("(406–" over "950 kg)"). */
export function writeUnbroken(element, text) {
  element.replaceChildren(
    ...text.split(/([(（][^()（）]*[)）])/).map((part, i) => {
      if (i % 2 === 0) return part;
      const span = document.createElement('span');
      span.className = 'unbroken';
      span.textContent = part;
      return span;
    }),
  );
}

export function barItem(name, value, fraction, range) {
  const item = document.createElement('li');
  item.className = 'option';
  const head = document.createElement('p');
  head.className = 'option-head';
  const strong = document.createElement('strong');
  strong.textContent = name;
  const figure = document.createElement('span');
  figure.className = 'option-value';
  writeUnbroken(figure, value);
  head.append(strong, figure);
  const track = document.createElement('div');
  track.className = 'bar';
  track.setAttribute('aria-hidden', 'true');
  // The fill and the whisker in an SVG of the track's size (100 wide, 10 high), placed by attributes, not by inline
  // styles: the page's Content-Security-Policy refuses a style attribute, and a drawn list is also written into the
  // markup (scripts/prerender.mjs). Lengths to 0.01% of the track.
  const at = (f) => Math.round(10000 * f) / 100;
  const svg = el('svg', { viewBox: '0 0 100 10', preserveAspectRatio: 'none' }, track);
  el('rect', { class: 'bar-fill', width: at(fraction), height: 10 }, svg);
  if (range && range.to > range.from) {
    // Ends a little above and below the track, joined across its middle.
    const [from, to] = [at(range.from), at(Math.max(range.to, range.from + 0.005))];
    el('path', { class: 'bar-range', d: `M${from} -2V12M${from} 5H${to}M${to} -2V12` }, svg);
  }
  item.append(head, track);
  return item;
}
