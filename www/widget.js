// Defines <green-delivery-options>. Safe to load twice: the second definition is skipped.
import { GreenDeliveryOptions } from './green-delivery-options.js';

if (!customElements.get('green-delivery-options')) {
  customElements.define('green-delivery-options', GreenDeliveryOptions);
}

export { GreenDeliveryOptions };
