// @ts-check
// The benchmark's reading of a Chromium trace (bench/parts/race.mjs): a task is counted once
// however many nested trace events record it, so per-frame CPU time and long tasks are true.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mainThreadPerFrame, outermost } from '../../bench/parts/race.mjs';
import { combineRuns } from '../../bench/lib.mjs';

const PID = 1;
const TID = 7;
/** A complete ('X') event on the page's main thread. @param {string} name @param {number} ts @param {number} dur @param {number} tdur */
const task = (name, ts, dur, tdur) => ({ ph: 'X', pid: PID, tid: TID, name, ts, dur, tdur });
const threadName = { ph: 'M', pid: PID, tid: TID, name: 'thread_name', args: { name: 'CrRendererMain' } };

test('outermost keeps the events that no other event contains', () => {
  const events = [task('A', 0, 10, 5), task('B', 0, 4, 2), task('C', 5, 3, 1), task('D', 12, 2, 2)];
  assert.deepEqual(outermost(events).map((e) => e.name), ['A', 'D']);
});

test('a task recorded as RunTask inside ThreadControllerImpl::RunTask costs its CPU time once', () => {
  /** @type {any[]} */
  const events = [threadName];
  // Two frames, each one task of 4 ms wall and 3 ms CPU (recorded twice, nested) and one long task of 70 ms.
  for (const start of [0, 16000]) {
    events.push(task('ThreadControllerImpl::RunTask', start, 4000, 3000), task('RunTask', start, 4000, 3000),
      task('FireAnimationFrame', start + 100, 1000, 1000));
  }
  events.push(task('ThreadControllerImpl::RunTask', 40000, 70000, 60000), task('RunTask', 40000, 70000, 60000));
  const m = mainThreadPerFrame(events, 2);
  assert.equal(m.cpu, (3 + 3 + 60) / 2);
  assert.equal(m.busy, (4 + 4 + 70) / 2);
  assert.equal(m.longTasks, 1);
  assert.equal(m.blockingMs, 20);
});

test('the race and engines benches report the median run\'s frame rate and the worst frame of every run', () => {
  const run = (/** @type {number} */ fps, /** @type {number} */ worst) => ({ fps, worst, p95: 17, frames: fps * 5, steps: 100 });
  const c = combineRuns([run(58, 33.4), run(41, 150), run(55, 50)]);
  assert.equal(c.fps, 55);
  assert.equal(c.frames, 275, 'the other figures are the median run\'s');
  assert.equal(c.worst, 150, 'one bad run is not hidden by the median');
  assert.deepEqual(c.runs, [58, 41, 55]);
  assert.equal(combineRuns([run(60, 16.8), run(50, 20)]).fps, 50, 'of an even count, the lower middle');
});
