// @ts-check
// Sentences about the run on screen, computed from the core's statuses: who reached
// a minimum and at which step, in order; who diverged; who is still running. No
// sentence is written in advance, so nothing claims what the simulation did not do.
import { steps } from './format.js';
import { setText } from './dom.js';

/**
 * @param {import('../core/wrap-core.js').RunnerFrame[]} frame @param {string[]} labels
 * @param {(i: number) => {minimumGlobal: boolean, reason: string}} info
 */
export function summarize(frame, labels, info) {
  if (frame.length === 0) return 'No optimizer is racing: tick one under “Optimizers”.';
  const converged = frame.map((f, i) => ({ f, i })).filter(({ f }) => f.status === 'converged')
    .sort((a, b) => a.f.statusStep - b.f.statusStep);
  const diverged = frame.map((f, i) => ({ f, i })).filter(({ f }) => f.status === 'diverged');
  const running = frame.filter((f) => f.status === 'running').length;
  const where = (/** @type {number} */ i) => {
    const r = info(i);
    if (r.reason === 'near a minimum') return r.minimumGlobal ? 'the global minimum' : 'a local minimum';
    return 'a flat point (gradient ≈ 0)';
  };
  const parts = [];
  if (converged.length) {
    const [first, ...rest] = converged;
    parts.push(`${labels[first.i]} reached ${where(first.i)} first, at step ${steps(first.f.statusStep)}.`);
    for (const { f, i } of rest) parts.push(`${labels[i]} reached ${where(i)} at step ${steps(f.statusStep)}.`);
  }
  for (const { f, i } of diverged) parts.push(`${labels[i]} diverged at step ${steps(f.statusStep)} and was stopped.`);
  const steps0 = Math.max(...frame.map((f) => f.steps));
  if (running) {
    parts.push(converged.length || diverged.length
      ? `${running} still running after ${steps(steps0)} steps.`
      : `After ${steps(steps0)} steps no optimizer has reached a minimum yet.`);
  } else if (!converged.length) {
    parts.push('No optimizer reached a minimum.');
  }
  return parts.join(' ');
}

/**
 * The summary line under the readouts.
 * @param {HTMLElement} root @param {{ session: import('../race/session.js').RaceSession }} app
 */
export function mountSummary(root, { session }) {
  const show = () => setText(root, summarize(session.frame, session.labels, (i) => session.info(i)));
  return { update: show, frame: show, restart: show };
}
