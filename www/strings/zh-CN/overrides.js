// 关于本浏览器中保存的自定义因子的提示（www/overrides.js），简体中文。
export const lang = 'zh-CN';

const WHAT = { factor: '排放因子', digital: '数字能耗' };

export const O = {
  /** Sentences one after another (Chinese puts no space after 。). */
  join: (sentences) => sentences.join(''),
  unreadable: (what) => `您保存的${WHAT[what]}自定义值无法读取，已忽略。`,
  invalid: (what) => `您保存的${WHAT[what]}自定义值无效，已忽略。`,
  defaults: '各项数字均采用默认值。',
  impossible: '按您保存的自定义值无法完成这次计算，因此改用了默认值。',
};
