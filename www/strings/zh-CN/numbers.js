// How Simplified Chinese writes numbers, units and ranges (format.js's rules through Intl): units in words, as
// Chinese text writes them ("1.2千克", "160克"); Intl has no tonne, so "1.2吨".
import { numbers } from '../../format.js';

// A figure too small to write honestly reads "不到0.01毫米" (less than 0.01 mm).
const base = numbers('zh-CN', { unitDisplay: 'long', tonne: (x) => `${x}吨`, below: (x) => `不到${x}` });
/** A range beside its figure in full-width brackets, as Chinese text writes them: "201克（108-388克）". */
const fullWidth = (text) => text.replace(' (', '（').replace(/\)$/, '）');
export const n = {
  ...base,
  gramsRange: (g, range) => fullWidth(base.gramsRange(g, range)),
  kilogramsRange: (kg, range) => fullWidth(base.kilogramsRange(kg, range)),
};
