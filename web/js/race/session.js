// @ts-check
// Connects the app state to the core's race: builds the race from a state, applies
// changes with the least work (a new landscape re-samples the surface; new runners,
// learning rate, start or noise restart the race), advances it k steps per call and
// reports status changes as events. It owns the core handle; the page draws what it
// returns and never computes a loss or a step.
import { runnerSettings } from '../state/properties.js';
import { hasTraining, trainingOf } from '../state/schedule.js';
import { TrailCache } from './trails.js';
import { runnerLabel } from './labels.js';
import { CUSTOM_LANDSCAPE_ID } from '../core/wrap-core.js';
import { statusText } from './status-text.js';
import { steps } from '../ui/format.js';

/**
 * @typedef {import('../state/properties.js').RaceState} RaceState
 * @typedef {import('../core/wrap-core.js').RunnerFrame} RunnerFrame
 * @typedef {{ index: number, label: string, status: 'converged'|'diverged', statusStep: number, text: string }} RaceEvent
 */

export class RaceSession {
  /** @param {import('../core/wrap-core.js').Core} core */
  constructor(core) {
    this.core = core;
    /** @type {import('../core/wrap-core.js').Race | null} */
    this.race = null;
    this.trails = new TrailCache();
    /** @type {string[]} */
    this.labels = [];
    /** @type {RunnerFrame[]} */
    this.frame = [];
    /** @type {import('../core/wrap-core.js').LandscapeDescription} the landscape description (domain, minima, formula); set by the first apply() */
    this.landscape = /** @type {any} */ (null);
  }

  /**
   * Brings the race in line with `state`. `changed` names the state keys that changed
   * (all of them on the first call). Returns what the caller must redraw.
   * @param {RaceState} state @param {Set<string>} changed
   */
  apply(state, changed) {
    const all = !this.race;
    const custom = state.landscape === CUSTOM_LANDSCAPE_ID ? { expr: state.expr, domain: state.domain } : undefined;
    const landscapeChanged = all || changed.has('landscape') || changed.has('landscapeParams') ||
      (custom !== undefined && (changed.has('expr') || changed.has('domain')));
    if (all) this.race = this.core.createRace(state.landscape, state.landscapeParams, state.start, custom);
    const race = /** @type {import('../core/wrap-core.js').Race} */ (this.race);
    if (landscapeChanged && !all) race.setup(state.landscape, state.landscapeParams, state.start, custom);
    else if (changed.has('start')) race.setStart(state.start);
    if (landscapeChanged) this.landscape = race.landscape();
    /** @type {string[]} */
    let problems = [];
    if (all || changed.has('noise') || changed.has('seed')) race.setNoise(state.noise, state.seed);
    if (all || changed.has('runners') || changed.has('lr')) {
      while (race.runnerCount > 0) race.removeRunner(race.runnerCount - 1);
      this.labels = state.runners.map((r, i) => runnerLabel(this.core, r, state.runners, i));
      state.runners.forEach((r, i) => race.addRunner(r.optimizer, runnerSettings(r, state.lr), this.labels[i]));
      problems = this.#applyTraining(state);
    }
    this.restart();
    return { landscapeChanged, problems };
  }

  /**
   * Gives each runner its lr schedule and clipping. One the core refuses (its message in torch's
   * words) is reported and that runner races without it; the others are not affected.
   * @param {RaceState} state @returns {string[]} what was refused
   */
  #applyTraining(state) {
    const race = /** @type {import('../core/wrap-core.js').Race} */ (this.race);
    /** @type {string[]} */
    const problems = [];
    state.runners.forEach((r, i) => {
      if (!hasTraining(r)) return;
      try {
        race.setRunnerSchedule(i, trainingOf(r));
      } catch (e) {
        problems.push(`${this.labels[i]} races without its schedule: ${/** @type {Error} */ (e).message}`);
      }
    });
    return problems;
  }

  /** Puts every runner back at the start. */
  restart() {
    const race = /** @type {import('../core/wrap-core.js').Race} */ (this.race);
    race.reset();
    this.trails.clear();
    this.trails.update(race);
    this.frame = race.frame();
  }

  /**
   * Advances every running runner by k steps in one call, appends the new trail
   * points and returns the runners that stopped during these steps.
   * @param {number} k
   * @returns {RaceEvent[]}
   */
  advance(k) {
    const race = /** @type {import('../core/wrap-core.js').Race} */ (this.race);
    const before = this.frame;
    race.advance(k);
    this.frame = race.frame();
    this.trails.update(race);
    /** @type {RaceEvent[]} */
    const events = [];
    this.frame.forEach((f, i) => {
      if (f.status !== 'running' && before[i]?.status === 'running') {
        events.push({ index: i, label: this.labels[i], status: f.status, statusStep: f.statusStep,
          text: statusText(race.runnerInfo(i), steps) });
      }
    });
    return events;
  }

  get finished() { return this.race?.finished ?? true; }
  get steps() { return this.race?.steps ?? 0; }

  /** @param {number} index */
  info(index) { return /** @type {import('../core/wrap-core.js').Race} */ (this.race).runnerInfo(index); }
  /** @param {number} index */
  buffers(index) { return /** @type {import('../core/wrap-core.js').Race} */ (this.race).buffers(index); }
  /** @param {number} x @param {number} y */
  curvature(x, y) { return /** @type {import('../core/wrap-core.js').Race} */ (this.race).curvature(x, y); }
  /** @param {Parameters<import('../core/wrap-core.js').Race['surface']>[0]} options */
  surface(options) { return /** @type {import('../core/wrap-core.js').Race} */ (this.race).surface(options); }
}
