// Runner names on screen (race/labels.js): two runners of one optimizer are always told apart,
// by their hyperparameters, their learning-rate schedule or their clipping.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadNodeCore } from './load-core.mjs';
import { runnerLabel } from '../../web/js/race/labels.js';
import { PRESETS } from '../../web/js/content/presets.js';

const { core } = await loadNodeCore();

test('the chapter\'s names: SGD with momentum is Momentum, with nesterov Nesterov; other settings are named', () => {
  assert.equal(runnerLabel(core, { optimizer: 'sgd', params: {} }), 'SGD');
  assert.equal(runnerLabel(core, { optimizer: 'sgd', params: { momentum: 0.9 } }), 'Momentum');
  assert.equal(runnerLabel(core, { optimizer: 'sgd', params: { momentum: 0.9, nesterov: true } }), 'Nesterov');
  assert.match(runnerLabel(core, { optimizer: 'adam', params: { eps: 1 } }), /^Adam \(eps=1\)$/);
});

test('a schedule and a clipping are named after the optimizer; SequentialLR names its children in order', () => {
  assert.equal(runnerLabel(core, { optimizer: 'sgd', params: {}, schedule: 'CosineAnnealingLR(T_max=400)' }), 'SGD + CosineAnnealingLR');
  assert.equal(runnerLabel(core, { optimizer: 'sgd', params: { momentum: 0.9 }, clipGradNorm: 10 }), 'Momentum + clip norm 10');
  assert.equal(runnerLabel(core, { optimizer: 'adam', params: {}, clipGradValue: 0.5 }), 'Adam + clip value 0.5');
  const warmup = 'SequentialLR(schedulers=LinearLR(start_factor=0.1,total_iters=20)+CosineAnnealingLR(T_max=180,eta_min=1e+3),milestones=20)';
  assert.equal(runnerLabel(core, { optimizer: 'adam', params: {}, schedule: warmup, clipGradNorm: 5 }),
    'Adam + LinearLR\u2192CosineAnnealingLR + clip norm 5');
});

test('no preset shows two runners under one name', () => {
  for (const preset of PRESETS) {
    const runners = preset.state.runners ?? [];
    const names = runners.map((r, i) => runnerLabel(core, r, runners, i));
    assert.equal(new Set(names).size, names.length, `${preset.id}: ${names.join(' | ')}`);
  }
});
