// @ts-check
// How many core steps one animation frame asks for: the speed the reader chose (steps per
// frame), unless that many would make the frame longer than its budget on this machine.
// The cost of a step (advancing the core, copying the new trail points) is measured on the
// last frames, so a slow laptop, or a CPU slowed for a test, asks for fewer
// steps per frame and keeps drawing smoothly; the race then takes more frames. Nothing else
// changes: every step is the same step, so results never depend on the machine.

/** Script time one frame may spend on race steps, ms: a 60 Hz frame is 16.7 ms, and drawing and the browser need the rest. */
export const FRAME_BUDGET_MS = 4;
/** Weight of the newest frame in the running cost per step (an exponential average). */
const NEWEST = 0.25;

export class StepBudget {
  /** @param {number} [budgetMs] */
  constructor(budgetMs = FRAME_BUDGET_MS) {
    this.budgetMs = budgetMs;
    /** running estimate of one step's cost, ms (0: nothing measured yet) */
    this.msPerStep = 0;
  }

  /**
   * Steps for the next frame: `speed`, or fewer when the measured cost would exceed the budget.
   * At least one, so the race always moves.
   * @param {number} speed
   */
  steps(speed) {
    if (!(this.msPerStep > 0)) return speed;
    return Math.max(1, Math.min(speed, Math.floor(this.budgetMs / this.msPerStep)));
  }

  /**
   * Records what a frame of `steps` steps cost. A frame's fixed cost counts as part of its steps, so
   * the estimate is on the safe side when few steps are asked for; it recovers as the frames grow.
   * @param {number} steps @param {number} ms
   */
  record(steps, ms) {
    if (!(steps > 0) || !(ms >= 0)) return;
    const perStep = ms / steps;
    this.msPerStep = this.msPerStep > 0 ? (1 - NEWEST) * this.msPerStep + NEWEST * perStep : perStep;
  }
}
