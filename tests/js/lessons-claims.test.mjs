// Every result the lessons state is measured with the core here. Each claim names the text
// it covers (a substring of its section) and checks it; a second test makes sure no other
// number slipped into the text: every number outside a checked claim must be a torch
// default from the core's catalog, a setting of the section's own race, a small count
// (0-10, for indices and exponents), or one of the chapter's stated recommendations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadNodeCore } from './load-core.mjs';
import { adamBiasCorrection } from '../../web/js/quiz/computations.js';
import { runnerSettings } from '../../web/js/state/properties.js';
import { hasTraining, trainingOf } from '../../web/js/state/schedule.js';

const lessons = JSON.parse(readFileSync(new URL('../../web/lessons/lessons.json', import.meta.url), 'utf8'));
const { core } = await loadNodeCore();

/** @typedef {[string, Record<string, number>, {x: number, y: number}]} RaceSetup */
/** @type {RaceSetup} */
const ROSENBROCK = ['rosenbrock', { a: 1, b: 100 }, { x: -1.5, y: 2 }];
/** @type {RaceSetup} */
const RAVINE = ['ravine', { kappa: 50, angle: 0 }, { x: -4, y: 1 }];

/** Runs a race to its end (or `steps`); returns runnerInfo per runner. */
function race([landscape, params, start], lr, runners, steps) {
  const r = core.createRace(landscape, params, start);
  try {
    runners.forEach(([id, settings], i) => r.addRunner(id, { lr, ...settings }, `${id}${i}`));
    while (!r.finished && r.steps < steps) r.advance(Math.min(1000, steps - r.steps));
    return Array.from({ length: r.runnerCount }, (_, i) => r.runnerInfo(i));
  } finally {
    r.dispose();
  }
}
/**
 * Runs scheduled runners ([optimizer, settings, training]) to their end (or `steps`): per runner its
 * final info and the largest loss it recorded.
 */
function scheduledRace([landscape, params, start], runners, steps) {
  const r = core.createRace(landscape, params, start);
  try {
    runners.forEach(([id, settings, training], i) => {
      r.addRunner(id, settings, `${id}${i}`);
      r.setRunnerSchedule(i, training);
    });
    while (!r.finished && r.steps < steps) r.advance(Math.min(1000, steps - r.steps));
    return runners.map((_, i) => {
      const t = r.trajectorySince(i, -1);
      let peak = -Infinity;
      for (let k = 0; k < t.steps.length; k++) peak = Math.max(peak, t.points[3 * k + 2]);
      return { info: r.runnerInfo(i), peak, startLoss: t.points[2] };
    });
  } finally {
    r.dispose();
  }
}
/** Per runner of an SGD race: how often the loss rose from one recorded step to the next, and its final info. */
function lossRises([landscape, params, start], settings, steps) {
  const r = core.createRace(landscape, params, start);
  try {
    settings.forEach((s, i) => r.addRunner('sgd', s, `sgd${i}`));
    r.advance(steps);
    return settings.map((_, i) => {
      const t = r.trajectorySince(i, -1);
      let rises = 0;
      for (let k = 1; k < t.steps.length; k++) if (t.points[3 * k + 2] > t.points[3 * k - 1]) rises++;
      return { rises, info: r.runnerInfo(i) };
    });
  } finally {
    r.dispose();
  }
}
/** The race's stop rule: a start just inside `tol` of Rosenbrock's minimum has arrived, one just outside has not. */
function assertTolerance(tol) {
  /** @type {[number, string][]} distance from the minimum, expected status */
  const probes = [[tol * 0.999, 'converged'], [tol * 1.001, 'running']];
  for (const [d, status] of probes) {
    const r = core.createRace('rosenbrock', { a: 1, b: 100 }, { x: 1 + d, y: 1 });
    try {
      r.addRunner('sgd', { lr: 1e-9 }, 'probe');
      assert.equal(r.runnerInfo(0).status, status, `distance ${d}`);
    } finally {
      r.dispose();
    }
  }
}
const param = (/** @type {string} */ opt, /** @type {string} */ name) =>
  core.optimizer(opt).params.find((p) => p.name === name) ?? assert.fail(`${opt} has no ${name}`);
const defaultOf = (/** @type {string} */ opt, /** @type {string} */ name) => param(opt, name).defaults[0];
const buffer = (r, name) => r.buffers.find((b) => b.name === name).values;
const close = (a, b, tol, what) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

const CLAIMS = [
  { section: 'sgd-ravines', text: 'with $\\kappa = 50$ the core\'s SGD settles at lr = 0.039 and blows up at lr = 0.041, either side of the limit 0.04', check() {
    const [below, above] = race(RAVINE, 0, [['sgd', { lr: 0.039 }], ['sgd', { lr: 0.041 }]], 5000);
    assert.equal(below.status, 'converged');
    assert.equal(above.status, 'diverged');
    close(2 / RAVINE[1].kappa, 0.04, 1e-15, '2/kappa');
  } },
  { section: 'momentum', text: 'fills the buffer with the first gradient itself', check() {
    const r = core.probeOptimizer('sgd', { lr: 0.1, momentum: 0.9 }, [0], [3]);
    assert.equal(buffer(r, 'momentum_buffer')[0], 3);
  } },
  { section: 'momentum', text: 'with its default dampening of 0', check() { assert.equal(defaultOf('sgd', 'dampening'), 0); } },
  { section: 'momentum', text: 'the core\'s buffer is 1.9 times the gradient after two steps and 10 times it, to within 0.001, after 100 steps', check() {
    const b = buffer(core.probeOptimizer('sgd', { lr: 0.001, momentum: 0.9 }, [0], new Array(100).fill(1)), 'momentum_buffer');
    close(b[1], 1.9, 1e-12, 'after two steps');
    close(b[99], 10, 0.001, 'after 100 steps');
  } },
  { section: 'adagrad-rmsprop', text: 'It calls RMSprop\'s decay alpha, with default 0.99', check() { assert.equal(defaultOf('rmsprop', 'alpha'), 0.99); } },
  { section: 'adagrad-rmsprop', text: 'the core\'s AdaGrad takes a 100th step one tenth as long as its first', check() {
    const p = core.probeOptimizer('adagrad', { lr: 0.01 }, [0], new Array(100).fill(1)).params;
    close((p[98] - p[99]) / (0 - p[0]), 0.1, 1e-9, 'step 100 / step 1');
  } },
  { section: 'adagrad-rmsprop', text: 'its very first step is 10 times the learning rate', check() {
    for (const g of [1, 0.02, 50]) {
      const p = core.probeOptimizer('rmsprop', { lr: 0.01 }, [0], [g]).params;
      close(Math.abs(p[0]) / 0.01, 10, 1e-3, `first RMSprop step, g = ${g}`);
    }
  } },
  { section: 'adam', text: 'takes a first step about 3.16 times longer, that is $0.1/\\sqrt{0.001} = \\sqrt{10}$', check() {
    const r = adamBiasCorrection(core, { lr: 0.001, betas: [0.9, 0.999], steps: 5 });
    close(r.value, 3.16, 0.005, 'ratio of first steps');
    close(0.1 / Math.sqrt(0.001), Math.sqrt(10), 1e-12, 'arithmetic');
    assert.ok(r.without[0] > r.withBc[0], 'larger, not smaller');
  } },
  { section: 'adam', text: 'With its defaults $\\beta_1 = 0.9$, $\\beta_2 = 0.999$, $\\epsilon = 10^{-8}$ and $\\eta = 0.001$', check() {
    assert.deepEqual(param('adam', 'betas').defaults, [0.9, 0.999]);
    assert.equal(defaultOf('adam', 'eps'), 1e-8);
    assert.equal(defaultOf('adam', 'lr'), 0.001);
  } },
  { section: 'adamw-nadam-lion', text: 'With lr = 0.01 and weight_decay = 0.1, one core step with a zero gradient multiplies a weight by 0.999', check() {
    const p = core.probeOptimizer('adamw', { lr: 0.01, weight_decay: 0.1 }, [1], [0]).params;
    close(p[0], 0.999, 1e-15, 'AdamW decay');
  } },
  { section: 'adamw-nadam-lion', text: 'torch\'s AdamW decays by default (weight_decay 0.01) while its Adam does not (0)', check() {
    assert.equal(defaultOf('adamw', 'weight_decay'), 0.01);
    assert.equal(defaultOf('adam', 'weight_decay'), 0);
  } },
  { section: 'adamw-nadam-lion', text: 'with weight decay off, every coordinate whose blend is not exactly zero moves by exactly the learning rate, whatever the size of its gradient', check() {
    const grads = [3, -0.01, 1e-6, 200, 5, 0.2, -7, 1e-3];
    const p = core.probeOptimizer('lion', { lr: 0.001 }, [0, 0], grads).params;
    let prev = [0, 0];
    for (let i = 0; i < p.length; i += 2) {
      for (const k of [0, 1]) close(Math.abs(p[i + k] - prev[k]), 0.001, 1e-15, `Lion step ${i / 2 + 1}, coordinate ${k}`);
      prev = [p[i], p[i + 1]];
    }
  } },
  { section: 'adamw-nadam-lion', text: 'it stores one value per weight where Adam stores two', check() {
    assert.equal(core.stateValuesPerParameter('lion', {}), 1);
    assert.equal(core.stateValuesPerParameter('adam', {}), 2);
  } },
  { section: 'adamw-nadam-lion', text: 'Its default learning rate, 0.0001, is ten times smaller than Adam\'s', check() {
    assert.equal(defaultOf('lion', 'lr'), 0.0001);
    close(defaultOf('adam', 'lr') / defaultOf('lion', 'lr'), 10, 1e-9, 'ratio');
  } },
  { section: 'choosing', text: 'Lion or SGD with momentum, which keep less state than Adam', check() {
    const adam = core.stateValuesPerParameter('adam', {});
    assert.ok(core.stateValuesPerParameter('lion', {}) < adam);
    assert.ok(core.stateValuesPerParameter('sgd', { lr: 0.01, momentum: 0.9 }) < adam);
  } },
  { section: 'choosing', text: 'A runner reaches the minimum, here and everywhere in the app, once it is within 0.001 of it', check() {
    assertTolerance(0.001);
  } },
  { section: 'choosing', text: 'On the Rosenbrock valley from (−1.5, 2) at lr = 0.001, the core\'s momentum reaches the minimum after 1,677 steps, about six times sooner than Adam (10,453); RMSprop needs 8,942 steps and plain SGD 17,695', check() {
    const [sgd, mom, rms, adam] = race(ROSENBROCK, 0.001, [['sgd', {}], ['sgd', { momentum: 0.9 }], ['rmsprop', {}], ['adam', {}]], 20000);
    for (const r of [sgd, mom, rms, adam]) assert.equal(r.status, 'converged', r.label);
    assert.deepEqual([mom, adam, rms, sgd].map((r) => r.statusStep), [1677, 10453, 8942, 17695]);
    const ratio = adam.statusStep / mom.statusStep;
    assert.ok(ratio > 5.5 && ratio < 6.5, `Adam/momentum steps ${ratio}`);
  } },
  { section: 'choosing', text: 'At lr = 0.01 both SGD runners blow up within five steps, and Adam arrives', check() {
    const [sgd, mom, adam] = race(ROSENBROCK, 0.01, [['sgd', {}], ['sgd', { momentum: 0.9 }], ['adam', {}]], 20000);
    for (const r of [sgd, mom]) { assert.equal(r.status, 'diverged'); assert.ok(r.statusStep <= 5, `${r.label} at ${r.statusStep}`); }
    assert.equal(adam.status, 'converged');
  } },
  { section: 'common-mistakes', text: 'So Adam\'s 0.001 can be far too timid', check() { assert.equal(defaultOf('adam', 'lr'), 0.001); } },
  { section: 'common-mistakes', text: 'AdamW\'s default of 0.01 is a common start', check() { assert.equal(defaultOf('adamw', 'weight_decay'), 0.01); } },
  { section: 'common-mistakes', text: 'On the Rosenbrock valley at lr = 0.01, the core\'s Adam with ε = 1 needs about a third more steps to reach the minimum than with the default', check() {
    const [plain, big] = race(ROSENBROCK, 0.01, [['adam', {}], ['adam', { eps: 1 }]], 20000);
    assert.equal(plain.status, 'converged');
    assert.equal(big.status, 'converged');
    const more = big.statusStep / plain.statusStep - 1;
    assert.ok(Math.abs(more - 1 / 3) < 0.03, `${(more * 100).toFixed(1)}% more steps`);
  } },
  { section: 'common-mistakes', text: 'on the κ = 50 ravine at lr = 0.039, plain SGD\'s loss falls at every step, while with momentum 0.9 it rises on 43 of the 89 steps it needs', check() {
    const [sgd, mom] = lossRises(RAVINE, [{ lr: 0.039 }, { lr: 0.039, momentum: 0.9 }], 600);
    assert.equal(sgd.rises, 0);
    assert.equal(sgd.info.status, 'converged');
    assert.equal(mom.rises, 43);
    assert.equal(mom.info.status, 'converged');
    assert.equal(mom.info.statusStep, 89);
  } },
  { section: 'momentum', text: 'The moves are the same, but the stored points, and so the drawn paths, differ by $\\eta\\mu v$ at every step', check() {
    const lr = 0.001;
    const r = core.createRace(...ROSENBROCK);
    try {
      r.addRunner('sgd', { lr, momentum: 0.9, nesterov: true }, 'torch');
      r.addRunner('sgd', { lr, momentum: 0.9, nesterov_lookahead: true }, 'chapter');
      r.advance(300);
      const torch = r.trajectorySince(0, -1).points;
      const book = r.trajectorySince(1, -1).points;
      let maxGap = 0;
      for (let k = 1; k < 300; k++) {
        for (const c of [0, 1]) {
          // v_k = (θ_{k-1} − θ_k)/η on the chapter's path, so θ_k − ημ v_k = θ_k − μ(θ_{k-1} − θ_k)
          const lookahead = book[3 * k + c] - 0.9 * (book[3 * (k - 1) + c] - book[3 * k + c]);
          close(torch[3 * k + c], lookahead, 1e-9, `step ${k}, coordinate ${c}`);
          maxGap = Math.max(maxGap, Math.abs(torch[3 * k + c] - book[3 * k + c]));
        }
      }
      assert.ok(maxGap > 1e-3, `the drawn paths differ visibly (max gap ${maxGap})`);
    } finally {
      r.dispose();
    }
  } },
  { section: 'schedules-clipping', text: 'On the Rosenbrock valley at lr = 0.3, plain Adam\'s loss climbs from 12.5 to above 60 within its first steps, while the same Adam warmed up by LinearLR(start_factor=0.1, total_iters=20) never rises above its start and reaches the minimum first', check() {
    const [plain, warm] = scheduledRace(ROSENBROCK, [['adam', { lr: 0.3 }, {}],
      ['adam', { lr: 0.3 }, { scheduler: 'LinearLR(start_factor=0.1,total_iters=20)' }]], 20000);
    assert.equal(plain.startLoss, 12.5);
    assert.ok(plain.peak > 60, String(plain.peak));
    assert.equal(warm.peak, 12.5);
    assert.equal(warm.info.status, 'converged');
    assert.ok(plain.info.status !== 'converged' || plain.info.statusStep > warm.info.statusStep);
  } },
  { section: 'schedules-clipping', text: 'from the chapter\'s start, SGD with momentum 0.9 at lr = 0.003 diverges within ten steps, and with clip_grad_norm_(max_norm=10) it reaches the minimum', check() {
    const settings = { lr: 0.003, momentum: 0.9 };
    const [free, clipped] = scheduledRace(ROSENBROCK, [['sgd', settings, {}], ['sgd', settings, { clipGradNorm: 10 }]], 20000);
    assert.equal(free.info.status, 'diverged');
    assert.ok(free.info.statusStep <= 10, String(free.info.statusStep));
    assert.equal(clipped.info.status, 'converged');
    assert.ok(clipped.info.minimumGlobal);
  } },
  { section: 'schedules-clipping', text: 'Past $T_{\\text{max}}$ torch\'s cosine does not stop: the rate climbs back and is $\\eta_0$ again at $2T_{\\text{max}}$', check() {
    const r = core.createRace(...ROSENBROCK);
    try {
      r.addRunner('adam', { lr: 0.01 }, 'cosine');
      r.setRunnerSchedule(0, { scheduler: 'CosineAnnealingLR(T_max=50)' });
      r.advance(51);
      close(r.runnerInfo(0).lr, 0, 1e-15, 'lr of step 50');
      r.advance(50);
      close(r.runnerInfo(0).lr, 0.01, 1e-15, 'lr of step 100');
    } finally {
      r.dispose();
    }
  } },
];

/** The chapter's recommendations, quoted as advice (not simulation results). */
const ADVICE = new Set([0.1]); // "rates between 0.01 and 0.1 are typical" for SGD

const textsOf = (s) => [...s.paragraphs, ...(s.torch ?? []), s.tryIt.watch, s.tryIt.label, s.title];

for (const c of CLAIMS) {
  test(`claim (${c.section}): ${c.text.slice(0, 70)}…`, () => {
    const s = lessons.sections.find((x) => x.id === c.section);
    assert.ok(s, `no section ${c.section}`);
    assert.ok(textsOf(s).some((t) => t.includes(c.text)), `the text no longer says: ${c.text}`);
    c.check();
  });
}

/** Every number in a piece of JSON (patch values, defaults). */
function numbersIn(v, out = new Set()) {
  if (typeof v === 'number') out.add(Math.abs(v));
  else if (Array.isArray(v)) v.forEach((x) => numbersIn(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => numbersIn(x, out));
  return out;
}

test('no unchecked number in the text: each is a default, a race setting, a small count, advice, or a checked claim', () => {
  const defaults = numbersIn(core.optimizers.map((o) => o.params.map((p) => p.defaults)));
  const problems = [];
  for (const s of lessons.sections) {
    const allowed = new Set([...defaults, ...numbersIn(s.tryIt.patch), ...ADVICE]);
    for (let text of textsOf(s)) {
      for (const c of CLAIMS.filter((x) => x.section === s.id)) text = text.replace(c.text, ' ');
      for (const m of text.matchAll(/\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?/g)) {
        const v = Number(m[0].replace(/,/g, ''));
        if (Number.isInteger(v) && v <= 10) continue;
        if (!allowed.has(v)) problems.push(`${s.id}: ${m[0]} in "${text.slice(Math.max(0, m.index - 40), m.index + 30)}"`);
      }
    }
  }
  assert.deepEqual(problems, []);
});

// A "Try it" race whose texts never speak of blowing up must not blow up: a runner that
// diverges would contradict what the reader is told to watch (e.g. "overshoots, then settles").
const DIVERGENCE_WORDS = /diverg|blow|explod|unstable|NaN/i;
const TRY_IT_STEPS = 3000;
for (const s of lessons.sections) {
  test(`Try it (${s.id}): ${DIVERGENCE_WORDS.test(textsOf(s).join(' ')) ? 'speaks of divergence' : 'no runner diverges'} in ${TRY_IT_STEPS} steps`, () => {
    const p = s.tryIt.patch;
    if (!p.runners || DIVERGENCE_WORDS.test(textsOf(s).join(' '))) return;
    const landscape = p.landscape ?? 'rosenbrock';
    const params = p.landscapeParams ?? Object.fromEntries((core.landscapes.find((l) => l.id === landscape)?.params ?? []).map((q) => [q.name, q.default]));
    const r = core.createRace(landscape, params, p.start ?? { x: -1.5, y: 2 });
    try {
      if (p.noise) r.setNoise(p.noise, p.seed ?? 1);
      p.runners.forEach((runner, i) => {
        r.addRunner(runner.optimizer, runnerSettings(runner, p.lr ?? 0.001), `${runner.optimizer}${i}`);
        if (hasTraining(runner)) r.setRunnerSchedule(i, trainingOf(runner)); // as the page's session does
      });
      while (!r.finished && r.steps < TRY_IT_STEPS) r.advance(Math.min(500, TRY_IT_STEPS - r.steps));
      const diverged = Array.from({ length: r.runnerCount }, (_, i) => r.runnerInfo(i))
        .map((info, i) => ({ info, i })).filter(({ info }) => info.status === 'diverged');
      assert.deepEqual(diverged.map(({ i, info }) => `runner ${i} (${p.runners[i].optimizer} ${JSON.stringify(p.runners[i].params)}) diverged at step ${info.statusStep}`), []);
    } finally {
      r.dispose();
    }
  });
}
