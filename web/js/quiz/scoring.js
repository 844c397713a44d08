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
 * A plain number is read here; anything else (0.9^10, sqrt(10), 1/(1-0.9)) goes to
 * `evaluate`, which asks the core's expression parser (computations.js evaluateConstant).
 * @param {{ tolerance: { absolute?: number, relative?: number }, feedback: { correct: string, low: string, high: string } }} question
 * @param {string} text what the student typed
 * @param {number} answer the expected value (computed by the core or stated in the file)
 * @param {(text: string) => { value: number | null, error: string }} [evaluate]
 * @returns {{ status: 'invalid' | 'correct' | 'low' | 'high', value: number | null, feedback: string, expression: boolean }}
 */
export function scoreNumeric(question, text, answer, evaluate) {
  let value = parseNumber(text);
  let expression = false;
  if (value === null && evaluate && String(text).trim() !== '') {
    const r = evaluate(String(text));
    if (r.value === null) {
      return { status: 'invalid', value: null, expression: true,
        feedback: `That is not a number or a formula the app can work out (${r.error}). Type for example 0.35, 0.9^10 or sqrt(10).` };
    }
    value = r.value;
    expression = true;
  }
  if (value === null) return { status: 'invalid', value, expression, feedback: 'Type a number or a formula, for example 0.5, 2.5e-3, 0.9^10 or sqrt(10).' };
  const err = Math.abs(value - answer);
  const { absolute, relative } = question.tolerance;
  const ok = (absolute !== undefined && err <= absolute) || (relative !== undefined && err <= relative * Math.abs(answer));
  if (ok) return { status: 'correct', value, expression, feedback: question.feedback.correct };
  return value < answer ? { status: 'low', value, expression, feedback: question.feedback.low }
    : { status: 'high', value, expression, feedback: question.feedback.high };
}

/**
 * A prediction is right when it names the choice the race's verdict names. When several
 * runners arrive at the same step, naming any one of them is right: each did reach the
 * minimum first.
 * @param {string} prediction choice id @param {{ winner: string, winners?: string[] }} verdict
 */
export function scorePrediction(prediction, verdict) {
  if (verdict.winners && verdict.winners.length > 1) return { correct: verdict.winners.includes(prediction) };
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
