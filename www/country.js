// The page's country: where the shop delivers. It picks the chain's defaults (`country` in deliveryOptions and
// consolidate), the place tables the searches prefer, and the example shop and shopper the views open with.
// `?country=DE` first, then the region of the page's language (de-DE → DE), else GB; a menu in the header switches
// it by reloading with `?country=`, as the language menu does with `?lang=`.
import { COVERED_COUNTRIES } from './places.js';

/** Where each covered country's example opens: a shop at the capital's centre (New York's for the US: the largest
 *  parcel market), and a shopper's postcode a few km away, which the country's postcode table knows. */
export const EXAMPLES = {
  GB: { shop: { lat: 51.5072, lon: -0.1276 }, shopper: 'EC2A' },
  CN: { shop: { lat: 39.9042, lon: 116.4074 }, shopper: '100020' },
  US: { shop: { lat: 40.7128, lon: -74.006 }, shopper: '10001' },
  JP: { shop: { lat: 35.6812, lon: 139.7671 }, shopper: '150-0001' },
  DE: { shop: { lat: 52.52, lon: 13.405 }, shopper: '10115' },
  FR: { shop: { lat: 48.8566, lon: 2.3522 }, shopper: '75011' },
};

/** The page's country (an ISO 3166-1 alpha-2 code of COVERED_COUNTRIES) for a page in `lang`. */
export function pageCountry(lang) {
  const asked = new URLSearchParams(globalThis.location?.search ?? '').get('country')?.toUpperCase();
  if (COVERED_COUNTRIES.includes(asked)) return asked;
  let region;
  try {
    region = new Intl.Locale(lang).region;
  } catch {
    region = undefined;
  }
  return COVERED_COUNTRIES.includes(region) ? region : 'GB';
}
