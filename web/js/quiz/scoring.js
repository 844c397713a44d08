// @ts-check
// Scoring of every question type, without the DOM (unit-tested in node).

/**
 * @typedef {{ id: string, text: string, feedback: string, correct?: boolean }} Choice
 * @typedef {{ id: string, text: string, feedback: string, selected: boolean, shouldSelect: boolean }} ChoiceFeedback
 */

/**
 * Single or multiple choice. Right when the selection equals the set of right choices.
 * @param {{ type: string, choices: Choice[] }} question
 * @param {string[]} selected choice ids
 * @param {Set<string>} correctIds
 * @returns {{ correct: boolean, items: ChoiceFeedback[] }} items: what to say about each choice that matters
 */
export function scoreChoice(question, selected, correctIds) {
  const picked = new Set(selected);
  const correct = picked.size === correctIds.size && [...picked].every((id) => correctIds.has(id));
  const items = question.choices
    // single choice: only the picked one; multiple: every picked one, and every right one that was missed
    .filter((c) => picked.has(c.id) || (question.type === 'multiple' && correctIds.has(c.id)))
    .map((c) => ({ id: c.id, text: c.text, feedback: c.feedback, selected: picked.has(c.id), shouldSelect: correctIds.has(c.id) }));
  return { correct, items };
}

/**
 * Reads a number as a student types it: "0.35", "0,35", " .35 ", "3.5e-1".
 * @param {string} text @returns {number | null}
 */
export function parseNumber(text) {
  const t = String(text).trim().replace(/\s+/g, '').replace(/^(-?\d*),(\d+)$/, '$1.$2');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/**
 * Numeric answer with a tolerance (absolute, relative, or either when both are given).
 * @param {{ tolerance: { absolute?: number, relative?: number }, feedback: { correct: string, low: string, high: string } }} question
 * @param {string} text what the student typed
 * @param {number} answer the expected value (computed by the core or stated in the file)
 * @returns {{ status: 'invalid' | 'correct' | 'low' | 'high', value: number | null, feedback: string }}
 */
export function scoreNumeric(question, text, answer) {
  const value = parseNumber(text);
  if (value === null) return { status: 'invalid', value, feedback: 'Type a number, for example 0.5 or 2.5e-3.' };
  const err = Math.abs(value - answer);
  const { absolute, relative } = question.tolerance;
  const ok = (absolute !== undefined && err <= absolute) || (relative !== undefined && err <= relative * Math.abs(answer));
  if (ok) return { status: 'correct', value, feedback: question.feedback.correct };
  return value < answer ? { status: 'low', value, feedback: question.feedback.low }
    : { status: 'high', value, feedback: question.feedback.high };
}

/**
 * A prediction is right when it names the choice that the race's verdict names.
 * @param {string} prediction choice id @param {{ winner: string }} verdict
 */
export function scorePrediction(prediction, verdict) {
  return { correct: prediction === verdict.winner };
}

/** Fills {{name}} placeholders; an unknown name is left as it is. @param {string} text @param {Record<string, string | number>} values */
export function fill(text, values) {
  return text.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (m, name) => (name in values ? String(values[name]) : m));
}

/** Placeholders a text uses. @param {string} text */
export function placeholders(text) {
  return [...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]);
}
