// Memory of the built module: once warmed up, repeated races and a million steps never grow the
// WebAssembly memory, and every Embind handle the JavaScript creates is deleted again.
//
// Handles are counted by wrapping the module's Race class (the only `class_` the bindings
// register; everything else crosses as plain JS values), and emval handles with Embind's own
// `count_emval_handles()` (Emscripten 3.1.6 exports it on the module). Growth is seen by a spy on
// WebAssembly.Memory.prototype.grow and by the byte length of the heap's buffer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';

// Spy on every grow of any WebAssembly memory in this process (installed before the module loads).
const grows = [];
const realGrow = WebAssembly.Memory.prototype.grow;
WebAssembly.Memory.prototype.grow = function grow(pages) {
  grows.push(pages);
  return realGrow.call(this, pages);
};

const { M } = await loadNodeCore();

// Count Race handles: wrap the class before the wrapper creates any.
const RealRace = M.Race;
const live = new Set();
let created = 0;
let deleted = 0;
const realDelete = RealRace.prototype.delete;
RealRace.prototype.delete = function del() {
  deleted += 1;
  live.delete(this);
  return realDelete.call(this);
};
M.Race = function CountedRace(...args) {
  const handle = new RealRace(...args);
  created += 1;
  live.add(handle);
  return handle;
};
const { wrapCore } = await import('../../web/js/core/wrap-core.js');
const core = wrapCore(M);

const heapBytes = () => M.HEAP8.buffer.byteLength;

/** Settings that every optimizer of the catalog accepts: the required parameters at their defaults. */
function defaults(info) {
  /** @type {import('../../web/js/core/wrap-core.js').OptimizerSettings} */
  const s = {};
  for (const p of info.params) if (p.required) s[p.name] = p.defaults.length === 1 ? p.defaults[0] : p.defaults;
  return s;
}

const landscapes = core.landscapes.map((l) => l.id);

/**
 * One cycle of what the page does: races on every landscape with every optimizer, steps in
 * frame-sized chunks, trails, buffers, a surface with contours, resets, restarts, bad input.
 * Returns the race steps taken.
 */
function workload({ stepsPerRace = 2000, surfaces = true } = {}) {
  let steps = 0;
  for (const id of landscapes) {
    const race = core.createRace(id);
    try {
      for (const o of core.optimizers) race.addRunner(o.id, defaults(o), o.displayName);
      assert.throws(() => race.addRunner('adam', { lr: -1 }), /Invalid learning rate/);
      let last = -1;
      for (let done = 0; done < stepsPerRace; done += 50) {
        race.advance(50);
        race.frame();
        for (let i = 0; i < race.runnerCount; i += 1) race.trajectorySince(i, last);
        last = race.steps;
        if (race.finished) break;
      }
      steps += race.steps;
      for (let i = 0; i < race.runnerCount; i += 1) {
        race.trajectory(i);
        race.buffers(i);
        race.runnerInfo(i);
      }
      if (surfaces) race.surface({ nx: 128, ny: 128, levels: 20 });
      race.setNoise(0.1, 7);
      race.advance(100);
      steps += race.steps;
      race.setStart({ x: 0.5, y: 0.5 });
      race.removeRunner(0);
      race.reset();
    } finally {
      race.dispose();
    }
  }
  return steps;
}

/** A million race steps on one long-lived race: reset whenever every runner has stopped. */
function millionSteps() {
  const race = core.createRace('rastrigin');
  let steps = 0;
  try {
    for (const o of core.optimizers) race.addRunner(o.id, defaults(o));
    race.setNoise(0.5, 11);
    let landscape = 0;
    while (steps < 1_000_000) {
      const before = race.steps;
      race.advance(1000);
      race.frame();
      steps += race.steps - before;
      if (race.finished || race.steps >= 100_000) {
        landscape = (landscape + 1) % landscapes.length;
        race.setup(landscapes[landscape], {}, race.landscape().start ?? { x: 0.5, y: 0.5 });
        race.setNoise(0.5, landscape + 11);
      }
    }
  } finally {
    race.dispose();
  }
  return steps;
}

test('warm-up: one full workload (every landscape x every optimizer) runs and frees its handles', () => {
  const steps = workload();
  assert.ok(steps > 0);
  assert.equal(live.size, 0, `${live.size} Race handles not deleted`);
  assert.equal(created, deleted);
});

test('after warm-up, repeated races and 1,000,000 steps never grow the WebAssembly memory', () => {
  const bytes = heapBytes();
  const emvals = M.count_emval_handles();
  grows.length = 0;
  let steps = 0;
  for (let round = 0; round < 3; round += 1) steps += workload();
  steps += millionSteps();
  assert.ok(steps >= 1_000_000, `only ${steps} steps`);
  assert.deepEqual(grows, [], `memory.grow called ${grows.length} times (${grows.join(', ')} pages)`);
  assert.equal(heapBytes(), bytes, 'heap buffer byte length changed');
  assert.equal(M.count_emval_handles(), emvals, 'emval handles leaked');
});

test('every Race handle the JavaScript created has been deleted', () => {
  const before = created;
  const race = core.createRace('rosenbrock');
  race.addRunner('adam', {});
  assert.equal(created, before + 1);
  assert.equal(live.size, 1);
  race.dispose();
  race.dispose(); // idempotent
  // A race whose set-up fails is disposed by createRace itself.
  assert.throws(() => core.createRace('no-such-landscape'), /Unknown landscape/);
  assert.ok(created > before + 1);
  assert.equal(live.size, 0, `${live.size} Race handles not deleted`);
  assert.equal(created, deleted, `created ${created}, deleted ${deleted}`);
});
