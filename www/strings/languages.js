// The languages with a strings table (www/strings/<tag>/), each named in itself for the language menu. A language is
// added by copying www/strings/en-GB/ to www/strings/<tag>/, translating it, and adding its row here: no code changes.
export const LANGUAGES = {
  'en-GB': 'English (UK)',
  'zh-CN': '简体中文',
  'de-DE': 'Deutsch',
};
