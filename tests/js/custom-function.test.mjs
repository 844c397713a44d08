// The user's own loss function through the built module's JS API (wrap-core.js) and the
// URL state (properties.js / url.js): races, exact derivatives, error positions, basins,
// and links that carry the function and its domain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';
import { parseRaceQuery, serializeRaceQuery } from '../../web/js/state/url.js';
import { defaultState, parseDomain, runnerSettings } from '../../web/js/state/properties.js';
import { CUSTOM_EXAMPLES } from '../../web/js/ui/custom-function.js';

const { core } = await loadNodeCore();

test('a race on a custom expression equals the race on the same built-in landscape', () => {
  const custom = core.createRace('custom', {}, { x: -1.5, y: 2 }, { expr: '(1 - x)^2 + 100*(y - x^2)^2',
    domain: { xmin: -2, xmax: 2, ymin: -1, ymax: 3 } });
  const builtin = core.createRace('rosenbrock', {}, { x: -1.5, y: 2 });
  try {
    for (const r of [custom, builtin]) r.addRunner('adam', { lr: 0.01 });
    custom.advance(300);
    builtin.advance(300);
    const a = custom.frame()[0], b = builtin.frame()[0];
    assert.ok(Math.abs(a.x - b.x) < 1e-9 && Math.abs(a.y - b.y) < 1e-9, `${a.x},${a.y} vs ${b.x},${b.y}`);
    const d = custom.landscape();
    assert.equal(d.id, 'custom');
    assert.equal(d.minima.length, 1);
    assert.ok(Math.abs(d.minima[0].x - 1) < 1e-9);
  } finally {
    custom.dispose();
    builtin.dispose();
  }
});

test('malformed expressions give the core message with its column; the race is unchanged', () => {
  assert.deepEqual(core.checkExpression('x + (y'), { error: "at column 7: expected ')'", column: 7 });
  assert.deepEqual(core.checkExpression('sin(x)'), { error: '', column: 0 });
  assert.throws(() => core.createRace('custom', {}, { x: 0, y: 0 }, { expr: '2x' }),
    { message: "at column 2: unexpected 'x' (missing operator?)" });
  const race = core.createRace('custom', {}, undefined, { expr: 'x^2 + y^2' });
  try {
    assert.throws(() => race.setup('custom', {}, { x: 0, y: 0 }, { expr: 'x^2', domain: { xmin: 1, xmax: 0, ymin: 0, ymax: 1 } }),
      /Invalid domain/);
    assert.equal(race.landscape().latex, 'x^2 + y^2');
    // A function undefined at the start point diverges like any non-finite run.
    race.setup('custom', {}, { x: -1, y: 0 }, { expr: 'log(x) + y^2' });
    race.addRunner('sgd', { lr: 0.1 });
    race.advance(5);
    assert.equal(race.frame()[0].status, 'diverged');
  } finally {
    race.dispose();
  }
  for (const ex of CUSTOM_EXAMPLES) assert.equal(core.checkExpression(ex.expr).error, '', ex.expr);
});

test('basins through the wrapper: Himmelblau, 64 x 64, four basins', () => {
  const race = core.createRace('himmelblau');
  try {
    const t0 = performance.now();
    const b = race.basins('sgd', { lr: 0.01 }, { nx: 64, ny: 64, maxSteps: 1000 });
    const ms = performance.now() - t0;
    assert.equal(b.minimum.length, 64 * 64);
    assert.ok(b.minimum instanceof Int32Array);
    assert.equal(b.counts.length, 4);
    for (const c of b.counts) assert.ok(c > 300, String(b.counts));
    console.log(`# basins 64x64 himmelblau sgd lr=0.01 (wasm, node): core ${b.milliseconds.toFixed(1)} ms, call ${ms.toFixed(1)} ms`);
    assert.throws(() => race.basins('sgd', { lr: -1 }), { message: 'Invalid learning rate: -1.0' });
  } finally {
    race.dispose();
  }
});

test('expression evaluation speed (wasm): steps per second on a custom landscape', () => {
  const race = core.createRace('custom', {}, { x: -1.5, y: 2 }, { expr: 'sin(3*x)*cos(2*y) + 0.1*(x^2 + y^2)' });
  try {
    race.addRunner('sgd', { lr: 1e-7 });
    const t0 = performance.now();
    race.advance(200000);
    const ms = performance.now() - t0;
    console.log(`# custom expression race (wasm, node): ${(200000 / ms * 1000 / 1e6).toFixed(2)} M steps/s`);
    assert.equal(race.steps, 200000);
  } finally {
    race.dispose();
  }
});

test('URL state: custom function and domain round-trip; defaults are left out; bad input is a notice', () => {
  const base = { ...defaultState(core), landscape: 'custom', landscapeParams: {} };
  const states = [
    base,
    { ...base, expr: '(1 - x)^2 + 100*(y - x^2)^2', domain: { xmin: -2, xmax: 2, ymin: -1, ymax: 3 } },
    { ...base, expr: 'min(abs(x), max(y, -1)) / sigmoid(x*y) & more'.replace(' & more', ''), domain: { xmin: -0.5, xmax: 1e-3, ymin: -7, ymax: 7.25 } },
    ...CUSTOM_EXAMPLES.map((e) => ({ ...base, expr: e.expr, domain: e.domain ?? base.domain })),
  ];
  for (const s of states) {
    const query = serializeRaceQuery(s);
    const { state, notices } = parseRaceQuery(query, core);
    assert.deepEqual(notices, [], query);
    assert.deepStrictEqual(state, s, query);
  }
  assert.ok(!serializeRaceQuery(defaultState(core)).includes('f='));
  assert.ok(!serializeRaceQuery(defaultState(core)).includes('domain='));
  const bad = parseRaceQuery('landscape=custom&f=x%2B(y&domain=1,0,0,1', core);
  assert.equal(bad.state.expr, defaultState(core).expr);
  assert.deepEqual(bad.notices, [
    'Ignored f="x+(y": the custom function is not valid: at column 5: expected \')\'.',
    'Ignored domain="1,0,0,1": the custom function domain needs xmin < xmax and ymin < ymax.',
  ]);
});

test('one reading of a domain: the field and a link accept and refuse the same text', () => {
  assert.deepEqual(parseDomain('-2,2,-1.5,1.5'), { domain: { xmin: -2, xmax: 2, ymin: -1.5, ymax: 1.5 }, problem: '' });
  assert.equal(parseDomain('1,0,0,1').problem, 'needs xmin < xmax and ymin < ymax');
  assert.equal(parseDomain('1,2,3').problem, 'must be four numbers xmin,xmax,ymin,ymax');
  assert.match(parseDomain('-1e7,2,0,1').problem, /must be ≥ -1000000/);
  assert.match(parseDomain('0x10,20,0,1').problem, /finite number/);
  const { state, notices } = parseRaceQuery('landscape=custom&domain=-1e7,2,0,1', core);
  assert.deepEqual(state.domain, defaultState(core).domain);
  assert.match(notices.join(' '), /must be ≥ -1000000/);
});

test('a runner\'s own lr wins over the shared one, on the race page and in quiz races alike', () => {
  assert.deepEqual(runnerSettings({ params: { lr: 0.01, momentum: 0.9 } }, 0.1), { lr: 0.01, momentum: 0.9 });
  assert.deepEqual(runnerSettings({ params: { momentum: 0.9 } }, 0.1), { lr: 0.1, momentum: 0.9 });
  assert.deepEqual(runnerSettings({ params: { momentum: 0.9 } }, undefined), { momentum: 0.9 });
});
