// “学习公式”各行（www/formulas.js，经 strings/formula-lines.js）的简体中文用词；错误信息沿用课堂部分。
import { n } from './numbers.js';
import { F as CLASSROOM } from './classroom.js';
import { formulaLines } from '../formula-lines.js';

export const lang = 'zh-CN';

export const F = {
  ...CLASSROOM,
  ...formulaLines(n, {
    about: '约 ',
    energy: (kwh, joules) => `${kwh} 千瓦时（${joules} 焦耳）`,
    perUnit: (unit) => `千克二氧化碳当量/${unit}`,
    total: (kg) => `${kg} 千克二氧化碳当量（WTW）`,
  }),
};
