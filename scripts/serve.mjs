// Serves www/ as a static site with the headers the page and the widget need:
// `.wasm` as application/wasm (for streaming compilation) and a strict Content-Security-Policy.
// It listens on 127.0.0.1 only, unless HOST says otherwise (HOST=0.0.0.0 to reach it from other machines), and
// never serves dotfiles or anything in a dot-directory (.git, .env, …).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../www/', import.meta.url));

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.csv': 'text/csv; charset=utf-8',
  '.geojson': 'application/geo+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ts': 'text/plain; charset=utf-8',
};

export const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
export const DEFAULT_HOST = '127.0.0.1';

/** Headers sent with every response, errors included. */
const HEADERS = { 'Content-Security-Policy': CSP, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-cache' };

function refuse(res, status, text) {
  res.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

async function handle(req, res) {
  if (!['GET', 'HEAD'].includes(req.method)) {
    res.setHeader('Allow', 'GET, HEAD');
    refuse(res, 405, 'method not allowed');
    return;
  }
  let path;
  try {
    path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
  } catch {
    refuse(res, 400, 'bad request');
    return;
  }
  // Dotfiles and dot-directories (".git", ".env", "..") are never served, whatever the file system holds.
  if (path.includes('\0') || path.split(/[/\\]/).some((segment) => segment.startsWith('.'))) {
    refuse(res, 404, 'not found');
    return;
  }
  const file = normalize(join(ROOT, path.endsWith('/') ? `${path}index.html` : path));
  if (!file.startsWith(ROOT.endsWith(sep) ? ROOT : ROOT + sep)) {
    refuse(res, 403, 'forbidden');
    return;
  }
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    const body = await readFile(file);
    res.writeHead(200, { ...HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch {
    refuse(res, 404, 'not found');
  }
}

/** The URL to print for an address the server listens on. */
function urlOf({ address, family, port }) {
  const host = family === 'IPv6' || family === 6 ? `[${address}]` : address;
  return `http://${host}:${port}/`;
}

/**
 * Starts the server on `host` (default 127.0.0.1, or the HOST environment variable); resolves to
 * `{ server, url }`, the URL being the address actually bound. Port 0 picks a free port (the tests use this).
 */
export function serve(port, host = process.env.HOST || DEFAULT_HOST) {
  const server = createServer((req, res) =>
    handle(req, res).catch(() => {
      if (!res.headersSent) refuse(res, 500, 'server error');
      else res.end();
    }),
  );
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve({ server, url: urlOf(server.address()) }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await serve(Number(process.env.PORT ?? 8080));
  console.log(`green-delivery is being served at ${url}  (Ctrl+C to stop)`);
}
