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
  inUse: (names) => `凡涉及${new Intl.ListFormat(lang, { type: 'conjunction' }).format(names)}之处，均以您自己设定的数值代替默认值；可在“数据来源”中修改或重置。`,
};
