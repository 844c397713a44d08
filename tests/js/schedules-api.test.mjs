// Learning-rate schedules and gradient clipping through the page's JavaScript API: a
// scheduled runner in the WebAssembly race reproduces torch's fixture (positions and the
// lr of every step) bit for bit, and bad schedules fail in torch's words, changing nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadNodeCore } from './load-core.mjs';

const { core } = await loadNodeCore();
const fixtures = fileURLToPath(new URL('../reference/torch_schedules/', import.meta.url));

/** The fixture's rows as numbers: [step, x, y, loss, lr]. @param {string} file */
function readFixture(file) {
  return readFileSync(fixtures + file, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',').map(Number));
}

test('the scheduler catalog lists torch\'s schedulers with their keyword arguments', () => {
  const ids = core.schedulers.map((s) => s.id);
  for (const id of ['StepLR', 'MultiStepLR', 'ExponentialLR', 'CosineAnnealingLR', 'CosineAnnealingWarmRestarts',
    'LinearLR', 'OneCycleLR', 'PolynomialLR', 'ReduceLROnPlateau', 'SequentialLR']) {
    assert.ok(ids.includes(id), id);
  }
  const step = core.schedulers.find((s) => s.id === 'StepLR');
  assert.deepEqual(step.params.map((p) => [p.name, p.default]), [['step_size', ''], ['gamma', '0.1']]);
});

test('a warm-up + cosine runner with clipping reproduces torch step for step, lr included', () => {
  const rows = readFixture('beale__adam__warmup_cosine_clip_norm.csv');
  const race = core.createRace('beale', {}, { x: rows[0][1], y: rows[0][2] });
  try {
    const index = race.addRunner('adam', { lr: 0.01 }, 'warm-up');
    race.setRunnerSchedule(index, {
      scheduler: 'SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=220),milestones=20)',
      clipGradNorm: 5,
    });
    assert.equal(race.runnerInfo(index).lr, rows[0][4]);
    for (let k = 1; k < 60; k++) {
      race.advance(1);
      const info = race.runnerInfo(index);
      if (info.status !== 'running') break;
      assert.equal(info.x, rows[k][1], `x at step ${k}`);
      assert.equal(info.y, rows[k][2], `y at step ${k}`);
      assert.equal(info.lr, rows[k - 1][4], `lr of step ${k - 1}`);
    }
  } finally {
    race.dispose();
  }
});

test('a bad schedule throws torch\'s message and leaves the runner as it was', () => {
  const race = core.createRace('rosenbrock', {}, { x: -1.5, y: 2 });
  try {
    race.addRunner('adagrad', { lr: 0.1 }, 'Adagrad');
    assert.throws(() => race.setRunnerSchedule(0, { scheduler: 'StepLR(gamma=0.5)' }),
      /StepLR.__init__\(\) missing 1 required positional argument: 'step_size'/);
    assert.throws(() => race.setRunnerSchedule(0, { scheduler: 'OneCycleLR(max_lr=0.1,total_steps=100)' }),
      /optimizer must support momentum or beta1 with `cycle_momentum` option enabled/);
    assert.throws(() => race.setRunnerSchedule(3, { scheduler: '' }), /runner/);
    race.advance(5);
    assert.equal(race.runnerInfo(0).lr, 0.1);
    // Clipping alone; then nothing again.
    race.setRunnerSchedule(0, { clipGradValue: 0.5 });
    race.advance(1);
    const { gx, gy } = race.runnerInfo(0);
    assert.ok(Math.abs(gx) <= 0.5 && Math.abs(gy) <= 0.5);
    race.setRunnerSchedule(0, {});
    race.advance(1);
    assert.ok(Math.abs(race.runnerInfo(0).gx) > 0.5);
  } finally {
    race.dispose();
  }
});
