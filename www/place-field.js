// A "Postcode or town" field: looks the text up offline (places.js) as it is typed, suggests towns in a <datalist>,
// and fills the latitude and longitude fields it is bound to. A "Use my location" button, if given, asks the browser
// for the device's position, which stays in the page like everything else.
import { findPlace, parsePostcode, searchTowns, precisionText } from './places.js';

/** "Delivering to EC2A (postcode district, within about 1.7 km)." */
export function placeLine(prefix, place) {
  if (!place) return '';
  const precision = precisionText(place);
  return `${prefix} ${place.name}${precision ? ` (${precision})` : ''}.`;
}

const fixed = (v) => String(Number(v.toFixed(5)));

/**
 * Binds `input` (a text field) to the `lat` and `lon` fields. `onPlace(place, problem)` is called with the place
 * found (and the coordinates already filled), or with `null` and a sentence saying why nothing was found.
 */
export function bindPlaceField(input, { lat, lon, locate, onPlace }) {
  const suggestions = input.list;
  let asked = 0;
  let timer = null;

  async function lookUp() {
    const text = input.value.trim();
    const ask = ++asked;
    if (text === '') return;
    if (text.replace(/\s/g, '').length < 2) return; // still typing
    let place;
    try {
      const isPostcode = Boolean(parsePostcode(text));
      const [found, towns] = await Promise.all([findPlace(text), isPostcode ? [] : searchTowns(text, 8)]);
      if (ask !== asked) return; // a later keystroke has its own answer
      place = found;
      if (suggestions && towns.length) {
        suggestions.replaceChildren(
          ...towns.map((t) => Object.assign(document.createElement('option'), { value: t.name })),
        );
      }
      if (!place) {
        onPlace(null, isPostcode
          ? `The postcode district ${parsePostcode(text).outward} is not in the list of UK postcodes. Check it, or type a town.`
          : `No town called “${text}” was found. Try a UK postcode (such as LS6 1AN or LS6) or another spelling.`);
        return;
      }
    } catch (err) {
      if (ask !== asked) return;
      console.warn('green-delivery: the place list could not load', err);
      onPlace(null, 'The list of places could not load. Check your connection, or enter coordinates under "Advanced".');
      return;
    }
    lat.value = fixed(place.lat);
    lon.value = fixed(place.lon);
    onPlace(place, null);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 150);
  });
  input.addEventListener('change', () => {
    clearTimeout(timer);
    lookUp();
  });
  if (input.value.trim() !== '') lookUp();

  locate?.addEventListener('click', () => {
    if (!navigator.geolocation) {
      onPlace(null, 'This browser cannot tell the page where you are. Type a postcode or town instead.');
      return;
    }
    const label = locate.textContent;
    locate.disabled = true;
    locate.textContent = 'Locating…';
    const done = () => {
      locate.disabled = false;
      locate.textContent = label;
    };
    navigator.geolocation.getCurrentPosition(
      (position) => {
        done();
        asked++;
        input.value = '';
        lat.value = fixed(position.coords.latitude);
        lon.value = fixed(position.coords.longitude);
        onPlace({ kind: 'device', name: 'your location', accuracyM: position.coords.accuracy, lat: position.coords.latitude, lon: position.coords.longitude }, null);
      },
      (err) => {
        done();
        onPlace(null, err.code === 1
          ? 'The page was not allowed to use your location. Type a postcode or town instead.'
          : 'Your location could not be found. Type a postcode or town instead.');
      },
      { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 },
    );
  });
}
