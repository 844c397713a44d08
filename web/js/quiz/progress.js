// @ts-check
// The student's progress: per question, whether the FIRST answer was right, how many
// tries it took to get it right (if ever), and whether the answer was revealed. Only the
// first answer scores: trying again after seeing feedback teaches, it does not earn the
// point. Kept in localStorage (or any Storage-like object) across reloads.

// v2: v1 records kept "right at some try", which cannot be turned into first-try scores,
// so they are left behind rather than credited.
export const PROGRESS_KEY = 'optlab.quiz.progress.v2';

/**
 * @typedef {{ firstCorrect: boolean, correct: boolean, attempts: number, rightAt: number, revealed: boolean }} QuestionRecord
 *   firstCorrect: the first answer was right (the score); correct: right at some try;
 *   rightAt: the try (1-based) that was first right, 0 if none; revealed: the student asked for the answer
 * @typedef {Record<string, Record<string, QuestionRecord>>} ProgressData quiz id -> question id -> record
 */

/** @param {any} r @returns {r is QuestionRecord} */
const isRecord = (r) => r && typeof r === 'object' && typeof r.firstCorrect === 'boolean' && Number.isInteger(r.attempts);

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
  /** @param {string} quizId @param {string} questionId @returns {QuestionRecord | undefined} */
  const get = (quizId, questionId) => {
    const r = data[quizId]?.[questionId];
    return isRecord(r) ? r : undefined;
  };
  return {
    get,
    /**
     * Records one answer. The first one decides the score; later ones only say when it became right.
     * An answer after the answer was revealed counts as a try but never as right.
     * @param {string} quizId @param {string} questionId @param {boolean} correct
     */
    record(quizId, questionId, correct) {
      const quiz = (data[quizId] ??= {});
      const prev = get(quizId, questionId);
      const attempts = (prev?.attempts ?? 0) + 1;
      const counts = correct && !prev?.revealed;
      quiz[questionId] = prev
        ? { ...prev, attempts, correct: prev.correct || counts, rightAt: prev.rightAt || (counts ? attempts : 0) }
        : { firstCorrect: correct, correct, attempts, rightAt: correct ? 1 : 0, revealed: false };
      save();
      return quiz[questionId];
    },
    /** The student gave up and asked for the answer: the question is final, not right. @param {string} quizId @param {string} questionId */
    reveal(quizId, questionId) {
      const quiz = (data[quizId] ??= {});
      const prev = get(quizId, questionId) ?? { firstCorrect: false, correct: false, attempts: 0, rightAt: 0, revealed: false };
      quiz[questionId] = { ...prev, revealed: true };
      save();
      return quiz[questionId];
    },
    /**
     * Right on the first try among the given questions (what the score and the LMS report),
     * plus those answered at all and those right only after more tries.
     * @param {{ quizId: string, questionId: string }[]} questions
     */
    score(questions) {
      const recs = questions.map((q) => get(q.quizId, q.questionId));
      const right = recs.filter((r) => r?.firstCorrect).length;
      const answered = recs.filter((r) => r && r.attempts > 0).length;
      const later = recs.filter((r) => r && !r.firstCorrect && r.correct).length;
      return { right, answered, total: questions.length, later };
    },
    reset() {
      data = {};
      try { storage?.removeItem(key); } catch { /* nothing kept */ }
    },
  };
}

/**
 * The status of a question in words, from its record.
 * @param {QuestionRecord | undefined} rec
 * @returns {{ text: string, state: 'new' | 'right' | 'right-later' | 'wrong' | 'revealed' }}
 */
export function describeRecord(rec) {
  if (!rec || rec.attempts === 0 && !rec.revealed) return { text: '', state: 'new' };
  if (rec.firstCorrect) return { text: 'right on first try', state: 'right' };
  if (rec.correct) return { text: `right after ${rec.rightAt} tries`, state: 'right-later' };
  const tries = `${rec.attempts} ${rec.attempts === 1 ? 'try' : 'tries'}`;
  if (rec.revealed) return { text: `answer shown after ${tries}`, state: 'revealed' };
  return { text: `not right yet (${tries})`, state: 'wrong' };
}
