// Factor overrides the user typed in the sources table. They live in this browser's localStorage only and are
// passed to every calculation; nothing is ever sent anywhere. Emission factors (kg CO2e per unit) and the
// digital-energy figures (each in its own unit) are kept apart, as the API takes them apart.
const KEY = 'green-delivery:factor-overrides';
const DIGITAL_KEY = 'green-delivery:digital-overrides';

function read(key) {
  try {
    const stored = JSON.parse(localStorage.getItem(key) ?? '{}');
    return stored && typeof stored === 'object' ? stored : {};
  } catch {
    return {};
  }
}

function write(key, id, value) {
  const next = read(key);
  if (value === undefined) delete next[id];
  else next[id] = value;
  localStorage.setItem(key, JSON.stringify(next));
  dispatchEvent(new CustomEvent('green-delivery:overrides'));
}

/** Emission factor overrides, `{ id: { kgPerUnit } }`, as `factors` options take them. */
export const overrides = () => read(KEY);

/** Digital-energy overrides, `{ id: value }`, as the `digitalFactors` option takes them. */
export const digitalOverrides = () => read(DIGITAL_KEY);

/** Sets (or, with `undefined`, clears) one factor's WTW value in kg CO2e per unit, and tells the views. */
export const setOverride = (id, kgPerUnit) => write(KEY, id, kgPerUnit === undefined ? undefined : { kgPerUnit });

/** Sets (or, with `undefined`, clears) one digital-energy figure, in its own unit. */
export const setDigitalOverride = (id, value) => write(DIGITAL_KEY, id, value);

export function clearOverrides() {
  localStorage.removeItem(KEY);
  localStorage.removeItem(DIGITAL_KEY);
  dispatchEvent(new CustomEvent('green-delivery:overrides'));
}
