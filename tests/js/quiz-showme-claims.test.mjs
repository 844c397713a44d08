// Every "Show me" race of the quizzes does what its caption, its question's explanation and
// its choices' feedback say it shows. One check per "Show me" (one without a check fails),
// each running the spec through the quiz's own race builder (race-spec.js), as the page does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { createQuizRace, advanceRace } from '../../web/js/quiz/race-spec.js';
import { loadNodeCore } from './load-core.mjs';

const { core } = await loadNodeCore();
const dir = new URL('../../web/quizzes/', import.meta.url);
const SHOW_MES = readdirSync(dir).filter((f) => /^\d.*\.json$/.test(f)).flatMap((f) => {
  const quiz = JSON.parse(readFileSync(new URL(f, dir), 'utf8'));
  return quiz.questions.filter((q) => q.showMe).map((q) => ({ key: `${quiz.id}#${q.id}`, q }));
});

/** The spec's race, run to its step budget: per runner the final info and the recorded path. */
function run(spec) {
  const race = createQuizRace(core, spec);
  try {
    advanceRace(race, spec);
    return spec.runners.map((_, i) => {
      const t = race.trajectorySince(i, -1);
      return { info: race.runnerInfo(i), steps: t.steps, n: t.steps.length,
        x: (k) => t.points[3 * k], y: (k) => t.points[3 * k + 1], loss: (k) => t.points[3 * k + 2],
        buffers: race.buffers(i) };
    });
  } finally {
    race.dispose();
  }
}
const all = (q) => [q.showMe.caption, q.explanation, ...q.choices.map((c) => c.feedback)].join(' ');
const says = (q, text) => assert.ok(all(q).includes(text), `no longer says: ${text}`);

const CHECKS = {
  'schedules-clipping#wall-fix'(q) {
    says(q, 'The gradient at the start is about 160 long');
    says(q, 'It lowers the rate only after the loss has failed to improve for 10 steps, and the runner has diverged before that');
    says(q, 'the runner stays on the wall, turns into the valley and reaches the minimum');
    const [clip, cosine, plateau] = run(q.showMe.race);
    assert.equal(clip.info.status, 'converged');
    assert.ok(clip.info.minimumGlobal);
    for (const r of [cosine, plateau]) {
      assert.equal(r.info.status, 'diverged', r.info.label);
      assert.ok(r.info.statusStep < 10, `${r.info.label} at ${r.info.statusStep}`);
    }
    const patience = core.schedulers.find((s) => s.id === 'ReduceLROnPlateau').params.find((p) => p.name === 'patience');
    assert.equal(patience.default, '10');
    const g = (() => {
      const race = core.createRace('rosenbrock', { a: 1, b: 100 }, { x: -1.5, y: 2 });
      try { race.addRunner('sgd', { lr: 1e-9 }, 'probe'); race.advance(1); const i = race.runnerInfo(0); return Math.hypot(i.gx, i.gy); } finally { race.dispose(); }
    })();
    assert.ok(Math.abs(g - 160) < 10, String(g));
  },
  'big-picture#plain-gd-troubles'(q) {
    says(q, 'Plain SGD needs about five times as many steps as momentum to get 1 away from the ridge');
    says(q, 'with no memory of earlier steps, a tiny gradient means a tiny step');
    const [sgd, mom] = run(q.showMe.race);
    const away = (r) => { for (let k = 0; k < r.n; k++) if (Math.abs(r.y(k)) > 1) return r.steps[k]; return -1; };
    assert.ok(away(sgd) > 0 && away(mom) > 0, `${away(sgd)}, ${away(mom)}`);
    const ratio = away(sgd) / away(mom);
    assert.ok(ratio > 4.5 && ratio < 5.5, String(ratio));
  },
  'sgd-ravines#oscillation-cause'(q) {
    says(q, 'Plain SGD (lr = 0.038) on a ravine whose curvature is 50 times larger across than along (κ = 50)');
    says(q, 'the ravine in the example has a single minimum and SGD still zig-zags');
    says(q, 'which has no noise at all');
    assert.equal(q.showMe.race.noise, undefined);
    const [sgd] = run(q.showMe.race);
    for (let k = 1; k <= 20; k++) assert.ok(sgd.y(k) * sgd.y(k - 1) < 0, `zig-zag at step ${k}`);
    const r = core.createRace('ravine', { kappa: 50 }, { x: -4, y: 1 });
    try { assert.equal(r.landscape().minima.length, 1); } finally { r.dispose(); }
    assert.equal(sgd.info.status, 'converged', 'the browser test reads "SGD reached the minimum at step N"');
  },
  'momentum#momentum-099'(q) {
    says(q, 'keeps rolling past the minimum and needs many swings to settle');
    const [m9, m99] = run(q.showMe.race);
    const crossings = (r) => Array.from({ length: r.n - 1 }, (_, k) => r.x(k) * r.x(k + 1) < 0).filter(Boolean).length;
    assert.equal(m9.info.status, 'converged');
    assert.equal(m99.info.status, 'converged');
    assert.ok(m99.info.statusStep > 5 * m9.info.statusStep, `${m99.info.statusStep} vs ${m9.info.statusStep}`);
    assert.ok(crossings(m99) > crossings(m9) + 3, `${crossings(m99)} vs ${crossings(m9)} swings`);
  },
  'adagrad-rmsprop#rmsprop-fixes'(q) {
    says(q, 'AdaGrad and RMSprop, both at lr = 0.01, for 10,000 steps on the Rosenbrock valley from (−1.5, 2)');
    says(q, 'so the effective step η/√r keeps shrinking and on a long run learning stalls');
    assert.equal(q.showMe.race.steps, 10000);
    const [ada, rms] = run(q.showMe.race);
    const dist = (r) => Math.hypot(r.info.x - 1, r.info.y - 1);
    assert.equal(ada.info.status, 'running');
    assert.ok(dist(ada) > 10 * dist(rms), `${dist(ada)} vs ${dist(rms)}`);
    // "the numbers each one divides the gradient by are read from the core"
    for (const [r, name] of [[ada, 'std'], [rms, 'avg']]) assert.ok(r.buffers.some((b) => b.name === name), name);
  },
  'common-mistakes#loss-oscillates'(q) {
    says(q, 'Over steps 301 to 600 the loss at lr = 0.039 averages more than 20 times the loss at lr = 0.01');
    says(q, 'noise σ = 0.5');
    assert.equal(q.showMe.race.noise.sigma, 0.5);
    const [big, small] = run(q.showMe.race);
    const mean = (r) => {
      let s = 0, n = 0;
      for (let k = 0; k < r.n; k++) if (r.steps[k] > 300) { s += r.loss(k); n++; }
      assert.equal(n, 300);
      return s / n;
    };
    assert.ok(mean(big) > 20 * mean(small), `${mean(big)} vs ${mean(small)}`);
    // the loss does jump up and down at the large rate
    let rises = 0;
    for (let k = 1; k < big.n; k++) if (big.loss(k) > big.loss(k - 1)) rises++;
    assert.ok(rises > 100, String(rises));
  },
  'common-mistakes#sgd-with-adam-lr'(q) {
    says(q, 'Plain SGD on the κ = 50 ravine at lr = 0.001 and at lr = 0.03, 400 steps');
    const [slow, typical] = run(q.showMe.race);
    assert.equal(typical.info.status, 'converged');
    assert.equal(slow.info.status, 'running');
    // along the floor (x, from −4 toward 0) lr = 0.001 covers less than half the way in 400 steps
    assert.ok(Math.abs(slow.info.x) > 2, String(slow.info.x));
  },
};

test('every "Show me" has a check of what it says', () => {
  assert.deepEqual(SHOW_MES.map((s) => s.key).filter((k) => !(k in CHECKS)), []);
});

for (const { key, q } of SHOW_MES) {
  test(`show me ${key}: the race does what the text says`, () => CHECKS[key]?.(q));
}

test('lion-sign: the keyed answer is the step the core takes (exactly lr, against the sign of c)', () => {
  const q = JSON.parse(readFileSync(new URL('6-adamw-nadam-lion.json', dir), 'utf8')).questions.find((x) => x.id === 'lion-sign');
  const keyed = q.choices.filter((c) => c.correct).map((c) => c.id);
  assert.deepEqual(keyed, ['minus-lr']);
  assert.match(q.prompt, /c = β₁·m \+ \(1 − β₁\)·g/);
  // from m = 0, c = (1 − β₁)·g: a tiny positive gradient gives a tiny positive c
  for (const g of [1e-12, 1e-3, 50]) {
    const p = core.probeOptimizer('lion', { lr: 1e-4 }, [0.5], [g]).params;
    assert.ok(Math.abs(p[0] - (0.5 - 1e-4)) < 1e-16, `g = ${g}: ${p[0]}`);
  }
});

test('predict-then-run explanation: at a large lr SGD and momentum blow up while Adam arrives', () => {
  const q = JSON.parse(readFileSync(new URL('5-adam.json', dir), 'utf8')).questions.find((x) => x.id === 'rosenbrock-race');
  assert.match(q.explanation, /at a large lr SGD and momentum blow up on the steep walls while Adam stays stable/);
  for (const lr of [0.005, 0.01]) {
    const race = createQuizRace(core, q.race, lr);
    try {
      advanceRace(race, q.race);
      const status = Object.fromEntries(q.race.runners.map((r, i) => [r.choice, race.runnerInfo(i).status]));
      assert.equal(status.sgd, 'diverged', `lr ${lr}`);
      assert.equal(status.momentum, 'diverged', `lr ${lr}`);
      assert.equal(status.adam, 'converged', `lr ${lr}`);
    } finally {
      race.dispose();
    }
  }
});
