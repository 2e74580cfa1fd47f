// "Learn the formulas": three calculators, each showing its formula with the numbers filled in.
// All arithmetic happens in the wasm module; this file only reads inputs and writes text.
import { whenLoaded } from './loading.js';
import { fmt } from './format.js';

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
    return `${fmt(output.value)} ${output.unit} ÷ ${fmt(input.value)} ${input.unit} = ${fmt(r.value)} ${r.unit}`;
  },

  energy(api, form) {
    const r = api.energy(energyInput(form));
    const terms = r.trace.map((t) => `${fmt(t.value)} ${t.name === 'pue' ? '(PUE)' : t.unit}`).join(' × ');
    return `${terms} = ${fmt(r.kwh)} kWh (${fmt(r.joules)} J)`;
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
    const unit = r.activityUnit || 'unit';
    return (
      `${fmt(r.activity)} ${unit} × (${fmt(ttw)} TTW + ${fmt(wtt)} WTT) kg CO2e/${unit} = ` +
      `${fmt(r.ttwKg)} + ${fmt(r.wttKg)} = ${fmt(r.kgCo2e)} kg CO2e WTW`
    );
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
    error.textContent = err.message;
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
