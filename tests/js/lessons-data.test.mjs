// The lessons (web/lessons/lessons.json): the file follows the format, the sections follow the
// chapter's order, every "try it" race is accepted by the page's URL/state rules and builds a
// race in the core, every quick check it names exists, and malformed entries are reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { loadNodeCore } from './load-core.mjs';
import { checkLessons, checkPatch, sectionProblems, raceFromPatch } from '../../web/js/lessons/lessons-check.js';
import { parseRaceQuery } from '../../web/js/state/url.js';
import { runnerSettings } from '../../web/js/state/properties.js';

const web = new URL('../../web/', import.meta.url);
const lessons = JSON.parse(readFileSync(new URL('lessons/lessons.json', web), 'utf8'));
const { core } = await loadNodeCore();

test('lessons.json follows the format, every section passes', () => {
  const r = checkLessons(lessons);
  assert.deepEqual(r.messages, []);
  for (const s of r.sections) assert.deepEqual(s.messages, [], s.id);
  assert.equal(r.ok, true);
});

test("the sections follow the chapter's order, one quiz each, in the quizzes' order", () => {
  assert.deepEqual(lessons.sections.map((s) => s.title), ['The big picture', 'SGD and ravines', 'Momentum and Nesterov',
    'AdaGrad and RMSprop', 'Adam and bias correction', 'AdamW, NAdam and Lion', 'Choosing an optimizer', 'Common mistakes',
    'Learning-rate schedules and clipping']);
  const index = JSON.parse(readFileSync(new URL('quizzes/index.json', web), 'utf8')).quizzes;
  assert.deepEqual(lessons.sections.map((s) => s.quiz), index);
  for (const s of lessons.sections) {
    assert.ok(existsSync(new URL(`quizzes/${s.quiz}`, web)), `${s.id}: ${s.quiz} exists`);
    const quiz = JSON.parse(readFileSync(new URL(`quizzes/${s.quiz}`, web), 'utf8'));
    assert.equal(quiz.title.replace(/, NAdam and Lion$/, ''), s.title.replace(/, NAdam and Lion$/, ''), `${s.id}: quiz title`);
  }
});

test('every try-it race survives the page URL round trip without a notice', () => {
  for (const s of lessons.sections) {
    const r = checkPatch(s.tryIt.patch, core);
    assert.deepEqual(r.messages, [], s.id);
    const parsed = parseRaceQuery(r.query, core);
    assert.deepEqual(parsed.notices, []);
    assert.deepEqual(parsed.state, raceFromPatch(s.tryIt.patch, core), s.id);
  }
});

test('every try-it race builds in the core and runs 200 steps', () => {
  for (const s of lessons.sections) {
    const state = raceFromPatch(s.tryIt.patch, core);
    const race = core.createRace(state.landscape, state.landscapeParams, state.start);
    try {
      for (const r of state.runners) {
        const settings = runnerSettings(r, state.lr);
        assert.equal(core.checkSettings(r.optimizer, settings), '', `${s.id}: ${r.optimizer}`);
        race.addRunner(r.optimizer, settings, r.optimizer);
      }
      race.advance(200);
      assert.equal(race.runnerCount, state.runners.length);
      assert.ok(race.steps > 0, s.id);
    } finally {
      race.dispose();
    }
  }
});

test('malformed sections and races are reported in words; the others still pass', () => {
  const bad = structuredClone(lessons);
  bad.sections[1].paragraphs = [];
  bad.sections[2].equations = 'v = mu v + g';
  bad.sections[3].tryIt.patch.colour = 'red';
  bad.sections[4].paragraphs.push('an unclosed $\\beta formula');
  delete bad.sections[5].quiz;
  bad.sections[6].id = bad.sections[0].id;
  const r = checkLessons(bad);
  assert.equal(r.ok, false);
  assert.deepEqual(r.sections.map((s) => s.ok), [true, false, false, false, false, false, false, true, true]);
  const text = r.sections.map((s) => s.messages.join('; '));
  assert.match(text[1], /paragraphs must be a non-empty array/);
  assert.match(text[2], /equations must be a non-empty array/);
  assert.match(text[3], /unknown property "colour"/);
  assert.match(text[4], /unclosed \$/);
  assert.match(text[5], /quiz must be a quiz file name/);
  assert.match(text[6], /used twice/);
  assert.deepEqual(checkLessons({}).messages, ['the file must be an object with a "sections" array']);
  assert.deepEqual(checkLessons({ sections: [] }).messages, ['the file has no sections']);
  assert.deepEqual(sectionProblems(null), ['a section must be an object']);

  // races the page would refuse: unknown optimizer, out-of-range learning rate, bad hyperparameter
  assert.match(checkPatch({ runners: [{ optimizer: 'adamz', params: {} }] }, core).messages.join(' '), /adamz/);
  assert.match(checkPatch({ lr: 5 }, core).messages.join(' '), /learning rate/);
  assert.match(checkPatch({ runners: [{ optimizer: 'sgd', params: { momentum: -1 } }] }, core).messages.join(' '), /momentum/);
  assert.equal(checkPatch({ landscape: 'ravine' }, core).ok, true);
  // a schedule the core refuses (torch's words)
  assert.match(checkPatch({ runners: [{ optimizer: 'adam', params: {}, schedule: 'StepLR(gamma=0.5)' }] }, core).messages.join(' '),
    /missing 1 required positional argument: 'step_size'/);
});
