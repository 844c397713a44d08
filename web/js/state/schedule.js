// @ts-check
// A runner's learning-rate schedule and gradient clipping as the page keeps them: the
// scheduler is torch's call without the optimizer, exactly the text the core reads
// ("CosineAnnealingLR(T_max=200)"), and the two clippings are torch's max_norm and
// clip_value. A runner without them has none of these fields, so old links and states
// are unchanged. This module only writes and splits that text for the controls and the
// links; whether it is valid is always the core's verdict (wrap-core.js checkTraining).

/**
 * @typedef {{ schedule?: string, clipGradNorm?: number, clipGradValue?: number }} RunnerTraining
 *   what a runner adds to its optimizer: absent fields mean none
 */

/** The fields of a runner that describe its training controls. */
export const TRAINING_KEYS = /** @type {const} */ (['schedule', 'clipGradNorm', 'clipGradValue']);

/** True when the runner has a schedule or a clipping. @param {RunnerTraining} runner */
export function hasTraining(runner) {
  return TRAINING_KEYS.some((k) => runner[k] !== undefined);
}

/**
 * What Race#setRunnerSchedule takes for this runner (none: an empty scheduler, no clipping).
 * @param {RunnerTraining} runner
 * @returns {{ scheduler: string, clipGradNorm: number, clipGradValue: number }}
 */
export function trainingOf(runner) {
  return { scheduler: runner.schedule ?? '', clipGradNorm: runner.clipGradNorm ?? Number.NaN,
    clipGradValue: runner.clipGradValue ?? Number.NaN };
}

/**
 * A runner with other training controls: `patch` fields set to undefined are removed, so the
 * state never carries an empty schedule.
 * @template {RunnerTraining} R
 * @param {R} runner @param {RunnerTraining} patch @returns {R}
 */
export function withTraining(runner, patch) {
  /** @type {any} */
  const out = { ...runner, ...patch };
  for (const k of TRAINING_KEYS) if (out[k] === undefined || out[k] === '') delete out[k];
  return out;
}

/**
 * torch's call text from a scheduler name and its keyword arguments, in the given order, leaving
 * out empty ones (the scheduler's default applies): ("StepLR", {step_size: "50"}) -> "StepLR(step_size=50)".
 * @param {string} id @param {Record<string, string>} args
 */
export function schedulerCall(id, args) {
  const items = Object.entries(args).filter(([, v]) => v.trim() !== '').map(([k, v]) => `${k}=${v.trim()}`);
  return `${id}(${items.join(',')})`;
}

/**
 * Splits at `sep` outside parentheses, trimmed, empty pieces left out: the arguments of a call
 * (","), or SequentialLR's children "A(...)+B(...)" ("+"; "1e+3" inside a child is not a split).
 * @param {string} text @param {string} sep @returns {string[]}
 */
export function topLevelPieces(text, sep) {
  const out = [''];
  let depth = 0;
  for (const c of text) {
    if (c === sep && depth === 0) { out.push(''); continue; }
    if (c === '(') depth++;
    else if (c === ')') depth--;
    out[out.length - 1] += c;
  }
  return out.map((p) => p.trim()).filter((p) => p !== '');
}

/**
 * Splits a call "Name(a=1,b=2,3,c=X(d=4)+Y(e=5))" into its name and keyword arguments (the text of
 * each value). A piece without "=" continues the previous argument's list ("milestones=30,80");
 * commas inside nested calls (SequentialLR's schedulers) stay in their argument.
 * Returns null when the text is not a call at all.
 * @param {string} text @returns {{ id: string, args: Record<string, string> } | null}
 */
export function splitSchedulerCall(text) {
  const m = /^([A-Za-z_][A-Za-z_0-9]*)\((.*)\)$/s.exec(text.trim());
  if (!m) return null;
  /** @type {Record<string, string>} */
  const args = {};
  let last = '';
  for (const piece of topLevelPieces(m[2], ',')) {
    const eq = piece.indexOf('=');
    const nested = piece.indexOf('(');
    if (eq > 0 && (nested < 0 || eq < nested)) {
      last = piece.slice(0, eq).trim();
      args[last] = piece.slice(eq + 1).trim();
    } else if (last) {
      args[last] += `,${piece.trim()}`;
    } else {
      return null;
    }
  }
  return { id: m[1], args };
}
