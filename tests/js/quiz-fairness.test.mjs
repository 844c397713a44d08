// Quick checks that cannot be gamed by their wording: no multiple-choice question with more
// right choices than wrong ones (ticking everything must not pay), no "always"/"never" in a
// choice (a tell that marks it wrong), and no hint that repeats a right choice's words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';

const dir = new URL('../../web/quizzes/', import.meta.url);
const QUESTIONS = readdirSync(dir).filter((f) => /^\d.*\.json$/.test(f)).flatMap((f) =>
  JSON.parse(readFileSync(new URL(f, dir), 'utf8')).questions.map((q) => ({ key: `${f}#${q.id}`, q })));

const words = (t) => t.toLowerCase().replace(/[^a-z0-9α-ωµ.\s-]/g, ' ').split(/\s+/).filter(Boolean);
/** Runs of n consecutive words. */
const runs = (t, n) => { const w = words(t); return w.slice(0, Math.max(0, w.length - n + 1)).map((_, i) => w.slice(i, i + n).join(' ')); };

test('multiple choice: at most half of the choices are right', () => {
  for (const { key, q } of QUESTIONS.filter((x) => x.q.type === 'multiple' && x.q.choices.some((c) => 'correct' in c))) {
    const right = q.choices.filter((c) => c.correct).length;
    assert.ok(right * 2 <= q.choices.length, `${key}: ${right} of ${q.choices.length} right`);
  }
});

test('no choice says "always" or "never"', () => {
  for (const { key, q } of QUESTIONS) {
    for (const c of q.choices ?? []) assert.ok(!/\b(always|never)\b/i.test(c.text), `${key}: "${c.text}"`);
  }
});

test('no hint repeats three words in a row of a right choice', () => {
  for (const { key, q } of QUESTIONS) {
    const hint = new Set(runs(q.hint, 3));
    for (const c of (q.choices ?? []).filter((x) => x.correct)) {
      const shared = runs(c.text, 3).filter((r) => hint.has(r));
      assert.deepEqual(shared, [], `${key}: the hint repeats "${shared[0]}" of the right choice`);
    }
  }
});
