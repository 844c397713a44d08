// @ts-check
// Checks a quiz file: first the JSON Schema (web/quizzes/quiz.schema.json, through a
// validate function that ajv generated ahead of time, so no code is compiled in the
// browser), then the rules a schema cannot say (unique ids, one right answer for a
// single choice, predictions that name the race's runners). The result is a list of
// messages a quiz author can act on.

/**
 * @typedef {{ instancePath: string, keyword: string, message?: string, params?: Record<string, unknown> }} SchemaError
 * @typedef {((data: unknown) => boolean) & { errors?: SchemaError[] | null }} ValidateFunction
 * @typedef {{ ok: true, quiz: any } | { ok: false, messages: string[] }} CheckResult
 */

/** ajv's errors as short lines: "/questions/2/choices/0: must have required property 'feedback'". @param {SchemaError[]} errors */
export function describeSchemaErrors(errors) {
  const lines = [];
  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'allOf') continue; // the wrapper errors repeat the real one
    let line = `${e.instancePath || '(the file)'}: ${e.message ?? e.keyword}`;
    if (e.keyword === 'additionalProperties' && e.params?.additionalProperty) line += ` ('${e.params.additionalProperty}')`;
    if (e.keyword === 'enum' && Array.isArray(e.params?.allowedValues)) line += ` (${e.params.allowedValues.join(', ')})`;
    if (!lines.includes(line)) lines.push(line);
  }
  return lines.length ? lines : ['the file does not match the quiz schema'];
}

/** The rules beyond the schema. @param {any} quiz @returns {string[]} */
export function semanticErrors(quiz) {
  const out = [];
  const seen = new Set();
  quiz.questions.forEach((q, i) => {
    const at = `/questions/${i} (${q.id})`;
    if (seen.has(q.id)) out.push(`${at}: the question id '${q.id}' is used twice`);
    seen.add(q.id);
    const choices = q.choices ?? [];
    const ids = new Set();
    for (const c of choices) {
      if (ids.has(c.id)) out.push(`${at}: the choice id '${c.id}' is used twice`);
      ids.add(c.id);
    }
    const marked = choices.filter((c) => c.correct === true).length;
    if (q.type === 'single' && !q.correctFrom && marked !== 1) {
      out.push(`${at}: a single-choice question needs exactly one choice with "correct": true (found ${marked})`);
    }
    if (q.type === 'multiple' && !q.correctFrom && marked < 1) {
      out.push(`${at}: a multiple-choice question needs at least one choice with "correct": true`);
    }
    if (q.correctFrom && choices.some((c) => 'correct' in c)) {
      out.push(`${at}: with "correctFrom" the core decides which choices are right; remove "correct" from the choices`);
    }
    if (q.correctFrom?.compute === 'less-state-than' && choices.some((c) => !c.optimizer)) {
      out.push(`${at}: "less-state-than" needs an "optimizer" on every choice`);
    }
    if (q.type === 'predict') {
      if (choices.some((c) => 'correct' in c)) out.push(`${at}: a prediction's right answer comes from the race; remove "correct"`);
      const runnerChoices = new Set(q.race.runners.map((r) => r.choice));
      for (const r of q.race.runners) {
        if (!r.choice) out.push(`${at}: every runner of a predict-then-run race needs a "choice" (runner '${r.label}')`);
        else if (!ids.has(r.choice)) out.push(`${at}: runner '${r.label}' names the choice '${r.choice}', which does not exist`);
      }
      for (const c of choices) {
        if (c.id !== 'none' && !runnerChoices.has(c.id)) {
          out.push(`${at}: the choice '${c.id}' is no runner of the race (only 'none' may stand for no runner)`);
        }
      }
      if (!q.race.learningRate) out.push(`${at}: a predict-then-run race states its learning rate ("race.learningRate")`);
    }
  });
  return out;
}

/**
 * Checks parsed JSON against the schema and the rules above.
 * @param {unknown} data @param {ValidateFunction} validate
 * @returns {CheckResult}
 */
export function checkQuiz(data, validate) {
  if (!validate(data)) return { ok: false, messages: describeSchemaErrors(validate.errors ?? []) };
  const messages = semanticErrors(data);
  return messages.length ? { ok: false, messages } : { ok: true, quiz: data };
}

/**
 * Parses a quiz file's text and checks it; a JSON syntax error is reported like any other.
 * @param {string} text @param {ValidateFunction} validate @returns {CheckResult}
 */
export function parseQuiz(text, validate) {
  let data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, messages: [`not valid JSON: ${/** @type {Error} */ (e).message}`] };
  }
  return checkQuiz(data, validate);
}
