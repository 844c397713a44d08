// @ts-check
// The student's progress: per question, whether it was answered right and how many
// tries it took. Kept in localStorage (or any Storage-like object) across reloads.

export const PROGRESS_KEY = 'optlab.quiz.progress.v1';

/**
 * @typedef {{ correct: boolean, attempts: number }} QuestionRecord
 * @typedef {Record<string, Record<string, QuestionRecord>>} ProgressData quiz id -> question id -> record
 */

/** @param {Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null} storage */
export function createProgress(storage, key = PROGRESS_KEY) {
  /** @type {ProgressData} */
  let data = {};
  try {
    const raw = storage?.getItem(key);
    const parsed = raw ? JSON.parse(raw) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed;
  } catch {
    data = {}; // unreadable or blocked storage: start afresh
  }
  const save = () => {
    try { storage?.setItem(key, JSON.stringify(data)); } catch { /* storage full or blocked: progress lives for this visit */ }
  };
  return {
    /** @param {string} quizId @param {string} questionId @returns {QuestionRecord | undefined} */
    get(quizId, questionId) { return data[quizId]?.[questionId]; },
    /**
     * Records one answer. Once right, a question stays right (a later wrong try does not take the point away).
     * @param {string} quizId @param {string} questionId @param {boolean} correct
     */
    record(quizId, questionId, correct) {
      const quiz = (data[quizId] ??= {});
      const prev = quiz[questionId] ?? { correct: false, attempts: 0 };
      quiz[questionId] = { correct: prev.correct || correct, attempts: prev.attempts + 1 };
      save();
      return quiz[questionId];
    },
    /** Right answers among the given questions. @param {{ quizId: string, questionId: string }[]} questions */
    score(questions) {
      const right = questions.filter((q) => data[q.quizId]?.[q.questionId]?.correct).length;
      const answered = questions.filter((q) => data[q.quizId]?.[q.questionId]).length;
      return { right, answered, total: questions.length };
    },
    reset() {
      data = {};
      try { storage?.removeItem(key); } catch { /* nothing kept */ }
    },
  };
}
