// The development server (scripts/serve.mjs): where it listens, what it refuses, the headers on every response.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { serve, CSP, DEFAULT_HOST } from '../../scripts/serve.mjs';

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
const get = (path, method = 'GET') =>
  new Promise((resolve, reject) => {
    const req = request(new URL(url), { path, method }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
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
