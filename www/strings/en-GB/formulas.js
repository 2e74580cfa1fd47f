// The words of "Learn the formulas"' lines (www/formulas.js, through strings/formula-lines.js) in British English;
// the error messages are the classroom's.
import { n } from './numbers.js';
import { F as CLASSROOM } from './classroom.js';
import { formulaLines } from '../formula-lines.js';

export const lang = 'en-GB';

export const F = {
  ...CLASSROOM,
  ...formulaLines(n, {
    about: 'about ',
    energy: (kwh, joules) => `${kwh} kWh (${joules} J)`,
    perUnit: (unit) => `kg CO2e/${unit}`,
    total: (kg) => `${kg} kg CO2e WTW`,
  }),
};
