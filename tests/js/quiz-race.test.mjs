// The predict-then-run verdict comes from the core's own race at the stated settings,
// and follows the learning rate.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runQuizRace, raceVerdict } from '../../web/js/quiz/race-spec.js';
import { scorePrediction } from '../../web/js/quiz/scoring.js';
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
  // step numbers as the page's step counter writes them: with thousands separators
  assert.match(v.summary, new RegExp(`^${truth.label} reached the minimum first at lr = ${lr}, at step ${truth.statusStep.toLocaleString('en-US')}\\.`));
  assert.match(v.summary, /step \d{1,3},\d{3}\./);
  // At lr = 0.001 this is momentum (step 1,677 with this core), not Adam as the chapter's caption suggests.
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

test('a tie names no invented choice: any of the tied runners is a right prediction, the others are not', () => {
  const spec = { steps: 100, runners: [{ label: 'A', choice: 'a' }, { label: 'B', choice: 'b' }, { label: 'C', choice: 'c' }] };
  const at = (status, statusStep) => ({ status, statusStep, loss: 0, steps: statusStep });
  const infos = [{ label: 'A', ...at('converged', 1234) }, { label: 'B', ...at('converged', 1234) }, { label: 'C', ...at('converged', 2000) }];
  const v = raceVerdict(spec, infos, 0.001);
  assert.deepEqual(v.winners, ['a', 'b']);
  assert.ok(spec.runners.some((r) => r.choice === v.winner), `winner ${v.winner} is a choice`);
  assert.equal(scorePrediction('a', v).correct, true);
  assert.equal(scorePrediction('b', v).correct, true);
  assert.equal(scorePrediction('c', v).correct, false);
  assert.equal(v.summary, 'A and B reached the minimum together, first at lr = 0.001, at step 1,234.');
  assert.match(v.lines[2], /^C reached the minimum at step 2,000\.$/);
});
