// How Simplified Chinese writes numbers, units and ranges (format.js's rules through Intl): units in words, as
// Chinese text writes them ("1.2千克", "160克"); Intl has no tonne, so "1.2吨".
import { numbers } from '../../format.js';

export const n = numbers('zh-CN', { unitDisplay: 'long', tonne: (x) => `${x}吨` });
