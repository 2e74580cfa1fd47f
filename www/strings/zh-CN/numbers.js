import { numbers } from '../../format.js';

/** Chinese numbers: "2.4千克", "1,610公里". */
export const n = numbers('zh-CN', { unitDisplay: 'long', tonne: (x) => `${x}吨` });
