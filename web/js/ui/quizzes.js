// @ts-check
// The quiz section: mounts the quiz engineer's panel (web/js/quiz/quiz-panel.js)
// when the build includes it. Any failure is shown in this section only.
import { features } from '../../generated/features.js';
import { el } from './dom.js';

/**
 * @param {HTMLElement} root the element with id="quizzes"
 * @param {import('../core/wrap-core.js').Core} core
 */
export async function mountQuizzes(root, core) {
  const body = el('div', { class: 'quiz-body' });
  root.append(body);
  if (!features.quizPanel) {
    body.append(el('p', { class: 'muted' }, 'Quizzes for this chapter are on their way.'));
    return;
  }
  try {
    const { mountQuizzes: mount } = await import('../quiz/quiz-panel.js');
    await mount(body, { core });
  } catch (err) {
    body.replaceChildren(el('p', { class: 'field-error' }, `The quizzes could not be loaded: ${/** @type {Error} */ (err).message}`));
  }
}
