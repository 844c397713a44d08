// The rule for "reached the minimum" is stated next to the race, in the predict-then-run
// quick check and in the lessons; each statement names the distance the core really uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadNodeCore } from './load-core.mjs';

const { core } = await loadNodeCore();
const read = (path) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The core's stop rule at distance d from Rosenbrock's minimum (1, 1), checked at the start. */
function statusAt(d) {
  const r = core.createRace('rosenbrock', { a: 1, b: 100 }, { x: 1 + d, y: 1 });
  try {
    r.addRunner('sgd', { lr: 1e-9 }, 'probe');
    return r.runnerInfo(0).status;
  } finally {
    r.dispose();
  }
}
/** The tolerance a sentence states: "within <number> of". */
function statedTolerance(text) {
  const m = /within (\d+(?:\.\d+)?) of/.exec(text);
  assert.ok(m, `no "within N of" in: ${text}`);
  return Number(m[1]);
}
function assertCoreUses(tol) {
  assert.equal(statusAt(tol * 0.999), 'converged', `just inside ${tol}`);
  assert.equal(statusAt(tol * 1.001), 'running', `just outside ${tol}`);
}

test('the rule next to the race states the distance the core uses', () => {
  const m = /<p id="convergence-rule"[^>]*>([^<]+)<\/p>/.exec(read('web/index.html'));
  assert.ok(m, 'index.html has the rule next to the race');
  assertCoreUses(statedTolerance(m[1]));
});

test('quick check 4 (predict then run) states the same rule', () => {
  const q = JSON.parse(read('web/quizzes/5-adam.json')).questions.find((x) => x.id === 'rosenbrock-race');
  assertCoreUses(statedTolerance(q.prompt));
});

test('a tolerance a reader accepts: a position that reads as (1.000, 1.000) has arrived', () => {
  // three decimals round away at most 0.0005 per coordinate: the worst case is 0.0005·√2 from (1, 1)
  const r = core.createRace('rosenbrock', { a: 1, b: 100 }, { x: 1.000499, y: 0.999501 });
  try {
    r.addRunner('sgd', { lr: 1e-9 }, 'probe');
    assert.equal(r.runnerInfo(0).status, 'converged');
  } finally {
    r.dispose();
  }
});
