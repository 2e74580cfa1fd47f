// Was die Ansichten über die in diesem Browser gespeicherten Faktor-Anpassungen sagen (www/overrides.js), auf Deutsch.
export const lang = 'de-DE';

const WHAT = { factor: 'Faktor', digital: 'Digitalenergie' };

export const O = {
  /** Sentences one after another. */
  join: (sentences) => sentences.join(' '),
  unreadable: (what) => `Ihre gespeicherten ${WHAT[what]}-Anpassungen konnten nicht gelesen werden und werden ignoriert.`,
  invalid: (what) => `Ihre gespeicherten ${WHAT[what]}-Anpassungen sind ungültig und werden ignoriert.`,
  defaults: 'Die Zahlen verwenden die Standardwerte.',
  impossible: 'Mit Ihren gespeicherten Anpassungen ist diese Berechnung nicht möglich; sie verwendet deshalb die Standardwerte.',
  inUse: (names) =>
    `Ihre eigenen Werte für ${new Intl.ListFormat(lang, { type: 'conjunction' }).format(names)} ersetzen überall, wo sie gelten, die Standardwerte; ändern oder zurücksetzen können Sie sie unter „Quellen“.`,
};
