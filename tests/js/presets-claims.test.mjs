// Every preset's text is checked against the race it sets up: one check per preset (a preset
// without one fails), each running the preset's own state through the core the way the page
// does (runnerSettings: the shared lr, then the runner's own parameters).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';
import { PRESETS } from '../../web/js/content/presets.js';
import { runnerSettings } from '../../web/js/state/properties.js';
import { hasTraining, trainingOf } from '../../web/js/state/schedule.js';

const { core } = await loadNodeCore();

/**
 * Runs a preset's race for `steps` steps (or until every runner has stopped) and returns per
 * runner its final info and its recorded path (x, y, loss per step; steps under the core's cap).
 */
function runPreset(state, steps) {
  const r = core.createRace(state.landscape, state.landscapeParams, state.start);
  try {
    r.setNoise(state.noise ?? 0, state.seed ?? 1);
    state.runners.forEach((runner, i) => {
      r.addRunner(runner.optimizer, runnerSettings(runner, state.lr), `runner ${i}`);
      if (hasTraining(runner)) r.setRunnerSchedule(i, trainingOf(runner)); // as the page's session does
    });
    while (!r.finished && r.steps < steps) r.advance(Math.min(1000, steps - r.steps));
    return state.runners.map((_, i) => {
      const t = r.trajectorySince(i, -1);
      // (trajectorySince: x, y, loss per recorded step)
      const at = (k, c) => t.points[3 * k + c];
      return { info: r.runnerInfo(i), n: t.steps.length, x: (k) => at(k, 0), y: (k) => at(k, 1), loss: (k) => at(k, 2) };
    });
  } finally {
    r.dispose();
  }
}
const preset = (id) => {
  const p = PRESETS.find((x) => x.id === id);
  assert.ok(p, `no preset ${id}`);
  return p;
};
const says = (id, text) => assert.ok(preset(id).text.includes(text), `preset ${id} no longer says: ${text}`);
/** First step at which |coordinate c| exceeds `bound`, -1 if never. */
const firstBeyond = (run, c, bound) => {
  for (let k = 0; k < run.n; k++) if (Math.abs(c === 0 ? run.x(k) : run.y(k)) > bound) return k;
  return -1;
};

const CHECKS = {
  chapter(p) {
    says('chapter', 'leave (-1.5, 2) on the Rosenbrock valley with one learning rate, 0.0010, exactly as in the chapter');
    assert.deepEqual([p.state.landscape, p.state.start, p.state.lr], ['rosenbrock', { x: -1.5, y: 2 }, 0.001]);
    const runs = runPreset(p.state, 0);
    for (const r of runs) assert.equal(r.loss(0), 12.5, 'the chapter widget shows Loss: 12.5000 at the start');
    // "who reaches the yellow dot first": somebody does, at the global minimum (1, 1)
    const all = runPreset(p.state, 20000);
    assert.ok(all.some((r) => r.info.status === 'converged' && r.info.minimumGlobal));
  },
  ravine(p) {
    says('ravine', 'a learning rate, 0.035, just under the limit 2/50 = 0.04');
    assert.equal(p.state.landscapeParams.kappa, 50);
    assert.ok(p.state.lr < 2 / 50 && p.state.lr > 0.8 * (2 / 50));
    const c = core.createRace(p.state.landscape, p.state.landscapeParams, p.state.start);
    try { assert.ok(Math.abs(c.curvature(0, 0).conditionNumber - 50) < 1e-9); } finally { c.dispose(); }
    // "Plain SGD bounces between the walls": y changes sign at every one of the first 20 steps
    const [sgd] = runPreset(p.state, 20);
    for (let k = 1; k <= 20; k++) assert.ok(sgd.y(k) * sgd.y(k - 1) < 0, `step ${k}`);
  },
  'momentum-099'(p) {
    says('momentum-099', '0.99 remembers about ten times as many past gradients as 0.9');
    const [a, b] = p.state.runners.map((r) => 1 / (1 - r.params.momentum));
    assert.ok(Math.abs(b / a - 10) < 1e-9);
    // "more overshoot before the velocity turns": 0.99 swings further past the minimum (x > 0)
    const [m9, m99] = runPreset(p.state, 20000);
    const overshoot = (r) => Math.max(...Array.from({ length: r.n }, (_, k) => r.x(k)));
    assert.ok(overshoot(m99) > 2 * overshoot(m9), `${overshoot(m99)} vs ${overshoot(m9)}`);
  },
  'adagrad-long'(p) {
    says('adagrad-long', 'its step size per unit of gradient can only shrink');
    // AdaGrad's divisor sqrt(sum g^2) never decreases, whatever the gradients
    const grads = [3, -0.01, 0, 200, 5, -0.2, 7, 1e-3];
    const { buffers } = core.probeOptimizer('adagrad', { lr: 0.01 }, [0], grads);
    const sum = (buffers.find((b) => b.name === 'sum') ?? assert.fail('adagrad has no sum buffer')).values;
    for (let k = 1; k < sum.length; k++) assert.ok(sum[k] >= sum[k - 1]);
    // "compare how far each gets along the valley": RMSprop gets much further in a long run
    const [ada, rms] = runPreset(p.state, 20000);
    const dist = (r) => Math.hypot(r.info.x - 1, r.info.y - 1);
    assert.ok(dist(ada) > 10 * dist(rms), `${dist(ada)} vs ${dist(rms)}`);
  },
  'bias-correction'(p) {
    says('bias-correction', 'make the first steps longer, not shorter: the very first one about √10 ≈ 3.16 times');
    const [bc, none] = runPreset(p.state, 12);
    const len = (r, k) => Math.hypot(r.x(k) - r.x(k - 1), r.y(k) - r.y(k - 1));
    assert.ok(Math.abs(len(none, 1) / len(bc, 1) - Math.sqrt(10)) < 0.005, String(len(none, 1) / len(bc, 1)));
    for (let k = 1; k <= 4; k++) assert.ok(len(none, k) > len(bc, k), `step ${k}`);
    const total = (r) => Array.from({ length: 12 }, (_, k) => len(r, k + 1)).reduce((a, v) => a + v, 0);
    assert.ok(total(none) > 2 * total(bc), 'over the first dozen steps');
  },
  epsilon(p) {
    says('epsilon', 'watch the large-ε runner slow down near the minimum');
    const [plain, big] = runPreset(p.state, 20000);
    assert.equal(plain.info.status, 'converged');
    assert.equal(big.info.status, 'converged');
    assert.ok(big.info.statusStep > 1.2 * plain.info.statusStep, `${big.info.statusStep} vs ${plain.info.statusStep}`);
  },
  'adam-lr-for-sgd'(p) {
    says('adam-lr-for-sgd', 'at 0.001 SGD needs about thirty times as many steps to arrive');
    const [slow, typical] = runPreset(p.state, 20000);
    assert.equal(slow.info.status, 'converged');
    assert.equal(typical.info.status, 'converged');
    const ratio = slow.info.statusStep / typical.info.statusStep;
    assert.ok(ratio > 25 && ratio < 35, String(ratio));
  },
  'lr-robustness'(p) {
    says('lr-robustness', 'SGD and Adam, each at learning rates 0.01 and 0.1');
    const runs = runPreset(p.state, 20000);
    const lrs = p.state.runners.map((r) => runnerSettings(r, p.state.lr).lr);
    assert.deepEqual(lrs, [0.01, 0.1, 0.01, 0.1]);
    // both SGD runners are stopped as diverged, both Adam runners arrive
    assert.deepEqual(runs.map((r) => r.info.status), ['diverged', 'diverged', 'converged', 'converged']);
  },
  nesterov(p) {
    says('nesterov', 'torch\'s stores the look-ahead point, so its path is drawn a little ahead of the chapter\'s');
    const [, torch, book] = runPreset(p.state, 300);
    const mu = 0.9;
    let gap = 0;
    for (let k = 1; k < 300; k++) {
      for (const c of [0, 1]) {
        const b = c ? book.y : book.x;
        const t = c ? torch.y : torch.x;
        assert.ok(Math.abs(t(k) - (b(k) - mu * (b(k - 1) - b(k)))) < 1e-9, `step ${k}`);
        gap = Math.max(gap, Math.abs(t(k) - b(k)));
      }
    }
    assert.ok(gap > 1e-3, `paths visibly apart: ${gap}`);
  },
  adamw(p) {
    says('adamw', 'The pull toward the origin moves where each one settles');
    const [adam, adamw] = runPreset(p.state, 20000);
    for (const r of [adam, adamw]) {
      assert.equal(r.info.status, 'running', 'neither settles at (1, 1)');
      assert.ok(Math.hypot(r.info.x, r.info.y) < Math.SQRT2, 'both settle nearer the origin than (1, 1)');
    }
    assert.ok(Math.hypot(adam.info.x - adamw.info.x, adam.info.y - adamw.info.y) > 0.05, 'at different places');
  },
  lion(p) {
    says('lion', 'Lion steps every coordinate by the learning rate against the sign of c');
    const [lion] = runPreset(p.state, 20000);
    for (let k = 1; k < lion.n; k++) {
      assert.ok(Math.abs(Math.abs(lion.x(k) - lion.x(k - 1)) - 0.001) < 1e-12, `x, step ${k}`);
      assert.ok(Math.abs(Math.abs(lion.y(k) - lion.y(k - 1)) - 0.001) < 1e-12, `y, step ${k}`);
    }
  },
  saddle(p) {
    says('saddle', 'Plain SGD lingers near the centre longest; momentum and Adam leave sooner');
    const [sgd, mom, adam] = runPreset(p.state, 5000);
    const left = [sgd, mom, adam].map((r) => firstBeyond(r, 1, 1));
    assert.ok(left.every((k) => k > 0), left.join());
    assert.ok(left[0] > 2 * left[1] && left[0] > 2 * left[2], left.join());
    assert.deepEqual([sgd, mom].map((r) => r.info.status), ['diverged', 'diverged']);
    assert.equal(core.createRace('saddle', {}, p.state.start).landscape().minima.length, 0);
  },
  himmelblau(p) {
    says('himmelblau', 'Momentum\'s velocity carries it past the minimum plain SGD settles in, into another one');
    const [sgd, mom] = runPreset(p.state, 20000);
    assert.equal(sgd.info.status, 'converged');
    assert.equal(mom.info.status, 'converged');
    assert.notEqual(sgd.info.minimumIndex, mom.info.minimumIndex);
    const r = core.createRace('himmelblau', {}, p.state.start);
    try {
      const minima = r.landscape().minima;
      assert.equal(minima.length, 4);
      for (const m of minima) assert.ok(Math.abs(m.value) < 1e-12);
    } finally {
      r.dispose();
    }
  },
  sparse(p) {
    says('sparse', 'the y-gradient shows up on only 10% of the steps');
    assert.equal(p.state.landscapeParams.density, 0.1);
    const [sgd, adam] = runPreset(p.state, 20000);
    assert.equal(adam.info.status, 'converged');
    assert.ok(sgd.info.status !== 'converged' || sgd.info.statusStep > adam.info.statusStep, 'Adam arrives first');
  },
  'cosine-settle'(p) {
    says('cosine-settle', 'over the last 50 of the 400 steps its loss averages less than a fiftieth of the other\'s');
    says('cosine-settle', 'CosineAnnealingLR(T_max=400), half a cosine from 0.03 down to 0 over 400 steps');
    assert.equal(p.state.runners[1].schedule, 'CosineAnnealingLR(T_max=400)');
    const [constant, cosine] = runPreset(p.state, 400);
    for (const r of [constant, cosine]) assert.equal(r.info.status, 'running', 'both still racing at step 400');
    assert.ok(cosine.info.lr < 1e-5, `the lr has decayed to about 0: ${cosine.info.lr}`);
    const tail = (r) => Array.from({ length: 50 }, (_, k) => r.loss(r.n - 1 - k)).reduce((a, v) => a + v, 0) / 50;
    assert.ok(tail(constant) > 50 * tail(cosine), `${tail(constant)} vs ${tail(cosine)}`);
    says('cosine-settle', 'by step 800 the lr is 0.03 again and the jumping returns');
    const [constant800, cosine800] = runPreset(p.state, 800);
    assert.ok(Math.abs(cosine800.info.lr - 0.03) < 1e-6, String(cosine800.info.lr));
    assert.ok(tail(cosine800) > 10 * tail(cosine), `${tail(cosine800)} vs ${tail(cosine)} (constant: ${tail(constant800)})`);
  },
  'warmup-adam'(p) {
    says('warmup-adam', 'its loss climbs above 60 (it starts at 12.5)');
    says('warmup-adam', 'its first step is ten times shorter, its loss never rises above the start, and it reaches the minimum first');
    const [plain, warm] = runPreset(p.state, 20000);
    const len = (r) => Math.hypot(r.x(1) - r.x(0), r.y(1) - r.y(0));
    assert.ok(Math.abs(len(plain) / len(warm) - 10) < 1e-9, String(len(plain) / len(warm)));
    assert.equal(plain.loss(0), 12.5);
    const peak = (r) => Math.max(...Array.from({ length: r.n }, (_, k) => r.loss(k)));
    assert.ok(peak(plain) > 60, String(peak(plain)));
    assert.equal(peak(warm), 12.5, 'the warm-up runner never rises above its start');
    assert.equal(warm.info.status, 'converged');
    assert.ok(plain.info.status !== 'converged' || plain.info.statusStep > warm.info.statusStep,
      `${plain.info.statusStep} vs ${warm.info.statusStep}`);
  },
  'clip-momentum'(p) {
    says('clip-momentum', 'a gradient of length about 160');
    says('clip-momentum', 'Unclipped, the first steps fling it off the wall and it diverges within ten steps');
    says('clip-momentum', 'the same optimizer stays on the wall, turns into the valley and reaches the minimum');
    const [free, clipped] = runPreset(p.state, 20000);
    const first = runPreset(p.state, 1)[0].info; // gx, gy: the gradient the first step used
    const g0 = Math.hypot(first.gx, first.gy);
    assert.ok(g0 > 150 && g0 < 170, `gradient length at the start: ${g0}`);
    assert.equal(free.info.status, 'diverged');
    assert.ok(free.info.statusStep <= 10, String(free.info.statusStep));
    assert.equal(clipped.info.status, 'converged');
    assert.ok(clipped.info.minimumGlobal);
  },
};

test('every preset has a check of its text', () => {
  assert.deepEqual(PRESETS.map((p) => p.id).filter((id) => !(id in CHECKS)), []);
});

for (const p of PRESETS) {
  test(`preset ${p.id}: its text matches its race`, () => CHECKS[p.id]?.(p));
}
