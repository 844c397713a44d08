// @ts-check
// The quiz section: mounts the quiz engineer's panel (web/js/quiz/quiz-panel.js)
// when the build includes it. Any failure is shown in this section only.
import { features } from '../../generated/features.js';
import { el } from './dom.js';

/**
 * @param {HTMLElement} root the element with id="quizzes"
 * @param {import('../core/wrap-core.js').Core} core
 * @param {{ only?: string }} [options] only: a quiz file stem ("3-momentum") to show alone (embed view)
 */
export async function mountQuizzes(root, core, { only = '' } = {}) {
  const body = el('div', { class: 'quiz-body' });
  root.append(body);
  if (!features.quizPanel) {
    body.append(el('p', { class: 'muted' }, 'Quizzes for this chapter are on their way.'));
    return;
  }
  try {
    const panel = await import('../quiz/quiz-panel.js');
    const quizzesUrl = new URL('../../quizzes/', import.meta.url);
    const files = only ? (await listQuizzes(quizzesUrl)).filter((q) => q.id === only) : [];
    if (only && files.length === 0) {
      body.append(el('p', { class: 'field-error', role: 'status' }, `There is no quick check called ${JSON.stringify(only.slice(0, 64))}; all of them are shown.`));
    }
    if (files.length && typeof /** @type {any} */ (panel).mountQuiz === 'function') {
      const one = el('div', { class: 'quiz-one' });
      body.append(one);
      await /** @type {any} */ (panel).mountQuiz(one, { core, file: files[0].file, baseUrl: quizzesUrl });
    } else {
      await panel.mountQuizzes(body, { core });
    }
  } catch (err) {
    body.replaceChildren(el('p', { class: 'field-error' }, `The quizzes could not be loaded: ${/** @type {Error} */ (err).message}`));
  }
}

/**
 * The chapter's quick checks as { id (file stem), file, title }, in the chapter's order.
 * @param {URL} [base] the quizzes folder
 * @returns {Promise<{ id: string, file: string, title: string }[]>}
 */
export async function listQuizzes(base = new URL('../../quizzes/', import.meta.url)) {
  const index = await (await fetch(new URL('index.json', base))).json();
  const files = Array.isArray(index?.quizzes) ? index.quizzes.filter((/** @type {unknown} */ f) => typeof f === 'string') : [];
  return Promise.all(files.map(async (/** @type {string} */ file) => {
    let title = file;
    try {
      const q = await (await fetch(new URL(file, base))).json();
      if (typeof q?.title === 'string') title = q.title;
    } catch { /* the title stays the file name */ }
    return { id: file.replace(/\.json$/, ''), file, title };
  }));
}
