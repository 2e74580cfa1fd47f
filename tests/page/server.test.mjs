// The development server (scripts/serve.mjs): where it listens, what it refuses, the headers on every response.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { serve, CSP, DEFAULT_HOST, acceptedEncodings } from '../../scripts/serve.mjs';

const SCRIPT = new URL('../../scripts/serve.mjs', import.meta.url).pathname;

let server;
let url;
before(async () => {
  const saved = process.env.HOST;
  delete process.env.HOST;
  ({ server, url } = await serve(0));
  if (saved !== undefined) process.env.HOST = saved;
});
after(() => server?.close());

/** A raw request (fetch would normalise `..` and refuse some methods), resolving to `{ status, headers, body }`. */
const get = (path, method = 'GET', headers = {}) =>
  new Promise((resolve, reject) => {
    const req = request(new URL(url), { path, method, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode, headers: res.headers, body: bytes.toString('latin1'), bytes });
      });
    });
    req.on('error', reject);
    req.end();
  });

/** Runs `node scripts/serve.mjs` with `env` until it prints its URL; resolves to that line. */
function printedUrl(env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [SCRIPT], { env: { ...process.env, PORT: '0', HOST: '', ...env } });
    let out = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no URL printed: ${out}`));
    }, 10_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = out.match(/http:\/\/\S+\//);
      if (match) {
        clearTimeout(timer);
        child.kill();
        resolve(match[0]);
      }
    });
    child.on('error', reject);
  });
}

test('listens on 127.0.0.1 by default', () => {
  assert.equal(DEFAULT_HOST, '127.0.0.1');
  assert.equal(server.address().address, '127.0.0.1');
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
});

test('the script prints the address it really listens on, and HOST overrides it', async () => {
  assert.match(await printedUrl({}), /^http:\/\/127\.0\.0\.1:\d+\/$/);
  // Any 127.x.y.z address is the loopback interface on Linux, so this stays local.
  assert.match(await printedUrl({ HOST: '127.0.0.2' }), /^http:\/\/127\.0\.0\.2:\d+\/$/);
});

test('dotfiles and dot-directories are refused', async () => {
  const paths = ['/.git/config', '/.env', '/pkg/.gitignore', '/.well-known/x', '/data/.hidden/file.csv', '/%2egit/HEAD', '/%2e%2e/package.json', '/../package.json'];
  for (const path of paths) {
    const { status, body } = await get(path);
    assert.ok([403, 404].includes(status), `${path} gave ${status}`);
    assert.ok(!body.includes('[core]') && !body.includes('"name"'), `${path} leaked ${body.slice(0, 40)}`);
  }
  // wasm-pack writes www/pkg/.gitignore: a real dotfile that must not be served.
  if (existsSync(new URL('../../www/pkg/.gitignore', import.meta.url))) {
    assert.equal((await get('/pkg/.gitignore')).status, 404);
  }
  assert.equal((await get('/index.html')).status, 200);
});

test('symlinks are followed only inside the served folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-serve-'));
  const site = join(dir, 'site');
  mkdirSync(site);
  writeFileSync(join(dir, 'secret.txt'), 'SECRET');
  writeFileSync(join(site, 'page.html'), '<p>inside</p>');
  symlinkSync(join(dir, 'secret.txt'), join(site, 'out.html'));
  symlinkSync(dir, join(site, 'up'));
  symlinkSync(join(site, 'page.html'), join(site, 'alias.html'));
  const { server: local, url: base } = await serve(0, DEFAULT_HOST, site + '/');
  try {
    const fetchText = async (path) => {
      const r = await fetch(new URL(path, base));
      return [r.status, await r.text()];
    };
    for (const path of ['/out.html', '/up/secret.txt']) {
      const [status, body] = await fetchText(path);
      assert.ok([403, 404].includes(status) && !body.includes('SECRET'), `${path}: ${status} ${body}`);
    }
    assert.deepEqual(await fetchText('/alias.html'), [200, '<p>inside</p>']);
  } finally {
    local.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('files are streamed: clients that stop reading a 64 MB file hold no copies of it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gd-serve-'));
  writeFileSync(join(dir, 'big.csv'), Buffer.alloc(64 << 20, 'a'));
  const { server: local, url: base } = await serve(0, DEFAULT_HOST, dir + '/');
  const { port } = new URL(base);
  const sockets = [];
  try {
    global.gc?.();
    const before = process.memoryUsage().rss;
    for (let i = 0; i < 24; i++) {
      const socket = connect(Number(port), DEFAULT_HOST);
      socket.pause(); // reads nothing: a stalled download
      socket.write('GET /big.csv HTTP/1.1\r\nHost: x\r\nAccept-Encoding: identity\r\n\r\n');
      sockets.push(socket);
    }
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const grown = (process.memoryUsage().rss - before) / 2 ** 20;
    assert.ok(grown < 200, `the server grew by ${grown.toFixed(0)} MB for 24 stalled downloads of 64 MB`);
  } finally {
    for (const socket of sockets) socket.destroy();
    local.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('every response carries the CSP and nosniff headers', async () => {
  const responses = [
    await get('/'),
    await get('/style.css'),
    await get('/no-such-file.js'),
    await get('/.git/config'),
    await get('/%E0%A4%A'), // not valid percent-encoding
    await get('/', 'POST'),
    await get('/', 'HEAD'),
  ];
  assert.deepEqual(responses.map((r) => r.status), [200, 200, 404, 404, 400, 405, 200]);
  for (const { status, headers } of responses) {
    assert.equal(headers['content-security-policy'], CSP, `status ${status}`);
    assert.equal(headers['x-content-type-options'], 'nosniff', `status ${status}`);
  }
});

test('compressed delivery: br when asked, gzip otherwise, identity without Accept-Encoding; Vary on each', async () => {
  for (const path of ['/pkg/green_delivery_bg.wasm', '/widget-pkg/green_delivery.js', '/index.html', '/style.css']) {
    const original = readFileSync(new URL(`../../www${path}`, import.meta.url));
    const br = await get(path, 'GET', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
    assert.equal(br.headers['content-encoding'], 'br', path);
    assert.ok(brotliDecompressSync(br.bytes).equals(original), `${path}: the Brotli body is the file`);
    assert.ok(br.bytes.length < original.length, path);
    const gz = await get(path, 'GET', { 'Accept-Encoding': 'gzip, deflate' });
    assert.equal(gz.headers['content-encoding'], 'gzip', path);
    assert.ok(gunzipSync(gz.bytes).equals(original), `${path}: the gzip body is the file`);
    const plain = await get(path);
    assert.equal(plain.headers['content-encoding'], undefined, path);
    assert.ok(plain.bytes.equals(original), path);
    for (const r of [br, gz, plain]) {
      assert.equal(r.headers.vary, 'Accept-Encoding', path);
      assert.equal(r.headers['content-security-policy'], CSP);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.equal(Number(r.headers['content-length']), r.bytes.length);
    }
    if (path.endsWith('.wasm')) assert.equal(br.headers['content-type'], 'application/wasm');
  }
  // q=0 refuses an encoding; identity asks for none.
  assert.equal((await get('/style.css', 'GET', { 'Accept-Encoding': 'br;q=0, gzip' })).headers['content-encoding'], 'gzip');
  assert.equal((await get('/style.css', 'GET', { 'Accept-Encoding': 'identity' })).headers['content-encoding'], undefined);
  assert.deepEqual(acceptedEncodings('*'), ['br', 'gzip']);
  assert.deepEqual(acceptedEncodings(undefined), []);
});

test('an ETag per encoding, and a 304 for a fresh copy', async () => {
  const first = await get('/pkg/green_delivery_bg.wasm', 'GET', { 'Accept-Encoding': 'br' });
  assert.match(first.headers.etag, /^"[^"]+-br"$/);
  const again = await get('/pkg/green_delivery_bg.wasm', 'GET', { 'Accept-Encoding': 'br', 'If-None-Match': first.headers.etag });
  assert.equal(again.status, 304);
  assert.equal(again.bytes.length, 0);
  const gzip = await get('/pkg/green_delivery_bg.wasm', 'GET', { 'Accept-Encoding': 'gzip', 'If-None-Match': first.headers.etag });
  assert.equal(gzip.status, 200, 'the Brotli ETag does not match the gzip copy');
});
