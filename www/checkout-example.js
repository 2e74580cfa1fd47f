// The example shop's own script: it listens to the widget's events like any merchant page would.
const choice = document.getElementById('choice');

// The figure is the widget's to show: it changes with the destination, and no event says so, so this line does
// not repeat it (a repeated figure would go stale).
document.addEventListener('green-delivery-select', (event) => {
  choice.textContent = `Chosen: ${event.detail.label}.`;
});

// The widget already tells shoppers in plain words; the details (message, code, field, attribute) are for the shop.
document.addEventListener('green-delivery-error', (event) => {
  const { code, attribute, message } = event.detail;
  choice.textContent = 'Delivery estimate unavailable.';
  console.warn(`green-delivery: ${code ?? 'error'}${attribute ? ` in ${attribute}` : ''}: ${message}`);
});

// At payment the shop reads what is checked: the shopper's choice, or the option preselected (no event announces
// a preselection: it is no one's choice).
document.getElementById('pay').addEventListener('click', () => {
  const id = document.getElementById('delivery').selected;
  choice.textContent = id ? `Paying with delivery option ${id}.` : 'Please choose a delivery option.';
});
