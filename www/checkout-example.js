// The example shop's own script: it listens to the widget's events like any merchant page would.
const choice = document.getElementById('choice');

document.addEventListener('green-delivery-select', (event) => {
  const { id, estimate } = event.detail;
  choice.textContent = `Chosen: ${estimate.label} (${Math.round(estimate.gCo2e)} g CO2e), id ${id}.`;
});

document.addEventListener('green-delivery-error', (event) => {
  choice.textContent = `Delivery estimate unavailable (${event.detail.message}).`;
});
