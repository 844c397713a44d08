// @ts-check
// The race in sentences, for people who cannot see the map: the landscape and where its
// minima are, then per runner its position, loss, status and what it is doing (motion.js),
// then who leads. Built only from what the page already has from the core: the frame,
// the trails, the landscape description, the runners' status texts and last gradients, and the
// curvature at each runner. The sentences are computed from the run, never written in advance.
import { classifyMotion, valleyAxes, DEFAULT_WINDOW } from './motion.js';
import { compact, fixed, steps as formatSteps } from '../ui/format.js';

/**
 * @typedef {import('../core/wrap-core.js').RunnerFrame} RunnerFrame
 * @typedef {{ displayName: string, domain: {xmin: number, xmax: number, ymin: number, ymax: number},
 *   minima: {x: number, y: number, value: number, global: boolean}[] }} LandscapeLike
 * @typedef {{ points: ArrayLike<number>, stepsPerPoint: number }} Tail
 * @typedef {{ label: string, position: string, loss: string, status: string, motion: import('./motion.js').Motion, sentence: string }} RunnerLine
 * @typedef {{ landscape: string, runners: RunnerLine[], order: string }} RaceDescription
 */

/** A step shorter than this fraction of the domain's larger side counts as standing still. */
export const STALL_FRACTION = 1e-6;
const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const MAX_LISTED_MINIMA = 6;

/** @param {number} x @param {number} y */
export function point(x, y) {
  return `(${fixed(x, 3)}, ${fixed(y, 3)})`;
}

/** @param {string[]} items */
function list(items) {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "One minimum", "four minima". @param {number} n */
function minimaCount(n) {
  const word = NUMBER_WORDS[n] ?? String(n);
  return `${word[0].toUpperCase()}${word.slice(1)} ${n === 1 ? 'minimum' : 'minima'}`;
}

/**
 * "The Rosenbrock landscape, x from -2 to 2 and y from -1 to 3. One minimum: global at (1.000, 1.000), loss 0."
 * @param {LandscapeLike} landscape
 */
export function describeLandscape(landscape) {
  const d = landscape.domain;
  const head = `The ${landscape.displayName} landscape, x from ${compact(d.xmin)} to ${compact(d.xmax)} and y from ${compact(d.ymin)} to ${compact(d.ymax)}.`;
  const minima = landscape.minima ?? [];
  if (minima.length === 0) return `${head} Where its minima are is not known in advance.`;
  const shown = minima.slice(0, MAX_LISTED_MINIMA);
  const more = minima.length > shown.length ? ` and ${minima.length - shown.length} more` : '';
  const sameValue = minima.every((m) => m.value === minima[0].value);
  if (minima.length > 1 && sameValue && minima.every((m) => m.global)) {
    return `${head} ${minimaCount(minima.length)}, all global with loss ${compact(minima[0].value)}, at ${list(shown.map((m) => point(m.x, m.y)))}${more}.`;
  }
  const one = (/** @type {LandscapeLike['minima'][number]} */ m) => `${m.global ? 'global' : 'local'} at ${point(m.x, m.y)}, loss ${compact(m.value)}`;
  return `${head} ${minimaCount(minima.length)}: ${shown.map(one).join('; ')}${more}.`;
}


/**
 * The runners from lowest loss to highest; diverged runners (no meaningful loss) last.
 * @param {RunnerFrame[]} frame @param {string[]} labels
 */
export function describeOrder(frame, labels) {
  if (frame.length === 0) return 'No optimizer is racing.';
  const ranked = frame.map((f, i) => ({ f, i })).filter(({ f }) => f.status !== 'diverged' && Number.isFinite(f.loss))
    .sort((a, b) => a.f.loss - b.f.loss);
  const out = frame.map((f, i) => ({ f, i })).filter(({ f }) => f.status === 'diverged' || !Number.isFinite(f.loss));
  const parts = [];
  if (ranked.length === 1) parts.push(`Only ${labels[ranked[0].i]} is still in the race, loss ${compact(ranked[0].f.loss)}.`);
  else if (ranked.length > 1) {
    parts.push(`By loss, lowest first: ${ranked.map(({ f, i }) => `${labels[i]} (${compact(f.loss)})`).join(', ')}.`);
  }
  if (out.length) parts.push(`Out of the race (diverged): ${list(out.map(({ i }) => labels[i]))}.`);
  return parts.join(' ');
}

/**
 * @param {{
 *   landscape: LandscapeLike, frame: RunnerFrame[], labels: string[],
 *   statusText: (i: number) => string,
 *   tail: (i: number, k: number) => Tail,
 *   curvature: (x: number, y: number) => import('./motion.js').CurvatureLike | null,
 *   gradient?: (i: number) => ({x: number, y: number} | null),
 *   window?: number,
 * }} race
 * @returns {RaceDescription}
 */
export function describeRace({ landscape, frame, labels, statusText, tail, curvature, gradient = () => null, window = DEFAULT_WINDOW }) {
  const d = landscape.domain;
  const stallStep = STALL_FRACTION * Math.max(d.xmax - d.xmin, d.ymax - d.ymin);
  const runners = frame.map((f, i) => {
    const finite = Number.isFinite(f.x) && Number.isFinite(f.y);
    let c = null;
    if (finite && f.status === 'running') {
      try { c = curvature(f.x, f.y); } catch { c = null; } // a curvature that cannot be had costs only the valley words
    }
    const t = tail(i, window);
    const g = f.status === 'running' ? gradient(i) : null;
    const motion = classifyMotion(t.points, { status: f.status, axes: valleyAxes(c), stallStep, stepsPerPoint: t.stepsPerPoint, gradient: g });
    const status = f.status === 'running' ? `running, step ${formatSteps(f.steps)}` : statusText(i);
    const position = finite ? point(f.x, f.y) : 'off the map';
    const loss = compact(f.loss);
    const doing = f.status === 'running' ? ` It is ${motion.words}.` : '';
    const sentence = `${labels[i]}: at ${position}, loss ${loss}, ${status}.${doing}`;
    return { label: labels[i], position, loss, status, motion, sentence };
  });
  return { landscape: describeLandscape(landscape), runners, order: describeOrder(frame, labels) };
}

/**
 * The last k recorded points of runner i, read from the core's trajectory (race.trajectorySince),
 * with the number of optimizer steps between them. Every step is recorded until the core starts
 * thinning a long trajectory; after that the window widens until it holds about k points.
 * @param {{ trajectorySince: (i: number, afterStep: number) => {points: Float64Array, steps: Float64Array} }} race
 * @param {number} i @param {number} k @param {number} stepsTaken the runner's steps so far
 * @returns {Tail}
 */
export function recentTail(race, i, k, stepsTaken) {
  let span = k;
  let r = race.trajectorySince(i, Math.max(-1, stepsTaken - span));
  // A thinned trajectory holds fewer points than steps: look further back (at most a few times).
  while (r.steps.length < k && stepsTaken - span > -1) {
    span *= 4;
    r = race.trajectorySince(i, Math.max(-1, stepsTaken - span));
  }
  const n = r.steps.length;
  const from = Math.max(0, n - k);
  const points = r.points.subarray(3 * from, 3 * n);
  const count = n - from;
  const stepsPerPoint = count > 1 ? Math.max(1, (r.steps[n - 1] - r.steps[from]) / (count - 1)) : 1;
  return { points, stepsPerPoint };
}
