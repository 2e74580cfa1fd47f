// Types for <green-delivery-options>: the class (green-delivery/element), its attributes and properties, its
// events' `detail`, and the tag in HTMLElementTagNameMap (added by green-delivery/widget, which defines it).
import type {
  Area, CountryCode, DeliveryOption, DeliveryOptionsResult, ErrorCode, FactorId, FactorOverride, FactorOverrides, GridId,
  OptionId, SettingId, VehicleId,
} from '../www/widget-pkg/green_delivery.js';

export type {
  Area, CountryCode, DeliveryOption, DeliveryOptionsResult, ErrorCode, FactorId, FactorOverride, FactorOverrides, GridId,
  OptionId, SettingId, VehicleId,
};

/** The ids of the delivery options (the widget shows them lowest emissions first). */
export type DeliveryOptionId = DeliveryOption['id'];

/** `detail` of `green-delivery-select`: the option the shopper picked (mouse or keyboard); never sent for a
 *  preselection. */
export interface GreenDeliverySelectDetail {
  id: DeliveryOptionId;
  /** The option's name as the widget shows it, in its language (www/strings/<lang>/chain.js), e.g. "Parcel locker". */
  label: string;
  estimate: DeliveryOption;
}

/** `detail` of `green-delivery-error`: branch on `code` and `attribute`, never on `message`. */
export interface GreenDeliveryErrorDetail {
  /** For developers; may change. */
  message: string;
  /** The package's stable code, or "load-failed" when the calculator (the .wasm) could not load. */
  code?: ErrorCode | 'load-failed';
  /** The JS path of the input at fault, e.g. "shopper.lat" or "settings.pickup.km". */
  field?: string;
  /** The attribute (or property: "factors", "settings", "offers") the error comes from; null when it is about none. */
  attribute?: GreenDeliveryAttribute | 'factors' | 'settings' | 'offers' | null;
}

export type GreenDeliverySelectEvent = CustomEvent<GreenDeliverySelectDetail>;
export type GreenDeliveryErrorEvent = CustomEvent<GreenDeliveryErrorDetail>;

/** The element's attributes; each is mirrored by a camelCase string property. */
export interface GreenDeliveryAttributes {
  /** The merchant's depot, "lat,lon", or a postcode or town (as for `destination`): the line-haul starts here
   *  (default: the setting lineHaul.km). */
  depot?: string;
  /** The shopper's address (required): "lat,lon", or a postcode or town in the widget's `country` (GB when unset)
   *  such as "E1 6AN", looked up offline (the npm package ships the UK postcode districts; a site serving www/data/
   *  has every covered country's towns and postcodes). */
  destination: string;
  /** The van, a vehicle-km factor id: "diesel-van" (default), "petrol-van", "electric-van". */
  vehicle?: VehicleId;
  /** The shopper's car for pickup trips, a vehicle-km factor id: "petrol-car" (default), "diesel-car", "electric-car". */
  car?: VehicleId;
  /** km from the shopper to the pickup point, one way: the setting pickup.km (default 2). */
  'pickup-distance'?: string;
  /** km from the carrier's delivery depot to the round, one way: the setting round.stemKm (default 17.87). */
  'stem-distance'?: string;
  /** The carrier's round where the shopper lives: "urban", "suburban" (default) or "rural". */
  area?: Area;
  /** The parcel's weight, kg: sets parcel.kg, and whether a cargo bike can take it (up to 25 kg). */
  weight?: string;
  /** Grid factor id for electric vehicles, e.g. "grid-fr" (default "uk-grid-2025"). */
  grid?: GridId;
  /** The country whose defaults apply, ISO 3166-1 alpha-2 (e.g. "DE"), passed to deliveryOptions as `country`; with
   *  it, `destination` may be a postcode or town in that country. Unset: the calculator's default (GB). */
  country?: CountryCode | (string & {});
  /** The language of the widget's words and numbers, a BCP 47 tag ("zh-CN", "de", "en-GB"), matched to one with
   *  strings (en-GB, zh-CN, de-DE). Unset: the nearest `lang` around it (the page's <html lang>), then the browser's. */
  lang?: string;
  /** Which options to show, comma-separated: "sameDayCourier,nextDay,standard,consolidated,pickupWalk,pickupCar,locker,cargoBike";
   *  they are shown lowest emissions first. */
  offers?: string;
  /** The merchant's choice of option; set when the shopper chooses. */
  selected?: DeliveryOptionId;
  /** "greenest": check the lowest-emission option when neither `selected` nor the shopper has chosen. It fires no
   *  event and does not set `selected`; the `selected` property reads it. */
  preselect?: 'greenest';
  /** "compact" (one line per option, explanations behind a disclosure button) or "full"; unset, compact below
   *  480 px of width. */
  layout?: 'compact' | 'full';
  /** The URL (absolute, or relative to the page) of the widget's green_delivery_bg.wasm, when it is not beside the
   *  widget's script (www/widget-pkg/). A page has one instance: the first widget to load it decides the URL, and a
   *  different URL on a later widget is ignored (with one console warning). */
  wasm?: string;
}

export type GreenDeliveryAttribute = keyof GreenDeliveryAttributes;

export declare class GreenDeliveryOptions extends HTMLElement {
  static observedAttributes: GreenDeliveryAttribute[];
  /** `depot` attribute: "lat,lon" or a postcode or town, or null. */
  depot: string | null;
  /** `destination` attribute: "lat,lon" or a postcode or town in the widget's country, or null. */
  destination: string | null;
  /** `vehicle` attribute. */
  vehicle: VehicleId | null;
  /** `car` attribute. */
  car: VehicleId | null;
  /** `pickup-distance` attribute, km (set a number or a string). */
  get pickupDistance(): string | null;
  set pickupDistance(value: string | number | null | undefined);
  /** `stem-distance` attribute, km (set a number or a string). */
  get stemDistance(): string | null;
  set stemDistance(value: string | number | null | undefined);
  /** `area` attribute. */
  get area(): Area | null;
  set area(value: Area | null | undefined);
  /** `weight` attribute, kg (set a number or a string). */
  get weight(): string | null;
  set weight(value: string | number | null | undefined);
  /** `grid` attribute. */
  grid: GridId | null;
  /** `country` attribute: ISO 3166-1 alpha-2, or null. */
  country: CountryCode | (string & {}) | null;
  /** The language the widget speaks: the tag with strings picked from `lang` (its own, else the nearest around it),
   *  then the browser's languages, e.g. "de-DE". (`lang` itself is HTMLElement's.) */
  readonly language: string;
  /** The id of the option checked: the `selected` attribute (the merchant's or the shopper's choice) if it is
   *  shown, else the one preselected by `preselect`, else null. Setting it sets the attribute. */
  get selected(): DeliveryOptionId | null;
  set selected(value: DeliveryOptionId | null | undefined);
  /** `preselect` attribute. */
  get preselect(): 'greenest' | null;
  set preselect(value: 'greenest' | null | undefined);
  /** `layout` attribute: the layout forced, or null (by width). */
  get layout(): 'compact' | 'full' | null;
  set layout(value: 'compact' | 'full' | null | undefined);
  /** `wasm` attribute: where the .wasm is fetched from, or null (beside the widget's script). */
  wasm: string | null;
  /** Which options to show (default: all), shown lowest emissions first; the `offers` attribute, or what was set here. */
  get offers(): DeliveryOptionId[] | undefined;
  set offers(value: DeliveryOptionId[] | undefined);
  /** Factor overrides (a property only), e.g. `{ "diesel-van": { kgPerUnit: 0.3 } }`. */
  factors: FactorOverrides | undefined;
  /** Settings of the chain by id (a property only), e.g. `{ "failures.rate": 0.05 }`; the `pickup-distance` and
   *  `stem-distance` attributes win over the same ids. */
  settings: Partial<Record<SettingId, number>> | undefined;
  /** The estimates shown, as returned by `deliveryOptions`, lowest emissions first (read only). */
  readonly estimates: DeliveryOption[];
  /** The whole `deliveryOptions` result behind them: baseline, variants, boundary, settings (read only). */
  readonly result: DeliveryOptionsResult | null;

  addEventListener<K extends keyof GreenDeliveryOptionsEventMap>(
    type: K,
    listener: (this: GreenDeliveryOptions, ev: GreenDeliveryOptionsEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
  removeEventListener<K extends keyof GreenDeliveryOptionsEventMap>(
    type: K,
    listener: (this: GreenDeliveryOptions, ev: GreenDeliveryOptionsEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions,
  ): void;
}

export interface GreenDeliveryOptionsEventMap extends HTMLElementEventMap {
  'green-delivery-select': GreenDeliverySelectEvent;
  'green-delivery-error': GreenDeliveryErrorEvent;
}

declare global {
  /** Both events bubble and are composed, so listeners on `document` or `window` get them too. */
  interface HTMLElementEventMap {
    'green-delivery-select': GreenDeliverySelectEvent;
    'green-delivery-error': GreenDeliveryErrorEvent;
  }
  interface DocumentEventMap {
    'green-delivery-select': GreenDeliverySelectEvent;
    'green-delivery-error': GreenDeliveryErrorEvent;
  }
  interface WindowEventMap {
    'green-delivery-select': GreenDeliverySelectEvent;
    'green-delivery-error': GreenDeliveryErrorEvent;
  }
}
