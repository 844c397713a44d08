// @ts-check
// The words for a runner's outcome, built from the fields the core sends (status, reason,
// statusStep, the minimum it reached): the one place the page phrases a status, so no
// code parses the core's text.

/**
 * @typedef {{ x: number, y: number, value: number, global: boolean }} ReachedMinimum
 * @typedef {{ status: string, reason: string, statusStep: number, minimumGlobal: boolean,
 *   minimum: ReachedMinimum | null }} RunnerStatus
 */

/** A coordinate as the core prints one: six significant digits. @param {number} v */
const g6 = (v) => String(Number(v.toPrecision(6)));

/**
 * "converged at step 412", "diverged at step 5", or "running".
 * @param {RunnerStatus} info @param {(step: number) => string} [formatStep] how to print the step
 */
export function statusHeadline(info, formatStep = String) {
  return info.status === 'running' ? 'running' : `${info.status} at step ${formatStep(info.statusStep)}`;
}

/**
 * Why it stopped: "near the global minimum (1, 1), f = 0", "left the bounded region", or "".
 * @param {RunnerStatus} info
 */
export function statusReason(info) {
  if (info.status === 'running') return '';
  const m = info.minimum;
  if (m) return `near the ${m.global ? 'global' : 'local'} minimum (${g6(m.x)}, ${g6(m.y)}), f = ${g6(m.value)}`;
  return info.reason;
}

/**
 * The headline and the reason: "converged at step 1,125: near the global minimum (1, 1), f = 0".
 * @param {RunnerStatus} info @param {(step: number) => string} [formatStep]
 */
export function statusText(info, formatStep = String) {
  const reason = statusReason(info);
  return reason ? `${statusHeadline(info, formatStep)}: ${reason}` : statusHeadline(info, formatStep);
}
