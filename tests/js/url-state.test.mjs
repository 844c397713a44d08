// The race state's URL round trip and the handling of malformed links (web/js/state/url.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';
import { parseRaceQuery, serializeRaceQuery } from '../../web/js/state/url.js';
import { defaultState, hyperDefault, MAX_RUNNERS } from '../../web/js/state/properties.js';
import { PRESETS } from '../../web/js/content/presets.js';
import { rng, randomRace } from './random-states.mjs';
import { splitSchedulerCall, schedulerCall } from '../../web/js/state/schedule.js';

const { core } = await loadNodeCore();

/** A random valid state: every landscape, every optimizer, random hyperparameters within their specs. */
function randomState(r) {
  const pick = (a) => a[Math.floor(r() * a.length)];
  const race = randomRace(core, r, { maxRunners: 5, setChance: 0.4 });
  return { ...race, start: { x: (r() - 0.5) * 10, y: -0 * r() + (r() - 0.5) * 1e-3 },
    // The custom function: default, or one of a few valid ones with a random domain.
    expr: r() < 0.5 ? defaultState(core).expr : pick(['x^2 + y^2', '(1 - x)^2 + 100*(y - x^2)^2', 'sin(x)*cos(y) / (1 + x^2)']),
    domain: r() < 0.5 ? defaultState(core).domain : { xmin: -1 - r(), xmax: r(), ymin: -2 * r() - 1e-3, ymax: 3 * r() } };
}

test('parse(serialize(s)) deep-equals s for the default, every preset and 500 generated states', () => {
  const r = rng(7);
  const states = [defaultState(core), ...PRESETS.map((p) => ({ ...defaultState(core), ...p.state })),
    ...Array.from({ length: 500 }, () => randomState(r))];
  for (const s of states) {
    const query = serializeRaceQuery(s);
    const { state, notices } = parseRaceQuery(query, core);
    assert.deepEqual(notices, [], query);
    assert.deepStrictEqual(state, s, query);
  }
});

test('-0 and extreme doubles survive the round trip', () => {
  const s = { ...defaultState(core), start: { x: -0, y: 5e-324 }, lr: 1e-4 };
  s.runners = [{ optimizer: 'adam', params: { eps: 1e-300, betas: [0.1 + 0.2, 0.999] } }];
  assert.deepStrictEqual(parseRaceQuery(serializeRaceQuery(s), core).state, s);
});

test('a readable link: ?landscape=ravine&opt=sgd(momentum:0.9)&start=-4,1', () => {
  const { state, notices } = parseRaceQuery('?landscape=ravine&opt=sgd(momentum:0.9)&opt=adam&start=-4,1&lr=0.01', core);
  assert.deepEqual(notices, []);
  assert.equal(state.landscape, 'ravine');
  assert.deepEqual(state.landscapeParams, { kappa: 50, angle: 0 });
  assert.deepEqual(state.runners, [{ optimizer: 'sgd', params: { momentum: 0.9 } }, { optimizer: 'adam', params: {} }]);
  assert.deepEqual(state.start, { x: -4, y: 1 });
  assert.equal(state.lr, 0.01);
});

test('malformed values are skipped with a clear notice while the rest of the state loads', () => {
  const { state, notices } = parseRaceQuery(
    '?landscape=nowhere&opt=adam(betas:1.5/0.9,eps:abc,nosuch:1)&opt=<script>&lr=NaN&speed=5000&seed=1.5&start=1,2,3&noise=0.5&zzz=1', core);
  const d = defaultState(core);
  assert.equal(state.landscape, d.landscape);
  assert.deepEqual(state.runners, [{ optimizer: 'adam', params: {} }]);
  assert.equal(state.lr, d.lr);
  assert.equal(state.speed, d.speed);
  assert.equal(state.seed, d.seed);
  assert.deepEqual(state.start, d.start);
  assert.equal(state.noise, 0.5, 'the valid value still applies');
  const text = notices.join('\n');
  for (const needle of ['landscape', 'betas', 'eps', 'nosuch', 'script', 'learning rate', 'speed', 'seed', 'start point', 'zzz']) {
    assert.match(text, new RegExp(needle), `no notice about ${needle}:\n${text}`);
  }
});

test('hostile input never throws and keeps within limits', () => {
  const r = rng(11);
  const pieces = ['opt=', 'adam', '(', ')', ':', ',', '/', 'lr', '=', '&', '%', '%ZZ', '1e999', '-', 'NaN', 'Infinity', '\u202e', '😀',
    '<img src=x onerror=alert(1)>', 'landscape', 'lp', 'start', 'x'.repeat(3000), 'sgd', '0x10', ' ', '+'];
  for (let i = 0; i < 1000; i++) {
    const q = Array.from({ length: 1 + Math.floor(r() * 12) }, () => pieces[Math.floor(r() * pieces.length)]).join('');
    const { state } = parseRaceQuery(q, core);
    assert.ok(state.runners.length >= 1 && state.runners.length <= MAX_RUNNERS);
    assert.ok(Number.isFinite(state.lr) && Number.isFinite(state.start.x));
  }
  const many = Array.from({ length: 40 }, () => 'opt=sgd').join('&');
  const { state, notices } = parseRaceQuery(many, core);
  assert.equal(state.runners.length, MAX_RUNNERS);
  assert.ok(notices.some((n) => /first 12/.test(n)));
});

test('every catalog default is a valid value for its own spec', () => {
  for (const o of core.optimizers) {
    const params = Object.fromEntries(o.params.map((s) => [s.name, hyperDefault(s)]));
    const q = serializeRaceQuery({ ...defaultState(core), runners: [{ optimizer: o.id, params }] });
    assert.deepEqual(parseRaceQuery(q, core).notices, [], o.id);
  }
});

/** One valid call of every scheduler of the core's catalog (SequentialLR: warm-up, then cosine decay). */
const SCHEDULE_EXAMPLES = {
  StepLR: 'StepLR(step_size=50,gamma=0.5)',
  MultiStepLR: 'MultiStepLR(milestones=30,80,150,gamma=0.5)',
  ExponentialLR: 'ExponentialLR(gamma=0.99)',
  CosineAnnealingLR: 'CosineAnnealingLR(T_max=200,eta_min=1e-05)',
  CosineAnnealingWarmRestarts: 'CosineAnnealingWarmRestarts(T_0=50,T_mult=2)',
  LinearLR: 'LinearLR(start_factor=0.1,total_iters=20)',
  OneCycleLR: 'OneCycleLR(max_lr=0.05,total_steps=300,anneal_strategy=linear,three_phase=true)',
  PolynomialLR: 'PolynomialLR(total_iters=100,power=2)',
  ReduceLROnPlateau: 'ReduceLROnPlateau(mode=min,factor=0.5,patience=5,threshold_mode=abs)',
  SequentialLR: 'SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=180),milestones=20)',
};

test('every scheduler, with and without clipping, survives the link round trip', () => {
  assert.deepEqual(Object.keys(SCHEDULE_EXAMPLES).sort(), core.schedulers.map((s) => s.id).sort(), 'an example per scheduler');
  for (const [id, schedule] of Object.entries(SCHEDULE_EXAMPLES)) {
    for (const clip of [{}, { clipGradNorm: 1 }, { clipGradValue: 0.25 }, { clipGradNorm: 5, clipGradValue: 1e-3 }]) {
      /** @type {import('../../web/js/state/properties.js').RaceState} */
      const s = { ...defaultState(core), runners: [{ optimizer: 'sgd', params: {} },
        { optimizer: 'adam', params: { betas: [0.8, 0.99] }, schedule, ...clip }] };
      const query = serializeRaceQuery(s);
      const { state, notices } = parseRaceQuery(query, core);
      assert.deepEqual(notices, [], query);
      assert.deepStrictEqual(state, s, query);
      // The link is readable: the call as torch writes it, after its optimizer.
      assert.ok(query.includes(`~${schedule.replaceAll('+', '%2B')}`), query);
    }
    // The controls read the call back into its keyword arguments and write the same text.
    const call = /** @type {{id: string, args: Record<string, string>}} */ (splitSchedulerCall(schedule));
    assert.equal(call.id, id);
    assert.equal(schedulerCall(call.id, call.args), schedule);
  }
});

test('a link\'s bad schedule or clipping is left out with torch\'s words; the runner and the rest still load', () => {
  const { state, notices } = parseRaceQuery('?landscape=beale&opt=adam~StepLR(gamma=0.5)~clip_grad_norm:2'
    + '&opt=sgd~OneCycleLR(max_lr=0.1,total_steps=100)&opt=rmsprop~Nope(x=1)~clip_grad_value:abc'
    + '&opt=adamw~CosineAnnealingLR(T_max=10)~ExponentialLR(gamma=0.9)&lr=0.01', core);
  assert.equal(state.landscape, 'beale');
  assert.equal(state.lr, 0.01);
  assert.deepEqual(state.runners, [
    { optimizer: 'adam', params: {}, clipGradNorm: 2 },
    { optimizer: 'sgd', params: {} },
    { optimizer: 'rmsprop', params: {} },
    { optimizer: 'adamw', params: {}, schedule: 'CosineAnnealingLR(T_max=10)' },
  ]);
  const text = notices.join('\n');
  assert.match(text, /Adam: the schedule "StepLR\(gamma=0.5\)" was left out \(StepLR.__init__\(\) missing 1 required positional argument: 'step_size'\)/);
  assert.match(text, /SGD: the schedule "OneCycleLR\(max_lr=0.1,total_steps=100\)" was left out \(OneCycleLR with cycle_momentum=true would switch on the momentum/);
  assert.match(text, /module .torch.optim.lr_scheduler. has no attribute .Nope./);
  assert.match(text, /clip_grad_value "clip_grad_value:abc" was left out \(it must be a finite number\)/);
  assert.match(text, /the runner has a schedule already/);
  assert.equal(notices.length, 5, text);
});
