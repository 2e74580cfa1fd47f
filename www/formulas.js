// "Learn the formulas": three calculators, each showing its formula with the numbers filled in.
// All arithmetic happens in the wasm module; this file only reads inputs and writes text.
import { whenLoaded } from './loading.js';
import { pageLang, loadStrings, translate } from './i18n.js';

// The formulas' words share the classroom's table (the section sits inside the classroom); numbers are the
// reader's ("0,0075 kWh" in German).
const { HTML, F } = await loadStrings(pageLang(), 'classroom');
translate(document.getElementById('formulas'), HTML);

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
    return F.efficiency(output.value, output.unit, input.value, input.unit, r.value, r.unit);
  },

  energy(api, form) {
    const r = api.energy(energyInput(form));
    return F.energy(r.trace.map((t) => F.energyTerm(t.value, t.unit, t.name === 'pue')), r.kwh, r.joules);
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
    return F.emission({ activity: r.activity, unit, ttw, wtt, ttwKg: r.ttwKg, wttKg: r.wttKg, kg: r.kgCo2e });
  },
};

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
  for (const form of forms) {
    // The emission calculator can read the energy form, so any change refreshes all three.
    form.addEventListener('input', () => forms.forEach((f) => recompute(api, f)));
    recompute(api, form);
  }
});
