// @ts-check
// The shape of a quiz file (web/quizzes/quiz.schema.json), for the type checker: a quiz
// reaches the page only after the schema check, so its fields can be read as typed here.

/**
 * @typedef {Record<string, number | boolean | number[]>} QuizSettings optimizer settings by torch's names
 * @typedef {{ x: number, y: number }} QuizPoint
 * @typedef {{ optimizer: string, settings?: QuizSettings, label: string, choice?: string }} QuizRunner
 * @typedef {{ landscape: string, params?: Record<string, number>, start?: QuizPoint, steps: number, runners: QuizRunner[],
 *   learningRate?: { value: number, alternatives?: number[] }, noise?: { sigma: number, seed?: number },
 *   buffers?: string[] }} QuizRace
 * @typedef {{ compute: 'momentum-weight' | 'adam-first-step-ratio' | 'state-values' | 'less-state-than',
 *   args?: Record<string, any> }} QuizCompute
 * @typedef {{ id: string, text: string, correct?: boolean, feedback: string,
 *   optimizer?: { id: string, settings?: QuizSettings, label?: string } }} QuizChoice
 * @typedef {{ id: string, prompt: string, hint: string, explanation: string,
 *   showMe?: { label: string, caption: string, race: QuizRace },
 *   figure?: { kind: 'momentum-weights' | 'memory-table', caption: string, args?: Record<string, any> } }} QuizCommon
 * @typedef {QuizCommon & { type: 'single' | 'multiple', choices: QuizChoice[], correctFrom?: QuizCompute }} ChoiceQuestion
 * @typedef {QuizCommon & { type: 'numeric', answer: { value: number } | QuizCompute,
 *   tolerance: { absolute?: number, relative?: number }, unit?: string, decimals?: number,
 *   feedback: { correct: string, low: string, high: string } }} NumericQuestion
 * @typedef {QuizRace & { learningRate: { value: number, alternatives?: number[] },
 *   runners: (QuizRunner & { choice: string })[] }} PredictRace what quiz-check.js requires of a prediction's race
 * @typedef {QuizCommon & { type: 'predict', race: PredictRace, choices: QuizChoice[] }} PredictQuestion
 * @typedef {ChoiceQuestion | NumericQuestion | PredictQuestion} QuizQuestion
 * @typedef {{ id: string, section: number, title: string, intro?: string, questions: QuizQuestion[] }} Quiz
 */

export {};
