// Two origins for page tests: a "CDN" that serves www/ (or another folder) with the CORS header a public npm CDN
// sends, and a "shop" that serves pages of its own under a Content-Security-Policy of its choosing, as a
// merchant's site would. Both listen on 127.0.0.1 on free ports, so they are different origins.
import { createServer } from 'node:http';
import { serve } from '../../scripts/serve.mjs';

/** Serves `root` (default www/) as scripts/serve.mjs does, plus `Access-Control-Allow-Origin: *` (jsDelivr and
 *  unpkg send it; module scripts and the .wasm fetch from another origin need it). Resolves to { server, origin }. */
export async function serveCdn(root) {
  const { server, url } = await serve(0, '127.0.0.1', root);
  server.prependListener('request', (req, res) => res.setHeader('Access-Control-Allow-Origin', '*'));
  return { server, origin: new URL(url).origin };
}

/**
 * Serves `pages` ({ '/path': html }) with `csp(origin)` as the Content-Security-Policy; `handle(req, res)` may
 * answer other requests first (return true when it did). Resolves to { server, origin }.
 */
export async function serveShop(pages, { csp, handle } = {}) {
  let origin;
  const server = createServer(async (req, res) => {
    if (await handle?.(req, res)) return;
    const html = pages[new URL(req.url, origin).pathname];
    const headers = { 'Content-Type': 'text/html; charset=utf-8', 'X-Content-Type-Options': 'nosniff' };
    if (csp) headers['Content-Security-Policy'] = csp(origin);
    res.writeHead(html === undefined ? 404 : 200, headers).end(html ?? 'not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return { server, origin };
}
