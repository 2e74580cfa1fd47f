// Factor overrides the user typed in the sources table. They live in this browser's localStorage only and are
// passed to every calculation; nothing is ever sent anywhere.
const KEY = 'green-delivery:factor-overrides';

export function overrides() {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? '{}');
    return stored && typeof stored === 'object' ? stored : {};
  } catch {
    return {};
  }
}

/** Sets (or, with `undefined`, clears) one factor's WTW value in kg CO2e per unit, and tells the views. */
export function setOverride(id, kgPerUnit) {
  const next = overrides();
  if (kgPerUnit === undefined) delete next[id];
  else next[id] = { kgPerUnit };
  localStorage.setItem(KEY, JSON.stringify(next));
  dispatchEvent(new CustomEvent('green-delivery:overrides'));
}

export function clearOverrides() {
  localStorage.removeItem(KEY);
  dispatchEvent(new CustomEvent('green-delivery:overrides'));
}
