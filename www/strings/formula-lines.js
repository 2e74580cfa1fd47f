// The formula lines of "Learn the formulas" (www/formulas.js), the same in every language but for the numbers (`n`,
// a language's numbers.js) and a few words (`w`, from strings/<lang>/formulas.js). The view rounds each figure as
// people read it and says which it rounded: those lines read "≈", and rounded factors `w.about`.
export function formulaLines(n, w) {
  const eq = (approx) => (approx ? '≈' : '=');
  return {
    /** `approx`: the view rounded `value`. */
    efficiency: (output, outputUnit, input, inputUnit, value, unit, approx) =>
      `${n.fmt(output)} ${outputUnit} ÷ ${n.fmt(input)} ${inputUnit} ${eq(approx)} ${n.fmt(value)} ${unit}`,
    energy: (terms, kwh, joules, approx) => `${terms.join(' × ')} ${eq(approx)} ${w.energy(n.fmt(kwh), n.fmt(joules))}`,
    /** `about`: the factors are rounded; `approx`: the kg terms are; `kg` is their sum as written. */
    emission: ({ activity, unit, ttw, wtt, ttwKg, wttKg, kg, about, approx }) =>
      `${n.fmt(activity)} ${unit} × (${about ? w.about : ''}${n.fmt(ttw)} TTW + ${n.fmt(wtt)} WTT) ${w.perUnit(unit)} ${eq(approx)} ` +
      `${n.fmt(ttwKg)} + ${n.fmt(wttKg)} = ${w.total(n.fmt(kg))}`,
  };
}
