// Small SVG helpers shared by the views: no charting library, no innerHTML, and every chart gets a text
// alternative (role="img" with an aria-label, plus a <title>).

const SVG = 'http://www.w3.org/2000/svg';

/** Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export const colour = (i) => PALETTE[i % PALETTE.length];

/** A tornado chart: one row per `{ setting, low, high }` (the figure with the setting at its low and high),
 *  largest swing first, bars from the figure's central value. `format` writes a figure. */
export function tornado(svg, central, rows, { label, format, name = (s) => s, width = 560 }) {
  const rowHeight = 22;
  const pad = { left: 250, right: 80, top: 18, bottom: 8 };
  const height = pad.top + pad.bottom + rowHeight * Math.max(rows.length, 1);
  reset(svg, label);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  if (rows.length === 0) return;
  const lo = Math.min(central, ...rows.flatMap((r) => [r.low, r.high]));
  const hi = Math.max(central, ...rows.flatMap((r) => [r.low, r.high]));
  const x = (v) => pad.left + ((v - lo) / (hi - lo || 1)) * (width - pad.left - pad.right);
  rows.forEach((r, i) => {
    const y = pad.top + i * rowHeight;
    const [a, b] = [Math.min(r.low, r.high), Math.max(r.low, r.high)];
    el('text', { x: pad.left - 6, y: y + 14, class: 'tick', 'text-anchor': 'end' }, svg).textContent = name(r.setting);
    if (a < central) el('rect', { x: x(a), y: y + 3, width: x(Math.min(b, central)) - x(a), height: rowHeight - 8, class: 'tornado-low' }, svg);
    if (b > central) el('rect', { x: x(Math.max(a, central)), y: y + 3, width: x(b) - x(Math.max(a, central)), height: rowHeight - 8, class: 'tornado-high' }, svg);
    el('text', { x: x(b) + 4, y: y + 14, class: 'tick' }, svg).textContent = `${format(a)}–${format(b)}`;
  });
  el('line', { x1: x(central), y1: pad.top - 4, x2: x(central), y2: height - pad.bottom, class: 'axis' }, svg);
  el('text', { x: x(central), y: 11, class: 'tick', 'text-anchor': 'middle' }, svg).textContent = format(central);
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

/** A line chart of `ys` against `xs` in a `width × height` viewBox, with axis labels. */
export function lineChart(svg, xs, ys, { label, xLabel, yLabel, width = 320, height = 200 }) {
  reset(svg, label);
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const pad = { left: 48, right: 10, top: 10, bottom: 34 };
  if (xs.length === 0) return;
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const [y0, y1] = [0, Math.max(...ys) || 1];
  const sx = (x) => pad.left + ((x - x0) / (x1 - x0 || 1)) * (width - pad.left - pad.right);
  const sy = (y) => height - pad.bottom - ((y - y0) / (y1 - y0)) * (height - pad.top - pad.bottom);
  el('line', { x1: pad.left, y1: sy(0), x2: width - pad.right, y2: sy(0), class: 'axis' }, svg);
  el('line', { x1: pad.left, y1: pad.top, x2: pad.left, y2: sy(0), class: 'axis' }, svg);
  el('text', { x: (width + pad.left) / 2, y: height - 4, class: 'axis-label', 'text-anchor': 'middle' }, svg).textContent = xLabel;
  const yText = el('text', { x: 12, y: (height - pad.bottom) / 2, class: 'axis-label', 'text-anchor': 'middle',
    transform: `rotate(-90 12 ${(height - pad.bottom) / 2})` }, svg);
  yText.textContent = yLabel;
  for (const x of [x0, x1]) {
    el('text', { x: sx(x), y: sy(0) + 14, class: 'tick', 'text-anchor': 'middle' }, svg).textContent = String(x);
  }
  el('polyline', { points: xs.map((x, i) => `${sx(x)},${sy(ys[i])}`).join(' '), class: 'series' }, svg);
  xs.forEach((x, i) => el('circle', { cx: sx(x), cy: sy(ys[i]), r: 3, class: 'series-point' }, svg));
}

/** A list item: a name, a value, and a bar `fraction` of the track long (the text carries the number); with
 *  `range` ({ from, to } as fractions of the track), a whisker over the bar shows the figure's low and high. */
export function barItem(name, value, fraction, range) {
  const item = document.createElement('li');
  item.className = 'option';
  const head = document.createElement('p');
  head.className = 'option-head';
  const strong = document.createElement('strong');
  strong.textContent = name;
  const figure = document.createElement('span');
  figure.className = 'option-value';
  figure.textContent = value;
  head.append(strong, figure);
  const track = document.createElement('div');
  track.className = 'bar';
  track.setAttribute('aria-hidden', 'true');
  const fill = document.createElement('div');
  fill.className = 'bar-fill';
  fill.style.width = `${100 * fraction}%`;
  track.append(fill);
  if (range && range.to > range.from) {
    const whisker = document.createElement('div');
    whisker.className = 'bar-range';
    whisker.style.left = `${100 * range.from}%`;
    whisker.style.width = `${100 * Math.max(range.to - range.from, 0.005)}%`;
    track.append(whisker);
  }
  item.append(head, track);
  return item;
}
