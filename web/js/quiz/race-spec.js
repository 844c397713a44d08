// @ts-check
// A quiz's race (a "show me" or a predict-then-run question) from its JSON spec, and the
// verdict of a finished race: who reached a minimum first, read from the core's runner
// statuses. Nothing here is typed in: change the learning rate and the verdict follows.
import { fmt } from './computations.js';
import { steps } from '../ui/format.js';
import { runnerSettings } from '../state/properties.js';
import { hasTraining, trainingOf } from '../state/schedule.js';

/** @typedef {import('../core/wrap-core.js').Core} Core */
/** @typedef {import('../core/wrap-core.js').Race} Race */
/** @typedef {import('./quiz-types.js').QuizRace} QuizRace */

/**
 * Builds the race. With a shared learning rate, `lr` (default: the one the question states)
 * is every runner's lr unless the runner sets its own, as on the race page.
 * @param {Core} core @param {QuizRace} spec @param {number} [lr]
 */
export function createQuizRace(core, spec, lr = spec.learningRate?.value) {
  const race = core.createRace(spec.landscape, spec.params ?? {}, spec.start);
  try {
    if (spec.noise) race.setNoise(spec.noise.sigma, spec.noise.seed ?? 1);
    spec.runners.forEach((/** @type {any} */ r, /** @type {number} */ i) => {
      race.addRunner(r.optimizer, runnerSettings({ params: r.settings ?? {} }, lr), r.label);
      if (hasTraining(r)) race.setRunnerSchedule(i, trainingOf(r)); // an lr schedule, clipping
    });
  } catch (e) {
    race.dispose();
    throw e;
  }
  return race;
}

/** Advances until every runner has stopped or the step budget is spent. @param {Race} race @param {QuizRace} spec @param {number} [chunk] */
export function advanceRace(race, spec, chunk = spec.steps) {
  const k = Math.min(chunk, spec.steps - race.steps);
  if (k > 0 && !race.finished) race.advance(k);
  return race.finished || race.steps >= spec.steps;
}

/** Runs a whole race at once and returns its runners' final states (tests, reduced motion). @param {Core} core @param {QuizRace} spec @param {number} [lr] */
export function runQuizRace(core, spec, lr) {
  const race = createQuizRace(core, spec, lr);
  try {
    advanceRace(race, spec);
    return Array.from({ length: race.runnerCount }, (_, i) => race.runnerInfo(i));
  } finally {
    race.dispose();
  }
}

/**
 * One runner's outcome in words.
 * @param {{ label: string, status: string, statusStep: number, loss: number, steps: number }} r @param {number} budget
 */
export function describeRunner(r, budget) {
  if (r.status === 'converged') return `${r.label} reached the minimum at step ${steps(r.statusStep)}.`;
  if (r.status === 'diverged') return `${r.label} blew up (diverged) at step ${steps(r.statusStep)}.`;
  return `${r.label} had not reached the minimum after ${steps(budget)} steps (loss ${fmt(r.loss)}).`;
}

/**
 * Who reached a minimum first, from the race's own statuses.
 * @param {{ steps: number, runners: { choice: string }[], learningRate?: { value: number } }} spec the race spec
 *   (a predict-then-run race: its runners carry the choice they stand for)
 * @param {{ label: string, status: string, statusStep: number, loss: number, steps: number }[]} infos runnerInfo() per runner
 * @param {number} [lr] the learning rate used
 * @returns {{ winner: string, winners: string[], winnerLabel: string, firstStep: number, summary: string, lines: string[] }}
 *   winner: the choice id of the first runner to converge (of the first in runner order when
 *   several arrive at the same step; all of them are in `winners`), or 'none'
 */
export function raceVerdict(spec, infos, lr = spec.learningRate?.value) {
  const converged = infos.map((r, i) => ({ r, choice: spec.runners[i].choice }))
    .filter((x) => x.r.status === 'converged')
    .sort((a, b) => a.r.statusStep - b.r.statusStep);
  const lines = infos.map((r) => describeRunner(r, spec.steps));
  const at = lr !== undefined ? `at lr = ${lr}` : 'at these settings';
  if (!converged.length) {
    return { winner: 'none', winners: [], winnerLabel: '', firstStep: -1, lines,
      summary: `No optimizer reached the minimum within ${steps(spec.steps)} steps ${at}.` };
  }
  const firstStep = converged[0].r.statusStep;
  const tied = converged.filter((x) => x.r.statusStep === firstStep);
  const winnerLabel = tied.map((x) => x.r.label).join(' and ');
  // sort() is stable, so the tied runners are still in runner order
  return {
    winner: tied[0].choice,
    winners: tied.map((x) => x.choice),
    winnerLabel,
    firstStep,
    lines,
    summary: tied.length === 1 ? `${winnerLabel} reached the minimum first ${at}, at step ${steps(firstStep)}.`
      : `${winnerLabel} reached the minimum together, first ${at}, at step ${steps(firstStep)}.`,
  };
}
