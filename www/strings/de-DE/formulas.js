// Die Wörter der Formelzeilen von „Formeln lernen“ (www/formulas.js, über strings/formula-lines.js) auf Deutsch;
// die Fehlermeldungen sind die des Klassenzimmers.
import { n } from './numbers.js';
import { F as CLASSROOM } from './classroom.js';
import { formulaLines } from '../formula-lines.js';

export const lang = 'de-DE';

export const F = {
  ...CLASSROOM,
  ...formulaLines(n, {
    about: 'etwa ',
    energy: (kwh, joules) => `${kwh} kWh (${joules} J)`,
    perUnit: (unit) => `kg CO₂e/${unit}`,
    total: (kg) => `${kg} kg CO₂e WTW`,
  }),
};
