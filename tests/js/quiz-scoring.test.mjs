// Scoring of every question type, progress, and the values the core computes for the quizzes.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { scoreChoice, scoreNumeric, parseNumber, scorePrediction, fill } from '../../web/js/quiz/scoring.js';
import { createProgress, describeRecord, PROGRESS_KEY } from '../../web/js/quiz/progress.js';
import { resolveQuestion, momentumWeights, adamBiasCorrection, evaluateConstant } from '../../web/js/quiz/computations.js';
import { loadNodeCore } from './load-core.mjs';

const quiz = (f) => JSON.parse(readFileSync(new URL(`../../web/quizzes/${f}`, import.meta.url), 'utf8'));
let core;
before(async () => { ({ core } = await loadNodeCore()); });

test('single choice: the right choice scores, a wrong one gets its own feedback', () => {
  const q = quiz('2-sgd-ravines.json').questions[0];
  const right = new Set(['ravine']);
  assert.equal(scoreChoice(q, ['ravine'], right).correct, true);
  const wrong = scoreChoice(q, ['noise'], right);
  assert.equal(wrong.correct, false);
  assert.deepEqual(wrong.items.map((i) => i.id), ['noise']);
  assert.match(wrong.items[0].feedback, /jitter/);
});

test('multiple choice: exact set only; feedback for picked and missed choices', () => {
  const q = quiz('1-big-picture.json').questions[0];
  const right = new Set(['zigzag', 'one-rate', 'flat']);
  assert.equal(scoreChoice(q, ['flat', 'zigzag', 'one-rate'], right).correct, true);
  const partial = scoreChoice(q, ['zigzag', 'batches'], right);
  assert.equal(partial.correct, false);
  assert.deepEqual(partial.items.map((i) => [i.id, i.selected, i.shouldSelect]),
    [['zigzag', true, true], ['one-rate', false, true], ['flat', false, true], ['batches', true, false]]);
});

test('numeric: parsing, tolerance, too low / too high, invalid input', () => {
  assert.equal(parseNumber(' 0,35 '), 0.35);
  assert.equal(parseNumber('3.5e-1'), 0.35);
  assert.equal(parseNumber('.5'), 0.5);
  assert.equal(parseNumber('abc'), null);
  assert.equal(parseNumber(''), null);
  const q = { tolerance: { absolute: 0.005 }, feedback: { correct: 'c', low: 'l', high: 'h' } };
  assert.equal(scoreNumeric(q, '0.349', 0.3487).status, 'correct');
  assert.equal(scoreNumeric(q, '0.35', 0.3487).status, 'correct');
  assert.equal(scoreNumeric(q, '0.1', 0.3487).status, 'low');
  assert.equal(scoreNumeric(q, '0.9', 0.3487).status, 'high');
  assert.equal(scoreNumeric(q, 'zero point three', 0.3487).status, 'invalid');
  const rel = { tolerance: { relative: 0.03 }, feedback: q.feedback };
  assert.equal(scoreNumeric(rel, '3.2', 3.1623).status, 'correct');
  assert.equal(scoreNumeric(rel, '3.3', 3.1623).status, 'high');
});

test('predict-then-run: right only when the prediction names the race winner', () => {
  assert.equal(scorePrediction('momentum', { winner: 'momentum' }).correct, true);
  assert.equal(scorePrediction('adam', { winner: 'momentum' }).correct, false);
  assert.equal(scorePrediction('none', { winner: 'none' }).correct, true);
});

test('progress: only the first answer scores; later tries say when it became right; kept in storage; reset clears it', () => {
  const store = new Map();
  const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k) };
  const p = createProgress(storage);
  p.record('a', 'q1', false);
  p.record('a', 'q1', true);
  p.record('a', 'q1', false);
  assert.deepEqual(p.get('a', 'q1'), { firstCorrect: false, correct: true, attempts: 3, rightAt: 2, revealed: false });
  assert.deepEqual(describeRecord(p.get('a', 'q1')), { text: 'right after 2 tries', state: 'right-later' });
  p.record('a', 'q2', true);
  p.record('a', 'q2', false);
  assert.deepEqual(describeRecord(p.get('a', 'q2')), { text: 'right on first try', state: 'right' });
  const again = createProgress(storage);
  const qs = [{ quizId: 'a', questionId: 'q1' }, { quizId: 'a', questionId: 'q2' }, { quizId: 'a', questionId: 'q3' }];
  assert.deepEqual(again.score(qs), { right: 1, answered: 2, total: 3, later: 1 });
  again.reset();
  assert.deepEqual(createProgress(storage).score(qs), { right: 0, answered: 0, total: 3, later: 0 });
  store.set(PROGRESS_KEY, '{broken');
  assert.deepEqual(createProgress(storage).score(qs), { right: 0, answered: 0, total: 3, later: 0 });
});

test('progress: a revealed answer is final and never right, however often it is tried afterwards', () => {
  const p = createProgress(null);
  p.record('a', 'q1', false);
  p.reveal('a', 'q1');
  p.record('a', 'q1', true);
  const rec = p.get('a', 'q1');
  assert.ok(rec, 'a record after answering');
  assert.equal(rec.correct, false);
  assert.equal(rec.firstCorrect, false);
  assert.equal(describeRecord(rec).state, 'revealed');
  assert.match(describeRecord(rec).text, /^answer shown after 2 tries$/);
  assert.deepEqual(p.score([{ quizId: 'a', questionId: 'q1' }]), { right: 0, answered: 1, total: 1, later: 0 });
});

test('progress: records of the old format (right at any try) are not credited as first-try answers', () => {
  const store = new Map([['optlab.quiz.progress.v1', JSON.stringify({ a: { q1: { correct: true, attempts: 5 } } })]]);
  const storage = { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => store.set(k, v), removeItem: (k) => store.delete(k) };
  assert.deepEqual(createProgress(storage).score([{ quizId: 'a', questionId: 'q1' }]).right, 0);
  assert.deepEqual(createProgress(storage, 'optlab.quiz.progress.v1').score([{ quizId: 'a', questionId: 'q1' }]).right, 0);
});

test('numeric answers: formulas such as 0.9^10 and sqrt(10) are worked out by the core, bad ones get a clear message', () => {
  const q = { tolerance: { absolute: 0.005 }, feedback: { correct: 'c', low: 'l', high: 'h' } };
  const evaluate = (t) => evaluateConstant(core, t);
  const r = scoreNumeric(q, '0.9^10', 0.9 ** 10, evaluate);
  assert.equal(r.status, 'correct');
  assert.equal(r.expression, true);
  assert.ok(r.value !== null && Math.abs(r.value - 0.9 ** 10) < 1e-15, String(r.value));
  assert.equal(scoreNumeric({ ...q, tolerance: { relative: 0.03 } }, 'sqrt(10)', Math.sqrt(10), evaluate).status, 'correct');
  assert.equal(scoreNumeric({ ...q, tolerance: { relative: 0.03 } }, '0.1 / sqrt(0.001)', Math.sqrt(10), evaluate).status, 'correct');
  assert.equal(scoreNumeric(q, '1/(1-0.9)', 0.9 ** 10, evaluate).status, 'high');
  assert.equal(scoreNumeric(q, '0.35', 0.9 ** 10, evaluate).expression, false);
  for (const bad of ['0.9^', 'x^2', 'sqrt(', 'hello', 'log(0)', '1/0']) {
    const b = scoreNumeric(q, bad, 1, evaluate);
    assert.equal(b.status, 'invalid', bad);
    assert.match(b.feedback, /not a number or a formula/, bad);
  }
  assert.equal(scoreNumeric(q, '   ', 1, evaluate).status, 'invalid');
});

test('the momentum weight is measured from the core: 0.9^10 from the momentum buffer', () => {
  const { value, weights } = momentumWeights(core, { momentum: 0.9, lag: 10, series: 20 });
  assert.ok(Math.abs(value - 0.9 ** 10) < 1e-12, String(value));
  assert.equal(weights.length, 21);
  assert.ok(Math.abs(momentumWeights(core, { momentum: 0.99, lag: 10 }).value - 0.99 ** 10) < 1e-12);
  const q = quiz('3-momentum.json').questions[0];
  const r = resolveQuestion(core, q);
  assert.equal(scoreNumeric(q, '0.349', /** @type {number} */ (r.answer)).status, 'correct');
  assert.equal(r.figure.weights[10], r.answer);
});

test("Adam without bias correction: the core's first step is about 3.16 times larger", () => {
  const r = adamBiasCorrection(core, { lr: 1e-3, betas: [0.9, 0.999], steps: 10 });
  assert.ok(Math.abs(r.value - 0.1 / Math.sqrt(0.001)) < 1e-6, String(r.value));
  assert.ok(r.without[9] > r.without[0], 'steps keep growing early on');
  assert.ok(Math.abs(r.withBc[0] - 1) < 1e-6);
});

test('memory question: the right choices are those the core counts below Adam', () => {
  const q = quiz('7-choosing.json').questions.find((x) => x.id === 'memory-limit');
  const r = resolveQuestion(core, q);
  assert.deepEqual([...r.correctIds].sort(), ['lion', 'sgd-momentum']);
  assert.equal(r.values.reference, 2);
  assert.deepEqual(r.figure.rows.map((x) => [x.label, x.values]),
    [['SGD', 0], ['SGD + momentum', 1], ['RMSprop', 1], ['Adam', 2], ['AdamW', 2], ['Lion', 1]]);
  assert.match(fill(q.choices[0].feedback, r.values), /1 value per weight/);
});
