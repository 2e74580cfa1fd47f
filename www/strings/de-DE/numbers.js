// How German writes numbers, units and ranges (format.js's rules through Intl): "1.234,5 kg", "1,2 t".
import { numbers } from '../../format.js';

export const n = numbers('de-DE', { tonne: (x) => `${x} t` });
