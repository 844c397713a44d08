// The predict-then-run verdict comes from the core's own race at the stated settings,
// and follows the learning rate.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runQuizRace, raceVerdict } from '../../web/js/quiz/race-spec.js';
import { loadNodeCore } from './load-core.mjs';

const q = JSON.parse(readFileSync(new URL('../../web/quizzes/5-adam.json', import.meta.url), 'utf8'))
  .questions.find((x) => x.type === 'predict');
let core;
before(async () => { ({ core } = await loadNodeCore()); });

/** The first runner to converge, straight from the core's statuses (independent of raceVerdict). */
function firstConverged(lr) {
  const race = core.createRace(q.race.landscape, {}, q.race.start);
  for (const r of q.race.runners) race.addRunner(r.optimizer, { ...(r.settings ?? {}), lr }, r.label);
  race.advance(q.race.steps);
  let best = null;
  for (let i = 0; i < race.runnerCount; i++) {
    const info = race.runnerInfo(i);
    if (info.status === 'converged' && (!best || info.statusStep < best.statusStep)) best = { ...info, choice: q.race.runners[i].choice };
  }
  race.dispose();
  return best;
}

test('at the stated lr the verdict names the runner the core says converged first', () => {
  const lr = q.race.learningRate.value;
  const v = raceVerdict(q.race, runQuizRace(core, q.race), lr);
  const truth = firstConverged(lr);
  assert.equal(v.winner, truth.choice);
  assert.equal(v.firstStep, truth.statusStep);
  assert.match(v.summary, new RegExp(`^${truth.label} reached the minimum first at lr = ${lr}, at step ${truth.statusStep}\\.`));
  // At lr = 0.001 this is momentum (step 2231 with this core), not Adam as the chapter's caption suggests.
  assert.equal(v.winner, 'momentum');
});

test('changing the learning rate can change the verdict, and it always follows the race', () => {
  const winners = new Set();
  for (const lr of q.race.learningRate.alternatives) {
    const v = raceVerdict(q.race, runQuizRace(core, q.race, lr), lr);
    const truth = firstConverged(lr);
    assert.equal(v.winner, truth ? truth.choice : 'none', `lr = ${lr}`);
    winners.add(v.winner);
  }
  assert.ok(winners.has('momentum') && winners.has('adam'), [...winners].join());
});

test('no runner converged: the verdict is "none" and says so', () => {
  const v = raceVerdict({ ...q.race, steps: 50 }, runQuizRace(core, { ...q.race, steps: 50 }), 0.001);
  assert.equal(v.winner, 'none');
  assert.match(v.summary, /No optimizer reached the minimum within 50 steps at lr = 0.001/);
  assert.equal(v.lines.length, 4);
});
