// A place field's problem beside it: the sentence saying why nothing was placed, and a button for each place the text
// may have meant, which types it into the field. For every "Postcode or town" field (bindPlaceField's `onPlace(place,
// problem, suggestions)`); the box is styled as an error (`.error.field-error`, role="alert", in the page's markup).

/**
 * Shows `problem` (`{ text, suggestions }`, or null to clear) in `box`; `input` is the field a suggestion is typed
 * into, and `groupLabel` names the group of buttons for a screen reader ("Did you mean").
 */
export function showPlaceProblem(box, problem, input, groupLabel) {
  // Drawn again only when it says something else: a button is never replaced under the pointer, and the alert is
  // not repeated when the answer is redrawn for another reason.
  const said = problem ? JSON.stringify([problem.text, problem.suggestions?.map((p) => p.name)]) : '';
  if (box.dataset.said === said) return;
  box.dataset.said = said;
  box.replaceChildren();
  if (!problem) return;
  const text = document.createElement('p');
  text.textContent = problem.text;
  box.append(text);
  if (!problem.suggestions?.length) return;
  const offers = document.createElement('p');
  offers.className = 'place-offers';
  offers.setAttribute('role', 'group');
  offers.setAttribute('aria-label', groupLabel);
  for (const place of problem.suggestions) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = place.name;
    button.addEventListener('click', () => {
      // Typed as offered, the field finds it; focus goes back to the field, as this button is about to go.
      input.value = place.name;
      input.focus();
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    offers.append(button);
  }
  box.append(offers);
}
