import { numbers } from '../../format.js';

/** British English numbers: "2.4 kg", "1,610 km". */
export const n = numbers('en-GB');
