// The built module's JavaScript API, as the page uses it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';
import { settingsToText, CUSTOM_LANDSCAPE_ID, DEFAULT_CUSTOM_EXPRESSION, DEFAULT_CUSTOM_DOMAIN } from '../../web/js/core/wrap-core.js';
import { propertySpec } from '../../web/js/state/properties.js';

const { core, M } = await loadNodeCore();

test('catalogs list every optimizer of the chapter and the spec landscapes', () => {
  const ids = core.optimizers.map((o) => o.id);
  for (const id of ['sgd', 'adagrad', 'rmsprop', 'adam', 'adamw', 'nadam', 'lion', 'adamax', 'adadelta', 'radam']) {
    assert.ok(ids.includes(id), `missing optimizer ${id}`);
  }
  const adam = core.optimizer('adam');
  const lr = adam.params.find((p) => p.name === 'lr') ?? assert.fail('adam has no lr');
  assert.deepEqual(lr.defaults, [0.001]);
  assert.deepEqual((adam.params.find((p) => p.name === 'betas') ?? assert.fail('adam has no betas')).defaults, [0.9, 0.999]);
  const landscapes = core.landscapes.map((l) => l.id);
  for (const id of ['rosenbrock', 'ravine', 'beale', 'himmelblau', 'saddle']) assert.ok(landscapes.includes(id), id);
});

test('settings serialise to the text the core parses, exactly', () => {
  assert.equal(settingsToText({ lr: 0.1, betas: [0.9, 0.999], amsgrad: true }), 'lr=0.1;betas=0.9,0.999;amsgrad=true');
});

test('settings cross as typed values: a wrong type gets the core\'s message, as the text parser gives it', () => {
  assert.equal(core.checkSettings('adam', { lr: 0.01, betas: [0.8, 0.99], amsgrad: true }), '');
  assert.equal(core.checkSettings('adam', { lr: true }), "Malformed value for lr: 'true' (expected a number)");
  assert.equal(core.checkSettings('adam', /** @type {any} a wrong type on purpose */ ({ lr: 'fast' })), "Malformed value for lr: 'fast' (expected a number)");
  assert.equal(core.checkSettings('adam', { betas: [0.9] }), "Malformed value for betas: '0.9' (expected two numbers like 0.9,0.999)");
  assert.equal(core.checkSettings('adam', /** @type {any} a wrong type on purpose */ ({ betas: [0.9, 'x'] })), "Malformed value for betas: '0.9,x' (expected two numbers like 0.9,0.999)");
  assert.equal(core.checkSettings('adam', { amsgrad: 1 }), "Malformed value for amsgrad: '1' (expected true or false)");
  assert.equal(core.checkSettings('adam', { lr: -0.1 }), 'Invalid learning rate: -0.1');
});

test('the custom landscape comes from the core\'s catalog, and the page\'s constants agree with it', () => {
  const custom = core.landscapes.filter((l) => l.custom);
  assert.equal(custom.length, 1);
  assert.equal(custom[0].id, CUSTOM_LANDSCAPE_ID);
  assert.equal(custom[0].defaultExpression, DEFAULT_CUSTOM_EXPRESSION);
  assert.deepEqual(custom[0].defaultDomain, { ...DEFAULT_CUSTOM_DOMAIN });
  assert.equal(core.landscapes.at(-1), custom[0]);
});

test('one seed range: the page\'s seed property is the core\'s', () => {
  assert.equal(M.maxSeed, Number.MAX_SAFE_INTEGER);
  assert.equal(propertySpec('seed').max, M.maxSeed);
  const race = core.createRace('rosenbrock');
  try {
    race.setNoise(0.1, Number.MAX_SAFE_INTEGER);
    assert.throws(() => race.setNoise(0.1, Number.MAX_SAFE_INTEGER + 1), /Invalid noise seed: must be a whole number from 0 to 2\^53-1/);
  } finally {
    race.dispose();
  }
});

test('a race advances k steps per call and reports every runner in one frame', () => {
  const race = core.createRace('rosenbrock', {}, { x: -1.5, y: 2 });
  try {
    race.addRunner('sgd', { lr: 0.001 }, 'SGD');
    race.addRunner('adam', {}, 'Adam');
    let [sgd, adam] = race.frame();
    assert.equal(sgd.loss, 12.5); // (1-x)^2 + 100 (y-x^2)^2 at (-1.5, 2)
    assert.equal(adam.x, -1.5);
    race.advance(10);
    [sgd, adam] = race.frame();
    assert.equal(sgd.steps, 10);
    assert.equal(adam.steps, 10);
    assert.notEqual(sgd.x, -1.5);
    // Adam's first step moves every coordinate by about lr (sign of the gradient).
    const { points, steps } = race.trajectory(1);
    assert.equal(steps.length, 11);
    assert.ok(Math.abs(points[3] - (-1.5 + 0.001)) < 1e-9, `x1 = ${points[3]}`);
  } finally {
    race.dispose();
  }
});

test('invalid input becomes a JS Error with torch wording and leaves the race usable', () => {
  const race = core.createRace('rosenbrock');
  try {
    assert.throws(() => race.addRunner('adam', { lr: -0.1 }), /Invalid learning rate: -0.1/);
    assert.throws(() => race.addRunner('adam', { betas: [1.0, 0.999] }), /Invalid beta parameter at index 0: 1.0/);
    assert.throws(() => race.addRunner('nosuch', {}), /Unknown optimizer: nosuch/);
    assert.throws(() => race.setStart({ x: Number.NaN, y: 0 }), /start/i);
    assert.equal(race.runnerCount, 0);
    race.addRunner('adam', {});
    race.advance(3);
    assert.equal(race.frame()[0].steps, 3);
  } finally {
    race.dispose();
  }
  assert.throws(() => core.createRace('nosuch'), /Unknown landscape: nosuch/);
});

test('a diverging runner stops alone and never reports NaN as running', () => {
  const race = core.createRace('rosenbrock', {}, { x: -1.5, y: 2 });
  try {
    race.addRunner('sgd', { lr: 0.1 }, 'SGD too fast');
    race.addRunner('adam', { lr: 0.01 }, 'Adam');
    race.advance(200);
    const [sgd, adam] = race.frame();
    assert.equal(sgd.status, 'diverged');
    assert.ok(sgd.statusStep > 0 && sgd.statusStep < 200, `diverged at ${sgd.statusStep}`);
    assert.equal(adam.status, 'running');
    assert.equal(adam.steps, 200);
  } finally {
    race.dispose();
  }
});

test('the surface is sampled in bulk with contour polylines', () => {
  const race = core.createRace('rosenbrock');
  try {
    const s = race.surface({ nx: 64, ny: 48, logScale: false, levels: 10 });
    assert.equal(s.values.length, 64 * 48);
    assert.ok(s.values instanceof Float64Array);
    assert.equal(s.levels.length, 10);
    assert.ok(s.offsets.length > 1 && s.points.length > 0);
    assert.throws(() => race.surface({ nx: 0, ny: 10 }), /grid/i);
  } finally {
    race.dispose();
  }
});

test('state size comes from the real optimizer state (the chapter memory table)', () => {
  assert.equal(core.stateValuesPerParameter('sgd', { lr: 0.1 }), 0);
  assert.equal(core.stateValuesPerParameter('sgd', { lr: 0.1, momentum: 0.9 }), 1);
  assert.equal(core.stateValuesPerParameter('adam'), 2);
  assert.equal(core.stateValuesPerParameter('lion'), 1);
});

test('repeated races do not grow wasm memory', () => {
  const run = () => {
    const race = core.createRace('rosenbrock');
    race.addRunner('adam', {});
    race.addRunner('sgd', { lr: 0.001, momentum: 0.9 });
    race.advance(2000);
    race.trajectory(0);
    race.surface({ nx: 128, ny: 128 });
    race.dispose();
  };
  for (let i = 0; i < 5; i++) run(); // warm up: let the allocator reach its working size
  const before = M.HEAPU8.buffer.byteLength;
  for (let i = 0; i < 50; i++) run();
  assert.equal(M.HEAPU8.buffer.byteLength, before);
});
