// @ts-check
// Entry of web/quiz.html: the quizzes alone (to develop them, or to embed a page of quick checks).
import { loadCore } from '../core/load-core.js';
import { mountQuizzes } from './quiz-panel.js';

const host = /** @type {HTMLElement} */ (document.getElementById('quizzes'));
loadCore()
  .then((core) => mountQuizzes(host, { core }))
  .catch((err) => {
    host.textContent = `The quizzes could not start: ${err.message}`;
    console.error(err);
  });
