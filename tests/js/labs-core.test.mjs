// The labs' JavaScript API (web/js/core/labs-core.js) on the node build of the core:
// the learning-rate sweep, the network training, its lr sweep, errors, memory, timing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';
import { wrapLabs } from '../../web/js/core/labs-core.js';

const { core, M } = await loadNodeCore();
const labs = wrapLabs(M);

/** Every optimizer of the catalog plus momentum, as the labs page offers them. */
const ALL = [...core.optimizers.map((o) => ({ optimizerId: o.id, label: o.id })),
  { optimizerId: 'sgd', settings: { momentum: 0.9 }, label: 'momentum' }];

test('sweep: flat config-major results on a 60-point log grid', () => {
  const r = labs.sweep('rosenbrock', {}, { x: -1.5, y: 2 }, [{ optimizerId: 'sgd' }, { optimizerId: 'adam' }],
    { lrMin: 1e-5, lrMax: 10, lrCount: 60, steps: 500 });
  assert.equal(r.lrs.length, 60);
  assert.ok(Math.abs(r.lrs[0] - 1e-5) < 1e-20 && Math.abs(r.lrs[59] - 10) < 1e-12);
  assert.deepEqual(r.labels, ['sgd', 'adam']);
  assert.equal(r.finalLoss.length, 120);
  assert.ok(r.divergedStep instanceof Int32Array && r.divergedStep.length === 120);
  assert.equal(r.bestIndex.length, 2);
  // SGD diverges at the largest learning rates on Rosenbrock; Adam's steps are bounded by lr.
  assert.ok(r.divergedStep[59] >= 0);
  assert.ok(r.bestIndex[1] >= 0);
});

test('sweep: the chapter\'s point, SGD converges in a narrower band than Adam', () => {
  const r = labs.sweep('ravine', {}, { x: -4, y: 1 }, [{ optimizerId: 'sgd' }, { optimizerId: 'adam' }],
    { lrMin: 1e-4, lrMax: 10, lrCount: 60, steps: 2000 });
  const band = (c) => r.lrs.filter((_, k) => r.convergedStep[c * 60 + k] >= 0 && r.divergedStep[c * 60 + k] < 0).length;
  assert.ok(band(1) > band(0), `adam ${band(1)} vs sgd ${band(0)}`);
});

test('sweep: errors become JS Errors in torch\'s wording', () => {
  assert.throws(() => labs.sweep('rosenbrock', {}, { x: 0, y: 0 }, [{ optimizerId: 'nope' }]), /Unknown optimizer: nope/);
  assert.throws(() => labs.sweep('rosenbrock', {}, { x: 0, y: 0 }, [{ optimizerId: 'adam' }], { lrMin: -1 }), Error);
  assert.throws(() => labs.sweep('rosenbrock', {}, { x: 0, y: 0 }, [{ optimizerId: 'adam', settings: { betas: [1, 0.999] } }]),
    /Invalid beta parameter at index 0/);
});

test('the full sweep (all optimizers x 60 lrs x 2000 steps) is fast in node', () => {
  const t0 = performance.now();
  const r = labs.sweep('rosenbrock', {}, { x: -1.5, y: 2 }, ALL, { lrCount: 60, steps: 2000 });
  const ms = performance.now() - t0;
  console.log(`# full sweep in node: ${ALL.length} configs x 60 lrs x 2000 steps: ${ms.toFixed(0)} ms (core ${r.milliseconds.toFixed(0)} ms)`);
  assert.equal(r.finalLoss.length, ALL.length * 60);
  assert.ok(ms < 5000);
});

test('datasets: catalog and points', () => {
  assert.deepEqual(labs.datasets.map((d) => d.id), ['spirals', 'moons', 'circles', 'xor']);
  const t = labs.createTraining({ id: 'moons', count: 200, seed: 3 }, { hidden: [8] }, [{ optimizerId: 'adam' }]);
  try {
    const d = t.dataset();
    assert.equal(d.trainY.length, 150);
    assert.equal(d.valY.length, 50);
    assert.equal(d.trainX.length, 300);
    assert.equal(d.extent, 1.5);
    assert.equal(t.parameterCount, 8 * 2 + 8 + 2 * 8 + 2);
  } finally {
    t.dispose();
  }
});

test('training: side by side, records, grids, reproducible', () => {
  /** @type {import('../../web/js/core/labs-core.js').LabConfig[]} */
  const configs = [{ optimizerId: 'sgd', settings: { lr: 0.1 }, label: 'SGD' }, { optimizerId: 'sgd', settings: { lr: 0.1, momentum: 0.9 }, label: 'Momentum' },
    { optimizerId: 'rmsprop', label: 'RMSprop' }, { optimizerId: 'adam', label: 'Adam' }];
  const run = () => {
    const t = labs.createTraining({ id: 'spirals', seed: 2 }, { hidden: [16, 16], activation: 'tanh' }, configs, { batchSize: 32, evalEvery: 20 });
    try {
      assert.deepEqual(t.labels, ['SGD', 'Momentum', 'RMSprop', 'Adam']);
      t.advance(100);
      const a = t.recordsSince(0);
      t.advance(100);
      const b = t.recordsSince(a.steps.length);
      assert.deepEqual(Array.from(a.steps), [0, 20, 40, 60, 80, 100]);
      assert.deepEqual(Array.from(b.steps), [120, 140, 160, 180, 200]);
      assert.equal(b.trainLoss.length, 5 * 4);
      const grid = t.decisionGrid(3, 10, 8, { xMin: -1.5, xMax: 1.5, yMin: -1.5, yMax: 1.5 });
      assert.equal(grid.length, 10 * 8 * 2);
      assert.ok(Math.abs(grid[0] + grid[1] - 1) < 1e-12);
      const all = t.recordsSince(0);
      for (let c = 0; c < 4; ++c) assert.ok(all.trainLoss[10 * 4 + c] < all.trainLoss[c], t.labels[c]);
      return Array.from(all.validationLoss);
    } finally {
      t.dispose();
    }
  };
  assert.deepEqual(run(), run());
});

test('training: invalid input and the network lr sweep', () => {
  assert.throws(() => labs.createTraining({ id: 'moons' }, { hidden: [8] }, [{ optimizerId: 'sgd' }]), /lr/);
  assert.throws(() => labs.createTraining({ id: 'swirl' }, {}, [{ optimizerId: 'adam' }]), /Unknown dataset: swirl/);
  assert.throws(() => labs.createTraining({ id: 'moons' }, { hidden: [100] }, [{ optimizerId: 'adam' }]), /Invalid hidden layer width: 100/);
  assert.throws(() => labs.createTraining({ id: 'moons' }, /** @type {any} an unknown activation on purpose */ ({ activation: 'gelu' }), [{ optimizerId: 'adam' }]), /Unknown activation/);
  const r = labs.networkSweep({ id: 'xor', count: 120 }, { hidden: [8] }, [{ optimizerId: 'sgd' }, { optimizerId: 'adam' }],
    { lrMin: 1e-3, lrMax: 1, lrCount: 4, steps: 100 });
  assert.equal(r.finalValidationLoss.length, 8);
  assert.ok(r.bestIndex[0] >= 0 && r.bestIndex[1] >= 0);
});

test('training speed (reported) and no memory growth across repeated sessions', () => {
  /** @type {import('../../web/js/core/labs-core.js').LabConfig[]} */
  const configs = [{ optimizerId: 'sgd', settings: { lr: 0.1 } }, { optimizerId: 'sgd', settings: { lr: 0.1, momentum: 0.9 } },
    { optimizerId: 'rmsprop' }, { optimizerId: 'adam' }];
  const session = () => {
    const t = labs.createTraining({ id: 'spirals' }, { hidden: [16, 16] }, configs, { evalEvery: 1000 });
    try {
      const t0 = performance.now();
      t.advance(1000);
      return performance.now() - t0;
    } finally {
      t.dispose();
    }
  };
  const ms = session();
  console.log(`# training in node: 4 optimizers x 1000 steps (2-16-16-2, batch 32): ${ms.toFixed(0)} ms = ${Math.round(4000 / ms * 1000)} optimizer-steps/s`);
  const before = M.HEAPU8.buffer.byteLength;
  for (let i = 0; i < 5; ++i) session();
  assert.equal(M.HEAPU8.buffer.byteLength, before);
});

test('sweep with a schedule: the grid sweeps its peak lr, each run is the race runner with that schedule', () => {
  const configs = [
    { optimizerId: 'adam', scheduler: 'SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=180),milestones=20)' },
    { optimizerId: 'sgd', settings: { momentum: 0.9 }, scheduler: 'OneCycleLR(max_lr=5,total_steps=300)', clipGradNorm: 10 },
  ];
  const r = labs.sweep('rosenbrock', {}, { x: -1.5, y: 2 }, configs, { lrMin: 1e-3, lrMax: 0.3, lrCount: 4, steps: 200 });
  configs.forEach((c, ci) => r.lrs.forEach((lr, k) => {
    const schedule = labs.scheduleAtPeak(c.scheduler, lr);
    if (c.scheduler.startsWith('OneCycleLR')) assert.equal(schedule, `OneCycleLR(max_lr=${lr},total_steps=300)`);
    else assert.equal(schedule, c.scheduler);
    const race = core.createRace('rosenbrock', {}, { x: -1.5, y: 2 });
    try {
      race.addRunner(c.optimizerId, { ...c.settings, lr });
      race.setRunnerSchedule(0, { scheduler: schedule, clipGradNorm: c.clipGradNorm });
      race.advance(200);
      const info = race.runnerInfo(0);
      const i = ci * r.lrs.length + k;
      if (r.divergedStep[i] >= 0) assert.equal(info.status, 'diverged', `${c.optimizerId} at ${lr}`);
      else assert.ok(Object.is(info.loss, r.finalLoss[i]), `${c.optimizerId} at ${lr}: ${info.loss} vs ${r.finalLoss[i]}`);
    } finally {
      race.dispose();
    }
  }));
  assert.throws(() => labs.sweep('rosenbrock', {}, { x: 0, y: 0 }, [{ optimizerId: 'adam', scheduler: 'StepLR(gamma=0.5)' }]),
    /StepLR.__init__\(\) missing 1 required positional argument: 'step_size'/);
  assert.throws(() => labs.scheduleAtPeak('StepLR(', 0.1), /Malformed scheduler 'StepLR\(': expected Name\(arg=value,...\)/);
  assert.throws(() => labs.sweep('rosenbrock', {}, { x: 0, y: 0 }, [{ optimizerId: 'adam', scheduler: 'Nope()' }]), /has no attribute 'Nope'/);
});
