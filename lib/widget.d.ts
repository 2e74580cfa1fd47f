// green-delivery/widget: importing it defines <green-delivery-options> (safe to import twice).
import type { GreenDeliveryOptions } from './element.js';

export * from './element.js';

declare global {
  interface HTMLElementTagNameMap {
    'green-delivery-options': GreenDeliveryOptions;
  }
}
