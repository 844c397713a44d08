// The update rules' sentences (web/js/content/update-rules.js) agree with the core, with the
// lessons, and with one notation: in torch's forms γ is the learning rate, so η (the
// chapter's learning rate) never stands for anything else there.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { UPDATE_RULES } from '../../web/js/content/update-rules.js';
import { PRESETS } from '../../web/js/content/presets.js';
import { loadNodeCore } from './load-core.mjs';

const { core } = await loadNodeCore();
const lessons = JSON.parse(readFileSync(new URL('../../web/lessons/lessons.json', import.meta.url), 'utf8'));
const section = (id) => lessons.sections.find((s) => s.id === id);
/** The sentence on how torch and the textbook differ for optimizer `id`; failing if it has none. @param {string} id */
const difference = (id) => UPDATE_RULES[id].difference ?? assert.fail(`${id}: no difference sentence`);
/** @param {string} id */
const preset = (id) => PRESETS.find((p) => p.id === id) ?? assert.fail(`no preset ${id}`);

test('torch forms write the learning rate as γ and use η for nothing', () => {
  for (const [id, rule] of Object.entries(UPDATE_RULES)) {
    assert.ok(!rule.torch.includes('\\eta'), `${id}: η in torch's form`);
    assert.ok(rule.torch.includes('\\gamma'), `${id}: no γ in torch's form`);
  }
});

test('every switch a difference sentence names is a parameter of that optimizer in the core', () => {
  for (const [id, rule] of Object.entries(UPDATE_RULES)) {
    const names = new Set(core.optimizer(id).params.map((p) => p.name));
    for (const m of (rule.difference ?? '').matchAll(/"([a-z_0-9]+)"/g)) assert.ok(names.has(m[1]), `${id}: ${m[1]}`);
  }
});

test('Adam: the rule sentence and the lesson place ε as the chapter does (outside in its Adam section, inside in its summary table)', () => {
  const rule = difference('adam');
  assert.ok(!/agree/.test(rule), 'no blanket "textbook and torch agree"');
  assert.match(rule, /Adam section.*outside the square root/);
  assert.match(rule, /summary table writes √\(v̂ \+ ε\)/);
  const lesson = section('adam').torch.join(' ');
  assert.match(lesson, /chapter's Adam section/);
  assert.match(lesson, /summary table writes it inside/);
  // and the core runs the outside form: with v̂ = 1e-8 ... a step of lr·m̂/(√v̂ + ε)
  const p = core.probeOptimizer('adam', { lr: 1, eps: 1 }, [0], [1]).params;
  assert.ok(Math.abs(p[0] + 1 / (1 + 1)) < 1e-12, `ε outside: ${p[0]}`);
});

test('Lion: "exactly γ" only where it holds (weight decay off, c ≠ 0), as the core shows', () => {
  const rule = difference('lion');
  assert.ok(!/every coordinate moves by exactly γ/.test(rule));
  assert.match(rule, /weight decay adds γλθ/);
  assert.match(rule, /c is exactly 0 does not move/);
  const step = (settings, start, g) => core.probeOptimizer('lion', settings, [start], [g]).params[0] - start;
  assert.ok(Math.abs(step({ lr: 0.01 }, 2, 1e-9) + 0.01) < 1e-15, 'sign step of exactly γ, against c');
  assert.ok(Math.abs(step({ lr: 0.01, weight_decay: 0.5 }, 2, 1) + 0.01 * (1 + 0.5 * 2)) < 1e-15, 'γ(1 + λθ) with decay');
  assert.equal(step({ lr: 0.01 }, 2, 0), 0, 'c = 0: no move');
  // the lesson's formula and the preset say "against" the sign, never "in the direction of"
  for (const t of [section('adamw-nadam-lion').paragraphs.join(' '), preset('lion').text]) {
    assert.ok(!/in the direction of its momentum/.test(t), t);
  }
});

test('Nesterov: the sentences say torch stores the look-ahead point, and the preset and lesson run both forms', () => {
  assert.match(difference('sgd'), /point torch stores is the textbook's look-ahead point/);
  assert.ok(!/gradient one step ahead/.test(preset('nesterov').text));
  const forms = (runners) => runners.filter((r) => r.params.nesterov || r.params.nesterov_lookahead).map((r) => (r.params.nesterov ? 'torch' : 'chapter'));
  assert.deepEqual(forms(preset('nesterov').state.runners), ['torch', 'chapter']);
  assert.deepEqual(forms(section('momentum').tryIt.patch.runners), ['torch', 'chapter']);
  assert.ok(!/equivalent rewriting/.test(section('momentum').torch.join(' ')));
});
