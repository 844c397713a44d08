// The race description (web/js/race/description.js) for scripted races run by the built core,
// read from the core's trajectory and curvature as the page reads them: what it says must be what
// the race did. Zig-zag SGD in the chapter's ravine oscillates across the valley, then drifts
// along its floor; Adam on Rosenbrock travels the valley and converges; a too-large learning
// rate diverges and leaves the order by loss.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';
import { describeRace, describeLandscape, describeOrder, recentTail } from '../../web/js/race/description.js';
import { statusText } from '../../web/js/race/status-text.js';
import { steps as formatSteps } from '../../web/js/ui/format.js';

const { core } = await loadNodeCore();

/**
 * Runs a race in chunks of `chunk` steps (as the page does, one chunk per frame) and describes it.
 * @param {{landscape: string, params?: object, start: {x: number, y: number}, runners: [string, object, string][]}} spec
 */
function scripted(spec) {
  const race = core.createRace(spec.landscape, spec.params ?? {}, spec.start);
  for (const [id, settings, label] of spec.runners) race.addRunner(id, settings, label);
  const labels = spec.runners.map((r) => r[2]);
  return {
    race,
    /** @param {number} steps @param {number} [chunk] */
    advance(steps, chunk = 1) {
      for (let done = 0; done < steps; done += chunk) race.advance(Math.min(chunk, steps - done));
    },
    describe() {
      const frame = race.frame();
      return describeRace({ landscape: race.landscape(), frame, labels,
        statusText: (i) => statusText(race.runnerInfo(i), formatSteps),
        tail: (i, k) => recentTail(race, i, k, frame[i].steps),
        curvature: (x, y) => race.curvature(x, y),
        gradient: (i) => { const r = race.runnerInfo(i); return { x: r.gx, y: r.gy }; } });
    },
    dispose() { race.dispose(); },
  };
}

test('zig-zag SGD in the ravine (the chapter\'s preset): oscillating across the valley, then along its floor', () => {
  const r = scripted({ landscape: 'ravine', params: { kappa: 50, angle: 0 }, start: { x: -4, y: 1 },
    runners: [['sgd', { lr: 0.035 }, 'SGD'], ['sgd', { lr: 0.035, momentum: 0.9 }, 'Momentum']] });
  try {
    r.advance(12, 2);
    let d = r.describe();
    assert.match(d.landscape, /^The Ravine landscape, x from -5 to 5 and y from -3 to 3\. One minimum: global at \(0\.000, 0\.000\), loss 0\.$/);
    const sgd = d.runners[0];
    assert.equal(sgd.motion.kind, 'oscillating', sgd.sentence);
    assert.match(sgd.sentence, /^SGD: at \(-?\d\.\d{3}, -?\d\.\d{3}\), loss [\d.]+, running, step 12\. It is oscillating across the valley\.$/);
    assert.ok(sgd.motion.flips >= 0.6 * sgd.motion.pairs);
    // Forty steps later the bounce has died out (0.75^n): SGD drifts right along the floor.
    r.advance(40, 5);
    d = r.describe();
    assert.match(d.runners[0].sentence, /It is moving right along the valley floor/);
    assert.match(d.order, /^By loss, lowest first: /);
  } finally {
    r.dispose();
  }
});

test('a rotated ravine: the across-valley axis comes from the core, not from x and y', () => {
  const r = scripted({ landscape: 'ravine', params: { kappa: 50, angle: 30 }, start: { x: -3, y: 1 },
    runners: [['sgd', { lr: 0.035 }, 'SGD']] });
  try {
    r.advance(10);
    assert.equal(r.describe().runners[0].motion.kind, 'oscillating');
  } finally {
    r.dispose();
  }
});

test('Adam on Rosenbrock: travels along the valley floor, converges at (1, 1), and leads SGD', () => {
  const r = scripted({ landscape: 'rosenbrock', start: { x: -1.5, y: 2 },
    runners: [['adam', { lr: 0.01 }, 'Adam'], ['sgd', { lr: 0.001 }, 'SGD']] });
  try {
    r.advance(600, 20);
    let d = r.describe();
    const adam = d.runners[0];
    assert.equal(adam.status, 'running, step 600');
    assert.match(adam.sentence, /It is moving (up|down)?( and )?(right|left)? ?along the valley floor/, adam.sentence);
    assert.match(d.landscape, /One minimum: global at \(1\.000, 1\.000\), loss 0\./);
    r.advance(20000, 200);
    d = r.describe();
    assert.match(d.runners[0].status, /^converged at step [\d,]+: near the global minimum \(1, 1\)/, d.runners[0].status);
    assert.doesNotMatch(d.runners[0].sentence, /It is/, 'a stopped runner is not given a motion');
    assert.match(d.order, /^By loss, lowest first: Adam \(/);
  } finally {
    r.dispose();
  }
});

test('a divergence: the description says diverged and takes the runner out of the order', () => {
  const r = scripted({ landscape: 'rosenbrock', start: { x: -1.5, y: 2 },
    runners: [['sgd', { lr: 0.1 }, 'SGD too fast'], ['adam', { lr: 0.01 }, 'Adam']] });
  try {
    r.advance(200, 10);
    const d = r.describe();
    assert.equal(d.runners[0].motion.kind, 'diverged');
    assert.match(d.runners[0].sentence, /^SGD too fast: at .*, diverged at step \d+: (non-finite value|left the bounded region)\.$/);
    assert.match(d.order, /^Only Adam is still in the race, loss [\d.e+-]+\. Out of the race \(diverged\): SGD too fast\.$/);
  } finally {
    r.dispose();
  }
});

test('landscapes with several minima, or none known, and an empty race', () => {
  const himmelblau = core.createRace('himmelblau');
  try {
    assert.match(describeLandscape(himmelblau.landscape()), /Four minima, all global with loss 0, at \(3\.000, 2\.000\), .* and \(3\.584, -1\.848\)\.$/);
  } finally {
    himmelblau.dispose();
  }
  const unknown = { displayName: 'Your own function', domain: { xmin: -3, xmax: 3, ymin: -3, ymax: 3 }, minima: [] };
  assert.equal(describeLandscape(unknown), 'The Your own function landscape, x from -3 to 3 and y from -3 to 3. Where its minima are is not known in advance.');
  assert.equal(describeOrder([], []), 'No optimizer is racing.');
});
