// "Learn the formulas": three calculators, each showing its formula with the numbers filled in.
// All arithmetic happens in the wasm module; this file only reads inputs and writes text.
import { whenLoaded } from './loading.js';
import { pageLang, loadStrings, translate } from './i18n.js';
import { published } from './format.js';

// The formulas' markup shares the classroom's table (the section sits inside the classroom); their lines are
// written by strings/<lang>/formulas.js, with the reader's numbers ("0,0075 kWh" in German).
const [{ HTML }, { F }] = await Promise.all(['classroom', 'formulas'].map((part) => loadStrings(pageLang(), part)));
translate(document.getElementById('formulas'), HTML);

/** Significant figures for an estimate: 3 from 100 up, 2 below (format.js's rule). */
const digitsFor = (value) => (Math.abs(value) >= 100 ? 3 : 2);
/** `value` to format.js's 2–3 significant figures. */
const significant = (value) => (value === 0 || !Number.isFinite(value) ? value : Number(value.toPrecision(digitsFor(value))));
/** Decimal places that give `total` its 2–3 significant figures; negative for tens, hundreds…. */
const placesFor = (total) => (total === 0 || !Number.isFinite(total) ? 0 : digitsFor(total) - 1 - Math.floor(Math.log10(Math.abs(total))));
/** `value` rounded to `places` decimals (a negative `places` rounds to tens, hundreds…). */
const roundTo = (value, places) => Math.round(value * 10 ** places) / 10 ** places;
/** `value` as people read it, and whether that rounds it: whole when 3 significant figures write it (27.5, 0.177),
 *  else to 2–3 (3.1689 → 3.2, 0.25561 → 0.26). */
function readable(value) {
  const three = Number(value.toPrecision(3));
  if (Math.abs(three - value) <= 1e-9 * Math.abs(value)) return [three, false];
  return [significant(value), true];
}

const number = (form, name) => (form.elements[name].value.trim() === '' ? NaN : Number(form.elements[name].value));
const text = (form, name) => form.elements[name].value.trim() || undefined;

/** Each calculator reads its form, calls the API, and returns the formula line to show. */
const calculators = {
  efficiency(api, form) {
    const r = api.efficiency({
      output: number(form, 'output'),
      input: number(form, 'input'),
      outputUnit: text(form, 'outputUnit'),
      inputUnit: text(form, 'inputUnit'),
    });
    const [output, input] = r.trace;
    const [value, approx] = readable(r.value);
    return F.efficiency(output.value, output.unit, input.value, input.unit, value, r.unit, approx);
  },

  energy(api, form) {
    const r = api.energy(energyInput(form));
    const [[kwh, approx], [joules]] = [readable(r.kwh), readable(r.joules)];
    return F.energy(r.trace.map((t) => F.energyTerm(t.value, t.unit, t.name === 'pue')), kwh, joules, approx);
  },

  emission(api, form) {
    const fromEnergy = form.elements.fromEnergy.checked;
    const input = {
      factor: { ttw: number(form, 'ttw'), wtt: number(form, 'wtt') },
      ...(fromEnergy
        ? { energy: energyInput(document.getElementById('energy')) }
        : { activity: number(form, 'activity'), activityUnit: text(form, 'activityUnit') }),
    };
    const r = api.emission(input);
    const { ttw, wtt } = input.factor;
    const unit = r.activityUnit || F.unit;
    // The activity field shows the energy once switchActivity has kept the distance typed there.
    if (fromEnergy && form.elements.activity.disabled) form.elements.activity.value = String(r.activity);
    // The two kg terms to the places that give the total 2–3 significant figures, and the total as their sum: the
    // line adds up as written in a classroom ("2.6 + 0.6 = 3.2", not "2.5561 + 0.6128 = 3.1689", nor
    // "2.6 + 0.61 ≈ 3.2").
    const places = placesFor(r.kgCo2e);
    const [ttwKg, wttKg] = [r.ttwKg, r.wttKg].map((kg) => roundTo(kg, places));
    const [[ttwShown, ttwRounded], [wttShown, wttRounded]] = [readable(ttw), readable(wtt)];
    return F.emission({
      activity: r.activity, unit, ttw: ttwShown, wtt: wttShown, ttwKg, wttKg, kg: ttwKg + wttKg,
      about: ttwRounded || wttRounded, approx: ttwKg !== r.ttwKg || wttKg !== r.wttKg,
    });
  },
};

/** The emission calculator's two kinds of activity: distance with the van's factor (the markup's), or the energy
 *  above with the UK grid's factor per kWh (from the API's factor table). Each keeps the factor the reader last
 *  typed for it, and the labels say which is in use. */
const emissionForm = document.getElementById('emission');
const factorFields = ['ttw', 'wtt'];
const factorsFor = {
  distance: Object.fromEntries(factorFields.map((name) => [name, emissionForm.elements[name].value])),
  energy: null,
};
/** The label texts that change with the kind of activity, by element: [distance key, energy key]. */
const relabelled = [
  ['activity', 'formulas.activity', 'formulas.activityEnergy'],
  ['ttw', 'formulas.ttw', 'formulas.ttwKwh'],
  ['wtt', 'formulas.wtt', 'formulas.wttKwh'],
];
const factorHint = emissionForm.querySelector('[data-i18n="formulas.defaultFactor"], [data-i18n="formulas.gridFactor"]');

function switchActivity(api) {
  const energy = emissionForm.elements.fromEnergy.checked;
  const [from, to] = energy ? ['distance', 'energy'] : ['energy', 'distance'];
  factorsFor[from] = Object.fromEntries(factorFields.map((name) => [name, emissionForm.elements[name].value]));
  if (!factorsFor.energy) {
    const grid = api.factors().find((f) => f.id === 'uk-grid-2025');
    // As published (0.2454), without the float noise of the sum of its rows (0.24539999999999998).
    factorsFor.energy = { ttw: published(grid.parts.ttw), wtt: published(grid.parts.wtt) };
  }
  for (const name of factorFields) emissionForm.elements[name].value = factorsFor[to][name];
  // The activity typed for a distance is kept while the energy stands in for it (its unit then reads kWh).
  const { activity, activityUnit } = emissionForm.elements;
  if (energy) {
    factorsFor.activity = [activity.value, activityUnit.value];
    activityUnit.value = 'kWh';
  } else if (factorsFor.activity) {
    [activity.value, activityUnit.value] = factorsFor.activity;
  }
  activity.disabled = energy;
  activityUnit.disabled = energy;
  for (const [name, distanceKey, energyKey] of relabelled) {
    const span = emissionForm.elements[name].closest('label').querySelector('span');
    relabel(span, energy ? energyKey : distanceKey);
  }
  relabel(factorHint, energy ? 'formulas.gridFactor' : 'formulas.defaultFactor');
}

/** Shows the table's words for `key` in `element`, and marks it with the key. */
function relabel(element, key) {
  element.dataset.i18n = key;
  element.textContent = HTML[key];
}

function energyInput(form) {
  const pue = text(form, 'pue');
  return {
    power: number(form, 'power'),
    powerUnit: form.elements.powerUnit.value,
    time: number(form, 'time'),
    timeUnit: form.elements.timeUnit.value,
    pue: pue === undefined ? undefined : Number(pue),
  };
}

function recompute(api, form) {
  const output = form.elements.result;
  const error = form.querySelector('.error');
  try {
    output.value = calculators[form.id](api, form);
    error.textContent = '';
  } catch (err) {
    output.value = '';
    error.textContent = F.error(err);
  }
}

const forms = Object.keys(calculators).map((id) => document.getElementById(id));
for (const form of forms) form.addEventListener('submit', (event) => event.preventDefault());
whenLoaded(document.getElementById('formulas'), (api) => {
  emissionForm.elements.fromEnergy.addEventListener('change', () => {
    switchActivity(api);
    recompute(api, emissionForm);
  });
  if (emissionForm.elements.fromEnergy.checked) switchActivity(api);
  for (const form of forms) {
    // The emission calculator can read the energy form, so any change refreshes all three.
    form.addEventListener('input', () => forms.forEach((f) => recompute(api, f)));
    recompute(api, form);
  }
});
