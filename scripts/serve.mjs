// Serves www/ as a static site with the headers the page and the widget need:
// `.wasm` as application/wasm (for streaming compilation) and a strict Content-Security-Policy.
// Text and wasm are sent precompressed when the build wrote `.br` / `.gz` beside them (scripts/compress.mjs) and the
// client accepts it: Brotli if asked, else gzip, else the file as it is; `Vary: Accept-Encoding` says so to caches.
// Every file has an ETag, so a revalidation (Cache-Control: no-cache) costs a 304 and no body.
// It listens on 127.0.0.1 only, unless HOST says otherwise (HOST=0.0.0.0 to reach it from other machines), and
// never serves dotfiles or anything in a dot-directory (.git, .env, …), nor anything outside the folder it serves:
// symlinks are resolved first, and one that leads out is refused. Files are streamed, so a client that stops reading
// holds one read-ahead buffer (64 KiB), not the file.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
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

/** Types worth compressing (what scripts/compress.mjs compresses). */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.csv', '.geojson', '.wasm', '.txt', '.map']);

/**
 * The encodings a client accepts, from its Accept-Encoding header: `br` first, then `gzip`; none for a client that
 * sends no header (RFC 9110: identity only) or gives them `q=0`.
 */
export function acceptedEncodings(header) {
  if (typeof header !== 'string' || header.trim() === '') return [];
  const q = {};
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = weight ? Number(weight.slice(2)) : 1;
    q[name.trim()] = Number.isFinite(value) ? value : 0;
  }
  const ok = (name) => (q[name] ?? q['*'] ?? 0) > 0;
  return ['br', 'gzip'].filter(ok);
}

/** `file` with every symlink resolved, if that is inside `root` (itself resolved); otherwise null. */
async function inside(file, root) {
  const real = await realpath(file);
  return real.startsWith(root.endsWith(sep) ? root : root + sep) ? real : null;
}

/** The precompressed file to send for `file`, if the client takes it and it is not older than the file. */
async function precompressed(file, source, acceptEncoding, root) {
  for (const encoding of acceptedEncodings(acceptEncoding)) {
    const candidate = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
    try {
      if (!(await inside(candidate, root))) continue;
      const info = await stat(candidate);
      if (info.isFile() && info.mtimeMs >= source.mtimeMs) return { path: candidate, info, encoding };
    } catch {
      // not written: try the next encoding
    }
  }
  return null;
}

function refuse(res, status, text) {
  res.writeHead(status, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(text);
}

async function handle(req, res, root) {
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
  const asked = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
  if (!asked.startsWith(root.endsWith(sep) ? root : root + sep)) {
    refuse(res, 403, 'forbidden');
    return;
  }
  try {
    // A symlink is followed only as far as it stays inside the served folder.
    const file = await inside(asked, root);
    if (!file) {
      refuse(res, 403, 'forbidden');
      return;
    }
    const info = await stat(file);
    if (!info.isFile()) throw new Error('not a file');
    const headers = { ...HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' };
    let send = { path: file, info, encoding: null };
    if (COMPRESSIBLE.has(extname(file))) {
      headers.Vary = 'Accept-Encoding';
      send = (await precompressed(file, info, req.headers['accept-encoding'], root)) ?? send;
    }
    if (send.encoding) headers['Content-Encoding'] = send.encoding;
    headers.ETag = `"${info.size.toString(36)}-${Math.floor(info.mtimeMs).toString(36)}${send.encoding ? `-${send.encoding}` : ''}"`;
    if (req.headers['if-none-match']?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === headers.ETag)) {
      res.writeHead(304, headers).end();
      return;
    }
    headers['Content-Length'] = send.info.size;
    if (req.method === 'HEAD') {
      res.writeHead(200, headers).end();
      return;
    }
    // Streamed with back-pressure: a stalled client holds the stream's one buffer, and a gone one frees it.
    const body = createReadStream(send.path);
    await new Promise((resolve, reject) => {
      body.once('open', () => {
        res.writeHead(200, headers);
        body.pipe(res);
      });
      body.once('error', reject);
      res.once('close', () => {
        body.destroy();
        resolve();
      });
    });
  } catch {
    if (!res.headersSent) refuse(res, 404, 'not found');
    else res.destroy();
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
 * `root` is the folder to serve (default www/; the package tests serve a Vite build and a plain folder with it).
 */
export async function serve(port, host = process.env.HOST || DEFAULT_HOST, root = ROOT) {
  const real = await realpath(root);
  const server = createServer((req, res) =>
    handle(req, res, real).catch(() => {
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
