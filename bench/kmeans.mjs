// k-means benchmark: our wasm engine against ml-kmeans, skmeans and (when Python has it) scikit-learn, on one
// fixed-seed 2-D Gaussian mixture of delivery addresses in km, plain euclidean metric, so every library does the same maths.
//
//   npm run bench                  build, then the full grid (n = 10k, 100k, 1M; k = 8, 32, 128): many minutes
//   npm run bench -- --quick       n = 10k and 100k only
//   node --expose-gc bench/kmeans.mjs --sizes=100k --ks=32 --libs=ml-kmeans,skmeans --budget=30 --json=out.json
// Options (each also as an env variable): --sizes / BENCH_SIZES, --ks / BENCH_KS, --modes=fixed,default,
// --libs=ours,ours-lloyd,ml-kmeans,skmeans,sklearn / BENCH_LIBS (ours-lloyd: ours without the tree filter), --budget=<s per run> / BENCH_BUDGET_S, --repeats / BENCH_REPEATS,
// --python=<interpreter> / PYTHON (default: ./.venv/bin/python if present, else python3), --json=<file>.
//
// Modes: "fixed" = 20 Lloyd iterations from the same k initial centroids for everybody (k distinct data points);
// "default" = each library's own defaults (k-means++ where it has it, its own stopping rule).
// Inertia is recomputed for every library by one shared function from the returned centroids (each point to its
// nearest centroid), so the figures compare like with like whatever each library reports itself.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { kmeans as mlKmeans } from 'ml-kmeans';

const skmeans = createRequire(import.meta.url)('skmeans');
const DIM = 2;
const FIXED_ITERATIONS = 20;
const DATA_SEED = 20240611;
const CHEAP_MS = 2000; // repeat a run (keeping the minimum) only when one run takes less than this

// ---------------------------------------------------------------- data

/** mulberry32: a tiny seeded PRNG, so the data is the same on every machine and in every library. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** n delivery addresses in a 60 × 40 km metro area: 12 hotspots of 0.5–4 km spread, plus 10% scattered uniformly.
 *  Backed by a SharedArrayBuffer so the peer workers read it without a copy. Points are i.i.d., so a prefix of the
 *  largest set is a fair smaller set. */
function metroPoints(n, seed) {
  const rnd = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const hotspots = Array.from({ length: 12 }, () => ({ x: 60 * rnd(), y: 40 * rnd(), s: 0.5 + 3.5 * rnd(), w: rnd() }));
  const total = hotspots.reduce((sum, h) => sum + h.w, 0);
  const out = new Float64Array(new SharedArrayBuffer(n * DIM * 8));
  for (let i = 0; i < n; i++) {
    if (rnd() < 0.1) {
      out[2 * i] = 60 * rnd();
      out[2 * i + 1] = 40 * rnd();
      continue;
    }
    let r = rnd() * total;
    let h = hotspots[0];
    for (const candidate of hotspots) if ((r -= candidate.w) <= 0) { h = candidate; break; }
    out[2 * i] = h.x + h.s * gauss();
    out[2 * i + 1] = h.y + h.s * gauss();
  }
  return out;
}

/** k distinct data points among the first n, the same for every library in the "fixed" mode. */
function initialCentroids(points, n, k) {
  const rnd = mulberry32(1000 + k);
  const chosen = new Set();
  while (chosen.size < k) chosen.add(Math.floor(rnd() * n));
  const out = new Float64Array(k * DIM);
  [...chosen].forEach((p, c) => out.set(points.subarray(p * DIM, p * DIM + DIM), c * DIM));
  return out;
}

/** The one inertia used for every library: sum over points of the squared distance to the nearest centroid. */
function inertiaOf(points, n, centroids) {
  const k = centroids.length / DIM;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = points[2 * i], y = points[2 * i + 1];
    let best = Infinity;
    for (let c = 0; c < k; c++) {
      const dx = x - centroids[2 * c], dy = y - centroids[2 * c + 1];
      const d = dx * dx + dy * dy;
      if (d < best) best = d;
    }
    sum += best;
  }
  return sum;
}

/** Runs fn once, and again up to `repeats` times while it is cheap; returns the fastest run's result and time. */
function timed(fn, repeats) {
  let best = null;
  for (let r = 0; r < repeats; r++) {
    globalThis.gc?.(); // collect the previous run's garbage outside the timed region (needs --expose-gc)
    const t0 = performance.now();
    const result = fn();
    const ms = performance.now() - t0;
    if (!best || ms < best.ms) best = { ...result, ms };
    if (ms > CHEAP_MS) break;
  }
  return best;
}

// ---------------------------------------------------------------- the JS peers (each in a worker, so a run that
// overshoots its time budget can be stopped instead of hanging the benchmark)

const PEERS = {
  'ml-kmeans': (rows, k, init) => {
    // tolerance 0: stop only when no centre moves at all, the same rule as ours with tol 0 (labels stopped changing).
    const options = init
      ? { initialization: toRows(init), maxIterations: FIXED_ITERATIONS, tolerance: 0 }
      : { seed: 1 }; // defaults: k-means++, 100 iterations, tolerance 1e-6
    const r = mlKmeans(rows, k, options);
    return { centroids: Float64Array.from(r.centroids.flat()), iterations: r.iterations };
  },
  skmeans: (rows, k, init) => {
    // skmeans overwrites the rows of the initial-centroid array it is given, hence a fresh copy per call.
    // Its defaults: k random points from Math.random (it takes no seed), up to 10000 iterations until nothing moves.
    const r = init ? skmeans(rows, k, toRows(init), FIXED_ITERATIONS) : skmeans(rows, k);
    return { centroids: Float64Array.from(r.centroids.flat()), iterations: r.it };
  },
};

function toRows(flat) {
  return Array.from({ length: flat.length / DIM }, (_, i) => Array.from(flat.subarray(i * DIM, i * DIM + DIM)));
}

function workerMain() {
  const { lib, buffer, n } = workerData;
  const points = new Float64Array(buffer, 0, n * DIM);
  const rows = toRows(points); // both peers take number[][]; converting is not part of the timed work
  const run = PEERS[lib];
  run(rows.slice(0, Math.min(n, 10_000)), 8, null); // let the JIT compile the hot loops before timing
  parentPort.on('message', ({ k, init, repeats }) => {
    parentPort.postMessage(timed(() => run(rows, k, init), repeats));
  });
}

/** A worker per (peer, n), started again after one is stopped. `run` resolves to a result, or to { stopped, ms }
 *  when the budget ran out (ms = the budget, a lower bound that keeps the size estimates honest). */
function startPeer(lib, points, n) {
  let worker = null;
  return {
    run(k, init, repeats, budgetMs) {
      worker ??= new Worker(fileURLToPath(import.meta.url), { workerData: { lib, buffer: points.buffer, n } });
      return new Promise((resolve) => {
        const stop = (reason) => { worker.terminate(); worker = null; resolve(reason); };
        const timer = setTimeout(() => stop({ stopped: `stopped after ${budgetMs / 1000} s budget`, atLeastMs: budgetMs }), budgetMs);
        worker.once('message', (r) => { clearTimeout(timer); resolve(r); });
        worker.once('error', (e) => { clearTimeout(timer); stop({ stopped: `error: ${e.message}` }); });
        worker.postMessage({ k, init, repeats });
      });
    },
    close() { worker?.terminate(); },
  };
}

// ---------------------------------------------------------------- ours

async function loadOurs() {
  const glue = new URL('../www/pkg/green_delivery.js', import.meta.url);
  const wasm = new URL('../www/pkg/green_delivery_bg.wasm', import.meta.url);
  if (!existsSync(glue) || !existsSync(wasm)) {
    return { reason: 'www/pkg/ is not built: run `bash scripts/build.sh` (npm run bench does it first)' };
  }
  const mod = await import(glue.href);
  if (typeof mod.kmeans !== 'function') {
    return { reason: 'www/pkg/green_delivery.js does not export kmeans yet (the engine is not merged into this build)' };
  }
  const exports = mod.initSync({ module: readFileSync(wasm) });
  return { kmeans: mod.kmeans, memory: exports.memory };
}

/** algorithm "filter" is our default (the tree filter skips distance work, same result); "lloyd" computes every distance. */
function runOurs(ours, flat, k, init, repeats, algorithm = 'filter') {
  const base = init ? { k, init, maxIter: FIXED_ITERATIONS, tol: 0 } : { k, seed: 1 }; // defaults otherwise
  const options = { ...base, algorithm };
  return timed(() => {
    const r = ours.kmeans(flat, options);
    return {
      centroids: r.centroids, iterations: r.iterations, reportedInertia: r.inertia,
      note: `skipped ${(100 * r.skippedFraction).toFixed(2)}% of distances`,
    };
  }, repeats);
}

// ---------------------------------------------------------------- scikit-learn (bench/sklearn_bench.py)

function findPython(explicit) {
  const candidates = explicit ? [explicit] : [fileURLToPath(new URL('../.venv/bin/python', import.meta.url)), 'python3'];
  for (const py of candidates) {
    const r = spawnSync(py, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { python: py, version: r.stdout.trim() };
  }
  return { reason: `scikit-learn not importable by ${candidates.join(' or ')}; set PYTHON or --python to include it` };
}

function runSklearn(sk, dataFile, n, k, init, repeats, budgetMs, dir) {
  let initFile = null;
  if (init) writeFileSync((initFile = join(dir, `init-${k}.f64`)), init);
  const args = [fileURLToPath(new URL('./sklearn_bench.py', import.meta.url)), dataFile, String(n), String(k),
    initFile ?? '-', String(FIXED_ITERATIONS), String(repeats)];
  // One BLAS/OpenMP thread: we compare single-threaded kernels (the helper also uses threadpoolctl when present).
  const env = { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const r = spawnSync(sk.python, args, { encoding: 'utf8', env, timeout: budgetMs + 20_000, maxBuffer: 1 << 26 });
  if (r.error?.code === 'ETIMEDOUT' || r.signal) return { stopped: `stopped after ${budgetMs / 1000} s budget`, atLeastMs: budgetMs };
  if (r.status !== 0) return { stopped: `error: ${r.stderr.trim().split('\n').pop()}` };
  const out = JSON.parse(r.stdout);
  return { ...out, centroids: Float64Array.from(out.centroids) };
}

// ---------------------------------------------------------------- main

function parseArgs() {
  const arg = (name, env) => {
    const hit = process.argv.find((a) => a.startsWith(`--${name}=`));
    return hit ? hit.slice(name.length + 3) : process.env[env];
  };
  const count = (s) => Math.round(parseFloat(s) * ({ k: 1e3, m: 1e6 }[s.slice(-1).toLowerCase()] ?? 1));
  const list = (s, fallback) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : fallback);
  const quick = process.argv.includes('--quick');
  return {
    sizes: list(arg('sizes', 'BENCH_SIZES'), quick ? ['10k', '100k'] : ['10k', '100k', '1M']).map(count),
    ks: list(arg('ks', 'BENCH_KS'), ['8', '32', '128']).map(Number),
    modes: list(arg('modes', 'BENCH_MODES'), ['fixed', 'default']),
    libs: list(arg('libs', 'BENCH_LIBS'), ['ours', 'ours-lloyd', 'ml-kmeans', 'skmeans', 'sklearn']),
    budgetMs: 1000 * Number(arg('budget', 'BENCH_BUDGET_S') ?? 60),
    repeats: Number(arg('repeats', 'BENCH_REPEATS') ?? 3),
    python: arg('python', 'PYTHON'),
    json: arg('json', 'BENCH_JSON'),
  };
}

const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const human = (n) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : `${n}`);

async function main() {
  const opt = parseArgs();
  const log = (...a) => console.log(...a);
  const progress = (s) => process.stderr.write(`  … ${s}\n`);
  log(`k-means benchmark, Node ${process.version}, ${opt.sizes.map(human).join('/')} points × k ${opt.ks.join('/')}, ` +
    `modes ${opt.modes.join('/')}, budget ${opt.budgetMs / 1000} s per run, min of up to ${opt.repeats} runs under ${CHEAP_MS / 1000} s`);
  if (!globalThis.gc) log('note: run node with --expose-gc to collect garbage between timed runs');

  const memBefore = process.memoryUsage();
  const ours = opt.libs.some((l) => l.startsWith('ours')) ? await loadOurs() : { reason: 'not selected' };
  if (ours.reason) log(`ours: ${ours.reason}; timing the peers only`);
  const sk = opt.libs.includes('sklearn') ? findPython(opt.python) : { reason: 'not selected' };
  log(sk.reason ? `scikit-learn: ${sk.reason}` : `scikit-learn ${sk.version} via ${sk.python}, lloyd, 1 thread`);
  const peers = opt.libs.filter((l) => l in PEERS);

  const maxN = Math.max(...opt.sizes);
  const points = metroPoints(maxN, DATA_SEED);
  const dir = mkdtempSync(join(tmpdir(), 'kmeans-bench-'));
  const dataFile = join(dir, 'points.f64');
  writeFileSync(dataFile, points); // little-endian float64, read by numpy.fromfile in the helper

  if (ours.kmeans) {
    // V8 runs a long wasm call in its baseline tier the first time (2–4× slower); later calls use optimised code.
    // We measure the warm case, and print the cold first call so the gap is visible.
    const n = Math.min(maxN, 100_000), flat = points.slice(0, n * DIM), init = initialCentroids(points, n, 32);
    const cold = runOurs(ours, flat, 32, init, 1).ms;
    const warm = runOurs(ours, flat, 32, init, 3).ms;
    runOurs(ours, flat, 32, init, 2, 'lloyd'); // the plain-Lloyd path has its own hot loops to tier up
    log(`ours: warmed up before timing; first (cold) call ${cold.toFixed(0)} ms vs ${warm.toFixed(0)} ms warm ` +
      `(${human(n)} points, k=32, ${FIXED_ITERATIONS} iterations)`);
  }

  // Skip a run whose estimate, scaled by n·k from the last run of the same library and mode, exceeds the budget.
  const last = new Map();
  const estimateMs = (lib, mode, n, k) => {
    const prev = last.get(`${lib}/${mode}`);
    return prev ? (prev.ms * n * k) / (prev.n * prev.k) : 0;
  };
  const results = [];
  const record = (lib, n, k, mode, r) => {
    const ms = r.ms ?? r.atLeastMs;
    if (ms !== undefined) last.set(`${lib}/${mode}`, { ms, n, k });
    if (r.centroids) r.inertia = inertiaOf(points, n, r.centroids);
    results.push({ lib, n, k, mode, ...r, centroids: undefined, atLeastMs: undefined });
  };
  const cells = (n) => opt.ks.filter((k) => k <= n).flatMap((k) => opt.modes.map((mode) =>
    ({ k, mode, init: mode === 'fixed' ? initialCentroids(points, n, k) : null })));
  const skipped = (lib, mode, n, k) => {
    const est = estimateMs(lib, mode, n, k);
    const secs = (est / 1000).toFixed(est < 10_000 ? 1 : 0);
    return est > opt.budgetMs ? { stopped: `skipped (est. ${secs} s > ${opt.budgetMs / 1000} s budget)` } : null;
  };
  let oursMemory = null;

  for (const n of opt.sizes) {
    if (ours.kmeans) {
      const flat = points.slice(0, n * DIM); // an ordinary (not shared) Float64Array, as a page would pass
      for (const { k, mode, init } of cells(n)) {
        for (const [lib, algorithm] of [['ours', 'filter'], ['ours-lloyd', 'lloyd']]) {
          if (!opt.libs.includes(lib)) continue;
          progress(`${lib} n=${human(n)} k=${k} ${mode}`);
          record(lib, n, k, mode, skipped(lib, mode, n, k) ?? runOurs(ours, flat, k, init, opt.repeats, algorithm));
        }
      }
      // Wasm memory only grows, so its size now is the peak of the runs so far.
      oursMemory = { n, wasm: ours.memory.buffer.byteLength, after: process.memoryUsage() };
    }
    for (const lib of peers) {
      const peer = startPeer(lib, points, n);
      for (const { k, mode, init } of cells(n)) {
        progress(`${lib} n=${human(n)} k=${k} ${mode}`);
        record(lib, n, k, mode, skipped(lib, mode, n, k) ?? await peer.run(k, init, opt.repeats, opt.budgetMs));
      }
      peer.close();
    }
    if (sk.python) {
      for (const { k, mode, init } of cells(n)) {
        progress(`scikit-learn n=${human(n)} k=${k} ${mode}`);
        record('sklearn', n, k, mode,
          skipped('sklearn', mode, n, k) ?? runSklearn(sk, dataFile, n, k, init, opt.repeats, opt.budgetMs, dir));
      }
    }
  }
  rmSync(dir, { recursive: true, force: true });
  printTable(results, opt, log);

  if (oursMemory) {
    const input = oursMemory.n * DIM * 8, a = memBefore, b = oursMemory.after;
    log(`\nours, memory after the ${human(oursMemory.n)}-point runs (input n×2×8 = ${mb(input)}): wasm linear memory ` +
      `${mb(oursMemory.wasm)} = ${(oursMemory.wasm / input).toFixed(2)}× the input (it never shrinks, so this is the peak); ` +
      `process rss ${mb(a.rss)} → ${mb(b.rss)}, arrayBuffers ${mb(a.arrayBuffers)} → ${mb(b.arrayBuffers)} ` +
      `(before loading wasm → after; the peers had run only at smaller n by then)`);
  }
  if (opt.json) writeFileSync(opt.json, JSON.stringify({ node: process.version, sklearn: sk.version, results, oursMemory }, null, 1));
}

function printTable(results, opt, log) {
  const rows = [['n', 'k', 'mode', 'library', 'ms', '× ours', 'iter', 'inertia', 'vs best', 'note']];
  for (const n of opt.sizes) for (const k of opt.ks) for (const mode of opt.modes) {
    const cell = results.filter((r) => r.n === n && r.k === k && r.mode === mode);
    if (!cell.length) continue;
    const ours = cell.find((r) => r.lib === 'ours' && r.ms !== undefined);
    const best = Math.min(...cell.filter((r) => r.inertia !== undefined).map((r) => r.inertia));
    for (const r of cell) {
      let note = r.stopped ?? r.note ?? '';
      if (r.lib === 'skmeans' && mode === 'default' && r.ms !== undefined) note = 'random init, no seed: inertia varies';
      if (r.reportedInertia !== undefined && Math.abs(r.reportedInertia - r.inertia) > 1e-9 * r.inertia) {
        note += ` (reports inertia ${r.reportedInertia.toPrecision(9)})`;
      }
      rows.push([human(n), k, mode, r.lib,
        r.ms === undefined ? '—' : r.ms.toFixed(r.ms < 100 ? 1 : 0),
        r.ms === undefined || !ours || r.lib === 'ours' ? '' : (r.ms / ours.ms).toFixed(2),
        r.iterations ?? '', r.inertia === undefined ? '' : r.inertia.toPrecision(9),
        r.inertia === undefined ? '' : `${(100 * (r.inertia / best - 1)).toFixed(3)}%`, note]);
    }
  }
  const width = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  log('');
  for (const r of rows) log(r.map((v, c) => (c >= 4 && c <= 8 ? String(v).padStart(width[c]) : String(v).padEnd(width[c]))).join('  ').trimEnd());
  log(`\nfixed = ${FIXED_ITERATIONS} Lloyd iterations from the same initial centroids (fewer if labels stop changing); ` +
    'default = each library\'s defaults. ms: minimum over repeats, ours after warm-up; × ours = peer ms / ours ms; ' +
    'inertia: one shared function on each library\'s final centroids; vs best: above the lowest inertia in that row group.');
}

if (isMainThread) await main();
else workerMain();
