// The core against itself (native vs WebAssembly, through the page's JavaScript API) and against
// the JavaScript peers a web developer would pick instead (fmin, TensorFlow.js on its CPU backend).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { apiRaceRate } from '../api-race.mjs';
import { buildRoot, fmt, log, si } from '../lib.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 0.5);
const require = createRequire(import.meta.url);

/** Runs core_bench natively and in node, alternating, 3 times each; keeps the best steps/s of each
 * row (the machine is shared: alternating spreads other people's load over both sides). */
function coreBench() {
  const runs = { native: [join(buildRoot, 'native', 'core_bench'), []], wasm: [process.execPath, [join(buildRoot, 'wasm', 'core_bench.cjs')]] };
  /** @type {Record<string, Record<string, number>>} */
  const best = { native: {}, wasm: {} };
  for (let round = 0; round < 3; round += 1) {
    for (const [side, [cmd, args]] of Object.entries(runs)) {
      const out = execFileSync(/** @type {string} */ (cmd), [.../** @type {string[]} */ (args), String(SECONDS)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      for (const line of out.trim().split('\n')) {
        const r = JSON.parse(line);
        const key = `${r.kind}:${r.optimizer}`;
        const rate = r.steps / r.seconds;
        if (!(key in best[side]) || best[side][key] < rate) best[side][key] = rate;
      }
    }
  }
  return best;
}

export async function measure() {
  log('core steps/s, native and WebAssembly (node), alternating');
  const { native, wasm } = coreBench();

  // Through the page's JavaScript API (wrap-core.js) in node: a race of every optimizer, 16 steps a frame.
  const { wrapCore } = await import('../../web/js/core/wrap-core.js');
  const M = await require(join(buildRoot, 'wasm', 'core_node.cjs'))();
  const core = wrapCore(M);
  const optimizerIds = core.optimizers.map((/** @type {any} */ o) => o.id);
  const apiAll = apiRaceRate(core, SECONDS);

  log('JavaScript peers: fmin, TensorFlow.js (cpu)');
  const rosen = (/** @type {number[]} */ x, /** @type {number[]} */ fxprime) => {
    const a = 1 - x[0];
    const b = x[1] - x[0] * x[0];
    fxprime[0] = -2 * a - 400 * x[0] * b;
    fxprime[1] = 200 * b;
    return a * a + 100 * b * b;
  };
  // fmin 0.0.4 is a UMD build in a "type": "module" package: as ESM it exports nothing and sets globalThis.fmin.
  await import('fmin');
  const { fmin } = /** @type {any} */ (globalThis);
  let fminBest = 0;
  for (let run = 0; run < 3; run += 1) {
    let steps = 0;
    const t0 = performance.now();
    while (performance.now() - t0 < SECONDS * 1000) {
      fmin.gradientDescent(rosen, [-1.5, 2], { maxIterations: 20000, learnRate: 0.001 });
      steps += 20000;
    }
    fminBest = Math.max(fminBest, steps / ((performance.now() - t0) / 1000));
  }
  const peers = [{ peer: 'fmin.gradientDescent', ours: 'sgd', rate: fminBest }];

  const tf = await import('@tensorflow/tfjs-core');
  await import('@tensorflow/tfjs-backend-cpu');
  await tf.setBackend('cpu');
  /** @type {Record<string, [string, () => any]>} */
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
  return { seconds: SECONDS, node: process.version, native, wasm, apiAll, optimizerIds, peers };
}

/** @param {any} r @param {(s?: string) => void} line @param {string[][]} rows */
export function report(r, line, rows) {
  const { native, wasm } = r;
  const ids = [...r.optimizerIds, 'sgd_momentum'];
  line('## Core steps per second: native vs WebAssembly');
  line();
  line(`One race step (gradient, mask, optimizer step, loss, stop checks: \`Walker::step\`) on Rosenbrock from (-1.5, 2), ` +
    `default settings (SGD lr=0.001), best of 3 alternating runs of ${r.seconds} s each. Native: g++ -O3; WebAssembly: emcc -O3 under node ${r.node}. Target: WebAssembly ≥ 0.7× native.`);
  line();
  line('| optimizer | native steps/s | wasm steps/s | wasm / native | target 0.7× |');
  line('|---|---:|---:|---:|---|');
  const ratios = [];
  const v = (/** @type {number} */ q) => (q >= 0.7 ? 'met' : `missed by ${((0.7 - q) / 0.7 * 100).toFixed(0)} %`);
  for (const id of ids) {
    const n = native[`walker:${id}`];
    const w = wasm[`walker:${id}`];
    if (!n || !w) continue;
    ratios.push(w / n);
    line(`| ${id} | ${si(n)} | ${si(w)} | ${(w / n).toFixed(2)}× | ${v(w / n)} |`);
    rows.push([`core ${id}`, `${si(n)}/s native`, `${si(w)}/s wasm`, `${(w / n).toFixed(2)}×`]);
  }
  const nr = native['race:all'];
  const wr = wasm['race:all'];
  line(`| race of all ${r.optimizerIds.length} (trajectories on, 16 steps/frame) | ${si(nr)} | ${si(wr)} | ${(wr / nr).toFixed(2)}× | ${v(wr / nr)} |`);
  line(`| the same race through the page's JS API (wrap-core.js, node) | | ${si(r.apiAll)} | ${(r.apiAll / nr).toFixed(2)}× | |`);
  rows.push(['race, all optimizers', `${si(nr)}/s native`, `${si(wr)}/s wasm`, `${(wr / nr).toFixed(2)}×`]);
  line();
  line(`Geometric mean of the per-optimizer ratios: ${Math.exp(ratios.reduce((a, q) => a + Math.log(q), 0) / ratios.length).toFixed(2)}×.`);
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
  for (const p of r.peers) {
    const ours = wasm[`walker:${p.ours}`];
    line(`| ${p.peer} | ${si(p.rate)} | ${p.ours} | ${si(ours)} | ${fmt(ours / p.rate)}× |`);
    rows.push([`peer ${p.peer}`, `${si(p.rate)}/s`, `ours ${si(ours)}/s`, `${fmt(ours / p.rate)}×`]);
  }
  line();
}
