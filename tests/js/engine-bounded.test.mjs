// @ts-check
// The cross-engine runner's bound on driver commands (tests/engines/bounded.mjs): a browser that
// stops answering fails the step by name, and the scenario gets one fresh engine, never more.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bounded, EngineStuck, runWithOneRestart } from '../engines/bounded.mjs';

const never = () => new Promise(() => {});

test('bounded passes a value and a failure through as they are', async () => {
  assert.equal(await bounded('eval 1+1', Promise.resolve(2), 50), 2);
  const failure = new Error('a page error');
  await assert.rejects(bounded('click #x', Promise.reject(failure), 50), (err) => err === failure);
});

test('bounded names the command that did not answer', async () => {
  await assert.rejects(bounded('open a new page', never(), 20),
    (err) => err instanceof EngineStuck && /did not answer "open a new page" within 20 ms/.test(err.message));
});

/** A fake engine that counts what is done to it. @param {string} id */
const fakeEngine = (id) => ({ name: 'fake', id, closed: 0, async close() { this.closed++; }, diagnostics: () => `${id} gone` });

test('a stuck engine is said, closed, restarted, and the scenario runs once more', async () => {
  const first = fakeEngine('first');
  const held = { engine: first };
  /** @type {string[]} */
  const lines = [];
  /** @type {string[]} */
  const ranOn = [];
  await runWithOneRestart(held, async () => fakeEngine('second'), async (e) => {
    ranOn.push(e.id);
    if (e.id === 'first') await bounded('open a new page', never(), 10);
  }, 'the scenario', (l) => lines.push(l));
  assert.deepEqual(ranOn, ['first', 'second']);
  assert.equal(first.closed, 1);
  assert.equal(held.engine.id, 'second');
  assert.match(lines[0], /did not answer "open a new page".*first gone/);
  assert.match(lines[1], /restarted and "the scenario" runs again/);
});

test('a failing check is not retried, and a second stop fails the test', async () => {
  let runs = 0;
  const held = { engine: fakeEngine('a') };
  await assert.rejects(runWithOneRestart(held, async () => fakeEngine('b'), async () => { runs++; assert.equal(1, 2); }, 's', () => {}),
    assert.AssertionError);
  assert.equal(runs, 1);
  runs = 0;
  await assert.rejects(runWithOneRestart(held, async () => fakeEngine('c'), async () => { runs++; await bounded('x', never(), 5); }, 's', () => {}),
    EngineStuck);
  assert.equal(runs, 2);
});
