// Small SVG helpers shared by the views: no charting library, no innerHTML, and every chart gets a text
// alternative (role="img" with an aria-label, plus a <title>).

const SVG = 'http://www.w3.org/2000/svg';

/** Okabe & Ito's palette: distinguishable with the common colour-vision deficiencies. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#000000'];

export const colour = (i) => PALETTE[i % PALETTE.length];

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

/** A list item: a name, a value, and a bar `fraction` of the track long (the text carries the number). */
export function barItem(name, value, fraction) {
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
  item.append(head, track);
  return item;
}
