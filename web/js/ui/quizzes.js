// @ts-check
// The quiz section: mounts the quiz engineer's panel (web/js/quiz/quiz-panel.js)
// when the build includes it. Any failure is shown in this section only.
import { features } from '../../generated/features.js';
import { el } from './dom.js';

/**
 * @param {HTMLElement} root the element with id="quizzes"
 * @param {import('../core/wrap-core.js').Core} core
 * @param {{ only?: string, section?: string, tryIt?: (patch: object) => void, lazy?: boolean }} [options]
 *   only: a quiz file stem ("3-momentum") to show alone (quiz embed); section: a lesson section id to show
 *   alone (section embed); tryIt: what a lesson's "Try it" does. When the build has the lessons
 *   (web/js/lessons/lessons-panel.js), the chapter's sections, each with its quick check, take the
 *   place of the plain list of quick checks; lazy: they fill in as the reader reaches them.
 * @returns {Promise<{ open: (sectionId: string) => Promise<void> } | null>}
 */
export async function mountQuizzes(root, core, { only = '', section = '', tryIt = () => {}, lazy = false } = {}) {
  const body = el('div', { class: 'quiz-body' });
  root.append(body);
  if (features.lessons && !only) {
    try {
      const { mountLessons } = await import('../lessons/lessons-panel.js');
      const title = root.querySelector('h2');
      if (title) title.textContent = 'The chapter, section by section';
      const lessons = await mountLessons(body, { core, tryIt, lazy: lazy && !section });
      if (section) {
        const chosen = body.querySelector(`[data-lesson-id="${CSS.escape(section)}"]`);
        if (chosen) {
          for (const child of body.children) if (child !== chosen) /** @type {HTMLElement} */ (child).hidden = true;
        } else {
          body.prepend(el('p', { class: 'field-error', role: 'status' }, `There is no section called ${JSON.stringify(section.slice(0, 64))}; all of them are shown.`));
        }
      }
      return lessons;
    } catch (err) {
      body.replaceChildren(el('p', { class: 'field-error' }, `The lessons could not be loaded: ${/** @type {Error} */ (err).message}`));
      return null;
    }
  }
  if (!features.quizPanel) {
    body.append(el('p', { class: 'muted' }, 'Quizzes for this chapter are on their way.'));
    return null;
  }
  try {
    const panel = await import('../quiz/quiz-panel.js');
    const quizzesUrl = new URL('../../quizzes/', import.meta.url);
    const files = only ? (await listQuizzes(quizzesUrl)).filter((q) => q.id === only) : [];
    if (only && files.length === 0) {
      body.append(el('p', { class: 'field-error', role: 'status' }, `There is no quick check called ${JSON.stringify(only.slice(0, 64))}; all of them are shown.`));
    }
    if (files.length && typeof panel.mountQuiz === 'function') {
      const one = el('div', { class: 'quiz-one' });
      body.append(one);
      await panel.mountQuiz(one, { core, file: files[0].file, baseUrl: quizzesUrl });
    } else {
      await panel.mountQuizzes(body, { core });
    }
  } catch (err) {
    body.replaceChildren(el('p', { class: 'field-error' }, `The quizzes could not be loaded: ${/** @type {Error} */ (err).message}`));
  }
  return null;
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

/**
 * The chapter's sections as { id, title } (empty when the build has no lessons).
 * @returns {Promise<{ id: string, title: string }[]>}
 */
export async function listSections() {
  if (!features.lessons) return [];
  const data = await (await fetch(new URL('../../lessons/lessons.json', import.meta.url))).json();
  const list = Array.isArray(data?.sections) ? data.sections : [];
  return list.filter((/** @type {any} */ s) => typeof s?.id === 'string' && typeof s?.title === 'string')
    .map((/** @type {any} */ s) => ({ id: s.id, title: s.title }));
}
