// Which option may be called the lowest. The figures are medians with 90% ranges; calling one option "the lowest"
// is only honest when its range is clear of the next option's (issue 24): otherwise it is "among the lowest".

/**
 * `options` (each `{ gCo2e, range: { low, high } }`) sorted by their median, lowest first, and how the first may be
 * named: 'lowest' when its range ends below the start of the second's, else 'amongLowest' (one option alone is the
 * lowest).
 */
export function rankByEmissions(options) {
  const sorted = [...options].sort((a, b) => a.gCo2e - b.gCo2e);
  const [first, second] = sorted;
  const claim = !second || first.range.high < second.range.low ? 'lowest' : 'amongLowest';
  return { sorted, claim };
}
