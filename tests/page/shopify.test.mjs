// The Shopify app block (integrations/shopify/blocks/green-delivery.liquid) rendered with liquidjs into a page
// shaped like Dawn's cart page, its assets written by scripts/shopify-assets.mjs and served from another origin (as
// cdn.shopify.com serves an extension's assets), and checked in Chromium. What Shopify itself provides is stubbed
// here, and only that: the `asset_url` filter, `block.settings` (the schema's defaults plus what a merchant typed in
// the theme editor), `block.shopify_attributes`, `routes`, the link to the schema's stylesheet, and the cart,
// customer and localization objects with the fields the block reads; /cart/update stores a cart attribute and
// redirects to /cart as Shopify's does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Liquid } from 'liquidjs';
import { startSession, screenshot, cspViolations, OUTPUT } from './browser.mjs';
import { serveCdn, serveShop } from './origins.mjs';
import { shopifyAssets } from '../../scripts/shopify-assets.mjs';

const BLOCK = fileURLToPath(new URL('../../integrations/shopify/blocks/green-delivery.liquid', import.meta.url));
const FIXTURES = new URL('./fixtures/shopify/', import.meta.url);
const LAYOUT = readFileSync(new URL('dawn-cart.html', FIXTURES), 'utf8');
const DAWN_CSS = readFileSync(new URL('dawn.css', FIXTURES), 'utf8');
const PHONE = { width: 375, height: 812 };
const LAPTOP = { width: 1280, height: 800 };
const DEPOT = '51.5072,-0.1276';
const AXE = readFileSync(fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

/** WCAG 2.2 AA violations axe-core finds inside the app block (the theme's own markup is not ours to judge). */
async function axeBlock(page) {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
    const r = await window.axe.run('.green-delivery-block', { runOnly: { type: 'tag', values: tags } });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

// The block's {% schema %} is read by Shopify (for the theme editor) and renders nothing: here it is split off and
// parsed, so its JSON is checked and its defaults fill block.settings.
const source = readFileSync(BLOCK, 'utf8');
const [, markup, schemaText] = source.match(/^([\s\S]*)\{% schema %\}([\s\S]*)\{% endschema %\}\s*$/);
const schema = JSON.parse(schemaText);
const defaults = Object.fromEntries(schema.settings.filter((s) => 'default' in s).map((s) => [s.id, s.default]));

const liquid = new Liquid({ strictFilters: true });
let cdn;
liquid.registerFilter('asset_url', (name) => `${cdn.origin}/${name}?v=1733480000`); // Shopify's adds a version too

/** The shop's state, as Shopify would hold it for one shopper: the cart's attributes and weight, a customer. */
const store = { attributes: {}, customer: null, settings: {} };

function renderCart() {
  const block = markup.trim();
  const html = liquid.parseAndRenderSync(block, {
    block: { id: 'AbC123', settings: { ...defaults, ...store.settings }, shopify_attributes: 'data-shopify-editor-block="{&quot;id&quot;:&quot;AbC123&quot;}"' },
    cart: { attributes: store.attributes, total_weight: 1450 },
    customer: store.customer,
    localization: { country: { iso_code: 'GB' } },
    routes: { cart_update_url: '/cart/update' },
  });
  // Shopify links a block's schema "stylesheet" in the page's head, once.
  const link = `<link rel="stylesheet" href="${cdn.origin}/${schema.stylesheet}">`;
  return LAYOUT.replace('</head>', `${link}\n</head>`).replace('{{ app_block }}', html);
}

let session;
let shop;
before(async () => {
  const assets = new URL('shopify/assets/', OUTPUT);
  const sizes = await shopifyAssets(fileURLToPath(assets));
  console.log(`assets: ${Object.entries(sizes).map(([n, s]) => `${n} ${(s / 1000).toFixed(1)} KB`).join(', ')}`);
  cdn = await serveCdn(fileURLToPath(assets));
  // Shopify's storefront sends no such policy by default; a strict one shows that the block needs nothing more than
  // the asset CDN (the script, the stylesheet, the .wasm and table fetches) and WebAssembly.
  const csp = `default-src 'none'; script-src ${cdn.origin} 'wasm-unsafe-eval'; connect-src ${cdn.origin}; style-src 'self' ${cdn.origin}; form-action 'self'`;
  shop = await serveShop(
    {},
    {
      async handle(req, res) {
        const path = new URL(req.url, 'http://x').pathname;
        if (req.method === 'POST' && path === '/cart/update') {
          let body = '';
          for await (const chunk of req) body += chunk;
          for (const [key, value] of new URLSearchParams(body)) {
            const name = key.match(/^attributes\[(.+)\]$/)?.[1];
            if (name) store.attributes[name] = value;
          }
          res.writeHead(302, { Location: '/cart' }).end();
          return true;
        }
        if (path === '/cdn/shop/t/1/assets/base.css') {
          res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8' }).end(DAWN_CSS);
          return true;
        }
        if (path === '/cart') {
          res.setHeader('Content-Security-Policy', csp);
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(renderCart());
          return true;
        }
        return false;
      },
    },
  );
  session = await startSession();
});
after(async () => {
  await session?.close();
  cdn?.server.close();
  shop?.server.close();
});

const widgetReady = (page) => page.waitForFunction(() => document.querySelector('green-delivery-options')?.estimates.length > 0);

test('the schema is what the theme editor needs: a section target, the cart and product templates, unique ids', () => {
  assert.equal(schema.target, 'section');
  assert.deepEqual(schema.templates, ['cart', 'product']);
  const ids = schema.settings.map((s) => s.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const s of schema.settings) {
    assert.ok(s.label, `${s.id} has a label`);
    if (s.type === 'select') assert.ok(s.options.some((o) => o.value === s.default), `${s.id}'s default is an option`);
  }
});

test('no postcode yet: the block asks for one, and the cart attribute it posts draws the widget from the merchant depot', async () => {
  store.attributes = {};
  store.customer = null;
  store.settings = { depot: DEPOT, vehicle: 'electric-van', offers: 'standard,nextDay,locker,pickupWalk,cargoBike', preselect_greenest: true };
  const { page, foreignRequests, consoleErrors } = await session.open(`${shop.origin}/cart`);
  await page.setViewportSize(PHONE);
  assert.equal(await page.locator('green-delivery-options').count(), 0, 'no widget without a postcode');
  await screenshot(page, 'shopify-cart-ask-postcode-phone');
  const before = foreignRequests.length; // the first visit fetched the script; the second is counted
  await page.getByLabel(defaults.postcode_label).fill('EC1A 1BB');
  await page.getByRole('button', { name: defaults.postcode_button }).click();
  await page.waitForURL(`${shop.origin}/cart`);
  await widgetReady(page);
  assert.equal(store.attributes.delivery_postcode, 'EC1A 1BB');
  const widget = page.locator('green-delivery-options');
  assert.equal(await widget.getAttribute('depot'), DEPOT);
  assert.equal(await widget.getAttribute('destination'), 'EC1A 1BB');
  assert.equal(await widget.getAttribute('weight'), '1.45'); // cart.total_weight, 1450 g
  assert.equal(await widget.getAttribute('wasm'), `${cdn.origin}/green_delivery_bg.wasm?v=1733480000`);
  const shown = await widget.evaluate((w) => ({
    ids: w.estimates.map((o) => o.id),
    checked: w.selected,
    rows: w.shadowRoot.querySelectorAll('[part~="option"]').length,
  }));
  assert.deepEqual(new Set(shown.ids), new Set(store.settings.offers.split(',')));
  assert.equal(shown.rows, 5);
  assert.equal(shown.checked, shown.ids[0], 'the lowest option preselected');
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(consoleErrors, []);
  const fromCdn = foreignRequests.slice(before).filter((u) => u.startsWith(cdn.origin)).map((u) => new URL(u).pathname);
  assert.deepEqual(fromCdn.sort(), ['/green-delivery-block.css', '/green-delivery-widget.js', '/green_delivery_bg.wasm', '/postcode-districts.json']);
  console.log(`asset requests: ${fromCdn.join(' ')}`);
  assert.deepEqual(await axeBlock(page), []);
  await screenshot(page, 'shopify-cart-phone');
  await page.setViewportSize(LAPTOP);
  await screenshot(page, 'shopify-cart-laptop');
});

test('a logged-in customer\'s default address is used when the cart has no postcode; the depot may be a postcode', async () => {
  store.attributes = {};
  store.customer = { default_address: { zip: 'M1 1AE' } };
  store.settings = { depot: DEPOT };
  const { page } = await session.open(`${shop.origin}/cart`);
  await widgetReady(page);
  assert.equal(await page.locator('green-delivery-options').getAttribute('destination'), 'M1 1AE');
  const fromLondon = await page.locator('green-delivery-options').evaluate((w) => w.result.options.map((o) => [o.id, o.gCo2e]));
  // The same shopper, from a depot in Manchester given as a postcode: the figures follow the depot.
  store.settings = { depot: 'M1 1AE' };
  await page.reload();
  await widgetReady(page);
  const fromManchester = await page.locator('green-delivery-options').evaluate((w) => w.result.options.map((o) => [o.id, o.gCo2e]));
  assert.equal(fromManchester.length, fromLondon.length);
  assert.notDeepEqual(fromManchester, fromLondon);
  assert.deepEqual(await cspViolations(page), []);
});

test('no depot set: no widget (nothing to compute from), and the page is otherwise untouched', async () => {
  store.attributes = { delivery_postcode: 'EC1A 1BB' };
  store.customer = null;
  store.settings = {};
  const { page, consoleErrors } = await session.open(`${shop.origin}/cart`);
  assert.equal(await page.locator('green-delivery-options').count(), 0);
  await page.waitForLoadState('load');
  assert.deepEqual(consoleErrors, []);
});

test('on a product page the parcel is the variant\'s weight; Liquid escapes what a merchant or shopper typed', () => {
  const html = liquid.parseAndRenderSync(markup, {
    block: { id: 'p1', settings: { ...defaults, depot: '51.5,-0.1', country: 'gb' }, shopify_attributes: '' },
    product: { selected_or_first_available_variant: { weight: 350 } },
    cart: { attributes: { delivery_postcode: '"><script>alert(1)</script>' }, total_weight: 9000 },
    localization: { country: { iso_code: 'DE' } },
    routes: { cart_update_url: '/cart/update' },
  });
  assert.match(html, /weight="0\.35"/);
  assert.match(html, /country="GB"/, "the merchant's country wins over the storefront's, upper-cased");
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /destination="(&quot;|&#34;)&gt;&lt;script&gt;/); // liquidjs writes &#34;, Shopify &quot;
});
