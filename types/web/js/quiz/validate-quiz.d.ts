// The quiz schema compiled by ajv at build time (scripts/build-quiz-validator.mjs writes
// build/site/js/quiz/validate-quiz.js).
declare const validateQuiz: import('../../../../web/js/quiz/quiz-check.js').ValidateFunction;
export default validateQuiz;
