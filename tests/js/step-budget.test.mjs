// The per-frame step budget of the race loop (web/js/race/step-budget.js): the reader's speed
// until a frame would run over budget, then fewer steps, never none, and back up when frames are cheap.
import test from 'node:test';
import assert from 'node:assert/strict';
import { StepBudget, FRAME_BUDGET_MS } from '../../web/js/race/step-budget.js';

test('the chosen speed is used while nothing is measured or frames are cheap', () => {
  const b = new StepBudget();
  assert.equal(b.steps(1000), 1000);
  b.record(1000, 1); // 1 µs a step
  assert.equal(b.steps(1000), 1000);
  assert.equal(b.steps(5), 5);
});

test('an expensive step lowers the steps per frame to the budget, never below one', () => {
  const b = new StepBudget(4);
  b.record(1000, 40); // 0.04 ms a step: 1000 steps would take 40 ms
  assert.equal(b.steps(1000), 100);
  const slow = new StepBudget(4);
  slow.record(1, 50); // one step costs more than the whole budget
  assert.equal(slow.steps(1000), 1);
});

test('the estimate recovers once frames are cheap again', () => {
  const b = new StepBudget(FRAME_BUDGET_MS);
  b.record(1, 30); // a garbage-collection pause on a one-step frame
  let k = b.steps(1000);
  assert.equal(k, 1);
  for (let i = 0; i < 60; i++) { b.record(k, 0.2 + 0.001 * k); k = b.steps(1000); }
  assert.equal(k, 1000);
});

test('bad measurements are ignored', () => {
  const b = new StepBudget();
  b.record(0, 10);
  b.record(10, Number.NaN);
  b.record(10, -1);
  assert.equal(b.msPerStep, 0);
  assert.equal(b.steps(50), 50);
});
