// The parts around the lessons' sections: objectives and why it matters, the history, the
// summary table (its memory column counted by the core, as the chapter's table states it)
// and the bridge to learning-rate schedules; malformed parts are reported in words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadNodeCore } from './load-core.mjs';
import { checkLessons, frameProblems, memoryOrder } from '../../web/js/lessons/lessons-check.js';

const lessons = JSON.parse(readFileSync(new URL('../../web/lessons/lessons.json', import.meta.url), 'utf8'));
const { core } = await loadNodeCore();

test('the intro states the chapter\'s five objectives and why it matters; the history runs in time order', () => {
  assert.deepEqual(frameProblems(lessons), []);
  assert.equal(lessons.intro.objectives.length, 5);
  const years = lessons.history.map((r) => r.year);
  assert.deepEqual(years, [...years].sort((a, b) => a - b));
  // the chapter's own table: these six, with these years
  const chapter = { 'Gradient descent': 1847, Momentum: 1964, AdaGrad: 2011, RMSprop: 2012, Adam: 2014, AdamW: 2017 };
  for (const [name, year] of Object.entries(chapter)) assert.equal(lessons.history.find((r) => r.optimizer === name)?.year, year, name);
});

test('the summary\'s memory column, counted by the core, is the chapter\'s', () => {
  const chapter = { SGD: 'O(n)', 'SGD + momentum': 'O(2n)', RMSprop: 'O(2n)', Adam: 'O(3n)', AdamW: 'O(3n)', Lion: 'O(2n)' };
  const got = Object.fromEntries(lessons.summary.rows.map((r) => [r.label, memoryOrder(core, r.id, r.settings)]));
  for (const [label, order] of Object.entries(chapter)) assert.equal(got[label], order, label);
  assert.equal(got.NAdam, 'O(3n)');
  // every row's optimizer and settings are accepted by the core
  for (const r of lessons.summary.rows) assert.equal(core.checkSettings(r.id, r.settings), '', r.label);
});

test('the NAdam row and the momentum column agree with the core: optimizers marked without momentum keep no velocity', () => {
  for (const r of lessons.summary.rows.filter((x) => x.momentum === 'No')) {
    const { buffers } = core.probeOptimizer(r.id, r.settings, [0], [1, 1]);
    const persistent = buffers.filter((b) => b.persistent).map((b) => b.name);
    assert.ok(!persistent.some((n) => /momentum|exp_avg$|^m$/.test(n)), `${r.label}: ${persistent}`);
  }
});

test('the bridge to learning-rate schedules is there', () => {
  assert.match(lessons.next, /learning-rate schedules/);
  assert.match(lessons.next, /torch\.optim\.lr_scheduler/);
});

test('malformed parts around the sections are reported, the sections still check', () => {
  const bad = structuredClone(lessons);
  bad.intro = { objectives: 'learn' };
  bad.history[0].year = 'long ago';
  bad.summary.rows[0].bestFor = '';
  bad.colour = 'red';
  const r = checkLessons(bad);
  assert.equal(r.ok, false);
  const text = r.messages.join('; ');
  assert.match(text, /intro must be/);
  assert.match(text, /history must be rows/);
  assert.match(text, /summary must be/);
  assert.match(text, /unknown field "colour"/);
  assert.ok(r.sections.every((s) => s.ok));
});
