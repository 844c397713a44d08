// `npm run bench`: measures the core against itself (native vs WebAssembly) and against the
// JavaScript peers a web developer would pick instead (fmin, TensorFlow.js on its CPU backend),
// the page in headless Chromium, and the weight of build/site. Every comparison is measured side
// by side in this one run. Prints a table and writes docs/benchmarks.md with the date and machine.
//
//   npm run bench                 (BENCH_SECONDS=0.5 per core measurement; OPTLAB_BUILD=build)
//
// Not part of `npm test`: the numbers depend on the machine and its load.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, totalmem, platform, release } from 'node:os';
import { extname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
process.chdir(root);
const B = process.env.OPTLAB_BUILD ?? 'build';
const buildRoot = resolve(root, B);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 0.5);
const require = createRequire(import.meta.url);

const log = (...a) => console.error('bench:', ...a);
const fmt = (x, d = 3) => (x >= 100 ? x.toFixed(0) : x.toPrecision(d));
const si = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(2)} M` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k` : x.toFixed(0));
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const median = (xs) => quantile(xs, 0.5);

// ---------------------------------------------------------------- build
log('building (scripts/build.sh bench)');
execFileSync('bash', ['scripts/setup.sh', '--browser'], { stdio: 'inherit' });
execFileSync('bash', ['scripts/build.sh', 'bench'], { stdio: 'inherit', env: { ...process.env, OPTLAB_BUILD: B } });

// ---------------------------------------------------------------- 1. native vs WebAssembly
/** Runs core_bench natively and in node, alternating, 3 times each; keeps the best steps/s of each
 * row (the machine is shared: alternating spreads other people's load over both sides). */
function coreBench() {
  const runs = { native: [join(buildRoot, 'native', 'core_bench'), []], wasm: [process.execPath, [join(buildRoot, 'wasm', 'core_bench.cjs')]] };
  const best = { native: new Map(), wasm: new Map() };
  for (let round = 0; round < 3; round += 1) {
    for (const [side, [cmd, args]] of Object.entries(runs)) {
      const out = execFileSync(cmd, [...args, String(SECONDS)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      for (const line of out.trim().split('\n')) {
        const r = JSON.parse(line);
        const key = `${r.kind}:${r.optimizer}`;
        const rate = r.steps / r.seconds;
        if (!best[side].has(key) || best[side].get(key) < rate) best[side].set(key, rate);
      }
    }
  }
  return best;
}
log('core steps/s, native and WebAssembly (node), alternating');
const { native, wasm } = coreBench();

// Through the page's JavaScript API (wrap-core.js) in node: a race of every optimizer, 16 steps a frame.
const { wrapCore } = await import('../web/js/core/wrap-core.js');
const M = await require(join(buildRoot, 'wasm', 'core_node.cjs'))();
const core = wrapCore(M);
const defaults = (info) => Object.fromEntries(info.params.filter((p) => p.required)
  .map((p) => [p.name, p.defaults.length === 1 ? p.defaults[0] : p.defaults]));
function apiRace(ids, k = 16) {
  const race = core.createRace('rosenbrock', {}, { x: -1.5, y: 2 });
  try {
    for (const id of ids) race.addRunner(id, id === 'sgd' ? { lr: 0.001 } : defaults(core.optimizer(id)));
    let steps = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < SECONDS * 1000) {
      for (let f = 0; f < 64; f += 1) {
        const before = race.frame();
        race.advance(k);
        const after = race.frame();
        for (let i = 0; i < after.length; i += 1) steps += after[i].steps - before[i].steps;
        if (race.finished || race.steps > 100000) race.reset();
      }
    }
    return steps / ((performance.now() - t0) / 1000);
  } finally {
    race.dispose();
  }
}
const apiAll = apiRace(core.optimizers.map((o) => o.id));

// ---------------------------------------------------------------- 2. JavaScript peers
log('JavaScript peers: fmin, TensorFlow.js (cpu)');
const rosen = (x, fxprime) => {
  const a = 1 - x[0];
  const b = x[1] - x[0] * x[0];
  fxprime[0] = -2 * a - 400 * x[0] * b;
  fxprime[1] = 200 * b;
  return a * a + 100 * b * b;
};
// fmin 0.0.4 is a UMD build in a "type": "module" package: as ESM it exports nothing and sets globalThis.fmin.
await import('fmin');
const { fmin } = /** @type {any} */ (globalThis);
function fminRate() {
  let best = 0;
  for (let run = 0; run < 3; run += 1) {
    let steps = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < SECONDS * 1000) {
      fmin.gradientDescent(rosen, [-1.5, 2], { maxIterations: 20000, learnRate: 0.001 });
      steps += 20000;
    }
    best = Math.max(best, steps / ((performance.now() - t0) / 1000));
  }
  return best;
}
const peers = [{ peer: 'fmin.gradientDescent', ours: 'sgd', rate: fminRate() }];

const tf = await import('@tensorflow/tfjs-core');
await import('@tensorflow/tfjs-backend-cpu');
await tf.setBackend('cpu');
const tfOptimizers = {
  sgd: ['tf.train.sgd', () => tf.train.sgd(0.001)],
  sgd_momentum: ['tf.train.momentum', () => tf.train.momentum(0.001, 0.9)],
  adam: ['tf.train.adam', () => tf.train.adam(0.001, 0.9, 0.999, 1e-8)],
  rmsprop: ['tf.train.rmsprop', () => tf.train.rmsprop(0.01, 0.99, 0, 1e-8)],
  adagrad: ['tf.train.adagrad', () => tf.train.adagrad(0.01, 0.1)],
};
for (const [ours, [name, make]] of Object.entries(tfOptimizers)) {
  const opt = make();
  const x = tf.variable(tf.tensor1d([-1.5, 2]));
  // The analytic gradient as tensor ops (tfjs-core registers no autodiff gradients by itself;
  // the hand-written gradient is also the same work our core does), then the optimizer's update.
  const step = () => {
    const g = tf.tidy(() => {
      const x0 = tf.slice(x, 0, 1);
      const a = tf.sub(1, x0);
      const b = tf.sub(tf.slice(x, 1, 1), tf.square(x0));
      return tf.concat([tf.sub(tf.mul(-2, a), tf.mul(400, tf.mul(x0, b))), tf.mul(200, b)]);
    });
    opt.applyGradients({ [x.name]: g });
    g.dispose();
  };
  for (let i = 0; i < 200; i += 1) step();
  let steps = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < SECONDS * 1000) {
    for (let i = 0; i < 50; i += 1) step();
    steps += 50;
  }
  peers.push({ peer: name, ours, rate: steps / ((performance.now() - t0) / 1000) });
  opt.dispose();
  x.dispose();
}

// ---------------------------------------------------------------- 3. headless Chromium
log('headless Chromium');
const { startServer, launchBrowser } = await import('../tests/browser/harness.mjs');
const server = await startServer(join(buildRoot, 'site'));
const browser = await launchBrowser();
const browserResults = {};
const loadedFiles = [];
const pageWeightLoaded = { js: [0, 0], wasm: [0, 0], css: [0, 0], fonts: [0, 0], other: [0, 0], files: 0 };
try {
  // 3a. navigation -> first drawn landscape: the first large canvas draw of the page.
  const firstDraw = [];
  for (let run = 0; run < 5; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addInitScript(() => {
      const mark = (canvas) => {
        if (!globalThis.__firstLandscapeDraw && canvas && canvas.width * canvas.height >= 200 * 200) {
          globalThis.__firstLandscapeDraw = performance.now();
        }
      };
      for (const name of ['putImageData', 'drawImage', 'fill', 'stroke']) {
        const real = CanvasRenderingContext2D.prototype[name];
        CanvasRenderingContext2D.prototype[name] = function wrapped(...args) { mark(this.canvas); return real.apply(this, args); };
      }
    });
    const page = await context.newPage();
    if (run === 0) {
      page.on('response', async (res) => {
        try {
          const body = await res.body();
          const ext = extname(new URL(res.url()).pathname);
          const kind = ext === '.js' || ext === '.mjs' ? 'js' : ext === '.wasm' ? 'wasm' : ext === '.css' ? 'css'
            : ['.woff', '.woff2', '.ttf', '.otf'].includes(ext) ? 'fonts' : 'other';
          pageWeightLoaded[kind][0] += body.length;
          pageWeightLoaded[kind][1] += gzipSync(body, { level: 9 }).length;
          pageWeightLoaded.files += 1;
          loadedFiles.push([new URL(res.url()).pathname, body.length, gzipSync(body, { level: 9 }).length]);
        } catch { /* redirects have no body */ }
      });
    }
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => globalThis.__firstLandscapeDraw, null, { timeout: 30000 });
    firstDraw.push(await page.evaluate(() => globalThis.__firstLandscapeDraw));
    if (run === 0) await page.waitForTimeout(1500);
    await context.close();
  }
  browserResults.firstDraw = firstDraw;

  // 3b-d. the core in the page: surface, frames of a full race, the sweep.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${server.url}index.html`);
  Object.assign(browserResults, await page.evaluate(async () => {
    const { default: createCoreModule } = await import('./generated/core.js');
    const { wrapCore: wrap } = await import('./js/core/wrap-core.js');
    let labs = null;
    try { labs = (await import('./js/core/labs-core.js')).wrapLabs; } catch { /* no labs bindings */ }
    const Mod = await createCoreModule();
    const c = wrap(Mod);
    const out = {};
    const race = c.createRace('rosenbrock');
    // 512 x 512 surface with 20 contour levels, through the wrapper.
    race.surface({ nx: 512, ny: 512, levels: 20 });
    const surf = [];
    for (let i = 0; i < 10; i += 1) {
      const t0 = performance.now();
      race.surface({ nx: 512, ny: 512, levels: 20 });
      surf.push(performance.now() - t0);
    }
    out.surface = surf;
    // Frames with every optimizer racing and long trails: advance(k) + frame() + the trail.
    for (const o of c.optimizers) {
      const s = {};
      for (const p of o.params) if (p.required) s[p.name] = p.defaults.length === 1 ? p.defaults[0] : p.defaults;
      race.addRunner(o.id, s, o.displayName);
    }
    race.setNoise(0.05, 3);
    race.advance(3000); // long trails before measuring
    for (const k of [5, 100, 1000]) {
      const times = [];
      const full = [];
      let last = race.steps;
      for (let f = 0; f < 300; f += 1) {
        const t0 = performance.now();
        race.advance(k);
        race.frame();
        for (let i = 0; i < race.runnerCount; i += 1) race.trajectorySince(i, last);
        last = race.steps;
        const t1 = performance.now();
        for (let i = 0; i < race.runnerCount; i += 1) race.trajectory(i);
        full.push(performance.now() - t0);
        times.push(t1 - t0);
        if (race.finished) { race.reset(); race.advance(3000); last = race.steps; }
      }
      out[`frame${k}`] = times;
      out[`frameFull${k}`] = full;
    }
    race.dispose();
    // The full learning-rate sweep (labs): every optimizer x 60 learning rates x 2000 steps.
    if (labs) {
      const L = labs(Mod);
      const configs = c.optimizers.map((o) => ({ optimizerId: o.id, settings: {} }));
      const sweep = [];
      for (let i = 0; i < 3; i += 1) {
        const t0 = performance.now();
        const r = L.sweep('rosenbrock', {}, { x: -1.5, y: 2 }, configs, {});
        sweep.push(performance.now() - t0);
        out.sweepShape = `${r.labels.length} configs x ${r.lrs.length} lrs`;
      }
      out.sweep = sweep;
    }
    return out;
  }));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

// ---------------------------------------------------------------- 4. page weight of build/site
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}
const siteWeight = { js: [0, 0], wasm: [0, 0], css: [0, 0], fonts: [0, 0], other: [0, 0] };
for (const file of walk(join(buildRoot, 'site'))) {
  const ext = extname(file);
  const kind = ext === '.js' || ext === '.mjs' ? 'js' : ext === '.wasm' ? 'wasm' : ext === '.css' ? 'css'
    : ['.woff', '.woff2', '.ttf', '.otf'].includes(ext) ? 'fonts' : 'other';
  const body = readFileSync(file);
  siteWeight[kind][0] += body.length;
  siteWeight[kind][1] += gzipSync(body, { level: 9 }).length;
}
const coreWasm = readFileSync(join(buildRoot, 'site', 'generated', 'core.wasm'));
const coreJs = readFileSync(join(buildRoot, 'site', 'generated', 'core.js'));

// ---------------------------------------------------------------- report
const rows = [];
const md = [];
const line = (s = '') => { md.push(s); };
const ids = [...core.optimizers.map((o) => o.id), 'sgd_momentum'];
const now = new Date();
const cpu = cpus()[0]?.model ?? 'unknown CPU';
let chromiumVersion = '';
try { chromiumVersion = execFileSync('/usr/bin/chromium', ['--version'], { encoding: 'utf8' }).trim(); } catch { /* none */ }
line('# Benchmarks');
line();
line(`Measured by \`npm run bench\` (bench/run.mjs) on ${now.toISOString().slice(0, 16).replace('T', ' ')} UTC, ` +
  `${cpu}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ${platform()} ${release()}, node ${process.version}` +
  `${chromiumVersion ? `, ${chromiumVersion}` : ''}. The machine is shared, so absolute numbers move by 10-30 % between runs; ` +
  'each comparison below was measured side by side in the same run. Regenerate with `npm run bench`.');
line();
line('## Core steps per second: native vs WebAssembly');
line();
line(`One race step (gradient, mask, optimizer step, loss, stop checks: \`Walker::step\`) on Rosenbrock from (-1.5, 2), ` +
  `default settings (SGD lr=0.001), best of 3 alternating runs of ${SECONDS} s each. Native: g++ -O3; WebAssembly: emcc -O3 under node ${process.version}. Target: WebAssembly ≥ 0.7× native.`);
line();
line('| optimizer | native steps/s | wasm steps/s | wasm / native | target 0.7× |');
line('|---|---:|---:|---:|---|');
const ratios = [];
for (const id of ids) {
  const n = native.get(`walker:${id}`);
  const w = wasm.get(`walker:${id}`);
  if (!n || !w) continue;
  ratios.push(w / n);
  line(`| ${id} | ${si(n)} | ${si(w)} | ${(w / n).toFixed(2)}× | ${w / n >= 0.7 ? 'met' : `missed by ${((0.7 - w / n) / 0.7 * 100).toFixed(0)} %`} |`);
  rows.push([`core ${id}`, `${si(n)}/s native`, `${si(w)}/s wasm`, `${(w / n).toFixed(2)}×`]);
}
const nr = native.get('race:all');
const wr = wasm.get('race:all');
line(`| race of all ${core.optimizers.length} (trajectories on, 16 steps/frame) | ${si(nr)} | ${si(wr)} | ${(wr / nr).toFixed(2)}× | ${wr / nr >= 0.7 ? 'met' : `missed by ${((0.7 - wr / nr) / 0.7 * 100).toFixed(0)} %`} |`);
line(`| the same race through the page's JS API (wrap-core.js, node) | | ${si(apiAll)} | ${(apiAll / nr).toFixed(2)}× | |`);
rows.push(['race, all optimizers', `${si(nr)}/s native`, `${si(wr)}/s wasm`, `${(wr / nr).toFixed(2)}×`]);
rows.push(['race via JS API (node)', '', `${si(apiAll)}/s`, `${(apiAll / nr).toFixed(2)}× native`]);
line();
line(`Geometric mean of the per-optimizer ratios: ${Math.exp(ratios.reduce((a, r) => a + Math.log(r), 0) / ratios.length).toFixed(2)}×.`);
line();
line('## JavaScript peers, same work');
line();
line('The same optimizer on the same 2-D Rosenbrock from (-1.5, 2) with the same hyperparameters, steps per second in node. ' +
  'Ours is the WebAssembly core (row above, `Walker::step`, which also evaluates the loss and the stop checks every step). ' +
  'fmin.gradientDescent is plain gradient descent on a hand-written gradient (the fairest JS peer: no tensors); ' +
  'TensorFlow.js runs `optimizer.minimize` with autodiff on its CPU backend (tfjs-core + tfjs-backend-cpu 4.22).');
line();
line('| peer | peer steps/s | our optimizer | ours (wasm) steps/s | ours / peer |');
line('|---|---:|---|---:|---:|');
for (const p of peers) {
  const ours = wasm.get(`walker:${p.ours}`);
  line(`| ${p.peer} | ${si(p.rate)} | ${p.ours} | ${si(ours)} | ${fmt(ours / p.rate)}× |`);
  rows.push([`peer ${p.peer}`, `${si(p.rate)}/s`, `ours ${si(ours)}/s`, `${fmt(ours / p.rate)}×`]);
}
line();
line('## In headless Chromium');
line();
const b = browserResults;
const ms = (x) => `${x.toFixed(2)} ms`;
line(`Chromium headless (--disable-gpu), the site of \`${B}/site\` served on 127.0.0.1; the core is called through web/js/core/wrap-core.js in the page.`);
line();
line('| measurement | p50 | p95 | target | verdict |');
line('|---|---:|---:|---|---|');
const verdict = (v, t) => (v <= t ? 'met' : `missed by ${ms(v - t)} (${((v / t - 1) * 100).toFixed(0)} %)`);
line(`| navigation → first drawn landscape (5 loads) | ${ms(median(b.firstDraw))} | ${ms(quantile(b.firstDraw, 0.95))} | — | |`);
line(`| 512×512 surface + 20 contour levels, \`race.surface()\` (10 runs) | ${ms(median(b.surface))} | ${ms(quantile(b.surface, 0.95))} | ≤ 15 ms | ${verdict(median(b.surface), 15)} |`);
rows.push(['first drawn landscape', ms(median(b.firstDraw)), '', '']);
rows.push(['surface 512x512, 20 levels', ms(median(b.surface)), `p95 ${ms(quantile(b.surface, 0.95))}`, '≤ 15 ms']);
for (const k of [5, 100, 1000]) {
  const t = b[`frame${k}`];
  const full = b[`frameFull${k}`];
  line(`| frame, ${core.optimizers.length} optimizers, ${k} steps/frame: advance + frame + new trail points (300 frames) | ${ms(median(t))} | ${ms(quantile(t, 0.95))} | p95 ≤ 4 ms | ${verdict(quantile(t, 0.95), 4)} |`);
  line(`| same + a full copy of every trail (up to 4096 points each) | ${ms(median(full))} | ${ms(quantile(full, 0.95))} | p95 ≤ 4 ms | ${verdict(quantile(full, 0.95), 4)} |`);
  rows.push([`frame k=${k}`, `p50 ${ms(median(t))}`, `p95 ${ms(quantile(t, 0.95))}`, 'p95 ≤ 4 ms']);
}
if (b.sweep) {
  line(`| full learning-rate sweep (${b.sweepShape} x 2000 steps, main thread, 3 runs) | ${ms(median(b.sweep))} | ${ms(Math.max(...b.sweep))} | ≤ 200 ms | ${verdict(median(b.sweep), 200)} |`);
  rows.push(['lr sweep', ms(median(b.sweep)), b.sweepShape, '≤ 200 ms']);
} else {
  line('| full learning-rate sweep | not measured: no sweep binding in this build | | ≤ 200 ms | |');
}
line();
line('The frame rows measure the core\'s share of a frame (the page\'s own drawing is not included); the page draws only the new trail points each frame.');
line();
line('## Page weight');
line();
const weightRow = (name, w) => `| ${name} | ${kb(w.js[0])} / ${kb(w.js[1])} | ${kb(w.wasm[0])} / ${kb(w.wasm[1])} | ${kb(w.css[0])} / ${kb(w.css[1])} | ${kb(w.fonts[0])} / ${kb(w.fonts[1])} | ${kb(w.other[0])} / ${kb(w.other[1])} | ${kb(w.js[0] + w.wasm[0] + w.css[0] + w.other[0])} / ${kb(w.js[1] + w.wasm[1] + w.css[1] + w.other[1])} |`;
line('Raw / gzip -9. Target: ≤ 400 KB without fonts.');
line();
line('| what | JS | wasm | CSS | fonts | HTML, JSON, other | total without fonts |');
line('|---|---:|---:|---:|---:|---:|---:|');
line(weightRow(`main page as loaded (index.html, ${pageWeightLoaded.files} requests)`, pageWeightLoaded));
line(weightRow(`all of ${B}/site (three pages, KaTeX, uPlot)`, siteWeight));
line();
const loadedRaw = pageWeightLoaded.js[0] + pageWeightLoaded.wasm[0] + pageWeightLoaded.css[0] + pageWeightLoaded.other[0];
const loadedGz = pageWeightLoaded.js[1] + pageWeightLoaded.wasm[1] + pageWeightLoaded.css[1] + pageWeightLoaded.other[1];
line(`Main page without fonts: ${kb(loadedRaw)} raw (${loadedRaw <= 400 * 1024 ? 'met' : `missed by ${kb(loadedRaw - 400 * 1024)}`}), ` +
  `${kb(loadedGz)} gzipped (${loadedGz <= 400 * 1024 ? 'met' : `missed by ${kb(loadedGz - 400 * 1024)}`}). ` +
  `Of it, the core module: core.wasm ${kb(coreWasm.length)} (${kb(gzipSync(coreWasm, { level: 9 }).length)} gz), ` +
  `core.js ${kb(coreJs.length)} (${kb(gzipSync(coreJs, { level: 9 }).length)} gz).`);
line();
line('Largest files the main page loads (raw / gzip): ' + loadedFiles.sort((a, c) => c[1] - a[1]).slice(0, 6)
  .map(([path, raw, gz]) => `\`${path}\` ${kb(raw)} / ${kb(gz)}`).join(', ') + '.');
rows.push(['main page weight (no fonts)', kb(loadedRaw), `${kb(loadedGz)} gz`, '≤ 400 KB']);
const notes = process.env.BENCH_NOTES_FILE ? readFileSync(process.env.BENCH_NOTES_FILE, 'utf8') : '';
const notesFile = join(root, 'bench', 'NOTES.md');
let staticNotes = '';
try { staticNotes = readFileSync(notesFile, 'utf8'); } catch { /* none */ }
if (staticNotes || notes) { line(); line(staticNotes.trim()); if (notes) line(notes.trim()); }
line();

mkdirSync(join(root, 'docs'), { recursive: true });
writeFileSync(join(root, 'docs', 'benchmarks.md'), md.join('\n'));
const w = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => String(r[i]).length)));
console.log(rows.map((r) => r.map((c, i) => String(c).padEnd(w[i])).join('  ')).join('\n'));
console.log(`\nwritten: ${relative(root, join(root, 'docs', 'benchmarks.md'))}`);
process.exit(0);
