// @ts-check
// The labs' Web Worker: it owns the WebAssembly core and runs the learning-rate
// sweeps and the network training, so the page's main thread only draws and
// stays responsive. Messages in: {id, type, ...}; out: {id, type: 'progress'|'done'|'error', ...}.
// Long jobs are cut into chunks with a yield between them, so a 'stop' message
// (or a newer job) is seen between chunks.
import createCoreModule from '../../generated/core_labs.js'; // the core with the labs' bindings
import { wrapCore } from '../core/wrap-core.js';
import { wrapLabs } from '../core/labs-core.js';

const M = await createCoreModule();
const core = wrapCore(M);
const labs = wrapLabs(M);

/**
 * The jobs the page posts (worker-client.js), by type.
 * @typedef {import('../core/labs-core.js').LabConfig} LabConfig
 * @typedef {import('../core/labs-core.js').DatasetOptions} DatasetOptions
 * @typedef {import('../core/labs-core.js').NetworkSpec} NetworkSpec
 * @typedef {import('../core/labs-core.js').TrainingOptions} TrainingOptions
 * @typedef {{ id: number, landscape: string, params: Record<string, number>, start: {x: number, y: number},
 *   configs: LabConfig[], options?: import('../core/labs-core.js').SweepOptions, noYield?: boolean }} SweepJob
 * @typedef {{ id: number, dataset: DatasetOptions, spec: NetworkSpec, configs: LabConfig[],
 *   options: TrainingOptions & {lrMin?: number, lrMax?: number, lrCount?: number, steps?: number} }} TuneJob
 * @typedef {{ id: number, dataset: DatasetOptions, spec: NetworkSpec, configs: LabConfig[], options?: TrainingOptions,
 *   grid: { n: number, extent: number }, budget: number, chunk: number }} TrainJob
 */

/** Each landscape's domain, suggested start and minima, for the form and the plot. */
function landscapeDescriptions() {
  return core.landscapes.map((info) => {
    const race = core.createRace(info.id);
    try {
      return { ...info, description: info.description, landscape: race.landscape() };
    } finally {
      race.dispose();
    }
  });
}

/** The id of the newest job; older jobs stop at their next chunk boundary. */
let current = 0;
const yieldToMessages = () => new Promise((resolve) => setTimeout(resolve, 0));

/** @param {any} msg @param {Transferable[]} [transfer] */
function post(msg, transfer = []) {
  /** @type {any} */ (self).postMessage(msg, transfer);
}

/** Landscape sweep, one optimizer config per chunk (progress between them). @param {SweepJob} job */
async function sweep(job) {
  const t0 = performance.now();
  const parts = [];
  let coreMs = 0;
  for (let c = 0; c < job.configs.length; ++c) {
    if (job.id !== current) return;
    const r = labs.sweep(job.landscape, job.params, job.start, [job.configs[c]], job.options);
    coreMs += r.milliseconds;
    parts.push(r);
    post({ id: job.id, type: 'progress', done: c + 1, total: job.configs.length });
    if (!job.noYield) await yieldToMessages();
  }
  const cat = (/** @type {string} */ key, /** @type {any} */ Ctor) => {
    const out = new Ctor(parts.reduce((n, p) => n + p[key].length, 0));
    let o = 0;
    for (const p of parts) { out.set(p[key], o); o += p[key].length; }
    return out;
  };
  const scheduler = job.configs[0]?.scheduler;
  post({ id: job.id, type: 'done', result: {
    lrs: parts[0]?.lrs ?? new Float64Array(0),
    labels: parts.map((p) => p.labels[0]),
    finalLoss: cat('finalLoss', Float64Array),
    convergedStep: cat('convergedStep', Int32Array),
    divergedStep: cat('divergedStep', Int32Array),
    bestIndex: cat('bestIndex', Int32Array),
    // with a schedule: the call each learning rate of the grid ran (the link to a point replays it)
    schedules: scheduler ? Array.from(parts[0]?.lrs ?? [], (lr) => labs.scheduleAtPeak(scheduler, lr)) : [],
    coreMilliseconds: coreMs,
    workerMilliseconds: performance.now() - t0,
  } });
}

/** Network lr sweep (tuning), one config per chunk. @param {TuneJob} job */
async function tune(job) {
  const best = [];
  const results = [];
  for (let c = 0; c < job.configs.length; ++c) {
    if (job.id !== current) return;
    const r = labs.networkSweep(job.dataset, job.spec, [job.configs[c]], job.options);
    results.push({ label: r.labels[0], lrs: r.lrs, finalValidationLoss: r.finalValidationLoss, finalTrainLoss: r.finalTrainLoss });
    best.push(r.bestIndex[0] >= 0 ? r.lrs[r.bestIndex[0]] : null);
    post({ id: job.id, type: 'progress', done: c + 1, total: job.configs.length });
    await yieldToMessages();
  }
  post({ id: job.id, type: 'done', result: { bestLrs: best, results } });
}

/** Trains side by side, posting records and decision grids every chunk. @param {TrainJob} job */
async function train(job) {
  const t = labs.createTraining(job.dataset, job.spec, job.configs, job.options);
  try {
    const n = t.labels.length;
    const { grid } = job;
    const box = { xMin: -grid.extent, xMax: grid.extent, yMin: -grid.extent, yMax: grid.extent };
    let recordsSent = 0;
    let stepMs = 0;
    const send = (/** @type {'progress'|'done'} */ type) => {
      const records = t.recordsSince(recordsSent);
      recordsSent += records.steps.length;
      const grids = [];
      for (let c = 0; c < n; ++c) grids.push(new Float32Array(t.decisionGrid(c, grid.n, grid.n, box)));
      post({ id: job.id, type, steps: t.steps, epochs: t.epochs, stepsPerEpoch: t.stepsPerEpoch,
        parameterCount: t.parameterCount, labels: t.labels, diverged: t.divergedSteps(), records, grids, stepMs },
      grids.map((g) => g.buffer));
    };
    post({ id: job.id, type: 'dataset', dataset: t.dataset() });
    send('progress');
    while (t.steps < job.budget) {
      if (job.id !== current) return;
      const k = Math.min(job.chunk, job.budget - t.steps);
      const s0 = performance.now();
      t.advance(k);
      stepMs += performance.now() - s0;
      if (t.steps < job.budget) send('progress');
      await yieldToMessages();
    }
    send('done');
  } finally {
    t.dispose();
  }
}

self.addEventListener('message', (event) => {
  const job = event.data;
  if (job.type === 'stop') { current = 0; return; }
  current = job.id;
  const run = job.type === 'sweep' ? sweep : job.type === 'tune' ? tune : job.type === 'train' ? train : null;
  if (!run) { post({ id: job.id, type: 'error', message: `Unknown job: ${job.type}` }); return; }
  run(job).catch((e) => post({ id: job.id, type: 'error', message: e instanceof Error ? e.message : String(e) }));
});

post({ type: 'ready', optimizers: core.optimizers, landscapes: landscapeDescriptions(), datasets: labs.datasets });
