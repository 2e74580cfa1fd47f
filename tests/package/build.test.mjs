// scripts/build.sh reuses a build only while its stamp matches every input and output (so `npm pack`'s prepack
// does not build again right after `npm run build`, and never packs a stale wasm). Checked with `--check` on a copy
// of what the stamp covers, so this checkout's build is not touched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
let copy;

/** True when scripts/build.sh in `dir` would reuse the build there. */
const reused = (dir) => {
  const run = spawnSync('bash', ['scripts/build.sh', '--check'], { cwd: dir, encoding: 'utf8' });
  assert.ok(run.status === 0 || run.status === 1, run.stderr);
  return run.status === 0;
};

before(() => {
  copy = mkdtempSync(join(tmpdir(), 'green-delivery-build-'));
  for (const path of ['src', 'Cargo.toml', 'Cargo.lock', '.cargo', 'scripts/build.sh', 'scripts/api-types.mjs', 'www/pkg', 'www/widget-pkg']) {
    cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  mkdirSync(join(copy, 'target'));
});
after(() => copy && rmSync(copy, { recursive: true, force: true }));

test('right after the build, the build is reused (the checkout\'s and an exact copy\'s)', () => {
  assert.ok(reused(ROOT), 'scripts/build.sh --check after the build: up to date');
  assert.ok(reused(copy), 'a copy with the same contents (other dates) is up to date');
});

test('any changed input or output means a new build', () => {
  for (const [file, text] of [['src/lib.rs', '// changed\n'], ['Cargo.lock', '#\n'], ['.cargo/config.toml', '#\n'], ['www/pkg/green_delivery.js', '//\n'], ['www/widget-pkg/green_delivery_bg.wasm', '\0']]) {
    cpSync(join(ROOT, file), join(copy, `${file}.kept`));
    appendFileSync(join(copy, file), text);
    assert.equal(reused(copy), false, `after a change to ${file}`);
    cpSync(join(copy, `${file}.kept`), join(copy, file));
    rmSync(join(copy, `${file}.kept`));
    assert.ok(reused(copy), `${file} restored`);
  }
  rmSync(join(copy, 'www/pkg/.build-stamp'));
  assert.equal(reused(copy), false, 'no stamp (a build that stopped half-way)');
});
