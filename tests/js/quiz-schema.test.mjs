// Every quiz file passes the schema (ajv, as compiled for the browser) and the rules beyond it;
// malformed quizzes are rejected with messages that name the problem.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileQuizSchema, buildQuizValidator } from '../../scripts/build-quiz-validator.mjs';
import { checkQuiz, parseQuiz } from '../../web/js/quiz/quiz-check.js';
import { placeholders } from '../../web/js/quiz/scoring.js';

const dir = fileURLToPath(new URL('../../web/quizzes/', import.meta.url));
const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8'));
const { validate } = compileQuizSchema();
const load = (f) => JSON.parse(readFileSync(join(dir, f), 'utf8'));

test('every quiz file is valid, in the chapter order, with at least 12 questions in all', () => {
  let count = 0;
  const types = new Set();
  const sections = [];
  for (const file of index.quizzes) {
    const r = checkQuiz(load(file), validate);
    assert.ok(r.ok, `${file}: ${r.ok ? '' : r.messages.join('; ')}`);
    count += r.quiz.questions.length;
    sections.push(r.quiz.section);
    for (const q of r.quiz.questions) {
      types.add(q.type);
      assert.ok(q.hint && q.explanation, `${file}/${q.id}: hint and explanation`);
      for (const c of q.choices ?? []) assert.ok(c.feedback.trim(), `${file}/${q.id}/${c.id}: feedback`);
    }
  }
  assert.ok(count >= 12, `only ${count} questions`);
  assert.deepEqual([...types].sort(), ['multiple', 'numeric', 'predict', 'single']);
  assert.deepEqual(sections, [...sections].sort((a, b) => a - b));
});

test('the standalone validator the browser loads agrees and contains no eval', async () => {
  const out = buildQuizValidator(join(fileURLToPath(new URL('../..', import.meta.url)), process.env.OPTLAB_BUILD ?? 'build'));
  const code = readFileSync(out, 'utf8');
  assert.doesNotMatch(code, /new Function|\beval\(|require\(/);
  const standalone = (await import(pathToFileURL(out).href)).default;
  for (const file of index.quizzes) assert.ok(checkQuiz(load(file), standalone).ok, file);
  const bad = checkQuiz({ id: 'x', section: 1, title: 'X', questions: [{ id: 'q', type: 'single' }] }, standalone);
  assert.equal(bad.ok, false);
});

const base = () => load('2-sgd-ravines.json');
/** @type {[string, () => any, RegExp][]} name, the malformed quiz, the message it must get */
const cases = [
  ['not JSON', () => '{"id": "oops",', /not valid JSON/],
  ['missing feedback', () => { const q = base(); delete q.questions[0].choices[1].feedback; return q; },
    /\/questions\/0\/choices\/1: must have required property 'feedback'/],
  ['unknown question type', () => { const q = base(); q.questions[0].type = 'essay'; return q; }, /\/questions\/0\/type: must be equal to one of the allowed values/],
  ['misspelt property', () => { const q = base(); q.questions[1].hnit = 'x'; return q; }, /must NOT have additional properties \('hnit'\)/],
  ['empty prompt', () => { const q = base(); q.questions[1].prompt = '   '; return q; }, /\/questions\/1\/prompt: must match pattern/],
  ['two right answers in a single choice', () => { const q = base(); q.questions[1].choices[1].correct = true; return q; },
    /exactly one choice with "correct": true \(found 2\)/],
  ['duplicate question id', () => { const q = base(); q.questions[1].id = q.questions[0].id; return q; }, /is used twice/],
  ['numeric without tolerance', () => { const q = load('3-momentum.json'); delete q.questions[0].tolerance; return q; },
    /must have required property 'tolerance'/],
  ['prediction naming no runner', () => { const q = load('5-adam.json'); q.questions[2].choices[0].id = 'lion'; return q; },
    /runner 'SGD' names the choice 'sgd', which does not exist/],
];
for (const [name, make, message] of cases) {
  test(`a malformed quiz is rejected with a clear message: ${name}`, () => {
    const data = make();
    const r = parseQuiz(typeof data === 'string' ? data : JSON.stringify(data), validate);
    assert.equal(r.ok, false);
    assert.match(r.ok ? '' : r.messages.join('\n'), message);
  });
}

test('placeholders only name values the app computes', () => {
  const known = /^(answer|withoutSteps|withSteps|lastWithout|stepsProbed|reference|state\.[\w-]+|memory\.[\w-]+)$/;
  for (const file of index.quizzes) {
    const text = readFileSync(join(dir, file), 'utf8');
    for (const name of placeholders(text)) assert.match(name, known, `${file}: {{${name}}}`);
  }
});
