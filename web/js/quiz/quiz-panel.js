// @ts-check
// The quick checks of the chapter, mounted into any element:
//   import { mountQuizzes } from './js/quiz/quiz-panel.js';
//   await mountQuizzes(document.getElementById('quizzes'), { core });
// or one quiz file into an element: await mountQuiz(el, { core, file: '3-momentum.json' }).
// Quizzes are data (web/quizzes/*.json, listed in index.json) checked at load against
// quiz.schema.json by a validator ajv generated at build time (no eval under the CSP).
// A quiz that fails the check shows its messages in its place; the others work.
//
// Only a question's first answer scores. A wrong answer gets feedback on what was picked,
// then "Try again" or "Show the answer"; the explanation (and which choices were right)
// appears only with the final answer: a right one, or the revealed one.
//
// Every answer dispatches a bubbling `quiz-answer` CustomEvent on the container, with
// detail { quizId, questionId, type, correct, firstTry, final, response, attempts,
// score: {right, answered, total, later} } (score.right counts first-try answers; response:
// choice ids, the typed number, or { prediction, winner, lr } for predict-then-run).
import validateQuiz from './validate-quiz.js';
import { parseQuiz } from './quiz-check.js';
import { scoreChoice, scoreNumeric, scorePrediction, fill } from './scoring.js';
import { createProgress, describeRecord } from './progress.js';
import { resolveQuestion, fmt, evaluateConstant } from './computations.js';
import { raceVerdict } from './race-spec.js';
import { QuizRaceView } from './quiz-race-view.js';
import { el as h } from '../ui/dom.js';

export const ANSWER_EVENT = 'quiz-answer';
const TYPE_NAMES = { single: 'Choose one', multiple: 'Choose all that apply', numeric: 'Type a number', predict: 'Predict, then run' };
let uid = 0;

/**
 * @typedef {import('./quiz-types.js').Quiz} Quiz
 * @typedef {import('./quiz-types.js').QuizQuestion} QuizQuestion
 * @typedef {import('./quiz-types.js').PredictQuestion} PredictQuestion
 * @typedef {import('./quiz-types.js').QuizChoice} QuizChoice
 */

function loadStylesheet() {
  const href = new URL('../../css/quiz.css', import.meta.url).href;
  if ([...document.querySelectorAll('link[rel="stylesheet"]')].some((l) => /** @type {HTMLLinkElement} */ (l).href === href)) return;
  document.head.append(h('link', { rel: 'stylesheet', href }));
}

/**
 * Mounts every quiz listed in web/quizzes/index.json into `container`.
 * @param {HTMLElement} container
 * @param {{ core: import('../core/wrap-core.js').Core, baseUrl?: string | URL, storage?: Storage | null }} options
 */
export async function mountQuizzes(container, { core, baseUrl = new URL('../../quizzes/', import.meta.url), storage }) {
  loadStylesheet();
  let store = null;
  try { store = storage === undefined ? window.localStorage : storage; } catch { store = null; }
  const progress = createProgress(store);
  /** @type {{ quizId: string, questionId: string }[]} */
  const all = [];
  /** @type {(() => void)[]} */
  const resets = [];

  const score = h('p', { class: 'quiz-score', 'aria-live': 'polite' });
  const resetButton = h('button', { type: 'button', class: 'quiz-reset' }, 'Reset progress');
  container.classList.add('quiz-panel');
  const list = h('div', { class: 'quiz-list' });
  container.replaceChildren(h('div', { class: 'quiz-panel-head' }, h('h2', null, 'Quick checks'), score, resetButton), list);
  const updateScore = () => {
    const s = progress.score(all);
    score.textContent = `Score: ${s.right} of ${s.total} right on the first try · ${s.answered} answered${s.later ? ` · ${s.later} right after more tries` : ''}`;
    score.dataset.right = String(s.right);
    score.dataset.answered = String(s.answered);
    return s;
  };
  resetButton.addEventListener('click', () => {
    progress.reset();
    for (const r of resets) r();
    updateScore();
  });

  const ctx = { core, progress, container, resets, all, updateScore };
  let files = [];
  try {
    const res = await fetch(new URL('index.json', baseUrl));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    files = (await res.json()).quizzes;
  } catch (e) {
    list.append(brokenQuiz('index.json', [`the list of quizzes could not be read: ${/** @type {Error} */ (e).message}`]));
  }
  const texts = await Promise.all(files.map(async (/** @type {string} */ f) => {
    try {
      const res = await fetch(new URL(f, baseUrl));
      return res.ok ? { f, text: await res.text() } : { f, error: `HTTP ${res.status}` };
    } catch (e) {
      return { f, error: /** @type {Error} */ (e).message };
    }
  }));
  for (const { f, text, error } of texts) {
    if (error !== undefined) { list.append(brokenQuiz(f, [`the file could not be fetched: ${error}`])); continue; }
    const r = parseQuiz(/** @type {string} */ (text), validateQuiz);
    if (!r.ok) { list.append(brokenQuiz(f, r.messages)); continue; }
    list.append(renderQuiz(r.quiz, ctx));
  }
  updateScore();
  return { score: updateScore };
}

/**
 * Mounts ONE quiz file (e.g. '3-momentum.json') into `container`, with no panel heading or
 * score line: the lessons page puts each section's quick check under its text. Progress is
 * the same localStorage record mountQuizzes uses, and answers dispatch the same event.
 * A file that cannot be read or fails the schema shows its message in the container.
 * @param {HTMLElement} container
 * @param {{ core: import('../core/wrap-core.js').Core, file: string, baseUrl?: string | URL, storage?: Storage | null }} options
 * @returns {Promise<{ ok: boolean, score: () => { right: number, answered: number, total: number } }>}
 */
export async function mountQuiz(container, { core, file, baseUrl = new URL('../../quizzes/', import.meta.url), storage }) {
  loadStylesheet();
  let store = null;
  try { store = storage === undefined ? window.localStorage : storage; } catch { store = null; }
  const progress = createProgress(store);
  /** @type {{ quizId: string, questionId: string }[]} */
  const all = [];
  const ctx = { core, progress, container, resets: [], all, updateScore: () => progress.score(all) };
  container.classList.add('quiz-panel');
  let node;
  try {
    const res = await fetch(new URL(file, baseUrl));
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const r = parseQuiz(await res.text(), validateQuiz);
    node = r.ok ? renderQuiz(r.quiz, ctx) : brokenQuiz(file, r.messages);
  } catch (e) {
    node = brokenQuiz(file, [`the file could not be fetched: ${/** @type {Error} */ (e).message}`]);
  }
  container.replaceChildren(node);
  return { ok: !node.classList.contains('quiz-broken'), score: ctx.updateScore };
}

/** The message that stands in a malformed quiz's place. @param {string} file @param {string[]} messages */
function brokenQuiz(file, messages) {
  return h('section', { class: 'quiz quiz-broken', role: 'alert', 'data-quiz-file': file },
    h('h3', null, `This quiz could not be loaded (${file})`),
    h('p', null, 'The file does not follow the quiz format, so it is skipped. The other quizzes work as usual. What is wrong:'),
    h('ul', null, ...messages.slice(0, 8).map((m) => h('li', null, h('code', null, m)))));
}

/** @param {Quiz} quiz @param {any} ctx */
function renderQuiz(quiz, ctx) {
  const titleId = `quiz-${quiz.id}-title`;
  const section = h('section', { class: 'quiz', 'aria-labelledby': titleId, 'data-quiz-id': quiz.id },
    h('h3', { id: titleId }, `${quiz.section}. ${quiz.title}`));
  if (quiz.intro) section.append(h('p', { class: 'quiz-intro' }, quiz.intro));
  quiz.questions.forEach((q, i) => {
    ctx.all.push({ quizId: quiz.id, questionId: q.id });
    section.append(renderQuestion(quiz, q, i, ctx));
  });
  return section;
}

/** @param {Quiz} quiz @param {QuizQuestion} q @param {number} index @param {any} ctx */
function renderQuestion(quiz, q, index, ctx) {
  const id = `q${++uid}`;
  const form = /** @type {HTMLFormElement} */ (h('form', { class: `quiz-question quiz-${q.type}`, 'data-question-id': q.id, novalidate: '' }));
  const legend = h('legend', null, h('span', { class: 'quiz-qnum' }, `Question ${index + 1} · ${TYPE_NAMES[/** @type {keyof TYPE_NAMES} */ (q.type)]}`), h('span', { class: 'quiz-prompt' }, q.prompt));
  const fieldset = h('fieldset', null, legend);
  form.append(fieldset);
  const status = h('span', { class: 'quiz-status' });
  legend.append(status);

  let resolved;
  try {
    resolved = resolveQuestion(ctx.core, q);
  } catch (e) {
    fieldset.append(h('p', { class: 'quiz-error', role: 'alert' }, `This question could not be prepared: ${/** @type {Error} */ (e).message}`));
    return form;
  }
  const values = resolved.values;

  // inputs
  /** @type {HTMLInputElement[]} */
  const inputs = [];
  if (q.type === 'numeric') {
    const input = /** @type {HTMLInputElement} */ (h('input', { type: 'text', inputmode: 'decimal', id: `${id}-n`, autocomplete: 'off', spellcheck: 'false' }));
    const label = h('label', { for: `${id}-n` }, 'Your answer');
    fieldset.append(h('div', { class: 'quiz-numeric' }, label, input, q.unit ? h('span', null, q.unit) : ''));
    inputs.push(input);
  } else {
    const kind = q.type === 'multiple' ? 'checkbox' : 'radio';
    const options = h('div', { class: 'quiz-choices' });
    q.choices.forEach((c, k) => {
      const input = /** @type {HTMLInputElement} */ (h('input', { type: kind, name: `${id}-c`, value: c.id, id: `${id}-c${k}` }));
      inputs.push(input);
      options.append(h('div', { class: 'quiz-choice', 'data-choice-id': c.id }, input, h('label', { for: `${id}-c${k}` }, c.text)));
    });
    fieldset.append(options);
  }

  // buttons
  const check = h('button', { type: 'submit', class: 'quiz-check' }, q.type === 'predict' ? 'Lock in my prediction and run' : 'Check answer');
  const retry = h('button', { type: 'button', class: 'quiz-retry', hidden: '' }, 'Try again');
  const revealButton = h('button', { type: 'button', class: 'quiz-reveal', hidden: '' }, 'Show the answer');
  const hintButton = h('button', { type: 'button', class: 'quiz-hint-toggle', 'aria-expanded': 'false', 'aria-controls': `${id}-hint` }, 'Show hint');
  const buttons = h('div', { class: 'quiz-buttons' }, check, retry, revealButton, hintButton);
  const hint = h('p', { class: 'quiz-hint', id: `${id}-hint`, hidden: '' }, h('strong', null, 'Hint: '), fill(q.hint, values));
  fieldset.append(buttons, hint);
  hintButton.addEventListener('click', () => {
    const open = hint.hidden;
    hint.hidden = !open;
    hintButton.setAttribute('aria-expanded', String(open));
    hintButton.textContent = open ? 'Hide hint' : 'Show hint';
  });

  const feedback = h('div', { class: 'quiz-feedback', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const raceHost = h('div', { class: 'quiz-race-host' });
  fieldset.append(feedback, raceHost);

  // show me
  /** @type {QuizRaceView | null} */
  let showView = null;
  const showMe = q.showMe;
  if (showMe) {
    const showButton = h('button', { type: 'button', class: 'quiz-showme' }, showMe.label);
    buttons.append(showButton);
    showButton.addEventListener('click', async () => {
      showView?.dispose();
      showView = new QuizRaceView(raceHost, ctx.core, showMe.race, showMe.caption);
      await showView.run();
    });
  }

  // locked: inputs off; final: no further tries (right, revealed, or a prediction that has run)
  const setLocked = (/** @type {boolean} */ locked, final = false) => {
    for (const i of inputs) i.disabled = locked;
    check.hidden = locked;
    retry.hidden = !locked || final;
    revealButton.hidden = !locked || final;
  };
  const markStatus = () => {
    const d = describeRecord(ctx.progress.get(quiz.id, q.id));
    status.textContent = d.text ? ` ${d.state === 'right' || d.state === 'right-later' ? '✓' : '✗'} ${d.text}` : '';
    form.dataset.state = d.state;
  };
  markStatus();
  const emit = (/** @type {boolean} */ correct, /** @type {any} */ response, /** @type {boolean} */ final) => {
    const rec = ctx.progress.record(quiz.id, q.id, correct);
    markStatus();
    const s = ctx.updateScore();
    ctx.container.dispatchEvent(new CustomEvent(ANSWER_EVENT, { bubbles: true,
      detail: { quizId: quiz.id, questionId: q.id, type: q.type, correct, firstTry: rec.attempts === 1, final, response,
        attempts: rec.attempts, score: s } }));
    return rec;
  };
  /** "Correct." with when: the first try scores, later ones are only reported. @param {{ attempts: number }} rec */
  const rightWhen = (rec) => (rec.attempts === 1 ? 'Correct, on the first try.' : `Correct, after ${rec.attempts} tries (only a first try scores).`);
  const verdictLine = (/** @type {boolean} */ ok, /** @type {string} */ text) =>
    h('p', { class: `quiz-verdict ${ok ? 'is-right' : 'is-wrong'}` }, h('span', { 'aria-hidden': 'true' }, ok ? '✓ ' : '✗ '), text);
  const explanation = () => {
    const box = h('div', { class: 'quiz-explanation' }, h('p', null, h('strong', null, 'Why: '), fill(q.explanation, values)));
    if (resolved.figure) box.append(renderFigure(q.figure, resolved.figure));
    return box;
  };

  retry.addEventListener('click', () => {
    setLocked(false);
    for (const i of inputs) { if (i.type === 'text') i.value = ''; else i.checked = false; }
    feedback.replaceChildren();
    inputs[0]?.focus();
  });
  // Giving up: the right answer, every choice's feedback and the explanation, and no more tries.
  revealButton.addEventListener('click', () => {
    ctx.progress.reveal(quiz.id, q.id);
    markStatus();
    setLocked(true, true);
    if (q.type === 'numeric') {
      feedback.replaceChildren(verdictLine(false, `The answer: ${fmt(/** @type {number} */ (resolved.answer), 4)}.`), explanation());
    } else {
      for (const i of inputs) i.checked = resolved.correctIds.has(i.value);
      const items = h('ul', { class: 'quiz-choice-feedback' }, ...q.choices.map((c) =>
        h('li', { class: resolved.correctIds.has(c.id) ? 'is-right' : 'is-wrong' },
          h('strong', null, `${resolved.correctIds.has(c.id) ? 'Right' : 'Not right'}: `), `${c.text}. `, fill(c.feedback, values))));
      feedback.replaceChildren(verdictLine(false, 'The answer is marked above.'), items, explanation());
    }
    ctx.container.dispatchEvent(new CustomEvent(ANSWER_EVENT, { bubbles: true,
      detail: { quizId: quiz.id, questionId: q.id, type: q.type, correct: false, firstTry: false, final: true, response: 'revealed',
        attempts: ctx.progress.get(quiz.id, q.id)?.attempts ?? 0, score: ctx.updateScore() } }));
  });
  ctx.resets.push(() => { setLocked(false); feedback.replaceChildren(); markStatus(); });

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (q.type === 'numeric') {
      const r = scoreNumeric(q, inputs[0].value, /** @type {number} */ (resolved.answer), (t) => evaluateConstant(ctx.core, t));
      if (r.status === 'invalid') { feedback.replaceChildren(verdictLine(false, r.feedback)); return; }
      const ok = r.status === 'correct';
      const shown = `${r.expression ? `${inputs[0].value.trim()} = ` : ''}${fmt(/** @type {number} */ (r.value), 4)}`;
      setLocked(true, ok);
      const rec = emit(ok, r.value, ok);
      feedback.replaceChildren(verdictLine(ok, ok ? `${rightWhen(rec)} ${shown}.` : `Not quite: ${shown} is too ${r.status}.`),
        h('p', null, fill(r.feedback, values)), ...(ok ? [explanation()] : []));
      return;
    }
    const selected = inputs.filter((i) => i.checked).map((i) => i.value);
    if (!selected.length) { feedback.replaceChildren(verdictLine(false, q.type === 'multiple' ? 'Pick at least one choice first.' : 'Pick a choice first.')); return; }
    if (q.type === 'predict') {
      setLocked(true);
      retry.hidden = true;
      // The inputs' values are the choice ids, so the picked one is there.
      const choice = /** @type {QuizChoice} */ (q.choices.find((c) => c.id === selected[0]));
      feedback.replaceChildren(h('p', null, `Your prediction: ${choice.text}. The race is running…`));
      const lr = q.race.learningRate.value;
      const view = new QuizRaceView(raceHost, ctx.core, q.race, `${q.race.runners.map((r) => r.label).join(', ')} from (${q.race.start?.x ?? ''}, ${q.race.start?.y ?? ''}), up to ${q.race.steps} steps.`);
      const infos = await view.run(lr);
      const verdict = raceVerdict(q.race, infos, lr);
      const ok = scorePrediction(choice.id, verdict).correct;
      // a prediction is made once: the race has answered it, so it is final
      setLocked(true, true);
      feedback.replaceChildren(
        verdictLine(ok, ok ? `Your prediction matches the race: ${verdict.summary}` : `The race disagrees with your prediction: ${verdict.summary}`),
        h('p', null, fill(choice.feedback, values)),
        h('ul', { class: 'quiz-race-lines' }, ...verdict.lines.map((l) => h('li', null, l))),
        explanation(),
        tryAnotherRate(q, view, lr));
      form.dataset.winner = verdict.winner;
      emit(ok, { prediction: choice.id, winner: verdict.winner, lr }, true);
      return;
    }
    const r = scoreChoice(q, selected, resolved.correctIds);
    // Before the final answer only the picked choices get feedback: naming the missed right
    // ones would hand the next try its answer.
    const shownItems = r.correct ? r.items : r.items.filter((it) => it.selected);
    const missed = r.items.filter((it) => !it.selected && it.shouldSelect).length;
    const items = h('ul', { class: 'quiz-choice-feedback' }, ...shownItems.map((it) => {
      const tag = it.selected ? (it.shouldSelect ? 'Right choice' : 'Not this one') : 'Also right (you missed it)';
      return h('li', { class: it.selected === it.shouldSelect ? 'is-right' : 'is-wrong' },
        h('strong', null, `${tag}: `), `${it.text}. `, fill(it.feedback, values));
    }));
    setLocked(true, r.correct);
    const rec = emit(r.correct, selected, r.correct);
    const missedLine = !r.correct && missed ? [h('p', null, `You missed ${missed === 1 ? 'a right choice' : `${missed} right choices`}.`)] : [];
    feedback.replaceChildren(verdictLine(r.correct, r.correct ? rightWhen(rec) : 'Not quite.'), items, ...missedLine,
      ...(r.correct ? [explanation()] : []));
  });
  return form;
}

/** "Try another learning rate": reruns the same race, with a verdict of its own (not scored). @param {PredictQuestion} q @param {QuizRaceView} view @param {number} lr */
function tryAnotherRate(q, view, lr) {
  const alternatives = q.race.learningRate.alternatives ?? [];
  const id = `q${++uid}-lr`;
  const select = h('select', { id }, ...alternatives.map((/** @type {number} */ v) => {
    const o = /** @type {HTMLOptionElement} */ (h('option', { value: String(v) }, String(v)));
    o.selected = v === lr;
    return o;
  }));
  const out = h('p', { class: 'quiz-lr-result', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'quiz-lr-run' }, 'Run again');
  button.addEventListener('click', async () => {
    const v = Number(/** @type {HTMLSelectElement} */ (select).value);
    out.textContent = `Running at lr = ${v}…`;
    const verdict = raceVerdict(q.race, await view.run(v), v);
    out.textContent = `${verdict.summary} ${verdict.lines.join(' ')}`;
    out.dataset.winner = verdict.winner;
  });
  return h('div', { class: 'quiz-lr' },
    h('p', null, 'The winner depends on the learning rate. Try another one (the same lr for every runner):'),
    h('div', { class: 'quiz-lr-controls' }, h('label', { for: id }, 'Learning rate'), select, button), out);
}

/** The figures a question's explanation can carry, drawn from core-computed data. @param {any} spec @param {any} data */
function renderFigure(spec, data) {
  if (data.kind === 'memory-table') {
    return h('figure', { class: 'quiz-figure' },
      h('table', { class: 'quiz-memory' },
        h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Optimizer'), h('th', { scope: 'col' }, 'State values per weight'))),
        h('tbody', null, ...data.rows.map((/** @type {any} */ r) => h('tr', null, h('th', { scope: 'row' }, r.label), h('td', null, String(r.values)))))),
      h('figcaption', null, spec.caption));
  }
  // momentum weights: a bar chart in SVG, with the values in its accessible name
  const w = data.weights;
  const W = 320;
  const H = 120;
  const bw = W / w.length;
  const NS = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${W} ${H + 18}`);
  svg.setAttribute('class', 'quiz-weights');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Weights μ^k for k = 0 to ${w.length - 1}: ${w.slice(0, 11).map((/** @type {number} */ v) => fmt(v, 2)).join(', ')}, …`);
  w.forEach((/** @type {number} */ v, /** @type {number} */ k) => {
    const r = document.createElementNS(NS, 'rect');
    const hgt = Math.max(1, v * H);
    r.setAttribute('x', String(k * bw + 1));
    r.setAttribute('y', String(H - hgt));
    r.setAttribute('width', String(Math.max(1, bw - 2)));
    r.setAttribute('height', String(hgt));
    r.setAttribute('class', k === data.highlight ? 'bar is-highlight' : 'bar');
    svg.append(r);
    if (k % 5 === 0 || k === data.highlight) {
      const t = document.createElementNS(NS, 'text');
      t.setAttribute('x', String(k * bw + bw / 2));
      t.setAttribute('y', String(H + 14));
      t.setAttribute('text-anchor', 'middle');
      t.textContent = String(k);
      svg.append(t);
    }
  });
  if (data.highlight !== undefined) {
    const t = document.createElementNS(NS, 'text');
    const k = data.highlight;
    t.setAttribute('x', String(k * bw + bw / 2 + 4));
    t.setAttribute('y', String(H - w[k] * H - 6));
    t.setAttribute('class', 'label');
    t.textContent = `k = ${k}: ${fmt(w[k], 3)}`;
    svg.append(t);
  }
  return h('figure', { class: 'quiz-figure' }, svg, h('figcaption', null, `${spec.caption} Steps ago (k) along the bottom.`));
}
