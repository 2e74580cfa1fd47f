import { numbers } from '../../format.js';

/** German numbers: "2,4 kg", "1.610 km". */
export const n = numbers('de-DE');
