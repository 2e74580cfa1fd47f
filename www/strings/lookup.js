// The word-for-word lookup behind strings/<lang>/sources.js: the API's texts (written in English in the Rust
// tables) in the Sources view, each looked up by its exact English text; a text without an entry is shown as the API
// gives it, in English. British English needs no lookup (strings/en-GB/sources.js gives every text back).

/** The sources that are pure citations, with nothing of ours in them: every language shows them as published. */
const CITATIONS = [
  'UK Government GHG Conversion Factors for Company Reporting 2025 (DESNZ)',
  'University of Westminster / Pedal Me',
  'Shahmohammadi et al. 2020, Environ. Sci. Technol. 54(6), Table 3 (CC BY-NC-ND 4.0)',
];

/** The two sources of the digital-energy figures, as the API gives them: the Sources view shows each figure's
 *  "source. note" as one text, so a language's table has an entry for each note, starting with its source. */
export const CCF = 'Cloud Carbon Footprint methodology (cloudcarbonfootprint.org/docs/methodology).';
export const SWD = 'Sustainable Web Design Model v4 (sustainablewebdesign.org), as in CO2.js.';

/**
 * `sourceText`, `unitText` and `translates` for a language whose tables give, by exact English text, each source
 * or note (`sources`) and each unit (`units`) in that language; `asPublished` lists the units it writes as the API
 * does ("km"). `translates` tells a text kept on purpose (those, and the CITATIONS) from one not there yet.
 */
export function lookup({ asPublished, sources, units }) {
  const kept = new Set([...CITATIONS, ...asPublished]);
  const source = new Map(Object.entries(sources));
  const unit = new Map(Object.entries(units));
  return {
    sourceText: (english) => source.get(english) ?? english,
    unitText: (english) => unit.get(english) ?? english,
    translates: (english) => kept.has(english) || source.has(english) || unit.has(english),
  };
}
